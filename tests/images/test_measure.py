"""Measurements on drawn photos, and the checks they drive: the same shot made worse on purpose."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

import pytest
from imaging import BLUE, RED, encode, product, scene
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from listlint.check import Check
from listlint.checks.image_background import ImageBackground
from listlint.checks.image_blurry import ImageBlurry
from listlint.checks.image_color_mismatch import ImageColorMismatch
from listlint.checks.image_duplicate import ImageDuplicate
from listlint.checks.image_low_contrast import ImageLowContrast
from listlint.checks.image_overexposed import ImageOverexposed
from listlint.checks.image_too_dark import ImageTooDark
from listlint.images.facts import ImageFacts, dhash_distance
from listlint.images.measure import measure
from listlint.testing import run_check

QUALITY_CHECKS: list[type[Check]] = [
    ImageBlurry,
    ImageTooDark,
    ImageLowContrast,
    ImageBackground,
]


def _measure(image: Image.Image, name: str = "photo.jpg") -> ImageFacts:
    return measure(name, encode(image))


def _score(facts: ImageFacts) -> float:
    assert facts.sharpness is not None, "no edge found"
    return facts.sharpness


def _facts_for_check(facts: ImageFacts) -> dict[str, Any]:
    data = facts.to_dict()
    data.pop("reference")
    return data


def _fired(facts: ImageFacts, record: dict[str, Any] | None = None) -> set[str]:
    """The names of the quality checks that fire on a listing whose main image has ``facts``."""
    record = record or {"id": "P1", "title": "Storage Box", "images": [facts.reference]}
    images = {facts.reference: _facts_for_check(facts)}
    names: set[str] = set()
    for check in [*QUALITY_CHECKS, ImageColorMismatch]:
        names.update(f.name for f in run_check(check, record, images=images))
    return names


@pytest.fixture(scope="module")
def sharp() -> Image.Image:
    # 1000 px: a JPEG drafts to 500 px and is measured as it is, with no resampling.
    return product((1000, 1000))


def test_a_clean_studio_shot_fires_nothing(sharp: Image.Image) -> None:
    facts = _measure(sharp)
    assert facts.ok
    assert _fired(facts) == set()
    assert facts.background == (255, 255, 255) and facts.background_spread == 0.0
    assert facts.brightness > 150 and facts.bright_point == 255
    assert facts.contrast > 100


@pytest.mark.parametrize("radius", [2, 4])
def test_blur_lowers_sharpness(sharp: Image.Image, radius: int) -> None:
    original = _measure(sharp)
    blurred = _measure(sharp.filter(ImageFilter.GaussianBlur(radius)))
    assert _score(blurred) < _score(original) * 0.75
    assert "image-blurry" not in _fired(original)


def test_only_the_blurred_copy_is_blurry(sharp: Image.Image) -> None:
    blurred = _measure(sharp.filter(ImageFilter.GaussianBlur(4)))
    assert "image-blurry" not in _fired(_measure(sharp))
    assert _fired(blurred) == {"image-blurry"}


def _blurry(image: Image.Image) -> bool:
    return "image-blurry" in _fired(_measure(image))


def _plain_box(side: int, scale: float) -> Image.Image:
    """A product of one flat colour (a mug, a plain tee): its only edges are its outline."""
    shot = Image.new("RGB", (side, side), "white")
    half = side * 0.3 * scale
    middle = side / 2
    ImageDraw.Draw(shot).rectangle(
        [middle - half, middle - half, middle + half, middle + half], fill=BLUE
    )
    return shot


@pytest.mark.parametrize("side", [512, 600, 700, 800, 1000, 1200])
def test_sharp_and_blurred_at_every_resolution(side: int) -> None:
    for scale in (1.0, 0.5):
        for shot in (product((side, side), scale=scale), _plain_box(side, scale)):
            sharp = _measure(shot)
            blurred = _measure(shot.filter(ImageFilter.GaussianBlur(4)))
            assert "image-blurry" not in _fired(sharp), (side, scale, sharp.sharpness)
            assert _score(blurred) < _score(sharp) * 0.7, (side, scale)


@pytest.mark.parametrize("side", [512, 600, 700, 800, 1000, 1200])
def test_a_4px_blur_is_blurry_at_every_size_and_shape(side: int) -> None:
    for scale in (1.0, 0.5, 0.25):
        for shot in (product((side, side), scale=scale), _plain_box(side, scale)):
            assert _blurry(shot.filter(ImageFilter.GaussianBlur(4))), (side, scale)


@pytest.mark.parametrize("scale", [0.25, 0.5])
def test_a_small_sharp_product_on_white_is_not_blurry(scale: float) -> None:
    # Its edges cover under 2 % of the frame: the white around it must not count as blur.
    shot = product((1000, 1000), scale=scale)
    facts = _measure(shot)
    blurred = _measure(shot.filter(ImageFilter.GaussianBlur(4)))
    assert _score(facts) * 0.7 > _score(blurred) > 0
    assert not _blurry(shot)
    assert _score(facts) > float(ImageBlurry.options["min-sharpness"])


def _drawn_tv(size: tuple[int, int]) -> Image.Image:
    """The example catalog's TV packshot (scripts/draw_example_images.py): straight,
    axis-aligned edges, drawn at twice the size and scaled down."""
    path = Path(__file__).resolve().parents[2] / "scripts" / "draw_example_images.py"
    spec = importlib.util.spec_from_file_location("draw_example_images", path)
    assert spec is not None and spec.loader is not None
    drawing = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(drawing)
    canvas = drawing.Canvas(*size)
    drawing.tv(canvas, drawing.COLORS["black"])
    image: Image.Image = canvas.finish()
    return image


@pytest.mark.parametrize("size", [(1000, 800), (1030, 800), (1200, 800), (1537, 1025)])
def test_a_packshot_of_straight_edges_is_sharp_at_every_size(size: tuple[int, int]) -> None:
    # Its edges fall between two pixels the same way all along: at some sizes sharpness reads
    # them as soft (16 at 1200x800), edge steepness does not; a real blur lowers both.
    shot = _drawn_tv(size)
    facts = measure("tv.png", encode(shot, "PNG"))
    assert "image-blurry" not in _fired(facts), (facts.sharpness, facts.edge_steepness)
    blurred = measure("tv.png", encode(shot.filter(ImageFilter.GaussianBlur(3)), "PNG"))
    assert _fired(blurred) == {"image-blurry"}, (blurred.sharpness, blurred.edge_steepness)


def test_a_blurred_product_cut_off_by_the_frame_is_blurry() -> None:
    # A product wider than the frame: dark on the left edge, white backdrop on the right. Edges
    # are differences with the pixels beside a pixel; none wraps around from the other side of
    # the frame, which would be a sharp step that is in the photo nowhere.
    shot = Image.new("RGB", (1000, 1000), "white")
    draw = ImageDraw.Draw(shot)
    draw.rectangle([0, 150, 700, 850], fill=(40, 40, 60))
    draw.rectangle([0, 0, 1000, 60], fill=(60, 60, 70))
    blurred = _measure(shot.filter(ImageFilter.GaussianBlur(4)))
    assert "image-blurry" not in _fired(_measure(shot))
    assert _fired(blurred) == {"image-blurry"}, blurred.sharpness


def test_a_thin_product_is_not_blurry() -> None:
    shot = Image.new("RGB", (1000, 1000), "white")
    draw = ImageDraw.Draw(shot)
    draw.line([100, 500, 900, 500], fill=(20, 20, 20), width=6)
    draw.line([500, 100, 500, 900], fill=(20, 20, 20), width=6)
    assert not _blurry(shot)
    assert _blurry(shot.filter(ImageFilter.GaussianBlur(4)))


def test_darkened_copy_is_too_dark(sharp: Image.Image) -> None:
    dark = _measure(ImageEnhance.Brightness(sharp).enhance(0.3))
    assert dark.brightness < 80 and dark.bright_point < 170
    assert "image-too-dark" in _fired(dark)
    assert "image-too-dark" not in _fired(_measure(sharp))


def test_a_black_product_on_white_is_not_too_dark() -> None:
    facts = _measure(product(colour=(15, 15, 15), scale=1.5))
    assert facts.brightness < 130  # mostly black...
    assert "image-too-dark" not in _fired(facts)  # ...but the backdrop is white


def test_flattened_copy_has_low_contrast(sharp: Image.Image) -> None:
    flat = _measure(ImageEnhance.Contrast(sharp).enhance(0.12))
    assert flat.contrast < 40
    assert "image-low-contrast" in _fired(flat)
    assert "image-low-contrast" not in _fired(_measure(sharp))


def test_an_overexposed_product_on_a_grey_backdrop_is_overexposed() -> None:
    pale = product(background=(120, 120, 120), colour=(215, 215, 225))
    normal = _measure(pale)
    blown = _measure(ImageEnhance.Brightness(pale).enhance(1.8))
    assert blown.highlights > 0.25
    record = {"id": "P1", "title": "Box", "images": ["photo.jpg"]}
    assert run_check(ImageOverexposed, record, images={"photo.jpg": _facts_for_check(blown)})
    assert not run_check(ImageOverexposed, record, images={"photo.jpg": _facts_for_check(normal)})


def test_white_background_vs_a_busy_scene(sharp: Image.Image) -> None:
    studio = _measure(sharp)
    busy = _measure(scene())
    assert studio.background_spread == 0.0
    assert busy.background_spread > 0.6
    assert "image-background" not in _fired(studio)
    assert "image-background" in _fired(busy)


def test_a_dark_uniform_backdrop_is_not_light() -> None:
    facts = _measure(product(background=(40, 40, 40), colour=RED))
    assert facts.background_spread < 0.1
    assert max(facts.background) < 60
    assert "image-background" in _fired(facts)


def test_fill_is_the_share_of_the_frame_the_product_covers() -> None:
    large = _measure(product(scale=1.5))
    normal = _measure(product())
    small = _measure(product(scale=0.5))
    # The box is (0.5 x 0.6) * scale^2 of the frame.
    assert normal.fill == pytest.approx(0.30, abs=0.03)
    assert large.fill == pytest.approx(0.675, abs=0.05)
    assert small.fill == pytest.approx(0.075, abs=0.02)
    assert _measure(Image.new("RGB", (600, 600), "white")).fill == 1.0  # a blank frame


def test_dominant_colours_of_a_red_product_on_white_are_red() -> None:
    facts = _measure(product(colour=RED))
    families = [c.family for c in facts.colours]
    assert families[0] == "red"
    assert facts.colours[0].share > 0.6
    assert "white" not in families  # the backdrop is not the product
    red, green, blue = facts.colours[0].rgb
    assert red > 150 and green < 80 and blue < 80
    assert sum(c.share for c in facts.colours) <= 1.0


def test_colours_drive_colour_mismatch() -> None:
    blue = _measure(product(colour=BLUE), "tee.jpg")
    record = {"id": "P1", "title": "Tee", "attributes": {"color": "Red"}, "images": ["tee.jpg"]}
    assert "image-color-mismatch" in _fired(blue, record)
    record["attributes"] = {"color": "Navy"}
    assert "image-color-mismatch" not in _fired(blue, record)


# Colour mismatch on drawn photos: the copy recoloured as bench/calibrate_images.py does it
# (channels rotated: red becomes green, blue red; greys stay), and the traps that must stay quiet.

SKIN = (224, 178, 150)


@functools.cache
def _calibration() -> Any:
    """bench/calibrate_images.py, whose recolouring and counting these tests share."""
    path = Path(__file__).resolve().parents[2] / "bench" / "calibrate_images.py"
    spec = importlib.util.spec_from_file_location("calibrate_images", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _recoloured(image: Image.Image) -> Image.Image:
    copy: Image.Image = _calibration()._recoloured(image)
    return copy


def _bag(colour: tuple[int, int, int]) -> Image.Image:
    """A bag of one colour with a dark pocket (9 % of it, black: a neighbour of blue)."""
    shot = Image.new("RGB", (800, 800), "white")
    draw = ImageDraw.Draw(shot)
    draw.rectangle([200, 160, 600, 640], fill=colour)
    draw.rectangle([300, 240, 500, 330], fill=(30, 30, 30))
    return shot


def _model(garment: tuple[int, int, int], top: float = 0.3) -> Image.Image:
    """A model in a top of ``garment`` colour from ``top`` (share of the height) to the waist."""
    shot = Image.new("RGB", (800, 1000), "white")
    draw = ImageDraw.Draw(shot)
    draw.ellipse([340, 60, 460, 210], fill=SKIN)  # head
    draw.ellipse([338, 50, 462, 110], fill=(60, 40, 30))  # hair
    draw.rectangle([270, 200, 530, 950], fill=SKIN)  # neck, body and legs
    draw.rectangle([200, 250, 260, 700], fill=SKIN)  # arms
    draw.rectangle([540, 250, 600, 700], fill=SKIN)
    draw.rectangle([270, 1000 * top, 530, 620], fill=garment)
    return shot


def _colour_fired(image: Image.Image, colour: str) -> bool:
    facts = _measure(image, "p.jpg")
    record = {"id": "P1", "title": "Item", "attributes": {"color": colour}, "images": ["p.jpg"]}
    return "image-color-mismatch" in _fired(facts, record)


def test_a_recoloured_product_with_a_dark_detail_is_caught() -> None:
    # The black pocket borders blue (navy reads black), but the recoloured bag is a vivid red
    # ten times its size.
    assert not _colour_fired(_bag(BLUE), "Blue")
    assert _colour_fired(_recoloured(_bag(BLUE)), "Blue")


def test_a_recoloured_yellow_product_is_judged() -> None:
    # Yellow borders white; only white items themselves are left unjudged.
    yellow = product(colour=(235, 200, 40))
    assert not _colour_fired(yellow, "Yellow")
    assert _colour_fired(_recoloured(yellow), "Yellow")
    white = product(colour=(245, 245, 245))
    assert not _colour_fired(_recoloured(white), "White")


def test_a_recoloured_grey_product_stays_grey() -> None:
    grey = product(colour=(128, 128, 128))
    assert not _colour_fired(_recoloured(grey), "Grey")


def test_skin_does_not_outweigh_a_dark_product_that_reads_black() -> None:
    # A navy top that reads black (a neighbour of navy) on a model whose skin is most of the
    # product region: the skin is no contradiction.
    assert not _colour_fired(_model((20, 22, 45), top=0.45), "Navy")
    assert not _colour_fired(_model((40, 70, 180)), "Blue")


def test_a_two_tone_product_named_by_its_misread_colour_is_quiet() -> None:
    # Red with a navy yoke that reads black (39 %): red is not twice the black.
    two_tone = product(colour=(200, 30, 30))
    ImageDraw.Draw(two_tone).rectangle([200, 160, 600, 330], fill=(18, 20, 40))
    assert not _colour_fired(two_tone, "Navy")


def test_a_coral_product_is_orange_or_pink() -> None:
    coral = _bag((245, 130, 120))
    assert not _colour_fired(coral, "Orange")
    assert not _colour_fired(coral, "Pink")


def test_a_washed_out_photo_is_not_judged() -> None:
    # A quarter of the contrast turns the purple bag grey: image-low-contrast reports it.
    flat = ImageEnhance.Contrast(_bag((120, 60, 170))).enhance(0.25)
    assert not _colour_fired(flat, "Purple")
    assert _colour_fired(_bag((120, 60, 170)), "Green")


@pytest.mark.parametrize(
    ("colour", "declared", "change"),
    [
        ((200, 30, 30), "Red", "changed"),  # red becomes green
        ((30, 60, 170), "Blue", "changed"),  # blue becomes red
        ((128, 128, 128), "Grey", "unchanged"),  # greys stay as they are
        ((20, 20, 20), "Black", "unchanged"),
        ((245, 245, 245), "White", "not judged"),
        ((200, 30, 30), "Blue", "not shown"),  # the photo shows no blue to recolour
    ],
)
def test_calibration_counts_only_copies_whose_colour_changed_family(
    tmp_path: Path, colour: tuple[int, int, int], declared: str, change: str
) -> None:
    path = tmp_path / "bag.jpg"
    path.write_bytes(encode(_bag(colour)))
    assert _calibration().colour_change(path, (declared,)) == change


def test_dhash_is_equal_for_a_resized_copy_and_different_for_another_photo() -> None:
    original = _measure(product((1000, 1000)), "a.jpg")
    resized = _measure(product((1000, 1000)).resize((600, 600)), "b.jpg")
    other = _measure(scene(), "c.jpg")
    assert original.content_hash != resized.content_hash
    assert dhash_distance(original.dhash, resized.dhash) == 0
    assert dhash_distance(original.dhash, other.dhash) > 8
    record = {"id": "P1", "title": "Box", "images": ["a.jpg", "b.jpg", "c.jpg"]}
    images = {f.reference: _facts_for_check(f) for f in (original, resized, other)}
    findings = run_check(ImageDuplicate, record, images=images)
    assert [f.message for f in findings] == [
        "Image 2 'b.jpg' is a near-identical copy of image 1 'a.jpg'"
    ]


def test_measurements_are_deterministic(sharp: Image.Image) -> None:
    data = encode(sharp)
    assert measure("a.jpg", data) == measure("a.jpg", data)


def test_facts_survive_a_round_trip_through_json_data(sharp: Image.Image) -> None:
    facts = _measure(sharp)
    assert ImageFacts.from_dict(facts.to_dict()) == facts
