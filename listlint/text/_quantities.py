"""Numbers with their units as sellers write them: the reading layer of ``measures.py``.

:func:`read` turns a text into :class:`Chain` objects, each one value or a few numbers that
belong together, with the unit of every number:

- a number and the unit right after it: "1,5 kg", "1,400W", "15-lb", "55″", "1/4\\"", "55英寸";
- numbers that share a unit or form one value: "40 x 30 x 20 cm" and "L 29\\" x W 13\\"" (dims),
  "110-240V" and "30 to 55 cm" (range), "110/220V" (alt), "8GB+256GB" (plus), "12, 15 and 18 cm"
  (list), "5'11\\"" and "2 lbs, 8 oz" (compound), "2 x 1.5 V" (each of two parts);
- pack counts: "pack of 3", "3-pack", "3 pcs", "lot de 2", "3 шт", "3件装".

A number that gets no unit is no measurement ("1/4 zip", "24/7", "XPS 13", "Galaxy S24", "5G",
"Wi-Fi 6", "2024", prices). What a value is about is decided in ``measures.py``. Unit spellings
come from ``listlint/vocab/units.toml``, joining words from ``listlint/vocab/measure_words.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from listlint import _vocab

# Characters spelled out so that the source stays plain ASCII where it matters.
EN_DASH, EM_DASH, TIMES = "\u2013", "\u2014", "\u00d7"
PRIME, DOUBLE_PRIME = "\u2032", "\u2033"
RIGHT_QUOTE, RIGHT_DOUBLE_QUOTE = "\u2019", "\u201d"
# Inch marks (double prime, straight and curly double quotes, two apostrophes) and foot marks.
_INCH_MARKS = frozenset({DOUBLE_PRIME, '"', "''", RIGHT_DOUBLE_QUOTE})
_FOOT_MARKS = frozenset({PRIME, "'", RIGHT_QUOTE})

CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BLANK = "[ \\t\\u00a0\\u202f]"

# Languages that write "1,5 kg" and "1.500 W" (= 1500 W).
_DECIMAL_COMMA = frozenset(
    {"de", "fr", "es", "pt", "it", "ru", "nl", "pl", "cs", "sv", "da", "fi", "nb", "tr", "uk"}
)  # fmt: skip
# Units whose values are written as fractions ("1/4 in", "1 1/2 lb"); "16/32GB" is a choice.
_FRACTIONAL = frozenset({"length", "mass", "volume"})
# Spellings written without a space only: "128Go" is 128 GB, "Ready 2 Go" is not.
_TIGHT = frozenset({"Go", "To", "Mo"})
# What may follow the bare "in" of an inch; elsewhere it is the preposition ("13 in silver").
_INCH_FOLLOWERS = (
    "x|by|wide|high|tall|long|deep|thick|diagonal|dia|diameter|screen|display|tv|monitor|"
    "laptop|inseam|length|width|height|depth|class"
)
# Single letters that name a dimension: "L 29\" x W 13\" x H 11\"", "B 40 x T 20 cm".
LABELS = {"l": "length", "w": "width", "b": "width", "h": "height", "d": "depth", "t": "depth"}


@dataclass(frozen=True)
class Unit:
    """A unit of measurement: its symbol in messages, what it measures, its base units."""

    symbol: str
    quantity: str  # length, mass, volume, data, power, voltage, charge, energy, resolution, area
    factor: float  # how many base units one unit is (m, kg, l, GB, W, V, mAh, Wh, MP, m²)


class Atom:
    """A number as found, with the unit written right after it, if any."""

    __slots__ = ("end", "high", "label", "low", "start", "step", "unit")

    def __init__(
        self, start: int, end: int, low: float, high: float, step: float, unit: Unit | None
    ) -> None:
        self.start, self.end = start, end
        self.low, self.high = low, high  # in the unit as written; low < high for "110/220"
        self.step = step  # the last written digit's value: 0.1 for "13.8"
        self.unit = unit
        self.label = ""  # the spec a letter gives it: "width" for the W of "W 14\""


@dataclass
class Chain:
    """Numbers that form one expression, each with its unit (shared ones filled in).

    ``how`` tells how they are joined: "" (one number), "dims", "range", "alt", "plus", "list",
    "compound" or "each" (the value of each of several parts: "2 x 1.5 V" keeps only 1.5 V).
    """

    atoms: list[Atom]
    units: list[Unit]
    how: str


@dataclass(frozen=True)
class Count:
    """A pack count ("pack of 3"): ``spec`` is "pack" or "pieces" ("3 pcs")."""

    value: float
    spec: str
    start: int
    end: int


def decimal_comma(language: str) -> bool:
    """Whether ``language`` writes decimals with a comma ("de", "fr-CA", "pt_BR")."""
    return language.split("-")[0].split("_")[0].lower() in _DECIMAL_COMMA


# --- vocabulary -----------------------------------------------------------------------------------


@cache
def _units() -> tuple[dict[str, Unit], dict[str, Unit], dict[str, Unit]]:
    """Spellings read ignoring case (casefolded, also without spaces and periods: "floz"),
    spellings read with their case only, and units by symbol."""
    folded: dict[str, Unit] = {}
    exact: dict[str, Unit] = {}
    symbols: dict[str, Unit] = {}
    for entry in _vocab.load("units.toml")["unit"]:
        found = Unit(str(entry["symbol"]), str(entry["quantity"]), float(entry["factor"]))
        symbols[found.symbol] = found
        for spelling in _vocab.strings(entry.get("spellings")):
            folded.setdefault(spelling.casefold(), found)
            folded.setdefault(_squeeze(spelling), found)
        for spelling in _vocab.strings(entry.get("exact")):
            exact.setdefault(spelling, found)
    return folded, exact, symbols


def unit(symbol: str) -> Unit:
    """The unit whose symbol is ``symbol`` ("cm", "in", "fl oz")."""
    return _units()[2][symbol]


def is_unit_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a spelling of a unit: "gb" in "8 gb ram"."""
    return word in _units()[0] or word in _units()[1]


