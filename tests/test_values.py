"""Settings and check-ins are immutable values: frozen dataclasses whose mappings are read-only."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest

from knee_coach.core.checkin import CheckIn, CheckInError
from knee_coach.core.model import Leg, LegChoice
from knee_coach.core.settings import ReminderSlot, Settings, SettingsError


def test_values_are_equal_by_their_fields() -> None:
    a = ReminderSlot("wake", dt.time(7, 30))
    assert a == ReminderSlot("wake", dt.time(7, 30), True)
    assert a != ReminderSlot("wake", dt.time(7, 31))
    assert hash(a) == hash(ReminderSlot(slot="wake", at=dt.time(7, 30)))
    assert Settings() == Settings()
    assert Settings(volume=0.5) != Settings()
    assert CheckIn({Leg.LEFT: 3}, 2, "x") == CheckIn(pain={Leg.LEFT: 3}, tightness=2, note="x")
    # Another type with the same fields is not the same value.
    assert ReminderSlot("wake", dt.time(7, 30)) != ("wake", dt.time(7, 30), True)


def test_values_holding_mappings_say_plainly_that_they_do_not_hash() -> None:
    for value in (Settings(), CheckIn({Leg.LEFT: 3})):
        with pytest.raises(TypeError, match="unhashable"):
            hash(value)


def test_values_cannot_be_changed_in_place() -> None:
    s = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.volume = 0.1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del s.volume  # type: ignore[misc]
    with pytest.raises((AttributeError, TypeError)):
        s.colour = "red"  # type: ignore[attr-defined]
    assert s.volume == 0.8


def test_validation_cannot_be_bypassed_through_a_mapping_inside() -> None:
    s = Settings()
    with pytest.raises(TypeError):
        s.reps["hamstring_glide"] = 999  # type: ignore[index]
    with pytest.raises(TypeError):
        s.seconds_per_rep["hamstring_glide"] = 0.0  # type: ignore[index]
    check = CheckIn({Leg.LEFT: 3})
    with pytest.raises(TypeError):
        check.pain[Leg.LEFT] = 99  # type: ignore[index]
    # A caller's dict changed later does not change the value made from it.
    reps = {"hamstring_glide": 12}
    made = Settings(reps=reps)
    reps["hamstring_glide"] = 999
    assert made.reps["hamstring_glide"] == 12
    with pytest.raises(SettingsError):
        s.with_reps("hamstring_glide", 999)


def test_replace_makes_a_validated_copy() -> None:
    s = Settings()
    louder = s.replace(volume=1.0, legs=LegChoice.LEFT)
    assert (louder.volume, louder.legs) == (1.0, LegChoice.LEFT)
    assert (s.volume, s.legs) == (0.8, LegChoice.BOTH)
    assert louder.reminders == s.reminders
    with pytest.raises(SettingsError, match="volume"):
        s.replace(volume=2.0)
    with pytest.raises(TypeError, match="colour"):
        s.replace(colour="red")
    with pytest.raises(CheckInError):
        CheckIn({Leg.LEFT: 3}).replace(tightness=11)


def test_repr_names_every_field() -> None:
    text = repr(CheckIn({Leg.RIGHT: 4}, None, "long walk"))
    assert text.startswith("CheckIn(")
    assert "note='long walk'" in text and "tightness=None" in text and "pain=" in text


def test_copies_are_equal_values() -> None:
    s = Settings(voice=False).with_reminder("bed", dt.time(23, 0), False)
    check = CheckIn({Leg.LEFT: 5}, 1, "note")
    for value in (s, check, s.reminders[0]):
        twin = copy.copy(value)
        assert twin == value and type(twin) is type(value)
