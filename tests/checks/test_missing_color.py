from __future__ import annotations

from listlint.checks.missing_color import MissingColor
from listlint.testing import run_check


def test_fires_without_a_color_and_offers_the_titles() -> None:
    (finding,) = run_check(
        MissingColor,
        {"id": "T1", "title": "White Plimsolls", "category": "Apparel/Sneakers"},
    )
    assert finding.message.endswith("; the title says 'White': add color=White")
    assert finding.fix.startswith("Add color=White (the title says 'White')")


def test_offers_a_description_statement_when_the_title_has_none() -> None:
    (finding,) = run_check(
        MissingColor,
        {
            "id": "T1",
            "title": "Linen Shirt",
            "category": "Men/Shirts",
            "description": "Light blue linen shirt.",
        },
    )
    assert "the description says 'Light blue': add color=Light blue" in finding.message


def test_no_offer_without_a_statement_and_no_change_in_when_it_fires() -> None:
    (finding,) = run_check(
        MissingColor, {"id": "T1", "title": "Linen Shirt", "category": "Men/Shirts"}
    )
    assert "says" not in finding.message
    assert finding.fix == "Add a 'color' attribute (to the listing, or to every variant)"
    # A color in the title does not make the missing attribute present.
    assert run_check(
        MissingColor, {"id": "T1", "title": "Red Linen Shirt", "category": "Men/Shirts"}
    )
    # ... and an accent or a brand is not offered.
    (finding,) = run_check(
        MissingColor, {"id": "T1", "title": "Shirt with White Logo", "category": "Men/Shirts"}
    )
    assert "says" not in finding.message
