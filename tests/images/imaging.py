"""Images for the image tests, all drawn with Pillow here: no photo is read from disk."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

RED = (200, 30, 30)
BLUE = (30, 60, 170)
GREEN = (40, 160, 60)


def product(
    size: tuple[int, int] = (800, 800),
    colour: tuple[int, int, int] = RED,
    background: tuple[int, int, int] = (255, 255, 255),
    scale: float = 1.0,
) -> Image.Image:
    """A studio shot: a coloured box with a dark window and yellow stripes, centred on a backdrop.

    ``scale`` shrinks the product inside the frame (1.0: half the width, 60 % of the height).
    """
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    width, height = size
    cx, cy = width / 2, height / 2
    half_w, half_h = width * 0.25 * scale, height * 0.3 * scale
    draw.rectangle([cx - half_w, cy - half_h, cx + half_w, cy + half_h], fill=colour)
    draw.ellipse(
        [cx - half_w * 0.6, cy - half_h * 0.8, cx + half_w * 0.6, cy - half_h * 0.1],
        fill=(40, 40, 40),
    )
    for index in range(6):
        y = cy + half_h * (0.2 + 0.1 * index)
        draw.line([cx - half_w * 0.8, y, cx + half_w * 0.8, y], fill=(250, 220, 40), width=3)
    return image


def scene(size: tuple[int, int] = (800, 800), seed: int = 7) -> Image.Image:
    """The same product in front of a busy, many-coloured background (a lifestyle shot)."""
    rng = np.random.default_rng(seed)
    blocks = rng.integers(0, 256, (20, 20, 3), dtype=np.uint8)
    image = Image.fromarray(blocks).resize(size, Image.Resampling.NEAREST)
    shot = product(size)
    width, height = size
    box = (int(width * 0.25), int(height * 0.2), int(width * 0.75), int(height * 0.8))
    image.paste(shot.crop(box), box[:2])
    return image


def encode(image: Image.Image, fmt: str = "JPEG", **options: Any) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        options.setdefault("quality", 92)
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares ``width`` x ``height`` RGB pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + _chunk(b"IEND", b"")
    )


def jpeg_declaring(width: int, height: int) -> bytes:
    """A real 16 px JPEG whose start-of-frame marker is rewritten to declare another size."""
    data = bytearray(encode(Image.new("RGB", (16, 16), RED)))
    frame = data.index(b"\xff\xc0")  # SOF0: marker, length (2), precision (1), height, width
    struct.pack_into(">HH", data, frame + 5, height, width)
    return bytes(data)
