"""How a run measures images: workers, cache, allowed folders, network limits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CACHE_DIR = ".listlint_cache"  # in the config file's folder, else the working directory
DEFAULT_TIMEOUT = 10.0  # seconds, per request
DEFAULT_MAX_DOWNLOAD = 32 * 1024 * 1024  # twice Google's 16 MB, so image-too-large can say so


@dataclass(frozen=True)
class ImageOptions:
    jobs: int = 0  # worker processes; 0: one per core
    cache_dir: Path | None = None  # None: no cache (--no-cache)
    roots: tuple[Path, ...] = ()  # folders images may live in besides the catalog's
    timeout: float = DEFAULT_TIMEOUT
    max_download: int = DEFAULT_MAX_DOWNLOAD
