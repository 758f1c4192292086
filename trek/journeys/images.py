"""What an uploaded image really is, and the renditions we make of it.

The type comes from the bytes (Pillow opens and verifies them), never from the
file name. Pillow's decompression-bomb guard stays on: an image over the pixel
limit is refused like any other bad file.
"""

import io
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()

# Pillow format name -> the extension we store the original under.
ACCEPTED_FORMATS = {
    "JPEG": ".jpg",
    "PNG": ".png",
    "WEBP": ".webp",
    "GIF": ".gif",
    "HEIF": ".heic",
}
THUMBNAIL_EDGE = 800
PREVIEW_EDGE = 2048

_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATETIME = 0x0132
_DATETIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011


class NotAnImage(ValueError):
    """The bytes are not an image we accept; the message says why."""


@dataclass(frozen=True)
class ImageFacts:
    extension: str
    width: int
    height: int
    taken_at: datetime | None
    latitude: float | None
    longitude: float | None


def inspect_image(file) -> ImageFacts:
    """Check that `file` holds an accepted, intact image and read its EXIF."""
    with warnings.catch_warnings():
        # Over the pixel limit is a refusal, not just a warning.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(file) as image:
                image_format = image.format
                image.verify()
            file.seek(0)
            with Image.open(file) as image:
                width, height = image.size
                exif = image.getexif()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise NotAnImage("The image has too many pixels.") from None
        except UnidentifiedImageError:
            raise NotAnImage("Only image files are allowed.") from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise NotAnImage("The image file is damaged or incomplete.") from None
        finally:
            file.seek(0)

    if image_format not in ACCEPTED_FORMATS:
        raise NotAnImage(f"Images of type {image_format} are not allowed.")
    latitude, longitude = _gps_position(exif)
    return ImageFacts(
        extension=ACCEPTED_FORMATS[image_format],
        width=width,
        height=height,
        taken_at=_taken_at(exif),
        latitude=latitude,
        longitude=longitude,
    )


def jpeg_rendition(file, edge: int, quality: int) -> bytes:
    """The image upright, fitted into edge x edge, as a browser-friendly JPEG."""
    file.seek(0)
    with Image.open(file) as image:
        upright = ImageOps.exif_transpose(image.convert("RGB"))
        upright.thumbnail((edge, edge))
        output = io.BytesIO()
        upright.save(output, "JPEG", quality=quality)
    file.seek(0)
    return output.getvalue()


def thumbnail_jpeg(file) -> bytes:
    return jpeg_rendition(file, THUMBNAIL_EDGE, quality=80)


def preview_jpeg(file) -> bytes:
    return jpeg_rendition(file, PREVIEW_EDGE, quality=85)


def _taken_at(exif) -> datetime | None:
    details = exif.get_ifd(_EXIF_IFD)
    text = details.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    if not text:
        return None
    try:
        taken = datetime.strptime(str(text).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    # Without an offset the camera's wall clock is all we know; read it as UTC.
    return taken.replace(tzinfo=_zone(details.get(_OFFSET_TIME_ORIGINAL)) or UTC)


def _zone(text) -> timezone | None:
    try:
        sign = -1 if str(text).startswith("-") else 1
        hours, minutes = str(text).strip("\x00 ").lstrip("+-").split(":")
        return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    except (ValueError, TypeError):
        return None


def _gps_position(exif) -> tuple[float | None, float | None]:
    gps = exif.get_ifd(_GPS_IFD)
    try:
        latitude = _degrees(gps[2], gps.get(1, "N"), "S")
        longitude = _degrees(gps[4], gps.get(3, "E"), "W")
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None, None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, None
    return latitude, longitude


def _degrees(dms, reference, negative_reference) -> float:
    degrees, minutes, seconds = (float(part) for part in dms)
    value = degrees + minutes / 60 + seconds / 3600
    if str(reference).strip("\x00 ").upper() == negative_reference:
        value = -value
    return round(value, 6)
