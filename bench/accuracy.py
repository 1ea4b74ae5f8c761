"""Precision and recall of listlint's core rules against reviewers' labels.

Usage: python bench/accuracy.py CORPUS_DIR... [--rule NAME ...] [--show-errors]

Each CORPUS_DIR is a source folder with ``listings.jsonl`` and ``labels.jsonl``, or a folder of
such source folders (see ../shared/corpus/README.md). A rule that fires on a labelled listing is
a true positive when the label expects it, a false positive when the label neither expects it
nor marks it unsure; a rule expected but silent is a false negative. Unsure rules are not scored.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from listlint.config import Settings
from listlint.registry import load_registry
from listlint.runner import Runner

CORE_RULES = (
    "missing-color", "missing-size", "missing-material", "color-conflict", "material-conflict",
    "size-conflict", "measurement-conflict", "invalid-gtin", "image-missing", "image-unreadable",
    "image-too-small", "image-duplicate", "language-mismatch", "title-all-caps",
    "title-promotional", "sale-price-above-price",
)  # fmt: skip


def fired_rules(catalog: Path) -> dict[str, set[str]]:
    registry = load_registry(plugins=False)
    result = Runner(list(registry.checks), Settings()).run([str(catalog)])
    fired: dict[str, set[str]] = defaultdict(set)
    for finding in result.findings:
        fired[finding.listing_id].add(finding.name)
    return fired


def score(source: Path, rules: list[str], show: bool) -> dict[str, Counter[str]]:
    fired = fired_rules(source / "listings.jsonl")
    counts: dict[str, Counter[str]] = {rule: Counter() for rule in rules}
    for line in (source / "labels.jsonl").read_text("utf-8").splitlines():
        label = json.loads(line)
        expected, unsure = set(label["expect"]), set(label.get("unsure", []))
        for rule in rules:
            if rule in unsure:
                continue
            hit, want = rule in fired.get(label["id"], set()), rule in expected
            outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get(
                (hit, want), "tn"
            )
            counts[rule][outcome] += 1
            if show and outcome in ("fp", "fn"):
                print(f"  {outcome.upper()} {source.name} {label['id']} {rule}")
    return counts


def _sources(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if (path / "labels.jsonl").exists():
            found.append(path)
        elif path.is_dir():
            found += sorted(p for p in path.iterdir() if (p / "labels.jsonl").exists())
    return found


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("--rule", action="append", help="score only these rules")
    parser.add_argument("--show-errors", action="store_true", help="list each FP and FN")
    args = parser.parse_args()
    implemented = {c.name for c in load_registry(plugins=False).checks}
    rules = [r for r in (args.rule or CORE_RULES) if r in implemented]
    total: dict[str, Counter[str]] = {rule: Counter() for rule in rules}
    print("| source | rule | TP | FP | FN | precision | recall |")
    print("|---|---|---|---|---|---|---|")
    for source in _sources(args.corpus):
        for rule, c in score(source, rules, args.show_errors).items():
            total[rule].update(c)
            if c["tp"] or c["fp"] or c["fn"]:
                p, r = _ratio(c["tp"], c["tp"] + c["fp"]), _ratio(c["tp"], c["tp"] + c["fn"])
                print(f"| {source.name} | {rule} | {c['tp']} | {c['fp']} | {c['fn']} | {p} | {r} |")
    for rule, c in total.items():
        p, r = _ratio(c["tp"], c["tp"] + c["fp"]), _ratio(c["tp"], c["tp"] + c["fn"])
        print(f"| **all** | {rule} | {c['tp']} | {c['fp']} | {c['fn']} | {p} | {r} |")


if __name__ == "__main__":
    main()
