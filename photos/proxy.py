"""Relaying a provider's asset to the browser, chunk by chunk, never buffered.

The upstream response is closed on every path: after the last chunk, when the
browser goes away mid-stream (the WSGI server closes the response, which
closes us), and when we refuse what the provider sent.
"""

import itertools
import logging
import mimetypes
from dataclasses import dataclass

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from integrations.providers.base import BadResponseError, ProviderError, Stream
from integrations.providers.registry import get_spec
from photos.renditions import heic_to_jpeg

logger = logging.getLogger(__name__)

# Only these upstream headers reach the browser; cookies, server banners and
# anything naming the photo server stay behind.
SAFE_HEADERS = (
    "content-type",
    "content-length",
    "content-range",
    "accept-ranges",
    "etag",
    "last-modified",
)
MAX_AGE = {"thumbnail": 86400, "preview": 3600, "original": 3600, "video": 3600}
HEIC_TYPES = {"image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"}
ERROR_CACHE_CONTROL = "no-store"
MAX_HEIC_PREVIEW_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class AssetRef:
    """Which asset to fetch and with whose connection."""

    provider: str
    asset_id: str
    owner: object  # the user whose connection fetches the bytes

    @classmethod
    def of_photo(cls, photo) -> "AssetRef":
        return cls(photo.provider, photo.asset_id, photo.owner)

    def client(self):
        return get_spec(self.provider).client_for(self.owner)


class UpstreamChunks:
    """The upstream chunks, with a close() that runs exactly once.

    StreamingHttpResponse registers close() as a resource closer, so it also
    runs when the browser disconnects before the last chunk.
    """

    def __init__(self, stream: Stream):
        self._stream = stream
        self._closed = False

    def __iter__(self):
        try:
            yield from self._stream.chunks
        except ProviderError as err:
            # The headers are out: all we can do is end the body early, which
            # the browser sees as a short read.
            logger.warning("upstream stream broke off: %s", err.code)
        finally:
            self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._stream.close()
        except Exception:  # closing must never mask the response's own outcome
            logger.debug("closing an upstream stream failed", exc_info=True)


def open_asset_stream(ref: AssetRef, kind, *, size=None, range_header=None, etag=None):
    logger.debug(
        "opening %s of %s asset for owner %s", kind, ref.provider, ref.owner.pk
    )
    return ref.client().open_stream(
        ref.asset_id,
        kind,
        size=size,
        range_header=range_header,
        etag=etag,
    )


def header(stream: Stream, name: str) -> str | None:
    for key, value in stream.headers.items():
        if key.lower() == name:
            return value
    return None


def media_type_of(stream: Stream) -> str:
    """The upstream content type, if it is an image or a video; else a 502."""
    content_type = (header(stream, "content-type") or "").split(";")[0].strip().lower()
    if not content_type.startswith(("image/", "video/")):
        raise BadResponseError(
            "The photo server did not send an image or a video.",
            code="photos.not_media",
        )
    return content_type


def success_headers(response, kind: str) -> None:
    response["Cache-Control"] = f"private, max-age={MAX_AGE.get(kind, 3600)}"
    response["X-Content-Type-Options"] = "nosniff"


def attachment_name(ref: AssetRef, content_type: str) -> str:
    extension = mimetypes.guess_extension(content_type) or ""
    return f"{ref.provider}-{ref.asset_id}{extension}"


def relay(stream: Stream, ref: AssetRef, kind: str):
    """The browser's response for an open upstream stream. Closes it on failure."""
    try:
        return _response_for(stream, ref, kind)
    except BaseException:
        UpstreamChunks(stream).close()
        raise


def _response_for(stream: Stream, ref: AssetRef, kind: str):
    if stream.status in (304, 416):
        UpstreamChunks(stream).close()
        return _bodiless(stream, kind)
    if stream.status not in (200, 206):
        raise BadResponseError(
            "The photo server could not send this photo.",
            upstream_status=stream.status,
        )

    content_type = media_type_of(stream)
    if kind == "preview" and content_type in HEIC_TYPES:
        return _heic_preview(stream)

    response = StreamingHttpResponse(UpstreamChunks(stream), status=stream.status)
    for name in SAFE_HEADERS:
        value = header(stream, name)
        if value is not None:
            response[name] = value
    success_headers(response, kind)
    if kind == "original":
        name = attachment_name(ref, content_type)
        response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def read_capped(stream: Stream, limit: int) -> bytes | None:
    """The whole body if it is at most `limit` bytes, else None. Closes nothing."""
    parts, total = [], 0
    for chunk in stream.chunks:
        total += len(chunk)
        if total > limit:
            stream.chunks = itertools.chain(parts, [chunk], stream.chunks)
            return None
        parts.append(chunk)
    return b"".join(parts)


def _heic_preview(stream: Stream) -> HttpResponse:
    """Browsers cannot show HEIC: a preview that arrives as HEIC is re-encoded."""
    with stream:
        body = read_capped(stream, MAX_HEIC_PREVIEW_BYTES)
    if body is None:
        raise BadResponseError(
            "The preview is too large to convert.", code="photos.preview_too_large"
        )
    response = HttpResponse(heic_to_jpeg(body), content_type="image/jpeg")
    success_headers(response, "preview")
    return response


def _bodiless(stream: Stream, kind: str) -> HttpResponse:
    """304 Not Modified or 416 Range Not Satisfiable, relayed as such."""
    response = HttpResponse(status=stream.status)
    del response["Content-Type"]
    for name in ("etag", "last-modified", "content-range"):
        value = header(stream, name)
        if value is not None:
            response[name] = value
    if stream.status == 304:
        success_headers(response, kind)
    else:
        response["Cache-Control"] = ERROR_CACHE_CONTROL
    return response
