"""The word lists of ``listlint/vocab/`` compiled for the spec extractor, per language set.

A :class:`Lexicon` holds one trie regex that finds every colour word, colour modifier, material
word and name (brands and works that contain such words) in a text, a dict that says what each
match is, and the context word sets the extractor consults around a match. Building one takes a
few milliseconds; :func:`lexicon` caches one per (languages, user words) combination.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from listlint import _vocab
from listlint.text import _trie
from listlint.text._latin1 import is_latin1

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "ru", "zh")
# Without a declared language: English and the vocabularies whose script cannot be mistaken.
DEFAULT_LANGUAGES = ("en", "ru", "zh")
# Letters and digits of the scripts written with spaces: a word must not touch one of these.
WORD_CHARS = (
    "0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f"
)
# The same as a set of characters (they all sit below U+0530).
_WORD_CHAR_SET = frozenset(
    ch for ch in map(chr, range(0x530)) if re.match(f"[{WORD_CHARS}]", ch) is not None
)
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A word: letters and digits, with inner hyphens and apostrophes ("t-shirt", "men's").
TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
# The same for ASCII text: a class is tested far faster than \w's Unicode lookups.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'\u2019][A-Za-z0-9]+)*")
# Punctuation to blank out before splitting a text into words for the first-word test.
_PUNCTUATION = "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~-"
# ... and the typographic quotes, dashes, bullets and CJK punctuation sellers paste in.
_TYPOGRAPHIC = (
    "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2022\u00b7\u25aa\u25cf\u25a0\u00ae\u2122"
    "\u00a9\u00b0\u2032\u2033\u2026\u00a1\u00bf\u3002\uff0c\u3001\uff1b\uff1a\uff01\uff1f\uff08\uff09"
    "\u3010\u3011\u300c\u300d\u300e\u300f"
)
SPACE_PUNCTUATION = {ord(ch): " " for ch in _PUNCTUATION + _TYPOGRAPHIC}
# The same as a regex: str.translate() with a dict takes ~70 ns a character on non-ASCII text.
_SPACE_PUNCTUATION = re.compile(f"[{re.escape(_PUNCTUATION + _TYPOGRAPHIC)}]")
_BYTES_PUNCTUATION = bytes(32 if chr(i) in _PUNCTUATION else i for i in range(256))
# ... and with the ASCII blanks that str.split() cuts at but bytes.split() does not.
_BYTES_BLANKS = bytes(
    32 if chr(i) in _PUNCTUATION or (i < 128 and chr(i).isspace()) else i for i in range(256)
)
# What str.split() after SPACE_PUNCTUATION cuts at beyond ASCII: typographic marks and blanks
# (Unicode has none past U+3000). One class of characters: a search for a category is slower.
_BLANKS_BEYOND_ASCII = "".join(ch for ch in map(chr, range(0x80, 0x3001)) if ch.isspace())
_SPLITTERS = re.compile(f"[{re.escape(_TYPOGRAPHIC + _BLANKS_BEYOND_ASCII)}]")
# The few of them a Latin-1 text can hold: a substring test each beats that regex's scan.
_LATIN1_SPLITTERS = tuple(ch for ch in _TYPOGRAPHIC + _BLANKS_BEYOND_ASCII if ord(ch) < 0x100)


def _splits_as_bytes(lowered: str) -> bool:
    """Whether ``lowered`` (not ASCII) has no typographic mark and no blank beyond ASCII, so that
    its UTF-8 bytes split at ASCII punctuation and blanks cut the same words as str.split()."""
    if is_latin1(lowered):
        return not any(ch in lowered for ch in _LATIN1_SPLITTERS)
    return _SPLITTERS.search(lowered) is None


@dataclass(frozen=True)
class Entry:
    """What one matched word is. A word may be a colour and a material ("gold", "steel")."""

    color: str = ""  # canonical colour, "" if none
    color_use: str = ""  # "" anywhere, "weak" in a colour context, "attribute" attributes only
    material: str = ""
    material_weak: bool = False
    modifier: bool = False  # "light", "dark", "clair": shades a colour word next to it
    name: bool = False  # a brand or a work: the words inside it state nothing

    @property
    def attribute_only(self) -> bool:
        return self.color_use == "attribute" and not self.material and not self.name


class Lexicon:
    """The compiled vocabularies for one set of languages (see :func:`lexicon`).

    The regexes are compiled on first use: a run that reads no text of these languages, or only
    attribute values, never pays for them.
    """

    __slots__ = (
        "_anchored",
        "_ascii_kept",
        "_ascii_value_words",
        "_ascii_values",
        "_candidates",
        "_cjk",
        "_in_texts",
        "_spaced",
        "_text_keys",
        "_unspaced",
        "_words",
        "ascii_phrases",
        "color_families",
        "entries",
        "fillings",
        "first_bytes",
        "first_words",
        "languages",
        "material_families",
        "material_strict",
        "minor_materials",
        "phrases",
        "readings",
        "sets",
    )

    def __init__(
        self,
        *,
        languages: tuple[str, ...],
        spaced: list[str],
        unspaced: list[str],
        in_texts: list[str],
        first_words: frozenset[str],
        entries: Mapping[str, Entry],
        color_families: Mapping[str, frozenset[str]],
        material_families: Mapping[str, frozenset[str]],
        material_strict: Mapping[str, frozenset[str]],
        minor_materials: frozenset[str],
        fillings: frozenset[str],
        sets: Mapping[str, frozenset[str]],
        phrases: Mapping[str, re.Pattern[str] | None],
        ascii_phrases: Mapping[str, re.Pattern[str] | None],
    ) -> None:
        self.languages = languages
        self._spaced = spaced  # every word of spaced scripts
        self._unspaced = unspaced  # every word of unspaced scripts (Chinese)
        self._in_texts = in_texts  # the spaced words looked for in texts
        self.first_words = first_words  # the first word of every text entry, as split() cuts it
        self.first_bytes = frozenset(w.encode() for w in first_words)  # ASCII texts: as bytes
        self.entries = entries
        self.color_families = color_families
        self.material_families = material_families
        self.material_strict = material_strict
        self.minor_materials = minor_materials
        self.fillings = fillings  # materials a text names as the filling ("Down Jacket")
        self.sets = sets
        # The context phrase regexes by name ("with", "made-of", "label-color"...), any case;
        # and the same for a lower-case ASCII text, or None (see _phrases).
        self.phrases: Mapping[str, re.Pattern[str]] = phrases  # type: ignore[assignment]
        self.ascii_phrases = ascii_phrases
        # What a word in a description sentence was read as, by (kind, sentence, word span):
        # shop texts repeat their sentences ("Machine wash cold."), so most words are read once.
        self.readings: dict[tuple[str, str, int, int], tuple[str, int, int, str] | None] = {}
        self._words: re.Pattern[str] | None = None
        # See value_entries: whether ASCII values are read in lower case (None: not decided
        # yet), and the regex that reads those of several words (built when one comes).
        self._ascii_values: bool | None = None
        self._ascii_kept: list[str] = []
        self._ascii_value_words: re.Pattern[str] | None = None
        self._anchored: re.Pattern[str] | None = None
        self._cjk: re.Pattern[str] | None = None
        self._text_keys: list[str] | None = None
        self._candidates: dict[str, _Candidate] = {}  # see _candidate

    @property
    def words(self) -> re.Pattern[str]:
        """Every word, any case, for a text passed through :func:`_trie.plain_dashes`."""
        if self._words is None:
            sep = _trie.PLAIN_SEPARATOR
            source = rf"(?<![{WORD_CHARS}])(?:{_trie.pattern(self._spaced, sep)})(?![{WORD_CHARS}])"
            if self._unspaced:
                source = f"{source}|{_trie.pattern(self._unspaced, sep)}"
            self._words = re.compile(source, re.IGNORECASE)
        return self._words

    def value_entries(self, text: str) -> list[Entry]:
        """What ``words`` finds in ``text`` (an attribute value), as entries, left to right.

        An ASCII value is read in lower case with a case-sensitive regex of the ASCII words,
        which compiles in half the time, and a value of one word by a lookup: a match in it
        must span it all (see :func:`_ascii_words`).
        """
        entries, key = self.entries, _trie.key
        if text.isascii():
            if self._ascii_values is None:
                kept = _ascii_words(self._spaced)
                self._ascii_values = kept is not None
                self._ascii_kept = kept or []
            if self._ascii_values:
                if text.isalpha():
                    entry = entries.get(text.lower())
                    return [] if entry is None else [entry]
                # Compiling it takes about 20 ms, which a catalog of one-word values (most
                # small ones) never needs to spend.
                if self._ascii_value_words is None:
                    self._ascii_value_words = _compile(_whole_words(self._ascii_kept), 0)
                return [
                    entry
                    for m in self._ascii_value_words.finditer(text.lower())
                    if (entry := entries.get(key(m.group()))) is not None
                ]
        return [
            entry
            for m in self.words.finditer(_trie.plain_dashes(text))
            if (entry := entries.get(key(m.group()))) is not None
        ]

    @property
    def anchored(self) -> re.Pattern[str]:
        """Every word of spaced scripts looked for in texts, lower case, matched at a position
        of a text passed through :func:`_trie.plain_dashes`."""
        if self._anchored is None:
            body = _trie.pattern(self._in_texts, _trie.PLAIN_SEPARATOR)
            self._anchored = re.compile(rf"(?:{body})(?![{WORD_CHARS}])")
        return self._anchored

    @property
    def cjk(self) -> re.Pattern[str] | None:
        """Every word of unspaced scripts (lower case, dashes plain), or None if there are none."""
        if self._cjk is None and self._unspaced:
            self._cjk = re.compile(_trie.pattern(self._unspaced, _trie.PLAIN_SEPARATOR))
        return self._cjk

    def _candidate(self, word: str) -> _Candidate:
        """What the anchored regex can match where ``word`` (a candidate, lower case) starts."""
        keys = self._text_keys
        if keys is None:
            texts = self._in_texts
            if any(_EDGE_SEPARATOR.search(w.strip()) for w in texts):
                keys = []  # a word that starts or ends with a separator: the regex decides
            else:
                keys = sorted(_trie.key(w) for w in texts)
            self._text_keys = keys
        found = _Candidate()
        if keys and all(ch in _WORD_CHAR_SET and ch.isalnum() for ch in word):
            at = bisect.bisect_right(keys, word)
            found.entry = self.entries.get(word) if at and keys[at - 1] == word else None
            size, nexts = len(word), set()
            while at < len(keys) and keys[at].startswith(word):
                nexts.add(keys[at][size])
                at += 1
            found.nexts = frozenset(nexts)
            found.regex_only = False
            if found.entry is None and nexts:
                # Only the occurrences that a continuation may follow can match: found by one
                # regex whose literal head Python searches for fast.
                escaped, chars = re.escape(word), "".join(re.escape(ch) for ch in sorted(nexts))
                found.finder = re.compile(rf"{escaped}(?<![^\W_]{escaped})(?=[\s\-_]*[{chars}])")
        self._candidates[word] = found
        return found

    def entry(self, token: str) -> Entry | None:
        """What a single word (a token without spaces) is, if it is a vocabulary word."""
        return self.entries.get(word_key(token))

    def has(self, name: str, token: str) -> bool:
        """Whether ``token`` (any case) is in the context word set ``name``."""
        return word_key(token) in self.sets[name]

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[str]:
        """The words of ``text[start:end]`` as lookup keys ("T-shirt" -> "tshirt")."""
        token = _ASCII_TOKEN if text.isascii() else TOKEN
        found = token.findall(text, start, len(text) if end is None else end)
        if not found:
            return found
        # One lower() and replace() for all the words: a space ends every word's context (also
        # for the final sigma), and a word holds no space and never becomes empty.
        return " ".join(found).lower().replace("-", "").split(" ")

    def scan(self, text: str, lowered: str | None = None) -> list[tuple[int, int, Entry]]:
        """Every vocabulary word in ``text``: (start, end, entry), left to right, no overlaps.

        ``lowered`` is ``text.lower()`` if the caller has it.

        Cheap when a text holds few of them: the words of the text are intersected with the
        first words of the vocabulary (C-speed set operations), and the trie regex is only
        tried where one of those occurs.
        """
        if lowered is None:
            lowered = text.lower()
        found: list[tuple[int, int, Entry]] = []
        entries = self.entries
        if len(lowered) != len(text):  # "İ" lower-cases to two characters: no shortcut
            for m in self.words.finditer(_trie.plain_dashes(text)):
                entry = entries.get(_trie.key(m.group()))
                if entry is not None and not entry.attribute_only:
                    found.append((m.start(), m.end(), entry))
            return found
        candidates: Iterable[str | bytes]
        ascii = lowered.isascii()
        if ascii:  # splitting bytes is twice as fast as splitting str
            candidates = self.first_bytes.intersection(
                lowered.encode().translate(_BYTES_PUNCTUATION).split()
            )
        elif _splits_as_bytes(lowered):
            # No typographic mark and no blank beyond ASCII: the bytes split cuts the same words.
            candidates = self.first_bytes.intersection(
                lowered.encode().translate(_BYTES_BLANKS).split()
            )
        else:
            candidates = self.first_words.intersection(_SPACE_PUNCTUATION.sub(" ", lowered).split())
        if candidates:
            target = lowered if ascii else _trie.plain_dashes(lowered)
            find, key, known = lowered.find, _trie.key, self._candidates
            length = len(lowered)
            for candidate in candidates:
                word = candidate.decode() if isinstance(candidate, bytes) else candidate
                info = known.get(word) or self._candidate(word)
                if info.finder is not None:
                    for m in info.finder.finditer(target):
                        hit = self.anchored.match(target, m.start())
                        if hit is not None:
                            entry = entries.get(key(hit.group()))
                            if entry is not None:
                                found.append((m.start(), hit.end(), entry))
                    continue
                nexts, own = info.nexts, info.entry
                if not info.regex_only and own is None and not nexts:
                    continue  # no word looked for in texts starts with it
                at = find(word)
                while at >= 0:
                    if at == 0 or not lowered[at - 1].isalnum():
                        after = at + len(word)
                        regex = info.regex_only
                        if nexts:
                            ahead = after
                            while ahead < length and (
                                target[ahead] in "-_" or target[ahead].isspace()
                            ):
                                ahead += 1
                            regex = ahead < length and target[ahead] in nexts
                        if regex:
                            hit = self.anchored.match(target, at)
                            if hit is not None:
                                entry = entries.get(key(hit.group()))
                                if entry is not None:
                                    found.append((at, hit.end(), entry))
                        elif own is not None and (
                            after >= length or target[after] not in _WORD_CHAR_SET
                        ):
                            found.append((at, after, own))
                    at = find(word, at + 1)
        if not ascii and self._unspaced and not is_latin1(lowered) and _CJK.search(text):
            cjk = self.cjk
            assert cjk is not None
            for m in cjk.finditer(_trie.plain_dashes(lowered)):
                entry = entries.get(m.group())
                if entry is not None:
                    found.append((m.start(), m.end(), entry))
        if len(found) > 1:
            found.sort(key=_span_order)
            kept = [found[0]]
            for item in found[1:]:
                if item[0] >= kept[-1][1]:
                    kept.append(item)
            found = kept
        return found


class _Candidate:
    """What the anchored regex can match where a candidate word starts.

    With ``regex_only`` the regex must decide. Otherwise the word is made of letters and digits
    only, so no match ends inside it, and a match longer than the word goes on, past
    separators, with one of ``nexts``: the first characters of what the keys that extend the
    word add to it ("b" of "blend" for "cotton", "w" of "white company" for "the"). Where the
    text goes on otherwise, the regex can only match the word itself, as ``entry`` (None if it
    is no key), and only before a character that is not a letter or digit. ``finder`` finds
    the only places a word that is no key may start a match.
    """

    __slots__ = ("entry", "finder", "nexts", "regex_only")

    def __init__(self) -> None:
        self.regex_only = True
        self.nexts: frozenset[str] = frozenset()
        self.entry: Entry | None = None
        self.finder: re.Pattern[str] | None = None


_EDGE_SEPARATOR = re.compile(r"^[\s\-_\u2010-\u2015]|[\s\-_\u2010-\u2015]$")


def _span_order(item: tuple[int, int, Entry]) -> tuple[int, int]:
    return item[0], -item[1]


def words_of(lowered: str) -> list[str]:
    """``lowered.translate(SPACE_PUNCTUATION).split()``, without str.translate's slow path."""
    if lowered.isascii():
        return lowered.encode().translate(_BYTES_PUNCTUATION).decode().split()
    return _SPACE_PUNCTUATION.sub(" ", lowered).split()