def _squeeze(spelling: str) -> str:
    return spelling.casefold().replace(" ", "").replace(".", "")


@cache
def _long_spellings() -> frozenset[str]:
    """First words of spellings of several words: "fl" of "fl oz", "sq" of "sq. ft"."""
    folded = _units()[0]
    firsts = (s.replace(".", ". ").split()[0] for s in folded if " " in s or "." in s[:-1])
    return frozenset(_squeeze(first) for first in firsts)


@cache
def _unit_starts() -> frozenset[str]:
    """Every word that may begin a unit, to turn down "30 days" at once."""
    starts = set(_units()[0]) | _long_spellings() | {"in"}
    return frozenset(starts | {s.rstrip(".") for s in starts})


@cache
def _reading_words() -> Mapping[str, frozenset[str]]:
    data = _vocab.load("measure_words.toml")
    words = {**data["reading"], **{f"count_{k}": v for k, v in data["counts"].items()}}
    return {
        name: frozenset(" ".join(w.casefold().split()) for w in _vocab.strings(values))
        for name, values in words.items()
    }


@cache
def _dimension_adjectives() -> dict[str, str]:
    """ "wide" -> "width": the words that follow one number of "6'' wide by 12'' long"."""
    text = _vocab.load("measure_words.toml")["text"]
    return {
        word.casefold(): spec
        for spec in ("height", "width", "depth", "length")
        for word in _vocab.strings(text[spec].get("after"))
        if " " not in word
    }


def _alternatives(words: frozenset[str]) -> str:
    spaced = sorted((w for w in words if w[0].isalpha() and not CJK.match(w)), key=len)
    marks = sorted(w for w in words if w not in spaced)
    parts = [rf"(?:{'|'.join(map(re.escape, reversed(spaced)))})(?![^\W\d_])"] if spaced else []
    return "|".join(parts + [re.escape(m) for m in marks])


@cache
def _gaps() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """What may stand between two numbers that belong together, by how they are joined."""
    words = _reading_words()
    dashes = f"-{EN_DASH}{EM_DASH}~"
    return (
        (
            "dims",
            re.compile(
                rf"(?i)\s*(?:(?P<adj>[^\W\d_]+)\s+)?(?:x|{TIMES}|\*|by)\s*"
                rf"(?:(?P<label>[lwhdbt])\s*[:.]?\s*)?"
            ),
        ),
        ("range", re.compile(rf"(?i)\s*(?:[{dashes}]|{_alternatives(words['range'])})\s*")),
        ("alt", re.compile(rf"(?i)\s*(?:/|{_alternatives(words['alternative'])})\s*")),
        ("plus", re.compile(r"\s*\+\s*")),
        (
            "list",
            re.compile(
                rf"(?i)\s*(?:,|{_alternatives(words['list'])})"
                rf"(?:\s*(?:{_alternatives(words['list'])}))?\s*"
            ),
        ),
    )


