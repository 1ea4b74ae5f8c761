"""Small JPEG thumbnails of local catalog images, as ``data:`` URIs the HTML report embeds.

A thumbnail is a convenience, never a reason to fail: any image that cannot be read safely (not a
file, too large, too many pixels, not an image, truncated) gives ``None`` and the report shows no
photo. The image pipeline may later hand the report its own decoded thumbnails through the same
``Thumbnailer`` signature (see :func:`listlint.reports.view.build`).
"""

from __future__ import annotations

import base64
import io
import warnings
from collections.abc import Callable
from pathlib import Path

from PIL import Image

# A path (already resolved against the catalog's folder) -> a data URI, or None.
Thumbnailer = Callable[[Path], str | None]

THUMBNAIL_PX = 160  # longest side of a thumbnail
_MAX_FILE_BYTES = 50 * 1024 * 1024
_MAX_PIXELS = 50_000_000  # refuse decompression bombs before decoding anything
_QUALITY = 70


def thumbnail_data_uri(path: Path, size: int = THUMBNAIL_PX) -> str | None:
    """A ``data:image/jpeg;base64,...`` URI of ``path`` shrunk to ``size`` px, or None."""
    try:
        if not path.is_file() or path.stat().st_size > _MAX_FILE_BYTES:
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width <= 0 or height <= 0 or width * height > _MAX_PIXELS:
                    return None
                image.draft("RGB", (size * 2, size * 2))  # JPEG: decode at reduced scale
                image.thumbnail((size, size))
                rgb = _flatten(image)
                buffer = io.BytesIO()
                rgb.save(buffer, "JPEG", quality=_QUALITY, optimize=True)
    except Exception:  # any unreadable image: no thumbnail, never a crash
        return None
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _flatten(image: Image.Image) -> Image.Image:
    """The image as RGB, with any transparency composited onto white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
