"""``--format markdown``: the HTML report's content for a pull-request comment or job summary.

GitHub caps a job summary (and a comment) at 1 MiB, so the report keeps under
:data:`MAX_BYTES`: when the full text is larger, it shows the worst listings that fit and says
how many it left out. Every value a template prints goes through :func:`escape`, so listing text
cannot add markdown, HTML, links or mentions.
"""

from __future__ import annotations

import string
from typing import Any, TextIO

from listlint.reports import view
from listlint.reports.report import Report
from listlint.reports.templating import environment

TEMPLATE = "report.md.j2"
MAX_BYTES = 1024 * 1024 - 1024  # GitHub's 1 MiB, with room for a line the workflow adds
TITLE_CHARS = 200  # longer titles are clipped: the file and line lead to the rest

# Characters that are plain text wherever a template prints a value (values never start a line,
# so "-", "." and friends cannot begin a list, a heading or a rule).
_PLAIN = frozenset(string.ascii_letters + string.digits + " ,;/=%?-.'()\":")
# Control, bidirectional-override and isolate characters: they could hide or reorder text.
_DROP = frozenset(
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"]
    + [chr(0x7F), *map(chr, range(0x80, 0xA0))]
    + [*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]
)
_WORD_JOINER = "\u2060"  # after "@" and "#": no @mention, no #123 reference


def escape(value: object) -> str:
    """``value`` as markdown text that renders literally.

    ASCII punctuation that means something in markdown or HTML becomes a character reference,
    and so do the ":" of "://" and the "." of "www." (no autolinks); line breaks become spaces;
    control and bidi characters are dropped.
    """
    text = str(value)
    out: list[str] = []
    for index, char in enumerate(text):
        if char in _DROP:
            continue
        if char in "\t\n\r":
            out.append(" ")
        elif char == ":" and text.startswith("//", index + 1):
            out.append("&#58;")
        elif char == "." and text[max(index - 3, 0) : index].lower() == "www":
            out.append("&#46;")
        elif char in _PLAIN or ord(char) > 0x9F:
            out.append(char)
        else:
            out.append(f"&#{ord(char)};")
            if char in "@#":
                out.append(_WORD_JOINER)
    return "".join(out)


class Verbatim(str):
    """Text the template itself built from trusted parts: printed as it is."""


def _finalize(value: Any) -> Any:
    if isinstance(value, Verbatim):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return escape(value)


def _clip(text: str, limit: int = TITLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bar(percent: float, width: int = 20) -> Verbatim:
    return Verbatim("█" * round(percent / 100 * width))


def render(report: Report, out: TextIO, color: bool = False, *, limit: int = MAX_BYTES) -> None:
    catalog = view.build(report, thumbnailer=None)  # no photos in a comment
    env = environment(report.template_dir, autoescape=False, finalize=_finalize)
    env.filters["clip"] = _clip
    env.filters["bar"] = _bar
    template = env.get_template(TEMPLATE)
    detailed = [listing for listing in catalog.listings if listing.findings]

    def page(shown: int) -> str:
        text = template.render(
            catalog=catalog, listings=detailed[:shown], omitted=len(detailed) - shown
        )
        return text if text.endswith("\n") else text + "\n"

    text = page(len(detailed))
    if _size(text) > limit:
        low, high = 0, len(detailed) - 1  # the most listings that fit lie in [low, high]
        while low < high:
            middle = (low + high + 1) // 2
            if _size(page(middle)) <= limit:
                low = middle
            else:
                high = middle - 1
        text = page(low)
        if _size(text) > limit:  # even the summary alone is too large: cut it by lines
            text = _cut(text, limit)
    out.write(text)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _cut(text: str, limit: int) -> str:
    note = "\n> The report was cut here to stay under GitHub's 1 MiB limit.\n"
    budget = limit - _size(note)
    kept: list[str] = []
    used = 0
    for line in text.splitlines(keepends=True):
        used += _size(line)
        if used > budget:
            break
        kept.append(line)
    return "".join(kept) + note
