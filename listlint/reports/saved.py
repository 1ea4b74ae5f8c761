"""Read a saved ``--format json`` run back into a :class:`Report`, for ``listlint report``.

A run from before the ``listings`` key existed still renders: its records are then only the
listings that have findings. Anything that is not a listlint JSON run raises
:class:`SavedRunError` with a one-line reason that names the bad key.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import Any

from listlint._files import device_problem
from listlint.check import Finding, Severity
from listlint.model import ListingRef, SourceLocation
from listlint.reports.report import Report


class SavedRunError(Exception):
    """The file is missing, unreadable, not JSON, or not shaped like a listlint JSON run."""


def load_run(path: str) -> Report:
    """The run saved at ``path`` ("-" reads stdin)."""
    try:
        if path == "-":
            text = sys.stdin.read()
        elif (problem := device_problem(path)) is not None:
            raise SavedRunError(f"{path}: {problem}")
        else:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
    except FileNotFoundError:
        raise SavedRunError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SavedRunError(f"{path}: cannot read: {reason}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SavedRunError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise SavedRunError(f"{path}: not JSON (nested too deeply)") from None
    try:
        return report_from_json(document)
    except _Shape as exc:
        raise SavedRunError(
            f"{path}: not a listlint JSON run (from `listlint check --format json`): {exc}"
        ) from None


class _Shape(Exception):
    pass


def report_from_json(document: Any) -> Report:
    """A Report from the parsed JSON of a run; raises _Shape naming what is wrong."""
    run = _mapping(document, "the document")
    items = _list(run, "findings", "document")
    findings = [_finding(item, f"findings[{i}]") for i, item in enumerate(items)]
    summary = _mapping(run.get("summary", {}), "summary")
    listings = summary.get("listings")
    records_json = run.get("listings")
    if records_json is None:
        records = _records_from_findings(findings)
    else:
        if not isinstance(records_json, list):
            raise _Shape("listings must be a list")
        records = [_record(item, f"listings[{i}]") for i, item in enumerate(records_json)]
    if listings is None:
        listings = len(records)
    if not isinstance(listings, int) or isinstance(listings, bool) or listings < 0:
        raise _Shape("summary.listings must be a count")
    return Report(
        version=_text(run, "listlint", "", required=True),
        profile=_text(run, "profile", "") or "generic",
        listings=listings,
        findings=findings,
        records=records,
    )


def _finding(item: Any, where: str) -> Finding:
    data = _mapping(item, where)
    severity_text = _text(data, "severity", where, required=True)
    try:
        severity = Severity(severity_text)
    except ValueError:
        raise _Shape(f"{where}.severity must be error, warning or info") from None
    variant = data.get("variant_id")
    if variant is not None and not isinstance(variant, str):
        raise _Shape(f"{where}.variant_id must be a string")
    return Finding(
        code=_text(data, "code", where, required=True),
        name=_text(data, "name", where, required=True),
        severity=severity,
        listing_id=_text(data, "listing_id", where),
        field=_text(data, "field", where),
        message=_text(data, "message", where, required=True),
        fix=_text(data, "fix", where),
        source=_source(data.get("source"), f"{where}.source"),
        variant_id=variant,
    )


def _record(item: Any, where: str) -> ListingRef:
    data = _mapping(item, where)
    images = data.get("images", [])
    if not isinstance(images, list) or not all(isinstance(i, str) for i in images):
        raise _Shape(f"{where}.images must be a list of strings")
    return ListingRef(
        id=_text(data, "id", where),
        title=_text(data, "title", where),
        source=_source(data.get("source"), f"{where}.source"),
        images=tuple(images),
    )


def _records_from_findings(findings: list[Finding]) -> list[ListingRef]:
    seen: dict[tuple[str, int | None, str], ListingRef] = {}
    for finding in findings:
        key = (finding.source.path, finding.source.line, finding.listing_id)
        if key not in seen:
            seen[key] = ListingRef(finding.listing_id, "", finding.source)
    return list(seen.values())


def _source(value: Any, where: str) -> SourceLocation:
    data = _mapping(value, where)
    path = _text(data, "path", where, required=True)
    line = data.get("line")
    if line is not None and (not isinstance(line, int) or isinstance(line, bool) or line < 0):
        raise _Shape(f"{where}.line must be a line number or null")
    return SourceLocation(path, line)


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Shape(f"{where} must be an object")
    return value


def _list(data: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise _Shape(f"{key} must be a list" if key in data else f"no {key!r} key in the {where}")
    return value


def _text(data: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        name = f"{where}.{key}" if where else repr(key)
        kind = "a non-empty string" if required else "a string"
        raise _Shape(f"{name} must be {kind}")
    return value
