"""Sizes as sellers write them: letter sizes, numeric sizes with their system, "one size".

:func:`find_sizes` finds the sizes a title or description states ("Hoodie XL", "Size: M",
"EU 42", "Taille unique"); :func:`parse_size_value` reads one size attribute value ("XXL",
"S/M", "42", "EU 42.5", "One Size"). Both give canonical values: letter sizes as "XS".."8XL"
("XXL" is "2XL"), numbers as "42" or "9.5" with their system ("EU 42") when one is named, and
"one size". :func:`sizes_agree` says whether a stated size is among a set of sizes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from listlint import _vocab
from listlint.text import _trie
from listlint.text._lexicon import WORD_CHARS

ONE_SIZE = "one size"
_NUMBER = r"\d{1,2}(?:[.,]5)?(?:\s*½)?"
_RANGE = r"\s*(?:-|\u2013|—|/|\bto\b|\ba\b|\bà\b|\bbis\b|\bal\b)\s*"
# After a number, these make it a measurement ("Size: 4" x 6"", "Size: 55 cm"), not a size.
_NOT_A_SIZE_AFTER = r"(?!\s*(?:[x\u00d7\"”″']|cm\b|mm\b|m\b|in\b|inch|ft\b|kg\b|g\b|l\b|ml\b))"
# Chinese writes a size with a suffix: "XL码" (码, 碼: size; 号: number).
_SIZE_SUFFIXES = "码碼号"
_BLANK: dict[int, str | None] = {ord(ch): " " for ch in "()[]{},;:/|!?\"'" + _SIZE_SUFFIXES}
_BLANK[ord("-")] = None  # "X-Large" -> "xlarge", as the size vocabulary keys are
# The same for ASCII text as a bytes table, and for other text as a regex: str.translate() with a
# dict is slow.
_BYTES_BLANK = bytes(32 if i in _BLANK else i for i in range(256))
_BLANK_CHARS = re.compile(f"[()\\[\\]{{}},;:/|!?\"'{_SIZE_SUFFIXES}]")
_AFTER_ONE_SIZE = frozenset({"up", "down", "smaller", "larger", "bigger", "small", "large", "too"})


@dataclass(frozen=True)
class SizeMatch:
    value: str  # canonical, or "a-b" joined values for a range
    text: str
    start: int
    end: int
    qualifier: str = ""  # "range" for "S-XL", "other" for "model wears size M"


@dataclass(frozen=True)
class _Vocabulary:
    letters: dict[str, str]  # key of an alias -> canonical letter size
    order: dict[str, int]  # canonical letter size -> rank
    one: tuple[str, ...]  # "one size" phrases
    one_keys: frozenset[str]
    standalone: tuple[str, ...]
    systems: tuple[str, ...]
    not_before: frozenset[str]


@cache
def _data() -> _Vocabulary:
    data = _vocab.load("sizes.toml")
    letters: dict[str, str] = {}
    for name, aliases in data["letters"].items():
        letters[_trie.key(name)] = name
        for alias in _vocab.strings(aliases):
            letters[_trie.key(alias)] = name
    one = tuple(w for words in data["one-size"].values() for w in _vocab.strings(words))
    return _Vocabulary(
        letters=letters,
        order={v: i for i, v in enumerate(_vocab.strings(data["order"]))},
        one=one,
        one_keys=frozenset(_trie.key(w) for w in one),
        standalone=_vocab.strings(data["standalone"]),
        systems=_vocab.strings(data["systems"]),
        not_before=frozenset(_trie.key(w) for w in _vocab.strings(data["not-before"])),
    )


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(title pattern, description pattern, attribute value pattern)."""
    data = _data()
    labels = _vocab.strings(_vocab.load("specs.toml")["labels"]["size"])
    letters = _trie.pattern(sorted(data.letters))
    one = _trie.pattern(data.one)
    systems = "|".join(re.escape(s) for s in data.systems)
    label = _trie.pattern(labels)
    b, e = f"(?<![{WORD_CHARS}])", f"(?![{WORD_CHARS}])"
    value = rf"(?:(?i:{one})|(?i:{letters})|{_NUMBER}{_NOT_A_SIZE_AFTER})"
    labelled = (
        rf"{b}(?P<label>(?i:{label}))\b\.?\s*[:\uff1a]?\s*(?:(?P<lsys>{systems})\s*)?"
        rf"(?P<val>{value}){e}(?:{_RANGE}(?P<val2>{value}){e})?"
    )
    system = (
        rf"{b}(?P<sys>{systems})\s?(?P<snum>{_NUMBER})(?![\d.,]*\d)(?!\s*(?:cm|mm|in|m|kg|g)\b)"
        rf"|{b}(?P<snum2>{_NUMBER})\s?(?P<sys2>EU|EUR|UK|US){e}"
    )
    standalone = "|".join(re.escape(s) for s in data.standalone)
    alone = (
        rf"(?<![{WORD_CHARS}\-/.])(?P<std>{standalone})"
        rf"(?:(?=[{_SIZE_SUFFIXES}])|(?![{WORD_CHARS}\-/]))"
    )
    one_alone = rf"{b}(?P<one>(?i:{one})){e}"
    title = re.compile(f"{labelled}|{system}|{alone}|{one_alone}")
    # A description states a size only with a label and its colon: "Size: M".
    described = re.compile(
        rf"{b}(?P<label>(?i:{label}))\s*[:\uff1a]\s*(?:(?P<lsys>{systems})\s*)?(?P<val>{value}){e}"
        rf"(?:{_RANGE}(?P<val2>{value}){e})?"
    )
    attribute = re.compile(
        rf"\s*(?:(?P<sys>{systems})\s*)?(?P<val>{value})\s*(?P<sys2>{systems})?\s*", re.IGNORECASE
    )
    return title, described, attribute


