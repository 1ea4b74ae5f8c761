"""Fixtures of the browser tests: Debian's Chromium through Playwright, axe-core and vnu.

They skip with a reason when a tool is missing, unless CI asks for them:
``LISTLINT_REQUIRE_BROWSER=1`` makes a missing Chromium, Playwright or axe-core a failure, and
``LISTLINT_REQUIRE_VALIDATORS=1`` a missing Nu Html Checker (vnu.jar) or Java. The node
packages are looked up in ``$LISTLINT_NODE_MODULES``, else ``.ci/node_modules`` (where
``.ci/run`` installs them), else ``node_modules``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")


def _required(variable: str) -> bool:
    return os.environ.get(variable, "") not in ("", "0")


def unavailable(reason: str, variable: str) -> None:
    """Skip, or fail when ``variable`` says the tool is required."""
    if _required(variable):
        pytest.fail(f"{reason} ({variable} is set, so this is required)")
    pytest.skip(reason)


def node_package(*parts: str) -> Path | None:
    folders = [os.environ.get("LISTLINT_NODE_MODULES", "")]
    folders += [str(ROOT / ".ci" / "node_modules"), str(ROOT / "node_modules")]
    for folder in folders:
        if folder and Path(folder, *parts).is_file():
            return Path(folder, *parts)
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is not installed", "LISTLINT_REQUIRE_BROWSER")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed", "LISTLINT_REQUIRE_BROWSER")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = node_package("axe-core", "axe.min.js")
    if path is None:
        unavailable(
            "axe-core is not installed (npm install --prefix .ci axe-core)",
            "LISTLINT_REQUIRE_BROWSER",
        )
    assert path is not None
    return path.read_text("utf-8")


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that runs the Nu Html Checker, without the file to check."""
    jar = node_package("vnu-jar", "build", "dist", "vnu.jar")
    java = shutil.which("java")
    if jar is None or java is None:
        missing = "vnu.jar (npm install --prefix .ci vnu-jar)" if jar is None else "java"
        unavailable(f"{missing} is not installed", "LISTLINT_REQUIRE_VALIDATORS")
    assert jar is not None and java is not None
    return [java, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout"]
