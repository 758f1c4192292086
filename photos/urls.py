"""The trip Photos panel (htmx), mounted under /trips/<trip_id>/photos/."""

from django.urls import path

from photos import views

app_name = "photos"

urlpatterns = [
    path("", views.panel, name="panel"),
    path("pick/<str:provider>/", views.picker, name="picker"),
    path("pick/<str:provider>/add/", views.add, name="add"),
    path("albums/<str:provider>/", views.albums, name="albums"),
    path("albums/<str:provider>/link/", views.link, name="link"),
    path("links/<int:link_id>/sync/", views.sync, name="sync"),
    path("links/<int:link_id>/unlink/", views.unlink, name="unlink"),
    path("<int:photo_id>/", views.viewer, name="viewer"),
    path("<int:photo_id>/info/", views.info, name="info"),
    path("<int:photo_id>/share/", views.share, name="share"),
    path("<int:photo_id>/remove/", views.remove, name="remove"),
]
