"""The ``claimcheck`` console entry point.

Owns only this: Ctrl-C at any moment, even while the command line is still being imported, ends the run with one
line ``claimcheck: interrupted`` on stderr and exit status 130, never a traceback. Everything else is ``cli.main``.
"""

from __future__ import annotations

import signal
import sys
from typing import NoReturn


class Interrupted(BaseException):
    """Ctrl-C, raised by our SIGINT handler: not a KeyboardInterrupt, which typer turns into a silent exit 130,
    and not an Exception, so no ``except Exception`` in between mistakes it for an error."""


def raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted


def interrupted() -> NoReturn:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C during the clean-up must not print a traceback
    print("claimcheck: interrupted", file=sys.stderr)
    sys.exit(130)


def main() -> None:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        interrupted()
    run()
