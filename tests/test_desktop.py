"""The app on the desktop: tray menu, reminders through the Qt timer, close to tray, autostart,
and the settings dialog. Clocks are fakes; the timer's timeout is emitted by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.reminders import MAX_WAIT_SECONDS, FakeWallClock
from knee_coach.core.settings import CloseAction, Settings
from knee_coach.storage.autostart import Autostart
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.close_behaviour import ask_close_action
from knee_coach.ui.desktop import Desktop
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.settings_dialog import SettingsDialog
from knee_coach.ui.texts import time_text

LONDON = ZoneInfo("Europe/London")


class Rig:
    def __init__(
        self,
        qtbot: QtBot,
        data: Path,
        *,
        use_tray: bool = True,
        settings: Settings | None = None,
        start: dt.datetime | None = None,
    ) -> None:
        if settings is not None:
            SettingsStore(data).save(settings)
        self.wall = FakeWallClock(start or dt.datetime(2026, 6, 1, 21, 59, tzinfo=LONDON))
        self.mono = FakeClock(100.0)
        self.window = MainWindow(data, clock=FakeClock(0.0), player_factory=SilentPlayer)
        qtbot.addWidget(self.window)
        # A modal question would hang a test (qtbot closes the window at the end); tests
        # that want the question replace this, one drives the real message box.
        self.window.ask_close_action = lambda parent: (CloseAction.QUIT, False)
        self.autostart = Autostart(data.parent / "config" / "autostart" / "knee-coach.desktop")
        self.desktop = Desktop(
            self.window,
            use_tray=use_tray,
            wall=self.wall,
            monotonic=self.mono,
            autostart=self.autostart,
            autostart_supported=True,
        )
        self.tray_messages: list[tuple[str, str]] = []
        if self.desktop.tray is not None:
            self.desktop.tray.show_reminder = lambda t, b: self.tray_messages.append((t, b))  # type: ignore[method-assign]

    def let_timer_run_out(self) -> None:
        """The armed single-shot timer runs out while the computer is awake."""
        timer = self.desktop.reminders.timer
        assert timer.isActive() and timer.isSingleShot()
        seconds = timer.interval() / 1000
        self.wall.advance(seconds)
        self.mono.advance(seconds)
        timer.stop()
        timer.timeout.emit()


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A modal question would hang the test: record it and answer No instead."""
    asked: list[str] = []

    def question(parent: object, title: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def quits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: calls.append(True)))
    return calls


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path, quits: list[bool]) -> Rig:
    r = Rig(qtbot, tmp_path / "data")
    r.desktop.start(minimized=False)
    qtbot.waitExposed(r.window)
    return r


# ----- tray menu ----------------------------------------------------------------------------
def test_tray_menu_has_the_actions_in_order(qtbot: QtBot, rig: Rig) -> None:
    assert rig.desktop.tray is not None
    texts = [a.text() for a in rig.desktop.tray.menu.actions() if not a.isSeparator()]
    assert texts == ["Start a session", "Hide window", "History", "Settings…", "Quit"]
    assert not rig.desktop.tray.icon.icon().isNull()
    qtbot.waitUntil(lambda: not rig.window.windowIcon().isNull())  # set after the first frame


def test_start_a_session_shows_the_check_in_page(qtbot: QtBot, rig: Rig) -> None:
    tray = rig.desktop.tray
    assert tray is not None
    rig.window.checkin_page.submitted.emit(None)  # on to the safety gate
    assert rig.window.stack.currentWidget() is rig.window.safety_page
    rig.window.hide()
    tray.start_action.trigger()
    assert rig.window.isVisible()
    assert rig.window.stack.currentWidget() is rig.window.checkin_page


def test_show_hide_window_toggles_and_renames_itself(qtbot: QtBot, rig: Rig) -> None:
    tray = rig.desktop.tray
    assert tray is not None
    assert tray.toggle_action.text() == "Hide window"
    tray.toggle_action.trigger()
    assert not rig.window.isVisible()
    assert tray.toggle_action.text() == "Show window"
    tray.toggle_action.trigger()
    assert rig.window.isVisible()
    assert tray.toggle_action.text() == "Hide window"


