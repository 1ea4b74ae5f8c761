"""Calibrate the image checks: real photos vs the same photos made worse on purpose.

For a sample of photos from the catalogs named (e.g. ../shared/corpus), writes each photo and
its degraded copies (Gaussian blur radius 2 and 4, downscaled to 400 px, darkened, overexposed
and brightened: 1.8 and 1.5 times as bright, flattened, recoloured) into a temporary catalog,
lints it with listlint's real pipeline and counts, per check, how often it fires on the
originals (false alarms) and on the copies made to trigger it (detections). Nothing is written
outside the temporary folder.

Recolouring rotates the channels, so greys, black and white stay as they are: a black shoe is
still black, and a copy whose product did not change colour is no contradiction to detect. The
recoloured copies are therefore counted only when the product's colour changed family: when the
declared colour's family shows in the original (image-color-mismatch's own measurement) and its
mean colour, rotated the same way, falls in a family that is neither the declared one nor one
bordering it. The other copies (black, grey, white and silver products, colours that stay next
to their family, originals that do not show the declared colour) are listed apart, with how
often the check fired on them anyway.

    python bench/calibrate_images.py ../shared/corpus --sample 150
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

from listlint.checks.image_color_mismatch import declared_families
from listlint.config import Settings
from listlint.images import colors
from listlint.images.families import FAMILIES, compatible
from listlint.images.measure import measure
from listlint.images.options import ImageOptions
from listlint.model import SourceLocation, build_listing
from listlint.registry import load_registry
from listlint.runner import Runner
from listlint.text.specs import listing_specs

Transform = Callable[[Image.Image], Image.Image]


def _scaled(image: Image.Image) -> Image.Image:
    scale = 400 / max(image.size)
    return image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))


def _recoloured(image: Image.Image) -> Image.Image:
    # Rotate the channels: red becomes green, blue becomes red; greys and white stay as they are.
    red, green, blue = image.split()
    return Image.merge("RGB", (blue, red, green))


TRANSFORMS: dict[str, tuple[Transform, str]] = {
    # name: (transform, the check it should trigger)
    "blur-2": (lambda im: im.filter(ImageFilter.GaussianBlur(2)), "image-blurry"),
    "blur-4": (lambda im: im.filter(ImageFilter.GaussianBlur(4)), "image-blurry"),
    "downscaled": (_scaled, "image-too-small"),
    "darkened": (lambda im: ImageEnhance.Brightness(im).enhance(0.35), "image-too-dark"),
    "overexposed": (lambda im: ImageEnhance.Brightness(im).enhance(1.8), "image-overexposed"),
    # Less blown out: the skin and the light colours are clipped, the mid-tones are not.
    "brightened": (lambda im: ImageEnhance.Brightness(im).enhance(1.5), "image-overexposed"),
    "flattened": (lambda im: ImageEnhance.Contrast(im).enhance(0.25), "image-low-contrast"),
    "recoloured": (_recoloured, "image-color-mismatch"),
}
QUALITY_CHECKS = sorted(
    {
        "image-blurry",
        "image-too-small",
        "image-too-dark",
        "image-overexposed",
        "image-low-contrast",
        "image-background",
        "image-aspect-ratio",
        "image-color-mismatch",
    }
)


def sample_photos(catalogs: list[Path], size: int, seed: int) -> list[tuple[Path, tuple[str, ...]]]:
    """(photo, colour attribute) pairs: the main images of listings and variants.

    Main images only: they are what image-background and image-color-mismatch judge, and the
    close-ups further down a gallery are not meant to show the product whole.
    """
    found: dict[Path, tuple[str, ...]] = {}
    for catalog in catalogs:
        for line in catalog.read_text("utf-8").splitlines():
            record = json.loads(line)
            owners = [record, *(record.get("variants") or [])]
            for owner in owners:
                images = [i for i in owner.get("images") or [] if "://" not in i]
                colour = (owner.get("attributes") or {}).get("color") or ()
                colour = (colour,) if isinstance(colour, str) else tuple(colour)
                if images:
                    path = (catalog.parent / images[0]).resolve()
                    if path.is_file() and (path not in found or colour):
                        found[path] = colour
    photos = sorted(found.items())
    random.Random(seed).shuffle(photos)
    return photos[:size]


def colour_change(path: Path, colour: tuple[str, ...]) -> str:
    """Whether recolouring changes the family of the product's declared colour.

    "changed", or why the copy is not counted: "unchanged" (the rotated colour is in the
    declared family or borders it: black, grey, white...), "not shown" (the original shows no
    declared family; the product may be a small part of the frame) or "not judged" (no colour
    attribute, an unreadable or multicolour one, or a white item).
    """
    record = {"id": "x", "title": "Calibration photo", "attributes": {"color": list(colour)}}
    listing = build_listing(record, SourceLocation("<calibration>", 1))
    declared = declared_families(colour, listing_specs(listing).lexicon.color_families)
    if not declared.exact or "white" in declared.exact:
        return "not judged"
    shown = [c for c in measure(path.name, path.read_bytes()).colours if c.family in declared.exact]
    if not shown:
        return "not shown"
    red, green, blue = max(shown, key=lambda c: c.share).rgb
    # The rotation of _recoloured: the copy's red is the original's blue, and so on.
    rotated = colors.classify(np.array([[blue], [red], [green]], dtype=np.uint8))
    family = FAMILIES[int(rotated[0])]
    return "unchanged" if any(compatible(e, family) for e in declared.exact) else "changed"


def _rgb(path: Path) -> Image.Image:
    image = Image.open(path)
    image.load()
    if image.mode in ("RGBA", "LA", "P"):
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, image.convert("RGBA")).convert("RGB")
    return image.convert("RGB")


def build_catalog(photos: list[tuple[Path, tuple[str, ...]]], folder: Path) -> Path:
    records = []
    for number, (path, colour) in enumerate(photos):
        original = f"p{number}-original{path.suffix.lower()}"
        (folder / original).write_bytes(path.read_bytes())
        variants = {"original": original}
        image = _rgb(path)
        for name, (transform, _) in TRANSFORMS.items():
            copy = f"p{number}-{name}.jpg"
            buffer = io.BytesIO()
            transform(image).save(buffer, "JPEG", quality=90)
            (folder / copy).write_bytes(buffer.getvalue())
            variants[name] = copy
        for kind, image_name in variants.items():
            record: dict[str, object] = {
                "id": f"p{number}/{kind}",
                "title": "Calibration photo",
                "images": [image_name],
            }
            if colour:
                record["attributes"] = {"color": list(colour)}
            records.append(record)
    catalog = folder / "calibration.jsonl"
    catalog.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of catalogs (*/listings.jsonl)")
    parser.add_argument("--sample", type=int, default=150, help="photos to use (default 150)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args(argv)
    catalogs = sorted(args.corpus.glob("*/listings.jsonl")) or [args.corpus]
    photos = sample_photos(catalogs, args.sample, args.seed)
    coloured = sum(1 for _, colour in photos if colour)
    print(
        f"{len(photos)} photos ({coloured} with a colour attribute) from {len(catalogs)} catalogs"
    )
    changes = {
        number: colour_change(path, colour)
        for number, (path, colour) in enumerate(photos)
        if colour
    }
    registry = load_registry()
    checks = [check for name in QUALITY_CHECKS if (check := registry.find(name)) is not None]
    with tempfile.TemporaryDirectory() as temporary:
        catalog = build_catalog(photos, Path(temporary))
        runner = Runner(checks, Settings(), image_options=ImageOptions(jobs=args.jobs))
        result = runner.run([str(catalog)])
    if result.errors:
        print("\n".join(result.errors), file=sys.stderr)
    fired: Counter[tuple[str, str]] = Counter()
    recoloured_fired: set[int] = set()
    for finding in {(f.listing_id, f.name) for f in result.findings}:
        listing_id, rule = finding
        number, kind = listing_id.split("/", 1)
        fired[(kind, rule)] += 1
        if (kind, rule) == ("recoloured", "image-color-mismatch"):
            recoloured_fired.add(int(number[1:]))
    total = len(photos)
    print(f"\nfalse alarms on the {total} original photos, per check:")
    for rule in QUALITY_CHECKS:
        count = fired[("original", rule)]
        print(f"  {rule:22} {count:4} / {total}  ({count / total:.1%})")
    print("\ndetections on degraded copies (the check each copy should trigger):")
    changed = {number for number, change in changes.items() if change == "changed"}
    for name, (_, rule) in TRANSFORMS.items():
        population = len(changed) if rule == "image-color-mismatch" else total
        count = len(changed & recoloured_fired) if name == "recoloured" else fired[(name, rule)]
        rate = count / population if population else 0.0
        print(f"  {name:12} -> {rule:22} {count:4} / {population}  ({rate:.1%})")
    print(
        f"  recoloured copies counted: the {len(changed)} of {coloured} with a colour attribute"
        " whose product colour changed family; not counted (and fired on anyway):"
    )
    why = {
        "unchanged": "its family or next to it (black, grey...)",
        "not shown": "original shows no declared family",
        "not judged": "white, unreadable or multicolour",
    }
    for reason, meaning in why.items():
        numbers = {number for number, change in changes.items() if change == reason}
        fired_on = len(numbers & recoloured_fired)
        print(f"    {reason:10} {len(numbers):4}  ({meaning}; fired on {fired_on})")
    print("\nevery check on every kind of copy (counts):")
    kinds = ["original", *TRANSFORMS]
    print("  " + " " * 22 + "".join(f"{k[:11]:>12}" for k in kinds))
    for rule in QUALITY_CHECKS:
        print(f"  {rule:22}" + "".join(f"{fired[(k, rule)]:12}" for k in kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
