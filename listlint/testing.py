"""Helpers for testing checks, built-in or plugin: run a check on records, read its examples.

A plugin's tests can use them the way listlint's own do::

    from listlint.testing import examples, run_check

    def test_examples() -> None:
        failing, passing = examples(MyCheck)
        assert all(run_check(MyCheck, record) for record in failing)
        assert not any(run_check(MyCheck, record) for record in passing)

    def test_option() -> None:
        record = {"id": "A1", "title": "ACME SUPER WIDGET"}
        assert run_check(MyCheck, record, options={"allow": ["ACME"]}) == []
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from listlint import profiles
from listlint.check import CODE_PATTERN, DOC_SECTIONS, NAME_PATTERN, Check, CheckContext, Finding
from listlint.images.facts import ImageFacts
from listlint.images.formats import extension_format
from listlint.model import Listing, SourceLocation, build_listing

__all__ = [
    "GOOD_PHOTO",
    "doc_problems",
    "example_context",
    "example_images",
    "examples",
    "image_facts",
    "run_check",
]

_FAILS = "fails:"
_PASSES = "passes:"
_IMAGE = "image "
_PREVIOUS = "previous:"
_OPTIONS = "options:"

# The facts of a sharp, well-lit 1000 px studio photo: what an example's image has unless its
# ``image NAME: {...}`` line says otherwise.
GOOD_PHOTO: dict[str, Any] = {
    "format": "JPEG",
    "width": 1000,
    "height": 1000,
    "file_size": 180_000,
    "sharpness": 60.0,
    "brightness": 205.0,
    "bright_point": 255.0,
    "product_brightness": 120.0,
    "contrast": 150.0,
    "background": (255, 255, 255),
    "fill": 0.7,
}


def examples(check_cls: type[Check]) -> tuple[list[object], list[object]]:
    """The failing and the passing examples of a check's docstring, parsed from JSON.

    Each ``fails: <JSON>`` or ``passes: <JSON>`` line of the Example section gives one example:
    a JSON object is one listing, a JSON array a small catalog of several listings. Other lines
    of the section are prose and are skipped. Raises ValueError for JSON that does not parse.
    """
    failing: list[object] = []
    passing: list[object] = []
    for number, line in enumerate(check_cls.sections().get("Example", "").splitlines(), 1):
        text = line.strip()
        for prefix, found in ((_FAILS, failing), (_PASSES, passing)):
            if text.startswith(prefix):
                try:
                    found.append(json.loads(text[len(prefix) :]))
                except json.JSONDecodeError as error:
                    raise ValueError(
                        f"{check_cls.__name__}: line {number} of the Example section is not "
                        f"valid JSON after {prefix!r}: {error}"
                    ) from None
    return failing, passing


def example_images(check_cls: type[Check]) -> dict[str, dict[str, Any]]:
    """The image facts an Example section gives, from its ``image NAME: {JSON}`` lines."""
    images: dict[str, dict[str, Any]] = {}
    for line in check_cls.sections().get("Example", "").splitlines():
        text = line.strip()
        if text.startswith(_IMAGE) and ": {" in text:
            name, _, facts = text[len(_IMAGE) :].partition(": {")
            try:
                images[name.strip()] = json.loads("{" + facts)
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{check_cls.__name__}: the image line for {name.strip()!r} is not valid "
                    f"JSON: {error}"
                ) from None
    return images


def example_context(check_cls: type[Check]) -> tuple[list[object], dict[str, Any] | None]:
    """What an Example section says every example runs with: the previous version of the
    catalog (``previous: <JSON>`` lines, each a listing or a list of them) and the options
    (an ``options: {JSON}`` line), None when no line sets them."""
    previous: list[object] = []
    options: dict[str, Any] | None = None
    for line in check_cls.sections().get("Example", "").splitlines():
        text = line.strip()
        for prefix in (_PREVIOUS, _OPTIONS):
            if not text.startswith(prefix):
                continue
            try:
                value = json.loads(text[len(prefix) :])
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{check_cls.__name__}: the {prefix!r} line of the Example section is not "
                    f"valid JSON: {error}"
                ) from None
            if prefix == _OPTIONS:
                options = {**(options or {}), **value}
            else:
                previous.extend(value if isinstance(value, list) else [value])
    return previous, options


_READ_PROBLEMS = frozenset({"not-an-image", "truncated", "unsupported", "too-many-pixels"})


def image_facts(reference: str, overrides: Mapping[str, Any] | None = None) -> ImageFacts:
    """Facts of a good photo (GOOD_PHOTO) named ``reference``, with ``overrides`` applied.

    Each name gets its own content hash and difference hash, so two names are two photos.
    """
    # surrogatepass: a record built in Python may hold half a character ("\ud800").
    digest = hashlib.sha256(reference.encode("utf-8", "surrogatepass")).hexdigest()
    data: dict[str, Any] = {
        **GOOD_PHOTO,
        "content_hash": digest,
        "dhash": int(digest[:16], 16),
        "extension_format": extension_format(reference),
    }
    data.update(overrides or {})
    if data.get("problem"):  # an image that did not decode has no measurements
        # ...and one that was never read (missing, refused, unreachable) has no content either.
        read = data["problem"] in _READ_PROBLEMS or "content_hash" in (overrides or {})
        data = {k: data[k] for k in ("problem", "detail", "content_hash") if k in data}
        if not read:
            data.pop("content_hash", None)
    data["reference"] = reference
    return ImageFacts.from_dict(data)


def run_check(
    check_cls: type[Check],
    records: object,
    *,
    profile: str | None = None,
    options: Mapping[str, Any] | None = None,
    images: Mapping[str, Mapping[str, Any]] | None = None,
    previous: object | None = None,
    today: date | None = None,
) -> list[Finding]:
    """Run a fresh instance of ``check_cls`` over ``records`` and return its findings.

    ``records`` is one raw record (a dict, as in a JSON Lines file) or a list of them; each
    becomes a Listing with :func:`listlint.model.build_listing` at ``<example>:N``, and a record
    that cannot raises :class:`listlint.model.RecordError` (reporting it is invalid-listing's
    job, not the check's). ``options`` are merged over the check's defaults; an option the check
    does not declare raises ValueError, so a typo cannot make a test pass.

    Image checks see facts for every image reference: ``images`` maps a reference to the facts
    that differ from a good photo (GOOD_PHOTO); by default they are the Example section's
    ``image NAME: {...}`` lines. No file is opened.

    ``profile`` names the profile every listing is checked under; without it, as in a run
    without ``--profile``, a listing whose ``marketplace`` names a built-in profile is checked
    under that one, the others under generic.

    History checks see ``previous`` (a record or a list of them) as the previous version of the
    catalog: by default the Example section's ``previous:`` lines. Without ``options``, the
    section's ``options:`` line applies. ``today`` is the day ages are judged against (default:
    the real date).
    """
    example_previous, example_options = example_context(check_cls)
    if options is None:
        options = example_options
    if previous is None:
        previous = example_previous
    unknown = sorted(set(options or {}) - set(check_cls.options))
    if unknown:
        known = ", ".join(sorted(check_cls.options)) or "none"
        raise ValueError(
            f"{check_cls.name} has no option {', '.join(map(repr, unknown))} (options: {known})"
        )
    batch = records if isinstance(records, (list, tuple)) else [records]
    listings = [
        build_listing(record, SourceLocation("<example>", index + 1))
        for index, record in enumerate(batch)
    ]
    described = example_images(check_cls) if images is None else images
    facts = {
        (listing.source.path, reference): image_facts(reference, described.get(reference))
        for listing in listings
        for reference in _references(listing)
    }
    merged = {**check_cls.options, **(options or {})}
    check_cls.check_options(merged)
    before = previous if isinstance(previous, (list, tuple)) else [previous]
    previous_listings: dict[str, Listing] = {}
    for index, record in enumerate(before):
        earlier = build_listing(record, SourceLocation("<previous>", index + 1))
        previous_listings.setdefault(earlier.id, earlier)
    contexts: dict[str, CheckContext] = {}

    def context(name: str) -> CheckContext:
        if name not in contexts:
            contexts[name] = CheckContext(
                profiles.load(name),
                options=merged,
                images=facts,
                previous_listings=previous_listings,
                today=today or date.today(),
            )
        return contexts[name]

    builtin = profiles.available()
    check = check_cls()
    findings: list[Finding] = []
    for listing in listings:
        name = profile or (listing.marketplace if listing.marketplace in builtin else "generic")
        findings.extend(check.check(listing, context(name)))
    findings.extend(check.finish(context(profile or "generic")))
    return findings


def _references(listing: Listing) -> list[str]:
    return [*listing.images, *(ref for variant in listing.variants for ref in variant.images)]


def doc_problems(check_cls: type[Check]) -> list[str]:
    """What is wrong with a check's code, name and docstring; empty when nothing is.

    The rules are the ones ``listlint explain`` and the rule reference rely on: a code like
    ``LL101``, a kebab-case name, a one-sentence summary line, the sections What it does, Why it
    matters, Example and Fix, at least one failing and one passing example, every failing
    example makes the check fire and no passing example does.
    """
    problems: list[str] = []
    code = getattr(check_cls, "code", "")
    name = getattr(check_cls, "name", "")
    if not CODE_PATTERN.match(code):
        problems.append(f"code {code!r} must look like 'LL101' (2-3 capitals, 3 digits)")
    if not NAME_PATTERN.match(name):
        problems.append(f"name {name!r} must be kebab-case, like 'missing-color'")
    summary = check_cls.summary()
    if not summary.endswith("."):
        problems.append(f"the docstring's first line must be a one-sentence summary: {summary!r}")
    sections = check_cls.sections()
    missing = [heading for heading in DOC_SECTIONS if not sections.get(heading)]
    if missing:
        problems.append(f"the docstring lacks the section(s) {', '.join(missing)}")
    try:
        failing, passing = examples(check_cls)
    except ValueError as error:
        return [*problems, str(error)]
    if not failing or not passing:
        problems.append("the Example section needs at least one 'fails:' and one 'passes:' line")
    for record in failing:
        if _fires(check_cls, record, problems) is False:
            problems.append(f"the failing example does not fire: {json.dumps(record)}")
    for record in passing:
        if _fires(check_cls, record, problems):
            problems.append(f"the passing example fires: {json.dumps(record)}")
    return problems


def _fires(check_cls: type[Check], record: object, problems: list[str]) -> bool | None:
    """Whether the example makes the check fire; None (and a problem) when it cannot run."""
    try:
        return any(f.code == check_cls.code for f in run_check(check_cls, record))
    except Exception as error:  # a broken example is a docs problem to report, not a crash
        problems.append(f"the example {json.dumps(record)} raised {error!r}")
        return None
