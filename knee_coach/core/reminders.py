"""When to remind: daily habit times on the local wall clock, Qt-free.

The UI arms one single-shot timer for `ReminderScheduler.seconds_to_wait()` and calls
`fired()` when it goes off. All maths is done on aware datetimes in a real time zone
(zoneinfo), so daylight-saving changes are handled by the zone rules:

* a time that does not exist on a spring-forward day (02:30 in New York) fires once, at the
  shifted time (03:30 EDT, the same instant as 02:30 EST);
* a time that happens twice on a fall-back day (01:30 in New York) fires once, the first time.

Timers run on the monotonic clock, which stops while the computer sleeps. When the timer fires,
the wall clock is compared with the monotonic clock: if much more wall time has passed than
monotonic time, the computer slept. Every reminder that fell due meanwhile is reported once,
as a single late reminder, never one per missed occurrence. So that a sleep is noticed soon
after waking, the single timer is never armed for longer than `MAX_WAIT_SECONDS`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from knee_coach.core.clock import Clock
from knee_coach.core.settings import ReminderSlot

UTC = dt.timezone.utc
# The longest single wait. Timers stop while the computer sleeps, so a 14-hour wait armed
# before a night's sleep would show the morning reminder hours late; waking up at most this
# often (four tiny wake-ups an hour, no work done) notices a sleep within 15 minutes.
MAX_WAIT_SECONDS = 15 * 60
# Wall time running ahead of monotonic time by more than this means the computer slept
# (or the clock was set forward).
SLEEP_TOLERANCE_SECONDS = 90.0
# Set the wall clock back by more than this and the scheduler starts afresh from "now".
BIG_BACKWARD_JUMP = dt.timedelta(hours=6)


class WallClock(Protocol):
    def now(self) -> dt.datetime:
        """The current time as an aware datetime in the local zone."""
        ...


def local_zone() -> dt.tzinfo:
    """The computer's time zone with its DST rules (zoneinfo), or a fixed offset at worst."""
    name = os.environ.get("TZ", "").lstrip(":")
    candidates: list[str] = [name] if name else []
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for key in candidates:
        try:
            return ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    if localtime.is_file():
        try:
            with localtime.open("rb") as fh:
                return ZoneInfo.from_file(fh, key="localtime")
        except (OSError, ValueError):
            pass
    fixed = dt.datetime.now().astimezone().tzinfo  # Windows: no tz database path to read
    return fixed or UTC


class SystemWallClock:
    """The computer's clock in its current zone (looked up each time: people travel)."""

    def __init__(self, zone: dt.tzinfo | None = None) -> None:
        self._fixed_zone = zone

    def now(self) -> dt.datetime:
        return dt.datetime.now(self._fixed_zone or local_zone())


class FakeWallClock:
    """A wall clock for tests: moves only when told, and may jump (sleep, clock changes)."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the wall clock needs an aware datetime")
        self._utc = start.astimezone(UTC)
        self.zone = start.tzinfo

    def now(self) -> dt.datetime:
        return self._utc.astimezone(self.zone)

    def advance(self, seconds: float) -> None:
        self._utc += dt.timedelta(seconds=seconds)

    def set(self, when: dt.datetime) -> None:
        self._utc = when.astimezone(UTC)


def occurrence_on(day: dt.date, at: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """The instant (in UTC) of local time `at` on `day`.

    A time skipped by a spring-forward change is moved on by the gap (zoneinfo's fold=0
    reading of a missing time is the same instant as the shifted wall time); a time that
    happens twice on a fall-back day is the first of the two (fold=0).
    """
    local = dt.datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone)
    return local.astimezone(UTC)


def next_occurrence(at: dt.time, after: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The first instant strictly after `after` when local time `at` comes round (in UTC).

    Compared in UTC on purpose: aware datetimes sharing a tzinfo compare by wall time,
    which would make the repeated hour of a fall-back day fire twice.
    """
    after_utc = after.astimezone(UTC)
    day = after_utc.astimezone(zone).date() - dt.timedelta(days=1)
    for _ in range(4):
        candidate = occurrence_on(day, at, zone)
        if candidate > after_utc:
            return candidate
        day += dt.timedelta(days=1)
    raise AssertionError("a daily time always comes round within two days")


