"""Sample media made by this project (CC0): see README.md in this folder.

Photos are drawn with Pillow when asked for, with the EXIF a phone writes
(capture time, its UTC offset, GPS); the short MP4 is committed because
making one needs ffmpeg. Nothing here is copied from anywhere.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
VIDEO_PATH = HERE / "porto_tram.mp4"  # H.264, 160x120, 3 s, 10 fps, no audio
VIDEO_SECONDS = 3.0

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825


@dataclass(frozen=True)
class SamplePhoto:
    file_name: str
    taken: datetime  # aware: local wall-clock time and its offset
    latitude: float
    longitude: float
    color: tuple[int, int, int]


def _at(year, month, day, hour, minute, offset_hours):
    zone = timezone(timedelta(hours=offset_hours))
    return datetime(year, month, day, hour, minute, tzinfo=zone)


# A trip from 1 to 7 June 2024, photographed in several time zones.
SAMPLE_PHOTOS = (
    SamplePhoto(
        "auckland_harbour.jpg",
        _at(2024, 6, 1, 8, 15, 12),
        -36.84,
        174.76,
        (30, 90, 160),
    ),
    SamplePhoto(
        "lisbon_alfama.jpg", _at(2024, 6, 3, 12, 0, 1), 38.71, -9.13, (200, 120, 60)
    ),
    SamplePhoto(
        "new_york_evening.jpg", _at(2024, 6, 5, 19, 45, -4), 40.71, -74.0, (90, 40, 120)
    ),
    SamplePhoto(
        "kathmandu_morning.jpg",
        _at(2024, 6, 6, 6, 30, 5.75),
        27.71,
        85.32,
        (60, 150, 80),
    ),
)


def jpeg_bytes(photo: SamplePhoto, size=(320, 240)) -> bytes:
    return _encode(_drawing(photo, size), "JPEG", photo)


def heic_bytes(photo: SamplePhoto | None = None, size=(320, 240)) -> bytes:
    """A HEIC as an iPhone sends it (needs pillow-heif, a main dependency)."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    photo = photo or SamplePhoto(
        "sintra_palace.heic", _at(2024, 6, 4, 16, 20, 1), 38.79, -9.39, (180, 60, 60)
    )
    return _encode(_drawing(photo, size), "HEIF", photo)


def png_bytes(size=(200, 150)) -> bytes:
    """A PNG screenshot: no capture time, no place."""
    image = Image.new("RGB", size, (240, 240, 240))
    ImageDraw.Draw(image).rectangle((20, 20, 180, 60), fill=(30, 30, 30))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def video_bytes() -> bytes:
    return VIDEO_PATH.read_bytes()


def write_large_jpeg(path: Path, width: int = 4000, height: int = 3000) -> int:
    """A noisy JPEG of several megabytes for streaming tests; returns its size.

    Made at run time (never committed): noise does not compress, so a few
    seconds of drawing give a file too big to be buffered unnoticed.
    """
    image = Image.effect_noise((width, height), 90).convert("RGB")
    image.save(path, format="JPEG", quality=95)
    return path.stat().st_size


def _drawing(photo: SamplePhoto, size) -> Image.Image:
    image = Image.new("RGB", size, photo.color)
    draw = ImageDraw.Draw(image)
    draw.ellipse((size[0] // 3, size[1] // 4, size[0] * 2 // 3, size[1] * 3 // 4))
    draw.text((8, 8), photo.taken.strftime("%Y-%m-%d %H:%M %z"), fill=(255, 255, 255))
    return image


def _encode(image: Image.Image, fmt: str, photo: SamplePhoto) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, exif=_exif(photo).tobytes())
    return out.getvalue()


def _exif(photo: SamplePhoto) -> Image.Exif:
    exif = Image.Exif()
    stamp = photo.taken.strftime("%Y:%m:%d %H:%M:%S")
    exif[0x010F] = "TREK sample"  # Make
    exif[0x0132] = stamp  # DateTime
    details = exif.get_ifd(_EXIF_IFD)
    details[0x9003] = stamp  # DateTimeOriginal
    details[0x9011] = _offset(photo.taken)  # OffsetTimeOriginal
    gps = exif.get_ifd(_GPS_IFD)
    gps[1] = "N" if photo.latitude >= 0 else "S"
    gps[2] = _degrees(photo.latitude)
    gps[3] = "E" if photo.longitude >= 0 else "W"
    gps[4] = _degrees(photo.longitude)
    return exif


def _offset(moment: datetime) -> str:
    minutes = int(moment.utcoffset().total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _degrees(value: float) -> tuple[float, float, float]:
    value = abs(value)
    whole = int(value)
    minutes = int((value - whole) * 60)
    seconds = round(((value - whole) * 60 - minutes) * 60, 2)
    return (whole, minutes, seconds)
