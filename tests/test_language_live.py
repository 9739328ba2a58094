"""The windows added after the translation system: the history view, the settings dialog,
the tray menu and the reminder banner speak Japanese, fit, and follow a live switch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from benchmarks.demo_history import demo_records
from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.reminders import DueReminder
from knee_coach.core.settings import ReminderSlot, Settings
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.ui import i18n
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.reminders import ReminderBanner, reminder_texts
from knee_coach.ui.settings_dialog import SettingsDialog
from knee_coach.ui.texts import date_text, datetime_text
from knee_coach.ui.tray import TrayIcon
from tests.driving import history_shown
from tests.test_language import JAPANESE, clipped, english_left
from tests.test_window_history import NOW, Wall


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)


def seeded(tmp_path: Path, worse: bool = False) -> Path:
    data = tmp_path / "data"
    db = Database.open(data)
    if worse:  # the nudge to see a clinic shows too
        records = demo_records(
            dt.date(2026, 5, 25), dt.date(2026, 6, 14), per_day=(2,), start_pain=3, end_pain=7
        )
    else:
        records = demo_records(dt.date(2026, 4, 13), dt.date(2026, 6, 14), seed=11)
    HistoryStore(db).add_records(records)
    db.close()
    return data


def history_texts(view: object) -> list[str]:
    """What the chart draws itself (not widgets): the axis titles and the target label."""
    return [
        view.pain_plot.getAxis("left").labelText,  # type: ignore[attr-defined]
        view.day_plot.getAxis("left").labelText,  # type: ignore[attr-defined]
        view.target_label.textItem.toPlainText(),  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("worse", [False, True])
def test_history_view_in_japanese_has_no_english_and_nothing_clipped(
    qtbot: QtBot, tmp_path: Path, worse: bool
) -> None:
    clock = FakeClock(100.0)
    window = MainWindow(
        seeded(tmp_path, worse),
        clock=clock,
        player_factory=lambda: SilentPlayer(),
        wall_clock=Wall(clock),
        language="ja",
    )
    qtbot.addWidget(window)
    window.show()
    window.open_history()
    view = history_shown(qtbot, window)  # pyqtgraph loads and the history is read off-thread
    qtbot.waitExposed(view)
    assert view.nudge_label.isVisibleTo(view) is worse
    problems: list[str] = []
    for rng in ("week", "month", "all"):
        view.set_range(rng)
        qtbot.wait(50)  # the review's cells are rebuilt: let the layout settle
        problems += [f"{rng}: English left: {t!r}" for t in english_left(view)]
        problems += [f"{rng}: {c}" for c in clipped(view)]
        problems += [
            f"{rng}: chart text {t!r}" for t in history_texts(view) if not JAPANESE.search(t)
        ]
    assert JAPANESE.search(view.windowTitle())
    assert problems == [], "\n".join(problems)


def test_history_view_follows_a_live_language_switch(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(100.0)
    window = MainWindow(
        seeded(tmp_path), clock=clock, player_factory=lambda: SilentPlayer(), wall_clock=Wall(clock)
    )
    qtbot.addWidget(window)
    window.show()
    window.open_history()
    view = history_shown(qtbot, window)  # pyqtgraph loads and the history is read off-thread
    view.set_range("week")
    assert view.review_heading.text() == "This week and last week"
    assert "Pain" in history_texts(view)[0]
    english_hover = view.describe(view.series.x[-1])

    window.set_language("ja")
    qtbot.waitUntil(lambda: view.review_heading.text() == "今週と先週", timeout=2000)
    assert view.windowTitle() == "記録と週のふり返り"
    assert view.range_buttons[view.range.WEEK].text() == "1週間"
    assert view.range.value == "week" and view.range_buttons[view.range.WEEK].isChecked()
    assert history_texts(view) == ["痛み（0〜10）", "1日の回数", "目標：1日1〜2回"]
    assert "セッション前" in view.legend.text()
    assert "日続けて" in view.streak_label.text()
    grid = [view.review_grid.itemAt(i).widget() for i in range(view.review_grid.count())]
    assert "今週" in [w.text() for w in grid if w is not None]
    assert english_left(view) == []
    # Dates under the chart and in the hover line are written the Japanese way.
    ticks = view._day_ticks(*view.x_range())
    assert ticks is not None and any(JAPANESE.search(label) for _, label in ticks[0])
    hover = view.describe(view.series.x[-1])
    assert hover != english_hover and "右ひざ" in hover
    assert date_text(NOW.date()) in hover or date_text(NOW.date() - dt.timedelta(1)) in hover
    assert "/" in date_text(NOW.date()) and date_text(NOW.date()).startswith("2026")

    window.set_language("en")
    qtbot.waitUntil(lambda: view.review_heading.text() == "This week and last week", timeout=2000)
    assert view.range_buttons[view.range.WEEK].text() == "Week"
    assert "in a row" in view.streak_label.text()


def _settings_texts(dialog: SettingsDialog) -> list[str]:
    texts = [dialog.windowTitle()]
    texts += [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    texts += [box.title() for box in dialog.findChildren(QGroupBox)]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
    for combo in dialog.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) != "en"]
    return texts


@pytest.mark.parametrize("desktop", ["tray and autostart", "neither"])
def test_settings_dialog_every_tab_in_japanese_and_nothing_clipped(
    qtbot: QtBot, tmp_path: Path, desktop: str
) -> None:
    i18n.apply_language("ja", tmp_path / "cache")
    available = desktop == "tray and autostart"
    dialog = SettingsDialog(Settings(), tray_available=available, autostart_supported=available)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The reminder clash message is part of the dialog too.
    dialog.reminder_time["bed"].setTime(QTime(7, 30))
    dialog.accept()
    assert dialog.error.isVisible() and JAPANESE.search(dialog.error.text())
    texts = _settings_texts(dialog)
    untranslated = [
        t
        for t in texts
        if not JAPANESE.search(t) and t.replace("&", "") != "OK" and any(c.isalpha() for c in t)
    ]
    assert untranslated == []
    problems: list[str] = []
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        problems += [f"{dialog.tabs.tabText(i)}: {c}" for c in clipped(dialog)]
    assert problems == [], "\n".join(problems)


def test_tray_menu_follows_a_live_language_switch(qtbot: QtBot, tmp_path: Path) -> None:
    tray = TrayIcon(QIcon())
    tray.set_window_shown(False)
    assert [a.text() for a in tray.menu.actions() if a.text()] == [
        "Start a session",
        "Show window",
        "History",
        "Settings…",
        "Quit",
    ]
    i18n.apply_language("ja", tmp_path / "cache")
    qtbot.waitUntil(lambda: tray.start_action.text() == "セッションを始める", timeout=2000)
    assert [a.text() for a in tray.menu.actions() if a.text()] == [
        "セッションを始める",
        "ウィンドウを表示",
        "記録",
        "設定…",
        "終了",
    ]
    tray.set_window_shown(True)
    assert tray.toggle_action.text() == "ウィンドウを隠す"
    tray.menu.deleteLater()


def test_reminder_banner_follows_a_live_language_switch(qtbot: QtBot, tmp_path: Path) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    due = DueReminder(
        slot=ReminderSlot("bed", dt.time(22, 0), True),
        scheduled=dt.datetime(2026, 6, 1, 22, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))),
        missed=1,
        after_sleep=False,
    )
    banner.show_reminder(*reminder_texts(due), due)
    assert banner.title.text() == "Time for your knee routine"
    assert "Before bed" in banner.body.text()
    i18n.apply_language("ja", tmp_path / "cache")
    qtbot.waitUntil(lambda: banner.title.text() == "ひざのセルフケアの時間です", timeout=2000)
    assert banner.body.text().startswith("就寝前（22:00）")
    assert banner.start.text() == "セッションを始める" and banner.dismiss.text() == "閉じる"


def test_interrupted_session_note_is_locale_formatted_and_follows_a_switch(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = seeded(tmp_path)
    db = Database.open(data)
    last_id, sets = db.conn.execute(
        "SELECT s.id, count(t.session_id) FROM sessions s JOIN sets t ON t.session_id = s.id"
        " GROUP BY s.id ORDER BY s.started_utc DESC LIMIT 1"
    ).fetchone()
    with db.transaction() as conn:  # as if the app had been killed mid-session
        conn.execute("UPDATE sessions SET end_reason = NULL WHERE id = ?", (last_id,))
    started = HistoryStore(db).session(last_id).started  # type: ignore[union-attr]
    db.close()

    window = MainWindow(data, clock=FakeClock(0.0), player_factory=None, language="ja")
    qtbot.addWidget(window)
    window.show()  # the history opens right after the first frame
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=5000)
    note = window.statusBar().currentMessage()
    assert note == f"{datetime_text(started)}のセッションは途中で終わりました。" + (
        f"終えた{sets}セットは記録に残っています。"
    )
    assert datetime_text(started).startswith("2026/")  # the Japanese short form
    window.set_language("en")
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("The session of "), timeout=2000
    )
    assert datetime_text(started) in window.statusBar().currentMessage()
    assert f"the {sets} sets done were kept" in window.statusBar().currentMessage()
