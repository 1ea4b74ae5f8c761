"""Image URLs, served by a local HTTP server on 127.0.0.1: no other network is used."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from imaging import encode, product
from serving import ImageServer, Route

from listlint.checks.image_too_large import ImageTooLarge
from listlint.checks.image_unreachable import ImageUnreachable
from listlint.checks.image_unreadable import ImageUnreadable
from listlint.images import fetch
from listlint.images.facts import ImageFacts, Problem
from listlint.images.options import ImageOptions
from listlint.images.pipeline import ImageMeasurer
from listlint.testing import run_check

CATALOG = "catalog.jsonl"


@pytest.fixture(scope="module")
def photo() -> bytes:
    return encode(product((600, 600)))


@pytest.fixture
def notes() -> list[str]:
    return []


@pytest.fixture
def measurer(notes: list[str]) -> Iterator[ImageMeasurer]:
    done = ImageMeasurer(ImageOptions(jobs=1, timeout=2.0), note=notes.append)
    yield done
    done.close()


def _one(measurer: ImageMeasurer, url: str) -> ImageFacts:
    return measurer.measure([(CATALOG, url)])[(CATALOG, url)]


def _findings(facts: ImageFacts) -> dict[str, list[str]]:
    """What the URL checks say about a listing whose only image has these facts."""
    data: dict[str, Any] = facts.to_dict()
    data.pop("reference")
    record = {"id": "P1", "title": "Mug", "images": [facts.reference]}
    found: dict[str, list[str]] = {}
    for check in (ImageUnreadable, ImageUnreachable, ImageTooLarge):
        messages = [f.message for f in run_check(check, record, images={facts.reference: data})]
        if messages:
            found[check.name] = messages
    return found


def test_200_is_measured(image_server: ImageServer, measurer: ImageMeasurer, photo: bytes) -> None:
    image_server.routes["/mug.jpg"] = Route(body=photo, headers={"Content-Type": "image/jpeg"})
    facts = _one(measurer, image_server.url("/mug.jpg"))
    assert facts.ok and facts.format == "JPEG"
    assert (facts.width, facts.height) == (600, 600)
    assert facts.reference == image_server.url("/mug.jpg")
    assert facts.colours[0].family == "red"
    assert measurer.measured == 1
    assert _findings(facts) == {}
    sent = image_server.hits("/mug.jpg")[0]
    assert sent["user-agent"].startswith("listlint/")


@pytest.mark.parametrize("status", [404, 410])
def test_a_missing_url_is_unreadable(
    image_server: ImageServer, measurer: ImageMeasurer, status: int
) -> None:
    image_server.routes["/gone.jpg"] = Route(status, b"<html>gone</html>")
    facts = _one(measurer, image_server.url("/gone.jpg"))
    assert facts.problem == Problem.MISSING
    assert f"HTTP {status}" in facts.detail
    found = _findings(facts)
    assert list(found) == ["image-unreadable"]


@pytest.mark.parametrize("status", [500, 503, 429])
def test_a_server_error_is_unreachable(
    image_server: ImageServer, measurer: ImageMeasurer, status: int
) -> None:
    image_server.routes["/busy.jpg"] = Route(status, b"try later")
    facts = _one(measurer, image_server.url("/busy.jpg"))
    assert facts.problem == Problem.UNREACHABLE
    assert f"HTTP {status}" in facts.detail
    assert list(_findings(facts)) == ["image-unreachable"]


def test_a_slow_server_is_unreachable_after_the_timeout(
    image_server: ImageServer, photo: bytes
) -> None:
    image_server.routes["/slow.jpg"] = Route(body=photo, delay=3.0)
    measurer = ImageMeasurer(ImageOptions(jobs=1, timeout=0.5), note=lambda message: None)
    started = time.perf_counter()
    try:
        facts = _one(measurer, image_server.url("/slow.jpg"))
    finally:
        measurer.close()
    assert time.perf_counter() - started < 2.5
    assert facts.problem == Problem.UNREACHABLE
    assert "0.5 s" in facts.detail
    assert list(_findings(facts)) == ["image-unreachable"]


def test_nobody_listening_is_unreachable(measurer: ImageMeasurer) -> None:
    facts = _one(measurer, "http://127.0.0.1:9/mug.jpg")  # the discard port: nothing listens
    assert facts.problem == Problem.UNREACHABLE
    assert list(_findings(facts)) == ["image-unreachable"]


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-length"])
def test_a_body_above_the_cap_is_too_large(
    image_server: ImageServer, photo: bytes, declared: bool
) -> None:
    image_server.routes["/huge.jpg"] = Route(body=photo + b"\0" * 400_000, length=declared)
    measurer = ImageMeasurer(ImageOptions(jobs=1, max_download=300_000), note=lambda message: None)
    try:
        facts = _one(measurer, image_server.url("/huge.jpg"))
    finally:
        measurer.close()
    assert facts.problem == Problem.TOO_LARGE
    assert "download cap" in facts.detail
    assert measurer.measured == 0
    assert list(_findings(facts)) == ["image-too-large"]


def test_a_body_under_the_cap_without_a_length_is_measured(
    image_server: ImageServer, measurer: ImageMeasurer, photo: bytes
) -> None:
    image_server.routes["/mug.jpg"] = Route(body=photo, length=False)
    assert _one(measurer, image_server.url("/mug.jpg")).ok


@pytest.mark.parametrize(
    "location", ["ftp://127.0.0.1/mug.jpg", "file:///etc/passwd", "javascript:alert(1)"]
)
def test_a_redirect_to_another_scheme_is_refused(
    image_server: ImageServer, measurer: ImageMeasurer, location: str
) -> None:
    image_server.routes["/moved.jpg"] = Route(302, headers={"Location": location})
    facts = _one(measurer, image_server.url("/moved.jpg"))
    assert not facts.ok
    assert facts.problem != Problem.UNREACHABLE  # a retry would not help
    assert "302" in facts.detail
    assert "image-unreadable" in _findings(facts)
    assert measurer.measured == 0


def test_an_http_redirect_is_followed(
    image_server: ImageServer, measurer: ImageMeasurer, photo: bytes
) -> None:
    image_server.routes["/old.jpg"] = Route(301, headers={"Location": "/new.jpg"})
    image_server.routes["/new.jpg"] = Route(body=photo)
    facts = _one(measurer, image_server.url("/old.jpg"))
    assert facts.ok
    assert facts.reference == image_server.url("/old.jpg")


def test_a_redirect_loop_ends(image_server: ImageServer, measurer: ImageMeasurer) -> None:
    image_server.routes["/loop.jpg"] = Route(302, headers={"Location": "/loop.jpg"})
    facts = _one(measurer, image_server.url("/loop.jpg"))
    assert not facts.ok


def test_a_broken_server_reply_does_not_crash_the_run(
    image_server: ImageServer, measurer: ImageMeasurer
) -> None:
    image_server.routes["/garbage.jpg"] = Route(raw=b"NOT HTTP AT ALL\r\n\r\n")
    facts = _one(measurer, image_server.url("/garbage.jpg"))
    assert facts.problem == Problem.UNREACHABLE
    assert list(_findings(facts)) == ["image-unreachable"]


def test_urls_with_spaces_and_accents_are_fetched_as_a_browser_would(
    image_server: ImageServer, measurer: ImageMeasurer, photo: bytes
) -> None:
    image_server.routes["/red%20mug.jpg"] = Route(body=photo)
    image_server.routes["/gr%C3%B6%C3%9Fe.jpg?w=800"] = Route(body=photo)
    spaced = image_server.url("/red mug.jpg")
    accented = image_server.url("/größe.jpg?w=800")
    facts = measurer.measure([(CATALOG, spaced), (CATALOG, accented)])
    assert facts[(CATALOG, spaced)].ok
    assert facts[(CATALOG, accented)].ok
    assert facts[(CATALOG, spaced)].reference == spaced


def test_an_html_page_served_as_an_image_is_unreadable(
    image_server: ImageServer, measurer: ImageMeasurer
) -> None:
    image_server.routes["/mug.jpg"] = Route(body=b"<!doctype html><html>Login</html>")
    facts = _one(measurer, image_server.url("/mug.jpg"))
    assert facts.problem == Problem.NOT_AN_IMAGE
    assert "HTML" in _findings(facts)["image-unreadable"][0]


def test_one_url_named_by_many_listings_is_fetched_once(
    image_server: ImageServer, measurer: ImageMeasurer, photo: bytes
) -> None:
    image_server.routes["/mug.jpg"] = Route(body=photo)
    url = image_server.url("/mug.jpg")
    facts = measurer.measure([("a.jsonl", url), ("b.jsonl", url), ("a.jsonl", url)])
    assert len(facts) == 2 and all(f.ok for f in facts.values())
    assert len(image_server.hits("/mug.jpg")) == 1
    assert measurer.measured == 1


def test_urls_are_fetched_concurrently(image_server: ImageServer, photo: bytes) -> None:
    for index in range(6):
        image_server.routes[f"/{index}.jpg"] = Route(body=photo, delay=0.4)
    urls = [image_server.url(f"/{index}.jpg") for index in range(6)]
    started = time.perf_counter()
    outcomes = fetch.fetch_all(urls, {}, timeout=5)
    assert time.perf_counter() - started < 1.6  # 6 x 0.4 s one after another would be 2.4 s
    assert all(isinstance(outcome, fetch.Fetched) for outcome in outcomes.values())


def _cached_measurer(tmp_path: Path) -> ImageMeasurer:
    return ImageMeasurer(ImageOptions(jobs=1, cache_dir=tmp_path / "cache"), note=print)


def test_etag_revalidation_uses_the_cache(
    image_server: ImageServer, tmp_path: Path, photo: bytes
) -> None:
    image_server.routes["/mug.jpg"] = Route(body=photo, etag='"v1"')
    url = image_server.url("/mug.jpg")
    first = _cached_measurer(tmp_path)
    try:
        cold = _one(first, url)
    finally:
        first.close()
    assert first.measured == 1
    second = _cached_measurer(tmp_path)
    try:
        warm = _one(second, url)
    finally:
        second.close()
    assert second.measured == 0
    assert warm == cold
    requests = image_server.hits("/mug.jpg")
    assert len(requests) == 2
    assert "if-none-match" not in requests[0]
    assert requests[1]["if-none-match"] == '"v1"'


def test_a_changed_etag_measures_the_new_photo(image_server: ImageServer, tmp_path: Path) -> None:
    url = image_server.url("/mug.jpg")
    image_server.routes["/mug.jpg"] = Route(body=encode(product((600, 600))), etag='"v1"')
    first = _cached_measurer(tmp_path)
    try:
        assert _one(first, url).colours[0].family == "red"
    finally:
        first.close()
    image_server.routes["/mug.jpg"] = Route(
        body=encode(product((600, 600), colour=(30, 60, 170))), etag='"v2"'
    )
    second = _cached_measurer(tmp_path)
    try:
        assert _one(second, url).colours[0].family == "blue"
    finally:
        second.close()
    assert second.measured == 1


def test_last_modified_revalidation(
    image_server: ImageServer, tmp_path: Path, photo: bytes
) -> None:
    stamp = "Wed, 21 Oct 2026 07:28:00 GMT"
    image_server.routes["/mug.jpg"] = Route(body=photo, headers={"Last-Modified": stamp})
    first = _cached_measurer(tmp_path)
    try:
        _one(first, image_server.url("/mug.jpg"))
    finally:
        first.close()
    second = _cached_measurer(tmp_path)
    try:
        _one(second, image_server.url("/mug.jpg"))
    finally:
        second.close()
    assert image_server.hits("/mug.jpg")[1]["if-modified-since"] == stamp


def test_the_same_photo_at_another_url_is_not_measured_again(
    image_server: ImageServer, tmp_path: Path, photo: bytes
) -> None:
    image_server.routes["/a.jpg"] = Route(body=photo)
    image_server.routes["/cdn/b.jpg"] = Route(body=photo, etag='"b"')
    first = _cached_measurer(tmp_path)
    try:
        cold = _one(first, image_server.url("/a.jpg"))
    finally:
        first.close()
    second = _cached_measurer(tmp_path)
    try:
        moved = _one(second, image_server.url("/cdn/b.jpg"))
    finally:
        second.close()
    assert second.measured == 0
    assert moved.reference == image_server.url("/cdn/b.jpg")
    assert moved.content_hash == cold.content_hash and moved.sharpness == cold.sharpness
    # Its ETag was remembered: the next run revalidates instead of downloading.
    third = _cached_measurer(tmp_path)
    try:
        _one(third, image_server.url("/cdn/b.jpg"))
    finally:
        third.close()
    assert image_server.hits("/cdn/b.jpg")[-1]["if-none-match"] == '"b"'
