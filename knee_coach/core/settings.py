"""User preferences as a validated value; storage lives in knee_coach.storage."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

from knee_coach.core import guidance
from knee_coach.core.model import LegChoice, Pacing
from knee_coach.core.routines import ROUTINES, ROUTINES_BY_ID

LANGUAGES = ("system", "en", "ja")
REMINDER_SLOTS = ("wake", "bed")  # after waking, before bed (the article's habit times)
# What the session screen shows beside the counter: the moving leg, the press points, or both.
ILLUSTRATIONS = ("both", "movement", "points")


class CloseAction(str, Enum):
    """What closing the window does while a tray icon is available."""

    ASK = "ask"
    TRAY = "tray"  # keep running in the tray, reminders stay on
    QUIT = "quit"


class SettingsError(ValueError):
    """A preference value is out of range or of the wrong kind."""


def _default_reps() -> dict[str, int]:
    return {r.id: r.default_reps for r in ROUTINES}


def _default_cadence() -> dict[str, float]:
    return {r.id: r.default_seconds_per_rep for r in ROUTINES}


# Counts and cadences that earlier versions accepted before the bounds followed the article
# (about 10 reps and more, slow movements): a stored value inside these is moved to the
# nearest value allowed now, rather than the whole settings file being set aside as damaged.
_EARLIER_BOUNDS: dict[str, tuple[tuple[int, int], tuple[float, float]]] = {
    "hamstring_glide": ((5, 30), (2.0, 10.0)),
    "popliteus_release": ((10, 30), (0.8, 4.0)),
}


def _upgrade_counts(reps: dict[str, Any], cadence: dict[str, Any]) -> None:
    """Bring stored values an earlier version allowed within today's bounds, in place."""
    for rid, ((lo_reps, hi_reps), (lo_s, hi_s)) in _EARLIER_BOUNDS.items():
        routine = ROUTINES_BY_ID[rid]
        value = reps.get(rid)
        if isinstance(value, int) and not isinstance(value, bool) and lo_reps <= value <= hi_reps:
            reps[rid] = routine.clamp_reps(value)
        value = cadence.get(rid)
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and lo_s <= value <= hi_s
        ):
            low, high = routine.min_seconds_per_rep, routine.max_seconds_per_rep
            cadence[rid] = max(low, min(high, value))


def parse_clock_time(text: object) -> _dt.time:
    """ "07:30" -> time(7, 30); anything else raises SettingsError."""
    if not isinstance(text, str):
        raise SettingsError("a reminder time must be written as HH:MM")
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise SettingsError(f"reminder time {text!r} must be written as HH:MM")
    if not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59):
        raise SettingsError(f"reminder time {text!r} is not a time of day (00:00 to 23:59)")
    return _dt.time(int(hours), int(minutes))


@dataclass(frozen=True, slots=True)
class ReminderSlot:
    """One daily reminder: which habit moment, at what local time, and whether it is on."""

    slot: str
    at: _dt.time
    enabled: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"slot": self.slot, "at": self.at.strftime("%H:%M"), "enabled": self.enabled}

    @classmethod
    def from_dict(cls, data: Any) -> ReminderSlot:
        if not isinstance(data, dict):
            raise SettingsError("each reminder must be a mapping")
        enabled = data.get("enabled", True)
        if not isinstance(enabled, bool):
            raise SettingsError("a reminder's on/off value must be true or false")
        return cls(
            slot=str(data.get("slot", "")), at=parse_clock_time(data.get("at")), enabled=enabled
        )


