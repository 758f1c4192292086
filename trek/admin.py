from django.contrib import admin
from rest_framework.authtoken.models import TokenProxy

# An API token is a full sign-in as its user: it is not shown to anyone, not
# even in the admin. Users get theirs from POST /api/auth/token.
admin.site.unregister(TokenProxy)
