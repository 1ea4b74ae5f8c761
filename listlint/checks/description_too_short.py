from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text._latin1 import is_latin1
from listlint.text.html import strip_html
from listlint.text.quoting import quoted

# A word: letters or digits, joined by apostrophes and hyphens ("T-shirt", "don't", "100%").
# A word may hold an apostrophe, a hyphen or a slash: "N/A" and "w/o" are one word each.
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-/][^\W_]+)*")
# Scripts written without spaces: about two characters make a word.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


class DescriptionTooShort(Check):
    """A description too short to tell buyers anything, or no description at all.

    What it does:
        Counts the words of the description once its HTML is removed (in Chinese, Japanese
        and Korean, two characters count as a word) and fires below ``min-words`` (default
        10). A listing without a description, or whose description is only HTML markup or
        blanks, fires with its own message unless ``report-missing`` is false.

    Why it matters:
        The description is where buyers look for material, size, fit and care, and where
        search engines find the words buyers type. Google Merchant Center requires a
        description, and listings with a line of text convert worse than complete ones.

    Example:
        fails: {"id": "T1", "title": "Linen Shirt", "description": "<p>Nice shirt.</p>"}
        fails: {"id": "T1", "title": "Linen Shirt"}
        passes: {"id": "T1", "title": "Linen Shirt", "description": "<p>A relaxed shirt in washed linen with a button-down collar, chest pocket and curved hem.</p>"}

    Fix:
        Write a description of a few sentences: what the product is, its material and
        measurements, how it fits or is used, and how to care for it.
    """

    code = "LL108"
    name = "description-too-short"
    severity = Severity.INFO
    # min-words: fewer words than this is too short; report-missing: also report no description.
    options: ClassVar[Mapping[str, Any]] = {"min-words": 10, "report-missing": True}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        min_words = int(ctx.options.get("min-words", 10))
        raw = listing.description
        text = strip_html(raw) if raw else ""
        if not text:
            if not ctx.options.get("report-missing", True):
                return
            if not raw.strip():
                message = "Listing has no description"
            else:
                message = "Description has no text, only HTML markup"
            yield self.finding(
                listing,
                message,
                field="description",
                fix="Write a description: what the product is, its material, measurements, "
                "fit or use, and care",
            )
            return
        if _at_least(text, min_words):
            return
        count = word_count(text)
        if count < min_words:
            plural = "" if count == 1 else "s"
            yield self.finding(
                listing,
                f"Description has {count} word{plural} (fewer than {min_words}): {quoted(text, 60)}",
                field="description",
                fix="Add what buyers need to decide: material, measurements, fit or use, care",
            )


def word_count(text: str) -> int:
    """Words in ``text``: spaced words, plus one per two CJK characters."""
    cjk = 0 if text.isascii() else len(_CJK.findall(text))
    if not cjk:
        return len(_WORD.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + (cjk + 1) // 2


def _at_least(text: str, n: int) -> bool:
    """Whether ``text`` has ``n`` words, without counting all of a long description's."""
    if not is_latin1(text) and _CJK.search(text):
        return word_count(text) >= n
    return next(islice(_WORD.finditer(text), n - 1, None), None) is not None if n > 0 else True
