from django.urls import path

from integrations.providers.immich import web

app_name = "immich_settings"

urlpatterns = [
    path("card", web.card, name="card"),
    path("save", web.save, name="save"),
    path("test", web.test, name="test"),
]
