from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.description_repeats_title import DescriptionRepeatsTitle
from listlint.testing import run_check


def _messages(title: str, description: str, options: dict[str, Any] | None = None) -> list[str]:
    record = {"id": "T1", "title": title, "description": description}
    return [f.message for f in run_check(DescriptionRepeatsTitle, record, options=options)]


@pytest.mark.parametrize(
    ("title", "description", "message"),
    [
        ("Apple Juice", "Apple juice.", "Description repeats the title: 'Apple juice.'"),
        ("White Linen Shirt", "<p>Linen shirt, WHITE</p>", "Description repeats the title: "),
        (
            "Grey Hoodie",
            "Grey hoodie, soft.",
            "Description repeats the title, adding only 'soft': 'Grey hoodie, soft.'",
        ),
        ("连衣裙 夏季", "夏季连衣裙", "Description repeats the title: "),
    ],
)
def test_repeats(title: str, description: str, message: str) -> None:
    (found,) = _messages(title, description)
    assert found.startswith(message)


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Gift card 100", "Gift card to use in the shop."),
        ("Battle-tested at brands like Lush", "Scale effortlessly"),  # short, not a repeat
        ("Linen Shirt", "A relaxed linen shirt with a button-down collar and a chest pocket."),
        ("Hoodie", ""),
    ],
)
def test_descriptions_that_add_something(title: str, description: str) -> None:
    assert _messages(title, description) == []


def test_max_extra_words_option() -> None:
    title, description = "Grey Cotton Zip Hoodie", "Grey cotton zip hoodie, soft and warm"
    assert _messages(title, description) != []
    assert _messages(title, description, {"max-extra-words": 2}) == []


def test_long_descriptions_and_odd_limits() -> None:
    title, description = "Grey Hoodie", "Grey hoodie"
    long = "Grey hoodie " + "with a hood " * 30
    assert _messages(title, long) == []
    assert _messages(title, description, {"max-extra-words": 0}) != []
    assert _messages(title, description, {"max-extra-words": -5}) == []
    assert _messages(title, "Grey") != []
