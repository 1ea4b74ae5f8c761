"""The runner's bookkeeping: crashed checks, severity overrides and waivers per listing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks.missing_size import MissingSize
from listlint.checks.title_too_long import TitleTooLong
from listlint.config import Settings
from listlint.model import Listing
from listlint.runner import Runner

LONG = "x" * 200


class _YieldsThenCrashes(Check):
    code, name = "ZZ998", "yields-then-crashes"

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        yield self.finding(listing, "half done", field="title", fix="")
        if listing.id == "B":
            raise ValueError("bad listing")


def test_a_check_that_crashes_half_way_reports_nothing_for_that_listing(
    write_jsonl: Callable[..., Path],
) -> None:
    path = write_jsonl(
        [{"id": "A", "title": LONG}, {"id": "B", "title": LONG}, {"id": "C", "title": "ok"}]
    )
    result = Runner([TitleTooLong, _YieldsThenCrashes], Settings()).run([str(path)])
    assert [(f.listing_id, f.name) for f in result.findings] == [
        ("A", "title-too-long"),
        ("A", "yields-then-crashes"),
        ("B", "title-too-long"),
        ("C", "yields-then-crashes"),
    ]
    assert result.errors == [
        "check yields-then-crashes (ZZ998) crashed on listing 'B': ValueError: bad listing"
    ]


def test_severity_overrides_apply_to_every_finding(write_jsonl: Callable[..., Path]) -> None:
    path = write_jsonl([{"id": "A", "title": LONG}, {"id": "B", "title": LONG}])
    settings = Settings(severity={"title-too-long": Severity.INFO})
    result = Runner([TitleTooLong], settings).run([str(path)])
    assert [f.severity for f in result.findings] == [Severity.INFO, Severity.INFO]


def test_each_listing_waives_only_its_own_rules(write_jsonl: Callable[..., Path]) -> None:
    shoes = {"title": LONG, "category": "Shoes"}
    path = write_jsonl(
        [
            {"id": "A", **shoes, "listlint": {"ignore": ["LL101"]}},
            {"id": "B", **shoes},
            {"id": "C", **shoes, "listlint": {"ignore": ["missing-size"]}},
            {"id": "D", **shoes, "listlint": {"ignore": ["LL1"]}},
            {"id": "E", **shoes},
        ]
    )
    result = Runner([TitleTooLong, MissingSize], Settings()).run([str(path)])
    assert [(f.listing_id, f.name) for f in result.findings] == [
        ("A", "missing-size"),
        ("B", "title-too-long"),
        ("B", "missing-size"),
        ("C", "title-too-long"),
        ("D", "missing-size"),
        ("E", "title-too-long"),
        ("E", "missing-size"),
    ]


def test_per_file_ignores_apply_per_file(tmp_path: Path, write_jsonl: Callable[..., Path]) -> None:
    records = [{"id": "A", "title": LONG}]
    waived, checked = write_jsonl(records, "legacy/a.jsonl"), write_jsonl(records, "b.jsonl")
    settings = Settings(path=tmp_path / "listlint.toml", per_file_ignores={"legacy/*": ("LL101",)})
    result = Runner([TitleTooLong], settings).run([str(waived), str(checked)])
    assert [f.source.path for f in result.findings] == [str(checked)]
