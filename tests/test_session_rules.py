"""The session's secondary rules, each pinned on its own: the halfway rep of an odd set, the
preparation before each kind of set, stopping and skipping around a count-in, and what a
snapshot shows. Driven by the session's own events and results, on a fake clock."""

from __future__ import annotations

import dataclasses

import pytest

from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.model import EndReason, Leg, LegChoice, Pacing
from knee_coach.core.plan import Plan, PlannedSet, Timing, Transition, build_plan
from knee_coach.core.routines import HAMSTRING_GLIDE, POPLITEUS_RELEASE, Phase
from knee_coach.core.session import Session, SessionError, SetStatus, State
from knee_coach.core.settings import Settings


def run_by_deadlines(session: Session) -> list[CueEvent]:
    """Tick exactly at each deadline until the session ends."""
    events: list[CueEvent] = []
    while not session.is_over:
        deadline = session.next_deadline()
        assert deadline is not None
        events += session.tick(deadline)
    return events


def one_set_plan(reps: int, pacing: Pacing = Pacing.AUTO) -> Plan:
    """A plan of one hamstring set with any number of reps (the settings allow 5 to 30)."""
    template = HAMSTRING_GLIDE.sets_per_leg[0]
    planned = PlannedSet(0, HAMSTRING_GLIDE, template, Leg.RIGHT, reps, 2.0, Transition.START)
    return Plan(sets=(planned,), pacing=pacing, timing=Timing())


def reps_of(events: list[CueEvent], kind: CueKind) -> list[tuple[int, int]]:
    return [(e.set_index, e.rep) for e in events if e.kind is kind]


# ----- halfway and last rep ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("reps", "halfway"),
    [(15, 8), (11, 6), (5, 3), (10, 6), (4, 3), (3, None), (1, None)],
)
@pytest.mark.parametrize("pacing", [Pacing.AUTO, Pacing.MANUAL])
def test_halfway_is_announced_on_the_rep_after_half_the_set(
    reps: int, halfway: int | None, pacing: Pacing
) -> None:
    """Half of an odd count rounds down: of 15 reps, 7 are done when rep 8 begins. A set
    shorter than 4 reps has no middle worth announcing."""
    session = Session(one_set_plan(reps, pacing))
    events = session.begin(0.0)
    if pacing is Pacing.AUTO:
        events += run_by_deadlines(session)
    else:
        events += session.tick(6.0)
        for n in range(reps):
            events += session.count_rep(10.0 + n)
    assert reps_of(events, CueKind.HALFWAY) == ([] if halfway is None else [(0, halfway)])
    assert reps_of(events, CueKind.LAST_REP) == [(0, reps)]
    assert session.results[0].reps_done == reps
    assert session.state is State.DONE


def test_the_popliteus_sets_of_fifteen_reps_announce_halfway_at_rep_eight() -> None:
    session = Session(build_plan(Settings()))
    events = session.begin(0.0) + run_by_deadlines(session)
    assert reps_of(events, CueKind.HALFWAY) == [
        (0, 6),
        (1, 6),
        (2, 6),
        (3, 6),
        (4, 8),
        (5, 8),
    ]
    halfway = next(e for e in events if e.kind is CueKind.HALFWAY and e.set_index == 4)
    first_swing = next(e for e in events if e.kind is CueKind.REP_PHASE and e.set_index == 4)
    assert halfway.at == pytest.approx(
        first_swing.at + 7 * POPLITEUS_RELEASE.default_seconds_per_rep
    )


