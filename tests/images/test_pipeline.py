"""The measurer: workers, de-duplication, a worker that dies, and the runner's batches."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from imaging import BLUE, GREEN, encode, product, scene
from PIL import ImageFilter

from listlint import runner as runner_module
from listlint.checks.image_blurry import ImageBlurry
from listlint.checks.image_missing import ImageMissing
from listlint.checks.image_unreadable import ImageUnreadable
from listlint.config import Settings
from listlint.images import measure as measure_module
from listlint.images import pipeline
from listlint.images.facts import ImageFacts, Problem
from listlint.images.options import ImageOptions
from listlint.images.pipeline import ImageMeasurer
from listlint.runner import Runner


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shop")
    (folder / "img").mkdir()
    (folder / "img" / "red.jpg").write_bytes(encode(product((600, 600))))
    (folder / "img" / "blue.png").write_bytes(encode(product((640, 480), colour=BLUE), "PNG"))
    (folder / "img" / "green.webp").write_bytes(
        encode(product((700, 700), colour=GREEN), "WEBP", quality=90)
    )
    (folder / "img" / "scene.jpg").write_bytes(encode(scene((600, 600))))
    blurred = product((600, 600)).filter(ImageFilter.GaussianBlur(4))
    (folder / "img" / "soft.jpg").write_bytes(encode(blurred))
    (folder / "img" / "cut.png").write_bytes(encode(product((600, 600)), "PNG")[:2000])
    return folder


NAMES = ["red.jpg", "blue.png", "green.webp", "scene.jpg", "soft.jpg", "cut.png", "gone.jpg"]


def _measure(
    shop: Path, references: list[str], **options: object
) -> tuple[dict[str, ImageFacts], int]:
    catalog = str(shop / "catalog.jsonl")
    measurer = ImageMeasurer(ImageOptions(**options), note=lambda message: None)  # type: ignore[arg-type]
    try:
        facts = measurer.measure([(catalog, reference) for reference in references])
    finally:
        measurer.close()
    return {reference: facts[(catalog, reference)] for reference in references}, measurer.measured


def test_two_workers_give_the_same_facts_as_one(shop: Path) -> None:
    references = [f"img/{name}" for name in NAMES]
    serial, measured_serial = _measure(shop, references, jobs=1)
    parallel, measured_parallel = _measure(shop, references, jobs=2)
    assert parallel == serial
    assert measured_serial == measured_parallel == 6
    assert [serial[r].problem for r in references] == [
        None,
        None,
        None,
        None,
        None,
        Problem.TRUNCATED,
        Problem.MISSING,
    ]
    assert serial["img/blue.png"].colours[0].family == "blue"
    assert serial["img/green.webp"].format == "WEBP"


def test_one_file_named_by_two_listings_is_measured_once(shop: Path) -> None:
    catalog = str(shop / "catalog.jsonl")
    other = str(shop / "other.jsonl")
    measurer = ImageMeasurer(ImageOptions(jobs=1), note=lambda message: None)
    try:
        facts = measurer.measure(
            [
                (catalog, "img/red.jpg"),
                (catalog, "img/red.jpg"),
                (other, "img/red.jpg"),
                (catalog, "./img/red.jpg"),
                (catalog, str(shop / "img" / "red.jpg")),
            ]
        )
    finally:
        measurer.close()
    assert measurer.measured == 1
    assert len(facts) == 4
    assert len({f.content_hash for f in facts.values()}) == 1
    assert facts[(catalog, "./img/red.jpg")].reference == "./img/red.jpg"


def test_a_worker_that_dies_costs_only_its_file(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = measure_module.measure

    def fragile(reference: str, data: bytes) -> ImageFacts:
        if reference.endswith("scene.jpg"):
            os._exit(13)  # what a segfault in a decoder looks like from outside
        return real(reference, data)

    monkeypatch.setattr(measure_module, "measure", fragile)  # forked workers inherit it
    references = [f"img/{name}" for name in NAMES]
    facts, _ = _measure(shop, references, jobs=2)
    assert facts["img/scene.jpg"].problem == Problem.TRUNCATED
    assert "crashed" in facts["img/scene.jpg"].detail
    assert facts["img/red.jpg"].ok and facts["img/blue.png"].ok and facts["img/soft.jpg"].ok
    assert facts["img/cut.png"].problem == Problem.TRUNCATED


def test_a_folder_named_as_an_image_is_not_an_image(shop: Path) -> None:
    facts, measured = _measure(shop, ["img"], jobs=1)
    assert facts["img"].problem == Problem.NOT_AN_IMAGE
    assert measured == 0


def test_a_huge_local_file_is_not_read(shop: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_FILE_BYTES", 1000)
    facts, measured = _measure(shop, ["img/red.jpg"], jobs=1)
    assert facts["img/red.jpg"].problem == Problem.TOO_LARGE
    assert facts["img/red.jpg"].file_size == (shop / "img" / "red.jpg").stat().st_size
    assert measured == 0


def test_a_file_that_grows_while_read_is_read_up_to_the_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.jpg"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat
    # The size as listlint saw it just before the file grew to 5000 bytes.
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((0,) * 6 + (100,) + (0,) * 3))
    with path.open("rb") as handle:
        assert len(pipeline._read_bounded(handle)) == 5000
    monkeypatch.setattr(pipeline, "MAX_FILE_BYTES", 1000)
    with path.open("rb") as handle:
        assert len(pipeline._read_bounded(handle)) == 1001  # bounded, as a file that big is
    monkeypatch.setattr(os, "fstat", real_fstat)
    with path.open("rb") as handle:
        assert len(pipeline._read_bounded(handle)) == 1001


def test_the_runner_measures_in_batches(
    shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner_module, "IMAGE_BATCH", 2)
    records = [
        {"id": f"P{index}", "title": f"Box {index}", "images": [f"img/{name}"]}
        for index, name in enumerate(NAMES)
    ]
    records.append({"id": "NONE", "title": "No photo"})
    catalog = shop / "batches.jsonl"
    catalog.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    try:
        result = Runner(
            [ImageMissing, ImageUnreadable, ImageBlurry],
            Settings(),
            image_options=ImageOptions(jobs=1),
        ).run([str(catalog)])
    finally:
        catalog.unlink()
    found = sorted((f.listing_id, f.name) for f in result.findings)
    assert found == [
        ("NONE", "image-missing"),
        ("P4", "image-blurry"),
        ("P5", "image-unreadable"),
        ("P6", "image-unreadable"),
    ]
    assert result.errors == []
    assert result.listings == 8


def test_no_image_check_selected_measures_nothing(shop: Path) -> None:
    catalog = shop / "plain.jsonl"
    catalog.write_text(json.dumps({"id": "A", "title": "Box", "images": ["img/cut.png"]}) + "\n")
    try:
        runner = Runner([ImageMissing], Settings(), image_options=ImageOptions(jobs=1))
        assert runner._image_measurer() is None
        assert runner.run([str(catalog)]).findings == []
    finally:
        catalog.unlink()


def test_a_run_that_reaches_no_url_says_so_once(tmp_path: Path) -> None:
    # A port nobody listens on: every fetch is refused, as on a CI runner without network.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    notes: list[str] = []
    measurer = ImageMeasurer(ImageOptions(jobs=1, cache_dir=None, timeout=2), notes.append)
    try:
        catalog = str(tmp_path / "catalog.jsonl")
        for batch in range(2):
            keys = [(catalog, f"http://127.0.0.1:{port}/{batch}-{n}.jpg") for n in range(3)]
            facts = measurer.measure(keys)
            assert {f.problem for f in facts.values()} == {Problem.UNREACHABLE}
    finally:
        measurer.close()
    assert notes == [
        "none of 3 image URLs could be reached (no network?); "
        "`--ignore image-unreachable` leaves them out of the report"
    ]
