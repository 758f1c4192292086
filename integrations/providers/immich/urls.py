from django.urls import path

from integrations.providers.immich import views

app_name = "immich_api"

urlpatterns = [
    path("settings", views.SettingsView.as_view(), name="settings"),
    path("status", views.StatusView.as_view(), name="status"),
    path("test", views.TestView.as_view(), name="test"),
    path("search", views.SearchView.as_view(), name="search"),
    path("albums", views.AlbumsView.as_view(), name="albums"),
    path(
        "albums/<str:album_id>/photos",
        views.AlbumPhotosView.as_view(),
        name="album-photos",
    ),
]
