"""Which Immich endpoint serves each kind of rendition, and relaying its bytes."""

from __future__ import annotations

from integrations.net import relay_stream
from integrations.providers.base import (
    STREAM_KINDS,
    BadResponseError,
    InvalidInputError,
    Stream,
)
from integrations.providers.immich.errors import NOT_AN_API, looks_like_html


def rendition(asset_id: str, kind: str) -> tuple[str, dict]:
    """The path and query for one kind of rendition.

    `preview` is Immich's large display rendition (JPEG or WebP, never HEIC);
    `original` is the real file; `video` is the transcoded playback stream.
    """
    if kind == "thumbnail":
        return f"/assets/{asset_id}/thumbnail", {"size": "thumbnail"}
    if kind == "preview":
        return f"/assets/{asset_id}/thumbnail", {"size": "preview"}
    if kind == "original":
        return f"/assets/{asset_id}/original", {}
    if kind == "video":
        return f"/assets/{asset_id}/video/playback", {}
    raise InvalidInputError(
        f"Unknown kind '{kind}'; use one of {', '.join(STREAM_KINDS)}.",
        code="immich.invalid_input",
    )


def request_headers(range_header: str | None, etag: str | None) -> dict:
    headers = {"Accept": "image/*, video/*"}
    if range_header:
        headers["Range"] = range_header
    if etag:
        headers["If-None-Match"] = etag
    return headers


def to_stream(response) -> Stream:
    """Wrap an open streamed response; refuse anything that is not media."""
    if response.status_code != 304:
        _check_media(response)
    return relay_stream(response)


def _check_media(response) -> None:
    content_type = response.headers.get("Content-Type", "").lower()
    if content_type.startswith(("image/", "video/")):
        return
    response.close()
    if looks_like_html(response):
        raise BadResponseError(NOT_AN_API, code="immich.bad_response")
    raise BadResponseError(
        f"Immich sent '{content_type or 'no content type'}' instead of an image "
        "or video.",
        code="immich.bad_response",
    )
