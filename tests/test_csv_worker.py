"""CSV export and import from the File menu run on a worker thread, with progress and Cancel:
the window keeps answering, and a cancelled job leaves no file and imports nothing."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from benchmarks.demo_history import demo_records
from knee_coach.audio.player import SilentPlayer
from knee_coach.storage.csv_export import export_csv
from knee_coach.storage.csv_import import import_csv
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.storage.progress import Cancelled
from knee_coach.ui.main_window import MainWindow


def seeded(data: Path, days: int = 60) -> int:
    db = Database.open(data)
    store = HistoryStore(db)
    first = date(2025, 1, 1)
    store.add_records(demo_records(first, first + timedelta(days=days - 1), seed=3))
    n = store.count()
    db.close()
    return n


def count(data: Path) -> int:
    db = Database.open(data)
    try:
        return HistoryStore(db).count()
    finally:
        db.close()


class CancelAfter:
    """A progress callback that cancels at its `calls`-th call, keeping what it was told."""

    def __init__(self, calls: int) -> None:
        self.calls = calls
        self.told: list[float] = []

    def __call__(self, fraction: float) -> None:
        self.told.append(fraction)
        if len(self.told) >= self.calls:
            raise Cancelled


def test_an_export_tells_its_progress_up_to_the_whole(tmp_path: Path) -> None:
    data = tmp_path / "data"
    n = seeded(data, days=1500)
    db = Database.open(data)
    told: list[float] = []
    assert export_csv(HistoryStore(db), tmp_path / "out.csv", progress=told.append) == n
    db.close()
    assert told[0] == 0.0 and told[-1] == 1.0 and told == sorted(told) and len(told) > 2


def test_a_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seeded(data, days=1500)
    db = Database.open(data)
    out = tmp_path / "out.csv"
    with pytest.raises(Cancelled):
        export_csv(HistoryStore(db), out, progress=CancelAfter(2))
    db.close()
    assert list(tmp_path.iterdir()) == [data]  # nothing written, no temporary file left


def test_a_cancelled_import_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "source"
    seeded(source, days=1500)
    db = Database.open(source)
    csv_file = tmp_path / "h.csv"
    export_csv(HistoryStore(db), csv_file)
    db.close()
    target = tmp_path / "target"
    seeded(target, days=3)
    before = count(target)
    db = Database.open(target)
    cancel = CancelAfter(2)  # after the first rows went in, inside the one transaction
    with pytest.raises(Cancelled):
        import_csv(HistoryStore(db), csv_file, progress=cancel)
    db.close()
    assert 0 < cancel.told[-1] < 1
    assert count(target) == before


def click_cancel(dialog: QProgressDialog) -> None:
    """The user clicks the progress dialog's Cancel button."""
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()


def window_on(qtbot: QtBot, data: Path) -> MainWindow:
    window = MainWindow(data, player_factory=SilentPlayer)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.access.open_tried)
    return window


def test_the_export_runs_beside_the_window_and_cancel_leaves_no_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[tuple[str, str]]
) -> None:
    window = window_on(qtbot, tmp_path / "data")
    seeded(tmp_path / "data", days=1500)
    out = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    said: list[str] = []
    window.csv.statusMessage.connect(said.append)
    window.menus.export_csv.trigger()
    assert window.csv.busy  # the menu returned at once: the work goes on beside the window
    workers = [t for t in threading.enumerate() if t.name == "knee-coach-work"]
    assert workers, "no worker thread"
    dialog = window.findChild(QProgressDialog, "csvProgress")
    assert dialog is not None
    click_cancel(dialog)
    qtbot.waitUntil(lambda: not window.csv.busy)
    assert not out.exists() and not list(tmp_path.glob(".out.csv-*"))
    assert said and "cancelled" in said[-1]
    assert warnings == []

    window.menus.export_csv.trigger()  # and again, to the end this time
    qtbot.waitUntil(lambda: not window.csv.busy)
    assert out.read_text(encoding="utf-8-sig").count("\n") == count(tmp_path / "data") + 1
    assert "exported" in said[-1]


def test_a_cancelled_import_from_the_menu_leaves_the_history_as_it_was(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[tuple[str, str]]
) -> None:
    source = tmp_path / "source"
    seeded(source, days=1500)
    db = Database.open(source)
    csv_file = tmp_path / "h.csv"
    export_csv(HistoryStore(db), csv_file)
    db.close()
    window = window_on(qtbot, tmp_path / "data")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv_file), ""))
    said: list[str] = []
    window.csv.statusMessage.connect(said.append)
    window.menus.import_csv.trigger()
    dialog = window.findChild(QProgressDialog, "csvProgress")
    assert dialog is not None
    click_cancel(dialog)
    qtbot.waitUntil(lambda: not window.csv.busy)
    assert said and "not changed" in said[-1]
    assert window.history is not None and window.history.count() == 0
    assert warnings == []
