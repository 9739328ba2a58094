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


def ratings(days_and_pain: dict[int, int], leg: Leg = Leg.RIGHT) -> list[SessionRecord]:
    """One check-in on each day given (days before TODAY) with that knee's rating."""
    out = []
    for ago, pain in days_and_pain.items():
        right, left = (pain, None) if leg is Leg.RIGHT else (None, pain)
        out.append(rec(TODAY - timedelta(days=ago), right, left=left))
    return out


def test_a_week_of_exactly_three_ratings_on_its_first_and_last_days_is_trusted() -> None:
    """The first week is days 13..7 before today, the last week 6..0, both ends included."""
    records = ratings({13: 6, 10: 6, 7: 6, 6: 6, 3: 6, 0: 6})
    nudge = trends.clinic_nudge(records, TODAY)
    assert nudge is not None and (nudge.baseline, nudge.latest) == (6.0, 6.0)
    assert trends.clinic_nudge(records[1:], TODAY) is None  # two in the first week: too few
    assert trends.clinic_nudge(records[:-1], TODAY) is None  # two in the last week
    # Sessions after "today" and sessions without a check-in do not count.
    later = [*records[:-1], rec(TODAY + timedelta(days=1), 6)]
    assert trends.clinic_nudge(later, TODAY) is None
    unrated = [
        rec(TODAY - timedelta(days=30), None),
        *ratings({12: 6, 10: 6, 7: 6, 0: 6, 1: 6, 2: 6}),
    ]
    assert trends.clinic_nudge(unrated, TODAY) is None  # 13 days of check-ins so far


def test_a_rise_of_two_points_over_the_week_before_is_called_worse() -> None:
    """Practice began weeks ago and improved (7 -> 2); then the last week rose by exactly 2."""
    records = ratings({27: 7, 25: 7, 22: 7, 13: 3, 10: 3, 7: 3, 6: 5, 3: 5, 0: 5})
    nudge = trends.clinic_nudge(records, TODAY)
    assert nudge is not None and nudge.worse
    assert (nudge.baseline, nudge.latest) == (3.0, 5.0)
    # The week before is days 13..7: a rating on day 14 is not in it.
    shifted = ratings({27: 7, 25: 7, 22: 7, 14: 3, 10: 3, 7: 3, 6: 5, 3: 5, 0: 5})
    assert trends.clinic_nudge(shifted, TODAY) is None  # 7 -> 5 is an improvement since
    smaller = ratings({27: 7, 25: 7, 22: 7, 13: 3, 10: 3, 7: 4, 6: 5, 3: 5, 0: 5})
    assert trends.clinic_nudge(smaller, TODAY) is None  # a rise of 1.67


def test_a_rise_of_one_point_since_the_first_week_is_called_worse() -> None:
    nudge = trends.clinic_nudge(ratings({13: 4, 10: 4, 7: 4, 6: 5, 3: 5, 0: 5}), TODAY)
    assert nudge is not None and nudge.worse and (nudge.baseline, nudge.latest) == (4.0, 5.0)
    nudge = trends.clinic_nudge(ratings({13: 4, 10: 4, 7: 4, 6: 5, 3: 5, 0: 4}), TODAY)
    assert nudge is not None and not nudge.worse  # 4.67: no better, not a point worse


@pytest.mark.parametrize(
    ("first_week", "last_week", "expected"),
    [
        ([1, 1, 1], [1, 1, 1, 1, 0], "no improvement"),  # 1.0 -> 0.8: 1.0 is not pain-free
        ([1, 1, 1, 1, 0], [1, 1, 1], "no improvement"),  # 0.8 -> 1.0: 1.0 is not pain-free
        ([0, 1, 0], [2, 2, 2], "worse"),  # pain-free before, not now
        ([0, 1, 0], [0, 0, 1], None),  # pain-free before and now
    ],
)
def test_only_a_knee_pain_free_before_and_now_is_left_alone(
    first_week: list[int], last_week: list[int], expected: str | None
) -> None:
    records = [rec(TODAY - timedelta(days=13 - i), p) for i, p in enumerate(first_week)]
    records += [rec(TODAY - timedelta(days=i), p) for i, p in enumerate(last_week)]
    nudge = trends.clinic_nudge(records, TODAY)
    if expected is None:
        assert nudge is None
    else:
        assert nudge is not None and nudge.worse is (expected == "worse")


