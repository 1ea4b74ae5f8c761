from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text._latin1 import is_latin1
from listlint.text.html import strip_html
from listlint.text.quoting import quoted

# Words compare without case or punctuation; each CJK character is a word of its own.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\W_]+")


class DescriptionRepeatsTitle(Check):
    """A description that only repeats the title.

    What it does:
        Compares the words of the description (HTML stripped, ignoring case and punctuation)
        with the title's. Fires when every word of the description but at most
        ``max-extra-words`` (default 3) is already in the title, and those are most of its
        words: "Apple juice." under the title "Apple Juice", or "Linen shirt, white" under
        "White Linen Shirt". Descriptions that say anything more do not fire, nor short ones
        sharing few words with the title; empty or short descriptions are
        description-too-short's.

    Why it matters:
        A description that repeats the title gives buyers nothing to decide with and search
        engines no new words; marketplaces treat it as a missing description.

    Example:
        fails: {"id": "T1", "title": "White Linen Shirt", "description": "<p>Linen shirt, white.</p>"}
        passes: {"id": "T1", "title": "Gift card 100", "description": "Gift card to use in the shop."}

    Fix:
        Write what the title cannot say: material and care, measurements and fit, what is in
        the box, how the product is used.
    """

    code = "LL109"
    name = "description-repeats-title"
    severity = Severity.INFO
    # max-extra-words: how many words a description may add to the title and still repeat it.
    options: ClassVar[Mapping[str, Any]] = {"max-extra-words": 3}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        if not listing.description:
            return
        max_extra = int(ctx.options.get("max-extra-words", 3))
        description = strip_html(listing.description)
        title = _TOKEN.findall(strip_html(listing.title).casefold())
        # Cheap exit for the usual case: far more space-separated words than the title has.
        # Splitting at most ``limit`` times tells "more than limit words" without splitting a
        # long description all the way.
        limit = 2 * (len(title) + max_extra)
        if (is_latin1(description) or not _CJK.search(description)) and len(
            description.split(None, limit)
        ) > limit:
            return
        words = _TOKEN.findall(description.casefold())
        # Longer than the title plus the extra words: it must add something.
        if not words or len(words) > len(title) + max_extra:
            return
        extra = Counter(words) - Counter(title)
        added = sum(extra.values())
        # Mostly the title's words, and few others ("Scale effortlessly" under a title it
        # shares no word with is too short, not a repeat).
        if added > max_extra or len(words) - added <= added:
            return
        adding = f", adding only {', '.join(map(repr, extra))}" if extra else ""
        yield self.finding(
            listing,
            f"Description repeats the title{adding}: {quoted(description, 60)}",
            field="description",
            fix="Describe what the title cannot: material and care, measurements and fit, "
            "what is in the box, how it is used",
        )
