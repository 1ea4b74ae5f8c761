from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.title_repeated_words import TitleRepeatedWords
from listlint.testing import run_check


def _messages(title: str, options: dict[str, Any] | None = None) -> list[str]:
    record = {"id": "T1", "title": title}
    return [f.message for f in run_check(TitleRepeatedWords, record, options=options)]


def test_a_word_twice_in_a_row_fires_and_is_quoted() -> None:
    (finding,) = run_check(TitleRepeatedWords, {"id": "T1", "title": "Cotton Cotton Shirt"})
    assert finding.message == "Title repeats 'Cotton' twice in a row: 'Cotton Cotton'"
    assert finding.fix == "Delete the second 'Cotton'"
    assert finding.severity.value == "warning"


def test_twice_in_a_row_ignores_case_and_punctuation_between() -> None:
    assert _messages("Cotton, cotton Shirt") == [
        "Title repeats 'Cotton' twice in a row: 'Cotton, cotton'"
    ]


def test_a_word_three_times_fires_with_its_count() -> None:
    assert _messages("Phone Case for Phone 15, Phone 15 Pro") == [
        "Title uses 'Phone' 3 times; marketplaces allow a word at most 2 times"
    ]


def test_three_in_a_row_is_one_finding() -> None:
    assert _messages("Mug Mug Mug") == [
        "Title uses 'Mug' 3 times; marketplaces allow a word at most 2 times"
    ]


def test_each_repeated_word_is_its_own_finding() -> None:
    assert len(_messages("Red Red Shirt Shirt")) == 2


@pytest.mark.parametrize(
    "title",
    [
        "Cotton Crew Neck Shirt, 100% Cotton",  # twice, not in a row
        "Side by Side Refrigerator",
        "Set of 2 Mugs, 2 Pack, 2 Colours",  # numbers
        "12 inch x 18 inch x 5 inch Box",  # units
        "Case for iPad with Stand for Desk with Pen Holder for Kids",  # stop words
        "Tasse für Kaffee, für Tee und für Kakao",  # German stop words
        "Sac pour femme pour le sport pour la plage",  # French stop words
        "XL XL XL Tee",  # tokens of one or two letters
        "Anti-Slip Slip-On Shoes",  # hyphenated words are one word
        "Bora Bora Beach Towel",  # a name said twice
        "Mahi Mahi Fillets, Wild Caught",
        "Walla Walla Sweet Onions",
        "Baden-Baden Travel Guide",
        "Baden Baden Postcard",
        "Pom Pom Beanie with Pom Pom",  # the name twice is two uses
        "Tom Tom GPS Mount",
        "Can Can Skirt",
        "Ylang Ylang Essential Oil",
        "北京 烤鸭",
        "Nike Air Max 90 Running Shoes",
    ],
)
def test_legitimate_titles_pass(title: str) -> None:
    assert _messages(title) == []


def test_a_name_said_twice_still_counts_when_stuffed() -> None:
    assert _messages("Bora Bora Towel, Bora Bora Mug, Bora Bora Print") == [
        "Title uses 'Bora Bora' 3 times; marketplaces allow a word at most 2 times"
    ]


def test_allow_option_takes_words_and_two_word_names() -> None:
    assert _messages("Wiki Wiki Shuttle Bus")
    assert _messages("Wiki Wiki Shuttle Bus", {"allow": ["wiki wiki"]}) == []
    assert _messages("Wiki Wiki Shuttle Bus", {"allow": ["Wiki-Wiki"]}) == []
    assert _messages("Lego Lego Lego Set")
    assert _messages("Lego Lego Lego Set", {"allow": ["LEGO"]}) == []
    # The built-in names still apply next to the user's.
    assert _messages("Bora Bora Towel", {"allow": ["wiki wiki"]}) == []


@pytest.mark.parametrize(
    "title",
    [
        "Cotton Crew Neck Shirt",
        "Men's T-Shirt, MEN'S t-shirt",
        "Bora Bora Beach Towel",
        "x2 Pack PACK pack",
        "Größe STRASSE straße",
        "İstanbul istanbul",
        "Tuk tuk Tuk",
        "Bora",
    ],
)
def test_a_title_without_repeats_skips_the_bookkeeping_only_when_nothing_can_fire(
    title: str,
) -> None:
    from listlint.checks.title_repeated_words import (
        _TOKEN,
        _key,
        _nothing_repeats,
        _tokens,
        _words,
    )

    names = _words(()).names
    tokens = _tokens(title, names)
    unchanged = [t.key for t in tokens] == [_key(w) for w in _TOKEN.findall(title)]
    distinct = len({t.key for t in tokens}) == len(tokens)
    assert _nothing_repeats(title, names) == (unchanged and distinct)
    if _nothing_repeats(title, names):
        assert run_check(TitleRepeatedWords, {"id": "T1", "title": title}) == []
