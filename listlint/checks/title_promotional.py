from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from typing import Any, ClassVar

from listlint import _vocab
from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text._lexicon import matches_ascii as _matches_ascii

# Scripts written without spaces between words: their phrases match anywhere.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
# A letter; a phrase that starts (ends) with a letter must not follow (precede) one.
_LETTER = r"[^\W\d_]"
# What a space in a phrase matches: spaces, hyphens and dashes ("free-shipping").
_SEPARATOR_CHARS = r"\s\-_\u2010-\u2015"
_SEPARATOR = f"[{_SEPARATOR_CHARS}]+"
_SEPARATORS = re.compile(_SEPARATOR)
# Phrase languages whose phrases also match with a plural "s" ("best sellers").
_PLURAL_S = frozenset({"en"})


class TitlePromotional(Check):
    """A title that contains promotional text such as "free shipping" or "best seller".

    What it does:
        Looks for the phrases of ``listlint/vocab/promotional.toml`` in the title: the ones
        Google's Shoptimizer removes and Amazon forbids, in English, Spanish, French, German,
        Portuguese, Italian, Russian, Chinese and Japanese ("free shipping", "best seller", "hot
        sale", "cheap", "100% guaranteed", "sale!", "envío gratis", "kostenloser Versand",
        "包邮"...). Matching ignores case and accents and respects word boundaries, so
        "Wholesale" is not "sale" and "Sugar Free" or "Gluten-free" never fire; words that are
        promotional only in context ("new", "sale" or "free" alone) are not on the list. A
        phrase that is part of the listing's brand (brand "Cheap Monday") is not reported.
        Options: ``extra-phrases`` adds phrases, ``allow`` removes phrases.

    Why it matters:
        Google Merchant Center and Amazon do not allow promotional text in titles and may reject
        or suppress the offer. Buyers see price and shipping in their own fields anyway.

    Example:
        fails: {"id": "T1", "title": "Wireless Earbuds - FREE SHIPPING Best Seller"}
        fails: {"id": "T1", "title": "Bluetooth Speaker 包邮 热卖"}
        passes: {"id": "T1", "title": "Wireless Earbuds with Charging Case"}
        passes: {"id": "T1", "title": "Sugar Free Gummy Bears, Gluten-free"}
        passes: {"id": "T1", "title": "Cheap Monday Skinny Jeans", "brand": "Cheap Monday"}

    Fix:
        Remove the promotional words from the title. Put the offer in ``sale_price`` and the
        shipping terms in ``shipping``; marketplaces show those in their own places.
    """

    code = "LL103"
    name = "title-promotional"
    severity = Severity.WARNING
    # extra-phrases: phrases to report as well; allow: built-in phrases not to report.
    options: ClassVar[Mapping[str, Any]] = {"extra-phrases": [], "allow": []}

    # The options last seen and what they give: a run has one options mapping per profile, and
    # parsing it for every listing cost as much as the search itself.
    _options: Mapping[str, Any] | None = None
    _parsed: tuple[frozenset[str], _Matcher] | None = None

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        allow, matcher = self._parse(ctx.options)
        phrases = matcher.find(listing.title)
        if not phrases:
            return  # most titles: the brand need not be read
        # "Cheap Monday" is a brand, not an offer: phrases inside the brand are not promotion.
        brand_phrases = frozenset().union(
            *(
                _brand_keys(matcher, brand)
                for brand in (listing.brand, *listing.attributes.get("brand", ()))
            )
        )
        found: dict[str, str] = {}
        for phrase in phrases:
            key = _key(phrase)
            if key not in allow and key not in brand_phrases:
                found.setdefault(key, phrase)
        if not found:
            return
        quoted = ", ".join(repr(text) for text in found.values())
        plural = "s" if len(found) > 1 else ""
        yield self.finding(
            listing,
            f"Title contains the promotional phrase{plural} {quoted}",
            field="title",
            fix=f"Remove {quoted} from the title; state offers with sale_price and shipping "
            "terms with shipping",
        )

    def _parse(self, options: Mapping[str, Any]) -> tuple[frozenset[str], _Matcher]:
        """The allowed phrase keys and the matcher ``options`` give (kept for the same object)."""
        if options is not self._options or self._parsed is None:
            allow = _keys(_vocab.strings(options.get("allow")))
            matcher = _matcher(_vocab.strings(options.get("extra-phrases")), allow)
            self._options, self._parsed = options, (allow, matcher)
        return self._parsed


