"""Measure many images at once: resolve, look up the cache, fetch, then decode in a process pool.

The runner hands over the image references of a batch of listings; each distinct file or URL is
measured once, however many listings name it. Decoding runs in worker processes (``--jobs``),
because it is CPU work that the GIL would serialise; fetching runs in threads, because it waits
on the network. A worker that dies on a hostile file costs that file, not the run.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from listlint.images import sources
from listlint.images.cache import FactsCache, FileIndex, replace_reference
from listlint.images.facts import ImageFacts, Problem
from listlint.images.formats import extension_format
from listlint.images.options import ImageOptions

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# The process pool (multiprocessing) and the HTTP client (ssl) are imported where they are
# used: a run served from the cache, or with local files only, starts faster without them.

# A local file above this size is not read at all; every marketplace's limit is far below it.
MAX_FILE_BYTES = 64 * 1024 * 1024

Key = tuple[str, str]  # (catalog file, reference as written)

# So many URLs, every one unreachable, make a run that is likely offline (see _note_if_offline).
_OFFLINE_AT_LEAST = 3


@dataclass
class _Work:
    """Bytes or a path still to be measured, and every key that waits for the result."""

    reference: str
    path: Path | None = None
    data: bytes | None = None
    file: FileIndex | None = None  # cache index entry for a local file
    url: tuple[str, str, str] | None = None  # cache index entry for a URL
    keys: list[Key] = field(default_factory=list)


class ImageMeasurer:
    """Measures the images of a run; reuse one for every batch, then :meth:`close` it."""

    def __init__(self, options: ImageOptions, note: Callable[[str], None] = print) -> None:
        self.options = options
        self.note = note
        self._offline_noted = False
        self.cache = FactsCache(options.cache_dir, note) if options.cache_dir else None
        self._resolve = sources.Resolver(options.roots)
        self._pool: ProcessPoolExecutor | None = None
        self.measured = 0  # images decoded in this run (not served from the cache)

    @property
    def jobs(self) -> int:
        return self.options.jobs or os.cpu_count() or 1

    def measure(self, keys: Iterable[Key]) -> dict[Key, ImageFacts]:
        results: dict[Key, ImageFacts] = {}
        local: dict[Path, _Work] = {}
        remote: dict[str, list[Key]] = {}
        for key in dict.fromkeys(keys):
            catalog, reference = key
            source = self._resolve(reference, catalog)
            if isinstance(source, sources.Refused):
                results[key] = ImageFacts(reference, Problem.REFUSED, source.reason)
            elif isinstance(source, sources.Remote):
                remote.setdefault(source.url, []).append(key)
            else:
                self._local(key, source.path, local, results)
        if self.cache is not None:
            self._served_from_cache(local, results)
        work = list(local.values()) + self._fetched(remote, results)
        for item, facts in zip(work, self._measured(work), strict=True):
            if self.cache is not None:
                self.cache.store(facts, file=item.file, url=item.url)
            for key in item.keys:
                results[key] = replace_reference(facts, key[1])
        if self.cache is not None:
            self.cache.flush()
        return results

    def _local(
        self, key: Key, path: Path, pending: dict[Path, _Work], results: dict[Key, ImageFacts]
    ) -> None:
        reference = key[1]
        if path in pending:
            pending[path].keys.append(key)
            return
        try:
            info = path.stat()
        except FileNotFoundError:
            results[key] = ImageFacts(reference, Problem.MISSING, f"no file at {path}")
            return
        except OSError as exc:
            results[key] = ImageFacts(reference, Problem.MISSING, f"cannot read it ({exc})")
            return
        if not stat.S_ISREG(info.st_mode):
            results[key] = ImageFacts(reference, Problem.NOT_AN_IMAGE, f"{path} is not a file")
            return
        if info.st_size > MAX_FILE_BYTES:
            results[key] = ImageFacts(
                reference,
                Problem.TOO_LARGE,
                f"{info.st_size / 1e6:,.0f} MB is more than listlint reads",
                extension_format=extension_format(reference),
                file_size=info.st_size,
            )
            return
        index = (path, info.st_size, info.st_mtime_ns)
        pending[path] = _Work(reference, path=path, file=index, keys=[key])

    def _served_from_cache(
        self, pending: dict[Path, _Work], results: dict[Key, ImageFacts]
    ) -> None:
        """Take out of ``pending`` the files whose facts the cache has, and give their facts."""
        assert self.cache is not None
        indexed = self.cache.hashes_of_files([item.file for item in pending.values() if item.file])
        hashes: dict[Path, str] = {}
        for path, item in pending.items():
            known = indexed.get(item.file) if item.file else None
            if known is None and self.cache.holds_facts:
                # A fresh clone or a copy has new paths and times, but maybe known content.
                known = _file_hash(path)
            if known:
                hashes[path] = known
        known_facts = self.cache.facts_of(set(hashes.values()))
        for path, content_hash in hashes.items():
            data = known_facts.get(content_hash)
            if data is None:
                continue
            item = pending.pop(path)
            facts = self.cache.facts_from(data, item.reference)
            if facts is None:
                pending[path] = item  # written by an incompatible version: measure again
                continue
            if item.file not in indexed:
                self.cache.store(facts, file=item.file)
            for key in item.keys:
                results[key] = replace_reference(facts, key[1])

    def _note_if_offline(self, outcomes: Iterable[object]) -> None:
        """Say once when no URL at all could be reached: the machine is likely offline (a CI
        runner without network), and every photo's image-unreachable would bury the rest."""
        from listlint.images import fetch

        outcomes = list(outcomes)
        unreachable = [
            o for o in outcomes if isinstance(o, fetch.Failed) and o.problem == Problem.UNREACHABLE
        ]
        if (
            not self._offline_noted
            and len(unreachable) >= _OFFLINE_AT_LEAST
            and len(unreachable) == len(outcomes)
        ):
            self._offline_noted = True
            self.note(
                f"none of {len(unreachable)} image URLs could be reached (no network?); "
                "`--ignore image-unreachable` leaves them out of the report"
            )

    def _fetched(self, remote: dict[str, list[Key]], results: dict[Key, ImageFacts]) -> list[_Work]:
        if not remote:
            return []
        from listlint.images import fetch

        validators = {}
        if self.cache is not None:
            for url in remote:
                known = self.cache.validators(url)
                if known is not None:
                    validators[url] = known
        outcomes = fetch.fetch_all(
            remote,
            validators,
            timeout=self.options.timeout,
            max_bytes=self.options.max_download,
        )
        self._note_if_offline(outcomes.values())
        work = []
        for url, keys in remote.items():
            outcome = outcomes[url]
            if isinstance(outcome, fetch.NotModified) and self.cache is not None:
                facts = self.cache.facts(outcome.content_hash, url)
                if facts is not None:
                    results.update((key, replace_reference(facts, key[1])) for key in keys)
                    continue
                # Validators outlived the facts (a cleared table): ask again, unconditionally.
                outcome = fetch.fetch(
                    url, timeout=self.options.timeout, max_bytes=self.options.max_download
                )
            if isinstance(outcome, fetch.Fetched):
                index = (url, outcome.etag, outcome.last_modified)
                has_validator = outcome.etag or outcome.last_modified
                if self.cache is not None:  # the same photo under another URL or a new ETag
                    seen = self.cache.facts(hashlib.sha256(outcome.data).hexdigest(), url)
                    if seen is not None:
                        self.cache.store(seen, url=index if has_validator else None)
                        results.update((key, replace_reference(seen, key[1])) for key in keys)
                        continue
                work.append(
                    _Work(url, data=outcome.data, url=index if has_validator else None, keys=keys)
                )
            elif isinstance(outcome, fetch.Failed):
                for key in keys:
                    results[key] = ImageFacts(
                        key[1],
                        outcome.problem,
                        outcome.detail,
                        extension_format=extension_format(key[1]),
                    )
        return work

    def _measured(self, work: list[_Work]) -> list[ImageFacts]:
        self.measured += len(work)
        if self.jobs <= 1 or len(work) <= 1:
            return [_measure_work(item.reference, item.path, item.data) for item in work]
        return self._in_pool(work)

    def _in_pool(self, work: list[_Work]) -> list[ImageFacts]:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.jobs)
        # Chunks keep the workers' queues short of per-photo round trips, small enough that the
        # last ones finish together.
        chunk = max(1, min(16, len(work) // (self.jobs * 4)))
        results: list[ImageFacts] = []
        try:
            references = [item.reference for item in work]
            paths = [item.path for item in work]
            data = [item.data for item in work]
            for facts in self._pool.map(_measure_work, references, paths, data, chunksize=chunk):
                results.append(facts)  # one by one: what came back before a crash is kept
            return results
        except BrokenProcessPool:
            # A worker died (a decoder crashed, or memory ran out) on a photo of a chunk
            # somewhere after the results we have; the rest is measured one by one.
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        return results + [_isolated(item) for item in work[len(results) :]]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self.cache is not None:
            self.cache.close()


def _measure_work(reference: str, path: Path | None, data: bytes | None) -> ImageFacts:
    """Runs in a worker: read a local file (bounded) or take fetched bytes, then measure."""
    # Imported here: a run served from the cache never loads numpy or the decoders.
    from listlint.images.measure import measure

    if data is None:
        assert path is not None
        try:
            with path.open("rb") as handle:
                data = _read_bounded(handle)
        except OSError as exc:
            return ImageFacts(reference, Problem.MISSING, f"cannot read it ({exc})")
    return measure(reference, data)


def _read_bounded(handle: BinaryIO) -> bytes:
    """The file's bytes, MAX_FILE_BYTES + 1 at most. Asked for its size, not for the bound:
    read(n) sets n bytes aside first, and 64 MB for each 100 KB photo cost more than reading
    it (50 us a photo)."""
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size, MAX_FILE_BYTES) + 1)
    if MAX_FILE_BYTES >= len(data) > size:  # it grew since: read on, up to the bound
        data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    return data


def _file_hash(path: Path) -> str | None:
    """The sha256 of a file, read in chunks; None when it cannot be read (measuring says why)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _isolated(item: _Work) -> ImageFacts:
    # After a worker died, each photo left over gets a worker of its own: the one that kills its
    # worker again is the culprit, and is reported instead of measured.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(1) as pool:
        try:
            return pool.submit(_measure_work, item.reference, item.path, item.data).result()
        except BrokenProcessPool:
            return ImageFacts(
                item.reference,
                Problem.TRUNCATED,
                "decoding it crashed the worker process",
                extension_format=extension_format(item.reference),
            )