def test_history_from_the_tray_shows_the_window_and_opens_the_history(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    tray = rig.desktop.tray
    assert tray is not None
    opened: list[bool] = []
    monkeypatch.setattr(rig.window, "open_history", lambda: opened.append(True))
    rig.window.hide()
    tray.history_action.trigger()
    assert rig.window.isVisible() and opened == [True]


def test_settings_opens_the_dialog_over_the_window(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    tray = rig.desktop.tray
    assert tray is not None
    seen: list[SettingsDialog] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        seen.append(dialog)
        dialog.reject()

    rig.window.hide()
    QTimer.singleShot(0, close_it)
    tray.settings_action.trigger()
    assert len(seen) == 1 and rig.window.isVisible()


def test_quit_really_quits(rig: Rig, quits: list[bool]) -> None:
    tray = rig.desktop.tray
    assert tray is not None
    rig.window.hide()  # quitting from the tray works with the window hidden too
    tray.quit_action.trigger()
    assert quits and not rig.window.isVisible()


# ----- reminders ----------------------------------------------------------------------------
def test_reminder_timer_is_one_single_shot_aimed_at_the_next_reminder(rig: Rig) -> None:
    timer = rig.desktop.reminders.timer
    assert timer.isActive() and timer.isSingleShot()
    assert timer.interval() == 60_000  # 21:59 -> 22:00


def test_reminder_shows_a_tray_message_and_the_banner_and_click_opens_check_in(
    qtbot: QtBot, rig: Rig
) -> None:
    rig.window.checkin_page.submitted.emit(None)
    rig.window.hide()
    rig.let_timer_run_out()
    assert len(rig.tray_messages) == 1
    title, body = rig.tray_messages[0]
    assert title == "Time for your knee routine" and "Before bed" in body
    assert time_text(dt.time(22, 0)) in body  # the locale's form: 10:00 PM, 22:00
    assert rig.window.reminder_banner.isVisibleTo(rig.window)
    assert not rig.window.isVisible()  # with a tray, the message is enough
    # the timer is armed again, for the morning (capped to notice a sleep)
    assert rig.desktop.reminders.timer.interval() == MAX_WAIT_SECONDS * 1000
    assert rig.desktop.tray is not None
    rig.desktop.tray.reminderClicked.emit()
    assert rig.window.isVisible()
    assert rig.window.stack.currentWidget() is rig.window.checkin_page
    assert not rig.window.reminder_banner.isVisibleTo(rig.window)


def test_reminder_missed_in_sleep_is_shown_once_on_wake(rig: Rig) -> None:
    rig.let_timer_run_out()  # 22:00
    rig.wall.advance(10 * 3600)  # asleep until 08:00: the 07:30 reminder was missed
    rig.let_timer_run_out()
    assert len(rig.tray_messages) == 2
    assert "asleep" in rig.tray_messages[1][1]
    assert time_text(dt.time(7, 30)) in rig.tray_messages[1][1]
    for _ in range(10):
        rig.let_timer_run_out()
    assert len(rig.tray_messages) == 2


def test_without_a_tray_the_reminder_brings_up_the_window(
    qtbot: QtBot, tmp_path: Path, quits: list[bool]
) -> None:
    r = Rig(qtbot, tmp_path / "data", use_tray=False)
    r.desktop.start(minimized=True)  # no tray to hide in: the window shows anyway
    assert r.window.isVisible()
    r.window.showMinimized()
    r.let_timer_run_out()
    assert r.window.isVisible() and not r.window.isMinimized()
    assert r.window.reminder_banner.isVisibleTo(r.window)
    qtbot.mouseClick(r.window.reminder_banner.start, Qt.MouseButton.LeftButton)
    assert r.window.stack.currentWidget() is r.window.checkin_page
    assert not r.window.reminder_banner.isVisibleTo(r.window)


def test_turning_reminders_off_stops_the_timer_and_new_times_rearm_it(rig: Rig) -> None:
    s = rig.window.settings
    off = s.with_reminder("wake", s.reminder("wake").at, False).with_reminder(
        "bed", s.reminder("bed").at, False
    )
    rig.window.save_settings(off)
    assert not rig.desktop.reminders.timer.isActive()
    rig.window.save_settings(off.with_reminder("bed", dt.time(22, 5), True))
    timer = rig.desktop.reminders.timer
    assert timer.isActive() and timer.interval() == 6 * 60_000  # 21:59 -> 22:05


# ----- closing and starting -----------------------------------------------------------------
def test_close_keeps_running_in_the_tray_when_set(
    qtbot: QtBot, tmp_path: Path, quits: list[bool]
) -> None:
    r = Rig(qtbot, tmp_path / "data", settings=Settings(close_action=CloseAction.TRAY))
    r.desktop.start(minimized=False)
    r.window.close()
    assert not r.window.isVisible() and quits == []
    assert r.desktop.reminders.timer.isActive()


def test_when_the_app_quits_the_window_closes_instead_of_hiding(
    qtbot: QtBot, tmp_path: Path, quits: list[bool]
) -> None:
    r = Rig(qtbot, tmp_path / "data", settings=Settings(close_action=CloseAction.TRAY))
    r.desktop.start(minimized=False)
    app = QApplication.instance()
    assert app is not None
    # Qt 6: quit() posts a Quit event to the app, then closes the visible windows
    r.window.closing.eventFilter(app, QEvent(QEvent.Type.Quit))
    assert r.window.close()
    assert not r.window.isVisible()


def test_close_quits_when_set(qtbot: QtBot, tmp_path: Path, quits: list[bool]) -> None:
    r = Rig(qtbot, tmp_path / "data", settings=Settings(close_action=CloseAction.QUIT))
    r.desktop.start(minimized=False)
    r.window.close()
    assert not r.window.isVisible() and quits == [True]


def test_close_asks_and_can_remember_the_answer(rig: Rig, quits: list[bool]) -> None:
    asked: list[int] = []

    def answer(choice: CloseAction | None, remember: bool):  # type: ignore[no-untyped-def]
        def ask(parent: object) -> tuple[CloseAction | None, bool]:
            asked.append(1)
            return choice, remember

        return ask

    rig.window.ask_close_action = answer(None, False)  # Cancel: nothing happens
    rig.window.close()
    assert rig.window.isVisible() and quits == []
    rig.window.ask_close_action = answer(CloseAction.TRAY, False)
    rig.window.close()
    assert not rig.window.isVisible() and quits == []
    assert rig.window.settings.close_action is CloseAction.ASK  # not remembered
    rig.window.show()
    rig.window.ask_close_action = answer(CloseAction.QUIT, True)
    rig.window.close()
    assert quits == [True] and len(asked) == 3
    stored = SettingsStore(rig.window.data_dir).load()
    assert stored.close_action is CloseAction.QUIT


def test_the_real_close_question_offers_tray_quit_and_cancel(rig: Rig, quits: list[bool]) -> None:
    seen: list[list[str]] = []
    rig.window.ask_close_action = ask_close_action

    def click_keep() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        box.checkBox().setChecked(True)
        keep = next(b for b in box.buttons() if b.text() == "Keep in tray")
        keep.click()

    QTimer.singleShot(0, click_keep)
    rig.window.close()
    assert seen and {"Keep in tray", "Quit", "Cancel"} <= set(seen[0])
    assert not rig.window.isVisible() and quits == []
    assert rig.window.settings.close_action is CloseAction.TRAY


def test_without_a_tray_closing_quits_normally_and_never_asks(
    qtbot: QtBot, tmp_path: Path, quits: list[bool]
) -> None:
    r = Rig(qtbot, tmp_path / "data", use_tray=False)
    r.desktop.start(minimized=False)
    r.window.ask_close_action = lambda parent: pytest.fail("asked without a tray")  # type: ignore[assignment,return-value]
    assert r.window.close()
    assert not r.window.isVisible() and quits == []  # Qt quits on the last window itself


def test_start_minimised_shows_only_the_tray(
    qtbot: QtBot, tmp_path: Path, quits: list[bool]
) -> None:
    r = Rig(qtbot, tmp_path / "data", settings=Settings(start_minimized=True))
    r.desktop.start(minimized=r.window.settings.start_minimized)
    assert not r.window.isVisible()
    assert r.desktop.tray is not None and r.desktop.tray.toggle_action.text() == "Show window"
    r.desktop.activate()  # a second start of the app
    assert r.window.isVisible()


def test_start_at_login_writes_and_removes_the_autostart_entry(rig: Rig) -> None:
    entry = rig.autostart.path
    assert not entry.exists()
    rig.window.save_settings(rig.window.settings.replace(start_at_login=True))
    text = entry.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "--minimized" in text
    assert str(rig.window.data_dir) in text
    rig.window.save_settings(rig.window.settings.replace(start_at_login=False))
    assert not entry.exists()


# ----- the settings dialog ------------------------------------------------------------------
def test_dialog_round_trips_every_new_setting(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.reminder_time["wake"].setTime(QTime(6, 15))
    dialog.reminder_on["bed"].setChecked(False)
    dialog.voice.setChecked(False)
    dialog.close_action.setCurrentIndex(dialog.close_action.findData("tray"))
    dialog.start_minimized.setChecked(True)
    dialog.start_at_login.setChecked(True)
    dialog.accept()
    got = dialog.result_settings
    assert got is not None
    assert got.reminder("wake").at == dt.time(6, 15) and got.reminder("wake").enabled
    assert not got.reminder("bed").enabled and got.reminder("bed").at == dt.time(22, 0)
    assert got.voice is False and got.close_action is CloseAction.TRAY
    assert got.start_minimized and got.start_at_login
    reopened = SettingsDialog(got)
    qtbot.addWidget(reopened)
    assert reopened.reminder_time["wake"].time() == QTime(6, 15)
    assert not reopened.reminder_time["bed"].isEnabled()


def test_dialog_rejects_two_reminders_at_the_same_time_with_a_clear_message(
    qtbot: QtBot,
) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reminder_time["bed"].setTime(QTime(7, 30))
    dialog.accept()
    assert dialog.result_settings is None
    assert dialog.isVisible()  # still open, nothing saved
    assert dialog.error.isVisible()
    assert f"Both reminders are set for {time_text(dt.time(7, 30))}." in dialog.error.text()
    dialog.reminder_on["bed"].setChecked(False)  # one off: fine
    assert not dialog.error.isVisible()  # the message goes once the user changes something
    dialog.accept()
    assert dialog.result_settings is not None and not dialog.error.isVisible()


def test_dialog_reports_a_value_the_settings_refuse(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.volume.setValue(100)
    monkeypatch.setattr(dialog.volume, "value", lambda: 250)  # as if a bad value got through
    dialog.accept()
    assert dialog.result_settings is None and dialog.isVisible()
    assert "volume must be between 0 and 1" in dialog.error.text()


def test_dialog_says_when_tray_and_autostart_are_unavailable(qtbot: QtBot) -> None:
    dialog = SettingsDialog(
        Settings(start_at_login=True), tray_available=False, autostart_supported=False
    )
    qtbot.addWidget(dialog)
    assert not dialog.close_action.isEnabled() and not dialog.start_minimized.isEnabled()
    assert not dialog.start_at_login.isEnabled() and not dialog.start_at_login.isChecked()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "No system tray was found" in texts and "not available on this system" in texts
    dialog.accept()
    assert dialog.result_settings is not None and dialog.result_settings.start_at_login  # kept


def test_dialog_has_tabs_for_every_group(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    names = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert names == ["Session", "Sound", "Reminders", "General"]


def test_no_reminder_in_the_middle_of_a_session(qtbot: QtBot, rig: Rig) -> None:
    rig.window.start_session()
    assert rig.window.session_in_progress
    rig.let_timer_run_out()
    assert rig.tray_messages == [] and not rig.window.reminder_banner.isVisibleTo(rig.window)
    assert rig.desktop.reminders.timer.isActive()  # the next one still comes
    rig.window.stop()  # (closing mid-session would ask first)


def test_quit_from_the_tray_mid_session_asks_and_no_keeps_the_session(
    rig: Rig, quits: list[bool], no_modal_questions: list[str]
) -> None:
    assert rig.desktop.tray is not None
    rig.window.start_session()
    rig.desktop.tray.quit_action.trigger()
    assert no_modal_questions == ["Stop the session?"]  # answered No
    assert quits == [] and rig.window.isVisible() and rig.window.session_in_progress
    # a later close of the window is an ordinary one again (hides, with "keep in tray")
    rig.window.ask_close_action = lambda parent: (CloseAction.TRAY, False)
    rig.window.close()
    assert not rig.window.isVisible() and quits == [] and rig.window.session_in_progress
    rig.window.stop()
