"""Any settings file that cannot be used (wrong encoding, absurd nesting or numbers, a folder,
wrong types) is kept aside, the defaults are used and the window says so: the app always
starts. A second damaged file never overwrites the first kept copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from knee_coach.core.model import LegChoice
from knee_coach.core.settings import Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.main_window import MainWindow
from tests.faults import run_cli

BAD_FILES: dict[str, bytes] = {
    "latin-1": '{"legs": "left", "language": "en", "note": "café"}'.encode("latin-1"),
    "utf-16": json.dumps({"legs": "left"}).encode("utf-16"),
    "nested 200,000 deep": b"[" * 200_000 + b"]" * 200_000,
    "a number with 5,000 digits": b'{"volume": 1' + b"0" * 5000 + b"}",
    "sound as a string": b'{"sound": "false"}',
    "voice as a number": b'{"voice": 0}',
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_an_unusable_settings_file_is_kept_aside_and_the_defaults_used(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / "settings.json").write_bytes(BAD_FILES[name])
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert store.kept_as is not None and store.kept_as.read_bytes() == BAD_FILES[name]
    assert not (tmp_path / "settings.json").exists()
    assert store.problem


def test_a_settings_folder_is_kept_aside_too(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()
    (tmp_path / "settings.json" / "inside").write_text("x")
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert store.kept_as is not None and (store.kept_as / "inside").read_text() == "x"
    store.save(Settings().replace(legs=LegChoice.LEFT))  # and saving works again
    assert SettingsStore(tmp_path).load().legs is LegChoice.LEFT


def test_a_second_damaged_file_does_not_overwrite_the_first_kept_copy(tmp_path: Path) -> None:
    kept = []
    for content in (b"{first", b"{second", b"{third"):
        (tmp_path / "settings.json").write_bytes(content)
        store = SettingsStore(tmp_path)
        assert store.load() == Settings()
        assert store.kept_as is not None
        kept.append(store.kept_as)
    assert len(set(kept)) == 3
    assert [p.read_bytes() for p in kept] == [b"{first", b"{second", b"{third"]


def test_a_file_saved_with_a_utf8_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = json.dumps(Settings().replace(legs=LegChoice.LEFT).to_dict())
    (tmp_path / "settings.json").write_bytes(b"\xef\xbb\xbf" + text.encode())
    store = SettingsStore(tmp_path)
    assert store.load().legs is LegChoice.LEFT
    assert store.kept_as is None and store.problem is None


def test_the_window_opens_and_says_the_settings_were_kept_aside(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").mkdir()
    window = MainWindow(data)
    qtbot.addWidget(window)
    window.show()
    message = window.statusBar().currentMessage()
    assert "settings file could not be read" in message and "settings.json.bad" in message
    window.close()


def test_self_test_passes_with_a_latin1_settings_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_bytes(BAD_FILES["latin-1"])
    done = run_cli("--data-dir", str(data), "--self-test", timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "self-test: ok" in done.stdout
    assert (data / "settings.json.bad").read_bytes() == BAD_FILES["latin-1"]
