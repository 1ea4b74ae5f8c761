"""A run cut into parts that are linted apart and merged into one single-process result.

:class:`PartitionedRunner` is a :class:`~listlint.runner.Runner` (same options, same
:class:`~listlint.runner.RunResult`) whose :meth:`run` cuts the catalog into parts
(:mod:`listlint.distributed.partitions`), has each part linted by
:func:`~listlint.distributed.worker.lint_part` somewhere else, and merges what comes back so
that the result equals a single-process run's, finding for finding and in the same order:

- parts are cut and merged in reading order (files as discovered, ranges in file order);
- each part's findings keep their order; a cross-listing check's findings are replayed here,
  over every listing in reading order, and put at the place the worker marked for them (see
  worker.py), so a duplicate id whose first use is in another part is reported as one process
  would report it, naming the same place;
- the replaying checks' :meth:`~listlint.check.Check.finish` runs here, once, at the end.

Where the parts are linted is a subclass's :meth:`PartitionedRunner._lint_parts`: on a Dask
cluster (:mod:`listlint.distributed.client`) or in local processes
(:mod:`listlint.distributed.local`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from listlint.check import Check, CheckContext
from listlint.config import Settings
from listlint.distributed.partitions import DEFAULT_PARTITION_SIZE, Part, partition
from listlint.distributed.worker import Job, Outcome
from listlint.loaders import SUPPORTED_SUFFIXES, LoadOptions, UnusableInput, discover
from listlint.loaders.source import STDIN
from listlint.runner import Runner, RunResult


class PartitionedRunner(Runner):
    """A Runner whose run lints the parts of the catalog apart and merges them.

    ``partition_size`` is about how many bytes of catalog one part holds. The other arguments
    are Runner's; they must pickle (callbacks stay here: notes and progress are passed on as
    parts come back).
    """

    def __init__(
        self,
        checks: Sequence[type[Check]],
        settings: Settings,
        *,
        partition_size: int = DEFAULT_PARTITION_SIZE,
        **options: Any,
    ) -> None:
        super().__init__(checks, settings, **options)
        self.checks = tuple(checks)
        self.partition_size = max(1, partition_size)
        self._noted: set[str] = set()

    def run(self, paths: Sequence[str]) -> RunResult:
        result = RunResult(profile=self.default_profile.name)
        files = self._discovered(paths, result)
        if STDIN in files:
            raise ValueError("standard input cannot be cut into parts: save it to a file")
        parts = partition(
            files, self.partition_size, options=self.load_options, encoding=self.encoding
        )
        if parts:  # else there is nothing to lint (the paths were wrong: result.errors)
            for outcome in self._lint_parts(parts):
                self._merge(outcome, result)
        self._finish(result)
        return result

    def _lint_parts(self, parts: list[Part]) -> Iterable[Outcome]:
        """Each part's outcome, in the order of ``parts``: where the subclasses differ."""
        raise NotImplementedError

    def _discovered(self, paths: Sequence[str], result: RunResult) -> list[str]:
        # As Runner._run finds its files: the same errors, in the same order.
        files: list[str] = []
        for named in paths:
            try:
                found = discover([named])
            except UnusableInput as exc:
                result.errors.append(str(exc))
                continue
            if not found:
                suffixes = ", ".join(SUPPORTED_SUFFIXES)
                result.errors.append(f"{named}: no catalog files ({suffixes}) in this folder")
            files.extend(found)
        return files

    def _job(self) -> Job:
        return Job(
            checks=self.checks,
            settings=self.settings,
            profile=self.explicit_profile,
            encoding=self.encoding,
            load_options=dataclasses.replace(self.load_options or LoadOptions(), on_format=None),
            image_options=self.image_options,
            previous=dict(self.previous),
            today=self.today,
            keep_records=self.keep_records,
            cwd=os.getcwd(),
        )

    def _merge(self, outcome: Outcome, result: RunResult) -> None:
        """Add a part's outcome to the run's, replaying the cross-listing checks' marks."""
        self._notes(outcome)
        result.listings += outcome.listings
        result.errors.extend(outcome.errors)
        if self.keep_records:
            result.records.extend(outcome.records)
        self.images_measured += outcome.images
        by_code = {s.check.code: (s, self._context(s)) for s in self.selected}
        findings = outcome.findings
        cursor = 0
        for position, code, listing_id, collected in outcome.marks:
            result.findings.extend(findings[cursor:position])
            cursor = position
            selected, ctx = by_code[code]
            replay = partial(selected.check.replay, collected, ctx)
            replayed = self._guarded(selected, replay, listing_id, result)
            result.findings.extend(self._apply(f, selected) for f in replayed)
        result.findings.extend(findings[cursor:])

    def _finish(self, result: RunResult) -> None:
        """The replaying checks' finish, as a single run calls it after the last listing."""
        for selected in self.selected:
            if selected.check.cross_listing:
                finish = partial(selected.check.finish, self._context(selected))
                finished = self._guarded(selected, finish, "", result)
                result.findings.extend(self._apply(f, selected) for f in finished)

    def _context(self, selected: Any) -> CheckContext:
        return CheckContext(
            self.default_profile,
            selected.options,
            previous_listings=self.previous,
            today=self.today,
        )

    def _notes(self, outcome: Outcome) -> None:
        on_format = self.load_options.on_format if self.load_options else None
        for note in outcome.notes:
            if note[0] == "note":
                # Said once: each part's run would repeat a run's warning (the cache is unusable).
                if note[1] not in self._noted:
                    self._noted.add(note[1])
                    self.on_note(note[1])
            elif note[0] == "encoding" and self.on_encoding is not None:
                self.on_encoding(note[1], note[2])
            elif note[0] == "format" and on_format is not None:
                on_format(note[1], note[2])
