"""The pre-commit hook that `.pre-commit-hooks.yaml` offers: valid, and it picks catalogs only."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from listlint.loaders import SUPPORTED_SUFFIXES

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def _hook() -> dict[str, object]:
    [hook] = yaml.safe_load(MANIFEST.read_text("utf-8"))
    assert isinstance(hook, dict)
    return hook


def _picked(path: str) -> bool:
    """Whether pre-commit passes ``path`` to the hook: `files` matches and `exclude` does not."""
    hook = _hook()
    files, exclude = str(hook["files"]), str(hook["exclude"])
    return bool(re.search(files, path)) and not re.search(exclude, path)


def test_manifest_is_valid_for_pre_commit() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_runs_listlint_check_on_the_files() -> None:
    hook = _hook()
    assert hook["id"] == "listlint"
    assert hook["entry"] == "listlint check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True


def test_files_regex_covers_every_catalog_suffix() -> None:
    for suffix in SUPPORTED_SUFFIXES:
        assert _picked(f"catalog/products{suffix}"), suffix
        assert _picked(f"EXPORT{suffix.upper()}"), suffix
    for name in ("catalog.csv", "feeds/google.xml", "shop/listings.jsonl", "a/b/c.yml"):
        assert _picked(name), name


def test_other_files_are_left_alone() -> None:
    for name in (
        "README.md", "images/tee.jpg", "catalog.csv.bak", "catalog.jsonl.gz", "notes.txt",
        "pyproject.toml", "listlint.toml", "csv", "catalog_csv",
        ".pre-commit-config.yaml", ".github/workflows/lint.yml", ".gitlab-ci.yml",
        "web/package.json", "package-lock.json", "tsconfig.json", "pom.xml",
    ):  # fmt: skip
        assert not _picked(name), name
