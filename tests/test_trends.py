"""Progress maths: days against the target, weekly averages, this week vs last, the streak
and the nudge to see a clinic."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from knee_coach.core import trends
from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import SessionRecord

JST = timezone(timedelta(hours=9))
TODAY = date(2026, 6, 14)  # a Sunday


def rec(
    day: date, right: int | None, after: int | None = None, hour: int = 7, left: int | None = None
) -> SessionRecord:
    pain = {leg: v for leg, v in ((Leg.RIGHT, right), (Leg.LEFT, left)) if v is not None}
    return SessionRecord(
        id=None,
        started=datetime.combine(day, time(hour), JST),
        ended=None,
        end_reason=EndReason.COMPLETED,
        legs=LegChoice.BOTH,
        before=CheckIn(pain) if pain else None,
        after=CheckIn({Leg.RIGHT: after}) if after is not None else None,
    )


def daily(first: date, days: int, pain: object, per_day: int = 1) -> list[SessionRecord]:
    """`pain(i)` gives the right knee's check-in rating on day i."""
    return [
        rec(first + timedelta(days=i), pain(i), hour=7 + 12 * k)  # type: ignore[operator]
        for i in range(days)
        for k in range(per_day)
    ]


def test_daily_counts_and_the_target() -> None:
    d = date(2026, 6, 1)
    records = [rec(d, 3), rec(d, 3, hour=20), rec(d + timedelta(days=2), 4)]
    # A late-evening session counts on its local day, not its UTC day.
    records.append(rec(d + timedelta(days=3), 4, hour=1))
    assert trends.daily_counts(records, d, d + timedelta(days=4)) == [2, 0, 1, 1, 0]
    assert [trends.on_target(n) for n in (0, 1, 2, 3)] == [False, True, True, False]


def test_streak_counts_back_from_today_or_yesterday() -> None:
    days = [TODAY - timedelta(days=i) for i in (1, 2, 3, 5)]
    records = [rec(d, 2) for d in days]
    assert trends.streak(records, TODAY) == 3  # today not practised yet: still 3
    assert trends.streak([*records, rec(TODAY, 2)], TODAY) == 4
    assert trends.streak(records, TODAY + timedelta(days=1)) == 0
    assert trends.streak([], TODAY) == 0


def test_weekly_averages_per_knee_start_on_monday() -> None:
    monday = date(2026, 6, 1)
    records = [
        rec(monday, 6, after=4, left=8),
        rec(monday + timedelta(days=6), 4, after=2),  # Sunday: same week
        rec(monday + timedelta(days=7), 2, after=2),  # next Monday
    ]
    first, second = trends.weekly(records)
    assert first.start == monday and first.sessions == 2 and first.days_practised == 2
    assert first.before == {Leg.RIGHT: 5.0, Leg.LEFT: 8.0}
    assert first.after[Leg.RIGHT] == 3.0 and first.after[Leg.LEFT] is None
    assert first.change(Leg.RIGHT) == -2.0 and first.change(Leg.LEFT) is None
    assert second.start == monday + timedelta(days=7) and second.before[Leg.RIGHT] == 2.0


def test_weekly_review_this_week_against_last_week() -> None:
    this_monday = trends.week_start(TODAY)
    records = daily(this_monday - timedelta(days=7), 7, lambda i: 6, per_day=2)
    records += daily(this_monday, 7, lambda i: 4)
    review = trends.weekly_review(records, TODAY)
    assert review.last_week.sessions == 14 and review.this_week.sessions == 7
    assert review.this_week.days_practised == 7
    assert review.this_week.days_on_target == 7
    assert review.last_week.days_on_target == 7
    crowded = [*records, *daily(this_monday, 2, lambda i: 4, per_day=2)]  # 3 on Mon and Tue
    assert trends.weekly_review(crowded, TODAY).this_week.days_on_target == 5
    assert review.before_change(Leg.RIGHT) == -2.0
    assert review.before_change(Leg.LEFT) is None
    assert review.streak == 14
    # The streak can come from every practised day even when records are only recent ones.
    older = {this_monday - timedelta(days=8 + i) for i in range(10)}
    days = older | {r.day for r in records}
    assert trends.weekly_review(records, TODAY, days).streak == 24


@pytest.mark.parametrize(
    ("pain", "expected"),
    [
        (lambda i: 6, "no improvement"),  # flat for two weeks
        (lambda i: 6 if i < 7 else 5, "no improvement"),  # 1 point, 17 %: not meaningful
        (lambda i: 6 if i < 7 else 4, None),  # 2 points (and 33 %): meaningful
        (lambda i: 9 if i < 7 else 7, None),  # 2 points, only 22 %: meaningful
        (lambda i: 10 if i < 7 else 8 + i % 2, "no improvement"),  # 1.4 points, 14 %: not
        (lambda i: 3 if i < 7 else 2, None),  # 1 point but 33 %: meaningful
        (lambda i: 5 if i < 7 else 7, "worse"),
        (lambda i: 0, None),  # no pain: nothing to improve
        (lambda i: [0, 1][i % 2], None),
    ],
)
def test_the_clinic_nudge_after_two_weeks(pain: object, expected: str | None) -> None:
    records = daily(TODAY - timedelta(days=13), 14, pain)
    nudge = trends.clinic_nudge(records, TODAY)
    if expected is None:
        assert nudge is None
    else:
        assert nudge is not None and nudge.leg is Leg.RIGHT
        assert nudge.worse is (expected == "worse")
        text = nudge.text()
        assert "clinic" in text and "right knee" in text
        assert f"{nudge.baseline:.1f}" in text and f"{nudge.latest:.1f}" in text


def test_no_nudge_before_fourteen_days_or_without_recent_ratings() -> None:
    flat = daily(TODAY - timedelta(days=12), 13, lambda i: 6)
    assert trends.clinic_nudge(flat, TODAY) is None  # only 13 days so far
    assert trends.clinic_nudge(flat, TODAY + timedelta(days=1)) is not None
    assert trends.clinic_nudge(flat, TODAY + timedelta(days=30)) is None  # stopped practising
    few = [rec(TODAY - timedelta(days=13 - i), 6) for i in range(7)]
    few += [rec(TODAY - timedelta(days=1), 6), rec(TODAY, 6)]  # 2 recent ratings: too few
    assert trends.clinic_nudge(few, TODAY) is None


def test_a_knee_that_improved_then_got_worse_again_is_noticed() -> None:
    # Eight weeks: 7 early, 2 by week six, then a sudden rise to 5 in the last week.
    records = daily(TODAY - timedelta(days=55), 56, lambda i: 7 if i < 7 else 2 if i < 49 else 5)
    nudge = trends.clinic_nudge(records, TODAY)
    assert nudge is not None and nudge.worse
    assert (nudge.baseline, nudge.latest) == (2.0, 5.0)
    assert "worse" in nudge.text()
    # A steady improvement over the same weeks gets no nudge.
    steady = daily(TODAY - timedelta(days=55), 56, lambda i: 7 - i // 10)
    assert trends.clinic_nudge(steady, TODAY) is None


def test_the_nudge_text_is_translated_through_the_given_function() -> None:
    nudge = trends.Nudge(worse=False, leg=Leg.LEFT, baseline=5.0, latest=4.6)
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return text.upper() if text == trends.KNEE_NAMES[Leg.LEFT] else text

    assert "LEFT KNEE" in nudge.text(translate)
    assert (trends.CTX, trends.NUDGE_NO_IMPROVEMENT) in seen
