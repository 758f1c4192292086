from django.urls import path

from addons import api

urlpatterns = [
    path("addons", api.AddonListView.as_view(), name="api-addons"),
    path(
        "admin/addons/<str:addon_id>",
        api.AdminAddonView.as_view(),
        name="api-admin-addon",
    ),
]
