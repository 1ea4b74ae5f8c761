"""image-overexposed on drawn photos: a coloured product blown out fires; bright, white, vivid and
glossy products that are exposed well do not."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from imaging import encode
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from listlint.checks.image_overexposed import ImageOverexposed
from listlint.images.facts import ImageFacts
from listlint.images.measure import measure
from listlint.testing import run_check

SIDE = 1000  # a JPEG drafts to 500 px and is measured as it is


def garment(
    colour: tuple[int, int, int],
    low: float = 0.35,
    high: float = 1.0,
    backdrop: tuple[int, int, int] = (255, 255, 255),
    glints: int = 0,
) -> Image.Image:
    """A shirt-like product lit from the top left: its tone falls from ``high`` to ``low``
    times ``colour`` (clipped at 255, as a camera does) across the body, with a fabric grain.

    ``glints`` adds that many small specular highlights, soft-edged spots of pure white.
    """
    y, x = np.mgrid[0:SIDE, 0:SIDE].astype(np.float32) / SIDE
    shade = low + (high - low) * np.clip(1.2 - 0.9 * x - 0.5 * y, 0, 1)
    shade += np.random.default_rng(3).normal(0, 0.015, shade.shape).astype(np.float32)
    body = np.clip(np.array(colour, np.float32) * shade[..., None], 0, 255).astype(np.uint8)
    outline = Image.new("L", (SIDE, SIDE), 0)
    draw = ImageDraw.Draw(outline)
    draw.rounded_rectangle((250, 150, 750, 900), radius=100, fill=255)
    draw.rectangle((120, 200, 880, 400), fill=255)  # the sleeves
    image = Image.new("RGB", (SIDE, SIDE), backdrop)
    image.paste(Image.fromarray(body), (0, 0), outline.filter(ImageFilter.GaussianBlur(2)))
    if glints:
        glare = Image.new("L", (SIDE, SIDE), 0)
        spots = ImageDraw.Draw(glare)
        for index in range(glints):
            cx, cy = 350 + 100 * index, 300 + 150 * (index % 3)
            spots.ellipse((cx - 20, cy - 20, cx + 20, cy + 20), fill=255)
        white = Image.new("RGB", (SIDE, SIDE), (255, 255, 255))
        image = Image.composite(white, image, glare.filter(ImageFilter.GaussianBlur(8)))
    return image


def _measure(image: Image.Image) -> ImageFacts:
    return measure("photo.jpg", encode(image))


def _fires(facts: ImageFacts, options: dict[str, Any] | None = None) -> bool:
    data = facts.to_dict()
    data.pop("reference")
    record = {"id": "P1", "title": "Shirt", "images": ["photo.jpg"]}
    images = {"photo.jpg": data}
    return bool(run_check(ImageOverexposed, record, images=images, options=options))


LIGHT_BLUE = (165, 200, 235)
LILAC = (200, 170, 230)
PEACH = (235, 185, 150)


@pytest.mark.parametrize("colour", [LIGHT_BLUE, LILAC, PEACH], ids=["blue", "lilac", "peach"])
def test_a_coloured_product_brightened_is_overexposed(colour: tuple[int, int, int]) -> None:
    shot = garment(colour)
    normal = _measure(shot)
    blown = _measure(ImageEnhance.Brightness(shot).enhance(1.8))
    assert normal.clipped_tints < 0.01
    assert blown.clipped_tints > 0.15
    # Not what the older rules see: little of it is pure white, and its mean is far from white.
    assert blown.highlights < 0.2 and blown.product_brightness < 225
    assert _fires(blown)
    assert not _fires(normal)


def test_the_threshold_is_an_option() -> None:
    blown = _measure(ImageEnhance.Brightness(garment(LIGHT_BLUE)).enhance(1.8))
    assert _fires(blown)
    assert not _fires(blown, {"max-clipped-tints": 0.5})


@pytest.mark.parametrize(
    ("kind", "shot"),
    [
        # A white T-shirt on white, shaded; and one with a warm cast whose lit side clips.
        ("white", garment((255, 255, 255), low=0.85)),
        ("warm white", garment((255, 252, 242), low=0.85, high=1.03)),
        # Pastels, bright but not clipped; a pink whose red channel clips over its lit half.
        ("pastel blue", garment((195, 220, 250), low=0.85, high=1.02)),
        ("pastel yellow", garment((250, 240, 170), low=0.85, high=1.02)),
        ("pastel pink", garment((255, 205, 220), low=0.85, high=1.05)),
        # Vivid colours whose strongest channel (or two) is clipped at 255 over much of them.
        ("vivid red", garment((255, 30, 40), low=0.7, high=1.3)),
        ("vivid yellow", garment((255, 220, 20), low=0.7, high=1.1)),
        # Glossy items: five specular highlights of pure white, soft-edged.
        ("glossy blue", garment((40, 90, 200), low=0.6, glints=5)),
        ("glossy yellow", garment((235, 190, 30), low=0.6, glints=5)),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_bright_products_exposed_well_are_not_overexposed(kind: str, shot: Image.Image) -> None:
    facts = _measure(shot)
    assert facts.clipped_tints < 0.01, kind
    assert not _fires(facts), kind


def test_the_clipped_products_above_are_clipped() -> None:
    # The vivid red's red channel is at 255 over 40 % of its body, and the warm white's lit
    # corner is clipped in red and green: what spares them is their third channel.
    red = np.asarray(garment((255, 30, 40), low=0.7, high=1.3))[150:900, 250:750]
    assert np.mean(red[..., 0] == 255) > 0.4
    warm = np.asarray(garment((255, 252, 242), low=0.85, high=1.03))[150:900, 250:750]
    assert np.mean((warm[..., 0] == 255) & (warm[..., 1] >= 252)) > 0.04


def test_a_backdrop_of_a_clipped_tint_is_not_product() -> None:
    # Cream paper behind the product: every backdrop pixel has red and green clipped and blue
    # in the tint band, and none of them is the product.
    facts = _measure(garment((40, 90, 200), low=0.6, backdrop=(255, 253, 225)))
    assert facts.background_spread < 0.1
    assert facts.clipped_tints < 0.01
    assert not _fires(facts)


def test_a_greyscale_photo_has_no_tints() -> None:
    shot = ImageEnhance.Brightness(garment(LIGHT_BLUE)).enhance(1.8).convert("L")
    assert _measure(shot).clipped_tints == 0.0
