"""What listlint knows about one image: plain immutable data, cached as JSON.

The image checks read only these facts; decoding, fetching and measuring happen before the checks
run (see :mod:`listlint.images.pipeline`), so a check tests like a title check.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

# Bump when a measurement changes meaning, so cached facts from older versions are not reused.
MEASUREMENT_VERSION = 6


class Problem:
    """Why an image could not be measured; the values are stable strings used in messages."""

    MISSING = "missing"  # the file (or URL: HTTP 404/410) does not exist
    NOT_AN_IMAGE = "not-an-image"  # no image format recognised it
    TRUNCATED = "truncated"  # a known format, but the data ends early or is corrupt
    UNSUPPORTED = "unsupported"  # a format Pillow knows but marketplaces do not accept
    TOO_MANY_PIXELS = "too-many-pixels"  # declares more pixels than we decode (bomb guard)
    REFUSED = "refused"  # a path outside the catalog's folder, or a scheme we never fetch
    UNREACHABLE = "unreachable"  # network error, timeout, HTTP 5xx: may work next time
    TOO_LARGE = "too-large"  # the download was bigger than the size cap


@dataclass(frozen=True)
class Colour:
    """A dominant colour of the product region: its family name and its share of the region."""

    family: str  # one of listlint.images.families.FAMILIES
    share: float  # 0..1 of the product pixels
    rgb: tuple[int, int, int]


@dataclass(frozen=True)
class ImageFacts:
    """Everything the checks may know about one image reference."""

    reference: str  # as written in the listing
    problem: str | None = None  # a Problem value when the image could not be measured
    detail: str = ""  # a human explanation of the problem ("HTTP 404", "file ends early")
    content_hash: str = ""  # sha256 of the bytes; equal hashes are the same photo
    format: str = ""  # the real format, from the data ("JPEG", "PNG", "WEBP"...)
    extension_format: str = ""  # the format the file name's extension claims, "" if none
    width: int = 0  # after EXIF rotation
    height: int = 0
    file_size: int = 0  # bytes
    frames: int = 1
    # Measurements on the image reduced to about 512 px (present when problem is None):
    sharpness: float | None = None  # how abrupt the edges are; lower is blurrier; None: no edge
    # How much of their rise the strongest edges make within 2 px, percent (about 95-100 sharp,
    # down to about 50 blurred); measured only when sharpness is below 30, else None.
    edge_steepness: float | None = None
    brightness: float = 0.0  # mean luminance 0..255
    bright_point: float = 0.0  # 98th percentile of luminance: how bright the brightest parts are
    shadows: float = 0.0  # share of pixels at or below 10
    highlights: float = 0.0  # share of product pixels at or above 250
    product_brightness: float = 0.0  # mean luminance of the product region
    # Pixels whose two strongest channels are clipped (>= 252) while the weakest stays a light
    # tint (200-239), as a share of the product and them: a colour brightened until only a pale
    # tint is left (a vivid colour keeps its weakest channel lower, a white one higher).
    clipped_tints: float = 0.0
    contrast: float = 0.0  # 2nd-98th percentile range of luminance over the frame
    background: tuple[int, int, int] = (0, 0, 0)  # median colour of the frame's border
    background_spread: float = 0.0  # how much the border varies (0 = one flat colour)
    fill: float = 0.0  # share of the frame the product's bounding box covers
    colours: tuple[Colour, ...] = field(default_factory=tuple)
    dhash: int = 0  # 64-bit difference hash for near-duplicates

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1_000_000

    @property
    def shorter_side(self) -> int:
        return min(self.width, self.height)

    @property
    def longer_side(self) -> int:
        return max(self.width, self.height)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["colours"] = [asdict(c) for c in self.colours]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImageFacts:
        values = dict(data)
        values["background"] = tuple(values.get("background", (0, 0, 0)))
        values["colours"] = tuple(
            Colour(
                str(c["family"]),
                float(c["share"]),
                (int(c["rgb"][0]), int(c["rgb"][1]), int(c["rgb"][2])),
            )
            for c in values.get("colours", ())
        )
        if values.keys() != _FIELD_NAMES:
            return cls(**values)  # a field missing or unknown: TypeError, or its default
        # Every field given: set them as the frozen __init__ would, at a fifth of its cost (a
        # warm run reads the facts of every photo of the catalog from the cache).
        facts = object.__new__(cls)
        facts.__dict__.update(values)
        return facts


_FIELD_NAMES = {item.name for item in fields(ImageFacts)}


def dhash_distance(a: int, b: int) -> int:
    """Bits that differ between two difference hashes: 0 is the same picture."""
    return (a ^ b).bit_count()
