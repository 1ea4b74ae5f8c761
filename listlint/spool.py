"""A list that keeps its first items in memory and the rest in a temporary file.

A run of a million listings finds about as many problems, and the JSON report lists every record
read: held as objects, those alone would take gigabytes. A :class:`Spool` keeps the first
:data:`KEEP` items as they are (every run of an ordinary catalog stays in memory, as fast as a
list) and writes the later ones to an anonymous temporary file, a few thousand at a time, as
pickled tuples of plain strings and numbers. It can be iterated any number of times, also by
two iterators at once, always in the order the items were added; the reports stream through it.

If the temporary file cannot be written (no space, no temporary folder), the items stay in
memory: a run never fails for want of a place to spill.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import IO, Any, Generic, TypeVar, overload

from listlint.check import Finding, Severity
from listlint.model import ListingRef, SourceLocation

T = TypeVar("T")

# Items kept in memory before the spool starts writing to its file.
KEEP = 20_000
# Items written to the file at once: one pickle each, read back whole.
CHUNK = 4_096


class Spool(Sequence[T], Generic[T]):
    """Items in the order added; the first ``keep`` in memory, the rest in a temporary file.

    ``encode`` turns an item into a picklable tuple and ``decode`` turns it back into an equal
    item; both must be module-level functions so that a spool can be pickled (it is pickled with
    all its items, and unpickled into a new spool with a temporary file of its own).
    """

    def __init__(
        self,
        encode: Callable[[T], tuple[Any, ...]],
        decode: Callable[[tuple[Any, ...]], T],
        items: Iterable[T] = (),
        *,
        keep: int = KEEP,
        chunk: int | None = None,
    ) -> None:
        self._encode = encode
        self._decode = decode
        self._keep = keep
        self._chunk = max(CHUNK if chunk is None else chunk, 1)
        self._head: list[T] = []  # the first `keep` items
        self._tail: list[T] = []  # items after the head not written yet
        self._chunks: list[tuple[int, int]] = []  # (offset, size) of each pickle in the file
        self._spilled = 0  # items in the file
        self._file: IO[bytes] | None = None
        self._end = 0  # bytes written to the file
        self._broken = False  # the file could not be written: keep everything in memory
        self.extend(items)

    # -- adding -----------------------------------------------------------------------------

    def append(self, item: T) -> None:
        if len(self._head) < self._keep:
            self._head.append(item)
            return
        self._tail.append(item)
        if len(self._tail) >= self._chunk and not self._broken:
            self._flush()

    def extend(self, items: Iterable[T]) -> None:
        room = self._keep - len(self._head)
        if room > 0:
            batch = items if isinstance(items, list) else list(items)
            if len(batch) <= room:
                self._head.extend(batch)
                return
            self._head.extend(batch[:room])
            items = batch[room:]
        self._tail.extend(items)
        if len(self._tail) >= self._chunk and not self._broken:
            self._flush()

    def _flush(self) -> None:
        encode = self._encode
        data = pickle.dumps([encode(item) for item in self._tail], pickle.HIGHEST_PROTOCOL)
        try:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="listlint-")  # noqa: SIM115
            self._file.seek(self._end)
            self._file.write(data)
            self._file.flush()
        except OSError:
            self._broken = True  # the tail just grows in memory from now on
            return
        self._chunks.append((self._end, len(data)))
        self._end += len(data)
        self._spilled += len(self._tail)
        self._tail = []

    # -- reading ----------------------------------------------------------------------------

    @property
    def spilled(self) -> int:
        """How many items are in the temporary file rather than in memory."""
        return self._spilled

    def __len__(self) -> int:
        return len(self._head) + self._spilled + len(self._tail)

    def __iter__(self) -> Iterator[T]:
        yield from self._head
        decode = self._decode
        for offset, size in list(self._chunks):
            for row in pickle.loads(self._read(offset, size)):
                yield decode(row)
        yield from self._tail

    def _read(self, offset: int, size: int) -> bytes:
        # Each chunk is read whole before any of it is yielded, so iterators never interleave
        # between a seek and its read.
        assert self._file is not None
        self._file.seek(offset)
        data = self._file.read(size)
        if len(data) != size:
            raise OSError(f"listlint's temporary file lost data ({len(data)} of {size} bytes)")
        return data

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("spool index out of range")
        if index < len(self._head):
            return self._head[index]
        return next(islice(self, index, None))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (Spool, list, tuple)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"<Spool of {len(self)} items, {self._spilled} in a temporary file>"

    def close(self) -> None:
        """Delete the temporary file; the spool must not be read afterwards."""
        if self._file is not None:
            self._file.close()

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._encode, self._decode, list(self), self._keep, self._chunk))


def _rebuild(
    encode: Callable[[T], tuple[Any, ...]],
    decode: Callable[[tuple[Any, ...]], T],
    items: list[T],
    keep: int,
    chunk: int,
) -> Spool[T]:
    # Spilled again beyond `keep`: a run's result sent from a worker process stays compact.
    return Spool(encode, decode, items, keep=keep, chunk=chunk)


# -- findings and records -------------------------------------------------------------------

_SEVERITIES = {severity.value: severity for severity in Severity}


def encode_finding(f: Finding) -> tuple[Any, ...]:
    return (
        f.code,
        f.name,
        f.severity.value,
        f.listing_id,
        f.field,
        f.message,
        f.fix,
        f.source.path,
        f.source.line,
        f.variant_id,
    )


def decode_finding(row: tuple[Any, ...]) -> Finding:
    code, name, severity, listing_id, field, message, fix, path, line, variant_id = row
    return Finding(
        code,
        name,
        _SEVERITIES[severity],
        listing_id,
        field,
        message,
        fix,
        SourceLocation(path, line),
        variant_id,
    )


def encode_record(r: ListingRef) -> tuple[Any, ...]:
    return (r.id, r.title, r.source.path, r.source.line, r.images)


def decode_record(row: tuple[Any, ...]) -> ListingRef:
    listing_id, title, path, line, images = row
    return ListingRef(listing_id, title, SourceLocation(path, line), images)


def finding_spool(items: Iterable[Finding] = (), *, keep: int | None = None) -> Spool[Finding]:
    """A spool of findings, e.g. a run's; ``keep`` defaults to :data:`KEEP`."""
    return Spool(encode_finding, decode_finding, items, keep=KEEP if keep is None else keep)


def record_spool(items: Iterable[ListingRef] = (), *, keep: int | None = None) -> Spool[ListingRef]:
    """A spool of the records a run read; ``keep`` defaults to :data:`KEEP`."""
    return Spool(encode_record, decode_record, items, keep=KEEP if keep is None else keep)
