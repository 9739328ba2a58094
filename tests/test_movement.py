"""The demonstration's pose as a pure function of the session snapshot (no Qt)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from knee_coach.core.model import Leg, LegChoice, Pacing
from knee_coach.core.movement import (
    POSTURES,
    SWING_UP,
    Hands,
    Pose,
    pose_at,
    preview_span,
)
from knee_coach.core.plan import Plan, build_plan
from knee_coach.core.session import Session, State
from knee_coach.core.settings import Settings

GLIDE = POSTURES["hamstring_glide"]
SWING = POSTURES["popliteus_release"]


def plan_for(pacing: Pacing = Pacing.AUTO, legs: LegChoice = LegChoice.BOTH) -> Plan:
    return build_plan(Settings(pacing=pacing, legs=legs))


def reps_of(session: Session, routine: int, now: float, leg: Leg | None = None) -> float:
    """Tick to the first moment a set of `routine` (on `leg`) is in its reps; returns it."""
    while not (
        session.state is State.REP
        and session.current.routine.number == routine
        and (leg is None or session.current.leg is leg)
    ):
        deadline = session.next_deadline()
        if deadline is None:  # manual pacing: the reps start when the preparation ends
            raise AssertionError("the session waits on the user")
        now = deadline
        session.tick(now)
    return now


def pose(session: Session, at: float, reduced: bool = False) -> Pose:
    result = pose_at(session.snapshot(at), session.plan.pacing, reduced_motion=reduced)
    assert result is not None
    return result


def started(pacing: Pacing = Pacing.AUTO, legs: LegChoice = LegChoice.BOTH) -> Session:
    session = Session(plan_for(pacing, legs))
    session.begin(0.0)
    return session


def test_the_glide_is_straight_when_a_rep_begins_and_fully_bent_when_straighten_is_cued() -> None:
    session = started()
    start = reps_of(session, 1, 0.0)
    period = session.current.seconds_per_rep
    assert pose(session, start).knee_flexion == pytest.approx(GLIDE.straight)
    # The "straighten" cue sounds half-way through the rep: the knee is fully bent then.
    assert pose(session, start + period / 2).knee_flexion == pytest.approx(GLIDE.bent)
    # ...and straight again exactly when the next rep's "bend" cue sounds.
    assert pose(session, start + period).knee_flexion == pytest.approx(GLIDE.straight)
    assert pose(session, start + period / 4).knee_flexion == pytest.approx(
        (GLIDE.straight + GLIDE.bent) / 2
    )


def test_the_glide_bends_through_the_bend_phase_and_straightens_through_the_next() -> None:
    session = started()
    start = reps_of(session, 1, 0.0)
    period = session.current.seconds_per_rep
    times = [start + period * k / 20 for k in range(21)]
    flexions = [pose(session, t).knee_flexion for t in times]
    assert all(a <= b for a, b in pairwise(flexions[:11]))
    assert all(a >= b for a, b in pairwise(flexions[10:]))
    bending = pose(session, start + period / 4)
    straightening = pose(session, start + 3 * period / 4)
    assert bending.motion == pytest.approx((GLIDE.straight, GLIDE.bent))
    assert straightening.motion == pytest.approx((GLIDE.bent, GLIDE.straight))
    assert bending.hands is Hands.FINGERS_HOOKED and bending.moving


def test_a_swing_lifts_the_leg_straight_and_lets_it_fall_back_loosely_to_rest() -> None:
    session = started()
    start = reps_of(session, 2, 0.0)
    period = session.current.seconds_per_rep
    rest = pose(session, start)
    assert rest.hands is Hands.TWO_THUMBS
    assert rest.knee_flexion == pytest.approx(SWING.bent)
    assert pose(session, start + SWING_UP * period).knee_flexion == pytest.approx(SWING.straight)
    # Loose: the fall swings past the resting pose before it settles.
    fall = [pose(session, start + period * k / 40).knee_flexion for k in range(15, 40)]
    assert max(fall) > SWING.bent + 5.0
    # The swing ends at rest exactly when the next one is cued.
    assert pose(session, start + period).knee_flexion == pytest.approx(SWING.bent)
    assert pose(session, start + period * 0.1).motion == pytest.approx((SWING.bent, SWING.straight))


def test_the_pose_holds_still_while_the_session_is_paused() -> None:
    session = started()
    start = reps_of(session, 1, 0.0)
    period = session.current.seconds_per_rep
    moment = start + 2 * period + period * 0.3
    before = pose(session, moment)
    session.pause(moment)
    for later in (moment + 0.5, moment + 30.0):
        held = pose(session, later)
        assert held.knee_flexion == pytest.approx(before.knee_flexion)
        assert not held.moving


def test_after_a_pause_the_leg_waits_at_rest_through_the_count_in() -> None:
    session = started()
    start = reps_of(session, 1, 0.0)
    period = session.current.seconds_per_rep
    session.pause(start + period * 0.3)
    session.resume(start + 10.0)
    assert session.state is State.COUNT_IN
    waiting = pose(session, start + 10.5)
    assert waiting.knee_flexion == pytest.approx(GLIDE.straight)
    assert not waiting.moving


def test_manual_pacing_plays_one_rep_from_each_count_then_waits() -> None:
    session = started(Pacing.MANUAL)
    now = session.next_deadline()
    assert now is not None
    session.tick(now)  # the preparation ran out: the reps begin
    assert session.state is State.REP
    period = session.current.seconds_per_rep
    assert pose(session, now + period / 2).knee_flexion == pytest.approx(GLIDE.bent)
    waiting = pose(session, now + period + 3.0)  # the user is slower than the cadence
    assert waiting.knee_flexion == pytest.approx(GLIDE.straight)
    assert not waiting.moving
    counted = now + period + 3.0
    session.count_rep(counted)
    assert pose(session, counted).knee_flexion == pytest.approx(GLIDE.straight)
    assert pose(session, counted).moving
    assert pose(session, counted + period / 2).knee_flexion == pytest.approx(GLIDE.bent)


def test_the_left_leg_is_the_mirror_image_of_the_right() -> None:
    session = started()
    right_start = reps_of(session, 1, 0.0, Leg.RIGHT)
    right = pose(session, right_start + 1.0)
    left_start = reps_of(session, 1, right_start, Leg.LEFT)
    left = pose(session, left_start + 1.0)
    assert not right.mirrored and left.mirrored
    assert left.knee_flexion == pytest.approx(right.knee_flexion)


def test_reduced_motion_shows_each_phase_as_a_still_key_pose() -> None:
    session = started()
    start = reps_of(session, 1, 0.0)
    period = session.current.seconds_per_rep
    bend = [pose(session, start + period * k / 10, reduced=True) for k in range(5)]
    assert len(set(bend)) == 1  # one still picture for the whole phase
    assert bend[0].knee_flexion == pytest.approx(GLIDE.bent)
    assert bend[0].ghost_flexion == pytest.approx(GLIDE.straight)
    assert not bend[0].moving
    straighten = pose(session, start + period * 0.6, reduced=True)
    assert straighten.knee_flexion == pytest.approx(GLIDE.straight)
    assert straighten.ghost_flexion == pytest.approx(GLIDE.bent)

    swing_start = reps_of(session, 2, start)
    top = pose(session, swing_start + 0.1, reduced=True)
    assert top.knee_flexion == pytest.approx(SWING.straight)
    assert top.ghost_flexion == pytest.approx(SWING.bent)
    assert not top.moving


def test_the_first_set_of_each_routine_previews_one_slow_rep_while_getting_ready() -> None:
    session = started()
    snap = session.snapshot(0.0)
    span = preview_span(snap)
    assert span is not None
    lead, length = span
    assert length > session.current.seconds_per_rep  # slower than the set itself
    assert lead + length <= snap.prepare_seconds  # over before the count-in
    assert pose(session, 0.0).preview
    assert pose(session, lead + length / 2).knee_flexion == pytest.approx(GLIDE.bent)
    assert pose(session, lead + length).knee_flexion == pytest.approx(GLIDE.straight)
    assert pose(session, lead / 2).moving
    assert not pose(session, lead + length + 0.01).moving  # done: no more frames

    # Switching to the outer side previews nothing; the next routine does.
    start = reps_of(session, 1, 0.0)
    while session.current.template.id != "outer":
        deadline = session.next_deadline()
        assert deadline is not None
        start = deadline
        session.tick(start)
    assert session.state is State.PREPARE
    assert preview_span(session.snapshot(start)) is None
    assert not pose(session, start + 1.0).moving
    while session.current.routine.number != 2:
        deadline = session.next_deadline()
        assert deadline is not None
        start = deadline
        session.tick(start)
    assert session.state is State.PREPARE
    preview = pose(session, start + 0.5 + 0.35 * 1.5 * session.current.seconds_per_rep)
    assert preview.preview and preview.knee_flexion == pytest.approx(SWING.straight)


def test_a_paused_preview_holds_its_pose() -> None:
    session = started()
    moment = 1.6
    before = pose(session, moment)
    session.pause(moment)
    held = pose(session, moment + 20.0)
    assert held.knee_flexion == pytest.approx(before.knee_flexion)
    assert not held.moving


def test_the_same_snapshot_always_gives_the_same_pose() -> None:
    session = started()
    start = reps_of(session, 1, 0.0)
    snap = session.snapshot(start + 1.3)
    assert pose_at(snap, Pacing.AUTO) == pose_at(snap, Pacing.AUTO)
    assert pose_at(snap, Pacing.AUTO) != pose_at(session.snapshot(start + 1.4), Pacing.AUTO)
