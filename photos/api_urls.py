"""JSON routes, mounted under /api/."""

from django.urls import path

from photos import api, media_views

trip = "integrations/memories/unified/trips/<id:trip_id>"
asset = (
    "integrations/memories/<str:provider>/assets/"
    "<id:trip_id>/<str:asset_id>/<id:owner_id>"
)

urlpatterns = [
    path(f"{trip}/photos", api.TripPhotosAPI.as_view(), name="trip-photos"),
    path(
        f"{trip}/photos/sharing",
        api.TripPhotoSharingAPI.as_view(),
        name="trip-photo-sharing",
    ),
    path(f"{trip}/album-links", api.AlbumLinksAPI.as_view(), name="album-links"),
    path(
        f"{trip}/album-links/<id:link_id>",
        api.AlbumLinkAPI.as_view(),
        name="album-link",
    ),
    path(
        f"{trip}/album-links/<id:link_id>/sync",
        api.AlbumLinkSyncAPI.as_view(),
        name="album-link-sync",
    ),
    path(
        "photos/<id:photo_id>/info",
        media_views.PhotoInfoView.as_view(),
        name="photo-info",
    ),
    path(
        "photos/<id:photo_id>/<str:kind>",
        media_views.PhotoMediaView.as_view(),
        name="photo-media",
    ),
    path(f"{asset}/info", media_views.AssetInfoView.as_view(), name="asset-info"),
    path(
        f"{asset}/<str:kind>", media_views.AssetMediaView.as_view(), name="asset-media"
    ),
]
