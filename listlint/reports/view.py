"""View models of a run: what the HTML and markdown templates see, and nothing else.

:func:`build` turns a :class:`~listlint.reports.report.Report` (a live run, or one read back from a
saved JSON run) into a :class:`CatalogView`: one :class:`ListingView` per record, worst first,
and the catalog's totals. Everything here is plain, immutable data; templates never see findings,
listings or paths.

**Quality score.** Every listing starts at 100 and loses :data:`PENALTIES` points per finding:
25 per error, 10 per warning, 3 per info, never below 0. A record that could not be read at all
(an ``invalid-listing`` finding) scores 0. The grade follows Akeneo's bands: A from 90, B from 80,
C from 70, D from 60, E below. So one warning still leaves an A (90), two warnings a B (80), one
error a C (75), an error and a warning a D (65), two errors an E (50).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from listlint.check import Finding, Severity
from listlint.model import ListingRef, SourceLocation
from listlint.reports.report import Report
from listlint.reports.thumbnails import Thumbnailer, thumbnail_data_uri

PENALTIES: Mapping[Severity, int] = {Severity.ERROR: 25, Severity.WARNING: 10, Severity.INFO: 3}
GRADES: tuple[tuple[str, int], ...] = (("A", 90), ("B", 80), ("C", 70), ("D", 60), ("E", 0))
UNREADABLE_RULE = "invalid-listing"  # a record that could not be read scores 0

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
WORST_COUNT = 10
IMAGES_PER_LISTING = 4  # thumbnails shown per card
# Embedded thumbnails stop here, so a report of a large catalog stays a reasonable file; the
# budget goes to the worst listings first, and later cards say their photos were left out.
THUMBNAIL_BUDGET_BYTES = 12 * 1024 * 1024
_MAX_URL_LENGTH = 2048
_DATA_URI = re.compile(r"data:image/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+=*")


def score(findings: Iterable[Finding]) -> int:
    """The quality score 0-100 of one listing from its findings (see the module docstring)."""
    points = 100
    for finding in findings:
        if finding.name == UNREADABLE_RULE:
            return 0
        points -= PENALTIES[finding.severity]
    return max(points, 0)


def grade(points: int) -> str:
    """The letter grade of a score: A >= 90, B >= 80, C >= 70, D >= 60, E below."""
    return next(letter for letter, floor in GRADES if points >= floor)


@dataclass(frozen=True)
class FindingView:
    code: str
    name: str
    severity: str
    message: str
    fix: str
    field: str
    location: str  # path:line
    variant_id: str = ""


@dataclass(frozen=True)
class ImageView:
    src: str  # a data: URI we made, or an http(s) URL from the listing; never anything else
    alt: str
    remote: bool
    # An embedded thumbnail's CSS class ("photo-3"): the HTML report embeds each picture once,
    # as a style rule, however many listings show it. "" for a remote image.
    key: str = ""


@dataclass(frozen=True)
class ThumbnailView:
    key: str  # the CSS class the ImageViews of this picture carry
    src: str  # its data: URI


@dataclass(frozen=True)
class ListingView:
    anchor: str  # an HTML id made by us ("listing-3"), never the listing's own text
    id: str
    title: str
    location: str
    score: int
    grade: str
    errors: int
    warnings: int
    infos: int
    findings: tuple[FindingView, ...]
    images: tuple[ImageView, ...] = ()
    image_count: int = 0  # image references the listing has
    images_omitted: int = 0  # local photos left out because the thumbnail budget was spent

    @property
    def main_image(self) -> ImageView | None:
        return self.images[0] if self.images else None

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(sorted({f.code for f in self.findings}))

    @property
    def severities(self) -> tuple[str, ...]:
        present = {f.severity for f in self.findings}
        return tuple(s.value for s in SEVERITIES if s.value in present)


@dataclass(frozen=True)
class SeverityTotal:
    severity: str
    findings: int
    listings: int


@dataclass(frozen=True)
class RuleTotal:
    code: str
    name: str
    severity: str  # the most severe level it was reported at
    findings: int
    listings: int


@dataclass(frozen=True)
class GradeTotal:
    grade: str
    floor: int
    listings: int
    percent: float  # of all listings shown, 0-100


@dataclass(frozen=True)
class CatalogView:
    version: str
    profile: str
    records: int  # every record read (summary.listings of the JSON run)
    findings: int
    listings: tuple[ListingView, ...]  # worst first
    severities: tuple[SeverityTotal, ...]
    rules: tuple[RuleTotal, ...]  # most findings first
    grades: tuple[GradeTotal, ...]  # A to E
    worst: tuple[ListingView, ...]
    average_score: int
    listings_with_findings: int
    # Records the run counted but the report has no entry for (a saved run without "listings").
    unlisted: int = 0
    thumbnails: tuple[ThumbnailView, ...] = ()  # every embedded picture, once

    @property
    def top_rules(self) -> tuple[RuleTotal, ...]:
        return self.rules[:WORST_COUNT]


def build(
    report: Report,
    *,
    thumbnailer: Thumbnailer | None = thumbnail_data_uri,
    thumbnail_budget: int = THUMBNAIL_BUDGET_BYTES,
) -> CatalogView:
    """The view of a whole run. ``thumbnailer=None`` embeds no local photos."""
    records, findings_of = _group(report.records, report.findings)
    ranked = sorted(
        range(len(records)),
        key=lambda i: (score(findings_of[i]), *_counts_desc(findings_of[i]), i),
    )
    images = _Images(thumbnailer, thumbnail_budget)
    listings = tuple(
        _listing_view(records[i], findings_of[i], f"listing-{rank}", images)
        for rank, i in enumerate(ranked, start=1)
    )
    with_findings = [v for v in listings if v.findings]
    grades = Counter(v.grade for v in listings)
    total = len(listings)
    return CatalogView(
        version=report.version,
        profile=report.profile,
        records=report.listings,
        findings=len(report.findings),
        listings=listings,
        severities=_severity_totals(report.findings),
        rules=_rule_totals(report.findings),
        grades=tuple(
            GradeTotal(letter, floor, grades[letter], 100 * grades[letter] / total if total else 0)
            for letter, floor in GRADES
        ),
        worst=tuple(with_findings[:WORST_COUNT]),
        average_score=round(sum(v.score for v in listings) / total) if total else 100,
        listings_with_findings=len(with_findings),
        unlisted=max(report.listings - total, 0),
        thumbnails=tuple(images.thumbnails),
    )


def _group(
    refs: Sequence[ListingRef], findings: Sequence[Finding]
) -> tuple[list[ListingRef], list[list[Finding]]]:
    """Each record with its findings; findings of a record the run did not list get their own."""
    records = list(refs)
    by_place: dict[tuple[str, str, int | None], int] = {}
    by_id: dict[str, int] = {}
    for position, ref in enumerate(records):
        by_place.setdefault((ref.id, ref.source.path, ref.source.line), position)
        by_id.setdefault(ref.id, position)
    findings_of: list[list[Finding]] = [[] for _ in records]
    for finding in findings:
        place = (finding.listing_id, finding.source.path, finding.source.line)
        index: int | None = by_place.get(place)
        if index is None:
            index = by_id.get(finding.listing_id) if finding.listing_id else None
        if index is None:  # a saved run without "listings", or a record it did not name
            index = len(records)
            records.append(ListingRef(finding.listing_id, "", finding.source))
            findings_of.append([])
            by_place[place] = index
            if finding.listing_id:
                by_id.setdefault(finding.listing_id, index)
        findings_of[index].append(finding)
    return records, findings_of


def _counts_desc(findings: Sequence[Finding]) -> tuple[int, int, int]:
    return tuple(-sum(1 for f in findings if f.severity is s) for s in SEVERITIES)  # type: ignore[return-value]


def _listing_view(
    ref: ListingRef, findings: Sequence[Finding], anchor: str, images: _Images
) -> ListingView:
    ordered = sorted(findings, key=lambda f: -f.severity.rank)  # stable: reading order kept
    points = score(findings)
    shown, omitted = images.for_listing(ref)
    return ListingView(
        anchor=anchor,
        id=ref.id,
        title=ref.title,
        location=str(ref.source),
        score=points,
        grade=grade(points),
        errors=sum(1 for f in findings if f.severity is Severity.ERROR),
        warnings=sum(1 for f in findings if f.severity is Severity.WARNING),
        infos=sum(1 for f in findings if f.severity is Severity.INFO),
        findings=tuple(_finding_view(f) for f in ordered),
        images=shown,
        image_count=len(ref.images),
        images_omitted=omitted,
    )


def _finding_view(finding: Finding) -> FindingView:
    return FindingView(
        code=finding.code,
        name=finding.name,
        severity=finding.severity.value,
        message=finding.message,
        fix=finding.fix,
        field=finding.field,
        location=str(finding.source),
        variant_id=finding.variant_id or "",
    )


def _severity_totals(findings: Sequence[Finding]) -> tuple[SeverityTotal, ...]:
    counts = Counter(f.severity for f in findings)
    listings: dict[Severity, set[tuple[str, SourceLocation]]] = {s: set() for s in SEVERITIES}
    for f in findings:
        listings[f.severity].add((f.listing_id, f.source))
    return tuple(SeverityTotal(s.value, counts[s], len(listings[s])) for s in SEVERITIES)


def _rule_totals(findings: Sequence[Finding]) -> tuple[RuleTotal, ...]:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    worst: dict[str, Severity] = {}
    listings: dict[str, set[tuple[str, SourceLocation]]] = {}
    for f in findings:
        counts[f.code] += 1
        names.setdefault(f.code, f.name)
        if f.code not in worst or f.severity.rank > worst[f.code].rank:
            worst[f.code] = f.severity
        listings.setdefault(f.code, set()).add((f.listing_id, f.source))
    return tuple(
        RuleTotal(code, names[code], worst[code].value, counts[code], len(listings[code]))
        for code in sorted(counts, key=lambda c: (-counts[c], c))
    )


def safe_image_url(reference: str) -> str | None:
    """``reference`` when it is a plain http(s) URL a report may link, else None.

    Listing text is untrusted: ``javascript:``, ``data:``, ``file:`` and every other scheme, URLs
    with whitespace or control characters, and overlong URLs are refused.
    """
    if len(reference) > _MAX_URL_LENGTH:
        return None
    if any(c.isspace() or ord(c) < 32 or 127 <= ord(c) < 160 for c in reference):
        return None
    try:
        parts = urlsplit(reference)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return reference


def local_image_path(reference: str, source: SourceLocation) -> Path | None:
    """The file a local image reference names, relative to its catalog file's folder."""
    if not reference or any(ord(c) < 32 for c in reference):
        return None
    try:
        scheme = urlsplit(reference).scheme
    except ValueError:
        return None
    if len(scheme) > 1:  # a URL of some other scheme; one letter is a Windows drive
        return None
    path = Path(reference)
    if path.is_absolute():
        return path
    folder = Path(source.path).parent if source.path and source.path != "<stdin>" else Path()
    return folder / path


