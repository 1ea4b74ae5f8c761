"""History: --previous and --previous-ref give the history checks the previous catalog."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HISTORY = "price-change,stock-drop-to-zero,stale-listing"


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Catalog Bot", "-c", "user.email=bot@example.com",
         "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty git repository in tmp_path, the working directory of the test."""
    root = tmp_path / "shop"
    root.mkdir()
    _git(root, "init", "-q")
    monkeypatch.chdir(root)
    monkeypatch.setenv("LISTLINT_TODAY", "2026-11-27")
    return root


def _findings(result: Result) -> list[tuple[str, str]]:
    return [(f["listing_id"], f["name"]) for f in json.loads(result.stdout)["findings"]]


MUG = {"id": "MUG-1", "title": "Ceramic Mug", "price": 12.0, "stock": 30,
       "updated_at": "2026-11-20"}  # fmt: skip
TEE = {"id": "TEE-1", "title": "Linen Tee", "category": "Tops/Tees", "price": 25.0, "stock": 8,
       "attributes": {"color": "White", "material": "Linen"},
       "updated_at": "2026-11-20"}  # fmt: skip
BOWL = {"id": "BOWL-1", "title": "Stoneware Bowl", "price": 18.0, "stock": -1,
        "updated_at": "2026-11-20"}  # fmt: skip


@needs_git
def test_previous_ref_and_baseline_in_a_git_repository(repo: Path, run_cli: Run) -> None:
    """The catalog team's CI: compare with the last commit, fail only on new findings."""
    catalog = _jsonl(repo / "catalog" / "products.jsonl", [MUG, TEE, BOWL])
    (repo / "listlint.toml").write_text(
        'select = ["LL7", "missing-size", "negative-stock"]\n', "utf-8"
    )
    # Commit 1: the catalog with two known defects (TEE-1 has no size, BOWL-1 negative stock),
    # and the baseline that records them.
    made = run_cli("baseline", "catalog", "-o", "listlint-baseline.json")
    assert made.exit_code == 0, made.output
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "catalog and its baseline")

    # Commit 2: rows reordered and shifted by a new first listing; the mug's price jumps from
    # 12 to 19.5, the bowl sells out of nothing new, and the new listing has a defect of its own.
    new = {"id": "CUP-1", "title": "Espresso Cup", "price": 6.0, "stock": -4,
           "updated_at": "2026-11-26"}  # fmt: skip
    _jsonl(catalog, [new, BOWL, TEE, {**MUG, "price": 19.5}])
    _git(repo, "commit", "-q", "-a", "-m", "new prices")

    result = run_cli("check", "catalog", "--previous-ref", "HEAD~1", "--format", "json")
    assert result.exit_code == 1, result.output
    found = _findings(result)
    assert ("MUG-1", "price-change") in found
    assert [f for f in found if f[1] == "price-change"] == [("MUG-1", "price-change")]
    (change,) = [f for f in json.loads(result.stdout)["findings"] if f["name"] == "price-change"]
    assert change["message"].startswith("Price moved from 12 to 19.5 (+62%)")
    assert change["source"] == {"path": "catalog/products.jsonl", "line": 4}
    assert {("TEE-1", "missing-size"), ("BOWL-1", "negative-stock")} <= set(found)

    with_baseline = run_cli(
        "check", "catalog", "--previous-ref", "HEAD~1", "--baseline", "listlint-baseline.json",
        "--format", "json",
    )  # fmt: skip
    assert with_baseline.exit_code == 1, with_baseline.output
    assert sorted(_findings(with_baseline)) == [
        ("CUP-1", "negative-stock"),
        ("MUG-1", "price-change"),
    ]
    assert "2 known finding(s) not reported, 2 new; 0 baseline entries are fixed" in (
        with_baseline.stderr
    )
    # Comparing the commit with itself: no history finding, and only the new defect fails.
    same = run_cli("check", "catalog", "--previous-ref", "HEAD", "--baseline",
                   "listlint-baseline.json", "--format", "json")  # fmt: skip
    assert _findings(same) == [("CUP-1", "negative-stock")]


@needs_git
def test_previous_ref_reads_paths_relative_to_the_repository_root(
    repo: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _jsonl(repo / "data" / "feed.jsonl", [MUG])
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "one")
    _jsonl(repo / "data" / "feed.jsonl", [{**MUG, "stock": 0}])
    monkeypatch.chdir(repo / "data")  # run from a subfolder, naming the file relatively
    result = run_cli("check", "feed.jsonl", "--previous-ref", "HEAD", "--select", HISTORY)
    assert result.exit_code == 0  # stock-drop-to-zero is info
    assert "stock-drop-to-zero: Stock dropped from 30 to 0" in result.stdout


