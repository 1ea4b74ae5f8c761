"""Measurements with units in titles, descriptions and attribute values, and what they are about.

``find_measures('Smart TV 55" 4K, weighs 14,2 kg', "title", kind="title")`` gives a
:class:`Measure` per value: its quantity (length, mass, volume, data, power, voltage, charge,
energy, resolution, area or count), its number in the quantity's base unit, the unit and the
words as written with their span, and the spec it is about ("diagonal", "weight") when that can
be told. Unit spellings in en, es, fr, de, pt, it, ru and zh are data
(``listlint/vocab/units.toml``), and so are the words that name a spec or make a value someone
else's (``listlint/vocab/measure_words.toml``).

How text becomes measures:

1. Numbers and their units are read by ``_quantities.read``: "1,5 kg", "1,400W", "55″", "5'11\\"",
   "40 x 30 x 20 cm" (three lengths, one unit), "110-240V" (a range), "110/220V" (dual
   voltage), "12, 15 and 18 cm" (a list of several items' sizes), "2 x 1.5 V" (each of two
   parts), "pack of 3". A number without a unit is no measurement ("1/4 zip", "24/7", "XPS 13",
   "5G", "2024", prices).
2. The words around a value give its spec: "13.8 in wide", "height: 40 cm", "weighs 2 kg",
   "8GB RAM", "55 inch TV". A spec word after another noun is a part's ("seat height").
   Without such words, a title value is about the item (a weight, a capacity, a power, the
   diagonal of a TV or laptop, else its "size"); a description value is the item's only for
   what an item has once (power, voltage, battery, storage, camera resolution), since
   descriptions also size the parts ("150 g steam boost", "8 m cord", "40 cm blade").
3. Some values are not the item's own: ``role`` is :data:`OTHER` for what the item fits or
   replaces and for other versions of it ("fits 13-15 inch laptops", "for iPhone 15, 6.1
   inch", "60 W equivalent", "the model is 5'11\\"", "AAA batteries (1.5 V)", "also available
   in 65 inch"), :data:`EACH` for parts ("two 4L baskets", "2 x 1.5 V"), :data:`LIST` for one
   of several values ("12, 15 and 18 cm"). Bounds ("up to 40 W", "max. 5 kg") are ranges open
   on one side, and "approx." widens the tolerance.

Attribute values are read the same way; their spec comes from the attribute's name ("weight",
"screen_size", "Height (cm)", "capacity", "wattage"...). Texts and attribute values are read
once each and cached, so repeated descriptions and variant values cost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from listlint import _vocab
from listlint.model import Listing
from listlint.text import _quantities
from listlint.text._quantities import CJK, EM_DASH, EN_DASH, Atom, Chain, Count, Unit, unit
from listlint.text.html import strip_html

__all__ = [
    "EACH",
    "LIST",
    "OTHER",
    "OWN",
    "SPECS",
    "Measure",
    "Unit",
    "attribute_measures",
    "description_measures",
    "find_measures",
    "in_unit",
    "listing_measures",
    "title_hints",
    "unit",
]

# Roles: whose value a measure is.
OWN = ""
OTHER = "other"  # another thing's: what the item fits or replaces, the model wearing it
EACH = "each"  # one of several parts' ("two 4L baskets", "2 x 1.5 V")
LIST = "list"  # one of several values given together ("12, 15 and 18 cm")

_LENGTH_SPECS = (
    "height", "width", "depth", "length", "diagonal", "diameter", "thickness", "inseam", "size",
    "dimensions", "package_dimensions",
)  # fmt: skip
# The specs a value of each quantity can be about. A "size" is a length that no word calls a
# height, width...; "dimensions" are the lengths of one "40 x 30 x 20 cm".
SPECS: Mapping[str, frozenset[str]] = {
    "length": frozenset(_LENGTH_SPECS),
    "mass": frozenset({"weight", "package_weight", "load"}),
    "volume": frozenset({"capacity"}),
    "data": frozenset({"storage", "ram"}),
    "power": frozenset({"power"}),
    "voltage": frozenset({"voltage", "input_voltage", "output_voltage"}),
    "charge": frozenset({"battery"}),
    "energy": frozenset({"battery_energy"}),
    "resolution": frozenset({"resolution"}),
    "count": frozenset({"pack", "pieces"}),
    "area": frozenset(),
}
# What a capacity is, by the quantity of its value: "capacity: 2 TB" is storage.
_CAPACITY = {
    "volume": "capacity",
    "data": "storage",
    "charge": "battery",
    "energy": "battery_energy",
    "mass": "load",
}


@dataclass(frozen=True)
class Measure:
    """One measurement a listing states, e.g. 55 in from 'Smart TV 55"' in the title.

    ``base_value`` is the number in the quantity's base unit (m, kg, l, GB, W, V, mAh, Wh, MP,
    m², items); for a range it is the upper end (the lower one for "at least" values). ``low``
    and ``high`` bound the stated value: both equal ``base_value`` for a single value, they are
    the ends of a range ("110-240V"), ``None`` on the open side of a bound ("up to 40 W").
    ``unit`` is the unit's symbol ("in", "kg"; "" for counts), ``text`` the words as written,
    ``start``/``end`` their span in ``field`` ("title", "description", "attributes.weight",
    "variants[2].attributes.height"; a description's span is in its HTML-stripped text).
    ``spec`` is what the value is about ("diagonal", "weight"; "" when that cannot be told),
    ``role`` whose value it is (:data:`OWN`, :data:`OTHER`, :data:`EACH`, :data:`LIST`),
    ``step`` the rounding of the number as written, in base units (1 cm for "139 cm"),
    ``approx`` whether it was stated as approximate. The lengths of one "40 x 30 x 20 cm" share
    a ``group`` number above 0. ``note`` explains an unusual reading ("16,000,000 megapixels"
    is "read as pixels").
    """

    quantity: str
    base_value: float
    low: float | None
    high: float | None
    unit: str
    text: str
    field: str
    start: int
    end: int
    spec: str = ""
    role: str = OWN
    step: float = 0.0
    approx: bool = False
    group: int = 0
    note: str = ""


# --- vocabulary -----------------------------------------------------------------------------------


@cache
def _words() -> Mapping[str, object]:
    return _vocab.load("measure_words.toml")


class _Phrases(frozenset[str]):
    """Lower-case phrases, with the first and last words of each, so that a text without any
    of those words is turned down by one set operation."""

    firsts: frozenset[str]
    lasts: frozenset[str]
    cjk: bool  # some phrase is Chinese or Japanese: matched inside runs without spaces

    def __new__(cls, phrases: Iterable[str] = ()) -> _Phrases:
        self = super().__new__(cls, phrases)
        self.firsts = frozenset(p.split()[0] for p in self if p.strip())
        self.lasts = frozenset(p.split()[-1] for p in self if p.strip())
        self.cjk = any(CJK.search(p) for p in self)
        return self


def _phrases(values: object) -> _Phrases:
    return _Phrases(" ".join(v.casefold().split()) for v in _vocab.strings(values))


def _section(name: str) -> Mapping[str, object]:
    section = _words()[name]
    assert isinstance(section, Mapping)
    return section


class _Cues(NamedTuple):
    before: dict[str, str]  # spec words before a number -> spec
    after: dict[str, str]  # spec words right after its unit -> spec
    before_phrases: _Phrases
    after_phrases: _Phrases
    verbs: frozenset[str]  # words before that are verbs ("weighs"): a noun before is their subject


@cache
def _cues() -> _Cues:
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    verbs: set[str] = set()
    for spec, cues in _section("text").items():
        assert isinstance(cues, Mapping)
        for phrase in _phrases(cues.get("before")):
            before.setdefault(phrase, spec)
        for phrase in _phrases(cues.get("verbs")):
            before.setdefault(phrase, spec)
            verbs.add(phrase)
        for phrase in _phrases(cues.get("after")):
            after.setdefault(phrase, spec)
    return _Cues(before, after, _Phrases(before), _Phrases(after), frozenset(verbs))


@cache
def _roles() -> Mapping[str, _Phrases]:
    return {name: _phrases(values) for name, values in _section("roles").items()}


@cache
def _reading() -> Mapping[str, _Phrases]:
    return {name: _phrases(values) for name, values in _section("reading").items()}


@cache
def _attribute_names() -> tuple[dict[str, str], frozenset[str]]:
    """Attribute name -> spec, and the neutral words allowed in front of a name."""
    names: dict[str, str] = {}
    for spec, values in _section("attributes").items():
        if spec != "neutral":
            for name in _phrases(values):
                names.setdefault(name, spec)
    return names, _phrases(_section("attributes").get("neutral"))


# --- what the title says about the item -----------------------------------------------------------


class Hints(NamedTuple):
    """What the title tells about the item, which decides what a bare length or voltage is."""

    screen: bool = False  # sells a screen: TV, monitor, laptop, tablet, phone
    accessory: bool = False  # sells something for one: case, stand, mount, sleeve
    power_supply: bool = False  # a charger or adapter, whose voltages are an input and an output
    noun: str = ""  # the product noun, "kettle" of "Electric Kettle 1.7L": "a 1.7 L kettle"
    noun_first: bool = False  # the language puts nouns before values: "bouilloire de 1,7 L"


_NO_HINTS = Hints()


@cache
def _title_words(name: str) -> re.Pattern[str]:
    """A pattern for the words of ``[title] name`` in measure_words.toml ("screens")."""
    words = _section("title")
    phrases = sorted(_phrases(words.get(name)), key=len, reverse=True)
    spaced = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases if not CJK.match(p))
    cjk = "|".join(re.escape(p) for p in phrases if CJK.match(p))
    pattern = rf"(?<![^\W\d_])(?:{spaced})(?![^\W\d_])"
    return re.compile(f"{pattern}|{cjk}" if cjk else pattern)


@lru_cache(maxsize=4096)
def title_hints(title: str, language: str = "") -> Hints:
    """What ``title`` tells about the item: a screen, an accessory for one, a power supply,
    and its product noun (the last word in English and German, the first in French...)."""
    lowered = title.casefold()
    words = _NOUN.findall(lowered)
    noun_first = language.split("-")[0].split("_")[0].lower() in _NOUN_FIRST
    return Hints(
        screen=_title_words("screens").search(lowered) is not None,
        accessory=_title_words("accessories").search(lowered) is not None,
        power_supply=_title_words("power_supplies").search(lowered) is not None,
        noun=(words[0] if noun_first else words[-1]) if words else "",
        noun_first=noun_first,
    )


_NOUN = re.compile(r"[^\W\d_]{3,}")
# Languages that put the product noun first ("Bouilloire électrique").
_NOUN_FIRST = frozenset({"fr", "es", "it", "pt", "ru"})


# --- the words around a value ---------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]*)*\.?|\d+(?:[.,]\d+)*|[^\s\w]")
_DASHES = ("-", EN_DASH, EM_DASH)
_AFTER_MODEL = re.compile(r"[0-9]\s?\(\s*\Z")


def _ends_abbreviation(window: str, period: int) -> bool:
    """Whether the period at ``period`` ends an abbreviation ("max.", "approx.", "ca.")."""
    words = window[max(0, period - 8) : period].lower().split()
    return bool(words) and words[-1] in _reading()["abbreviations"]


# What ends a clause: a sentence or list break, a bracket, a dash between spaces, and a period
# that ends no abbreviation ("max. 2200 W").
_BREAKS = ("\n", ";", "!", "?", "|", "\u2022", ")", "[", "]")
_SPACED_DASHES = tuple(f" {dash} " for dash in _DASHES)
# The breaks of one character, found by one regex search instead of one ``find`` each: the
# last one (".*" runs to the end and backs up to it), and the first one (or an opening bracket).
_LAST_BREAK = re.compile(f".*[{re.escape(''.join(_BREAKS))}]", re.DOTALL)
_FIRST_BREAK = re.compile(f"[{re.escape(''.join(_BREAKS))}(]")


def _clause_begins(window: str) -> int:
    """Where the clause that ends at the end of ``window`` begins."""
    last = _LAST_BREAK.match(window)
    begin = last.end() if last is not None else 0
    for mark in _SPACED_DASHES:
        found = window.rfind(mark)
        if found != -1 and found + len(mark) > begin:
            begin = found + len(mark)
    period = window.rfind(". ")
    while period != -1 and period + 2 > begin:
        if not _ends_abbreviation(window, period):
            return period + 2
        period = window.rfind(". ", 0, period)
    return begin


def _clause_ends(window: str) -> int:
    """Where the clause that starts at the start of ``window`` ends."""
    first = _FIRST_BREAK.search(window)
    end = first.start() if first is not None else len(window)
    for mark in _SPACED_DASHES:  # in this order, each found only before the last found
        found = window.find(mark, 0, end)
        if found != -1:
            end = found
    period = window.find(".", 0, end)
    while period != -1:
        after = window[period + 1 : period + 2]
        if (not after or after.isspace()) and not _ends_abbreviation(window, period):
            return period
        period = window.find(".", period + 1, end)
    return end


class _Context:
    """The words before and after a value, within its clause, as lower-case tokens.

    ``left`` and ``right`` are the words near the value, so that most questions ("is there a
    bound word?") are turned down by one set operation; only a hit is looked at word by word.
    """

    __slots__ = ("after", "after_model", "before", "cjk", "grams", "left", "right")

    def __init__(self, text: str, start: int, end: int) -> None:
        window = text[max(0, start - 60) : start]
        # A value in brackets right after a model number is that model's: "charges an iPhone
        # 15 (3,349 mAh)"; after a value it is the item's ("Kettle 1.7L (2200W)").
        self.after_model = "(" in window and _AFTER_MODEL.search(window) is not None
        self.grams: dict[int, set[str]] = {}  # _grams of the last n words before, by n
        clause = window[_clause_begins(window) :]
        if not clause.strip() and window.rstrip(" \t").endswith("\n"):
            # A table row: "<td>Weight</td><td>2 kg</td>" reads "Weight\n2 kg".
            label = window.rstrip().rpartition("\n")[2]
            if len(label.split()) <= 4:
                clause = label
        self.before: list[str] = _TOKEN.findall(clause.casefold())
        right = text[end : end + 40]
        self.after: list[str] = _TOKEN.findall(right[: _clause_ends(right)].casefold())
        while self.after and self.after[0] in _DASHES:
            del self.after[0]
        near = self.before[-8:]
        self.left = {*near, *(t[:-1] for t in near if t.endswith("."))}
        self.right = {*self.after[:1], *(t[:-1] for t in self.after[:1] if t.endswith("."))}
        self.cjk = not clause.isascii() and CJK.search(clause) is not None

    def _may_end_before(self, phrases: _Phrases) -> bool:
        return not phrases.lasts.isdisjoint(self.left) or (phrases.cjk and self.cjk)

    def ends_with(
        self, phrases: _Phrases, *, within: int, skip: AbstractSet[str] = frozenset()
    ) -> str:
        """A phrase that ends at one of the last ``within`` words before the value; words in
        ``skip`` do not count ("two independent 4L baskets")."""
        if not self._may_end_before(phrases):
            return ""
        tokens = self.before
        end = len(tokens)
        for _ in range(within):
            while end and tokens[end - 1] in skip:
                end -= 1
            if not end:
                return ""
            found = (
                _phrase_ending(tokens, end, phrases) if _may_end(tokens[end - 1], phrases) else ""
            )
            if found:
                return found
            end -= 1
        return ""

    def cue_before(self, phrases: _Phrases) -> str:
        """A spec word right before the value (fillers aside: "height of approx. 40 cm"),
        unless it follows another value ("8GB RAM 256GB") or a noun ("seat height")."""
        if not self._may_end_before(phrases):
            return ""
        tokens = self.before
        end = len(tokens)
        fillers = _reading()["fillers"]
        while end and tokens[end - 1] in fillers:
            end -= 1
        found = (
            _phrase_ending(tokens, end, phrases)
            if end and _may_end(tokens[end - 1], phrases)
            else ""
        )
        if not found:
            return ""
        size = len(found.split()) if not CJK.match(found) else 1
        previous = tokens[end - size - 1] if end > size else ""
        if previous[:1].isdigit() or _quantities.is_unit_word(previous):
            return ""  # the spec word of the value before: "8GB RAM 256GB"
        if (
            previous[:1].isalpha()
            and found not in _cues().verbs
            and previous not in _attribute_names()[1]
            and previous not in fillers
            and previous not in _reading()["determiners"]
            and not CJK.match(previous)
        ):
            return ""  # a part's: "heel height", "seat height", "user weight"
        return found

    def starts_with(self, phrases: _Phrases) -> str:
        """A phrase right after the value ("wide", "de haut", "RAM", "TV")."""
        tokens = self.after[:4]
        if not tokens:
            return ""
        if phrases.firsts.isdisjoint(self.right) and not (phrases.cjk and CJK.match(tokens[0])):
            return ""
        for size in (3, 2, 1):
            if len(tokens) >= size:
                phrase = " ".join(tokens[:size])
                if phrase in phrases:
                    return phrase
                if phrase.endswith(".") and phrase[:-1] in phrases:
                    return phrase[:-1]
        if CJK.match(tokens[0]):
            return _cjk_phrase(tokens[0], phrases, suffix=False)
        return ""

    def anywhere(self, phrases: _Phrases, *, within: int) -> bool:
        """Whether a phrase is among the last ``within`` words before the value."""
        if not self._may_end_before(phrases):
            return False
        if not self.cjk:
            # Without CJK, a phrase among those words is one that ends at one of them: only
            # the words a phrase ends with are looked at (as _grams would have it, faster).
            window = self.before[-within:]
            return any(
                _phrase_ending(window, end, phrases)
                for end in range(len(window), 0, -1)
                if _may_end(window[end - 1], phrases)
            )
        grams = self.grams.get(within)
        if grams is None:  # several questions look as far back: made once
            grams = self.grams[within] = _grams(self.before[-within:])
        return not phrases.isdisjoint(grams)

    def names(self, hints: Hints) -> bool:
        """Whether the value is said of the title's noun: "a 1.7 L kettle" (the noun right
        after), "une bouilloire de 1,7 L" (right before, in a language that puts it first)."""
        noun = hints.noun
        if not hints.noun_first:
            return bool(self.after) and self.after[0] in (noun, noun + "s", noun + "es")
        before = [t for t in self.before[-3:] if t not in _reading()["fillers"]]
        return bool(before) and before[-1] == noun

    def bound(self) -> str:
        """ "upper" for "up to 40 W" and "40 W max", "lower" for "at least 2 m", else ""."""
        roles = _roles()
        if self.ends_with(roles["upper"], within=2, skip=roles["approx"]) or self.starts_with(
            roles["upper_after"]
        ):
            return "upper"
        if self.ends_with(roles["lower"], within=2, skip=roles["approx"]) or self.starts_with(
            roles["lower_after"]
        ):
            return "lower"
        return ""

    def approx(self) -> bool:
        roles = _roles()
        return bool(self.ends_with(roles["approx"], within=2, skip=roles["upper"]))


def _may_end(token: str, phrases: _Phrases) -> bool:
    """Whether a phrase of ``phrases`` may end with the word ``token``: the test
    :func:`_phrase_ending` needs to find one, done by one or two set look-ups (a token with a
    non-ASCII letter, maybe CJK, is left to it)."""
    return (
        token in phrases.lasts
        or (token[-1:] == "." and token[:-1] in phrases.lasts)
        or not token.isascii()
    )


def _phrase_ending(tokens: list[str], end: int, phrases: AbstractSet[str]) -> str:
    """The longest phrase of ``phrases`` that ends with ``tokens[end - 1]``."""
    for size in (3, 2, 1):
        if end >= size:
            phrase = " ".join(tokens[end - size : end])
            if phrase in phrases:
                return phrase
            if phrase.endswith(".") and phrase[:-1] in phrases:
                return phrase[:-1]
    if end and CJK.match(tokens[end - 1][-1]):
        return _cjk_phrase(tokens[end - 1], phrases, suffix=True)
    return ""


def _grams(tokens: list[str]) -> set[str]:
    """Every phrase of one to three ``tokens``, also without a final period, and every start
    and end of a CJK token (CJK has no spaces to split words at)."""
    pairs = [f"{a} {b}" for a, b in pairwise(tokens)]
    grams = set(tokens)
    grams.update(pairs)
    grams.update(f"{a} {b}" for a, b in zip(pairs, tokens[2:], strict=False))
    grams.update([g[:-1] for g in grams if g.endswith(".")])
    for token in tokens:
        if not token.isascii() and CJK.match(token):
            for size in range(1, min(len(token), 6) + 1):
                grams.add(token[:size])
                grams.add(token[-size:])
    return grams


def _cjk_phrase(token: str, phrases: AbstractSet[str], *, suffix: bool) -> str:
    """The longest phrase of ``phrases`` that ends (or starts) the CJK run ``token``."""
    for size in range(min(len(token), 6), 0, -1):
        part = token[-size:] if suffix else token[:size]
        if part in phrases:
            return part
    return ""


# --- what a value is about ------------------------------------------------------------------------


def _fit(spec: str, quantity: str) -> str:
    """``spec`` if a value of ``quantity`` can be about it ("capacity" by the unit), else ""."""
    if spec == "capacity":
        return _CAPACITY.get(quantity, "")
    return spec if spec in SPECS.get(quantity, ()) else ""


def _package(spec: str) -> str:
    if spec in ("dimensions", "size", "package_dimensions"):
        return "package_dimensions"
    if spec in ("weight", "package_weight"):
        return "package_weight"
    return ""


def _cued_spec(context: _Context) -> str:
    """The spec the words right after or right before a value name, if any."""
    cues = _cues()
    return cues.after.get(context.starts_with(cues.after_phrases)) or cues.before.get(
        context.cue_before(cues.before_phrases), ""
    )


def _default_spec(found: Unit, kind: str, hints: Hints) -> str:
    """What a value that no word qualifies is about: the item's headline spec, or ""."""
    quantity = found.quantity
    if kind == "attribute":
        return ""  # the attribute's name decides
    if quantity == "length":
        if kind != "title":
            return ""  # "8 m cord", "40 cm blade": descriptions size the parts too
        if hints.screen and not hints.accessory and found.symbol in ("in", "cm"):
            return "diagonal"
        return "size"
    if quantity in ("mass", "volume"):
        if kind != "title":
            return ""  # "150 g steam boost", "1.5 L dust container"
        return "weight" if quantity == "mass" else "capacity"
    if quantity == "charge":
        return "battery"
    if quantity == "energy":
        return "battery_energy"
    if quantity in ("power", "voltage", "resolution"):
        return quantity
    return ""  # data sizes: see _data_specs; areas are never compared


def _role(context: _Context, quantity: str, hints: Hints) -> str:
    roles = _roles()
    if context.after_model:
        return OTHER  # "charges an iPhone 15 (3,349 mAh)"
    if quantity in ("length", "mass") and context.anywhere(roles["person"], within=8):
        return OTHER  # "the model is 5'11\""
    if (
        context.ends_with(roles["equivalent"], within=3)
        or context.starts_with(roles["equivalent"])
        or context.anywhere(roles["options"], within=6)
        or context.anywhere(roles["comparison"], within=6)
    ):
        return OTHER  # "60 W equivalent", "also available in 65 inch", "than a 2000 W heater"
    if quantity == "length" and context.anywhere(roles["compatible"], within=5):
        return OTHER  # "fits 13-15 inch laptops", "case for iPhone 15, 6.1 inch"
    if quantity == "voltage" and (
        context.anywhere(roles["batteries"], within=6) or context.starts_with(roles["batteries"])
    ):
        return OTHER  # "3 AAA batteries (1.5 V)"
    supplied = quantity in ("voltage", "power") and not hints.power_supply
    if supplied and context.anywhere(roles["supplies"], within=4):
        return OTHER  # "charging base 100-240V", unless the item is the charger
    if context.ends_with(
        roles["each_before"], within=2, skip=_reading()["adjectives"]
    ) or context.starts_with(roles["each_after"]):
        return EACH  # "two 4L baskets", "50 W per channel"
    return OWN


def _spec(context: _Context, found: Unit, label: str, kind: str, hints: Hints) -> str:
    cued = _cued_spec(context)
    cued = _fit("size" if cued == "dimensions" else cued, found.quantity)
    spec = label if found.quantity == "length" and label else cued
    if spec == "diagonal" and hints.accessory:
        spec = "size" if kind == "title" else ""  # a 55" TV stand is not a TV
    if not spec and kind == "text" and hints.noun and context.names(hints):
        kind = "title"  # "a 1.7 L kettle" in the description of an "Electric Kettle"
    if not spec and not (found.symbol == "oz" and not cued):
        spec = _default_spec(found, kind, hints)  # but a bare "20 oz" may be fluid ounces
    packaged = kind != "title" and spec and not spec.startswith("package_")
    if packaged and context.anywhere(_roles()["package"], within=5):
        spec = _package(spec) or "package_" + spec
    if spec == "voltage" and hints.power_supply:
        spec = ""  # a charger's voltages are an input and an output
    return spec


# --- from numbers to measures ---------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _scan(text: str, kind: str, language: str, title: str) -> tuple[Measure, ...]:
    """The measures of one text; ``kind`` is "title", "text" (a description) or "attribute".

    ``title`` is the listing's title, read only when a length or a voltage needs it.
    """
    chains, counts = _read(text, _quantities.decimal_comma(language))
    hints = _NO_HINTS
    if kind != "attribute" and chains:
        hints = title_hints(title, language)
    found: list[Measure] = []
    groups = 0
    for chain in chains:
        if chain.how == "dims":
            groups += 1
            found += _dimensions(text, chain, kind, groups)
        else:
            found += _values(text, chain, kind, hints)
    for count in counts:
        if kind == "title" or (kind == "text" and count.spec == "pack"):
            # "3 pcs" in a description are often the parts of the item; "pack of 3" is the offer.
            value = count.value
            span = text[count.start : count.end]
            found.append(
                Measure(
                    "count", value, value, value, "", span, "", count.start, count.end, count.spec
                )
            )
    return tuple(_data_specs(found) if kind != "attribute" else found)


@lru_cache(maxsize=4096)
def _read(text: str, decimal_comma: bool) -> tuple[list[Chain], list[Count]]:
    """``_quantities.read``, cached: :func:`description_measures` reads a description's units
    before deciding to :func:`_scan` it. Its chains and counts are shared: not to be changed."""
    return _quantities.read(text, decimal_comma)


def _possible_specs(text: str, language: str) -> frozenset[str]:
    """Every spec a measure of the description ``text`` may be about, by the units in it."""
    chains, counts = _read(text, _quantities.decimal_comma(language))
    return _specs_of(frozenset(u.quantity for chain in chains for u in chain.units), bool(counts))


@cache
def _specs_of(quantities: frozenset[str], counted: bool) -> frozenset[str]:
    """The specs values of ``quantities`` may get in a text (a generous superset), and "pack"
    and "pieces" with pack counts."""
    if "mass" in quantities:
        quantities |= {"volume"}  # "holds 20 oz": fluid ounces
    specs = {spec for quantity in quantities for spec in SPECS.get(quantity, ())}
    specs |= {f"package_{spec}" for spec in specs}  # "box of 40 x 30 cm", "shipping weight"
    specs |= {"package_dimensions", "package_weight"}
    if counted:
        specs |= {"pack", "pieces"}
    return frozenset(specs)


def _dimensions(text: str, chain: Chain, kind: str, group: int) -> list[Measure]:
    """The lengths of "40 x 30 x 20 cm": each its letter's spec (L, W, H, D) or "dimensions"."""
    context = _Context(text, chain.atoms[0].start, chain.atoms[-1].end)
    roles = _roles()
    role = OWN
    if context.anywhere(roles["person"], within=8) or context.anywhere(
        roles["compatible"], within=5
    ):
        role = OTHER
    spec = "dimensions"
    if kind != "title" and context.anywhere(roles["package"], within=5):
        spec = "package_dimensions"
    elif kind == "text" and _cued_spec(context) != "dimensions":
        spec = ""  # "comes with a 40 x 60 cm bag": a description must say whose size it is
    cues = _cues()
    last = _fit(cues.after.get(context.starts_with(cues.after_phrases), ""), "length")
    labels = [atom.label for atom in chain.atoms]  # not set on the atoms: they are cached
    if last and not labels[-1]:
        labels[-1] = last  # "8' long x 1.0\" wide"
    approx = context.approx()
    measures = []
    for atom, found, label in zip(chain.atoms, chain.units, labels, strict=True):
        value = atom.high * found.factor
        measures.append(
            Measure(
                quantity="length",
                base_value=value,
                low=atom.low * found.factor,
                high=value,
                unit=found.symbol,
                text=text[atom.start : atom.end],
                field="",
                start=atom.start,
                end=atom.end,
                spec=label if label and spec != "package_dimensions" else spec,
                role=role,
                step=atom.step * found.factor,
                approx=approx,
                group=group,
            )
        )
    return measures


def _values(text: str, chain: Chain, kind: str, hints: Hints) -> list[Measure]:
    """One measure for a value, a range or a compound; one per item of a list."""
    atoms, units, how = chain.atoms, chain.units, chain.how
    if how == "compound":  # 5'11", 2 lbs 8 oz: one value in the smaller unit
        value = atoms[0].low * units[0].factor + atoms[1].low * units[1].factor
        merged = Atom(atoms[0].start, atoms[1].end, value, value, atoms[1].step, None)
        merged.step *= units[1].factor
        return [_finish(text, merged, units[1], kind, hints, in_base=True)]
    if how == "range" or (how == "alt" and units[-1].quantity == "voltage"):
        low, high = atoms[0].low * units[0].factor, atoms[-1].high * units[-1].factor
        if low > high:
            return []
        step = max(atoms[0].step * units[0].factor, atoms[-1].step * units[-1].factor)
        span = Atom(atoms[0].start, atoms[-1].end, low, high, step, None)
        return [_finish(text, span, units[-1], kind, hints, in_base=True)]
    if how == "plus" and units[0].quantity == "data":  # "8GB+256GB": RAM and storage
        made = [_finish(text, a, u, kind, hints) for a, u in zip(atoms, units, strict=True)]
        small, large = sorted(made, key=lambda m: m.base_value)
        if small.spec == large.spec == "" and large.base_value >= 4 * small.base_value:
            return [replace(small, spec="ram"), replace(large, spec="storage")]
        return [replace(m, role=LIST) for m in made]
    if how in ("alt", "plus", "list"):
        return [
            _finish(text, a, u, kind, hints, role=LIST) for a, u in zip(atoms, units, strict=True)
        ]
    role = EACH if how == "each" else OWN
    if atoms[0].low != atoms[0].high and units[0].quantity != "voltage":
        role = LIST  # "16/32GB": a choice of two
    return [_finish(text, atoms[0], units[0], kind, hints, role=role)]


def _finish(
    text: str,
    atom: Atom,
    found: Unit,
    kind: str,
    hints: Hints,
    *,
    role: str = OWN,
    in_base: bool = False,
) -> Measure:
    """The measure of one value or range, with its spec and role from the words around it.

    ``in_base`` says the atom's numbers are in base units already (a merged range or compound).
    """
    factor = 1.0 if in_base else found.factor
    low, high, step = atom.low * factor, atom.high * factor, atom.step * factor
    note = ""
    if found.symbol == "MP" and high >= 10_000:
        low, high, step = low / 1e6, high / 1e6, step / 1e6  # "16,000,000 megapixels"
        note = "read as pixels"
    elif found.symbol == "px" and high < 0.1:
        role = OTHER  # an image or screen size in pixels, not a camera's resolution
    context = _Context(text, atom.start, atom.end)
    if found.symbol == "oz" and _cued_spec(context) == "capacity":
        fluid = unit("fl oz").factor / found.factor  # "holds 20 oz": fluid ounces
        low, high, step, found = low * fluid, high * fluid, step * fluid, unit("fl oz")
    spec = _spec(context, found, atom.label, kind, hints)
    if role == OWN:
        role = _role(context, found.quantity, hints)
    bound = context.bound() if low == high else ""
    return Measure(
        quantity=found.quantity,
        base_value=low if bound == "lower" else high,
        low=None if bound == "upper" else low,
        high=None if bound == "lower" else high,
        unit=found.symbol,
        text=text[atom.start : atom.end],
        field="",
        start=atom.start,
        end=atom.end,
        spec=spec,
        role=role,
        step=step,
        approx=context.approx(),
        note=note,
    )


def _data_specs(found: list[Measure]) -> list[Measure]:
    """Storage or RAM for data sizes no word marks: by elimination ("8GB RAM 256GB"), or by
    size (64 GB and more is storage). Smaller ones stay undecided ("Kindle 16 GB")."""
    unmarked = [m for m in found if m.quantity == "data" and m.role == OWN and not m.spec]
    if not unmarked:
        return found
    has_ram = any(m.spec == "ram" for m in found if m.quantity == "data" and m.role == OWN)
    return [
        replace(m, spec="storage")
        if m in unmarked and ((has_ram and len(unmarked) == 1) or m.base_value >= 64)
        else m
        for m in found
    ]


# --- attributes -----------------------------------------------------------------------------------

_WHOLE_NUMBER = re.compile(r"(?<![\d.,])\d{1,5}(?:\.0+)?(?![\d.,]*\d)")
_NAME_AXES = re.compile(r"\(?\b[lwhd](?:\s*[x\u00d7*/]\s*[lwhd]\b)+\)?")  # "l x w x h"
_NAME_UNIT = re.compile(r"(?:\s+in|[\s(\[])\s*\(?(?P<unit>[^\W\d_]{1,3}|\"|\u2033)\)?\]?\Z")
# Words that may follow a spec's name without changing it: "ram memory installed size".
_NAME_TAILS = frozenset({"size", "capacity", "value", "rating", "spec", "specification"})
_NAME_BOUNDS = {
    "max": "upper", "maximum": "upper", "maximal": "upper", "peak": "upper",
    "min": "lower", "minimum": "lower",
}  # fmt: skip
# The unit of a bare number under these names: "wattage": "1400".
_IMPLIED_UNITS = {
    "wattage": "W", "power": "W", "voltage": "V", "megapixels": "MP", "megapixel": "MP",
    "mah": "mAh",
}  # fmt: skip


@lru_cache(maxsize=1024)
def _name_spec(name: str) -> tuple[str, str, str | None]:
    """(spec, role, implied unit) of an attribute name: "Weight (kg)" is ("weight", "", "kg").

    The role is "upper" or "lower" for a bound ("max load"), :data:`OTHER` for what the item
    fits ("compatible screen size"). A name that ends in a known one after neutral words is
    that spec ("item weight"); after other words it is a part's ("blade diameter": "").
    """
    names, neutral = _attribute_names()
    key = " ".join(name.casefold().replace("_", " ").replace("-", " ").split())
    key = _NAME_AXES.sub("", key).strip()
    implied: str | None = None
    in_name = _NAME_UNIT.search(key)
    if in_name and (
        _quantities.is_unit_word(in_name.group("unit")) or in_name.group("unit") == "in"
    ):
        implied, key = in_name.group("unit"), key[: in_name.start()].strip()
    words = key.split()
    role = ""
    if words and words[0].rstrip(".") in _NAME_BOUNDS:
        role, words = _NAME_BOUNDS[words[0].rstrip(".")], words[1:]
    elif any(w in _roles()["compatible"] for w in words):
        role = OTHER
    spec = names.get(" ".join(words), "")
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        if spec or tail not in names:
            continue
        if all(w in neutral for w in words[:start]):
            spec = names[tail]  # "item weight", "memory storage capacity"
        elif any(w in _roles()["package"] for w in words[:start]):
            spec = _package(names[tail])  # "shipping weight"
    for end in range(len(words) - 1, 0, -1):
        head = " ".join(words[:end])
        if not spec and head in names and all(w in neutral | _NAME_TAILS for w in words[end:]):
            spec = names[head]  # "ram memory installed size"
    if implied is None:
        implied = next((u for w, u in _IMPLIED_UNITS.items() if w in words), None)
    return spec, role, implied


@lru_cache(maxsize=8192)
def _attribute(name: str, value: str, language: str, unit_of: str = "") -> tuple[Measure, ...]:
    """The measures of one attribute value; ``unit_of`` is the unit a sibling attribute gives
    a bare number ("weight": "500" with "weight_unit": "g")."""
    named, name_role, implied = _name_spec(name)
    implied = unit_of or implied
    measures = _scan(value, "attribute", language, "")
    if not measures and implied is not None:
        # "wattage": "1400", "weight (kg)": "2,5": the unit is in the name.
        measures = tuple(
            replace(m, text=value.strip(), end=len(value))
            for m in _scan(f"{value} {implied}", "attribute", language, "")
            if m.start < len(value)
        )
    if not measures and named in ("pack", "pieces"):
        count = _WHOLE_NUMBER.search(value)
        if count:
            number = float(count.group())
            measures = (
                Measure("count", number, number, number, "", value.strip(), "", 0, len(value)),
            )
    result = []
    for measure in measures:
        if measure.unit == "oz" and named in ("capacity", "size"):
            if named == "size":
                continue  # "size": "20 oz" may be a weight or a volume
            measure = _fluid(measure)
        spec = measure.spec  # from words in the value itself ("8 GB RAM")
        if measure.group:
            if named == "package_dimensions":
                spec = named
            elif spec == "dimensions" and named not in ("dimensions", "size"):
                spec = ""  # "40 x 60 cm" under a name that says nothing
        elif not spec:
            spec = _fit(named, measure.quantity)
            if not spec and named in ("size", "dimensions") and measure.unit:
                # "size": "500 ml" is a capacity, "size": "55 cm" the item's size.
                spec = _default_spec(unit(measure.unit), "title", _NO_HINTS)
        low, high, role = measure.low, measure.high, measure.role
        if name_role == OTHER:
            role = OTHER
        elif name_role == "upper":
            low = None  # "max_load": "150 kg"
        elif name_role == "lower":
            high = None
        result.append(replace(measure, spec=spec, role=role, low=low, high=high))
    return tuple(result)


def _fluid(measure: Measure) -> Measure:
    """An "oz" measure read as fluid ounces ("capacity": "20 oz")."""
    ratio = unit("fl oz").factor / unit("oz").factor
    return replace(
        measure,
        quantity="volume",
        unit="fl oz",
        base_value=measure.base_value * ratio,
        low=None if measure.low is None else measure.low * ratio,
        high=None if measure.high is None else measure.high * ratio,
        step=measure.step * ratio,
    )


# --- public API -----------------------------------------------------------------------------------


def _has_digit(text: str) -> bool:
    """Whether ``text`` has an ASCII digit: a set operation for short texts (attribute values),
    ``str.__contains__`` (memchr) for the others, where a regular expression or a generator
    over the digits cost several times as much. This runs for every text of every listing."""
    if len(text) <= _SHORT:
        return not _DIGITS.isdisjoint(text)
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


_DIGITS = frozenset("0123456789")
_SHORT = 16  # up to this length, testing each character against a set is the fastest


def _in_field(measure: Measure, field: str) -> Measure:
    """A copy of a cached ``measure`` placed in ``field``.

    Like ``dataclasses.replace``, a tenth of the cost: this runs for every measure of every
    listing.
    """
    placed = object.__new__(Measure)
    placed.__dict__.update(measure.__dict__)
    placed.__dict__["field"] = field
    return placed


def find_measures(
    text: str, field: str = "", *, kind: str = "text", language: str = "", title: str = ""
) -> list[Measure]:
    """The measures in ``text`` (plain text: strip HTML first), placed in ``field``.

    ``kind`` is "title" or "text" (a description). ``title`` is the listing's title, which
    tells what a bare length or voltage is about (a TV's diagonal, a charger's voltages); a
    title is its own. ``language`` decides decimal commas ("1,5 kg", "1.500 W").
    """
    if not _has_digit(text):
        return []
    return [
        _in_field(m, field) for m in _scan(text, kind, language, text if kind == "title" else title)
    ]


def attribute_measures(
    name: str, value: str, field: str = "", *, language: str = ""
) -> list[Measure]:
    """The measures in one attribute value, with the spec that the attribute's name gives."""
    if not _has_digit(value):
        return []
    return [_in_field(m, field) for m in _attribute(name, value, language)]


def listing_measures(listing: Listing, *, description: bool = True) -> list[Measure]:
    """Every measure of a listing: title, description (unless ``description`` is false),
    listing and variant attributes."""
    language, title = listing.language, listing.title
    found: list[Measure] = []
    if _has_digit(title):
        found += [_in_field(m, "title") for m in _scan(title, "title", language, title)]
    if description:
        found += description_measures(listing)
    _attribute_fields(found, listing.attributes, "attributes.", language)
    for index, variant in enumerate(listing.variants):
        _attribute_fields(found, variant.attributes, f"variants[{index}].attributes.", language)
    return found


def description_measures(
    listing: Listing, *, about: AbstractSet[str] | None = None
) -> list[Measure]:
    """The measures of a listing's description, read without its HTML.

    With ``about`` (specs), a description none of whose values can be about one of those specs
    gives no measures: only its numbers and units are read (what the words around each value
    say is most of the cost of reading a description).
    """
    if not listing.description or not _has_digit(listing.description):
        return []
    text = strip_html(listing.description)
    if about is not None and about.isdisjoint(_possible_specs(text, listing.language)):
        return []
    scanned = _scan(text, "text", listing.language, listing.title)
    return [_in_field(m, "description") for m in scanned]


def _attribute_fields(
    found: list[Measure], attributes: Mapping[str, tuple[str, ...]], prefix: str, language: str
) -> None:
    for name, values in attributes.items():
        for value in values:
            if _has_digit(value):
                unit_of = _sibling_unit(attributes, name) if value[-1:].isdigit() else ""
                measures = _attribute(name, value, language, unit_of)
                found += [_in_field(m, prefix + name) for m in measures]


def _sibling_unit(attributes: Mapping[str, tuple[str, ...]], name: str) -> str:
    """The unit that an attribute such as "weight_unit" gives "weight" (Shopify, feeds)."""
    for key in (f"{name}_unit", f"{name} unit", f"{name}-unit", f"{name}unit"):
        values = attributes.get(key)
        if values and _quantities.is_unit_word(values[0].strip().casefold()):
            return values[0].strip()
    return ""


def in_unit(measure: Measure, symbol: str) -> float:
    """``measure``'s value in the unit ``symbol`` ("cm")."""
    return measure.base_value / unit(symbol).factor