@dataclass(frozen=True)
class DueReminder:
    slot: ReminderSlot
    scheduled: dt.datetime  # the local time it was due (aware, local zone)
    missed: int  # occurrences that fell due together (more than 1 only after a sleep)
    after_sleep: bool  # the computer slept (or the clock jumped) since the timer was armed
    delay_seconds: float = 0.0  # how long after its time it is being shown

    @property
    def late(self) -> bool:
        """Shown well after its time (where the monotonic clock counts sleep, as on Windows,
        a sleep is only visible as this delay)."""
        return self.after_sleep or self.missed > 1 or self.delay_seconds > SLEEP_TOLERANCE_SECONDS


class ReminderScheduler:
    """Decides when the next reminder is due and which one to show when the timer fires.

    Reminders that fell due before the scheduler started are not shown (the app was not
    running then); only those that come due while it runs, including during a sleep.
    """

    def __init__(
        self,
        reminders: Iterable[ReminderSlot],
        wall: WallClock,
        monotonic: Clock,
        zone: dt.tzinfo | None = None,
    ) -> None:
        self.wall = wall
        self.monotonic = monotonic
        self._fixed_zone = zone
        self._reminders: tuple[ReminderSlot, ...] = ()
        self._handled_until = wall.now().astimezone(UTC)
        self._armed_wall = self._handled_until
        self._armed_mono = monotonic.now()
        self.set_reminders(reminders)

    @property
    def zone(self) -> dt.tzinfo:
        """The zone reminder times are read in: the given one, else the wall clock's now."""
        return self._fixed_zone or self.wall.now().tzinfo or UTC

    @property
    def reminders(self) -> tuple[ReminderSlot, ...]:
        return self._reminders

    def set_reminders(self, reminders: Iterable[ReminderSlot]) -> None:
        """New times from the settings; nothing already past is shown because of a change."""
        self._reminders = tuple(r for r in reminders if r.enabled)
        self._handled_until = max(self._handled_until, self.wall.now().astimezone(UTC))

    def next_due(self) -> tuple[ReminderSlot, dt.datetime] | None:
        """The next reminder and its instant (local zone), or None when all are off."""
        best: tuple[ReminderSlot, dt.datetime] | None = None
        zone = self.zone
        for reminder in self._reminders:
            when = next_occurrence(reminder.at, self._handled_until, zone)
            if best is None or when < best[1]:
                best = (reminder, when)
        if best is None:
            return None
        return best[0], best[1].astimezone(zone)

    def seconds_to_wait(self) -> float | None:
        """How long to arm the single timer for (None: no reminder is on, arm nothing).

        Also records the wall and monotonic readings used to notice a sleep in `fired()`.
        """
        self._armed_wall = self.wall.now().astimezone(UTC)
        self._armed_mono = self.monotonic.now()
        due = self.next_due()
        if due is None:
            return None
        remaining = (due[1] - self._armed_wall).total_seconds()
        return min(max(remaining, 0.0), float(MAX_WAIT_SECONDS))

    def slept(self) -> bool:
        """Whether wall time ran ahead of monotonic time since the timer was armed."""
        wall_elapsed = (self.wall.now().astimezone(UTC) - self._armed_wall).total_seconds()
        mono_elapsed = self.monotonic.now() - self._armed_mono
        return wall_elapsed - mono_elapsed > SLEEP_TOLERANCE_SECONDS

    def fired(self) -> DueReminder | None:
        """The timer went off: the one reminder to show now, if any fell due.

        Several occurrences due at once (a long sleep) give one reminder: the most recent,
        with the number missed. A timer that goes off early gives None; arm it again.
        """
        now = self.wall.now().astimezone(UTC)
        after_sleep = self.slept()
        zone = self.zone
        if now < self._handled_until:
            # The clock was set back. A little: keep what was shown (no repeat); a lot: the
            # old mark is meaningless, start from now.
            if self._handled_until - now > BIG_BACKWARD_JUMP:
                self._handled_until = now
            return None
        due: list[tuple[dt.datetime, ReminderSlot]] = []
        for reminder in self._reminders:
            when = next_occurrence(reminder.at, self._handled_until, zone)
            while when <= now:
                due.append((when, reminder))
                when = next_occurrence(reminder.at, when, zone)
        self._handled_until = now
        if not due:
            return None
        due.sort(key=lambda item: item[0])
        when, reminder = due[-1]
        return DueReminder(
            slot=reminder,
            scheduled=when.astimezone(zone),
            missed=len(due),
            after_sleep=after_sleep,
            delay_seconds=(now - when).total_seconds(),
        )
