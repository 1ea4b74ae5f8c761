from __future__ import annotations

import pytest

from listlint.checks.html_in_title import HtmlInTitle
from listlint.testing import run_check


@pytest.mark.parametrize(
    ("title", "quoted", "plain"),
    [
        ("Ryker LumaTech&trade; Tee", "the entity '&trade;' ('™')", "Ryker LumaTech™ Tee"),
        ("Gobi HeatTec&reg; Tee", "the entity '&reg;' ('®')", "Gobi HeatTec® Tee"),
        ("Salt &amp; Pepper Mill", "the entity '&amp;' ('&')", "Salt & Pepper Mill"),
        ("Tom &amp Jerry Mug", "the entity '&amp' ('&')", "Tom & Jerry Mug"),
        ("Linen&nbsp;Shirt", "the entity '&nbsp;' (a space)", "Linen Shirt"),
        ("&#8482; Brand Tee", "the entity '&#8482;' ('™')", "™ Brand Tee"),
        ("<b>Linen Shirt</b> White", "the tag '<b>', the tag '</b>'", "Linen Shirt White"),
        ("Linen Shirt<br/>White", "the tag '<br/>'", "Linen Shirt White"),
        ('<span class="x">Sale</span> Dress', "the tag '<span class=\"x\">'", "Sale Dress"),
    ],
)
def test_html_is_reported_with_the_plain_title(title: str, quoted: str, plain: str) -> None:
    (finding,) = run_check(HtmlInTitle, {"id": "T1", "title": title})
    assert quoted in finding.message
    assert finding.fix == f"Use plain text: {plain!r}"


@pytest.mark.parametrize(
    "title",
    [
        "R&D Lab Notebook",
        "Q&A Flash Cards",
        "AT&T Prepaid Phone",
        "Black&Decker Drill",
        "Salt & Pepper Mill",
        "5 < 10 Piece Set",
        "Love <3 Mug",
        "Size <M> Tee",
        "Size <S> Tee",  # an upper-case letter in brackets is a size, not <s>
        "Kit <Pro> Edition",
        "Fish &chips Plate",
        "LumaTech™ Tee",
    ],
)
def test_plain_text_passes(title: str) -> None:
    assert run_check(HtmlInTitle, {"id": "T1", "title": title}) == []


def test_many_are_summarised() -> None:
    (finding,) = run_check(HtmlInTitle, {"id": "T1", "title": "<p><b><i>Dress</i></b></p>"})
    assert finding.message.endswith("and 3 more")
