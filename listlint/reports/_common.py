"""What the machine formats share: report paths, rule documentation, fingerprints, grouping."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from listlint.check import Check, Finding
from listlint.model import ListingRef, SourceLocation
from listlint.registry import Registry, RegistryError, load_registry

# Characters a URI path keeps as they are (RFC 3986 pchar and "/", less ":" that would read as a
# scheme in a relative reference); the rest is percent-encoded.
_URI_SAFE = "/!$&'()*+,;=@-._~"
_DRIVE = re.compile(r"^[A-Za-z]:/")
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def report_path(path: str) -> str:
    """``path`` as CI tools want it: forward slashes, relative to the working directory if inside.

    CI runs listlint from the repository root, and code scanning, GitLab and the Actions
    annotations all resolve paths against that root. A path outside it stays absolute.
    """
    return _report_path(path, os.getcwd())


@lru_cache(maxsize=4096)  # a run has few files and many findings in each
def _report_path(path: str, cwd: str) -> str:
    if path.startswith("<"):  # "<stdin>"
        return path
    posix = PureWindowsPath(path).as_posix() if os.sep == "\\" else path
    pure = PurePosixPath(posix)
    if Path(path).is_absolute():
        try:
            return Path(path).resolve().relative_to(Path(cwd).resolve()).as_posix()
        except (ValueError, OSError):
            return pure.as_posix()
    parts = [part for part in pure.parts if part != "."]
    return "/".join(parts) or "."


def artifact_uri(path: str) -> tuple[str, str | None]:
    """A SARIF artifact URI for a catalog path and its uriBaseId (None for an absolute URI)."""
    return _artifact_uri(path, os.getcwd())


@lru_cache(maxsize=4096)
def _artifact_uri(path: str, cwd: str) -> tuple[str, str | None]:
    shown = _report_path(path, cwd)
    if shown.startswith("/"):
        return "file://" + quote(shown, safe=_URI_SAFE), None
    if _DRIVE.match(shown):  # "C:/shop/catalog.csv"
        return f"file:///{shown[:2]}" + quote(shown[2:], safe=_URI_SAFE), None
    return quote(shown, safe=_URI_SAFE), "%SRCROOT%"


def write_json_items(out: TextIO, items: Iterable[Any]) -> None:
    """A JSON array with one compact item per line: diffable, and C-encoder fast on big runs."""
    out.write("[")
    separator = "\n"
    for item in items:
        out.write(separator)
        out.write(_COMPACT.encode(item))
        separator = ",\n"
    out.write("\n]" if separator != "\n" else "]")


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One stable, unique fingerprint per finding, in order.

    A fingerprint hashes the rule, the file, the listing, the field and the variant, plus the
    finding's index among findings sharing all of those, but not the line or the message: an
    alert survives listings moving within the file and the wording of a message changing.
    """
    return list(iter_fingerprints(findings))


def iter_fingerprints(findings: Iterable[Finding]) -> Iterator[str]:
    """:func:`fingerprints`, one at a time, for reports that stream a huge run's findings.

    What it remembers per distinct key is a 16-byte digest of the key and a count, not the key.
    """
    seen: dict[bytes, int] = {}
    for finding in findings:
        text = "\x1f".join(
            (
                finding.code,
                report_path(finding.source.path),
                finding.listing_id,
                finding.field,
                finding.variant_id or "",
            )
        )
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        index = seen.get(key, 0)
        seen[key] = index + 1
        text = f"{text}\x1f{index}"
        yield hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def describe(finding: Finding) -> str:
    """The message and its fix as one text: "Message. Fix: fix"."""
    message = finding.message.rstrip()
    fix = finding.fix.strip()
    if not fix:
        return message
    separator = " " if message.endswith((".", "!", "?")) else ". "
    return f"{message}{separator}Fix: {fix}"


@lru_cache(maxsize=1)
def _registry() -> Registry:
    try:
        return load_registry()
    except RegistryError:  # a broken plugin: the built-in rules are still documented
        return load_registry(plugins=False)


def rule_class(code: str) -> type[Check] | None:
    """The installed check with this code, for its documentation; None if it is not installed."""
    return _registry().get(code)


@dataclass
class ListingCase:
    """One record of the run with the findings about it, as the per-listing formats list them."""

    record: ListingRef
    findings: list[Finding] = field(default_factory=list)


def by_listing(records: Sequence[ListingRef], findings: Sequence[Finding]) -> list[ListingCase]:
    """Each record with its findings, in reading order; findings about no known record last.

    A finding belongs to the record with its file, line and listing id, else to the first record
    of that file with its listing id (a finding located at a variant's own row).
    """
    cases = [ListingCase(record) for record in records]
    exact: dict[tuple[str, int | None, str], ListingCase] = {}
    by_id: dict[tuple[str, str], ListingCase] = {}
    for case in cases:
        source = case.record.source
        exact.setdefault((source.path, source.line, case.record.id), case)
        by_id.setdefault((source.path, case.record.id), case)
    extra: dict[tuple[str, int | None, str], ListingCase] = {}
    for finding in findings:
        source = finding.source
        key = (source.path, source.line, finding.listing_id)
        found = exact.get(key) or by_id.get((source.path, finding.listing_id)) or extra.get(key)
        if found is None:
            ref = ListingRef(finding.listing_id, "", SourceLocation(source.path, source.line))
            found = extra[key] = ListingCase(ref)
        found.findings.append(finding)
    return cases + list(extra.values())
