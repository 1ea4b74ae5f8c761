from __future__ import annotations

from listlint.checks.missing_size import MissingSize
from listlint.testing import run_check


def test_offers_the_size_the_title_states() -> None:
    (finding,) = run_check(
        MissingSize,
        {
            "id": "T1",
            "title": "Cotton Hoodie XXL",
            "category": "Men/Hoodies",
            "attributes": {"color": "Red"},
        },
    )
    assert finding.message.endswith("; the title says 'XXL': add size=2XL")


def test_someone_elses_size_is_not_offered() -> None:
    (finding,) = run_check(
        MissingSize,
        {
            "id": "T1",
            "title": "Hoodie",
            "category": "Men/Hoodies",
            "description": "Model wears size M.",
        },
    )
    assert "says" not in finding.message


def test_the_size_attribute_named_in_the_sellers_language() -> None:
    # Amazon.de, .fr, .es and AliExpress exports name it so; farbe/couleur were known before.
    for name in ("Größe", "taille", "tamaño", "taglia", "размер", "尺码"):
        record = {"id": "T1", "title": "Hoodie", "category": "Hoodies", "attributes": {name: "M"}}
        assert run_check(MissingSize, record) == [], name
