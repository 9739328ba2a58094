"""Drives a core Session from Qt: one precise single-shot timer aimed at the next deadline.

No polling: while nothing is due (check-in, paused, manual counting, idle) no timer runs.
Tests inject a FakeClock and call `poll()` (and `present()`) themselves after moving it.

Sound and picture agree: each cue is handed to the player on its instant and is heard
`presentation_delay` later (the player's output delay), so the screen shows the session that
same delay behind. The delay may change mid-session (the sound server reports its latency
once the stream plays): the screen then follows the new one, never going back in time.
It replays the user's actions, at the instants they were made, on a second Session of the
same plan: the core is deterministic, so the screen shows exactly what the ear hears,
counter, phase and banners alike.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from knee_coach.core.clock import Clock, MonotonicClock
from knee_coach.core.cues import CueEvent
from knee_coach.core.model import EndReason, Pacing
from knee_coach.core.plan import Plan
from knee_coach.core.session import Session, Snapshot, State

Action = Callable[[Session, float], list[CueEvent]]


class SessionController(QObject):
    cues = Signal(list)  # list[CueEvent], in schedule order, as each falls due: for the ear
    shownCues = Signal(list)  # the same cues when the screen shows them
    changed = Signal(object)  # Snapshot, as the screen shows it
    finished = Signal(object)  # Session, once it is done or stopped

    def __init__(
        self,
        plan: Plan,
        clock: Clock | None = None,
        parent: QObject | None = None,
        presentation_delay: float = 0.0,
    ) -> None:
        """`presentation_delay`: seconds from a cue's instant to its sound (the player's)."""
        super().__init__(parent)
        self.clock = clock or MonotonicClock()
        self.session = Session(plan)
        self.presentation_delay = max(0.0, presentation_delay)
        self._shown = Session(plan)  # the session as the screen shows it
        self._shown_at = -math.inf  # the latest instant the screen has shown
        self._actions: deque[tuple[float, Action]] = deque()  # still to replay on it
        self._timer = self._precise_timer(self.poll)
        self._present_timer = self._precise_timer(self.present)
        self._finished_sent = False

    def _precise_timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(slot)
        return timer

    @property
    def manual(self) -> bool:
        return self.session.plan.pacing is Pacing.MANUAL

    def snapshot(self) -> Snapshot:
        """The session now, as the ear will hear it (the screen shows `shown_snapshot`)."""
        return self.session.snapshot(self.clock.now())

    # Each user action returns the events it caused, so the caller can sound them at once.
    def begin(self) -> None:
        self._act(lambda session, now: session.begin(now))

    def poll(self) -> None:
        self._apply(self.session.tick(self.clock.now()))

    def toggle_pause(self) -> None:
        self._act(lambda session, now: session.toggle_pause(now))

    def count_rep(self) -> None:
        if self.manual and self.session.state in (State.PREPARE, State.REP):
            self._act(lambda session, now: session.count_rep(now))

    def skip(self) -> None:
        self._act(lambda session, now: session.skip(now))

    def stop(self, reason: EndReason) -> None:
        self._act(lambda session, now: session.stop(now, reason))

    def _act(self, action: Action) -> None:
        now = self.clock.now()
        events = action(self.session, now)
        self._actions.append((now, action))  # for the screen's session, at the same instant
        self._apply(events)

    def words_speaking(self, speaking: bool) -> None:
        """The voice reports the announcement's words: being said (hold the count-in for
        them) or over."""
        # Replayed on the screen's session too, so it holds the count-in as the ear does.
        if speaking:
            self._act(lambda session, now: session.words_started(now))
        else:
            self._act(lambda session, now: session.words_done(now))

    def _apply(self, events: list[CueEvent]) -> None:
        if events:
            self.cues.emit(events)
        self._arm()
        self.present()
        if self.session.is_over and not self._finished_sent:
            self._finished_sent = True
            self.finished.emit(self.session)

    # ----- the screen's view: `presentation_delay` behind --------------------------------------
    def set_presentation_delay(self, delay: float) -> None:
        """The player's output delay changed: show the session that far behind from now on."""
        self.presentation_delay = max(0.0, delay)
        self._arm_present()

    def shown_snapshot(self) -> Snapshot:
        """The session as the screen shows it now; cues that became visible are emitted."""
        # A longer delay than before holds the screen still until it is that far behind.
        shown_at = max(self._shown_at, self.clock.now() - self.presentation_delay)
        self._shown_at = shown_at
        events: list[CueEvent] = []
        while self._actions and self._actions[0][0] <= shown_at:
            at, action = self._actions.popleft()
            events += self._shown.tick(at)
            events += action(self._shown, at)
        if self._shown.started_at is not None:
            events += self._shown.tick(shown_at)
        if events:
            self.shownCues.emit(events)
        return self._shown.snapshot(shown_at)

    def present(self) -> None:
        """Show the session as it sounds now, and aim at the screen's next change."""
        self.changed.emit(self.shown_snapshot())
        self._arm_present()

    def _arm_present(self) -> None:
        if self.presentation_delay <= 0:
            self._present_timer.stop()  # every change shows as it happens, from `_apply`
            return
        due = [self._actions[0][0]] if self._actions else []
        deadline = self._shown.next_deadline()
        if deadline is not None and self._shown.started_at is not None:
            due.append(deadline)
        if not due:
            self._present_timer.stop()
            return
        wait = min(due) + self.presentation_delay - self.clock.now()
        self._present_timer.start(max(0, math.ceil(wait * 1000)))

    def _arm(self) -> None:
        deadline = self.session.next_deadline()
        if deadline is None:
            self._timer.stop()
            return
        # Round up: a timer that fires early would only have to be armed again.
        wait_ms = max(0, math.ceil((deadline - self.clock.now()) * 1000))
        self._timer.start(wait_ms)

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive() or self._present_timer.isActive()
