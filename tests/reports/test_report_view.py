"""View models of the HTML and markdown reports: score, grade, ordering, totals, images."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from listlint.check import Finding, Severity
from listlint.model import ListingRef, SourceLocation
from listlint.reports import thumbnails, view
from listlint.reports.report import Report
from listlint.reports.thumbnails import thumbnail_data_uri


def _finding(
    listing_id: str,
    severity: Severity = Severity.ERROR,
    *,
    code: str = "LL202",
    name: str = "missing-size",
    line: int = 1,
    path: str = "c.jsonl",
) -> Finding:
    return Finding(
        code=code,
        name=name,
        severity=severity,
        listing_id=listing_id,
        field="attributes.size",
        message=f"{listing_id} has a problem",
        fix="Fix it",
        source=SourceLocation(path, line),
    )


def _ref(
    listing_id: str, line: int, images: tuple[str, ...] = (), path: str = "c.jsonl"
) -> ListingRef:
    return ListingRef(listing_id, f"Title of {listing_id}", SourceLocation(path, line), images)


def _report(refs: list[ListingRef], findings: list[Finding], listings: int | None = None) -> Report:
    count = len(refs) if listings is None else listings
    return Report("9.9", "generic", count, findings, records=refs)


@pytest.mark.parametrize(
    ("severities", "expected"),
    [
        ((), 100),
        ((Severity.INFO,), 97),
        ((Severity.WARNING,), 90),
        ((Severity.WARNING, Severity.WARNING), 80),
        ((Severity.ERROR,), 75),
        ((Severity.ERROR, Severity.WARNING), 65),
        ((Severity.ERROR, Severity.ERROR), 50),
        ((Severity.ERROR,) * 5, 0),  # never below 0
    ],
)
def test_score_subtracts_fixed_points_per_severity(
    severities: tuple[Severity, ...], expected: int
) -> None:
    assert view.score(_finding("A", s) for s in severities) == expected


def test_an_unreadable_record_scores_zero() -> None:
    unreadable = _finding("A", Severity.ERROR, code="LL001", name="invalid-listing")
    assert view.score([unreadable]) == 0


@pytest.mark.parametrize(
    ("points", "letter"),
    [(100, "A"), (90, "A"), (89, "B"), (80, "B"), (79, "C"), (70, "C"), (69, "D"), (60, "D"),
     (59, "E"), (0, "E")],
)  # fmt: skip
def test_grade_boundaries_follow_akeneo(points: int, letter: str) -> None:
    assert view.grade(points) == letter


def test_listings_are_ordered_worst_first_then_in_reading_order() -> None:
    refs = [_ref("CLEAN", 1), _ref("ONE-WARN", 2), _ref("TWO-ERR", 3), _ref("ONE-ERR", 4)]
    findings = [
        _finding("ONE-WARN", Severity.WARNING, line=2),
        _finding("TWO-ERR", line=3),
        _finding("TWO-ERR", line=3, code="LL401", name="invalid-gtin"),
        _finding("ONE-ERR", line=4),
    ]
    catalog = view.build(_report(refs, findings), thumbnailer=None)
    assert [v.id for v in catalog.listings] == ["TWO-ERR", "ONE-ERR", "ONE-WARN", "CLEAN"]
    assert [v.anchor for v in catalog.listings] == [f"listing-{i}" for i in range(1, 5)]
    assert [(v.score, v.grade) for v in catalog.listings] == [
        (50, "E"), (75, "C"), (90, "A"), (100, "A"),
    ]  # fmt: skip
    assert [v.id for v in catalog.worst] == ["TWO-ERR", "ONE-ERR", "ONE-WARN"]  # findings only
    assert catalog.listings_with_findings == 3
    assert catalog.average_score == round((50 + 75 + 90 + 100) / 4)


def test_findings_within_a_listing_are_most_severe_first() -> None:
    findings = [
        _finding("A", Severity.INFO, code="LL105", name="x"),
        _finding("A", Severity.ERROR),
        _finding("A", Severity.WARNING, code="LL102", name="title-all-caps"),
    ]
    (listing,) = view.build(_report([_ref("A", 1)], findings), thumbnailer=None).listings
    assert [f.severity for f in listing.findings] == ["error", "warning", "info"]
    assert (listing.errors, listing.warnings, listing.infos) == (1, 1, 1)
    assert listing.rules == ("LL102", "LL105", "LL202")
    assert listing.severities == ("error", "warning", "info")
    assert listing.findings[0].fix == "Fix it"
    assert listing.location == "c.jsonl:1"


def test_catalog_totals_by_severity_rule_and_grade() -> None:
    refs = [_ref("A", 1), _ref("B", 2), _ref("C", 3)]
    findings = [
        _finding("A", line=1),
        _finding("B", line=2),
        _finding("B", Severity.WARNING, code="LL102", name="title-all-caps", line=2),
    ]
    catalog = view.build(_report(refs, findings), thumbnailer=None)
    by_severity = {t.severity: (t.findings, t.listings) for t in catalog.severities}
    assert by_severity == {"error": (2, 2), "warning": (1, 1), "info": (0, 0)}
    assert [(r.code, r.name, r.findings, r.listings) for r in catalog.rules] == [
        ("LL202", "missing-size", 2, 2),
        ("LL102", "title-all-caps", 1, 1),
    ]
    grades = {g.grade: g.listings for g in catalog.grades}
    assert grades == {"A": 1, "B": 0, "C": 1, "D": 1, "E": 0}
    assert sum(g.percent for g in catalog.grades) == pytest.approx(100)
    assert catalog.records == 3 and catalog.findings == 3 and catalog.unlisted == 0


def test_duplicate_ids_keep_their_own_findings() -> None:
    refs = [_ref("DUP", 1), _ref("DUP", 7)]
    findings = [_finding("DUP", code="LL002", name="duplicate-id", line=7)]
    catalog = view.build(_report(refs, findings), thumbnailer=None)
    assert [(v.location, len(v.findings)) for v in catalog.listings] == [
        ("c.jsonl:7", 1), ("c.jsonl:1", 0),
    ]  # fmt: skip


def test_a_saved_run_without_records_still_lists_the_findings() -> None:
    findings = [_finding("A", line=3), _finding("", line=9, code="LL001", name="invalid-listing")]
    catalog = view.build(_report([], findings, listings=10), thumbnailer=None)
    assert [(v.id, v.score) for v in catalog.listings] == [("", 0), ("A", 75)]
    assert catalog.unlisted == 8


def _png(path: Path, size: tuple[int, int] = (600, 400), mode: str = "RGBA") -> Path:
    Image.new(mode, size, (200, 30, 30, 128) if mode == "RGBA" else (200, 30, 30)).save(path)
    return path


def test_local_images_become_small_jpeg_thumbnails(tmp_path: Path) -> None:
    _png(tmp_path / "photo.png")
    refs = [ListingRef("A", "t", SourceLocation(str(tmp_path / "c.jsonl"), 1), ("photo.png",))]
    (listing,) = view.build(_report(refs, [])).listings
    assert listing.main_image is not None
    assert listing.main_image.src.startswith("data:image/jpeg;base64,")
    assert listing.main_image.alt == "Photo 1 of A"
    assert not listing.main_image.remote


def test_a_photo_that_cannot_be_shown_keeps_its_number(tmp_path: Path) -> None:
    # The main image is missing: the card's only thumbnail is image 2, as the findings call it.
    _png(tmp_path / "side.png")
    source = SourceLocation(str(tmp_path / "c.jsonl"), 1)
    refs = [ListingRef("A", "t", source, ("missing.jpg", "side.png"))]
    (listing,) = view.build(_report(refs, [])).listings
    assert [image.alt for image in listing.images] == ["Photo 2 of A"]


def test_thumbnail_is_at_most_160_px(tmp_path: Path) -> None:
    import base64
    import io

    uri = thumbnail_data_uri(_png(tmp_path / "big.png", (2000, 500), "RGB"))
    assert uri is not None
    with Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))) as image:
        assert image.format == "JPEG" and max(image.size) == 160


@pytest.mark.parametrize("content", [b"", b"not an image", b"\x89PNG\r\n\x1a\n" + b"\0" * 40])
def test_unreadable_images_give_no_thumbnail(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(content)
    assert thumbnail_data_uri(bad) is None
    assert thumbnail_data_uri(tmp_path / "missing.png") is None
    assert thumbnail_data_uri(tmp_path) is None  # a folder


def test_decompression_bomb_gives_no_thumbnail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A small file that claims more pixels than the limit is refused before it is decoded.
    monkeypatch.setattr(thumbnails, "_MAX_PIXELS", 1_000_000)
    bomb = tmp_path / "bomb.png"
    Image.new("1", (4000, 4000)).save(bomb)
    assert bomb.stat().st_size < 100_000
    assert thumbnail_data_uri(bomb) is None


@pytest.mark.parametrize(
    "reference",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:image/svg+xml;base64,PHN2Zz4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "https://",
        'https://example.com/x.jpg" onerror="alert(1)',
        "https://example.com/" + "a" * 3000,
        "//example.com/protocol-relative.jpg",
    ],
)
def test_only_plain_http_urls_are_linked(reference: str) -> None:
    assert view.safe_image_url(reference) is None
    refs = [ListingRef("A", "t", SourceLocation("c.jsonl", 1), (reference,))]
    (listing,) = view.build(_report(refs, [])).listings
    assert listing.images == ()


def test_http_and_https_urls_are_linked_as_they_are() -> None:
    urls = ("https://cdn.example.com/a.jpg?w=1&h=2", "http://example.com/b.png")
    refs = [ListingRef("A", "t", SourceLocation("c.jsonl", 1), urls)]
    (listing,) = view.build(_report(refs, [])).listings
    assert [(i.src, i.remote) for i in listing.images] == [(u, True) for u in urls]


def test_thumbnail_budget_goes_to_the_worst_listings_first(tmp_path: Path) -> None:
    _png(tmp_path / "good.png")
    _png(tmp_path / "bad.png", (500, 500))
    catalog_path = str(tmp_path / "c.jsonl")
    refs = [
        ListingRef("GOOD", "t", SourceLocation(catalog_path, 1), ("good.png",)),
        ListingRef("BAD", "t", SourceLocation(catalog_path, 2), ("bad.png",)),
    ]
    findings = [_finding("BAD", line=2, path=catalog_path)]
    one = len(thumbnail_data_uri(tmp_path / "bad.png") or "")
    catalog = view.build(_report(refs, findings), thumbnail_budget=one + 10)
    bad, good = catalog.listings
    assert (bad.id, len(bad.images), bad.images_omitted) == ("BAD", 1, 0)
    assert (good.id, len(good.images), good.images_omitted) == ("GOOD", 0, 1)


def test_a_picture_is_embedded_once_however_often_it_is_shown(tmp_path: Path) -> None:
    _png(tmp_path / "p.png")
    catalog_path = str(tmp_path / "c.jsonl")
    refs = [
        ListingRef(f"L{i}", "t", SourceLocation(catalog_path, i), ("p.png", "./p.png"))
        for i in range(1, 4)
    ]
    one = len(thumbnail_data_uri(tmp_path / "p.png") or "")
    catalog = view.build(_report(refs, []), thumbnail_budget=one + 10)  # room for one picture
    assert len(catalog.thumbnails) == 1
    (thumbnail,) = catalog.thumbnails
    assert thumbnail.key == "photo-1" and thumbnail.src.startswith("data:image/jpeg;base64,")
    keys = [image.key for listing in catalog.listings for image in listing.images]
    assert keys == ["photo-1"] * 6


def test_a_thumbnailer_may_not_return_anything_but_an_image_data_uri(tmp_path: Path) -> None:
    refs = [ListingRef("A", "t", SourceLocation(str(tmp_path / "c.jsonl"), 1), ("p.png",))]
    catalog = view.build(_report(refs, []), thumbnailer=lambda _: "javascript:alert(1)")
    assert catalog.listings[0].images == ()
