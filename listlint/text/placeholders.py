"""Lorem ipsum filler, recognised even when it does not start with "Lorem ipsum".

Shared by ``placeholder-text``, which reports it, and ``language-mismatch``, which must not
call Latin filler Italian or Spanish. The word list is in ``listlint/vocab/placeholders.toml``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from listlint import _vocab
from listlint.text.words import casefolded_words

_WORD = re.compile(r"[^\W\d_]+")
# A filler text has this many words at least, half of them filler words, three of them long.
_MIN_WORDS = 8
_MIN_LONG = 3
_LONG = 6
_QUOTE_WORDS = 4


@cache
def _lorem_words() -> frozenset[str]:
    data = _vocab.load("placeholders.toml").get("lorem", {})
    return frozenset(word.casefold() for word in _vocab.strings(data.get("words")))


@cache
def _long_lorem_words() -> frozenset[str]:
    return frozenset(word for word in _lorem_words() if len(word) >= _LONG)


@lru_cache(maxsize=1024)
def lorem_ipsum(text: str) -> str | None:
    """The first words of ``text`` when it is lorem ipsum filler (for a message), else None."""
    # A set operation first (it runs in C): most texts have no three long filler words.
    words = casefolded_words(text)
    if len(words) < _MIN_WORDS or len(_long_lorem_words().intersection(words)) < _MIN_LONG:
        return None
    tokens = _WORD.findall(text.casefold())
    known = _lorem_words()
    filler = [word for word in tokens if word in known]
    if len(filler) * 2 < len(tokens) or len(_long_lorem_words().intersection(filler)) < _MIN_LONG:
        return None
    head = text.split()[:_QUOTE_WORDS]
    return " ".join(head) + ("…" if len(text.split()) > _QUOTE_WORDS else "")
