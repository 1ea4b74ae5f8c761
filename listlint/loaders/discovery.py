"""Expanding the paths named on the command line into the catalog files to read."""

from __future__ import annotations

import os
from collections.abc import Sequence

from listlint._files import device_problem, is_regular_file
from listlint.loaders.base import UnusableInput
from listlint.loaders.formats import SUPPORTED_SUFFIXES, suffix_of
from listlint.loaders.source import STDIN

# Directories that hold tooling, not catalogs; hidden ones (.git, .listlint_cache) are skipped too.
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})


def discover(paths: Sequence[str]) -> list[str]:
    """Return the files to read for ``paths``: directories expand recursively to supported files
    (sorted); files named explicitly are kept whatever their suffix; ``-`` stays as it is."""
    found: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            files = [path]
        elif os.path.isdir(path):
            files = _walk(path)
        elif os.path.exists(path):
            problem = device_problem(path)
            if problem is not None:
                raise UnusableInput(f"{path}: {problem}")
            files = [path]
        else:
            raise UnusableInput(f"{path}: no such file or directory")
        for file in files:
            key = file if file == STDIN else os.path.normpath(os.path.abspath(file))
            if key not in seen:  # a file named twice, or also found in a named directory
                seen.add(key)
                found.append(file)
    return found


def _walk(root: str) -> list[str]:
    files: list[str] = []
    for directory, subdirs, names in os.walk(root, onerror=_unreadable):
        subdirs[:] = [d for d in subdirs if not d.startswith(".") and d not in _SKIPPED_DIRS]
        files.extend(
            os.path.join(directory, name)
            for name in names
            if not name.startswith(".")
            and suffix_of(name) in SUPPORTED_SUFFIXES
            # A pipe, device or socket in a folder is no catalog (and a pipe blocks a read).
            and is_regular_file(os.path.join(directory, name))
        )
    return sorted(files)


def _unreadable(error: OSError) -> None:
    # os.walk would otherwise skip an unreadable directory without a word.
    raise UnusableInput(f"{error.filename}: {(error.strerror or 'cannot read').lower()}")
