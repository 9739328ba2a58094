"""The core's small rules, each on its own: what a check-in, a setting, a clock time and a
stored time accept, and the message each refusal gives."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest

from knee_coach.core.checkin import NOTE_MAX_CHARS, CheckIn, CheckInError, pain_change
from knee_coach.core.clock import FakeClock, now_local
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import SessionRecord, from_utc_text, offset_minutes, to_utc_text
from knee_coach.core.reminders import FakeWallClock, local_zone
from knee_coach.core.settings import (
    ReminderSlot,
    Settings,
    SettingsError,
    parse_clock_time,
)


# ----- check-ins ------------------------------------------------------------------------------
@pytest.mark.parametrize("rating", [0, 10])
def test_a_rating_may_be_either_end_of_the_scale(rating: int) -> None:
    check = CheckIn({Leg.RIGHT: rating, Leg.LEFT: rating}, rating)
    assert (check.pain_for(Leg.RIGHT), check.pain_for(Leg.LEFT), check.tightness) == (
        rating,
        rating,
        rating,
    )


@pytest.mark.parametrize(
    ("pain", "tightness", "note", "message"),
    [
        ({Leg.RIGHT: 11}, None, "", "right knee pain must be from 0 to 10, not 11"),
        ({Leg.LEFT: -1}, None, "", "left knee pain must be from 0 to 10, not -1"),
        ({Leg.LEFT: 2.5}, None, "", "left knee pain must be a whole number from 0 to 10"),
        ({Leg.LEFT: True}, None, "", "left knee pain must be a whole number from 0 to 10"),
        ({"right": 3}, None, "", "unknown leg 'right'"),
        ({}, 11, "", "tightness must be from 0 to 10, not 11"),
        ({}, "4", "", "tightness must be a whole number"),
        ({}, None, 42, "the note must be text"),
        ({}, None, "x" * (NOTE_MAX_CHARS + 1), f"longer than {NOTE_MAX_CHARS} characters"),
        ([(Leg.RIGHT, 3)], None, "", "pain must map each knee to its rating"),
    ],
)
def test_a_check_in_refuses_what_it_cannot_store_and_says_why(
    pain: object, tightness: object, note: object, message: str
) -> None:
    with pytest.raises(CheckInError) as err:
        CheckIn(pain, tightness, note)  # type: ignore[arg-type]
    assert message in str(err.value)


def test_a_note_of_the_longest_length_is_kept_whole() -> None:
    note = "膝" * NOTE_MAX_CHARS
    assert CheckIn({}, None, note).note == note


def test_pain_change_is_after_minus_before_for_the_knee_rated_both_times() -> None:
    before = CheckIn({Leg.RIGHT: 6, Leg.LEFT: 2})
    after = CheckIn({Leg.RIGHT: 4})
    assert pain_change(before, after, Leg.RIGHT) == -2
    assert pain_change(after, before, Leg.RIGHT) == 2
    assert pain_change(before, after, Leg.LEFT) is None  # not rated after
    assert pain_change(after, before, Leg.LEFT) is None  # not rated before
    assert pain_change(None, after, Leg.RIGHT) is None
    assert pain_change(before, None, Leg.RIGHT) is None
    assert pain_change(CheckIn({Leg.LEFT: 0}), CheckIn({Leg.LEFT: 0}), Leg.LEFT) == 0


# ----- settings -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [("07:30", dt.time(7, 30)), (" 0:00 ", dt.time(0, 0)), ("23:59", dt.time(23, 59))],
)
def test_clock_times_are_read_as_hours_and_minutes(text: str, expected: dt.time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "must be written as HH:MM"),
        (730, "must be written as HH:MM"),
        ("7.30", "'7.30' must be written as HH:MM"),
        ("7:3", "'7:3' must be written as HH:MM"),
        ("07:300", "must be written as HH:MM"),
        ("a7:30", "must be written as HH:MM"),
        ("07:3a", "must be written as HH:MM"),
        ("24:00", "'24:00' is not a time of day (00:00 to 23:59)"),
        ("12:60", "is not a time of day"),
    ],
)
def test_anything_but_a_time_of_day_is_refused(text: object, message: str) -> None:
    with pytest.raises(SettingsError) as err:
        parse_clock_time(text)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reps": {"hamstring_glide": 9}}, "reps for hamstring_glide must be between 10 and 30"),
        ({"reps": {"hamstring_glide": 31}}, "reps for hamstring_glide must be between 10 and 30"),
        ({"reps": {"hamstring_glide": True}}, "reps for hamstring_glide must be a whole number"),
        ({"reps": {"walking": 10}}, "unknown routine 'walking'"),
        ({"seconds_per_rep": {"walking": 3.0}}, "unknown routine 'walking'"),
        (
            {"seconds_per_rep": {"hamstring_glide": 2.9}},
            "seconds per rep for hamstring_glide must be between 3.0 and 10.0",
        ),
        (
            {"seconds_per_rep": {"hamstring_glide": 10.1}},
            "seconds per rep for hamstring_glide must be between 3.0 and 10.0",
        ),
        (
            {"seconds_per_rep": {"hamstring_glide": "4"}},
            "seconds per rep for hamstring_glide must be a number",
        ),
        ({"seconds_per_rep": {"hamstring_glide": False}}, "must be a number"),
        ({"language": "de"}, "language must be one of system, en, ja"),
        ({"close_action": "ask"}, "closing the window must ask"),
        ({"sound": 1}, "sound must be true or false"),
        ({"voice": None}, "voice must be true or false"),
        ({"reps": [10]}, "reps must be a mapping of routine to value"),
        ({"seconds_per_rep": 4.0}, "seconds_per_rep must be a mapping of routine to value"),
        ({"reminders": [ReminderSlot("wake", dt.time(7))]}, "reminders must be a list"),
        ({"reminders": ("wake",)}, "each reminder must be a reminder slot"),
        ({"reminders": (ReminderSlot("nap", dt.time(14)),)}, "unknown reminder 'nap'"),
        (
            {"reminders": (ReminderSlot("bed", dt.time(22)), ReminderSlot("bed", dt.time(23)))},
            "the bed reminder is listed twice",
        ),
        (
            {"reminders": (ReminderSlot("wake", dt.time(7, 0, tzinfo=dt.timezone.utc)),)},
            "a reminder time must be a local time of day",
        ),
        (
            {"reminders": (ReminderSlot("wake", "07:00"),)},  # type: ignore[arg-type]
            "a reminder time must be a local time of day",
        ),
        (
            {"reminders": (ReminderSlot("wake", dt.time(7, 0)), ReminderSlot("bed", dt.time(7)))},
            "two reminders are set for the same time",
        ),
    ],
)
def test_each_setting_refuses_a_bad_value_by_name(change: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError) as err:
        Settings(**change)  # type: ignore[arg-type]
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "settings must be a mapping"),
        ({"reminders": {"slot": "wake"}}, "reminders must be a list"),
        ({"reminders": ["wake"]}, "each reminder must be a mapping"),
        ({"reminders": [{"slot": "wake", "at": "07:00", "enabled": 1}]}, "on/off value"),
        ({"reminders": [{"slot": "wake"}]}, "must be written as HH:MM"),
        ({"reps": {"hamstring_glide": "ten"}}, "reps for hamstring_glide must be a whole number"),
        ({"reps": "many"}, "dictionary update sequence"),
        ({"pacing": "fast"}, "'fast' is not a valid Pacing"),
        ({"close_action": "hide"}, "'hide' is not a valid CloseAction"),
        ({"volume": "loud"}, "could not convert string to float"),
    ],
)
def test_a_stored_file_s_bad_values_are_refused_with_a_settings_error(
    data: object, message: str
) -> None:
    with pytest.raises(SettingsError) as err:
        Settings.from_dict(data)  # type: ignore[arg-type]
    assert message in str(err.value)


def test_stored_settings_keep_every_value_and_ignore_unknown_keys() -> None:
    custom = Settings(
        reps={"hamstring_glide": 12, "popliteus_release": 20},
        seconds_per_rep={"hamstring_glide": 5.0, "popliteus_release": 2.5},
        sound=False,
        voice=False,
        volume=0.0,
        language="ja",
        start_minimized=True,
        start_at_login=True,
    )
    data = custom.to_dict()
    assert data["reps"] == {"hamstring_glide": 12, "popliteus_release": 20}
    assert data["reminders"] == [
        {"slot": "wake", "at": "07:30", "enabled": True},
        {"slot": "bed", "at": "22:00", "enabled": True},
    ]
    assert (data["legs"], data["pacing"], data["close_action"]) == ("both", "auto", "ask")
    assert Settings.from_dict({**data, "colour": "red"}) == custom
    assert Settings.from_dict({}) == Settings()


def test_a_routine_left_out_of_the_settings_takes_its_default() -> None:
    s = Settings.from_dict({"reps": {"hamstring_glide": 12}})
    assert s.reps_for("hamstring_glide") == 12
    assert s.reps_for("popliteus_release") == 15
    assert s.seconds_per_rep_for("popliteus_release") == 2.5
    assert isinstance(s.seconds_per_rep_for("hamstring_glide"), float)


def test_reminder_slots_come_back_in_their_order_and_unset_ones_as_defaults() -> None:
    s = Settings(reminders=()).with_reminder("bed", dt.time(21, 0), True)
    assert [r.slot for r in s.reminders] == ["bed"]
    s = s.with_reminder("wake", dt.time(6, 0), False)
    assert [r.slot for r in s.reminders] == ["wake", "bed"]  # the slots' own order
    assert s.reminder("wake") == ReminderSlot("wake", dt.time(6, 0), False)
    assert Settings(reminders=()).reminder("bed") == ReminderSlot("bed", dt.time(22, 0), True)


# ----- clocks and stored times ----------------------------------------------------------------
def test_a_fake_monotonic_clock_moves_only_forward() -> None:
    clock = FakeClock()
    assert clock.now() == 1000.0
    assert clock.advance(0.0) == 1000.0
    assert clock.advance(2.5) == 1002.5
    clock.set(1002.5)
    clock.set(1003.0)
    assert clock.now() == 1003.0
    with pytest.raises(ValueError, match="cannot go back"):
        clock.advance(-0.001)
    with pytest.raises(ValueError, match="cannot go back"):
        clock.set(1002.999)
    assert clock.now() == 1003.0


def test_the_fake_wall_clock_needs_a_zone_and_keeps_it() -> None:
    with pytest.raises(ValueError, match="aware"):
        FakeWallClock(dt.datetime(2026, 1, 1))
    tokyo = ZoneInfo("Asia/Tokyo")
    wall = FakeWallClock(dt.datetime(2026, 1, 1, 9, 0, tzinfo=tokyo))
    assert wall.now() == dt.datetime(2026, 1, 1, 0, 0, tzinfo=dt.timezone.utc)
    assert wall.now().tzinfo is tokyo
    wall.set(dt.datetime(2026, 1, 2, 0, 0, tzinfo=dt.timezone.utc))
    assert wall.now().hour == 9 and wall.now().tzinfo is tokyo


def test_the_wall_clock_time_stored_is_local_aware_and_to_the_second() -> None:
    moment = now_local()
    assert moment.tzinfo is not None and moment.utcoffset() is not None
    assert moment.microsecond == 0


def test_stored_times_are_utc_text_with_the_offset_kept_apart() -> None:
    moment = dt.datetime(2026, 5, 1, 7, 30, 15, 999, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert to_utc_text(moment) == "2026-04-30T22:30:15Z"
    assert offset_minutes(moment) == 540
    west = moment.astimezone(dt.timezone(-dt.timedelta(hours=4, minutes=30)))
    assert offset_minutes(west) == -270
    back = from_utc_text("2026-04-30T22:30:15Z", -270)
    assert back.isoformat() == "2026-04-30T18:00:15-04:30"
    assert from_utc_text("2026-04-30T22:30:15+00:00", 60).isoformat() == (
        "2026-04-30T23:30:15+01:00"
    )
    assert to_utc_text(dt.datetime(999, 1, 1, tzinfo=dt.timezone.utc)) == "0999-01-01T00:00:00Z"
    for naive in (to_utc_text, offset_minutes):
        with pytest.raises(ValueError, match="needs its UTC offset"):
            naive(dt.datetime(2026, 5, 1, 7, 30))


def test_the_local_zone_follows_tz_with_or_without_its_colon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", ":Asia/Tokyo")
    assert local_zone() == ZoneInfo("Asia/Tokyo")
    monkeypatch.delenv("TZ")
    system = local_zone()
    monkeypatch.setenv("TZ", "No/Such_Zone")
    assert local_zone() == system  # an unknown TZ falls back to the computer's zone
    monkeypatch.setenv("TZ", "")
    assert local_zone() == system


@pytest.fixture
def computer_in_tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local zone set to Asia/Tokyo (UTC+9), then back."""
    with monkeypatch.context() as patched:
        patched.setenv("TZ", "Asia/Tokyo")
        time.tzset()
        yield
    time.tzset()


