"""The data files behind the spec extractor are complete and consistent (listlint/vocab/)."""

from __future__ import annotations

import pytest

from listlint import _vocab
from listlint.text import _lexicon

LANGUAGES = _lexicon.LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_names_the_basic_colors(language: str) -> None:
    words = _vocab.load("colors.toml")["words"][language]
    for family in ("black", "white", "gray", "red", "blue", "green", "yellow", "brown"):
        assert words.get(family), f"{language} has no word for {family}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_names_the_common_materials(language: str) -> None:
    words = _vocab.load("materials.toml")["words"][language]
    for material in ("cotton", "polyester", "wool", "leather", "silk", "plastic", "glass"):
        assert words.get(material), f"{language} has no word for {material}"


@pytest.mark.parametrize("name", ["colors.toml", "materials.toml"])
def test_weak_words_are_words_of_their_language(name: str) -> None:
    data = _vocab.load(name)
    for language, weak in data["weak"].items():
        known = {w for words in data["words"].get(language, {}).values() for w in words}
        assert set(weak) <= known, f"{name} [weak.{language}]: {sorted(set(weak) - known)}"


def test_color_families_are_basic_colors() -> None:
    data = _vocab.load("colors.toml")
    basic = set(data["basic"])
    for shade, families in data["families"].items():
        assert set(families) <= basic, shade


def test_material_families_name_known_materials() -> None:
    data = _vocab.load("materials.toml")
    known = {m for language in data["words"].values() for m in language}
    for table in ("families", "attribute-families"):
        for material, members in data[table].items():
            unknown = set(members) - known - set(data["families"])
            assert not unknown, f"[{table}] {material}: {sorted(unknown)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_context_words(language: str) -> None:
    specs = _vocab.load("specs.toml")
    for table in ("part-nouns", "other", "negation-before", "lining", "made-of", "stopwords"):
        if language == "zh" and table == "stopwords":
            continue  # Chinese fragments are not read word by word
        assert specs[table].get(language), f"specs.toml [{table}] lacks {language}"


@pytest.mark.parametrize("languages", [("en",), ("fr", "en"), ("zh", "en"), _lexicon.LANGUAGES])
def test_lexicons_compile(languages: tuple[str, ...]) -> None:
    lex = _lexicon.lexicon(languages)
    assert lex.entries
    assert lex.scan("Red cotton hoodie")
