"""What the report for a clinician says, computed from the stored sessions (no Qt).

The figures reuse the trend maths (knee_coach.core.trends): the weekly averages, the 1-2 a
day target and the rule for a meaningful change are the ones the History window and the
clinic nudge use. This module only chooses what a period shows and how the change over
the period is read; laying it out on paper is knee_coach.ui.report_pdf's job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from knee_coach.core import trends
from knee_coach.core.i18n import QT_TRANSLATE_NOOP
from knee_coach.core.model import EndReason, Leg
from knee_coach.core.records import IMPORTED, SafetyAnswer, SessionRecord
from knee_coach.core.routines import ROUTINES

CTX = "report"
BASELINE_DAYS = 7  # the first week of practice, against the last seven days of the period
DAILY_CHART_DAYS = 56  # up to eight weeks the chart shows days; beyond, weeks
WEEKLY_CHART_DAYS = 730  # beyond two years, months (as the History window's "All")
TABLE_WEEKS = 12  # the weekly table shows the period's last weeks (the chart shows it all)
NOTE_CHARS = 140  # a note is shortened to about this many characters
NOTES_SHOWN = 12  # the most recent notes; the report says how many there were in all

RULE = QT_TRANSLATE_NOOP(
    "report",
    "How the change is read: for each knee, the average pain rated before the sessions in "
    "the first 7 days of practice in this period is compared with the average of the last "
    "7 days of the period. A change of at least 2 points, or of at least 30 % of the first "
    "week's average, counts as meaningful; a smaller change counts as no meaningful change. "
    "The reading needs at least 14 days of practice and at least 3 ratings in each of the "
    "two weeks. Pain is rated by the person from 0 (none) to 10 (worst imaginable).",
)


class Step(str, Enum):
    """What one point of the chart averages."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Reading(str, Enum):
    LESS_PAIN = "less_pain"  # a meaningful decrease
    NO_CHANGE = "no_change"  # no meaningful change either way
    MORE_PAIN = "more_pain"  # a meaningful increase
    NOT_ENOUGH = "not_enough"  # too few days or ratings to read a change


READING_TEXTS = {
    Reading.LESS_PAIN: QT_TRANSLATE_NOOP("report", "meaningful decrease in pain"),
    Reading.NO_CHANGE: QT_TRANSLATE_NOOP("report", "no meaningful change"),
    Reading.MORE_PAIN: QT_TRANSLATE_NOOP("report", "meaningful increase in pain"),
    Reading.NOT_ENOUGH: QT_TRANSLATE_NOOP("report", "not enough ratings to read a change"),
}


@dataclass(frozen=True, slots=True)
class PerKnee:
    """A value for each knee (None where nothing was rated)."""

    right: float | None
    left: float | None

    def of(self, leg: Leg) -> float | None:
        return self.right if leg is Leg.RIGHT else self.left


def _per_knee(values: dict[Leg, float | None]) -> PerKnee:
    return PerKnee(values.get(Leg.RIGHT), values.get(Leg.LEFT))


@dataclass(frozen=True, slots=True)
class Frequency:
    days: int  # days in the period
    sessions: int
    days_practised: int
    days_on_target: int  # days with one or two sessions
    longest_run: int  # most days practised in a row
    per_week: float  # sessions per seven days of the period


@dataclass(frozen=True, slots=True)
class RoutineDone:
    routine_id: str
    number: int
    title: str  # a QT_TRANSLATE_NOOP text of the "routines" context
    reps_per_set: int | None  # the reps per set planned most often (None: only imported rows)
    sets_done: int  # sets with at least one rep
    reps_done: int
    legs: tuple[Leg, ...]


@dataclass(frozen=True, slots=True)
class WeekRow:
    start: date  # Monday
    sessions: int
    days_practised: int
    before: PerKnee  # average pain before the sessions
    after: PerKnee  # average pain after them
    tightness_before: float | None
    tightness_after: float | None


@dataclass(frozen=True, slots=True)
class ChartPoint:
    day: date  # the day, or the Monday of the week
    before: PerKnee
    after: PerKnee


@dataclass(frozen=True, slots=True)
class Change:
    """The first week of practice in the period against its last seven days."""

    baseline: float | None
    latest: float | None
    reading: Reading


@dataclass(frozen=True, slots=True)
class NoteLine:
    when: datetime
    after: bool  # written at the check-out (else at the check-in)
    text: str  # shortened


