from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from typing import Any, ClassVar, overload

from listlint import _vocab
from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text.html import strip_html
from listlint.text.placeholders import lorem_ipsum
from listlint.text.quoting import quoted

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

    # The options last seen and what they give: a run has one options mapping per profile, and
    # reading it again for every listing was a good part of this check's cost.
    _options: Mapping[str, Any] | None = None
    _parsed: tuple[frozenset[str], _Matcher, _Matcher] | None = None

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        allow, title_matcher, description_matcher = self._parse(ctx.options)
        title = strip_html(listing.title)
        found = _placeholder(title, title_matcher, allow)
        if found is not None:
            yield self.finding(
                listing,
                f"Title {found}",
                field="title",
                fix="Write the real title; keep the listing unpublished until it exists",
            )
        description = strip_html(listing.description) if listing.description else ""
        if description:
            found = _placeholder(description, description_matcher, allow)
            if found is not None:
                yield self.finding(
                    listing,
                    f"Description {found}",
                    field="description",
                    fix="Write the real description: what the product is, its material, size "
                    "and use",
                )

    def _parse(self, options: Mapping[str, Any]) -> tuple[frozenset[str], _Matcher, _Matcher]:
        """The allowed entries and the title and description matchers ``options`` give."""
        if options is not self._options or self._parsed is None:
            extra = _vocab.strings(options.get("extra-phrases"))
            allow = frozenset(_fold(entry) for entry in _vocab.strings(options.get("allow")))
            matchers = _matcher("title", extra, allow), _matcher("description", extra, allow)
            self._options, self._parsed = options, (allow, *matchers)
        return self._parsed


