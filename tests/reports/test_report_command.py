"""`listlint report RUN.json`: any format from a saved JSON run, and where output goes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from listlint.reports import RENDERERS, format_for_path
from tests.reports.report_validators import REQUIRE, validator_file

# The formats this module owns; html and markdown are tested with their view models.
MACHINE_FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_report_from_a_saved_run_equals_check_directly(
    fmt: str, report_catalog: Path, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    run = tmp_path / "run.json"
    saved = run_cli("check", str(report_catalog), "--format", "json", "-o", str(run))
    assert saved.exit_code == 1 and saved.stdout == ""
    direct = run_cli("check", str(report_catalog), "--format", fmt)
    rendered = run_cli("report", str(run), "--format", fmt)
    assert rendered.exit_code == 0, rendered.stderr
    assert rendered.stdout == direct.stdout
    assert rendered.stderr == ""


def test_report_reads_stdin_and_writes_the_file_o_names(
    report_catalog: Path, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    run_json = run_cli("check", str(report_catalog), "--format", "json").stdout
    out = tmp_path / "report.sarif"
    result = run_cli("report", "-", "-o", str(out), input=run_json)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text("utf-8"))["version"] == "2.1.0"  # format from the suffix


def test_json_run_lists_every_record_for_the_other_formats(report_catalog: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    run = json.loads(run_cli("check", str(report_catalog), "--format", "json").stdout)
    assert list(run)[:4] == ["listlint", "profile", "summary", "findings"]  # design.md's keys first
    records = run["listings"]
    assert len(records) == run["summary"]["listings"] == 5
    assert records[0] == {
        "id": "TEE-1",
        "title": "Organic Cotton Crew Tee",
        "source": {"path": str(report_catalog), "line": 1},
        "images": [],
    }
    broken = {"id": "", "title": "", "source": {"path": str(report_catalog), "line": 5}}
    assert records[4] == {**broken, "images": []}


def test_a_run_saved_before_listings_existed_still_renders(
    report_catalog: Path, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    run = json.loads(run_cli("check", str(report_catalog), "--format", "json").stdout)
    del run["listings"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(run), "utf-8")
    result = run_cli("report", str(old), "--format", "junit")
    assert result.exit_code == 0
    assert result.stdout.count("<testcase ") == 4  # the listings with findings
    assert 'name="TEE-1"' not in result.stdout


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file"),
        ("", "not JSON"),
        ("{broken", "not JSON"),
        ("[1, 2]", "the document must be an object"),
        ('{"listlint": "0.1.0"}', "no 'findings' key"),
        ('{"listlint": "0.1.0", "findings": {}}', "findings must be a list"),
        ('{"listlint": "0.1.0", "findings": [{"code": "LL1"}]}', "findings[0].severity"),
        (
            '{"listlint": "0.1.0", "findings": [{"code": "LL1", "name": "x", "severity": "fatal",'
            ' "message": "m", "source": {"path": "a"}}]}',
            "findings[0].severity must be error, warning or info",
        ),
        (
            '{"listlint": "0.1.0", "findings": [{"code": "LL1", "name": "x", "severity": "info",'
            ' "message": "m", "source": {"path": "a", "line": "7"}}]}',
            "findings[0].source.line must be a line number",
        ),
        ('{"listlint": "0.1.0", "findings": [], "listings": [{"id": 3}]}', "listings[0].id"),
        ('{"findings": []}', "'listlint' must be a non-empty string"),
        ("[" * 100_000, "not JSON"),
    ],
)
def test_an_unusable_run_is_one_line_and_exit_2(
    content: str | None, reason: str, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "run.json"
    if content is not None:
        path.write_text(content, "utf-8")
    result = run_cli("report", str(path), "--format", "sarif")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"listlint: error: {path}: ")
    assert reason in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_folder_or_binary_file_is_not_a_run(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "run.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    for path in (tmp_path, binary):
        result = run_cli("report", str(path))
        assert result.exit_code == 2 and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("out.sarif", "sarif"),
        ("out.sarif.json", "sarif"),
        ("out.xml", "junit"),
        ("OUT.JSON", "json"),
        ("out.txt", "text"),
        ("out.log", "text"),
        ("out", "text"),
    ],
)
def test_format_follows_the_output_suffix(name: str, fmt: str) -> None:
    assert format_for_path(name) == fmt
    assert format_for_path(None) == "text"
    if "html" in RENDERERS:
        assert format_for_path("r.html") == "html"
    if "markdown" in RENDERERS:
        assert format_for_path("r.md") == "markdown"


def test_check_o_writes_the_file_and_nothing_else_to_stdout(
    report_catalog: Path, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "results.xml"
    missing = tmp_path / "missing.csv"
    result = run_cli("check", str(report_catalog), str(missing), "-v", "-o", str(out))
    assert result.exit_code == 2  # a named file is missing; the rest is still reported
    assert result.stdout == ""
    assert out.read_text("utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>')
    assert "listlint: config:" in result.stderr and f"{missing}" in result.stderr
    explicit = tmp_path / "results.txt"
    run_cli("check", str(report_catalog), "--format", "gitlab", "-o", str(explicit))
    assert explicit.read_text("utf-8").startswith("[\n")  # --format wins over the suffix


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_messages_never_mix_into_stdout(
    fmt: str, report_catalog: Path, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.jsonl"
    noisy = run_cli("check", str(report_catalog), str(missing), "-v", "--format", fmt)
    quiet = run_cli("check", str(report_catalog), "--format", fmt)
    assert noisy.exit_code == 2 and quiet.exit_code == 1
    expected = quiet.stdout
    if fmt == "text":  # the summary line says what was not linted; the error itself is not here
        expected = expected.replace(" (profile", "; 1 input could not be read (profile")
    assert noisy.stdout == expected  # notes and errors went to stderr only
    assert "listlint: error:" in noisy.stderr and "listlint: checks:" in noisy.stderr
    assert quiet.stderr == ""


def test_real_process_keeps_streams_apart(report_catalog: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "listlint", "check", str(report_catalog), "-v", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["summary"]["listings"] == 5
    assert "listlint: config:" in proc.stderr


def test_validators_skip_without_the_folder_and_fail_when_required(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(REQUIRE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="not found"):
        validator_file("junit-windyroad.xsd", tmp_path / "absent")
    monkeypatch.setenv(REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE}=1"):
        validator_file("junit-windyroad.xsd", tmp_path / "absent")


def test_an_unwritable_output_is_one_line_and_exit_2(
    report_catalog: Path, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    run = tmp_path / "run.json"
    run_cli("check", str(report_catalog), "-o", str(run))
    target = tmp_path / "no" / "such" / "folder" / "out.sarif"
    result = run_cli("report", str(run), "-o", str(target))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "cannot write report" in result.stderr
