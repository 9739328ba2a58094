"""The session state machine, driven by a fake clock: the spec of the guided flow."""

from __future__ import annotations

import random

import pytest

from knee_coach.core.clock import FakeClock
from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.model import EndReason, Leg, LegChoice, Pacing
from knee_coach.core.plan import Transition, build_plan
from knee_coach.core.routines import HAMSTRING_GLIDE, POPLITEUS_RELEASE
from knee_coach.core.session import Session, SessionError, SetStatus, State
from knee_coach.core.settings import Settings


def run_to_end(session: Session, clock: FakeClock, step: float = 0.05) -> list[CueEvent]:
    events: list[CueEvent] = []
    while not session.is_over:
        clock.advance(step)
        events += session.tick(clock.now())
    return events


def kinds(events: list[CueEvent]) -> list[CueKind]:
    return [e.kind for e in events]


def test_plan_follows_the_article_order() -> None:
    plan = build_plan(Settings())
    described = [(s.routine.id, s.leg, s.template.id, s.reps) for s in plan.sets]
    assert described == [
        ("hamstring_glide", Leg.RIGHT, "inner", 10),
        ("hamstring_glide", Leg.RIGHT, "outer", 10),
        ("hamstring_glide", Leg.LEFT, "inner", 10),
        ("hamstring_glide", Leg.LEFT, "outer", 10),
        ("popliteus_release", Leg.RIGHT, "both_points", 15),
        ("popliteus_release", Leg.LEFT, "both_points", 15),
    ]
    assert [s.transition for s in plan.sets] == [
        Transition.START,
        Transition.SIDE,
        Transition.LEG,
        Transition.SIDE,
        Transition.ROUTINE,
        Transition.LEG,
    ]


@pytest.mark.parametrize(
    ("choice", "legs"),
    [(LegChoice.RIGHT, {Leg.RIGHT}), (LegChoice.LEFT, {Leg.LEFT}), (LegChoice.BOTH, set(Leg))],
)
def test_leg_choice(choice: LegChoice, legs: set[Leg]) -> None:
    plan = build_plan(Settings(legs=choice))
    assert {s.leg for s in plan.sets} == legs
    assert len(plan) == 3 * len(legs)


def test_a_whole_auto_session_emits_every_cue_in_order() -> None:
    clock = FakeClock()
    session = Session(build_plan(Settings()))
    assert session.state is State.CHECK_IN
    events = session.begin(clock.now())
    assert kinds(events) == [CueKind.SESSION_START]
    assert session.state is State.PREPARE
    events += run_to_end(session, clock)

    assert session.state is State.DONE
    assert session.end_reason is EndReason.COMPLETED
    assert [r.status for r in session.results] == [SetStatus.COMPLETED] * 6
    assert [r.reps_done for r in session.results] == [10, 10, 10, 10, 15, 15]
    # Events come in time order and each is stamped with its scheduled time.
    assert [e.at for e in events] == sorted(e.at for e in events)
    ks = kinds(events)
    assert ks.count(CueKind.SWITCH_SIDE) == 2
    assert ks.count(CueKind.SWITCH_LEG) == 2
    assert ks.count(CueKind.NEXT_ROUTINE) == 1
    assert ks.count(CueKind.COUNT_IN) == 6 * 3
    assert ks.count(CueKind.SET_DONE) == 6
    assert ks.count(CueKind.HALFWAY) == 6
    assert ks.count(CueKind.LAST_REP) == 6
    assert ks.count(CueKind.REP_DONE) == 70
    assert ks[-1] is CueKind.SESSION_DONE
    # Routine 1 has two phases per rep, routine 2 one swing per rep.
    phases = [e.phase_id for e in events if e.kind is CueKind.REP_PHASE]
    assert phases.count("bend") == phases.count("straighten") == 40
    assert phases.count("swing") == 30


def test_first_set_timeline_is_exact() -> None:
    clock = FakeClock(0.0)
    session = Session(build_plan(Settings()))
    events = session.begin(0.0)
    while session.set_index == 0:
        clock.advance(0.25)
        events += session.tick(clock.now())
    timeline = [(e.kind, e.at, e.rep, e.phase_id, e.count) for e in events]
    assert timeline[:8] == [
        (CueKind.SESSION_START, 0.0, 0, "", 0),
        (CueKind.COUNT_IN, 6.0, 0, "", 3),
        (CueKind.COUNT_IN, 7.0, 0, "", 2),
        (CueKind.COUNT_IN, 8.0, 0, "", 1),
        (CueKind.REP_PHASE, 9.0, 1, "bend", 0),
        (CueKind.REP_PHASE, 11.0, 1, "straighten", 0),
        (CueKind.REP_DONE, 13.0, 1, "", 0),
        (CueKind.REP_PHASE, 13.0, 2, "bend", 0),
    ]
    halfway = next(e for e in events if e.kind is CueKind.HALFWAY)
    assert (halfway.at, halfway.rep) == (9.0 + 5 * 4.0, 6)
    last = next(e for e in events if e.kind is CueKind.LAST_REP)
    assert (last.at, last.rep) == (9.0 + 9 * 4.0, 10)
    done = next(e for e in events if e.kind is CueKind.SET_DONE)
    assert done.at == 9.0 + 10 * 4.0
    switch = next(e for e in events if e.kind is CueKind.SWITCH_SIDE)
    assert switch.at == done.at and switch.set_index == 1


