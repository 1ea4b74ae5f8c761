"""Generate a synthetic catalog of realistic listings for benchmarks.

    python bench/generate.py N -o FILE.jsonl [--seed S] [--defect-rate R] [--images pool|none]
                             [--labels LABELS.jsonl]

Writes N listings in JSON Lines (the record of docs/listing-format.md): apparel, footwear, bags,
home textiles, furniture, electronics and everyday goods, with 0-6 variants, descriptions of
200-1500 characters (some in HTML), a few in German and French. About ``--defect-rate`` (default
10 %) of the listings carry exactly one defect of the kinds listlint's core rules look for:
missing-color/-size/-material, invalid-gtin, sale-price-above-price, negative-stock,
title-too-long, title-all-caps, title-promotional, title-repeated-words, duplicate-id,
stale-listing. The others are written to be clean: each was updated in the four weeks before
``REFERENCE_DAY`` (run listlint with ``LISTLINT_TODAY`` set to it, as the bench scripts do, so
that stale-listing judges ages the same way on every day). ``--labels`` writes which defect
went where, one JSON line per defective listing:
``{"line": 12, "id": "...", "expect": ["rule-name"]}``.

With ``--images pool`` (the default) a small pool of product photos (640x640 JPEG, one colour
each) is drawn into ``images/`` next to FILE and listings reference 1-3 of them, in their own
colour; ``--images none`` writes listings without images.

The output depends only on N, the seed and the options: the same command gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

Record = dict[str, Any]
T = TypeVar("T")

# --- vocabulary ----------------------------------------------------------------------------------

# Colour name -> RGB for the image pool.
COLORS: dict[str, tuple[int, int, int]] = {
    "Black": (28, 28, 30),
    "Navy": (31, 45, 84),
    "Grey": (150, 152, 156),
    "Red": (196, 32, 38),
    "Green": (34, 120, 60),
    "Blue": (40, 90, 190),
    "Beige": (214, 196, 160),
    "Brown": (120, 72, 38),
    "Pink": (232, 140, 170),
    "Yellow": (236, 196, 40),
    "Orange": (238, 118, 28),
    "Purple": (112, 64, 150),
    "Olive": (112, 116, 48),
    "Burgundy": (118, 28, 46),
    "Teal": (0, 128, 128),
}
COLOR_NAMES = list(COLORS)

BRANDS = [
    "Northwind", "Harborline", "Kestrel & Co", "Lumen Works", "Alder Street", "Solvik",
    "Marlowe Goods", "Tidewater", "Oakhurst", "Vantor", "Brightfold", "Quillon", "Ravenmoor",
    "Fernbrook", "Halcyon Supply", "Ostara", "Pinecrest", "Zephyra", "Calloway", "Meridian Lab",
]  # fmt: skip

ADJECTIVES = [
    "Classic", "Essential", "Everyday", "Premium", "Lightweight", "Relaxed", "Modern", "Soft",
    "Durable", "Compact", "Vintage", "Minimal", "Heritage", "Urban", "Versatile", "Refined",
]  # fmt: skip

PROMO_PHRASES = [
    "FREE SHIPPING", "Best Seller", "Hot Sale", "100% Guaranteed", "Cheap", "Best Price",
    "SALE!", "Limited Offer", "Top Selling", "Free Delivery",
]  # fmt: skip

# Unique filler words for keyword-stuffed titles; none of them occurs in a generated title.
STUFFING = [
    "Gift", "Men", "Women", "Teens", "Adults", "Holiday", "Birthday", "Christmas", "Outdoor",
    "Indoor", "Travel", "Office", "Gym", "Party", "Summer", "Winter", "Spring", "Autumn", "Daily",
    "Casual", "Formal", "Work", "Weekend", "Camping", "Hiking", "Beach", "Home", "Trendy",
    "Stylish", "Cute", "Cool", "Unisex", "Novelty", "Idea", "Present", "Wife", "Husband", "Mom",
    "Dad",
]  # fmt: skip

LANG_WEIGHTS = (("en", 90), ("de", 5), ("fr", 5))

GENERIC_SENTENCES: dict[str, list[str]] = {
    "en": [
        "Every piece is checked by hand before it leaves our warehouse.",
        "We ship within one working day of your order, with tracking.",
        "Returns are accepted within 30 days in original condition.",
        "Designed in our studio and made in partner factories we visit every year.",
        "The packaging is made from recycled cardboard and is fully recyclable.",
        "Please allow for small differences between the photos and the product on your screen.",
        "If anything is wrong with your order, our support team answers within a day.",
        "It makes a thoughtful gift and arrives in a plain, unbranded box.",
        "Our products are tested for everyday use over several months before release.",
        "Questions about fit or use? Send us a message and we will help you choose.",
        "Register your purchase online to extend the warranty by a year.",
        "We work with independent suppliers and pay fair prices for their work.",
        "Each order includes a printed care card with simple instructions.",
        "Spare parts and accessories are available for several years after purchase.",
        "The product complies with all applicable EU and US safety regulations.",
        "Join our newsletter for care tips and news about upcoming collections.",
        "Orders placed before noon are usually dispatched the same day.",
        "Customers tell us it is the piece they reach for most often.",
        "Made to last, so you can buy less and use it longer.",
        "We offset the carbon emissions of every delivery.",
        "Reviews from verified buyers help us improve each new batch.",
        "It is easy to clean and keeps looking good after years of use.",
        "Our customer service team is available seven days a week.",
        "Each batch is inspected for finish and workmanship.",
        "All measurements are taken by hand and may vary slightly.",
    ],
    "de": [
        "Jedes Stück wird vor dem Versand von Hand geprüft.",
        "Wir versenden innerhalb eines Werktages nach Ihrer Bestellung mit Sendungsverfolgung.",
        "Rücksendungen sind innerhalb von 30 Tagen im Originalzustand möglich.",
        "Entworfen in unserem Studio und gefertigt bei Partnern, die wir jedes Jahr besuchen.",
        "Die Verpackung besteht aus recyceltem Karton und ist vollständig recycelbar.",
        "Bei Fragen hilft Ihnen unser Kundenservice gerne weiter.",
        "Das Produkt erfüllt alle geltenden Sicherheitsvorschriften der EU.",
        "Bestellungen, die bis zwölf Uhr eingehen, verlassen meist noch am selben Tag das Lager.",
        "Es ist leicht zu reinigen und sieht auch nach Jahren noch gut aus.",
        "Ersatzteile und Zubehör sind noch viele Jahre nach dem Kauf erhältlich.",
        "Jede Bestellung enthält eine gedruckte Pflegeanleitung.",
        "Wir arbeiten mit unabhängigen Lieferanten und zahlen faire Preise.",
        "Unser Kundenservice ist an sieben Tagen in der Woche für Sie da.",
        "Gemacht, um lange zu halten: weniger kaufen und länger nutzen.",
        "Kleine Abweichungen zwischen Foto und Produkt sind möglich.",
    ],
    "fr": [
        "Chaque pièce est vérifiée à la main avant de quitter notre entrepôt.",
        "Nous expédions sous un jour ouvré après votre commande, avec suivi.",
        "Les retours sont acceptés sous 30 jours dans leur état d'origine.",
        "Conçu dans notre atelier et fabriqué chez des partenaires que nous visitons chaque année.",
        "L'emballage est en carton recyclé et entièrement recyclable.",
        "Notre service client répond à toutes vos questions en moins d'une journée.",
        "Le produit est conforme à toutes les normes de sécurité européennes en vigueur.",
        "Les commandes passées avant midi partent généralement le jour même.",
        "Il se nettoie facilement et reste beau après des années d'utilisation.",
        "Les pièces détachées restent disponibles plusieurs années après l'achat.",
        "Chaque commande contient une fiche d'entretien imprimée.",
        "Nous travaillons avec des fournisseurs indépendants et les payons au juste prix.",
        "Notre équipe est disponible sept jours sur sept.",
        "Fait pour durer : acheter moins et utiliser plus longtemps.",
        "De légères différences entre la photo et le produit sont possibles.",
    ],
}


@dataclass(frozen=True)
class Product:
    """One kind of product and what a listing of it looks like."""

    kind: str  # clothing, footwear, bags, home-textiles, furniture, or other
    nouns: dict[str, str]  # language -> noun
    category: str
    materials: tuple[str, ...]  # material attribute values; the first word goes in titles
    sizes: tuple[str, ...]
    price: tuple[int, int]
    sentences: tuple[str, ...]  # English; may use {material}, {noun}, {spec}
    specs: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # attribute, text template, values
    colors: tuple[str, ...] = field(default_factory=lambda: tuple(COLOR_NAMES))


CLOTHING_SIZES = ("XS", "S", "M", "L", "XL", "XXL")
WAIST_SIZES = ("28", "30", "32", "34", "36", "38")
SHOE_SIZES = ("38", "39", "40", "41", "42", "43", "44", "45")

APPAREL_SENTENCES = (
    "Made from {material} that feels soft from the first wear.",
    "The cut is true to size; take your usual size for a comfortable fit.",
    "Machine wash at 30 degrees with similar colours and dry flat.",
    "Reinforced seams keep the shape after many washes.",
    "Pair it with your favourite basics for an easy everyday look.",
    "The fabric is breathable and comfortable through the whole day.",
    "Finished with clean, flat seams that do not rub.",
)

PRODUCTS: tuple[Product, ...] = (
    Product("clothing", {"en": "T-Shirt", "de": "T-Shirt", "fr": "T-shirt"},
            "Apparel/Tops/T-Shirts", ("Cotton", "Organic cotton", "Linen"), CLOTHING_SIZES,
            (12, 45), APPAREL_SENTENCES),
    Product("clothing", {"en": "Hoodie", "de": "Kapuzenpullover", "fr": "Sweat à capuche"},
            "Apparel/Tops/Hoodies & Sweatshirts", ("Cotton", "Fleece"), CLOTHING_SIZES, (35, 90),
            (*APPAREL_SENTENCES, "A roomy kangaroo pocket keeps your hands warm.")),
    Product("clothing", {"en": "Sweater", "de": "Pullover", "fr": "Pull"},
            "Apparel/Tops/Sweaters", ("Wool", "Merino wool", "Cashmere"), CLOTHING_SIZES,
            (45, 160), APPAREL_SENTENCES),
    Product("clothing", {"en": "Jeans", "de": "Jeans", "fr": "Jean"}, "Apparel/Bottoms/Jeans",
            ("Cotton",), WAIST_SIZES, (40, 120),
            (*APPAREL_SENTENCES, "Five pockets and a zip fly, finished with a shank button.")),
    Product("clothing", {"en": "Dress", "de": "Kleid", "fr": "Robe"}, "Apparel/Women/Dresses",
            ("Linen", "Viscose", "Cotton", "Silk"), CLOTHING_SIZES, (39, 180), APPAREL_SENTENCES),
    Product("clothing", {"en": "Jacket", "de": "Jacke", "fr": "Veste"}, "Apparel/Outerwear/Jackets",
            ("Polyester", "Nylon", "Wool"), CLOTHING_SIZES, (69, 260),
            (*APPAREL_SENTENCES, "Two zipped hand pockets and an inner pocket for your phone.")),
    Product("clothing", {"en": "Leggings", "de": "Leggings", "fr": "Legging"},
            "Apparel/Activewear/Leggings", ("Polyamide", "Polyester"), CLOTHING_SIZES, (25, 70),
            APPAREL_SENTENCES),
    Product("footwear", {"en": "Sneakers", "de": "Sneaker", "fr": "Baskets"}, "Shoes/Sneakers",
            ("Canvas", "Leather", "Suede"), SHOE_SIZES, (45, 140),
            ("These {noun} have a {material} upper and a cushioned insole.",
             "The rubber outsole grips well on wet pavements.",
             "Padded collar and tongue for comfort on long days.",
             "They fit true to size; if you are between sizes, take the larger one.")),
    Product("footwear", {"en": "Boots", "de": "Stiefel", "fr": "Bottes"}, "Shoes/Boots",
            ("Leather", "Suede", "Nubuck"), SHOE_SIZES, (89, 260),
            ("These {noun} are made of {material} with a sturdy stitched welt.",
             "A cushioned footbed and a deep-lug sole for grip in any weather.",
             "Treat the upper regularly to keep it supple.")),
    Product("footwear", {"en": "Sandals", "de": "Sandalen", "fr": "Sandales"}, "Shoes/Sandals",
            ("Leather", "Synthetic"), SHOE_SIZES, (29, 120),
            ("Adjustable straps and a contoured footbed in {material}.",
             "The light sole makes them easy to pack for holidays.")),
    Product("bags", {"en": "Backpack", "de": "Rucksack", "fr": "Sac à dos"}, "Bags/Backpacks",
            ("Recycled polyester", "Canvas", "Nylon"), (), (39, 180),
            ("This {noun} is made of {material} and holds everything for the day.",
             "A padded sleeve fits a laptop, and side pockets hold a bottle.",
             "Padded shoulder straps spread the weight evenly."),
            (("volume", "{v} L", ("15", "20", "25", "30")),)),
    Product("bags", {"en": "Tote Bag", "de": "Shopper", "fr": "Cabas"}, "Bags/Totes",
            ("Leather", "Canvas", "Cotton canvas"), (), (25, 220),
            ("A roomy {noun} in {material} with long handles for the shoulder.",
             "An inner zip pocket keeps keys and cards safe.")),
    Product("bags", {"en": "Wallet", "de": "Geldbörse", "fr": "Portefeuille"},
            "Accessories/Wallets",
            ("Leather", "Vegan leather"), (), (19, 90),
            ("A slim {noun} in {material} with six card slots and a note pocket.",
             "Stitched edges that will not fray.")),
    Product("home-textiles",
            {"en": "Cushion Cover", "de": "Kissenbezug", "fr": "Housse de coussin"},
            "Home/Textiles/Cushions", ("Linen", "Cotton", "Velvet"),
            ("40 x 40 cm", "45 x 45 cm", "50 x 50 cm"), (12, 45),
            ("A {noun} in {material} with a hidden zip; the insert is sold separately.",
             "Machine washable at 40 degrees.")),
    Product("home-textiles", {"en": "Bath Towel", "de": "Badetuch", "fr": "Drap de bain"},
            "Home/Textiles/Towels", ("Cotton", "Organic cotton"), ("70 x 140 cm", "100 x 150 cm"),
            (15, 60),
            ("A thick {noun} in {material} terry that dries quickly.",
             "It gets softer with every wash.")),
    Product("home-textiles", {"en": "Duvet Cover", "de": "Bettbezug", "fr": "Housse de couette"},
            "Home/Textiles/Bedding", ("Cotton", "Linen", "Cotton sateen"),
            ("135 x 200 cm", "155 x 220 cm", "200 x 200 cm"), (39, 160),
            ("A {noun} in {material} with button closure.",
             "Washed for a soft, lived-in feel from the first night.")),
    Product("furniture", {"en": "Side Table", "de": "Beistelltisch", "fr": "Table d'appoint"},
            "Home/Furniture/Tables", ("Oak", "Walnut", "Steel"), (), (49, 320),
            ("A sturdy {noun} in {material} that fits next to any sofa.",
             "Delivered flat-packed with all fittings and simple instructions."),
            (("height", "{v} cm", ("45", "50", "55")),)),
    Product("furniture", {"en": "Bookshelf", "de": "Bücherregal", "fr": "Bibliothèque"},
            "Home/Furniture/Storage", ("Pine", "Oak", "Birch plywood"), (), (89, 420),
            ("A {noun} in {material} with adjustable shelves.",
             "Wall fixings are included for extra safety."),
            (("height", "{v} cm", ("120", "160", "180")),)),
    Product("other", {"en": "Wireless Headphones", "de": "Kabellose Kopfhörer",
                      "fr": "Casque sans fil"},
            "Electronics/Audio/Headphones", (), (), (39, 350),
            ("These {noun} offer up to {spec} of playback per charge.",
             "Bluetooth pairing is quick and the connection is stable.",
             "Soft ear cushions keep them comfortable for hours."),
            (("battery_life", "{v} hours", ("20", "30", "40")),)),
    Product("other", {"en": "Bluetooth Speaker", "de": "Bluetooth-Lautsprecher",
                      "fr": "Enceinte Bluetooth"},
            "Electronics/Audio/Speakers", (), (), (29, 250),
            ("This {noun} delivers {spec} of clear, full sound.",
             "The rugged body is splash-proof, ideal for the garden or the beach."),
            (("power", "{v} W", ("10", "20", "30", "40")),)),
    Product("other", {"en": "USB-C Charger", "de": "USB-C-Ladegerät", "fr": "Chargeur USB-C"},
            "Electronics/Accessories/Chargers", (), (), (15, 70),
            ("This {noun} charges phones, tablets and laptops with up to {spec}.",
             "A compact design that fits easily in any bag."),
            (("power", "{v} W", ("20", "30", "45", "65", "100")),),
            ("Black", "Grey")),
    Product("other", {"en": "Smart TV", "de": "Smart-TV", "fr": "Téléviseur connecté"},
            "Electronics/TV & Video/Televisions", (), (), (299, 1800),
            ("A 4K {noun} with a {spec} screen and built-in streaming apps.",
             "Three HDMI ports connect a console, a soundbar and a set-top box."),
            (("screen_size", "{v} inch", ("43", "50", "55", "65")),), ("Black",)),
    Product("other", {"en": "Power Bank", "de": "Powerbank", "fr": "Batterie externe"},
            "Electronics/Accessories/Power Banks", (), (), (19, 80),
            ("A {noun} with a capacity of {spec}, enough for several phone charges.",),
            (("capacity", "{v} mAh", ("10000", "20000", "26800")),)),
    Product("other", {"en": "Coffee Mug", "de": "Kaffeebecher", "fr": "Mug à café"},
            "Home/Kitchen/Mugs", (), (), (8, 30),
            ("A glazed {noun} that holds {spec}, dishwasher and microwave safe.",),
            (("capacity", "{v} ml", ("300", "350", "400")),)),
    Product("other", {"en": "Electric Kettle", "de": "Wasserkocher", "fr": "Bouilloire électrique"},
            "Home/Kitchen/Kettles", (), (), (25, 120),
            ("A cordless {noun} with a capacity of {spec} and automatic shut-off.",),
            (("capacity", "{v} L", ("1.2", "1.5", "1.7")),)),
    Product("other", {"en": "Yoga Mat", "de": "Yogamatte", "fr": "Tapis de yoga"},
            "Sports/Yoga/Mats", (), (), (19, 90),
            ("A cushioned {noun}, {spec} thick, with a non-slip surface.",),
            (("thickness", "{v} mm", ("4", "6", "8")),)),
)  # fmt: skip

REQUIRED: dict[str, tuple[str, ...]] = {
    "clothing": ("color", "size", "material"),
    "footwear": ("color", "size"),
    "bags": ("color", "material"),
    "home-textiles": ("color", "size", "material"),
    "furniture": ("color", "material"),
    "other": (),
}

# GS1 prefixes that are not restricted or coupon ranges.
GTIN13_PREFIXES = ("50", "40", "30", "84", "69", "76", "87", "80", "70", "73")
UPC_FIRST_DIGITS = ("0", "1", "6", "7", "8", "9")


def check_digit(body: str) -> str:
    """The GS1 check digit of a GTIN without its last digit."""
    total = 3 * sum(map(int, body[::-2])) + sum(map(int, body[-2::-2]))
    return str(-total % 10)


# --- generator -----------------------------------------------------------------------------------

BASE_DEFECTS = (
    "invalid-gtin", "sale-price-above-price", "negative-stock", "title-too-long",
    "title-all-caps", "title-promotional", "title-repeated-words", "duplicate-id",
    "stale-listing",
)  # fmt: skip
# The day the catalog is exported: clean listings were updated in the four weeks before it.
REFERENCE_DAY = date(2026, 11, 27)


class Generator:
    def __init__(
        self,
        seed: int,
        defect_rate: float,
        images: dict[str, list[str]] | None,
        languages: Sequence[tuple[str, int]] = LANG_WEIGHTS,
        description_length: tuple[int, int] = (200, 1500),
    ) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self.defect_rate = defect_rate
        self.images = images  # colour -> relative image paths, or None for no images
        self.ids: list[str] = []
        self.langs = [lang for lang, weight in languages for _ in range(weight)]
        self.shortest, self.longest = description_length
        self._sentences: dict[tuple[int, str, str, str], list[str]] = {}

    def below(self, n: int) -> int:
        """A random integer in [0, n): ``randrange`` without its argument checks, 5x faster."""
        return int(self.random() * n)

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def listing(self, index: int) -> tuple[Record, str | None]:
        rng = self.rng
        product = self.pick(PRODUCTS)
        lang = self.langs[self.below(100)]
        required = REQUIRED[product.kind]
        defect: str | None = None
        if rng.random() < self.defect_rate:
            choices = [d for d in BASE_DEFECTS if d != "duplicate-id" or self.ids]
            choices += [f"missing-{a}" for a in required]
            defect = self.pick(choices)

        if defect == "title-all-caps":
            lang = "en"  # German and French titles here are 2-3 words: too short to judge
        brand = self.pick(BRANDS)
        listing_id = f"{product.category[:2].upper()}-{index:07d}"
        if defect == "duplicate-id":
            listing_id = self.pick(self.ids)
        self.ids.append(listing_id)

        material = self.pick(product.materials) if product.materials else ""
        low, high = product.price
        price = float(low * 100 + self.below((high - low) * 100) // 50 * 50 - 1) / 100
        on_sale = rng.random() < 0.2
        sale_price = round(price * (0.6 + self.below(30) / 100), 2) if on_sale else None

        # Colours and sizes: on variants when there are several, else on the listing.
        colors = product.colors
        n_colors = 1 if len(colors) == 1 or rng.random() < 0.6 else 2 + self.below(2)
        n_colors = min(n_colors, len(colors))
        listing_colors = rng.sample(colors, n_colors) if n_colors > 1 else [self.pick(colors)]
        sizes: list[str] = []
        if product.sizes:
            n_sizes = 1 + self.below(3) if n_colors > 1 else 1 + self.below(6)
            start = (
                self.below(len(product.sizes) - n_sizes + 1) if n_sizes <= len(product.sizes) else 0
            )
            sizes = list(product.sizes[start : start + n_sizes])
        color_on_variants = n_colors > 1
        size_on_variants = len(sizes) > 1 or (len(sizes) == 1 and self.random() < 0.2)
        has_color_attr = product.kind != "other" or rng.random() < 0.7

        attributes: dict[str, Any] = {}
        if material and defect != "missing-material":
            attributes["material"] = material
        if not color_on_variants and has_color_attr and defect != "missing-color":
            attributes["color"] = listing_colors[0]
        if sizes and not size_on_variants and defect != "missing-size":
            attributes["size"] = sizes[0]
        spec_text = ""
        for name, template, values in product.specs:
            value = self.pick(values)
            spec_text = template.format(v=value)
            attributes[name] = spec_text

        variants: list[Record] = []
        if color_on_variants or size_on_variants:
            for color in listing_colors if color_on_variants else [None]:
                for size in sizes if size_on_variants else [None]:
                    if len(variants) == 6:
                        break
                    v_attrs: dict[str, str] = {}
                    suffix = ""
                    if color is not None and defect != "missing-color":
                        v_attrs["color"] = color
                    if color is not None:
                        suffix += "-" + color[:3].upper()
                    if size is not None and defect != "missing-size":
                        v_attrs["size"] = size
                    if size is not None:
                        suffix += "-" + size.replace(" ", "")
                    variant: Record = {"id": listing_id + suffix, "attributes": v_attrs,
                                       "price": price}  # fmt: skip
                    if sale_price is not None:
                        variant["sale_price"] = sale_price
                    variant["stock"] = self.below(120)
                    variant["gtin"] = self.gtin()
                    if self.images and color is not None:
                        variant["images"] = [self.images[color][0]]
                    variants.append(variant)

        noun = product.nouns.get(lang, product.nouns["en"])
        title = self.title(product, lang, brand, noun, material, listing_colors, color_on_variants,
                           defect, has_color_attr)  # fmt: skip
        description = self.description(product, lang, noun, material, spec_text)

        record: Record = {
            "id": listing_id,
            "title": title,
            "description": description,
            "category": product.category,
            "brand": brand,
            "language": lang,
            "attributes": attributes,
        }
        if variants:
            record["variants"] = variants
        if self.images:
            record["images"] = self.pick_images(listing_colors)
        record["price"] = price
        if sale_price is not None:
            record["sale_price"] = sale_price
        record["currency"] = "USD" if lang == "en" else "EUR"
        record["stock"] = sum(v["stock"] for v in variants) if variants else self.below(500)
        if not variants or rng.random() < 0.3:
            record["gtin"] = self.gtin()
        record["shipping"] = {"days_min": 1 + self.below(3), "days_max": 4 + self.below(8),
                              "cost": 0 if rng.random() < 0.5 else 4.95, "from": "US"}  # fmt: skip
        record["updated_at"] = (REFERENCE_DAY - timedelta(days=self.below(28))).isoformat()
        if defect is not None:
            self.inject(record, defect)
        return record, defect

    def gtin(self) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            body = self.pick(UPC_FIRST_DIGITS) + str(self.below(10**10)).zfill(10)
        else:
            body = self.pick(GTIN13_PREFIXES) + str(self.below(10**10)).zfill(10)
        return body + check_digit(body)

    def title(
        self, product: Product, lang: str, brand: str, noun: str, material: str,
        colors: Sequence[str], color_on_variants: bool, defect: str | None, has_color_attr: bool,
    ) -> str:  # fmt: skip
        rng = self.rng
        parts = [brand]
        if lang == "en":
            adjective = self.pick(ADJECTIVES)
            if adjective.lower() not in noun.lower():
                parts.append(adjective)
            if material and rng.random() < 0.6 and defect != "missing-material":
                parts.append(material.title())
            parts.append(noun)
            if (
                not color_on_variants
                and has_color_attr
                and defect != "missing-color"
                and rng.random() < 0.5
            ):
                parts[-1] += ","
                parts.append(colors[0])
        else:
            parts.append(noun)
        return " ".join(parts)

    def description(
        self, product: Product, lang: str, noun: str, material: str, spec: str
    ) -> str:  # fmt: skip
        target = self.shortest + self.below(self.longest - self.shortest + 1)
        sentences: list[str] = []
        length = 0
        if lang == "en":
            own = self.own_sentences(product, noun, material, spec)
            start = self.below(len(own))
            for sentence in own[start:] + own[:start]:
                sentences.append(sentence)
                length += len(sentence) + 1
                if length >= target:
                    break
        pool = GENERIC_SENTENCES[lang]
        k = self.below(len(pool))
        for _ in range(len(pool)):
            if length >= target:
                break
            sentence = pool[k % len(pool)]
            if length + len(sentence) > self.longest - 20:
                break
            sentences.append(sentence)
            length += len(sentence) + 1
            k += 1
        while length < self.shortest:  # never too short, even from a short pool
            sentences.append(pool[k % len(pool)])
            length += len(sentences[-1]) + 1
            k += 1
        if len(sentences) > 1 and self.random() < 0.3:
            middle = len(sentences) // 2
            return f"<p>{' '.join(sentences[:middle])}</p><p>{' '.join(sentences[middle:])}</p>"
        return " ".join(sentences)

    def own_sentences(self, product: Product, noun: str, material: str, spec: str) -> list[str]:
        """The product's own sentences, filled in (cached: there are few combinations)."""
        key = (id(product), noun, material, spec)
        cached = self._sentences.get(key)
        if cached is None:
            cached = [
                s.format(noun=noun.lower(), material=material.lower(), spec=spec)
                for s in product.sentences
                if material or "{material}" not in s
            ]
            self._sentences[key] = cached
        return cached

    def pick_images(self, colors: Sequence[str]) -> list[str]:
        assert self.images is not None
        own = self.images[colors[0]]
        count = 1 + self.below(min(3, len(own)))
        start = self.below(len(own))
        return [own[(start + k) % len(own)] for k in range(count)]

    def inject(self, record: Record, defect: str) -> None:
        """Apply a defect that is not already built into the record."""
        rng = self.rng
        variants: list[Record] = record.get("variants", [])
        if defect == "invalid-gtin":
            holders = [record] if "gtin" in record else variants
            holder = self.pick(holders) if holders else record
            good = holder.get("gtin") or self.gtin()
            style = self.below(3)
            if style == 0:  # wrong check digit
                holder["gtin"] = good[:-1] + str((int(good[-1]) + 1 + self.below(9)) % 10)
            elif style == 1:  # a UPC that lost its leading zero
                body = "0" + str(self.below(10**10)).zfill(10)
                holder["gtin"] = (body + check_digit(body))[1:]
            else:  # a spreadsheet's scientific notation
                holder["gtin"] = f"{float(good):.5E}"
        elif defect == "sale-price-above-price":
            holder = self.pick(variants) if variants else record
            price = float(holder["price"] if "price" in holder else record["price"])
            holder["sale_price"] = price if rng.random() < 0.3 else round(price * 1.15, 2)
        elif defect == "negative-stock":
            holder = self.pick(variants) if variants else record
            holder["stock"] = -1 - self.below(20)
        elif defect == "title-too-long":
            words = record["title"].lower().split()
            extra = [w for w in STUFFING if w.lower() not in words]
            rng.shuffle(extra)
            title = record["title"]
            goal = 151 + self.below(60)
            for word in extra:
                if len(title) >= goal:
                    break
                title += " " + word
            record["title"] = title
        elif defect == "title-all-caps":
            record["title"] = record["title"].upper()
        elif defect == "stale-listing":  # not touched for two to eleven months
            age = timedelta(days=60 + self.below(270))
            record["updated_at"] = (REFERENCE_DAY - age).isoformat()
        elif defect == "title-promotional":
            phrase = self.pick(PROMO_PHRASES)
            record["title"] = record["title"] + " " + phrase
        elif defect == "title-repeated-words":
            words = record["title"].split()
            candidates = [i for i, w in enumerate(words) if len(w.strip(",")) >= 3 and i > 0]
            k = self.pick(candidates) if candidates else len(words) - 1
            record["title"] = " ".join([*words[:k], words[k].rstrip(","), *words[k:]])