# ----- preparation times --------------------------------------------------------------------
def test_each_kind_of_set_gets_its_own_time_to_get_ready() -> None:
    """Starting 6 s, the other side of the same leg 5 s, the other leg 8 s, the next routine
    10 s: from each announcement to the first beat of the count-in."""
    session = Session(build_plan(Settings()))
    events = session.begin(0.0) + run_by_deadlines(session)
    announced = [
        (e.kind, e.at, e.set_index)
        for e in events
        if e.kind
        in (CueKind.SESSION_START, CueKind.SWITCH_SIDE, CueKind.SWITCH_LEG, CueKind.NEXT_ROUTINE)
    ]
    first_beat = {}
    for e in events:
        if e.kind is CueKind.COUNT_IN:
            first_beat.setdefault(e.set_index, e.at)
    gaps = [(kind, first_beat[i] - at) for kind, at, i in announced]
    assert gaps == [
        (CueKind.SESSION_START, 6.0),
        (CueKind.SWITCH_SIDE, 5.0),
        (CueKind.SWITCH_LEG, 8.0),
        (CueKind.SWITCH_SIDE, 5.0),
        (CueKind.NEXT_ROUTINE, 10.0),
        (CueKind.SWITCH_LEG, 8.0),
    ]


def test_the_planned_length_adds_preparation_count_in_and_reps() -> None:
    plan = build_plan(Settings(legs=LegChoice.RIGHT))
    # Right leg only: start 6 + side 5 + routine 10, a 3 s count-in each, 10 x 4 s twice and
    # 15 x 2.5 s once.
    assert [s.transition for s in plan.sets] == [
        Transition.START,
        Transition.SIDE,
        Transition.ROUTINE,
    ]
    assert plan.planned_seconds == pytest.approx(6 + 5 + 10 + 3 * 3 + 2 * 40 + 37.5)
    assert plan.total_reps == 35
    manual = build_plan(Settings(legs=LegChoice.RIGHT, pacing=Pacing.MANUAL))
    assert manual.planned_seconds == pytest.approx(6 + 5 + 10 + 2 * 40 + 37.5)  # no count-in


def test_a_manual_set_waits_for_the_user_after_its_preparation() -> None:
    session = Session(build_plan(Settings(pacing=Pacing.MANUAL)))
    session.begin(0.0)
    assert session.next_deadline() == 6.0
    assert session.tick(5.99) == []
    events = session.tick(6.0)
    assert [(e.kind, e.at, e.rep, e.phase_id) for e in events] == [
        (CueKind.REP_PHASE, 6.0, 1, "bend")
    ]
    assert session.state is State.REP and session.next_deadline() is None


def test_phase_offsets_split_a_rep_by_the_routine_s_shares() -> None:
    plan = build_plan(Settings(seconds_per_rep={"hamstring_glide": 6.0}))
    assert plan[0].phase_offsets() == [0.0, 3.0]
    assert plan[4].phase_offsets() == [0.0]
    assert plan[0].points == HAMSTRING_GLIDE.sets_per_leg[0].points


# ----- stopping and skipping around the count-in -------------------------------------------
def test_stopping_during_the_count_in_records_no_set() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(7.5)
    assert session.state is State.COUNT_IN
    events = session.stop(7.5, EndReason.USER)
    assert [e.kind for e in events] == [CueKind.STOPPED]
    assert session.results == []
    assert session.end_reason is EndReason.USER and session.ended_at == 7.5


def test_stopping_in_a_count_in_after_a_pause_keeps_the_reps_done_as_partial() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0 + 3 * 4.0 + 1.0)  # into rep 4: three done
    session.pause(22.0)
    session.resume(40.0)
    assert session.state is State.COUNT_IN
    session.stop(41.0, EndReason.PAIN)
    assert [(r.reps_done, r.status) for r in session.results] == [(3, SetStatus.PARTIAL)]


def test_stopping_while_paused_keeps_the_reps_done_as_partial() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0 + 2 * 4.0 + 0.5)
    session.pause(17.5)
    events = session.stop(100.0, EndReason.PAIN)
    assert [e.kind for e in events] == [CueKind.STOPPED_PAIN]
    assert [(r.reps_done, r.status) for r in session.results] == [(2, SetStatus.PARTIAL)]


