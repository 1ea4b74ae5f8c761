"""strip_html: the plain text that checks read of a description."""

from __future__ import annotations

import random
import re

import pytest

from listlint.text.html import _join_lines, strip_html


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Red</p><p>Blue</p>", "Red\nBlue"),
        ("<ul><li>Red</li>\n  <li>Blue</li></ul>", "Red\nBlue"),
        ("Cotton &amp; linen", "Cotton & linen"),
        ("A  \t b\u00a0c", "A b c"),
        ("line one \n\n   \n line two", "line one\nline two"),
        ("<script>var x = 1;</script>Text", "Text"),
        ("  \n", ""),
    ],
)
def test_strip_html(html: str, text: str) -> None:
    assert strip_html(html) == text


def test_line_breaks_are_joined_as_the_regex_did() -> None:
    """_join_lines gives what re.sub(r"\\s*\\n\\s*", "\\n", text) gives, for any blanks."""
    breaks = re.compile(r"\s*\n\s*")
    alphabet = ["\n", " ", "\t", "a", "b", "\u00a0", "\u2028", "\x1c", "\r", "\u3000", "\u200b"]
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10))) + "\n"
        assert _join_lines(text) == breaks.sub("\n", text), repr(text)
