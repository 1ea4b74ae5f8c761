from __future__ import annotations

from collections.abc import Iterator

from listlint.check import Check, CheckContext, Finding, Severity
from listlint.checks._images import placed_images
from listlint.images.facts import Problem
from listlint.model import Listing

_FIXES = {
    Problem.MISSING: "Upload the file, or correct the path or URL",
    Problem.NOT_AN_IMAGE: "Replace it with the photo itself, saved as JPEG, PNG or WebP",
    Problem.TRUNCATED: "Export or upload the photo again; the file is damaged",
    Problem.UNSUPPORTED: "Save the photo as JPEG, PNG or WebP",
    Problem.REFUSED: "Keep images beside the catalog, or name their folder in image-roots",
}

_URL_FIXES = {
    Problem.MISSING: "Correct the URL, or upload the photo again where it points",
    Problem.REFUSED: "Give the http(s) URL of the photo itself",
}


class ImageUnreadable(Check):
    """An image that does not exist, cannot be decoded, or is not what its name says.

    What it does:
        Fires for every image reference that names a missing file or URL (HTTP 404/410), data
        that is not an image (an HTML error page, a JSON file), a damaged or truncated file, a
        format marketplaces do not accept (such as ICO or PSD), a path outside the catalog's
        folder that listlint refuses to read, or a file whose extension lies about its format
        (a WebP named ``.jpg``). Network failures are image-unreachable's, not this rule's.

    Why it matters:
        A marketplace shows a broken-image icon or rejects the listing, and a buyer who sees no
        photo does not buy. Google requires the extension to match the real format.

    Example:
        The example's files: gone.jpg is missing, photo.jpg decodes.
        image gone.jpg: {"problem": "missing", "detail": "no file at gone.jpg"}
        fails: {"id": "P1", "title": "Ceramic Mug", "images": ["gone.jpg"]}
        passes: {"id": "P1", "title": "Ceramic Mug", "images": ["photo.jpg"]}

    Fix:
        Upload the photo again as a JPEG, PNG or WebP whose extension matches, or correct the
        path or URL.
    """

    code = "LL502"
    name = "image-unreadable"
    severity = Severity.ERROR
    needs_images = True

    def check(self, listing: Listing, ctx: CheckContext) -> Iterator[Finding]:
        for image in placed_images(listing, ctx):
            facts = image.facts
            if facts.problem in _FIXES:
                remote = "://" in image.reference
                yield self.finding(
                    listing,
                    f"{image.subject} cannot be read: {facts.detail}",
                    field=image.field,
                    fix=_URL_FIXES.get(facts.problem, _FIXES[facts.problem])
                    if remote
                    else _FIXES[facts.problem],
                    variant_id=image.variant_id,
                )
            elif facts.ok and facts.extension_format and facts.extension_format != facts.format:
                yield self.finding(
                    listing,
                    f"{image.subject} is a {facts.format} file but its name says "
                    f"{facts.extension_format}",
                    field=image.field,
                    fix=f"Rename it with the extension of a {facts.format} file, or convert it",
                    variant_id=image.variant_id,
                )
