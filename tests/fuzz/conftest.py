"""Hypothesis profiles for the fuzz tests.

``ci`` (the default) is derandomized: the same examples on every run, bounded to keep the whole
fuzz suite well under two minutes. ``LISTLINT_FUZZ=long`` selects ``long``: random seeds and
many more examples, for a run by hand or a nightly job. Neither keeps an example database, so
nothing is written into the repository; a failure prints the seed (or blob) to reproduce it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

_SLOW_INPUTS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=50,
    deadline=None,  # wall time on a shared CI runner varies; tests bound hangs themselves
    database=None,
    suppress_health_check=_SLOW_INPUTS,
)
settings.register_profile(
    "long",
    max_examples=1500,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=_SLOW_INPUTS,
)
settings.load_profile(os.environ.get("LISTLINT_FUZZ", "ci"))


@pytest.fixture(scope="module", autouse=True)
def _image_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """In-process CLI runs keep any image cache in a temporary folder, never in the project."""
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("LISTLINT_CACHE_DIR")
    os.environ["LISTLINT_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["LISTLINT_CACHE_DIR"]
    else:
        os.environ["LISTLINT_CACHE_DIR"] = previous
