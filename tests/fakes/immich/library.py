"""The fake Immich's data: users, API keys, assets with real image bytes, albums.

Images are made with Pillow when the library is built, with EXIF capture
times, offsets and GPS places in several time zones, so uploads and previews
carry the same metadata a phone would write.
"""

from __future__ import annotations

import base64
import hashlib
import io
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from PIL import Image

ALL_PERMISSIONS = frozenset({"all"})
BROWSING = frozenset(
    {"user.read", "asset.read", "asset.view", "album.read", "asset.download"}
)
MIRRORING = BROWSING | {"asset.upload"}


def stable_uuid(name: str) -> str:
    """A version-4 UUID that is the same in every run (3.x checks the v4 form)."""
    digest = hashlib.md5(name.encode(), usedforsecurity=False).digest()
    return str(uuid.UUID(bytes=digest, version=4))


@dataclass
class FakeUser:
    id: str
    name: str
    email: str


@dataclass
class FakeKey:
    id: str
    secret: str
    user_id: str
    permissions: frozenset
    name: str = "TREK"


@dataclass
class FakeAsset:
    id: str
    owner_id: str
    file_name: str
    mime_type: str
    data: bytes
    local_time: datetime  # aware: wall-clock time and offset where it was taken
    kind: str = "IMAGE"  # IMAGE or VIDEO
    visibility: str = "timeline"  # timeline, archive or hidden
    city: str | None = None
    state: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    duration_ms: int | None = None
    thumbnail: bytes = b""  # WebP, as Immich makes by default
    preview: bytes = b""  # JPEG
    uploaded_at: datetime = field(
        default_factory=lambda: datetime(2024, 7, 1, 8, 0, tzinfo=UTC)
    )

    @property
    def taken_utc(self) -> datetime:
        return self.local_time.astimezone(UTC)

    @property
    def sha1(self) -> bytes:
        return hashlib.sha1(self.data, usedforsecurity=False).digest()

    @property
    def checksum(self) -> str:
        return base64.b64encode(self.sha1).decode()


@dataclass
class FakeAlbum:
    id: str
    name: str
    owner_id: str
    asset_ids: list[str]
    member_ids: list[str] = field(default_factory=list)  # shared with these users


# --- image bytes ---------------------------------------------------------------

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825


def photo_bytes(
    local_time: datetime,
    *,
    fmt: str = "JPEG",
    color=(200, 120, 60),
    size=(64, 48),
    latitude: float | None = None,
    longitude: float | None = None,
) -> bytes:
    """An image with EXIF DateTimeOriginal, OffsetTimeOriginal and GPS."""
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "FakeCam"  # Make
    exif[0x0110] = "Traveller 1"  # Model
    exif[0x0132] = local_time.strftime("%Y:%m:%d %H:%M:%S")  # DateTime
    details = exif.get_ifd(_EXIF_IFD)
    details[36867] = local_time.strftime("%Y:%m:%d %H:%M:%S")  # DateTimeOriginal
    details[36881] = _offset_text(local_time)  # OffsetTimeOriginal
    if latitude is not None and longitude is not None:
        gps = exif.get_ifd(_GPS_IFD)
        gps[1] = "N" if latitude >= 0 else "S"
        gps[2] = _dms(latitude)
        gps[3] = "E" if longitude >= 0 else "W"
        gps[4] = _dms(longitude)
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def rendition_bytes(data: bytes, fmt: str, edge: int) -> bytes:
    """A smaller copy, as Immich's thumbnail (WebP) and preview (JPEG) are."""
    try:
        image = Image.open(io.BytesIO(data)).convert("RGB")
    except OSError:  # a video: Immich makes a still from a frame
        image = Image.new("RGB", (edge, edge * 3 // 4), (30, 30, 30))
    image.thumbnail((edge, edge))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def video_bytes(length: int = 256 * 1024) -> bytes:
    """Bytes that start like an MP4 and are long enough for Range requests."""
    header = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    body = bytes(index % 251 for index in range(length - len(header)))
    return header + body


def _offset_text(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta()
    sign = "-" if offset < timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _dms(value: float) -> tuple:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return (degrees, minutes, seconds)


def zone(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))
