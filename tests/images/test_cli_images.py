"""`listlint check` on catalogs with photos: exit codes, findings, --jobs, --no-cache, config."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from imaging import BLUE, GREEN, encode, jpeg_declaring, png_declaring, product
from PIL import ImageFilter
from serving import ImageServer, Route

from listlint.images import measure as measure_module

RunCli = Callable[..., Result]


def _write_catalog(folder: Path, records: list[dict[str, Any]]) -> Path:
    path = folder / "catalog.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _record(listing_id: str, images: list[str], **fields: Any) -> dict[str, Any]:
    return {"id": listing_id, "title": f"Storage box {listing_id}", "images": images, **fields}


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: RunCli) -> Path:
    """A catalog folder with a config file, good and bad photos; the working directory.

    It asks for run_cli first, so that its own change of directory comes last.
    """
    folder = tmp_path / "shop"
    (folder / "img").mkdir(parents=True)
    (folder / "listlint.toml").write_text("", encoding="utf-8")
    good = product((800, 800))
    (folder / "img" / "good.jpg").write_bytes(encode(good))
    (folder / "img" / "back.jpg").write_bytes(encode(product((800, 800), colour=BLUE)))
    (folder / "img" / "soft.jpg").write_bytes(encode(good.filter(ImageFilter.GaussianBlur(4))))
    (folder / "img" / "small.jpg").write_bytes(encode(product((480, 480))))
    (folder / "img" / "cut.jpg").write_bytes(encode(good)[:4000])
    (folder / "img" / "liar.png").write_bytes(encode(product((800, 800), colour=GREEN)))
    (tmp_path / "outside.jpg").write_bytes(encode(product((700, 700))))
    # These tests are about where the cache goes: the config's folder, not run_cli's override.
    monkeypatch.delenv("LISTLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(folder)
    return folder


CATALOG = [
    _record("GOOD", ["img/good.jpg", "img/back.jpg"], attributes={"color": "Red"}),
    _record("SOFT", ["img/soft.jpg"]),
    _record("SMALL", ["img/small.jpg"]),
    _record("CUT", ["img/cut.jpg"]),
    _record("LIAR", ["img/liar.png"]),
    _record("GONE", ["img/gone.jpg"]),
    _record("ESCAPE", ["../outside.jpg"]),
    _record("NONE", []),
    _record("TWICE", ["img/back.jpg", "img/back.jpg"]),
    _record("WRONG", ["img/back.jpg"], attributes={"color": "Red"}),
]

EXPECTED = {
    ("SOFT", "image-blurry"),
    ("SMALL", "image-too-small"),
    ("CUT", "image-unreadable"),
    ("LIAR", "image-unreadable"),
    ("GONE", "image-unreadable"),
    ("ESCAPE", "image-unreadable"),
    ("NONE", "image-missing"),
    ("TWICE", "image-duplicate"),
    ("TWICE", "image-reused"),  # back.jpg is GOOD's second photo
    ("WRONG", "image-reused"),
    ("WRONG", "image-color-mismatch"),
}


def _check(run_cli: RunCli, *args: str) -> Result:
    result = run_cli("check", *args)
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    return result


def _findings(result: Result) -> set[tuple[str, str]]:
    return {(f["listing_id"], f["name"]) for f in json.loads(result.stdout)["findings"]}


def test_check_reports_image_findings_and_lints_the_rest(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, CATALOG)
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5", "--format", "json", "--jobs", "1")
    assert result.exit_code == 1, result.stderr
    assert _findings(result) == EXPECTED
    messages = {f["listing_id"]: f["message"] for f in json.loads(result.stdout)["findings"]}
    assert "is a JPEG file but its name says PNG" in messages["LIAR"]
    assert "outside the catalog's folder" in messages["ESCAPE"]


def test_text_output_and_exit_codes(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, CATALOG)
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5", "-j", "1")
    assert result.exit_code == 1
    assert "LL502" in result.stdout and "image-unreadable" in result.stdout
    assert _check(run_cli, "catalog.jsonl", "--select", "LL5", "--fail-on", "never").exit_code == 0
    warnings_only = "image-blurry,image-too-small"
    assert _check(run_cli, "catalog.jsonl", "--select", warnings_only).exit_code == 0
    assert (
        _check(
            run_cli, "catalog.jsonl", "--select", warnings_only, "--fail-on", "warning"
        ).exit_code
        == 1
    )


def test_a_clean_catalog_with_photos_exits_0(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, [CATALOG[0]])
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5")
    assert result.exit_code == 0, result.stdout
    assert "All clear: no findings in 1 listing" in result.stdout


def test_hostile_files_never_stop_the_run(shop: Path, run_cli: RunCli) -> None:
    hostile = {
        "bomb.png": png_declaring(50_000, 50_000),
        "bomb.jpg": jpeg_declaring(50_000, 50_000),
        "empty.jpg": b"",
        "page.jpg": b"<!DOCTYPE html><html><body>Not found</body></html>",
        "drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg"></svg>',
        "icon.ico": encode(product((48, 48)), "ICO"),
        "poly.jpg": encode(product((600, 600))) + b"PK\x03\x04" + b"\0" * 100,
    }
    for name, data in hostile.items():
        (shop / "img" / name).write_bytes(data)
    (shop / "img" / "folder.jpg").mkdir()
    records = [_record(name, [f"img/{name}"]) for name in [*hostile, "folder.jpg"]]
    records.append(_record("GOOD", ["img/good.jpg"]))
    _write_catalog(shop, records)
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5", "--format", "json")
    assert result.exit_code == 1
    found = _findings(result)
    assert ("bomb.png", "image-too-large") in found
    assert ("bomb.jpg", "image-too-large") in found
    for name in ("empty.jpg", "page.jpg", "drawing.svg", "icon.ico", "folder.jpg"):
        assert (name, "image-unreadable") in found
    assert not [f for f in found if f[0] in ("GOOD", "poly.jpg")]
    assert json.loads(result.stdout)["summary"]["listings"] == len(records)


def _count_measures(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    measured: list[str] = []
    real = measure_module.measure

    def counting(reference: str, data: bytes) -> Any:
        measured.append(reference)
        return real(reference, data)

    monkeypatch.setattr(measure_module, "measure", counting)
    return measured


def test_a_second_run_is_served_from_the_cache(
    shop: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_catalog(shop, CATALOG)
    measured = _count_measures(monkeypatch)
    args = ("catalog.jsonl", "--select", "LL5", "--format", "json", "-j", "1")
    first = _check(run_cli, *args)
    assert len(measured) == 6  # each readable file once; back.jpg is named four times
    assert (shop / ".listlint_cache" / "images.sqlite").is_file()
    measured.clear()
    second = _check(run_cli, *args)
    assert measured == []
    assert second.stdout == first.stdout
    assert second.exit_code == first.exit_code == 1


def test_no_cache_writes_no_cache_folder(
    shop: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_catalog(shop, CATALOG)
    measured = _count_measures(monkeypatch)
    args = ("catalog.jsonl", "--select", "LL5", "--format", "json", "-j", "1", "--no-cache")
    first = _check(run_cli, *args)
    second = _check(run_cli, *args)
    assert not (shop / ".listlint_cache").exists()
    assert len(measured) == 12
    assert _findings(first) == _findings(second) == EXPECTED


def test_jobs_2_gives_the_same_report_as_jobs_1(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, CATALOG)
    common = ("catalog.jsonl", "--select", "LL5", "--format", "json", "--no-cache")
    serial = _check(run_cli, *common, "--jobs", "1")
    parallel = _check(run_cli, *common, "--jobs", "2")
    assert parallel.stdout == serial.stdout


def test_a_corrupt_cache_is_reset_with_a_note(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, CATALOG)
    (shop / ".listlint_cache").mkdir()
    (shop / ".listlint_cache" / "images.sqlite").write_bytes(b"garbage" * 500)
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5", "--format", "json", "-j", "1")
    assert result.exit_code == 1
    assert "damaged" in result.stderr
    assert _findings(result) == EXPECTED
    again = _check(run_cli, "catalog.jsonl", "--select", "LL5", "--format", "json", "-j", "1")
    assert "damaged" not in again.stderr


def test_an_unusable_cache_dir_is_a_note_not_an_error(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, CATALOG)
    (shop / "listlint.toml").write_text('cache-dir = "blocked/cache"\n', encoding="utf-8")
    (shop / "blocked").write_text("a file, not a folder", encoding="utf-8")
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5", "--format", "json", "-j", "1")
    assert result.exit_code == 1
    assert "not usable" in result.stderr
    assert _findings(result) == EXPECTED


def test_config_cache_dir_and_image_roots(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, CATALOG)
    (shop / "listlint.toml").write_text(
        'cache-dir = "build/facts"\nimage-roots = [".."]\njobs = 1\n', encoding="utf-8"
    )
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5", "--format", "json")
    assert (shop / "build" / "facts" / "images.sqlite").is_file()
    assert not (shop / ".listlint_cache").exists()
    assert ("ESCAPE", "image-unreadable") not in _findings(result)  # its folder is a root now
    assert _findings(result) == EXPECTED - {("ESCAPE", "image-unreadable")}


def test_quiet_hides_cache_notes(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, [CATALOG[0]])
    (shop / ".listlint_cache").mkdir()
    (shop / ".listlint_cache" / "images.sqlite").write_bytes(b"garbage" * 500)
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5", "-q")
    assert result.stderr == ""


def test_image_urls_from_a_local_server(
    shop: Path, run_cli: RunCli, image_server: ImageServer
) -> None:
    image_server.routes["/good.jpg"] = Route(body=(shop / "img" / "good.jpg").read_bytes())
    image_server.routes["/busy.jpg"] = Route(503, b"busy")
    records = [
        _record("URL-OK", [image_server.url("/good.jpg")]),
        _record("URL-404", [image_server.url("/gone.jpg")]),
        _record("URL-503", [image_server.url("/busy.jpg")]),
        _record("FTP", ["ftp://127.0.0.1/a.jpg"]),
    ]
    _write_catalog(shop, records)
    result = _check(run_cli, "catalog.jsonl", "--select", "LL5", "--format", "json", "-j", "1")
    assert _findings(result) == {
        ("URL-404", "image-unreadable"),
        ("URL-503", "image-unreachable"),
        ("FTP", "image-unreadable"),
    }
    assert result.exit_code == 1


def test_jobs_must_not_be_negative(shop: Path, run_cli: RunCli) -> None:
    _write_catalog(shop, [CATALOG[0]])
    result = run_cli("check", "catalog.jsonl", "--jobs", "-1")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
