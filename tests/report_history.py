"""A made-up history for the clinician's report tests: four weeks of sessions, check-ins,
notes and safety answers, and the weekly figures expected from it, worked out here by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import SafetyAnswer, SessionRecord, SetRecord

JST = timezone(timedelta(hours=9))
FIRST, LAST = date(2026, 6, 1), date(2026, 6, 28)  # four whole weeks, Monday to Sunday
MADE = date(2026, 6, 29)
LONG_NOTE = "階段を下りるときにひざ裏が突っ張る感じがあり、" * 8  # 200+ characters, no spaces


def made_up_history() -> tuple[list[SessionRecord], list[SafetyAnswer]]:
    """Four weeks: the right knee eases from 6 to 2, the left stays near 4; most days have a
    morning session, some an evening one too; Thursdays of week 2 are missed; one session
    stopped for pain; a few notes; one safety check with swelling."""
    records: list[SessionRecord] = []
    answers: list[SafetyAnswer] = []
    sets = (
        SetRecord("hamstring_glide", "inner", Leg.RIGHT, 10, 10, "completed"),
        SetRecord("hamstring_glide", "outer", Leg.RIGHT, 10, 10, "completed"),
        SetRecord("popliteus_release", "both_points", Leg.RIGHT, 15, 15, "completed"),
        SetRecord("popliteus_release", "both_points", Leg.LEFT, 15, 12, "completed"),
    )
    for i in range(28):
        day = FIRST + timedelta(days=i)
        if i in (10, 17):  # two missed days
            answers.append(SafetyAnswer(datetime.combine(day, time(7, 0), JST), ("swelling",)))
            continue
        for k, hour in enumerate((7, 21) if i % 3 == 0 else (7,)):
            started = datetime.combine(day, time(hour, 5), JST)
            right = max(0, 6 - i // 7 - (i % 2))  # 6/5 in week 1 .. 3/2 in week 4
            left = 4 + (i + k) % 2
            note = ""
            if i == 3 and k == 0:
                note = "stairs at work"
            elif i == 20:
                note = LONG_NOTE
            reason = EndReason.PAIN if (i, k) == (12, 0) else EndReason.COMPLETED
            answers.append(SafetyAnswer(started - timedelta(minutes=1), ()))
            records.append(
                SessionRecord(
                    id=None,
                    started=started,
                    ended=started + timedelta(minutes=10),
                    end_reason=reason,
                    legs=LegChoice.BOTH,
                    before=CheckIn({Leg.RIGHT: right, Leg.LEFT: left}, tightness=5, note=note),
                    after=None
                    if reason is EndReason.PAIN
                    else CheckIn({Leg.RIGHT: max(0, right - 1), Leg.LEFT: left}, tightness=3),
                    sets=sets if reason is EndReason.COMPLETED else sets[:1],
                )
            )
    return records, answers


def expected_weeks(records: list[SessionRecord]) -> dict[date, list[float | None]]:
    """Per week (its Monday): sessions, then the averages before/after per knee."""
    out: dict[date, list[float | None]] = {}
    for w in range(4):
        monday = FIRST + timedelta(days=7 * w)
        recs = [r for r in records if monday <= r.day < monday + timedelta(days=7)]

        def avg(values: list[int]) -> float | None:
            return sum(values) / len(values) if values else None

        row: list[float | None] = [float(len(recs))]
        for leg in (Leg.RIGHT, Leg.LEFT):
            row.append(avg([r.before.pain[leg] for r in recs if r.before]))
            row.append(avg([r.after.pain[leg] for r in recs if r.after]))
        out[monday] = row
    return out
