"""The rules for a trip's photos: which provider is usable, adding, sharing, removing.

Views call these after checking trip membership. Errors a user can fix are
raised as InvalidInputError, which trek.api turns into a 400.
"""

import logging
import re
from dataclasses import dataclass, field

from django.db import transaction

from addons import state
from integrations.providers.base import InvalidInputError
from integrations.providers.registry import ProviderSpec, UnknownProvider, get_spec
from photos.models import MediaType, Photo, TripPhoto

logger = logging.getLogger(__name__)


def usable_spec(provider_id: str) -> ProviderSpec:
    """The provider's spec, if this server knows it and the admin switched it on."""
    shown = str(provider_id)[:50]
    try:
        spec = get_spec(provider_id)
    except UnknownProvider:
        raise InvalidInputError(
            f'Provider: "{shown}" is not supported.',
            code="photos.provider_unsupported",
        ) from None
    if not state.is_provider_enabled(provider_id):
        raise InvalidInputError(
            f'Provider: "{shown}" is not enabled, contact your administrator.',
            code="photos.provider_disabled",
        )
    return spec


def is_valid_asset_id(spec: ProviderSpec, asset_id) -> bool:
    return isinstance(asset_id, str) and bool(
        re.fullmatch(spec.asset_id_pattern, asset_id)
    )


def check_asset_id(spec: ProviderSpec, asset_id) -> str:
    if not is_valid_asset_id(spec, asset_id):
        raise InvalidInputError(
            f"Invalid asset id for {spec.name}.", code="photos.invalid_asset_id"
        )
    return asset_id


def check_album_id(spec: ProviderSpec, album_id) -> str:
    """Refuse an album id the provider never hands out, before it is stored."""
    if not isinstance(album_id, str) or not re.fullmatch(
        spec.album_id_pattern, album_id
    ):
        raise InvalidInputError(
            f"Invalid album id for {spec.name}.", code="photos.invalid_album_id"
        )
    return album_id


@dataclass
class Selection:
    """Assets of one provider the user picked, already validated."""

    provider: str
    asset_ids: list[str]
    media_types: dict[str, str] = field(default_factory=dict)
    passphrase: str = ""


def parse_selections(raw_selections) -> list[Selection]:
    """Validate the picker's `selections` before anything is stored."""
    if not isinstance(raw_selections, list):
        raise InvalidInputError("No photos selected.", code="photos.nothing_selected")
    selections = []
    for raw in raw_selections:
        if not isinstance(raw, dict):
            raise InvalidInputError("Each selection must be an object.")
        spec = usable_spec(raw.get("provider"))
        asset_ids = raw.get("asset_ids") or []
        if not isinstance(asset_ids, list):
            raise InvalidInputError("asset_ids must be a list.")
        asset_ids = [a for a in asset_ids if a not in ("", None)]
        media_types = raw.get("media_types") or {}
        if not isinstance(media_types, dict):
            raise InvalidInputError("media_types must map asset ids to a type.")
        selections.append(
            Selection(
                provider=spec.id,
                asset_ids=[check_asset_id(spec, a) for a in asset_ids],
                media_types={
                    k: v for k, v in media_types.items() if v in MediaType.values
                },
                passphrase=str(raw.get("passphrase") or ""),
            )
        )
    if not any(s.asset_ids for s in selections):
        raise InvalidInputError("No photos selected.", code="photos.nothing_selected")
    return selections


def photo_for_asset(owner, provider, asset_id, *, media_type=None, passphrase=""):
    """The owner's reference to an asset, created on first use."""
    photo, created = Photo.objects.get_or_create(
        provider=provider,
        asset_id=asset_id,
        owner=owner,
        defaults={
            "media_type": media_type or MediaType.IMAGE,
            "passphrase": passphrase,
        },
    )
    changed = []
    if not created and passphrase and photo.passphrase != passphrase:
        photo.passphrase = passphrase
        changed.append("passphrase")
    if not created and media_type and photo.media_type != media_type:
        photo.media_type = media_type
        changed.append("media_type")
    if changed:
        photo.save(update_fields=changed)
    return photo


def attach_asset(
    trip,
    user,
    provider,
    asset_id,
    *,
    shared=True,
    album_link=None,
    media_type=None,
    passphrase="",
) -> bool:
    """Add one of the user's assets to the trip; False if it was already there."""
    photo = photo_for_asset(
        user, provider, asset_id, media_type=media_type, passphrase=passphrase
    )
    _, created = TripPhoto.objects.get_or_create(
        trip=trip,
        added_by=user,
        photo=photo,
        defaults={"shared": shared, "album_link": album_link},
    )
    return created


@transaction.atomic
def add_photos(trip, user, selections: list[Selection], *, shared=True) -> int:
    """Attach the picked assets; repeats are skipped. Returns how many were new."""
    added = 0
    for selection in selections:
        for asset_id in dict.fromkeys(selection.asset_ids):
            added += attach_asset(
                trip,
                user,
                selection.provider,
                asset_id,
                shared=shared,
                media_type=selection.media_types.get(asset_id),
                passphrase=selection.passphrase,
            )
    logger.info("user %s added %s photos to trip %s", user.pk, added, trip.pk)
    return added


def visible_trip_photos(trip, viewer):
    """What the viewer sees on the trip: own rows and others' shared ones,
    from switched-on providers, oldest first."""
    return (
        TripPhoto.objects.filter(trip=trip)
        .seen_by(viewer)
        .of_providers(state.enabled_provider_ids())
        .select_related("photo", "added_by")
        .order_by("added_at", "pk")
    )


def own_trip_photo(trip, user, photo_id) -> TripPhoto | None:
    try:
        photo_id = int(photo_id)
    except (TypeError, ValueError):
        return None
    return (
        TripPhoto.objects.filter(trip=trip, added_by=user, photo_id=photo_id)
        .select_related("photo")
        .first()
    )


def set_sharing(trip_photo: TripPhoto, shared: bool) -> None:
    trip_photo.shared = shared
    trip_photo.save(update_fields=["shared"])


@transaction.atomic
def remove_trip_photos(trip_photos) -> int:
    """Delete trip photo rows, then any photo reference left pointing nowhere."""
    photos = {tp.photo for tp in trip_photos}
    count = 0
    for trip_photo in trip_photos:
        trip_photo.delete()
        count += 1
    for photo in photos:
        photo.delete_if_orphaned()
    return count
