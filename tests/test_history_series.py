"""The history chart's numbers: sessions grouped by day, week and month without Qt."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from benchmarks.demo_history import demo_records
from knee_coach.core import trends
from knee_coach.core.history_series import DAY, ChartFigures, PainRow, Series, periods, segments
from knee_coach.core.model import Leg
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore

JST = timezone(timedelta(hours=9))


def row(when: datetime, rb: int | None, lb: int | None = None, ra: int | None = None) -> PainRow:
    """One pain_series() row for a session started at the aware local time `when`."""
    offset = when.utcoffset()
    assert offset is not None
    return (int(when.timestamp()), int(offset.total_seconds() // 60), rb, lb, ra, None)


def day_number(day: date) -> int:
    return (day - date(1970, 1, 1)).days


def x_of(day: date) -> float:
    return day_number(day) * DAY


def test_weekly_averages_and_daily_counts_agree_with_the_core_trend_maths(
    tmp_path: Path,
) -> None:
    db = Database.open(tmp_path / "data")
    store = HistoryStore(db)
    store.add_records(demo_records(date(2026, 4, 13), date(2026, 6, 14), seed=11))
    records = store.records()
    series = Series.from_rows(store.pain_series())
    weeks = periods(series, months=False, today=day_number(date(2026, 6, 14)))
    db.close()

    stats = trends.weekly(records)
    assert len(weeks.start) == len(stats) == 9  # Mon 13 Apr .. Sun 14 Jun
    for k, week in enumerate(stats):
        assert weeks.find(x_of(week.start) + 3600) == k
        assert weeks.start[k] == x_of(week.start)
        assert weeks.end[k] == x_of(week.start + timedelta(days=7))
        for leg in Leg:
            for kind, expected in (("before", week.before[leg]), ("after", week.after[leg])):
                got = weeks.means[(leg, kind)][k]
                assert (expected is None and np.isnan(got)) or got == pytest.approx(expected)
        assert weeks.rate[k] == pytest.approx(week.sessions / 7)

    days, counts = series.day_counts()
    expected = trends.daily_counts(records, records[0].day, records[-1].day)
    assert counts.tolist() == [c for c in expected if c]
    assert days.tolist() == sorted({day_number(r.day) for r in records})


def test_a_session_belongs_to_the_local_day_and_week_it_was_done_in() -> None:
    # Sunday 23:30 in Tokyo is Sunday 14:30 UTC; Monday 00:30 in Tokyo is still Sunday in UTC.
    sunday_night = datetime(2026, 6, 14, 23, 30, tzinfo=JST)
    monday_early = datetime(2026, 6, 15, 0, 30, tzinfo=JST)
    series = Series.from_rows([row(sunday_night, 4), row(monday_early, 2)])
    assert series.day.tolist() == [day_number(date(2026, 6, 14)), day_number(date(2026, 6, 15))]
    assert series.x[0] == x_of(date(2026, 6, 14)) + 23.5 * 3600  # drawn at the local hour

    weeks = periods(series, months=False, today=day_number(date(2026, 6, 15)))
    assert weeks.start.tolist() == [x_of(date(2026, 6, 8)), x_of(date(2026, 6, 15))]
    assert weeks.means[(Leg.RIGHT, "before")].tolist() == [4.0, 2.0]
    assert date(2026, 6, 14) in series.practice_days()
    assert date(2026, 6, 13) not in series.practice_days()
    assert len(series.practice_days()) == 2


def test_months_are_calendar_months_and_the_current_one_counts_only_days_so_far() -> None:
    rows = [
        row(datetime(2026, 5, 31, 8, 0, tzinfo=JST), 6),
        row(datetime(2026, 5, 31, 21, 0, tzinfo=JST), 4),
        row(datetime(2026, 6, 1, 8, 0, tzinfo=JST), 3),
        row(datetime(2026, 6, 10, 8, 0, tzinfo=JST), 2),
    ]
    months = periods(Series.from_rows(rows), months=True, today=day_number(date(2026, 6, 10)))
    assert months.start.tolist() == [x_of(date(2026, 5, 1)), x_of(date(2026, 6, 1))]
    assert months.end.tolist() == [x_of(date(2026, 6, 1)), x_of(date(2026, 7, 1))]
    # May: two sessions over its 31 days; June so far: two over the ten days up to today.
    assert months.rate.tolist() == pytest.approx([2 / 31, 2 / 10])
    assert months.means[(Leg.RIGHT, "before")].tolist() == [5.0, 2.5]
    assert months.middle[0] == (x_of(date(2026, 5, 1)) + x_of(date(2026, 6, 1))) / 2
    assert months.find(x_of(date(2026, 7, 1))) is None


def test_a_week_without_ratings_has_no_average_and_draws_no_level() -> None:
    rows = [
        row(datetime(2026, 6, 2, 8, 0, tzinfo=JST), 5, 3, ra=4),
        row(datetime(2026, 6, 9, 8, 0, tzinfo=JST), None, None),  # no check-in that week
    ]
    weeks = periods(Series.from_rows(rows), months=False, today=day_number(date(2026, 6, 9)))
    right = weeks.means[(Leg.RIGHT, "before")]
    assert right[0] == 5.0 and np.isnan(right[1])
    assert np.isnan(weeks.means[(Leg.LEFT, "after")]).all()  # never rated after, left knee

    xs, ys = segments(weeks, right, x_of(date(2026, 6, 1)), x_of(date(2026, 6, 16)))
    # One level, from Monday 1 June to Monday 8 June, drawn as a pair of points.
    assert xs.tolist() == [x_of(date(2026, 6, 1)), x_of(date(2026, 6, 8))]
    assert ys.tolist() == [5.0, 5.0]
    xs, _ = segments(weeks, right, x_of(date(2026, 8, 1)), x_of(date(2026, 8, 31)))
    assert len(xs) == 0  # weeks long before the range are not drawn


def test_an_empty_history_has_no_sessions_no_days_and_no_periods() -> None:
    series = Series.from_rows([])
    assert series.empty
    days, counts = series.day_counts()
    assert len(days) == len(counts) == 0
    assert len(series.practice_days()) == 0
    for months in (False, True):
        p = periods(series, months=months, today=20_000)
        assert len(p.start) == 0
        assert p.find(20_000 * DAY) is None


def test_the_series_and_its_periods_cannot_be_changed_after_they_are_made() -> None:
    series = Series.from_rows([row(datetime(2026, 6, 2, 8, 0, tzinfo=JST), 5, 3)])
    weeks = periods(series, months=False, today=day_number(date(2026, 6, 2)))
    with pytest.raises(ValueError):
        series.before[Leg.RIGHT][0] = 0.0
    with pytest.raises(ValueError):
        weeks.rate[0] = 2.0
    with pytest.raises(TypeError):
        series.after[Leg.LEFT] = series.x  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        weeks.start = weeks.end  # type: ignore[misc]


def test_the_chart_figures_computed_in_one_go_are_those_of_each_part(tmp_path: Path) -> None:
    """What the History window's worker computes: the series, the weekly and monthly
    periods, the days with sessions and the weekly review, as each function gives them."""
    db = Database.open(tmp_path / "data")
    store = HistoryStore(db)
    today = date(2026, 6, 14)
    store.add_records(demo_records(date(2026, 4, 1), today, seed=5))
    rows, records = store.pain_series(), store.records()
    db.close()
    figures = ChartFigures.compute(rows, records, today)
    series = Series.from_rows(rows)
    assert figures.today == today
    assert figures.series.x.tolist() == series.x.tolist()
    for got, months in ((figures.weeks, False), (figures.months, True)):
        expected = periods(series, months=months, today=day_number(today))
        assert got.start.tolist() == expected.start.tolist()
        assert got.end.tolist() == expected.end.tolist()
        assert got.rate.tolist() == pytest.approx(expected.rate.tolist())
    assert len(figures.months.start) == 3 and len(figures.weeks.start) == 11
    days, counts = series.day_counts()
    assert figures.days.tolist() == days.tolist() and figures.counts.tolist() == counts.tolist()
    assert figures.review == trends.weekly_review(records, today, series.practice_days())
    assert figures.review.streak == trends.streak(records, today)


def test_a_moment_at_midnight_starting_a_week_or_month_belongs_to_it() -> None:
    rows = [
        row(datetime(2026, 6, 2, 8, 0, tzinfo=JST), 5),
        row(datetime(2026, 6, 9, 8, 0, tzinfo=JST), 3),
    ]
    series = Series.from_rows(rows)
    weeks = periods(series, months=False, today=day_number(date(2026, 6, 9)))
    assert weeks.find(x_of(date(2026, 6, 1))) == 0
    assert weeks.find(x_of(date(2026, 6, 8))) == 1  # Monday 00:00: the new week's
    assert weeks.find(x_of(date(2026, 6, 8)) - 1) == 0
    months = periods(series, months=True, today=day_number(date(2026, 6, 9)))
    assert months.find(x_of(date(2026, 6, 1))) == 0


def test_on_the_first_day_of_a_week_its_rate_is_the_sessions_of_that_day() -> None:
    monday = date(2026, 6, 8)
    rows = [
        row(datetime(2026, 6, 8, 7, 0, tzinfo=JST), 5),
        row(datetime(2026, 6, 8, 20, 0, tzinfo=JST), 4),
    ]
    weeks = periods(Series.from_rows(rows), months=False, today=day_number(monday))
    assert weeks.rate.tolist() == [2.0]  # two sessions in the one day so far
    first = [row(datetime(2026, 7, 1, 7, 0, tzinfo=JST), 5)]
    months = periods(Series.from_rows(first), months=True, today=day_number(date(2026, 7, 1)))
    assert months.rate.tolist() == [1.0]  # the first of the month: one session in one day


def test_a_month_that_began_before_the_chart_s_range_is_drawn_across_it() -> None:
    rows = [
        row(datetime(2026, 5, 3, 8, 0, tzinfo=JST), 6),
        row(datetime(2026, 6, 20, 8, 0, tzinfo=JST), 2),
    ]
    months = periods(Series.from_rows(rows), months=True, today=day_number(date(2026, 6, 20)))
    right = months.means[(Leg.RIGHT, "before")]
    # The range starts in the middle of May: May's level reaches into it and is drawn.
    xs, ys = segments(months, right, x_of(date(2026, 5, 25)), x_of(date(2026, 6, 30)))
    assert xs.tolist() == [
        x_of(date(2026, 5, 1)),
        x_of(date(2026, 6, 1)),
        x_of(date(2026, 6, 1)),
        x_of(date(2026, 7, 1)),
    ]
    assert ys.tolist() == [6.0, 6.0, 2.0, 2.0]


def test_several_weeks_are_drawn_as_one_level_each_in_order() -> None:
    rows = [
        row(datetime(2026, 6, 2, 8, 0, tzinfo=JST), 5),
        row(datetime(2026, 6, 9, 8, 0, tzinfo=JST), 4),
        row(datetime(2026, 6, 16, 8, 0, tzinfo=JST), 3),
    ]
    weeks = periods(Series.from_rows(rows), months=False, today=day_number(date(2026, 6, 16)))
    right = weeks.means[(Leg.RIGHT, "before")]
    for n in (2, 3):  # two weeks in the range, then three
        hi = x_of(date(2026, 6, 1 + 7 * n - 1))
        xs, ys = segments(weeks, right, x_of(date(2026, 6, 1)), hi)
        mondays = [x_of(date(2026, 6, 1 + 7 * k)) for k in range(n + 1)]
        assert xs.tolist() == [x for k in range(n) for x in (mondays[k], mondays[k + 1])]
        assert ys.tolist() == [v for v in (5.0, 4.0, 3.0)[:n] for _ in range(2)]


def test_the_streak_counts_every_day_practised_not_only_those_the_review_reads(
    tmp_path: Path,
) -> None:
    """The review reads the first days of practice and the last three weeks; a streak of
    fifty days runs through the weeks between, which the pain series holds."""
    db = Database.open(tmp_path / "data")
    store = HistoryStore(db)
    today = date(2026, 6, 14)
    first = today - timedelta(days=49)
    store.add_records(demo_records(first, today, seed=3, per_day=(1, 2)))  # every day
    now = datetime(2026, 6, 14, 23, 0, tzinfo=timezone.utc)
    rows, review = store.pain_series(), store.review_records(now)
    db.close()
    assert {r.day for r in review} != {first + timedelta(days=k) for k in range(50)}
    figures = ChartFigures.compute(rows, review, today)
    assert figures.review.streak == 50
