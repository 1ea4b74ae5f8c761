"""``--format junit``: JUnit XML, for CI systems that show test results (Jenkins, GitLab, Azure).

One ``<testcase>`` per listing (classname = catalog file, name = listing id): a listing fails
when it has a finding at or above ``--fail-on`` (as the exit code counts them), and passes
otherwise, the findings of passing listings listed in the suite's ``<system-out>``. The output
is valid against both the Jenkins (xunit junit-10.xsd) and the strict Apache Ant schema
(JUnit.xsd). The Ant schema allows one ``<failure>`` per testcase, so a failing listing's
findings share one failure: its ``type`` names every rule, its ``message`` every message, and
its text lists each finding with its fix.
"""

from __future__ import annotations

import os
import re
import time
import xml.etree.ElementTree as ET
from typing import TextIO

from listlint.check import Finding
from listlint.reports._common import ListingCase, by_listing, report_path
from listlint.reports.report import Report

# XML 1.0 cannot hold control characters (except tab and newlines) or lone surrogates, not even
# as character references: they are written as visible escapes ("\x07").
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The strict schema wants a timestamp without a zone and a hostname on the suite. Both would make
# two runs of the same input differ, so the timestamp is fixed (the start of the epoch, or
# SOURCE_DATE_EPOCH when the build sets one, as reproducible builds do) and the host is neutral.
_EPOCH_DEFAULT = 0
_YEAR_10000 = 253402300800  # the schema's pattern has four-digit years
_HOSTNAME = "localhost"


def render(report: Report, out: TextIO, color: bool = False) -> None:
    cases = by_listing(report.records, report.findings)
    failed = [any(map(report.fails, case.findings)) for case in cases]
    failing = sum(failed)
    root = ET.Element("testsuites")
    suite = ET.SubElement(
        root,
        "testsuite",
        {
            "name": "listlint",
            "package": "listlint",
            "id": "0",
            "tests": str(len(cases)),
            "failures": str(failing),
            "errors": "0",
            "skipped": "0",
            "time": "0",
            "timestamp": _timestamp(),
            "hostname": _HOSTNAME,
        },
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("listlint.version", report.version),
        ("profile", report.profile),
        ("listings", str(report.listings)),
        ("findings", str(len(report.findings))),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": _xml(value)})
    names: dict[tuple[str, str], int] = {}
    for case, fails in zip(cases, failed, strict=True):
        _testcase(suite, case, names, fails)
    below = [
        f for case, fails in zip(cases, failed, strict=True) if not fails for f in case.findings
    ]
    summary = _summary(report, failing, len(cases))
    if below:
        summary += f"\nBelow --fail-on ({report.fail_on}), not failures:\n" + "\n".join(
            _finding_text(f) for f in below
        )
    ET.SubElement(suite, "system-out").text = _xml(summary)
    ET.SubElement(suite, "system-err")
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def _testcase(
    suite: ET.Element, case: ListingCase, names: dict[tuple[str, str], int], fails: bool
) -> None:
    record = case.record
    classname = report_path(record.source.path)
    name = record.id.strip() or (
        f"line {record.source.line}" if record.source.line is not None else "record"
    )
    seen = names.get((classname, name), 0)
    names[(classname, name)] = seen + 1
    if seen and record.source.line is not None:  # the same id twice in one file
        name = f"{name} (line {record.source.line})"
    testcase = ET.SubElement(
        suite, "testcase", {"classname": _xml(classname), "name": _xml(name), "time": "0"}
    )
    if not fails:
        return
    # All of a failing listing's findings, below --fail-on too: its seller fixes them together.
    findings = case.findings
    rules = list(dict.fromkeys(f"{f.code} {f.name}" for f in findings))
    if len(findings) == 1:
        message = findings[0].message
    else:
        message = f"{len(findings)} findings: " + "; ".join(
            f"{f.code} {f.message}" for f in findings
        )
    failure = ET.SubElement(
        testcase, "failure", {"type": _xml(", ".join(rules)), "message": _xml(message)}
    )
    failure.text = _xml("\n".join(_finding_text(f) for f in findings))


def _finding_text(finding: Finding) -> str:
    field = f" [{finding.field}]" if finding.field else ""
    variant = f" (variant {finding.variant_id})" if finding.variant_id is not None else ""
    where = report_path(finding.source.path)
    if finding.source.line is not None:
        where += f":{finding.source.line}"
    return (
        f"{where}: {finding.code} {finding.name} ({finding.severity.value}){field}{variant}\n"
        f"  {finding.message}\n"
        f"  fix: {finding.fix}"
    )


def _summary(report: Report, failing: int, tests: int) -> str:
    counts = report.summary()
    return (
        f"listlint {report.version}, profile {report.profile}: {counts['findings']} findings "
        f"({counts['error']} error, {counts['warning']} warning, {counts['info']} info) "
        f"in {failing} of {tests} listings\n"
    )


def _timestamp() -> str:
    epoch = _EPOCH_DEFAULT
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if text.isdigit() and int(text) < _YEAR_10000:
        epoch = int(text)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(epoch))


def _xml(text: str) -> str:
    """Text XML 1.0 can carry: forbidden characters escaped, line ends normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
