"""The clinician's report's figures and texts, worked out from a made-up history (Qt-free:
mutation testing runs these against knee_coach/core/report.py). tests/test_report.py writes
the same report as PDF and reads it back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from benchmarks.demo_history import demo_records
from knee_coach.core.model import EndReason, Leg
from knee_coach.core.report import (
    Reading,
    Step,
    build_report,
    longest_run,
    read_change,
    shorten,
)
from tests.report_history import FIRST, LAST, LONG_NOTE, MADE, expected_weeks, made_up_history


def test_the_figures_follow_from_the_history_and_the_stated_rule() -> None:
    records, answers = made_up_history()
    report = build_report(records, FIRST, LAST, MADE, answers)
    f = report.frequency
    assert (f.days, f.sessions, f.days_practised) == (28, len(records), 26)
    assert report.chart_step is Step.DAY and len(report.chart) == 26  # a point a day practised
    assert f.longest_run == 10  # days 0-9, then a gap on day 10
    assert f.days_on_target == 26  # one or two sessions on every day practised
    assert f.per_week == pytest.approx(len(records) / 4)
    glide, release = report.routines
    assert (glide.reps_per_set, glide.legs) == (10, (Leg.RIGHT,))
    assert (release.reps_per_set, release.legs) == (15, (Leg.RIGHT, Leg.LEFT))
    completed = sum(1 for r in records if r.end_reason is EndReason.COMPLETED)
    assert glide.sets_done == 2 * completed + (len(records) - completed)
    assert len(report.pain_stops) == 1 and report.pain_stops[0].date() == FIRST + timedelta(12)
    assert [a.at.date() for a in report.safety if a.flags] == [date(2026, 6, 11), date(2026, 6, 18)]
    # Right knee: the first week against the last seven days, by hand.
    first_week = [r.before.pain[Leg.RIGHT] for r in records if r.day < FIRST + timedelta(7)]
    last_week = [r.before.pain[Leg.RIGHT] for r in records if r.day > LAST - timedelta(7)]
    right = report.change(Leg.RIGHT)
    assert right is not None
    assert right.baseline == pytest.approx(sum(first_week) / len(first_week))
    assert right.latest == pytest.approx(sum(last_week) / len(last_week))
    assert right.reading is Reading.LESS_PAIN  # about 5.6 -> 2.6
    assert report.change(Leg.LEFT).reading is Reading.NO_CHANGE  # type: ignore[union-attr]
    weeks = expected_weeks(records)
    for row in report.weeks:
        sessions, rb, ra, lb, la = weeks[row.start]
        assert row.sessions == sessions
        assert (row.before.right, row.after.right) == (pytest.approx(rb), pytest.approx(ra))
        assert (row.before.left, row.after.left) == (pytest.approx(lb), pytest.approx(la))
    assert report.notes_total == 2 and report.notes[0].text == "stairs at work"
    assert len(report.notes[1].text) <= 141 and report.notes[1].text.endswith("…")


@pytest.mark.parametrize(
    ("baseline", "latest", "reading"),
    [
        (5.0, 3.0, Reading.LESS_PAIN),  # 2 points
        (3.0, 2.1, Reading.LESS_PAIN),  # 30 %
        (3.0, 2.2, Reading.NO_CHANGE),  # 0.8 points, 27 %
        (5.0, 6.4, Reading.NO_CHANGE),  # 1.4 points, 28 %
        (5.0, 7.0, Reading.MORE_PAIN),
        (2.0, 2.6, Reading.MORE_PAIN),  # 30 % worse
        (0.0, 1.0, Reading.NO_CHANGE),
        (None, 1.0, Reading.NOT_ENOUGH),
    ],
)
def test_a_change_is_meaningful_from_2_points_or_30_percent(
    baseline: float | None, latest: float, reading: Reading
) -> None:
    assert read_change(baseline, latest) is reading


def test_a_short_period_reads_no_change_and_says_there_is_not_enough() -> None:
    records, _ = made_up_history()
    report = build_report(records, FIRST, FIRST + timedelta(days=12), MADE)
    assert report.baseline_days is None
    assert {c.reading for _, c in report.changes} == {Reading.NOT_ENOUGH}


def test_notes_are_shortened_at_a_word_and_japanese_at_the_limit() -> None:
    words = "the knee felt stiff on the stairs " * 10
    short = shorten(words, 60)
    assert short.endswith("…") and len(short) <= 61 and not short[:-1].endswith(" ")
    assert words.startswith(short[:-1])
    assert shorten(LONG_NOTE, 50) == LONG_NOTE[:50].rstrip("、。") + "…"
    assert shorten("  two\n lines ") == "two lines"


def test_longest_run_counts_days_in_a_row() -> None:
    days = [date(2026, 1, d) for d in (1, 2, 3, 5, 6, 7, 8, 20)]
    assert longest_run(days) == 4
    assert longest_run([]) == 0


def test_a_long_history_is_charted_by_month_and_tabled_by_its_last_twelve_weeks() -> None:
    records = demo_records(date(2023, 1, 1), date(2026, 6, 30))
    report = build_report(records, date(2023, 1, 1), date(2026, 6, 30), MADE)
    assert report.chart_step is Step.MONTH and len(report.chart) == 42
    assert report.chart[0].day == date(2023, 1, 1) and len(report.table_weeks) == 12
    june = [r.pain_before(Leg.LEFT) for r in records if r.day >= date(2026, 6, 1)]
    assert report.chart[-1].before.left == pytest.approx(sum(june) / len(june))