@cache
def _link_endings() -> tuple[str, ...]:
    """How the text before the count of "pack of 3" may end: " of ", " Of ", " de "..."""
    links = _reading_words()["count_links"]
    return tuple(f" {form} " for link in links for form in {link, link.title(), link.upper()})


@cache
def _list_word() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![^\W\d_])(?:{_alternatives(_reading_words()['list'])})")


@cache
def _joiners() -> frozenset[str]:
    """Words after a number without a unit that tie it to the next number ("30 to 55 cm")."""
    words = _reading_words()
    return (
        words["range"]
        | words["alternative"]
        | words["list"]
        | {"x", "by"}
        | frozenset(_dimension_adjectives())
    )


# --- numbers --------------------------------------------------------------------------------------

# Digits as [0-9]: much faster than \d, which also looks for the digits of other scripts. The
# first digit is spelled apart ("[0-9][0-9]*", not "[0-9]+") so that the pattern starts with a
# character set, which ``search`` looks for in C instead of trying the whole pattern at every
# position (see _Numbers).
_NUMBER = re.compile(r"[0-9][0-9]*(?:[.,/][0-9]+)*")
_DIGITS_AS_ZERO = bytes(ord("0") if chr(code).isdigit() else code for code in range(128)) + bytes(
    range(128, 256)
)
_GROUPED = re.compile(r"[\u00a0\u202f][0-9]{3}(?![0-9])")  # "16 000 000" with no-break spaces
_MIXED = re.compile(r"[0-9]+[ -]\Z")  # the "1 " of "1 1/2"
_FRACTION_AHEAD = re.compile(r"[0-9]{1,2}/[0-9]")
_PAREN_LABEL = re.compile(r" ?\(([LWHDBTlwhdbt])\)")  # "40(W) x 30(H) cm"
_LABEL_BEFORE = re.compile(r"(?:\A|[^\w])(?P<label>[LWHDBT])[ :.]?\Z")
# Letters of spaced scripts (with ² ³ µ for m², cm³, µm), a CJK run, or an inch or foot mark.
_LETTERS = "A-Za-z\u00b2\u00b3\u00b5\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_MARKS = "".join(sorted({m for m in _INCH_MARKS | _FOOT_MARKS if len(m) == 1}))
_UNIT_WORD = re.compile(
    rf"(?P<sp>{_BLANK}?-?{_BLANK}?)(?P<word>[{_LETTERS}]+\.?|[\u3400-\u9fff]+|''|[{re.escape(_MARKS)}])"
)
_NEXT_WORD = re.compile(rf"{_BLANK}*(?P<word>[{_LETTERS}]+\.?)")
_INCH_FOLLOWS = re.compile(
    rf"(?i){_BLANK}*(?:[\n.,;:!?)\]/]|\Z|{TIMES}|(?:{_INCH_FOLLOWERS})(?![^\W_]))"
)
_COMPOUND = re.compile(r"(?i)\s*,?\s*(?:and\s+)?")
_JOIN_MARKS = frozenset(f"xX*-~/,&+({TIMES}{EN_DASH}{EM_DASH}\u3001\u81f3\u6216{_MARKS}")
_GERMAN_PACK = re.compile(r"(?i)[ -]?(?:pack|set)(?![^\W\d_])")  # "6er-Pack", "3er Set"


class _Numbers:
    """The numbers of a text, left to right.

    In an ASCII text (most texts) every digit is made a "0" once, by ``bytes.translate``, and
    the next digit is then one ``bytes.find`` (memchr) away: a tenth of the cost of the regex
    search, which tests each character against the digits, for a description with a few numbers
    in a thousand characters. Other texts are searched.
    """

    __slots__ = ("text", "zeros")

    def __init__(self, text: str) -> None:
        self.text = text
        self.zeros = text.encode("ascii").translate(_DIGITS_AS_ZERO) if text.isascii() else None

    def at(self, position: int) -> re.Match[str] | None:
        """The first number that starts at ``position`` or after it."""
        if self.zeros is None:
            return _NUMBER.search(self.text, position)
        start = self.zeros.find(b"0", position)
        return None if start == -1 else _NUMBER.match(self.text, start)


