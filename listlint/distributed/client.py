"""The Dask side of a partitioned run: connect, submit, gather.

:class:`DistributedRunner` is a :class:`~listlint.distributed.partitioned.PartitionedRunner`
whose parts are linted by the workers of a Dask cluster; cutting and merging (so that the
result equals a single-process run's, finding for finding) are the base class's.

The workers read the catalog themselves, by path: the client and every worker must see it at
the same path (a shared filesystem: NFS, a cloud file store, the same mount everywhere), and
so must the images it names. Dask itself is imported only here, and only when a run starts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from listlint.check import Check
from listlint.config import Settings
from listlint.distributed.partitioned import PartitionedRunner
from listlint.distributed.partitions import DEFAULT_PARTITION_SIZE, Part
from listlint.distributed.worker import Outcome, lint_part
from listlint.loaders.source import STDIN
from listlint.runner import RunResult

if TYPE_CHECKING:
    from distributed import Client

NEEDS_EXTRA = "--scheduler needs the dask extra: pip install 'listlint[dask]'"
# Seconds to wait for the scheduler before saying it cannot be reached, and for a first worker.
CONNECT_TIMEOUT = 10
WORKERS_TIMEOUT = 30


class DistributedError(Exception):
    """The cluster cannot be used: dask is missing, the scheduler is unreachable, or a part
    cannot be sent; the message says which, in one line."""


class DistributedRunner(PartitionedRunner):
    """A Runner whose run lints the parts of the catalog on a Dask cluster.

    ``scheduler`` is the scheduler's address (``tcp://host:8786``) or a connected
    ``distributed.Client`` (which is then left open); ``partition_size`` is about how many
    bytes of catalog one task reads. The other arguments are Runner's; they must pickle
    (callbacks stay in the client: notes and progress are passed on as parts come back).
    """

    def __init__(
        self,
        checks: Sequence[type[Check]],
        settings: Settings,
        *,
        scheduler: str | Client,
        partition_size: int = DEFAULT_PARTITION_SIZE,
        **options: Any,
    ) -> None:
        _distributed()  # before anything is read: is the extra installed at all?
        super().__init__(checks, settings, partition_size=partition_size, **options)
        self.scheduler = scheduler

    def run(self, paths: Sequence[str]) -> RunResult:
        if STDIN in paths:
            raise DistributedError(
                "standard input cannot be linted on a cluster: save it to a file the workers "
                "can read"
            )
        return super().run(paths)

    def _lint_parts(self, parts: list[Part]) -> Iterator[Outcome]:
        with _connected(self.scheduler) as client:
            try:
                yield from self._outcomes(client, parts)
            except DistributedError:
                raise
            except Exception as exc:  # the scheduler went away, the run was cancelled
                raise DistributedError(f"the cluster failed: {_one_line(exc)}") from None

    def _outcomes(self, client: Client, parts: list[Part]) -> Iterator[Outcome]:
        """Each part's outcome, in order, as soon as it and the parts before it are done."""
        from distributed import as_completed

        try:  # a scheduler without workers would keep the parts waiting for ever
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except Exception:
            address = str(getattr(client.scheduler, "address", self.scheduler))
            raise DistributedError(
                f"the Dask scheduler at {address} has no workers (none joined within "
                f"{WORKERS_TIMEOUT:g} seconds): start some with `dask worker {address}`"
            ) from None
        try:
            job = client.scatter(self._job(), broadcast=True)
        except Exception as exc:
            raise DistributedError(
                f"cannot send the run to the cluster: {_one_line(exc)}"
            ) from None
        futures = {
            client.submit(lint_part, job, part, pure=False): (index, part)
            for index, part in enumerate(parts)
        }
        done: dict[int, Outcome] = {}  # arrived ahead of a part before them
        listings = images = following = 0
        for future in as_completed(futures, loop=client.loop):
            index, part = futures.pop(future)
            done[index] = outcome = _outcome(future, part)
            future.release()
            listings += outcome.listings
            images += outcome.images
            if self.on_progress is not None:
                self.on_progress(listings, images)
            while following in done:
                yield done.pop(following)
                following += 1


def run(
    paths: Sequence[str],
    *,
    scheduler: str | Client,
    checks: Sequence[type[Check]] | None = None,
    settings: Settings | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    **options: Any,
) -> RunResult:
    """Lint ``paths`` on the Dask cluster at ``scheduler`` (an address or a Client).

    ``checks`` default to the configured selection (the built-ins and plugins, as ``listlint
    check`` chooses them with ``settings``); ``options`` are Runner's keyword arguments
    (profile, encoding, load_options, image_options, previous, today, keep_records, ...).
    Raises DistributedError when the cluster cannot be used.
    """
    settings = settings or Settings()
    if checks is None:
        from listlint.registry import load_registry
        from listlint.selection import resolve

        checks = resolve(load_registry(), settings, [], [], [])
    runner = DistributedRunner(
        checks, settings, scheduler=scheduler, partition_size=partition_size, **options
    )
    return runner.run(paths)


def parse_size(text: str) -> int:
    """Bytes from "16M", "512k", "1G", "16MiB" or a plain number (k, M, G: powers of 1024)."""
    cleaned = text.strip().lower().removesuffix("ib").removesuffix("b")
    factor = 1
    for suffix, power in (("k", 1), ("m", 2), ("g", 3)):
        if cleaned.endswith(suffix):
            cleaned, factor = cleaned[:-1], 1024**power
            break
    try:
        size = int(float(cleaned) * factor)
    except ValueError:
        raise ValueError(f"not a size: {text!r} (e.g. 16M, 512k, 1G)") from None
    if size < 1:
        raise ValueError(f"not a size: {text!r} (it must be positive)")
    return size


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise DistributedError(NEEDS_EXTRA) from None
    return distributed


@contextmanager
def _connected(scheduler: str | Client) -> Iterator[Client]:
    distributed = _distributed()
    if not isinstance(scheduler, str):
        yield scheduler
        return
    try:
        _check_address(scheduler)  # a Client refused its address lingers, then fails noisily
        client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as exc:  # OSError, TimeoutError, ValueError for a malformed address
        raise DistributedError(
            f"cannot reach the Dask scheduler at {scheduler}: {_one_line(exc)}"
        ) from None
    try:
        yield client
    finally:
        client.close()


def _check_address(address: str) -> None:
    """Raise ValueError for an address no Dask scheduler can have: no port, unknown scheme."""
    from distributed.comm.addressing import parse_address, parse_host_port
    from distributed.comm.registry import get_backend

    protocol, location = parse_address(address)
    get_backend(protocol)  # ValueError: unknown address scheme
    if protocol in ("tcp", "tls", "ws", "wss"):
        parse_host_port(location)  # ValueError: missing port number


def _outcome(future: Any, part: Part) -> Outcome:
    """The future's outcome; a part the cluster could not lint (a worker died, listlint is
    missing there) becomes an error of the run, as an unreadable file is."""
    try:
        outcome = future.result()
    except Exception as exc:
        return Outcome(errors=[f"{part}: the cluster could not lint it: {_one_line(exc)}"])
    if not isinstance(outcome, Outcome):
        return Outcome(errors=[f"{part}: the cluster sent back {type(outcome).__name__}"])
    return outcome


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if type(exc).__name__ not in text else text
