"""The recorder writes a running session into the real history as it goes: the session when it
begins, every set that finished (however many one late timer tick finished), the end, the
check-out."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.plan import build_plan
from knee_coach.core.session import Session
from knee_coach.core.settings import Settings
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.storage.recorder import SessionRecorder

JST = timezone(timedelta(hours=9))


class Wall:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 1, 7, 30, tzinfo=JST)

    def __call__(self) -> datetime:
        return self.now


def test_every_set_finished_within_one_tick_is_stored_once(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    session = Session(build_plan(Settings()))
    wall = Wall()
    before = CheckIn({Leg.RIGHT: 5, Leg.LEFT: 3}, 4, "stairs")
    recorder = SessionRecorder(store, session, LegChoice.BOTH, before, wall)
    stored = recorder.stored()
    assert stored is not None and stored.sets == () and stored.before == before
    assert stored.started == wall.now and stored.ended is None

    session.begin(0.0)
    # One late tick (the computer was busy) finishes the first three sets at once.
    set_seconds = [build_plan(Settings()).set_seconds(s) for s in build_plan(Settings()).sets]
    session.tick(sum(set_seconds[:3]) + 1.0)
    assert len(session.results) == 3
    wall.now += timedelta(minutes=3)
    recorder.sync()
    recorder.sync()  # nothing new: nothing written twice
    assert recorder.sets_stored == 3
    stored = recorder.stored()
    assert stored is not None
    assert [(s.template_id, s.leg, s.reps_done, s.status) for s in stored.sets] == [
        ("inner", Leg.RIGHT, 10, "completed"),
        ("outer", Leg.RIGHT, 10, "completed"),
        ("inner", Leg.LEFT, 10, "completed"),
    ]
    assert stored.ended is None  # still running

    session.tick(10_000.0)  # the rest, and the end, in one more tick
    wall.now += timedelta(minutes=8)
    recorder.sync()
    stored = recorder.stored()
    assert stored is not None and len(stored.sets) == 6
    assert stored.end_reason is EndReason.COMPLETED and stored.ended == wall.now
    assert stored.reps("popliteus_release", Leg.LEFT) == 15
    ended = stored.ended

    wall.now += timedelta(minutes=5)
    recorder.sync()  # the end is written once, with the time it came
    after = CheckIn({Leg.RIGHT: 2, Leg.LEFT: 1}, 1, "easier")
    recorder.check_out(after)
    stored = recorder.stored()
    assert stored is not None and stored.ended == ended and stored.after == after
    assert store.count() == 1


def test_a_stop_stores_the_partial_set_and_why(tmp_path: Path) -> None:
    store = HistoryStore(Database.open(tmp_path))
    session = Session(build_plan(Settings(legs=LegChoice.LEFT)))
    recorder = SessionRecorder(store, session, LegChoice.LEFT, None, Wall())
    session.begin(0.0)
    session.tick(6.0 + 3.0 + 4 * 4.0 + 0.5)  # four reps done
    session.stop(25.5, EndReason.PAIN)
    recorder.sync()
    stored = recorder.stored()
    assert stored is not None and stored.before is None
    assert stored.end_reason is EndReason.PAIN
    assert [(s.leg, s.reps_done, s.status, s.target) for s in stored.sets] == [
        (Leg.LEFT, 4, "partial", 10)
    ]
