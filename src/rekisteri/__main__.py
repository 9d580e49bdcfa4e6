"""Allow ``python -m rekisteri``."""

from rekisteri.cli import main

main()
