"""Streams listings from the loaders through the selected checks and collects the findings.

The runner owns everything between "a file was named" and "here are the findings": profile
choice per listing, per-check options, severity overrides and the three kinds of suppression
(per listing, per file, and selection). Checks stay pure.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from listlint import profiles
from listlint._gc import collected_every, collector_paused
from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks.invalid_listing import InvalidListing
from listlint.config import ConfigError, Settings
from listlint.images.facts import ImageFacts
from listlint.images.options import ImageOptions
from listlint.loaders import (
    SUPPORTED_SUFFIXES,
    LoadOptions,
    Problem,
    UnusableInput,
    discover,
    load,
)
from listlint.loaders.streaming import load_streamed
from listlint.model import Listing, ListingRef, SourceLocation
from listlint.selection import did_you_mean, options_for, severity_for
from listlint.spool import Spool, finding_spool, record_spool

if TYPE_CHECKING:
    from listlint.images.pipeline import ImageMeasurer

DEFAULT_PROFILE = "generic"
# Listings whose images are measured together: enough to keep every worker busy, few enough
# that their facts take little memory.
IMAGE_BATCH = 1000
# Listings between two calls of a runner's on_progress.
PROGRESS_EVERY = 200


@dataclass
class RunResult:
    # In reading order. A run's findings and records are spools (see listlint/spool.py): the
    # first ones in memory, those of a huge catalog in a temporary file; iterate them, or
    # take len(), as with lists.
    findings: list[Finding] | Spool[Finding] = field(default_factory=finding_spool)
    listings: int = 0  # every record read, valid or not
    errors: list[str] = field(default_factory=list)  # unusable inputs and crashed checks
    profile: str = DEFAULT_PROFILE
    # One entry per record counted in ``listings``, in reading order: what the reports list.
    records: list[ListingRef] | Spool[ListingRef] = field(default_factory=record_spool)

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
        image_options: ImageOptions | None = None,
        on_note: Callable[[str], None] | None = None,
        previous: Mapping[str, Listing] | None = None,
        today: date | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        keep_records: bool = True,
        on_bytes: Callable[[int, int | None], None] | None = None,
    ) -> None:
        self.settings = settings
        # Every record read, for the reports that list listings without findings too (JSON,
        # JUnit, HTML, markdown); off for the others, which saves memory on huge catalogs.
        self.keep_records = keep_records
        self.explicit_profile = profile or settings.profile
        self.encoding = encoding
        self.on_encoding = on_encoding
        self.load_options = load_options  # input format and column mapping
        # Without explicit options (the Python API), the config's folders and workers, no cache.
        self.image_options = image_options or ImageOptions(
            jobs=settings.jobs, roots=settings.image_roots
        )
        self.on_note = on_note or (lambda message: None)
        # The previous version of the catalog by listing id (for the history checks) and the
        # date ages are judged against; every CheckContext holds them.
        self.previous: Mapping[str, Listing] = previous or {}
        self.today = today or date.today()
        # Called with (listings linted, images measured so far) every PROGRESS_EVERY listings:
        # what a progress display shows. None costs one test per listing.
        self.on_progress = on_progress
        # Called with (bytes of the input files read, their total size or None when unknown,
        # as for standard input) as the files are read: what makes a progress bar a bar.
        self.on_bytes = on_bytes
        self._bytes_done = 0
        self.images_measured = 0
        # Facts of the images of the listings being linted, filled a batch at a time; every
        # CheckContext holds this same dict.
        self.image_facts: dict[tuple[str, str], ImageFacts] = {}
        overrides = settings.severity
        self.selected = [
            _Selected(cls(), severity_for(cls, overrides), options_for(cls, settings))
            for cls in checks
        ]
        for selected in self.selected:
            try:
                selected.check.check_options(selected.options)
            except ValueError as exc:
                raise ConfigError(f"options.{selected.check.name}: {exc}") from None
        self.invalid = next((s for s in self.selected if isinstance(s.check, InvalidListing)), None)
        # The config's own profiles ([tool.listlint.profiles.NAME]) resolve like built-ins.
        self.default_profile = profiles.load(
            self.explicit_profile or DEFAULT_PROFILE, settings.profiles
        )
        self._marketplaces = frozenset((*profiles.available(), *settings.profiles))
        # (profile name, waived rules) -> the checks to run with their contexts; see _active.
        self._active_cache: dict[tuple[str, frozenset[str]], list[_Active]] = {}
        self._waivers_seen: set[str] = set()  # listing waivers already checked against the rules
        # The findings of the listing being linted, before they join the run's.
        self._found: list[Finding] = []

    def run(self, paths: Sequence[str]) -> RunResult:
        measurer = self._image_measurer()
        try:
            with collector_paused():  # see listlint/_gc.py: a fifth of a run's CPU time
                return self._run(paths, measurer)
        finally:
            if measurer is not None:
                measurer.close()

    def _image_measurer(self) -> ImageMeasurer | None:
        if not any(selected.check.needs_images for selected in self.selected):
            return None
        # Imported here: numpy and the decoders load only for runs that look at images.
        from listlint.images.pipeline import ImageMeasurer

        return ImageMeasurer(self.image_options, self.on_note)

    def _with_images(
        self, items: Iterable[Listing | Problem], measurer: ImageMeasurer
    ) -> Iterator[Listing | Problem]:
        """The items unchanged, each batch's images measured before its listings are linted."""
        batch: list[Listing | Problem] = []
        for item in items:
            batch.append(item)
            if len(batch) >= IMAGE_BATCH:
                yield from self._measured_batch(batch, measurer)
                batch = []
        yield from self._measured_batch(batch, measurer)

    def _measured_batch(
        self, batch: list[Listing | Problem], measurer: ImageMeasurer
    ) -> list[Listing | Problem]:
        keys = [
            (item.source.path, reference)
            for item in batch
            if isinstance(item, Listing)
            for reference in (
                *item.images,
                *(reference for variant in item.variants for reference in variant.images),
            )
        ]
        self.image_facts.clear()  # the previous batch's facts are no longer needed
        self.image_facts.update(measurer.measure(keys))
        self.images_measured += len(self.image_facts)
        return batch

    def _run(self, paths: Sequence[str], measurer: ImageMeasurer | None) -> RunResult:
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
        sizes = _sizes(files)
        total = None if None in sizes else sum(size or 0 for size in sizes)
        self._bytes_done = 0
        if self.on_bytes is not None:
            self.on_bytes(self._bytes_done, total)
        for path, size in zip(files, sizes, strict=True):
            done_before = self._bytes_done
            try:
                items = self._load(path, total)
                if measurer is not None:
                    items = self._with_images(items, measurer)
                file_ignores = self._file_ignores(path)
                last_problem: SourceLocation | None = None
                on_progress = self.on_progress
                records = result.records if self.keep_records else None
                for item in collected_every(items):
                    # A record with several bad fields gives several problems: count it once.
                    if isinstance(item, Listing):
                        result.listings += 1
                        if records is not None:
                            records.append(
                                ListingRef(item.id, item.title, item.source, _photos(item))
                            )
                        last_problem = None
                        self._lint(item, file_ignores, result)
                        if on_progress is not None and not result.listings % PROGRESS_EVERY:
                            on_progress(result.listings, self.images_measured)
                        continue
                    if item.source != last_problem:
                        result.listings += 1
                        if records is not None:
                            records.append(ListingRef(item.listing_id or "", "", item.source))
                    last_problem = item.source
                    self._report_problem(item, file_ignores, result)
            except UnusableInput as exc:
                result.errors.append(str(exc))
            self._bytes_done = done_before + (size or 0)
            if self.on_bytes is not None:
                self.on_bytes(self._bytes_done, total)
        for selected in self.selected:
            ctx = CheckContext(
                self.default_profile,
                selected.options,
                previous_listings=self.previous,
                today=self.today,
            )
            finished = self._guarded(selected, partial(selected.check.finish, ctx), "", result)
            result.findings.extend(self._apply(f, selected) for f in finished)
        return result

    def _load(self, path: str, total: int | None) -> Iterator[Listing | Problem]:
        """The records of the file at ``path``. A hook: listlint.distributed's workers read a
        byte range of a file instead."""
        # A big JSON Lines file is streamed; anything else is read whole.
        streamed = load_streamed(
            path,
            encoding=self.encoding,
            on_encoding=self.on_encoding,
            options=self.load_options,
            on_read=partial(self._read, total=total),
        )
        return streamed or load(
            path,
            encoding=self.encoding,
            on_encoding=self.on_encoding,
            options=self.load_options,
        )

    def _read(self, size: int, *, total: int | None) -> None:
        self._bytes_done += size
        if self.on_bytes is not None:
            self.on_bytes(self._bytes_done, total)

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
        if listing.ignore and not listing.ignore <= self._waivers_seen:
            self._note_unknown_waivers(listing)
        findings = self._found
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
        if findings:
            result.findings.extend(findings)
            findings.clear()

    def _note_unknown_waivers(self, listing: Listing) -> None:
        """Say once per name when a listing's ``listlint.ignore`` names no rule: a typo there
        ("image-blurr") would otherwise leave the finding in place without a word."""
        from listlint.registry import load_registry  # only for the rare listing that waives

        registry = load_registry()
        for waiver in sorted(listing.ignore - self._waivers_seen):
            self._waivers_seen.add(waiver)
            if not any(_waives(waiver, k.name, k.code) for k in registry.known):
                self.on_note(
                    f"{listing.source}: listing {listing.id!r} ignores {waiver!r}, which is no "
                    f"rule{did_you_mean(waiver, registry.names)}"
                )

    def _active(self, profile: profiles.Profile, waived: frozenset[str]) -> list[_Active]:
        """The checks that run on a listing of ``profile`` that waives ``waived``, with contexts."""
        key = (profile.name, waived)
        active = self._active_cache.get(key)
        if active is None:
            active = [
                _Active(
                    selected,
                    CheckContext(
                        profile, selected.options, self.image_facts, self.previous, self.today
                    ),
                    selected.check.check,
                )
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
            return profiles.load(listing.marketplace, self.settings.profiles)
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


def _sizes(files: Sequence[str]) -> list[int | None]:
    """Each file's size in bytes; None for standard input and files that cannot be read."""
    sizes: list[int | None] = []
    for path in files:
        try:
            sizes.append(None if path == "-" else os.path.getsize(path))
        except OSError:
            sizes.append(None)
    return sizes


def _photos(listing: Listing) -> tuple[str, ...]:
    """The listing's images, else its variants' (each once): what a report shows of it."""
    if listing.images or not listing.variants:
        return listing.images
    return tuple(dict.fromkeys(image for v in listing.variants for image in v.images))


_CODE_PREFIX = re.compile(r"^[A-Za-z]{2,3}[0-9]{0,3}$")


def _ignored(check: Check, waived: frozenset[str]) -> bool:
    """True when a waiver names the check, its code, or a prefix of its code."""
    return bool(waived) and any(_waives(w, check.name, check.code) for w in waived)


def _waives(waiver: str, name: str, code: str) -> bool:
    return waiver.lower() == name or bool(
        _CODE_PREFIX.match(waiver) and code.startswith(waiver.upper())
    )
