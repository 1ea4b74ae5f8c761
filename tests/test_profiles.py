"""Marketplace profiles: the data files, inheritance, custom profiles in the config, and the
rules that read them (title length, image count, GTIN prefixes, required attributes)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from listlint import profiles
from listlint.checks.image_count import ImageCount
from listlint.checks.invalid_gtin import InvalidGtin
from listlint.checks.missing_attribute import MissingAttribute
from listlint.testing import run_check

MARKETPLACES = {
    "amazon": "Amazon",
    "ebay": "eBay",
    "google": "Google",
    "aliexpress": "AliExpress",
    "shopify": "Shopify",
}
# 210 characters: over Amazon's 200 and eBay's 80.
LONG_TITLE = (
    "Men's Organic Cotton Crew Neck T-Shirt, Short Sleeve, Regular Fit, Pre-Shrunk Jersey, "
    "Tagless Label, Machine Washable, Available in Black, White, Navy, Grey, Olive and "
    "Burgundy, Sizes XS to 3XL, Pack of 3 Tees."
)
# 96 characters: over eBay's 80, within generic's 150 and Amazon's 200.
TITLE_96 = (
    "Men's Organic Cotton Crew Neck T-Shirt, Short Sleeve, Regular Fit, Pre-Shrunk, "
    "Navy Blue Jerseys"
)
LAMP = {"id": "LAMP-1", "title": "Brass Desk Lamp", "category": "Lighting"}


def _findings(result) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    return json.loads(result.stdout)["findings"]  # type: ignore[no-any-return]


def _messages(result, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f["message"] for f in _findings(result) if f["name"] == name]


# The must-show: one listing, two marketplaces, two title-length findings naming each limit.


def test_amazon_and_ebay_give_different_title_findings(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert len(LONG_TITLE) == 210
    catalog = str(write_jsonl([{**LAMP, "title": LONG_TITLE}]))
    by_profile = {
        name: _messages(
            run_cli("check", catalog, "--profile", name, "--select", "title-too-long",
                    "--format", "json"),
            "title-too-long",
        )
        for name in ("amazon", "ebay")
    }  # fmt: skip
    assert len(by_profile["amazon"]) == len(by_profile["ebay"]) == 1
    assert by_profile["amazon"][0].startswith("Title is 210 characters; Amazon allows 200 ")
    assert by_profile["ebay"][0].startswith("Title is 210 characters; eBay allows 80 ")
    assert by_profile["amazon"] != by_profile["ebay"]


def test_a_96_character_title_is_too_long_for_ebay_only(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    assert len(TITLE_96) == 96
    catalog = str(write_jsonl([{**LAMP, "title": TITLE_96}]))
    args = ("--select", "title-too-long", "--format", "json")
    ebay = run_cli("check", catalog, "--profile", "ebay", *args)
    amazon = run_cli("check", catalog, "--profile", "amazon", *args)
    assert ebay.exit_code == 1
    assert _messages(ebay, "title-too-long")[0].startswith("Title is 96 characters; eBay allows 80")
    assert amazon.exit_code == 0 and _findings(amazon) == []


# The data files.


def test_every_builtin_profile_is_there() -> None:
    assert profiles.available() == sorted(["generic", *MARKETPLACES])


@pytest.mark.parametrize("name", sorted(MARKETPLACES))
def test_marketplace_profile_loads(name: str) -> None:
    profile = profiles.load(name)
    assert profile.name == name
    assert profile.extends == "generic"
    assert profile.marketplace == MARKETPLACES[name]
    assert profile.label == MARKETPLACES[name]
    assert profile.description
    # Inherited from generic unless the file says otherwise.
    assert profile.required_attributes["furniture"] == ("color", "material")


@pytest.mark.parametrize("name", ["generic", *sorted(MARKETPLACES)])
def test_every_setting_has_its_source_in_a_comment(name: str) -> None:
    text = resources.files("listlint.profiles").joinpath(f"{name}.toml").read_text("utf-8")
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if "=" in line and not line.startswith(("#", "name", "extends", "description")):
            above = lines[index - 1].strip()
            assert (
                above.startswith("#")
                or above.startswith(("[", "clothing"))
                or ("=" in above and not above.startswith("#"))
            ), f"{name}.toml:{index + 1}: {line!r} has no comment above it"
    assert "marketplace-rules.md" in text


def test_marketplace_limits() -> None:
    amazon, ebay, google = (profiles.load(n) for n in ("amazon", "ebay", "google"))
    aliexpress, generic = profiles.load("aliexpress"), profiles.load("generic")
    assert (amazon.title_max_length, ebay.title_max_length) == (200, 80)
    assert (google.title_max_length, aliexpress.title_max_length) == (150, 218)
    assert set(amazon.title_forbidden_characters.split()) == set("!$?_{}^¬¦")
    assert set(ebay.title_forbidden_characters.split()) == {"™", "♥", "½"}
    assert (amazon.image_max_count, google.image_max_count, ebay.image_max_count) == (9, 11, 24)
    assert generic.image_max_count == 0
    assert amazon.image_background == "white"
    assert (google.image_max_megapixels, google.image_max_file_mb) == (64, 16)
    assert google.required_attributes["clothing"] == (
        "color", "size", "material", "gender", "age_group",
    )  # fmt: skip
    assert google.gtin_restricted_prefixes == ("02", "04", "2")
    assert google.gtin_coupon_prefixes == ("05", "981", "982", "983", "984", "99")
    assert generic.gtin_restricted_prefixes == generic.gtin_coupon_prefixes == ()
    assert google.shipping_required and not generic.shipping_required
    assert not any(profiles.load(n).shipping_required for n in ("amazon", "ebay", "shopify"))


def test_generic_is_unchanged() -> None:
    generic = profiles.load("generic")
    assert generic.label == "the generic profile"
    assert generic.extends is None
    assert (generic.title_max_length, generic.image_min_side, generic.image_background) == (
        150, 500, "light",
    )  # fmt: skip


def test_unknown_profile_names_the_choices() -> None:
    with pytest.raises(profiles.UnknownProfile, match="amazon, ebay, generic"):
        profiles.load("etsy")


def test_profile_data_is_checked_strictly() -> None:
    with pytest.raises(profiles.ProfileError, match=r"unknown key 'title\.max-lenght'"):
        profiles.check_data({"title": {"max-lenght": 80}}, "x")
    with pytest.raises(profiles.ProfileError, match=r"'images\.max-count' must be a whole number"):
        profiles.check_data({"images": {"max-count": "9"}}, "x")
    with pytest.raises(profiles.ProfileError, match="unknown product kind"):
        profiles.check_data({"required-attributes": {"toys": ["color"]}}, "x")
    with pytest.raises(profiles.ProfileError, match="digit strings"):
        profiles.check_data({"gtin": {"coupon-prefixes": ["5x"]}}, "x")
    with pytest.raises(profiles.ProfileError, match="background must be one of"):
        profiles.check_data({"images": {"background": "black"}}, "x")
    with pytest.raises(profiles.ProfileError, match="min-side-of must be one of shorter, longer"):
        profiles.check_data({"images": {"min-side-of": "widest"}}, "x")


# Inheritance.


def test_custom_profile_extends_and_overrides() -> None:
    custom = profiles.custom_profiles(
        {
            "my-shop": {
                "extends": "amazon",
                "description": "Amazon UK",
                "title": {"max-length": 150},
                "required-attributes": {"furniture": ["color", "material", "size"]},
            }
        }
    )
    shop = custom["my-shop"]
    amazon = profiles.load("amazon")
    assert shop.title_max_length == 150  # overridden
    assert shop.title_forbidden_characters == amazon.title_forbidden_characters  # same table
    assert shop.image_background == "white" and shop.image_max_count == 9  # inherited
    assert shop.required_attributes["furniture"] == ("color", "material", "size")
    assert shop.required_attributes["footwear"] == ("color", "size")  # merged, not replaced
    assert (shop.extends, shop.description, shop.marketplace) == ("amazon", "Amazon UK", "")
    assert shop.label == "the my-shop profile"
    assert profiles.load("my-shop", custom) is shop
    assert profiles.load("amazon", custom) is amazon


def test_custom_profiles_chain_and_default_to_generic() -> None:
    custom = profiles.custom_profiles(
        {"base": {"title": {"max-length": 100}}, "strict": {"extends": "base"}}
    )
    assert custom["base"].extends == "generic"
    assert custom["strict"].title_max_length == 100


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ({"a": {"extends": "b"}, "b": {"extends": "a"}}, "extends itself"),
        ({"a": {"extends": "etsy"}}, "'etsy' does not exist"),
        ({"amazon": {"title": {"max-length": 1}}}, "is a built-in profile"),
        ({"a": {"titel": {}}}, "unknown key 'titel'"),
        ({"a": "amazon"}, "must be a table"),
        ({f"p{n}": {"extends": f"p{n + 1}"} for n in range(3000)}, "more than 50 profiles"),
    ],
)
def test_bad_custom_profiles(tables: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(profiles.ProfileError, match=message):
        profiles.custom_profiles(tables)


# Custom profiles in the config.

CONFIG = """
[tool.listlint]
profile = "my-shop"

