"""invalid-listing's documented examples, run the way users meet it: through a catalog file."""

from __future__ import annotations

import json
from pathlib import Path

from listlint.checks.invalid_listing import InvalidListing
from listlint.config import Settings
from listlint.runner import Runner
from listlint.testing import examples


def _findings(tmp_path: Path, record: object) -> list[str]:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    result = Runner([InvalidListing], Settings()).run([str(path)])
    return [f.name for f in result.findings]


def test_documented_examples(tmp_path: Path) -> None:
    failing, passing = examples(InvalidListing)
    assert failing and passing
    for record in failing:
        assert _findings(tmp_path, record) == ["invalid-listing"]
    for record in passing:
        assert _findings(tmp_path, record) == []


def test_every_bad_field_is_named_once(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    bad = {"id": "X1", "title": "Mug", "price": "twelve", "stock": 1.5, "images": "a.jpg",
           "variants": [{"price": "n/a"}]}  # fmt: skip
    path.write_text(json.dumps(bad) + "\n", "utf-8")
    result = Runner([InvalidListing], Settings()).run([str(path)])
    assert result.listings == 1
    assert sorted(f.field for f in result.findings) == ["price", "stock", "variants[0].price"]
    assert all(f.listing_id == "X1" for f in result.findings)


def test_a_field_the_size_of_a_file_is_reported_not_read(tmp_path: Path) -> None:
    # A title of 20 MB (a column pasted into one cell) would keep the text checks busy for
    # minutes; it is reported instead, with the rest of the catalog still linted.
    path = tmp_path / "c.jsonl"
    huge = {"id": "H1", "title": "Red shirt " * 2_000_000}
    path.write_text(json.dumps(huge) + "\n" + json.dumps({"id": "OK", "title": "Mug"}) + "\n")
    result = Runner([InvalidListing], Settings()).run([str(path)])
    (finding,) = result.findings
    assert (finding.listing_id, finding.field) == ("H1", "title")
    assert finding.message.startswith("'title' has 20,000,000 characters")
    assert finding.fix.startswith("Shorten 'title'")
    assert result.listings == 2
