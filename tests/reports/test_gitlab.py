"""`--format gitlab`: a Code Quality report GitLab accepts, with unique, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reports.report_validators import validator_file, validator_module


def test_every_entry_validates_against_gitlabs_schema(report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    jsonschema = validator_module("jsonschema")
    schema = json.loads(validator_file("gitlab-codeclimate.schema.json").read_text("utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema)
    result = check_as("gitlab", str(report_catalog))
    assert result.exit_code == 1
    assert result.stdout.startswith("[")  # a JSON array, no BOM
    entries = json.loads(result.stdout)
    assert entries
    for entry in entries:
        assert [e.message for e in validator.iter_errors(entry)] == []


def test_entries_carry_rule_severity_path_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report_catalog: Path, check_as
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(report_catalog.parent)
    entries = json.loads(check_as("gitlab", report_catalog.name).stdout)
    size = next(e for e in entries if e["check_name"] == "missing-size")
    assert size["severity"] == "major"
    assert size["description"].startswith("TEE-2: Clothing listing (category 'Tees')")
    assert "Fix: Add a 'size' attribute" in size["description"]
    assert size["location"] == {"path": "catalog.jsonl", "lines": {"begin": 2}}
    severities = {e["check_name"]: e["severity"] for e in entries}
    assert severities["title-all-caps"] == "minor"
    assert severities["description-too-short"] == "info"
    assert severities["invalid-listing"] == "blocker"
    allowed = {"info", "minor", "major", "critical", "blocker"}
    assert all(e["severity"] in allowed for e in entries)


def test_fingerprints_are_unique_and_stable(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    # The same id twice gives the same rule, file, listing and field twice: still two fingerprints.
    hoodie = {"id": "H", "title": "Hoodie", "category": "Hoodies"}
    path = write_jsonl([hoodie, hoodie, {"id": "K", "title": "Hoodie", "category": "Hoodies"}])
    first = run_cli("check", str(path), "--format", "gitlab").stdout
    assert first == run_cli("check", str(path), "--format", "gitlab").stdout
    prints = [e["fingerprint"] for e in json.loads(first)]
    assert len(prints) == len(set(prints)) > 3
