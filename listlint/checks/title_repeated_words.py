from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from listlint import _vocab
from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing

# A word: letters and digits, with hyphens and apostrophes inside ("T-Shirt", "Men's").
_TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
# Amazon: the same word at most twice in a title.
_MAX_USES = 2


class TitleRepeatedWords(Check):
    """A title that repeats a word: twice in a row, or three times or more.

    What it does:
        Compares the title's words case-insensitively and fires when a word follows itself
        ("Cotton Cotton Shirt") or appears three or more times anywhere in the title. Numbers,
        words of one or two letters, stop words in several languages ("and", "for", "with",
        "für", "pour", "para"...) and units ("inch", "pack") are left out, and so are names that
        are one word said twice ("Bora Bora", "Mahi Mahi", "Baden-Baden", "Pom Pom"), listed in
        ``listlint/vocab/repeated_words.toml``. The ``allow`` option adds words (never reported)
        or two-word names ("Tuk Tuk").

    Why it matters:
        Amazon allows a word at most twice in a title, and every marketplace treats repeated
        keywords as search spam that can demote the listing. A word twice in a row is usually a
        copy-paste slip that buyers notice.

    Example:
        fails: {"id": "T1", "title": "Cotton Cotton Crew Neck Shirt"}
        fails: {"id": "T1", "title": "Phone Case for Phone 15, Phone 15 Pro, Phone 15 Pro Max"}
        passes: {"id": "T1", "title": "Cotton Crew Neck Shirt, 100% Cotton"}
        passes: {"id": "T1", "title": "Bora Bora Beach Towel, 30 x 60 inch"}

    Fix:
        Delete the repeated word, or keep it at most twice and use the room for other facts
        buyers search for (material, size, colour, model).
    """

    code = "LL104"
    name = "title-repeated-words"
    severity = Severity.WARNING
    # Words that may repeat, or two-word names such as "tuk tuk"; added to the built-in lists.
    options: ClassVar[Mapping[str, Any]] = {"allow": []}

    # The options last seen and the words they give: one options mapping serves a whole run.
    _options: Mapping[str, Any] | None = None
    _parsed_words: _Words | None = None

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.options is not self._options or self._parsed_words is None:
            self._parsed_words = _words(_vocab.strings(ctx.options.get("allow")))
            self._options = ctx.options
        words = self._parsed_words
        title = unicodedata.normalize("NFC", listing.title)
        if _nothing_repeats(title, words.names):
            return
        tokens = _tokens(title, words.names)
        counted = [t for t in tokens if not words.ignores(t.key)]
        counts = Counter(t.key for t in counted)
        in_a_row: dict[str, str] = {}
        for first, second in itertools.pairwise(tokens):
            if first.key == second.key and not words.ignores(first.key):
                in_a_row.setdefault(first.key, title[first.start : second.end])
        reported: set[str] = set()
        for token in counted:
            key = token.key
            if key in reported:
                continue
            if counts[key] > _MAX_USES:
                reported.add(key)
                yield self.finding(
                    listing,
                    f"Title uses {token.text!r} {counts[key]} times; marketplaces allow a word "
                    f"at most {_MAX_USES} times",
                    field="title",
                    fix=f"Use {token.text!r} at most twice; name other facts buyers search for "
                    "instead",
                )
            elif key in in_a_row:
                reported.add(key)
                yield self.finding(
                    listing,
                    f"Title repeats {token.text!r} twice in a row: {in_a_row[key]!r}",
                    field="title",
                    fix=f"Delete the second {token.text!r}",
                )


@dataclass(frozen=True)
class _Token:
    text: str
    key: str
    start: int
    end: int


@dataclass(frozen=True)
class _Words:
    ignored: frozenset[str]
    names: frozenset[str]

    def ignores(self, key: str) -> bool:
        letters = sum(ch.isalpha() for ch in key)
        return letters < 3 or any(ch.isdigit() for ch in key) or key in self.ignored


def _key(text: str) -> str:
    return text.casefold().replace("\u2019", "'")


def _name_key(text: str) -> str:
    return " ".join(_key(text).replace("-", " ").split())


@cache
def _builtin() -> _Words:
    data = _vocab.load("repeated_words.toml")
    stop_words = [w for words in data.get("stop-words", {}).values() for w in _vocab.strings(words)]
    ignored = {_key(w) for w in (*stop_words, *_vocab.strings(data.get("units")))}
    names = {_name_key(n) for n in _vocab.strings(data.get("reduplications"))}
    return _Words(frozenset(ignored), frozenset(names))


@cache
def _words(allow: tuple[str, ...]) -> _Words:
    builtin = _builtin()
    names = {_name_key(a) for a in allow if len(_name_key(a).split()) > 1}
    ignored = {_key(a.strip()) for a in allow if len(_name_key(a).split()) == 1}
    return _Words(builtin.ignored | ignored, builtin.names | names)


def _nothing_repeats(title: str, names: frozenset[str]) -> bool:
    """True when no two words of ``title`` are the same and no two in a row make a name.

    Then :func:`_tokens` joins nothing and every key is different, so nothing can be reported:
    the usual title is passed without the bookkeeping below.
    """
    if title.isascii():  # ASCII casefolds letter for letter, so the words' keys are these
        keys = _TOKEN.findall(title.lower())
    else:
        keys = [_key(word) for word in _TOKEN.findall(title)]
    # The pairs are joined and looked up at C speed: this runs for every title.
    return len(set(keys)) == len(keys) and names.isdisjoint(map(" ".join, itertools.pairwise(keys)))


def _tokens(title: str, names: frozenset[str]) -> list[_Token]:
    """The title's words, with a name said twice ("Bora Bora") joined into one token."""
    found = [_Token(m.group(), _key(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(title)]
    tokens: list[_Token] = []
    index = 0
    while index < len(found):
        token = found[index]
        if index + 1 < len(found) and f"{token.key} {found[index + 1].key}" in names:
            following = found[index + 1]
            text = title[token.start : following.end]
            token = _Token(text, _name_key(text), token.start, following.end)
            index += 1
        tokens.append(token)
        index += 1
    return tokens
