"""Output formats: one module per format, each with ``render(report, out, *, color)``.

``RENDERERS`` maps a format name to its renderer so the command line never branches on formats.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import PurePath
from typing import TextIO

from listlint.reports.report import Report

Renderer = Callable[[Report, TextIO, bool], None]

# Format name -> the module that renders it. Modules load on first use: the HTML report's
# templates and thumbnails (Jinja, Pillow) cost a tenth of a second a text run need not pay.
_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "html": "html_format",
    "markdown": "markdown_format",
}


# The formats that list every listing, with findings or not: the run must keep its records.
LISTING_FORMATS = frozenset({"json", "junit", "html", "markdown"})


class _Renderers(Mapping[str, Renderer]):
    def __getitem__(self, name: str) -> Renderer:
        module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
        render: Renderer = module.render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


RENDERERS: Mapping[str, Renderer] = _Renderers()

# The format an output file's suffix implies when --format is not given.
FORMAT_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".json": "json",
    ".sarif": "sarif",
    ".xml": "junit",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
}


def format_for_path(path: str | None, default: str = "text") -> str:
    """The format ``-o PATH`` implies by its suffix ("run.sarif" -> sarif), else ``default``."""
    if path is None:
        return default
    name = PurePath(path).name.lower()
    if name.endswith(".sarif.json"):
        return "sarif"
    found = FORMAT_SUFFIXES.get(PurePath(name).suffix)
    return found if found is not None and found in RENDERERS else default


__all__ = [
    "FORMAT_SUFFIXES",
    "LISTING_FORMATS",
    "RENDERERS",
    "Renderer",
    "Report",
    "format_for_path",
]
