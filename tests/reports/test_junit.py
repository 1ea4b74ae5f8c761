"""`--format junit`: a testcase per listing, valid against the Jenkins and the strict Ant schema."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.reports.report_validators import validator_file, validator_module

XSDS = ("junit-10-jenkins-xunit.xsd", "junit-windyroad.xsd")


@pytest.mark.parametrize("xsd", XSDS)
def test_validates_against_both_junit_schemas(xsd: str, report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    xmlschema = validator_module("xmlschema")
    schema = xmlschema.XMLSchema(str(validator_file(xsd)))
    result = check_as("junit", str(report_catalog))
    assert result.exit_code == 1
    errors = [str(e.reason) for e in schema.iter_errors(result.stdout)]
    assert errors == []


@pytest.mark.parametrize("xsd", XSDS)
def test_a_clean_run_validates_too(xsd: str, write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    xmlschema = validator_module("xmlschema")
    schema = xmlschema.XMLSchema(str(validator_file(xsd)))
    path = write_jsonl([{"id": "M", "title": "Stoneware Mug", "category": "Kitchen/Mugs"}])
    result = run_cli("check", str(path), "--format", "junit", "--select", "LL002")
    assert result.exit_code == 0
    schema.validate(result.stdout)


def test_one_testcase_per_listing_and_failures_carry_rule_message_and_fix(
    report_catalog: Path, check_as
) -> None:  # type: ignore[no-untyped-def]
    root = ET.fromstring(check_as("junit", str(report_catalog)).stdout)
    assert root.tag == "testsuites" and not root.attrib  # bare, as the Ant schema wants
    (suite,) = root
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "TEE-1", "TEE-2", "HOOD-1", 'X-1 <script>alert("id")</script> %0A ::error::x, a:b', "line 5"
    ]  # fmt: skip
    assert {c.get("classname") for c in cases} == {str(report_catalog)}
    assert suite.get("tests") == "5" and suite.get("failures") == "4" and suite.get("errors") == "0"
    assert cases[0].find("failure") is None  # a listing without findings passes
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("type") == "LL202 missing-size"
    assert failure.get("message", "").startswith("Clothing listing (category 'Tees') has no size")
    assert "fix: Add a 'size' attribute" in (failure.text or "")
    several = cases[2].find("failure")
    assert several is not None
    assert "LL102 title-all-caps" in several.get("type", "")
    assert "LL103 title-promotional" in several.get("type", "")
    assert (several.text or "").count("fix: ") == len(several.get("type", "").split(", "))
    assert [p.get("name") for p in suite.find("properties") or []] == [
        "listlint.version", "profile", "listings", "findings"
    ]  # fmt: skip


def test_hostile_strings_stay_text(report_catalog: Path, check_as) -> None:  # type: ignore[no-untyped-def]
    out = check_as("junit", str(report_catalog)).stdout
    assert "\x07" not in out and "\\x07" in out  # XML 1.0 cannot carry a bell, even escaped
    assert "<script>" not in out and "<IMG" not in out
    root = ET.fromstring(out)
    hostile = root.find("testsuite/testcase[4]/failure")
    assert hostile is not None
    assert "<IMG SRC=X ONERROR=ALERT(1)> ]]> &AMP;" in (hostile.text or "")


def test_timestamp_and_host_do_not_depend_on_the_clock(
    report_catalog: Path, check_as, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = check_as("junit", str(report_catalog)).stdout
    assert first == check_as("junit", str(report_catalog)).stdout
    suite = ET.fromstring(first).find("testsuite")
    assert suite is not None
    assert suite.get("timestamp") == "1970-01-01T00:00:00"
    assert suite.get("hostname") == "localhost"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    suite = ET.fromstring(check_as("junit", str(report_catalog)).stdout).find("testsuite")
    assert suite is not None and suite.get("timestamp") == "2023-11-14T22:13:20"


def test_the_same_id_twice_in_a_file_gets_two_names(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    record = {"id": "D", "title": "Stoneware Mug", "category": "Kitchen/Mugs"}
    path = write_jsonl([record, record])
    root = ET.fromstring(run_cli("check", str(path), "--format", "junit").stdout)
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == ["D", "D (line 2)"]


@pytest.mark.parametrize("xsd", XSDS)
def test_findings_below_fail_on_are_no_failures(xsd: str, write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    # A green job must not show failed tests: with the default --fail-on error, a listing with
    # only a warning passes, and the warning is listed in the suite's output.
    xmlschema = validator_module("xmlschema")
    schema = xmlschema.XMLSchema(str(validator_file(xsd)))
    path = write_jsonl([{"id": "C", "title": "STONEWARE COFFEE MUG WITH HANDLE"}])
    result = run_cli("check", str(path), "--format", "junit", "--select", "title-all-caps")
    assert result.exit_code == 0
    schema.validate(result.stdout)
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None and suite.get("failures") == "0"
    assert suite.find("testcase/failure") is None
    output = suite.findtext("system-out") or ""
    assert "Below --fail-on (error), not failures:" in output and "LL102 title-all-caps" in output
    strict = run_cli(
        "check",
        str(path),
        "--format",
        "junit",
        "--select",
        "title-all-caps",
        "--fail-on",
        "warning",
    )
    assert strict.exit_code == 1
    assert ET.fromstring(strict.stdout).find("testsuite/testcase/failure") is not None
