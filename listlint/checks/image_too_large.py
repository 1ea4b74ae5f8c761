from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import PlacedImage, placed_images
from listlint.images.facts import Problem
from listlint.model import Listing
from listlint.profiles import Profile


class ImageTooLarge(Check):
    """An image above the profile's limits on file size, megapixels or side length.

    What it does:
        Fires when an image's file is larger than ``images.max-file-mb``, it has more pixels
        than ``images.max-megapixels``, or its longer side exceeds ``images.max-side`` (the
        generic profile: 12 MB, 64 MP, 10,000 px). A file that declares more pixels than
        listlint will decode (a decompression bomb, or just a huge scan) fires too.

    Why it matters:
        Marketplaces reject files over their limits (eBay 12 MB, Google 64 MP and 16 MB,
        Amazon 10,000 px), and oversized photos load slowly on a buyer's phone.

    Example:
        image huge.jpg: {"width": 12000, "height": 9000, "file_size": 31000000}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["huge.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["mug.jpg"]}

    Fix:
        Export the photo at 2000-3000 px on the longer side as a JPEG of quality 85-90.
    """

    code = "LL505"
    name = "image-too-large"
    severity = Severity.WARNING
    needs_images = True

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        for image in placed_images(listing, ctx):
            reason = _too_large(image, ctx.profile)
            if reason:
                yield self.finding(
                    listing,
                    f"{image.subject} is too large: {reason}",
                    field=image.field,
                    fix="Export it at 2000-3000 px on the longer side, as JPEG quality 85-90",
                    variant_id=image.variant_id,
                )


def _too_large(image: PlacedImage, profile: Profile) -> str:
    facts = image.facts
    if facts.problem in (Problem.TOO_MANY_PIXELS, Problem.TOO_LARGE):
        return facts.detail
    limits = []
    if facts.file_size > profile.image_max_file_mb * 1e6:
        limits.append(f"{facts.file_size / 1e6:,.1f} MB (limit {profile.image_max_file_mb:g} MB)")
    if facts.megapixels > profile.image_max_megapixels:
        limits.append(f"{facts.megapixels:,.1f} MP (limit {profile.image_max_megapixels:g} MP)")
    if max(facts.width, facts.height) > profile.image_max_side:
        limits.append(
            f"{max(facts.width, facts.height):,} px long (limit {profile.image_max_side:,} px)"
        )
    return "; ".join(limits)