def test_each_knee_is_looked_at_even_when_the_right_one_needs_no_nudge() -> None:
    left_only = ratings({13: 5, 10: 5, 7: 5, 6: 5, 3: 5, 0: 5}, Leg.LEFT)
    nudge = trends.clinic_nudge(left_only, TODAY)
    assert nudge is not None and nudge.leg is Leg.LEFT  # no right-knee ratings at all
    both = [
        rec(TODAY - timedelta(days=ago), 0, left=5) for ago in (13, 10, 7, 6, 3, 0)
    ]  # the right knee is pain-free
    nudge = trends.clinic_nudge(both, TODAY)
    assert nudge is not None and nudge.leg is Leg.LEFT


def test_of_two_knees_the_larger_rise_is_named() -> None:
    records = [
        rec(TODAY - timedelta(days=ago), right, left=left)
        for ago, right, left in (
            (13, 6, 3),
            (10, 6, 3),
            (7, 6, 3),
            (6, 6, 3),
            (3, 6, 4),
            (0, 6, 3),
        )
    ]
    nudge = trends.clinic_nudge(records, TODAY)
    assert nudge is not None and nudge.leg is Leg.LEFT and not nudge.worse  # +0.33 beats +0
    worse_right = [*records[:3], *(rec(r.started.date(), 8, left=4) for r in records[3:])]
    nudge = trends.clinic_nudge(worse_right, TODAY)
    assert nudge is not None and nudge.leg is Leg.RIGHT and nudge.worse  # +2 beats +1


def test_a_session_after_the_last_day_shown_is_not_counted() -> None:
    d = date(2026, 6, 1)
    records = [rec(d, 3), rec(d + timedelta(days=2), 3), rec(d + timedelta(days=3), 3)]
    assert trends.daily_counts(records, d, d + timedelta(days=2)) == [1, 0, 1]
    assert trends.daily_counts(records, d + timedelta(days=1), d + timedelta(days=2)) == [0, 1]


def test_a_week_s_figures_carry_the_monday_they_start_on() -> None:
    monday = trends.week_start(TODAY)
    stats = trends.week_stats(daily(monday, 3, lambda i: 5), monday)
    assert (stats.start, stats.sessions, stats.days_practised) == (monday, 3, 3)


def test_no_change_is_given_when_only_this_week_has_ratings() -> None:
    monday = trends.week_start(TODAY)
    review = trends.weekly_review(daily(monday, 7, lambda i: 4), TODAY)
    assert review.this_week.before[Leg.RIGHT] == 4.0
    assert review.before_change(Leg.RIGHT) is None
    last_only = daily(monday - timedelta(days=7), 7, lambda i: 4)
    assert trends.weekly_review(last_only, TODAY).before_change(Leg.RIGHT) is None


def test_the_weekly_review_carries_the_clinic_nudge() -> None:
    records = daily(TODAY - timedelta(days=13), 14, lambda i: 6)
    nudge = trends.weekly_review(records, TODAY).nudge
    assert nudge is not None and nudge == trends.clinic_nudge(records, TODAY)


@pytest.mark.parametrize(
    ("baseline", "latest", "meaningful"),
    [
        (1.0, 0.0, True),  # from 1 to none: 100 %, though only 1 point
        (5.0, 3.5, True),  # exactly 30 %
        (5.0, 3.6, False),  # 28 %, 1.4 points
        (10.0, 8.0, True),  # exactly 2 points
        (0.0, 0.0, False),
    ],
)
def test_an_improvement_is_meaningful_from_two_points_or_thirty_percent(
    baseline: float, latest: float, meaningful: bool
) -> None:
    assert trends.meaningful_improvement(baseline, latest) is meaningful


def test_the_two_weeks_count_from_the_first_rated_session_not_an_unrated_one() -> None:
    rated = daily(TODAY - timedelta(days=12), 13, lambda i: 6)
    unrated = rec(TODAY - timedelta(days=13), None)
    assert unrated.before is None
    assert trends.clinic_nudge([unrated, *rated], TODAY) is None
    # A day later the ratings span 14 days: the flat pain gets its nudge.
    assert trends.clinic_nudge([unrated, *rated], TODAY + timedelta(days=1)) is not None