class _Images:
    """Turns image references into ImageViews, within the report's thumbnail budget.

    Each distinct picture costs the budget once, however many listings show it.
    """

    def __init__(self, thumbnailer: Thumbnailer | None, budget: int) -> None:
        self.thumbnailer = thumbnailer
        self.budget = budget
        self.cache: dict[Path, str | None] = {}
        self.keys: dict[str, str] = {}  # data URI -> CSS class
        self.thumbnails: list[ThumbnailView] = []

    def for_listing(self, ref: ListingRef) -> tuple[tuple[ImageView, ...], int]:
        shown: list[ImageView] = []
        omitted = 0
        label = ref.id or "this listing"
        for position, reference in enumerate(ref.images, 1):
            if len(shown) >= IMAGES_PER_LISTING:
                break
            # Its place in the listing's gallery, as findings count it ("Image 2"): a photo that
            # cannot be shown (missing, unreadable) leaves a gap rather than renumber the rest.
            alt = f"Photo {position} of {label}"
            url = safe_image_url(reference)
            if url is not None:
                shown.append(ImageView(url, alt, remote=True))
                continue
            path = local_image_path(reference, ref.source)
            if path is None or self.thumbnailer is None:
                continue
            if self.budget <= 0 and path not in self.cache:
                omitted += 1
                continue
            uri = self._thumbnail(path)
            if uri is None:
                continue
            key = self.keys.get(uri)
            if key is None:
                if len(uri) > self.budget:
                    self.budget = 0
                    omitted += 1
                    continue
                self.budget -= len(uri)
                key = self.keys[uri] = f"photo-{len(self.thumbnails) + 1}"
                self.thumbnails.append(ThumbnailView(key, uri))
            shown.append(ImageView(uri, alt, remote=False, key=key))
        return tuple(shown), omitted

    def _thumbnail(self, path: Path) -> str | None:
        if path not in self.cache:
            assert self.thumbnailer is not None
            uri = self.thumbnailer(path)
            # A base64 image data URI only: a thumbnailer must not smuggle anything else in.
            self.cache[path] = uri if uri and _DATA_URI.fullmatch(uri) else None
        return self.cache[path]
