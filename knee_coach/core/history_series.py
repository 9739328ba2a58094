"""The whole history as plain arrays, grouped by day, week and month, for the history chart.

Qt-free. Years of twice-daily sessions stay quick: the sessions are read once as numbers and
grouped with numpy, instead of building a record per session. Imported only when the
history is first opened (with numpy), never at start-up.

Times are the session's local wall time read as UTC epoch seconds, so each session sits at
the hour it was done where it was done; day numbers count days since 1970-01-01.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from knee_coach.core.model import Leg
from knee_coach.core.records import SessionRecord
from knee_coach.core.trends import WeeklyReview, weekly_review

DAY = 86_400.0

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
PainRow = tuple[int, int, "int | None", "int | None", "int | None", "int | None"]
A = TypeVar("A", bound="np.ndarray[Any, Any]")


def _frozen(array: A) -> A:
    """The array made read-only, so a value holding it cannot be changed behind its back."""
    array.flags.writeable = False
    return array


@dataclass(frozen=True, slots=True)
class Series:
    """Every session, oldest first: x (local wall time as epoch seconds), the pain before and
    after per knee (NaN where not rated) and the local day number."""

    x: Floats
    before: Mapping[Leg, Floats]
    after: Mapping[Leg, Floats]
    day: Ints

    @classmethod
    def from_rows(cls, rows: Sequence[PainRow]) -> Series:
        """From HistoryStore.pain_series(): (UTC epoch seconds, UTC offset in minutes, pain
        before right, before left, after right, after left) per session."""
        if not rows:
            empty = _frozen(np.zeros(0))
            none = MappingProxyType({leg: empty for leg in Leg})
            return cls(empty, none, none, _frozen(np.zeros(0, dtype=np.int64)))
        a = np.array(rows, dtype=float)  # None (no rating) becomes NaN
        x = a[:, 0] + a[:, 1] * 60.0
        return cls(
            x=_frozen(x),
            before=MappingProxyType({Leg.RIGHT: _frozen(a[:, 2]), Leg.LEFT: _frozen(a[:, 3])}),
            after=MappingProxyType({Leg.RIGHT: _frozen(a[:, 4]), Leg.LEFT: _frozen(a[:, 5])}),
            day=_frozen(np.floor(x / DAY).astype(np.int64)),
        )

    @property
    def empty(self) -> bool:
        return len(self.x) == 0

    def practice_days(self) -> DaySet:
        return DaySet(self.day.tolist())

    def day_counts(self) -> tuple[Ints, Ints]:
        """The days with sessions (day numbers, ascending) and how many sessions each had."""
        if self.empty:
            none = np.zeros(0, dtype=np.int64)
            return none, none
        days, counts = np.unique(self.day, return_counts=True)
        return days, counts.astype(np.int64)


class DaySet:
    """The days practised (`date in days`), kept as day numbers: cheap to build for years of
    history, where a set of dates would make a date object per session."""

    EPOCH = date(1970, 1, 1)

    def __init__(self, day_numbers: Iterable[int]) -> None:
        self._days = frozenset(day_numbers)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and (day - self.EPOCH).days in self._days

    def __len__(self) -> int:
        return len(self._days)


@dataclass(frozen=True, slots=True)
class Periods:
    """Sessions grouped by calendar week (Monday to Sunday) or month: what the long ranges
    draw. Times are x values of the chart's axis."""

    start: Floats  # x of each period's first day
    end: Floats  # x of the day after its last day
    rate: Floats  # sessions a day (days not yet come are not counted)
    means: Mapping[tuple[Leg, str], Floats]  # average pain, NaN where nothing was rated

    @property
    def middle(self) -> Floats:
        return (self.start + self.end) / 2

    def find(self, x: float) -> int | None:
        """The period holding `x`, if any."""
        k = int(np.searchsorted(self.start, x, side="right")) - 1
        return k if 0 <= k < len(self.start) and x < self.end[k] else None


def _week_index(day: Ints) -> Ints:
    # 1970-01-01 was a Thursday; +3 makes weeks start on Monday.
    return (day + 3) // 7


def _month_of(day: Ints) -> Ints:
    return day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def _month_first_day(month: Ints) -> Ints:
    return month.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def periods(series: Series, months: bool, today: int) -> Periods:
    """Weekly (Monday to Sunday) or monthly groups of the sessions; `today` is a day number
    (the current period's rate counts only the days up to today)."""
    index = _month_of(series.day) if months else _week_index(series.day)
    uniq, inverse = np.unique(index, return_inverse=True)
    if months:
        first, last = _month_first_day(uniq), _month_first_day(uniq + 1)
    else:
        first = uniq * 7 - 3
        last = first + 7
    counts = np.bincount(inverse, minlength=len(uniq)).astype(float)
    elapsed = np.clip(np.minimum(last, today + 1) - first, 1, None)
    means: dict[tuple[Leg, str], Floats] = {}
    for leg in Leg:
        for kind, values in (("before", series.before[leg]), ("after", series.after[leg])):
            ok = ~np.isnan(values)
            sums = np.bincount(inverse[ok], weights=values[ok], minlength=len(uniq))
            n = np.bincount(inverse[ok], minlength=len(uniq))
            with np.errstate(invalid="ignore", divide="ignore"):
                means[(leg, kind)] = _frozen(np.where(n > 0, sums / np.maximum(n, 1), np.nan))
    return Periods(
        _frozen(np.multiply(first, DAY, dtype=np.float64)),
        _frozen(np.multiply(last, DAY, dtype=np.float64)),
        _frozen(counts / elapsed),
        MappingProxyType(means),
    )


def segments(p: Periods, values: Floats, lo: float, hi: float) -> tuple[Floats, Floats]:
    """Each period reaching into [lo, hi] as a level across it, as x and y drawn in pairs;
    periods without a rating are left out."""
    k, m = np.searchsorted(p.start, [lo - 31 * DAY, hi])
    start, end, values = p.start[k:m], p.end[k:m], values[k:m]
    ok = ~np.isnan(values)
    xs = np.empty(2 * int(ok.sum()))
    xs[0::2] = start[ok]
    xs[1::2] = end[ok]
    return xs, np.repeat(values[ok], 2)


@dataclass(frozen=True, slots=True)
class ChartFigures:
    """All the History window shows, computed in one go from what was read: plain values,
    so that they can be computed on a worker thread and handed to the window's."""

    series: Series
    weeks: Periods
    months: Periods
    days: Ints  # the days with sessions (day numbers, ascending)
    counts: Ints  # and how many sessions each had
    review: WeeklyReview
    today: date

    @classmethod
    def compute(
        cls, rows: Sequence[PainRow], records: Sequence[SessionRecord], today: date
    ) -> ChartFigures:
        """From HistoryStore.pain_series() and HistoryStore.review_records(), on `today`
        (the local date)."""
        series = Series.from_rows(rows)
        day = (today - DaySet.EPOCH).days
        days, counts = series.day_counts()
        return cls(
            series=series,
            weeks=periods(series, months=False, today=day),
            months=periods(series, months=True, today=day),
            days=days,
            counts=counts,
            review=weekly_review(records, today, series.practice_days()),
            today=today,
        )
