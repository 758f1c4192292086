"""Mirroring local uploads into the uploader's Immich library, in the background.

The flow: an upload that commits queues its photo (status "queued"); a task
claims the row with a conditional update, so two workers never send the same
photo at once; the file goes up with its SHA-1, so Immich answers "duplicate"
instead of storing it twice (a retry after a crash therefore costs nothing).
Created and duplicate answers both link the photo to the Immich asset. The
local file stays and is what we keep serving.
"""

import logging
import mimetypes
import random
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from addons import state
from integrations.providers.base import ProviderError
from photos.models import MirrorStatus, Photo

logger = logging.getLogger(__name__)

IMMICH = "immich"
# A claim older than MIRROR_CLAIM_SECONDS belongs to a task that died; another
# task may take over.


class MirrorFileMissing(ProviderError):
    default_code = "mirror.file_missing"


def max_retries() -> int:
    return settings.MIRROR_MAX_RETRIES


def retry_delay(attempt: int) -> float:
    """Exponential backoff with full jitter in its upper half, capped."""
    base = settings.MIRROR_RETRY_BASE_SECONDS
    cap = settings.MIRROR_RETRY_CAP_SECONDS
    return min(cap, base * 2**attempt) * random.uniform(0.5, 1.0)


def mirror_connection(user):
    """The user's Immich connection if uploads should be mirrored to it."""
    if not state.is_provider_enabled(IMMICH):
        return None
    from integrations.providers.registry import get_spec

    connection = get_spec(IMMICH).connection_for(user)
    if connection is None or not connection.mirror_uploads:
        return None
    return connection


def queue_if_wanted(photo: Photo) -> bool:
    """Queue an upload for mirroring when its owner asked for it."""
    if not photo.is_local or mirror_connection(photo.owner) is None:
        return False
    _queue(photo)
    return True


def queue_retry(photo: Photo) -> bool:
    """Queue a failed mirror again (the retry button); False if it is not failed."""
    updated = Photo.objects.filter(
        pk=photo.pk, mirror_status=MirrorStatus.FAILED
    ).update(mirror_status=MirrorStatus.QUEUED, mirror_claim="", mirror_attempts=0)
    if updated:
        _send_after_commit(photo.pk)
        photo.refresh_from_db()
    return bool(updated)


def _queue(photo: Photo) -> None:
    # Named once, so every attempt presents the same file to Immich.
    device_asset_id = photo.device_asset_id or f"trek-photo-{photo.pk}"
    Photo.objects.filter(pk=photo.pk).update(
        mirror_status=MirrorStatus.QUEUED,
        mirror_error="",
        mirror_claim="",
        device_asset_id=device_asset_id,
    )
    photo.mirror_status = MirrorStatus.QUEUED
    photo.device_asset_id = device_asset_id
    _send_after_commit(photo.pk)


def _send_after_commit(photo_id: int) -> None:
    from photos.tasks import mirror_photo_to_immich

    transaction.on_commit(lambda: mirror_photo_to_immich.delay(photo_id))
    logger.info("photo %s queued for mirroring to immich", photo_id)


def claim(photo_id: int, token: str) -> bool:
    """Take the photo for sending. A re-delivered task (same token) or a stale
    claim may take it again; anybody else finds nothing to do."""
    stale = timezone.now() - timedelta(seconds=settings.MIRROR_CLAIM_SECONDS)
    return bool(
        Photo.objects.filter(pk=photo_id, mirror_status=MirrorStatus.QUEUED)
        .filter(
            Q(mirror_claim="") | Q(mirror_claim=token) | Q(mirror_claimed_at__lt=stale)
        )
        .update(
            mirror_claim=token,
            mirror_claimed_at=timezone.now(),
            mirror_attempts=F("mirror_attempts") + 1,
        )
    )


def mirror_photo(photo_id: int, token: str) -> str:
    """Send one queued photo; returns the status it ends in.

    A transient ProviderError (err.retryable) is re-raised after the claim is
    released, for the task to retry; any other is recorded as the failure.
    """
    if not claim(photo_id, token):
        logger.info("photo %s is not waiting for this mirror task", photo_id)
        return "skipped"
    photo = Photo.objects.select_related("owner").get(pk=photo_id)

    connection = mirror_connection(photo.owner)
    if connection is None:
        logger.info("photo %s: mirroring is off for its owner now", photo_id)
        _finish(photo_id, token, status=MirrorStatus.NONE)
        return MirrorStatus.NONE
    try:
        result = _upload(photo, connection)
    except ProviderError as err:
        if err.retryable:
            _release(photo_id, token, err)
            raise
        record_failure(photo_id, err)
        return MirrorStatus.FAILED

    status = MirrorStatus.DUPLICATE if result.duplicate else MirrorStatus.MIRRORED
    _finish(photo_id, token, status=status, mirrored_asset_id=result.asset_id)
    logger.info("photo %s %s as immich asset %s", photo_id, status, result.asset_id)
    return status


def record_failure(photo_id: int, err: ProviderError) -> None:
    """Give up on a photo, keeping the reason for its owner to read."""
    logger.warning("mirroring photo %s failed: %s", photo_id, err.code)
    Photo.objects.filter(pk=photo_id).update(
        mirror_status=MirrorStatus.FAILED,
        mirror_error=err.message[:500],
        mirror_claim="",
    )


def _upload(photo: Photo, connection):
    path = Path(settings.MEDIA_ROOT) / photo.file_path
    if not photo.file_path or not path.is_file():
        raise MirrorFileMissing("The uploaded file is no longer on this server.")
    client = connection.client()
    try:
        file = _open(path)
        with file:
            return client.upload(
                file,
                file_name=path.name,
                taken_at=photo.taken_at,
                content_type=mimetypes.guess_type(path.name)[0],
                device_asset_id=photo.device_asset_id,
            )
    finally:
        client.close()


def _open(path: Path):
    try:
        return path.open("rb")
    except OSError:
        raise MirrorFileMissing("The uploaded file could not be read.") from None


def _release(photo_id: int, token: str, err: ProviderError) -> None:
    logger.info("mirroring photo %s will be retried: %s", photo_id, err.code)
    Photo.objects.filter(pk=photo_id, mirror_claim=token).update(
        mirror_claim="", mirror_error=err.message[:500]
    )


def _finish(photo_id: int, token: str, **values) -> None:
    Photo.objects.filter(pk=photo_id, mirror_claim=token).update(
        mirror_status=values.pop("status"),
        mirror_error="",
        mirror_claim="",
        **values,
    )
