"""`--format sarif`: valid SARIF 2.1.0 for GitHub code scanning, the same bytes every run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from listlint.check import Finding, Severity
from listlint.model import SourceLocation
from listlint.reports.report import Report
from listlint.reports.sarif import sarif_log
from tests.reports.report_validators import validator_file, validator_module


def _sarif(result) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_validates_against_the_sarif_2_1_0_schema(report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    jsonschema = validator_module("jsonschema")
    schema = json.loads(validator_file("sarif-schema-2.1.0.json").read_text("utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    result = check_as("sarif", str(report_catalog))
    assert result.exit_code == 1
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_sarif(result))
    ]
    assert errors == []


def test_rules_come_from_the_check_docstrings(report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    run = _sarif(check_as("sarif", str(report_catalog)))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "listlint"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted({r["ruleId"] for r in run["results"]})
    size = next(r for r in rules if r["id"] == "LL202")
    assert size["name"] == "missing-size"
    assert size["shortDescription"]["text"] == "A product whose kind needs a size states none."
    assert size["fullDescription"]["text"]
    for heading in ("What it does:", "Why it matters:", "Example:", "Fix:"):
        assert heading in size["help"]["text"]
    assert "**Why it matters**" in size["help"]["markdown"]
    assert "```\nfails: {" in size["help"]["markdown"]
    assert size["defaultConfiguration"]["level"] == "error"
    info = next(r for r in rules if r["id"] == "LL108")  # description-too-short
    assert info["defaultConfiguration"]["level"] == "note"


def test_results_point_at_file_line_listing_and_field(report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    run = _sarif(check_as("sarif", str(report_catalog)))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_rule = {r["ruleId"]: r for r in run["results"] if r["properties"]["listingId"] == "TEE-2"}
    result = by_rule["LL202"]
    assert rules[result["ruleIndex"]]["id"] == "LL202"
    assert result["level"] == "error"
    assert result["message"]["text"].startswith("TEE-2: Clothing listing")
    assert "\nFix: Add a 'size' attribute" in result["message"]["text"]
    (location,) = result["locations"]
    physical = location["physicalLocation"]
    assert physical["region"] == {"startLine": 2}
    assert physical["artifactLocation"]["uri"].endswith("/catalog.jsonl")
    assert result["properties"]["field"] == "attributes.size"
    assert location["logicalLocations"] == [{"name": "TEE-2", "kind": "object"}]
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}


def test_paths_inside_the_working_directory_are_relative_to_srcroot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "my shop"
    folder.mkdir()
    (folder / "cat.jsonl").write_text(json.dumps({"id": "A", "title": "Tee"}) + "\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    for given in ("my shop/cat.jsonl", "./my shop/cat.jsonl", str(folder / "cat.jsonl")):
        run = json.loads(run_cli("check", given, "--format", "sarif").stdout)["runs"][0]
        artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": "my%20shop/cat.jsonl", "uriBaseId": "%SRCROOT%"}, given


def test_identical_bytes_across_runs(report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    first = check_as("sarif", str(report_catalog)).stdout
    assert first == check_as("sarif", str(report_catalog)).stdout
    assert "invocations" not in json.loads(first)["runs"][0]  # no start times, no machine names


def test_fingerprints_are_unique_and_survive_moving_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    hoodie = {"id": "H", "title": "Hoodie", "category": "Hoodies"}
    other = {"id": "O", "title": "Mug", "category": "Kitchen"}
    Path("c.jsonl").write_text(json.dumps(hoodie) + "\n", "utf-8")
    before = json.loads(run_cli("check", "c.jsonl", "--format", "sarif").stdout)
    Path("c.jsonl").write_text(json.dumps(other) + "\n" + json.dumps(hoodie) + "\n", "utf-8")
    after = json.loads(run_cli("check", "c.jsonl", "--format", "sarif").stdout)

    def prints(log: dict[str, Any]) -> dict[str, str]:
        return {
            r["ruleId"]: r["partialFingerprints"]["listlint/v1"]
            for r in log["runs"][0]["results"]
            if r["properties"]["listingId"] == "H"
        }

    assert prints(before) == prints(after)
    assert len(set(prints(before).values())) == len(prints(before))


def test_hostile_text_cannot_become_an_embedded_link() -> None:
    finding = Finding(
        "LL102", "title-all-caps", Severity.WARNING, "X", "title",
        "Title is written in capitals: 'SEE [HERE](1) \\ NOW'", "Write it in normal case",
        SourceLocation("c.jsonl", 1),
    )  # fmt: skip
    log = sarif_log(Report("0.1.0", "generic", 1, [finding]))
    text = log["runs"][0]["results"][0]["message"]["text"]
    assert "\\[HERE\\](1)" in text and "\\\\ NOW" in text
    plain = Finding(**{**finding.__dict__, "message": "Title has [brackets] only"})
    log = sarif_log(Report("0.1.0", "generic", 1, [plain]))
    assert "[brackets]" in log["runs"][0]["results"][0]["message"]["text"]


def test_a_rule_no_longer_installed_still_gets_a_rule_entry() -> None:
    finding = Finding(
        "ZZ901", "acme-rule", Severity.INFO, "X", "title", "Something", "Do something",
        SourceLocation("/elsewhere/c.jsonl", None),
    )  # fmt: skip
    run = sarif_log(Report("0.1.0", "generic", 1, [finding]))["runs"][0]
    (rule,) = run["tool"]["driver"]["rules"]
    assert rule["id"] == "ZZ901" and rule["name"] == "acme-rule"
    assert rule["shortDescription"]["text"] == "acme-rule"
    assert rule["defaultConfiguration"]["level"] == "note"
    physical = run["results"][0]["locations"][0]["physicalLocation"]
    assert physical == {"artifactLocation": {"uri": "file:///elsewhere/c.jsonl"}}


def test_no_findings_is_a_valid_empty_run(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = write_jsonl([{"id": "M", "title": "Stoneware Mug", "category": "Kitchen/Mugs"}])
    result = run_cli("check", str(path), "--format", "sarif", "--select", "LL002")
    assert result.exit_code == 0
    run = json.loads(result.stdout)["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []


def test_results_one_per_line_even_if_a_name_looks_like_the_placeholder() -> None:
    import io

    from listlint.reports.sarif import render

    name = "\x00results\x00"
    place = SourceLocation("c.jsonl", 1)
    findings = [
        Finding(f"ZZ90{i}", name, Severity.ERROR, f"X{i}", "title", "m", "f", place)
        for i in range(3)
    ]
    out = io.StringIO()
    render(Report("0.1.0", "\x00results\x00", 3, findings), out)
    log = json.loads(out.getvalue())
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["ZZ900", "ZZ901", "ZZ902"]
    assert log["runs"][0]["properties"]["profile"] == "\x00results\x00"
    result_lines = [line for line in out.getvalue().splitlines() if line.startswith('{"ruleId"')]
    assert len(result_lines) == 3


def test_hostile_listing_text_round_trips_as_data(report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    hostile_id = 'X-1 <script>alert("id")</script> %0A ::error::x, a:b'  # conftest's HOSTILE
    run = _sarif(check_as("sarif", str(report_catalog)))["runs"][0]
    hostile = [r for r in run["results"] if r["properties"]["listingId"] == hostile_id]
    caps = next(r for r in hostile if r["ruleId"] == "LL102")
    assert caps["locations"][0]["logicalLocations"][0]["name"] == hostile_id
    # It quotes "[LINK](1)", an embedded-link lookalike: every bracket is escaped then.
    assert (
        "<IMG SRC=X ONERROR=ALERT(1)> \\]\\]> &AMP; 100% \\[LINK\\](1)" in caps["message"]["text"]
    )
