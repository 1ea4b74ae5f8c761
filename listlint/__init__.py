"""listlint: a quality linter for e-commerce product listings."""

# Read by the build (pyproject.toml's dynamic version) and by --version: a constant, because
# asking importlib.metadata for it costs more than the rest of start-up's imports.
__version__ = "0.1.0"
