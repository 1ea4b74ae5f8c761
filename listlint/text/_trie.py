"""One regular expression for a word list, factored as a trie so matching stays fast.

Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every position; a list of two
thousand colour and material words written that way is slow on an 800-character description.
Factored by common prefixes (``bl(?:ack|ue)``) each position costs a few character tests.

A space or hyphen inside a word matches any run of spaces, hyphens or underscores, or none
("off white", "off-white" and "offwhite"); :func:`key` reduces matched text the same way, so a
match can be looked up in a dict built from the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SEPARATOR = r"[\s\-_\u2010-\u2015]*"
_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015]+")
_END = ""  # trie key marking the end of a word


def key(text: str) -> str:
    """``text`` as the lookup key of a word: lower case, without spaces or hyphens."""
    lowered = text.lower()
    return lowered if lowered.isalpha() else _SEPARATORS.sub("", lowered)


def pattern(words: Iterable[str]) -> str:
    """A regex source (no groups, no boundaries) that matches any of ``words``, longest first."""
    trie: dict[str, dict[str, object]] = {}
    for word in words:
        node = trie
        parts = _SEPARATORS.split(word.strip().lower())
        for index, part in enumerate(parts):
            chars = list(part) if index == 0 else [" ", *part]
            for ch in chars:
                node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[_END] = {}
    return _emit(trie) if trie else "(?!)"


def _emit(node: dict[str, dict[str, object]]) -> str:
    branches: list[str] = []
    terminal = _END in node
    for ch in sorted(k for k in node if k != _END):
        child = node[ch]
        head = SEPARATOR if ch == " " else re.escape(ch)
        rest = _emit(child) if child else ""  # type: ignore[arg-type]
        branches.append(head + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: a longer word is tried first, the word ending here is the fallback.
    return f"(?:{body})?" if terminal else body
