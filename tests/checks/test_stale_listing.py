from __future__ import annotations

from datetime import date

import pytest

from listlint.checks.stale_listing import StaleListing
from listlint.testing import run_check

TODAY = date(2026, 11, 27)


def _listing(updated_at: str) -> dict[str, object]:
    return {"id": "T1", "title": "Mug", "updated_at": updated_at}


def test_older_than_30_days_fires() -> None:
    (finding,) = run_check(StaleListing, _listing("2026-10-27"), options={}, today=TODAY)
    assert finding.field == "updated_at"
    assert finding.message == "Last updated 2026-10-27, 31 days before 2026-11-27 (more than 30)"


@pytest.mark.parametrize(
    "updated_at",
    [
        "2026-10-28",  # exactly 30 days: not older than 30
        "2026-11-27",
        "2026-11-26T23:59:59+09:00",
        "2026-12-01",  # in the future (a clock or time zone ahead): not stale
        "",  # not stated
    ],
)
def test_recent_or_unknown_dates_pass(updated_at: str) -> None:
    assert run_check(StaleListing, _listing(updated_at), options={}, today=TODAY) == []


@pytest.mark.parametrize(
    ("updated_at", "message"),
    [
        ("last week", "updated_at 'last week' is not a date (YYYY-MM-DD, or an ISO date-time)"),
        ("2026-02-30", "updated_at '2026-02-30' is not a date (YYYY-MM-DD, or an ISO date-time)"),
        ("2099-01-01", "updated_at 2099-01-01 is 26333 days after 2026-11-27"),
    ],
)
def test_a_date_nobody_can_trust_is_reported(updated_at: str, message: str) -> None:
    (finding,) = run_check(StaleListing, _listing(updated_at), options={}, today=TODAY)
    assert (finding.field, finding.message) == ("updated_at", message)


def test_date_times_are_read() -> None:
    assert run_check(StaleListing, _listing("2026-09-01T08:00:00Z"), options={}, today=TODAY)
    assert run_check(StaleListing, _listing("2026-09-01 08:00"), options={}, today=TODAY)


def test_max_age_days_option() -> None:
    listing = _listing("2026-11-17")
    assert run_check(StaleListing, listing, options={"max-age-days": 7}, today=TODAY)
    assert not run_check(StaleListing, listing, options={"max-age-days": 14}, today=TODAY)


def test_today_option_wins_over_the_run_date() -> None:
    listing = _listing("2026-10-01")
    assert run_check(StaleListing, listing, options={}, today=TODAY)
    assert not run_check(StaleListing, listing, options={"today": "2026-10-15"}, today=TODAY)


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="today must be a date"):
        run_check(StaleListing, _listing("2026-10-01"), options={"today": "yesterday"})
    with pytest.raises(ValueError, match="max-age-days"):
        run_check(StaleListing, _listing("2026-10-01"), options={"max-age-days": -1})
