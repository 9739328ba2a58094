"""Writes a running session into the history as it goes: the session row when it begins,
each set when it finishes, the end reason when it ends, the check-out when it is given.

Every write is its own short transaction, so if the app is killed mid-session the sets
already done are kept; the unfinished session shows as interrupted on the next start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from knee_coach.core.checkin import CheckIn
from knee_coach.core.clock import now_local
from knee_coach.core.model import LegChoice
from knee_coach.core.records import SessionRecord
from knee_coach.core.session import Session
from knee_coach.storage.history import HistoryStore

WallClock = Callable[[], datetime]


class SessionRecorder:
    def __init__(
        self,
        store: HistoryStore,
        session: Session,
        legs: LegChoice,
        before: CheckIn | None,
        wall_clock: WallClock = now_local,
    ) -> None:
        self.store = store
        self.session = session
        self.wall_clock = wall_clock
        self.session_id = store.begin_session(wall_clock(), legs, before)
        self._sets_stored = 0
        self._end_stored = False

    @property
    def sets_stored(self) -> int:
        return self._sets_stored

    def sync(self) -> None:
        """Store the sets finished since the last call, and the end once it came."""
        results = self.session.results
        while self._sets_stored < len(results):
            self.store.record_set(self.session_id, results[self._sets_stored], self.wall_clock())
            self._sets_stored += 1
        if self.session.is_over and not self._end_stored and self.session.end_reason:
            self.store.end_session(self.session_id, self.session.end_reason, self.wall_clock())
            self._end_stored = True

    def check_out(self, after: CheckIn | None) -> None:
        self.store.record_checkout(self.session_id, after)

    def stored(self) -> SessionRecord | None:
        return self.store.session(self.session_id)
