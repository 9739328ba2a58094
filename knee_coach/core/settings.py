"""User preferences as a validated value; storage lives in knee_coach.storage."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from knee_coach.core.model import LegChoice, Pacing
from knee_coach.core.routines import ROUTINES, ROUTINES_BY_ID

LANGUAGES = ("system", "en", "ja")


class SettingsError(ValueError):
    """A preference value is out of range or of the wrong kind."""


def _default_reps() -> dict[str, int]:
    return {r.id: r.default_reps for r in ROUTINES}


def _default_cadence() -> dict[str, float]:
    return {r.id: r.default_seconds_per_rep for r in ROUTINES}


@dataclass(frozen=True)
class Settings:
    reps: dict[str, int] = field(default_factory=_default_reps)
    seconds_per_rep: dict[str, float] = field(default_factory=_default_cadence)
    legs: LegChoice = LegChoice.BOTH
    pacing: Pacing = Pacing.AUTO
    sound: bool = True
    voice: bool = True
    volume: float = 0.8  # 0..1
    language: str = "system"

    def __post_init__(self) -> None:
        self.validate()

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
        for rid, value in self.seconds_per_rep.items():
            routine = ROUTINES_BY_ID.get(rid)
            if routine is None:
                raise SettingsError(f"unknown routine {rid!r}")
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise SettingsError(f"seconds per rep for {rid} must be a number")
            lo, hi = routine.min_seconds_per_rep, routine.max_seconds_per_rep
            if not lo <= value <= hi:
                raise SettingsError(f"seconds per rep for {rid} must be between {lo} and {hi}")
        if not isinstance(self.volume, (int, float)) or not 0.0 <= self.volume <= 1.0:
            raise SettingsError("volume must be between 0 and 1")
        if self.language not in LANGUAGES:
            raise SettingsError(f"language must be one of {', '.join(LANGUAGES)}")

    def reps_for(self, routine_id: str) -> int:
        return self.reps.get(routine_id, ROUTINES_BY_ID[routine_id].default_reps)

    def seconds_per_rep_for(self, routine_id: str) -> float:
        return float(
            self.seconds_per_rep.get(routine_id, ROUTINES_BY_ID[routine_id].default_seconds_per_rep)
        )

    def with_reps(self, routine_id: str, reps: int) -> Settings:
        return replace(self, reps={**self.reps, routine_id: reps})

    def with_cadence(self, routine_id: str, seconds: float) -> Settings:
        return replace(self, seconds_per_rep={**self.seconds_per_rep, routine_id: seconds})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["legs"] = self.legs.value
        data["pacing"] = self.pacing.value
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
            return cls(
                reps=reps,
                seconds_per_rep=cadence,
                legs=LegChoice(data.get("legs", base.legs.value)),
                pacing=Pacing(data.get("pacing", base.pacing.value)),
                sound=bool(data.get("sound", base.sound)),
                voice=bool(data.get("voice", base.voice)),
                volume=float(data.get("volume", base.volume)),
                language=str(data.get("language", base.language)),
            )
        except (TypeError, ValueError) as exc:
            if isinstance(exc, SettingsError):
                raise
            raise SettingsError(str(exc)) from exc