def test_skipping_while_paused_in_a_count_in_after_reps_moves_past_the_set() -> None:
    """Reps were done, then a pause and a resume (which counts in again), then a second pause
    during that count-in: skipping moves on to the next set, keeping the reps done."""
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0 + 2 * 4.0 + 1.0)  # two reps done
    session.pause(18.0)
    session.resume(30.0)
    session.tick(31.0)
    assert session.state is State.COUNT_IN
    session.pause(31.0)
    events = session.skip(35.0)
    assert [e.kind for e in events][:2] == [CueKind.SET_DONE, CueKind.SWITCH_SIDE]
    assert [(r.reps_done, r.status) for r in session.results] == [(2, SetStatus.SKIPPED)]
    assert session.state is State.PREPARE and session.set_index == 1
    assert session.next_deadline() == 35.0 + 5.0


def test_skipping_while_paused_in_a_count_in_before_any_rep_starts_the_count_in_again() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(7.0)
    session.pause(7.0)
    events = session.skip(20.0)
    assert [(e.kind, e.count) for e in events] == [(CueKind.COUNT_IN, 3)]
    assert session.state is State.COUNT_IN and session.results == []


def test_skipping_a_manual_preparation_waits_for_the_first_rep() -> None:
    session = Session(build_plan(Settings(pacing=Pacing.MANUAL)))
    session.begin(0.0)
    assert session.skip(1.0) == []
    assert session.state is State.REP and session.next_deadline() is None
    events = session.count_rep(2.0)
    assert (events[0].kind, events[0].rep) == (CueKind.REP_DONE, 1)


def test_resuming_a_manual_set_needs_no_count_in() -> None:
    session = Session(build_plan(Settings(pacing=Pacing.MANUAL)))
    session.begin(0.0)
    session.tick(6.0)
    session.count_rep(7.0)
    session.pause(8.0)
    assert session.count_rep(9.0) == []  # paused: a rep is not counted
    events = session.resume(20.0)
    assert [e.kind for e in events] == [CueKind.RESUMED]
    assert session.state is State.REP and session.reps_done == 1


def test_stop_before_begin_ends_a_session_with_nothing_done() -> None:
    session = Session(build_plan(Settings()))
    events = session.stop(5.0, EndReason.USER)
    assert [e.kind for e in events] == [CueKind.STOPPED]
    assert (session.started_at, session.ended_at, session.results) == (5.0, 5.0, [])
    assert session.resume(6.0) == [] and session.pause(6.0) == []


def test_resume_when_not_paused_does_nothing() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    assert session.resume(1.0) == []
    assert session.state is State.PREPARE


def test_a_plan_without_sets_cannot_make_a_session() -> None:
    with pytest.raises(SessionError, match="a session needs at least one set"):
        Session(Plan(sets=(), pacing=Pacing.AUTO, timing=Timing()))


def test_actions_that_make_no_sense_say_why() -> None:
    session = Session(build_plan(Settings()))
    assert (session.state, session.reps_done, session.started_at) == (State.CHECK_IN, 0, None)
    assert session.next_deadline() is None and session.results == []
    session.begin(3.0)
    assert session.started_at == 3.0
    with pytest.raises(SessionError, match="cannot begin from prepare"):
        session.begin(4.0)
    with pytest.raises(SessionError, match="reps are counted by the app in auto pacing"):
        session.count_rep(5.0)


# ----- what a screen sees --------------------------------------------------------------------
def test_snapshot_during_a_pause_says_where_it_paused_and_keeps_progress() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0 + 4 * 4.0 + 0.5)
    session.pause(25.5)
    snap = session.snapshot(60.0)
    assert (snap.state, snap.paused_in, snap.reps_done, snap.rep) == (
        State.PAUSED,
        State.REP,
        4,
        5,
    )
    assert snap.session_progress == pytest.approx(4 / 70)
    assert snap.end_reason is None
    assert session.snapshot(60.0).prepare_left == 0.0
    session.resume(61.0)
    assert session.snapshot(61.0).paused_in is None


def test_snapshot_counts_down_the_count_in_beat_by_beat() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(6.0)
    assert [session.snapshot(t).count_in for t in (6.0, 6.99, 7.0, 8.0, 8.99)] == [3, 3, 2, 1, 1]


