"""Output formats: one module per format, each with ``render(report, out, *, color)``.

``RENDERERS`` maps a format name to its renderer so the command line never branches on formats.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import TextIO

from listlint.reports import (
    github,
    gitlab,
    html_format,
    json_format,
    junit,
    markdown_format,
    sarif,
    text,
)
from listlint.reports.report import Report

Renderer = Callable[[Report, TextIO, bool], None]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "html": html_format.render,
    "markdown": markdown_format.render,
}

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
    return found if found in RENDERERS else default


__all__ = ["FORMAT_SUFFIXES", "RENDERERS", "Renderer", "Report", "format_for_path"]
