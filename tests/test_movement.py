"""The demonstration's pose as a pure function of the session snapshot (no Qt)."""

from __future__ import annotations

from dataclasses import replace
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


# ----- the curve's rules, through the pose a renderer draws ------------------------------------
def frames(session: Session, start: float, reps: float, per_rep: int = 400) -> list[Pose]:
    """Poses from `start` over `reps` reps of the current set, `per_rep` frames to a rep."""
    period = session.current.seconds_per_rep
    return [pose(session, start + period * k / per_rep) for k in range(int(reps * per_rep))]


def prepare_of(session: Session, routine: int, now: float) -> float:
    """Tick to the first moment the first set of `routine` is getting ready; returns it."""
    while not (session.state is State.PREPARE and session.current.routine.number == routine):
        deadline = session.next_deadline()
        assert deadline is not None
        now = deadline
        session.tick(now)
    return now


def test_the_leg_moves_without_jumps_and_within_the_posture_s_range() -> None:
    """Between two frames a 400th of a rep apart the knee turns by at most 2 degrees, across
    the phases' boundaries and from one rep to the next; the glide stays between straight
    and fully bent, and the swing's loose fall goes past rest by less than 35 % of its
    range."""
    session = started()
    glide = frames(session, reps_of(session, 1, 0.0), reps=2.5)
    swing_start = reps_of(session, 2, 0.0)
    swing = frames(session, swing_start, reps=2.5)
    for poses in (glide, swing):
        flexions = [p.knee_flexion for p in poses]
        assert max(abs(b - a) for a, b in pairwise(flexions)) <= 2.0
    assert all(GLIDE.straight <= p.knee_flexion <= GLIDE.bent for p in glide)
    swing_range = SWING.bent - SWING.straight
    assert all(SWING.straight <= p.knee_flexion < SWING.bent + 0.35 * swing_range for p in swing)


def test_a_swing_lifts_steadily_then_sways_past_rest_less_each_time_and_settles() -> None:
    session = started()
    start = reps_of(session, 2, 0.0)
    rep = frames(session, start, reps=1.0)
    top = round(SWING_UP * 400)
    lift = [p.knee_flexion for p in rep[: top + 1]]
    assert all(a > b for a, b in pairwise(lift))  # straighter at every frame, never back
    assert lift[-1] == pytest.approx(SWING.straight)
    # The fall: the lower leg swings past rest and back, each sway smaller than the one before.
    offsets = [p.knee_flexion - SWING.bent for p in rep[top:]]
    turns = [
        b
        for a, b, c in zip(offsets, offsets[1:], offsets[2:], strict=False)
        if (b - a) * (c - b) < 0
    ]
    assert len(turns) >= 2
    assert all(abs(b) < abs(a) for a, b in pairwise(turns))
    swing_range = SWING.bent - SWING.straight
    assert 0.25 * swing_range < turns[0] < 0.35 * swing_range  # loose: a clear sway past rest
    # Settled before the next swing is cued: its last twentieth within 1 % of the range of rest.
    assert all(abs(x) < 0.01 * swing_range for x in offsets[-20:])


def test_the_arrow_shows_where_the_leg_goes_and_none_while_a_swing_falls() -> None:
    session = started()
    start = reps_of(session, 2, 0.0)
    period = session.current.seconds_per_rep
    assert pose(session, start).motion == pytest.approx((SWING.bent, SWING.straight))
    for k in range(36, 100, 4):  # the fall is loose: nothing to follow
        assert pose(session, start + period * k / 100).motion is None


def test_manual_pacing_draws_each_rep_as_the_app_s_own_pace_does() -> None:
    auto, manual = started(), started(Pacing.MANUAL)
    auto_start = reps_of(auto, 1, 0.0)
    counted = manual.next_deadline()
    assert counted is not None
    manual.tick(counted)  # the preparation ran out: the reps begin
    period = auto.current.seconds_per_rep
    for k in range(40):  # including the instant "straighten" is cued, half-way
        x = period * k / 40
        drawn, paced = pose(manual, counted + x), pose(auto, auto_start + x)
        assert drawn.knee_flexion == pytest.approx(paced.knee_flexion), k
        assert drawn.motion == pytest.approx(paced.motion), k
        assert (drawn.moving, drawn.ghost_flexion) == (paced.moving, paced.ghost_flexion)


def test_the_picture_is_still_once_a_manual_rep_is_played_to_its_end() -> None:
    session = started(Pacing.MANUAL)
    now = session.next_deadline()
    assert now is not None
    session.tick(now)
    period = session.current.seconds_per_rep
    assert pose(session, now + period * 0.99).moving
    done = pose(session, now + period)
    assert not done.moving and done.knee_flexion == pytest.approx(GLIDE.straight)


def test_reduced_motion_keeps_the_arrow_of_each_key_pose() -> None:
    session = started()
    start = reps_of(session, 1, 0.0)
    period = session.current.seconds_per_rep
    bend = pose(session, start + period * 0.2, reduced=True)
    straighten = pose(session, start + period * 0.7, reduced=True)
    assert bend.motion == pytest.approx((GLIDE.straight, GLIDE.bent))
    assert straighten.motion == pytest.approx((GLIDE.bent, GLIDE.straight))
    swing_start = reps_of(session, 2, start)
    for fraction in (0.1, 0.6):  # one still for the whole swing, its arrow the lift's
        still = pose(session, swing_start + period * fraction, reduced=True)
        assert still.motion == pytest.approx((SWING.bent, SWING.straight))
        assert still.knee_flexion == pytest.approx(SWING.straight)


