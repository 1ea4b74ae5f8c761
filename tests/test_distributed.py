"""Linting on a Dask cluster (listlint[dask]) gives exactly the single-process run's report.

One in-process LocalCluster (two workers of one thread) serves the module. The catalogs are
cut small (a few kB a part), so a duplicate id spans parts, a broken line sits in a later part,
and a damaged byte makes the client lint a cut file whole. The tests skip when dask is not
installed, unless LISTLINT_REQUIRE_DASK=1 (CI installs the extra and sets it): then they fail.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from partitioned_listings import numbered_record

from listlint.config import Settings
from listlint.distributed import (
    NEEDS_EXTRA,
    DistributedError,
    Files,
    Lines,
    parse_size,
    partition,
)
from listlint.distributed.worker import Job, lint_part
from listlint.images.options import ImageOptions
from listlint.loaders import LoadOptions
from listlint.registry import load_registry
from listlint.runner import Runner
from listlint.selection import resolve


def _cluster_address_or_skip() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("LISTLINT_REQUIRE_DASK", "") not in ("", "0"):
            pytest.fail("dask is not installed (LISTLINT_REQUIRE_DASK is set, so it is required)")
        pytest.skip("dask is not installed: pip install 'listlint[dask]'")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    _cluster_address_or_skip()
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster, set_as_default=False) as connected,
    ):
        yield connected


def _big_jsonl(path: Path, count: int = 400) -> Path:
    """JSON Lines of ``count`` listings: line 350 reuses line 3's id, line 200 is broken, line
    120 is blank."""
    lines = []
    for number in range(1, count + 1):
        if number == 200:
            lines.append('{"id": "BROKEN-1", "title": "Broken", "price": }')
        elif number == 120:
            lines.append("")
        else:
            listing_id = "L00003" if number == 350 else None
            lines.append(json.dumps(numbered_record(number, listing_id)))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _catalog(folder: Path) -> Path:
    """A folder of catalogs: JSON Lines, JSON, CSV and YAML; an id repeated across files."""
    folder.mkdir()
    for index in range(3):
        records = [numbered_record(index * 30 + number) for number in range(30)]
        with (folder / f"part-{index}.jsonl").open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(record) + "\n" for record in records)
    (folder / "extra.json").write_text(
        json.dumps([numbered_record(5), numbered_record(900)]), "utf-8"
    )
    (folder / "table.csv").write_text(
        "id,title,category,color,price\n"
        "C1,Wool Scarf,Clothing,grey,20\n"
        "L00007,Wool Hat,Clothing,,15\n"  # also in part-0.jsonl
        'C3,"Quoted, Title",Home,,-1\n',
        "utf-8",
    )
    (folder / "more.yaml").write_text(
        "- id: Y1\n  title: Yoga Mat\n- id: C1\n  title: Wool Scarf again\n", "utf-8"
    )
    return folder


def _json_report(result: Result) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_a_big_json_lines_file_cut_into_ranges_reports_as_one_process(
    client: Any, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    path = _big_jsonl(tmp_path / "catalog.jsonl")
    parts = partition([str(path)], 4096)
    assert len(parts) >= 5 and all(isinstance(part, Lines) for part in parts)

    single = run_cli("check", str(path), "--format", "json", "-v")
    address = client.scheduler.address
    cluster = run_cli(
        "check", str(path), "--format", "json", "-v",
        "--scheduler", address, "--partition-size", "4k",
    )  # fmt: skip

    assert cluster.exit_code == single.exit_code == 1
    assert cluster.stdout == single.stdout
    assert cluster.stderr == single.stderr  # -v: the file's encoding and format, once
    assert f"{path}: read as utf-8" in cluster.stderr
    report = _json_report(cluster)
    duplicate = [f for f in report["findings"] if f["name"] == "duplicate-id"]
    assert [(f["listing_id"], f["source"]["line"]) for f in duplicate] == [("L00003", 350)]
    assert duplicate[0]["message"].endswith(f"{path}:3")
    broken = [f for f in report["findings"] if f["name"] == "invalid-listing"]
    assert [(f["listing_id"], f["source"]) for f in broken] == [
        ("BROKEN-1", {"path": str(path), "line": 200})
    ]
    assert report["summary"]["listings"] == 399  # every non-blank line


def test_a_baseline_written_on_the_cluster_is_the_single_process_one(
    client: Any, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    path = _big_jsonl(tmp_path / "catalog.jsonl")
    single, cluster = tmp_path / "single.json", tmp_path / "cluster.json"
    assert run_cli("baseline", str(path), "-o", str(single), "-q").exit_code == 0
    result = run_cli(
        "baseline", str(path), "-o", str(cluster), "-q",
        "--scheduler", client.scheduler.address, "--partition-size", "4k",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert cluster.read_bytes() == single.read_bytes()


def test_a_folder_of_many_files_reports_as_one_process(
    client: Any, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    folder = _catalog(tmp_path / "catalog")
    single = run_cli("check", str(folder), "--format", "json", "-v")
    cluster = run_cli(
        "check", str(folder), "--format", "json", "-v",
        "--scheduler", client.scheduler.address, "--partition-size", "1k",
    )  # fmt: skip
    assert cluster.exit_code == single.exit_code == 1
    assert cluster.stdout == single.stdout
    assert cluster.stderr == single.stderr
    report = _json_report(cluster)
    duplicate = {f["listing_id"] for f in report["findings"] if f["name"] == "duplicate-id"}
    assert duplicate == {"C1", "L00005", "L00007"}  # across files, and so across parts


def test_the_example_catalog_with_its_photos_reports_as_one_process(
    client: Any, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    # CSV and JSON Lines, a config, photos measured (and cached) by the workers.
    monkeypatch.setenv("LISTLINT_TODAY", "2026-11-27")
    folder = str(Path(__file__).resolve().parents[1] / "examples")
    args = ["check", f"{folder}/catalog.jsonl", f"{folder}/catalog.csv", "--format", "json"]
    single = run_cli(*args)
    cluster = run_cli(*args, "--scheduler", client.scheduler.address, "--partition-size", "1k")
    assert cluster.exit_code == single.exit_code == 1
    assert cluster.stdout == single.stdout
    assert '"name": "image-' in cluster.stdout


def test_a_json_lines_file_that_is_not_plain_utf8_is_linted_whole(
    client: Any, tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The client judges a file's start by its first 32 kB here (256 kB in earnest): the damage,
    # further on, is found by the pass that counts lines, and the file is not cut.
    monkeypatch.setattr("listlint.distributed.partitions._HEAD", 32 * 1024)
    path = _big_jsonl(tmp_path / "catalog.jsonl")
    assert len(partition([str(path)], 4096)) > 1
    data = path.read_bytes()
    at = data.index(b"Listing number 300,")
    assert at > 32 * 1024
    path.write_bytes(data[:at] + b"Listing \xe9 " + data[at:])  # one Latin-1 byte, late
    assert partition([str(path)], 4096) == [Files((str(path),))]
    single = run_cli("check", str(path), "--format", "json")
    cluster = run_cli(
        "check", str(path), "--format", "json",
        "--scheduler", client.scheduler.address, "--partition-size", "4k",
    )  # fmt: skip
    assert cluster.exit_code == single.exit_code
    assert cluster.stdout == single.stdout
    assert '"line": 300' in single.stdout  # the damaged record, reported where it is


def test_a_worker_reports_a_range_that_changed_since_the_cut(tmp_path: Path) -> None:
    path = _big_jsonl(tmp_path / "catalog.jsonl")
    parts = partition([str(path)], 4096)
    job = Job(
        checks=tuple(resolve(load_registry(), Settings(), ["duplicate-id"], [], [])),
        settings=Settings(), profile=None, encoding=None, load_options=LoadOptions(),
        image_options=ImageOptions(), previous={}, today=date(2026, 11, 27),
        keep_records=True, cwd=os.getcwd(),
    )  # fmt: skip
    outcome = lint_part(job, parts[1])
    assert (outcome.listings, outcome.errors, outcome.findings) == (26, [], [])
    assert [mark[1:3] for mark in outcome.marks[:2]] == [("LL002", "L00027"), ("LL002", "L00028")]
    path.write_bytes(b"\0" * path.stat().st_size)
    outcome = lint_part(job, parts[1])
    assert outcome.errors == [f"{parts[1]}: the file changed while it was linted; lint it again"]
    assert outcome.listings == 0


def test_previous_today_profile_and_config_travel_to_the_workers(
    client: Any, tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LISTLINT_TODAY", "2026-11-27")
    records = [
        {**numbered_record(n), "price": 10.0 + n, "updated_at": f"2026-{1 + n % 11:02d}-01"}
        for n in range(60)
    ]
    path = tmp_path / "catalog.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    previous = tmp_path / "previous.jsonl"
    previous.write_text(
        "".join(json.dumps({**r, "price": r["price"] * 3}) + "\n" for r in records[::2]), "utf-8"
    )
    (tmp_path / "listlint.toml").write_text(
        '[options.stale-listing]\nmax-age-days = 100\n[severity]\nprice-change = "error"\n',
        "utf-8",
    )
    args = ["check", str(path), "--format", "json", "--previous", str(previous)]
    args += ["--profile", "ebay", "--select", "price-change,stale-listing,title-too-long"]
    single = run_cli(*args)
    cluster = run_cli(*args, "--scheduler", client.scheduler.address, "--partition-size", "2k")
    assert cluster.exit_code == single.exit_code == 1
    assert cluster.stdout == single.stdout
    names = {f["name"] for f in _json_report(cluster)["findings"]}
    assert names == {"price-change", "stale-listing"}


def test_the_python_api_returns_the_single_process_result(
    client: Any, tmp_path: Path, write_jsonl: Callable[..., Path]
) -> None:
    from listlint import distributed

    records = [
        {"id": f"P{n}", "title": "Plain Tee", "category": "Clothing", "images": [photo]}
        for n, photo in enumerate(["navy-tee.jpg", "red-tee.jpg", "navy-tee.jpg"] * 4)
    ]
    records.append({"id": "P0", "title": "Plain Tee", "images": ["red-tee.jpg"]})
    path = write_jsonl(records)
    settings = Settings()
    checks = resolve(load_registry(), settings, ["duplicate-id", "image-reused", "LL2"], [], [])
    single = Runner(checks, settings).run([str(path)])
    cluster = distributed.run(
        [str(path)], scheduler=client, checks=checks, settings=settings, partition_size=300
    )
    assert list(cluster.findings) == list(single.findings)
    assert list(cluster.records) == list(single.records)
    assert (cluster.listings, cluster.errors) == (single.listings, single.errors) == (13, [])
    reused = [f for f in cluster.findings if f.name == "image-reused"]
    assert len(reused) == 11  # every listing but the first of each photo
    assert any(f.name == "duplicate-id" for f in cluster.findings)


def test_partitions_cut_json_lines_at_line_starts_and_batch_small_files(tmp_path: Path) -> None:
    path = _big_jsonl(tmp_path / "catalog.jsonl")
    data = path.read_bytes()
    lines = [part for part in partition([str(path)], 2000) if isinstance(part, Lines)]
    assert lines[0].start == 0 and lines[-1].end == len(data)
    for before, after in itertools.pairwise(lines):
        assert before.end == after.start and data[after.start - 1 : after.start] == b"\n"
        assert after.first_line == data[: after.start].count(b"\n") + 1
    small = [tmp_path / f"small-{n}.csv" for n in range(4)]
    for file in small:
        file.write_text("id,title\nA,Shirt\n" * 40, "utf-8")  # 640 bytes: never cut
    assert partition([str(file) for file in small], 1000) == [
        Files((str(small[0]), str(small[1]))),
        Files((str(small[2]), str(small[3]))),
    ]


def test_sizes_read_as_bytes() -> None:
    assert parse_size("16M") == parse_size("16MiB") == 16 * 1024 * 1024
    assert (parse_size("512k"), parse_size("1G"), parse_size("1000")) == (524288, 1 << 30, 1000)
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


def test_without_dask_the_scheduler_option_says_how_to_install_it(
    tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    path = _big_jsonl(tmp_path / "catalog.jsonl", 3)
    result = run_cli("check", str(path), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert result.stderr == f"listlint: error: {NEEDS_EXTRA}\n"
    assert result.stdout == ""


def test_a_bad_scheduler_address_or_stdin_is_a_usage_error(
    client: Any, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    path = _big_jsonl(tmp_path / "catalog.jsonl", 3)
    result = run_cli("check", str(path), "--scheduler", "no-port-here")
    assert result.exit_code == 2
    assert result.stderr.startswith("listlint: error: cannot reach the Dask scheduler at")
    assert "Traceback" not in result.stderr
    result = run_cli("check", "-", "--scheduler", client.scheduler.address, input="{}\n")
    assert result.exit_code == 2
    assert "standard input cannot be linted on a cluster" in result.stderr
    result = run_cli("check", str(tmp_path / "missing.jsonl"), "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2  # nothing to send: the cluster is not even asked
    assert (
        result.stderr
        == f"listlint: error: {tmp_path / 'missing.jsonl'}: no such file or directory\n"
    )
    result = run_cli("check", str(path), "--partition-size", "8M")
    assert (result.exit_code, result.stderr) == (
        2,
        "listlint: error: --partition-size needs --scheduler\n",
    )


def test_an_unreachable_scheduler_is_reported_in_one_line(
    tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _cluster_address_or_skip()
    monkeypatch.setattr("listlint.distributed.client.CONNECT_TIMEOUT", 0.5)
    path = _big_jsonl(tmp_path / "catalog.jsonl", 3)
    result = run_cli("check", str(path), "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert result.stderr.startswith("listlint: error: cannot reach the Dask scheduler at")
    assert result.stderr.count("\n") == 1


def test_distributed_error_is_a_plain_exception() -> None:
    assert issubclass(DistributedError, Exception)


def test_a_scheduler_without_workers_is_reported_in_one_line(
    tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _cluster_address_or_skip()
    from distributed import LocalCluster

    monkeypatch.setattr("listlint.distributed.client.WORKERS_TIMEOUT", 0.5)
    path = _big_jsonl(tmp_path / "catalog.jsonl", 3)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        result = run_cli("check", str(path), "--scheduler", empty.scheduler_address)
    assert result.exit_code == 2
    assert result.stderr == (
        f"listlint: error: the Dask scheduler at {empty.scheduler_address} has no workers (none "
        f"joined within 0.5 seconds): start some with `dask worker {empty.scheduler_address}`\n"
    )
