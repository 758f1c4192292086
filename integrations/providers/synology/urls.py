"""Mounted at /api/integrations/memories/synologyphotos/ by integrations.urls."""

from django.urls import path

from integrations.providers.synology import views

app_name = "synology_api"

urlpatterns = [
    path("settings", views.SettingsView.as_view(), name="settings"),
    path("status", views.StatusView.as_view(), name="status"),
    path("test", views.TestView.as_view(), name="test"),
    path("albums", views.AlbumsView.as_view(), name="albums"),
    path(
        "albums/<str:album_id>/photos",
        views.AlbumPhotosView.as_view(),
        name="album-photos",
    ),
    path("search", views.SearchView.as_view(), name="search"),
]