def word_key(token: str) -> str:
    """A single word as a lookup key: lower case, without hyphens ("T-Shirt" -> "tshirt")."""
    lowered = token.lower()
    return lowered.replace("-", "") if "-" in lowered else lowered


_MAX_EXTRA_WORD = 100


def parse_extra(words: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """User words from an option: "dune=beige" -> ("dune", "beige"); malformed ones raise."""
    pairs: list[tuple[str, str]] = []
    for item in words:
        word, sep, value = item.partition("=")
        if not sep or not word.strip() or not value.strip():
            raise ValueError(f"expected 'word=canonical', like 'dune=beige', not {item[:60]!r}")
        if len(word) > _MAX_EXTRA_WORD:
            raise ValueError(
                f"{word[:40]!r}... is longer than a word ({_MAX_EXTRA_WORD} characters at most)"
            )
        pairs.append((word.strip().lower(), value.strip().lower()))
    return tuple(pairs)


def languages_for(declared: str) -> tuple[str, ...]:
    """The vocabularies to use for a listing that declares ``declared`` (may be empty)."""
    primary = declared.split("-")[0].split("_")[0].strip().lower()
    if primary in LANGUAGES:
        return (primary,) if primary == "en" else (primary, "en")
    return DEFAULT_LANGUAGES


def _per_language(table: Mapping[str, Any], languages: Iterable[str]) -> list[str]:
    return [word for lang in languages for word in _vocab.strings(table.get(lang))]


@cache
def _data() -> dict[str, Mapping[str, Any]]:
    return {
        name: _vocab.load(f"{name}.toml")
        for name in ("colors", "materials", "names", "specs", "product_kinds")
    }


def _families(table: Mapping[str, Any], canonical: Iterable[str]) -> dict[str, frozenset[str]]:
    families = {value: frozenset({value}) for value in canonical}
    for value, members in table.items():
        families[value] = frozenset({value, *_vocab.strings(members)})
    return families


@cache
def lexicon(
    languages: tuple[str, ...],
    extra_colors: tuple[tuple[str, str], ...] = (),
    extra_materials: tuple[tuple[str, str], ...] = (),
) -> Lexicon:
    """The compiled vocabularies for ``languages`` plus the user's extra words."""
    data = _data()
    colors, materials = data["colors"], data["materials"]
    found: dict[str, dict[str, Any]] = {}

    def add(word: str, **what: Any) -> None:
        slot = found.setdefault(_trie.key(word), {"text": word})
        slot["text"] = _spaced_spelling(slot["text"], word)
        for k, v in what.items():
            slot.setdefault(k, v)  # the first language listed wins a clash

    for lang in languages:
        weak = {_trie.key(w) for w in _vocab.strings(colors["weak"].get(lang))}
        for value, words in colors["words"].get(lang, {}).items():
            for word in _vocab.strings(words):
                add(word, color=value, color_use="weak" if _trie.key(word) in weak else "")
        for word in _vocab.strings(colors["modifiers"].get(lang)):
            add(word, modifier=True)
        mweak = {_trie.key(w) for w in _vocab.strings(materials["weak"].get(lang))}
        for value, words in materials["words"].get(lang, {}).items():
            for word in _vocab.strings(words):
                add(word, material=value, material_weak=_trie.key(word) in mweak)
    for value, words in colors["attribute-only"].items():
        for word in _vocab.strings(words):
            add(word, color=value, color_use="attribute")
    for word, value in extra_colors:
        found.pop(_trie.key(word), None)
        add(word, color=value, color_use="")
    for word, value in extra_materials:
        found.pop(_trie.key(word), None)
        add(word, material=value, material_weak=False)
    for word in _vocab.strings(data["names"]["names"]):
        slot = found.setdefault(_trie.key(word), {"text": word})
        text = _spaced_spelling(slot["text"], word)
        slot.clear()
        slot.update(text=text, name=True)

    entries = {
        key: Entry(
            color=slot.get("color", ""),
            color_use=slot.get("color_use", ""),
            material=slot.get("material", ""),
            material_weak=slot.get("material_weak", False),
            modifier=slot.get("modifier", False),
            name=slot.get("name", False),
        )
        for key, slot in found.items()
    }
    spaced = [slot["text"] for slot in found.values() if not _CJK.search(slot["text"])]
    unspaced = [slot["text"] for slot in found.values() if _CJK.search(slot["text"])]
    # A text is searched for colour and material words and names; modifiers ("light") are
    # looked up next to a colour word, attribute-only words ("printed") are not looked for.
    in_texts = [
        slot["text"]
        for slot in found.values()
        if not _CJK.search(slot["text"])
        and (
            slot.get("material")
            or slot.get("name")
            or (slot.get("color") and slot.get("color_use") != "attribute")
        )
    ]
    first_words: set[str] = set()
    for word in in_texts:
        parts = word.lower().translate(SPACE_PUNCTUATION).split()
        if parts:
            first_words.add(parts[0])
            first_words.add("".join(parts))  # "offwhite" for "off-white"
    color_values = {e.color for e in entries.values() if e.color}
    material_values = {e.material for e in entries.values() if e.material}
    color_families = _families(colors["families"], [*colors["basic"], *color_values])
    material_families = _families(materials["families"], material_values)
    strict = dict(material_families)
    for value, members in materials.get("attribute-families", {}).items():
        strict[value] = frozenset({value, *_vocab.strings(members)})
    phrases, ascii_phrases = _phrases(languages)
    return Lexicon(
        languages=languages,
        spaced=spaced,
        unspaced=unspaced,
        in_texts=in_texts,
        first_words=frozenset(first_words),
        entries=entries,
        color_families=color_families,
        material_families=material_families,
        material_strict=strict,
        minor_materials=frozenset(_vocab.strings(materials["minor"])),
        fillings=frozenset(_vocab.strings(materials["fillings"])),
        sets=_context_sets(languages),
        phrases=phrases,
        ascii_phrases=ascii_phrases,
    )


def _spaced_spelling(known: str, other: str) -> str:
    """Of two spellings of one word ("steel series", "steelseries"), the one with more spaces
    or hyphens: the regex lets a space match none, so it also finds the other spelling, while
    "steelseries" would not find "Steel Series"."""
    return other if len(_trie.parts(other)) > len(_trie.parts(known)) else known


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_trie.key(w) for w in words)


