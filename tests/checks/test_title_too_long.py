from __future__ import annotations

import unicodedata

from listlint.checks.title_too_long import TitleTooLong
from listlint.testing import run_check


def _run(title: str) -> list[str]:
    return [f.message for f in run_check(TitleTooLong, {"id": "T1", "title": title})]


def test_a_title_at_the_limit_passes() -> None:
    assert _run("a" * 150) == []


def test_over_the_limit_fires_and_quotes_what_would_be_cut() -> None:
    (message,) = _run("a" * 149 + " Black")
    assert message == (
        "Title is 155 characters; the generic profile allows 150 "
        "(the text past the limit is 'Black')"
    )


def test_one_character_over_fires() -> None:
    assert _run("a" * 151)


def test_the_fix_says_how_many_characters_to_cut() -> None:
    (finding,) = run_check(TitleTooLong, {"id": "T1", "title": "x" * 163})
    assert "by at least 13 characters" in finding.fix
    assert finding.field == "title"
    assert finding.severity.value == "error"


def test_accents_typed_as_combining_marks_count_once() -> None:
    decomposed = unicodedata.normalize("NFD", "é") * 150
    assert len(decomposed) == 300
    assert _run(decomposed) == []


def test_non_latin_characters_count_as_one_each() -> None:
    assert _run("北京烤鸭" * 37) == []  # 148 characters, far more than 150 bytes
    assert _run("北京烤鸭" * 38)  # 152


def test_surrounding_whitespace_does_not_count() -> None:
    assert _run("  " + "a" * 150 + " \n") == []


def test_a_long_quoted_overflow_is_shortened() -> None:
    (message,) = _run("a" * 150 + "b" * 100)
    assert "'" + "b" * 40 + "…'" in message
