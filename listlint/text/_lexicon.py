"""The word lists of ``listlint/vocab/`` compiled for the spec extractor, per language set.

A :class:`Lexicon` holds one trie regex that finds every colour word, colour modifier, material
word and name (brands and works that contain such words) in a text, a dict that says what each
match is, and the context word sets the extractor consults around a match. Building one takes a
few milliseconds; :func:`lexicon` caches one per (languages, user words) combination.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from listlint import _vocab
from listlint.text import _trie

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "ru", "zh")
# Without a declared language: English and the vocabularies whose script cannot be mistaken.
DEFAULT_LANGUAGES = ("en", "ru", "zh")
# Letters and digits of the scripts written with spaces: a word must not touch one of these.
WORD_CHARS = (
    "0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f"
)
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A word: letters and digits, with inner hyphens and apostrophes ("t-shirt", "men's").
TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
# Punctuation to blank out before splitting a text into words for the first-word test.
_PUNCTUATION = "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~-"
# ... and the typographic quotes, dashes, bullets and CJK punctuation sellers paste in.
_TYPOGRAPHIC = (
    "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2022\u00b7\u25aa\u25cf\u25a0\u00ae\u2122"
    "\u00a9\u00b0\u2032\u2033\u2026\u00a1\u00bf\u3002\uff0c\u3001\uff1b\uff1a\uff01\uff1f\uff08\uff09"
    "\u3010\u3011\u300c\u300d\u300e\u300f"
)
SPACE_PUNCTUATION = {ord(ch): " " for ch in _PUNCTUATION + _TYPOGRAPHIC}
_BYTES_PUNCTUATION = bytes(32 if chr(i) in _PUNCTUATION else i for i in range(256))


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


@dataclass(frozen=True)
class Lexicon:
    languages: tuple[str, ...]
    words: re.Pattern[str]  # every word, any case: for texts whose lower case changes length
    anchored: re.Pattern[str]  # every word of spaced scripts, lower case, matched at a position
    cjk: re.Pattern[str] | None  # every word of unspaced scripts
    first_words: frozenset[str]  # the first word of every text entry, as str.split() cuts it
    first_bytes: frozenset[bytes]  # the same, UTF-8 encoded: ASCII texts are split as bytes
    entries: Mapping[str, Entry]
    color_families: Mapping[str, frozenset[str]]
    material_families: Mapping[str, frozenset[str]]
    material_strict: Mapping[str, frozenset[str]]
    minor_materials: frozenset[str]
    sets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    phrases: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    # What a word in a description sentence was read as, by (kind, sentence, word span): shop
    # texts repeat their sentences ("Machine wash cold."), so most words are read once.
    readings: dict[tuple[str, str, int, int], tuple[str, int, int, str] | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def entry(self, token: str) -> Entry | None:
        """What a single word (a token without spaces) is, if it is a vocabulary word."""
        return self.entries.get(word_key(token))

    def has(self, name: str, token: str) -> bool:
        """Whether ``token`` (any case) is in the context word set ``name``."""
        return word_key(token) in self.sets[name]

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[str]:
        """The words of ``text[start:end]`` as lookup keys ("T-shirt" -> "tshirt")."""
        found = TOKEN.findall(text, start, len(text) if end is None else end)
        return [w.lower().replace("-", "") for w in found]

    def scan(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every vocabulary word in ``text``: (start, end, entry), left to right, no overlaps.

        Cheap when a text holds few of them: the words of the text are intersected with the
        first words of the vocabulary (C-speed set operations), and the trie regex is only
        tried where one of those occurs.
        """
        lowered = text.lower()
        found: list[tuple[int, int, Entry]] = []
        if len(lowered) != len(text):  # "İ" lower-cases to two characters: no shortcut
            for m in self.words.finditer(text):
                entry = self.entries.get(_trie.key(m.group()))
                if entry is not None and not entry.attribute_only:
                    found.append((m.start(), m.end(), entry))
            return found
        candidates: Iterable[str | bytes]
        if lowered.isascii():  # splitting bytes is twice as fast as splitting str
            candidates = self.first_bytes.intersection(
                lowered.encode().translate(_BYTES_PUNCTUATION).split()
            )
        else:
            candidates = self.first_words.intersection(lowered.translate(SPACE_PUNCTUATION).split())
        anchored, entries = self.anchored, self.entries
        for candidate in candidates:
            word = candidate.decode() if isinstance(candidate, bytes) else candidate
            at = lowered.find(word)
            while at >= 0:
                if at == 0 or not lowered[at - 1].isalnum():
                    hit = anchored.match(lowered, at)
                    if hit is not None:
                        entry = entries.get(_trie.key(hit.group()))
                        if entry is not None:
                            found.append((at, hit.end(), entry))
                at = lowered.find(word, at + 1)
        if self.cjk is not None and not text.isascii() and _CJK.search(text):
            for m in self.cjk.finditer(lowered):
                entry = entries.get(m.group())
                if entry is not None:
                    found.append((m.start(), m.end(), entry))
        if len(found) > 1:
            found.sort(key=lambda item: (item[0], -item[1]))
            kept = [found[0]]
            for item in found[1:]:
                if item[0] >= kept[-1][1]:
                    kept.append(item)
            found = kept
        return found


