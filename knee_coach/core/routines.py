"""The two routines of the article, encoded as data.

Facts (from the source article): routine 1 works the hamstring tendons just above the
back of the knee, one leg at a time, inner side then outer side, about 10 slow
bend-and-straighten reps each, keeping a light constant pressure. Routine 2 presses two
points either side of the centre of the knee crease with both thumbs (never the centre:
nerves and vessels run there) and swings the lower leg loosely 10-20 times, both legs.
Changing a count or a cadence here changes the app; no code branches on a routine id.
"""

from __future__ import annotations

from dataclasses import dataclass

from knee_coach.core.i18n import QT_TRANSLATE_NOOP
from knee_coach.core.model import Point

# lupdate reads only literal contexts, so the markers below spell it out; the UI uses CTX.
CTX = "routines"


@dataclass(frozen=True, slots=True)
class Phase:
    """One movement inside a rep, e.g. "bend" then "straighten"."""

    id: str
    label: str
    share: float  # fraction of the rep's duration


@dataclass(frozen=True, slots=True)
class SetTemplate:
    """One set of reps on one leg, pressing the given points."""

    id: str
    label: str  # e.g. "inner side"
    points: tuple[Point, ...]
    hint: str  # what the hands do during this set


@dataclass(frozen=True, slots=True)
class Routine:
    id: str
    number: int
    title: str
    position: str  # how to sit before starting
    summary: str
    sets_per_leg: tuple[SetTemplate, ...]
    phases: tuple[Phase, ...]
    default_reps: int
    min_reps: int
    max_reps: int
    default_seconds_per_rep: float
    min_seconds_per_rep: float
    max_seconds_per_rep: float
    caution: str

    def clamp_reps(self, reps: int) -> int:
        return max(self.min_reps, min(self.max_reps, reps))


HAMSTRING_GLIDE = Routine(
    id="hamstring_glide",
    number=1,
    title=QT_TRANSLATE_NOOP("routines", "Hamstring glide"),
    position=QT_TRANSLATE_NOOP(
        "routines", "Sit or lie on your back. Raise one knee or lift the leg a little."
    ),
    summary=QT_TRANSLATE_NOOP(
        "routines",
        "Hook your fingers on the tendon at the back of the thigh, just above the knee, "
        "where the hamstrings overlap the calf muscle (gastrocnemius). "
        "Keep a light, steady pressure and slowly bend and straighten the knee, "
        "drawing the muscle up as the leg straightens.",
    ),
    sets_per_leg=(
        SetTemplate(
            id="inner",
            label=QT_TRANSLATE_NOOP("routines", "inner side"),
            points=(Point.HAMSTRING_MEDIAL,),
            hint=QT_TRANSLATE_NOOP(
                "routines", "Fingers hooked on the inner tendon. Do not let the pressure go."
            ),
        ),
        SetTemplate(
            id="outer",
            label=QT_TRANSLATE_NOOP("routines", "outer side"),
            points=(Point.HAMSTRING_LATERAL,),
            hint=QT_TRANSLATE_NOOP(
                "routines", "Fingers hooked on the outer tendon. Do not let the pressure go."
            ),
        ),
    ),
    phases=(
        Phase("bend", QT_TRANSLATE_NOOP("routines", "Bend"), 0.5),
        Phase("straighten", QT_TRANSLATE_NOOP("routines", "Straighten"), 0.5),
    ),
    default_reps=10,
    min_reps=5,
    max_reps=30,
    default_seconds_per_rep=4.0,
    min_seconds_per_rep=2.0,
    max_seconds_per_rep=10.0,
    caution=QT_TRANSLATE_NOOP("routines", "Move slowly. Keep the pressure light but constant."),
)

POPLITEUS_RELEASE = Routine(
    id="popliteus_release",
    number=2,
    title=QT_TRANSLATE_NOOP("routines", "Popliteus release"),
    position=QT_TRANSLATE_NOOP("routines", "Sit down with the knee slightly bent."),
    summary=QT_TRANSLATE_NOOP(
        "routines",
        "Press with both thumbs just inside and just outside the centre of the knee crease, "
        "lifting gently up and outward. Keep pressing and swing the lower leg up loosely.",
    ),
    sets_per_leg=(
        SetTemplate(
            id="both_points",
            label=QT_TRANSLATE_NOOP("routines", "both thumbs"),
            points=(Point.POPLITEUS_MEDIAL, Point.POPLITEUS_LATERAL),
            hint=QT_TRANSLATE_NOOP(
                "routines",
                "Thumbs either side of the centre, never on it. "
                "Look for the spot that hurts in a good way.",
            ),
        ),
    ),
    phases=(Phase("swing", QT_TRANSLATE_NOOP("routines", "Swing"), 1.0),),
    default_reps=15,
    min_reps=10,
    max_reps=30,
    default_seconds_per_rep=1.5,
    min_seconds_per_rep=0.8,
    max_seconds_per_rep=4.0,
    caution=QT_TRANSLATE_NOOP(
        "routines", "Never press the centre. Stop if pressing gives strong pain."
    ),
)

ROUTINES: tuple[Routine, ...] = (HAMSTRING_GLIDE, POPLITEUS_RELEASE)
ROUTINES_BY_ID: dict[str, Routine] = {r.id: r for r in ROUTINES}
