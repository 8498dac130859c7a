"""``python -m claimcheck``: the same entry point as the ``claimcheck`` command (``console.main``)."""

from .console import main

main()