def parse_number(
    text: str, decimal_comma: bool, *, fraction: bool = True
) -> tuple[float, float, float] | None:
    """(low, high, step) of a number as written: "1,5" -> (1.5, 1.5, 0.1).

    Thousands and decimal separators follow ``decimal_comma``: "1.500" is 1500 in German,
    1.5 in English; "1,400" is 1400 in English, 1.4 in French; "1.400,50" is 1400.5 anywhere.
    "1/4" and "1 1/2" are fractions (unless ``fraction`` is false); "110/220" and "12/24" are
    two alternatives, low < high.
    """
    if "/" in text:
        whole, _, written = text.replace("-", " ").rpartition(" ")
        parts = written.split("/")
        if len(parts) != 2 or not all(parts):
            return None
        top, bottom = parts
        if fraction and top.isdigit() and bottom.isdigit():
            numerator, denominator = int(top), int(bottom)
            if denominator in (2, 3, 4, 8, 16, 32, 64) and 0 < numerator < denominator:
                value = (int(whole) if whole else 0) + numerator / denominator
                return value, value, 1 / denominator
        if whole:
            return None
        first, second = parse_number(top, decimal_comma), parse_number(bottom, decimal_comma)
        if first is None or second is None:
            return None
        return min(first[0], second[0]), max(first[0], second[0]), max(first[2], second[2])
    cleaned = text.replace("\u00a0", "").replace("\u202f", "")
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        cleaned = cleaned.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif "," in cleaned or "." in cleaned:
        separator = "," if "," in cleaned else "."
        head, *groups = cleaned.split(separator)
        grouping = "." if decimal_comma else ","
        if len(groups) > 1 or (separator == grouping and len(groups[0]) == 3):
            cleaned = head + "".join(groups)
        else:
            cleaned = f"{head}.{groups[0]}"
    _, _, decimals = cleaned.partition(".")
    return float(cleaned), float(cleaned), 10.0 ** -len(decimals)


def _may_precede(text: str, start: int) -> bool:
    """Whether the character before a number lets it begin a value ("S24", "XPS13" do not)."""
    before = text[start - 1]
    if not before.isalpha() or CJK.match(before):
        return True
    earlier = text[start - 2] if start >= 2 else " "
    if before in "LWHDBT" and not earlier.isalpha():
        return True  # "L29 x W13 x H11": a dimension's letter
    return before in f"xX{TIMES}" and (earlier.isdigit() or earlier in f"{_MARKS}m ")


def _read_unit(text: str, end: int, match: re.Match[str] | None) -> tuple[Unit | None, int]:
    """The unit written right after a number that ends at ``end``, and where it ends.

    ``match`` is the word after the number (``_UNIT_WORD`` matched at ``end``).
    """
    if match is None:
        return None, end
    space, word = match.group("sp"), match.group("word")
    stop = match.end()
    folded, exact, _ = _units()
    if CJK.match(word):
        for size in range(min(len(word), 4), 0, -1):  # "55英寸电视": the unit is "英寸"
            if word[:size] in folded:
                return folded[word[:size]], match.start("word") + size
        return None, end
    if word in _INCH_MARKS or word in _FOOT_MARKS:
        if "-" in space or (word in _FOOT_MARKS and stop < len(text) and text[stop].isalpha()):
            return None, end  # "5-'" and "90's"
        return folded[word], stop
    bare = word.rstrip(".")
    lowered = bare.casefold()
    if lowered not in _unit_starts() and bare not in exact:
        return None, end  # "30 days": the common case, turned down at once
    if lowered in _long_spellings():  # "fl oz", "sq. ft", "milliamp hours"
        more = _NEXT_WORD.match(text, stop)
        if more is not None:
            joined = _squeeze(bare + more.group("word").rstrip("."))
            if joined in folded:
                spelled = text[match.start("word") : more.end()].rstrip(".")
                return folded[joined], match.start("word") + len(spelled)
    if stop < len(text) and text[stop].isdigit():
        found = folded.get(lowered + text[stop])  # "m2", "cm3"
        return (found, stop + 1) if found is not None else (None, end)  # not "MP3", "5V2A"
    if bare in _TIGHT:
        found = None if space else exact.get(bare)
    elif lowered == "in" and word == bare:
        if "-" in space or not _INCH_FOLLOWS.match(text, stop):
            return None, end  # "2-in-1", "XPS 13 in silver"
        found = folded["inch"]
    else:
        found = exact.get(bare) or folded.get(word.casefold()) or folded.get(lowered)
    if found is None:
        return None, end
    if word.endswith(".") and word.casefold() not in folded:
        stop -= 1  # the period ends a sentence, not the unit
    if text.startswith("/", stop) and stop + 1 < len(text):
        following = text[stop + 1]
        if following.isalpha() or following.isspace():
            return None, end  # "g/min", "MB/s", "w/ case": a rate, not an amount
    return found, stop