@dataclass(frozen=True, slots=True)
class Report:
    first: date
    last: date
    made: date
    frequency: Frequency
    routines: tuple[RoutineDone, ...]
    knees: tuple[Leg, ...]  # the knees with a rating in the period
    weeks: tuple[WeekRow, ...]  # every week with a session, oldest first
    chart: tuple[ChartPoint, ...]
    chart_step: Step
    pain_stops: tuple[datetime, ...]
    safety: tuple[SafetyAnswer, ...]
    changes: tuple[tuple[Leg, Change], ...]
    tightness: Change
    baseline_days: tuple[date, date] | None  # the first week compared, when there is one
    latest_days: tuple[date, date]
    notes: tuple[NoteLine, ...]  # the most recent, oldest first
    notes_total: int

    @property
    def table_weeks(self) -> tuple[WeekRow, ...]:
        return self.weeks[-TABLE_WEEKS:]

    def change(self, leg: Leg) -> Change | None:
        return dict(self.changes).get(leg)


# ----- the parts -----------------------------------------------------------------------------
def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def longest_run(days: Iterable[date]) -> int:
    best = run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        best = max(best, run)
        previous = day
    return best


def _frequency(records: Sequence[SessionRecord], first: date, last: date) -> Frequency:
    counts = trends.daily_counts(records, first, last)
    days = len(counts)
    return Frequency(
        days=days,
        sessions=len(records),
        days_practised=sum(1 for n in counts if n),
        days_on_target=sum(1 for n in counts if trends.on_target(n)),
        longest_run=longest_run(r.day for r in records),
        per_week=len(records) * 7 / days,
    )


def _routines(records: Sequence[SessionRecord]) -> tuple[RoutineDone, ...]:
    out = []
    for routine in ROUTINES:
        sets = [s for r in records for s in r.sets if s.routine_id == routine.id]
        planned = Counter(s.target for s in sets if s.target is not None and s.status != IMPORTED)
        done = [s for s in sets if s.reps_done > 0]
        out.append(
            RoutineDone(
                routine_id=routine.id,
                number=routine.number,
                title=routine.title,
                reps_per_set=planned.most_common(1)[0][0] if planned else None,
                sets_done=sum(1 for s in done if s.status != IMPORTED),
                reps_done=sum(s.reps_done for s in done),
                legs=tuple(leg for leg in Leg if any(s.leg is leg for s in done)),
            )
        )
    return tuple(out)


def _tightness(records: Iterable[SessionRecord], after: bool) -> float | None:
    check_ins = (r.after if after else r.before for r in records)
    return _mean([c.tightness for c in check_ins if c is not None and c.tightness is not None])


def _weeks(records: Sequence[SessionRecord]) -> tuple[WeekRow, ...]:
    by_week: dict[date, list[SessionRecord]] = {}
    for rec in records:
        by_week.setdefault(trends.week_start(rec.day), []).append(rec)
    return tuple(
        WeekRow(
            start=stats.start,
            sessions=stats.sessions,
            days_practised=stats.days_practised,
            before=_per_knee(stats.before),
            after=_per_knee(stats.after),
            tightness_before=_tightness(by_week[stats.start], after=False),
            tightness_after=_tightness(by_week[stats.start], after=True),
        )
        for stats in trends.weekly(records)
    )


def _points(records: Sequence[SessionRecord], month: bool) -> tuple[ChartPoint, ...]:
    """Averages per day, or per calendar month (at its first day)."""
    by_day: dict[date, list[SessionRecord]] = {}
    for rec in records:
        by_day.setdefault(rec.day.replace(day=1) if month else rec.day, []).append(rec)

    def avg(recs: list[SessionRecord], leg: Leg, after: bool) -> float | None:
        values = [
            v for r in recs if (v := r.pain_after(leg) if after else r.pain_before(leg)) is not None
        ]
        return _mean(values)

    return tuple(
        ChartPoint(
            day,
            PerKnee(avg(recs, Leg.RIGHT, False), avg(recs, Leg.LEFT, False)),
            PerKnee(avg(recs, Leg.RIGHT, True), avg(recs, Leg.LEFT, True)),
        )
        for day, recs in sorted(by_day.items())
    )


