"""Name the colours of pixels with the colour families of listlint/vocab/colors.toml.

A photo's pixels are sorted into the same basic families the text extractor uses (red, blue,
beige...), so "the colour attribute says red" and "the photo is mostly blue" compare directly.
The boundaries are hue, saturation and value thresholds read off product photos; shading,
lighting and JPEG noise move a pixel across a boundary easily, which is why the families that
border each other are listed in families.NEIGHBOURS and never count as a contradiction.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

from listlint.images.families import FAMILIES

FloatArray = npt.NDArray[np.float32]
IndexArray = npt.NDArray[np.intp]

_CELL_WEIGHTS = np.array([1024, 32, 1], dtype=np.intp)  # 5-bit red, green, blue -> one number


def classify(planes: npt.NDArray[np.uint8]) -> IndexArray:
    """The index into FAMILIES of each pixel of a (3, N) array of red, green and blue rows.

    A lookup in a table of every colour with 5 bits per channel (32,768 cells).
    """
    keys: IndexArray = np.dot(_CELL_WEIGHTS, planes >> 3)
    table: IndexArray = np.take(_table(), keys)
    return table


@cache
def _table() -> IndexArray:
    # Every colour with 5 bits per channel, classified once (centre of each cell).
    levels = np.arange(32, dtype=np.uint16) * 8 + 4
    red, green, blue = np.meshgrid(levels, levels, levels, indexing="ij")
    cells = np.stack([red.ravel(), green.ravel(), blue.ravel()], axis=1)
    return _classify_exact(cells.astype(np.uint8))


def _classify_exact(rgb: npt.NDArray[np.uint8]) -> IndexArray:
    pixels = rgb.astype(np.float32) / 255.0
    top = pixels.max(axis=1)
    bottom = pixels.min(axis=1)
    chroma = top - bottom
    saturation = np.where(top > 0, chroma / np.maximum(top, 1e-6), 0.0)
    hue = _hue(pixels, top, chroma)

    family = np.full(len(pixels), FAMILIES.index("gray"), dtype=np.intp)
    chromatic = (saturation >= 0.18) & (chroma >= 0.08)
    # Hue bands in degrees, then the dark and pale shades that have names of their own.
    bands = (
        (0, 15, "red"),
        (15, 40, "orange"),
        (40, 70, "yellow"),
        (70, 165, "green"),
        (165, 255, "blue"),
        (255, 290, "purple"),
        (290, 340, "pink"),
        (340, 361, "red"),
    )
    for low, high, name in bands:
        family[chromatic & (hue >= low) & (hue < high)] = FAMILIES.index(name)
    warm = chromatic & ((hue < 45) | (hue >= 340))
    family[warm & (top < 0.55) & (saturation < 0.75)] = FAMILIES.index("brown")
    family[warm & (hue >= 15) & (top < 0.6)] = FAMILIES.index("brown")
    family[warm & (saturation < 0.4) & (top >= 0.6)] = FAMILIES.index("beige")
    reddish = chromatic & ((hue < 15) | (hue >= 340))
    family[reddish & (saturation < 0.6) & (top >= 0.75)] = FAMILIES.index("pink")

    achromatic = ~chromatic
    family[achromatic & (top >= 0.86)] = FAMILIES.index("white")
    family[(achromatic | (chroma < 0.12)) & (top < 0.2)] = FAMILIES.index("black")
    family[top < 0.12] = FAMILIES.index("black")
    return family


def _hue(pixels: FloatArray, top: FloatArray, chroma: FloatArray) -> FloatArray:
    red, green, blue = pixels[:, 0], pixels[:, 1], pixels[:, 2]
    safe = np.maximum(chroma, 1e-6)
    hue = np.where(
        top == red,
        ((green - blue) / safe) % 6,
        np.where(top == green, (blue - red) / safe + 2, (red - green) / safe + 4),
    )
    return (hue * 60.0).astype(np.float32)