def canonical(text: str, system: str = "") -> str:
    """The canonical form of one size word or number: "xxl" -> "2XL", "42,5" -> "42.5"."""
    data = _data()
    key = _trie.key(text)
    if key in data.letters:
        return data.letters[key]
    if key in data.one_keys:
        return ONE_SIZE
    number = text.replace(",", ".").replace(" ", "").replace("½", ".5")
    if number.endswith(".0"):
        number = number[:-2]
    if number.count(".") > 1:
        number = number.replace(".5.5", ".5")
    system = system.upper()
    system = {"EUR": "EU", "USA": "US"}.get(system, system)
    return f"{system} {number}" if system else number


@cache
def _hints() -> frozenset[str]:
    """Words without which a title states no size (a cheap test before the regex)."""
    data = _data()
    words = [*_vocab.strings(_vocab.load("specs.toml")["labels"]["size"]), *data.systems]
    words += [*data.letters, *(phrase.split()[0] for phrase in data.one)]
    return frozenset(w.lower() for w in words)


def find_sizes(text: str, *, description: bool = False) -> Iterator[SizeMatch]:
    """The sizes ``text`` states; in a description only after a label such as "Size:"."""
    if not description and _hints().isdisjoint(_blanked(text.lower()).split()):
        return
    title_re, described_re, _ = _patterns()
    not_before = _data().not_before
    for m in (described_re if description else title_re).finditer(text):
        groups = m.groupdict()
        qualifier = ""
        if groups.get("val") is not None:
            value = canonical(m.group("val"), groups.get("lsys") or "")
            if _before(text, m.start(), not_before):
                qualifier = "other"
            if m.group("val2") is not None:
                value = f"{value}-{canonical(m.group('val2'), groups.get('lsys') or '')}"
                qualifier = qualifier or "range"
        elif groups.get("snum") is not None:
            value = canonical(m.group("snum"), m.group("sys"))
        elif groups.get("snum2") is not None:
            value = canonical(m.group("snum2"), m.group("sys2"))
        elif groups.get("std") is not None:
            value = canonical(m.group("std"))
        else:
            value = ONE_SIZE
            following = re.match(r"[\s\-]*([^\W\d_]+)", text[m.end() : m.end() + 20])
            if following and following.group(1).lower() in _AFTER_ONE_SIZE:
                continue  # "order one size up"
            if _before(text, m.start(), not_before):
                qualifier = "other"
        yield SizeMatch(value, m.group(0).strip(), m.start(), m.end(), qualifier)


