"""Whether a text is all Latin-1: the cheap test that spares a regex scan of a whole text.

Most texts that are not ASCII are French, German, Spanish... ones whose every character is
below U+0100. Such a text cannot hold a CJK character, a Unicode dash or a typographic mark
beyond Latin-1, and telling that by encoding it (a copy, in C) costs a twentieth of a regex
that looks for them at every character.
"""

from __future__ import annotations


def is_latin1(text: str) -> bool:
    """Whether every character of ``text`` is below U+0100."""
    if text.isascii():  # a flag of the string: no copy, unlike the encoding below
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True
