"""JSON and JSON Lines catalogs: records, their lines, and what broken syntax costs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from listlint.loaders import Loaded, Problem, UnusableInput, load
from listlint.model import Listing


def _load(tmp_path: Path, name: str, content: str | bytes) -> list[Loaded]:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    else:
        path.write_bytes(content)
    return list(load(str(path)))


def _summary(items: list[Loaded]) -> list[tuple[str, int | None, str]]:
    return [
        (item.id, item.source.line, "")
        if isinstance(item, Listing)
        else (item.listing_id or "", item.source.line, item.message)
        for item in items
    ]


PRETTY_ARRAY = """\
[
  {
    "id": "A1",
    "title": "Linen Shirt",
    "price": 12.5,
    "variants": [
      {"id": "A1-S", "attributes": {"size": "S"}, "stock": 3}
    ]
  },
  {
    "id": "A2",
    "title": "Wool Scarf"
  },

  {"id": "A3", "title": "Cotton Tee"}
]
"""


def test_pretty_printed_array_keeps_the_line_of_each_record(tmp_path: Path) -> None:
    items = _load(tmp_path, "catalog.json", PRETTY_ARRAY)
    assert _summary(items) == [("A1", 2, ""), ("A2", 10, ""), ("A3", 15, "")]
    first = items[0]
    assert isinstance(first, Listing)
    assert first.price == 12.5
    assert first.variants[0].attributes == {"size": ("S",)}
    assert str(first.source) == f"{tmp_path / 'catalog.json'}:2"


def test_crlf_line_endings_count_like_lf(tmp_path: Path) -> None:
    items = _load(tmp_path, "catalog.json", PRETTY_ARRAY.replace("\n", "\r\n"))
    assert [item.source.line for item in items] == [2, 10, 15]


def test_object_with_listings_array_and_other_keys(tmp_path: Path) -> None:
    content = (
        '{\n  "exported": "2026-11-01",\n  "meta": {"shop": "x", "tags": [1, [2]]},\n'
        '  "listings": [\n    {"id": "B1", "title": "Mug"},\n'
        '    {"id": "B2", "title": "Plate"}\n  ],\n  "count": 2\n}\n'
    )
    assert _summary(_load(tmp_path, "catalog.json", content)) == [("B1", 5, ""), ("B2", 6, "")]


def test_empty_array_is_a_catalog_without_listings(tmp_path: Path) -> None:
    assert _load(tmp_path, "catalog.json", "[ ]\n") == []


def test_syntax_error_keeps_the_records_before_it(tmp_path: Path) -> None:
    content = (
        "[\n"
        '  {"id": "C1", "title": "One"},\n'
        '  {"id": "C2", "title": "Two" "price": 3},\n'
        '  {"id": "C3", "title": "Three"}\n'
        "]\n"
    )
    items = _load(tmp_path, "catalog.json", content)
    assert _summary(items) == [
        ("C1", 2, ""),
        (
            "C2",
            3,
            "broken JSON: Expecting ',' delimiter (column 31); the rest of the file was skipped",
        ),
    ]


def test_missing_comma_between_records(tmp_path: Path) -> None:
    content = '[\n{"id": "D1", "title": "One"}\n{"id": "D2", "title": "Two"}\n]'
    items = _load(tmp_path, "catalog.json", content)
    assert _summary(items)[0] == ("D1", 2, "")
    problem = items[1]
    assert isinstance(problem, Problem)
    assert problem.source.line == 3
    assert problem.message.startswith("broken JSON: Expecting ',' delimiter (column 1)")


def test_truncated_file(tmp_path: Path) -> None:
    items = _load(tmp_path, "catalog.json", '[{"id": "E1", "title": "One"},\n {"id": "E2", "ti')
    assert isinstance(items[0], Listing)
    assert isinstance(items[1], Problem)
    assert items[1].source.line == 2
    assert items[1].listing_id == "E2"
    assert "Unterminated string starting at column 15" in items[1].message
    assert len(items) == 2


def test_content_after_the_array_is_reported(tmp_path: Path) -> None:
    items = _load(tmp_path, "catalog.json", '[{"id": "F1", "title": "One"}]\n\n{"oops": 1}\n')
    assert isinstance(items[0], Listing)
    assert isinstance(items[1], Problem)
    assert items[1].source.line == 3
    assert "unexpected content after the closing ']'" in items[1].message


def test_broken_member_after_the_listings_is_reported(tmp_path: Path) -> None:
    content = '{"listings": [{"id": "G1", "title": "One"}],\n "count": }'
    items = _load(tmp_path, "catalog.json", content)
    assert isinstance(items[0], Listing)
    assert isinstance(items[1], Problem)
    assert items[1].source.line == 2


def test_record_problems_become_one_problem_per_field(tmp_path: Path) -> None:
    record = {"id": "H1", "title": "", "price": "cheap", "variants": [{}, {"stock": 1.5}]}
    items = _load(tmp_path, "catalog.json", json.dumps([record]))
    assert all(isinstance(item, Problem) for item in items)
    fields = {item.field: item for item in items if isinstance(item, Problem)}
    assert set(fields) == {"title", "price", "variants[1].stock"}
    assert fields["title"].message == "required field 'title' is missing"
    assert {item.listing_id for item in fields.values()} == {"H1"}
    assert {item.source.line for item in fields.values()} == {1}


def test_non_object_element_is_a_problem(tmp_path: Path) -> None:
    items = _load(tmp_path, "catalog.json", '[1, {"id": "I1", "title": "T"}]')
    assert isinstance(items[0], Problem)
    assert items[0].message == "a listing must be an object, not a number"
    assert isinstance(items[1], Listing)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('"just text"', "the JSON document is a string"),
        ("42", "the JSON document is a number"),
        ('{"id": "X", "title": "One record"}', 'a JSON object without a "listings" array'),
        ('{"listings": {"id": "X"}}', '"listings" is not an array'),
        ('{"meta": [1,,2], "listings": []}', "broken JSON before the listings"),
        ("hello, world", "not JSON: Expecting value (line 1, column 1)"),
    ],
)
def test_documents_without_a_listings_array_are_unusable(
    tmp_path: Path, content: str, message: str
) -> None:
    with pytest.raises(UnusableInput) as caught:
        _load(tmp_path, "catalog.json", content)
    assert str(caught.value).startswith(f"{tmp_path / 'catalog.json'}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_json_lines_saved_as_json_are_read_as_json_lines(tmp_path: Path) -> None:
    content = '{"id": "J1", "title": "One"}\n{"id": "J2", "title": "Two"}\n'
    assert _summary(_load(tmp_path, "catalog.json", content)) == [("J1", 1, ""), ("J2", 2, "")]


# --- JSON Lines ---------------------------------------------------------------------------


def test_json_lines_use_physical_line_numbers(tmp_path: Path) -> None:
    content = (
        '{"id": "K1", "title": "One"}\n'
        "\n"
        "   \n"
        '{"id": "K2", "title": "Two"}\r\n'
        '{"id": "K3", "title": "Three"}'  # no final newline
    )
    assert _summary(_load(tmp_path, "catalog.jsonl", content)) == [
        ("K1", 1, ""),
        ("K2", 4, ""),
        ("K3", 5, ""),
    ]


def test_a_broken_line_costs_only_that_line(tmp_path: Path) -> None:
    content = (
        '{"id": "L1", "title": "One"}\n'
        '{"id": "L2", "title": "Two" "price": 1}\n'
        '{"title": "no id", "id": }\n'
        '{"id": "L4", "title": "Four"}\n'
    )
    assert _summary(_load(tmp_path, "catalog.ndjson", content)) == [
        ("L1", 1, ""),
        ("L2", 2, "broken JSON: Expecting ',' delimiter (column 29)"),
        ("", 3, "broken JSON: Expecting value (column 26)"),
        ("L4", 4, ""),
    ]


@pytest.mark.parametrize("name", ["catalog.jsonl", "catalog.json"])
def test_a_number_of_thousands_of_digits(tmp_path: Path, name: str) -> None:
    records = [
        '{"id": "S1", "title": "Mug", "stock": ' + "9" * 5000 + "}",
        '{"id": "S2", "title": "Cup"}',
    ]
    content = "\n".join(records) + "\n" if name.endswith("l") else "[" + ",\n".join(records) + "]"
    assert _summary(_load(tmp_path, name, content)) == [
        ("S1", 1, "the record holds a number of 5,000 digits, too long to be one"),
        ("S2", 2, ""),
    ]


def test_line_separator_inside_a_string_is_not_a_line_break(tmp_path: Path) -> None:
    content = '{"id": "M1", "title": "a\u2028b\u0085c"}\n{"id": "M2", "title": "Two"}\n'
    items = _load(tmp_path, "catalog.jsonl", content)
    assert _summary(items) == [("M1", 1, ""), ("M2", 2, "")]
    assert isinstance(items[0], Listing)
    assert items[0].title == "a\u2028b\u0085c"


def test_byte_order_mark_left_inside_by_concatenation(tmp_path: Path) -> None:
    data = '\ufeff{"id": "N1", "title": "One"}\n\ufeff{"id": "N2", "title": "Two"}\n'.encode()
    assert _summary(_load(tmp_path, "catalog.jsonl", data)) == [("N1", 1, ""), ("N2", 2, "")]


def test_a_line_that_is_not_an_object(tmp_path: Path) -> None:
    items = _load(tmp_path, "catalog.jsonl", '[{"id": "O1", "title": "T"}]\n"text"\nnull\n')
    assert [item.message for item in items if isinstance(item, Problem)] == [
        "a listing must be an object, not a list",
        "a listing must be an object, not a string",
        "a listing must be an object, not NoneType",
    ]


def _nested(depth: int) -> object:
    value: object = "deep"
    for level in range(depth - 1):
        value = [value] if level % 2 else {"k": value}
    return {"id": "D1", "title": "Deep", "extra": value}


@pytest.mark.parametrize("name", ["c.jsonl", "c.json"])
def test_a_record_nested_too_deeply_costs_itself_only(tmp_path: Path, name: str) -> None:
    records = [_nested(65), {"id": "OK", "title": "Fine"}, _nested(64)]
    if name.endswith(".jsonl"):
        content = "".join(json.dumps(r) + "\n" for r in records)
    else:
        content = "[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]\n"
    items = _load(tmp_path, name, content)
    assert [type(item).__name__ for item in items] == ["Problem", "Listing", "Listing"]
    assert isinstance(items[0], Problem)
    assert items[0].message == "the record is nested more than 64 levels deep"


def test_brackets_in_strings_do_not_make_a_record_deep(tmp_path: Path) -> None:
    # More than 64 "[" and "{" in the text: the record is walked, and found shallow.
    record = {"id": "B1", "title": "[" * 40 + "{" * 40, "description": "]" * 80}
    (item,) = _load(tmp_path, "c.jsonl", json.dumps(record) + "\n")
    assert isinstance(item, Listing)
    assert item.title == record["title"]


def test_shallow_json_counts_only_the_span_it_is_given() -> None:
    from listlint.loaders.base import MAX_DEPTH, shallow_json

    text = "[" * MAX_DEPTH + "{" + "]" * MAX_DEPTH
    assert shallow_json(text, 0, MAX_DEPTH)
    assert not shallow_json(text)
    assert shallow_json("")
