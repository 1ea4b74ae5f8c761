"""The README's CI recipes are copy-paste ready: valid YAML, real options, and they run."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from listlint.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _section() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    return text.split("## Continuous integration\n", 1)[1].split("\n## ", 1)[0]


def _yaml_blocks() -> list[Any]:
    blocks = re.findall(r"```yaml\n(.*?)```", _section(), re.S)
    assert len(blocks) == 3, "GitHub Actions, GitLab CI and pre-commit"
    return [yaml.safe_load(block) for block in blocks]


def _github() -> dict[str, Any]:
    workflow = _yaml_blocks()[0]
    assert isinstance(workflow, dict)
    return workflow


def _commands(script: str) -> list[str]:
    """The listlint command lines of a shell script."""
    return [line.strip() for line in script.splitlines() if line.strip().startswith("listlint ")]


def _parses(command: str) -> None:
    """The command line uses only options and choices the real CLI has."""
    args = shlex.split(command.split(">>")[0])[1:]
    sub = cli.commands[args[0]]
    try:
        sub.make_context(args[0], args[1:])
    except click.ClickException as error:
        pytest.fail(f"{command}: {error.format_message()}")


def test_every_command_in_the_section_is_valid() -> None:
    steps = _github()["jobs"]["listlint"]["steps"]
    scripts = [str(step.get("run", "")) for step in steps]
    scripts += [str(line) for line in _yaml_blocks()[1]["listlint"]["script"]]
    inline = re.findall(r"`(listlint (?:check|report) [^`]+)`", _section().replace("\n", " "))
    commands = [c for script in scripts for c in _commands(script)] + inline
    assert len(commands) >= 5
    for command in commands:
        _parses(command)


def test_github_job_uploads_sarif_and_writes_a_summary() -> None:
    workflow = _github()
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["listlint"]["steps"]
    upload = next(
        s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")
    )
    assert upload["if"].startswith("always()")
    scripts = "\n".join(str(s.get("run", "")) for s in steps)
    assert f"-o {upload['with']['sarif_file']}" in scripts
    assert '--format markdown >> "$GITHUB_STEP_SUMMARY"' in scripts
    assert "|| true" not in scripts
    for step in steps[
        steps.index(next(s for s in steps if "check" in str(s.get("run", "")))) + 1 :
    ]:
        assert str(step.get("if", "")).startswith("always()"), step  # run after a failed check


def test_gitlab_job_keeps_the_code_quality_report() -> None:
    job = _yaml_blocks()[1]["listlint"]
    report = job["artifacts"]["reports"]["codequality"]
    assert any(f"--format gitlab -o {report}" in line for line in job["script"])
    assert job["artifacts"]["when"] == "always"


def test_pre_commit_snippet_is_valid_and_matches_the_manifest(tmp_path: Path) -> None:
    config = _yaml_blocks()[2]
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    [hook] = config["repos"][0]["hooks"]
    [published] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    for key in ("id", "entry", "language", "files", "exclude", "require_serial"):
        assert hook[key] == published[key], key


def test_github_steps_run_as_written(tmp_path: Path) -> None:
    """The job's listlint steps, in bash as the runner would, on a catalog with a defect."""
    (tmp_path / "catalog").mkdir()
    record = {"id": "T1", "title": "Cotton Tee", "category": "T-Shirts",
              "attributes": {"color": "navy", "material": "cotton"}}  # fmt: skip
    (tmp_path / "catalog" / "tees.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary),
           "LISTLINT_CACHE_DIR": str(tmp_path / "cache")}  # fmt: skip
    codes = []
    for step in _github()["jobs"]["listlint"]["steps"]:
        script = "\n".join(_commands(str(step.get("run", ""))))
        if script:
            done = subprocess.run(
                ["bash", "-e", "-c", script.replace("listlint ", f"{sys.executable} -m listlint ")],
                capture_output=True, text=True, cwd=tmp_path, env=env,
            )  # fmt: skip
            codes.append(done.returncode)
    assert codes == [1, 0]  # the check fails the job (missing size); rendering succeeds
    sarif = json.loads((tmp_path / "listlint.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0"
    assert "missing-size" in summary.read_text("utf-8")