def test_snapshot_at_the_end_shows_everything_done() -> None:
    session = Session(build_plan(Settings(legs=LegChoice.LEFT)))
    session.begin(0.0)
    run_by_deadlines(session)
    snap = session.snapshot(1000.0)
    assert snap.state is State.DONE and snap.session_progress == 1.0
    assert snap.end_reason is EndReason.COMPLETED
    assert snap.planned is not None and snap.planned.index == 2
    assert snap.rep == snap.planned.reps  # never past the last rep
    assert session.total_reps_done == 35


def test_total_reps_count_the_set_in_progress() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    now = 9.0 + 10 * 4.0 + 5.0 + 3.0 + 2 * 4.0 + 0.1  # set 2: two reps done
    session.tick(now)
    assert session.set_index == 1 and session.reps_done == 2
    assert session.total_reps_done == 12
    session.stop(now, EndReason.USER)
    assert session.total_reps_done == 12  # the partial set is now in the results


def test_phase_progress_runs_through_each_phase_of_a_rep() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0)
    seen = [
        (session.snapshot(9.0 + t).phase, round(session.snapshot(9.0 + t).phase_progress, 3))
        for t in (0.0, 1.0, 2.0, 3.0, 3.999)
    ]
    assert seen == [(0, 0.0), (0, 0.5), (1, 0.0), (1, 0.5), (1, 1.0)]
    # Before the reps' start (a snapshot taken for a moment already past) shows the first.
    assert session.snapshot(8.5).phase == 0


def test_pause_resume_and_stop_cues_carry_their_time_and_set() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(60.0)  # into set 2
    assert session.set_index == 1
    paused = session.pause(60.0)[-1]
    resumed = session.resume(70.0)[0]
    stopped = session.stop(71.0, EndReason.USER)[-1]
    assert [(e.kind, e.at, e.set_index) for e in (paused, resumed, stopped)] == [
        (CueKind.PAUSED, 60.0, 1),
        (CueKind.RESUMED, 70.0, 1),
        (CueKind.STOPPED, 71.0, 1),
    ]


def test_a_resumed_set_ends_when_its_remaining_reps_are_done() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0 + 2 * 4.0 + 1.0)  # two reps done, the third begun
    session.pause(18.0)
    session.resume(100.0)  # a 3 s count-in, then reps 3..10 again
    events = run_by_deadlines(session)
    done = next(e for e in events if e.kind is CueKind.SET_DONE)
    assert done.at == 100.0 + 3.0 + 8 * 4.0 and done.set_index == 0


def test_a_count_in_of_half_second_beats_counts_on_each_beat() -> None:
    plan = build_plan(Settings())
    fast = Plan(sets=plan.sets, pacing=Pacing.AUTO, timing=Timing(count_in_beat=0.5))
    session = Session(fast)
    events = session.begin(0.0) + session.tick(6.0 + 1.5)
    beats = [(e.at, e.count) for e in events if e.kind is CueKind.COUNT_IN]
    assert beats == [(6.0, 3), (6.5, 2), (7.0, 1)]
    session2 = Session(fast)
    session2.begin(0.0)
    session2.tick(6.0)
    assert [session2.snapshot(t).count_in for t in (6.0, 6.6, 7.2)] == [3, 2, 1]


def test_one_rep_done_is_kept_when_stopping_or_skipping() -> None:
    for action in ("stop", "skip"):
        session = Session(build_plan(Settings()))
        session.begin(0.0)
        session.tick(9.0 + 4.0 + 1.0)  # one rep done
        session.pause(14.0)
        if action == "stop":
            session.stop(20.0, EndReason.USER)
            assert [(r.reps_done, r.status) for r in session.results] == [(1, SetStatus.PARTIAL)]
        else:
            session.resume(20.0)
            session.pause(20.5)  # paused again in the count-in
            session.skip(21.0)
            assert [(r.reps_done, r.status) for r in session.results] == [(1, SetStatus.SKIPPED)]


