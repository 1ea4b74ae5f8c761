"""Bugs the fuzz tests found, each pinned by its smallest case."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from listlint.checks.color_conflict import ColorConflict
from listlint.checks.missing_color import MissingColor
from listlint.checks.missing_material import MissingMaterial
from listlint.loaders.jsonlines import leading_id
from listlint.testing import image_facts, run_check


def _seconds(check: type, record: dict[str, str]) -> float:
    start = time.perf_counter()
    run_check(check, record)
    return time.perf_counter() - start


def test_a_long_title_of_colour_words_is_read_in_linear_time() -> None:
    # Every colour word rescanned the title before it: 100k characters took 10 s. Titles are
    # now read up to 10,000 characters (the longest listlint accepts), descriptions to 1M.
    record = {
        "id": "A",
        "title": "Red cotton shirt 55 inch " * 400,
        "description": "Red cotton shirt 55 inch " * 4000,
    }
    assert _seconds(MissingColor, record) < 3
    assert _seconds(MissingMaterial, record) < 3


def test_a_repeated_title_colour_is_compared_once_per_description_sentence() -> None:
    # The title's 8000 "Red"s were each compared with every description sentence (5 s).
    record = {
        "id": "A",
        "title": "Red cotton shirt 55 inch " * 400,
        "description": "Ships in 3 weeks. Red with blue, 3 cm cotton " * 4000,
    }
    assert _seconds(ColorConflict, record) < 3


def test_a_broken_record_whose_id_escapes_half_a_character(
    write_jsonl: Callable[..., Path], run_cli: Callable[..., Result]
) -> None:
    # The id of a line that does not parse kept its lone surrogate; writing the report crashed.
    assert leading_id('{"id": "\\ud800x", "title": ') == "\ufffdx"
    path = write_jsonl([])
    path.write_text('{"id": "\\ud800", "title": \n', "utf-8")
    result = run_cli("check", str(path), "--format", "json", "--ignore", "LL5")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["listing_id"] == "\ufffd"


def test_image_facts_for_a_reference_with_half_a_character() -> None:
    assert image_facts("\ud800.jpg").reference == "\ud800.jpg"