@cache
def _context_sets(languages: tuple[str, ...]) -> dict[str, frozenset[str]]:
    data = _data()
    specs, colors, kinds = data["specs"], data["colors"], data["product_kinds"]
    nouns = [
        word
        for kind in ("clothing", "footwear", "bags", "home-textiles", "furniture")
        for word in _per_language(kinds[kind], languages)
    ]
    sets = {
        "product": _keys([*nouns, *_per_language(specs["product-nouns"], languages)]),
        "part": _keys(_per_language(specs["part-nouns"], languages)),
        "modifier-part": _keys(_vocab.strings(specs["modifier-parts"])),
        "audience": _keys(_vocab.strings(specs["audience"])),
        "this": _keys(_vocab.strings(specs["this"])),
        "stopword": _keys(_per_language(specs["stopwords"], languages)),
        "lining": _keys(_per_language(specs["lining"], languages)),
        "not-color-head": _keys(_per_language(colors["not-color-heads"], languages)),
        "not-material-head": _keys(_per_language(specs["not-material-heads"], languages)),
        "material-head": _keys(_per_language(specs["material-heads"], languages)),
        "imitation-after": _keys(_per_language(specs["imitation-after"], languages)),
        "imitation-before": _keys(_per_language(specs["imitation-before"], languages)),
        "negation-after": _keys(_per_language(specs["negation-after"], languages)),
        "connector": _keys(_per_language(specs["of-connectors"], languages)),
        "packaging": _keys(_per_language(specs["packaging"], languages)),
        "preposition": _keys(_per_language(specs["prepositions"], languages)),
        "made-of-first": frozenset(
            phrase.lower().split()[0] for phrase in _per_language(specs["made-of"], languages)
        ),
    }
    sets["not-item"] = sets["part"] | sets["lining"] | sets["packaging"]
    return sets


