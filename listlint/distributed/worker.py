"""What a cluster worker does with one part of a catalog: an ordinary Runner run, with the
cross-listing checks collecting instead of comparing.

Everything here is plain Python: a worker needs listlint (and any plugin checks) installed, not
this module's client side. The :class:`Job` and the part travel to the worker pickled; the
:class:`Outcome` travels back.

Where a cross-listing check (``Check.cross_listing``) would report, the worker's run holds a
*mark*: an ordinary Finding whose ``field`` is :data:`MARK` and whose ``message`` numbers what
the check collected of that listing. Marks sit exactly where the check's findings would, among
the other checks' findings of the same listing, and go wherever findings go (a run's findings
may spill to a temporary file). After the run the worker takes them out and returns, per mark,
its position among the remaining findings with the collected data; the client replays them in
reading order and puts each replayed finding at its mark's position.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from listlint.check import Check, CheckContext, Finding
from listlint.config import Settings
from listlint.distributed.partitions import Lines, Part
from listlint.images.options import ImageOptions
from listlint.loaders import Loaded, LoadOptions, _contained
from listlint.loaders.jsonlines import load_json_lines
from listlint.model import Listing, ListingRef
from listlint.runner import Runner

# The field of a mark: no check names a field so.
MARK = "\0listlint-collected"


@dataclass(frozen=True)
class Job:
    """What every part of one run is linted with: picklable, sent to each worker once."""

    checks: tuple[type[Check], ...]
    settings: Settings
    profile: str | None
    encoding: str | None
    load_options: LoadOptions  # without on_format: callbacks do not travel
    image_options: ImageOptions
    previous: Mapping[str, Listing]
    today: date
    keep_records: bool
    cwd: str  # the client's working directory: relative paths mean files there


@dataclass
class Outcome:
    """What a worker found in one part."""

    findings: list[Finding] = field(default_factory=list)  # without the marks
    # Per mark, in order: (its position in findings, check code, listing id, collected data).
    marks: list[tuple[int, str, str, Any]] = field(default_factory=list)
    listings: int = 0
    errors: list[str] = field(default_factory=list)
    records: list[ListingRef] = field(default_factory=list)
    # The run's notes in the order made: ("note", message), ("encoding", path, name),
    # ("format", path, how); the client passes them on to its callbacks.
    notes: list[tuple[str, ...]] = field(default_factory=list)
    images: int = 0


class _NotPlain(Exception):
    """A byte range that does not decode as plain UTF-8 on its own."""


def lint_part(job: Job, part: Part) -> Outcome:
    """Lint ``part`` as an ordinary run would, cross-listing checks collecting (the task a
    cluster runs)."""
    outcome = Outcome()
    paths = (part.path,) if isinstance(part, Lines) else part.paths
    if any(not os.path.isabs(path) for path in paths) and os.getcwd() != job.cwd:
        outcome.errors.append(
            f"{part}: a relative path, and this worker runs in {os.getcwd()}, not in "
            f"{job.cwd}: name the catalog by its absolute path (on the shared filesystem)"
        )
        return outcome
    notes = outcome.notes
    checks = [_collecting(cls) if cls.cross_listing else cls for cls in job.checks]
    options: dict[str, Any] = {
        "profile": job.profile,
        "encoding": job.encoding,
        "on_encoding": lambda path, name: notes.append(("encoding", path, name)),
        "load_options": dataclasses.replace(
            job.load_options, on_format=lambda path, how: notes.append(("format", path, how))
        ),
        "image_options": _worker_images(job.image_options),
        "on_note": lambda message: notes.append(("note", message)),
        "previous": job.previous,
        "today": job.today,
        "keep_records": job.keep_records,
    }
    if isinstance(part, Lines):
        runner: Runner = _LinesRunner(part, checks, job.settings, **options)
        if part.start == 0:  # what reading the whole file would have said
            how = "detected" if job.load_options.input_format == "auto" else "--input-format"
            notes += [
                ("encoding", part.path, part.encoding),
                ("format", part.path, f"jsonl ({how})"),
            ]
    else:
        runner = Runner(checks, job.settings, **options)
    try:
        result = runner.run(list(paths))
    except _NotPlain:  # the client found it plain UTF-8 when it cut it
        outcome.errors.append(f"{part}: the file changed while it was linted; lint it again")
        return outcome
    collected = {
        selected.check.code: selected.check.collected
        for selected in runner.selected
        if isinstance(selected.check, _Collecting)
    }
    for finding in result.findings:
        if finding.field == MARK:
            data = collected[finding.code][int(finding.message)]
            outcome.marks.append((len(outcome.findings), finding.code, finding.listing_id, data))
        else:
            outcome.findings.append(finding)
    outcome.listings = result.listings
    outcome.errors = list(result.errors)
    outcome.records = list(result.records)
    outcome.images = runner.images_measured
    return outcome


class _Collecting(Check):
    """Mixed in before a cross-listing check on a worker: check() collects and marks."""

    def __init__(self) -> None:
        super().__init__()
        self.collected: list[Any] = []

    def check(self, listing: Listing, ctx: CheckContext) -> Sequence[Finding]:
        data = self.collect(listing, ctx)
        if data is None:
            return ()
        self.collected.append(data)
        serial = str(len(self.collected) - 1)
        return (
            Finding(
                self.code, self.name, self.severity, listing.id, MARK, serial, "", listing.source
            ),
        )

    def finish(self, ctx: CheckContext) -> Sequence[Finding]:
        return ()  # the client's replaying instance finishes, having seen the whole catalog


def _collecting(cls: type[Check]) -> type[Check]:
    return type(cls.__name__, (_Collecting, cls), {"__doc__": cls.__doc__})


def _worker_images(options: ImageOptions) -> ImageOptions:
    """The client's image options as a worker uses them: measured in the worker's own process
    (the cluster's workers are the parallelism, and their processes may not start others), in
    the worker's LISTLINT_CACHE_DIR when it has one (a local disk beats a shared one)."""
    cache = options.cache_dir
    local = os.environ.get("LISTLINT_CACHE_DIR", "").strip()
    if cache is not None and local:
        cache = Path(local)
    return dataclasses.replace(options, jobs=1, cache_dir=cache)


class _LinesRunner(Runner):
    """A run over one byte range of a JSON Lines file, read as that file's lines."""

    def __init__(self, part: Lines, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.part = part

    def _load(self, path: str, total: int | None) -> Iterator[Loaded]:
        return _contained(_read_lines(self.part), self.part.path)


def _read_lines(part: Lines) -> Iterator[Loaded]:
    with open(part.path, "rb") as file:
        file.seek(part.start)
        data = file.read(part.end - part.start)
    if b"\0" in data or len(data) != part.end - part.start:  # binary, or changed since cut
        raise _NotPlain(str(part))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotPlain(str(part)) from None
    del data
    # A leading BOM (utf-8-sig) is stripped by the JSON Lines loader, as at the start of any line.
    return load_json_lines(text, part.path, part.first_line)
