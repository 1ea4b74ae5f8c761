"""The product kind decides required attributes, so each wrong guess is a false missing-*."""

from __future__ import annotations

import pytest

from listlint.text.product_kind import product_kind


@pytest.mark.parametrize(
    ("category", "title", "language", "kind"),
    [
        ("Men/Tops/Tees", "Aero Daily Fitness Tee", "en", "clothing"),
        ("Women/Tops/Bras & Tanks", "Celeste Sports Bra", "en", "clothing"),
        ("Apparel/Sneakers", "White Plimsolls", "en", "footwear"),
        ("Gear/Bags", "Joust Duffle Bag", "en", "bags"),
        ("Kitchen > Blenders", "High-Speed Blender 1200W", "en", None),
        # The last category segment beats a broad parent...
        ("Apparel/Headware/Sunglasses", "Cool Shades", "en", "other"),
        # ...and a title beats a category segment that names no kind.
        ("Accessories/Home Accessories", "Mountain fox cushion", "en", "home-textiles"),
        ("Clothing > Accessories", "Leather Belt", "en", "other"),
        ("Clothes/Men", "Hummingbird printed sweater", "en", "clothing"),
        ("Vêtements/Hommes", "T-shirt imprimé colibri", "fr", "clothing"),
    ],
)
def test_kind_from_category_then_title(
    category: str, title: str, language: str, kind: str | None
) -> None:
    match = product_kind(category, title, language)
    assert (match.kind if match else None) == kind


@pytest.mark.parametrize(
    ("title", "language", "kind"),
    [
        # English names the product last: a coat hanger is not a coat.
        ("Wooden Coat Hanger Set of 10", "en", "other"),
        ("Shoe Rack with 4 Shelves", "en", "other"),
        ("Dress Shoes for Men", "en", "footwear"),
        # French names it first: a bag for shoes is a bag.
        ("Sac à chaussures de voyage", "fr", "bags"),
        ("Herrenjacke für den Winter", "de", "clothing"),
        ("男士纯棉T恤", "zh", "clothing"),
        ("男士纯棉T恤", "", "clothing"),
        # A number before a kind word counts units, it does not sell one.
        ("Organic Green Tea, 100 Bags", "en", "other"),
        # German "Bank" is a bench, but not in a power bank.
        ("Powerbank 10000 mAh", "de", "other"),
        ("Bluetooth Headphones", "en", "other"),
        ("Noise Cancelling Earbuds", "", "other"),
        ("Gift Voucher", "en", None),
        # A yoga mat is not a rug, in any language.
        ("Tapis de yoga antidérapant 6 mm", "fr", "other"),
        ("Non-slip Yoga Mat", "en", "other"),
        ("Cotton Bath Mat", "en", "home-textiles"),
    ],
)
def test_kind_from_title(title: str, language: str, kind: str | None) -> None:
    match = product_kind("", title, language)
    assert (match.kind if match else None) == kind


@pytest.mark.parametrize(
    ("category", "title", "language"),
    [
        # A department whose products need no attributes: a title word is not the product.
        ("Books/Cooking", "The Jacket Potato Cookbook", "en"),
        ("Musik/CD", "AC/DC Back in Black CD - Hardrock Klassiker", "de"),
        ("Lebensmittel/Wein", "Riesling Weißwein trocken 750 ml", "de"),
        ("Beauté/Parfums", "Jean Paul Gaultier Le Male Eau de Toilette 125 ml", "fr"),
        ("Alimentación/Helados", "Polo de limón helado, caja de 6", "es"),
        ("Automotive/Interior", "Floor Mats for VW Polo 2018-2024", "en"),
        ("Automotive/Exterior Accessories", "Front End Car Bra for Mazda MX-5", "en"),
        ("Pet Supplies/Dogs/Beds", "Orthopedic Dog Bed Pillow, Large", "en"),
        ("Electronics/Audio/Accessories", "Headset Ear Cushions Replacement", "en"),
        # Above a segment that names no kind of its own ("Headphones" are "other").
        ("Electronics/Headphones/Accessories", "Replacement Ear Pads Cushions for Sony", "en"),
        ("Arts & Crafts/Sewing", "Sewing Pattern - Wrap Dress, Sizes 6-22", "en"),
    ],
)
def test_a_department_is_not_overruled_by_a_title_word(
    category: str, title: str, language: str
) -> None:
    assert product_kind(category, title, language) is None


