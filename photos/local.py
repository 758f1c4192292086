"""Serving a local upload (provider "local", a file under MEDIA_ROOT).

Journeys store uploads this way; the same access rule and headers apply as
for provider photos, and video seeking (a single Range) works.
"""

import mimetypes
import re
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from photos.models import MediaType
from photos.proxy import success_headers

BLOCK_SIZE = 128 * 1024
RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class FileSlice:
    """Bytes [start, end] of an open file, read in blocks; close() closes the file."""

    def __init__(self, path: Path, start: int, end: int):
        self._file = path.open("rb")
        self._file.seek(start)
        self._left = end - start + 1

    def __iter__(self):
        while self._left > 0:
            block = self._file.read(min(BLOCK_SIZE, self._left))
            if not block:
                break
            self._left -= len(block)
            yield block

    def close(self) -> None:
        self._file.close()


def preview_path_for(file_path: str) -> str:
    """Where the browser-friendly JPEG of an uploaded image is kept."""
    original = Path(file_path)
    return str(original.parent / "previews" / f"{original.stem}.jpg")


def _preview_or_original(photo) -> str:
    # Uploads made before previews existed have none; their original serves.
    if photo.media_type == MediaType.IMAGE:
        preview = preview_path_for(photo.file_path)
        if (Path(settings.MEDIA_ROOT) / preview).is_file():
            return preview
    return photo.file_path


def stored_path(relative: str) -> Path:
    """The upload's path, refusing anything that escapes MEDIA_ROOT."""
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / relative).resolve()
    if not relative or not path.is_relative_to(root) or not path.is_file():
        raise Http404("File not found.")
    return path


def local_file_response(request, photo, kind: str):
    if kind == "thumbnail":
        relative = photo.thumbnail_path
        if not relative and photo.media_type == MediaType.IMAGE:
            relative = photo.file_path
        if not relative:
            raise Http404("No poster available.")
    elif kind == "preview":
        relative = _preview_or_original(photo)
    else:
        relative = photo.file_path
    path = stored_path(relative)

    content_type = mimetypes.guess_type(path.name)[0] or ""
    if not content_type.startswith(("image/", "video/")):
        raise Http404("File not found.")
    stat = path.stat()
    etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
        del response["Content-Type"]
    else:
        response = _ranged(path, stat.st_size, request.headers.get("Range"))
        if response.status_code == 416:
            response["Cache-Control"] = "no-store"
            return response
        response["Content-Type"] = content_type
        response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    success_headers(response, kind)
    if kind == "original":
        response["Content-Disposition"] = content_disposition_header(True, path.name)
    return response


def _ranged(path: Path, size: int, range_header: str | None):
    start, end, status = 0, size - 1, 200
    match = RANGE.fullmatch(range_header or "")
    if match and any(match.groups()):
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last), size - 1) if last else size - 1
        else:
            start = max(0, size - int(last))
        if start >= size or start > end:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        status = 206
    response = StreamingHttpResponse(FileSlice(path, start, end), status=status)
    response["Content-Length"] = str(end - start + 1)
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response
