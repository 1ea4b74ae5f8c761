"""The HTML report: structure, escaping of hostile listings, CSP, template overrides."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from click.testing import Result

from tests.reports.hostile import hostile_records

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "p", "strong",
    "main", "section", "h2", "div", "dl", "dt", "dd", "h3", "svg", "text", "rect", "table",
    "caption", "thead", "tr", "th", "tbody", "td", "span", "code", "ol", "li", "form",
    "label", "select", "option", "input", "article", "img", "ul", "footer", "script", "b",
}  # fmt: skip


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: dict[str, list[str]] = {"script": [], "style": []}
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.data:
            self._inside = tag

    def handle_endtag(self, tag: str) -> None:
        self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.data[self._inside].append(data)


def _parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


def _html(run_cli: Callable[..., Result], *args: str, out: Path) -> str:
    result = run_cli("check", *args, "--format", "html", "-o", str(out))
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout == ""  # -o: nothing on stdout
    return out.read_text("utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_example_catalog_report(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    catalogs = (str(EXAMPLES / "catalog.jsonl"), str(EXAMPLES / "catalog.csv"))
    text = _html(run_cli, *catalogs, out=tmp_path / "r.html")
    page = _parse(text)
    articles = [attrs for tag, attrs in page.tags if tag == "article"]
    summary = json.loads(run_cli("check", *catalogs, "--format", "json").stdout)["summary"]
    assert len(articles) == summary["listings"]
    assert [a["id"] for a in articles] == [f"listing-{i}" for i in range(1, len(articles) + 1)]
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "Grades" in text and "Top rules" in text and "Worst listings" in text
    # Each picture is embedded once, as a style rule; cards show it as a labelled image.
    photos = [a for tag, a in page.tags if tag == "span" and a.get("role") == "img"]
    assert len(photos) > 20 and all(a.get("aria-label") for a in photos)
    (style,) = page.data["style"]
    rules = re.findall(r'\.(photo-\d+) \{ background-image: url\("data:image/jpeg;base64,', style)
    assert len(rules) == len(set(rules)) > 20
    used = {c for a in photos for c in (a["class"] or "").split() if c.startswith("photo-")}
    assert used == set(rules)
    form = next(a for tag, a in page.tags if tag == "form")
    assert "hidden" in form  # shown by the script: without JavaScript, no dead controls


def test_csp_allows_only_our_own_script_and_style(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    page = _parse(_html(run_cli, str(EXAMPLES / "catalog.csv"), out=tmp_path / "r.html"))
    (csp,) = [
        a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv")
    ]  # fmt: skip
    assert csp is not None
    (script,) = page.data["script"]
    (style,) = page.data["style"]
    policy = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == f"'{_sha256(script)}'"
    assert policy["style-src"] == f"'{_sha256(style)}'"
    assert policy["img-src"] == "data: http: https:"


def test_hostile_listing_text_stays_text(
    write_jsonl: Callable[..., Path], run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = write_jsonl(hostile_records())
    text = _html(run_cli, str(path), "--ignore", "LL5", out=tmp_path / "r.html")  # no fetching
    page = _parse(text)
    assert {tag for tag, _ in page.tags} <= OUR_TAGS
    assert [tag for tag, _ in page.tags].count("script") == 1
    for tag, attrs in page.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src"):
            value = attrs.get(name)
            if value is not None:
                assert re.match(r"(#listings?-[a-z0-9]+$|data:image/jpeg;base64,|https?://)", value)
    assert "<script>window.__pwned" not in text and "javascript:" not in text.split("<body>")[0]
    assert 'onerror="' not in text and "<svg onload" not in text
    assert "X7{{ 7 * 7 }}{% raw %}" in text  # listing text is never evaluated as a template


def test_template_dir_overrides_one_template(
    write_jsonl: Callable[..., Path], run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = write_jsonl([{"id": "A", "title": "<script>", "category": "Apparel/T-Shirts"}])
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.css").write_text("body { color: #000; } /* house style */", "utf-8")
    text = _html(run_cli, str(path), "--template-dir", str(templates), out=tmp_path / "a.html")
    assert "/* house style */" in text
    assert _sha256("body { color: #000; } /* house style */") in text  # the CSP follows
    assert "Top rules" in text  # the other templates are still the built-in ones

    (templates / "report.html.j2").write_text(
        "<p>{{ catalog.records }} listings; first: {{ catalog.listings[0].title }}</p>", "utf-8"
    )
    text = _html(run_cli, str(path), "--template-dir", str(templates), out=tmp_path / "b.html")
    assert text.startswith("<p>1 listings; first: &lt;script&gt;")  # autoescaped all the same


def test_template_dir_must_exist(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    result = run_cli(
        "check", str(EXAMPLES / "catalog.csv"), "--format", "html",
        "--template-dir", str(tmp_path / "nope"),
    )  # fmt: skip
    assert result.exit_code == 2


def test_saved_run_renders_the_same_report(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    catalog = str(EXAMPLES / "catalog.jsonl")
    direct = _html(run_cli, catalog, out=tmp_path / "direct.html")
    run_cli("check", catalog, "--format", "json", "-o", str(tmp_path / "run.json"))
    for fmt, suffix in (("html", "html"), ("markdown", "md")):
        out = tmp_path / f"saved.{suffix}"
        result = run_cli("report", str(tmp_path / "run.json"), "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.stderr
    assert (tmp_path / "saved.html").read_text("utf-8") == direct
    markdown = run_cli("check", catalog, "--format", "markdown").stdout
    assert (tmp_path / "saved.md").read_text("utf-8") == markdown


def test_report_command_takes_a_template_dir(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    run_cli("check", str(EXAMPLES / "catalog.csv"), "--format", "json",
            "-o", str(tmp_path / "run.json"))  # fmt: skip
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "report.md.j2").write_text("custom {{ catalog.findings }}\n", "utf-8")
    result = run_cli("report", str(tmp_path / "run.json"), "--format", "markdown",
                     "--template-dir", str(templates))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("custom ")


def test_a_crafted_saved_run_cannot_inject_either(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    # A saved run is input too: its listings' images and titles are treated like a catalog's.
    bad = "javascript:window.__pwned=1"
    run = {
        "listlint": "0.1.0", "profile": "generic",
        "summary": {"listings": 1, "findings": 1, "error": 1, "warning": 0, "info": 0},
        "findings": [{
            "code": "LL202", "name": "missing-size", "severity": "error", "listing_id": "<b>",
            "field": "attributes.size", "message": "<script>alert(1)</script>",
            "fix": "<img src=x onerror=alert(1)>", "source": {"path": "c.jsonl", "line": 1},
        }],
        "listings": [{
            "id": "<b>", "title": "\"><svg onload=alert(1)>",
            "source": {"path": "c.jsonl", "line": 1},
            "images": [bad, "data:text/html,<script>alert(1)</script>", "/etc/passwd"],
        }],
    }  # fmt: skip
    (tmp_path / "run.json").write_text(json.dumps(run), "utf-8")
    out = tmp_path / "r.html"
    result = run_cli("report", str(tmp_path / "run.json"), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = _parse(out.read_text("utf-8"))
    assert {tag for tag, _ in page.tags} <= OUR_TAGS
    assert not [a for tag, a in page.tags if tag == "img" or any(n.startswith("on") for n in a)]
    assert "javascript:" not in out.read_text("utf-8")
