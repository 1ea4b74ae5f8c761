"""The run keeps a record of every listing only when the output lists every listing."""

from __future__ import annotations

import json
from pathlib import Path

from listlint.config import Settings
from listlint.registry import load_registry
from listlint.reports import LISTING_FORMATS
from listlint.runner import Runner


def _catalog(tmp_path: Path) -> Path:
    path = tmp_path / "c.jsonl"
    rows = [{"id": f"P{n}", "title": "Ceramic Mug", "images": []} for n in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_records_are_kept_only_on_request(tmp_path: Path) -> None:
    checks = list(load_registry(plugins=False).checks)
    path = str(_catalog(tmp_path))
    kept = Runner(checks, Settings()).run([path])
    dropped = Runner(checks, Settings(), keep_records=False).run([path])
    assert [r.id for r in kept.records] == ["P0", "P1", "P2"]
    assert dropped.records == []
    assert dropped.listings == kept.listings == 3
    assert dropped.findings == kept.findings


def test_the_formats_that_list_every_listing() -> None:
    assert {"json", "junit", "html", "markdown"} == LISTING_FORMATS