def _default_reminders() -> tuple[ReminderSlot, ...]:
    return (
        ReminderSlot("wake", _dt.time(7, 30), True),
        ReminderSlot("bed", _dt.time(22, 0), True),
    )


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only copy: a setting changes only through `replace`, which validates."""
    return MappingProxyType(dict(value))


@dataclass(frozen=True, slots=True)
class Settings:
    """Every preference, validated when made; change one with `replace` or a `with_…`.

    Not hashable: its per-routine values are mappings."""

    reps: Mapping[str, int] = field(default_factory=_default_reps)  # per routine id
    seconds_per_rep: Mapping[str, float] = field(default_factory=_default_cadence)
    legs: LegChoice = LegChoice.BOTH
    pacing: Pacing = Pacing.AUTO
    sound: bool = True
    voice: bool = True
    volume: float = 0.8  # 0..1
    language: str = "system"  # "system", "en" or "ja"
    reminders: tuple[ReminderSlot, ...] = field(default_factory=lambda: _default_reminders())
    close_action: CloseAction = CloseAction.ASK
    start_minimized: bool = False  # start hidden in the tray (when there is one)
    start_at_login: bool = False
    # The screen reader says each rep's number when the app's voice is off (it never talks
    # over the app's own count).
    reader_counts: bool = False
    # How much the voice tells (core/guidance.py): "auto" is full for the first sessions.
    guidance: str = guidance.AUTO
    reduced_motion: bool = False  # the moving leg shown as still key poses
    illustration: str = "both"  # one of ILLUSTRATIONS

    __hash__ = None  # type: ignore[assignment]  # mappings inside: not hashable

    def __post_init__(self) -> None:
        """Raises SettingsError when a value is out of range or of the wrong kind."""
        for name in ("reps", "seconds_per_rep"):
            value = getattr(self, name)
            if not isinstance(value, Mapping):
                raise SettingsError(f"{name} must be a mapping of routine to value")
            object.__setattr__(self, name, _frozen_mapping(value))
        self.validate()

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed; validated like a new one."""
        return dataclasses.replace(self, **changes)

    def validate(self) -> None:
        for rid, value in self.reps.items():
            routine = ROUTINES_BY_ID.get(rid)
            if routine is None:
                raise SettingsError(f"unknown routine {rid!r}")
            if isinstance(value, bool) or not isinstance(value, int):
                raise SettingsError(f"reps for {rid} must be a whole number")
            if not routine.min_reps <= value <= routine.max_reps:
                raise SettingsError(
                    f"reps for {rid} must be between {routine.min_reps} and {routine.max_reps}"
                )
        for rid, seconds in self.seconds_per_rep.items():
            routine = ROUTINES_BY_ID.get(rid)
            if routine is None:
                raise SettingsError(f"unknown routine {rid!r}")
            if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
                raise SettingsError(f"seconds per rep for {rid} must be a number")
            lo, hi = routine.min_seconds_per_rep, routine.max_seconds_per_rep
            if not lo <= seconds <= hi:
                raise SettingsError(f"seconds per rep for {rid} must be between {lo} and {hi}")
        if not isinstance(self.volume, (int, float)) or not 0.0 <= self.volume <= 1.0:
            raise SettingsError("volume must be between 0 and 1")
        if self.language not in LANGUAGES:
            raise SettingsError(f"language must be one of {', '.join(LANGUAGES)}")
        if self.guidance not in guidance.CHOICES:
            raise SettingsError(f"spoken guidance must be one of {', '.join(guidance.CHOICES)}")
        self._validate_reminders()
        if not isinstance(self.close_action, CloseAction):
            raise SettingsError("closing the window must ask, keep running in the tray, or quit")
        if self.illustration not in ILLUSTRATIONS:
            raise SettingsError(f"illustration must be one of {', '.join(ILLUSTRATIONS)}")
        flags = ("sound", "voice", "start_minimized", "start_at_login", "reader_counts")
        for name in (*flags, "reduced_motion"):
            if not isinstance(getattr(self, name), bool):
                raise SettingsError(f"{name} must be true or false")

    def _validate_reminders(self) -> None:
        if not isinstance(self.reminders, tuple):
            raise SettingsError("reminders must be a list")
        seen: set[str] = set()
        for reminder in self.reminders:
            if not isinstance(reminder, ReminderSlot):
                raise SettingsError("each reminder must be a reminder slot")
            if reminder.slot not in REMINDER_SLOTS:
                raise SettingsError(
                    f"unknown reminder {reminder.slot!r} (expected {', '.join(REMINDER_SLOTS)})"
                )
            if reminder.slot in seen:
                raise SettingsError(f"the {reminder.slot} reminder is listed twice")
            seen.add(reminder.slot)
            if not isinstance(reminder.at, _dt.time) or reminder.at.tzinfo is not None:
                raise SettingsError("a reminder time must be a local time of day")
        on = [r for r in self.reminders if r.enabled]
        times = [(r.at.hour, r.at.minute) for r in on]
        if len(set(times)) != len(times):
            raise SettingsError(
                "two reminders are set for the same time; change one or turn it off"
            )

    def reminder(self, slot: str) -> ReminderSlot:
        for reminder in self.reminders:
            if reminder.slot == slot:
                return reminder
        return next(r for r in _default_reminders() if r.slot == slot)

    def with_reminder(self, slot: str, at: _dt.time, enabled: bool) -> Settings:
        others = tuple(r for r in self.reminders if r.slot != slot)
        mine = ReminderSlot(slot, at, enabled)
        ordered = sorted((*others, mine), key=lambda r: REMINDER_SLOTS.index(r.slot))
        return self.replace(reminders=tuple(ordered))

    def reps_for(self, routine_id: str) -> int:
        return self.reps.get(routine_id, ROUTINES_BY_ID[routine_id].default_reps)

    def seconds_per_rep_for(self, routine_id: str) -> float:
        return float(
            self.seconds_per_rep.get(routine_id, ROUTINES_BY_ID[routine_id].default_seconds_per_rep)
        )

    def with_reps(self, routine_id: str, reps: int) -> Settings:
        return self.replace(reps={**self.reps, routine_id: reps})

    def with_cadence(self, routine_id: str, seconds: float) -> Settings:
        return self.replace(seconds_per_rep={**self.seconds_per_rep, routine_id: seconds})

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data["reps"] = dict(self.reps)
        data["seconds_per_rep"] = dict(self.seconds_per_rep)
        data["legs"] = self.legs.value
        data["pacing"] = self.pacing.value
        data["reminders"] = [r.to_dict() for r in self.reminders]
        data["close_action"] = self.close_action.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build from stored data; unknown keys are ignored, missing keys take defaults."""
        if not isinstance(data, dict):
            raise SettingsError("settings must be a mapping")
        base = cls()
        try:
            reps = {**base.reps, **dict(data.get("reps", {}))}
            cadence = {**base.seconds_per_rep, **dict(data.get("seconds_per_rep", {}))}
            _upgrade_counts(reps, cadence)
            reminders = base.reminders
            if "reminders" in data:  # files from before reminders existed keep the defaults
                raw = data["reminders"]
                if not isinstance(raw, list):
                    raise SettingsError("reminders must be a list")
                stored = tuple(ReminderSlot.from_dict(item) for item in raw)
                # a slot missing from the file takes its default (as shown in the dialog)
                have = {r.slot for r in stored}
                reminders = stored + tuple(r for r in base.reminders if r.slot not in have)
            return cls(
                reps=reps,
                seconds_per_rep=cadence,
                legs=LegChoice(data.get("legs", base.legs.value)),
                pacing=Pacing(data.get("pacing", base.pacing.value)),
                sound=_flag(data, "sound", base.sound),
                voice=_flag(data, "voice", base.voice),
                volume=float(data.get("volume", base.volume)),
                language=str(data.get("language", base.language)),
                reminders=reminders,
                close_action=CloseAction(data.get("close_action", base.close_action.value)),
                start_minimized=_flag(data, "start_minimized", base.start_minimized),
                start_at_login=_flag(data, "start_at_login", base.start_at_login),
                reader_counts=_flag(data, "reader_counts", base.reader_counts),
                guidance=str(data.get("guidance", base.guidance)),
                reduced_motion=_flag(data, "reduced_motion", base.reduced_motion),
                illustration=str(data.get("illustration", base.illustration)),
            )
        except (TypeError, ValueError) as exc:
            if isinstance(exc, SettingsError):
                raise
            raise SettingsError(str(exc)) from exc


def _flag(data: dict[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise SettingsError(f"{key} must be true or false")
    return value
