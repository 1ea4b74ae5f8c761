from __future__ import annotations

import pytest

from listlint.checks.title_all_caps import TitleAllCaps
from listlint.testing import run_check


def _fires(title: str, **options: object) -> bool:
    return bool(run_check(TitleAllCaps, {"id": "T1", "title": title}, options=options or None))


@pytest.mark.parametrize(
    "title",
    [
        "NIKE AIR MAX 90 RUNNING SHOES",
        "MEN'S COTTON T-SHIRT, BLACK",
        "КРОССОВКИ ДЛЯ БЕГА",  # Cyrillic
        "ΠΑΠΟΥΤΣΙΑ ΓΙΑ ΤΡΕΞΙΜΟ",  # Greek
        "IKEA KALLAX SHELF UNIT",  # the brand is allowed, the rest still shouts
        "STRAßENSCHUHE FÜR HERREN",  # ß has no single capital: it does not count as lower case
        "\uff2e\uff29\uff2b\uff25 \uff21\uff29\uff32 \uff2d\uff21\uff38",  # full-width NIKE AIR MAX
    ],
)
def test_titles_in_capitals_fire(title: str) -> None:
    assert _fires(title)


@pytest.mark.parametrize(
    "title",
    [
        "ASUS ROG",  # 1-2 tokens: a brand or model code
        "DRY Sunglasses",
        "ROG STRIX",
        "LED TV 55 inch",
        "USB-C Cable for MacBook Pro",
        "HDMI to VGA Adapter",
        "LEGO STAR WARS",  # LEGO is allowed, two words are left
        "USB HDMI LED TV 4K UHD",  # nothing but acronyms
        "RTX4090 OC 24GB GDDR6X",  # model codes with digits
        "北京 烤鸭",  # no cased letters
        "ソニー ワイヤレス ヘッドホン WH-1000XM5",
        "Nike Air Max 90 Running Shoes",
        "100% COTTON",
    ],
)
def test_titles_that_are_not_shouting_pass(title: str) -> None:
    assert not _fires(title)


def test_one_lower_case_word_is_enough_to_pass() -> None:
    assert not _fires("NIKE AIR MAX running SHOES")


def test_the_allow_option_adds_brands_to_the_built_in_list() -> None:
    assert _fires("ACME ROCKET SKATES")
    assert not _fires("ACME ROCKET SKATES", allow=["ACME"])
    assert not _fires("ACME ROCKET SKATES", allow=["acme"])  # case does not matter
    # The built-in list still applies next to the user's.
    assert not _fires("IKEA ACME ROCKET", allow=["ACME"])


def test_message_quotes_the_title_and_fix_suggests_normal_case() -> None:
    (finding,) = run_check(TitleAllCaps, {"id": "T1", "title": "NIKE AIR MAX 90 RUNNING SHOES"})
    assert finding.message == "Title is written in capitals: 'NIKE AIR MAX 90 RUNNING SHOES'"
    assert "'Nike Air Max 90 Running Shoes'" in finding.fix
    assert finding.severity.value == "warning"


def test_the_suggestion_keeps_acronyms_and_model_codes() -> None:
    (finding,) = run_check(TitleAllCaps, {"id": "T1", "title": "MEN'S USB-C HEATED JACKET XL 4K"})
    assert "Men's USB-C Heated Jacket XL 4K" in finding.fix


@pytest.mark.parametrize(
    ("title", "fires"),
    [
        # A lower-case word that is left out does not make the title normal case...
        ("x NIKE AIR MAX SHOES", True),
        ("NIKE x AIR MAX", True),
        ("4k NIKE AIR MAX", True),
        ("STRAßE GROß SCHUHE", True),  # ß has no single capital
        # ...but one counted word in normal case does, wherever it stands.
        ("NIKE AIR MAX shoes", False),
        ("iPhone CASE COVER BLACK", False),
        ("NIKE AIR", False),
    ],
)
def test_one_counted_word_in_normal_case_is_enough(title: str, fires: bool) -> None:
    assert _fires(title) is fires