def test_twenty_minute_session_ends_on_schedule_despite_jittery_ticks() -> None:
    settings = Settings(
        reps={HAMSTRING_GLIDE.id: 30, POPLITEUS_RELEASE.id: 20},
        seconds_per_rep={HAMSTRING_GLIDE.id: 8.0, POPLITEUS_RELEASE.id: 5.0},
    )
    plan = build_plan(settings)
    assert 19 * 60 < plan.planned_seconds < 21 * 60
    clock = FakeClock(5000.0)
    session = Session(plan)
    start = clock.now()
    session.begin(start)
    rng = random.Random(7)
    events: list[CueEvent] = []
    while not session.is_over:
        # A busy event loop: ticks arrive 1-120 ms apart, never on a deadline.
        clock.advance(rng.uniform(0.001, 0.12))
        events += session.tick(clock.now())
    done = events[-1]
    assert done.kind is CueKind.SESSION_DONE
    assert abs(done.at - (start + plan.planned_seconds)) < 0.001
    assert session.ended_at is not None
    assert abs(session.ended_at - (start + plan.planned_seconds)) < 0.001
    # Every rep beat sits exactly on its grid, whatever the tick jitter.
    sets = plan.sets
    first = next(e for e in events if e.kind is CueKind.REP_PHASE and e.set_index == 5)
    last = [e for e in events if e.kind is CueKind.REP_PHASE and e.set_index == 5][-1]
    assert abs((last.at - first.at) - (sets[5].reps - 1) * sets[5].seconds_per_rep) < 1e-6


def test_next_deadline_lets_the_ui_sleep_until_exactly_the_next_event() -> None:
    clock = FakeClock(0.0)
    session = Session(build_plan(Settings()))
    fired = session.begin(0.0)
    while not session.is_over:
        deadline = session.next_deadline()
        assert deadline is not None and deadline >= clock.now()
        clock.set(deadline)
        events = session.tick(clock.now())
        assert events or session.state in (State.COUNT_IN, State.REP)
        fired += events
    assert session.next_deadline() is None
    assert abs(clock.now() - build_plan(Settings()).planned_seconds) < 1e-9
    # Ticking only at the deadlines fires exactly the events that frequent ticks fire.
    reference = Session(build_plan(Settings()))
    expected = reference.begin(0.0) + run_to_end(reference, FakeClock(0.0))
    assert fired == expected
    assert len(fired) == 223


def test_pause_freezes_and_resume_counts_in_and_redoes_the_rep() -> None:
    clock = FakeClock(0.0)
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    clock.set(9.0 + 2 * 4.0 + 1.0)  # one second into rep 3 of set 1
    session.tick(clock.now())
    assert session.snapshot(clock.now()).rep == 3
    events = session.toggle_pause(clock.now())
    assert kinds(events) == [CueKind.PAUSED]
    assert session.state is State.PAUSED
    assert session.next_deadline() is None
    clock.advance(300)
    assert session.tick(clock.now()) == []
    assert session.reps_done == 2
    resumed_at = clock.now()
    events = session.toggle_pause(resumed_at)
    assert kinds(events)[:2] == [CueKind.RESUMED, CueKind.COUNT_IN]
    assert session.state is State.COUNT_IN
    clock.advance(3.0)
    events = session.tick(clock.now())
    rep = next(e for e in events if e.kind is CueKind.REP_PHASE)
    assert (rep.rep, rep.phase_id, rep.at) == (3, "bend", resumed_at + 3.0)
    events += run_to_end(session, clock)
    assert session.results[0].reps_done == 10
    assert session.state is State.DONE


def test_pause_during_preparation_announces_the_set_again() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.pause(2.0)
    events = session.resume(50.0)
    assert kinds(events) == [CueKind.RESUMED, CueKind.SESSION_START]
    assert session.next_deadline() == 56.0


