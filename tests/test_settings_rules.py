"""Settings rules pinned one by one (Qt-free, so mutation testing runs them): counts stored by
earlier versions, the defaults, every preference through the file, and the words of each
refusal a user reads (the settings dialog and the kept-aside notice quote them)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from knee_coach.core.model import LegChoice, Pacing
from knee_coach.core.routines import ROUTINES
from knee_coach.core.settings import (
    CloseAction,
    ReminderSlot,
    Settings,
    SettingsError,
    parse_clock_time,
)
from knee_coach.storage.settings_store import SettingsStore


def _load(tmp_path: Path, data: object) -> tuple[SettingsStore, Settings]:
    """The settings the app starts with from a file holding `data`, and the store's notes."""
    (tmp_path / "settings.json").write_text(json.dumps(data), encoding="utf-8")
    store = SettingsStore(tmp_path)
    return store, store.load()


@pytest.mark.parametrize(
    ("stored", "reps", "seconds"),
    [
        # The glide once allowed 5 to 30 reps and 2 to 10 s; today 10 to 30 reps, 3 to 10 s.
        ({"reps": {"hamstring_glide": 5}}, ("hamstring_glide", 10), None),
        ({"reps": {"hamstring_glide": 7}}, ("hamstring_glide", 10), None),
        ({"seconds_per_rep": {"hamstring_glide": 2.0}}, None, ("hamstring_glide", 3.0)),
        ({"seconds_per_rep": {"hamstring_glide": 2}}, None, ("hamstring_glide", 3.0)),
        # The release once allowed 10 to 30 reps and 0.8 to 4 s; today 10 to 20 reps, 2 to 5 s.
        ({"reps": {"popliteus_release": 30}}, ("popliteus_release", 20), None),
        ({"reps": {"popliteus_release": 25}}, ("popliteus_release", 20), None),
        ({"seconds_per_rep": {"popliteus_release": 0.8}}, None, ("popliteus_release", 2.0)),
        ({"seconds_per_rep": {"popliteus_release": 1.5}}, None, ("popliteus_release", 2.0)),
        # Values allowed today are kept as they are.
        ({"reps": {"popliteus_release": 12}}, ("popliteus_release", 12), None),
        ({"seconds_per_rep": {"hamstring_glide": 6.5}}, None, ("hamstring_glide", 6.5)),
    ],
)
def test_a_count_an_earlier_version_allowed_is_moved_to_the_nearest_allowed_today(
    tmp_path: Path,
    stored: dict[str, Any],
    reps: tuple[str, int] | None,
    seconds: tuple[str, float] | None,
) -> None:
    store, loaded = _load(tmp_path, stored)
    assert store.problem is None  # not set aside as damaged
    if reps is not None:
        assert loaded.reps_for(reps[0]) == reps[1]
    if seconds is not None:
        assert loaded.seconds_per_rep_for(seconds[0]) == seconds[1]


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        # Outside what any version allowed: the file is damaged, not upgraded.
        ({"reps": {"hamstring_glide": 4}}, "reps for hamstring_glide must be between 10 and 30"),
        (
            {"reps": {"popliteus_release": 31}},
            "reps for popliteus_release must be between 10 and 20",
        ),
        (
            {"seconds_per_rep": {"popliteus_release": 0.7}},
            "seconds per rep for popliteus_release must be between 2.0 and 5.0",
        ),
        # true is not a count of 1, even where 1 would be moved up.
        ({"reps": {"hamstring_glide": True}}, "reps for hamstring_glide must be a whole number"),
        (
            {"seconds_per_rep": {"hamstring_glide": True}},
            "seconds per rep for hamstring_glide must be a number",
        ),
    ],
)
def test_a_count_no_version_allowed_sets_the_file_aside_with_the_reason(
    tmp_path: Path, stored: dict[str, Any], words: str
) -> None:
    store, loaded = _load(tmp_path, stored)
    assert loaded == Settings()
    assert store.problem == (
        f"Settings file was unusable (SettingsError: {words}); kept as settings.json.bad."
    )


def test_both_reminders_are_on_by_default_after_waking_and_before_bed() -> None:
    assert Settings().reminders == (
        ReminderSlot("wake", dt.time(7, 30), enabled=True),
        ReminderSlot("bed", dt.time(22, 0), enabled=True),
    )
    assert Settings(reminders=()).reminder("bed") == ReminderSlot("bed", dt.time(22, 0), True)


def test_a_routine_without_a_stored_count_uses_the_article_s_count() -> None:
    bare = Settings(reps={}, seconds_per_rep={})
    for routine in ROUTINES:
        assert bare.reps_for(routine.id) == routine.default_reps
        assert bare.seconds_per_rep_for(routine.id) == routine.default_seconds_per_rep


