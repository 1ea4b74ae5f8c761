"""Streams listings from the loaders through the selected checks and collects the findings.

The runner owns everything between "a file was named" and "here are the findings": profile
choice per listing, per-check options, severity overrides and the three kinds of suppression
(per listing, per file, and selection). Checks stay pure.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NamedTuple

from listlint import profiles
from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks.invalid_listing import InvalidListing
from listlint.config import Settings
from listlint.loaders import (
    SUPPORTED_SUFFIXES,
    LoadOptions,
    Problem,
    UnusableInput,
    discover,
    load,
)
from listlint.model import Listing, SourceLocation
from listlint.selection import options_for, severity_for

DEFAULT_PROFILE = "generic"


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    listings: int = 0  # every record read, valid or not
    errors: list[str] = field(default_factory=list)  # unusable inputs and crashed checks
    profile: str = DEFAULT_PROFILE

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts


@dataclass(frozen=True)
class _Selected:
    check: Check
    severity: Severity
    options: dict[str, object]


class _Active(NamedTuple):
    selected: _Selected
    ctx: CheckContext
    check: Callable[[Listing, CheckContext], Iterable[Finding]]  # selected.check.check, bound


_MAX_ACTIVE_CACHED = 256


class Runner:
    """One lint run: construct with the resolved checks and settings, then call :meth:`run`."""

    def __init__(
        self,
        checks: Sequence[type[Check]],
        settings: Settings,
        *,
        profile: str | None = None,
        encoding: str | None = None,
        on_encoding: Callable[[str, str], None] | None = None,
        load_options: LoadOptions | None = None,
    ) -> None:
        self.settings = settings
        self.explicit_profile = profile or settings.profile
        self.encoding = encoding
        self.on_encoding = on_encoding
        self.load_options = load_options  # input format and column mapping
        overrides = settings.severity
        self.selected = [
            _Selected(cls(), severity_for(cls, overrides), options_for(cls, settings))
            for cls in checks
        ]
        self.invalid = next((s for s in self.selected if isinstance(s.check, InvalidListing)), None)
        self.default_profile = profiles.load(self.explicit_profile or DEFAULT_PROFILE)
        self._marketplaces = frozenset(profiles.available())
        # (profile name, waived rules) -> the checks to run with their contexts; see _active.
        self._active_cache: dict[tuple[str, frozenset[str]], list[_Active]] = {}

    def run(self, paths: Sequence[str]) -> RunResult:
        result = RunResult(profile=self.default_profile.name)
        files: list[str] = []
        for named in paths:
            try:
                found = discover([named])
            except UnusableInput as exc:  # one missing path must not stop the others
                result.errors.append(str(exc))
                continue
            if not found:  # a folder with no catalog in it is almost always a wrong path
                suffixes = ", ".join(SUPPORTED_SUFFIXES)
                result.errors.append(f"{named}: no catalog files ({suffixes}) in this folder")
            files.extend(found)
        for path in files:
            try:
                items = load(
                    path,
                    encoding=self.encoding,
                    on_encoding=self.on_encoding,
                    options=self.load_options,
                )
                file_ignores = self._file_ignores(path)
                last_problem: SourceLocation | None = None
                for item in items:
                    # A record with several bad fields gives several problems: count it once.
                    if isinstance(item, Listing):
                        result.listings += 1
                        last_problem = None
                        self._lint(item, file_ignores, result)
                        continue
                    if item.source != last_problem:
                        result.listings += 1
                    last_problem = item.source
                    self._report_problem(item, file_ignores, result)
            except UnusableInput as exc:
                result.errors.append(str(exc))
        for selected in self.selected:
            ctx = CheckContext(self.default_profile, selected.options)
            finished = self._guarded(selected, partial(selected.check.finish, ctx), "", result)
            result.findings.extend(self._apply(f, selected) for f in finished)
        return result

    def _report_problem(
        self, problem: Problem, file_ignores: frozenset[str], result: RunResult
    ) -> None:
        invalid = self.invalid
        if invalid is not None and not _ignored(invalid.check, file_ignores):
            assert isinstance(invalid.check, InvalidListing)
            result.findings.append(self._apply(invalid.check.from_problem(problem), invalid))

    def _lint(self, listing: Listing, file_ignores: frozenset[str], result: RunResult) -> None:
        # The hot loop of a run: once per check and listing, so it allocates nothing it can avoid.
        waived = listing.ignore | file_ignores if listing.ignore else file_ignores
        findings = result.findings
        for selected, ctx, check in self._active(self._profile_for(listing), waived):
            start = len(findings)
            try:
                findings.extend(check(listing, ctx))
            except Exception as exc:
                # A bug in one check (a plugin's, most likely) must not lose the rest of the run,
                # and what the check yielded before it crashed is not reported either.
                del findings[start:]
                self._crashed(selected, listing.id, exc, result)
                continue
            if len(findings) > start:  # rare: most listings pass most checks
                for index in range(start, len(findings)):
                    findings[index] = self._apply(findings[index], selected)

    def _active(self, profile: profiles.Profile, waived: frozenset[str]) -> list[_Active]:
        """The checks that run on a listing of ``profile`` that waives ``waived``, with contexts."""
        key = (profile.name, waived)
        active = self._active_cache.get(key)
        if active is None:
            active = [
                _Active(selected, CheckContext(profile, selected.options), selected.check.check)
                for selected in self.selected
                if not _ignored(selected.check, waived)
            ]
            # Listings rarely waive rules, and few waive them differently; don't grow unbounded.
            if len(self._active_cache) < _MAX_ACTIVE_CACHED:
                self._active_cache[key] = active
        return active

    def _guarded(
        self,
        selected: _Selected,
        produce: Callable[[], Iterable[Finding]],
        listing_id: str,
        result: RunResult,
    ) -> list[Finding]:
        # A bug in one check (a plugin's, most likely) must not lose the rest of the run.
        try:
            return list(produce())
        except Exception as exc:
            self._crashed(selected, listing_id, exc, result)
            return []

    @staticmethod
    def _crashed(selected: _Selected, listing_id: str, exc: Exception, result: RunResult) -> None:
        check = selected.check
        where = f" on listing '{listing_id}'" if listing_id else ""
        result.errors.append(
            f"check {check.name} ({check.code}) crashed{where}: {type(exc).__name__}: {exc}"
        )

    @staticmethod
    def _apply(finding: Finding, selected: _Selected) -> Finding:
        if finding.severity is not selected.severity:
            finding = dataclasses.replace(finding, severity=selected.severity)
        return finding

    def _profile_for(self, listing: Listing) -> profiles.Profile:
        if self.explicit_profile or not listing.marketplace:
            return self.default_profile
        if listing.marketplace in self._marketplaces:
            return profiles.load(listing.marketplace)
        return self.default_profile

    def _file_ignores(self, path: str) -> frozenset[str]:
        if not self.settings.per_file_ignores:
            return frozenset()
        try:
            relative = Path(path).resolve().relative_to(self.settings.root.resolve()).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        rules: set[str] = set()
        for pattern, names in self.settings.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                rules.update(names)
        return frozenset(rules)


_CODE_PREFIX = re.compile(r"^[A-Za-z]{2,3}[0-9]{0,3}$")


def _ignored(check: Check, waived: frozenset[str]) -> bool:
    """True when a waiver names the check, its code, or a prefix of its code."""
    return bool(waived) and any(
        w.lower() == check.name or (_CODE_PREFIX.match(w) and check.code.startswith(w.upper()))
        for w in waived
    )
