"""Small value types shared by the core, storage, audio and UI layers."""

from __future__ import annotations

from enum import Enum


class Leg(str, Enum):
    RIGHT = "right"
    LEFT = "left"


class LegChoice(str, Enum):
    """Which legs a session practises (a user setting)."""

    BOTH = "both"
    RIGHT = "right"
    LEFT = "left"

    def legs(self) -> tuple[Leg, ...]:
        if self is LegChoice.BOTH:
            return (Leg.RIGHT, Leg.LEFT)
        return (Leg(self.value),)


class Point(str, Enum):
    """Places on the back of the knee the routines use (anatomical, not screen, sides)."""

    HAMSTRING_MEDIAL = "hamstring_medial"  # inner tendon above the knee crease
    HAMSTRING_LATERAL = "hamstring_lateral"  # outer tendon above the knee crease
    POPLITEUS_MEDIAL = "popliteus_medial"  # just inside the centre of the crease
    POPLITEUS_LATERAL = "popliteus_lateral"  # just outside the centre of the crease


class Pacing(str, Enum):
    AUTO = "auto"  # the app paces each rep from the cadence
    MANUAL = "manual"  # the user counts each rep with Space


class EndReason(str, Enum):
    COMPLETED = "completed"
    PAIN = "pain"  # the user pressed "stop: it hurts"
    USER = "stopped"  # Esc or the stop button
    INTERRUPTED = "interrupted"  # app closed or killed mid-session
