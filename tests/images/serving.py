"""A local HTTP server for the image tests: 127.0.0.1 only, answers from a table of routes."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    etag: str = ""  # answer 304 to a matching If-None-Match
    length: bool = True  # send Content-Length (else the body ends when the connection closes)
    raw: bytes = b""  # written as the whole response instead: a broken server


@dataclass
class ImageServer:
    """A local HTTP server on 127.0.0.1 that answers from ``routes`` and logs every request."""

    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for seen, headers in self.requests if seen == path]


def handler(server: ImageServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path, Route(404, b"<html>not found</html>"))
            if route.delay:
                time.sleep(route.delay)
            if route.raw:
                self.wfile.write(route.raw)
                self.close_connection = True
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            headers = {"Content-Length": str(len(route.body))} if route.length else {}
            headers.update(route.headers)
            if route.etag:
                headers["ETag"] = route.etag
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

    return Handler
