"""Turn image bytes into ImageFacts: decode once at about 512 px, then measure everything.

The measurements come from the one reduced image, in two sizes: the luminance of the product's
box at about 512 px for sharpness, and a 96 px sample (one plane per channel, and its luminance)
for everything else, where more pixels would only cost time.

- background: the median colour of a thin ring along the frame's edge and the share of the ring
  that strays from it; a ring of one flat colour is a studio background.
- product region: pixels clearly different from that background colour (the whole frame when the
  background is not uniform); ``fill`` is the share of the frame its bounding box covers.
- sharpness: the strongest 2 % of Laplacian responses relative to the strongest 2 % of
  gradients, on every 4th row of the product's box: how abrupt the edges are, whatever their
  contrast (see _sharpness).
- exposure: mean luminance, its 98th percentile, the share of crushed shadows (<= 10), and the
  share of blown highlights (>= 250) inside the product region (a white background is blown on
  purpose and does not count).
- clipped tints: the pixels of the frame (the backdrop's own colour left out) whose two strongest
  channels are clipped (>= 252) while the weakest is a light tint (200-239), as a share of the
  product region and those pixels together. Brightening a coloured product pushes its tones
  through this band on their way to white, and a product blown to white on a white backdrop
  leaves only this fringe behind (its white pixels pass for backdrop); a vivid colour (a red
  whose red channel clips) keeps its weakest channel far lower, a white product (even with a
  warm cast) higher.
- contrast: the 2nd-98th percentile luminance range of the frame.
- dominant colours of the product region, named with listlint.images.colors.
- a 64-bit difference hash (dHash) for near-duplicate photos.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import itertools
import operator
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image

from listlint.images import colors
from listlint.images.decode import Decoded, DecodeError, decode, read_header
from listlint.images.facts import Colour, ImageFacts
from listlint.images.families import FAMILIES
from listlint.images.formats import extension_format

UInt8Array = npt.NDArray[np.uint8]
BoolArray = npt.NDArray[np.bool_]

_REGION_SIDE = 96  # the longer side of the sample used for everything but sharpness
_RING = 0.04  # the border ring is 4 % of the shorter side deep (at least 2 px)
_AWAY_FROM_BACKGROUND = 28  # a channel this far from the background colour is product
_UNIFORM_RING = 0.6  # a background shows on at least 40 % of the ring (else: a scene)
_MIN_COLOUR_SHARE = 0.04  # a family below this share of the product is an accent or noise
_STRONGEST_EDGES = 0.02  # of the frame's Laplacian responses
_STEEPEST_EDGES = 0.005  # of the edges edge_steepness judges (0.3-0.5 % tell blur best)
# Edge steepness is measured only for photos whose sharpness is below this (image-blurry's
# default is 24): it costs as much as sharpness again, and only a low score needs a second
# opinion. About 38 % of the corpus photos score below 30.
_STEEPNESS_BELOW = 30.0
_NOISE_FLOOR = 2
_ROW_STEP = 4  # sharpness takes every 4th row of the product's box as centres (see _sharpness)
_CELL_WEIGHTS = np.array([256, 16, 1], dtype=np.intp)  # 4-bit red, green, blue -> one number
_CLIPPED = 252  # a channel at or above this is clipped (JPEG ripples keep a clipped 255 >= 252)
_TINT = (200, 240)  # the weakest channel of a clipped tint: below, a vivid colour; above, white
_NEAR_BACKDROP = 8  # a pixel this close to the backdrop's colour in every channel is backdrop


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
    image = decoded.image  # RGB, or L for a greyscale photo
    scale = _REGION_SIDE / max(image.size)
    # Every other pixel measure is a share or a percentile: a plain sample of the pixels (no
    # filtering) gives the same figures for a fraction of the work.
    small = image.resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))),
        Image.Resampling.NEAREST,
    )
    small_luminance = _luminance(small)
    # One plane per channel, (3, height, width): every operation then runs along whole rows.
    bands = small.split() if small.mode == "RGB" else (small,) * 3
    planes: UInt8Array = np.stack([np.asarray(band) for band in bands])
    background, spread = _background(planes)
    region = _product_mask(planes, background) if spread <= _UNIFORM_RING else None
    if region is not None and not region.any():
        region = None  # a blank frame: judge the frame as a whole
    box = _bounding_box(region) if region is not None else None
    # Pillow counts the 256 levels in C; the statistics of 256 counts are plain Python.
    histogram = small_luminance.histogram()
    frame_low, frame_high = _percentiles(histogram, 0.02, 0.98)
    total = sum(histogram)
    inside_histogram = histogram
    if region is not None:
        mask = Image.frombuffer("L", small.size, region.view(np.uint8), "raw", "L", 0, 1)
        inside_histogram = small_luminance.histogram(mask)
    inside = sum(inside_histogram)
    tints = _clipped_tints(planes, background, region) if small.mode == "RGB" else (0, 0)
    sharpness, steepness = _product_sharpness(image, box, small.size)
    return dataclasses.replace(
        base,
        format=decoded.header.format,
        width=decoded.header.width,
        height=decoded.header.height,
        frames=decoded.header.frames,
        sharpness=sharpness,
        edge_steepness=steepness,
        brightness=round(_level_sum(histogram) / total, 2),
        bright_point=float(frame_high),
        shadows=round(sum(histogram[:11]) / total, 4),
        highlights=round(sum(inside_histogram[250:]) / inside, 4),
        product_brightness=round(_level_sum(inside_histogram) / inside, 2),
        clipped_tints=round(tints[0] / (inside + tints[1]), 4),
        contrast=float(frame_high - frame_low),
        background=background,
        background_spread=round(spread, 4),
        fill=round(_fill(box, region.shape), 4) if region is not None else 1.0,
        colours=_dominant_colours(planes, region),
        dhash=_dhash(small_luminance),
    )


def _luminance(image: Image.Image) -> Image.Image:
    return image if image.mode == "L" else image.convert("L")


def _percentiles(histogram: list[int], *shares: float) -> list[int]:
    cumulative = list(itertools.accumulate(histogram))
    return [bisect.bisect_left(cumulative, share * cumulative[-1]) for share in shares]


def _level_sum(histogram: list[int], start: int = 0) -> int:
    """The sum of the values a histogram counts, from level start up."""
    return sum(map(operator.mul, histogram[start:], range(start, len(histogram))))


def _ring(planes: UInt8Array) -> UInt8Array:
    """The frame's border, _RING deep: a (3, N) array of its red, green and blue values."""
    height, width = planes.shape[1:]
    depth = max(2, int(min(height, width) * _RING))
    parts = (
        planes[:, :depth],
        planes[:, -depth:],
        planes[:, depth:-depth, :depth],
        planes[:, depth:-depth, -depth:],
    )
    return np.concatenate([part.reshape(3, -1) for part in parts], axis=1)


