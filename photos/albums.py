"""Album links: a member ties a provider album to a trip and syncing mirrors it.

A sync adds the album's new assets to the trip as the link owner's photos, and
removes from the trip the photos that came through this link and have left the
album. Photos added by hand are never touched by a sync.
"""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from integrations.providers.base import InvalidInputError
from photos.models import AlbumLink, TripPhoto
from photos.services import (
    attach_asset,
    check_album_id,
    is_valid_asset_id,
    remove_trip_photos,
    usable_spec,
)

logger = logging.getLogger(__name__)

SYNC_PAGE_SIZE = 200
SYNC_MAX_PAGES = 100  # 20,000 assets: a bound against a provider that never ends


class AlbumAlreadyLinked(Exception):
    pass


def link_album(trip, user, provider, album_id, *, album_name="", passphrase=""):
    """Create the user's link; AlbumAlreadyLinked if they linked it before."""
    spec = usable_spec(str(provider or "").lower())
    album_id = str(album_id or "").strip()
    if not album_id:
        raise InvalidInputError("album_id is required.", code="photos.album_required")
    check_album_id(spec, album_id)
    try:
        with transaction.atomic():
            return AlbumLink.objects.create(
                trip=trip,
                user=user,
                provider=spec.id,
                album_id=album_id,
                album_name=str(album_name or "")[:300],
                passphrase=str(passphrase or ""),
            )
    except IntegrityError:
        raise AlbumAlreadyLinked from None


def unlink_album(link: AlbumLink) -> int:
    """Delete the link and the photos its syncs added; returns photos removed."""
    with transaction.atomic():
        synced = list(
            TripPhoto.objects.filter(
                album_link=link, added_by_id=link.user_id
            ).select_related("photo")
        )
        removed = remove_trip_photos(synced)
        link.delete()
    logger.info("album link %s removed with %s photos", link.pk, removed)
    return removed


@dataclass(frozen=True)
class SyncResult:
    added: int
    removed: int


def fetch_album_assets(client, link: AlbumLink) -> dict:
    """Every asset of the album, by id, paging until the provider says done."""
    assets, page = {}, 1
    for _ in range(SYNC_MAX_PAGES):
        result = client.album_assets(link.album_id, page=page, size=SYNC_PAGE_SIZE)
        for asset in result.items:
            assets[asset.id] = asset
        if not result.has_more:
            break
        page = result.next_page or page + 1
    return assets


def sync_album(link: AlbumLink) -> SyncResult:
    """Bring the trip in line with the album, with the link owner's connection."""
    spec = usable_spec(link.provider)
    client = spec.client_for(link.user)
    assets = fetch_album_assets(client, link)

    valid = {i: a for i, a in assets.items() if is_valid_asset_id(spec, i)}
    if len(valid) < len(assets):
        logger.warning(
            "album link %s: skipped %s assets with malformed ids",
            link.pk,
            len(assets) - len(valid),
        )

    with transaction.atomic():
        added = sum(
            attach_asset(
                link.trip,
                link.user,
                link.provider,
                asset_id,
                album_link=link,
                media_type=asset.media_type,
                passphrase=link.passphrase,
            )
            for asset_id, asset in valid.items()
        )
        linked = TripPhoto.objects.filter(album_link=link).select_related("photo")
        gone = [tp for tp in linked if tp.photo.asset_id not in valid]
        removed = remove_trip_photos(gone)
        link.last_synced_at = timezone.now()
        link.save(update_fields=["last_synced_at"])

    logger.info("album link %s synced: %s added, %s removed", link.pk, added, removed)
    return SyncResult(added=added, removed=removed)
