from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from listlint import profiles
from listlint.check import CheckContext
from listlint.checks.title_forbidden_characters import TitleForbiddenCharacters
from listlint.model import SourceLocation, build_listing
from listlint.testing import run_check


def _messages(title: str, options: dict[str, Any] | None = None) -> list[str]:
    record = {"id": "T1", "title": title}
    return [f.message for f in run_check(TitleForbiddenCharacters, record, options=options)]


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ("Wireless Earbuds\tBluetooth", "a tab (U+0009) at character 17"),
        ("Wireless Earbuds\nBluetooth", "a line break (U+000A) at character 17"),
        ("Linen\x85Shirt", "the control character U+0085 at character 6"),
        ("Linen\u200bShirt", "the invisible character U+200B (zero width space) at character 6"),
        ("\ufeffLinen Shirt", "the invisible character U+FEFF"),
        ("Caf\ufffd Table", "the replacement character U+FFFD"),
        (
            "Apple \uf8ff Watch Strap",
            "the private-use character U+F8FF (shows as a box) at character 7",
        ),
        ("CafÃ© Table", "mojibake 'Ã©' at character 4"),
        ("Men\u00e2\u20ac\u2122s Jacket", "mojibake 'â€™' at character 4"),
        ("Summer Dress 🔥", "the emoji '🔥' at character 14"),
        ("Good Vibes 👍🏽 Tee", "the emoji '👍🏽' at character 12"),  # one emoji with its skin tone
        ("Flag 🇫🇷 Mug", "the emoji '🇫🇷' at character 6"),
        ("Umbrella ☔ Kids", "the emoji '☔' at character 10"),
    ],
)
def test_always_reported_with_their_position(title: str, quoted: str) -> None:
    (message,) = _messages(title)
    assert quoted in message


def test_mojibake_fix_gives_the_repaired_text() -> None:
    (finding,) = run_check(TitleForbiddenCharacters, {"id": "T1", "title": "CafÃ© Table"})
    assert "'Ã©' is 'é'" in finding.fix


@pytest.mark.parametrize(
    "title",
    [
        "LumaTech™ Running Tee",
        "Nike® Air Max, © 2024 Design",
        "5 ★ Rated Coffee Mug ♥ Gift",  # text symbols: only a profile forbids them
        "Bolt ½ inch, 90° Angle, 80 \u00d7 80 cm",
        "Café Crème Brûlée Set, Ærø Design, Straße",
        "SÃO PAULO Poster",  # Portuguese capital Ã followed by a letter is not mojibake
        "Wow! Deal? $5 {Pack} ^_^",  # the generic profile forbids nothing
        "Кроссовки мужские беговые",
        "运动鞋 男款 透气",
        # Persian "mikhaham": the zero-width non-joiner is part of the spelling.
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        "Title with a no-break\u00a0space",
    ],
)
def test_legitimate_titles_pass(title: str) -> None:
    assert _messages(title) == []


def test_profile_forbidden_characters() -> None:
    profile = dataclasses.replace(
        profiles.load("generic"), name="amazon", title_forbidden_characters="! $ ? _ { } ^ ¬ ¦"
    )
    ctx = CheckContext(profile, TitleForbiddenCharacters.options)
    listing = build_listing(
        {"id": "T1", "title": "Wow! Only $5 {Pack}"}, SourceLocation("<test>", 1)
    )
    (finding,) = TitleForbiddenCharacters().check(listing, ctx)
    assert finding.message == (
        "Title contains characters that do not belong in a title: '!' (forbidden) at character 4, "
        "'$' (forbidden) at character 11, '{' (forbidden) at character 14, "
        "'}' (forbidden) at character 19"
    )
    clean = build_listing({"id": "T1", "title": "Only 5 USD - Pack"}, SourceLocation("<t>", 1))
    assert list(TitleForbiddenCharacters().check(clean, ctx)) == []


def test_options() -> None:
    assert _messages("Summer Dress 🔥", {"emoji": False}) == []
    assert _messages("Mug ♥ Gift", {"extra-characters": "♥ ½"}) != []
    assert _messages("Linen\u200bShirt", {"allow": "\u200b"}) == []


def test_long_lists_are_cut() -> None:
    (message,) = _messages("a\tb\tc\td\te\tf\tg\th")
    assert message.endswith("and 2 more")
