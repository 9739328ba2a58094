"""How the leg moves: the pose of the demonstration at one instant, from the session snapshot.

No Qt and no clock: the pose is a pure function of the snapshot, so the picture is in step
with the counter and the cues by construction, and pauses when the session pauses.

Conventions. Angles are in degrees. The thigh is held at `thigh_angle` above the horizontal;
the knee's flexion is 0 when the leg is straight and grows as the knee bends. A rep's phases
are drawn from their ids: "bend" ends at full bend (the moment the "straighten" cue sounds),
"straighten" ends straight (the moment the next rep's "bend" cue sounds), and "swing" lifts
the lower leg up to straight and lets it fall back loosely, at rest again when the rep ends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from knee_coach.core.model import Leg, Pacing
from knee_coach.core.plan import PlannedSet, Transition
from knee_coach.core.session import Snapshot, State


class Hands(str, Enum):
    """Where the hands are, drawn in place on the leg."""

    FINGERS_HOOKED = "fingers_hooked"  # fingers hooked on the tendon above the back of the knee
    TWO_THUMBS = "two_thumbs"  # a thumb either side of the centre of the knee crease


@dataclass(frozen=True, slots=True)
class Posture:
    """How a routine holds the leg: the range the knee moves through, and the hands."""

    thigh_angle: float  # degrees above the horizontal
    straight: float  # knee flexion when straight
    bent: float  # knee flexion at full bend (the resting pose of a swing)
    hands: Hands


# Routine 1: the knee raised, fingers hooked behind it, a full slow bend and straighten.
# Routine 2: sitting, the knee slightly bent at rest, the lower leg swung up to straight.
POSTURES: dict[str, Posture] = {
    "hamstring_glide": Posture(
        thigh_angle=30.0, straight=5.0, bent=105.0, hands=Hands.FINGERS_HOOKED
    ),
    "popliteus_release": Posture(thigh_angle=15.0, straight=0.0, bent=55.0, hands=Hands.TWO_THUMBS),
}
DEFAULT_POSTURE = POSTURES["hamstring_glide"]

SWING_UP = 0.35  # share of a swing spent lifting the lower leg; the rest is the loose fall
SWING_BOUNCE = 2.2  # half-turns of the loose fall's sway before it settles
PREVIEW_SLOWER = 1.5  # the preview rep lasts this many times the set's own rep
PREVIEW_MARGIN = 0.5  # seconds of stillness before and after the preview rep


@dataclass(frozen=True, slots=True)
class Pose:
    """Everything the picture needs; equal poses draw the same picture."""

    leg: Leg
    hands: Hands
    thigh_angle: float
    knee_flexion: float
    # The movement of the current phase, as knee flexion from -> to (an arrow along the
    # foot's path); None when the leg is at rest.
    motion: tuple[float, float] | None
    ghost_flexion: float | None  # still frames: where the movement starts, drawn faint
    moving: bool  # changes from one instant to the next: the picture needs frames
    preview: bool  # the slow rep shown while getting ready

    @property
    def mirrored(self) -> bool:
        """The left leg is the right one's mirror image (the foot points the other way)."""
        return self.leg is Leg.LEFT


def posture_for(planned: PlannedSet) -> Posture:
    return POSTURES.get(planned.routine.id, DEFAULT_POSTURE)


def smooth(x: float) -> float:
    """0 -> 1 with a gentle start and finish: a slow, controlled movement."""
    x = min(1.0, max(0.0, x))
    return x * x * (3.0 - 2.0 * x)


def bend_amount(phase_id: str, progress: float) -> float:
    """How far bent (0 straight, 1 fully bent) at `progress` (0..1) through a phase."""
    p = min(1.0, max(0.0, progress))
    if phase_id == "bend":
        return smooth(p)
    if phase_id == "straighten":
        return 1.0 - smooth(p)
    if phase_id == "swing":
        if p <= SWING_UP:
            return 1.0 - smooth(p / SWING_UP)
        # The loose fall: past the resting pose and back, dying away exactly at the rep's end.
        u = (p - SWING_UP) / (1.0 - SWING_UP)
        return 1.0 - (1.0 - u) ** 2 * math.cos(SWING_BOUNCE * math.pi * u)
    return 1.0  # an unknown phase: hold the resting pose


def _motion(phase_id: str, progress: float) -> tuple[float, float] | None:
    """The direction of a phase as bend amounts (from, to); a swing only while it lifts."""
    if phase_id == "bend":
        return (0.0, 1.0)
    if phase_id == "straighten":
        return (1.0, 0.0)
    if phase_id == "swing":
        return (1.0, 0.0) if progress < SWING_UP else None
    return None


