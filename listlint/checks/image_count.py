from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.model import Listing


class ImageCount(Check):
    """More images than the marketplace accepts for one listing.

    What it does:
        Counts the images the listing names, and those each variant names, and fires once per
        listing when a count is above the profile's ``images.max-count`` (amazon 9, google 11:
        a main image and 10 more, ebay 24; no limit in the generic profile), naming the limit
        and the images past it. The same image named twice counts twice, as a marketplace
        counts it. No image is opened.

    Why it matters:
        Marketplaces drop the images past their limit, or refuse the feed row: the photos a
        buyer never sees are usually the detail shots and size charts at the end.

    Example:
        fails: {"id": "P1", "title": "Ceramic Mug", "marketplace": "amazon", "images": ["1.jpg", "2.jpg", "3.jpg", "4.jpg", "5.jpg", "6.jpg", "7.jpg", "8.jpg", "9.jpg", "10.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "marketplace": "amazon", "images": ["1.jpg", "2.jpg", "3.jpg"]}

    Fix:
        Keep the best images up to the limit, main image first: the product on its own, then
        its details, in use, and its size or scale.
    """

    code = "LL515"
    name = "image-count"
    severity = Severity.WARNING

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        limit = ctx.profile.image_max_count
        if not limit:
            return
        over = [("The listing", len(listing.images))] if len(listing.images) > limit else []
        over += [
            (f"Variant {variant.id or '(no id)'}", len(variant.images))
            for variant in listing.variants
            if len(variant.images) > limit
        ]
        if not over:
            return
        counts = "; ".join(f"{who} has {count} images" for who, count in over)
        most = max(count for _, count in over)
        yield self.finding(
            listing,
            f"{counts}; {ctx.profile.label} allows at most {limit} per listing",
            field="images",
            fix=f"Keep the best {limit} images (main image first) and remove the other "
            f"{most - limit}" + (" from each" if len(over) > 1 else ""),
        )
