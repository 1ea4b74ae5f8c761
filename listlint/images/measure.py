"""Turn image bytes into ImageFacts: decode once at about 512 px, then measure everything.

The measurements come from the one reduced image, in two sizes: its luminance at about 512 px
for sharpness and exposure, and a 128 px copy for everything about regions and colours, where
more pixels would only cost time.

- background: the median colour of a thin ring along the frame's edge and the share of the ring
  that strays from it; a ring of one flat colour is a studio background.
- product region: pixels clearly different from that background colour (the whole frame when the
  background is not uniform); ``fill`` is the share of the frame its bounding box covers.
- sharpness: the strongest 2 % of Laplacian responses relative to the strongest 2 % of
  gradients: how abrupt the edges are, whatever their contrast (see _sharpness).
- exposure: mean luminance, its 98th percentile, the share of crushed shadows (<= 10), and the
  share of blown highlights (>= 250) inside the product region (a white background is blown on
  purpose and does not count).
- contrast: the 2nd-98th percentile luminance range of the frame.
- dominant colours of the product region, named with listlint.images.colors.
- a 64-bit difference hash (dHash) for near-duplicate photos.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageChops

from listlint.images import colors
from listlint.images.decode import Decoded, DecodeError, decode, read_header
from listlint.images.facts import Colour, ImageFacts
from listlint.images.families import FAMILIES
from listlint.images.formats import extension_format

UInt8Array = npt.NDArray[np.uint8]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_REGION_SIDE = 96  # the longer side of the sample used for everything but sharpness
_RING = 0.04  # the border ring is 4 % of the shorter side deep (at least 2 px)
_AWAY_FROM_BACKGROUND = 28  # a channel this far from the background colour is product
_UNIFORM_RING = 0.6  # a background shows on at least 40 % of the ring (else: a scene)
_MIN_COLOUR_SHARE = 0.04  # a family below this share of the product is an accent or noise
_STRONGEST_EDGES = 0.02  # of the frame's Laplacian responses
_LEVELS = np.arange(256, dtype=np.int64)
_NOISE_FLOOR = 2


def measure(reference: str, data: bytes) -> ImageFacts:
    """Everything the checks need about one image; problems become facts, never exceptions."""
    base = ImageFacts(
        reference=reference,
        content_hash=hashlib.sha256(data).hexdigest(),
        extension_format=extension_format(reference),
        file_size=len(data),
    )
    try:
        decoded = decode(data)
    except DecodeError as exc:
        return dataclasses.replace(base, problem=exc.problem, detail=exc.detail, **_header_of(data))
    return measure_decoded(base, decoded)


def _header_of(data: bytes) -> dict[str, Any]:
    # A photo too big to decode still has a format and a size worth reporting.
    try:
        header = read_header(data)
    except DecodeError:
        return {}
    return {
        "format": header.format,
        "width": header.width,
        "height": header.height,
        "frames": header.frames,
    }


def measure_decoded(base: ImageFacts, decoded: Decoded) -> ImageFacts:
    image = decoded.image
    scale = _REGION_SIDE / max(image.size)
    # Every other pixel measure is a share or a percentile: a plain sample of the pixels (no
    # filtering) gives the same figures for a fraction of the work.
    small = image.resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))),
        Image.Resampling.NEAREST,
    )
    rgb: UInt8Array = np.asarray(small, dtype=np.uint8)
    background, spread = _background(rgb)
    region = _product_mask(rgb, background) if spread <= _UNIFORM_RING else None
    if region is not None and not region.any():
        region = None  # a blank frame: judge the frame as a whole
    box = _bounding_box(region) if region is not None else None
    small_gray = np.asarray(small.convert("L"), dtype=np.uint8)
    histogram = np.bincount(small_gray.ravel(), minlength=256)
    frame_low, frame_high = _percentiles(histogram, 0.02, 0.98)
    inside = small_gray[region] if region is not None else small_gray.ravel()
    inside_histogram = np.bincount(inside, minlength=256)
    total = histogram.sum()
    return dataclasses.replace(
        base,
        format=decoded.header.format,
        width=decoded.header.width,
        height=decoded.header.height,
        frames=decoded.header.frames,
        sharpness=_product_sharpness(image, box, small.size),
        brightness=round(float((histogram * _LEVELS).sum() / total), 2),
        bright_point=float(frame_high),
        shadows=round(float(histogram[:11].sum() / total), 4),
        highlights=round(float(inside_histogram[250:].sum() / len(inside)), 4),
        product_brightness=round(float((inside_histogram * _LEVELS).sum() / len(inside)), 2),
        contrast=float(frame_high - frame_low),
        background=background,
        background_spread=round(spread, 4),
        fill=round(_fill(box, region.shape), 4) if region is not None else 1.0,
        colours=_dominant_colours(rgb, region),
        dhash=_dhash(small_gray),
    )


def _percentiles(histogram: IntArray, *shares: float) -> list[int]:
    cumulative = np.cumsum(histogram)
    return [int(np.searchsorted(cumulative, share * cumulative[-1])) for share in shares]


def _ring(rgb: UInt8Array) -> UInt8Array:
    height, width = rgb.shape[:2]
    depth = max(2, int(min(height, width) * _RING))
    parts = (rgb[:depth], rgb[-depth:], rgb[depth:-depth, :depth], rgb[depth:-depth, -depth:])
    return np.concatenate([part.reshape(-1, 3) for part in parts])


def _background(rgb: UInt8Array) -> tuple[tuple[int, int, int], float]:
    """The background colour and the share of the border that is not that colour.

    The background is the most common colour of the border ring, not its median: a model cut
    off at the bottom or a sleeve touching the edge covers part of the ring, and the median of
    white and black is a grey that is in the photo nowhere.
    """
    ring = _ring(rgb)
    bins = (ring[:, 0] >> 4).astype(np.intp) << 8 | (ring[:, 1] >> 4).astype(np.intp) << 4
    bins |= ring[:, 2] >> 4
    counts = np.bincount(bins, minlength=4096)
    # A colour near a bin's edge splits between two bins: take the commonest 2x2x2 block.
    cube = counts.reshape(16, 16, 16)
    blocks = cube[:-1, :-1, :-1] + cube[1:, :-1, :-1] + cube[:-1, 1:, :-1] + cube[:-1, :-1, 1:]
    blocks += cube[1:, 1:, :-1] + cube[1:, :-1, 1:] + cube[:-1, 1:, 1:] + cube[1:, 1:, 1:]
    r, g, b = np.unravel_index(int(np.argmax(blocks)), blocks.shape)
    in_block = (
        ((ring[:, 0] >> 4) - r <= 1)
        & ((ring[:, 0] >> 4) >= r)
        & ((ring[:, 1] >> 4) - g <= 1)
        & ((ring[:, 1] >> 4) >= g)
        & ((ring[:, 2] >> 4) - b <= 1)
        & ((ring[:, 2] >> 4) >= b)
    )
    colour = np.median(ring[in_block], axis=0)
    distance = np.abs(ring.astype(np.int16) - colour.astype(np.int16)).max(axis=1)
    strays = float((distance > _AWAY_FROM_BACKGROUND).mean())
    return (int(colour[0]), int(colour[1]), int(colour[2])), strays


def _product_mask(rgb: UInt8Array, background: tuple[int, int, int]) -> BoolArray:
    difference = np.abs(rgb.astype(np.int16) - np.array(background, dtype=np.int16))
    mask: BoolArray = (
        (difference[..., 0] > _AWAY_FROM_BACKGROUND)
        | (difference[..., 1] > _AWAY_FROM_BACKGROUND)
        | (difference[..., 2] > _AWAY_FROM_BACKGROUND)
    )
    return mask


Box = tuple[int, int, int, int]  # top, bottom, left, right (exclusive), in pixels


def _bounding_box(mask: BoolArray) -> Box | None:
    # Rows and columns with a stray pixel or two (JPEG noise, a shadow's edge) are not product.
    height, width = mask.shape
    rows = np.flatnonzero(np.count_nonzero(mask, axis=1) > max(1, width // 50))
    cols = np.flatnonzero(np.count_nonzero(mask, axis=0) > max(1, height // 50))
    if not len(rows) or not len(cols):
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def _fill(box: Box | None, shape: tuple[int, ...]) -> float:
    if box is None:
        return 0.0
    top, bottom, left, right = box
    return (bottom - top) * (right - left) / (shape[0] * shape[1])


def _product_sharpness(
    image: Image.Image, box: Box | None, small_size: tuple[int, int]
) -> float | None:
    """Sharpness over the product's bounding box (the frame when there is no backdrop).

    The backdrop's flat white tells nothing about focus, and skipping it saves the work.
    """
    if box is not None:
        scale = image.width / small_size[0]
        top, bottom, left, right = box
        margin = 2 * scale  # the product's outline is an edge too
        area = (
            max(0, int(left * scale - margin)),
            max(0, int(top * scale - margin)),
            min(image.width, int(right * scale + margin)),
            min(image.height, int(bottom * scale + margin)),
        )
        if min(area[2] - area[0], area[3] - area[1]) >= 16:
            image = image.crop(area)
    return _sharpness(image.convert("L"))


def _sharpness(gray: Image.Image) -> float | None:
    """How abrupt the strongest edges are: second difference over first, in percent.

    At an edge the first difference (|right - left|) measures the step's height and the second
    (|left + right - 2 * centre|) its curvature; a blur spreads the step over more pixels,
    which lowers the curvature much faster than the height. Their ratio over the strongest 2 %
    of edges ignores how contrasty or bright the photo is, so a soft-toned studio shot is not
    mistaken for a blurry one. Pillow's channel operations do it in C without a copy.
    """
    if min(gray.size) < 8:
        return None
    left, right = ImageChops.offset(gray, 1, 0), ImageChops.offset(gray, -1, 0)
    up, down = ImageChops.offset(gray, 0, 1), ImageChops.offset(gray, 0, -1)
    across = ImageChops.difference(ImageChops.add(left, right, scale=2), gray)
    along = ImageChops.difference(ImageChops.add(up, down, scale=2), gray)
    curvature = _strongest_mean(ImageChops.lighter(across, along).histogram())
    step = ImageChops.lighter(ImageChops.difference(left, right), ImageChops.difference(up, down))
    height = _strongest_mean(step.histogram())
    if height is None or curvature is None:
        return None
    return round(curvature / height * 100, 2)


def _strongest_mean(histogram: list[int]) -> float | None:
    """The mean of the strongest values a 256-bin histogram counts, noise left out.

    "Strongest" is the top _STRONGEST_EDGES of all pixels; None when no value stands above the
    noise floor (a flat patch: nothing to judge).
    """
    counts = np.array(histogram, dtype=np.int64)
    wanted = counts.sum() * _STRONGEST_EDGES
    counts[:_NOISE_FLOOR] = 0  # JPEG's ripples: tiny, but as abrupt as any edge
    from_top = np.cumsum(counts[::-1])[::-1]  # how many values are at least each level
    if from_top[0] == 0:
        return None
    start = int(np.flatnonzero(from_top >= min(wanted, from_top[0]))[-1])
    return float((counts[start:] * _LEVELS[start:]).sum() / counts[start:].sum())


def _dominant_colours(rgb: UInt8Array, region: BoolArray | None) -> tuple[Colour, ...]:
    pixels = rgb[region] if region is not None else rgb.reshape(-1, 3)
    if not len(pixels):
        return ()
    families = colors.classify(pixels)
    size = len(FAMILIES)
    counts = np.bincount(families, minlength=size)
    sums = [np.bincount(families, weights=pixels[:, c], minlength=size) for c in range(3)]
    found = []
    for index in np.argsort(-counts, kind="stable"):
        share = counts[index] / len(pixels)
        if share < _MIN_COLOUR_SHARE:
            break
        mean = [int(channel[index] / counts[index]) for channel in sums]
        found.append(Colour(FAMILIES[index], round(float(share), 4), (mean[0], mean[1], mean[2])))
    return tuple(found)


def _dhash(gray: UInt8Array) -> int:
    small = np.asarray(Image.fromarray(gray).resize((9, 8), Image.Resampling.BOX), dtype=np.int16)
    bits = (small[:, 1:] > small[:, :-1]).ravel()
    return sum(1 << index for index, bit in enumerate(bits) if bit)
