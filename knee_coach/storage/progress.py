"""How a long export or import tells how far it is, and how it is cancelled."""

from __future__ import annotations

from collections.abc import Callable

# Called now and then with the fraction done (0..1). To cancel, it raises `Cancelled`:
# the export then leaves no file and the import writes nothing.
Progress = Callable[[float], None]
EVERY_ROWS = 1000  # how often a long loop reports


class Cancelled(Exception):
    """The user cancelled: nothing was written."""
