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

from listlint.text._latin1 import is_latin1

SEPARATOR = r"[\s\-_\u2010-\u2015]*"
# The same for texts whose Unicode dashes were made plain hyphens first (see :func:`plain_dashes`):
# the class above holds characters past U+00FF, and Python compiles such a class into a 64K-entry
# table each time it occurs, which is most of the cost of compiling a large word list.
PLAIN_SEPARATOR = r"[\s\-_]*"
_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015]+")
_UNICODE_DASHES = re.compile("[\u2010-\u2015]")
_END = ""  # trie key marking the end of a word


def key(text: str) -> str:
    """``text`` as the lookup key of a word: lower case, without spaces or hyphens."""
    lowered = text.lower()
    return lowered if lowered.isalpha() else _SEPARATORS.sub("", lowered)


def parts(word: str) -> list[str]:
    """The pieces of ``word`` between its spaces and hyphens."""
    return _SEPARATORS.split(word.strip())


def starts_with_separator(text: str) -> bool:
    """Whether ``text`` starts with a character that :data:`SEPARATOR` matches."""
    return _SEPARATORS.match(text) is not None


def plain_dashes(text: str) -> str:
    """``text`` with the Unicode dashes U+2010..U+2015 as "-": same length, same positions."""
    if is_latin1(text) or _UNICODE_DASHES.search(text) is None:
        return text
    return _UNICODE_DASHES.sub("-", text)


def pattern(words: Iterable[str], separator: str = SEPARATOR, not_after: str = "") -> str:
    """A regex source (no groups, no boundaries) that matches any of ``words``, longest first.

    With ``separator=PLAIN_SEPARATOR`` it matches the same words in a text passed through
    :func:`plain_dashes` (the words themselves never hold a separator) and compiles faster.

    With ``not_after`` (the inside of a character class), a word does not match after one of
    those characters: the same as ``(?<![not_after])`` before the pattern, but written after
    each first character, so that a case-sensitive search skips to the possible first
    characters at C speed. The words must not start with a separator.
    """
    trie: dict[str, dict[str, object]] = {}
    for word in words:
        node = trie
        parts = _SEPARATORS.split(word.strip().lower())
        for index, part in enumerate(parts):
            chars = list(part) if index == 0 else [" ", *part]
            for ch in chars:
                node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[_END] = {}
    if not_after and (" " in trie or _END in trie):
        raise ValueError("a word starts with a separator or is empty")
    return _emit(trie, separator, not_after) if trie else "(?!)"


def _emit(node: dict[str, dict[str, object]], separator: str, not_after: str = "") -> str:
    branches: list[str] = []
    terminal = _END in node
    for ch in sorted(k for k in node if k != _END):
        child = node[ch]
        head = separator if ch == " " else re.escape(ch)
        if not_after:
            head += f"(?<![{not_after}]{head})"
        rest = _emit(child, separator) if child else ""  # type: ignore[arg-type]
        branches.append(head + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: a longer word is tried first, the word ending here is the fallback.
    return f"(?:{body})?" if terminal else body
