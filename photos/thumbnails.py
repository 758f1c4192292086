"""Thumbnails through the "thumbnails" cache, so a page reload skips the photo server.

The cache is keyed by provider, owner, asset and size: the owner, not the
viewer, because the bytes are the owner's and access is checked before we get
here. Two owners' assets with the same id never share an entry.
"""

import hashlib
import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.cache import caches
from django.http import HttpResponse

from photos.proxy import (
    AssetRef,
    UpstreamChunks,
    media_type_of,
    open_asset_stream,
    read_capped,
    relay,
    success_headers,
)

logger = logging.getLogger(__name__)

MAX_CACHED_BYTES = 2 * 1024 * 1024  # bigger "thumbnails" are relayed, not cached
KEY_VERSION = 1


@dataclass(frozen=True)
class CachedThumbnail:
    content_type: str
    body: bytes

    @property
    def etag(self) -> str:
        return f'"{hashlib.sha256(self.body).hexdigest()[:32]}"'


def cache():
    return caches["thumbnails"]


def cache_key(ref: AssetRef, size: str | None) -> str:
    return (
        f"thumb:{KEY_VERSION}:{ref.provider}:{ref.owner.pk}:{ref.asset_id}"
        f":{size or 'default'}"
    )


_locks_guard = threading.Lock()
_locks: dict[str, threading.Lock] = {}


@contextmanager
def _one_fetch_per_key(key: str):
    """Concurrent misses for one thumbnail wait for a single upstream fetch.

    Best effort within one process: at worst two threads fetch the same
    thumbnail, which costs a request, never a wrong answer.
    """
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        yield
    with _locks_guard:
        if not lock.locked():
            _locks.pop(key, None)


def thumbnail_response(request, ref: AssetRef, size: str | None):
    key = cache_key(ref, size)
    cached = _read(key)
    if cached is None:
        with _one_fetch_per_key(key):
            cached = _read(key)
            if cached is None:
                cached, stream = _fetch(ref, size)
                if cached is None:
                    return relay(stream, ref, "thumbnail")
                # Plain values, so a code change never makes old entries unreadable.
                cache().set(key, (cached.content_type, cached.body))
    return _cached_response(request, cached)


def _read(key: str) -> CachedThumbnail | None:
    entry = cache().get(key)
    if entry is None:
        return None
    content_type, body = entry
    return CachedThumbnail(content_type, body)


def _fetch(ref: AssetRef, size):
    """(CachedThumbnail, None), or (None, stream) when it cannot be cached."""
    stream = open_asset_stream(ref, "thumbnail", size=size)
    try:
        if stream.status != 200:
            return None, stream
        content_type = media_type_of(stream)
        body = read_capped(stream, MAX_CACHED_BYTES)
    except BaseException:
        UpstreamChunks(stream).close()
        raise
    if body is None:
        return None, stream
    UpstreamChunks(stream).close()
    return CachedThumbnail(content_type, body), None


def _cached_response(request, cached: CachedThumbnail) -> HttpResponse:
    etag = cached.etag
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
        del response["Content-Type"]
    else:
        response = HttpResponse(cached.body, content_type=cached.content_type)
        response["Content-Length"] = str(len(cached.body))
    response["ETag"] = etag
    success_headers(response, "thumbnail")
    return response
