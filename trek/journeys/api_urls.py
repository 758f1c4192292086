"""JSON routes, mounted under /api/journeys/."""

from django.urls import path

from trek.journeys import api

app_name = "journeys_api"

urlpatterns = [
    path("", api.JourneysAPI.as_view(), name="journeys"),
    path("<id:journey_id>", api.JourneyAPI.as_view(), name="journey"),
    path(
        "<id:journey_id>/contributors",
        api.ContributorsAPI.as_view(),
        name="contributors",
    ),
    path(
        "<id:journey_id>/contributors/<id:user_id>",
        api.ContributorAPI.as_view(),
        name="contributor",
    ),
    path("<id:journey_id>/entries", api.EntriesAPI.as_view(), name="entries"),
    path("entries/<id:entry_id>", api.EntryAPI.as_view(), name="entry"),
    path(
        "entries/<id:entry_id>/photos",
        api.EntryUploadAPI.as_view(),
        name="entry-upload",
    ),
    path(
        "entries/<id:entry_id>/provider-photos",
        api.EntryProviderPhotosAPI.as_view(),
        name="entry-provider-photos",
    ),
    path(
        "entries/<id:entry_id>/photos/<id:journey_photo_id>",
        api.EntryPhotoAPI.as_view(),
        name="entry-photo",
    ),
    path(
        "<id:journey_id>/gallery/provider-photos",
        api.GalleryProviderPhotosAPI.as_view(),
        name="gallery-provider-photos",
    ),
    path(
        "<id:journey_id>/gallery/<id:journey_photo_id>",
        api.GalleryPhotoAPI.as_view(),
        name="gallery-photo",
    ),
    path("photos/<id:journey_photo_id>", api.JourneyPhotoAPI.as_view(), name="photo"),
    path(
        "photos/<id:journey_photo_id>/mirror/retry",
        api.MirrorRetryAPI.as_view(),
        name="mirror-retry",
    ),
]
