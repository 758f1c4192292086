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
    path("links/<id:link_id>/sync/", views.sync, name="sync"),
    path("links/<id:link_id>/unlink/", views.unlink, name="unlink"),
    path("<id:photo_id>/", views.viewer, name="viewer"),
    path("<id:photo_id>/info/", views.info, name="info"),
    path("<id:photo_id>/share/", views.share, name="share"),
    path("<id:photo_id>/remove/", views.remove, name="remove"),
]
