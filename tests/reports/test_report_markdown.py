"""The markdown report: escaping of listing text and the 1 MiB cap of GitHub summaries."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from listlint.check import Finding, Severity
from listlint.model import ListingRef, SourceLocation
from listlint.reports import markdown_format
from listlint.reports.markdown_format import escape
from listlint.reports.report import Report
from tests.reports.hostile import PAYLOADS, hostile_records

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
_MARKUP = set("<>[]`*_|\\!~&#@{}$")  # what may never reach the text unescaped


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escape_leaves_no_markup(payload: str) -> None:
    escaped = escape(payload)
    text = re.sub(r"&#\d+;", "", escaped)  # character references render as the character
    assert not _MARKUP & set(text), escaped
    assert "\n" not in escaped and "\u202e" not in escaped


def test_escape_keeps_ordinary_text_readable() -> None:
    assert escape("Men's Hoodie (XL), 100% cotton - 2.5 kg: navy/blue?") == (
        "Men's Hoodie (XL), 100% cotton - 2.5 kg: navy/blue?"
    )
    assert escape("Ünïcödé 中文 テスト") == "Ünïcödé 中文 テスト"


def test_escape_breaks_autolinks_and_mentions() -> None:
    assert escape("see https://evil.example") == "see https&#58;//evil.example"
    assert escape("www.evil.example") == "www&#46;evil.example"
    assert escape("@octocat #12") == "&#64;\u2060octocat &#35;\u206012"


def test_markdown_of_hostile_listings(
    write_jsonl: Callable[..., Path], run_cli: Callable[..., Result]
) -> None:
    path = str(write_jsonl(hostile_records()))
    result = run_cli("check", path, "--ignore", "LL5", "--format", "markdown")  # no fetching
    assert result.exit_code == 1
    text = result.stdout
    assert set(re.findall(r"<[^>]*>", text)) == {"<br>"}  # our own line break only
    assert "](" not in text and "`" not in text  # no link, image or code span of theirs
    assert not re.search(r"@\w", text)
    # Structure stays ours: one heading per listing, every bullet is one of our findings.
    assert text.count("\n#### ") == len(hostile_records())


def test_markdown_of_the_examples(run_cli: Callable[..., Result]) -> None:
    text = run_cli("check", str(EXAMPLES / "catalog.jsonl"), "--format", "markdown").stdout
    assert text.startswith("## listlint report\n")
    assert "### Grades" in text and "### Top rules" in text
    assert "| A | 90\u2013100 |" in text
    assert "**Fix:**" in text and "Truncated" not in text


def _big_report(listings: int, message_chars: int = 900) -> Report:
    refs: list[ListingRef] = []
    findings: list[Finding] = []
    for index in range(listings):
        source = SourceLocation("big.jsonl", index + 1)
        refs.append(ListingRef(f"SKU-{index:05d}", f"Listing number {index}", source))
        severities = [Severity.ERROR] * (index % 3) + [Severity.WARNING]
        for severity in severities:
            findings.append(
                Finding(
                    "LL202",
                    "missing-size",
                    severity,
                    f"SKU-{index:05d}",
                    "attributes.size",
                    "x" * message_chars,
                    "Add a size",
                    source,
                )
            )
    return Report("9.9", "generic", listings, findings, records=refs)


def _render(report: Report, **kwargs: int) -> str:
    out = io.StringIO()
    markdown_format.render(report, out, False, **kwargs)
    return out.getvalue()


def test_markdown_stays_under_one_mib() -> None:
    report = _big_report(2000)  # about 3.6 MB in full
    text = _render(report)
    size = len(text.encode("utf-8"))
    assert size <= markdown_format.MAX_BYTES < 1024 * 1024
    assert size > markdown_format.MAX_BYTES - 10_000  # it does fill the room it has
    shown = text.count("\n#### ")
    assert 0 < shown < 2000
    assert f"**Truncated:** {2000 - shown} more listings with findings are not shown" in text
    # The worst listings are the ones kept: every shown listing has two errors.
    assert all(h.startswith("E · 40/100") for h in re.findall(r"\n#### (.*)", text))


def test_a_small_limit_truncates_and_says_so() -> None:
    report = _big_report(40, message_chars=100)
    full = _render(report)
    assert "Truncated" not in full
    cut = _render(report, limit=len(full.encode()) // 2)
    assert len(cut.encode()) <= len(full.encode()) // 2
    assert "**Truncated:**" in cut
    tiny = _render(report, limit=300)  # not even the summary fits: cut by lines, with a note
    assert len(tiny.encode()) <= 300 and "cut here" in tiny
