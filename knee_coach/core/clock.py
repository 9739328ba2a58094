"""Clocks: monotonic ones (the real one, and a fake one that tests drive by hand) for pacing,
and the local wall clock the history is stamped with."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale; only differences are meaningful."""
        ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to, so pacing tests never sleep."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self._now += seconds
        return self._now

    def set(self, value: float) -> None:
        if value < self._now:
            raise ValueError("a monotonic clock cannot go back")
        self._now = value


def now_local() -> datetime:
    """The wall-clock time with the local UTC offset, to the second (what the history keeps)."""
    return datetime.now().astimezone().replace(microsecond=0)
