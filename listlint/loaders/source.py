"""Reading a named input (a file, or ``-`` for standard input) into text, or saying why not."""

from __future__ import annotations

import os
import sys

from listlint._files import device_problem
from listlint.loaders.base import UnusableInput
from listlint.loaders.encoding import Decoded, decode_bytes

STDIN = "-"
STDIN_NAME = "<stdin>"


def display_name(path: str) -> str:
    return STDIN_NAME if path == STDIN else path


def read_text(path: str, forced_encoding: str | None = None) -> Decoded:
    """Read and decode ``path``; raise UnusableInput if there is no usable text in it."""
    name = display_name(path)
    data = _read_stdin() if path == STDIN else _read_file(path)
    # isspace, not strip: strip would copy a big catalog just to see whether it is blank.
    if not data or data.isspace():
        raise UnusableInput(f"{name}: file is empty")
    decoded = decode_bytes(data, name, forced_encoding)
    del data  # the text is all that is needed now; holding the bytes too doubles memory
    if not decoded.text or decoded.text.isspace():
        raise UnusableInput(f"{name}: file is empty")
    return decoded


def _read_file(path: str) -> bytes:
    if os.path.isdir(path):
        raise UnusableInput(f"{path}: is a directory")
    problem = device_problem(path)
    if problem is not None:
        raise UnusableInput(f"{path}: {problem}")
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        raise UnusableInput(f"{path}: no such file or directory") from None
    except PermissionError:
        raise UnusableInput(f"{path}: permission denied") from None
    except OSError as exc:
        raise UnusableInput(f"{path}: cannot read: {exc.strerror or exc}") from None


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # no standard input at all (pythonw, a closed descriptor)
        raise UnusableInput(f"{STDIN_NAME}: no standard input to read")
    try:
        data = stream.read()
    except OSError as exc:
        raise UnusableInput(f"{STDIN_NAME}: cannot read: {exc.strerror or exc}") from None
    return bytes(data)
