"""JSON routes, mounted under /api/journeys/."""

from django.urls import path

from trek.journeys import api

app_name = "journeys_api"

urlpatterns = [
    path("", api.JourneysAPI.as_view(), name="journeys"),
    path("<int:journey_id>", api.JourneyAPI.as_view(), name="journey"),
    path(
        "<int:journey_id>/contributors",
        api.ContributorsAPI.as_view(),
        name="contributors",
    ),
    path(
        "<int:journey_id>/contributors/<int:user_id>",
        api.ContributorAPI.as_view(),
        name="contributor",
    ),
    path("<int:journey_id>/entries", api.EntriesAPI.as_view(), name="entries"),
    path("entries/<int:entry_id>", api.EntryAPI.as_view(), name="entry"),
    path(
        "entries/<int:entry_id>/photos",
        api.EntryUploadAPI.as_view(),
        name="entry-upload",
    ),
    path(
        "entries/<int:entry_id>/provider-photos",
        api.EntryProviderPhotosAPI.as_view(),
        name="entry-provider-photos",
    ),
    path(
        "entries/<int:entry_id>/photos/<int:journey_photo_id>",
        api.EntryPhotoAPI.as_view(),
        name="entry-photo",
    ),
    path(
        "<int:journey_id>/gallery/provider-photos",
        api.GalleryProviderPhotosAPI.as_view(),
        name="gallery-provider-photos",
    ),
    path(
        "<int:journey_id>/gallery/<int:journey_photo_id>",
        api.GalleryPhotoAPI.as_view(),
        name="gallery-photo",
    ),
    path("photos/<int:journey_photo_id>", api.JourneyPhotoAPI.as_view(), name="photo"),
    path(
        "photos/<int:journey_photo_id>/mirror/retry",
        api.MirrorRetryAPI.as_view(),
        name="mirror-retry",
    ),
]
