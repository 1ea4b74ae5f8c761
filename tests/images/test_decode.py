"""Hostile and odd files: every one becomes facts with a problem, or is measured correctly."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pytest
from imaging import BLUE, GREEN, RED, encode, jpeg_declaring, png_declaring, product
from PIL import Image, ImageDraw

from listlint.checks.image_too_large import ImageTooLarge
from listlint.checks.image_unreadable import ImageUnreadable
from listlint.images.decode import MAX_DECODE_PIXELS, WORKING_SIDE, decode
from listlint.images.facts import Problem
from listlint.images.measure import measure
from listlint.testing import run_check

BOMB_SIDE = 50_000


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.txt", "hello")
    return buffer.getvalue()


def _fires(check: type, reference: str, data: bytes) -> list[str]:
    facts = measure(reference, data).to_dict()
    facts.pop("reference")
    record = {"id": "P1", "title": "Mug", "images": [reference]}
    return [f.message for f in run_check(check, record, images={reference: facts})]


# --- decompression bombs ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bomb.png", "bomb.jpg"])
def test_a_bomb_is_refused_from_its_header_quickly(name: str) -> None:
    if name.endswith(".png"):
        data = png_declaring(BOMB_SIDE, BOMB_SIDE)
    else:
        data = jpeg_declaring(BOMB_SIDE, BOMB_SIDE)
    assert len(data) < 2_000
    started = time.perf_counter()
    facts = measure(name, data)
    assert time.perf_counter() - started < 1.0
    assert facts.problem == Problem.TOO_MANY_PIXELS
    assert "MP is more than listlint decodes" in facts.detail  # not Pillow's "DOS attack"
    assert facts.file_size == len(data)
    # image-too-large reports it; image-unreadable leaves it alone.
    assert _fires(ImageTooLarge, name, data)
    assert not _fires(ImageUnreadable, name, data)


_PEAK_SCRIPT = """
import json, sys
from listlint.images.measure import measure


def high_water_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])


def reset_high_water():
    # Linux keeps the peak across fork and exec: a child of a big test process would start
    # with the parent's peak. Writing 5 to clear_refs resets it to the current size.
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


measure("warm-up.png", b"")  # imports and first-call costs out of the way
report = {}
for name in sys.argv[1:]:
    data = open(name, "rb").read()
    reset_high_water()
    before = high_water_kb()
    facts = measure(name, data)
    after = high_water_kb()
    report[name] = {"problem": facts.problem, "grew_kb": after - before, "peak_kb": after}