@needs_git
def test_previous_ref_errors_are_one_line_and_exit_2(
    repo: Path, run_cli: Run, tmp_path: Path
) -> None:
    _jsonl(repo / "old.jsonl", [MUG])
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "one")
    _jsonl(repo / "new.jsonl", [TEE])
    outside = _jsonl(tmp_path / "elsewhere" / "catalog.jsonl", [MUG])
    cases = {
        ("new.jsonl", "HEAD"): "new.jsonl: did not exist at git revision 'HEAD'",
        ("old.jsonl", "no-such-branch"): "unknown git revision 'no-such-branch'",
        ("old.jsonl", "--output=x"): "'--output=x' is not a git revision",
        (str(outside), "HEAD"): "is not in a git repository",
    }
    for (path, ref), message in cases.items():
        result = run_cli("check", path, "--previous-ref", ref)
        assert result.exit_code == 2, (path, ref)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("listlint: error: "), lines
        assert message in lines[0]
    # A file found in a named folder that is new since the revision: said, and linted.
    result = run_cli("check", ".", "--previous-ref", "HEAD", "--select", HISTORY)
    assert result.exit_code == 0, result.output
    assert "new.jsonl: new since HEAD: its listings have no previous version" in result.stderr


def test_previous_path(tmp_path: Path, run_cli: Run) -> None:
    before = _jsonl(tmp_path / "before" / "catalog.jsonl", [MUG, TEE])
    now = _jsonl(tmp_path / "now" / "catalog.jsonl", [{**TEE, "stock": 0}, {**MUG, "price": 6.0}])
    result = run_cli(
        "check", str(now), "--previous", str(before), "--select", HISTORY, "--format", "json"
    )
    assert result.exit_code == 0, result.output  # a warning and an info
    assert sorted(_findings(result)) == [("MUG-1", "price-change"), ("TEE-1", "stock-drop-to-zero")]
    # Without a previous version the history checks are silent.
    alone = run_cli("check", str(now), "--select", HISTORY, "--format", "json")
    assert _findings(alone) == []


def test_previous_errors(tmp_path: Path, run_cli: Run) -> None:
    now = _jsonl(tmp_path / "catalog.jsonl", [MUG])
    missing = run_cli("check", str(now), "--previous", str(tmp_path / "nope.jsonl"))
    assert missing.exit_code == 2
    assert "--previous:" in missing.stderr and "no such file" in missing.stderr
    stdin = run_cli("check", str(now), "--previous", "-")
    assert stdin.exit_code == 2
    assert "--previous cannot read stdin" in stdin.stderr
    both = run_cli("check", str(now), "--previous", str(now), "--previous-ref", "HEAD")
    assert both.exit_code == 2
    assert "give --previous or --previous-ref, not both" in both.stderr


def test_stale_listing_judges_against_listlint_today(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = _jsonl(tmp_path / "catalog.jsonl", [{**MUG, "updated_at": "2026-10-01"}])
    monkeypatch.setenv("LISTLINT_TODAY", "2026-10-20")
    assert "stale-listing" not in run_cli("check", str(catalog), "--select", HISTORY).stdout
    monkeypatch.setenv("LISTLINT_TODAY", "2026-11-27")
    result = run_cli("check", str(catalog), "--select", HISTORY)
    assert "Last updated 2026-10-01, 57 days before 2026-11-27 (more than 30)" in result.stdout
    monkeypatch.setenv("LISTLINT_TODAY", "someday")
    bad = run_cli("check", str(catalog))
    assert bad.exit_code == 2
    assert "LISTLINT_TODAY must be a date like 2026-11-27" in bad.stderr


def test_a_bad_history_option_in_the_config_is_exit_2(tmp_path: Path, run_cli: Run) -> None:
    catalog = _jsonl(tmp_path / "catalog.jsonl", [MUG])
    (tmp_path / "listlint.toml").write_text(
        '[options.stale-listing]\ntoday = "tomorrow"\n', "utf-8"
    )
    result = run_cli("check", str(catalog))
    assert result.exit_code == 2
    assert "options.stale-listing: today must be a date like 2026-11-27" in result.stderr


@needs_git
def test_a_shallow_clone_is_told_to_fetch_more_history(
    repo: Path, run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _jsonl(repo / "catalog.jsonl", [MUG])
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "one")
    _jsonl(repo / "catalog.jsonl", [{**MUG, "price": 30.0}])
    _git(repo, "commit", "-q", "-a", "-m", "two")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    result = run_cli("check", "catalog.jsonl", "--previous-ref", "HEAD~1")
    assert result.exit_code == 2
    assert "unknown git revision 'HEAD~1'" in result.stderr
    assert "a shallow clone: fetch more history" in result.stderr
