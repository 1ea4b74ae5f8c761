from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from PIL import Image, ImageDraw

from listlint.cli import cli


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[..., Path]:
    """Write records as a JSON Lines catalog in tmp_path and return its path.

    Beside it lie two good studio photos a record may name: navy-tee.jpg and red-tee.jpg.
    """

    def write(records: Sequence[Any], name: str = "catalog.jsonl") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for photo, colour in (("navy-tee.jpg", (28, 38, 92)), ("red-tee.jpg", (190, 30, 40))):
            if not (path.parent / photo).exists():
                (path.parent / photo).write_bytes(studio_photo(colour))
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
        return path

    return write


def studio_photo(colour: tuple[int, int, int], side: int = 800) -> bytes:
    """A sharp, well-lit JPEG of a plain tee in ``colour`` on white: passes every image rule."""
    image = Image.new("RGB", (side, side), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    body = (side * 0.28, side * 0.22, side * 0.72, side * 0.9)
    draw.rectangle(body, fill=colour)
    draw.polygon(  # sleeves
        [(side * 0.28, side * 0.22), (side * 0.12, side * 0.4), (side * 0.2, side * 0.48),
         (side * 0.28, side * 0.38), (side * 0.72, side * 0.38), (side * 0.8, side * 0.48),
         (side * 0.88, side * 0.4), (side * 0.72, side * 0.22)],
        fill=colour,
    )  # fmt: skip
    shade = tuple(max(0, c - 40) for c in colour)
    for offset in range(0, int(side * 0.6), 24):  # seams and folds: real edges to focus on
        draw.line(
            (side * 0.3, side * 0.25 + offset, side * 0.7, side * 0.27 + offset),
            fill=shade,
            width=2,
        )
    draw.ellipse((side * 0.42, side * 0.18, side * 0.58, side * 0.28), fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


@pytest.fixture
def run_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke the listlint command line in-process, with stdout and stderr kept apart.

    The image cache goes to tmp_path (LISTLINT_CACHE_DIR), never into the project.
    """
    monkeypatch.setenv("LISTLINT_CACHE_DIR", str(tmp_path / ".listlint_cache"))

    def run(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return run
