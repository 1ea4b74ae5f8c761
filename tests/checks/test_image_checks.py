"""The image checks on crafted facts: no file is opened (listlint.testing.run_check)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import pytest

from listlint import profiles
from listlint import testing as testing_module
from listlint.check import Check, CheckContext, Finding
from listlint.checks._images import placed_images
from listlint.checks.image_aspect_ratio import ImageAspectRatio
from listlint.checks.image_background import ImageBackground
from listlint.checks.image_blurry import ImageBlurry
from listlint.checks.image_color_mismatch import ImageColorMismatch
from listlint.checks.image_duplicate import ImageDuplicate
from listlint.checks.image_low_contrast import ImageLowContrast
from listlint.checks.image_missing import ImageMissing
from listlint.checks.image_overexposed import ImageOverexposed
from listlint.checks.image_reused import ImageReused
from listlint.checks.image_too_dark import ImageTooDark
from listlint.checks.image_too_large import ImageTooLarge
from listlint.checks.image_too_small import ImageTooSmall
from listlint.checks.image_unreachable import ImageUnreachable
from listlint.checks.image_unreadable import ImageUnreadable
from listlint.images.facts import Problem
from listlint.model import SourceLocation, build_listing
from listlint.registry import load_registry
from listlint.testing import doc_problems, image_facts, run_check

IMAGE_CHECKS: list[type[Check]] = [
    ImageMissing,
    ImageUnreadable,
    ImageUnreachable,
    ImageTooSmall,
    ImageTooLarge,
    ImageAspectRatio,
    ImageBlurry,
    ImageTooDark,
    ImageOverexposed,
    ImageLowContrast,
    ImageBackground,
    ImageDuplicate,
    ImageReused,
    ImageColorMismatch,
]

Facts = Mapping[str, Mapping[str, Any]]


def _listing(images: list[str], **fields: Any) -> dict[str, Any]:
    return {"id": "P1", "title": "Ceramic Mug", "images": images, **fields}


def _run(check: type[Check], record: object, images: Facts, **options: Any) -> list[Finding]:
    return run_check(check, record, images=images, options=options or None)


def _messages(check: type[Check], record: object, images: Facts, **options: Any) -> list[str]:
    return [f.message for f in _run(check, record, images, **options)]


@pytest.mark.parametrize("check", IMAGE_CHECKS, ids=lambda c: c.name)
def test_documentation_and_examples(check: type[Check]) -> None:
    assert doc_problems(check) == []


@pytest.mark.parametrize("check", IMAGE_CHECKS, ids=lambda c: c.name)
def test_a_good_photo_fires_nothing(check: type[Check]) -> None:
    record = _listing(["mug.jpg", "side.jpg"], attributes={"color": "Red"})
    red = {"colours": [{"family": "red", "share": 0.9, "rgb": [190, 30, 40]}]}
    assert _run(check, record, {"mug.jpg": red, "side.jpg": {}}) == []


def test_codes_and_names_are_the_documented_ones() -> None:
    assert [(c.code, c.name) for c in IMAGE_CHECKS] == [
        ("LL501", "image-missing"),
        ("LL502", "image-unreadable"),
        ("LL503", "image-unreachable"),
        ("LL504", "image-too-small"),
        ("LL505", "image-too-large"),
        ("LL506", "image-aspect-ratio"),
        ("LL507", "image-blurry"),
        ("LL508", "image-too-dark"),
        ("LL509", "image-overexposed"),
        ("LL510", "image-low-contrast"),
        ("LL511", "image-background"),
        ("LL512", "image-duplicate"),
        ("LL513", "image-reused"),
        ("LL514", "image-color-mismatch"),
    ]
    registered = load_registry(plugins=False).by_code()
    assert all(registered.get(c.code) is c for c in IMAGE_CHECKS)
    assert not ImageMissing.needs_images
    assert all(c.needs_images for c in IMAGE_CHECKS if c is not ImageMissing)


# --- image-missing --------------------------------------------------------------------------


def test_image_missing() -> None:
    assert _messages(ImageMissing, {"id": "P1", "title": "Mug"}, {}) == ["The listing has no image"]
    assert _messages(ImageMissing, _listing([]), {}) == ["The listing has no image"]
    with_variant_photo = {
        "id": "P1",
        "title": "Mug",
        "variants": [{"id": "V", "images": ["a.jpg"]}],
    }
    assert _run(ImageMissing, with_variant_photo, {}) == []


# --- image-unreadable / image-unreachable ---------------------------------------------------


@pytest.mark.parametrize(
    "problem",
    [
        Problem.MISSING,
        Problem.NOT_AN_IMAGE,
        Problem.TRUNCATED,
        Problem.UNSUPPORTED,
        Problem.REFUSED,
    ],
)
def test_unreadable_problems(problem: str) -> None:
    images = {"a.jpg": {"problem": problem, "detail": "why"}}
    findings = _run(ImageUnreadable, _listing(["a.jpg"]), images)
    assert [f.message for f in findings] == ["The main image 'a.jpg' cannot be read: why"]
    assert findings[0].field == "images[0]" and findings[0].fix
    assert _run(ImageUnreachable, _listing(["a.jpg"]), images) == []


@pytest.mark.parametrize(
    "problem", [Problem.UNREACHABLE, Problem.TOO_LARGE, Problem.TOO_MANY_PIXELS]
)
def test_problems_that_are_not_unreadable(problem: str) -> None:
    assert _run(ImageUnreadable, _listing(["a.jpg"]), {"a.jpg": {"problem": problem}}) == []


def test_unreachable() -> None:
    images = {"https://x.test/a.jpg": {"problem": Problem.UNREACHABLE, "detail": "HTTP 503"}}
    findings = _run(ImageUnreachable, _listing(["https://x.test/a.jpg"]), images)
    assert [f.message for f in findings] == [
        "The main image 'https://x.test/a.jpg' could not be fetched: HTTP 503"
    ]


def test_an_extension_that_lies_is_unreadable() -> None:
    images = {"a.png": {"format": "WEBP"}, "b.jpeg": {"format": "JPEG"}, "c": {"format": "PNG"}}
    assert _messages(ImageUnreadable, _listing(["a.png", "b.jpeg", "c"]), images) == [
        "The main image 'a.png' is a WEBP file but its name says PNG"
    ]


def test_the_extension_of_a_url_with_a_query_is_read() -> None:
    url = "https://cdn.test/a.png?width=800"
    assert _messages(ImageUnreadable, _listing([url]), {url: {"format": "JPEG"}}) == [
        f"The main image {url!r} is a JPEG file but its name says PNG"
    ]


# --- sizes and shapes -----------------------------------------------------------------------


def test_too_small() -> None:
    images = {"a.jpg": {"width": 480, "height": 900}, "b.jpg": {"width": 500, "height": 500}}
    assert _messages(ImageTooSmall, _listing(["a.jpg", "b.jpg"]), images) == [
        "The main image 'a.jpg' is 480x900 px; the generic profile wants at least 500 px on the "
        "shorter side"
    ]


def test_too_small_on_ebay_measures_the_longer_side() -> None:
    # eBay's picture policy: 500 px on the longest side, so a 480x900 photo is fine there.
    images = {"a.jpg": {"width": 480, "height": 900}, "b.jpg": {"width": 400, "height": 300}}
    listing = _listing(["a.jpg", "b.jpg"])
    findings = run_check(ImageTooSmall, listing, images=images, profile="ebay")
    assert [f.message for f in findings] == [
        "Image 2 'b.jpg' is 400x300 px; eBay wants at least 500 px on the longer side"
    ]


def test_too_small_says_nothing_about_an_image_of_unknown_size() -> None:
    images = {"a.jpg": {"problem": Problem.TRUNCATED}}
    assert _run(ImageTooSmall, _listing(["a.jpg"]), images) == []


@pytest.mark.parametrize(
    ("facts", "says"),
    [
        ({"file_size": 13_000_000}, "13.0 MB (limit 12 MB)"),
        ({"width": 9000, "height": 8000}, "72.0 MP (limit 64 MP)"),
        ({"width": 12_000, "height": 1000}, "12,000 px long (limit 10,000 px)"),
        ({"problem": Problem.TOO_MANY_PIXELS, "detail": "50000x50000 px"}, "50000x50000 px"),
        ({"problem": Problem.TOO_LARGE, "detail": "over the 32 MB download cap"}, "32 MB"),
    ],
)
def test_too_large(facts: dict[str, Any], says: str) -> None:
    messages = _messages(ImageTooLarge, _listing(["a.jpg"]), {"a.jpg": facts})
    assert len(messages) == 1 and says in messages[0]


def test_aspect_ratio() -> None:
    images = {
        "banner.jpg": {"width": 1800, "height": 600},
        "tall.jpg": {"width": 500, "height": 1200},
        "portrait.jpg": {"width": 800, "height": 1000},
    }
    record = _listing(["banner.jpg", "tall.jpg", "portrait.jpg"])
    assert _messages(ImageAspectRatio, record, images) == [
        "The main image 'banner.jpg' is 1800x600 px, 3.0:1; product photos should be at most 2:1",
        "Image 2 'tall.jpg' is 500x1200 px, 2.4:1; product photos should be at most 2:1",
    ]
    assert len(_run(ImageAspectRatio, record, images, **{"max-ratio": 2.5})) == 1


# --- quality ---------------------------------------------------------------------------------


def test_blurry() -> None:
    record = _listing(["soft.jpg", "sharp.jpg"])
    images = {"soft.jpg": {"sharpness": 8.0}, "sharp.jpg": {"sharpness": 60.0}}
    findings = _run(ImageBlurry, record, images)
    assert [f.field for f in findings] == ["images[0]"]
    assert "looks blurry" in findings[0].message
    assert _run(ImageBlurry, record, images, **{"min-sharpness": 5.0}) == []
    # No edge to judge (a blank frame): no verdict rather than "blurry".
    assert _run(ImageBlurry, _listing(["a.jpg"]), {"a.jpg": {"sharpness": None}}) == []


def test_blurry_needs_soft_edges_too() -> None:
    # A low sharpness with edges that rise within 2 px: straight edges between two pixels (a
    # TV packshot at some sizes), not a blur.
    record = _listing(["tv.jpg"])
    packshot = {"tv.jpg": {"sharpness": 16.0, "edge_steepness": 97.5}}
    assert _run(ImageBlurry, record, packshot) == []
    blurred = {"tv.jpg": {"sharpness": 16.0, "edge_steepness": 62.0}}
    assert [f.message for f in _run(ImageBlurry, record, blurred)] == [
        "The main image 'tv.jpg' looks blurry (sharpness 16, below 24)"
    ]
    # Steepness not measured (sharpness was high when the facts were taken): sharpness decides.
    assert _run(ImageBlurry, record, {"tv.jpg": {"sharpness": 16.0}})
    assert _run(ImageBlurry, record, packshot, **{"min-edge-steepness": 99.0})


def test_quality_checks_ignore_images_that_did_not_decode() -> None:
    images = {"a.jpg": {"problem": Problem.TRUNCATED}}
    for check in (ImageBlurry, ImageTooDark, ImageLowContrast, ImageOverexposed, ImageBackground):
        assert _run(check, _listing(["a.jpg"]), images) == [], check.name


def test_too_dark_needs_both_a_dark_mean_and_no_bright_part() -> None:
    record = _listing(["a.jpg"])
    assert _run(ImageTooDark, record, {"a.jpg": {"brightness": 45.0, "bright_point": 82.0}})
    # a close-up of navy fabric: dark on average, but its sheen reaches 111
    assert not _run(ImageTooDark, record, {"a.jpg": {"brightness": 55.0, "bright_point": 111.0}})
    # a black product on white: dark on average, but its backdrop is white
    assert not _run(ImageTooDark, record, {"a.jpg": {"brightness": 60.0, "bright_point": 255.0}})
    assert not _run(ImageTooDark, record, {"a.jpg": {"brightness": 95.0, "bright_point": 120.0}})


def test_overexposed() -> None:
    record = _listing(["a.jpg"])
    assert _run(ImageOverexposed, record, {"a.jpg": {"highlights": 0.72}})
    assert _run(ImageOverexposed, record, {"a.jpg": {"product_brightness": 244.0}})
    washed = {"brightness": 252.0, "product_brightness": 235.0}
    assert _run(ImageOverexposed, record, {"a.jpg": washed})
    assert not _run(ImageOverexposed, record, {"a.jpg": {"highlights": 0.1}})
    # a white item on white: bright overall, its own tones darker (a corpus photo's figures)
    white_tee = {"brightness": 246.0, "product_brightness": 200.0, "highlights": 0.0}
    assert not _run(ImageOverexposed, record, {"a.jpg": white_tee})


def test_overexposed_by_clipped_tints() -> None:
    record = _listing(["a.jpg"])
    # a blue hoodie brightened 1.8 times: hardly any pure white and a mean far from white, but
    # its light tones are clipped to pale tints (a corpus photo's copy, mh13-blue_alt1.jpg)
    blown = {"clipped_tints": 0.2762, "highlights": 0.0048, "product_brightness": 205.25}
    assert _messages(ImageOverexposed, record, {"a.jpg": blown}) == [
        "The main image 'a.jpg' is overexposed (its colours are blown out to pale tints over "
        "28% of the product)"
    ]
    assert not _run(ImageOverexposed, record, {"a.jpg": {"clipped_tints": 0.05}})
    assert not _run(ImageOverexposed, record, {"a.jpg": blown}, **{"max-clipped-tints": 0.4})
    # a pale yellow fleece, the corpus photo with the most clipped tints
    assert not _run(ImageOverexposed, record, {"a.jpg": {"clipped_tints": 0.022}})
    # the older rules still give their own message
    assert _messages(ImageOverexposed, record, {"a.jpg": {**blown, "highlights": 0.72}}) == [
        "The main image 'a.jpg' is overexposed (72% of the product is pure white, mean "
        "brightness 205 of 255)"
    ]


def test_low_contrast() -> None:
    record = _listing(["a.jpg"])
    assert _messages(ImageLowContrast, record, {"a.jpg": {"contrast": 22.0}}) == [
        "The main image 'a.jpg' has little contrast (its tones span 22 of 255)"
    ]
    assert not _run(ImageLowContrast, record, {"a.jpg": {"contrast": 90.0}})
    # a white item on a light backdrop spans few tones by nature
    white = {"family": "white", "share": 0.8, "rgb": [240, 240, 238]}
    white_tee = {"contrast": 43.0, "product_brightness": 215.0, "colours": [white]}
    assert not _run(ImageLowContrast, record, {"a.jpg": white_tee})


# --- background -------------------------------------------------------------------------------


def test_background_judges_only_main_images() -> None:
    scene = {"background": (96, 120, 80), "background_spread": 0.75}
    record = _listing(["white.jpg", "scene.jpg"])
    assert _run(ImageBackground, record, {"white.jpg": {}, "scene.jpg": scene}) == []
    findings = _run(ImageBackground, _listing(["scene.jpg"]), {"scene.jpg": scene})
    assert len(findings) == 1 and "busy background" in findings[0].message
    variant = {
        "id": "P1",
        "title": "Tee",
        "images": ["white.jpg"],
        "variants": [{"id": "V1", "images": ["scene.jpg"]}],
    }
    findings = _run(ImageBackground, variant, {"white.jpg": {}, "scene.jpg": scene})
    assert [(f.variant_id, f.field) for f in findings] == [("V1", "variants[0].images[0]")]


def test_light_grey_passes_the_light_rule_and_dark_does_not() -> None:
    record = _listing(["a.jpg"])
    assert not _run(ImageBackground, record, {"a.jpg": {"background": (235, 235, 235)}})
    assert not _run(ImageBackground, record, {"a.jpg": {"background": (245, 235, 215)}})
    findings = _run(ImageBackground, record, {"a.jpg": {"background": (70, 70, 70)}})
    assert len(findings) == 1 and "RGB 70,70,70" in findings[0].message


def _with_background_rule(monkeypatch: pytest.MonkeyPatch, rule: str) -> None:
    generic = profiles.load("generic")
    changed = dataclasses.replace(generic, image_background=rule)
    monkeypatch.setattr(testing_module.profiles, "load", lambda name: changed)


def test_white_rule_wants_pure_white(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_background_rule(monkeypatch, "white")
    record = _listing(["a.jpg"])
    assert _run(ImageBackground, record, {"a.jpg": {"background": (235, 235, 235)}})
    assert not _run(ImageBackground, record, {"a.jpg": {"background": (252, 253, 251)}})


def test_any_rule_turns_the_check_off(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_background_rule(monkeypatch, "any")
    scene = {"background": (20, 20, 20), "background_spread": 0.9}
    assert not _run(ImageBackground, _listing(["a.jpg"]), {"a.jpg": scene})


# --- duplicates and reuse ----------------------------------------------------------------------


def test_duplicate_reference_content_and_near_copy() -> None:
    same = "ab" * 32
    images = {
        "front.jpg": {
            "dhash": 0xF0F0,
            "colours": [{"family": "red", "share": 0.9, "rgb": [1, 2, 3]}],
        },
        "copy.jpg": {"content_hash": same},
        "copy2.png": {"content_hash": same},
        "resized.jpg": {
            "dhash": 0xF0F1,
            "width": 600,
            "height": 600,
            "colours": [{"family": "red", "share": 0.8, "rgb": [1, 2, 3]}],
        },
        "back.jpg": {"dhash": 0x0F0F},
    }
    record = _listing(["front.jpg", "copy.jpg", "back.jpg", "copy2.png", "resized.jpg", "back.jpg"])
    assert _messages(ImageDuplicate, record, images) == [
        "Image 4 'copy2.png' has the same content as image 2 'copy.jpg'",
        "Image 5 'resized.jpg' is a near-identical copy of image 1 'front.jpg'",
        "Image 6 'back.jpg' repeats image 3 'back.jpg'",
    ]


def test_a_gallery_of_thousands_is_searched_for_exact_copies() -> None:
    # A broken export listing 5,000 photos: copies by path and content, no pairwise search.
    same = "cd" * 32
    names = [f"p{n}.jpg" for n in range(5_000)]
    images: Facts = {name: {"dhash": n} for n, name in enumerate(names)}
    images["p10.jpg"] = images["p4000.jpg"] = {"content_hash": same}
    record = _listing([*names, "p7.jpg"])
    assert _messages(ImageDuplicate, record, images) == [
        "Image 4001 'p4000.jpg' has the same content as image 11 'p10.jpg'",
        "Image 5001 'p7.jpg' repeats image 8 'p7.jpg'",
    ]


def test_near_copies_need_the_same_shape_and_colour() -> None:
    red = [{"family": "red", "share": 0.9, "rgb": [1, 2, 3]}]
    blue = [{"family": "blue", "share": 0.9, "rgb": [1, 2, 3]}]
    images = {
        "a.jpg": {"dhash": 0xFF, "colours": red},
        "other-colour.jpg": {"dhash": 0xFF, "colours": blue},
        "other-shape.jpg": {"dhash": 0xFF, "colours": red, "width": 1000, "height": 700},
        "far.jpg": {"dhash": 0xFF00, "colours": red},
    }
    record = _listing(["a.jpg", "other-colour.jpg", "other-shape.jpg", "far.jpg"])
    assert _run(ImageDuplicate, record, images) == []


def test_duplicate_pair_reported_once_when_variants_repeat_the_gallery() -> None:
    same = {"content_hash": "ab" * 32}
    gallery = ["a.jpg", "b.jpg", "a.jpg"]
    record = {
        "id": "P1",
        "title": "Tee",
        "images": gallery,
        "variants": [
            {"id": "V1", "images": gallery},
            {"id": "V2", "images": ["a.jpg", "b.jpg"]},
            {"id": "V3", "images": ["b.jpg", "a.jpg"]},  # the same pair, in another order
        ],
    }
    findings = _run(ImageDuplicate, record, {"a.jpg": same, "b.jpg": same})
    assert [(f.variant_id, f.message) for f in findings] == [
        (None, "Image 2 'b.jpg' has the same content as image 1 'a.jpg'"),
        (None, "Image 3 'a.jpg' repeats image 1 'a.jpg'"),
    ]


def test_a_duplicate_only_in_a_variant_is_reported_there() -> None:
    record = {
        "id": "P1",
        "title": "Tee",
        "images": ["a.jpg"],
        "variants": [{"id": "V1", "images": ["c.jpg", "c.jpg"]}],
    }
    findings = _run(ImageDuplicate, record, {"a.jpg": {}, "c.jpg": {}})
    assert [(f.variant_id, f.field) for f in findings] == [("V1", "variants[0].images[1]")]


def test_unreadable_images_are_not_near_copies() -> None:
    images = {"a.jpg": {"problem": Problem.MISSING}, "b.jpg": {"problem": Problem.MISSING}}
    assert _run(ImageDuplicate, _listing(["a.jpg", "b.jpg"]), images) == []


def test_reused_photo_across_listings_once_per_photo() -> None:
    same = {"content_hash": "cd" * 32}
    records = [
        {"id": "P1", "title": "Red Mug", "images": ["mug.jpg"]},
        {
            "id": "P2",
            "title": "Blue Mug",
            "images": ["mug-copy.jpg", "mug-copy.jpg"],
            "variants": [
                {"id": "V1", "images": ["mug-copy.jpg"]},
                {"id": "V2", "images": ["mug.jpg"]},
            ],
        },
        {"id": "P3", "title": "Green Mug", "images": ["green.jpg"]},
    ]
    images = {"mug.jpg": same, "mug-copy.jpg": same, "green.jpg": {}}
    findings = _run(ImageReused, records, images)
    assert [(f.listing_id, f.message) for f in findings] == [
        ("P2", "The main image 'mug-copy.jpg' is the same photo as one of listing 'P1'")
    ]
    assert findings[0].severity.value == "info"


def test_a_listing_reusing_its_own_photo_is_not_reuse() -> None:
    record = _listing(["a.jpg"], variants=[{"id": "V1", "images": ["a.jpg"]}])
    assert _run(ImageReused, record, {"a.jpg": {}}) == []


def test_missing_images_are_not_reused_photos() -> None:
    missing = {"problem": Problem.MISSING, "content_hash": ""}  # no bytes, no hash
    records = [
        {"id": "P1", "title": "A", "images": ["gone.jpg"]},
        {"id": "P2", "title": "B", "images": ["gone.jpg"]},
    ]
    assert _run(ImageReused, records, {"gone.jpg": missing}) == []


def test_placed_images_reports_a_photo_once_even_when_variants_repeat_it() -> None:
    record = {
        "id": "P1",
        "title": "Tee",
        "images": ["a.jpg", "b.jpg"],
        "variants": [
            {"id": "V1", "images": ["a.jpg", "v1.jpg"]},
            {"id": "V2", "images": ["b.jpg", "v1.jpg", "v2.jpg"]},
        ],
    }
    listing = build_listing(record, SourceLocation("<example>", 1))
    facts = {("<example>", ref): image_facts(ref) for ref in ("a.jpg", "b.jpg", "v1.jpg", "v2.jpg")}
    ctx = CheckContext(profiles.load("generic"), images=facts)
    placed = [(p.reference, p.field, p.variant_id) for p in placed_images(listing, ctx)]
    assert placed == [
        ("a.jpg", "images[0]", None),
        ("b.jpg", "images[1]", None),
        ("v1.jpg", "variants[0].images[1]", "V1"),
        ("v2.jpg", "variants[1].images[2]", "V2"),
    ]
    images = {ref: {"sharpness": 5.0} for ref in ("a.jpg", "b.jpg", "v1.jpg", "v2.jpg")}
    assert len(_run(ImageBlurry, record, images)) == 4
    labels = [p.label for p in placed_images(listing, ctx)]
    assert labels[0] == "the main image 'a.jpg'"
    assert labels[2] == "variant V1's image 2 'v1.jpg'"


# --- colour mismatch ----------------------------------------------------------------------------

BLUE = {"colours": [{"family": "blue", "share": 0.86, "rgb": [30, 60, 170]}]}
RED = {"colours": [{"family": "red", "share": 0.9, "rgb": [190, 30, 40]}]}


def _mismatch(record: dict[str, Any], images: Facts) -> list[tuple[str | None, str]]:
    return [(f.variant_id, f.message) for f in _run(ImageColorMismatch, record, images)]


def test_colour_mismatch_fires_on_a_clear_contradiction() -> None:
    record = _listing(["tee.jpg"], attributes={"color": "Red"})
    assert _mismatch(record, {"tee.jpg": BLUE}) == [
        (
            None,
            "The colour attribute says 'Red' but the product in the main image 'tee.jpg' is "
            "mostly blue (86% of it)",
        )
    ]


@pytest.mark.parametrize("colour", ["Blue", "Navy", "Royal Blue", "Black", "Bleu"])
def test_colour_mismatch_accepts_the_colour_and_its_neighbours(colour: str) -> None:
    assert _mismatch(_listing(["tee.jpg"], attributes={"color": colour}), {"tee.jpg": BLUE}) == []


@pytest.mark.parametrize("colour", ["Multicolor", "Multicolour", "Clear"])
def test_colour_mismatch_skips_multicolour_and_clear(colour: str) -> None:
    assert _mismatch(_listing(["tee.jpg"], attributes={"color": colour}), {"tee.jpg": BLUE}) == []


def test_colour_mismatch_skips_white_items() -> None:
    # A white product on white: the "product" the photo shows is its shadows and trim.
    grey = {"colours": [{"family": "gray", "share": 0.8, "rgb": [150, 150, 150]}]}
    assert _mismatch(_listing(["tee.jpg"], attributes={"color": "White"}), {"tee.jpg": grey}) == []
    assert _mismatch(_listing(["tee.jpg"], attributes={"color": "White"}), {"tee.jpg": BLUE}) == []


def test_colour_mismatch_skips_scenes_and_dark_backdrops() -> None:
    record = _listing(["tee.jpg"], attributes={"color": "Red"})
    scene = {**BLUE, "background_spread": 0.8, "background": (120, 110, 90)}
    assert _mismatch(record, {"tee.jpg": scene}) == []
    dark = {**BLUE, "background": (30, 30, 30)}
    assert _mismatch(record, {"tee.jpg": dark}) == []
    tiny = {**BLUE, "fill": 0.02}
    assert _mismatch(record, {"tee.jpg": tiny}) == []


def test_colour_mismatch_skips_an_unreadable_colour_name() -> None:
    record = _listing(["tee.jpg"], attributes={"color": "Heritage"})
    assert _mismatch(record, {"tee.jpg": BLUE}) == []


def test_colour_mismatch_needs_a_dominant_other_colour() -> None:
    mixed = {
        "colours": [
            {"family": "blue", "share": 0.45, "rgb": [30, 60, 170]},
            {"family": "yellow", "share": 0.4, "rgb": [230, 200, 40]},
        ]
    }
    assert _mismatch(_listing(["tee.jpg"], attributes={"color": "Red"}), {"tee.jpg": mixed}) == []
    accent = {
        "colours": [
            {"family": "blue", "share": 0.9, "rgb": [30, 60, 170]},
            {"family": "red", "share": 0.06, "rgb": [190, 30, 40]},
        ]
    }
    assert _mismatch(_listing(["tee.jpg"], attributes={"color": "Red"}), {"tee.jpg": accent}) == []


def _colours(*colours: tuple[str, float, tuple[int, int, int]]) -> dict[str, Any]:
    return {"colours": [{"family": f, "share": s, "rgb": list(rgb)} for f, s, rgb in colours]}


SKIN = (225, 180, 151)


def test_colour_mismatch_a_vivid_colour_outweighs_a_bordering_one() -> None:
    # Green and grey border blue, but the product is a vivid pink more than twice their size.
    photo = _colours(("pink", 0.66, (220, 40, 140)), ("green", 0.22, (60, 150, 70)))
    record = _listing(["tee.jpg"], attributes={"color": "Blue"})
    assert _mismatch(record, {"tee.jpg": photo}) == [
        (
            None,
            "The colour attribute says 'Blue' but the product in the main image 'tee.jpg' is "
            "mostly pink (66% of it)",
        )
    ]


@pytest.mark.parametrize(
    ("colour", "photo"),
    [
        # A purple bra that reads blue on a model: her skin is most of the product region.
        (
            "Purple",
            (("beige", 0.52, SKIN), ("black", 0.17, (20, 20, 25)), ("blue", 0.08, (90, 80, 200))),
        ),
        # Darker skin, and a navy top that reads black.
        ("Navy", (("brown", 0.6, (120, 80, 60)), ("black", 0.3, (15, 15, 30)))),
        ("Green", (("orange", 0.55, (199, 137, 109)), ("blue", 0.3, (30, 90, 120)))),
        # Grey stripes on a dark red hoodie that reads brown.
        ("Red", (("gray", 0.57, (130, 124, 124)), ("brown", 0.29, (100, 40, 40)))),
        # A lavender top that reads white and blue.
        ("Purple", (("white", 0.6, (198, 190, 227)), ("blue", 0.2, (120, 110, 200)))),
    ],
)
def test_colour_mismatch_skin_and_shade_do_not_outweigh_a_bordering_colour(
    colour: str, photo: tuple[tuple[str, float, tuple[int, int, int]], ...]
) -> None:
    record = _listing(["tee.jpg"], attributes={"color": colour})
    assert _mismatch(record, {"tee.jpg": _colours(*photo)}) == []


def test_colour_mismatch_skin_still_contradicts_when_nothing_borders_the_colour() -> None:
    photo = _colours(("beige", 0.62, SKIN), ("gray", 0.2, (120, 120, 120)))
    assert _mismatch(_listing(["a.jpg"], attributes={"color": "Purple"}), {"a.jpg": photo})


def test_colour_mismatch_a_two_tone_product_named_by_its_misread_colour() -> None:
    # Red with a navy part that reads black: red is not twice the black, so no verdict.
    photo = _colours(("red", 0.55, (200, 30, 30)), ("black", 0.4, (18, 20, 40)))
    assert _mismatch(_listing(["a.jpg"], attributes={"color": "Navy"}), {"a.jpg": photo}) == []


@pytest.mark.parametrize(
    ("colour", "seen"),
    [
        ("Yellow", ("blue", 0.8, (40, 200, 230))),
        ("Grey", ("red", 0.8, (200, 30, 40))),
        ("Pink", ("green", 0.8, (60, 180, 80))),
        ("Beige", ("blue", 0.8, (30, 60, 170))),
    ],
)
def test_colour_mismatch_judges_colours_that_border_white(
    colour: str, seen: tuple[str, float, tuple[int, int, int]]
) -> None:
    # Only a white item is left unjudged (it blends into the backdrop), not its neighbours.
    photo = _colours(seen)
    assert _mismatch(_listing(["a.jpg"], attributes={"color": colour}), {"a.jpg": photo})
    white = _listing(["a.jpg"], attributes={"color": f"{colour}/White"})
    assert _mismatch(white, {"a.jpg": photo}) == []


def test_colour_mismatch_skips_washed_out_photos() -> None:
    record = _listing(["tee.jpg"], attributes={"color": "Red"})
    flat = {**BLUE, "contrast": 55.0}
    assert _mismatch(record, {"tee.jpg": flat}) == []
    assert _run(ImageColorMismatch, record, {"tee.jpg": flat}, **{"min-contrast": 50})


@pytest.mark.parametrize(("declared", "seen"), [("Orange", "pink"), ("Pink", "orange")])
def test_colour_mismatch_coral_is_orange_or_pink(declared: str, seen: str) -> None:
    photo = _colours((seen, 0.9, (245, 130, 120)))
    assert _mismatch(_listing(["a.jpg"], attributes={"color": declared}), {"a.jpg": photo}) == []


def test_colour_mismatch_with_several_listing_colours() -> None:
    record = _listing(["tee.jpg"], attributes={"color": ["Red", "Blue"]})
    assert _mismatch(record, {"tee.jpg": BLUE}) == []


def test_colour_mismatch_skips_a_shared_photo_of_another_variant_colour() -> None:
    # The gallery's main photo shows the blue variant; every variant repeats the gallery.
    record = {
        "id": "P1",
        "title": "Tee",
        "images": ["blue.jpg"],
        "variants": [
            {"id": "V1", "attributes": {"color": "Red"}, "images": ["blue.jpg"]},
            {"id": "V2", "attributes": {"color": "Blue"}, "images": ["blue.jpg"]},
        ],
    }
    assert _mismatch(record, {"blue.jpg": BLUE}) == []


def test_colour_mismatch_judges_each_variant_by_its_own_photo() -> None:
    record = {
        "id": "P1",
        "title": "Tee",
        "variants": [
            {"id": "V1", "attributes": {"color": "Red"}, "images": ["blue.jpg"]},
            {"id": "V2", "attributes": {"color": "Blue"}, "images": ["red.jpg"]},
            {"id": "V3", "attributes": {"color": "Red"}, "images": ["red-2.jpg", "blue.jpg"]},
        ],
    }
    images = {"blue.jpg": BLUE, "red.jpg": RED, "red-2.jpg": RED}
    assert [v for v, _ in _mismatch(record, images)] == ["V1", "V2"]


def test_colour_mismatch_reports_a_shared_wrong_photo_once() -> None:
    record = {
        "id": "P1",
        "title": "Tee",
        "variants": [
            {"id": "S", "attributes": {"color": "Red", "size": "S"}, "images": ["blue.jpg"]},
            {"id": "M", "attributes": {"color": "Red", "size": "M"}, "images": ["blue.jpg"]},
        ],
    }
    assert [v for v, _ in _mismatch(record, {"blue.jpg": BLUE})] == ["S"]


def test_colour_mismatch_ignores_images_that_did_not_decode() -> None:
    record = _listing(["tee.jpg"], attributes={"color": "Red"})
    assert _mismatch(record, {"tee.jpg": {"problem": Problem.TRUNCATED}}) == []


def test_without_facts_image_checks_stay_quiet() -> None:
    # Images not measured (the runner did not run the pipeline): nothing to judge.
    listing = build_listing(_listing(["a.jpg"]), SourceLocation("<example>", 1))
    for check in IMAGE_CHECKS:
        ctx = CheckContext(profiles.load("generic"), options=check.options)
        if check is not ImageMissing:
            assert list(check().check(listing, ctx)) == [], check.name
