"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Rules carry the check's own documentation (its docstring sections), results the catalog file
and line. Nothing depends on the clock, the machine or the order of a dict: the same input gives
the same bytes, so a SARIF file can be committed or diffed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from listlint.check import Finding, Severity
from listlint.reports._common import (
    artifact_uri,
    iter_fingerprints,
    rule_class,
    write_json_items,
)
from listlint.reports.report import Report

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/listlint/"
FINGERPRINT_KEY = "listlint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# GitHub's "problem.severity": error, warning or recommendation.
_PROBLEM_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "recommendation",
}
_SECTIONS = ("What it does", "Why it matters", "Example", "Fix")
# "[text](target)" in a SARIF message is an embedded link (SARIF 2.1.0, 3.11.6); text quoted
# from a listing must not become one, so a message that could hold one has its brackets (and
# backslashes) escaped with a backslash.
_EMBEDDED_LINK = re.compile(r"\][ \t]*\(")


def render(report: Report, out: TextIO, color: bool = False) -> None:
    # The rules and the rest are indented; the results, which may be many, one per line, made
    # one at a time as they are written.
    log, rule_index = _log_without_results(report)
    run = log["runs"][0]
    mark = "\x00results\x00"
    while True:  # a saved run could hold the mark itself in a rule name: make it unique
        run["results"] = mark
        parts = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(mark))
        if len(parts) == 2:
            break
        mark += "\x00"
    head, tail = parts
    out.write(head)
    write_json_items(out, _results(report, rule_index))
    out.write(tail)
    out.write("\n")


def sarif_log(report: Report) -> dict[str, Any]:
    log, rule_index = _log_without_results(report)
    log["runs"][0]["results"] = list(_results(report, rule_index))
    return log


def _log_without_results(report: Report) -> tuple[dict[str, Any], dict[str, int]]:
    """The SARIF log with ``results`` None, and each rule's index in its rules."""
    codes: dict[str, Finding] = {}
    for finding in report.findings:
        codes.setdefault(finding.code, finding)
    order = sorted(codes)
    index = {code: i for i, code in enumerate(order)}
    driver = {
        "name": "listlint",
        "version": report.version,
        "semanticVersion": report.version,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(codes[code]) for code in order],
    }
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": None,
                "properties": {"profile": report.profile, "listings": report.listings},
            }
        ],
    }
    return log, index


def _results(report: Report, rule_index: Mapping[str, int]) -> Iterator[dict[str, Any]]:
    for finding, fingerprint in zip(
        report.findings, iter_fingerprints(report.findings), strict=True
    ):
        yield _result(finding, rule_index[finding.code], fingerprint)


def _rule(finding: Finding) -> dict[str, Any]:
    """A rule from the installed check's docstring; a rule no longer installed gets its name."""
    check = rule_class(finding.code)
    sections = check.sections() if check is not None else {}
    summary = (check.summary() if check is not None else "") or finding.name
    default = check.severity if check is not None else finding.severity
    full = sections.get("What it does") or summary
    present = [(heading, sections[heading]) for heading in _SECTIONS if sections.get(heading)]
    help_text = "\n\n".join([summary, *(f"{h}:\n{_indent(body)}" for h, body in present)])
    help_markdown = "\n\n".join([summary, *(_markdown_section(h, body) for h, body in present)])
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _one_paragraph(full)},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[default]},
        "properties": {
            "tags": ["listlint", "product-listing"],
            "precision": "high",
            "problem.severity": _PROBLEM_SEVERITY[default],
        },
    }


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    uri, base = artifact_uri(finding.source.path)
    artifact: dict[str, Any] = {"uri": uri}
    if base is not None:
        artifact["uriBaseId"] = base
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if finding.source.line is not None and finding.source.line >= 1:
        physical["region"] = {"startLine": finding.source.line}
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.listing_id:
        location["logicalLocations"] = [{"name": finding.listing_id, "kind": "object"}]
    properties: dict[str, Any] = {"listingId": finding.listing_id, "field": finding.field}
    if finding.variant_id is not None:
        properties["variantId"] = finding.variant_id
    properties["fix"] = finding.fix
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": _message_text(finding)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": properties,
    }


def _message_text(finding: Finding) -> str:
    where = f"{finding.listing_id}: " if finding.listing_id else ""
    text = f"{where}{finding.message.strip()}"
    if finding.fix.strip():
        text += f"\nFix: {finding.fix.strip()}"
    if _EMBEDDED_LINK.search(text):
        for char in "\\[]":
            text = text.replace(char, "\\" + char)
    return text


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def _markdown_section(heading: str, body: str) -> str:
    if heading == "Example":
        return f"**{heading}**\n\n```\n{body}\n```"
    return f"**{heading}**\n\n{body}"
