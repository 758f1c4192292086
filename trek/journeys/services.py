"""The rules for changing a journey: entries, gallery photos, contributors.

Views check who the caller is (trek.journeys.access) and then call these.
Problems a user can fix are raised as InvalidInputError, which the API turns
into a 400.
"""

import logging
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max

from integrations.providers.base import InvalidInputError
from photos import mirroring
from photos.models import Photo
from photos.services import check_asset_id, photo_for_asset, usable_spec
from trek.journeys import uploads
from trek.journeys.models import (
    JourneyContributor,
    JourneyEntryPhoto,
    JourneyPhoto,
    Role,
)

logger = logging.getLogger(__name__)


@dataclass
class ProviderPick:
    """Assets of one provider the caller picked, validated."""

    provider: str
    asset_ids: list[str]
    media_types: list[str | None] = field(default_factory=list)
    passphrase: str = ""


def parse_provider_pick(data) -> ProviderPick:
    """Accept the batch ({asset_ids, media_types}) and single ({asset_id}) shapes."""
    spec = usable_spec(data.get("provider"))
    if "asset_ids" in data:
        asset_ids = data.get("asset_ids")
        media_types = data.get("media_types") or []
    else:
        asset_ids = [data["asset_id"]] if data.get("asset_id") else []
        media_types = [data.get("media_type")]
    if not isinstance(asset_ids, list) or not asset_ids:
        raise InvalidInputError("provider and asset_id required.")
    if not isinstance(media_types, list):
        raise InvalidInputError("media_types must be a list.")
    media_types = [m if m in ("image", "video") else None for m in media_types]
    return ProviderPick(
        provider=spec.id,
        asset_ids=[check_asset_id(spec, a) for a in dict.fromkeys(asset_ids)],
        media_types=media_types + [None] * (len(asset_ids) - len(media_types)),
        passphrase=str(data.get("passphrase") or ""),
    )


def _next_sort(rows) -> int:
    return (rows.aggregate(top=Max("sort_order"))["top"] or 0) + 1


def in_gallery(journey, photo: Photo, user, caption="") -> JourneyPhoto:
    journey_photo, _ = JourneyPhoto.objects.get_or_create(
        journey=journey,
        photo=photo,
        defaults={
            "added_by": user,
            "caption": caption,
            "sort_order": _next_sort(journey.gallery.all()),
        },
    )
    return journey_photo


def link_to_entry(entry, journey_photo: JourneyPhoto) -> bool:
    _, created = JourneyEntryPhoto.objects.get_or_create(
        entry=entry,
        journey_photo=journey_photo,
        defaults={"sort_order": _next_sort(entry.entry_photos.all())},
    )
    return created


@transaction.atomic
def add_provider_photos(journey, user, pick: ProviderPick, *, entry=None, caption=""):
    """Reference the caller's assets in the gallery (and the entry, if given).

    Returns (gallery rows, how many were new where they were added).
    """
    rows, added = [], 0
    for asset_id, media_type in zip(pick.asset_ids, pick.media_types, strict=False):
        photo = photo_for_asset(
            user,
            pick.provider,
            asset_id,
            media_type=media_type,
            passphrase=pick.passphrase,
        )
        before = journey.gallery.filter(photo=photo).exists()
        journey_photo = in_gallery(journey, photo, user, caption)
        new = link_to_entry(entry, journey_photo) if entry else not before
        added += new
        rows.append(journey_photo)
    logger.info(
        "user %s added %s %s photos to journey %s",
        user.pk,
        added,
        pick.provider,
        journey.pk,
    )
    return rows, added


def add_uploads(entry, user, files, *, caption=""):
    """Store uploaded images in the entry; returns (gallery rows, rejections).

    Mirroring to Immich is queued for after the commit, so a worker never
    looks for a photo that is not there yet.
    """
    outcome = uploads.check_and_store(user, files)
    rows = []
    with transaction.atomic():
        for stored in outcome.stored:
            journey_photo = in_gallery(entry.journey, stored.photo, user, caption)
            journey_photo.latitude = stored.facts.latitude
            journey_photo.longitude = stored.facts.longitude
            journey_photo.save(update_fields=["latitude", "longitude"])
            link_to_entry(entry, journey_photo)
            mirroring.queue_if_wanted(stored.photo)
            rows.append(journey_photo)
    return rows, outcome.rejected


def update_journey_photo(journey_photo: JourneyPhoto, *, caption=None, sort_order=None):
    changed = []
    if caption is not None:
        journey_photo.caption = caption
        changed.append("caption")
    if sort_order is not None:
        journey_photo.sort_order = sort_order
        changed.append("sort_order")
    if changed:
        journey_photo.save(update_fields=changed)
    return journey_photo


@transaction.atomic
def remove_journey_photo(journey_photo: JourneyPhoto) -> None:
    """Take the photo out of the journey (its entry links go with it) and drop
    the photo itself when nothing else refers to it."""
    photo = journey_photo.photo
    logger.info("photo %s removed from journey %s", photo.pk, journey_photo.journey_id)
    journey_photo.delete()
    if photo.journey_photos.exists() or photo.trip_photos.exists():
        return
    if photo.is_local:
        transaction.on_commit(lambda: uploads.delete_files(photo))
        photo.delete()
    else:
        photo.delete_if_orphaned()


def unlink_from_entry(entry, journey_photo_id) -> bool:
    deleted, _ = JourneyEntryPhoto.objects.filter(
        entry=entry, journey_photo_id=journey_photo_id
    ).delete()
    return bool(deleted)


def add_contributor(journey, username: str, role: str) -> JourneyContributor:
    if role not in Role.values:
        raise InvalidInputError("role must be editor or viewer.")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise InvalidInputError("No user with that username.")
    if user.pk == journey.owner_id:
        raise InvalidInputError("The owner is already part of this journey.")
    contributor, _ = JourneyContributor.objects.update_or_create(
        journey=journey, user=user, defaults={"role": role}
    )
    return contributor
