"""Sound and picture agree: the screen shows each change when its cue is heard.

The player sounds every cue a constant delay after its instant; the controller shows the
session that same delay behind, replaying the user's actions at the instants they were made.
Driven by a fake clock: `poll()` is the cue timer firing, `present()` the screen's timer."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from knee_coach.core.clock import FakeClock
from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.model import EndReason
from knee_coach.core.plan import build_plan
from knee_coach.core.session import Snapshot, State
from knee_coach.core.settings import Settings
from knee_coach.ui.session_controller import SessionController

DELAY = 0.055


class Recorder:
    def __init__(self, controller: SessionController) -> None:
        self.heard: list[CueEvent] = []
        self.shown: list[CueEvent] = []
        self.snapshots: list[Snapshot] = []
        controller.cues.connect(self.heard.extend)
        controller.shownCues.connect(self.shown.extend)
        controller.changed.connect(self.snapshots.append)


def make(delay: float) -> tuple[SessionController, FakeClock, Recorder]:
    clock = FakeClock(100.0)
    controller = SessionController(build_plan(Settings()), clock, presentation_delay=delay)
    return controller, clock, Recorder(controller)


def to_next_deadline(controller: SessionController, clock: FakeClock) -> float:
    deadline = controller.session.next_deadline()
    assert deadline is not None
    clock.set(deadline)
    controller.poll()
    return deadline


def run_to(
    controller: SessionController, clock: FakeClock, state: State, shown_after: float = 0.0
) -> None:
    """The session begun and run to the first moment in `state`; the screen, `shown_after`
    later, showing it too."""
    controller.begin()
    while controller.session.state is not state:
        to_next_deadline(controller, clock)
    if shown_after:
        clock.set(clock.now() + shown_after)
        controller.present()


def test_a_cue_is_handed_to_the_ear_on_its_instant_and_shown_when_it_sounds(
    qtbot: QtBot,
) -> None:
    controller, clock, seen = make(DELAY)
    run_to(controller, clock, State.COUNT_IN, shown_after=DELAY)
    shown_before = seen.snapshots[-1].count_in
    heard_before = len(seen.heard)

    beat = to_next_deadline(controller, clock)  # the next count-in beat falls due
    assert [e.kind for e in seen.heard[heard_before:]] == [CueKind.COUNT_IN]
    assert seen.snapshots[-1].count_in == shown_before  # not on screen yet

    clock.set(beat + DELAY - 0.001)
    controller.present()
    assert seen.snapshots[-1].count_in == shown_before
    clock.set(beat + DELAY)
    controller.present()
    assert seen.snapshots[-1].count_in == shown_before - 1
    assert seen.shown[-1].kind is CueKind.COUNT_IN and seen.shown[-1].at == beat


def test_the_screen_timer_aims_at_the_instant_the_cue_is_heard(qtbot: QtBot) -> None:
    controller, clock, _ = make(DELAY)
    controller.begin()
    # The start itself is shown as its cue is heard...
    assert controller._present_timer.remainingTime() == pytest.approx(DELAY * 1000, abs=1)
    clock.set(clock.now() + DELAY)
    controller.present()
    # ...and the next change when the next cue is.
    deadline = controller.session.next_deadline()
    assert deadline is not None
    remaining = controller._present_timer.remainingTime()
    assert remaining == pytest.approx((deadline + DELAY - clock.now()) * 1000, abs=1)


def test_a_pause_shows_when_its_sound_is_heard_and_every_cue_is_shown_once(
    qtbot: QtBot,
) -> None:
    controller, clock, seen = make(DELAY)
    run_to(controller, clock, State.REP)
    clock.set(clock.now() + 0.3)
    controller.poll()
    controller.toggle_pause()
    paused_at = clock.now()
    assert controller.session.state is State.PAUSED  # at once, for the ear
    assert seen.heard[-1].kind is CueKind.PAUSED
    assert seen.snapshots[-1].state is State.REP  # not yet for the eye

    clock.set(paused_at + DELAY)
    controller.present()
    assert seen.snapshots[-1].state is State.PAUSED
    # The screen's session went through exactly what the ear's did, in the same order.
    assert seen.shown == seen.heard


def test_a_whole_session_with_the_users_actions_shows_what_was_heard(qtbot: QtBot) -> None:
    controller, clock, seen = make(DELAY)
    controller.begin()
    for step in range(4000):
        deadline = controller.session.next_deadline()
        if deadline is None:
            break
        clock.set(deadline)
        controller.poll()
        if step == 40:
            controller.toggle_pause()
            clock.set(clock.now() + 2.0)
            controller.toggle_pause()
        if step in (60, 200):
            controller.skip()
        clock.set(clock.now() + DELAY)
        controller.present()
        if step == 300:
            controller.stop(EndReason.PAIN)
    clock.set(clock.now() + DELAY)
    controller.present()
    assert controller.session.is_over
    assert seen.shown == seen.heard
    assert seen.snapshots[-1].state is controller.session.state


def test_without_a_delay_the_screen_changes_with_the_cue(qtbot: QtBot) -> None:
    controller, clock, seen = make(0.0)
    run_to(controller, clock, State.COUNT_IN)
    before = seen.snapshots[-1].count_in
    to_next_deadline(controller, clock)
    assert seen.snapshots[-1].count_in == before - 1
    assert seen.shown == seen.heard
    assert not controller._present_timer.isActive()


SERVER = 0.017  # a latency the sound server reports for the stream, once it plays


def test_once_the_server_reports_its_latency_each_change_shows_that_much_later(
    qtbot: QtBot,
) -> None:
    controller, clock, seen = make(DELAY)
    run_to(controller, clock, State.COUNT_IN, shown_after=DELAY)
    controller.set_presentation_delay(DELAY + SERVER)
    shown_before = seen.snapshots[-1].count_in

    beat = to_next_deadline(controller, clock)
    # The screen's timer aims at the instant the cue now reaches the ear...
    remaining = controller._present_timer.remainingTime()
    assert remaining == pytest.approx((DELAY + SERVER) * 1000, abs=1)
    # ...and the change is not shown a moment sooner.
    clock.set(beat + DELAY + SERVER - 0.001)
    controller.present()
    assert seen.snapshots[-1].count_in == shown_before
    clock.set(beat + DELAY + SERVER)
    controller.present()
    assert seen.snapshots[-1].count_in == shown_before - 1


def test_a_delay_that_grows_mid_session_holds_the_screen_still_and_never_goes_back(
    qtbot: QtBot,
) -> None:
    controller, clock, seen = make(DELAY)
    run_to(controller, clock, State.REP)
    clock.set(clock.now() + 0.5)
    controller.present()
    before = seen.snapshots[-1]
    assert before.state is State.REP and before.rep_elapsed > SERVER

    controller.set_presentation_delay(DELAY + SERVER)
    controller.present()  # the screen would be SERVER further back: it holds still instead
    assert seen.snapshots[-1].rep_elapsed == pytest.approx(before.rep_elapsed)
    clock.set(clock.now() + SERVER / 2)
    controller.present()
    assert seen.snapshots[-1].rep_elapsed == pytest.approx(before.rep_elapsed)
    clock.set(clock.now() + SERVER)
    controller.present()  # and moves on once it is that far behind
    assert seen.snapshots[-1].rep_elapsed == pytest.approx(before.rep_elapsed + SERVER / 2)


def test_a_whole_session_with_the_delay_changing_shows_every_cue_heard_once_in_order(
    qtbot: QtBot,
) -> None:
    controller, clock, seen = make(DELAY)
    delays = {30: DELAY + SERVER, 120: DELAY + 0.2, 250: DELAY}  # reported, device changed
    controller.begin()
    progress: list[float] = []
    for step in range(4000):
        deadline = controller.session.next_deadline()
        if deadline is None:
            break
        clock.set(deadline)
        controller.poll()
        if step in delays:
            controller.set_presentation_delay(delays[step])
        if step == 60:
            controller.skip()
        clock.set(clock.now() + controller.presentation_delay)
        controller.present()
        progress.append(seen.snapshots[-1].session_progress)
    clock.set(clock.now() + controller.presentation_delay)
    controller.present()
    assert controller.session.is_over
    assert seen.shown == seen.heard
    assert progress == sorted(progress)  # the screen never went back