def test_a_stored_time_is_utc_whatever_zone_the_computer_is_in(computer_in_tokyo: None) -> None:
    new_york = dt.datetime(2026, 5, 1, 7, 30, tzinfo=ZoneInfo("America/New_York"))
    assert to_utc_text(new_york) == "2026-05-01T11:30:00Z"


def test_an_offset_with_seconds_is_stored_as_whole_minutes_rounded_down() -> None:
    """New York's local mean time, before 1883, was 4 h 56 min 2 s behind UTC."""
    lmt = dt.datetime(1880, 1, 1, 12, 0, tzinfo=ZoneInfo("America/New_York"))
    assert lmt.utcoffset() == -dt.timedelta(hours=4, minutes=56, seconds=2)
    assert offset_minutes(lmt) == -297
    odd = dt.datetime(2026, 5, 1, tzinfo=dt.timezone(dt.timedelta(minutes=19, seconds=32)))
    assert offset_minutes(odd) == 19


def test_a_record_without_a_check_in_has_no_pain_before_or_after() -> None:
    record = SessionRecord(
        id=None,
        started=dt.datetime(2026, 5, 1, 7, 30, tzinfo=dt.UTC),
        ended=None,
        end_reason=EndReason.USER,
        legs=LegChoice.BOTH,
        before=None,
        after=None,
    )
    assert [record.pain_before(leg) for leg in Leg] == [None, None]
    assert [record.pain_after(leg) for leg in Leg] == [None, None]