def phase_in_rep(planned: PlannedSet, elapsed: float) -> tuple[int, float]:
    """(phase index, progress 0..1) at `elapsed` seconds into one rep of the set."""
    period = planned.seconds_per_rep
    offsets = [*planned.phase_offsets(), period]
    t = min(max(0.0, elapsed), period)
    for j in range(len(offsets) - 1):
        span = offsets[j + 1] - offsets[j]
        if t < offsets[j + 1] or j == len(offsets) - 2:
            return j, min(1.0, (t - offsets[j]) / span) if span else 1.0
    return len(offsets) - 2, 1.0  # pragma: no cover - the loop always returns


def _rest_amount(planned: PlannedSet) -> float:
    """Bend amount at the start (and end) of a rep: where the leg waits."""
    return bend_amount(planned.routine.phases[0].id, 0.0)


def _key_still(planned: PlannedSet, phase: int) -> tuple[float, float]:
    """Reduced motion: (bend amount shown, bend amount it comes from) for a phase: the pose
    the phase moves to, beside the faint pose it leaves."""
    phase_id = planned.routine.phases[phase].id
    start = bend_amount(phase_id, 0.0)
    if phase_id == "swing":
        return bend_amount(phase_id, SWING_UP), start  # the top of the swing
    return bend_amount(phase_id, 1.0), start


def previewing(planned: PlannedSet) -> bool:
    """The first set of each routine shows one slow rep while the user gets ready."""
    return planned.transition in (Transition.START, Transition.ROUTINE)


def preview_span(snap: Snapshot) -> tuple[float, float] | None:
    """(start, length) in seconds into the preparation of the preview rep, or None."""
    planned = snap.planned
    if planned is None or not previewing(planned):
        return None
    room = snap.prepare_seconds - 2 * PREVIEW_MARGIN
    length = min(room, PREVIEW_SLOWER * planned.seconds_per_rep)
    return (PREVIEW_MARGIN, length) if length > 0 else None


def pose_at(snap: Snapshot, pacing: Pacing, *, reduced_motion: bool = False) -> Pose | None:
    """The demonstration's pose for the session as `snap` shows it; None without a set."""
    planned = snap.planned
    if planned is None:
        return None
    posture = posture_for(planned)
    state = snap.paused_in if snap.state is State.PAUSED else snap.state
    live = snap.state is not State.PAUSED
    phases = planned.routine.phases
    amount = _rest_amount(planned)
    motion: tuple[float, float] | None = None
    ghost: float | None = None
    moving = False
    preview = False

    if state is State.PREPARE:
        span = preview_span(snap)
        if span is not None:
            preview = True
            start, length = span
            if reduced_motion:
                amount, ghost = _key_still(planned, 0)
                motion = _motion(phases[0].id, 0.0)
            else:
                into = (snap.prepare_elapsed - start) / length
                if 0.0 <= into < 1.0:
                    phase, progress = phase_in_rep(planned, into * planned.seconds_per_rep)
                    amount = bend_amount(phases[phase].id, progress)
                    motion = _motion(phases[phase].id, progress)
                moving = live and snap.prepare_elapsed < start + length
    elif state is State.REP:
        if pacing is Pacing.AUTO and snap.state is State.REP:
            phase, progress = snap.phase, snap.phase_progress
        else:  # manual pacing, or held where the pause caught it
            phase, progress = phase_in_rep(planned, snap.rep_elapsed)
        if reduced_motion:
            amount, ghost = _key_still(planned, phase)
            motion = _motion(phases[phase].id, 0.0)
        else:
            amount = bend_amount(phases[phase].id, progress)
            motion = _motion(phases[phase].id, progress)
            # Manual pacing plays one rep after each count, then waits for the next.
            moving = live and (pacing is Pacing.AUTO or snap.rep_elapsed < planned.seconds_per_rep)

    def flexion(a: float) -> float:
        return posture.straight + a * (posture.bent - posture.straight)

    return Pose(
        leg=planned.leg,
        hands=posture.hands,
        thigh_angle=posture.thigh_angle,
        knee_flexion=flexion(amount),
        motion=None if motion is None else (flexion(motion[0]), flexion(motion[1])),
        ghost_flexion=None if ghost is None else flexion(ghost),
        moving=moving,
        preview=preview,
    )
