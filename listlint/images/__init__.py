"""Image facts for the image checks: decoding at reduced size, measurements, cache, fetching.

Checks never open an image: :class:`~listlint.images.pipeline.ImageMeasurer` turns every image
reference into :class:`~listlint.images.facts.ImageFacts` before the checks run.
"""

from listlint.images.facts import Colour, ImageFacts, Problem

__all__ = ["Colour", "ImageFacts", "Problem"]
