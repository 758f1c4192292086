"""Opening the bytes of an asset: thumbnails through SYNO.Foto.Thumbnail, the
original file through SYNO.Foto.Download. Nothing is buffered: the caller gets
the upstream response as a chunk iterator and must close it.
"""

from __future__ import annotations

import mimetypes
import re

from integrations.net import relay_stream
from integrations.providers.base import InvalidInputError, Stream
from integrations.providers.synology.asset_ids import AssetRef

THUMBNAIL_SIZES = ("sm", "m", "xl")  # about 240, 320 and 1280 px on the short side
DEFAULT_THUMBNAIL_SIZE = "m"
_FILENAME = re.compile(r'filename\*?=(?:UTF-8\'\')?"?([^";]+)"?', re.IGNORECASE)


def open_asset(
    session,
    ref: AssetRef,
    kind: str,
    *,
    size: str | None,
    scope: dict,
    range_header: str | None = None,
    etag: str | None = None,
) -> Stream:
    if kind == "thumbnail":
        return _thumbnail(session, ref, size or DEFAULT_THUMBNAIL_SIZE, scope, etag)
    if kind == "preview":
        # The largest rendition DSM makes; always a JPEG, also for HEIC files.
        return _thumbnail(session, ref, "xl", scope, etag)
    if kind in ("original", "video"):
        return _download(session, ref, scope, range_header, etag)
    raise InvalidInputError(
        "The kind is one of thumbnail, preview, original or video.",
        code="synology.invalid_kind",
    )


def _thumbnail(session, ref: AssetRef, size: str, scope: dict, etag) -> Stream:
    if size not in THUMBNAIL_SIZES:
        raise InvalidInputError(
            "The thumbnail size is one of sm, m or xl.", code="synology.invalid_size"
        )
    api = "SYNO.FotoTeam.Thumbnail" if ref.in_shared_space else "SYNO.Foto.Thumbnail"
    params = {
        "id": ref.unit_id,
        "type": "unit",
        "size": size,
        "cache_key": ref.cache_key,
        **scope,
    }
    response = session.open(api, "get", 2, params, _conditional(etag))
    return relay_stream(response)


def _download(session, ref: AssetRef, scope: dict, range_header, etag) -> Stream:
    api = "SYNO.FotoTeam.Download" if ref.in_shared_space else "SYNO.Foto.Download"
    params = {
        "item_id": [ref.item_id],
        "download_type": "source",
        "force_download": True,
        **scope,
    }
    headers = _conditional(etag)
    if range_header:
        headers["Range"] = range_header
    response = session.open(api, "download", 2, params, headers)
    stream = relay_stream(response)
    _name_the_type(stream)
    return stream


def _conditional(etag: str | None) -> dict:
    return {"If-None-Match": etag} if etag else {}


def _name_the_type(stream: Stream) -> None:
    """DSM sends originals as octet-stream; the file name tells what they are."""
    if stream.headers.get("Content-Type", "").lower() != "application/octet-stream":
        return
    match = _FILENAME.search(stream.headers.get("Content-Disposition", ""))
    guessed, _ = mimetypes.guess_type(match.group(1)) if match else (None, None)
    if guessed:
        stream.headers["Content-Type"] = guessed