def _normalize(text: str) -> str:
    """NFKC (full-width and ligature forms become plain letters), apostrophes unified."""
    if text.isascii():  # ASCII is its own NFKC form and has no U+2019
        return text
    return unicodedata.normalize("NFKC", text).replace("\u2019", "'")


def _fold(text: str) -> str:
    """``text`` without accents, one character for one, so match positions stay valid."""
    if text.isascii():  # no accents to remove
        return text
    return "".join(_unaccented(ch) for ch in text)


@cache
def _unaccented(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        return decomposed[0]
    return ch


@cache
def _keys(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_key(phrase) for phrase in phrases)


def _key(phrase: str) -> str:
    """A phrase reduced for comparison: no case, accents, hyphens or extra spaces."""
    bare = _fold(_normalize(phrase)).casefold()
    return re.sub(r"\s*!+", "!", _SEPARATORS.sub(" ", bare)).strip()


@cache
def _builtin() -> tuple[tuple[str, bool], ...]:
    """Every built-in phrase with whether it also matches a plural "s"."""
    data = _vocab.load("promotional.toml")
    return tuple(
        (phrase, language in _PLURAL_S)
        for language, phrases in data.items()
        for phrase in _vocab.strings(phrases)
    )


class _Matcher:
    """Finds phrases in a text: those of spaced scripts at word boundaries, CJK ones anywhere."""

    def __init__(self, phrases: Iterable[tuple[str, bool]]) -> None:
        spaced: list[tuple[str, bool]] = []
        cjk: list[tuple[str, bool]] = []
        for phrase, plural in phrases:
            (cjk if _CJK.search(phrase) else spaced).append((phrase, plural))
        self.spaced = _Phrases.of(spaced)
        self.cjk = _Phrases.of(cjk)

    def find(self, text: str) -> list[str]:
        """The phrases in ``text`` as written there, left to right, without overlaps."""
        original = _normalize(text)
        folded = _fold(original)
        spans: list[tuple[int, int]] = []
        # CJK phrases hold CJK characters; ASCII text (most titles) has none to look for.
        cjk_text = not folded.isascii()
        if self.spaced is not None:
            # A CJK character next to a Latin phrase is a word boundary ("包邮free shipping").
            spaced_text = _CJK.sub(" ", folded) if cjk_text else folded
            spans += self.spaced.spans(spaced_text)
        if self.cjk is not None and cjk_text:
            spans += self.cjk.spans(folded)
        phrases: list[str] = []
        end = -1
        for start, stop in sorted(spans, key=lambda span: (span[0], -span[1])):
            if start >= end:
                phrases.append(original[start:stop].strip())
                end = stop
        return phrases


@lru_cache(maxsize=4096)  # a catalog has few brands, each on many listings
def _brand_keys(matcher: _Matcher, brand: str) -> frozenset[str]:
    return frozenset(_key(phrase) for phrase in matcher.find(brand)) if brand else frozenset()


@cache
def _matcher(extra: tuple[str, ...], allow: frozenset[str]) -> _Matcher:
    phrases: dict[str, tuple[str, bool]] = {}
    for raw, plural in (*_builtin(), *((p, False) for p in extra)):
        phrase = _fold(_normalize(raw)).strip()
        key = _key(phrase)
        if phrase and key not in allow:
            phrases.setdefault(key, (phrase, plural))
    return _Matcher(phrases.values())


class _Phrases:
    """Finds phrases as ``finditer`` over the alternation of their regexes would, only faster.

    That alternation, longest phrase first, has some 170 branches, and trying all of them at
    every position of a title was most of this check's cost. Yet a phrase can start only at a
    few positions (a word start, mostly), and only the branches whose first character matches
    the character there can match. So ``_starts`` finds those positions, and at each one just
    those branches are tried, in the same order: same spans, a fraction of the work.
    """

    def __init__(self, phrases: list[tuple[str, bool]]) -> None:
        ordered = sorted(phrases, key=lambda item: len(item[0]), reverse=True)
        self._branches = [_regex_parts(phrase, plural) for phrase, plural in ordered]
        # Compiled like the branches (same flags), so they agree on what matches a character.
        self._firsts = [re.compile(f"[{_first_chars(p[0])}]", re.IGNORECASE) for p, _ in ordered]
        by_boundary: dict[str, dict[str, None]] = {}  # boundary -> first characters, in order
        for (boundary, _), (phrase, _) in zip(self._branches, ordered, strict=True):
            by_boundary.setdefault(boundary, {})[_first_chars(phrase[0])] = None
        # Every position where some branch may start: its boundary holds and its first character.
        self._starts = re.compile(
            "|".join(f"{boundary}[{''.join(chars)}]" for boundary, chars in by_boundary.items()),
            re.IGNORECASE,
        )
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._ascii_words = _ascii_key_words(ordered)

    @classmethod
    def of(cls, phrases: list[tuple[str, bool]]) -> _Phrases | None:
        return cls(phrases) if phrases else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of each phrase in ``text``, left to right, without overlaps."""
        found: list[tuple[int, int]] = []
        if (
            self._ascii_words is not None
            and text.isascii()
            and self._ascii_words.isdisjoint(_LETTER_RUN.findall(text.lower()))
        ):
            return found  # most titles: no phrase has its key word in them
        end = 0
        for start in self._starts.finditer(text):
            position = start.start()
            if position < end:
                continue
            branches = self._branches_for(text[position])
            match = branches.match(text, position) if branches is not None else None
            if match is not None:
                found.append(match.span())
                end = match.end()
        return found

    def _branches_for(self, ch: str) -> re.Pattern[str] | None:
        """The alternation of the branches that may start with ``ch``, in their order."""
        if ch not in self._by_char:
            chosen = [
                branch
                for branch, first in zip(self._branches, self._firsts, strict=True)
                if first.fullmatch(ch)
            ]
            # Branches in a row with the same boundary test it once: "B(?:x|y)" is "Bx|By" for
            # a zero-width B, and lets the regex compiler merge a common first letter.
            pattern = "|".join(
                f"{before}(?:{'|'.join(rest for _, rest in run)})"
                for before, run in itertools.groupby(chosen, key=lambda branch: branch[0])
            )
            if pattern and pattern not in self._compiled:
                self._compiled[pattern] = re.compile(pattern, re.IGNORECASE)
            self._by_char[ch] = self._compiled[pattern] if pattern else None
        return self._by_char[ch]


# A run of letters in lower-case ASCII text, as the key words of _ascii_key_words are cut.
_LETTER_RUN = re.compile("[a-z]+")


def _ascii_key_words(phrases: list[tuple[str, bool]]) -> frozenset[str] | None:
    """Words of which an ASCII text must hold one (a whole run of letters, in lower case) for
    any of ``phrases`` to match in it; None if some phrase could match without one.

    A phrase's letters match letters, and its boundaries and inner characters (separators,
    digits, "!", "%") only non-letters, so each run of letters in a phrase matches a whole run
    of letters of the text: its longest run is its key word, plus an "s" where the phrase
    takes a plural "s" after that run. A phrase that cannot match an ASCII text at all (it has
    a character that no ASCII character matches, even ignoring case) needs none.
    """
    words: set[str] = set()
    for phrase, plural in phrases:
        if not phrase.isascii():
            if all(_matches_ascii(ch) for ch in phrase if not ch.isascii()):
                return None  # a long s, a dotless i or the Kelvin sign: let the regexes decide
            continue  # "envío gratis" holds an í, which no ASCII character matches
        runs = _LETTER_RUN.findall(phrase.lower())
        if not runs:
            return None  # no letters ("100%"): nothing to look for
        longest = max(range(len(runs)), key=lambda index: len(runs[index]))
        words.add(runs[longest])
        if plural and longest == len(runs) - 1 and phrase[-1].isalpha():
            words.add(runs[longest] + "s")  # "best sellers"
    return frozenset(words)


def _first_chars(ch: str) -> str:
    """A character class body for what the regex of a phrase starting with ``ch`` starts with."""
    if ch.isspace() or _SEPARATORS.fullmatch(ch):
        return _SEPARATOR_CHARS
    if ch == "!":
        return r"\s!"
    return re.escape(ch)


def _regex_parts(phrase: str, plural: bool) -> tuple[str, str]:
    """The regex of ``phrase`` in two parts: the boundary before it, and the rest."""
    parts: list[str] = []
    for ch in phrase:
        if ch.isspace() or _SEPARATORS.fullmatch(ch):
            if not parts or parts[-1] != _SEPARATOR:
                parts.append(_SEPARATOR)
        elif ch == "!":
            parts.append(r"\s*!")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    first, last = phrase[0], phrase[-1]
    if plural and last.isascii() and last.isalpha():
        body += "s?"
    return _boundary(first, before=True), f"{body}{_boundary(last, before=False)}"


def _boundary(ch: str, *, before: bool) -> str:
    """What must not be next to a phrase that starts or ends with ``ch``."""
    if _CJK.match(ch):
        return ""
    if ch.isalpha():
        return f"(?<!{_LETTER})" if before else f"(?!{_LETTER})"
    if ch.isdigit():
        return r"(?<!\d)" if before else r"(?!\d)"
    return ""