def test_skip_moves_past_preparation_count_in_and_the_rest_of_a_set() -> None:
    clock = FakeClock(0.0)
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    clock.set(1.0)
    assert kinds(session.skip(clock.now()))[0] is CueKind.COUNT_IN  # past the preparation
    assert session.state is State.COUNT_IN
    clock.set(1.5)
    events = session.skip(clock.now())  # past the count-in
    assert session.state is State.REP
    assert events[0].kind is CueKind.REP_PHASE and events[0].at == 1.5
    clock.set(1.5 + 4.0 * 3 + 0.5)
    session.tick(clock.now())
    events = session.skip(clock.now())  # past the rest of the set
    assert kinds(events)[:2] == [CueKind.SET_DONE, CueKind.SWITCH_SIDE]
    assert session.results[0].status is SetStatus.SKIPPED
    assert session.results[0].reps_done == 3
    assert session.set_index == 1


def test_skip_while_paused_goes_on_with_the_next_set() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    session.tick(20.0)
    session.pause(20.0)
    events = session.skip(30.0)
    assert kinds(events)[:2] == [CueKind.SET_DONE, CueKind.SWITCH_SIDE]
    assert session.state is State.PREPARE
    assert session.set_index == 1


def test_stop_for_pain_records_why_and_keeps_the_sets_done() -> None:
    clock = FakeClock(0.0)
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    while session.set_index < 2 or session.reps_done < 4:
        clock.advance(0.1)
        session.tick(clock.now())
    events = session.stop(clock.now(), EndReason.PAIN)
    assert events[-1].kind is CueKind.STOPPED_PAIN
    assert session.state is State.STOPPED
    assert session.end_reason is EndReason.PAIN
    assert [(r.reps_done, r.status) for r in session.results] == [
        (10, SetStatus.COMPLETED),
        (10, SetStatus.COMPLETED),
        (4, SetStatus.PARTIAL),
    ]
    assert session.next_deadline() is None
    assert session.tick(clock.now() + 100) == []
    assert session.stop(clock.now(), EndReason.USER) == []  # already over


def test_stop_before_any_rep_records_nothing() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    events = session.stop(3.0, EndReason.USER)
    assert kinds(events) == [CueKind.STOPPED]
    assert session.results == []


def test_manual_mode_counts_reps_on_the_users_signal() -> None:
    clock = FakeClock(0.0)
    session = Session(build_plan(Settings(pacing=Pacing.MANUAL, legs=LegChoice.RIGHT)))
    session.begin(0.0)
    clock.set(6.0)  # preparation over: the set waits for the user, no count-in
    events = session.tick(clock.now())
    assert session.state is State.REP
    assert kinds(events) == [CueKind.REP_PHASE]
    assert session.next_deadline() is None
    clock.advance(600)  # waiting forever is fine
    assert session.tick(clock.now()) == []
    for n in range(1, 10):
        events = session.count_rep(clock.advance(2.7))
        assert events[0].kind is CueKind.REP_DONE and events[0].rep == n
        assert session.reps_done == n
    events = session.count_rep(clock.advance(2.7))
    assert kinds(events)[:3] == [CueKind.REP_DONE, CueKind.SET_DONE, CueKind.SWITCH_SIDE]
    assert session.results[0].reps_done == 10
    # Counting during the preparation starts the set at once.
    events = session.count_rep(clock.advance(1.0))
    assert session.state is State.REP and session.reps_done == 1


def test_manual_halfway_and_last_rep_cues() -> None:
    session = Session(build_plan(Settings(pacing=Pacing.MANUAL, legs=LegChoice.LEFT)))
    session.begin(0.0)
    session.tick(6.0)
    seen: list[CueEvent] = []
    for i in range(10):
        seen += session.count_rep(10.0 + i)
    assert [e.rep for e in seen if e.kind is CueKind.HALFWAY] == [6]
    assert [e.rep for e in seen if e.kind is CueKind.LAST_REP] == [10]


def test_count_rep_is_refused_in_auto_pacing() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    with pytest.raises(SessionError):
        session.count_rep(1.0)


def test_snapshot_reports_phase_count_in_and_progress() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    snap = session.snapshot(2.0)
    assert snap.state is State.PREPARE and snap.prepare_left == pytest.approx(4.0)
    session.tick(7.2)
    assert session.snapshot(7.2).count_in == 2
    session.tick(9.0 + 4.0 + 3.0)  # rep 2, straighten half way through
    snap = session.snapshot(16.0)
    assert (snap.rep, snap.phase, snap.reps_done) == (2, 1, 1)
    assert snap.phase_progress == pytest.approx(0.5)
    assert snap.session_progress == pytest.approx(1 / 70)


def test_cannot_begin_twice() -> None:
    session = Session(build_plan(Settings()))
    session.begin(0.0)
    with pytest.raises(SessionError):
        session.begin(1.0)
