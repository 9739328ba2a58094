"""Settings: validation with clear messages, and a round trip through the real file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knee_coach.core.model import LegChoice, Pacing
from knee_coach.core.settings import Settings, SettingsError
from knee_coach.storage.settings_store import SettingsStore


def test_defaults_follow_the_article() -> None:
    s = Settings()
    assert s.reps_for("hamstring_glide") == 10
    assert s.reps_for("popliteus_release") == 15
    assert s.legs is LegChoice.BOTH and s.pacing is Pacing.AUTO


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reps": {"hamstring_glide": 2}}, "between 5 and 30"),
        ({"reps": {"popliteus_release": 9}}, "between 10 and 30"),
        ({"reps": {"hamstring_glide": 10.5}}, "whole number"),
        ({"reps": {"jumping": 10}}, "unknown routine"),
        ({"seconds_per_rep": {"popliteus_release": 0.1}}, "between 0.8 and 4.0"),
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
