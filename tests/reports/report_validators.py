"""The external validators in ../shared/validators: found, skipped with a reason, or required.

They are data files kept beside the project, not in it. A test that needs one skips when the
folder is absent, unless LISTLINT_REQUIRE_VALIDATORS=1 (CI sets it): then it fails, so a CI run
can never pass without having validated the output.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

import pytest

VALIDATORS = Path(__file__).resolve().parents[2].parent / "shared" / "validators"
REQUIRE = "LISTLINT_REQUIRE_VALIDATORS"


def required() -> bool:
    return os.environ.get(REQUIRE, "") == "1"


def validator_file(name: str, folder: Path = VALIDATORS) -> Path:
    """The path of validator ``name``; skips (or fails, when required) if it is not there."""
    path = folder / name
    if not path.is_file():
        reason = f"validator {name} not found in {folder} (the ../shared/validators folder)"
        if required():
            pytest.fail(f"{REQUIRE}=1 but {reason}")
        pytest.skip(reason)
    return path


def validator_module(name: str) -> ModuleType:
    """Import a validating library; skips (or fails, when required) if it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        reason = f"{name} is not installed (pip install -e '.[test]')"
        if required():
            pytest.fail(f"{REQUIRE}=1 but {reason}")
        pytest.skip(reason)
