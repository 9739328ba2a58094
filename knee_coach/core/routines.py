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

    # Shown once the routine is over, before what comes next ("" for nothing).
    afterwards: str


HAMSTRING_GLIDE = Routine(
    id="hamstring_glide",
    number=1,
    title=QT_TRANSLATE_NOOP("routines", "Hamstring glide"),
    position=QT_TRANSLATE_NOOP(
        "routines", "Sit or lie on your back. Raise one knee or lift the leg a little."
    ),
    summary=QT_TRANSLATE_NOOP(
        "routines",
        "Keep your fingers hooked on the tendon and slowly bend and straighten the knee. "
        "As the knee straightens, draw the muscle up.",
    ),
    sets_per_leg=(
        SetTemplate(
            id="inner",
            label=QT_TRANSLATE_NOOP("routines", "inner side"),
            points=(Point.HAMSTRING_MEDIAL,),
            hint=QT_TRANSLATE_NOOP(
                "routines", "Fingers hooked on the inner tendon. Keep a light, steady pressure."
            ),
        ),
        SetTemplate(
            id="outer",
            label=QT_TRANSLATE_NOOP("routines", "outer side"),
            points=(Point.HAMSTRING_LATERAL,),
            hint=QT_TRANSLATE_NOOP(
                "routines", "Fingers hooked on the outer tendon. Keep a light, steady pressure."
            ),
        ),
    ),
    phases=(
        Phase("bend", QT_TRANSLATE_NOOP("routines", "Bend"), 0.5),
        Phase("straighten", QT_TRANSLATE_NOOP("routines", "Straighten"), 0.5),
    ),
    # "About 10 each", more once it gets easy; a bend and a straightening done slowly.
    default_reps=10,
    min_reps=10,
    max_reps=30,
    default_seconds_per_rep=4.0,
    min_seconds_per_rep=3.0,
    max_seconds_per_rep=10.0,
    caution=QT_TRANSLATE_NOOP("routines", "Move slowly. Stop at once if you feel sharp pain."),
    afterwards=QT_TRANSLATE_NOOP(
        "routines", "Bend and straighten the knee once and notice how it has changed."
    ),
)

POPLITEUS_RELEASE = Routine(
    id="popliteus_release",
    number=2,
    title=QT_TRANSLATE_NOOP("routines", "Popliteus release"),
    position=QT_TRANSLATE_NOOP("routines", "Sit down with the knee slightly bent."),
    summary=QT_TRANSLATE_NOOP(
        "routines",
        "Keep pressing and slowly push the lower leg up to straighten the knee, "
        "lifting gently diagonally upward with your thumbs. Then let it swing loosely.",
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
    phases=(Phase("swing", QT_TRANSLATE_NOOP("routines", "Straighten and swing"), 1.0),),
    # The article's 10 to 20 swings; each a slow push up before the loose swing down.
    default_reps=15,
    min_reps=10,
    max_reps=20,
    default_seconds_per_rep=2.5,
    min_seconds_per_rep=2.0,
    max_seconds_per_rep=5.0,
    caution=QT_TRANSLATE_NOOP(
        "routines",
        "Never press the centre: nerves and blood vessels run there. "
        "Stop if pressing gives strong pain.",
    ),
    afterwards="",
)

ROUTINES: tuple[Routine, ...] = (HAMSTRING_GLIDE, POPLITEUS_RELEASE)
ROUTINES_BY_ID: dict[str, Routine] = {r.id: r for r in ROUTINES}
