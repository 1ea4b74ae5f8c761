"""Where an image reference points: a local file we may read, a URL we may fetch, or neither.

A listing is untrusted input. Its image paths are read relative to the catalog file, and only
inside the catalog's folder (or the image roots the configuration names): ``../../etc/passwd``
or ``/home/me/.ssh/id_rsa`` is reported, never opened. Only http and https URLs are fetched.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

_FETCHED_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Local:
    path: Path  # resolved, inside an allowed root


@dataclass(frozen=True)
class Remote:
    url: str


@dataclass(frozen=True)
class Refused:
    reason: str


Source = Local | Remote | Refused


class Resolver:
    """Where image references may be read from; make one per run, each folder is resolved once.

    ``roots`` are extra folders images may live in (config ``image-roots``); the catalog's own
    folder is always allowed. Strings and ``os.path.realpath`` rather than ``Path.resolve``: a
    warm run resolves every photo of the catalog, and pathlib's objects cost several times the
    system calls.
    """

    def __init__(self, roots: Sequence[Path] = ()) -> None:
        self._roots = [str(root) for root in roots]
        self._allowed: dict[str, tuple[str, ...]] = {}
        self._real_folders: dict[str, str] = {}

    def __call__(self, reference: str, catalog: str) -> Source:
        """Where ``reference``, written in the catalog file ``catalog``, may be read from.
        Standard input's listings (catalog "-") resolve against the working directory."""
        text = reference.strip()
        if not text:
            return Refused("the image reference is empty")
        if ":" in text:  # a URL has a scheme; most references are plain paths
            parts = urlsplit(text)
            scheme = parts.scheme.lower()
            if scheme in _FETCHED_SCHEMES:
                if not parts.netloc:
                    return Refused(f"{text!r} is not a complete URL")
                return Remote(text)
            if len(scheme) > 1:  # "C:\\photo.jpg" has a one-letter scheme and is a path
                return Refused(f"{scheme}: URLs are not fetched (use a path or an http(s) URL)")
        if "\x00" in text:
            return Refused("the path contains a NUL character")
        folder = (os.path.dirname(catalog) or ".") if catalog and catalog != "-" else os.getcwd()
        try:
            # strict=False: a missing file still resolves, and is reported as missing, not refused.
            resolved = self._real_path(os.path.join(folder, text))
            allowed = self._allowed_for(folder)
        except (OSError, ValueError) as exc:  # a name the OS rejects
            return Refused(f"the path cannot be resolved ({exc})")
        if not any(resolved == root or resolved.startswith(_as_folder(root)) for root in allowed):
            return Refused(
                f"{text!r} is outside the catalog's folder; listlint does not read it "
                "(name the folder in the config's image-roots to allow it)"
            )
        return Local(Path(resolved))

    def _real_path(self, path: str) -> str:
        # A catalog's photos share a few folders: resolve each folder once, then only ask
        # whether the file itself is a link (one system call, not one per path component).
        folder, name = os.path.split(path)
        if name in ("", ".", ".."):
            return os.path.realpath(path)
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = os.path.realpath(folder)
        resolved = os.path.join(real_folder, name)
        return os.path.realpath(resolved) if os.path.islink(resolved) else resolved

    def _allowed_for(self, folder: str) -> tuple[str, ...]:
        allowed = self._allowed.get(folder)
        if allowed is None:
            allowed = tuple(os.path.realpath(path) for path in [folder, *self._roots])
            self._allowed[folder] = allowed
        return allowed


def _as_folder(path: str) -> str:
    return path if path.endswith(os.sep) else path + os.sep
