"""listlint: a quality linter for e-commerce product listings."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("listlint")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