def _background(planes: UInt8Array) -> tuple[tuple[int, int, int], float]:
    """The background colour and the share of the border that is not that colour.

    The background is the most common colour of the border ring, not its median: a model cut
    off at the bottom or a sleeve touching the edge covers part of the ring, and the median of
    white and black is a grey that is in the photo nowhere.
    """
    ring = _ring(planes)
    cells = ring >> 4
    counts = np.bincount(np.dot(_CELL_WEIGHTS, cells), minlength=4096)  # one of 16 x 16 x 16
    # A colour near a bin's edge splits between two bins: take the commonest 2x2x2 block.
    cube = counts.reshape(16, 16, 16)
    pairs = cube[:-1] + cube[1:]
    pairs = pairs[:, :-1] + pairs[:, 1:]
    blocks = pairs[:, :, :-1] + pairs[:, :, 1:]
    corner = np.unravel_index(int(np.argmax(blocks)), blocks.shape)
    # (cell - corner) wraps around below the corner in uint8: "<= 1" is the corner or the next.
    in_block = ((cells - np.array(corner, dtype=np.uint8)[:, None]) <= 1).all(axis=0)
    chosen = np.sort(np.compress(in_block, ring, axis=1), axis=1, kind="stable")  # radix sort
    # The median of each channel, as np.median takes it (the mean of the middle two), floored.
    count = chosen.shape[1]
    middle = chosen[:, (count - 1) // 2].astype(np.int16) + chosen[:, count // 2]
    colour = (int(middle[0]) // 2, int(middle[1]) // 2, int(middle[2]) // 2)
    strays = int(np.count_nonzero(_away(ring, colour).any(axis=0))) / ring.shape[1]
    return colour, strays


def _away(planes: UInt8Array, colour: tuple[int, int, int]) -> BoolArray:
    """Per channel: further than _AWAY_FROM_BACKGROUND from colour (uint8, no widening)."""
    shape = (3,) + (1,) * (planes.ndim - 1)
    low = np.array([max(0, c - _AWAY_FROM_BACKGROUND) for c in colour], np.uint8).reshape(shape)
    high = np.array([min(255, c + _AWAY_FROM_BACKGROUND) for c in colour], np.uint8)
    away: BoolArray = (planes < low) | (planes > high.reshape(shape))
    return away


def _product_mask(planes: UInt8Array, background: tuple[int, int, int]) -> BoolArray:
    away = _away(planes, background)
    mask: BoolArray = away[0] | away[1] | away[2]
    return mask


def _clipped_tints(
    planes: UInt8Array, background: tuple[int, int, int], region: BoolArray | None
) -> tuple[int, int]:
    """The pixels with two channels at or above _CLIPPED and the third within _TINT, and how
    many of them are outside the product region (they count as product: a tint within 28 of a
    white backdrop is what is left of a product blown out on it).

    About 10 us on the 96 px sample: one comparison of the three planes, one minimum, a few
    boolean operations on single planes (greyscale photos skip it: a grey is never a tint).
    """
    clipped = planes >= _CLIPPED
    two = (clipped[0] & clipped[1]) | (clipped[2] & (clipped[0] | clipped[1]))
    weakest = np.minimum(planes[0], planes[1])
    np.minimum(weakest, planes[2], out=weakest)
    weakest -= _TINT[0]  # uint8: a level below the band wraps round to above it
    tints: BoolArray = two & (weakest < _TINT[1] - _TINT[0])
    # A backdrop of such a colour (cream paper) is not the product; only then is there a pixel
    # close enough to it to count, so only then is the distance worth computing.
    low, middle, _ = sorted(background)
    near = _NEAR_BACKDROP
    if middle >= _CLIPPED - near and _TINT[0] - near <= low < _TINT[1] + near:
        colour = np.array(background, np.int16).reshape(3, 1, 1)
        tints &= np.abs(planes.astype(np.int16) - colour).max(axis=0) > near
    count = int(np.count_nonzero(tints))
    if not count or region is None:
        return count, 0
    return count, count - int(np.count_nonzero(tints & region))


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
) -> tuple[float | None, float | None]:
    """Sharpness and, when it is low, edge steepness over the product's bounding box (the
    frame when there is no backdrop).

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
    gray = np.asarray(_luminance(image))
    sharpness = _sharpness(gray)
    low = sharpness is not None and sharpness < _STEEPNESS_BELOW
    return sharpness, _edge_steepness(gray) if low else None


def _sharpness(gray: UInt8Array) -> float | None:
    """How abrupt the strongest edges are: second difference over first, in percent.

    At an edge the first difference (|right - left|) measures the step's height and the second
    (|left + right - 2 * centre|) its curvature; a blur spreads the step over more pixels,
    which lowers the curvature much faster than the height. Their ratio over the strongest 2 %
    of edges ignores how contrasty or bright the photo is, so a soft-toned studio shot is not
    mistaken for a blurry one.

    Every _ROW_STEP-th row is a centre, with its full-resolution neighbours on every side: a
    blur spreads an edge in every direction, so a sample of rows shows it as well as every
    row does, for a fraction of the work (a smaller window would miss the product's edges).
    """
    height, width = gray.shape
    if min(height, width) < 8:
        return None
    # As many centres (rows 1, 1 + step...) as rows above them and rows below them.
    centre = gray[1 : height - 1 : _ROW_STEP].astype(np.int16)
    above = gray[0 : height - 2 : _ROW_STEP, 1:-1].astype(np.int16)
    below = gray[2:height:_ROW_STEP, 1:-1].astype(np.int16)
    left, right = centre[:, :-2], centre[:, 2:]
    centre = centre[:, 1:-1]
    # |(left + right) / 2 - centre|, the larger across and along, and likewise |right - left|;
    # in place, into as few arrays as will do.
    across = left + right
    across >>= 1
    across -= centre
    along = above + below
    along >>= 1
    along -= centre
    np.abs(across, out=across)
    np.abs(along, out=along)
    curvature = np.maximum(across, along, out=across)
    across_step = np.subtract(left, right, out=along)
    np.abs(across_step, out=across_step)
    above -= below
    np.abs(above, out=above)
    step = np.maximum(across_step, above, out=above)
    strongest_curvature = _strongest_mean(_histogram(curvature))
    strongest_step = _strongest_mean(_histogram(step))
    if strongest_step is None or strongest_curvature is None:
        return None
    return round(strongest_curvature / strongest_step * 100, 2)


def _edge_steepness(gray: UInt8Array) -> float | None:
    """How much of their rise the strongest edges make within 2 px, in percent.

    At each pixel, the step over 2 px (``|x[i+1] - x[i-1]|``, the largest within a pixel
    either side) is compared with the step over 4 px (``|x[i+2] - x[i-2]|``), across or along,
    whichever 4 px step is larger; the score is the mean of the strongest 0.5 % of the first
    over that of the second. A sharp edge rises within 2 px wherever it falls between two
    pixels, so it scores about 95-100; a blurred one spreads its rise and scores less (about 50
    at the most). Sharpness, which compares second differences with first, depends on where an
    edge falls between pixels: a packshot of straight, axis-aligned edges (a TV, a box) may
    score low on it at some sizes, and this measure tells it from a blur.
    """
    height, width = gray.shape
    if min(height, width) < 8:
        return None
    # Centres are rows 2, 2 + step...; rows 0..4: 2 above, 1 above, centre, 1 below, 2 below.
    top, upper, centre, lower, bottom = (
        gray[offset : height - 4 + offset : _ROW_STEP].astype(np.int16) for offset in range(5)
    )
    two = np.subtract(centre[:, 2:], centre[:, :-2])
    np.abs(two, out=two)
    across = np.maximum(two[:, :-2], two[:, 1:-1])
    np.maximum(across, two[:, 2:], out=across)  # the largest 2 px step within a pixel
    across_four = np.subtract(centre[:, 4:], centre[:, :-4])
    np.abs(across_four, out=across_four)
    top, upper, middle, lower, bottom = (
        row[:, 2:-2] for row in (top, upper, centre, lower, bottom)
    )
    along = np.subtract(middle, top)
    np.abs(along, out=along)
    step = np.subtract(lower, upper)
    np.abs(step, out=step)
    np.maximum(along, step, out=along)
    np.subtract(bottom, middle, out=step)
    np.abs(step, out=step)
    np.maximum(along, step, out=along)
    along_four = np.subtract(bottom, top, out=step)
    np.abs(along_four, out=along_four)
    np.copyto(across, along, where=along_four > across_four)
    np.maximum(across_four, along_four, out=across_four)
    steepest = _strongest_mean(_histogram(across), _STEEPEST_EDGES)
    strongest = _strongest_mean(_histogram(across_four), _STEEPEST_EDGES)
    if steepest is None or strongest is None:
        return None
    return round(steepest / strongest * 100, 2)


def _histogram(values: npt.NDArray[np.int16]) -> list[int]:
    """The 256-bin histogram of values in 0..255.

    Pillow counts bytes in C at about 2.5x less cost than np.bincount, which widens every value
    to 64 bits first.
    """
    pixels = values.astype(np.uint8)
    size = (pixels.shape[1], pixels.shape[0])
    counts: list[int] = Image.frombuffer("L", size, pixels, "raw", "L", 0, 1).histogram()
    return counts


def _strongest_mean(histogram: list[int], share: float = _STRONGEST_EDGES) -> float | None:
    """The mean of the strongest values a 256-bin histogram counts, noise left out.

    "Strongest" is the top ``share`` of all pixels, every value at the level where they are
    reached included; None when no value stands above the noise floor (a flat patch: nothing to
    judge).
    """
    # How many values are at each level or above, from the top level down to the noise floor
    # (JPEG's ripples below it are tiny, but as abrupt as any edge).
    from_top = list(itertools.accumulate(reversed(histogram[_NOISE_FLOOR:])))
    if not from_top or from_top[-1] == 0:
        return None
    wanted = min(sum(histogram) * share, from_top[-1])
    reached = bisect.bisect_left(from_top, wanted)  # the first level from the top that has them
    return _level_sum(histogram, len(histogram) - 1 - reached) / from_top[reached]


def _dominant_colours(planes: UInt8Array, region: BoolArray | None) -> tuple[Colour, ...]:
    pixels = planes.reshape(3, -1)
    if region is not None:
        pixels = pixels.take(np.flatnonzero(region), axis=1)
    total = pixels.shape[1]
    if not total:
        return ()
    families = colors.classify(pixels)
    size = len(FAMILIES)
    counts = np.bincount(families, minlength=size).tolist()
    found = []
    for index in sorted(range(size), key=lambda family: -counts[family]):
        share = counts[index] / total
        if share < _MIN_COLOUR_SHARE:
            break
        # The mean colour of this family's pixels (only a few families are ever dominant).
        sums = pixels.compress(families == index, axis=1).sum(axis=1).tolist()
        red, green, blue = (int(channel / counts[index]) for channel in sums)
        found.append(Colour(FAMILIES[index], round(share, 4), (red, green, blue)))
    return tuple(found)


def _dhash(gray: Image.Image) -> int:
    levels = np.frombuffer(gray.resize((9, 8), Image.Resampling.BOX).tobytes(), np.uint8)
    rows = levels.reshape(8, 9)
    # Bit i (row by row, left to right) is set where a level is below the one to its right.
    bits = np.packbits(rows[:, 1:] > rows[:, :-1], bitorder="little")
    return int.from_bytes(bits.tobytes(), "little")
