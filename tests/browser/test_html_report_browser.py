"""The HTML report in a real browser: it renders, its filters work, axe-core finds no WCAG 2 A/AA
violation, the Nu Html Checker finds no error, and hostile listings run nothing."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.reports.hostile import hostile_records

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The HTML reports of the example catalog and of a hostile catalog."""
    from click.testing import CliRunner

    from listlint.cli import cli

    folder = tmp_path_factory.mktemp("reports")
    hostile = folder / "hostile.jsonl"
    hostile.write_text("".join(json.dumps(r) + "\n" for r in hostile_records()), "utf-8")
    paths = {"examples": folder / "examples.html", "hostile": folder / "hostile.html"}
    # The image rules would fetch the hostile URLs: this test is about the page, not the network.
    runs = (("examples", [str(EXAMPLES)]), ("hostile", [str(hostile), "--ignore", "LL5"]))
    for name, args in runs:
        result = CliRunner().invoke(
            cli, ["check", *args, "-o", str(paths[name])], catch_exceptions=False
        )
        assert result.exit_code == 1, result.output
    return paths


class _Watch:
    """What a page did that a payload would do: dialogs, console output, page errors."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda message: self.console.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., tuple[Any, _Watch]]]:
    contexts: list[Any] = []

    def open_(path: Path, **options: Any) -> tuple[Any, _Watch]:
        context = browser.new_context(**options)
        contexts.append(context)
        # The report must not need the network; a hostile URL must not reach it either.
        context.route("http://**/*", lambda route: route.abort())
        context.route("https://**/*", lambda route: route.abort())
        page = context.new_page()
        watch = _Watch(page)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return page, watch

    yield open_
    for context in contexts:
        context.close()


def _visible_cards(page: Any) -> list[str]:
    return [
        str(text)
        for text in page.eval_on_selector_all(
            "article.listing:not([hidden])",
            "cards => cards.map(c => c.querySelector('.listing-id').textContent)",
        )
    ]


def test_example_report_renders(
    reports: dict[str, Path], open_page: Callable[..., tuple[Any, _Watch]]
) -> None:
    page, watch = open_page(reports["examples"])
    assert page.title().startswith("listlint report:")
    assert page.locator("h1").inner_text() == "listlint report"
    cards = page.locator("article.listing")
    assert cards.count() == 40
    assert page.locator("#filters").is_visible()  # the script ran under the page's CSP
    assert page.locator("#filter-status").inner_text() == "Showing 40 of 40 listings"
    # Photos are embedded once each, as style rules, and shown as labelled images.
    photos = page.locator(".photos [role=img]")
    assert photos.count() > 20
    backgrounds = page.eval_on_selector_all(
        ".photos [role=img]",
        "els => els.map(e => [getComputedStyle(e).backgroundImage, e.getAttribute('aria-label')])",
    )
    assert all(b.startswith('url("data:image/jpeg;base64,') and a for b, a in backgrounds)
    assert page.locator("svg.chart rect").count() == 5
    first = page.locator("article.listing").first.locator(".grade").text_content()
    last = page.locator("article.listing").last.locator(".grade").text_content()
    assert first > last or first == last == "A"  # worst first
    assert watch.errors == [] and watch.dialogs == []


def test_everything_is_readable_without_javascript(
    reports: dict[str, Path], open_page: Callable[..., tuple[Any, _Watch]]
) -> None:
    page, _ = open_page(reports["examples"], java_script_enabled=False)
    assert not page.locator("#filters").is_visible()
    assert page.locator("article.listing:visible").count() == 40
    assert page.locator("li.finding:visible").count() == page.locator("li.finding").count() > 0


def test_filters_and_search(
    reports: dict[str, Path], open_page: Callable[..., tuple[Any, _Watch]]
) -> None:
    page, watch = open_page(reports["examples"])
    total = page.locator("article.listing").count()

    page.select_option("#filter-severity", "warning")
    shown = _visible_cards(page)
    assert 0 < len(shown) < total
    severities = page.eval_on_selector_all(
        "li.finding:not([hidden])", "items => items.map(i => i.dataset.severity)"
    )
    assert set(severities) == {"warning"}
    hidden_cards = page.eval_on_selector_all(
        "article.listing:not([hidden])", "cards => cards.filter(c => c.hidden).length"
    )
    assert hidden_cards == 0

    page.select_option("#filter-rule", "LL401")  # warnings of invalid-gtin: none
    assert _visible_cards(page) == []
    assert page.locator("#filter-status").inner_text() == f"Showing 0 of {total} listings"

    page.select_option("#filter-severity", "")
    gtin = _visible_cards(page)
    assert len(gtin) == 4
    rules = page.eval_on_selector_all(
        "li.finding:not([hidden])", "items => items.map(i => i.dataset.rule)"
    )
    assert set(rules) == {"LL401"}

    page.select_option("#filter-rule", "")
    page.fill("#filter-search", "pl-105")  # ids, case-insensitively
    assert _visible_cards(page) == ["PL-105"]
    page.fill("#filter-search", "numeric keypad")  # titles
    assert _visible_cards(page) == ["PL-105"]
    page.fill("#filter-search", "")
    assert len(_visible_cards(page)) == total
    assert watch.errors == []


def test_axe_finds_no_wcag_violation(
    reports: dict[str, Path], open_page: Callable[..., tuple[Any, _Watch]], axe_source: str
) -> None:
    # bypass_csp lets the test inject axe; the report's own policy would block it.
    for name in ("examples", "hostile"):
        page, _ = open_page(reports[name], bypass_csp=True)
        # Render every card (the report defers off-screen ones) so axe can check each contrast.
        page.add_style_tag(content=".cards, .listing { content-visibility: visible !important; }")
        page.add_script_tag(content=axe_source)
        for state in ("start", "filtered"):
            if state == "filtered":
                page.select_option("#filter-severity", "error")
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
            )
            violations = [
                (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                for v in result["violations"]
            ]
            assert violations == [], (name, state)
            assert len(result["passes"]) > 10
            # What axe could not decide is only the chart's text (dark on white, in an SVG).
            undecided = [n["target"][0] for v in result["incomplete"] for n in v["nodes"]]
            outside_chart = page.evaluate(
                "targets => targets.filter(t => !document.querySelector(t).closest('svg.chart'))",
                undecided,
            )
            assert outside_chart == [], (name, state)


@pytest.mark.parametrize("csp", ["enforced", "bypassed"])
def test_hostile_listings_execute_nothing(
    reports: dict[str, Path], open_page: Callable[..., tuple[Any, _Watch]], csp: str
) -> None:
    # With the CSP bypassed, escaping alone must hold; with it, the policy is a second wall.
    page, watch = open_page(reports["hostile"], bypass_csp=csp == "bypassed")
    cards = page.locator("article.listing")
    assert cards.count() == len(hostile_records())
    # Use the page as a reviewer would: filter, search, scroll, hover and focus everything.
    page.select_option("#filter-severity", "error")
    page.fill("#filter-search", "<script>")
    page.fill("#filter-search", "")
    page.select_option("#filter-severity", "")
    for index in range(cards.count()):
        cards.nth(index).scroll_into_view_if_needed()
        cards.nth(index).hover()
    for _ in range(30):
        page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []
    assert not [m for m in watch.console if "PWNED" in m]
    assert watch.errors == []
    # Nothing the listings wrote became markup: one script, no handlers, no foreign URLs.
    assert page.locator("script").count() == 1
    assert page.locator("iframe, object, embed, details, a[href^='javascript']").count() == 0
    handlers = page.evaluate(
        """() => [...document.querySelectorAll('*')].flatMap(el =>
               [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName))"""
    )
    assert handlers == []
    sources = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.getAttribute('src'))")
    assert all(s.startswith(("https://", "http://")) for s in sources)
    titles = page.eval_on_selector_all(
        ".listing-title", "els => els.map(e => e.textContent)"
    )  # the payloads are shown as text
    assert any("<script>window.__pwned" in t for t in titles)


def test_nu_html_checker_finds_no_error(reports: dict[str, Path], vnu: list[str]) -> None:
    for name, path in reports.items():
        run = subprocess.run([*vnu, str(path)], capture_output=True, text=True, timeout=300)
        messages = json.loads(run.stdout or run.stderr)["messages"]
        errors = [m for m in messages if m.get("type") == "error"]
        assert errors == [], (name, errors[:5])


def test_template_dir_report_still_runs_its_script(
    open_page: Callable[..., tuple[Any, _Watch]],
    run_cli: Callable[..., Result],
    tmp_path: Path,
) -> None:
    # An overridden script gets its own hash in the policy, so it still runs.
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.js").write_text("document.title = 'custom script ran';", "utf-8")
    out = tmp_path / "r.html"
    run_cli("check", str(EXAMPLES / "catalog.csv"), "--template-dir", str(templates),
            "-o", str(out))  # fmt: skip
    page, watch = open_page(out)
    assert page.title() == "custom script ran"
    assert watch.errors == []
