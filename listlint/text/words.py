"""The words of a text without case, split once per text for every check that reads them.

``lorem_ipsum`` (placeholder-text, language-mismatch) and the function-word layer of language
detection all compare ``text.casefold().split()`` with word lists. Splitting a description is
a good part of their cost, so the words are cached per text: the checks of one listing read
the same title and description one after the other.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1024)
def casefolded_words(text: str) -> tuple[str, ...]:
    """``text.casefold().split()``, as a tuple (it is shared: nobody may change it)."""
    return tuple(text.casefold().split())
