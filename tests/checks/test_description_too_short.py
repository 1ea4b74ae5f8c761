from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.description_too_short import DescriptionTooShort, word_count
from listlint.testing import run_check


def _messages(options: dict[str, Any] | None = None, **record: Any) -> list[str]:
    findings = run_check(DescriptionTooShort, {"id": "T1", "title": "Linen Shirt", **record},
                         options=options)  # fmt: skip
    return [f.message for f in findings]


def test_short_description_is_counted_after_stripping_html() -> None:
    assert _messages(description="<p><b>Nice</b> shirt.</p>") == [
        "Description has 2 words (fewer than 10): 'Nice shirt.'"
    ]


def test_missing_and_markup_only_descriptions_have_their_own_messages() -> None:
    assert _messages() == ["Listing has no description"]
    assert _messages(description="   ") == ["Listing has no description"]
    assert _messages(description="<p><img src='a.jpg'></p>") == [
        "Description has no text, only HTML markup"
    ]


def test_long_enough_descriptions_pass() -> None:
    text = "A relaxed shirt in washed linen with a button-down collar and a chest pocket."
    assert _messages(description=text) == []
    assert _messages(description="轻便男士跑步鞋 透气网面鞋面 缓震鞋底 适合长跑和日常训练") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("A T-shirt, don't wash hot: 100% cotton.", 7),
        ("<li>Red</li>", 3),  # counted on the raw text here: tags are words to word_count
        ("跑步鞋", 2),
        ("Nike 跑步鞋", 3),
    ],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count


def test_options() -> None:
    assert _messages({"min-words": 2}, description="Nice shirt.") == []
    assert _messages({"report-missing": False}) == []
