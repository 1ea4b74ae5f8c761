"""Streams listings from the loaders through the selected checks and collects the findings.

The runner owns everything between "a file was named" and "here are the findings": profile
choice per listing, per-check options, severity overrides and the three kinds of suppression
(per listing, per file, and selection). Checks stay pure.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from listlint import profiles
from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks.invalid_listing import InvalidListing
from listlint.config import Settings
from listlint.loaders import Problem, UnusableInput, discover, load
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
    ) -> None:
        self.settings = settings
        self.explicit_profile = profile or settings.profile
        self.encoding = encoding
        self.on_encoding = on_encoding
        overrides = settings.severity
        self.selected = [
            _Selected(cls(), severity_for(cls, overrides), options_for(cls, settings))
            for cls in checks
        ]
        self.invalid = next((s for s in self.selected if isinstance(s.check, InvalidListing)), None)
        self.default_profile = profiles.load(self.explicit_profile or DEFAULT_PROFILE)

    def run(self, paths: Sequence[str]) -> RunResult:
        result = RunResult(profile=self.default_profile.name)
        files: list[str] = []
        for named in paths:
            try:
                files.extend(discover([named]))
            except UnusableInput as exc:  # one missing path must not stop the others
                result.errors.append(str(exc))
        for path in files:
            try:
                last_problem: SourceLocation | None = None
                for item in load(path, encoding=self.encoding, on_encoding=self.on_encoding):
                    # A record with several bad fields gives several problems: count it once.
                    if isinstance(item, Listing) or item.source != last_problem:
                        result.listings += 1
                    last_problem = item.source if isinstance(item, Problem) else None
                    result.findings.extend(self._lint(item, path, result))
            except UnusableInput as exc:
                result.errors.append(str(exc))
        for selected in self.selected:
            ctx = CheckContext(self.default_profile, selected.options)
            found = self._guarded(selected, partial(selected.check.finish, ctx), "", result)
            result.findings.extend(self._apply(f, selected) for f in found)
        return result

    def _lint(self, item: Listing | Problem, path: str, result: RunResult) -> Iterator[Finding]:
        file_ignores = self._file_ignores(path)
        if isinstance(item, Problem):
            invalid = self.invalid
            if invalid is not None and not _ignored(invalid.check, file_ignores):
                assert isinstance(invalid.check, InvalidListing)
                yield self._apply(invalid.check.from_problem(item), invalid)
            return
        profile = self._profile_for(item)
        waived = item.ignore | file_ignores
        for selected in self.selected:
            if _ignored(selected.check, waived):
                continue
            ctx = CheckContext(profile, selected.options)
            found = self._guarded(
                selected, partial(selected.check.check, item, ctx), item.id, result
            )
            yield from (self._apply(f, selected) for f in found)

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
            check = selected.check
            where = f" on listing '{listing_id}'" if listing_id else ""
            result.errors.append(
                f"check {check.name} ({check.code}) crashed{where}: {type(exc).__name__}: {exc}"
            )
            return []

    @staticmethod
    def _apply(finding: Finding, selected: _Selected) -> Finding:
        if finding.severity is not selected.severity:
            finding = dataclasses.replace(finding, severity=selected.severity)
        return finding

    def _profile_for(self, listing: Listing) -> profiles.Profile:
        if self.explicit_profile or not listing.marketplace:
            return self.default_profile
        if listing.marketplace in profiles.available():
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