def test_reduced_motion_shows_the_preview_as_the_first_key_pose_with_its_arrow() -> None:
    session = started()
    for moment in (0.0, 1.0, 3.0):
        still = pose(session, moment, reduced=True)
        assert still.preview and not still.moving
        assert still.knee_flexion == pytest.approx(GLIDE.bent)
        assert still.ghost_flexion == pytest.approx(GLIDE.straight)
        assert still.motion == pytest.approx((GLIDE.straight, GLIDE.bent))
    ready = prepare_of(session, 2, 0.0)
    still = pose(session, ready + 1.0, reduced=True)
    assert still.preview and not still.moving
    assert still.knee_flexion == pytest.approx(SWING.straight)
    assert still.ghost_flexion == pytest.approx(SWING.bent)
    assert still.motion == pytest.approx((SWING.bent, SWING.straight))


def test_the_preview_fits_the_get_ready_time_with_half_a_second_still_at_each_end() -> None:
    session = started()
    snap = session.snapshot(0.0)
    # Getting ready to start is short: the slow rep fills it but for the stillness.
    assert preview_span(snap) == pytest.approx((0.5, snap.prepare_seconds - 1.0))
    # Before the swings there is time to spare: the slow rep lasts one and a half reps.
    ready = prepare_of(session, 2, 0.0)
    assert preview_span(session.snapshot(ready)) == pytest.approx(
        (0.5, 1.5 * session.current.seconds_per_rep)
    )


def test_the_preview_moves_from_its_first_instant_to_its_last_and_then_rests() -> None:
    session = started()
    snap = session.snapshot(0.0)
    span = preview_span(snap)
    assert span is not None
    lead, length = span
    first = pose(session, lead)
    assert first.moving and first.knee_flexion == pytest.approx(GLIDE.straight)
    assert first.motion == pytest.approx((GLIDE.straight, GLIDE.bent))
    bending = pose(session, lead + length / 4)
    assert bending.motion == pytest.approx((GLIDE.straight, GLIDE.bent))
    assert pose(session, lead + 3 * length / 4).motion == pytest.approx(
        (GLIDE.bent, GLIDE.straight)
    )
    for after in (lead + length, lead + length + 0.2, snap.prepare_seconds - 0.1):
        resting = pose(session, after)
        assert not resting.moving and resting.motion is None
        assert resting.knee_flexion == pytest.approx(GLIDE.straight)
    assert pose(session, lead / 2).motion is None  # still before it begins


def test_a_preparation_with_no_room_for_a_preview_shows_none() -> None:
    session = started()
    snap = session.snapshot(0.0)
    assert preview_span(replace(snap, prepare_seconds=1.0)) is None  # all of it stillness
    assert preview_span(replace(snap, prepare_seconds=1.5)) == pytest.approx((0.5, 0.5))


def test_only_the_slow_rep_while_getting_ready_is_marked_as_a_preview() -> None:
    session = started()
    assert pose(session, 0.0).preview
    now = 0.0
    while session.state is not State.COUNT_IN:
        deadline = session.next_deadline()
        assert deadline is not None
        now = deadline
        session.tick(now)
    assert not pose(session, now + 0.5).preview
    start = reps_of(session, 1, now)
    assert not any(p.preview for p in frames(session, start, reps=1.0, per_rep=20))


def test_the_thigh_is_held_at_each_routine_s_own_angle() -> None:
    session = started()
    glide = pose(session, reps_of(session, 1, 0.0))
    swing = pose(session, reps_of(session, 2, 0.0))
    assert (glide.thigh_angle, swing.thigh_angle) == (GLIDE.thigh_angle, SWING.thigh_angle)
    assert glide.thigh_angle > swing.thigh_angle  # the knee raised, then sitting


def test_a_routine_or_phase_the_picture_does_not_know_is_drawn_still_within_range() -> None:
    """A routine added to the plan before the picture learns it is drawn as the glide, and a
    phase it does not know holds the resting pose: nothing fails, nothing bends too far."""
    session = started()
    start = reps_of(session, 1, 0.0)
    snap = session.snapshot(start + 1.0)
    assert snap.planned is not None
    routine = snap.planned.routine
    new_routine = replace(
        routine, id="new_routine", phases=tuple(replace(p, id="hold") for p in routine.phases)
    )
    unknown = replace(snap, planned=replace(snap.planned, routine=new_routine))
    drawn = pose_at(unknown, Pacing.AUTO)
    assert drawn is not None
    assert (drawn.hands, drawn.thigh_angle) == (GLIDE.hands, GLIDE.thigh_angle)
    assert drawn.knee_flexion == pytest.approx(GLIDE.bent)
    assert drawn.motion is None
    assert pose_at(replace(unknown, rep_elapsed=3.0), Pacing.AUTO) == drawn
