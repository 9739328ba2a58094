"""Stored sessions as plain values: what the history, the trends and the CSV work on (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice

# Status of a set row that came from a CSV import: the file holds reps per routine and leg,
# not the individual sets, so one row per routine and leg stands for them.
IMPORTED = "imported"


def to_utc_text(moment: datetime) -> str:
    """UTC ISO 8601 to the second, e.g. 2026-05-01T06:30:00Z; always a four-digit year
    (strftime writes year 999 as "999", which neither SQLite nor Python reads back)."""
    if moment.tzinfo is None:
        raise ValueError("a stored time needs its UTC offset")
    # isoformat: "2026-05-01T06:30:00+00:00", microseconds dropped (as strftime did).
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")[:19] + "Z"


def offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a stored time needs its UTC offset")
    return int(offset.total_seconds() // 60)


def from_utc_text(text: str, offset_min: int) -> datetime:
    """The stored UTC text back as local time with the offset it was recorded with."""
    utc = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    return utc.astimezone(_zone(offset_min))


_ZONES: dict[int, timezone] = {}


def _zone(offset_min: int) -> timezone:
    zone = _ZONES.get(offset_min)
    if zone is None:
        zone = _ZONES[offset_min] = timezone(timedelta(minutes=offset_min))
    return zone


@dataclass(frozen=True)
class SetRecord:
    routine_id: str
    template_id: str
    leg: Leg
    target: int | None  # None for imported rows
    reps_done: int
    status: str  # a SetStatus value, or IMPORTED


@dataclass(frozen=True)
class SessionRecord:
    """One session as stored. `started`/`ended` carry the local UTC offset of that moment."""

    id: int | None
    started: datetime
    ended: datetime | None
    end_reason: EndReason
    legs: LegChoice
    before: CheckIn | None
    after: CheckIn | None
    sets: tuple[SetRecord, ...] = ()

    @property
    def day(self) -> date:
        """The local calendar day the session started on."""
        return self.started.date()

    def reps(self, routine_id: str, leg: Leg) -> int | None:
        """Reps done for one routine on one leg; None when no set of it was recorded."""
        rows = [s.reps_done for s in self.sets if s.routine_id == routine_id and s.leg is leg]
        return sum(rows) if rows else None

    def pain_before(self, leg: Leg) -> int | None:
        return self.before.pain_for(leg) if self.before else None

    def pain_after(self, leg: Leg) -> int | None:
        return self.after.pain_for(leg) if self.after else None


@dataclass(frozen=True, slots=True)
class SafetyAnswer:
    """The answers to the safety check before a session: the red flags ticked (ids from
    knee_coach.core.safety.RED_FLAGS), none when the person could go on."""

    at: datetime  # local time, with its UTC offset
    flags: tuple[str, ...]
