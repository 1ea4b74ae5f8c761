"""Draw the product photos of the example catalogs into ``examples/images/``.

Each picture is a simple product shape (a tee, a shoe, a bag, a TV...) in the product's colour on a
pure white background, drawn at twice its size and scaled down so its edges are smooth but sharp.
A few pictures are defective on purpose, for the image checks:

* ``mug-cobalt-small.png``: 300x200 px (``image-too-small``)
* ``tee-black-blurred.jpg``: a tee blurred with GaussianBlur(radius=4) (``image-blurry``)
* ``boots-brown-dark.jpg``: underexposed to about a tenth of its brightness (``image-too-dark``)
* ``earbuds-main.jpg``: a text file with a ``.jpg`` name, not an image (``image-unreadable``)
* ``kettle-steel-side.png`` is referenced by ``examples/catalog.jsonl`` and is never drawn
  (``image-unreadable``); this script deletes it if it exists.

The output is deterministic: no randomness, no timestamps or other metadata, so running the
script twice gives byte-identical files (with the same Pillow and zlib/libjpeg builds).

Usage: ``python scripts/draw_example_images.py [--out DIR]``
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

RGB = tuple[int, int, int]
Point = tuple[float, float]

SUPERSAMPLE = 2
WHITE: RGB = (255, 255, 255)
MISSING_IMAGE = "kettle-steel-side.png"
NOT_AN_IMAGE = "earbuds-main.jpg"

# The colours the catalogs name, as RGB.
COLORS: dict[str, RGB] = {
    "navy": (31, 45, 84),
    "grey": (150, 152, 156),
    "heather-grey": (168, 168, 172),
    "forest-green": (34, 87, 52),
    "black": (28, 28, 30),
    "indigo": (46, 58, 112),
    "sky-blue": (120, 178, 226),
    "orange": (238, 118, 28),
    "red": (196, 32, 38),
    "brown": (120, 72, 38),
    "tan": (176, 120, 70),
    "mustard": (214, 164, 32),
    "sage": (142, 168, 132),
    "charcoal": (62, 64, 70),
    "teal": (0, 128, 128),
    "steel": (172, 178, 184),
    "cobalt": (0, 71, 171),
    "light-blue": (160, 196, 230),
    "burgundy": (118, 28, 46),
    "olive": (112, 116, 48),
    "khaki": (190, 170, 120),
    "purple": (112, 64, 150),
    "slate": (96, 104, 116),
    "sand": (214, 196, 160),
    "silver": (196, 200, 206),
}


def shade(color: RGB, factor: float) -> RGB:
    """Darken (factor < 1) or lighten (factor > 1, towards white) a colour."""
    if factor <= 1:
        r, g, b = (round(c * factor) for c in color)
    else:
        t = min(factor - 1, 1.0)
        r, g, b = (round(c + (255 - c) * t) for c in color)
    return (r, g, b)


class Canvas:
    """A white picture drawn in unit coordinates: (0, 0) is the top left of the central square."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.image = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), WHITE)
        self.draw = ImageDraw.Draw(self.image)
        side = min(width, height) * SUPERSAMPLE
        self.side = side
        self.x0 = (width * SUPERSAMPLE - side) / 2
        self.y0 = (height * SUPERSAMPLE - side) / 2

    def p(self, point: Point) -> tuple[float, float]:
        return (self.x0 + point[0] * self.side, self.y0 + point[1] * self.side)

    def w(self, width: float) -> int:
        """A line width given in thousandths of the square's side."""
        return max(1, round(width * self.side / 1000))

    def box(self, x1: float, y1: float, x2: float, y2: float) -> tuple[float, float, float, float]:
        a, b = self.p((x1, y1))
        c, d = self.p((x2, y2))
        return (a, b, c, d)

    def poly(self, points: Sequence[Point], fill: RGB, outline: RGB, width: float = 4) -> None:
        pts = [self.p(pt) for pt in points]
        self.draw.polygon(pts, fill=fill)
        self.draw.line([*pts, pts[0]], fill=outline, width=self.w(width), joint="curve")

    def line(self, points: Sequence[Point], color: RGB, width: float = 3) -> None:
        pts = [self.p(pt) for pt in points]
        self.draw.line(pts, fill=color, width=self.w(width), joint="curve")

    def dashed(self, points: Sequence[Point], color: RGB, dash: float = 0.012) -> None:
        """Stitching: short dashes along a polyline."""
        for (xa, ya), (xb, yb) in itertools.pairwise(points):
            length = math.hypot(xb - xa, yb - ya)
            steps = max(1, int(length / dash))
            for i in range(0, steps, 2):
                t1, t2 = i / steps, min((i + 1) / steps, 1.0)
                self.line(
                    [(xa + (xb - xa) * t1, ya + (yb - ya) * t1),
                     (xa + (xb - xa) * t2, ya + (yb - ya) * t2)],
                    color,
                    2,
                )  # fmt: skip

    def ellipse(
        self, x1: float, y1: float, x2: float, y2: float, fill: RGB | None, outline: RGB,
        width: float = 4,
    ) -> None:  # fmt: skip
        self.draw.ellipse(self.box(x1, y1, x2, y2), fill=fill, outline=outline, width=self.w(width))

    def rect(
        self, x1: float, y1: float, x2: float, y2: float, fill: RGB | None, outline: RGB,
        width: float = 4, radius: float = 0.0,
    ) -> None:  # fmt: skip
        self.draw.rounded_rectangle(
            self.box(x1, y1, x2, y2),
            radius=round(radius * self.side),
            fill=fill,
            outline=outline,
            width=self.w(width),
        )

    def arc(
        self, x1: float, y1: float, x2: float, y2: float, start: float, end: float, color: RGB,
        width: float = 4,
    ) -> None:  # fmt: skip
        self.draw.arc(self.box(x1, y1, x2, y2), start, end, fill=color, width=self.w(width))

    def clipped(
        self, x1: float, y1: float, x2: float, y2: float, radius: float, paint: Callable[[], None],
    ) -> None:  # fmt: skip
        """Run ``paint`` and keep only what it drew inside the given rounded rectangle."""
        base, base_draw = self.image, self.draw
        self.image = base.copy()
        self.draw = ImageDraw.Draw(self.image)
        try:
            paint()
        finally:
            layer, self.image, self.draw = self.image, base, base_draw
        mask = Image.new("L", base.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle(
            self.box(x1, y1, x2, y2), radius=round(radius * self.side), fill=255
        )
        base.paste(layer, mask=mask)

    def finish(self) -> Image.Image:
        return self.image.resize((self.width, self.height), Image.Resampling.LANCZOS)


def _mirror(points: Sequence[Point]) -> list[Point]:
    return [(1 - x, y) for x, y in reversed(points)]


def _arc_points(cx: float, cy: float, rx: float, ry: float, a1: float, a2: float) -> list[Point]:
    n = 24
    return [
        (cx + rx * math.cos(math.radians(a1 + (a2 - a1) * i / n)),
         cy + ry * math.sin(math.radians(a1 + (a2 - a1) * i / n)))
        for i in range(n + 1)
    ]  # fmt: skip


# --- garments ------------------------------------------------------------------------------------


def top(
    c: Canvas, color: RGB, *, long_sleeves: bool = False, hood: bool = False,
    collar: bool = False, buttons: int = 0,
) -> None:  # fmt: skip
    """A tee, a hoodie, a polo or a shirt, seen from the front."""
    dark, light = shade(color, 0.55), shade(color, 1.25)
    if hood:
        c.ellipse(0.36, 0.04, 0.64, 0.26, shade(color, 0.8), dark)
    if long_sleeves:
        left = [(0.40, 0.13), (0.28, 0.17), (0.14, 0.32), (0.06, 0.80), (0.16, 0.82),
                (0.26, 0.42), (0.28, 0.90)]  # fmt: skip
    else:
        left = [(0.40, 0.13), (0.28, 0.17), (0.09, 0.33), (0.17, 0.44), (0.28, 0.37),
                (0.28, 0.90)]  # fmt: skip
    neck = _arc_points(0.5, 0.13, 0.10, 0.08, 180, 0)
    outline = [*left, *_mirror(left), *neck[1:-1]]
    c.poly(outline, color, dark)
    # neck rib and hem / cuff stitching
    c.line(_arc_points(0.5, 0.13, 0.10, 0.08, 0, 180), dark, 6)
    c.dashed([(0.29, 0.86), (0.71, 0.86)], light)
    if long_sleeves:
        c.line([(0.075, 0.76), (0.17, 0.78)], dark, 3)
        c.line([(0.925, 0.76), (0.83, 0.78)], dark, 3)
        for k in range(1, 6):
            y = 0.86 + k * 0.007
            c.line([(0.29, y), (0.71, y)], shade(color, 0.75), 1.5)
    else:
        c.dashed([(0.105, 0.355), (0.165, 0.42)], light)
        c.dashed([(0.895, 0.355), (0.835, 0.42)], light)
    c.line([(0.28, 0.37), (0.28, 0.17)], shade(color, 0.8), 2)
    c.line([(0.72, 0.37), (0.72, 0.17)], shade(color, 0.8), 2)
    if hood:
        c.line([(0.46, 0.20), (0.45, 0.40)], light, 4)
        c.line([(0.54, 0.20), (0.55, 0.40)], light, 4)
        c.poly([(0.36, 0.58), (0.64, 0.58), (0.70, 0.78), (0.30, 0.78)], shade(color, 0.9), dark)
        c.dashed([(0.37, 0.60), (0.63, 0.60)], light)
    if collar:
        c.poly([(0.40, 0.13), (0.50, 0.22), (0.44, 0.26), (0.36, 0.16)], light, dark, 3)
        c.poly([(0.60, 0.13), (0.50, 0.22), (0.56, 0.26), (0.64, 0.16)], light, dark, 3)
    for k in range(buttons):
        y = 0.27 + k * 0.08
        c.line([(0.5, 0.22), (0.5, 0.27 + (buttons - 1) * 0.08 + 0.03)], dark, 2)
        c.ellipse(0.488, y - 0.012, 0.512, y + 0.012, light, dark, 2)


def trousers(c: Canvas, color: RGB, *, shorts: bool = False) -> None:
    dark, stitch = shade(color, 0.55), (217, 164, 65)
    hem = 0.56 if shorts else 0.92
    left = [(0.30, 0.10), (0.27, 0.32), (0.28, hem), (0.47, hem), (0.5, 0.40)]
    c.poly([*left, *_mirror(left)[1:]], color, dark)
    c.rect(0.30, 0.10, 0.70, 0.15, shade(color, 0.85), dark, 3)
    for x in (0.34, 0.44, 0.56, 0.66):
        c.rect(x - 0.01, 0.095, x + 0.01, 0.16, color, dark, 2)
    c.ellipse(0.49, 0.115, 0.51, 0.135, (200, 170, 90), dark, 2)
    c.dashed([(0.52, 0.15), (0.52, 0.30), (0.5, 0.34)], stitch)
    c.dashed(_arc_points(0.30, 0.15, 0.09, 0.10, 0, 90), stitch)
    c.dashed(_arc_points(0.70, 0.15, 0.09, 0.10, 90, 180), stitch)
    c.dashed([(0.285, hem - 0.03), (0.465, hem - 0.03)], stitch)
    c.dashed([(0.535, hem - 0.03), (0.715, hem - 0.03)], stitch)
    for x, y in ((0.38, hem * 0.6), (0.62, hem * 0.6)):
        c.line([(x - 0.03, y), (x + 0.03, y + 0.02)], shade(color, 0.75), 2)


def dress(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.55), shade(color, 1.3)
    left = [(0.42, 0.08), (0.36, 0.10), (0.30, 0.18), (0.35, 0.24), (0.38, 0.22),
            (0.37, 0.42), (0.20, 0.90)]  # fmt: skip
    neck = _arc_points(0.5, 0.08, 0.08, 0.07, 180, 0)
    c.poly([*left, *_mirror(left), *neck[1:-1]], color, dark)
    c.line([(0.37, 0.42), (0.63, 0.42)], dark, 4)
    for k in range(1, 7):
        x_top = 0.37 + k * 0.26 / 7
        x_bot = 0.20 + k * 0.60 / 7
        c.line([(x_top, 0.43), (x_bot, 0.89)], shade(color, 0.8), 2)
    c.dashed([(0.21, 0.87), (0.79, 0.87)], light)
    c.dashed([(0.31, 0.19), (0.355, 0.23)], light)
    c.dashed([(0.69, 0.19), (0.645, 0.23)], light)


# --- footwear ------------------------------------------------------------------------------------


def shoe(c: Canvas, color: RGB, *, boot: bool = False, sole: RGB = (240, 240, 236)) -> None:
    dark, light = shade(color, 0.5), shade(color, 1.35)
    shaft = 0.16 if boot else 0.36
    upper = [(0.10, 0.64), (0.09, 0.44), (0.12, shaft), (0.34, shaft + 0.02), (0.42, 0.30),
             (0.52, 0.34), (0.72, 0.46), (0.88, 0.52), (0.93, 0.60), (0.92, 0.66)]  # fmt: skip
    c.poly(upper, color, dark)
    c.rect(0.06, 0.64, 0.95, 0.74, sole, shade(sole, 0.6), 4, radius=0.03)
    for k in range(1, 12):
        x = 0.08 + k * 0.075
        c.line([(x, 0.70), (x + 0.02, 0.74)], shade(sole, 0.7), 2)
    c.dashed([(0.11, 0.60), (0.90, 0.61)], light)
    c.poly([(0.70, 0.46), (0.88, 0.52), (0.93, 0.60), (0.92, 0.64), (0.74, 0.62)],
           shade(color, 0.85), dark, 3)  # fmt: skip
    c.poly([(0.09, 0.44), (0.12, shaft), (0.20, shaft + 0.005), (0.20, 0.62), (0.10, 0.63)],
           shade(color, 0.8), dark, 3)  # fmt: skip
    eyelets = 7 if boot else 5
    for k in range(eyelets):
        t = k / (eyelets - 1)
        x, y = 0.36 + t * 0.28, (shaft + 0.04) + t * (0.44 - shaft - 0.04)
        c.ellipse(x - 0.012, y - 0.012, x + 0.012, y + 0.012, light, dark, 2)
        if k:
            px, py = (
                0.36 + (k - 1) / (eyelets - 1) * 0.28,
                (shaft + 0.04) + (k - 1) / (eyelets - 1) * (0.44 - shaft - 0.04),
            )
            c.line([(px + 0.02, py - 0.03), (x - 0.02, y + 0.01)], (245, 245, 245), 5)
            c.line([(px - 0.02, py - 0.01), (x + 0.02, y - 0.03)], (235, 235, 235), 5)


# --- bags and small leather goods ----------------------------------------------------------------


def tote(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.5), shade(color, 1.3)
    c.arc(0.28, 0.10, 0.50, 0.56, 180, 360, dark, 22)
    c.arc(0.50, 0.10, 0.72, 0.56, 180, 360, dark, 22)
    c.poly([(0.18, 0.33), (0.82, 0.33), (0.90, 0.90), (0.10, 0.90)], color, dark)
    c.dashed([(0.20, 0.36), (0.80, 0.36), (0.87, 0.87), (0.13, 0.87), (0.20, 0.36)], light)
    c.rect(0.46, 0.36, 0.54, 0.44, (200, 170, 90), dark, 3, radius=0.01)
    c.line([(0.30, 0.33), (0.26, 0.90)], shade(color, 0.8), 2)
    c.line([(0.70, 0.33), (0.74, 0.90)], shade(color, 0.8), 2)


def handbag(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.45), shade(color, 1.6)
    for k in range(18):
        a = math.radians(190 + k * 160 / 17)
        x, y = 0.5 + 0.30 * math.cos(a), 0.40 + 0.30 * math.sin(a)
        c.ellipse(x - 0.018, y - 0.012, x + 0.018, y + 0.012, None, (150, 150, 150), 4)
    c.rect(0.16, 0.38, 0.84, 0.86, color, dark, 4, radius=0.06)

    def quilting() -> None:
        for k in range(-6, 9):
            x = 0.16 + k * 0.08
            c.line([(x, 0.38), (x + 0.48, 0.86)], light, 2)
            c.line([(x + 0.48, 0.38), (x, 0.86)], light, 2)

    c.clipped(0.16, 0.38, 0.84, 0.86, 0.06, quilting)
    c.rect(0.16, 0.38, 0.84, 0.86, None, dark, 6, radius=0.06)
    c.poly([(0.16, 0.40), (0.84, 0.40), (0.84, 0.56), (0.5, 0.62), (0.16, 0.56)],
           shade(color, 1.1), dark, 4)  # fmt: skip
    c.rect(0.46, 0.56, 0.54, 0.64, (190, 190, 195), dark, 3, radius=0.02)


def backpack(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.5), shade(color, 1.35)
    c.arc(0.40, 0.04, 0.60, 0.20, 180, 360, dark, 10)
    c.rect(0.22, 0.12, 0.78, 0.92, color, dark, 5, radius=0.12)
    c.rect(0.30, 0.52, 0.70, 0.86, shade(color, 0.88), dark, 4, radius=0.05)
    c.dashed([(0.33, 0.56), (0.67, 0.56)], light)
    c.line([(0.30, 0.50), (0.70, 0.50)], (60, 60, 60), 6)
    for k in range(40):
        x = 0.31 + k * 0.01
        c.line([(x, 0.495), (x, 0.505)], (180, 180, 180), 1.5)
    c.rect(0.66, 0.485, 0.70, 0.53, (200, 200, 200), dark, 2, radius=0.005)
    c.arc(0.26, 0.16, 0.74, 0.60, 200, 340, shade(color, 0.8), 3)


def wallet(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.5), shade(color, 1.3)
    c.rect(0.14, 0.26, 0.86, 0.76, color, dark, 5, radius=0.04)
    c.poly([(0.14, 0.30), (0.86, 0.30), (0.86, 0.46), (0.14, 0.46)], shade(color, 0.9), dark, 4)
    c.dashed([(0.17, 0.29), (0.83, 0.29), (0.83, 0.73), (0.17, 0.73), (0.17, 0.29)], light)
    c.dashed([(0.17, 0.44), (0.83, 0.44)], light)
    c.ellipse(0.47, 0.40, 0.53, 0.46, (200, 170, 90), dark, 3)


# --- home textiles -------------------------------------------------------------------------------


def cushion(c: Canvas, color: RGB) -> None:
    dark = shade(color, 0.55)
    edge = [(0.12, 0.12), (0.5, 0.135), (0.88, 0.12), (0.865, 0.5), (0.88, 0.88), (0.5, 0.865),
            (0.12, 0.88), (0.135, 0.5)]  # fmt: skip
    c.poly(edge, color, dark, 6)
    weave = shade(color, 0.9)

    def linen() -> None:
        for k in range(1, 40):
            t = k / 40
            c.line([(0.12, 0.12 + t * 0.76), (0.88, 0.12 + t * 0.76)], weave, 1.2)
            c.line([(0.12 + t * 0.76, 0.12), (0.12 + t * 0.76, 0.88)], weave, 1.2)

    c.clipped(0.15, 0.15, 0.85, 0.85, 0.02, linen)
    c.line([*edge, edge[0]], dark, 8)
    c.line([(0.30, 0.80), (0.70, 0.80)], shade(color, 0.7), 3)
    c.dashed([(0.30, 0.81), (0.70, 0.81)], shade(color, 0.45))


def towels(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.55), shade(color, 1.3)
    for k, y in enumerate((0.66, 0.48, 0.30, 0.12)):
        x1, x2 = 0.14 + k * 0.02, 0.86 - k * 0.02
        c.rect(x1, y, x2, y + 0.18, color, dark, 4, radius=0.05)
        c.rect(x1 + 0.06, y + 0.11, x2 - 0.06, y + 0.14, light, dark, 2)
        for j in range(24):
            x = x1 + 0.07 + j * (x2 - x1 - 0.14) / 24
            c.line([(x, y + 0.115), (x + 0.01, y + 0.135)], shade(color, 0.8), 1.5)


def duvet(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.55), shade(color, 1.25)
    c.rect(0.08, 0.30, 0.92, 0.90, color, dark, 5, radius=0.03)
    for x1 in (0.16, 0.52):
        c.rect(x1, 0.14, x1 + 0.32, 0.34, light, dark, 4, radius=0.06)
        c.dashed([(x1 + 0.03, 0.17), (x1 + 0.29, 0.17)], dark)
    for k in range(1, 7):
        y = 0.30 + k * 0.085
        c.line([(0.08, y), (0.92, y + 0.01)], shade(color, 0.85), 2)
    c.dashed([(0.10, 0.86), (0.90, 0.86)], light)
    # The front edge falls away from the light, as a real duvet's does.
    c.rect(0.08, 0.80, 0.92, 0.90, shade(color, 0.68), dark, 5, radius=0.03)


# --- electronics and everything else -------------------------------------------------------------


def headphones(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.6) if sum(color) > 150 else (0, 0, 0), shade(color, 2.0)
    c.arc(0.16, 0.08, 0.84, 0.84, 180, 360, color, 40)
    c.arc(0.18, 0.10, 0.82, 0.82, 185, 355, light, 4)
    for x in (0.16, 0.84):
        c.rect(x - 0.025, 0.44, x + 0.025, 0.56, (170, 170, 175), dark, 3)
    c.ellipse(0.06, 0.50, 0.30, 0.86, color, light, 4)
    c.ellipse(0.70, 0.50, 0.94, 0.86, color, light, 4)
    c.ellipse(0.11, 0.57, 0.25, 0.79, shade(color, 1.15), light, 3)
    c.ellipse(0.75, 0.57, 0.89, 0.79, shade(color, 1.15), light, 3)
    for x in (0.085, 0.865):
        c.rect(x, 0.62, x + 0.05, 0.64, light, light, 1)


def earbuds(c: Canvas, color: RGB) -> None:
    dark, light = (20, 20, 22), shade(color, 1.8)
    c.rect(0.24, 0.46, 0.76, 0.86, color, dark, 5, radius=0.12)
    c.line([(0.25, 0.58), (0.75, 0.58)], light, 3)
    c.ellipse(0.48, 0.70, 0.52, 0.74, (120, 220, 140), dark, 2)
    for x in (0.30, 0.58):
        c.ellipse(x, 0.12, x + 0.14, 0.26, color, light, 4)
        c.rect(x + 0.04, 0.22, x + 0.10, 0.42, color, light, 4, radius=0.03)
        c.ellipse(x + 0.04, 0.15, x + 0.10, 0.21, (90, 90, 96), light, 2)


def speaker(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.5), shade(color, 1.4)
    c.rect(0.30, 0.10, 0.70, 0.90, color, dark, 6, radius=0.14)
    for row in range(22):
        for col in range(12):
            x, y = 0.35 + col * 0.028 + (row % 2) * 0.014, 0.24 + row * 0.025
            if x < 0.66:
                c.ellipse(x - 0.006, y - 0.006, x + 0.006, y + 0.006, dark, dark, 1)
    for k, x in enumerate((0.42, 0.5, 0.58)):
        c.ellipse(x - 0.022, 0.14, x + 0.022, 0.184, light, dark, 2)
        c.line([(x - 0.01, 0.162), (x + 0.01, 0.162)], dark, 2)
        if k == 1:
            c.line([(x, 0.152), (x, 0.172)], dark, 2)
    c.rect(0.36, 0.86, 0.64, 0.885, (40, 40, 40), dark, 2, radius=0.01)


def cable(c: Canvas, color: RGB) -> None:
    dark = shade(color, 0.5)
    for k in range(3):
        d = k * 0.05
        c.ellipse(0.20 + d, 0.22 + d, 0.80 - d, 0.78 - d, None, color, 26)
        c.ellipse(0.20 + d, 0.22 + d, 0.80 - d, 0.78 - d, None, dark, 1.5)
    c.line([(0.20, 0.5), (0.12, 0.5)], color, 26)
    c.line([(0.80, 0.5), (0.86, 0.56)], color, 26)
    c.rect(0.07, 0.46, 0.13, 0.54, (70, 70, 74), dark, 3, radius=0.01)
    c.rect(0.04, 0.48, 0.075, 0.52, (200, 200, 205), dark, 2, radius=0.008)
    c.rect(0.85, 0.53, 0.91, 0.61, (70, 70, 74), dark, 3, radius=0.01)
    c.rect(0.905, 0.55, 0.94, 0.59, (200, 200, 205), dark, 2, radius=0.008)


def tv(c: Canvas, color: RGB) -> None:
    """A TV with the screen off, as packshots show it: dark glass with a soft reflection."""
    c.rect(0.05, 0.18, 0.95, 0.72, color, shade(color, 0.6), 5, radius=0.01)
    x1, y1, x2, y2 = c.box(0.07, 0.20, 0.93, 0.70)
    for k in range(int(y2 - y1)):
        t = k / (y2 - y1)
        glass = (round(40 - 14 * t), round(44 - 14 * t), round(54 - 16 * t))
        c.draw.line([(x1, y1 + k), (x2, y1 + k)], fill=glass)
    c.poly([(0.07, 0.20), (0.40, 0.20), (0.18, 0.70), (0.07, 0.70)], (58, 62, 74), (58, 62, 74), 1)
    c.line([(0.50, 0.705), (0.50, 0.712)], (90, 200, 120), 4)
    c.rect(0.46, 0.72, 0.54, 0.80, shade(color, 1.3), color, 3)
    c.rect(0.34, 0.80, 0.66, 0.83, color, shade(color, 0.6), 3, radius=0.01)


def charger(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.5) if sum(color) > 150 else (0, 0, 0), shade(color, 1.9)
    for x in (0.40, 0.56):
        c.rect(x, 0.08, x + 0.04, 0.28, (200, 200, 205), (120, 120, 125), 3, radius=0.01)
    c.rect(0.24, 0.26, 0.76, 0.84, color, dark, 5, radius=0.08)
    c.rect(0.24, 0.26, 0.76, 0.84, None, light, 2, radius=0.08)
    c.rect(0.42, 0.64, 0.58, 0.69, (10, 10, 10), light, 2, radius=0.02)
    c.rect(0.42, 0.72, 0.58, 0.77, (10, 10, 10), light, 2, radius=0.02)
    for k in range(8):
        y = 0.34 + k * 0.03
        c.line([(0.32, y), (0.68, y)], shade(color, 1.15), 2)


def car_charger(c: Canvas, color: RGB) -> None:
    dark, light = (0, 0, 0), shade(color, 1.9)
    c.rect(0.44, 0.10, 0.56, 0.18, (200, 200, 205), (110, 110, 115), 3, radius=0.02)
    c.rect(0.38, 0.16, 0.62, 0.80, color, light, 4, radius=0.06)
    c.rect(0.30, 0.74, 0.70, 0.90, color, light, 4, radius=0.05)
    c.rect(0.36, 0.79, 0.48, 0.84, dark, light, 2, radius=0.015)
    c.rect(0.52, 0.79, 0.64, 0.84, dark, light, 2, radius=0.015)
    for k in range(10):
        y = 0.24 + k * 0.045
        c.line([(0.39, y), (0.61, y)], shade(color, 1.3), 2)
    c.ellipse(0.42, 0.06, 0.44, 0.12, (200, 200, 205), (110, 110, 115), 2)
    c.ellipse(0.56, 0.06, 0.58, 0.12, (200, 200, 205), (110, 110, 115), 2)


def kettle(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.5), shade(color, 1.5)
    c.rect(0.20, 0.84, 0.76, 0.92, (40, 40, 44), (20, 20, 20), 3, radius=0.02)
    body = [(0.28, 0.24), (0.66, 0.24), (0.74, 0.84), (0.22, 0.84)]
    c.poly(body, color, dark)
    c.poly([(0.26, 0.34), (0.12, 0.22), (0.09, 0.24), (0.23, 0.50)], color, dark)
    c.arc(0.56, 0.26, 0.90, 0.72, 270, 90, (40, 40, 44), 30)
    c.rect(0.34, 0.18, 0.60, 0.25, shade(color, 0.9), dark, 3, radius=0.02)
    c.rect(0.44, 0.14, 0.50, 0.19, (40, 40, 44), dark, 2, radius=0.01)
    c.rect(0.30, 0.40, 0.36, 0.76, (170, 210, 235), dark, 2, radius=0.02)
    for k in range(5):
        y = 0.44 + k * 0.07
        c.line([(0.305, y), (0.32, y)], dark, 2)
    for x in (0.42, 0.50, 0.58):
        c.line([(x, 0.28), (x + 0.01, 0.80)], light, 5)


def mug(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.5), shade(color, 1.5)
    c.arc(0.56, 0.34, 0.90, 0.74, 270, 90, color, 40)
    c.arc(0.56, 0.34, 0.90, 0.74, 270, 90, dark, 4)
    c.rect(0.18, 0.24, 0.70, 0.86, color, dark, 5, radius=0.05)
    c.ellipse(0.18, 0.20, 0.70, 0.30, shade(color, 0.7), dark, 4)
    c.line([(0.28, 0.36), (0.28, 0.76)], light, 10)


def drill(c: Canvas, color: RGB) -> None:
    black, dark = (30, 30, 32), shade(color, 0.55)
    c.rect(0.26, 0.76, 0.66, 0.92, black, (0, 0, 0), 4, radius=0.03)
    c.poly([(0.34, 0.46), (0.50, 0.46), (0.56, 0.78), (0.38, 0.78)], black, (0, 0, 0))
    for k in range(8):
        y = 0.52 + k * 0.03
        c.line([(0.37, y), (0.52, y)], (70, 70, 74), 2)
    c.poly([(0.18, 0.20), (0.74, 0.20), (0.78, 0.30), (0.74, 0.44), (0.52, 0.48),
            (0.30, 0.48), (0.18, 0.40)], color, dark)  # fmt: skip
    c.rect(0.74, 0.24, 0.86, 0.40, black, (0, 0, 0), 3, radius=0.01)
    for k in range(6):
        x = 0.755 + k * 0.02
        c.line([(x, 0.25), (x, 0.39)], (90, 90, 94), 2)
    c.rect(0.86, 0.29, 0.96, 0.35, (190, 190, 196), (100, 100, 104), 3)
    c.poly([(0.50, 0.48), (0.54, 0.48), (0.52, 0.58), (0.48, 0.56)], black, (0, 0, 0), 2)
    c.rect(0.24, 0.80, 0.28, 0.86, (200, 60, 40), (0, 0, 0), 1)
    c.dashed([(0.22, 0.24), (0.70, 0.24)], shade(color, 1.4))


def cans(c: Canvas, color: RGB) -> None:
    silver = COLORS["silver"]
    for y in (0.14, 0.52):
        for col in range(4):
            x = 0.08 + col * 0.215
            c.rect(x, y, x + 0.19, y + 0.36, silver, shade(silver, 0.5), 3, radius=0.02)
            for k in range(4):
                bx = x + k * 0.0475
                fill = color if k % 2 == 0 else silver
                c.poly([(bx, y + 0.06), (bx + 0.0475, y + 0.06), (bx + 0.0475, y + 0.30),
                        (bx, y + 0.30)], fill, fill, 0.5)  # fmt: skip
            c.rect(x, y, x + 0.19, y + 0.36, None, shade(silver, 0.5), 3, radius=0.02)
            lid, rim = shade(silver, 1.2), shade(silver, 0.5)
            c.ellipse(x + 0.03, y - 0.02, x + 0.16, y + 0.03, lid, rim, 2)
            c.ellipse(x + 0.07, y + 0.13, x + 0.12, y + 0.18, (250, 205, 30), (200, 150, 20), 2)
    c.line([(0.06, 0.50), (0.94, 0.50)], (210, 215, 222), 3)


def lamp(c: Canvas, color: RGB) -> None:
    dark, light = (0, 0, 0), shade(color, 2.0)
    c.ellipse(0.20, 0.80, 0.80, 0.95, color, light, 3)
    c.line([(0.50, 0.87), (0.34, 0.50), (0.58, 0.20)], color, 34)
    c.ellipse(0.46, 0.83, 0.54, 0.91, (200, 200, 205), dark, 2)
    c.ellipse(0.30, 0.46, 0.38, 0.54, (200, 200, 205), dark, 2)
    c.poly([(0.46, 0.14), (0.68, 0.04), (0.96, 0.42), (0.72, 0.54)], color, light, 3)
    c.ellipse(0.71, 0.40, 0.97, 0.56, (255, 236, 170), light, 3)


def keyboard(c: Canvas, color: RGB) -> None:
    dark, key = shade(color, 0.5), shade(color, 1.45)
    c.rect(0.04, 0.30, 0.96, 0.70, color, dark, 5, radius=0.03)
    rows = [14, 14, 13, 12]
    for r, n in enumerate(rows):
        width = 0.86 / n
        for k in range(n):
            x = 0.07 + k * width
            y = 0.34 + r * 0.07
            c.rect(x, y, x + width - 0.008, y + 0.058, key, dark, 1.5, radius=0.006)
    c.rect(0.30, 0.62, 0.70, 0.675, key, dark, 1.5, radius=0.006)


def yoga_mat(c: Canvas, color: RGB) -> None:
    dark, light = shade(color, 0.55), shade(color, 1.35)
    c.rect(0.20, 0.34, 0.86, 0.66, color, dark, 5, radius=0.02)
    for k in range(1, 12):
        x = 0.20 + k * 0.055
        c.line([(x, 0.35), (x, 0.65)], shade(color, 0.9), 2)
    c.ellipse(0.08, 0.34, 0.30, 0.66, color, dark, 5)
    for k in range(1, 6):
        d = k * 0.018
        c.ellipse(0.08 + d, 0.34 + d * 1.4, 0.30 - d, 0.66 - d * 1.4, None, dark, 2)
    for x in (0.40, 0.70):
        c.rect(x, 0.32, x + 0.05, 0.68, (40, 40, 44), (0, 0, 0), 2)
    c.line([(0.30, 0.34), (0.86, 0.34)], light, 3)


# --- the pictures --------------------------------------------------------------------------------

# A painter draws one product: painter(canvas, colour, **options).
Painter = Callable[..., None]

# file name -> (painter, colour name, width, height)
GOOD: dict[str, tuple[Painter, str, int, int]] = {
    # examples/catalog.jsonl
    "tee-navy.png": (top, "navy", 800, 800),
    "tee-grey.png": (top, "grey", 800, 800),
    "tee-green.png": (top, "forest-green", 800, 800),
    "jeans-indigo.png": (trousers, "indigo", 800, 1000),
    "dress-sky-blue.jpg": (dress, "sky-blue", 800, 1000),
    "shoe-trail-orange.png": (shoe, "orange", 1000, 800),
    "sneaker-canvas-red.png": (shoe, "red", 1000, 800),
    "tote-brown.png": (tote, "brown", 800, 800),
    "handbag-black.png": (handbag, "black", 800, 800),
    "cushion-mustard.png": (cushion, "mustard", 800, 800),
    "towels-sage.png": (towels, "sage", 800, 800),
    "headphones-black.jpg": (headphones, "black", 800, 800),
    "earbuds-charcoal.png": (earbuds, "charcoal", 800, 800),
    "speaker-teal.png": (speaker, "teal", 800, 800),
    "cable-black.jpg": (cable, "black", 800, 800),
    "tv-55.png": (tv, "black", 1000, 800),
    "charger-65w-black.png": (charger, "black", 800, 800),
    "car-charger-black.png": (car_charger, "black", 800, 800),
    "kettle-steel.png": (kettle, "steel", 800, 800),
    "drill-orange.png": (drill, "orange", 800, 800),
    "cans-energy-drink.png": (cans, "cobalt", 1000, 800),
    "hoodie-heather-grey.png": (top, "heather-grey", 800, 800),
    # examples/catalog.jsonl, lines 25-30: the conflicts, each listing with a photo of its own
    "tee-navy-long-sleeve.png": (top, "navy", 800, 800),
    "tee-green-relaxed.png": (top, "forest-green", 900, 800),
    "tv-65.png": (tv, "black", 960, 800),
    "hoodie-burgundy-zip.png": (top, "burgundy", 800, 900),
    "sneaker-canvas-red-high.png": (shoe, "red", 1000, 900),
    "cushion-mustard-50.png": (cushion, "mustard", 900, 900),
    # examples/clean/catalog.json
    "shirt-light-blue.png": (top, "light-blue", 800, 800),
    "wallet-tan.png": (wallet, "tan", 800, 800),
    "lamp-slate.png": (lamp, "slate", 800, 800),
    "duvet-sand.png": (duvet, "sand", 1000, 800),
    # examples/catalog.csv
    "polo-navy.png": (top, "navy", 800, 800),
    "shorts-khaki.png": (trousers, "khaki", 800, 800),
    "hoodie-burgundy.png": (top, "burgundy", 800, 800),
    "backpack-olive.png": (backpack, "olive", 800, 1000),
    "keyboard-slate.png": (keyboard, "slate", 1000, 800),
    "yoga-mat-purple.png": (yoga_mat, "purple", 1000, 800),
}

# Drawn only to be spoilt: the source of boots-brown-dark.jpg.
SOURCES: dict[str, tuple[Painter, str, int, int]] = {
    "boots-brown.png": (shoe, "brown", 1000, 800),
}

# Painters that need options beyond the colour.
OPTIONS: dict[str, dict[str, object]] = {
    "hoodie-heather-grey.png": {"long_sleeves": True, "hood": True},
    "hoodie-burgundy.png": {"long_sleeves": True, "hood": True},
    "shirt-light-blue.png": {"long_sleeves": True, "collar": True, "buttons": 6},
    "polo-navy.png": {"collar": True, "buttons": 3},
    "shorts-khaki.png": {"shorts": True},
    "boots-brown.png": {"boot": True, "sole": (50, 40, 34)},
    "sneaker-canvas-red.png": {"sole": (245, 245, 240)},
    "tee-navy-long-sleeve.png": {"long_sleeves": True},
    "hoodie-burgundy-zip.png": {"long_sleeves": True, "hood": True},
    "sneaker-canvas-red-high.png": {"boot": True, "sole": (245, 245, 240)},
}

NOT_AN_IMAGE_TEXT = (
    "This is not a JPEG file.\n"
    "It is a text file with a .jpg name, kept in the listlint examples on purpose:\n"
    "the image-unreadable check must report it instead of crashing.\n"
)


def paint(name: str) -> Image.Image:
    painter, color, width, height = GOOD[name] if name in GOOD else SOURCES[name]
    canvas = Canvas(width, height)
    options = OPTIONS.get(name, {})
    painter(canvas, COLORS[color], **options)
    return canvas.finish()


def save_png(image: Image.Image, path: Path) -> None:
    # No text chunks, no tIME chunk: Pillow writes neither unless asked.
    image.save(path, format="PNG", optimize=True)


def save_jpeg(image: Image.Image, path: Path) -> None:
    # Baseline JPEG without EXIF; the same input gives the same bytes.
    image.save(path, format="JPEG", quality=85, optimize=True, progressive=False)


def defective(out: Path) -> list[Path]:
    """Write the deliberately defective files; return their paths."""
    written: list[Path] = []

    small = Canvas(300, 200)
    mug(small, COLORS["cobalt"])
    path = out / "mug-cobalt-small.png"
    save_png(small.finish(), path)
    written.append(path)

    path = out / "tee-black-blurred.jpg"
    tee = Canvas(800, 800)
    top(tee, COLORS["black"])
    save_jpeg(tee.finish().filter(ImageFilter.GaussianBlur(radius=4)), path)
    written.append(path)

    path = out / "boots-brown-dark.jpg"
    dark = paint("boots-brown.png").point(lambda v: v * 11 // 100)
    save_jpeg(dark, path)
    written.append(path)

    path = out / NOT_AN_IMAGE
    path.write_bytes(NOT_AN_IMAGE_TEXT.encode("ascii"))
    written.append(path)

    missing = out / MISSING_IMAGE
    if missing.exists():
        missing.unlink()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    default_out = Path(__file__).resolve().parent.parent / "examples" / "images"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=default_out, help="folder to write into")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in GOOD:
        path = out / name
        save = save_jpeg if name.endswith(".jpg") else save_png
        save(paint(name), path)
        written.append(path)
    written.extend(defective(out))
    for path in written:
        print(f"{path.stat().st_size:>7}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