@pytest.mark.parametrize(
    ("title", "language"),
    [
        # "trocken" (dry) and "Barock" hold "rock" (a skirt), but are no compounds of it.
        ("Rotkäppchen Sekt trocken 0,75 l", "de"),
        ("Barock Bilderrahmen Gold 30x40 cm", "de"),
        # A compound's own entry beats its last word: a bicycle tyre, a cable sleeve.
        ("Schwalbe Marathon Fahrradmantel 28 Zoll", "de"),
        ("Gewebeschlauch Kabelmantel 10 m", "de"),
        # English compounds whose last word is a kind word.
        ("Bounty Paper Towels, 12 Double Rolls", "en"),
        ("Table Tennis Paddle Set with 3 Balls", "en"),
        ("Bamboo Golf Tees 2-3/4 inch, 100 Pack", "en"),
        ("Rear Drum Brake Shoes Set for Toyota Corolla", "en"),
        ("Heavy Punching Bag 4 ft, Unfilled", "en"),
        ("Replacement Shirt Buttons, 100 Pack", "en"),
        ("Docusate Sodium Stool Softener 100 mg", "en"),
        # Equipment named after furniture or textiles, in several languages.
        ("Kenney Curtain Rod 28-48 Inch", "en"),
        ("DEWALT 10-Inch Table Saw", "en"),
        ("Fire Blanket for Kitchen 1 x 1 m", "en"),
        ("Tapis de course pliable 12 km/h", "fr"),
        ("Hantelbank verstellbar", "de"),
        ("Mesa de mezclas Behringer Xenyx", "es"),
        ("Cadeira de Rodas Dobrável", "pt"),
        ("袜子收纳盒 抽屉式", "zh-CN"),
        ("窗帘杆 伸缩 免打孔", "zh-CN"),
    ],
)
def test_words_that_only_look_like_a_kind(title: str, language: str) -> None:
    match = product_kind("", title, language)
    assert match is None or match.kind == "other", match


@pytest.mark.parametrize(
    ("category", "title", "language", "kind"),
    [
        ("", "Minirock aus Jeans", "de", "clothing"),
        ("", "Wintermantel für Damen", "de", "clothing"),
        ("Automotive/Apparel/Jackets", "Racing Jacket", "en", "clothing"),
        # Departments that also sell textiles are not departments: tea towels need a size.
        ("Home/Kitchen", "Cotton Tea Towels, Set of 4", "en", "home-textiles"),
        ("Sports/Running", "Men's Running Jacket", "en", "clothing"),
    ],
)
def test_real_kinds_survive_the_guards(category: str, title: str, language: str, kind: str) -> None:
    match = product_kind(category, title, language)
    assert match is not None and match.kind == kind


def test_match_names_its_evidence() -> None:
    match = product_kind("Men/Bottoms/Pants", "Caesar Warm-Up Pant", "en")
    assert match is not None
    assert (match.where, match.word) == ("category", "Pants")


def _product_kind_read_in_full(category: str, title: str, language: str) -> object:
    """product_kind as the rules read, without the per-category cache: every segment, then the
    title, then a broader segment."""
    from listlint.text import product_kind as module

    languages = module._languages(language)
    segments = [s for s in module._CATEGORY_SEPARATORS.split(category.strip()) if s]
    broad = None
    for depth, segment in enumerate(reversed(segments)):
        match = module._find(segment, languages, in_category=True)
        if match is None:
            continue
        if match.kind == "department":
            return None
        if depth == 0:
            return module.KindMatch(match.kind, segment, "category")
        broad = broad or module.KindMatch(match.kind, segment, "category")
        if match.kind != "other":
            break
    titled = module._find(title, languages)
    if titled is not None:
        return module.KindMatch(titled.kind, titled.word, "title")
    return broad


def test_the_per_category_cache_gives_what_reading_everything_gives() -> None:
    # The category is read once per (category, languages) and shared by every title under it.
    categories = [
        "", "Men/Tops/Tees", "Apparel/Headware/Sunglasses", "Clothing > Belts", "Home Accessories",
        "Electronics/Audio/Headphones", "Bags/Backpacks", "Home/Bath/Towels", "Schuhe/Herren",
        "Books/Cooking", "Automotive/Apparel/Jackets", "Lebensmittel",
        "Electronics/Headphones/Accessories", "Clothing/Sunglasses/Kids",
    ]  # fmt: skip
    titles = [
        "Mountain fox cushion", "Red Cotton Hoodie", "Leather Tote Bag", "Gift Voucher",
        "Sac à chaussures de voyage", "Herrenjacke für den Winter", "Organic Green Tea, 100 Bags",
    ]  # fmt: skip
    for language in ("", "en", "fr", "de"):
        for category in categories:
            for title in titles:
                expected = _product_kind_read_in_full(category, title, language)
                assert product_kind(category, title, language) == expected, (category, title)
