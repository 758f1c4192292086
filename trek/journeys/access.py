"""Who may do what with a journey.

Anybody who is neither the owner nor a contributor gets a 404, so a journey's
existence does not leak. A viewer who tries to change something gets a 403.
With the Journey addon off every journey route answers 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from addons import state
from trek.journeys.models import Journey, JourneyEntry, JourneyPhoto


def require_journey_addon() -> None:
    if not state.is_addon_enabled(state.JOURNEY):
        raise Http404("Journey addon is not enabled.")


def _checked(journey: Journey, user, *, edit: bool) -> None:
    role = journey.role_of(user)
    if role is None:
        raise Http404("Journey not found.")
    if edit and not journey.can_edit(user):
        raise PermissionDenied("Viewers cannot change this journey.")


def _pk(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("Not found.") from None


def get_journey(user, journey_id, *, edit=False) -> Journey:
    journey = Journey.objects.filter(pk=_pk(journey_id)).first()
    if journey is None:
        raise Http404("Journey not found.")
    _checked(journey, user, edit=edit)
    return journey


def get_entry(user, entry_id, *, edit=False) -> JourneyEntry:
    entry = (
        JourneyEntry.objects.select_related("journey").filter(pk=_pk(entry_id)).first()
    )
    if entry is None:
        raise Http404("Entry not found.")
    _checked(entry.journey, user, edit=edit)
    return entry


def get_journey_photo(user, journey_photo_id, *, edit=False) -> JourneyPhoto:
    journey_photo = (
        JourneyPhoto.objects.select_related("journey", "photo")
        .filter(pk=_pk(journey_photo_id))
        .first()
    )
    if journey_photo is None:
        raise Http404("Photo not found.")
    _checked(journey_photo.journey, user, edit=edit)
    return journey_photo
