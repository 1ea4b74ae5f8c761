from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

from listlint import _vocab
from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text.quoting import quoted

# A word: letters and digits, joined by apostrophes ("MEN'S"); hyphens and other punctuation split.
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# How many shouted words make a shouting title: one or two are a brand or a model code.
_MIN_WORDS = 3


class TitleAllCaps(Check):
    """A title written entirely in capital letters.

    What it does:
        Looks at the title's words that contain letters with case and fires when there are at
        least three of them and none has a lower-case letter. Digits and punctuation do not
        matter. Words that are written in capitals anyway (IKEA, LEGO, USB, LED, HDMI, TV, XL and
        the other words in ``listlint/vocab/all_caps.toml``, plus the ``allow`` option), words
        with a digit (4K, RTX4090) and single letters are left out, so "ASUS ROG", "LED TV 55
        inch" and "USB-C Cable for MacBook Pro" pass. Titles in scripts without case (Chinese,
        Japanese, Arabic) never fire.

    Why it matters:
        Amazon forbids titles in all capitals and Google Merchant Center flags "excessive
        capitalization". Shouting titles read as spam and are harder to scan in search results.

    Example:
        fails: {"id": "T1", "title": "NIKE AIR MAX 90 RUNNING SHOES"}
        fails: {"id": "T1", "title": "КРОССОВКИ ДЛЯ БЕГА"}
        passes: {"id": "T1", "title": "Nike Air Max 90 Running Shoes"}
        passes: {"id": "T1", "title": "LED TV 55 inch"}

    Fix:
        Write the title in title or sentence case ("Nike Air Max 90 Running Shoes"). Keep capitals
        for acronyms and for brands spelled that way; add those to the ``allow`` option if
        listlint does not know them.
    """

    code = "LL102"
    name = "title-all-caps"
    severity = Severity.WARNING
    # Extra words that are written in capitals (brands, acronyms), added to the built-in list.
    options: ClassVar[Mapping[str, Any]] = {"allow": []}

    # The options last seen and the words they allow: one options mapping serves a whole run.
    _options: Mapping[str, Any] | None = None
    _allowed_words: frozenset[str] = frozenset()

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.options is not self._options:
            self._allowed_words = _allowed(_vocab.strings(ctx.options.get("allow")))
            self._options = ctx.options
        allowed = self._allowed_words
        title = unicodedata.normalize("NFC", listing.title)
        words = 0
        for token in _TOKEN.findall(title):
            if token.isascii() and token.isalpha():
                # The usual word, tested without the per-character loops below: it has case,
                # its letters are all of it, and it has a lower-case letter unless it is upper.
                if len(token) < 2:
                    continue
                upper = token.upper()
                if upper in allowed:
                    continue
                if upper != token:
                    return
                words += 1
                continue
            if not _has_case(token) or _left_out(token, allowed):
                continue
            if _has_lower(token):
                return  # one word in normal case is enough: most titles stop at the first
            words += 1
        if words < _MIN_WORDS:
            return
        suggestion = _TOKEN.sub(lambda m: _recase(m.group(), allowed), title.strip())
        yield self.finding(
            listing,
            f"Title is written in capitals: {quoted(title.strip(), 80)}",
            field="title",
            fix=f"Write the title in normal case, e.g. {quoted(suggestion, 80)}; keep capitals only "
            "for acronyms and brands spelled that way",
        )


@cache
def _builtin() -> frozenset[str]:
    data = _vocab.load("all_caps.toml")
    words = _vocab.strings(data.get("brands")) + _vocab.strings(data.get("acronyms"))
    return frozenset(word.upper() for word in words)


@cache
def _allowed(extra: tuple[str, ...]) -> frozenset[str]:
    tokens = {token.upper() for word in extra for token in _TOKEN.findall(word)}
    return _builtin() | tokens


def _has_case(token: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in token)


def _has_lower(token: str) -> bool:
    # "ß" and similar letters have no single capital form and appear in capitalised German words.
    return any(ch.islower() and len(ch.upper()) == 1 for ch in token)


def _left_out(token: str, allowed: frozenset[str]) -> bool:
    letters = sum(ch.isalpha() for ch in token)
    return letters < 2 or any(ch.isdigit() for ch in token) or token.upper() in allowed


def _recase(token: str, allowed: frozenset[str]) -> str:
    if _left_out(token, allowed) or not _has_case(token):
        return token
    return token.capitalize()