def test_counting_a_manual_rep_stamps_it_with_the_moment_and_the_set() -> None:
    session = Session(build_plan(Settings(pacing=Pacing.MANUAL)))
    session.begin(0.0)
    session.tick(6.0)
    events = session.count_rep(8.25)
    assert (events[0].kind, events[0].at, events[0].set_index, events[0].rep) == (
        CueKind.REP_DONE,
        8.25,
        0,
        1,
    )
    for t in range(9):
        events = session.count_rep(9.0 + t)
    assert session.results[0].status is SetStatus.COMPLETED  # the last count completes it
    assert [e.kind for e in events][:3] == [CueKind.REP_DONE, CueKind.SET_DONE, CueKind.SWITCH_SIDE]


def test_counting_during_a_manual_preparation_starts_with_that_rep() -> None:
    session = Session(build_plan(Settings(pacing=Pacing.MANUAL)))
    session.begin(0.0)
    events = session.count_rep(2.0)
    assert [(e.kind, e.rep) for e in events] == [
        (CueKind.REP_PHASE, 1),
        (CueKind.REP_DONE, 1),
        (CueKind.REP_PHASE, 2),
    ]
    assert session.reps_done == 1


# ----- the values a screen reads, at the edges ------------------------------------------------
def test_a_session_not_begun_shows_the_first_set_with_nothing_done() -> None:
    session = Session(build_plan(Settings()))
    assert (session.started_at, session.ended_at, session.end_reason) == (None, None, None)
    snap = session.snapshot(0.0)
    assert (snap.state, snap.set_index, snap.reps_done, snap.rep) == (State.CHECK_IN, 0, 0, 1)
    assert (snap.phase, snap.phase_progress, snap.count_in, snap.prepare_left) == (0, 0.0, 0, 0.0)
    assert (snap.rep_elapsed, snap.prepare_elapsed, snap.session_progress) == (0.0, 0.0, 0.0)
    assert session.next_deadline() is None
    session.begin(2.5)
    assert session.started_at == 2.5


def test_a_plan_without_sets_is_refused_in_these_words() -> None:
    empty = Plan(sets=(), pacing=Pacing.AUTO, timing=Timing())
    with pytest.raises(SessionError) as refused:
        Session(empty)
    assert str(refused.value) == "a session needs at least one set"


def test_while_preparing_no_phase_or_count_in_shows_and_the_time_left_runs_down_to_zero() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    for now, left in ((0.0, 6.0), (5.5, 0.5), (5.9, 0.1)):
        snap = session.snapshot(now)
        assert snap.state is State.PREPARE and snap.set_index == 0
        assert (snap.phase, snap.phase_progress, snap.count_in) == (0, 0.0, 0)
        assert snap.prepare_left == pytest.approx(left)
        assert snap.prepare_elapsed == pytest.approx(now)
    session.tick(6.0)
    snap = session.snapshot(6.5)
    assert snap.state is State.COUNT_IN
    assert (snap.phase, snap.phase_progress, snap.prepare_left) == (0, 0.0, 0.0)


def test_manual_reps_show_no_phase_and_time_the_rep_in_progress() -> None:
    session = Session(one_set_plan(10, Pacing.MANUAL))
    session.begin(0.0)
    session.tick(6.0)  # the preparation ends by itself: the first rep begins
    snap = session.snapshot(7.5)
    assert snap.state is State.REP
    assert (snap.phase, snap.phase_progress, snap.count_in, snap.prepare_left) == (0, 0.0, 0, 0.0)
    assert snap.rep_elapsed == pytest.approx(1.5)


@pytest.mark.parametrize("how", ["by itself", "skipped", "counted early", "resumed"])
def test_a_manual_rep_is_timed_from_the_moment_the_reps_begin(how: str) -> None:
    session = Session(one_set_plan(10, Pacing.MANUAL))
    session.begin(0.0)
    if how == "by itself":
        session.tick(6.0)
        began = 6.0
    elif how == "skipped":
        session.skip(2.0)
        began = 2.0
    elif how == "counted early":
        session.count_rep(3.0)  # counting during the preparation starts the set, rep 1 done
        began = 3.0
    else:
        session.tick(6.0)
        session.pause(7.0)
        session.resume(20.0)
        began = 20.0
    assert session.state is State.REP
    assert session.snapshot(began + 1.25).rep_elapsed == pytest.approx(1.25)


