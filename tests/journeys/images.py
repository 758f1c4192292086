"""Image files made at test time: real bytes, with the EXIF we choose."""

import io
from datetime import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pillow_heif import register_heif_opener

register_heif_opener()


def image_bytes(
    fmt="JPEG",
    *,
    taken: datetime | None = None,
    offset="+01:00",
    gps: tuple[float, float] | None = None,
    size=(64, 48),
    color=(40, 120, 200),
) -> bytes:
    exif = Image.Exif()
    if taken:
        details = exif.get_ifd(0x8769)
        details[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
        details[0x9011] = offset
    if gps:
        latitude, longitude = gps
        position = exif.get_ifd(0x8825)
        position[1] = "N" if latitude >= 0 else "S"
        position[2] = _dms(latitude)
        position[3] = "E" if longitude >= 0 else "W"
        position[4] = _dms(longitude)
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, fmt, exif=exif.tobytes())
    return output.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _dms(value: float) -> tuple:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 3)
    return (degrees, minutes, seconds)
