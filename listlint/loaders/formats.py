"""Which format a catalog file is in: by its suffix, else by its content."""

from __future__ import annotations

import json
import os

_BY_SUFFIX = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".yaml": "yaml",
    ".yml": "yaml",
}
SUPPORTED_SUFFIXES = tuple(_BY_SUFFIX)


def suffix_of(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def format_for(path: str, text: str) -> str:
    """Return "json", "jsonl", "csv", "tsv" or "yaml" for the file at ``path`` holding ``text``."""
    return _BY_SUFFIX.get(suffix_of(path)) or sniff(text)


def sniff(text: str) -> str:
    """Guess the format of a file without a known suffix: JSON, JSON Lines, else CSV."""
    start = text.lstrip()[:1]
    if start == "[":
        return "json"  # no CSV header starts with "["; a broken array is best reported as JSON
    if start == "{":
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            pass
        else:
            return "json"
    return "jsonl" if looks_like_json_lines(text) else "csv"


def looks_like_json_lines(text: str, *, at_least: int = 1) -> bool:
    """True when every non-blank line starts with "{" and there are ``at_least`` of them."""
    count = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("{"):
            return False
        count += 1
    return count >= at_least