def test_a_snapshot_taken_for_a_moment_before_the_reps_began_shows_the_start_of_rep_one() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0)
    snap = session.snapshot(8.5)
    assert (snap.phase, snap.phase_progress, snap.rep_elapsed) == (0, 0.0, 0.0)


def test_a_stopped_session_no_longer_says_where_it_was_paused() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(12.0)
    session.pause(12.0)
    assert session.snapshot(12.0).paused_in is State.REP
    session.stop(13.0, EndReason.USER)
    snap = session.snapshot(13.0)
    assert snap.state is State.STOPPED and snap.paused_in is None


def test_every_cue_of_a_whole_session_names_its_set_rep_and_phase() -> None:
    plan = build_plan(Settings(legs=LegChoice.RIGHT))
    session = Session(plan)
    events = session.begin(0.0) + run_by_deadlines(session)
    for planned in plan.sets:
        mine = [e for e in events if e.set_index == planned.index]
        done = [e.rep for e in mine if e.kind is CueKind.REP_DONE]
        assert done == list(range(1, planned.reps + 1))
        phases = [(e.rep, e.phase, e.phase_id) for e in mine if e.kind is CueKind.REP_PHASE]
        ids = [phase.id for phase in planned.routine.phases]
        assert phases == [
            (rep, j, phase_id)
            for rep in range(1, planned.reps + 1)
            for j, phase_id in enumerate(ids)
        ]
    ends = [e for e in events if e.kind is CueKind.SESSION_DONE]
    assert [(e.set_index, e.at) for e in ends] == [(plan.sets[-1].index, session.ended_at)]
    assert all(isinstance(e.set_index, int) for e in events)


def test_skipping_during_the_count_in_still_gives_the_beats_already_due() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(6.0)  # the count-in began: "3"
    events = session.skip(7.5)  # "2" was due at 7.0 and not yet ticked
    counts = [(e.at, e.count) for e in events if e.kind is CueKind.COUNT_IN]
    assert counts == [(7.0, 2)]
    assert session.state is State.REP


def test_skipping_a_set_still_gives_the_reps_already_due_and_counts_them() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0)  # rep 1 begins
    events = session.skip(9.0 + 2 * 4.0 + 0.5)  # two reps done, not yet ticked
    assert [e.rep for e in events if e.kind is CueKind.REP_DONE] == [1, 2]
    assert session.results[0].status is SetStatus.SKIPPED
    assert session.results[0].reps_done == 2


def test_stopping_counts_the_reps_done_by_then_even_between_ticks() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(9.0)
    events = session.stop(9.0 + 3 * 4.0 + 0.5, EndReason.USER)  # three reps done since
    assert [e.rep for e in events if e.kind is CueKind.REP_DONE] == [1, 2, 3]
    assert [(r.status, r.reps_done) for r in session.results] == [(SetStatus.PARTIAL, 3)]


def test_each_phase_of_a_rep_starts_after_the_shares_of_all_phases_before_it() -> None:
    """Today's routines have one or two phases; a third shows the starts add up."""
    three = dataclasses.replace(
        HAMSTRING_GLIDE,
        phases=(Phase("a", "A", 0.25), Phase("b", "B", 0.25), Phase("c", "C", 0.5)),
    )
    planned = PlannedSet(0, three, three.sets_per_leg[0], Leg.RIGHT, 2, 4.0, Transition.START)
    assert planned.phase_offsets() == [0.0, 1.0, 2.0]
    session = Session(Plan(sets=(planned,), pacing=Pacing.AUTO, timing=Timing()))
    events = session.begin(0.0) + run_by_deadlines(session)
    starts = [(e.at, e.phase_id) for e in events if e.kind is CueKind.REP_PHASE]
    assert starts == [(9.0, "a"), (10.0, "b"), (11.0, "c"), (13.0, "a"), (14.0, "b"), (15.0, "c")]
    session = Session(Plan(sets=(planned,), pacing=Pacing.AUTO, timing=Timing()))
    session.begin(0.0)
    session.tick(9.0)
    assert [session.snapshot(9.0 + t).phase for t in (0.5, 1.5, 2.5, 3.5)] == [0, 1, 2, 2]


