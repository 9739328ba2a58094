"""Cue events: what the session announces, for the UI to show and the audio layer to play."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class CueKind(str, Enum):
    SESSION_START = "session_start"  # first set announced
    SWITCH_SIDE = "switch_side"  # same leg, other tendon
    SWITCH_LEG = "switch_leg"
    NEXT_ROUTINE = "next_routine"
    COUNT_IN = "count_in"  # count = 3, 2, 1
    REP_PHASE = "rep_phase"  # a phase of a rep begins (bend / straighten / swing)
    REP_DONE = "rep_done"  # a rep completed (silent: counters and storage use it)
    HALFWAY = "halfway"
    LAST_REP = "last_rep"
    SET_DONE = "set_done"
    PAUSED = "paused"
    RESUMED = "resumed"
    STOPPED_PAIN = "stopped_pain"
    STOPPED = "stopped"
    SESSION_DONE = "session_done"


# Kinds that announce the next set; the set they refer to is `set_index`.
ANNOUNCE_KINDS = frozenset(
    {CueKind.SESSION_START, CueKind.SWITCH_SIDE, CueKind.SWITCH_LEG, CueKind.NEXT_ROUTINE}
)


@dataclass(frozen=True)
class CueEvent:
    kind: CueKind
    at: float  # the scheduled monotonic time, not the time it was noticed
    set_index: int
    rep: int = 0  # 1-based rep number for rep cues
    phase: int = 0  # index of the phase within the rep
    phase_id: str = ""
    count: int = 0  # remaining count for COUNT_IN
    # Instructions said after the announcement or the session's end (guidance source texts).
    words: tuple[str, ...] = ()
