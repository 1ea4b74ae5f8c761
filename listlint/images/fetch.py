"""Fetch image URLs: concurrently, with a timeout, a size cap and conditional requests.

Only http and https are followed, redirects included (urllib alone would follow a redirect to
ftp:). A response larger than the cap is abandoned, not buffered. A URL seen before is asked
for with its ETag / Last-Modified, so an unchanged photo costs one short request.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO
from urllib.parse import quote, urlsplit, urlunsplit

from listlint import __version__
from listlint.images import options
from listlint.images.facts import Problem

DEFAULT_TIMEOUT = options.DEFAULT_TIMEOUT
DEFAULT_MAX_BYTES = options.DEFAULT_MAX_DOWNLOAD
CONNECTIONS = 8
_CHUNK = 256 * 1024


@dataclass(frozen=True)
class Fetched:
    data: bytes
    etag: str
    last_modified: str


@dataclass(frozen=True)
class NotModified:
    content_hash: str


@dataclass(frozen=True)
class Failed:
    problem: str
    detail: str


Outcome = Fetched | NotModified | Failed


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _RefusedRedirect(f"HTTP {code} redirects to {newurl[:120]!r}, not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _RefusedRedirect(Exception):
    """The server redirected to a scheme listlint never fetches (ftp:, file:, javascript:)."""


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects())


def fetch_all(
    urls: Iterable[str],
    validators: Mapping[str, tuple[str, str, str]],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, Outcome]:
    """Fetch every URL; ``validators`` maps a URL to its cached (etag, last_modified, hash)."""
    unique = list(dict.fromkeys(urls))
    if not unique:
        return {}
    with ThreadPoolExecutor(min(CONNECTIONS, len(unique))) as pool:
        outcomes = pool.map(
            lambda url: fetch(url, validators.get(url), timeout=timeout, max_bytes=max_bytes),
            unique,
        )
        return dict(zip(unique, outcomes, strict=True))


def fetch(
    url: str,
    cached: tuple[str, str, str] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Outcome:
    headers = {"User-Agent": f"listlint/{__version__}", "Accept": "image/*"}
    if cached is not None:
        etag, last_modified, _ = cached
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
    try:
        request = urllib.request.Request(_as_sent(url), headers=headers)
        with _OPENER.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                return _too_large(int(declared), max_bytes)
            data = _read_capped(response, max_bytes)
            if data is None:
                return _too_large(None, max_bytes)
            return Fetched(
                data,
                response.headers.get("ETag", ""),
                response.headers.get("Last-Modified", ""),
            )
    except _RefusedRedirect as exc:
        return Failed(Problem.REFUSED, str(exc))
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and cached is not None:
            return NotModified(cached[2])
        if exc.code in (404, 410):
            return Failed(Problem.MISSING, f"HTTP {exc.code}: the server has no such image")
        if 300 <= exc.code < 400:  # urllib refuses a redirect to file:, javascript: and such
            return Failed(Problem.REFUSED, f"HTTP {exc.code}: {exc.reason}")
        if exc.code >= 500 or exc.code == 429:
            return Failed(Problem.UNREACHABLE, f"HTTP {exc.code} from the server")
        return Failed(Problem.MISSING, f"HTTP {exc.code}: {exc.reason}")
    except TimeoutError:
        return Failed(Problem.UNREACHABLE, f"no answer within {timeout:g} s")
    except urllib.error.URLError as exc:
        return Failed(Problem.UNREACHABLE, f"cannot connect ({exc.reason})")
    except (OSError, ValueError, http.client.HTTPException) as exc:  # resets, bad URLs/replies
        return Failed(Problem.UNREACHABLE, f"cannot fetch ({type(exc).__name__}: {exc})")


def _as_sent(url: str) -> str:
    """The URL as a browser sends it: spaces and non-ASCII characters percent-encoded.

    Catalogs are full of "https://shop.example/img/red mug.jpg" and "größe.jpg"; http.client
    refuses such a URL outright. Existing %-escapes are kept; the fragment is not sent.
    """
    parts = urlsplit(url)
    safe = "/%:@!$&'()*+,;=~"
    path, query = quote(parts.path, safe=safe), quote(parts.query, safe=safe + "?")
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def _read_capped(response: IO[bytes], max_bytes: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: int | None, max_bytes: int) -> Failed:
    said = f"{size / 1e6:,.1f} MB" if size is not None else "more"
    return Failed(Problem.TOO_LARGE, f"{said} is over the {max_bytes / 1e6:,.0f} MB download cap")
