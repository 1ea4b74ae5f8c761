"""Where an image reference may be read from: never outside the catalog's folder or image roots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from listlint.images import sources
from listlint.images.facts import Problem
from listlint.images.options import ImageOptions
from listlint.images.pipeline import ImageMeasurer


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A catalog folder with a photo inside it, and a secret file next to (outside) it."""
    folder = tmp_path / "shop"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "mug.jpg").write_bytes(b"jpeg")
    (folder / "catalog.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("password", encoding="utf-8")
    return folder


def _resolve(shop: Path, reference: str, roots: tuple[Path, ...] = ()) -> sources.Source:
    return sources.Resolver(roots)(reference, str(shop / "catalog.jsonl"))


def test_a_relative_path_inside_the_folder_is_local(shop: Path) -> None:
    source = _resolve(shop, "img/mug.jpg")
    assert source == sources.Local((shop / "img" / "mug.jpg").resolve())
    assert _resolve(shop, "./img/../img/mug.jpg") == source


def test_a_missing_file_inside_the_folder_is_local_not_refused(shop: Path) -> None:
    assert isinstance(_resolve(shop, "img/gone.jpg"), sources.Local)


@pytest.mark.parametrize(
    "reference", ["../secret.txt", "../../etc/passwd", "img/../../secret.txt", "/etc/passwd"]
)
def test_paths_outside_the_folder_are_refused(shop: Path, reference: str) -> None:
    source = _resolve(shop, reference)
    assert isinstance(source, sources.Refused)
    assert "outside the catalog's folder" in source.reason
    assert "image-roots" in source.reason


def test_an_absolute_path_inside_the_folder_is_allowed(shop: Path) -> None:
    path = shop / "img" / "mug.jpg"
    assert _resolve(shop, str(path)) == sources.Local(path.resolve())


def test_image_roots_allow_another_folder(shop: Path, tmp_path: Path) -> None:
    assert isinstance(_resolve(shop, "../secret.txt"), sources.Refused)
    allowed = _resolve(shop, "../secret.txt", roots=(tmp_path,))
    assert allowed == sources.Local((tmp_path / "secret.txt").resolve())
    assert isinstance(_resolve(shop, "/etc/passwd", roots=(tmp_path,)), sources.Refused)


@pytest.mark.parametrize(
    "reference",
    [
        "ftp://example.com/mug.jpg",
        "file:///etc/passwd",
        "data:image/png;base64,iVBORw0KGgo=",
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "gopher://example.com/1",
    ],
)
def test_other_schemes_are_refused(shop: Path, reference: str) -> None:
    source = _resolve(shop, reference)
    assert isinstance(source, sources.Refused)
    assert "not fetched" in source.reason


@pytest.mark.parametrize(
    "reference", ["http://example.com/mug.jpg", "HTTPS://cdn.example.com/a.jpg?w=800"]
)
def test_http_urls_are_remote(shop: Path, reference: str) -> None:
    assert _resolve(shop, reference) == sources.Remote(reference)


@pytest.mark.parametrize("reference", ["", "   ", "http:///mug.jpg", "img/a\x00.jpg"])
def test_empty_incomplete_or_nul_references_are_refused(shop: Path, reference: str) -> None:
    assert isinstance(_resolve(shop, reference), sources.Refused)


def test_a_symlink_escaping_the_folder_is_refused(shop: Path, tmp_path: Path) -> None:
    link = shop / "img" / "escape.jpg"
    os.symlink(tmp_path / "secret.txt", link)
    source = _resolve(shop, "img/escape.jpg")
    assert isinstance(source, sources.Refused)
    folder_link = shop / "outside"
    os.symlink(tmp_path, folder_link, target_is_directory=True)
    assert isinstance(_resolve(shop, "outside/secret.txt"), sources.Refused)


def test_dot_dot_after_a_linked_folder_climbs_from_the_link_target(
    shop: Path, tmp_path: Path
) -> None:
    # As the OS reads it: "outside/.." is the parent of the link's target, not the shop.
    os.symlink(tmp_path / "elsewhere", shop / "outside", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    assert isinstance(_resolve(shop, "outside/../secret.txt"), sources.Refused)
    assert isinstance(_resolve(shop, "outside/../shop/img/mug.jpg"), sources.Local)


def test_a_symlink_inside_the_folder_is_followed(shop: Path) -> None:
    os.symlink(shop / "img" / "mug.jpg", shop / "alias.jpg")
    assert _resolve(shop, "alias.jpg") == sources.Local((shop / "img" / "mug.jpg").resolve())


def test_stdin_listings_resolve_against_the_working_directory(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(shop)
    resolve = sources.Resolver()
    assert resolve("img/mug.jpg", "-") == sources.Local((shop / "img/mug.jpg").resolve())
    assert isinstance(resolve("../secret.txt", "-"), sources.Refused)


def test_the_measurer_never_opens_a_refused_file(
    shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", spy)
    catalog = str(shop / "catalog.jsonl")
    measurer = ImageMeasurer(ImageOptions(jobs=1), note=lambda message: None)
    try:
        facts = measurer.measure(
            [(catalog, "../secret.txt"), (catalog, "../../etc/passwd"), (catalog, "/etc/passwd")]
        )
    finally:
        measurer.close()
    assert {f.problem for f in facts.values()} == {Problem.REFUSED}
    assert measurer.measured == 0
    assert not [path for path in opened if "secret" in path or "passwd" in path]
