"""Word lists that checks read from the data files in ``listlint/vocab/``.

Each file is parsed once per process and cached; checks stay pure because they only ever see the
parsed, immutable result.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from listlint import _toml


@cache
def load(name: str) -> Mapping[str, Any]:
    """Return the parsed TOML data file ``listlint/vocab/<name>``."""
    path = resources.files("listlint").joinpath("vocab").joinpath(name)
    data: dict[str, Any] = _toml.loads(path.read_text("utf-8"))
    return data


def strings(value: object) -> tuple[str, ...]:
    """A word list from a data file or a user option: one string or a list of strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(str(item) for item in value if str(item).strip())
    raise TypeError(f"expected a string or a list of strings, not {type(value).__name__}")
