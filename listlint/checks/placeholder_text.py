from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from typing import Any, ClassVar

from listlint import _vocab
from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text.html import strip_html
from listlint.text.placeholders import lorem_ipsum

_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SEPARATOR = r"[\s\-]+"
# A [whole] entry is short; longer texts are not compared with them.
_WHOLE_MAX = 40
_QUOTE_MAX = 60


class PlaceholderText(Check):
    """A title or description that is still placeholder text ("Lorem ipsum", "TBD", "N/A").

    What it does:
        Looks in the title and the description (HTML stripped) for the entries of
        ``listlint/vocab/placeholders.toml``, in English, French, German, Spanish, Portuguese,
        Italian, Dutch, Russian, Chinese and Japanese, ignoring case and accents, at word
        boundaries. Three scopes keep real copy out: phrases that are placeholders anywhere
        ("lorem ipsum", "description goes here", "Blindtext", rows of "xxx", "asdf"); words
        that are placeholders in a title but may be real in a description ("TBD", "N/A",
        "test product", "do not buy": "Batteries: N/A" is a fine description line); and values
        that are placeholders only as the whole field ("N/A", "null", "Test", "-"). Lorem ipsum
        filler is also recognised without the words "lorem ipsum" ("Pellentesque habitant
        morbi tristique..."). Attribute values are not checked. Options: ``extra-phrases``
        (reported anywhere) and ``allow`` (built-in entries not to report).

    Why it matters:
        Placeholder copy tells buyers the listing is unfinished, and marketplaces reject or
        demote listings with placeholder titles and descriptions. It usually means a template
        was published before the copywriting was done.

    Example:
        fails: {"id": "T1", "title": "Linen Shirt", "description": "Lorem ipsum dolor sit amet, consectetur adipiscing elit."}
        fails: {"id": "T1", "title": "Summer Dress TBD"}
        fails: {"id": "T1", "title": "Linen Shirt", "description": "N/A"}
        fails: {"id": "T1", "title": "Hoodie", "description": "Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac turpis egestas."}
        passes: {"id": "T1", "title": "Smoke Detector", "description": "Batteries: N/A (mains powered). Release date: TBD for the wireless model."}
        passes: {"id": "T1", "title": "XXL Beach Towel, 3XL Hoodie", "description": "Sizes XS to XXX-Large."}

    Fix:
        Write the real title or description. Until the copy exists, keep the listing
        unpublished rather than publishing the template.
    """

    code = "LL107"
    name = "placeholder-text"
    severity = Severity.ERROR
    # extra-phrases: more placeholders to report anywhere; allow: built-in entries not to report.
    options: ClassVar[Mapping[str, Any]] = {"extra-phrases": [], "allow": []}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        extra = _vocab.strings(ctx.options.get("extra-phrases"))
        allow = frozenset(_fold(entry) for entry in _vocab.strings(ctx.options.get("allow")))
        title = strip_html(listing.title)
        found = _placeholder(title, _matcher("title", extra, allow), allow)
        if found is not None:
            yield self.finding(
                listing,
                f"Title {found}",
                field="title",
                fix="Write the real title; keep the listing unpublished until it exists",
            )
        description = strip_html(listing.description) if listing.description else ""
        if description:
            found = _placeholder(description, _matcher("description", extra, allow), allow)
            if found is not None:
                yield self.finding(
                    listing,
                    f"Description {found}",
                    field="description",
                    fix="Write the real description: what the product is, its material, size "
                    "and use",
                )


def _placeholder(text: str, matcher: _Matcher, allow: frozenset[str]) -> str | None:
    """How ``text`` is placeholder text ("is placeholder text: 'N/A'"), or None."""
    stripped = text.strip()
    if not stripped:
        return None
    if len(stripped) <= _WHOLE_MAX and len(stripped.split()) <= _whole_words():
        key = _fold(stripped)
        for candidate in (key, key.rstrip(".!:;").strip()):
            if candidate in _whole() and candidate not in allow:
                return f"is placeholder text: {_quote(stripped)}"
    phrase = matcher.search(text)
    if phrase is not None:
        return f"contains placeholder text: {_quote(phrase)}"
    filler = lorem_ipsum(text)
    if filler is not None and "lorem ipsum" not in allow:
        return f"is lorem ipsum filler text: {_quote(filler)}"
    return None


def _quote(text: str) -> str:
    return repr(text if len(text) <= _QUOTE_MAX else text[:_QUOTE_MAX] + "…")


@lru_cache(maxsize=512)
def _fold(text: str) -> str:
    """Case and accents removed, spaces collapsed: how entries and whole fields compare."""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


@cache
def _entries(scope: str) -> tuple[str, ...]:
    data = _vocab.load("placeholders.toml").get(scope, {})
    return tuple(
        entry for key, value in data.items() if key != "patterns" for entry in _vocab.strings(value)
    )


@cache
def _whole() -> frozenset[str]:
    return frozenset(_fold(entry) for entry in _entries("whole"))


class _Matcher:
    """Finds the phrases of a field in lower-cased text: one regex for spaced scripts, sharing
    its word boundaries (per-phrase lookarounds make a regex ~30x slower), one for CJK."""

    def __init__(self, entries: list[str], patterns: list[str]) -> None:
        spaced = [_regex(e) for e in entries if not _CJK.search(e)] + patterns
        cjk = [_regex(e) for e in entries if _CJK.search(e)]
        # Longest first, so "product description goes here" wins over "description goes here".
        spaced.sort(key=len, reverse=True)
        self.spaced = re.compile(f"(?<![\\w-])(?:{'|'.join(spaced)})(?![\\w-])") if spaced else None
        self.cjk = re.compile("|".join(cjk)) if cjk else None

    def search(self, text: str) -> str | None:
        """The first phrase in ``text``, as written there."""
        lowered = text.lower()
        for pattern in (self.spaced, self.cjk if not text.isascii() else None):
            if pattern is not None and (match := pattern.search(lowered)) is not None:
                source = text if len(lowered) == len(text) else lowered
                return source[match.start() : match.end()]
        return None


@cache
def _whole_words() -> int:
    """The most words a [whole] entry has: longer fields need not be compared."""
    return max((len(entry.split()) for entry in _whole()), default=0)


@lru_cache(maxsize=32)
def _matcher(field: str, extra: tuple[str, ...], allow: frozenset[str]) -> _Matcher:
    """The phrases of ``field``: phrases and patterns, plus title-words in titles."""
    entries = list(_entries("phrases")) + list(extra)
    if field == "title":
        entries += _entries("title-words")
    kept = [entry for entry in dict.fromkeys(entries) if _fold(entry) not in allow]
    patterns = _vocab.strings(_vocab.load("placeholders.toml").get("phrases", {}).get("patterns"))
    return _Matcher(kept, [pattern for pattern in patterns if pattern not in allow])


def _regex(entry: str) -> str:
    """A phrase as a lower-case regex: spaces match spaces and hyphens, accented letters also
    their bare form ("sin título" matches "sin titulo")."""
    parts: list[str] = []
    for ch in entry.strip().lower():
        if ch.isspace():
            if not parts or parts[-1] != _SEPARATOR:
                parts.append(_SEPARATOR)
            continue
        bare = _fold(ch)
        parts.append(
            f"[{re.escape(ch)}{re.escape(bare)}]" if bare and bare != ch else re.escape(ch)
        )
    return "".join(parts)
