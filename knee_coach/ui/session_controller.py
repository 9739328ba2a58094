"""Drives a core Session from Qt: one precise single-shot timer aimed at the next deadline.

No polling: while nothing is due (check-in, paused, manual counting, idle) no timer runs.
Tests inject a FakeClock and call `poll()` themselves after moving it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from knee_coach.core.clock import Clock, MonotonicClock
from knee_coach.core.cues import CueEvent
from knee_coach.core.model import EndReason, Pacing
from knee_coach.core.plan import Plan
from knee_coach.core.session import Session, Snapshot, State


class SessionController(QObject):
    cues = Signal(list)  # list[CueEvent], in schedule order
    changed = Signal(object)  # Snapshot
    finished = Signal(object)  # Session, once it is done or stopped

    def __init__(
        self, plan: Plan, clock: Clock | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock or MonotonicClock()
        self.session = Session(plan)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        self._finished_sent = False

    @property
    def manual(self) -> bool:
        return self.session.plan.pacing is Pacing.MANUAL

    def snapshot(self) -> Snapshot:
        return self.session.snapshot(self.clock.now())

    # Each user action returns the events it caused, so the caller can sound them at once.
    def begin(self) -> None:
        self._apply(self.session.begin(self.clock.now()))

    def poll(self) -> None:
        self._apply(self.session.tick(self.clock.now()))

    def toggle_pause(self) -> None:
        self._apply(self.session.toggle_pause(self.clock.now()))

    def count_rep(self) -> None:
        if self.manual and self.session.state in (State.PREPARE, State.REP):
            self._apply(self.session.count_rep(self.clock.now()))

    def skip(self) -> None:
        self._apply(self.session.skip(self.clock.now()))

    def stop(self, reason: EndReason) -> None:
        self._apply(self.session.stop(self.clock.now(), reason))

    def _apply(self, events: list[CueEvent]) -> None:
        if events:
            self.cues.emit(events)
        self._arm()
        self.changed.emit(self.snapshot())
        if self.session.is_over and not self._finished_sent:
            self._finished_sent = True
            self.finished.emit(self.session)

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
        return self._timer.isActive()
