"""Progress maths over the stored sessions (no Qt): days practised against the 1-2 a day
target, weekly pain averages per knee, this week against last week, the streak, and the
honest nudge to see a clinic.

Pain "before" is the rating given at the check-in, before the routines: it tells how the
knee is from day to day, so it is what the trend and the nudge look at. The "after" rating
shows the effect of one session.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from knee_coach.core.i18n import QT_TRANSLATE_NOOP
from knee_coach.core.model import Leg
from knee_coach.core.records import SessionRecord

# lupdate reads only literal contexts, so the markers below spell it out; lookups use CTX.
CTX = "trends"
TARGET_MIN, TARGET_MAX = 1, 2  # sessions a day (the article: once or twice a day)
# A change on the 0-10 scale matters when it is at least 2 points or at least 30 %.
MEANINGFUL_POINTS = 2.0
MEANINGFUL_FRACTION = 0.30
NUDGE_DAYS = 14  # most people notice a change within 1-2 weeks of daily practice
MIN_RATINGS = 3  # ratings needed in a week before its average is trusted
PAIN_FREE = 1.0  # an average below this, before and now, leaves nothing to improve
WORSE_POINTS = 1.0  # a rise of the weekly average this large is called "worse"

NUDGE_NO_IMPROVEMENT = QT_TRANSLATE_NOOP(
    "trends",
    "After two weeks of practice the pain in your {knee} has not clearly improved "
    "(average {baseline:.1f} in the first week, {latest:.1f} in the last 7 days). "
    "Please see a clinic or a physiotherapist to find out why.",
)
NUDGE_WORSE = QT_TRANSLATE_NOOP(
    "trends",
    "The pain in your {knee} has got worse (average {baseline:.1f} before, {latest:.1f} "
    "in the last 7 days). Please see a clinic or a physiotherapist; stop the routines if "
    "the pain is sharp, or the knee is swollen or hot.",
)
KNEE_NAMES = {
    Leg.RIGHT: QT_TRANSLATE_NOOP("trends", "right knee"),
    Leg.LEFT: QT_TRANSLATE_NOOP("trends", "left knee"),
}


def week_start(day: date) -> date:
    """The Monday of the week holding `day`."""
    return day - timedelta(days=day.weekday())


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# ----- days --------------------------------------------------------------------------------
def daily_counts(records: Iterable[SessionRecord], first: date, last: date) -> list[int]:
    """Sessions started on each local day from `first` to `last` inclusive."""
    counts = [0] * ((last - first).days + 1)
    for rec in records:
        i = (rec.day - first).days
        if 0 <= i < len(counts):
            counts[i] += 1
    return counts


def on_target(count: int) -> bool:
    return TARGET_MIN <= count <= TARGET_MAX


def streak(records: Iterable[SessionRecord], today: date) -> int:
    """Days practised in a row up to today (or up to yesterday while today is still open)."""
    return streak_of_days({r.day for r in records}, today)


def streak_of_days(days: Container[date], today: date) -> int:
    day = today if today in days else today - timedelta(days=1)
    n = 0
    while day in days:
        n += 1
        day -= timedelta(days=1)
    return n


# ----- weeks -------------------------------------------------------------------------------
@dataclass(frozen=True)
class WeekStats:
    start: date  # Monday
    sessions: int
    days_practised: int
    days_on_target: int  # days with one or two sessions
    before: dict[Leg, float | None] = field(default_factory=dict)  # average pain per knee
    after: dict[Leg, float | None] = field(default_factory=dict)

    def change(self, leg: Leg) -> float | None:
        """Average after minus average before (negative: the sessions eased the pain)."""
        b, a = self.before.get(leg), self.after.get(leg)
        return None if a is None or b is None else a - b


def _stats(start: date, records: Sequence[SessionRecord]) -> WeekStats:
    return WeekStats(
        start=start,
        sessions=len(records),
        days_practised=len({r.day for r in records}),
        days_on_target=sum(1 for n in Counter(r.day for r in records).values() if on_target(n)),
        before={
            leg: _mean([v for r in records if (v := r.pain_before(leg)) is not None]) for leg in Leg
        },
        after={
            leg: _mean([v for r in records if (v := r.pain_after(leg)) is not None]) for leg in Leg
        },
    )


def weekly(records: Iterable[SessionRecord]) -> list[WeekStats]:
    """One entry per calendar week (Monday first) that has sessions, oldest first."""
    by_week: dict[date, list[SessionRecord]] = defaultdict(list)
    for rec in records:
        by_week[week_start(rec.day)].append(rec)
    return [_stats(start, by_week[start]) for start in sorted(by_week)]


def week_stats(records: Iterable[SessionRecord], start: date) -> WeekStats:
    end = start + timedelta(days=7)
    return _stats(start, [r for r in records if start <= r.day < end])


# ----- the nudge ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Nudge:
    worse: bool
    leg: Leg
    baseline: float
    latest: float

    @property
    def template(self) -> str:
        return NUDGE_WORSE if self.worse else NUDGE_NO_IMPROVEMENT

    def text(self, translate: object = None) -> str:
        """The advice; `translate(context, text)` translates it (the UI passes Qt's)."""

        def tr(text: str) -> str:
            return str(translate(CTX, text)) if callable(translate) else text

        return tr(self.template).format(
            knee=tr(KNEE_NAMES[self.leg]), baseline=self.baseline, latest=self.latest
        )


def meaningful_improvement(baseline: float, latest: float) -> bool:
    drop = baseline - latest
    return drop >= MEANINGFUL_POINTS or (baseline > 0 and drop / baseline >= MEANINGFUL_FRACTION)


def clinic_nudge(records: Sequence[SessionRecord], today: date) -> Nudge | None:
    """Suggest a clinic when 14 days of practice show no meaningful improvement or a
    worsening of the knee's pain.

    Per knee, the average check-in pain of the first 7 days of practice is compared with the
    last 7 days; and the last 7 days with the 7 before them, which catches a knee that got
    better at first and is now getting worse. Needs at least 14 days since practice began
    and a few ratings in each week compared."""
    rated = [r for r in records if r.before is not None and r.day <= today]
    if not rated:
        return None
    first = min(r.day for r in rated)
    if (today - first).days + 1 < NUDGE_DAYS:
        return None
    latest_from = today - timedelta(days=6)
    found: list[Nudge] = []
    for leg in Leg:

        def avg(lo: date, hi: date, leg: Leg = leg) -> float | None:
            values = [
                v for r in rated if lo <= r.day <= hi and (v := r.pain_before(leg)) is not None
            ]
            return _mean(values) if len(values) >= MIN_RATINGS else None

        latest = avg(latest_from, today)
        if latest is None:
            continue
        baseline = avg(first, first + timedelta(days=6))
        previous = avg(latest_from - timedelta(days=7), latest_from - timedelta(days=1))
        if previous is not None and latest - previous >= MEANINGFUL_POINTS:
            found.append(Nudge(True, leg, previous, latest))
        elif baseline is not None and not meaningful_improvement(baseline, latest):
            if baseline < PAIN_FREE and latest < PAIN_FREE:
                continue
            found.append(Nudge(latest - baseline >= WORSE_POINTS, leg, baseline, latest))
    if not found:
        return None
    # The most worrying one: a worsening first, then the larger rise.
    return max(found, key=lambda n: (n.worse, n.latest - n.baseline))


# ----- this week against last week ---------------------------------------------------------
@dataclass(frozen=True)
class WeeklyReview:
    this_week: WeekStats
    last_week: WeekStats
    streak: int
    nudge: Nudge | None

    def before_change(self, leg: Leg) -> float | None:
        """This week's average check-in pain minus last week's (negative: better)."""
        a, b = self.this_week.before.get(leg), self.last_week.before.get(leg)
        return None if a is None or b is None else a - b


def weekly_review(
    records: Sequence[SessionRecord], today: date, practice_days: Container[date] | None = None
) -> WeeklyReview:
    """`records` needs at least the last two weeks and the first week of practice (see
    HistoryStore.review_records); `practice_days`, when given, every day practised, for the
    streak (else the days of `records`)."""
    this_start = week_start(today)
    last_start = this_start - timedelta(days=7)
    recent = [r for r in records if last_start <= r.day <= today]
    return WeeklyReview(
        this_week=week_stats(recent, this_start),
        last_week=week_stats(recent, last_start),
        streak=streak_of_days(
            practice_days if practice_days is not None else {r.day for r in records}, today
        ),
        nudge=clinic_nudge(records, today),
    )
