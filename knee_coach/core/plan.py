"""Turn the routines and the user's settings into an ordered list of sets with timings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from knee_coach.core import guidance
from knee_coach.core.guidance import Guidance
from knee_coach.core.model import Leg, LegChoice, Pacing, Point
from knee_coach.core.routines import ROUTINES, Routine, SetTemplate
from knee_coach.core.settings import Settings


class Transition(str, Enum):
    """What changes before a set starts; it decides the cue and the time to get ready."""

    START = "start"
    SIDE = "side"
    LEG = "leg"
    ROUTINE = "routine"


@dataclass(frozen=True)
class Timing:
    """Fixed gaps around the reps, in seconds. Long enough to move the hands, no longer."""

    count_in_beats: int = 3
    count_in_beat: float = 1.0
    prepare: tuple[tuple[Transition, float], ...] = (
        (Transition.START, 6.0),
        (Transition.SIDE, 5.0),
        (Transition.LEG, 8.0),
        (Transition.ROUTINE, 10.0),
    )

    # The get-ready time lasts as long as the announcement's words (when a voice speaks
    # them) and a breath after, but never longer than the limit from the announcement: an
    # engine that never says it is done cannot stall the session.
    after_words: float = 1.0
    words_limit: float = 60.0

    def prepare_seconds(self, transition: Transition) -> float:
        return dict(self.prepare)[transition]

    @property
    def count_in_seconds(self) -> float:
        return self.count_in_beats * self.count_in_beat


@dataclass(frozen=True)
class PlannedSet:
    index: int
    routine: Routine
    template: SetTemplate
    leg: Leg
    reps: int
    seconds_per_rep: float
    transition: Transition
    # Instructions said with the announcement, after the place (guidance source texts).
    words: tuple[str, ...] = ()

    @property
    def points(self) -> tuple[Point, ...]:
        return self.template.points

    def phase_offsets(self) -> list[float]:
        """Start of each phase within one rep, in seconds from the rep's start."""
        offsets, acc = [], 0.0
        for phase in self.routine.phases:
            offsets.append(acc * self.seconds_per_rep)
            acc += phase.share
        return offsets


@dataclass(frozen=True)
class Plan:
    sets: tuple[PlannedSet, ...]
    pacing: Pacing
    timing: Timing
    guidance: Guidance = Guidance.SHORT
    closing: tuple[str, ...] = ()  # said when the session is done (the check-out prompt)

    def __len__(self) -> int:
        return len(self.sets)

    def __getitem__(self, index: int) -> PlannedSet:
        return self.sets[index]

    @property
    def total_reps(self) -> int:
        return sum(s.reps for s in self.sets)

    def set_seconds(self, planned: PlannedSet) -> float:
        """Planned length of one set including its preparation and count-in (auto pacing)."""
        count_in = self.timing.count_in_seconds if self.pacing is Pacing.AUTO else 0.0
        return (
            self.timing.prepare_seconds(planned.transition)
            + count_in
            + planned.reps * planned.seconds_per_rep
        )

    @property
    def planned_seconds(self) -> float:
        """Length of the whole session when nothing is paused or skipped (auto pacing)."""
        return sum(self.set_seconds(s) for s in self.sets)


def build_plan(
    settings: Settings,
    routines: tuple[Routine, ...] = ROUTINES,
    timing: Timing | None = None,
    spoken: Guidance = Guidance.SHORT,
) -> Plan:
    """Routine by routine, leg by leg, set by set: the order the article gives.

    With FULL guidance each instruction is said before the first set it belongs to (and
    how to stop, before the very first), and not again in the session."""
    timing = timing or Timing()
    legs: tuple[Leg, ...] = LegChoice(settings.legs).legs()
    sets: list[PlannedSet] = []
    said: set[str] = set()
    for routine in routines:
        for leg_no, leg in enumerate(legs):
            for tpl_no, template in enumerate(routine.sets_per_leg):
                if not sets:
                    transition = Transition.START
                elif leg_no == 0 and tpl_no == 0:
                    transition = Transition.ROUTINE
                elif tpl_no == 0:
                    transition = Transition.LEG
                else:
                    transition = Transition.SIDE
                words: tuple[str, ...] = ()
                if spoken is Guidance.FULL:
                    first_of_routine = leg_no == 0 and tpl_no == 0
                    due = guidance.instructions(routine.id, template.id, first_of_routine)
                    if not sets:
                        due = (guidance.HOW_TO_STOP, *due)
                    words = tuple(w for w in due if w not in said)
                    said.update(words)
                sets.append(
                    PlannedSet(
                        index=len(sets),
                        routine=routine,
                        template=template,
                        leg=leg,
                        reps=settings.reps_for(routine.id),
                        seconds_per_rep=settings.seconds_per_rep_for(routine.id),
                        transition=transition,
                        words=words,
                    )
                )
    closing = (guidance.CHECK_OUT,) if spoken is Guidance.FULL else ()
    return Plan(
        sets=tuple(sets),
        pacing=settings.pacing,
        timing=timing,
        guidance=spoken,
        closing=closing,
    )
