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
