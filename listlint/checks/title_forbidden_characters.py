from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing

# Characters that are wrong in any title, whatever the marketplace: control characters (tab,
# line breaks, C1 controls from a Latin-1 misread), line/paragraph separators, invisible
# zero-width space, word joiner and byte-order mark, private-use characters (a box or a logo
# only one font has) and U+FFFD, the replacement character a broken decoding leaves behind.
# Zero-width (non-)joiners are left alone: Persian and Indic scripts need them.
_ALWAYS = "\x00-\x1f\x7f-\x9f\u2028\u2029\u200b\u2060\ufeff\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff"
# Emoji: the pictographic planes, and the older symbols that display as emoji by default
# (Unicode's Emoji_Presentation). Text symbols such as ™ ® © ★ ♥ ½ ° are not emoji; a
# profile forbids them by name when the marketplace does (eBay: ™ ♥ ½).
_EMOJI = (
    "\U0001f000-\U0001faff\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615"
    "\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea"
    "\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757"
    "\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55"
)
# What joins or modifies an emoji into one picture (variation selector 16, zero-width joiner,
# keycap): reported with the emoji, never alone.
_EMOJI_PARTS = "\ufe0f\u200d\u20e3"
# UTF-8 text read as Windows-1252: a lead byte (Â-ô) followed by continuation bytes (0x80-0xBF
# as Windows-1252 shows them). Only reported when the bytes really decode as UTF-8.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)
_CONTROL_NAMES = {"\t": "tab", "\n": "line break", "\r": "carriage return", "\x0b": "line break"}
_MAX_LISTED = 5


class TitleForbiddenCharacters(Check):
    """A title with characters the marketplace forbids, invisible characters or broken text.

    What it does:
        Reports each such character with its position (1 = the first character):
        the characters of the profile's ``title.forbidden-characters`` (none in the generic
        profile; Amazon forbids ``! $ ? _ { } ^ ¬ ¦``) and the ``extra-characters`` option;
        always, control characters (tab, line break), line separators, zero-width spaces,
        byte-order marks and private-use characters, which no marketplace shows as intended;
        U+FFFD and mojibake such as "Ã©" or "â€™" (UTF-8 read as Windows-1252), left by a
        broken encoding; and emoji, unless the ``emoji`` option is false. ™ ® © ★ ♥ ½ and °
        are text symbols, not emoji: only a profile that forbids them reports them. The
        ``allow`` option lists characters never to report.

    Why it matters:
        Amazon suppresses titles with its forbidden characters, eBay removes listings with
        decorative symbols, and Google disapproves emoji and gimmicky symbols. Invisible and
        control characters break search matching and display as boxes; mojibake tells buyers
        the listing was never proofread.

    Example:
        fails: {"id": "T1", "title": "Wireless Earbuds\\tBluetooth 5.3"}
        fails: {"id": "T1", "title": "CafÃ© Table, Solid Oak"}
        fails: {"id": "T1", "title": "Summer Dress 🔥 Floral Print"}
        passes: {"id": "T1", "title": "LumaTech™ Running Tee, 100% Polyester"}
        passes: {"id": "T1", "title": "Café Table - Solid Oak, 80 x 80 cm, 5 ★ Rated"}

    Fix:
        Remove the characters. Retype text that shows mojibake ("Ã©" is "é") and save the
        feed as UTF-8. Put symbols a marketplace forbids into words, or leave them out.
    """

    code = "LL105"
    name = "title-forbidden-characters"
    severity = Severity.WARNING
    # extra-characters: also forbid these; allow: never report these; emoji: report emoji.
    options: ClassVar[Mapping[str, Any]] = {"extra-characters": "", "allow": "", "emoji": True}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        title = listing.title
        forbidden = _characters(ctx.profile.title_forbidden_characters) + _characters(
            str(ctx.options.get("extra-characters") or "")
        )
        allow = _characters(str(ctx.options.get("allow") or ""))
        emoji = bool(ctx.options.get("emoji", True))
        pattern = _pattern(forbidden, allow, emoji)
        found = [] if pattern.search(title) is None else _found(title, pattern, forbidden, allow)
        if not title.isascii():
            found += _mojibake(title)
        if not found:
            return
        found.sort()
        listed = ", ".join(
            f"{what} at character {start + 1}" for start, what, _ in found[:_MAX_LISTED]
        )
        more = len(found) - _MAX_LISTED
        if more > 0:
            listed += f" and {more} more"
        repairs = [repair for _, _, repair in found if repair]
        fix = "Remove these characters from the title"
        if repairs:
            fix = (
                f"Retype the broken text ({'; '.join(dict.fromkeys(repairs))}) and save the "
                "feed as UTF-8"
            )
        yield self.finding(
            listing,
            f"Title contains characters that do not belong in a title: {listed}",
            field="title",
            fix=fix,
        )


def _characters(text: str) -> str:
    """The characters of a profile or option value; spaces only separate them."""
    return "".join(dict.fromkeys(ch for ch in text if not ch.isspace()))


@lru_cache(maxsize=64)
def _pattern(forbidden: str, allow: str, emoji: bool) -> re.Pattern[str]:
    """One character class for everything to look at: a title without a match is clean."""
    parts = _ALWAYS + (_EMOJI if emoji else "") + re.escape(forbidden)
    return re.compile(f"[{parts}]")


def _found(
    title: str, pattern: re.Pattern[str], forbidden: str, allow: str
) -> list[tuple[int, str, str]]:
    """(position, description, repair) for each offending character or emoji."""
    found: list[tuple[int, str, str]] = []
    index = 0
    while (match := pattern.search(title, index)) is not None:
        start = match.start()
        ch = title[start]
        index = start + 1
        if ch in allow:
            continue
        if ch in forbidden:
            found.append((start, f"{ch!r} (forbidden)", ""))
        elif _is_emoji(ch):
            end = index
            while end < len(title) and (_is_emoji(title[end]) or title[end] in _EMOJI_PARTS):
                end += 1
            found.append((start, f"the emoji {title[start:end]!r}", ""))
            index = end
        else:
            found.append((start, _describe(ch), ""))
    return found


def _is_emoji(ch: str) -> bool:
    return _EMOJI_CLASS.match(ch) is not None


_EMOJI_CLASS = re.compile(f"[{_EMOJI}]")


def _describe(ch: str) -> str:
    code = f"U+{ord(ch):04X}"
    if ch == "\ufffd":
        return f"the replacement character {code} (text lost to a broken encoding)"
    if ch in _CONTROL_NAMES:
        return f"a {_CONTROL_NAMES[ch]} ({code})"
    category = unicodedata.category(ch)
    if category == "Co":
        return f"the private-use character {code} (shows as a box)"
    if category == "Cc":
        return f"the control character {code}"
    return f"the invisible character {code} ({unicodedata.name(ch, 'unnamed').lower()})"


def _mojibake(title: str) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    for match in _MOJIBAKE.finditer(title):
        text = match.group()
        repaired = _redecode(text)
        if repaired:
            found.append((match.start(), f"mojibake {text!r}", f"{text!r} is {repaired!r}"))
    return found


def _redecode(text: str) -> str | None:
    """``text`` decoded as the UTF-8 it was before a Windows-1252 misread, if it was."""
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            return None
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return repaired if len(repaired) < len(text) else None
