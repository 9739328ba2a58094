"""Reminder scheduling on an injected wall clock: across days, DST changes, sleep and wake.

The timer is simulated: `run_timer` advances both clocks by the armed wait (as a real
single-shot timer would while awake) and calls `fired()`; a sleep moves the wall clock only.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from knee_coach.core.clock import FakeClock
from knee_coach.core.reminders import (
    MAX_WAIT_SECONDS,
    SLEEP_TOLERANCE_SECONDS,
    UTC,
    DueReminder,
    FakeWallClock,
    ReminderScheduler,
    local_zone,
    next_occurrence,
)
from knee_coach.core.settings import ReminderSlot, Settings

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")


def at(zone: ZoneInfo, *args: int, fold: int = 0) -> dt.datetime:
    return dt.datetime(*args, tzinfo=zone, fold=fold)  # type: ignore[misc]


class Rig:
    """A scheduler with fake wall and monotonic clocks, and a simulated single-shot timer."""

    def __init__(self, start: dt.datetime, reminders: tuple[ReminderSlot, ...]) -> None:
        self.wall = FakeWallClock(start)
        self.mono = FakeClock(5000.0)
        assert isinstance(start.tzinfo, dt.tzinfo)
        self.scheduler = ReminderScheduler(reminders, self.wall, self.mono)
        self.shown: list[tuple[dt.datetime, DueReminder]] = []
        self.timer_fires = 0
        self.armed: float | None = self.scheduler.seconds_to_wait()

    def run_timer(self) -> DueReminder | None:
        """Let the armed timer run out while the computer is awake."""
        assert self.armed is not None, "no timer armed"
        self.wall.advance(self.armed)
        self.mono.advance(self.armed)
        return self._fire()

    def sleep(self, seconds: float) -> None:
        """The computer sleeps: wall time passes, the monotonic clock (and timer) stand still."""
        self.wall.advance(seconds)

    def _fire(self) -> DueReminder | None:
        self.timer_fires += 1
        due = self.scheduler.fired()
        if due is not None:
            self.shown.append((self.wall.now(), due))
        self.armed = self.scheduler.seconds_to_wait()
        return due

    def run_until(self, when: dt.datetime) -> None:
        """Run the timer repeatedly (awake) until the wall clock reaches `when`."""
        while self.wall.now() < when:
            assert self.armed is not None
            left = (when - self.wall.now()).total_seconds()
            if self.armed > left:  # stop part-way through a wait, as a real timer would be
                self.wall.advance(left)
                self.mono.advance(left)
                self.armed -= left
                return
            self.run_timer()

    def shown_local(self) -> list[str]:
        return [f"{d.slot.slot}@{d.scheduled:%Y-%m-%d %H:%M %Z}" for _, d in self.shown]


DEFAULTS = Settings().reminders


def test_default_reminders_fire_each_day_at_wake_and_bed_times() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 12, 0), DEFAULTS)
    rig.run_until(at(LONDON, 2026, 6, 4, 12, 0))
    assert rig.shown_local() == [
        "bed@2026-06-01 22:00 BST",
        "wake@2026-06-02 07:30 BST",
        "bed@2026-06-02 22:00 BST",
        "wake@2026-06-03 07:30 BST",
        "bed@2026-06-03 22:00 BST",
        "wake@2026-06-04 07:30 BST",
    ]
    # shown when due, not late, and never more than one per occurrence
    for shown_at, due in rig.shown:
        assert shown_at == due.scheduled and not due.late and due.missed == 1


def test_the_timer_never_polls_faster_than_it_must() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 12, 0), DEFAULTS)
    rig.run_until(at(LONDON, 2026, 6, 2, 12, 0))
    # one day: at most one wake-up per MAX_WAIT_SECONDS, plus the two reminders themselves
    assert rig.timer_fires <= 24 * 3600 // MAX_WAIT_SECONDS + 2
    assert MAX_WAIT_SECONDS >= 10 * 60


def test_next_reminder_goes_past_midnight_and_skips_reminders_turned_off() -> None:
    only_wake = (
        ReminderSlot("wake", dt.time(7, 30), True),
        ReminderSlot("bed", dt.time(22, 0), False),
    )
    rig = Rig(at(LONDON, 2026, 6, 1, 23, 0), only_wake)
    slot, when = rig.scheduler.next_due() or (None, None)
    assert slot is not None and slot.slot == "wake"
    assert when == at(LONDON, 2026, 6, 2, 7, 30)


def test_all_reminders_off_arms_no_timer() -> None:
    off = tuple(ReminderSlot(r.slot, r.at, False) for r in DEFAULTS)
    rig = Rig(at(LONDON, 2026, 6, 1, 12, 0), off)
    assert rig.armed is None and rig.scheduler.next_due() is None


def test_a_reminder_already_past_at_start_is_not_shown() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 7, 45), DEFAULTS)  # started 15 minutes after 07:30
    rig.run_until(at(LONDON, 2026, 6, 1, 21, 59))
    assert rig.shown == []


def test_spring_forward_time_that_does_not_exist_fires_once_at_the_shifted_time() -> None:
    # New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist that day.
    reminders = (ReminderSlot("wake", dt.time(2, 30), True),)
    rig = Rig(at(NY, 2026, 3, 7, 12, 0), reminders)
    rig.run_until(at(NY, 2026, 3, 9, 12, 0))
    assert [d.scheduled.astimezone(UTC) for _, d in rig.shown] == [
        dt.datetime(2026, 3, 8, 7, 30, tzinfo=UTC),  # 02:30 EST == 03:30 EDT
        dt.datetime(2026, 3, 9, 6, 30, tzinfo=UTC),  # 02:30 EDT the next day
    ]
    assert rig.shown_local() == ["wake@2026-03-08 03:30 EDT", "wake@2026-03-09 02:30 EDT"]


def test_fall_back_time_that_happens_twice_fires_once() -> None:
    # New York, 1 November 2026: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice.
    reminders = (ReminderSlot("wake", dt.time(1, 30), True),)
    rig = Rig(at(NY, 2026, 10, 31, 12, 0), reminders)
    rig.run_until(at(NY, 2026, 11, 2, 12, 0))
    assert rig.shown_local() == ["wake@2026-11-01 01:30 EDT", "wake@2026-11-02 01:30 EST"]


def test_london_transitions_keep_the_daily_local_time() -> None:
    # Europe/London: 29 March 2026 01:00 GMT -> 02:00 BST; 25 October 2026 02:00 BST -> 01:00 GMT.
    reminders = (
        ReminderSlot("wake", dt.time(7, 30), True),
        ReminderSlot("bed", dt.time(1, 30), True),
    )
    rig = Rig(at(LONDON, 2026, 3, 28, 12, 0), reminders)
    rig.run_until(at(LONDON, 2026, 3, 30, 12, 0))
    assert rig.shown_local() == [
        "bed@2026-03-29 02:30 BST",  # 01:30 skipped: fires once, an hour on
        "wake@2026-03-29 07:30 BST",
        "bed@2026-03-30 01:30 BST",
        "wake@2026-03-30 07:30 BST",
    ]
    rig = Rig(at(LONDON, 2026, 10, 24, 12, 0), reminders)
    rig.run_until(at(LONDON, 2026, 10, 26, 12, 0))
    assert rig.shown_local() == [
        "bed@2026-10-25 01:30 BST",  # 01:30 happens twice: only the first
        "wake@2026-10-25 07:30 GMT",
        "bed@2026-10-26 01:30 GMT",
        "wake@2026-10-26 07:30 GMT",
    ]


def test_next_occurrence_compares_instants_not_wall_times() -> None:
    # 01:10 EST (the second 01:xx hour) is after 01:30 EDT, so the next 01:30 is tomorrow.
    after = at(NY, 2026, 11, 1, 1, 10, fold=1)
    assert next_occurrence(dt.time(1, 30), after, NY) == at(NY, 2026, 11, 2, 1, 30).astimezone(UTC)


def test_reminder_missed_during_sleep_is_shown_once_on_wake() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 21, 0), DEFAULTS)
    rig.run_until(at(LONDON, 2026, 6, 1, 21, 50))
    rig.sleep(11 * 3600)  # lid closed at 21:50, opened at 08:50: 22:00 and 07:30 both missed
    due = rig.run_timer()  # the timer goes off soon after waking (its wait was cut short)
    assert due is not None
    assert due.after_sleep and due.late and due.missed == 2
    assert due.slot.slot == "wake" and due.scheduled == at(LONDON, 2026, 6, 2, 7, 30)
    assert rig.wall.now() <= at(LONDON, 2026, 6, 2, 8, 50) + dt.timedelta(seconds=MAX_WAIT_SECONDS)
    rig.run_until(at(LONDON, 2026, 6, 2, 21, 0))
    assert len(rig.shown) == 1  # not once per missed occurrence, and not again later


def test_a_week_asleep_still_gives_a_single_reminder() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 12, 0), DEFAULTS)
    rig.sleep(7 * 24 * 3600)
    due = rig.run_timer()
    assert due is not None and due.missed == 14 and due.after_sleep
    assert rig.run_timer() is None


def test_a_short_sleep_with_nothing_due_shows_nothing() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 12, 0), DEFAULTS)
    rig.sleep(3600)
    assert rig.run_timer() is None
    assert rig.scheduler.slept() is False  # re-armed: the new wait starts afresh


def test_timer_firing_a_little_early_shows_nothing_and_rearms_for_the_rest() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 21, 59, 0), DEFAULTS)
    assert rig.armed == 60.0
    rig.wall.advance(59.5)
    rig.mono.advance(59.5)
    assert rig.scheduler.fired() is None
    assert rig.scheduler.seconds_to_wait() == pytest.approx(0.5)


def test_setting_the_clock_back_a_little_does_not_repeat_a_reminder() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 21, 59), DEFAULTS)
    assert rig.run_timer() is not None  # 22:00
    rig.wall.set(at(LONDON, 2026, 6, 1, 21, 30))  # clock corrected back half an hour
    rig.run_until(at(LONDON, 2026, 6, 1, 23, 0))
    assert len(rig.shown) == 1


def test_changing_the_times_does_not_show_a_time_already_past() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 12, 0), DEFAULTS)
    rig.scheduler.set_reminders((ReminderSlot("wake", dt.time(11, 0), True),))
    rig.armed = rig.scheduler.seconds_to_wait()
    rig.run_until(at(LONDON, 2026, 6, 2, 10, 59))
    assert rig.shown == []
    rig.run_until(at(LONDON, 2026, 6, 2, 11, 1))
    assert rig.shown_local() == ["wake@2026-06-02 11:00 BST"]


def test_local_zone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_zone() == NY


def test_a_reminder_shown_long_after_its_time_is_late_even_without_a_sleep_seen() -> None:
    # Where the monotonic clock counts sleep too (Windows), the timer simply fires on wake.
    rig = Rig(at(LONDON, 2026, 6, 1, 21, 50), DEFAULTS)
    rig.wall.advance(3 * 3600)
    rig.mono.advance(3 * 3600)
    due = rig.scheduler.fired()
    assert due is not None and not due.after_sleep and due.missed == 1
    assert due.delay_seconds == 2 * 3600 + 50 * 60 and due.late


def test_after_travelling_to_another_zone_reminders_follow_the_new_local_time() -> None:
    rig = Rig(at(LONDON, 2026, 6, 1, 12, 0), DEFAULTS)
    rig.run_until(at(LONDON, 2026, 6, 1, 13, 0))
    rig.wall.zone = NY  # the computer's zone is changed on arrival (13:00 BST = 08:00 EDT)
    rig.armed = rig.scheduler.seconds_to_wait()
    rig.run_until(at(NY, 2026, 6, 2, 12, 0))
    assert rig.shown_local() == ["bed@2026-06-01 22:00 EDT", "wake@2026-06-02 07:30 EDT"]


def test_system_wall_clock_is_aware_and_in_a_zone_with_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from knee_coach.core.reminders import SystemWallClock

    monkeypatch.setenv("TZ", "Europe/London")
    now = SystemWallClock().now()
    assert now.tzinfo == LONDON
    monkeypatch.setenv("TZ", "America/New_York")
    assert SystemWallClock().now().tzinfo == NY


@pytest.mark.parametrize(
    ("back", "shown_again"),
    [(dt.timedelta(hours=6), False), (dt.timedelta(hours=6, minutes=1), True)],
)
def test_setting_the_clock_back_a_lot_starts_afresh_from_the_new_time(
    back: dt.timedelta, shown_again: bool
) -> None:
    """Up to six hours back, what was shown is kept (no repeat); further back, the old mark
    means nothing and the scheduler counts from the new time, so 22:00 comes round again."""
    rig = Rig(at(LONDON, 2026, 6, 1, 21, 59), DEFAULTS)
    assert rig.run_timer() is not None  # 22:00
    rig.wall.set(at(LONDON, 2026, 6, 1, 22, 0) - back)
    assert rig.scheduler.fired() is None  # the jump itself shows nothing
    rig.armed = rig.scheduler.seconds_to_wait()
    rig.run_until(at(LONDON, 2026, 6, 1, 23, 0))
    assert rig.shown_local() == ["bed@2026-06-01 22:00 BST"] * (2 if shown_again else 1)


def test_a_sleep_is_noticed_however_long_the_computer_has_been_up() -> None:
    wall = FakeWallClock(at(LONDON, 2026, 6, 1, 21, 0))
    mono = FakeClock(2_000_000.0)  # up for three weeks
    scheduler = ReminderScheduler(DEFAULTS, wall, mono)
    scheduler.seconds_to_wait()
    wall.advance(3600)  # an hour asleep: the monotonic clock stood still
    assert scheduler.slept()
    scheduler.seconds_to_wait()
    wall.advance(600)
    mono.advance(600)
    assert not scheduler.slept()


def test_wall_time_ahead_by_no_more_than_the_tolerance_is_not_a_sleep() -> None:
    wall = FakeWallClock(at(LONDON, 2026, 6, 1, 21, 0))
    mono = FakeClock(5000.0)
    scheduler = ReminderScheduler(DEFAULTS, wall, mono)
    scheduler.seconds_to_wait()
    wall.advance(100 + SLEEP_TOLERANCE_SECONDS)
    mono.advance(100)
    assert not scheduler.slept()
    wall.advance(1)
    assert scheduler.slept()


def test_a_zone_given_to_the_clock_or_the_scheduler_wins_over_the_computer_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A user travelling keeps home times when the app is told their zone; neither the wall
    clock nor the scheduler falls back to the computer's zone then."""
    from knee_coach.core.reminders import SystemWallClock

    monkeypatch.setenv("TZ", "America/New_York")
    assert SystemWallClock(LONDON).now().tzinfo == LONDON
    wall = FakeWallClock(at(NY, 2026, 6, 1, 12, 0))  # the computer is set to New York
    scheduler = ReminderScheduler(DEFAULTS, wall, FakeClock(0.0), zone=LONDON)
    assert scheduler.zone == LONDON
    due = scheduler.next_due()
    assert due is not None
    assert due[1] == at(LONDON, 2026, 6, 1, 22, 0) and due[1].tzinfo == LONDON
