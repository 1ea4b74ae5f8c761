from __future__ import annotations

from dataclasses import dataclass

from listlint import profiles
from listlint.check import CheckContext
from listlint.checks.missing_shipping import MissingShipping
from listlint.model import SourceLocation, build_listing
from listlint.profiles import Profile
from listlint.testing import run_check


@dataclass(frozen=True)
class _ShippingProfile(Profile):
    """A marketplace profile that requires a shipping promise (as the marketplace ones do)."""

    shipping_required: bool = True


def _findings(record: dict[str, object], profile: Profile) -> list[str]:
    listing = build_listing(record, SourceLocation("<test>", 1))
    ctx = CheckContext(profile, options=dict(MissingShipping.options))
    return [f.message for f in MissingShipping().check(listing, ctx)]


def test_generic_profile_does_not_require_shipping() -> None:
    assert not profiles.load("generic").shipping_required
    assert run_check(MissingShipping, {"id": "T1", "title": "Mug"}, options={}) == []


def test_a_profile_that_requires_shipping() -> None:
    profile = _ShippingProfile(name="acme")
    assert _findings({"id": "T1", "title": "Mug"}, profile) == [
        "No shipping promise: the acme profile requires days_min and days_max"
    ]
    assert _findings({"id": "T1", "title": "Mug", "shipping": {"cost": 4.9}}, profile) == [
        "Shipping states no delivery time: the acme profile requires days_min and days_max"
    ]
    assert _findings({"id": "T1", "title": "Mug", "shipping": {"days_max": 5}}, profile) == []
    assert _findings({"id": "T1", "title": "Mug", "shipping": {"days_min": "2"}}, profile) == []


def test_the_google_profile_requires_shipping() -> None:
    (finding,) = run_check(
        MissingShipping, {"id": "T1", "title": "Mug"}, profile="google", options={}
    )
    assert finding.message == "No shipping promise: Google requires days_min and days_max"
    listing = {"id": "T1", "title": "Mug", "marketplace": "google", "shipping": {"cost": 0}}
    assert run_check(MissingShipping, listing, options={})  # chosen by the marketplace field
    for name in ("amazon", "ebay", "shopify", "aliexpress"):
        assert (
            run_check(MissingShipping, {"id": "T1", "title": "Mug"}, profile=name, options={}) == []
        )


def test_required_option_on_any_profile() -> None:
    (finding,) = run_check(
        MissingShipping, {"id": "T1", "title": "Mug"}, options={"required": True}
    )
    assert finding.field == "shipping"
    assert "the configuration requires" in finding.message
    blank = {"id": "T1", "title": "Mug", "shipping": {"days_min": " ", "days_max": None}}
    assert run_check(MissingShipping, blank, options={"required": True})
