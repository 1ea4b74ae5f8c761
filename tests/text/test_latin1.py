"""is_latin1: the test that spares scanning Latin-1 texts for characters beyond U+00FF."""

from __future__ import annotations

from listlint.text._latin1 import is_latin1
from listlint.text._trie import plain_dashes


def test_is_latin1() -> None:
    assert is_latin1("")
    assert is_latin1("Größe: 42, très élégant\u00a0«ÿ»")
    assert not is_latin1("T\u2010shirt")  # a Unicode hyphen
    assert not is_latin1("Размер M")
    assert not is_latin1("测试")


def test_plain_dashes_of_latin1_and_other_texts() -> None:
    assert plain_dashes("Größe - 42") == "Größe - 42"
    assert plain_dashes("Größe \u2013 42 \u2010 T") == "Größe - 42 - T"
