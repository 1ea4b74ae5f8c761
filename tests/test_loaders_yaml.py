"""YAML catalogs, read with libyaml and with the pure-Python parser alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from listlint.loaders import Loaded, Problem, UnusableInput, load, yamldoc
from listlint.model import Listing


@pytest.fixture(
    autouse=True, params=["libyaml", "python"] if hasattr(yaml, "CBaseLoader") else ["python"]
)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "python":
        monkeypatch.setattr(yamldoc, "_Parser", yaml.BaseLoader)
    yield request.param


def _load(tmp_path: Path, content: str, name: str = "catalog.yaml") -> list[Loaded]:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return list(load(str(path)))


def _listings(items: list[Loaded]) -> list[Listing]:
    assert all(isinstance(item, Listing) for item in items), items
    return [item for item in items if isinstance(item, Listing)]


CATALOG = """\
# exported 2026-11-01
- id: A1
  title: NO
  gtin: 0885909950805
  price: 12.50
  sale_price: null
  stock: 010
  attributes:
    colour: [Red, Blue]
    size: NO
  variants:
    - id: A1-S
      price: 12.5
    - {id: A1-M, stock: 3}

- {id: A2, title: "Wool Scarf", updated_at: 2026-11-01}
-
  id: A3
  title: >-
    Folded
    title