def _placeholder(text: str, matcher: _Matcher, allow: frozenset[str]) -> str | None:
    """How ``text`` is placeholder text ("is placeholder text: 'N/A'"), or None."""
    stripped = text.strip()
    if not stripped:
        return None
    if len(stripped) <= _WHOLE_MAX and len(stripped.split()) <= _whole_words():
        key = _fold(stripped)
        for candidate in (key, key.rstrip(".!:;").strip()):
            if candidate in _whole() and candidate not in allow:
                return f"is placeholder text: {quoted(stripped, _QUOTE_MAX)}"
    phrase = matcher.search(text)
    if phrase is not None:
        return f"contains placeholder text: {quoted(phrase, _QUOTE_MAX)}"
    filler = lorem_ipsum(text)
    if filler is not None and "lorem ipsum" not in allow:
        return f"is lorem ipsum filler text: {quoted(filler, _QUOTE_MAX)}"
    return None


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
    its word boundaries (per-phrase lookarounds make a regex ~30x slower), one for CJK.

    That regex is tried at every position of the text, which made it most of this check's
    cost, and almost no text has a phrase. So a :class:`_Screen` turns down first, in a
    fraction of the time, the texts where it cannot match; only the others are searched.
    """

    def __init__(self, entries: list[str], patterns: list[str]) -> None:
        spaced_entries = [e for e in entries if not _CJK.search(e)]
        spaced = [_regex(e) for e in spaced_entries] + patterns
        cjk = [_regex(e) for e in entries if _CJK.search(e)]
        # Longest first, so "product description goes here" wins over "description goes here".
        spaced.sort(key=len, reverse=True)
        self.spaced = re.compile(f"(?<![\\w-])(?:{'|'.join(spaced)})(?![\\w-])") if spaced else None
        self.cjk = re.compile("|".join(cjk)) if cjk else None
        # The characters a CJK phrase starts with: a text with none of them (every Latin text,
        # in a few substring tests) is not searched, which would cost as much as the rest.
        self.cjk_starts = tuple({ch for e in entries if _CJK.search(e) for ch in _starts(e)})
        self.screen = _Screen.of(spaced_entries, patterns) if spaced else None

    def search(self, text: str) -> str | None:
        """The first phrase in ``text``, as written there."""
        if text.isascii():  # most texts: no CJK phrase to look for, and a faster screen
            if self.spaced is None or (self.screen is not None and not self.screen.ascii(text)):
                return None
            match = self.spaced.search(text.lower())  # lower() keeps an ASCII text's length
            return None if match is None else text[match.start() : match.end()]
        lowered = text.lower()
        source = text if len(lowered) == len(text) else lowered
        if self.spaced is not None and (self.screen is None or self.screen.other(lowered)):
            match = self.spaced.search(lowered)
            if match is not None:
                return source[match.start() : match.end()]
        if (
            self.cjk is not None
            and any(ch in lowered for ch in self.cjk_starts)
            and (match := self.cjk.search(lowered)) is not None
        ):
            return source[match.start() : match.end()]
        return None


class _Screen:
    """Whether a text may hold a phrase of [phrases] or [title-words]: a necessary condition,
    checked far faster than the exact regex, which runs only when this says yes.

    A phrase starts after a character that is not a letter, digit, "_" or "-" (or at the
    start). The exact regex tests that lookbehind at every position of the text; the screen
    instead consumes that character first, so the regex engine jumps from one candidate
    character to the next in C, and tries only the phrases whose first character follows it
    (the phrases are grouped by first character).

    - :meth:`ascii` (ASCII texts, most of them): the text lower-cased with every character that
      ends a word made a space (one ``bytes.translate``), so the candidates are just the spaces,
      a literal the engine finds fastest. Phrases get the same mapping ("n/a" reads "n a").
    - :meth:`other` (the rest): a lower-cased Latin-1 text (French, German, Spanish...) the same
      way, with the phrases' Latin-1 letters; any other text as the exact regex reads it, the
      candidates being the Latin-1 characters that end a word and any character above U+00FF
      (a superset of the ones that end a word there, which is all a necessary condition needs).

    Built only when the regex ``patterns`` of the data file are simple enough to be reasoned
    about (letters, digits, letter or digit classes, repetition); otherwise :meth:`of` gives
    None and every text is searched.
    """

    def __init__(
        self,
        ascii_screen: re.Pattern[str],
        latin1_screen: re.Pattern[str],
        other_screen: re.Pattern[str],
    ) -> None:
        self._ascii = ascii_screen
        self._latin1 = latin1_screen
        self._other = other_screen

    @classmethod
    def of(cls, entries: list[str], patterns: list[str]) -> _Screen | None:
        if not all(_SIMPLE_PATTERN.fullmatch(pattern) for pattern in patterns):
            return None
        # A simple pattern only matches word characters, which every screen leaves as they are.
        other_alternatives = [_pieces(e) for e in entries] + [[pattern] for pattern in patterns]
        ends = "".join(map(re.escape, _WORD_ENDS))
        return cls(
            _narrow_screen(entries, patterns, 128),
            _narrow_screen(entries, patterns, 256),
            re.compile(f"[{ends}\\u0100-\\U0010ffff](?:{_grouped(other_alternatives)})(?![\\w-])"),
        )

    def ascii(self, text: str) -> bool:
        """Whether the ASCII ``text`` may hold a phrase."""
        spaced = (" " + text).encode("ascii").translate(_NARROW_SCREEN).decode("ascii")
        return self._ascii.search(spaced) is not None

    def other(self, lowered: str) -> bool:
        """Whether ``lowered`` (a lower-cased text, not all ASCII) may hold a phrase."""
        try:
            narrow = (" " + lowered).encode("latin-1")
        except UnicodeEncodeError:
            return self._other.search(" " + lowered) is not None
        spaced = narrow.translate(_NARROW_SCREEN).decode("latin-1")
        return self._latin1.search(spaced) is not None


def _narrow_screen(entries: list[str], patterns: list[str], below: int) -> re.Pattern[str]:
    """The screen regex for texts of characters below ``below`` (128: ASCII, 256: Latin-1),
    lower-cased, every character that ends a word a space (see :data:`_NARROW_SCREEN`)."""
    alternatives = [pieces for e in entries if (pieces := _pieces(e, below=below)) is not None]
    alternatives += [[pattern] for pattern in patterns]
    if not alternatives:
        return re.compile("(?!)")
    return re.compile(f" (?:{_grouped(alternatives)})(?![\\w-])")


def _is_word_end(ch: str) -> bool:
    """Whether ``ch`` is a character a phrase may follow: what ``(?<![\\w-])`` accepts."""
    return _WORD_OR_HYPHEN.match(ch) is None


_WORD_OR_HYPHEN = re.compile(r"[\w-]")
# The Latin-1 characters that end a word (the rest of Unicode is left to the range above).
_WORD_ENDS = "".join(chr(code) for code in range(256) if _is_word_end(chr(code)))
# A Latin-1 text as a screen reads it: every character that ends a word a space, ASCII letters
# lower-cased (the Latin-1 screen is given lower-cased texts, so the others already are).
_NARROW_SCREEN = bytes(
    ord(" ") if _is_word_end(chr(code)) else ord(chr(code).lower()) if code < 128 else code
    for code in range(256)
)
# A pattern of letters, digits, classes of them and repetition: it matches word characters
# only, so a screen can read it as it is.
_SIMPLE_PATTERN = re.compile(
    r"(?:[a-z0-9]|\[(?:[a-z](?:-[a-z])?|[0-9](?:-[0-9])?)+\]|[*+?]|\{[0-9]+(?:,[0-9]*)?\})+"
)


def _grouped(alternatives: list[list[str]]) -> str:
    """The alternation of regexes given as pieces, those with the same first piece grouped:
    "t(?:his...|itle...)", so that the engine tries one group per position, not each phrase.
    (Order does not matter to a screen: it only asks whether any alternative matches.)"""
    groups: dict[str, list[str]] = {}
    for pieces in alternatives:
        groups.setdefault(pieces[0], []).append("".join(pieces[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


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


def _alternatives(ch: str) -> list[str]:
    """The characters a phrase's (lower-case) ``ch`` matches: itself and its bare form."""
    bare = _fold(ch)
    return [ch, *bare] if bare and bare != ch else [ch]


