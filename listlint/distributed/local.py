"""A partitioned run in local worker processes: the text rules of a big catalog on every core.

:class:`ProcessPoolRunner` lints the parts of the catalog (see partitions.py) in a pool of
``workers`` processes of this machine and merges them as every partitioned run does, so its
result is the single-process one, finding for finding. The run's settings travel to each
process once, when it starts; each part then costs a task and its outcome.

Images are measured inside the part's process (the parts are the parallelism), so a run with
images uses the same number of processes as one without.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from listlint.check import Check
from listlint.config import Settings
from listlint.distributed.partitioned import PartitionedRunner
from listlint.distributed.partitions import Part
from listlint.distributed.worker import Job, Outcome, lint_part
from listlint.loaders import UnusableInput, discover
from listlint.loaders.source import STDIN

if TYPE_CHECKING:
    from concurrent.futures import Future

# The pool (concurrent.futures, multiprocessing) is imported where one starts: most runs only
# ask worth_it() and are linted in one process, and importing it costs them 10 ms.

# Below this many bytes of catalog a single process is faster: starting the workers and
# sending the results back costs more than the work shared (about 6,000 listings).
MIN_PARALLEL_BYTES = 8 * 1024 * 1024
# Parts per worker: enough for the workers to stay busy while the slowest part finishes.
PARTS_PER_WORKER = 4
MIN_PART_SIZE = 1024 * 1024
# A worker holds a part's listings, findings and records until it sends them back: 4 MB parts
# keep two workers and listlint within 260 MiB (PSS) at 100,000 listings with photos, against
# 390 MiB with 16 MB parts, for the same time within noise (bench/RESULTS.md).
MAX_PART_SIZE = 4 * 1024 * 1024

_job: Job | None = None  # in a worker process: the run's settings, set once when it starts


def worker_count(jobs: int) -> int:
    """The processes ``jobs`` asks for: itself, or one per core for 0."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def part_size(total: int, workers: int) -> int:
    """The size of a part for ``total`` bytes of catalog shared by ``workers`` processes."""
    return min(MAX_PART_SIZE, max(MIN_PART_SIZE, total // (workers * PARTS_PER_WORKER) + 1))


def worth_it(paths: Sequence[str], workers: int) -> int | None:
    """The part size for linting ``paths`` in ``workers`` processes, or None when one process
    is the better choice: one worker, standard input, or a catalog too small to share."""
    if workers < 2 or any(path == STDIN for path in paths):
        return None
    total = sum(_size(path) for named in paths for path in _catalog_files(named))
    return part_size(total, workers) if total >= MIN_PARALLEL_BYTES else None


def _catalog_files(path: str) -> list[str]:
    """The catalog files the run reads for ``path`` (a folder's photos are no catalog); none
    when it cannot be read, which the run itself reports."""
    try:
        return discover([path])
    except UnusableInput:
        return []


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


class ProcessPoolRunner(PartitionedRunner):
    """A Runner that lints the parts of the catalog in ``workers`` local processes."""

    def __init__(
        self,
        checks: Sequence[type[Check]],
        settings: Settings,
        *,
        workers: int,
        **options: Any,
    ) -> None:
        super().__init__(checks, settings, **options)
        self.workers = max(1, workers)
        self._listings = self._images = 0  # in the parts merged so far

    def _lint_parts(self, parts: list[Part]) -> Iterator[Outcome]:
        todo = deque(parts)
        while todo:
            yield from self._pooled(todo)

    def _pooled(self, todo: deque[Part]) -> Iterator[Outcome]:
        """Lint the parts of ``todo`` in one pool, in order, until they are done or a process
        of the pool dies (out of memory, killed): then the parts the pool held are linted
        again one by one, which tells the one that kills its process from the others."""
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        workers = min(self.workers, len(todo))
        # A few parts ahead of the one being merged: the workers stay busy, and outcomes that
        # arrive early wait in memory for no more than that.
        ahead: deque[tuple[Part, Future[Outcome]]] = deque()
        job = self._job()
        with ProcessPoolExecutor(workers, initializer=_start, initargs=(job,)) as pool:
            try:
                while todo or ahead:
                    while todo and len(ahead) < 2 * workers:
                        ahead.append((todo[0], pool.submit(_lint, todo[0])))
                        todo.popleft()
                    part, future = ahead[0]
                    outcome = _outcome(part, future)
                    ahead.popleft()
                    yield self._counted(outcome)
            except BrokenProcessPool:
                pass
        for part, _ in ahead:
            yield self._counted(_alone(job, part))

    def _counted(self, outcome: Outcome) -> Outcome:
        """``outcome``, counted for the progress display."""
        self._listings += outcome.listings
        self._images += outcome.images
        if self.on_progress is not None:
            self.on_progress(self._listings, self._images)
        return outcome


def _start(job: Job) -> None:
    global _job
    _job = job


def _lint(part: Part) -> Outcome:
    assert _job is not None, "the pool's initializer sets the job"
    return lint_part(_job, part)


def _outcome(part: Part, future: Future[Outcome]) -> Outcome:
    """The part's outcome (BrokenProcessPool passes: the pool is lost, not just the part)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # a bug that escaped the runner's guards: this part is lost
        return Outcome(errors=[f"{part}: {type(exc).__name__}: {exc}"])


def _alone(job: Job, part: Part) -> Outcome:
    """``part`` linted in a process of its own; an error of the run, as an unreadable file is,
    when that process dies."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(1, initializer=_start, initargs=(job,)) as pool:
        try:
            return _outcome(part, pool.submit(_lint, part))
        except BrokenProcessPool:
            return Outcome(errors=[f"{part}: the process linting it stopped (out of memory?)"])