def word_key(token: str) -> str:
    """A single word as a lookup key: lower case, without hyphens ("T-Shirt" -> "tshirt")."""
    lowered = token.lower()
    return lowered.replace("-", "") if "-" in lowered else lowered


def parse_extra(words: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """User words from an option: "dune=beige" -> ("dune", "beige"); malformed ones raise."""
    pairs: list[tuple[str, str]] = []
    for item in words:
        word, sep, value = item.partition("=")
        if not sep or not word.strip() or not value.strip():
            raise ValueError(f"expected 'word=canonical', like 'dune=beige', not {item!r}")
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
        slot.clear()
        slot.update(text=word, name=True)

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
    spaced_trie = _trie.pattern(spaced)
    source = rf"(?<![{WORD_CHARS}])(?:{spaced_trie})(?![{WORD_CHARS}])"
    if unspaced:
        source = f"{source}|{_trie.pattern(unspaced)}"
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
    return Lexicon(
        languages=languages,
        words=re.compile(source, re.IGNORECASE),
        anchored=re.compile(rf"(?:{_trie.pattern(in_texts)})(?![{WORD_CHARS}])"),
        cjk=re.compile(_trie.pattern(unspaced)) if unspaced else None,
        first_words=frozenset(first_words),
        first_bytes=frozenset(w.encode() for w in first_words),
        entries=entries,
        color_families=color_families,
        material_families=material_families,
        material_strict=strict,
        minor_materials=frozenset(_vocab.strings(materials["minor"])),
        sets=_context_sets(languages),
        phrases=_context_phrases(languages),
    )


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


def _phrase_regex(words: Iterable[str], *, at_end: bool = False, at_start: bool = False) -> str:
    body = _trie.pattern(words)
    source = rf"(?<![{WORD_CHARS}])(?:{body})(?![{WORD_CHARS}])"
    if at_end:
        source += r"[\s\-]*$"
    if at_start:
        source = r"^[\W_]*" + source
    return source


@cache
def _context_phrases(languages: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    specs = _data()["specs"]

    def compile_(source: str) -> re.Pattern[str]:
        return re.compile(source, re.IGNORECASE)

    labels = specs["labels"]
    return {
        "with": compile_(_phrase_regex(_per_language(specs["with"], languages))),
        "other": compile_(_phrase_regex(_per_language(specs["other"], languages))),
        "available": compile_(_phrase_regex(_per_language(specs["available"], languages))),
        "negation": compile_(
            _phrase_regex(_per_language(specs["negation-before"], languages), at_end=True)
        ),
        "made-of": compile_(_phrase_regex(_per_language(specs["made-of"], languages))),
        "label-color": compile_(_label_regex(labels["color"])),
        "label-material": compile_(_label_regex(labels["material"])),
        "label-size": compile_(_label_regex(labels["size"])),
    }


def _label_regex(words: Iterable[str]) -> str:
    """A label and its colon, e.g. "Colour:", "Obermaterial :" or "【Color】"."""
    return rf"(?<![{WORD_CHARS}])(?:{_trie.pattern(_vocab.strings(list(words)))})\s*[:\uff1a\u3011]"
