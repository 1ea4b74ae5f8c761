"""What kind of product a listing sells (clothing, footwear, bags...), from its category and title.

The kind decides which attributes a profile requires, so a wrong guess is a false
``missing-size``. The rules, in order:

1. the deepest category segment that names a kind decides, when it is the last segment
   ("Men/Tops/Tees" is clothing, "Apparel/Headware/Sunglasses" is not);
2. a department whose products have no required attributes ("Books", "Lebensmittel",
   "Automotive"), deepest segment first, decides there is no kind: in "The Jacket Potato
   Cookbook" under "Books/Cooking" or "Sekt trocken" under "Lebensmittel/Sekt", a title word
   is not the product;
3. otherwise the title decides ("Mountain fox cushion" under "Home Accessories");
4. otherwise a broader category segment ("Clothing > Belts", untold by the title, is clothing).

In a title the product noun comes last in English, German and Chinese ("Coat Hanger" is a
hanger) and first in French, Spanish, Italian, Portuguese and Russian ("Sac à chaussures").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from listlint import _toml
from listlint.text._lexicon import matches_ascii as _matches_ascii

# Plural and inflection endings added to each vocabulary word, per language.
_ENDINGS = {
    "en": "(?:s|es)?",
    "fr": "(?:s|x)?",
    "es": "(?:s|es)?",
    "pt": "(?:s|es)?",
    "it": "",
    "de": "(?:e|n|en|s|er)?",
    "ru": "",
    "zh": "",
}
_NOUN_FIRST = frozenset({"fr", "es", "pt", "it", "ru"})
_NO_WORD_BOUNDARIES = frozenset({"zh"})
# Without a declared language, only vocabularies whose script cannot be mistaken for another's.
_DEFAULT_LANGUAGES = ("en", "ru", "zh")
_CATEGORY_SEPARATORS = re.compile(r"\s*(?:/|>|\||\\|»)\s*")
# The [departments] table: category names only, a kind of their own without requirements.
_DEPARTMENT = "department"
_COUNT_BEFORE = re.compile(r"\d\s*(?:x\s*)?$")


@dataclass(frozen=True)
class KindMatch:
    kind: str
    word: str  # the text that named it, for messages
    where: str  # "category" or "title"


@cache
def _vocabulary(in_category: bool = False) -> dict[str, dict[str, str]]:
    """language -> {word: kind}; departments only for a category."""
    data = _toml.loads(
        resources.files("listlint.vocab").joinpath("product_kinds.toml").read_text("utf-8")
    )
    words: dict[str, dict[str, str]] = {}
    for kind, by_language in data.items():
        if kind == "departments":
            if not in_category:
                continue
            kind = _DEPARTMENT
        for language, entries in by_language.items():
            for word in entries:
                words.setdefault(language, {})[word.lower()] = kind
    return words


@cache
def _matcher(language: str, in_category: bool = False) -> re.Pattern[str]:
    words = sorted(_vocabulary(in_category).get(language, {}), key=len, reverse=True)
    flags = 0 if language in _NO_WORD_BOUNDARIES else re.IGNORECASE
    return re.compile(_source(language, words), flags)


@cache
def _ascii_matcher(language: str, in_category: bool = False) -> re.Pattern[str] | None:
    """:func:`_matcher` for a text in lower-case ASCII: the same alternatives, less those that
    cannot match such a text, without the case-insensitive flag, under which Python tests every
    alternative at every position instead of only those that start with the letter there.
    None when a word could match an ASCII text otherwise than in lower case (a dotless i
    matches "I")."""
    kept: list[str] = []
    for word in sorted(_vocabulary(in_category).get(language, {}), key=len, reverse=True):
        if word.isascii():
            kept.append(word)
        elif any(_matches_ascii(ch) for ch in word if not ch.isascii()):
            return None
    if not kept:
        return re.compile("(?!)")
    return re.compile(_source(language, kept))


def _source(language: str, words: list[str]) -> str:
    alternatives = "|".join(re.escape(w) for w in words)
    if language in _NO_WORD_BOUNDARIES:
        return f"(?P<w>{alternatives})"
    # German compounds end in the kind noun ("Herrenjacke"), so allow a prefix there, of three
    # letters at least: "trocken" and "Barock" are not compounds of "Rock" (a skirt).
    prefix = r"(?:\w{3,}?)??" if language == "de" else ""
    return rf"(?<!\w){prefix}(?P<w>{alternatives}){_ENDINGS.get(language, '')}(?!\w)"


def _languages(declared: str) -> tuple[str, ...]:
    primary = declared.split("-")[0].split("_")[0].lower()
    if primary in _ENDINGS:
        return (primary,) if primary == "en" else (primary, "en")
    return _DEFAULT_LANGUAGES


def _find(text: str, languages: tuple[str, ...], in_category: bool = False) -> KindMatch | None:
    noun_first = languages[0] in _NOUN_FIRST
    # (start, -length, -length of the vocabulary word, kind, text): of two matches of the same
    # text, the longer word wins ("Fahrradmantel" is a tyre, before "Mantel" with a prefix).
    found: list[tuple[int, int, int, str, str]] = []
    lowered = text.lower()
    ascii = lowered.isascii()
    for language in languages:
        vocabulary = _vocabulary(in_category).get(language, {})
        matcher = _ascii_matcher(language, in_category) if ascii else None
        for match in (matcher or _matcher(language, in_category)).finditer(lowered):
            # Only the text just before the word: from 0 on, a long title costs n² here.
            if _COUNT_BEFORE.search(lowered, max(0, match.start() - 64), match.start()):
                continue  # "Tea, 100 Bags" counts bags, it does not sell one
            word = match.group("w").lower()
            text_matched = match.group(0)
            found.append(
                (match.start(), -len(text_matched), -len(word), vocabulary[word], text_matched)
            )
    if not found:
        return None
    found.sort()
    # Drop matches inside a longer one that starts earlier ("shoe rack" hides "rack").
    kept: list[tuple[int, int, int, str, str]] = []
    for item in found:
        if kept and item[0] < kept[-1][0] - kept[-1][1]:
            continue
        kept.append(item)
    start, _, _, kind, word = kept[0] if noun_first else kept[-1]
    return KindMatch(kind, text[start : start + len(word)], "")


# missing-color, missing-size and missing-material each ask about the same listing in turn.
@lru_cache(maxsize=4096)
def product_kind(category: str, title: str, language: str = "") -> KindMatch | None:
    """The listing's product kind, or None when neither category nor title names one."""
    languages = _languages(language)
    last, broad = _category_kind(category, languages)
    if last is not None:
        return None if last.kind == _DEPARTMENT else last
    if broad is not None and broad.kind == _DEPARTMENT:
        return None
    titled = _find(title, languages)
    if titled is not None:
        return KindMatch(titled.kind, titled.word, "title")
    return broad


# Catalogs use a few hundred categories on many listings, but nearly every title is new: what
# the category says is read once per category, so most listings never search their title.
@lru_cache(maxsize=4096)
def _category_kind(
    category: str, languages: tuple[str, ...]
) -> tuple[KindMatch | None, KindMatch | None]:
    """What ``category`` says: (its last segment's kind, else None; a broader segment's kind:
    the deepest, or a department above a segment of no kind, "Electronics/Headphones/...")."""
    segments = [s for s in _CATEGORY_SEPARATORS.split(category.strip()) if s]
    broad = None
    for depth, segment in enumerate(reversed(segments)):
        match = _find(segment, languages, in_category=True)
        if match is None:
            continue
        found = KindMatch(match.kind, segment, "category")
        if depth == 0:
            return found, None
        if match.kind == _DEPARTMENT:
            return None, found
        broad = broad or found
        if match.kind != "other":
            break
    return None, broad
