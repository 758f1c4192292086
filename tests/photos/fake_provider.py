"""An in-memory Provider for unit tests of the photo layer.

It keeps assets per owner, honours Range and If-None-Match like a photo server,
and records which streams were opened and closed.
"""

import hashlib
import re
from datetime import datetime

from integrations.providers.base import (
    Album,
    Asset,
    AssetInfo,
    AssetNotFoundError,
    ConnectionReport,
    Page,
    Stream,
    UnreachableError,
)

IMMICH_IDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 400)]
CHUNK = 64 * 1024


class FakeLibrary:
    """One user's photo server: assets, albums, and a record of what was asked."""

    def __init__(self):
        self.assets: dict[str, tuple[str, bytes]] = {}
        self.albums: dict[str, list[str]] = {}
        self.opened: list[tuple[str, str]] = []
        self.closed = 0
        self.down = False

    def add(self, asset_id, body=b"jpeg bytes", content_type="image/jpeg"):
        self.assets[asset_id] = (content_type, body)
        return asset_id


class FakeProvider:
    def __init__(self, library: FakeLibrary):
        self.library = library

    def _check_up(self):
        if self.library.down:
            raise UnreachableError("The photo server could not be reached.")

    def test(self):
        self._check_up()
        return ConnectionReport(connected=True, user_name="fake")

    def search(self, *, date_from, date_to, page, size):
        self._check_up()
        ids = sorted(self.library.assets)
        start = (page - 1) * size
        items = [
            Asset(id=i, taken_at=datetime(2024, 6, 2))
            for i in ids[start : start + size]
        ]
        more = start + size < len(ids)
        return Page(items=items, has_more=more, next_page=page + 1 if more else None)

    def albums(self):
        self._check_up()
        return [
            Album(id=k, name=f"Album {k}", asset_count=len(v))
            for k, v in self.library.albums.items()
        ]

    def album_assets(self, album_id, *, page, size):
        self._check_up()
        ids = self.library.albums[album_id]
        start = (page - 1) * size
        chunk = ids[start : start + size]
        more = start + size < len(ids)
        return Page(
            items=[Asset(id=i) for i in chunk],
            has_more=more,
            next_page=page + 1 if more else None,
        )

    def asset_info(self, asset_id):
        self._check_up()
        if asset_id not in self.library.assets:
            raise AssetNotFoundError("Photo not found.")
        return AssetInfo(id=asset_id, file_name="IMG_0001.jpg", width=4000, height=3000)

    def open_stream(self, asset_id, kind, *, size=None, range_header=None, etag=None):
        self._check_up()
        if asset_id not in self.library.assets:
            raise AssetNotFoundError("Photo not found.")
        content_type, body = self.library.assets[asset_id]
        self.library.opened.append((asset_id, kind))
        tag = f'"{hashlib.md5(body).hexdigest()}"'  # noqa: S324 - a test etag
        headers = {
            "Content-Type": content_type,
            "ETag": tag,
            "Accept-Ranges": "bytes",
            "Set-Cookie": "session=upstream-secret",
            "Server": "fake-photo-server",
        }
        if etag == tag:
            return self._stream(304, headers, b"")
        status, part = 200, body
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", range_header or "")
        if match:
            start = int(match[1])
            end = int(match[2]) if match[2] else len(body) - 1
            part = body[start : end + 1]
            status = 206
            headers["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
        headers["Content-Length"] = str(len(part))
        return self._stream(status, headers, part)

    def _stream(self, status, headers, body):
        def chunks():
            for start in range(0, len(body), CHUNK):
                yield body[start : start + CHUNK]

        def close():
            self.library.closed += 1

        return Stream(status=status, headers=headers, chunks=chunks(), close=close)
