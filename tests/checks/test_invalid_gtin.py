from __future__ import annotations

from typing import Any

import pytest

from listlint.checks.invalid_gtin import InvalidGtin
from listlint.testing import run_check


def _messages(gtin: Any) -> list[str]:
    return [f.message for f in run_check(InvalidGtin, {"id": "T1", "title": "Lamp", "gtin": gtin})]


@pytest.mark.parametrize(
    "gtin",
    [
        "4006381333931",  # EAN-13
        "036000291452",  # UPC-A
        "96385074",  # GTIN-8: naive validators reject it
        "10614141000415",  # GTIN-14
        "9780306406157",  # ISBN-13
        "4006 3813 33931",  # spaces are only formatting
        "400-6381-333931",
        " 4006381333931 ",
        4006381333931,  # a JSON number keeps its digits
    ],
)
def test_valid_gtins_pass(gtin: Any) -> None:
    assert _messages(gtin) == []


def test_no_gtin_passes() -> None:
    assert run_check(InvalidGtin, {"id": "T1", "title": "Lamp"}) == []
    assert run_check(InvalidGtin, {"id": "T1", "title": "Lamp", "gtin": ""}) == []


def test_a_wrong_check_digit_names_the_right_one() -> None:
    (finding,) = run_check(InvalidGtin, {"id": "T1", "title": "Lamp", "gtin": "4006381333932"})
    assert finding.message == (
        "GTIN '4006381333932' has a wrong check digit: it ends in 2, but the check digit of "
        "400638133393 is 1 (a digit was mistyped or swapped)"
    )
    assert finding.field == "gtin"
    assert finding.severity.value == "error"


def test_all_zeros_is_rejected_although_its_check_digit_is_right() -> None:
    assert _messages("00000000") == [
        "GTIN '00000000' is all zeros: a placeholder, not a product's code"
    ]
    assert "is all zeros" in _messages("0000000000000")[0]


def test_eleven_digits_suggest_the_lost_leading_zero() -> None:
    (finding,) = run_check(InvalidGtin, {"id": "T1", "title": "Lamp", "gtin": "36000291452"})
    assert finding.message == (
        "GTIN '36000291452' has 11 digits: a leading zero was probably lost (a spreadsheet drops "
        "it); try '036000291452', which is a valid GTIN"
    )
    assert "'036000291452'" in finding.fix


def test_eleven_digits_that_stay_invalid_say_so() -> None:
    (message,) = _messages("36000291453")
    assert "try '036000291453', though that fails the check digit too" in message


@pytest.mark.parametrize("gtin", ["4.00638E+12", "4,00638E+12", "4.00638e12"])
def test_scientific_notation_is_a_spreadsheet_number(gtin: str) -> None:
    (message,) = _messages(gtin)
    assert "was turned into a number by a spreadsheet" in message
    assert "store GTINs as text" in message


def test_a_decimal_point_is_a_spreadsheet_number_and_the_digits_are_offered() -> None:
    assert _messages("4006381333931.0") == [
        "GTIN '4006381333931.0' was turned into a number by a spreadsheet; store GTINs as text "
        "(its digits '4006381333931' are a valid GTIN)"
    ]
    # A JSON number with a fraction arrives as the same text.
    assert "spreadsheet" in _messages(4006381333931.0)[0]


def test_a_spreadsheet_number_that_also_lost_its_leading_zero() -> None:
    (message,) = _messages("36000291452.0")
    assert "with its lost leading zero, '036000291452' is a valid GTIN" in message


def test_wrong_lengths() -> None:
    assert _messages("1234") == ["GTIN '1234' has 4 digits; a GTIN has 8, 12, 13 or 14"]
    assert "has 15 digits" in _messages("400638133393100")[0]


def test_letters_are_named() -> None:
    assert _messages("40063813339X1") == [
        "GTIN '40063813339X1' contains characters other than digits ('X')"
    ]


@pytest.mark.parametrize("gtin", ["N/A", "none", "-"])
def test_placeholders_without_digits(gtin: str) -> None:
    assert _messages(gtin) == [f"GTIN {gtin!r} is not a number"]


def test_an_isbn_10_is_converted() -> None:
    assert _messages("3-16-148410-X") == [
        "GTIN '3-16-148410-X' is an ISBN-10, not a GTIN; its GTIN is the ISBN-13 '9783161484100'"
    ]


def test_variants_are_checked_and_named() -> None:
    record = {
        "id": "T1",
        "title": "Lamp",
        "gtin": "4006381333931",
        "variants": [
            {"id": "V1", "gtin": "4006381333931"},
            {"id": "V2", "gtin": "4006381333932"},
            {"id": "V3"},
        ],
    }
    (finding,) = run_check(InvalidGtin, record)
    assert finding.variant_id == "V2"
    assert finding.listing_id == "T1"
    assert finding.field == "variants.gtin"
    assert finding.message.startswith("Variant V2: GTIN '4006381333932' has a wrong check digit")


def _gtin_sample() -> list[str]:
    import random

    from stdnum import ean

    rnd = random.Random(4)
    values = ["00000000", "000000000000", "0000000000000", "00000000000000", "٤٠٠٦٣٨١٣٣٣٩٣١"]
    for length in (7, 8, 10, 11, 12, 13, 14, 15):
        for _ in range(200):
            digits = "".join(rnd.choice("0123456789") for _ in range(length - 1))
            right = str(ean.calc_check_digit(digits))
            values += [digits + right, digits + str((int(right) + 1) % 10)]
    return values + [f" {v} " for v in values[:50]] + [v[:4] + "-" + v[4:] for v in values[:50]]


def test_the_fast_path_agrees_with_the_full_diagnosis(monkeypatch: pytest.MonkeyPatch) -> None:
    from listlint.checks import invalid_gtin

    values = _gtin_sample()
    fast = [invalid_gtin.diagnose(v) for v in values]
    assert sum(problem is None for problem in fast) > 500  # the fast path is taken
    monkeypatch.setattr(invalid_gtin, "_plainly_valid", lambda text: False)
    assert [invalid_gtin.diagnose(v) for v in values] == fast


def test_the_fast_check_digit_test_agrees_with_stdnum() -> None:
    # _gs1_check_digit_ok sums the digits as bytes; stdnum computes the check digit the long way.
    import random

    from stdnum import ean

    from listlint.checks.invalid_gtin import _gs1_check_digit_ok

    generator = random.Random(4)
    for _ in range(5000):
        length = generator.choice((8, 12, 13, 14))
        digits = "".join(generator.choice("0123456789") for _ in range(length))
        expected = str(ean.calc_check_digit(digits[:-1])) == digits[-1]
        assert _gs1_check_digit_ok(digits) is expected, digits
