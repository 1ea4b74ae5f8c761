"""Linting a catalog on a Dask distributed cluster: ``pip install 'listlint[dask]'``.

``listlint check --scheduler tcp://HOST:8786 PATH...`` or, from Python,
``listlint.distributed.run(paths, scheduler="tcp://HOST:8786")``: the catalog is cut into parts
(whole files; big JSON Lines files into byte ranges of whole lines), each part is linted by a
worker, and the findings come back as the same RunResult, with the same findings in the same
order, as a single process gives. See partitions.py (the cut), worker.py (a part's run) and
client.py (gathering, and replaying the checks that compare listings across parts).

Importing this package does not import dask: a run does, and says how to install it if missing.
"""

from __future__ import annotations

from listlint.distributed.client import (
    NEEDS_EXTRA,
    DistributedError,
    DistributedRunner,
    parse_size,
    run,
)
from listlint.distributed.partitions import DEFAULT_PARTITION_SIZE, Files, Lines, partition

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "NEEDS_EXTRA",
    "DistributedError",
    "DistributedRunner",
    "Files",
    "Lines",
    "parse_size",
    "partition",
    "run",
]