[tool.listlint.profiles.my-shop]
extends = "amazon"
description = "Our Amazon UK store"

[tool.listlint.profiles.my-shop.title]
max-length = 150
"""


def test_config_custom_profile_is_used(write_jsonl, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text(CONFIG, "utf-8")
    catalog = str(write_jsonl([{**LAMP, "title": LONG_TITLE}]))
    result = run_cli("check", catalog, "--select", "title-too-long", "--format", "json")
    assert json.loads(result.stdout)["profile"] == "my-shop"
    [message] = _messages(result, "title-too-long")
    assert message.startswith("Title is 210 characters; the my-shop profile allows 150 ")
    # --profile picks a built-in over the config's choice, or the custom one by name.
    ebay = run_cli("check", catalog, "--profile", "ebay", "--select", "LL101", "--format", "json")
    assert "eBay allows 80" in _messages(ebay, "title-too-long")[0]
    mine = run_cli(
        "check", catalog, "--profile", "my-shop", "--select", "LL101", "--format", "json"
    )
    assert "the my-shop profile allows 150" in _messages(mine, "title-too-long")[0]


def test_config_custom_profile_bad_key_is_exit_2(write_jsonl, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "listlint.toml").write_text(
        '[profiles.my-shop]\nextends = "amazon"\n[profiles.my-shop.title]\nmax-chars = 150\n',
        "utf-8",
    )
    result = run_cli("check", str(write_jsonl([LAMP])))
    assert result.exit_code == 2
    assert "profiles.my-shop: unknown key 'title.max-chars'" in result.stderr


def test_unknown_profile_is_exit_2(write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("check", str(write_jsonl([LAMP])), "--profile", "etsy")
    assert result.exit_code == 2
    assert "unknown profile 'etsy'" in result.stderr


# The marketplace field.


def test_marketplace_field_picks_the_profile(write_jsonl, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "listlint.toml").write_text(
        '[profiles.my-shop]\nextends = "ebay"\n[profiles.my-shop.title]\nmax-length = 90\n',
        "utf-8",
    )
    records = [
        {**LAMP, "id": "A", "title": TITLE_96},
        {**LAMP, "id": "B", "title": TITLE_96, "marketplace": "eBay"},
        {**LAMP, "id": "C", "title": TITLE_96, "marketplace": "etsy"},
        {**LAMP, "id": "D", "title": TITLE_96, "marketplace": "my-shop"},
    ]
    result = run_cli("check", str(write_jsonl(records)), "--select", "LL101", "--format", "json")
    found = {f["listing_id"]: f["message"] for f in _findings(result)}
    assert sorted(found) == ["B", "D"]
    assert "eBay allows 80" in found["B"]
    assert "the my-shop profile allows 90" in found["D"]
    # An explicit --profile wins over the field.
    forced = run_cli(
        "check", str(write_jsonl(records)), "--profile", "generic", "--select", "LL101",
        "--format", "json",
    )  # fmt: skip
    assert _findings(forced) == []


# GTIN prefixes.


@pytest.mark.parametrize(
    ("gtin", "prefix", "kind"),
    [
        ("0412345678903", "04", "restricted-circulation"),
        ("0212345678909", "02", "restricted-circulation"),
        ("2012345678903", "2", "restricted-circulation"),
        ("212345678909", "02 as the GTIN-13 0212345678909", "restricted-circulation"),
        ("0512345678900", "05", "coupon"),
        ("9812345678902", "981", "coupon"),
        ("9912345678909", "99", "coupon"),
    ],
)
def test_restricted_and_coupon_gtins_under_google(gtin: str, prefix: str, kind: str) -> None:
    listing = {**LAMP, "gtin": gtin}
    [finding] = run_check(InvalidGtin, listing, profile="google")
    assert f"starts with {prefix}, a {kind} prefix" in finding.message
    assert "Google does not accept" in finding.message
    for name in ("generic", "amazon", "ebay", "aliexpress", "shopify"):
        assert run_check(InvalidGtin, listing, profile=name) == [], name


def test_gtin_prefixes_apply_to_variants_and_the_marketplace_field() -> None:
    listing = {**LAMP, "marketplace": "google", "variants": [{"id": "V1", "gtin": "9912345678909"}]}
    [finding] = run_check(InvalidGtin, listing)
    assert finding.variant_id == "V1" and "coupon prefix" in finding.message
    assert run_check(InvalidGtin, {**LAMP, "gtin": "4006381333931"}, profile="google") == []


def test_custom_profile_may_refuse_prefixes() -> None:
    shop = profiles.custom_profiles(
        {"shop": {"extends": "amazon", "gtin": {"restricted-prefixes": ["2"]}}}
    )["shop"]
    from listlint.checks.invalid_gtin import refused

    problem = refused("2012345678903", shop)
    assert problem is not None and "the shop profile does not accept" in problem.message
    assert refused("4006381333931", shop) is None


# Image count.


def _images(count: int) -> list[str]:
    return [f"photo-{n}.jpg" for n in range(1, count + 1)]


def test_image_count_names_the_limit() -> None:
    [finding] = run_check(ImageCount, {**LAMP, "images": _images(10)}, profile="amazon")
    assert finding.message == "The listing has 10 images; Amazon allows at most 9 per listing"
    assert finding.field == "images" and "remove the other 1" in finding.fix
    assert run_check(ImageCount, {**LAMP, "images": _images(9)}, profile="amazon") == []
    assert run_check(ImageCount, {**LAMP, "images": _images(11)}, profile="google") == []
    assert run_check(ImageCount, {**LAMP, "images": _images(12)}, profile="google") != []
    assert run_check(ImageCount, {**LAMP, "images": _images(25)}, profile="ebay") != []
    assert run_check(ImageCount, {**LAMP, "images": _images(60)}, profile="generic") == []


def test_image_count_is_one_finding_per_listing() -> None:
    listing = {
        **LAMP,
        "images": _images(12),
        "variants": [{"id": "V1", "images": _images(10)}, {"id": "V2", "images": _images(2)}],
    }
    [finding] = run_check(ImageCount, listing, profile="amazon")
    assert finding.message == (
        "The listing has 12 images; Variant V1 has 10 images; Amazon allows at most 9 per listing"
    )


# Required attributes beyond color, size and material.


def test_google_requires_gender_and_age_group_for_apparel() -> None:
    tee = {
        "id": "T1",
        "title": "Organic Cotton T-Shirt",
        "attributes": {"color": "White", "size": "M", "material": "Cotton"},
    }
    found = run_check(MissingAttribute, tee, profile="google")
    assert [f.field for f in found] == ["attributes.gender", "attributes.age_group"]
    assert "Google requires gender for clothing" in found[0].message
    complete = {
        **tee,
        "attributes": {**tee["attributes"], "Gender": "unisex", "Age Group": "adult"},
    }
    assert run_check(MissingAttribute, complete, profile="google") == []
    assert run_check(MissingAttribute, tee, profile="generic") == []
    assert run_check(MissingAttribute, LAMP, profile="google") == []


# `listlint profiles`.


def test_profiles_command_lists_every_profile(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("profiles")
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == profiles.available()
    config = tmp_path / "listlint.toml"
    config.write_text('[profiles.my-shop]\nextends = "ebay"\ndescription = "Ours"\n', "utf-8")
    result = run_cli("profiles", "--config", str(config))
    assert result.stdout.splitlines()[-1].split() == [
        "my-shop", "(config,", "extends", "ebay)", "Ours",
    ]  # fmt: skip


def test_profiles_command_prints_resolved_settings(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("profiles", "google")
    assert result.exit_code == 0
    assert 'marketplace = "Google"' in result.stdout
    assert "max-count = 11" in result.stdout
    assert 'coupon-prefixes = ["05", "981", "982", "983", "984", "99"]' in result.stdout
    config = tmp_path / "listlint.toml"
    config.write_text('[profiles.my-shop]\nextends = "ebay"\n', "utf-8")
    mine = run_cli("profiles", "my-shop", "--config", str(config))
    assert "max-length = 80" in mine.stdout and 'extends = "ebay"' in mine.stdout
    assert run_cli("profiles", "etsy").exit_code == 2
