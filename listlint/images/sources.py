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


def resolve(reference: str, catalog: str, roots: Sequence[Path] = ()) -> Source:
    """Where ``reference``, written in the catalog file ``catalog``, may be read from.

    ``roots`` are extra folders images may live in (config ``image-roots``); the catalog's own
    folder is always allowed. Standard input's listings resolve against the working directory.
    """
    text = reference.strip()
    if not text:
        return Refused("the image reference is empty")
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
    folder = Path(catalog).parent if catalog and catalog != "-" else Path.cwd()
    candidate = Path(text) if os.path.isabs(text) else folder / text
    try:
        # strict=False: a missing file still resolves, and is reported as missing, not refused.
        resolved = candidate.resolve()
        allowed = [folder.resolve(), *(root.resolve() for root in roots)]
    except (OSError, RuntimeError) as exc:  # a symlink loop, a name the OS rejects
        return Refused(f"the path cannot be resolved ({exc})")
    if not any(resolved.is_relative_to(root) for root in allowed):
        return Refused(
            f"{text!r} is outside the catalog's folder; listlint does not read it "
            "(name the folder in the config's image-roots to allow it)"
        )
    return Local(resolved)
