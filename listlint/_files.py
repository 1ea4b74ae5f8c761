"""What may be read as a file: a catalog, a baseline, a config or a saved run.

A character or block device (/dev/zero, /dev/urandom) never ends, so reading it would fill the
memory; it is refused by name. A pipe given by name is read (``<(gunzip -c catalog.jsonl.gz)``
is one), but a folder's pipes, devices and sockets are no catalog files and are skipped.
"""

from __future__ import annotations

import os
import stat


def device_problem(path: str) -> str | None:
    """ "is a device, not a file" when ``path`` is a character or block device, else None (also
    when it cannot be looked at: opening it says why)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    return None


def is_regular_file(path: str) -> bool:
    """Whether ``path`` is a regular file (symbolic links followed)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
