"""A believable made-up history, for the benchmarks, the screenshots and the tests (kept out
of the installed package).

Pain eases slowly from the start with day-to-day noise, the left knee a little worse; most
days have one or two sessions, a few are missed; sessions lower the pain by a point or two.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.plan import build_plan
from knee_coach.core.records import SessionRecord, SetRecord
from knee_coach.core.session import SetStatus
from knee_coach.core.settings import Settings
from knee_coach.storage.history import HistoryStore

NOTES = ("", "", "", "", "long walk", "slept badly", "stairs at work", "after cycling")


def demo_records(
    first: date,
    last: date,
    seed: int = 7,
    offset: timedelta = timedelta(hours=9),
    per_day: tuple[int, ...] = (0, 1, 2, 2, 2, 2, 1, 2),
    start_pain: float = 6.0,
    end_pain: float = 2.5,
) -> list[SessionRecord]:
    rng = random.Random(seed)
    tz = timezone(offset)
    plan = build_plan(Settings())
    days = (last - first).days + 1
    out: list[SessionRecord] = []
    for i in range(days):
        day = first + timedelta(days=i)
        level = start_pain + (end_pain - start_pain) * (i / max(1, days - 1))
        for k in range(rng.choice(per_day)):
            hour = 7 if k == 0 else 21
            started = datetime.combine(day, time(hour, rng.randrange(0, 50)), tz)

            def rate(extra: float, level: float = level) -> int:
                return max(0, min(10, round(level + extra + rng.gauss(0, 0.8))))

            before = CheckIn(
                pain={Leg.RIGHT: rate(-0.5), Leg.LEFT: rate(0.5)},
                tightness=rate(0.0),
                note=rng.choice(NOTES),
            )
            after = CheckIn(
                pain={leg: max(0, v - rng.choice((0, 1, 1, 2))) for leg, v in before.pain.items()},
                tightness=max(0, (before.tightness or 0) - rng.choice((1, 1, 2))),
            )
            reason = EndReason.COMPLETED if rng.random() > 0.04 else EndReason.USER
            sets = tuple(
                SetRecord(
                    s.routine.id,
                    s.template.id,
                    s.leg,
                    s.reps,
                    s.reps if reason is EndReason.COMPLETED or s.index < 3 else 0,
                    SetStatus.COMPLETED.value,
                )
                for s in plan.sets
            )
            out.append(
                SessionRecord(
                    id=None,
                    started=started,
                    ended=started + timedelta(minutes=9),
                    end_reason=reason,
                    legs=LegChoice.BOTH,
                    before=before,
                    after=after if reason is EndReason.COMPLETED else None,
                    sets=sets,
                )
            )
    return out


def seed(store: HistoryStore, first: date, last: date, **kwargs: object) -> int:
    return store.add_records(demo_records(first, last, **kwargs))  # type: ignore[arg-type]
