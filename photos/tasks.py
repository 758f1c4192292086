"""Background album sync. Tasks take primary keys and re-read the row."""

import logging
import random

from celery import shared_task

from addons import state
from integrations.providers.base import ProviderError
from photos.albums import sync_album
from photos.models import AlbumLink

logger = logging.getLogger(__name__)

MAX_RETRIES = 4


def retry_delay(attempt: int) -> float:
    """Exponential backoff with jitter, capped at ten minutes."""
    return min(600.0, 30.0 * 2**attempt) * random.uniform(0.5, 1.0)


@shared_task(bind=True, max_retries=MAX_RETRIES, ignore_result=True)
def sync_album_link(self, link_id: int) -> None:
    """Sync one album link. Safe to run twice: a sync converges on the album."""
    link = AlbumLink.objects.select_related("trip", "user").filter(pk=link_id).first()
    if link is None:
        logger.info("album link %s is gone; nothing to sync", link_id)
        return
    if not state.is_provider_enabled(link.provider):
        logger.info("album link %s: provider %s is off", link_id, link.provider)
        return
    try:
        sync_album(link)
    except ProviderError as err:
        if err.retryable and self.request.retries < MAX_RETRIES:
            logger.info("album link %s sync will retry: %s", link_id, err.code)
            raise self.retry(
                exc=err, countdown=retry_delay(self.request.retries)
            ) from err
        logger.warning("album link %s sync failed: %s", link_id, err.code)


@shared_task(ignore_result=True)
def sync_all_album_links() -> int:
    """Queue a sync of every link whose provider is switched on (Celery beat)."""
    link_ids = list(
        AlbumLink.objects.filter(provider__in=state.enabled_provider_ids())
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for link_id in link_ids:
        sync_album_link.delay(link_id)
    logger.info("queued sync of %s album links", len(link_ids))
    return len(link_ids)


@shared_task(bind=True, ignore_result=True, acks_late=True)
def mirror_photo_to_immich(self, photo_id: int) -> None:
    """Send one uploaded photo to its owner's Immich (see photos.mirroring).

    The task id is the claim token: a message re-delivered after a worker died
    carries the same id, so it may take the photo over.
    """
    from photos import mirroring

    try:
        mirroring.mirror_photo(photo_id, token=self.request.id or f"eager-{photo_id}")
    except ProviderError as err:  # only transient errors come out
        attempt = self.request.retries
        if attempt < mirroring.max_retries():
            raise self.retry(
                exc=err,
                countdown=mirroring.retry_delay(attempt),
                max_retries=mirroring.max_retries(),
            ) from None
        mirroring.record_failure(photo_id, err)
