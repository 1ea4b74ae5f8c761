"""Quoting a listing's text in a message: its repr, cut after ``limit`` characters with "…"."""

from __future__ import annotations


def quoted(text: str, limit: int) -> str:
    """``'Linen Shirt'``, or ``'Linen Shirt in …'`` when ``text`` is longer than ``limit``."""
    return repr(text if len(text) <= limit else text[:limit] + "…")
