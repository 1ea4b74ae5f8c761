from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

# A small catalog that fires errors, warnings and infos, with a passing listing and a broken line.
CLEAN = {
    "id": "TEE-1",
    "title": "Organic Cotton Crew Tee",
    "description": "A soft crew-neck tee in organic cotton with a relaxed fit and a ribbed collar.",
    "category": "Men/Tops/Tees",
    "attributes": {"material": "Cotton", "size": "M", "color": "Navy"},
}
NO_SIZE = {
    "id": "TEE-2",
    "title": "Plain Tee",
    "category": "Tees",
    "description": "A plain tee in soft cotton jersey with a ribbed collar and a relaxed fit.",
    "attributes": {"color": "Red", "material": "Cotton"},
}
SHOUTING = {"id": "HOOD-1", "title": "FREE SHIPPING HOODIE", "category": "Hoodies"}
# Strings a listing may hold that must not break or inject into any output format.
HOSTILE = {
    "id": 'X-1 <script>alert("id")</script> %0A ::error::x, a:b',
    "title": "BAD\x07 <IMG SRC=X ONERROR=ALERT(1)> ]]> &AMP; 100% [LINK](1)\n::WARNING::INJECTED",
    "category": "Tees",
}


@pytest.fixture
def report_catalog(write_jsonl: Callable[..., Path]) -> Path:
    """The standard catalog: four listings (one clean) and a broken line."""
    # These listings have no photos on purpose: the image rules have tests of their own.
    waived = {"listlint": {"ignore": ["image-missing"]}}
    path = write_jsonl([{**record, **waived} for record in (CLEAN, NO_SIZE, SHOUTING, HOSTILE)])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{broken\n")
    return path


@pytest.fixture
def check_as(run_cli: Callable[..., Result]) -> Callable[..., Result]:
    """Run `listlint check PATH... --format FMT` with extra arguments."""

    def run(fmt: str, *args: str) -> Result:
        return run_cli("check", *args, "--format", fmt)

    return run


def jsonl(records: Sequence[Any]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
