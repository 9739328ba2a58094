"""Settings and check-ins are immutable values, like frozen dataclasses (core.frozen)."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest

from knee_coach.core.checkin import CheckIn, CheckInError
from knee_coach.core.model import Leg, LegChoice
from knee_coach.core.settings import ReminderSlot, Settings, SettingsError


def test_values_are_equal_by_their_fields_and_hash_alike() -> None:
    a = ReminderSlot("wake", dt.time(7, 30))
    assert a == ReminderSlot("wake", dt.time(7, 30), True)
    assert a != ReminderSlot("wake", dt.time(7, 31))
    assert hash(a) == hash(ReminderSlot(slot="wake", at=dt.time(7, 30)))
    assert len({a, ReminderSlot("wake", dt.time(7, 30)), ReminderSlot("bed", dt.time(22, 0))}) == 2
    assert Settings() == Settings()
    assert Settings(volume=0.5) != Settings()
    assert CheckIn({Leg.LEFT: 3}, 2, "x") == CheckIn(pain={Leg.LEFT: 3}, tightness=2, note="x")
    # Another type with the same fields is not the same value.
    assert ReminderSlot("wake", dt.time(7, 30)) != ("wake", dt.time(7, 30), True)


def test_values_cannot_be_changed_in_place() -> None:
    s = Settings()
    with pytest.raises(AttributeError, match="immutable"):
        s.volume = 0.1  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del s.volume  # type: ignore[misc]
    with pytest.raises(AttributeError):
        s.colour = "red"  # type: ignore[attr-defined]
    assert s.volume == 0.8


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
    assert "note='long walk'" in text and "tightness=None" in text and "pain={" in text


def test_copies_and_pickles_are_equal_values() -> None:
    s = Settings(voice=False).with_reminder("bed", dt.time(23, 0), False)
    check = CheckIn({Leg.LEFT: 5}, 1, "note")
    for value in (s, check, s.reminders[0]):
        for twin in (copy.copy(value), copy.deepcopy(value), pickle.loads(pickle.dumps(value))):
            assert twin == value and type(twin) is type(value)
    deep = copy.deepcopy(s)
    assert deep.reps == s.reps and deep.reps is not s.reps


def test_a_subclass_without_fields_of_its_own_keeps_its_bases() -> None:
    class Tagged(CheckIn):
        __slots__ = ()

    value = Tagged({Leg.LEFT: 1}, None, "x")
    assert value.replace(note="y").note == "y" and type(value.replace()) is Tagged
    assert value == Tagged({Leg.LEFT: 1}, None, "x") and value != CheckIn({Leg.LEFT: 1}, None, "x")
    assert value.fields() == {"note": "x", "pain": {Leg.LEFT: 1}, "tightness": None}
