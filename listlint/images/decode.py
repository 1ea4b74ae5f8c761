"""Open image bytes safely and decode them once, at reduced size.

Hostile files are the norm on a marketplace: a 1 KB JPEG may declare 50,000 x 50,000 pixels, a PNG
may end half-way, a ``.jpg`` may be a WebP or an HTML error page. Everything here reads the header
first, refuses what would not fit in memory, and turns every failure into a ``DecodeError`` with a
``Problem`` value instead of an exception from deep inside Pillow.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from listlint.images.facts import Problem

# Formats the marketplaces accept (Google: JPEG, WebP, PNG, GIF, BMP, TIFF; Amazon: JPEG, PNG,
# TIFF, GIF). Pillow is only ever asked to open these, so no other decoder (EPS, which runs
# Ghostscript, among them) sees a seller's file.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP")


# Every measurement is taken on the image scaled so its longer side is this long, so that they
# do not depend on the resolution of the original.
WORKING_SIDE = 512
# A decoded size within this share of WORKING_SIDE is used as it is: a 1000 px JPEG drafts to
# 500 px, and resizing that to 512 would cost more than the decode saved.
WORKING_TOLERANCE = 0.125

# Above this many pixels we read the header only. Google's maximum is 64 MP; a decoded 64 MP
# RGBA image takes 256 MB, the most one worker may spend on one photo.
MAX_DECODE_PIXELS = 64_000_000

_EXIF_ORIENTATION = 0x0112
# EXIF orientation -> the transposition that shows the photo upright.
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class DecodeError(Exception):
    def __init__(self, problem: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class Header:
    format: str
    width: int  # after EXIF rotation
    height: int
    frames: int


@dataclass(frozen=True)
class Decoded:
    header: Header
    # Longer side WORKING_SIDE, transparency composited onto white; RGB, or L for a greyscale
    # photo (measure converts only the small sample it takes colours from).
    image: Image.Image


def decode(data: bytes, *, max_pixels: int = MAX_DECODE_PIXELS) -> Decoded:
    """Read the header, then decode at reduced size; raise DecodeError for any bad input."""
    if not data:
        raise DecodeError(Problem.NOT_AN_IMAGE, "the file is empty")
    with warnings.catch_warnings():
        # A photo's flaws (corrupt EXIF...) are not the user's console's business.
        warnings.simplefilter("ignore")
        # Pillow only warns between its limit and twice that; both are bombs to us.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = _open(data)
            header = _header(image)
            if header.width * header.height > max_pixels:
                megapixels = header.width * header.height / 1e6
                raise DecodeError(
                    Problem.TOO_MANY_PIXELS,
                    f"{header.width}x{header.height} px ({megapixels:,.0f} MP) is more than "
                    f"listlint decodes ({max_pixels / 1e6:,.0f} MP)",
                )
            return Decoded(header, _reduced(image))
        except DecodeError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise DecodeError(Problem.TOO_MANY_PIXELS, _bomb(exc)) from None
        except MemoryError:
            raise DecodeError(Problem.TOO_MANY_PIXELS, "not enough memory to decode it") from None
        except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError, struct.error...
            raise DecodeError(Problem.TRUNCATED, _explain(exc)) from None


def read_header(data: bytes) -> Header:
    """The header alone (format, size, frames): no pixel is decoded."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return _header(_open(data))
        except DecodeError:
            raise
        except Exception as exc:
            raise DecodeError(Problem.TRUNCATED, _explain(exc)) from None


def _bomb(exc: Exception) -> str:
    """Pillow's refusal of a decompression bomb, in listlint's words."""
    pixels = re.search(r"\((\d+) pixels\)", str(exc))
    if pixels is None:
        return "too many pixels to decode safely (a decompression bomb)"
    megapixels = int(pixels.group(1)) / 1e6
    return f"{megapixels:,.0f} MP is more than listlint decodes (a decompression bomb)"


def _open(data: bytes) -> Image.Image:
    try:
        return Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except UnidentifiedImageError:
        pass
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise
    except Exception as exc:
        raise DecodeError(Problem.TRUNCATED, _explain(exc)) from None
    # Not a format we accept. Name it if Pillow knows it (opening reads the header only).
    try:
        other = Image.open(io.BytesIO(data))
    except Exception:
        kind = _sniff(data)
        raise DecodeError(Problem.NOT_AN_IMAGE, kind) from None
    raise DecodeError(
        Problem.UNSUPPORTED,
        f"{other.format} is not a format marketplaces accept (use JPEG, PNG or WebP)",
    )


def _header(image: Image.Image) -> Header:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise DecodeError(Problem.TRUNCATED, f"the header declares a size of {width}x{height}")
    if _orientation(image) in (5, 6, 7, 8):  # rotated a quarter turn
        width, height = height, width
    # MPO is a JPEG with extra pictures appended (phone cameras' depth maps, HDR gain maps).
    kind = "JPEG" if image.format == "MPO" else str(image.format)
    return Header(kind, width, height, int(getattr(image, "n_frames", 1) or 1))


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(_EXIF_ORIENTATION, 1))
    except Exception:  # a broken EXIF block must not cost the photo
        return 1


def _reduced(image: Image.Image) -> Image.Image:
    orientation = _orientation(image)
    width, height = image.size
    if image.format in ("JPEG", "MPO") and max(width, height) > WORKING_SIDE:
        # JPEG decodes at 1/2, 1/4 or 1/8 size for a fraction of the cost; Pillow picks the
        # smallest scale that keeps at least the requested size. (Asking libjpeg for YCbCr, to
        # skip its conversion to RGB, costs more: its RGB conversion is vectorised.)
        scale = WORKING_SIDE * (1 - WORKING_TOLERANCE) / max(width, height)
        image.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))
    image.load()  # decodes the first frame of an animation; raises on a truncated file
    if image.mode != "L":  # greyscale needs no conversion: measure takes it as it is
        image = _rgb(image)
    longer = max(image.size)
    # Only ever down: enlarging a small photo would blur it, and image-too-small reports it.
    if longer > WORKING_SIDE * (1 + WORKING_TOLERANCE):
        factor = longer // WORKING_SIDE
        if factor >= 2:
            image = image.reduce(factor)  # a cheap box filter for the bulk of the way down
        scale = WORKING_SIDE / max(image.size)
        target = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(target, Image.Resampling.BILINEAR)
    transpose = _TRANSPOSE.get(orientation)
    return image.transpose(transpose) if transpose is not None else image


def _rgb(image: Image.Image) -> Image.Image:
    """RGB with transparency composited onto white, as a marketplace shows it."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit greyscale: keep the top 8 bits (Pillow's convert("L") would clip at 255).
        image = image.point(lambda value: value / 256).convert("L")
        mode = "L"
    if mode == "P":
        has_alpha = "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
        mode = image.mode
    if mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba).convert("RGB")
    elif mode != "RGB":
        image = image.convert("RGB")  # CMYK, L, 1, YCbCr, LAB, F...
    return image


def _sniff(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:200]:
        return "an HTML page, not an image (an error page saved under the image's name?)"
    if head.startswith(b"<svg") or b"<svg" in head[:200]:
        return "an SVG drawing; marketplaces want a photo (JPEG, PNG or WebP)"
    if head.startswith((b"{", b"[")):
        return "JSON text, not an image"
    return "no image format recognises the data"


def _explain(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    if "truncated" in text.lower():
        return "the file ends early (truncated)"
    return f"the data is corrupt ({text[:120]})"