print(json.dumps(report))
"""


@pytest.mark.skipif(
    not Path("/proc/self/clear_refs").exists(), reason="peak memory is read from Linux's /proc"
)
def test_a_bomb_never_allocates_its_pixels(tmp_path: Path) -> None:
    files = {
        "bomb.png": png_declaring(BOMB_SIDE, BOMB_SIDE),
        "bomb.jpg": jpeg_declaring(BOMB_SIDE, BOMB_SIDE),
        # Below Pillow's own limit (89.5 MP) but above ours: only our header check stops these.
        "big.png": png_declaring(9_000, 8_000),
        "big.jpg": jpeg_declaring(9_000, 8_000),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, *paths],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = json.loads(done.stdout)
    assert len(report) == 4
    for name, outcome in report.items():
        assert outcome["problem"] == Problem.TOO_MANY_PIXELS, name
        # Decoding would take 216 MB (72 MP RGB) up to 7.5 GB; the header costs next to nothing.
        assert outcome["grew_kb"] < 20_000, (name, outcome)
        assert outcome["peak_kb"] < 200_000, (name, outcome)


def test_our_pixel_cap_names_the_declared_size() -> None:
    facts = measure("big.png", png_declaring(9_000, 8_000))
    assert MAX_DECODE_PIXELS < 9_000 * 8_000
    assert facts.problem == Problem.TOO_MANY_PIXELS
    assert "9000x8000" in facts.detail
    assert (facts.width, facts.height, facts.format) == (9_000, 8_000, "PNG")


# --- broken and lying files ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_truncated_file_is_reported(fmt: str) -> None:
    data = encode(product(), fmt)
    name = "cut.jpg" if fmt == "JPEG" else "cut.png"
    facts = measure(name, data[: len(data) // 2])
    assert facts.problem == Problem.TRUNCATED
    assert "truncated" in facts.detail or "corrupt" in facts.detail
    assert facts.format == fmt and facts.width == 800  # the header was still read
    messages = _fires(ImageUnreadable, name, data[: len(data) // 2])
    assert len(messages) == 1 and "cannot be read" in messages[0]


def test_a_zero_byte_file_is_not_an_image() -> None:
    facts = measure("empty.jpg", b"")
    assert facts.problem == Problem.NOT_AN_IMAGE
    assert "empty" in facts.detail
    assert _fires(ImageUnreadable, "empty.jpg", b"")


@pytest.mark.parametrize(
    "tail",
    [_zip(), b"<html><body><script>alert(1)</script></body></html>"],
    ids=["zip", "html"],
)
def test_a_polyglot_is_measured_as_the_jpeg_it_starts_with(tail: bytes) -> None:
    jpeg = encode(product())
    plain = measure("plain.jpg", jpeg)
    facts = measure("poly.jpg", jpeg + tail)
    assert facts.ok and facts.format == "JPEG"
    assert (facts.width, facts.height) == (800, 800)
    assert facts.content_hash != plain.content_hash  # the bytes differ...
    assert facts.file_size == len(jpeg) + len(tail)
    assert facts.sharpness == plain.sharpness  # ...the picture does not
    assert facts.colours == plain.colours
    assert facts.dhash == plain.dhash


def test_an_html_error_page_named_jpg() -> None:
    page = b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body></body></html>"
    facts = measure("mug.jpg", page)
    assert facts.problem == Problem.NOT_AN_IMAGE
    assert "HTML page" in facts.detail
    messages = _fires(ImageUnreadable, "mug.jpg", page)
    assert len(messages) == 1 and "HTML page" in messages[0]


def test_an_svg_is_not_a_photo() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9"/></svg>'
    facts = measure("logo.svg", svg)
    assert facts.problem == Problem.NOT_AN_IMAGE
    assert "SVG" in facts.detail
    assert facts.extension_format == "SVG"
    assert _fires(ImageUnreadable, "logo.svg", svg)


def test_a_png_that_is_really_a_jpeg() -> None:
    data = encode(product())
    facts = measure("photo.png", data)
    assert facts.ok and facts.format == "JPEG" and facts.extension_format == "PNG"
    messages = _fires(ImageUnreadable, "photo.png", data)
    assert messages == ["The main image 'photo.png' is a JPEG file but its name says PNG"]
    assert not _fires(ImageUnreadable, "photo.jpg", data)


def test_an_ico_is_an_unsupported_format() -> None:
    data = encode(product((64, 64)), "ICO")
    facts = measure("favicon.ico", data)
    assert facts.problem == Problem.UNSUPPORTED
    assert "ICO" in facts.detail
    messages = _fires(ImageUnreadable, "favicon.ico", data)
    assert len(messages) == 1 and "ICO" in messages[0]


def test_random_bytes_and_json_are_not_images() -> None:
    assert measure("a.jpg", bytes(range(256)) * 4).problem == Problem.NOT_AN_IMAGE
    facts = measure("a.jpg", b'{"error": "no such image"}')
    assert facts.problem == Problem.NOT_AN_IMAGE and "JSON" in facts.detail


# --- odd but valid images ----------------------------------------------------------------------


def test_cmyk_jpeg_is_measured_in_rgb() -> None:
    facts = measure("cmyk.jpg", encode(product().convert("CMYK")))
    assert facts.ok and facts.format == "JPEG"
    assert facts.background == (255, 255, 255)
    assert facts.colours[0].family == "red"


def test_16_bit_greyscale_png_keeps_its_tones() -> None:
    image = Image.new("I;16", (600, 600), 60_000)
    ImageDraw.Draw(image).rectangle([150, 150, 450, 450], fill=8_000)
    data = encode(image, "PNG")
    assert Image.open(io.BytesIO(data)).mode.startswith("I;16")
    facts = measure("grey16.png", data)
    assert facts.ok and (facts.width, facts.height) == (600, 600)
    # 60000/256 = 234 (light backdrop), 8000/256 = 31 (dark product): not clipped to white
    assert facts.background == (234, 234, 234)
    assert facts.colours[0].family == "black"
    assert 0.2 < facts.fill < 0.3


def test_palette_png_with_transparency_lands_on_white() -> None:
    image = Image.new("P", (600, 600), 0)
    image.putpalette([0, 0, 0, *BLUE] + [0, 0, 0] * 254)
    ImageDraw.Draw(image).rectangle([150, 150, 450, 450], fill=1)
    facts = measure("logo.png", encode(image, "PNG", transparency=0))  # index 0 (black): clear
    assert facts.ok
    assert facts.background == (255, 255, 255)
    assert [c.family for c in facts.colours] == ["blue"]


def test_rgba_is_composited_on_white() -> None:
    image = Image.new("RGBA", (600, 600), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse([100, 100, 500, 500], fill=(*GREEN, 255))
    facts = measure("cutout.png", encode(image, "PNG"))
    assert facts.ok and facts.background == (255, 255, 255)
    assert facts.background_spread == 0.0
    assert facts.colours[0].family == "green"
    assert facts.shadows == 0.0  # the transparent black did not count as dark pixels


@pytest.mark.parametrize(("fmt", "name"), [("GIF", "anim.gif"), ("WEBP", "anim.webp")])
def test_animation_counts_frames_and_measures_the_first(fmt: str, name: str) -> None:
    frames = [product(colour=RED), product(colour=BLUE), product(colour=GREEN)]
    data = encode(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
    facts = measure(name, data)
    assert facts.ok and facts.format == fmt
    assert facts.frames == 3
    assert facts.colours[0].family == "red"


def test_exif_orientation_6_swaps_width_and_height() -> None:
    stored = product((900, 600))
    ImageDraw.Draw(stored).rectangle([0, 0, 120, 120], fill=BLUE)  # top left as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # shown rotated 90 degrees clockwise
    data = encode(stored, exif=exif)
    facts = measure("portrait.jpg", data)
    assert facts.ok
    assert (facts.width, facts.height) == (600, 900)
    decoded = decode(data)
    assert (decoded.header.width, decoded.header.height) == (600, 900)
    image = decoded.image
    assert max(image.size) == pytest.approx(WORKING_SIDE, rel=0.15)
    assert image.height > image.width
    # Rotated clockwise, the stored top-left corner is now the top-right one.
    right = image.getpixel((image.width - 5, 5))
    left = image.getpixel((5, 5))
    assert isinstance(right, tuple) and isinstance(left, tuple)
    assert right[2] > 120 and right[0] < 90
    assert left == (255, 255, 255) or min(left) > 240


def test_every_measurement_comes_from_a_reduced_image() -> None:
    decoded = decode(encode(product((1000, 1000))))
    assert decoded.image.mode == "RGB"
    assert max(decoded.image.size) <= WORKING_SIDE * 1.15
    assert decode(encode(product((600, 300)), "PNG")).image.size == (512, 256)


def test_a_greyscale_jpeg_is_measured_without_colour() -> None:
    decoded = decode(encode(product((1000, 1000)).convert("L")))
    assert decoded.image.mode == "L"
    facts = measure("grey.jpg", encode(product((1000, 1000)).convert("L")))
    assert facts.ok and facts.sharpness is not None
    assert {colour.family for colour in facts.colours} <= {"gray", "black", "white"}


def test_decoding_a_tiny_image_works() -> None:
    facts = measure("dot.png", encode(Image.new("RGB", (1, 1), RED), "PNG"))
    assert facts.ok and (facts.width, facts.height) == (1, 1)


def test_a_multi_picture_jpeg_from_a_phone_is_a_jpeg() -> None:
    # MPO: a JPEG followed by more pictures (depth maps, HDR gain maps); marketplaces take it.
    buffer = io.BytesIO()
    product((800, 800)).save(buffer, "MPO", save_all=True, append_images=[product(colour=BLUE)])
    data = buffer.getvalue()
    assert Image.open(io.BytesIO(data)).format == "MPO"
    facts = measure("phone.jpg", data)
    assert facts.ok and facts.format == "JPEG"
    assert facts.colours[0].family == "red"  # the first picture
    assert not _fires(ImageUnreadable, "phone.jpg", data)


def test_a_corrupt_exif_block_prints_no_library_warning() -> None:
    # The EXIF block's first directory is said to start 4 GB into a 6 KB file.
    photo = io.BytesIO()
    Image.new("RGB", (600, 600), (200, 30, 30)).save(
        photo, "JPEG", exif=b"Exif\x00\x00MM\x00*\xff\xff\xff\xff"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        facts = measure("photo.jpg", photo.getvalue())
    assert facts.problem is None and facts.width == 600
    assert [str(w.message) for w in caught] == []
