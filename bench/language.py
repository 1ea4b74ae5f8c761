"""Language detection for language-mismatch: how accurate and how fast.

Usage: python bench/language.py CORPUS_DIR [--catalog FILE.jsonl]

CORPUS_DIR holds one folder per source with ``listings.jsonl`` whose ``language`` field is
right (../shared/corpus). The script prints:

1. langdetect with all 55 profiles vs. listlint's restricted, seeded factory (the common
   marketplace languages), on the corpus titles and descriptions: share right, answers wrong
   with p >= 0.9, texts per second.
2. language-mismatch on the corpus as it is (every firing is a false positive unless the text
   really is in another language) and with each listing's language swapped to another one (every
   description should fire; titles only when they are clearly in their own language).
3. Speed of the check's language layer: titles/s and descriptions/s with cold caches, on the
   corpus with swapped languages (every description goes to langdetect: the slow path) and on
   ``--catalog`` (e.g. ``python bench/generate.py 20000 -o /tmp/g.jsonl --images none``).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from listlint import profiles
from listlint.check import CheckContext
from listlint.checks.language_mismatch import LanguageMismatch
from listlint.model import Listing, SourceLocation, build_listing
from listlint.text import language, placeholders
from listlint.text.html import strip_html

SWAPS = ("en", "fr", "de", "es", "it")


def read(paths: Iterable[Path]) -> list[Listing]:
    listings = []
    for path in paths:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            listings.append(build_listing(json.loads(line), SourceLocation(str(path), number)))
    return listings


def clear_caches() -> None:
    for function in (
        language._screen, language._judge_title, language._identify, language._detect, strip_html,
        placeholders.lorem_ipsum,
    ):  # fmt: skip
        function.cache_clear()


def langdetect_table(listings: list[Listing]) -> None:
    everything = DetectorFactory()
    started = time.perf_counter()
    everything.load_profile(PROFILES_DIRECTORY)
    everything.set_seed(0)
    load_all = time.perf_counter() - started
    started = time.perf_counter()
    restricted = language._factory(language._candidates("en"))
    load_restricted = time.perf_counter() - started
    total = len(os.listdir(PROFILES_DIRECTORY))
    candidates = len(restricted.get_lang_list())
    print(f"profiles loaded in {load_all * 1000:.0f} ms (all {total}) "
          f"vs {load_restricted * 1000:.0f} ms ({candidates} candidates)")  # fmt: skip

    def detect(factory: Any, text: str) -> tuple[str, float]:
        detector = factory.create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return "", 0.0
        return str(best.lang), float(best.prob)

    def words(text: str) -> int:
        return len([w for w in text.split() if any(ch.isalpha() for ch in w)])

    titles = [(strip_html(x.title), x.language) for x in listings]
    descriptions = [
        (text, x.language)
        for x in listings
        if (text := strip_html(x.description)) and not placeholders.lorem_ipsum(text)
    ]
    groups = {
        "titles of 2-3 words": [t for t in titles if 2 <= words(t[0]) <= 3],
        "titles of 4+ words": [t for t in titles if words(t[0]) >= 4],
        "descriptions": descriptions,
    }
    print("| texts | n | profiles | right | wrong with p >= 0.9 | texts/s |")
    print("|---|---|---|---|---|---|")
    for name, items in groups.items():
        for label, factory in (("all 55", everything), ("restricted", restricted)):
            started = time.perf_counter()
            answers = [detect(factory, text) for text, _ in items]
            rate = len(items) / (time.perf_counter() - started)
            right = sum(
                language.same_language(a, lang)
                for (a, _), (_, lang) in zip(answers, items, strict=True)
            )
            sure_wrong = sum(
                not language.same_language(a, lang) and p >= 0.9
                for (a, p), (_, lang) in zip(answers, items, strict=True)
            )
            print(f"| {name} | {len(items)} | {label} | {right / len(items):.3f} | {sure_wrong} "
                  f"| {rate:.0f} |")  # fmt: skip


def run(listings: list[Listing], swap: Callable[[Listing], Iterable[str]]) -> Counter[str]:
    """Run the check on each listing once per language ``swap`` gives; count fields that fire."""
    check = LanguageMismatch()
    ctx = CheckContext(profiles.load("generic"), LanguageMismatch.options)
    counts: Counter[str] = Counter()
    for listing in listings:
        for declared in swap(listing):
            counts["runs"] += 1
            variant = Listing(**{**listing.__dict__, "language": declared})
            for finding in check.check(variant, ctx):
                counts[finding.field] += 1
    return counts


def firing_table(listings: list[Listing]) -> None:
    by_source: dict[str, list[Listing]] = {}
    for listing in listings:
        by_source.setdefault(Path(listing.source.path).parent.name, []).append(listing)
    print("| source | listings | fired (as labelled) | swapped runs | descriptions judgeable | "
          "descriptions fired | titles fired |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for source, items in sorted(by_source.items()):
        as_is = run(items, lambda x: [x.language])
        swapped = run(items, lambda x: [s for s in SWAPS if s != x.language])
        judgeable = sum(
            len(SWAPS) - (x.language in SWAPS)
            for x in items
            if len((text := strip_html(x.description)).split()) >= 4
            and not placeholders.lorem_ipsum(text)
        )
        fired = as_is["title"] + as_is["description"]
        print(f"| {source} | {len(items)} | {fired} | {swapped['runs']} | {judgeable} | "
              f"{swapped['description']} | {swapped['title']} |")  # fmt: skip


def speed(name: str, listings: list[Listing], declared: Callable[[Listing], str]) -> None:
    titles = [(strip_html(x.title), declared(x)) for x in listings]
    descriptions = [(strip_html(x.description), declared(x)) for x in listings]
    clear_caches()
    started = time.perf_counter()
    for text, lang in titles:
        language.mismatch(text, lang, short=True)
    title_rate = len(titles) / (time.perf_counter() - started)
    calls = language._detect.cache_info().misses
    clear_caches()
    started = time.perf_counter()
    for text, lang in descriptions:
        language.mismatch(text, lang, short=False)
    description_rate = len(descriptions) / (time.perf_counter() - started)
    description_calls = language._detect.cache_info().misses
    clear_caches()
    check = LanguageMismatch()
    ctx = CheckContext(profiles.load("generic"), LanguageMismatch.options)
    started = time.perf_counter()
    for listing in listings:
        list(check.check(Listing(**{**listing.__dict__, "language": declared(listing)}), ctx))
    listing_rate = len(listings) / (time.perf_counter() - started)
    print(f"| {name} | {len(listings)} | {title_rate:,.0f} ({calls} langdetect calls) | "
          f"{description_rate:,.0f} ({description_calls} langdetect calls) | "
          f"{listing_rate:,.0f} |")  # fmt: skip


def checks_speed(name: str, listings: list[Listing]) -> None:
    """Each check of the text-hygiene set alone, then all together, with cold caches."""
    from listlint.checks.description_repeats_title import DescriptionRepeatsTitle
    from listlint.checks.description_too_short import DescriptionTooShort
    from listlint.checks.html_in_title import HtmlInTitle
    from listlint.checks.placeholder_text import PlaceholderText
    from listlint.checks.title_forbidden_characters import TitleForbiddenCharacters

    classes = [
        LanguageMismatch, TitleForbiddenCharacters, PlaceholderText, HtmlInTitle,
        DescriptionTooShort, DescriptionRepeatsTitle,
    ]  # fmt: skip
    generic = profiles.load("generic")
    for group in [[cls] for cls in classes] + [classes]:
        clear_caches()
        active = [(cls(), CheckContext(generic, cls.options)) for cls in group]
        started = time.perf_counter()
        findings = 0
        for listing in listings:
            for check, ctx in active:
                findings += sum(1 for _ in check.check(listing, ctx))
        rate = len(listings) / (time.perf_counter() - started)
        label = group[0].name if len(group) == 1 else "all six"
        print(f"| {name} | {label} | {findings} | {rate:,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--catalog", type=Path, help="a (generated) catalog to time")
    args = parser.parse_args()
    corpus = read(sorted(args.corpus.glob("*/listings.jsonl")))
    print("## langdetect: all profiles vs restricted\n")
    langdetect_table(corpus)
    print("\n## language-mismatch on the corpus, as labelled and with swapped languages\n")
    firing_table(corpus)
    print("\n## Speed with cold caches (the language layer; the check adds HTML stripping)\n")
    print("| catalog | listings | titles/s | descriptions/s | check, listings/s |")
    print("|---|---|---|---|---|")
    speed("corpus as labelled", corpus, lambda x: x.language)
    other = {"en": "fr", "fr": "de", "de": "en"}
    speed("corpus, languages swapped", corpus, lambda x: other.get(x.language, "en"))
    if args.catalog:
        catalog = read([args.catalog])
        speed(args.catalog.name, catalog, lambda x: x.language)
        swapped = {"en": "de", "de": "fr", "fr": "en"}
        speed(f"{args.catalog.name}, languages swapped", catalog, lambda x: swapped[x.language])
    print("\n## The text checks, one core, cold caches\n")
    print("| catalog | check | findings | listings/s |")
    print("|---|---|---|---|")
    checks_speed("corpus", corpus)
    if args.catalog:
        checks_speed(args.catalog.name, read([args.catalog]))


if __name__ == "__main__":
    main()
