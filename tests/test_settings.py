"""Settings: validation with clear messages, and a round trip through the real file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from knee_coach.core.model import LegChoice, Pacing
from knee_coach.core.settings import CloseAction, ReminderSlot, Settings, SettingsError
from knee_coach.storage.settings_store import SettingsStore


def test_defaults_follow_the_article() -> None:
    s = Settings()
    assert s.reps_for("hamstring_glide") == 10
    assert s.reps_for("popliteus_release") == 15
    assert s.legs is LegChoice.BOTH and s.pacing is Pacing.AUTO


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reps": {"hamstring_glide": 2}}, "between 10 and 30"),
        ({"reps": {"popliteus_release": 9}}, "between 10 and 20"),
        ({"reps": {"hamstring_glide": 10.5}}, "whole number"),
        ({"reps": {"jumping": 10}}, "unknown routine"),
        ({"seconds_per_rep": {"popliteus_release": 0.1}}, "between 2.0 and 5.0"),
        ({"volume": 1.5}, "volume"),
        ({"language": "fr"}, "language"),
        ({"legs": "middle"}, "middle"),
    ],
)
def test_invalid_values_are_rejected_clearly(change: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_dict(change)


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    custom = (
        Settings(legs=LegChoice.LEFT, pacing=Pacing.MANUAL, volume=0.3, language="ja")
        .with_reps("popliteus_release", 20)
        .with_cadence("hamstring_glide", 6.0)
    )
    store.save(custom)
    assert SettingsStore(tmp_path).load() == custom
    assert json.loads((tmp_path / "settings.json").read_text())["legs"] == "left"
    assert list(tmp_path.glob(".settings-*")) == []  # no temp file left behind


def test_a_damaged_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert store.problem and "settings.json.bad" in store.problem
    assert (tmp_path / "settings.json.bad").read_text() == "{not json"


def test_saving_invalid_settings_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError):
        SettingsStore(tmp_path).save(Settings(volume=3))


def test_reminder_and_desktop_defaults() -> None:
    s = Settings()
    assert s.reminder("wake") == ReminderSlot("wake", dt.time(7, 30), True)
    assert s.reminder("bed") == ReminderSlot("bed", dt.time(22, 0), True)
    assert s.close_action is CloseAction.ASK
    assert s.start_minimized is False and s.start_at_login is False


def test_round_trip_with_reminders_and_desktop_settings(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    custom = (
        Settings(voice=False)
        .with_reminder("wake", dt.time(6, 45), True)
        .with_reminder("bed", dt.time(23, 5), False)
    ).replace(
        close_action=CloseAction.TRAY,
        start_minimized=True,
        start_at_login=True,
    )
    store.save(custom)
    stored = json.loads((tmp_path / "settings.json").read_text())
    assert stored["reminders"] == [
        {"slot": "wake", "at": "06:45", "enabled": True},
        {"slot": "bed", "at": "23:05", "enabled": False},
    ]
    assert stored["close_action"] == "tray"
    assert SettingsStore(tmp_path).load() == custom


def test_a_file_from_before_reminders_gets_the_defaults(tmp_path: Path) -> None:
    old = {"reps": {"hamstring_glide": 12}, "legs": "left", "sound": False, "volume": 0.5}
    (tmp_path / "settings.json").write_text(json.dumps(old), encoding="utf-8")
    store = SettingsStore(tmp_path)
    loaded = store.load()
    assert store.problem is None
    assert loaded.reps_for("hamstring_glide") == 12 and loaded.legs is LegChoice.LEFT
    assert loaded.reminders == Settings().reminders
    assert loaded.close_action is CloseAction.ASK and loaded.start_at_login is False


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reminders": [{"slot": "wake", "at": "7h30"}]}, "HH:MM"),
        ({"reminders": [{"slot": "wake", "at": "24:00"}]}, "time of day"),
        ({"reminders": [{"slot": "noon", "at": "12:00"}]}, "unknown reminder"),
        ({"reminders": [{"slot": "wake", "at": "07:30", "enabled": "yes"}]}, "true or false"),
        ({"reminders": "07:30"}, "must be a list"),
        (
            {"reminders": [{"slot": "wake", "at": "07:30"}, {"slot": "wake", "at": "08:00"}]},
            "listed twice",
        ),
        (
            {"reminders": [{"slot": "wake", "at": "21:00"}, {"slot": "bed", "at": "21:00"}]},
            "same time",
        ),
        ({"close_action": "minimise"}, "minimise"),
        ({"start_at_login": "sometimes"}, "start_at_login"),
    ],
)
def test_invalid_reminder_and_desktop_values_are_rejected(
    change: dict[str, object], message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_dict(change)


def test_two_reminders_may_share_a_time_when_one_is_off() -> None:
    s = Settings().with_reminder("bed", dt.time(7, 30), False)
    assert Settings.from_dict(s.to_dict()) == s


def test_a_reminder_missing_from_the_file_takes_its_default() -> None:
    s = Settings.from_dict({"reminders": [{"slot": "bed", "at": "21:15", "enabled": False}]})
    assert s.reminder("bed") == ReminderSlot("bed", dt.time(21, 15), False)
    assert s.reminder("wake") == ReminderSlot("wake", dt.time(7, 30), True)
    assert {r.slot for r in s.reminders} == {"wake", "bed"}  # both are scheduled and shown


@pytest.mark.parametrize("volume", [0, 0.0, 0.5, 1, 1.0])
def test_every_volume_the_slider_offers_is_allowed_silence_included(volume: float) -> None:
    assert Settings(volume=volume).volume == volume
    assert Settings.from_dict({"volume": volume}).volume == volume


@pytest.mark.parametrize("volume", [-0.01, 1.01, "loud", None])
def test_a_volume_outside_zero_to_one_is_refused(volume: object) -> None:
    with pytest.raises(SettingsError, match="volume"):
        Settings(volume=volume)  # type: ignore[arg-type]