def _joins(text: str, end: int, word: str) -> bool:
    """Whether a number without a unit may take the next number's unit ("40 x", "12,",
    "110-", "30 to", "1 1/2")."""
    if word in _joiners():
        return True
    position = end
    while position < len(text) and text[position] == " ":
        position += 1
    if position == len(text):
        return False
    if text[position] in _JOIN_MARKS:
        return True
    return position > end and _FRACTION_AHEAD.match(text, position) is not None


def _count(
    text: str, start: int, end: int, following: re.Match[str] | None, word: str
) -> Count | None:
    """A pack count: "pack of 3", "3-pack", "3 pcs", "set of 4", "lot de 2", "3 шт", "3件装"."""
    words = _reading_words()
    spec, stop = "", end
    if following is not None:
        if word == "er" and "-" not in following.group("sp"):
            german = _GERMAN_PACK.match(text, following.end())
            if german is not None:
                spec, stop = "pack", german.end()
        elif word in words["count_pack"]:
            spec, stop = "pack", following.end()
        elif word in words["count_pieces"]:
            spec, stop = "pieces", following.end()
        elif CJK.match(word):
            for size in (2, 1):
                if word[:size] in words["count_pieces"]:
                    spec, stop = "pieces", following.start("word") + size
                    break
    if not spec:
        if not text.endswith(_link_endings(), 0, start):
            return None  # the common case: no "pack of" before the number
        before = text[max(0, start - 24) : start].casefold().split()
        if len(before) < 2 or before[-1] not in words["count_links"]:
            return None
        if before[-2] not in words["count_nouns"]:
            return None
        spec = "pack"
        start = text.casefold().rfind(before[-2], 0, start)
    value = float(_NUMBER.findall(text, start, end)[-1])
    return Count(value, spec, start, stop)


def _atoms(text: str, decimal_comma: bool) -> tuple[list[Atom], list[Count]]:
    """The numbers of ``text`` that have a unit or may share one, and the pack counts."""
    atoms: list[Atom] = []
    counts: list[Count] = []
    numbers = _Numbers(text)
    match = numbers.at(0)
    while match is not None:
        start, end = match.span()
        number = match.group()
        while end < len(text) and text[end] in "\u00a0\u202f":
            grouped = _GROUPED.match(text, end)
            if grouped is None:
                break
            number, end = number + grouped.group()[1:], grouped.end()
        match = numbers.at(end)
        if start and not _may_precede(text, start):
            continue
        label = ""
        if text.startswith("(", end) or text.startswith(" (", end):
            paren = _PAREN_LABEL.match(text, end)
            if paren is not None:
                label, end = LABELS[paren.group(1).lower()], paren.end()
        following = _UNIT_WORD.match(text, end)
        found, stop = _read_unit(text, end, following)
        if found is None:
            word = following.group("word").casefold() if following is not None else ""
            if number.isdigit():
                count = _count(text, start, end, following, word)
                if count is not None:
                    counts.append(count)
            if not _joins(text, end, word):
                continue  # "30 days": no unit, and none to share
        if "/" in number and atoms and atoms[-1].unit is None:
            mixed = _MIXED.search(text, atoms[-1].start, start)
            if mixed is not None and mixed.start() == atoms[-1].start:  # "1 1/2 in"
                number, start = text[atoms[-1].start : start] + number, atoms.pop().start
        fractional = found is None or found.quantity in _FRACTIONAL
        parsed = parse_number(number, decimal_comma, fraction=fractional)
        if parsed is None:
            continue
        if found is not None and text[stop - 1] == "\u0433" and 1900 <= parsed[0] <= 2100:
            continue  # "2024 \u0433." is a year in Russian, not grams
        atom = Atom(start, stop if found else end, *parsed, found)
        atom.label = label
        if not label and start and text[start - 1] in "LWHDBT ":
            letter = _LABEL_BEFORE.search(text, max(0, start - 4), start)
            if letter:
                atom.label = LABELS[letter.group("label").lower()]
        atoms.append(atom)
    return atoms, counts