def draw_pool(folder: Path, per_color: int) -> dict[str, list[str]]:
    """Draw ``per_color`` 640x640 JPEG photos for each colour; return colour -> relative paths."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    pool: dict[str, list[str]] = {}
    for name, rgb in COLORS.items():
        dark = tuple(c * 55 // 100 for c in rgb)
        light = tuple(c + (255 - c) // 3 for c in rgb)
        pool[name] = []
        for k in range(per_color):
            image = Image.new("RGB", (640, 640), (255, 255, 255))
            draw = ImageDraw.Draw(image)
            if k % 3 == 0:
                draw.rounded_rectangle((110, 90, 530, 560), radius=40, fill=rgb, outline=dark,
                                       width=5)  # fmt: skip
            elif k % 3 == 1:
                draw.ellipse((90, 110, 550, 540), fill=rgb, outline=dark, width=5)
            else:
                draw.polygon([(320, 70), (570, 560), (70, 560)], fill=rgb, outline=dark, width=5)
            for j in range(8):
                y = 200 + j * 34 + k * 3
                draw.line([(190, y), (450, y)], fill=light, width=3)
            file = f"gen-{name.lower()}-{k}.jpg"
            image.save(folder / file, format="JPEG", quality=85)
            pool[name].append(f"images/{file}")
    return pool


def generate(
    n: int, out: Path, *, seed: int = 0, defect_rate: float = 0.1, images: str = "pool",
    per_color: int = 3, labels: Path | None = None,
    languages: Sequence[tuple[str, int]] = LANG_WEIGHTS,
    description_length: tuple[int, int] = (200, 1500),
) -> dict[str, int]:  # fmt: skip
    """Write ``n`` listings to ``out``; return how many listings got each defect."""
    pool = draw_pool(out.parent / "images", per_color) if images == "pool" else None
    generator = Generator(seed, defect_rate, pool, languages, description_length)
    counts: dict[str, int] = {}
    dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    label_lines: list[str] = []
    with out.open("w", encoding="utf-8") as stream:
        buffer: list[str] = []
        for index in range(n):
            record, defect = generator.listing(index)
            buffer.append(dumps(record))
            if defect is not None:
                counts[defect] = counts.get(defect, 0) + 1
                if labels is not None:
                    label_lines.append(
                        dumps({"line": index + 1, "id": record["id"], "expect": [defect]})
                    )
            if len(buffer) >= 2000:
                stream.write("\n".join(buffer) + "\n")
                buffer.clear()
        if buffer:
            stream.write("\n".join(buffer) + "\n")
    if labels is not None:
        labels.write_text("".join(line + "\n" for line in label_lines), encoding="utf-8")
    return counts


def _weights(text: str) -> tuple[tuple[str, int], ...]:
    weights = []
    for part in text.split(","):
        lang, _, weight = part.partition("=")
        if lang.strip() not in GENERIC_SENTENCES or not weight.strip().isdigit():
            known = ", ".join(sorted(GENERIC_SENTENCES))
            raise argparse.ArgumentTypeError(f"{part!r}: use LANG=WEIGHT with LANG in {known}")
        weights.append((lang.strip(), int(weight)))
    return tuple(weights)


def _length_range(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    if not (low.isdigit() and high.isdigit() and 60 <= int(low) < int(high)):
        raise argparse.ArgumentTypeError(f"{text!r}: use MIN-MAX, e.g. 300-800 (MIN >= 60)")
    return int(low), int(high)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write N synthetic listings as JSON Lines for benchmarks."
    )
    parser.add_argument("n", type=int, help="number of listings")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .jsonl file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--defect-rate", type=float, default=0.1, help="share of defective listings (default 0.1)"
    )
    parser.add_argument(
        "--images", choices=("pool", "none"), default="pool",
        help="draw a pool of photos into images/ next to the output (default) or use none",
    )  # fmt: skip
    parser.add_argument(
        "--labels", type=Path, help="also write the injected defects here, one JSON line each"
    )
    parser.add_argument(
        "--languages", type=_weights, default=LANG_WEIGHTS,
        help="language mix as weights, e.g. en=60,de=20,fr=20 (default en=90,de=5,fr=5)",
    )  # fmt: skip
    parser.add_argument(
        "--description-length", type=_length_range, default=(200, 1500), metavar="MIN-MAX",
        help="description length in characters (default 200-1500)",
    )  # fmt: skip
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    if not 0 <= args.defect_rate <= 1:
        parser.error("--defect-rate must be between 0 and 1")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    counts = generate(
        args.n, args.output, seed=args.seed, defect_rate=args.defect_rate, images=args.images,
        labels=args.labels, languages=args.languages,
        description_length=args.description_length,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if not args.quiet:
        defective = sum(counts.values())
        print(
            f"wrote {args.n} listings ({defective} with a defect) to {args.output} "
            f"in {elapsed:.2f} s",
            file=sys.stderr,
        )
        for name in sorted(counts):
            print(f"  {name:<24} {counts[name]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
