from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing
from listlint.text import language
from listlint.text.html import strip_html
from listlint.text.placeholders import lorem_ipsum

_LETTERS = re.compile(r"[^\W\d_]+")


class LanguageMismatch(Check):
    """A title or description written in another language than the listing's.

    What it does:
        Compares the title and the description (HTML stripped) with the listing's ``language``
        (BCP 47: ``zh-CN`` is ``zh-cn``, ``pt-BR`` is ``pt``), or with the profile's language
        when the listing has none. Without either, it fires when the title and the description
        are clearly in two different languages.

        A text in Cyrillic, Greek, Arabic, Hangul, kana, Han or another non-Latin script is
        judged by its script, however short: kana is Japanese, Hangul Korean, Han without kana
        Chinese. A text in Latin letters is only judged when it has at least ``min-words``
        words besides brand, model and colour names, codes with digits and acronyms; when it
        contains function words of the other language ("with", "und", "pour") and none of the
        declared one's (nor its letters, such as é or ß); and when langdetect (seeded, among the
        declared language and the common marketplace languages) agrees with probability at
        least ``min-probability``. So brand and model names in a French title ("Nike Air Max
        90 - chaussures de course"), English loanwords in German ("Herren T-Shirt Slim Fit"),
        short titles, titles made of names ("Prima Compete Bra Top") and lorem ipsum
        descriptions (reported by placeholder-text) are not reported. A French title that keeps
        an English slogan without any French word ("Mug The best is yet to come") is; in
        quotes it is not judged ("T-shirt homme « Keep Calm and Carry On »"): a quoted slogan,
        print or title stays in its own language.

    Why it matters:
        Marketplaces file listings by language: a title in the wrong language is shown to
        buyers who cannot read it, and searches in the storefront's language do not find it.
        It usually means a translation was skipped or the feed's language column is wrong.

    Example:
        fails: {"id": "T1", "title": "Wireless headphones with noise cancelling and a long battery life", "language": "fr"}
        fails: {"id": "T1", "title": "Chaussures de course", "description": "Lightweight running shoes with a breathable mesh upper and a cushioned sole for long runs.", "language": "fr"}
        fails: {"id": "T1", "title": "运动鞋 男款 透气", "language": "en"}
        fails: {"id": "T1", "title": "Lightweight running shoes for men with a breathable upper", "description": "Chaussures de course légères pour homme, avec une tige respirante et une semelle amortissante."}
        passes: {"id": "T1", "title": "Nike Air Max 90 - chaussures de course pour homme", "brand": "Nike", "language": "fr"}
        passes: {"id": "T1", "title": "Herren T-Shirt Slim Fit aus Baumwolle", "language": "de"}
        passes: {"id": "T1", "title": "Prima Compete Bra Top", "language": "en"}
        passes: {"id": "T1", "title": "运动鞋 男款 透气", "language": "zh-CN"}

    Fix:
        Translate the text into the listing's language, or correct the listing's ``language``
        when the text is right. Keep brand and product names as they are; they are not counted.
    """

    code = "LL601"
    name = "language-mismatch"
    severity = Severity.WARNING
    # min-words: words a Latin-script text needs to be judged (labels judge 4+ words);
    # min-probability: how sure langdetect must be.
    options: ClassVar[Mapping[str, Any]] = {"min-words": 4, "min-probability": 0.9}

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        min_words = int(ctx.options.get("min-words", 4))
        min_probability = float(ctx.options.get("min-probability", 0.9))
        title = strip_html(listing.title) if listing.title else ""
        description = strip_html(listing.description) if listing.description else ""
        if description and lorem_ipsum(description):
            description = ""  # filler, reported by placeholder-text
        declared, whose = listing.language.strip(), "listing's"
        if not declared and ctx.profile.language:
            declared, whose = ctx.profile.language, "profile's"
        if language.normalize(declared) is None:
            yield from self._title_against_description(
                listing, title, description, min_words, min_probability
            )
            return
        for field, text in (("title", title), ("description", description)):
            found = language.mismatch(
                text,
                declared,
                names=lambda: _names(listing),
                short=field == "title",
                min_words=min_words,
                min_probability=min_probability,
            )
            if found is not None:
                yield self.finding(
                    listing,
                    f"{field.capitalize()} {_phrase(found)} but the {whose} language is {declared}",
                    field=field,
                    fix=f"Translate the {field} into {language.language_name(declared)}, or "
                    f"correct the listing's language if the {field} is right",
                )

    def _title_against_description(
        self,
        listing: Listing,
        title: str,
        description: str,
        min_words: int,
        min_probability: float,
    ) -> Iterator[Finding]:
        if not title or not description:
            return
        # The description's language by its script or function words (cheap) first; langdetect
        # only confirms it when the title looks different.
        guess = language.identify(
            description, min_words=min_words, min_probability=min_probability, confirm=False
        )
        if guess is None or not guess.language:
            return
        found = language.mismatch(
            title,
            guess.language,
            names=lambda: _names(listing),
            short=True,
            min_words=min_words,
            min_probability=min_probability,
        )
        if found is None:
            return
        confirmed = language.identify(
            description, min_words=min_words, min_probability=min_probability
        )
        if confirmed is None or (
            found.language and language.same_language(found.language, confirmed.language)
        ):
            return
        yield self.finding(
            listing,
            f"Title {_phrase(found)} but the description {_phrase(confirmed)}",
            field="title",
            fix="Write the title and the description in the same language, and set the "
            "listing's language",
        )


def _phrase(found: language.Detected) -> str:
    """ "looks French (fr)", or "is written in Cyrillic script" when only that is known."""
    if not found.language:
        return f"is written in {found.script} script"
    return f"looks {found.describe()}"


def _names(listing: Listing) -> frozenset[str]:
    """Words of the brand and of attribute values: names, not words of a language."""
    values = {listing.brand, *(v for values in listing.attributes.values() for v in values)}
    for variant in listing.variants:
        values.update(v for values in variant.attributes.values() for v in values)
    words: set[str] = set()
    for value in values:
        folded = value.casefold()
        words.update(folded.split())
        words.update(_LETTERS.findall(folded))
    return frozenset(words)
