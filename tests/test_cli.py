"""`listlint check` end to end: exit codes, output shapes, suppression, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

CLEAN = {
    "id": "TEE-1",
    "title": "Organic Cotton Crew Tee",
    "description": "A soft crew-neck tee in organic cotton with a relaxed fit and a ribbed collar.",
    "category": "Men/Tops/Tees",
    "attributes": {"material": "Cotton"},
    "variants": [
        {"id": "TEE-1-S", "attributes": {"size": "S", "color": "Navy"}, "price": 19.0},
        {"id": "TEE-1-M", "attributes": {"size": "M", "color": "Navy"}, "price": 19.0},
    ],
    "price": 19.0,
    "gtin": "4006381333931",
    "images": ["navy-tee.jpg"],
}
NO_SIZE = {"id": "TEE-2", "title": "Plain Tee", "category": "Tees",
           "description": "A plain tee in soft cotton jersey with a ribbed collar.",
           "attributes": {"color": "Red", "material": "Cotton"},
           "images": ["red-tee.jpg"]}  # fmt: skip


def _json(result) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return json.loads(result.stdout)


def test_clean_catalog_exits_0(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(write_jsonl([CLEAN])))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "All clear: no findings in 1 listing (profile generic)."


def test_findings_exit_1_grouped_by_listing(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = write_jsonl([CLEAN, NO_SIZE])
    result = run_cli("check", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{path}:2  TEE-2"
    assert lines[1].startswith("  LL202 error   missing-size: Clothing listing (category 'Tees')")
    assert lines[2].strip().startswith("fix: Add a 'size' attribute")
    assert lines[-1] == "Found 1 finding (1 error) in 1 of 2 listings (profile generic)."
    assert "\x1b[" not in result.stdout  # no colour when stdout is not a terminal


def test_json_output_has_the_documented_shape(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(write_jsonl([CLEAN, NO_SIZE])), "--format", "json")
    doc = _json(result)
    # design.md's keys, then every record read (for `listlint report` and the HTML report).
    assert list(doc) == ["listlint", "profile", "summary", "findings", "listings"]
    assert [r["id"] for r in doc["listings"]] == ["TEE-1", "TEE-2"]
    assert doc["profile"] == "generic"
    assert doc["summary"] == {"listings": 2, "findings": 1, "error": 1, "warning": 0, "info": 0}
    (finding,) = doc["findings"]
    assert set(finding) == {
        "code", "name", "severity", "listing_id", "field", "message", "fix", "source"
    }  # fmt: skip
    assert finding["source"]["line"] == 2
    assert (finding["name"], finding["listing_id"], finding["field"]) == (
        "missing-size", "TEE-2", "attributes.size",
    )  # fmt: skip


def test_variant_findings_carry_variant_id(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    record = {**CLEAN, "variants": [{"id": "V1", "attributes": {"size": "S", "color": "Red"},
                                     "price": 10.0, "sale_price": 12.0}]}  # fmt: skip
    doc = _json(run_cli("check", str(write_jsonl([record])), "--format", "json"))
    (finding,) = doc["findings"]
    assert finding["variant_id"] == "V1"
    assert finding["name"] == "sale-price-above-price"


def test_output_file_and_fail_on(write_jsonl, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "run.json"
    warn_only = {**NO_SIZE, "attributes": {"size": "M", "material": "Cotton"}}
    path = write_jsonl([warn_only])
    result = run_cli("check", str(path), "--format", "json", "-o", str(out))
    assert result.stdout == ""
    assert json.loads(out.read_text())["summary"]["warning"] == 1
    assert result.exit_code == 0
    assert run_cli("check", str(path), "--fail-on", "warning").exit_code == 1
    assert run_cli("check", str(write_jsonl([NO_SIZE])), "--fail-on", "never").exit_code == 0


def test_listing_can_waive_a_rule(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    waived = {**NO_SIZE, "listlint": {"ignore": ["missing-size"]}}
    assert run_cli("check", str(write_jsonl([waived]))).exit_code == 0
    by_code = {**NO_SIZE, "listlint": {"ignore": ["LL2"]}}
    assert run_cli("check", str(write_jsonl([by_code]))).exit_code == 0


def test_select_and_ignore_on_the_command_line(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = str(write_jsonl([NO_SIZE]))
    assert run_cli("check", path, "--ignore", "missing-size").exit_code == 0
    assert run_cli("check", path, "--select", "LL4,duplicate-id").exit_code == 0
    result = run_cli("check", path, "--select", "nonsense")
    assert result.exit_code == 2
    assert "unknown rule selector 'nonsense'" in result.stderr


def test_duplicate_id_names_both_places(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = write_jsonl([CLEAN, {**CLEAN, "title": "Organic Cotton Crew Tee v2"}])
    doc = _json(run_cli("check", str(path), "--format", "json", "--select", "duplicate-id"))
    (finding,) = doc["findings"]
    assert finding["source"]["line"] == 2
    assert f"{path}:1" in finding["message"]


def test_broken_records_are_reported_and_the_rest_is_linted(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "A", "title": "Plain Tee", "category": "Tees"\n'  # broken JSON
        '{"id": "B"}\n'  # no title
        '{"id": "C", "title": "Mug", "price": "twelve"}\n'  # wrong type
        + json.dumps(NO_SIZE)
        + "\n"
    )
    doc = _json(run_cli("check", str(path), "--format", "json"))
    assert doc["summary"]["listings"] == 4
    invalid = [(f["source"]["line"], f["field"]) for f in doc["findings"]
               if f["name"] == "invalid-listing"]  # fmt: skip
    assert invalid == [(1, ""), (2, "title"), (3, "price")]
    assert any(f["name"] == "missing-size" and f["source"]["line"] == 4 for f in doc["findings"])


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty"), (b"\x00\x01\x02\xff" * 64, "")],
)
def test_unusable_input_exits_2_with_one_line(
    tmp_path: Path,
    run_cli,
    content: bytes | None,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "catalog.jsonl"
    if content is not None:
        path.write_bytes(content)
    result = run_cli("check", str(path))
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith("listlint: error: ") and str(path) in errors[0]
    assert message in errors[0]
    assert "Traceback" not in result.output


def test_unusable_file_does_not_stop_the_others(write_jsonl, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    good = write_jsonl([NO_SIZE])
    result = run_cli("check", str(tmp_path / "missing.csv"), str(good), "--format", "json")
    assert result.exit_code == 2
    assert _json(result)["summary"]["listings"] == 1


def test_a_summary_never_calls_an_unread_input_all_clear(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 2
    assert result.stdout.strip() == (
        "No findings in 0 listings; 1 input could not be read (profile generic)."
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "/dev/zero"],
        ["check", "{catalog}", "--baseline", "/dev/zero"],
        ["check", "{catalog}", "--config", "/dev/zero"],
        ["report", "/dev/zero"],
    ],
)
def test_a_device_is_refused_not_read_forever(
    args: list[str],
    write_jsonl,
    run_cli,  # type: ignore[no-untyped-def]
) -> None:
    catalog = str(write_jsonl([NO_SIZE]))
    result = run_cli(*(arg.format(catalog=catalog) for arg in args))
    assert result.exit_code == 2
    assert "/dev/zero: is a device, not a file" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_a_catalog_folder_is_skipped(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps(NO_SIZE) + "\n", "utf-8")
    os.mkfifo(folder / "b.jsonl")  # reading it would wait for a writer forever
    result = run_cli("check", str(folder), "--format", "json", "--ignore", "LL5")
    assert _json(result)["summary"]["listings"] == 1


def test_a_config_nested_too_deeply_is_invalid_toml(tmp_path: Path, write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "deep.toml"
    config.write_text("a = " + "[" * 1000 + "\n", "utf-8")
    result = run_cli("check", str(write_jsonl([NO_SIZE])), "--config", str(config))
    assert result.exit_code == 2
    assert f"{config}: invalid TOML: arrays or tables nested too deeply" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_error_line(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(write_jsonl([NO_SIZE])), "-o", "/dev/full", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "listlint: error: /dev/full: cannot write report: No space left on device"
    )


def test_stdin(run_cli) -> None:  # type: ignore[no-untyped-def]
    record = json.dumps(NO_SIZE) + "\n"  # its photo is not beside stdin: leave images out
    result = run_cli("check", "-", "--format", "json", "--ignore", "LL5", input=record)
    (finding,) = _json(result)["findings"]
    assert finding["source"] == {"path": "<stdin>", "line": 1}


def test_verbose_reports_the_encoding(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.csv"
    path.write_bytes("id,title,color\nA1,Café crème mug,Blanc\n".encode("cp1252"))
    result = run_cli("check", str(path), "-v", "--ignore", "image-missing")
    assert f"listlint: {path}: read as cp1252" in result.stderr
    assert result.exit_code == 0


def test_unknown_encoding_is_a_usage_error(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(write_jsonl([CLEAN])), "--encoding", "klingon")
    assert result.exit_code == 2
    assert "unknown encoding 'klingon'" in result.stderr


def test_crashing_check_does_not_lose_the_run(write_jsonl) -> None:  # type: ignore[no-untyped-def]
    from listlint.check import Check
    from listlint.config import Settings
    from listlint.registry import load_registry
    from listlint.runner import Runner

    class Crashes(Check):
        code, name = "ZZ999", "crashes"

        def check(self, listing, ctx):  # type: ignore[no-untyped-def]
            raise KeyError("boom")

    checks = [*load_registry(plugins=False).checks, Crashes]
    result = Runner(checks, Settings()).run([str(write_jsonl([NO_SIZE]))])
    assert [f.name for f in result.findings] == ["missing-size"]
    assert result.errors == ["check crashes (ZZ999) crashed on listing 'TEE-2': KeyError: 'boom'"]


def test_python_dash_m(write_jsonl) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "listlint", "check", str(write_jsonl([NO_SIZE])), "--quiet"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 1
    assert "missing-size" in done.stdout and "Found" not in done.stdout


def test_folder_without_catalogs_exits_2(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.txt").write_text("not a catalog")
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path}: no catalog files" in result.stderr


def test_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    import subprocess
    import sys

    # Valid JSON, but "\ud800" is half a character that no encoding can write.
    record = '{"id": "S\\ud800", "title": "Loud \\ud800 title, \\ud83d\\ude00 fine"}'
    (tmp_path / "c.json").write_text(f"[{record}]\n", "utf-8")
    (tmp_path / "c.jsonl").write_text(record + "\n", "utf-8")
    for catalog in (tmp_path / "c.json", tmp_path / "c.jsonl"):
        done = subprocess.run(
            [sys.executable, "-m", "listlint", "check", str(catalog), "--format", "json",
             "--select", "title-forbidden-characters"],
            capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        (finding,) = json.loads(done.stdout)["findings"]
        assert finding["listing_id"] == "S\ufffd"
        assert "U+FFFD" in finding["message"]


def test_version_is_the_installed_distributions(run_cli) -> None:  # type: ignore[no-untyped-def]
    from importlib.metadata import version

    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output == f"listlint, version {version('listlint')}\n"


def test_a_malformed_rule_option_names_the_config(tmp_path: Path, write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "listlint.toml"
    config.write_text('[options.color-conflict]\nextra-colors = ["dune"]\n', "utf-8")
    result = run_cli("check", str(write_jsonl([NO_SIZE])), "--config", str(config))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"listlint: error: {config}: options.color-conflict: expected 'word=canonical', "
        "like 'dune=beige', not 'dune'"
    )


def test_a_listing_that_waives_no_rule_is_told_once(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    waives = {"listlint": {"ignore": ["title-all-cap", "LL1"]}}
    path = write_jsonl(
        [{"id": "W1", "title": "Mug", **waives}, {"id": "W2", "title": "Cup", **waives}]
    )
    result = run_cli("check", str(path), "--ignore", "LL5")
    notes = [line for line in result.stderr.splitlines() if "which is no rule" in line]
    assert notes == [
        f"listlint: {path}:1: listing 'W1' ignores 'title-all-cap', which is no rule "
        "(did you mean 'title-all-caps'?)"
    ]
