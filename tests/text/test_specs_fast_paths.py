"""The spec extractor's fast paths give what the plain regexes give (listlint/text/_lexicon.py)."""

from __future__ import annotations

import random
import re

import pytest

from listlint import _vocab
from listlint.model import Listing, SourceLocation
from listlint.text import _lexicon, _trie, product_kind
from listlint.text._lexicon import WORD_CHARS
from listlint.text.specs import ListingSpecs

LANGUAGE_SETS = [("en",), ("de", "en"), ("fr", "en"), ("ru", "en"), ("en", "ru", "zh")]
PHRASES = ["with", "other", "available", "negation", "made-of"]
LABELS = ["label-color", "label-material", "label-size"]
FILLERS = ["x", "cotton", "the", "1", "_", "-", " ", "  ", ":", " :", "(", ".", "'", "s", "in"]


def _texts(words: list[str], seed: int, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            word = rng.choice(words) if rng.random() < 0.5 else rng.choice(FILLERS)
            draw = rng.random()
            word = word.upper() if draw < 0.3 else word.title() if draw < 0.5 else word
            parts += [word, rng.choice([" ", "", "-", ", ", ": ", "\n", " - "])]
        texts.append("".join(parts))
    return texts


def test_no_blank_past_u3000() -> None:
    # _lexicon._SPLITTERS lists the blanks beyond ASCII up to U+3000 only.
    assert not any(chr(code).isspace() for code in range(0x3001, 0x110000))


def test_latin1_texts_split_as_the_regex_says() -> None:
    # _splits_as_bytes looks for the few marks a Latin-1 text can hold instead of the regex.
    for code in range(0x80, 0x3001):
        for text in (f"größe{chr(code)}m", f"taille{chr(code)}", f"{chr(code)}é"):
            assert _lexicon._splits_as_bytes(text) == (_lexicon._SPLITTERS.search(text) is None)


@pytest.mark.parametrize("languages", LANGUAGE_SETS)
def test_ascii_phrases_find_what_the_phrases_find(languages: tuple[str, ...]) -> None:
    lex = _lexicon.lexicon(languages)
    specs = _vocab.load("specs.toml")
    words = [w for table in ("with", "other", "made-of") for w in specs[table].get("en", [])]
    words += [w for kind in ("color", "material", "size") for w in specs["labels"][kind]]
    words = [w for w in words if w.isascii()]
    for name in PHRASES + LABELS:
        fast = lex.ascii_phrases[name]
        assert fast is not None
        for text in _texts(words, seed=len(name)):
            found = [m.span() for m in lex.phrases[name].finditer(text)]
            assert [m.span() for m in fast.finditer(text.lower())] == found, (name, text)


def test_words_that_match_ascii_otherwise_have_no_ascii_pattern() -> None:
    assert _lexicon._ascii_words(["made of", "fabrique en"]) == ["made of", "fabrique en"]
    assert _lexicon._ascii_words(["fabriqué en"]) == []  # "é" never matches ASCII text
    assert _lexicon._ascii_words(["kılım"]) is None  # the dotless i matches "I"  # noqa: RUF001


def test_a_guard_after_the_first_letter_is_a_guard_before_the_word() -> None:
    words = ["red", "rose gold", "off-white", "b"]
    guarded = re.compile(rf"(?:{_trie.pattern(words, not_after=WORD_CHARS)})")
    plain = re.compile(rf"(?<![{WORD_CHARS}])(?:{_trie.pattern(words)})")
    for text in ("red", "bred red", "xrose gold rose  gold", "b b2 ab off white", "éred", "1b"):
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


@pytest.mark.parametrize("languages", LANGUAGE_SETS)
def test_scan_finds_what_the_anchored_regex_finds(languages: tuple[str, ...]) -> None:
    """Candidates that no word goes on from, or that are no word themselves, skip the regex."""
    lex = _lexicon.lexicon(languages)
    words = ["the", "cotton", "cotton blend", "off", "white", "off-white", "recycled", "the north"]
    for text in _texts(words, seed=7, count=300):
        lowered = text.lower()
        expected = []
        for at in range(len(lowered)):
            if at and lowered[at - 1].isalnum():
                continue
            hit = lex.anchored.match(_trie.plain_dashes(lowered), at)
            if hit is not None and lex.entries.get(_trie.key(hit.group())) is not None:
                expected.append((at, hit.end()))
        found = [(start, end) for start, end, _ in lex.scan(text)]
        # The scan only looks where a word of the text starts a vocabulary entry, and keeps
        # the leftmost of overlapping hits: every hit it keeps is one the regex makes.
        assert set(found) <= set(expected), text


def test_value_entries_of_one_word() -> None:
    lex = _lexicon.lexicon(_lexicon.LANGUAGES)
    for value in ("Navy", "NAVY", "cotton", "Heritage", "Polyester", "Noir"):
        slow = [lex.entries[_trie.key(m.group())] for m in lex.words.finditer(value)]
        assert lex.value_entries(value) == slow, value


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "zh"])
def test_product_kind_ascii_matcher_agrees(language: str) -> None:
    titles = ["Red Cotton Hoodie", "Tea, 100 Bags", "Herrenjacke Blau", "Sac à dos", "T-Shirts"]
    titles += ["Shoe Rack", "Coat Hanger", "Zapatillas", "tote bag", "Sneakers 2 x"]
    for title in titles:
        lowered = title.lower()
        fast = product_kind._ascii_matcher(language)
        if not lowered.isascii() or fast is None:
            continue
        slow = product_kind._matcher(language)
        assert [m.span() for m in fast.finditer(lowered)] == [
            m.span() for m in slow.finditer(lowered)
        ], title


def _listing(title: str, description: str, **attributes: str) -> Listing:
    return Listing(
        id="T1",
        title=title,
        source=SourceLocation("test.jsonl", 1),
        description=description,
        attributes={name: (value,) for name, value in attributes.items()},
    )


@pytest.mark.parametrize(
    ("kind", "values"),
    [("color", ["black"]), ("color", ["multicolor"]), ("material", ["cotton"])],
)
def test_groups_against_leaves_out_only_agreeing_groups(kind: str, values: list[str]) -> None:
    description = (
        "Red cotton hoodie. Material: 100% polyester. Navy blue wool sweater. Black hoodie. "
        "The packaging is made from recycled cardboard."
    )
    listing = _listing("Hoodie", description, color="Black", material="Cotton")
    full = ListingSpecs(listing)
    wrong = [g for g in full.groups(kind, "description") if full.agrees(kind, g, values) is False]
    part = ListingSpecs(listing)
    assert [
        g
        for g in part.groups_against(kind, "description", values)
        if part.agrees(kind, g, values) is False
    ] == wrong
