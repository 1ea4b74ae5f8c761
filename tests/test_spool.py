"""The spool: the first items in memory, the rest in a temporary file, read back in order."""

from __future__ import annotations

import pickle
import tempfile
from pathlib import Path

import pytest

from listlint import spool
from listlint.check import Finding, Severity
from listlint.config import Settings
from listlint.model import ListingRef, SourceLocation
from listlint.registry import load_registry
from listlint.runner import Runner
from listlint.spool import Spool, finding_spool, record_spool


def _finding(n: int, **changes: object) -> Finding:
    data: dict[str, object] = {
        "code": "LL703",
        "name": "stale-listing",
        "severity": Severity.WARNING if n % 3 else Severity.ERROR,
        "listing_id": f"P{n}",
        "field": "updated_at",
        "message": f"Message {n}",
        "fix": "Refresh it",
        "source": SourceLocation("shop/catalog.jsonl", n + 1),
        "variant_id": None if n % 2 else f"V{n}",
    }
    data.update(changes)
    return Finding(**data)  # type: ignore[arg-type]


def test_keeps_order_length_and_equality_across_the_spill() -> None:
    items = [_finding(n) for n in range(25)]
    spooled = finding_spool(keep=4)
    spooled._chunk = 5  # several chunks in the file, and a tail in memory
    for item in items[:10]:
        spooled.append(item)
    spooled.extend(items[10:])
    assert len(spooled) == 25
    assert spooled.spilled >= 16  # 4 kept, the rest written in chunks of 5 or more
    assert list(spooled) == items
    assert spooled == items and items == spooled and spooled != items[:-1]
    assert spooled[0] == items[0] and spooled[17] == items[17] and spooled[-1] == items[-1]
    assert spooled[3:6] == items[3:6]
    with pytest.raises(IndexError):
        spooled[25]
    # Two iterations at once (a renderer zips findings with their fingerprints) keep order.
    assert all(a == b for a, b in zip(spooled, iter(spooled), strict=True))


def test_text_that_no_encoding_writes_comes_back_unchanged() -> None:
    odd = _finding(
        1, listing_id="\ud800lone", message="a\x00b\n\u2028é", source=SourceLocation("<stdin>")
    )
    spooled = finding_spool([odd] * 3, keep=0)
    spooled._flush()
    assert spooled.spilled == 3
    assert list(spooled) == [odd] * 3


def test_records_spool_too() -> None:
    records = [
        ListingRef(f"P{n}", f"Mug {n}", SourceLocation("c.csv", n), ("a.jpg",) * (n % 3))
        for n in range(50)
    ]
    spooled = record_spool(records, keep=7)
    spooled._flush()
    assert spooled.spilled == 43
    assert list(spooled) == records


def test_a_spool_pickles_with_its_items() -> None:
    items = [_finding(n) for n in range(30)]
    spooled = finding_spool(items, keep=5)
    spooled._flush()
    copy = pickle.loads(pickle.dumps(spooled))
    assert isinstance(copy, Spool) and copy == items


def test_no_place_to_spill_keeps_everything_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    items = [_finding(n) for n in range(40)]
    spooled = finding_spool(keep=3)
    spooled._chunk = 4
    spooled.extend(items)
    assert spooled.spilled == 0
    assert list(spooled) == items


def test_a_run_spools_findings_and_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        "".join(
            f'{{"id": "P{n}", "title": "RED STONEWARE COFFEE MUG NUMBER {n}", "stock": -1}}\n'
            for n in range(300)
        )
    )
    names = ("negative-stock", "title-all-caps")
    checks = [c for c in load_registry(plugins=False).checks if c.name in names]
    expected = Runner(checks, Settings()).run([str(path)])
    monkeypatch.setattr(spool, "KEEP", 10)
    monkeypatch.setattr(spool, "CHUNK", 64)
    result = Runner(checks, Settings()).run([str(path)])
    assert isinstance(result.findings, Spool) and result.findings.spilled > 500
    assert isinstance(result.records, Spool) and result.records.spilled > 200
    assert len(result.findings) == 600 and result.findings == expected.findings
    assert result.records == expected.records
    assert result.counts() == {"error": 300, "warning": 300, "info": 0}