def _phrase_regex(
    words: Iterable[str], *, at_end: bool = False, at_start: bool = False, ascii: bool = False
) -> str:
    """A regex for ``words`` as whole words (``ascii``: for lower-case ASCII text only)."""
    if ascii:
        body = _trie.pattern(words, not_after=WORD_CHARS)
        source = rf"(?:{body})(?![{WORD_CHARS}])"
    else:
        body = _trie.pattern(words)
        source = rf"(?<![{WORD_CHARS}])(?:{body})(?![{WORD_CHARS}])"
    if at_end:
        source += r"[\s\-]*$"
    if at_start:
        source = r"^[\W_]*" + source
    return source


class _Compiled(dict[str, "re.Pattern[str] | None"]):
    """Regexes by name, each compiled when it is first asked for (None: no source)."""

    def __init__(self, sources: Mapping[str, str | None], flags: int) -> None:
        super().__init__()
        self._sources = sources
        self._flags = flags

    def __missing__(self, name: str) -> re.Pattern[str] | None:
        source = self._sources[name]
        compiled = self[name] = None if source is None else _compile(source, self._flags)
        return compiled


@cache
def _compile(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


@cache
def _phrases(languages: tuple[str, ...]) -> tuple[_Compiled, _Compiled]:
    """The context phrase regexes for ``languages``: any case, and for lower-case ASCII text.

    The second are case-sensitive and written so that a search skips to the possible first
    letters at C speed: on an ASCII text lowered they find what the first find on the text.
    A name maps to None there when its words could match an ASCII text otherwise.
    """
    specs = _data()["specs"]
    labels = specs["labels"]
    lists = {
        "with": _per_language(specs["with"], languages),
        "other": _per_language(specs["other"], languages),
        "available": _per_language(specs["available"], languages),
        "negation": _per_language(specs["negation-before"], languages),
        "made-of": _per_language(specs["made-of"], languages),
    }
    any_case: dict[str, str | None] = {}
    ascii: dict[str, str | None] = {}
    for name, words in lists.items():
        at_end = name == "negation"
        any_case[name] = _phrase_regex(words, at_end=at_end)
        kept = _ascii_words(words)
        ascii[name] = None if kept is None else _phrase_regex(kept, at_end=at_end, ascii=True)
    for kind in ("color", "material", "size"):
        label_words = _vocab.strings(list(labels[kind]))
        any_case[f"label-{kind}"] = _label_regex(label_words)
        kept = _ascii_words(label_words)
        ascii[f"label-{kind}"] = None if kept is None else _label_regex(kept, ascii=True)
    return _Compiled(any_case, re.IGNORECASE), _Compiled(ascii, 0)


def _context_phrases(languages: tuple[str, ...]) -> Mapping[str, re.Pattern[str]]:
    """The context phrase regexes for ``languages`` (any case), compiled on first use."""
    return _phrases(languages)[0]  # type: ignore[return-value]


_ASCII = "".join(map(chr, range(128)))


@cache
def matches_ascii(ch: str) -> bool:
    """Whether ``ch`` matches some ASCII character when case is ignored (the dotless i matches
    "I")."""
    return re.search(re.escape(ch), _ASCII, re.IGNORECASE) is not None


def _ascii_words(words: Iterable[str]) -> list[str] | None:
    """Of ``words``, those that can match in an ASCII text when case is ignored, where they
    match as their lower case does in the text's lower case; None if a word could match an
    ASCII text otherwise (one with a dotless i or a long s, which match "I" and "S") or starts
    with a separator."""
    kept: list[str] = []
    for word in words:
        lowered = word.strip().lower()
        if not lowered or _trie.starts_with_separator(lowered):
            return None
        if lowered.isascii():
            kept.append(word)
        elif any(matches_ascii(ch) for ch in lowered if not ch.isascii()):
            return None
    return kept


def _whole_words(words: Iterable[str]) -> str:
    """``words`` as whole words, in lower-case ASCII text (see :func:`_ascii_words`)."""
    body = _trie.pattern(words, _trie.PLAIN_SEPARATOR)
    return rf"(?<![{WORD_CHARS}])(?:{body})(?![{WORD_CHARS}])"


def _label_regex(words: Iterable[str], *, ascii: bool = False) -> str:
    """A label and its colon, e.g. "Colour:", "Obermaterial :" or "【Color】"."""
    if ascii:
        body = _trie.pattern(words, not_after=WORD_CHARS)
        return rf"(?:{body})\s*[:\uff1a\u3011]"
    return rf"(?<![{WORD_CHARS}])(?:{_trie.pattern(_vocab.strings(list(words)))})\s*[:\uff1a\u3011]"
