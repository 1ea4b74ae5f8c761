"""Cutting a catalog into the parts a cluster lints apart: whole files, or byte ranges of lines.

A big JSON Lines file is cut into byte ranges of about ``size`` bytes, each starting at the start
of a line and knowing that line's number, so that a worker reads only its range yet reports the
file's real path and line numbers. Every other file is a whole file (its records may span lines:
CSV quotes, Shopify variant rows, JSON arrays, YAML, XML); small whole files are batched
together, in order, until a batch holds about ``size`` bytes.

A file is cut only when cutting cannot change what is read: it is JSON Lines by its suffix (or
``--input-format jsonl``), ``--encoding``, if given, is UTF-8, its first ``_HEAD`` bytes are
judged as the whole file's encoding check would judge them (UTF-8, no binary data, nothing to
replace), and every byte is UTF-8 and no NUL: the pass that counts lines checks that. Each
worker then decodes its range strictly, and so reads the very lines one process would.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Sequence
from dataclasses import dataclass

from listlint.loaders import LoadOptions, UnusableInput, check_encoding
from listlint.loaders.encoding import decode_bytes
from listlint.loaders.formats import suffix_of

DEFAULT_PARTITION_SIZE = 16 * 1024 * 1024
# The bytes the client reads of a file before cutting it: the encoding check of a whole file
# samples its first 20,000 characters, which fit in 80 kB of UTF-8.
_HEAD = 256 * 1024
_SAMPLE_CHARS = 20_000
_LINE_SUFFIXES = (".jsonl", ".ndjson")
_READ = 8 * 1024 * 1024


@dataclass(frozen=True)
class Files:
    """Whole catalog files, linted one after the other by one worker."""

    paths: tuple[str, ...]

    def __str__(self) -> str:
        return ", ".join(self.paths)


@dataclass(frozen=True)
class Lines:
    """Bytes ``start`` to ``end`` of the JSON Lines file ``path``: whole lines, the first of
    them line ``first_line``. ``encoding`` is what reading the whole file reports (utf-8, or
    utf-8-sig when it starts with a byte order mark)."""

    path: str
    start: int
    end: int
    first_line: int
    encoding: str

    def __str__(self) -> str:
        return f"{self.path} (bytes {self.start}-{self.end})"


Part = Files | Lines


def partition(
    files: Sequence[str],
    size: int = DEFAULT_PARTITION_SIZE,
    *,
    options: LoadOptions | None = None,
    encoding: str | None = None,
) -> list[Part]:
    """The parts of ``files``, in reading order."""
    options = options or LoadOptions()
    parts: list[Part] = []
    batch: list[str] = []
    batched = 0
    for path in files:
        try:
            nbytes = os.path.getsize(path)
        except OSError:
            nbytes = 0  # the worker reports what is wrong with it
        name = _cuttable(path, options, encoding) if nbytes > size else None
        ranges = _ranges(path, nbytes, size, name) if name is not None else None
        if ranges is not None:
            if batch:
                parts.append(Files(tuple(batch)))
            parts.extend(ranges)
            batch, batched = [], 0
            continue
        batch.append(path)
        batched += nbytes
        if batched >= size:
            parts.append(Files(tuple(batch)))
            batch, batched = [], 0
    if batch:
        parts.append(Files(tuple(batch)))
    return parts


def _cuttable(path: str, options: LoadOptions, encoding: str | None) -> str | None:
    """The encoding name reading ``path`` whole reports, when its start allows cutting it."""
    kind = options.input_format
    if kind != "jsonl" and not (kind == "auto" and suffix_of(path) in _LINE_SUFFIXES):
        return None
    try:
        if encoding is not None and check_encoding(encoding) != "utf-8":
            return None
        with open(path, "rb") as file:
            head = file.read(_HEAD + 1)
    except (OSError, ValueError):
        return None
    if len(head) > _HEAD:  # decode whole lines only: a cut character would look damaged
        head = head[: head.rfind(b"\n", 0, _HEAD) + 1]
    try:
        decoded = decode_bytes(head, path, encoding)
    except (UnusableInput, ValueError):
        return None
    if decoded.replaced or decoded.encoding not in ("utf-8", "utf-8-sig"):
        return None
    if len(decoded.text) < _SAMPLE_CHARS or decoded.text.isspace():
        return None  # a first line too long to judge the file by, or nothing in the head
    return decoded.encoding


def _ranges(path: str, total: int, size: int, encoding: str) -> list[Lines] | None:
    """Cut ``path`` at the first line start after every ``size`` bytes, counting lines on the
    way; None when a byte further on is a NUL or not UTF-8 (then the file is read whole)."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    parts: list[Lines] = []
    start, line = 0, 1
    try:
        with open(path, "rb") as file:
            while start < total:
                end = start + size
                if end >= total:
                    end = total
                else:
                    file.seek(end - 1)
                    end += len(file.readline()) - 1  # to just after the next newline
                file.seek(start)
                first, left = line, end - start
                while left > 0:
                    chunk = file.read(min(_READ, left))
                    if not chunk or b"\0" in chunk:
                        return None
                    decoder.decode(chunk)
                    line += chunk.count(b"\n")
                    left -= len(chunk)
                parts.append(Lines(path, start, end, first, encoding))
                start = end
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return None
    return parts
