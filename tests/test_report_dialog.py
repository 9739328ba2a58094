"""File → Report for your clinician: the dialog saves and prints the report in the language
chosen there, and the safety check's answers are kept for it."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from benchmarks.demo_history import seed
from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import Leg
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.report_dialog import ReportDialog

JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 6, 14, 20, 30, tzinfo=JST)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler-utils")


def open_window(qtbot: QtBot, data: Path) -> MainWindow:
    window = MainWindow(
        data,
        clock=FakeClock(100.0),
        player_factory=lambda: SilentPlayer(),
        wall_clock=lambda: NOW,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def seeded(folder: Path) -> Path:
    db = Database.open(folder)
    seed(HistoryStore(db), date(2026, 4, 1), date(2026, 6, 14))
    db.close()
    return folder


def open_dialog(qtbot: QtBot, window: MainWindow) -> ReportDialog:
    assert window.menus.report in window.menus.file_menu.actions()
    assert window.menus.report.text() == "&Report for your clinician…"
    window.menus.report.trigger()
    dialog = window.findChild(ReportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def pdf_text(path: Path) -> str:
    """NFKC-normalised, as viewers search (see tests/test_report.py: radicals such as ⽉)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout)


@needs_poppler
def test_the_report_is_saved_for_the_dates_chosen_with_the_name_typed_in_japanese(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, seeded(tmp_path / "data"))
    dialog = open_dialog(qtbot, window)
    # "Since the first session" is the first choice: the dates follow the history.
    assert dialog.period() == (date(2026, 4, 1), date(2026, 6, 14))
    dialog.preset.setCurrentIndex(dialog.preset.findData("4"))
    assert dialog.period() == (date(2026, 5, 18), date(2026, 6, 14))
    assert not dialog.date_from.isEnabled()
    dialog.preset.setCurrentIndex(dialog.preset.findData("custom"))
    assert dialog.date_from.isEnabled()
    dialog.date_from.setDate(QDate(2026, 5, 1))
    dialog.date_to.setDate(QDate(2026, 5, 31))
    qtbot.keyClicks(dialog.name, "Yamada ")
    dialog.name.insert("花子")  # as an input method commits it (QTest types ASCII keys only)
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in dialog.status.text()
    text = pdf_text(out)
    assert "Yamada 花子" in text
    assert "2026年5月1日〜2026年5月31日" in text
    assert "週ごとの平均" in text
    # The window itself still speaks English.
    assert window.menus.report.text() == "&Report for your clinician…"


@needs_poppler
def test_printing_draws_the_same_report_on_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, seeded(tmp_path / "data"))
    dialog = open_dialog(qtbot, window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer)
    assert "printer" in dialog.status.text()
    text = pdf_text(printed)
    assert "Knee self-care: report for the clinician" in text and "Weekly averages" in text
    assert "Name" not in text  # none typed in


def test_a_period_ending_before_it_starts_is_refused_and_nothing_is_written(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list
) -> None:
    window = open_window(qtbot, seeded(tmp_path / "data"))
    dialog = open_dialog(qtbot, window)
    dialog.preset.setCurrentIndex(dialog.preset.findData("custom"))
    dialog.date_from.setDate(QDate(2026, 6, 1))
    dialog.date_to.setDate(QDate(2026, 5, 1))
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert warnings and "ends before it starts" in warnings[-1][1]
    assert not out.exists()


def test_the_safety_answers_are_kept_with_their_time(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    page = window.checkin_page

    def check_in() -> None:
        page.pain_rows[Leg.RIGHT].set_value(4)
        page.pain_rows[Leg.LEFT].set_value(3)
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.safety_page

    check_in()
    safety = window.safety_page
    safety.flags["swelling"].setChecked(True)
    safety.flags["heat"].setChecked(True)
    qtbot.mouseClick(safety.start_button, Qt.MouseButton.LeftButton)
    assert safety.is_blocked
    assert window.history is not None
    answers = window.history.safety_answers()
    assert [(a.at, a.flags) for a in answers] == [(NOW, ("swelling", "heat"))]
    # Another day, nothing ticked: kept too, so the report can say how many checks were clear.
    qtbot.mouseClick(safety.home_button, Qt.MouseButton.LeftButton)
    check_in()
    qtbot.mouseClick(safety.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.session_page
    assert [a.flags for a in window.history.safety_answers()] == [("swelling", "heat"), ()]
    window.stop()
