"""The clinician's report's figures and texts, worked out from a made-up history (Qt-free:
mutation testing runs these against knee_coach/core/report.py). tests/test_report.py writes
the same report as PDF and reads it back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from benchmarks.demo_history import demo_records
from knee_coach.core import trends
from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import IMPORTED, SessionRecord, SetRecord
from knee_coach.core.report import (
    READING_TEXTS,
    RULE,
    Change,
    Frequency,
    PerKnee,
    Reading,
    RoutineDone,
    Step,
    build_report,
    longest_run,
    read_change,
    shorten,
)
from knee_coach.core.routines import ROUTINES, ROUTINES_BY_ID
from tests.report_history import (
    FIRST,
    JST,
    LAST,
    LONG_NOTE,
    MADE,
    expected_weeks,
    made_up_history,
)


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


# ----- one rule at a time ----------------------------------------------------------------------
def session(
    day: date,
    right: int | None = 3,
    left: int | None = None,
    *,
    after: dict[Leg, int] | None = None,
    tightness: int | None = None,
    note: str = "",
    note_after: str = "",
    sets: tuple[SetRecord, ...] = (),
    reason: EndReason = EndReason.COMPLETED,
    hour: int = 8,
) -> SessionRecord:
    pain = {leg: v for leg, v in ((Leg.RIGHT, right), (Leg.LEFT, left)) if v is not None}
    started = datetime.combine(day, time(hour, 0), JST)
    before = CheckIn(pain, tightness=tightness, note=note) if pain or note else None
    return SessionRecord(
        id=None,
        started=started,
        ended=started + timedelta(minutes=9),
        end_reason=reason,
        legs=LegChoice.BOTH,
        before=before,
        after=CheckIn(after or {}, note=note_after) if after is not None or note_after else None,
        sets=sets,
    )


@pytest.mark.parametrize(
    ("days", "step"),
    [(2, Step.DAY), (56, Step.DAY), (57, Step.WEEK), (730, Step.WEEK), (731, Step.MONTH)],
)
def test_the_chart_shows_days_up_to_eight_weeks_then_weeks_then_months_beyond_two_years(
    days: int, step: Step
) -> None:
    first = date(2024, 1, 1)  # a Monday
    last = first + timedelta(days=days - 1)
    records = [session(first, 4), session(first + timedelta(days=1), 2), session(last, 6)]
    report = build_report(records, first, last, MADE)
    assert report.chart_step is step
    assert report.frequency.days == days
    starts = [p.day for p in report.chart]
    if step is Step.DAY:
        assert starts == sorted({first, first + timedelta(days=1), last})
        assert report.chart[0].before == PerKnee(4.0, None)
    elif step is Step.WEEK:
        assert starts == [first, trends.week_start(last)]
        assert report.chart[0].before == PerKnee(3.0, None)  # the first week's two sessions
    else:
        assert starts == [first, last.replace(day=1)]
        assert report.chart[0].before == PerKnee(3.0, None)


def test_a_period_ending_before_it_starts_is_refused_in_these_words() -> None:
    with pytest.raises(ValueError) as refused:
        build_report([], FIRST, FIRST - timedelta(days=1), MADE)
    assert str(refused.value) == "the period ends before it starts"


def test_a_period_of_one_day_is_allowed() -> None:
    report = build_report([session(FIRST, 5)], FIRST, FIRST, MADE)
    assert (report.first, report.last, report.made) == (FIRST, FIRST, MADE)
    assert report.frequency == Frequency(1, 1, 1, 1, 1, 7.0)


def test_sessions_and_safety_answers_outside_the_period_are_left_out() -> None:
    records, answers = made_up_history()
    last = FIRST + timedelta(days=11)  # day 12 (a stop for pain) and the second flag fall after
    report = build_report(records, FIRST + timedelta(days=1), last, MADE, answers)
    inside = [r for r in records if FIRST < r.day <= last]
    assert report.frequency.sessions == len(inside)
    assert report.frequency.days == 11
    assert report.pain_stops == ()
    flagged = [a for a in report.safety if a.flags]
    assert [a.at.date() for a in flagged] == [date(2026, 6, 11)]
    assert {a.at.date() for a in report.safety} <= {FIRST + timedelta(days=i) for i in range(1, 12)}
    assert min(a.at.date() for a in report.safety) == FIRST + timedelta(days=1)
    assert max(a.at.date() for a in report.safety) == last


def test_what_was_practised_counts_sets_with_reps_and_the_count_planned_most_often() -> None:
    glide = "hamstring_glide"
    release = "popliteus_release"
    records = [
        session(
            FIRST,
            sets=(
                SetRecord(glide, "inner", Leg.RIGHT, 10, 10, "completed"),
                SetRecord(glide, "outer", Leg.RIGHT, 12, 7, "partial"),
                SetRecord(glide, "inner", Leg.LEFT, 12, 0, "skipped"),
            ),
        ),
        session(
            FIRST + timedelta(days=1),
            sets=(
                SetRecord(glide, "inner", Leg.RIGHT, 12, 12, "completed"),
                # Rows imported from a CSV: reps known, no plan; counted in reps, not in sets.
                SetRecord(release, "both_points", Leg.LEFT, None, 15, IMPORTED),
                SetRecord(release, "both_points", Leg.LEFT, 20, 14, IMPORTED),
            ),
        ),
    ]
    report = build_report(records, FIRST, LAST, MADE)
    done = {r.routine_id: r for r in report.routines}
    assert [r.routine_id for r in report.routines] == [r.id for r in ROUTINES]
    assert done[glide] == RoutineDone(
        routine_id=glide,
        number=ROUTINES_BY_ID[glide].number,
        title=ROUTINES_BY_ID[glide].title,
        reps_per_set=12,
        sets_done=3,
        reps_done=29,
        legs=(Leg.RIGHT,),
    )
    assert done[release] == RoutineDone(
        routine_id=release,
        number=ROUTINES_BY_ID[release].number,
        title=ROUTINES_BY_ID[release].title,
        reps_per_set=None,
        sets_done=0,
        reps_done=29,
        legs=(Leg.LEFT,),
    )


def test_only_the_knees_rated_in_the_period_are_read() -> None:
    right_only = [session(FIRST + timedelta(days=i), 5) for i in range(28)]
    report = build_report(right_only, FIRST, LAST, MADE)
    assert report.knees == (Leg.RIGHT,)
    assert [leg for leg, _ in report.changes] == [Leg.RIGHT]
    assert report.change(Leg.LEFT) is None
    # A knee rated only after the sessions is shown too.
    rated_after = [*right_only, session(LAST, 5, after={Leg.LEFT: 2})]
    assert build_report(rated_after, FIRST, LAST, MADE).knees == (Leg.RIGHT, Leg.LEFT)


def test_the_first_week_is_compared_with_the_last_seven_days_of_the_period() -> None:
    records, _ = made_up_history()
    report = build_report(records, FIRST, LAST, MADE)
    assert report.baseline_days == (FIRST, FIRST + timedelta(days=6))
    assert report.latest_days == (LAST - timedelta(days=6), LAST)
    # Practice that began on day 3 of the period: its first week starts there.
    later = [r for r in records if r.day >= FIRST + timedelta(days=2)]
    assert build_report(later, FIRST, LAST, MADE).baseline_days == (
        FIRST + timedelta(days=2),
        FIRST + timedelta(days=8),
    )


@pytest.mark.parametrize(("span", "readable"), [(13, False), (14, True)])
def test_a_change_is_read_from_fourteen_days_of_practice(span: int, readable: bool) -> None:
    start = LAST - timedelta(days=span - 1)
    records = [session(start + timedelta(days=i), 6 if i < 7 else 2) for i in range(span)]
    report = build_report(records, FIRST, LAST, MADE)
    change = report.change(Leg.RIGHT)
    assert change is not None
    if readable:
        assert report.baseline_days == (start, start + timedelta(days=6))
        assert change == Change(6.0, 2.0, Reading.LESS_PAIN)
    else:
        assert report.baseline_days is None
        # The last seven days are still averaged (one day at 6, six at 2), only not compared.
        assert change == Change(None, pytest.approx(18 / 7), Reading.NOT_ENOUGH)


@pytest.mark.parametrize(("ratings", "readable"), [(2, False), (3, True)])
def test_each_week_compared_needs_three_ratings(ratings: int, readable: bool) -> None:
    first_week = [session(FIRST + timedelta(days=i), 6) for i in range(7)]
    last_week = [session(LAST - timedelta(days=i), 2) for i in range(ratings)]
    change = build_report([*first_week, *last_week], FIRST, LAST, MADE).change(Leg.RIGHT)
    assert change is not None
    expected = (
        Change(6.0, 2.0, Reading.LESS_PAIN) if readable else Change(6.0, None, Reading.NOT_ENOUGH)
    )
    assert change == expected


def test_tightness_is_averaged_per_week_and_read_like_pain() -> None:
    records, _ = made_up_history()
    report = build_report(records, FIRST, LAST, MADE)
    assert report.tightness == Change(5.0, 5.0, Reading.NO_CHANGE)
    for row in report.weeks:
        assert (row.tightness_before, row.tightness_after) == (5.0, 3.0)
        assert row.days_practised == len(
            {r.day for r in records if trends.week_start(r.day) == row.start}
        )
    easing = [session(FIRST + timedelta(days=i), 4, tightness=8 if i < 7 else 3) for i in range(28)]
    assert build_report(easing, FIRST, LAST, MADE).tightness == Change(8.0, 3.0, Reading.LESS_PAIN)
    untold = build_report([session(FIRST, 4)], FIRST, LAST, MADE)
    assert (untold.weeks[0].tightness_before, untold.weeks[0].tightness_after) == (None, None)


def test_notes_from_the_check_in_and_check_out_keep_their_times_and_the_last_twelve_show() -> None:
    records = [
        session(FIRST + timedelta(days=i), 3, note=f"before {i}", note_after=f"after {i}")
        for i in range(7)
    ]
    records.append(session(LAST, 3, note="   "))  # blank: not a note
    report = build_report(records, FIRST, LAST, MADE)
    assert report.notes_total == 14
    assert len(report.notes) == 12
    first_shown = report.notes[0]
    assert (first_shown.text, first_shown.after) == ("before 1", False)
    assert first_shown.when == records[1].started
    last_shown = report.notes[-1]
    assert (last_shown.text, last_shown.after) == ("after 6", True)
    assert last_shown.when == records[6].ended


@pytest.mark.parametrize(
    ("text", "limit", "short"),
    [
        ("a" * 10, 10, "a" * 10),  # at the limit: whole
        ("a" * 11, 10, "a" * 10 + "…"),
        ("abcdefgh ijk", 10, "abcdefgh…"),  # a space near the end: cut there
        ("abcdefg hijk", 10, "abcdefg…"),  # the space at three quarters of the limit
        ("abcdef ghijk", 10, "abcdef ghi…"),  # a space too early: cut at the limit
        ("well, it hurt", 6, "well…"),  # no comma left before the ellipsis
    ],
)
def test_a_note_is_cut_at_a_space_in_its_last_quarter_else_at_the_limit(
    text: str, limit: int, short: str
) -> None:
    assert shorten(text, limit) == short


@pytest.mark.parametrize(
    ("baseline", "latest", "reading"),
    [
        (4.0, 6.0, Reading.MORE_PAIN),  # exactly 2 points more
        (10.0, 11.9, Reading.NO_CHANGE),  # 1.9 points, 19 %
        (3.0, None, Reading.NOT_ENOUGH),
        (None, None, Reading.NOT_ENOUGH),
    ],
)
def test_a_rise_is_read_by_the_same_rule(
    baseline: float | None, latest: float | None, reading: Reading
) -> None:
    assert read_change(baseline, latest) is reading


def test_a_value_is_read_for_each_knee() -> None:
    both = PerKnee(right=2.5, left=None)
    assert (both.of(Leg.RIGHT), both.of(Leg.LEFT)) == (2.5, None)


def test_every_text_the_report_prints_from_the_core_has_its_japanese_translation() -> None:
    ts = Path(__file__).parent.parent / "knee_coach" / "i18n" / "knee_coach_ja.ts"
    translated = {
        message.findtext("source"): message.find("translation")
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") == "report"
        for message in context.iter("message")
    }
    for text in (RULE, *READING_TEXTS.values()):
        done = translated.get(text)
        assert done is not None and done.get("type") is None and done.text, text
    assert set(READING_TEXTS) == set(Reading)


@pytest.mark.parametrize(("days", "step"), [(28, Step.DAY), (100, Step.WEEK), (800, Step.MONTH)])
def test_the_chart_shows_each_knee_before_and_after_the_sessions_apart(
    days: int, step: Step
) -> None:
    first = date(2024, 1, 1)  # a Monday
    records = [
        session(first, 6, 4, after={Leg.RIGHT: 3, Leg.LEFT: 2}),
        session(first, 8, None, after={Leg.RIGHT: 5}),
    ]
    report = build_report(records, first, first + timedelta(days=days - 1), MADE)
    assert report.chart_step is step
    assert len(report.chart) == 1
    point = report.chart[0]
    assert point.day == first
    assert point.before == PerKnee(7.0, 4.0)
    assert point.after == PerKnee(4.0, 2.0)


def test_a_set_with_a_single_rep_counts_as_practised() -> None:
    one = SetRecord("hamstring_glide", "inner", Leg.LEFT, 10, 1, "partial")
    report = build_report([session(FIRST, sets=(one,))], FIRST, LAST, MADE)
    glide = report.routines[0]
    assert (glide.sets_done, glide.reps_done, glide.legs) == (1, 1, (Leg.LEFT,))


@pytest.mark.parametrize(
    ("baseline", "latest", "reading"),
    [
        (8.0, 10.0, Reading.MORE_PAIN),  # 2 points, though only 25 %
        (1.0, 1.3, Reading.MORE_PAIN),  # 30 %, though only 0.3 points
        (1.0, 1.2, Reading.NO_CHANGE),
    ],
)
def test_a_rise_is_meaningful_by_either_part_of_the_rule(
    baseline: float, latest: float, reading: Reading
) -> None:
    assert read_change(baseline, latest) is reading


@pytest.mark.parametrize(
    ("text", "limit", "short"),
    [
        ("abcdefghi j klm", 13, "abcdefghi j…"),  # the last space of the last quarter
        ("knee MAX then more", 8, "knee MAX…"),  # only spaces and punctuation are trimmed
    ],
)
def test_a_note_is_cut_at_its_last_space_and_keeps_its_letters(
    text: str, limit: int, short: str
) -> None:
    assert shorten(text, limit) == short
