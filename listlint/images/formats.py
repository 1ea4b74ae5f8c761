"""What an image's name claims it is: the format its file extension stands for.

Kept apart from the decoders so that reading cached facts never imports Pillow.
"""

from __future__ import annotations

from pathlib import PurePosixPath

EXTENSION_FORMATS = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".jpe": "JPEG",
    ".jfif": "JPEG",
    ".png": "PNG",
    ".webp": "WEBP",
    ".gif": "GIF",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".bmp": "BMP",
    ".avif": "AVIF",
    ".heic": "HEIF",
    ".heif": "HEIF",
    ".svg": "SVG",
}


def extension_format(name: str) -> str:
    """The format a file name or URL path claims by its extension, or ""."""
    return EXTENSION_FORMATS.get(PurePosixPath(name.split("?", 1)[0]).suffix.lower(), "")
