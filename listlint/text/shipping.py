"""The shipping times a description states: "ships in 4-6 weeks", "Versand in 2 Werktagen".

A statement is a subject, filler words, a number or a range, and a unit ("delivery time is
usually 3-5 business days", "expédié sous 24h", "entrega en 3 a 5 días hábiles"), a subject
after the time (German: "wird innerhalb von 24 Stunden versendet"), "allow 4 weeks for
delivery", or a next-day promise. The words of English, German, French, Spanish, Italian and
Portuguese are in ``listlint/vocab/shipping.toml``; they are merged, so every description is
read with all of them (a German shop's listing often has an English shipping line).

Times about something else are not statements: the unit must not be followed by a word that
makes it another duration ("10 days of battery life", "30 Tage Rückgaberecht"), and a time
for another option than the standard promise (an upgrade, a region, an alternative: "express
delivery in 1-2 days available", "3 weeks to the islands", "en France métropolitaine") is left
out.

A description is first screened with a set operation: only the places where a subject's first
word stands are tried with the full patterns, which would cost far more run over a whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

from listlint import _vocab
from listlint.text import _trie

# Characters from a statement's first word to its unit, at most.
REACH = 100
# Characters from a unit to a subject that follows it ("24 Stunden versendet"), at most.
_AFTER_REACH = 40
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "hour": 1 / 24, "month": 30.0}
_SENTENCE_END = re.compile(r"[.!?;\n]")
# Every ASCII character that is not a letter a space: bytes.split then gives the words of a
# lower-cased text ("l'envoi" gives "l" and "envoi", "24h" gives "h": a unit).
_ASCII_WORDS = bytes(code if chr(code).isalpha() else ord(" ") for code in range(128)) + bytes(
    range(128, 256)
)
# Non-ASCII marks that stand between words: a typographic apostrophe, quotes, dashes.
_TYPOGRAPHIC_MARKS = (
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u201c",
    "\u201d",
    "\u2013",
    "\u2014",
    "\u00a0",
)


class Said(NamedTuple):
    """One stated shipping time, in days."""

    text: str
    low: float  # as few days as the words allow
    high: float  # as many days as the words allow
    delivery: bool  # a whole delivery time, not only the time until the parcel leaves


@lru_cache(maxsize=4096)
def statements(text: str) -> tuple[Said, ...]:
    """The shipping times ``text`` states about the standard promise, left to right.

    Kept for the last few thousand texts: listings of one product family often share their
    description."""
    return tuple(_statements(text))


def _statements(text: str) -> Iterator[Said]:
    vocabulary = _vocabulary()
    for match in _matches(text, vocabulary):
        if vocabulary.about_an_option(text, match.start(), match.end()):
            continue
        if match.re is vocabulary.next_day:
            yield Said(match[0], 1.0, 1.0, True)
            continue
        low = vocabulary.number(match["low"])
        high = vocabulary.number(match["high"] or match["low"])
        if low is None or high is None or high < low:
            continue
        unit = _UNIT_DAYS[vocabulary.units[match["unit"].lower()]]
        business = bool(match["business"] or match["business_after"]) or (
            match["unit"].lower() in vocabulary.business_units
        )
        # Business days are more calendar days: up to 7 for every 5.
        stretch = 7 / 5 if business and unit == 1.0 else 1.0
        delivery = match.re is vocabulary.allow or bool(match["delivery"])
        yield Said(match[0].strip(), low * unit, high * unit * stretch, delivery)


def _matches(text: str, vocabulary: _Vocabulary) -> Iterator[re.Match[str]]:
    lowered = text.lower()
    if len(lowered) != len(text):  # lower-casing moved the offsets (rare letters): no screen
        for pattern in vocabulary.patterns:
            yield from pattern.finditer(text)
        return
    # The screen: a statement needs a unit and a subject, found among the words of the text
    # (UTF-8 bytes split at ASCII punctuation: set operations in C).
    spaced = lowered
    if not spaced.isascii():
        for mark in _TYPOGRAPHIC_MARKS:
            if mark in spaced:
                spaced = spaced.replace(mark, " ")
    # Only the words the screen looks for are kept: a set of every word costs twice as much.
    words = vocabulary.screened.intersection(spaced.encode().translate(_ASCII_WORDS).split())
    units = vocabulary.unit_words.intersection(words)
    if not units and vocabulary.next_day_anchors.isdisjoint(words):
        return
    if (
        vocabulary.anchors.keys().isdisjoint(words)
        and vocabulary.after_anchors.isdisjoint(words)
        and vocabulary.next_day_anchors.isdisjoint(words)
    ):
        return
    # Where a number of units stands ("30 days", "zwei Wochen", "48h"): a subject is tried
    # only shortly before one (or, for a subject that follows the time, shortly after).
    found: dict[int, re.Match[str]] = {}
    places = [
        at
        for unit in units
        for at in _word_starts(lowered, unit.decode(), after_digit=True)
        if vocabulary.counted(lowered, at)
    ]
    for anchor in vocabulary.next_day_anchors.intersection(words):  # no number: "next-day"
        for at in _word_starts(lowered, anchor.decode()):
            match = vocabulary.next_day.match(text, at)
            if match is not None:
                found[at] = match
    # A place once: "day" and "days" both find "3 days" (the second visit would find the same).
    for place in sorted(set(places)):
        begin = max(0, place - REACH)
        near = set(spaced[begin:place].encode().translate(_ASCII_WORDS).split())
        for anchor in vocabulary.anchors.keys() & near:
            for at in _word_starts(lowered, anchor.decode(), begin, place):
                if at in found:
                    continue
                for pattern in vocabulary.anchors[anchor]:
                    match = pattern.match(text, at)
                    if match is not None:
                        found[at] = match
                        break
        after = spaced[place : place + _AFTER_REACH].encode().translate(_ASCII_WORDS).split()
        for anchor in vocabulary.after_anchors.intersection(after):
            word = anchor.decode()
            for at in _word_starts(lowered, word, place, place + _AFTER_REACH):
                end = at + len(word)
                for match in vocabulary.after_pattern.finditer(text, begin, end):
                    if match.end() == end:
                        found.setdefault(match.start(), match)
                        break
    done = 0
    for at in sorted(found):
        if at >= done:  # overlapping statements: the first one
            done = found[at].end()
            yield found[at]


def _word_starts(
    lowered: str, word: str, start: int = 0, end: int | None = None, *, after_digit: bool = False
) -> Iterator[int]:
    """Where ``word`` starts a word in ``lowered`` (in start..end); with ``after_digit``, also
    right after a digit (a unit: "24h")."""
    stop = (len(lowered) if end is None else end) + len(word)
    at = lowered.find(word, start, stop)
    while at != -1:
        before = lowered[at - 1] if at else " "
        if not (before.isalpha() if after_digit else before.isalnum()):
            yield at
        at = lowered.find(word, at + 1, stop)


@dataclass(frozen=True)
class _Vocabulary:
    forward: tuple[re.Pattern[str], ...]  # tried where a subject's first word starts
    allow: re.Pattern[str]
    next_day: re.Pattern[str]
    after_pattern: re.Pattern[str]  # searched before a subject that follows the time
    option_before: re.Pattern[str]
    option_after: re.Pattern[str]
    # The first word of a subject (UTF-8) -> the patterns to try where it stands.
    anchors: Mapping[bytes, tuple[re.Pattern[str], ...]]
    after_anchors: frozenset[bytes]  # first words of the subjects that follow the time
    next_day_anchors: frozenset[bytes]  # first words of the next-day phrases
    unit_words: frozenset[bytes]
    screened: frozenset[bytes]  # all of the above: the words of a text the screen looks at
    unit_qualifiers: frozenset[str]  # words between a number and its unit ("business")
    numbers: Mapping[str, int]
    units: Mapping[str, str]  # unit word -> day, week, hour or month
    business_units: frozenset[str]

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return (*self.forward, self.after_pattern)

    def counted(self, lowered: str, at: int) -> bool:
        """Whether the unit at ``at`` follows a number: "3 days", "zwei Wochen", "3 business
        days", "4-6 weeks"."""
        before = lowered[max(0, at - 24) : at].split()
        if before and before[-1] in self.unit_qualifiers:
            before.pop()
        if not before:
            return False
        last = before[-1]
        return last[-1].isdigit() or last in self.numbers

    def number(self, text: str | None) -> float | None:
        if text is None:
            return None
        word = self.numbers.get(text.lower())
        if word is not None:
            return float(word)
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return None

    def about_an_option(self, text: str, start: int, end: int) -> bool:
        """Whether the sentence around text[start:end] makes it about an upgrade, a region or
        an alternative ("express delivery in 1-2 days", "ships in 3 weeks for custom sizes")."""
        before = text[max(0, start - 40) : start]
        ends = list(_SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end() :]
        after = text[end : end + 60]
        stop = _SENTENCE_END.search(after)
        if stop:
            after = after[: stop.start()]
        return bool(self.option_before.search(before) or self.option_after.search(after))


