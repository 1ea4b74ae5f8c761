"""``python -m listlint``."""

from listlint.cli import main

main()
