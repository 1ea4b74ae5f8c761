"""Output formats: one module per format, each with ``render(report, out, *, color)``.

``RENDERERS`` maps a format name to its renderer so the command line never branches on formats.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from listlint.reports import json_format, text
from listlint.reports.report import Report

Renderer = Callable[[Report, TextIO, bool], None]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
}

__all__ = ["RENDERERS", "Renderer", "Report"]