@cache
def _vocabulary() -> _Vocabulary:
    data = _vocab.load("shipping.toml")
    words: dict[str, list[str]] = {}
    numbers: dict[str, int] = {}
    units: dict[str, str] = {}
    for table in data.values():
        for key, value in table.items():
            if key == "numbers":
                numbers.update({word.lower(): int(n) for word, n in value.items()})
            elif key == "units":
                units.update({word.lower(): str(unit) for word, unit in value.items()})
            else:
                words.setdefault(key, []).extend(word.lower() for word in _vocab.strings(value))
    number = rf"(?:\d+(?:[.,]\d+)?|{_alternation(numbers)}(?!\w))"
    span = (
        rf"(?P<low>{number})"
        rf"(?:(?:\s*[-\u2013\u2014/]\s*|\s+{_alternation(words['range'])}\s+)(?P<high>{number}))?"
    )
    unit = (
        rf"(?P<business>{_alternation(words['business'])}\s+)?"
        rf"(?:{_alternation(words['qualifiers'])}\s+)?"
        rf"(?P<unit>{_alternation(units)})(?!\w)(?!-)"
        rf"(?P<business_after>\s+{_alternation(words['business-after'])}(?!\w))?"
        rf"(?!\s+{_alternation(words['not-after'])}(?!\w))"
    )
    filler = rf"(?:[\s:=\u2013-]+{_alternation(words['filler'])}(?!\w))*[\s:=\u2013-]*"
    subject = (
        rf"(?:(?P<dispatch>{_alternation(words['dispatch'])})"
        rf"|(?P<delivery>{_alternation(words['delivery'])}))(?!\w)"
    )
    flags = re.IGNORECASE
    statement = re.compile(rf"{subject}{filler}{span}\s*{unit}", flags)
    allow = re.compile(
        rf"(?:{_alternation(words['allow'])})\s+{span}\s*{unit}\s+"
        rf"{_alternation(words['allow-for'])}(?!\w)",
        flags,
    )
    next_day = re.compile(rf"{_alternation(words['next-day'])}(?!\w)", flags)
    after_subject = (
        rf"(?:(?P<dispatch>{_alternation(words['dispatch-after'])})"
        rf"|(?P<delivery>{_alternation(words['delivery-after'])}))(?!\w)"
    )
    after = re.compile(rf"(?<![\w.,]){span}\s*{unit}[\s,]+{after_subject}", flags)
    region = (
        rf"^\s*,?\s*{_alternation(words['region'])}\s+"
        rf"(?!{_alternation(words['not-region'])}(?!\w))"
        rf"(?:(?-i:[A-ZÀ-ÖØ-Þ])|{_alternation(words['region-words'])}(?!\w))"
    )
    anchors: dict[bytes, tuple[re.Pattern[str], ...]] = {}
    for key, pattern in (("dispatch", statement), ("delivery", statement), ("allow", allow)):
        for phrase in words[key]:
            first = _first_word(phrase)
            if pattern not in anchors.get(first, ()):
                anchors[first] = (*anchors.get(first, ()), pattern)
    after_anchors = frozenset(
        _first_word(phrase) for key in ("dispatch-after", "delivery-after") for phrase in words[key]
    )
    next_day_anchors = frozenset(_first_word(phrase) for phrase in words["next-day"])
    unit_words = frozenset(_first_word(unit) for unit in units)
    return _Vocabulary(
        forward=(statement, allow, next_day),
        allow=allow,
        next_day=next_day,
        after_pattern=after,
        option_before=re.compile(rf"(?<!\w){_alternation(words['option-before'])}(?!\w)", flags),
        option_after=re.compile(
            rf"(?<!\w){_alternation(words['option-after'])}(?!\w)|{region}", flags
        ),
        anchors=anchors,
        after_anchors=after_anchors,
        next_day_anchors=next_day_anchors,
        unit_words=unit_words,
        screened=unit_words.union(anchors, after_anchors, next_day_anchors),
        unit_qualifiers=frozenset((*words["business"], *words["qualifiers"])),
        numbers=numbers,
        units=units,
        business_units=frozenset(words.get("business-units", ())),
    )


def _first_word(phrase: str) -> bytes:
    """The first word of ``phrase`` as the screen splits a text ("next-day ..." -> b"next")."""
    return phrase.encode().translate(_ASCII_WORDS).split()[0]


def _alternation(words: Iterable[str] | Mapping[str, Any]) -> str:
    """A group matching any of ``words``: a trie (see listlint/text/_trie.py), so that trying
    it at a position costs a few character tests, not one per word. A space or a hyphen in a
    word matches blanks and hyphens, an apostrophe also a typographic one."""
    unique = {word for word in words if word.strip()}
    unique |= {word.replace("'", "\u2019") for word in unique if "'" in word}
    return f"(?:{_trie.pattern(unique, _trie.PLAIN_SEPARATOR)})" if unique else "(?!)"
