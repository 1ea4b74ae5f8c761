"""The facts cache: a rerun measures nothing, and a broken cache never breaks a run."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from imaging import BLUE, encode, product

from listlint.images import cache as cache_module
from listlint.images.cache import FactsCache
from listlint.images.facts import ImageFacts
from listlint.images.options import ImageOptions
from listlint.images.pipeline import ImageMeasurer


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "red.jpg").write_bytes(encode(product((600, 600))))
    (folder / "blue.png").write_bytes(encode(product((600, 600), colour=BLUE), "PNG"))
    (folder / "broken.jpg").write_bytes(encode(product((600, 600)))[:3000])
    return folder


def _run(
    shop: Path, cache_dir: Path | None, references: list[str], notes: list[str] | None = None
) -> tuple[dict[str, ImageFacts], int]:
    catalog = str(shop / "catalog.jsonl")
    sink = notes if notes is not None else []
    measurer = ImageMeasurer(ImageOptions(jobs=1, cache_dir=cache_dir), note=sink.append)
    try:
        facts = measurer.measure([(catalog, reference) for reference in references])
    finally:
        measurer.close()
    return {reference: facts[(catalog, reference)] for reference in references}, measurer.measured


REFERENCES = ["red.jpg", "blue.png", "broken.jpg", "gone.jpg"]


def test_a_second_run_measures_nothing_and_gives_the_same_facts(shop: Path) -> None:
    cache_dir = shop / ".listlint_cache"
    cold, measured = _run(shop, cache_dir, REFERENCES)
    assert measured == 3  # the missing file is not measured
    warm, measured = _run(shop, cache_dir, REFERENCES)
    assert measured == 0
    assert warm == cold
    assert warm["red.jpg"].ok and warm["broken.jpg"].problem == "truncated"
    assert warm["gone.jpg"].problem == "missing"


def test_the_cache_folder_is_marked_as_a_cache(shop: Path) -> None:
    cache_dir = shop / ".listlint_cache"
    _run(shop, cache_dir, REFERENCES)
    assert (cache_dir / "images.sqlite").is_file()
    assert (cache_dir / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    assert (
        (cache_dir / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_without_a_cache_dir_nothing_is_written(shop: Path) -> None:
    before = sorted(p.name for p in shop.iterdir())
    _, first = _run(shop, None, REFERENCES)
    _, second = _run(shop, None, REFERENCES)
    assert first == second == 3
    assert sorted(p.name for p in shop.iterdir()) == before


def test_a_copy_under_another_name_is_served_by_content(shop: Path) -> None:
    cache_dir = shop / ".listlint_cache"
    _run(shop, cache_dir, ["red.jpg"])
    (shop / "copy.jpeg").write_bytes((shop / "red.jpg").read_bytes())
    facts, measured = _run(shop, cache_dir, ["copy.jpeg"])
    assert measured == 0  # hashed, found by content, not decoded again
    assert facts["copy.jpeg"].reference == "copy.jpeg"
    assert facts["copy.jpeg"].extension_format == "JPEG"
    assert facts["copy.jpeg"].ok


def test_a_fresh_clone_with_new_times_and_paths_is_served_by_content(tmp_path: Path) -> None:
    # CI restores .listlint_cache into a new checkout: every path and mtime differs.
    first = tmp_path / "build-1"
    first.mkdir()
    (first / "red.jpg").write_bytes(encode(product((600, 600))))
    cache_dir = tmp_path / "restored-cache"
    cold, measured = _run(first, cache_dir, ["red.jpg"])
    assert measured == 1
    second = tmp_path / "build-2"
    second.mkdir()
    (second / "red.jpg").write_bytes((first / "red.jpg").read_bytes())
    os.utime(second / "red.jpg", ns=(1, 1))
    warm, measured = _run(second, cache_dir, ["red.jpg"])
    assert measured == 0
    assert warm == cold
    # ...and the new path is indexed, so the run after it does not even hash the file.
    cache = FactsCache(cache_dir)
    path = (second / "red.jpg").resolve()
    index = (path, path.stat().st_size, 1)
    assert cache.hashes_of_files([index]) == {index: cold["red.jpg"].content_hash}
    cache.close()


def test_an_empty_cache_reads_each_photo_once_not_first_to_hash_it(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from listlint.images import pipeline

    hashed: list[Path] = []
    real_hash = pipeline._file_hash

    def spy(path: Path) -> str | None:
        hashed.append(path)
        return real_hash(path)

    monkeypatch.setattr(pipeline, "_file_hash", spy)
    cache_dir = shop / ".listlint_cache"
    _run(shop, cache_dir, ["red.jpg"])
    assert hashed == []  # nothing stored yet: no content could be found again
    (shop / "copy.jpg").write_bytes((shop / "red.jpg").read_bytes())
    _, measured = _run(shop, cache_dir, ["copy.jpg"])
    assert (hashed, measured) == ([shop / "copy.jpg"], 0)  # found by its content


def test_a_changed_file_is_measured_again(shop: Path) -> None:
    cache_dir = shop / ".listlint_cache"
    _run(shop, cache_dir, ["red.jpg"])
    path = shop / "red.jpg"
    path.write_bytes(encode(product((700, 700), colour=BLUE)))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    second, measured = _run(shop, cache_dir, ["red.jpg"])
    assert measured == 1
    assert second["red.jpg"].colours[0].family == "blue"
    assert second["red.jpg"].width == 700


def test_facts_of_another_measurement_version_are_not_reused(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir = shop / ".listlint_cache"
    _run(shop, cache_dir, ["red.jpg"])
    monkeypatch.setattr(cache_module, "MEASUREMENT_VERSION", cache_module.MEASUREMENT_VERSION + 1)
    _, measured = _run(shop, cache_dir, ["red.jpg"])
    assert measured == 1


def test_a_corrupt_database_is_reset_with_a_note(shop: Path) -> None:
    cache_dir = shop / ".listlint_cache"
    cache_dir.mkdir()
    (cache_dir / "images.sqlite").write_bytes(b"this is not a database" * 100)
    notes: list[str] = []
    facts, measured = _run(shop, cache_dir, REFERENCES, notes)
    assert measured == 3 and facts["red.jpg"].ok
    assert len(notes) == 1 and "damaged" in notes[0] and "reset" in notes[0]
    # The new cache works: the next run is served from it, without a note.
    notes.clear()
    _, measured = _run(shop, cache_dir, REFERENCES, notes)
    assert measured == 0 and notes == []


def test_an_unusable_cache_dir_degrades_to_no_cache_with_a_note(shop: Path) -> None:
    blocker = shop / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    notes: list[str] = []
    facts, measured = _run(shop, blocker / "cache", REFERENCES, notes)
    assert measured == 3 and facts["red.jpg"].ok
    assert len(notes) == 1 and "not usable" in notes[0] and "without it" in notes[0]
    _, measured = _run(shop, blocker / "cache", REFERENCES, [])
    assert measured == 3


def test_a_cache_that_fails_to_write_is_dropped_with_a_note(shop: Path) -> None:
    notes: list[str] = []
    cache = FactsCache(shop / ".listlint_cache", notes.append)
    assert cache.usable
    db = cache._db
    assert db is not None
    db.execute("DROP TABLE facts")
    cache.store(ImageFacts("a.jpg", content_hash="ab" * 32))
    cache.flush()
    assert not cache.usable
    assert len(notes) == 1 and "could not write" in notes[0]
    cache.close()


def test_facts_are_stored_by_content_and_named_by_reference(shop: Path) -> None:
    cache = FactsCache(shop / ".listlint_cache")
    facts = ImageFacts("red.jpg", content_hash="cd" * 32, format="JPEG", width=10, height=10)
    cache.store(facts, file=(shop / "red.jpg", 123, 456))
    cache.flush()
    found = cache.facts("cd" * 32, "other.png")
    assert found is not None
    assert found.reference == "other.png" and found.extension_format == "PNG"
    assert (found.format, found.width) == ("JPEG", 10)
    same, changed = (shop / "red.jpg", 123, 456), (shop / "red.jpg", 124, 456)
    assert cache.hashes_of_files([same, changed]) == {same: "cd" * 32}
    assert cache.facts("ef" * 32, "x.jpg") is None
    cache.close()


def test_a_row_from_an_incompatible_version_is_measured_again(shop: Path) -> None:
    cache = FactsCache(shop / ".listlint_cache")
    cache.close()
    db = sqlite3.connect(shop / ".listlint_cache" / "images.sqlite")
    db.execute(
        "INSERT INTO facts VALUES (?, ?, ?)",
        ("ab" * 32, cache_module.MEASUREMENT_VERSION, '{"unknown_field": 1}'),
    )
    db.commit()
    db.close()
    cache = FactsCache(shop / ".listlint_cache")
    assert cache.facts("ab" * 32, "a.jpg") is None
    cache.close()


def _damage_pages(database: Path) -> None:
    data = bytearray(database.read_bytes())
    for offset in range(8192, len(data), 4096):  # keep the header, ruin every later page
        data[offset + 100 : offset + 300] = b"\xff" * 200
    database.write_bytes(bytes(data))


def test_a_database_with_damaged_pages_is_reset_for_the_next_run(shop: Path) -> None:
    cache_dir = shop / ".listlint_cache"
    cache = FactsCache(cache_dir)
    for index in range(2000):  # enough rows for many pages
        cache.store(ImageFacts(f"{index}.jpg", content_hash=f"{index:064x}", detail="x" * 200))
    cache.flush()
    cache.close()
    _damage_pages(cache_dir / "images.sqlite")
    notes: list[str] = []
    facts, measured = _run(shop, cache_dir, REFERENCES, notes)
    assert measured == 3 and facts["red.jpg"].ok
    assert len(notes) == 1 and "damaged" in notes[0] and "reset" in notes[0]
    notes.clear()
    _run(shop, cache_dir, REFERENCES, notes)  # a fresh cache, filled again
    _, measured = _run(shop, cache_dir, REFERENCES, notes)
    assert notes == [] and measured == 0