"""


def test_every_scalar_is_text_and_lines_come_from_the_nodes(tmp_path: Path) -> None:
    listings = _listings(_load(tmp_path, CATALOG))
    assert [(item.id, item.source.line) for item in listings] == [("A1", 2), ("A2", 16), ("A3", 18)]
    first = listings[0]
    assert first.title == "NO"  # not False
    assert first.gtin == "0885909950805"  # the leading zero is kept
    assert first.price == 12.5
    assert first.sale_price is None  # a plain null is an absent value
    assert first.stock == 10
    assert first.attributes == {"color": ("Red", "Blue"), "size": ("NO",)}
    assert [v.id for v in first.variants] == ["A1-S", "A1-M"]
    assert listings[1].updated_at == "2026-11-01"  # not a date object
    assert listings[2].title == "Folded title"


def test_mapping_with_listings(tmp_path: Path) -> None:
    content = (
        "shop: Example\nsettings: {currency: EUR}\nlistings:\n"
        "  - id: B1\n    title: Mug\n  - id: B2\n    title: Plate\nfooter: [1, 2]\n"
    )
    listings = _listings(_load(tmp_path, content, "catalog.yml"))
    assert [(item.id, item.source.line) for item in listings] == [("B1", 4), ("B2", 6)]


def test_quoted_null_is_text(tmp_path: Path) -> None:
    (listing,) = _listings(_load(tmp_path, '- {id: C1, title: "null", brand: ~}\n'))
    assert (listing.title, listing.brand) == ("null", "")


def test_record_problems(tmp_path: Path) -> None:
    items = _load(tmp_path, "- id: D1\n  price: cheap\n- just text\n")
    problems = [item for item in items if isinstance(item, Problem)]
    assert [(item.source.line, item.field, item.message) for item in problems] == [
        (1, "title", "required field 'title' is missing"),
        (1, "price", "'price' is not a number: 'cheap'"),
        (3, "", "a listing must be an object, not a string"),
    ]
    assert len(problems) == len(items)


def test_syntax_error_after_records(tmp_path: Path) -> None:
    content = "- id: E1\n  title: One\n- id: E2\n  title: [unclosed\n- id: E3\n  title: Three\n"
    items = _load(tmp_path, content)
    assert isinstance(items[0], Listing)
    assert isinstance(items[1], Problem)
    assert items[1].source.line == 5  # where the parser noticed
    assert items[1].message.startswith("broken YAML: while parsing a flow sequence at line 4")
    assert items[1].message.endswith("; the rest of the file was skipped")
    assert len(items) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("key: [unclosed\nlistings: []\n", "broken YAML at line 2"),
        ("a: b: c\n", "broken YAML at line 1: mapping values are not allowed"),
        ("just a line of text\n", "the YAML document is a single value"),
        ("shop: x\nitems: []\n", 'a YAML mapping without a "listings" list'),
        ("listings: {id: x}\n", '"listings" is a mapping, not a list'),
        ("# only a comment\n", "no YAML document in the file"),
    ],
)
def test_unusable_documents(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(UnusableInput) as caught:
        _load(tmp_path, content)
    assert str(caught.value).startswith(f"{tmp_path / 'catalog.yaml'}: ")
    assert message in str(caught.value)


def test_aliases_share_values(tmp_path: Path) -> None:
    content = (
        "- id: F1\n  title: One\n  attributes: &attrs {material: [Linen, Cotton]}\n"
        "- id: F2\n  title: Two\n  attributes: *attrs\n"
    )
    listings = _listings(_load(tmp_path, content))
    assert listings[1].attributes == {"material": ("Linen", "Cotton")}


def test_alias_bomb_is_one_problem(tmp_path: Path) -> None:
    content = "bomb:\n  - &a [x, x, x, x, x, x, x, x, x, x]\n"
    for name, previous in zip("bcdef", "abcde", strict=True):
        content += f"  - &{name} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    content += (
        "listings:\n  - {id: G1, title: T, attributes: {color: *f}}\n  - {id: G2, title: T}\n"
    )
    items = _load(tmp_path, content)
    assert isinstance(items[0], Problem)
    assert "more than 100000 values" in items[0].message
    assert items[0].listing_id == "G1"
    assert isinstance(items[1], Listing)


def test_an_alias_to_its_own_node_is_a_problem(tmp_path: Path) -> None:
    items = _load(tmp_path, "- &a {id: H1, title: T, self: *a}\n- {id: H2, title: T}\n")
    assert isinstance(items[0], Problem)
    assert "*a refers to nothing usable" in items[0].message
    assert isinstance(items[1], Listing)


def test_deep_nesting(tmp_path: Path) -> None:
    depth = 100_000
    content = "- {id: I1, title: T}\n- {id: I2, title: T, x: " + "[" * depth + "]" * depth
    content += "}\n- {id: I3, title: T}\n"
    items = _load(tmp_path, content)
    assert isinstance(items[0], Listing)
    assert isinstance(items[1], Problem)
    assert items[1].source.line == 2
    # Our own limit, or PyYAML's (6.0.4 and later stop at 1000 levels themselves).
    message = items[1].message
    assert "nested more than 1000 levels deep" in message or "maximum nesting depth" in message


def test_moderately_deep_record_costs_itself_only(tmp_path: Path) -> None:
    content = "- {id: J1, title: T, x: " + "[" * 100 + "]" * 100 + "}\n- {id: J2, title: T}\n"
    items = _load(tmp_path, content)
    assert isinstance(items[0], Problem)
    assert items[0].message == "the record is nested more than 64 levels deep"
    assert isinstance(items[1], Listing)


def test_a_character_yaml_forbids_costs_its_record(tmp_path: Path) -> None:
    content = '- {id: K1, title: T}\n- id: K2\n  title: "bell\x07"\n- {id: K3, title: T}\n'
    items = _load(tmp_path, content)
    assert isinstance(items[1], Problem)
    assert items[1].message == "character U+0007 at line 3 is not allowed in YAML"
    assert items[1].listing_id == "K2"
    assert [item.id for item in items if isinstance(item, Listing)] == ["K1", "K3"]


def test_a_second_document_is_reported(tmp_path: Path) -> None:
    items = _load(tmp_path, "- {id: L1, title: T}\n---\n- {id: L2, title: T}\n")
    assert isinstance(items[0], Listing)
    assert isinstance(items[1], Problem)
    assert items[1].source.line == 2
    assert items[1].message.startswith("only the first YAML document is read")


def test_a_ten_megabyte_title(tmp_path: Path) -> None:
    (problem,) = _load(tmp_path, "- id: M1\n  title: " + "x" * 10_000_000 + "\n")
    assert isinstance(problem, Problem) and problem.listing_id == "M1"
    assert "'title' has 10,000,000 characters" in problem.message
