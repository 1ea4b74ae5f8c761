"""Large JSON Lines files, read a piece at a time instead of whole.

:func:`listlint.loaders.load` reads a file into one string before parsing it, so that encoding
detection sees all of it: a 1.5 GB catalog would take 1.5 to 6 GB as text. A JSON Lines file of
at least :data:`STREAM_MIN_BYTES` that is plain UTF-8 (no BOM, no NUL byte, every byte valid, not
blank, not binary-looking at its start) reads the same line by line, so it is streamed instead:
one pass checks exactly those conditions, a second parses :data:`BLOCK` bytes of whole lines at a
time. Anything else (another encoding, damaged UTF-8, a BOM, standard input) goes the usual way,
which is what the conditions guarantee: the same listings, problems and line numbers either way.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator

from listlint.loaders import LoadOptions, _contained
from listlint.loaders.base import Loaded, UnusableInput
from listlint.loaders.encoding import _SCORE_SAMPLE, decode_bytes
from listlint.loaders.formats import suffix_of
from listlint.loaders.jsonlines import load_json_lines
from listlint.loaders.source import STDIN

# Smaller files are read whole, as before: no second pass, and nothing to gain.
STREAM_MIN_BYTES = 8 * 1024 * 1024
# Bytes parsed at a time (whole lines: a longer line is read whole).
BLOCK = 1024 * 1024
# Bytes read at a time by the checking pass.
_CHECK_BLOCK = 1024 * 1024
_BOM_STARTS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")


def load_streamed(
    path: str,
    *,
    encoding: str | None = None,
    on_encoding: Callable[[str, str], None] | None = None,
    options: LoadOptions | None = None,
    on_read: Callable[[int], None] | None = None,
) -> Iterator[Loaded] | None:
    """The items of the JSON Lines file at ``path``, streamed; None when it is not one to stream
    (then :func:`listlint.loaders.load` reads it). ``on_read(n)`` learns each time ``n`` more
    bytes of the file were parsed."""
    options = options or LoadOptions()
    if path == STDIN or encoding is not None:
        return None
    if options.input_format == "auto":
        if suffix_of(path) not in _JSON_LINES_SUFFIXES:
            return None
        how = "detected"
    elif options.input_format == "jsonl":
        how = "--input-format"
    else:
        return None
    try:
        if not os.path.isfile(path) or os.path.getsize(path) < STREAM_MIN_BYTES:
            return None
        if not _plain_utf8(path):
            return None
    except OSError:
        return None  # the usual way says what is wrong with the file
    if on_encoding is not None:
        on_encoding(path, "utf-8")
    if options.on_format is not None:
        options.on_format(path, f"jsonl ({how})")
    return _contained(_items(path, on_read or (lambda size: None)), path)


def _plain_utf8(path: str) -> bool:
    """True when ``path`` is UTF-8 text that :func:`~listlint.loaders.load` would read as such,
    with nothing replaced and nothing to refuse."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    blank = True
    with open(path, "rb") as file:
        first = file.read(_CHECK_BLOCK)
        if first.startswith(_BOM_STARTS):
            return False
        at_end = len(first) < _CHECK_BLOCK
        cut = len(first) if at_end else first.rfind(b"\n") + 1 or len(first)
        try:  # the same checks as the whole file gets: NUL bytes, controls at the start
            head = decode_bytes(first[:cut], path)
        except UnusableInput:
            return False
        if head.encoding != "utf-8" or head.replaced:
            return False
        if len(head.text) < _SCORE_SAMPLE and not at_end:  # the sample must be the same
            return False
        block = first
        while block:
            if b"\0" in block:
                return False
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError:
                return False
            blank = blank and (not text or text.isspace())
            block = file.read(_CHECK_BLOCK)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return not blank


def _items(path: str, on_read: Callable[[int], None]) -> Iterator[Loaded]:
    line = 1
    rest = b""
    with open(path, "rb") as file:
        while block := file.read(BLOCK):
            data = rest + block if rest else block
            end = data.rfind(b"\n")
            if end < 0:  # a line longer than a block
                rest = data
                continue
            rest = data[end + 1 :]
            whole = data[: end + 1]
            # Without its last newline: the text's lines are then exactly the block's lines.
            yield from load_json_lines(whole[:-1].decode("utf-8"), path, line)
            line += whole.count(b"\n")
            on_read(len(whole))
        if rest:
            yield from load_json_lines(rest.decode("utf-8"), path, line)
            on_read(len(rest))
