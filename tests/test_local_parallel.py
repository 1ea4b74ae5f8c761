"""A big catalog linted in local processes (--jobs) gives exactly the single-process report.

The size above which listlint shares the text work between processes (8 MB) is lowered here,
and the parts cut to a few kB, so that small catalogs take the same road as big ones: a
duplicate id spans parts, a broken line sits in a later part, files of several formats share
one run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from partitioned_listings import numbered_record

from listlint.config import Settings
from listlint.distributed import Lines, local, partition
from listlint.distributed.local import ProcessPoolRunner, part_size, worth_it
from listlint.registry import load_registry
from listlint.runner import Runner


def _catalog(path: Path, count: int = 400) -> Path:
    """``count`` listings: line 350 reuses line 3's id, line 200 is broken."""
    lines = [
        '{"id": "BROKEN-1", "title": "Broken", "price": }'
        if number == 200
        else json.dumps(numbered_record(number, "L00003" if number == 350 else None))
        for number in range(1, count + 1)
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Share any catalog between processes, in parts of about 4 kB."""
    monkeypatch.setattr(local, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(local, "MIN_PART_SIZE", 4096)
    monkeypatch.setattr(local, "MAX_PART_SIZE", 4096)


def test_jobs_lint_a_big_catalog_in_processes_with_the_same_report(
    small_parts: None,
    tmp_path: Path,
    run_cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _catalog(tmp_path / "catalog.jsonl")
    pooled: list[int] = []
    original = ProcessPoolRunner._lint_parts

    def counted(self: ProcessPoolRunner, parts: list[Any]) -> Any:
        pooled.append(len(parts))
        return original(self, parts)

    monkeypatch.setattr(ProcessPoolRunner, "_lint_parts", counted)

    single = run_cli("check", str(path), "--format", "json", "-v", "--jobs", "1")
    assert pooled == []
    shared = run_cli("check", str(path), "--format", "json", "-v", "--jobs", "2")
    assert pooled and pooled[0] >= 5  # the catalog was cut and shared

    assert shared.exit_code == single.exit_code == 1
    assert shared.stdout == single.stdout
    assert shared.stderr == single.stderr  # -v: the file's encoding and format, once
    report = json.loads(shared.stdout)
    duplicate = [f for f in report["findings"] if f["name"] == "duplicate-id"]
    assert [(f["listing_id"], f["source"]["line"]) for f in duplicate] == [("L00003", 350)]
    broken = [f for f in report["findings"] if f["name"] == "invalid-listing"]
    assert [f["source"]["line"] for f in broken] == [200]
    assert report["summary"]["listings"] == 400


def test_a_folder_of_several_formats_linted_in_processes(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    _catalog(folder / "a.jsonl", 150)
    _catalog(folder / "b.jsonl", 60)  # its ids repeat a.jsonl's: duplicates across files
    (folder / "table.csv").write_text(
        "id,title,category,color,price\nC1,Wool Scarf,Clothing,grey,20\nL00007,Hat,Clothing,,-1\n",
        "utf-8",
    )
    (folder / "extra.json").write_text(
        json.dumps([numbered_record(5), numbered_record(900)]), "utf-8"
    )
    checks = list(load_registry(plugins=False).checks)
    options: dict[str, Any] = {"today": date(2026, 11, 27)}

    single = Runner(checks, Settings(), **options).run([str(folder)])
    shared = ProcessPoolRunner(checks, Settings(), workers=2, partition_size=2048, **options).run(
        [str(folder)]
    )

    assert [f.to_dict() for f in shared.findings] == [f.to_dict() for f in single.findings]
    assert list(shared.records) == list(single.records)
    assert (shared.listings, shared.errors) == (single.listings, single.errors)
    assert sum(f.name == "duplicate-id" for f in shared.findings) > 60


def test_a_part_whose_process_dies_is_an_error_and_the_rest_is_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _catalog(tmp_path / "catalog.jsonl")
    victim = partition([str(path)], 4096)[2]
    assert isinstance(victim, Lines)
    real = local.lint_part

    def dies_on_one_part(job: Any, part: Any) -> Any:
        if part == victim:
            os._exit(3)  # as the kernel's out-of-memory killer would end it
        return real(job, part)

    monkeypatch.setattr(local, "lint_part", dies_on_one_part)
    checks = list(load_registry(plugins=False).checks)
    options: dict[str, Any] = {"today": date(2026, 11, 27)}

    single = Runner(checks, Settings(), **options).run([str(path)])
    result = ProcessPoolRunner(checks, Settings(), workers=2, partition_size=4096, **options).run(
        [str(path)]
    )

    assert result.errors == [f"{victim}: the process linting it stopped (out of memory?)"]
    lines = path.read_bytes()[victim.start : victim.end].count(b"\n")
    lost = range(victim.first_line, victim.first_line + lines)
    assert result.listings == single.listings - len(lost)
    # Every other part was linted, and reported as one process reports it.
    assert [f.to_dict() for f in result.findings] == [
        f.to_dict() for f in single.findings if f.source.line not in lost
    ]


def test_small_catalogs_one_worker_and_standard_input_stay_in_one_process(
    tmp_path: Path,
) -> None:
    small = _catalog(tmp_path / "small.jsonl", 50)
    assert worth_it([str(small)], 8) is None  # far below 8 MB: starting processes costs more
    assert worth_it(["-"], 8) is None
    big = tmp_path / "big.jsonl"
    with big.open("wb") as out:
        out.truncate(9 * 1024 * 1024)  # its size is all that decides
    assert worth_it([str(big)], 1) is None
    assert worth_it([str(big)], 2) == part_size(9 * 1024 * 1024, 2)
    assert worth_it([str(tmp_path)], 2) is not None  # a folder counts its catalog files
    photos = tmp_path / "photos"
    photos.mkdir()
    with (photos / "big.jpg").open("wb") as out:
        out.truncate(9 * 1024 * 1024)
    assert worth_it([str(photos), str(small)], 2) is None  # ...and not its photos
    assert part_size(10**6, 2) == 1024 * 1024  # never below 1 MB a part
    assert part_size(10**10, 2) == 4 * 1024 * 1024  # nor above 4 MB
