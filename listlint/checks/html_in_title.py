from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.entities import html5

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text.html import strip_html

# Tag names sellers' editors and feeds leave behind. A name that is not HTML ("<Pro>") is not a
# tag; one-letter tags must be lower case or closing, since "<S>" or "<M>" may be a size.
_TAGS = (
    "a|abbr|article|b|big|blockquote|br|button|center|cite|code|dd|del|div|dl|dt|em|font|"
    "footer|form|h[1-6]|header|hr|i|iframe|img|input|ins|label|li|link|mark|meta|nav|nobr|ol|"
    "p|pre|q|s|script|section|small|span|strike|strong|style|sub|sup|svg|table|tbody|td|th|"
    "thead|tr|tt|u|ul|wbr"
)
_TAG = re.compile(
    rf"<\s*/\s*(?:{_TAGS})\s*>|<\s*(?:{_TAGS})(?:\s+[^<>]*)?\s*/?\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_ONE_LETTER_UPPER = re.compile(r"<\s*[A-Z]\s*>")
# &name; (a real HTML5 entity), &#123; &#x1F; and the few legacy names that browsers read even
# without ";" ("Tom &amp Jerry"). "R&D", "Q&A", "AT&T" and "5 < 10" are not HTML.
_ENTITY = re.compile(
    r"&(?:[A-Za-z][A-Za-z0-9]{1,31};|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};|"
    r"(?:amp|nbsp|quot|lt|gt)(?![A-Za-z0-9;]))"
)
_MAX_LISTED = 3


class HtmlInTitle(Check):
    """A title with HTML tags or entities in it, such as "<b>", "<br>" or "&trade;".

    What it does:
        Finds HTML tags (known tag names only, so "<Pro>" is not one) and character entities
        (``&amp;``, ``&trade;``, ``&nbsp;``, ``&#8482;``, and the legacy ``&amp`` without a
        semicolon) in the raw title. Ampersands and angle brackets in plain text are not HTML:
        "R&D", "Q&A", "AT&T", "5 < 10" and "Size <M>" pass.

    Why it matters:
        Marketplaces show titles as plain text: buyers see "LumaTech&trade; Tee" or "<b>Sale</b>"
        literally, and search does not match the word behind the markup. It usually means a
        description field or an HTML export was used as the title source.

    Example:
        fails: {"id": "T1", "title": "Ryker LumaTech&trade; Tee (Crew-neck)"}
        fails: {"id": "T1", "title": "<b>Linen Shirt</b> White"}
        passes: {"id": "T1", "title": "Ryker LumaTech™ Tee (Crew-neck)"}
        passes: {"id": "T1", "title": "R&D Lab Notebook, Q&A Cards, 5 < 10 Pack"}

    Fix:
        Use the plain text: write the character itself (™, &, a space) instead of its entity
        and remove the tags. The finding's fix shows the title as buyers should see it.
    """

    code = "LL106"
    name = "html-in-title"
    severity = Severity.WARNING

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        title = listing.title
        if "<" not in title and "&" not in title:
            return
        found: list[tuple[int, str]] = []
        for match in _TAG.finditer(title):
            text = match.group()
            if not _ONE_LETTER_UPPER.fullmatch(text):
                found.append((match.start(), f"the tag {text!r}"))
        for match in _ENTITY.finditer(title):
            text = match.group()
            if _is_entity(text):
                decoded = html.unescape(text)
                shown = "a space" if decoded.isspace() else repr(decoded)
                found.append((match.start(), f"the entity {text!r} ({shown})"))
        if not found:
            return
        found.sort()
        listed = ", ".join(what for _, what in found[:_MAX_LISTED])
        if len(found) > _MAX_LISTED:
            listed += f" and {len(found) - _MAX_LISTED} more"
        plain = " ".join(strip_html(title).split())
        yield self.finding(
            listing,
            f"Title contains HTML: {listed}",
            field="title",
            fix=f"Use plain text: {plain!r}",
        )


def _is_entity(text: str) -> bool:
    """Whether ``text`` (a match of _ENTITY) is an entity a browser would decode."""
    if text.startswith("&#"):
        return True
    return text[1:] in html5 or f"{text[1:]};" in html5
