"""Image conversions the proxy needs when a provider sends what browsers can't show."""

import io

from PIL import Image
from pillow_heif import register_heif_opener

register_heif_opener()

JPEG_QUALITY = 85


def heic_to_jpeg(body: bytes) -> bytes:
    """A HEIC/HEIF image re-encoded as JPEG, at the same size."""
    with Image.open(io.BytesIO(body)) as image:
        output = io.BytesIO()
        image.convert("RGB").save(output, "JPEG", quality=JPEG_QUALITY)
    return output.getvalue()
