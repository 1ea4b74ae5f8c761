"""Baselines: `listlint baseline` records findings, `check --baseline` fails only on new ones."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from listlint.baseline import (
    BaselineError,
    Key,
    apply_baseline,
    baseline_data,
    load_baseline,
    parse_baseline,
)
from listlint.check import Finding, Severity
from listlint.model import SourceLocation

Run = Callable[..., Result]

# Two listings with defects of their own (a tee without size, a negative stock), one clean mug.
TEE = {"id": "TEE-1", "title": "Linen Tee", "category": "Tops/Tees",
       "attributes": {"color": "White", "material": "Linen"}}  # fmt: skip
MUG = {"id": "MUG-1", "title": "Ceramic Mug", "stock": -2}
CLEAN = {"id": "BOWL-1", "title": "Stoneware Bowl", "stock": 4}
RULES = ("--select", "missing-size,negative-stock,sale-price-above-price")


def _finding(
    listing_id: str, name: str, field: str, line: int, variant: str | None = None
) -> Finding:
    return Finding("LL000", name, Severity.ERROR, listing_id, field, f"message {line}", "fix",
                   SourceLocation("catalog.jsonl", line), variant)  # fmt: skip


def test_matching_ignores_lines_and_order_and_counts_as_a_multiset() -> None:
    recorded = [
        _finding("A", "missing-size", "attributes.size", 3),
        _finding("B", "negative-stock", "variants.stock", 5, "B-1"),
        _finding("B", "negative-stock", "variants.stock", 5, "B-1"),
    ]
    baseline = Counter(Key(*k) for k in [
        ("A", "missing-size", "attributes.size", None),
        ("B", "negative-stock", "variants.stock", "B-1"),
        ("B", "negative-stock", "variants.stock", "B-1"),
    ])  # fmt: skip
    assert baseline == parse_baseline(baseline_data(recorded, "0"), "f")
    now = [
        _finding("B", "negative-stock", "variants.stock", 40, "B-1"),  # moved, reordered
        _finding("A", "missing-size", "attributes.size", 90),
        _finding("B", "negative-stock", "variants.stock", 40, "B-2"),  # another variant: new
        _finding("C", "missing-size", "attributes.size", 1),  # another listing: new
        _finding("A", "missing-size", "attributes", 90),  # another field: new
    ]
    filtered = apply_baseline(now, baseline)
    assert [(f.listing_id, f.field, f.variant_id) for f in filtered.new] == [
        ("B", "variants.stock", "B-2"),
        ("C", "attributes.size", None),
        ("A", "attributes", None),
    ]
    assert (filtered.matched, filtered.fixed) == (2, 1)  # one of the two B-1 findings was fixed


def test_a_third_finding_beyond_two_recorded_is_new() -> None:
    same = [_finding("A", "missing-size", "attributes.size", n) for n in (1, 2, 3)]
    baseline = parse_baseline(baseline_data(same[:2], "0"), "f")
    assert baseline_data(same[:2], "0")["findings"] == [
        {"listing_id": "A", "rule": "missing-size", "field": "attributes.size", "count": 2}
    ]
    filtered = apply_baseline(same, baseline)
    assert (len(filtered.new), filtered.matched, filtered.fixed) == (1, 2, 0)


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def test_baseline_then_check_reports_only_new_findings(tmp_path: Path, run_cli: Run) -> None:
    catalog = _jsonl(tmp_path / "catalog.jsonl", [TEE, MUG, CLEAN])
    baseline = tmp_path / "listlint-baseline.json"
    made = run_cli("baseline", str(catalog), "-o", str(baseline), *RULES)
    assert made.exit_code == 0, made.output
    assert "a baseline of 2 finding(s)" in made.stderr
    data = json.loads(baseline.read_text("utf-8"))
    assert data["listlint-baseline"] == 1
    assert data["findings"] == [
        {"listing_id": "MUG-1", "rule": "negative-stock", "field": "stock"},
        {"listing_id": "TEE-1", "rule": "missing-size", "field": "attributes.size"},
    ]
    assert all(
        set(entry) <= {"listing_id", "rule", "field", "variant_id", "count"}
        for entry in data["findings"]
    )

    # Same defects, rows reordered and shifted by a new first line: nothing new, exit 0.
    shifted = [{"id": "NEW-0", "title": "Glass Jar"}, CLEAN, MUG, TEE]
    _jsonl(catalog, shifted)
    result = run_cli("check", str(catalog), "--baseline", str(baseline), *RULES, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
    assert "2 known finding(s) not reported, 0 new; 0 baseline entries are fixed" in result.stderr

    # The tee got its size (fixed), a new listing brings a new defect: only that one fails.
    sized = {**TEE, "attributes": {**TEE["attributes"], "size": "M"}}  # type: ignore[dict-item]
    broken = {"id": "CUP-2", "title": "Espresso Cup", "stock": -1}
    _jsonl(catalog, [broken, MUG, sized, CLEAN])
    result = run_cli("check", str(catalog), "--baseline", str(baseline), *RULES, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["listing_id"], f["name"]) for f in findings] == [("CUP-2", "negative-stock")]
    assert "1 known finding(s) not reported, 1 new; 1 baseline entry is fixed" in result.stderr
    assert "`listlint baseline` rewrites the file" in result.stderr

    # The terminal summary counts what the baseline held back instead of calling it all clear.
    _jsonl(catalog, shifted)
    result = run_cli("check", str(catalog), "--baseline", str(baseline), *RULES)
    assert result.stdout.strip().endswith(
        "No new findings in 4 listings; 2 known findings in the baseline (profile generic)."
    )


def test_baseline_from_the_config(tmp_path: Path, run_cli: Run) -> None:
    catalog = _jsonl(tmp_path / "catalog.jsonl", [TEE, MUG])
    assert (
        run_cli("baseline", str(catalog), "-o", str(tmp_path / "known.json"), *RULES).exit_code == 0
    )
    (tmp_path / "listlint.toml").write_text('baseline = "known.json"\n', "utf-8")
    assert run_cli("check", str(catalog), *RULES).exit_code == 0
    # `listlint baseline` records every finding, whatever baseline the config names.
    again = run_cli("baseline", str(catalog), "-o", str(tmp_path / "again.json"), *RULES)
    assert "a baseline of 2 finding(s)" in again.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found (create it with `listlint baseline PATH -o"),
        ("{not json", "not a listlint baseline: invalid JSON"),
        ('{"findings": []}', "not a listlint baseline (no 'listlint-baseline' key)"),
        ('{"listlint-baseline": 9, "findings": []}', "baseline version 9 is not supported"),
        ('{"listlint-baseline": 1, "findings": {}}', "'findings' must be a list"),
        ('{"listlint-baseline": 1, "findings": [{"rule": "x", "field": "y"}]}',
         "finding 1: 'listing_id' must be a string"),
        ('{"listlint-baseline": 1, "findings": [{"listing_id": "a", "rule": "x", "field": "y", '
         '"count": 0}]}', "'count' must be a whole number >= 1"),
        ("[" * 100_000, "not a listlint baseline: nested too deeply"),
    ],
)  # fmt: skip
def test_a_bad_baseline_is_one_error_line_and_exit_2(
    tmp_path: Path, run_cli: Run, content: str | None, message: str
) -> None:
    catalog = _jsonl(tmp_path / "catalog.jsonl", [TEE])
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, "utf-8")
    with pytest.raises(BaselineError, match="baseline"):
        load_baseline(str(baseline))
    result = run_cli("check", str(catalog), "--baseline", str(baseline))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("listlint: error: ")
    assert message in lines[0]


def test_a_baseline_path_with_a_nul_is_a_baseline_error() -> None:
    with pytest.raises(BaselineError, match="a\x00b: cannot read baseline: embedded null byte"):
        load_baseline("a\x00b")


def test_baseline_needs_an_output_file(tmp_path: Path, run_cli: Run) -> None:
    catalog = _jsonl(tmp_path / "catalog.jsonl", [TEE])
    result = run_cli("baseline", str(catalog))
    assert result.exit_code == 2
    assert "-o" in result.stderr


def test_config_baseline_must_be_a_path(tmp_path: Path, run_cli: Run) -> None:
    catalog = _jsonl(tmp_path / "catalog.jsonl", [TEE])
    (tmp_path / "listlint.toml").write_text("baseline = 3\n", "utf-8")
    result = run_cli("check", str(catalog))
    assert result.exit_code == 2
    assert "'baseline' must be a file path" in result.stderr
