"""How the knee feels before and after a session: 0-10 ratings and a short note."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from knee_coach.core.model import Leg

RATING_MIN, RATING_MAX = 0, 10  # numeric rating scale (NRS)
NOTE_MAX_CHARS = 500


class CheckInError(ValueError):
    pass


def check_rating(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CheckInError(f"{what} must be a whole number from {RATING_MIN} to {RATING_MAX}")
    if not RATING_MIN <= value <= RATING_MAX:
        raise CheckInError(f"{what} must be from {RATING_MIN} to {RATING_MAX}, not {value}")
    return value


@dataclass(frozen=True, slots=True)
class CheckIn:
    """Pain per practised knee (0 none .. 10 worst imaginable) and tightness/catching.

    Raises CheckInError for a rating out of 0-10, an unknown leg or too long a note.
    Not hashable: the pain ratings are a mapping."""

    pain: Mapping[Leg, int] = field(default_factory=dict)
    tightness: int | None = None
    note: str = ""

    __hash__ = None  # type: ignore[assignment]  # a mapping inside: not hashable

    def __post_init__(self) -> None:
        if not isinstance(self.pain, Mapping):
            raise CheckInError("pain must map each knee to its rating")
        object.__setattr__(self, "pain", MappingProxyType(dict(self.pain)))
        for leg, value in self.pain.items():
            if not isinstance(leg, Leg):
                raise CheckInError(f"unknown leg {leg!r}")
            check_rating(value, f"{leg.value} knee pain")
        if self.tightness is not None:
            check_rating(self.tightness, "tightness")
        if not isinstance(self.note, str):
            raise CheckInError("the note must be text")
        if len(self.note) > NOTE_MAX_CHARS:
            raise CheckInError(f"the note is longer than {NOTE_MAX_CHARS} characters")

    def replace(self, **changes: Any) -> CheckIn:
        """A copy with some fields changed; validated like a new one."""
        return dataclasses.replace(self, **changes)

    def pain_for(self, leg: Leg) -> int | None:
        return self.pain.get(leg)


def pain_change(before: CheckIn | None, after: CheckIn | None, leg: Leg) -> int | None:
    """After minus before for one knee (negative is better); None when either is missing."""
    if before is None or after is None:
        return None
    b, a = before.pain_for(leg), after.pain_for(leg)
    return None if a is None or b is None else a - b
