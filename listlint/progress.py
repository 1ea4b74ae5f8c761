"""A one-line progress display on stderr, for runs that a person watches at a terminal.

It shows only when stderr is a terminal: a CI log, a pipe or a file gets nothing, and stdout
never does, so ``listlint check ... --format json > run.json`` stays valid JSON. The line is
redrawn in place with a carriage return, at most every ``interval`` seconds, and erased before
the report or any message is printed.
"""

from __future__ import annotations

import time
from typing import TextIO

# Seconds between two redraws: smooth enough for a person, cheap for a fast run.
INTERVAL = 0.1


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class Progress:
    """Draws "listlint: N listings, M images" on ``stream``; :meth:`clear` erases it."""

    def __init__(self, stream: TextIO, interval: float = INTERVAL) -> None:
        self.stream = stream
        self.interval = interval
        self._shown = 0  # characters of the line now on screen
        self._last = 0.0  # monotonic time of the last redraw

    @classmethod
    def for_stderr(cls, stream: TextIO, *, enabled: bool = True) -> Progress | None:
        """A Progress on ``stream`` when it is a terminal and ``enabled``, else None."""
        return cls(stream) if enabled and _is_terminal(stream) else None

    def update(self, listings: int, images: int = 0) -> None:
        """Show the counts so far (redrawn only when ``interval`` has passed)."""
        now = time.monotonic()
        if self._shown and now - self._last < self.interval:
            return
        self._last = now
        text = f"listlint: {listings:,} listing{'s' if listings != 1 else ''}"
        if images:
            text += f", {images:,} image{'s' if images != 1 else ''}"
        padding = " " * max(0, self._shown - len(text))  # cover a longer previous line
        self._write(f"\r{text}{padding}")
        self._shown = len(text)

    def clear(self) -> None:
        """Erase the line, so that what is printed next starts at the line's beginning."""
        if self._shown:
            self._write("\r" + " " * self._shown + "\r")
            self._shown = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed terminal must not fail the run
            pass
