"""Journey pages under /journeys/ and the JSON API under /api/journeys/."""

from django.urls import include, path

from trek.journeys import views

page_patterns = [
    path("", views.journey_list, name="list"),
    path("<id:journey_id>/", views.journey_detail, name="detail"),
    path("<id:journey_id>/entries/", views.entry_create, name="entry-create"),
    path(
        "<id:journey_id>/contributors/",
        views.contributor_add,
        name="contributor-add",
    ),
    path("entries/<id:entry_id>/upload/", views.entry_upload, name="entry-upload"),
    path("entries/<id:entry_id>/picker/", views.entry_picker, name="entry-picker"),
    path(
        "entries/<id:entry_id>/provider-photos/",
        views.entry_add_provider_photos,
        name="entry-provider-photos",
    ),
    path("photos/<id:journey_photo_id>/", views.photo_card, name="photo"),
    path(
        "photos/<id:journey_photo_id>/caption/",
        views.photo_caption,
        name="photo-caption",
    ),
    path(
        "photos/<id:journey_photo_id>/remove/",
        views.photo_remove,
        name="photo-remove",
    ),
    path(
        "photos/<id:journey_photo_id>/mirror/retry/",
        views.photo_mirror_retry,
        name="photo-mirror-retry",
    ),
]

urlpatterns = [
    path("journeys/", include((page_patterns, "journeys"))),
    path("api/journeys/", include("trek.journeys.api_urls")),
]
