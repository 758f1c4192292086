"""Who may see a photo. Every view that shows or streams one asks here.

Whoever fails the rule gets a 404, never a 403, so an outsider cannot even
learn that a photo or asset exists.
"""

from django.http import Http404

from addons import state
from photos.models import Photo, TripPhoto
from trek.trips.models import Trip

JOURNEY_CONTEXT = 0  # trip id 0 in asset routes means "inside a journey"


def in_viewers_journey(viewer, photo_filter: dict) -> bool:
    """Whether a journey the viewer owns or contributes to holds the photo.

    `photo_filter` narrows Photo rows, e.g. {"pk": 3} or
    {"provider": ..., "asset_id": ..., "owner_id": ...}. Every journey that
    holds the photo counts, not only the first one found.
    """
    from trek.journeys.models import Journey, JourneyPhoto

    return JourneyPhoto.objects.filter(
        journey__in=Journey.objects.visible_to(viewer),
        **{f"photo__{key}": value for key, value in photo_filter.items()},
    ).exists()


def shared_in_viewers_trip(viewer, photo_filter: dict, trip_id=None) -> bool:
    """Whether the photo is shared in a trip the viewer belongs to."""
    rows = TripPhoto.objects.filter(
        shared=True,
        trip__in=Trip.objects.visible_to(viewer),
        **{f"photo__{key}": value for key, value in photo_filter.items()},
    )
    if trip_id is not None:
        rows = rows.filter(trip_id=trip_id)
    return rows.exists()


def can_view_photo(viewer, photo: Photo) -> bool:
    """The rule for stored references (/api/photos/<id>/...)."""
    if not viewer.is_authenticated:
        return False
    if photo.owner_id == viewer.pk:
        return True
    match = {"pk": photo.pk}
    return shared_in_viewers_trip(viewer, match) or in_viewers_journey(viewer, match)


def can_view_asset(viewer, provider_id, asset_id, owner_id, trip_id) -> bool:
    """The rule for raw asset routes: own library, a trip, or a journey (0)."""
    if not viewer.is_authenticated:
        return False
    if owner_id == viewer.pk:
        return True
    match = {"provider": provider_id, "asset_id": asset_id, "owner_id": owner_id}
    if trip_id == JOURNEY_CONTEXT:
        return in_viewers_journey(viewer, match)
    return shared_in_viewers_trip(viewer, match, trip_id=trip_id)


def get_viewable_photo(viewer, photo_id) -> Photo:
    """The photo if the viewer may see it and its provider is on; else 404."""
    try:
        photo = Photo.objects.select_related("owner").get(pk=int(photo_id))
    except (Photo.DoesNotExist, ValueError, TypeError):
        raise Http404("Photo not found.") from None
    if not photo.is_local and not state.is_provider_enabled(photo.provider):
        raise Http404("Photo not found.")
    if not can_view_photo(viewer, photo):
        raise Http404("Photo not found.")
    return photo
