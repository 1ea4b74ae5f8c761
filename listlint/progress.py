"""A one-line progress display on stderr, for runs that a person watches at a terminal.

It counts listings (and images), and is a bar with the percentage done and the time left when
the size of the input is known (files, not standard input): the bytes of the files read so far
against their total size.

It shows only when stderr is a terminal: a CI log, a pipe or a file gets nothing, and stdout
never does, so ``listlint check ... --format json > run.json`` stays valid JSON. The line is
redrawn in place with a carriage return, at most every ``interval`` seconds, and erased before
the report or any message is printed.
"""

from __future__ import annotations

import io
import os
import time
from typing import TextIO

# Seconds between two redraws: smooth enough for a person, cheap for a fast run.
INTERVAL = 0.1
# Characters of the bar, and the seconds of a run before the time left is guessed at.
BAR_WIDTH = 24
ETA_AFTER = 2.0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class Progress:
    """Draws "listlint: N listings, M images" on ``stream``; :meth:`clear` erases it.

    Once :meth:`set_bytes` has told it how much of the input is read out of a known total, the
    line becomes a bar with the percentage done and the time left:
    ``listlint: [#######.................]  28%  280,000 listings, 4:10 left``.
    """

    def __init__(self, stream: TextIO, interval: float = INTERVAL) -> None:
        self.stream = stream
        self.interval = interval
        self._shown = 0  # characters of the line now on screen
        self._last = 0.0  # monotonic time of the last redraw
        self._started = time.monotonic()
        self._done = 0  # bytes of the input read
        self._total: int | None = None  # their total size, None when unknown (stdin)

    @classmethod
    def for_stderr(cls, stream: TextIO, *, enabled: bool = True) -> Progress | None:
        """A Progress on ``stream`` when it is a terminal and ``enabled``, else None."""
        return cls(stream) if enabled and _is_terminal(stream) else None

    def set_bytes(self, done: int, total: int | None) -> None:
        """How many bytes of the input were read, of ``total`` (None: unknown); shown at the
        next :meth:`update`."""
        self._done = done
        self._total = total

    def update(self, listings: int, images: int = 0) -> None:
        """Show the counts so far (redrawn only when ``interval`` has passed)."""
        now = time.monotonic()
        if self._shown and now - self._last < self.interval:
            return
        self._last = now
        text = f"{listings:,} listing{'s' if listings != 1 else ''}"
        if images:
            text += f", {images:,} image{'s' if images != 1 else ''}"
        if self._total:  # a known, non-zero total: a bar
            fraction = min(self._done / self._total, 1.0)
            filled = round(fraction * BAR_WIDTH)
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            text = f"[{bar}] {fraction:4.0%}  {text}"
            elapsed = now - self._started
            if 0 < fraction < 1 and elapsed >= ETA_AFTER:
                text += f", {_duration(elapsed * (1 - fraction) / fraction)} left"
        text = f"listlint: {text}"[: self._width()]
        padding = " " * max(0, self._shown - len(text))  # cover a longer previous line
        self._write(f"\r{text}{padding}")
        self._shown = len(text)

    def _width(self) -> int:
        """The characters a line may have without wrapping (a wrapped line cannot be redrawn)."""
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
            columns = 0
        return max(columns - 1, 20) if columns > 0 else 79  # 0: a terminal that does not say

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


def _duration(seconds: float) -> str:
    """``seconds`` as h:mm:ss, or m:ss under an hour."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
