"""Every built-in check documents itself, and its documented examples are true."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import listlint.checks
from listlint.check import CODE_PATTERN, DOC_SECTIONS, NAME_PATTERN, Check
from listlint.testing import doc_problems, examples, run_check


def _discover() -> tuple[list[type[Check]], dict[str, str]]:
    """Check classes defined in listlint/checks/ modules, and the modules that fail to import."""
    found: list[type[Check]] = []
    broken: dict[str, str] = {}
    for info in pkgutil.iter_modules(listlint.checks.__path__):
        module_name = f"{listlint.checks.__name__}.{info.name}"
        try:
            module = importlib.import_module(module_name)
        except Exception as error:
            broken[module_name] = repr(error)
            continue
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, Check)
                and obj.__module__ == module_name
                and "code" in vars(obj)  # not a shared base class (as the registry decides)
                and obj.name != "invalid-listing"  # reports unreadable records, not listings
            ):
                found.append(obj)
    return sorted(found, key=lambda cls: cls.code), broken


CHECKS, BROKEN = _discover()


def _id(cls: type[Check]) -> str:
    return f"{cls.code}-{cls.name}"


def test_every_check_module_imports() -> None:
    assert BROKEN == {}


def test_checks_are_found() -> None:
    assert {"title-too-long", "invalid-gtin", "negative-stock"} <= {c.name for c in CHECKS}


def test_codes_are_unique() -> None:
    codes = [cls.code for cls in CHECKS]
    assert sorted({c for c in codes if codes.count(c) > 1}) == []


def test_names_are_unique() -> None:
    names = [cls.name for cls in CHECKS]
    assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.mark.parametrize("check_cls", CHECKS, ids=_id)
def test_code_and_name(check_cls: type[Check]) -> None:
    assert CODE_PATTERN.match(check_cls.code), check_cls.code
    assert NAME_PATTERN.match(check_cls.name), check_cls.name


@pytest.mark.parametrize("check_cls", CHECKS, ids=_id)
def test_docstring_sections(check_cls: type[Check]) -> None:
    sections = check_cls.sections()
    assert check_cls.summary().endswith("."), "first line must be a one-sentence summary"
    for heading in DOC_SECTIONS:
        assert sections.get(heading), f"missing or empty section {heading!r}"


@pytest.mark.parametrize("check_cls", CHECKS, ids=_id)
def test_failing_examples_fire(check_cls: type[Check]) -> None:
    failing, _ = examples(check_cls)
    assert failing, "the Example section needs a 'fails:' line"
    for record in failing:
        findings = run_check(check_cls, record)
        assert findings, f"does not fire on {record}"
        assert {f.code for f in findings} == {check_cls.code}
        assert all(f.message and f.fix for f in findings)


@pytest.mark.parametrize("check_cls", CHECKS, ids=_id)
def test_passing_examples_pass(check_cls: type[Check]) -> None:
    _, passing = examples(check_cls)
    assert passing, "the Example section needs a 'passes:' line"
    for record in passing:
        assert run_check(check_cls, record) == [], f"fires on {record}"


@pytest.mark.parametrize("check_cls", CHECKS, ids=_id)
def test_doc_problems_agrees(check_cls: type[Check]) -> None:
    assert doc_problems(check_cls) == []