# --- numbers that belong together -------------------------------------------------------------


def _gap_kind(text: str, left: Atom, right: Atom) -> str:
    """How two neighbouring numbers are joined: "dims", "range", "alt", "list"... or ""."""
    gap = text[left.end : right.start]
    if len(gap) > 12:
        return ""
    if left.unit is not None and right.unit is not None:
        pair = (left.unit.symbol, right.unit.symbol)
        if pair in (("ft", "in"), ("lb", "oz")) and _COMPOUND.fullmatch(gap):
            return "compound"
        if set(pair) == {"W", "l"} and _gaps()[0][1].fullmatch(gap):
            return "jeans"  # "32W x 30L": waist and leg in inches, not watts and litres
        if left.unit.quantity != right.unit.quantity:
            return ""
    for how, pattern in _gaps():
        joined = pattern.fullmatch(gap)
        if joined is None:
            continue
        if how == "dims":
            adjective = (joined.group("adj") or "").casefold()
            if adjective and adjective not in _dimension_adjectives():
                return ""
            if adjective:
                left.label = _dimension_adjectives()[adjective]  # "6'' wide by 12'' long"
            if joined.group("label"):
                right.label = LABELS[joined.group("label").lower()]
        return how
    return ""


def _chain(text: str, atoms: list[Atom], i: int) -> tuple[list[Atom], str]:
    """The atoms from ``i`` on that form one expression, and how they are joined."""
    chain = [atoms[i]]
    how = ""
    while i + len(chain) < len(atoms):
        kind = _gap_kind(text, chain[-1], atoms[i + len(chain)])
        if not kind or (how and kind != how):
            break
        chain.append(atoms[i + len(chain)])
        how = kind
        if how in ("range", "alt", "plus", "compound", "jeans"):
            break  # these join two numbers only
    if how == "list":
        with_unit = [atom.unit is not None for atom in chain]
        if not all(with_unit) and any(with_unit[:-1]):
            return chain[:1], ""  # "24/7, 1 1/2 in, 1/4 in" is no list of one unit
        if len(chain) == 2 and not _list_word().search(text, chain[0].end, chain[1].start):
            chain.pop()  # "12 and 15 cm" is a list; "iPhone 15, 128GB" and "40 W, 36 W" are not
    while len(chain) > 1 and chain[-1].unit is None:
        chain.pop()  # a number after the last unit has none to share
    return chain, how if len(chain) > 1 else ""


def read(text: str, decimal_comma: bool) -> tuple[list[Chain], list[Count]]:
    """The values with units in ``text``, and its pack counts."""
    atoms, counts = _atoms(text, decimal_comma)
    chains: list[Chain] = []
    i = 0
    while i < len(atoms):
        chain, how = _chain(text, atoms, i)
        i += len(chain)
        units: list[Unit] = []
        following: Unit | None = None
        for atom in reversed(chain):  # a number without a unit takes the next one's
            following = atom.unit or following
            if following is None:
                break
            units.append(following)
        if len(units) < len(chain) or how == "jeans":
            continue
        units.reverse()
        if how == "dims" and units[0].quantity != "length":
            first = chain[0]
            if len(chain) != 2 or first.unit is not None or first.low != first.high:
                continue
            if not first.low.is_integer() or first.low >= 20:
                continue
            chain, units, how = chain[1:], units[1:], "each"  # "2 x 1.5 V": each of two parts
        chains.append(Chain(chain, units, how))
    return chains, counts