def _blanked(lowered: str) -> str:
    """``lowered.translate(_BLANK)``."""
    if lowered.isascii():
        return lowered.encode().translate(_BYTES_BLANK, b"-").decode()
    return _BLANK_CHARS.sub(" ", lowered).replace("-", "")


def _before(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether one of the two words before ``start`` is in ``words`` ("model wears size M")."""
    preceding = re.findall(r"[^\W_]+", text[max(0, start - 40) : start])[-2:]
    return any(_trie.key(w) in words for w in preceding)


@lru_cache(maxsize=4096)
def parse_size_value(text: str) -> tuple[str, ...] | None:
    """The sizes one attribute value names ("S/M" -> ("S", "M")), or None if it is not a size."""
    _, _, attribute = _patterns()
    cleaned = text.strip()
    if not cleaned:
        return None
    whole = attribute.fullmatch(cleaned)
    if whole:
        return (canonical(whole.group("val"), whole.group("sys") or whole.group("sys2") or ""),)
    parts = re.split(r"\s*[/,|]\s*|\s+-\s+|(?<=[A-Za-z])-(?=[A-Za-z])", cleaned)
    values: list[str] = []
    for part in parts:
        m = attribute.fullmatch(part)
        if not m:
            return None
        values.append(canonical(m.group("val"), m.group("sys") or m.group("sys2") or ""))
    return tuple(values) if len(values) > 1 else None


def expand_range(value: str) -> tuple[str, ...]:
    """ "S-XL" -> ("S", "M", "L", "XL"); a single value -> (value,)."""
    if "-" not in value.strip("-"):
        return (value,)
    low, _, high = value.partition("-")
    order = _data().order
    if low in order and high in order and order[low] <= order[high]:
        names = list(order)
        return tuple(names[order[low] : order[high] + 1])
    return (low, high)


def _number(value: str) -> tuple[str, float] | None:
    system, _, number = value.rpartition(" ")
    try:
        return system, float(number)
    except ValueError:
        return None


def sizes_agree(stated: str, others: Iterable[str]) -> bool | None:
    """True if ``stated`` is among ``others``, False if not, None if they cannot be compared.

    Letter sizes compare with letter sizes, numbers with numbers of the same system (a bare
    number with any system whose range it fits). "One size" agrees with everything.
    """
    others = tuple(others)
    if stated == ONE_SIZE or ONE_SIZE in others:
        return True
    order = _data().order
    if stated in order:
        letters = [o for o in others if o in order]
        return (stated in letters) if letters else None
    number = _number(stated)
    if number is None:
        return None
    comparable = [n for n in map(_number, others) if n is not None and _comparable(number, n)]
    if not comparable:
        return None
    return any(n[1] == number[1] for n in comparable)


def _comparable(a: tuple[str, float], b: tuple[str, float]) -> bool:
    if a[0] and b[0]:
        return a[0] == b[0]
    system, value = (a[0], b[1]) if a[0] else (b[0], a[1])
    if not system:
        return True
    # A bare number is in the named system only if it could be: US/UK shoe and clothing sizes stay
    # under 20, EU shoe sizes start at 16 and clothing sizes at 30.
    if system in ("US", "UK", "AU"):
        return value < 20
    if system in ("EU", "FR", "IT", "DE"):
        return value >= 16
    return True