def test_a_session_reached_by_skipping_every_set_is_a_stop_not_a_completion() -> None:
    session = Session(build_plan(Settings(legs=LegChoice.RIGHT)))
    session.begin(0.0)
    while not session.is_over:
        session.skip(0.0)  # past each preparation, count-in and set before a rep is done
    assert session.end_reason is EndReason.USER
    assert all(r.reps_done == 0 for r in session.results)


def test_one_rep_done_before_skipping_the_rest_makes_a_completed_session() -> None:
    session = Session(build_plan(Settings(legs=LegChoice.RIGHT)))
    session.begin(0.0)
    session.tick(9.0 + 4.0 + 0.1)  # one rep of the first set done
    while not session.is_over:
        session.skip(13.1)
    assert [r.reps_done for r in session.results] == [1, 0, 0]
    assert session.end_reason is EndReason.COMPLETED


@pytest.mark.parametrize("pacing", [Pacing.AUTO, Pacing.MANUAL])
def test_the_set_begins_a_breath_after_the_spoken_words_end(pacing: Pacing) -> None:
    session = Session(one_set_plan(10, pacing))
    session.begin(0.0)
    assert session.words_started(0.2) == []
    assert session.snapshot(5.0).listening
    session.words_done(7.5)  # the words ran past the 6 s get-ready time
    assert session.state is State.PREPARE
    assert session.next_deadline() == pytest.approx(8.5)  # a breath (1 s) after the words
    assert session.snapshot(7.9).prepare_left == pytest.approx(0.6)
    session.tick(8.5)
    assert session.state is (State.COUNT_IN if pacing is Pacing.AUTO else State.REP)
    assert not session.snapshot(8.5).listening
    if pacing is Pacing.MANUAL:
        assert session.next_deadline() is None  # waits for the user's count
        assert session.snapshot(9.0).rep_elapsed == pytest.approx(0.5)


def test_words_reported_outside_a_preparation_change_nothing() -> None:
    session = Session(one_set_plan(10))
    session.begin(0.0)
    session.tick(6.0)  # the count-in
    events = session.words_started(7.2)
    assert [e.count for e in events if e.kind is CueKind.COUNT_IN] == [2]  # due at 7.0
    session.words_done(7.4)
    assert session.state is State.COUNT_IN
    assert session.next_deadline() == pytest.approx(8.0)


@pytest.mark.parametrize("pacing", [Pacing.AUTO, Pacing.MANUAL])
def test_each_segment_times_itself_and_shows_zero_for_the_other(pacing: Pacing) -> None:
    session = Session(one_set_plan(10, pacing))
    session.begin(0.0)
    snap = session.snapshot(2.0)
    assert (snap.rep_elapsed, snap.prepare_elapsed) == (0.0, pytest.approx(2.0))
    session.tick(6.0)
    if pacing is Pacing.AUTO:
        snap = session.snapshot(7.5)  # the count-in
        assert (snap.rep_elapsed, snap.prepare_elapsed) == (0.0, 0.0)
        session.tick(9.0)
        start = 9.0
    else:
        start = 6.0
    snap = session.snapshot(start + 1.5)
    assert (snap.rep_elapsed, snap.prepare_elapsed) == (pytest.approx(1.5), 0.0)


def test_a_frame_asked_for_just_before_the_reps_began_shows_them_at_their_start() -> None:
    """A frame timed a moment before the tick that began the reps: the picture is at the
    first rep's start, with no time left over from getting ready."""
    session = Session(one_set_plan(10))
    session.begin(0.0)
    session.tick(6.0)
    session.tick(9.0)  # the count-in is over: the reps begin at 9.0
    assert session.state is State.REP
    snap = session.snapshot(8.99)
    assert (snap.rep_elapsed, snap.prepare_elapsed) == (0.0, 0.0)