def test_every_preference_differing_from_the_default_survives_the_file(tmp_path: Path) -> None:
    custom = Settings(
        legs=LegChoice.RIGHT,
        pacing=Pacing.MANUAL,
        sound=False,
        voice=False,
        volume=0.0,
        language="en",
        reminders=(
            ReminderSlot("bed", dt.time(21, 15), enabled=False),
            ReminderSlot("wake", dt.time(6, 5), enabled=True),
        ),
        close_action=CloseAction.QUIT,
        start_minimized=True,
        start_at_login=True,
        reader_counts=True,
        guidance="short",
        reduced_motion=True,
        illustration="points",
    ).with_reps("hamstring_glide", 30)
    defaults = Settings()
    for name in Settings.__dataclass_fields__:
        if name not in ("reps", "seconds_per_rep"):
            assert getattr(custom, name) != getattr(defaults, name), name
    SettingsStore(tmp_path).save(custom)
    assert SettingsStore(tmp_path).load() == custom


def test_the_slowest_and_fastest_allowed_cadences_are_accepted() -> None:
    for routine in ROUTINES:
        for seconds in (routine.min_seconds_per_rep, routine.max_seconds_per_rep):
            assert Settings().with_cadence(routine.id, seconds).seconds_per_rep_for(routine.id) == (
                seconds
            )
        for reps in (routine.min_reps, routine.max_reps):
            assert Settings().with_reps(routine.id, reps).reps_for(routine.id) == reps


def _reminder(**fields: object) -> dict[str, object]:
    return {"reminders": [{"slot": "wake", "at": "07:30", "enabled": True, **fields}]}


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        ([], "settings must be a mapping"),
        ({"reminders": "07:30"}, "reminders must be a list"),
        ({"reminders": ["wake"]}, "each reminder must be a mapping"),
        (_reminder(enabled="yes"), "a reminder's on/off value must be true or false"),
        (_reminder(at=730), "a reminder time must be written as HH:MM"),
        (_reminder(at="7.30"), "reminder time '7.30' must be written as HH:MM"),
        (_reminder(at="24:00"), "reminder time '24:00' is not a time of day (00:00 to 23:59)"),
        (_reminder(slot="noon"), "unknown reminder 'noon' (expected wake, bed)"),
        ({"reminders": [{"at": "07:30"}]}, "unknown reminder '' (expected wake, bed)"),
        (
            {"reminders": [{"slot": "wake", "at": "07:30"}, {"slot": "wake", "at": "08:00"}]},
            "the wake reminder is listed twice",
        ),
        (
            {"reminders": [{"slot": "wake", "at": "21:00"}, {"slot": "bed", "at": "21:00"}]},
            "two reminders are set for the same time; change one or turn it off",
        ),
        ({"volume": -0.1}, "volume must be between 0 and 1"),
        ({"volume": 1.01}, "volume must be between 0 and 1"),
        ({"language": "fr"}, "language must be one of system, en, ja"),
        ({"reader_counts": "no"}, "reader_counts must be true or false"),
        ({"guidance": "loud"}, "spoken guidance must be one of auto, full, short, off"),
        ({"illustration": "video"}, "illustration must be one of both, movement, points"),
    ],
)
def test_a_refused_file_names_its_fault_in_these_words(
    tmp_path: Path, stored: object, words: str
) -> None:
    with pytest.raises(SettingsError) as refused:
        Settings.from_dict(stored)  # type: ignore[arg-type]
    assert str(refused.value) == words
    store, _ = _load(tmp_path, stored)
    assert store.problem is not None and f"(SettingsError: {words})" in store.problem


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"reminders": [ReminderSlot("wake", dt.time(7, 30))]}, "reminders must be a list"),
        ({"reminders": ("wake",)}, "each reminder must be a reminder slot"),
        (
            {"reminders": (ReminderSlot("wake", dt.time(7, 30, tzinfo=dt.UTC)),)},
            "a reminder time must be a local time of day",
        ),
        (
            {"close_action": "minimise"},
            "closing the window must ask, keep running in the tray, or quit",
        ),
    ],
)
def test_a_refused_value_names_its_fault_in_these_words(
    changes: dict[str, object], words: str
) -> None:
    with pytest.raises(SettingsError) as refused:
        Settings().replace(**changes)
    assert str(refused.value) == words


def test_a_reminder_time_is_read_with_or_without_spaces_and_a_leading_zero() -> None:
    assert parse_clock_time(" 7:05 ") == dt.time(7, 5)
    assert parse_clock_time("00:00") == dt.time(0, 0)
    assert parse_clock_time("23:59") == dt.time(23, 59)