def read_change(baseline: float | None, latest: float | None) -> Reading:
    """The stated rule: a change of at least 2 points or 30 % of the first week's average."""
    if baseline is None or latest is None:
        return Reading.NOT_ENOUGH
    if trends.meaningful_improvement(baseline, latest):
        return Reading.LESS_PAIN
    rise = latest - baseline
    # Rounded, so that a rise of exactly 30 % (2.0 -> 2.6) is not lost to binary fractions.
    if rise >= trends.MEANINGFUL_POINTS or (
        baseline > 0 and round(rise / baseline, 9) >= trends.MEANINGFUL_FRACTION
    ):
        return Reading.MORE_PAIN
    return Reading.NO_CHANGE


def _change(
    values: Sequence[tuple[date, int]],
    baseline_days: tuple[date, date] | None,
    latest_days: tuple[date, date] | None,
) -> Change:
    def avg(span: tuple[date, date] | None) -> float | None:
        if span is None:
            return None
        picked = [v for day, v in values if span[0] <= day <= span[1]]
        return _mean(picked) if len(picked) >= trends.MIN_RATINGS else None

    baseline, latest = avg(baseline_days), avg(latest_days)
    if baseline_days is None:
        return Change(baseline, latest, Reading.NOT_ENOUGH)
    return Change(baseline, latest, read_change(baseline, latest))


def shorten(text: str, limit: int = NOTE_CHARS) -> str:
    """One line of at most about `limit` characters, cut at a space where there is one near
    the end (Japanese has none: it is cut at the limit), with an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space >= limit * 3 // 4:
        cut = cut[:space]
    return cut.rstrip(" ,.;:、。") + "…"


def _notes(records: Sequence[SessionRecord]) -> list[NoteLine]:
    notes = []
    for rec in records:
        for check_in, after, when in ((rec.before, False, rec.started), (rec.after, True, None)):
            if check_in is not None and check_in.note.strip():
                notes.append(
                    NoteLine(when or rec.ended or rec.started, after, shorten(check_in.note))
                )
    return notes


# ----- the report ----------------------------------------------------------------------------
def build_report(
    records: Iterable[SessionRecord],
    first: date,
    last: date,
    made: date,
    safety: Iterable[SafetyAnswer] = (),
) -> Report:
    """The report over the local days `first` to `last` (inclusive); records and safety
    answers outside them are left out."""
    if last < first:
        raise ValueError("the period ends before it starts")
    recs = [r for r in records if first <= r.day <= last]
    rated_days = sorted({r.day for r in recs if r.before is not None})
    latest_days = (last - timedelta(days=BASELINE_DAYS - 1), last)
    baseline_days: tuple[date, date] | None = None
    if rated_days and (last - rated_days[0]).days + 1 >= trends.NUDGE_DAYS:
        baseline_days = (rated_days[0], rated_days[0] + timedelta(days=BASELINE_DAYS - 1))
    changes = tuple(
        (
            leg,
            _change(
                [(r.day, v) for r in recs if (v := r.pain_before(leg)) is not None],
                baseline_days,
                latest_days,
            ),
        )
        for leg in Leg
    )
    knees = tuple(
        leg
        for leg in Leg
        if any(r.pain_before(leg) is not None or r.pain_after(leg) is not None for r in recs)
    )
    tightness = _change(
        [(r.day, r.before.tightness) for r in recs if r.before and r.before.tightness is not None],
        baseline_days,
        latest_days,
    )
    weeks = _weeks(recs)
    days = (last - first).days + 1
    if days <= DAILY_CHART_DAYS:
        step, chart = Step.DAY, _points(recs, month=False)
    elif days <= WEEKLY_CHART_DAYS:
        step, chart = Step.WEEK, tuple(ChartPoint(w.start, w.before, w.after) for w in weeks)
    else:
        step, chart = Step.MONTH, _points(recs, month=True)
    notes = _notes(recs)
    return Report(
        first=first,
        last=last,
        made=made,
        frequency=_frequency(recs, first, last),
        routines=_routines(recs),
        knees=knees,
        weeks=weeks,
        chart=chart,
        chart_step=step,
        pain_stops=tuple(r.started for r in recs if r.end_reason is EndReason.PAIN),
        safety=tuple(a for a in safety if first <= a.at.date() <= last),
        changes=tuple((leg, c) for leg, c in changes if leg in knees),
        tightness=tightness,
        baseline_days=baseline_days,
        latest_days=latest_days,
        notes=tuple(notes[-NOTES_SHOWN:]),
        notes_total=len(notes),
    )