def _starts(entry: str) -> list[str]:
    """The characters a match of the phrase's regex (:func:`_regex`) starts with."""
    first = entry.strip().lower()[:1]
    return _alternatives(first) if first else [""]  # "" is in every text


def _regex(entry: str) -> str:
    """A phrase as a lower-case regex: spaces match spaces and hyphens, accented letters also
    their bare form ("sin título" matches "sin titulo")."""
    return "".join(_pieces(entry))


@overload
def _pieces(entry: str) -> list[str]: ...
@overload
def _pieces(entry: str, *, below: int) -> list[str] | None: ...
def _pieces(entry: str, *, below: int = 0) -> list[str] | None:
    """The regex of a phrase (see :func:`_regex`) in pieces: a separator, one character, or a
    class for an accented letter and its bare form.

    With ``below``, the regex for a screen's text of characters below it (see
    :func:`_narrow_screen`: lower-cased, what ends a word made a space): a class keeps its
    characters below ``below``, a character that ends a word is a space; None when no such
    text can hold the phrase (it needs a letter beyond them).
    """
    parts: list[str] = []
    for ch in entry.strip().lower():
        if ch.isspace():
            if not parts or parts[-1] != _SEPARATOR:
                parts.append(_SEPARATOR)
            continue
        chars = _alternatives(ch)
        if not below:
            parts.append(
                re.escape(ch) if len(chars) == 1 else f"[{''.join(map(re.escape, chars))}]"
            )
            continue
        kept = list(dict.fromkeys(" " if _is_word_end(c) else c for c in chars if ord(c) < below))
        if not kept:
            return None
        parts.append(re.escape(kept[0]) if len(kept) == 1 else f"[{''.join(map(re.escape, kept))}]")
    return parts
