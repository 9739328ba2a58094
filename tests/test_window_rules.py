"""The window's secondary rules as a user meets them: the check-in form, the legs chosen on it,
the safety gate's flags one by one, a history that fails mid-session, the tray's reminder."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core.checkin import CheckIn
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import Leg, LegChoice
from knee_coach.core.reminders import FakeWallClock
from knee_coach.core.safety import RED_FLAGS
from knee_coach.core.session import State
from knee_coach.core.settings import CloseAction
from knee_coach.storage.autostart import Autostart
from knee_coach.storage.db import FILE_NAME, Database
from knee_coach.storage.history import HistoryStore
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.desktop import Desktop
from knee_coach.ui.main_window import MainWindow
from tests.driving import run_until
from tests.test_window import READ_SECONDS, answers, make_window, through_safety_gate

LEFT_CLICK = Qt.MouseButton.LeftButton
__all__ = ["answers"]  # closing mid-session asks; the fixture answers for the user


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100.0)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> MainWindow:
    return make_window(qtbot, tmp_path / "data", clock, SilentPlayer(), None)


def rate(qtbot: QtBot, window: MainWindow, leg: Leg, digit: str) -> None:
    window.flow.clock.advance(READ_SECONDS)  # type: ignore[attr-defined]  # the user reads first
    row = window.checkin_page.pain_rows[leg]
    row.setFocus(Qt.FocusReason.TabFocusReason)  # as the Tab key gives it
    qtbot.keyClicks(row, digit)


# ----- the check-in form ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("choice", "needed"),
    [
        (LegChoice.BOTH, (Leg.RIGHT, Leg.LEFT)),
        (LegChoice.RIGHT, (Leg.RIGHT,)),
        (LegChoice.LEFT, (Leg.LEFT,)),
    ],
)
def test_continue_is_enabled_only_when_every_practised_knee_is_rated(
    qtbot: QtBot, window: MainWindow, choice: LegChoice, needed: tuple[Leg, ...]
) -> None:
    page = window.checkin_page
    qtbot.mouseClick(page.leg_buttons[choice], LEFT_CLICK)
    assert [leg for leg in Leg if page.pain_rows[leg].isVisibleTo(page)] == list(needed)
    assert not page.continue_button.isEnabled()
    page.tightness_row.set_value(4)  # tightness is optional and enables nothing
    assert not page.continue_button.isEnabled()
    for i, leg in enumerate(needed):
        rate(qtbot, window, leg, "3")
        assert page.continue_button.isEnabled() is (i == len(needed) - 1)
    # Enter on the form submits only when it is complete.
    page.pain_rows[needed[0]].set_value(None)
    assert not page.continue_button.isEnabled()
    qtbot.mouseClick(page.continue_button, LEFT_CLICK)
    assert window.stack.currentWidget() is page


def test_rating_only_the_knee_not_practised_does_not_enable_continue(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.checkin_page
    rate(qtbot, window, Leg.RIGHT, "5")
    qtbot.mouseClick(page.leg_buttons[LegChoice.LEFT], LEFT_CLICK)
    assert not page.continue_button.isEnabled()  # the right knee's 5 does not count now
    rate(qtbot, window, Leg.LEFT, "2")
    assert page.continue_button.isEnabled()
    qtbot.mouseClick(page.leg_buttons[LegChoice.BOTH], LEFT_CLICK)
    assert page.continue_button.isEnabled()  # both rated
    assert page.check_in() == CheckIn({Leg.RIGHT: 5, Leg.LEFT: 2})
    qtbot.mouseClick(page.leg_buttons[LegChoice.LEFT], LEFT_CLICK)
    assert page.check_in() == CheckIn({Leg.LEFT: 2})  # only what is practised is kept


def test_arrow_keys_stop_at_zero_and_at_ten(qtbot: QtBot, window: MainWindow) -> None:
    window.flow.clock.advance(READ_SECONDS)  # type: ignore[attr-defined]  # the user reads first
    row = window.checkin_page.pain_rows[Leg.RIGHT]
    window.checkin_page.note.setFocus()
    row.setFocus(Qt.FocusReason.TabFocusReason)  # as the Tab key gives it
    assert row.value() is None
    qtbot.keyClick(row, Qt.Key.Key_Left)
    assert row.value() == 0  # the first arrow press picks the bottom of the scale
    qtbot.keyClick(row, Qt.Key.Key_Left)
    assert row.value() == 0
    qtbot.keyClick(row, Qt.Key.Key_Right)
    assert row.value() == 1
    for _ in range(12):
        qtbot.keyClick(row, Qt.Key.Key_Right)
    assert row.value() == 10
    qtbot.keyClick(row, Qt.Key.Key_Left)
    assert row.value() == 9
    other = window.checkin_page.pain_rows[Leg.LEFT]
    other.setFocus(Qt.FocusReason.TabFocusReason)  # as the Tab key gives it
    qtbot.keyClick(other, Qt.Key.Key_Right)
    assert other.value() == 0


def test_tightness_and_note_are_stored_exactly_as_entered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = window.checkin_page
    rate(qtbot, window, Leg.RIGHT, "7")
    rate(qtbot, window, Leg.LEFT, "4")
    row = page.tightness_row
    row.setFocus(Qt.FocusReason.TabFocusReason)  # as the Tab key gives it
    qtbot.keyClicks(row, "6")
    typed = '=1+1 "stairs"; 10% worse, '
    page.note.setFocus()
    qtbot.keyClicks(page.note, typed)
    page.note.insert("膝の裏")  # what an input method commits (QTest types only Latin-1)
    note = typed + "膝の裏"
    through_safety_gate(qtbot, window)
    window.stop()
    db = Database.open(tmp_path / "data")
    stored = HistoryStore(db).records()
    db.close()
    assert [r.before for r in stored] == [CheckIn({Leg.RIGHT: 7, Leg.LEFT: 4}, 6, note)]


# ----- the legs chosen on the check-in --------------------------------------------------------
def test_the_legs_chosen_on_the_check_in_are_practised_and_remembered(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "data"
    window = make_window(qtbot, data, clock, SilentPlayer(), None)
    page = window.checkin_page
    assert page.leg_buttons[LegChoice.BOTH].isChecked()
    qtbot.mouseClick(page.leg_buttons[LegChoice.LEFT], LEFT_CLICK)
    assert SettingsStore(data).load().legs is LegChoice.LEFT  # saved at once
    rate(qtbot, window, Leg.LEFT, "4")
    through_safety_gate(qtbot, window)
    assert window.session is not None
    assert {s.leg for s in window.session.plan.sets} == {Leg.LEFT}
    assert window.session_page.set_title.text().startswith("Left leg")
    window.stop()
    window.close()

    again = make_window(qtbot, data, clock, SilentPlayer(), None)
    page = again.checkin_page
    assert page.leg_buttons[LegChoice.LEFT].isChecked()
    assert not page.pain_rows[Leg.RIGHT].isVisibleTo(page)
    assert page.pain_rows[Leg.LEFT].isVisibleTo(page)


# ----- the safety gate --------------------------------------------------------------------------
@pytest.mark.parametrize("flag", [f.id for f in RED_FLAGS])
def test_each_red_flag_ticked_alone_blocks_the_session(
    qtbot: QtBot, window: MainWindow, flag: str, tmp_path: Path
) -> None:
    rate(qtbot, window, Leg.RIGHT, "2")
    rate(qtbot, window, Leg.LEFT, "2")
    qtbot.mouseClick(window.checkin_page.continue_button, LEFT_CLICK)
    gate = window.safety_page
    box = gate.flags[flag]
    qtbot.mouseClick(box, LEFT_CLICK, pos=QPoint(8, box.height() // 2))  # on the tick box
    assert [f for f, box in gate.flags.items() if box.isChecked()] == [flag]
    with qtbot.waitSignal(gate.blocked) as blocked:
        qtbot.mouseClick(gate.start_button, LEFT_CLICK)
    assert blocked.args is not None and blocked.args[0].flags == (flag,)
    assert gate.is_blocked and window.stack.currentWidget() is gate
    assert window.session is None
    assert "professional" in gate.blocked_text.text()
    # Back to the start: the gate is asked afresh next time, nothing ticked.
    qtbot.mouseClick(gate.home_button, LEFT_CLICK)
    assert window.stack.currentWidget() is window.checkin_page
    rate(qtbot, window, Leg.RIGHT, "2")
    rate(qtbot, window, Leg.LEFT, "2")
    qtbot.mouseClick(window.checkin_page.continue_button, LEFT_CLICK)
    assert window.stack.currentWidget() is gate and not gate.is_blocked
    assert not any(box.isChecked() for box in gate.flags.values())


# ----- a history that fails mid-session ---------------------------------------------------------
def test_a_history_write_failing_mid_session_is_said_once_and_the_session_goes_on(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    rate(qtbot, window, Leg.RIGHT, "3")
    rate(qtbot, window, Leg.LEFT, "3")
    through_safety_gate(qtbot, window)
    session = window.session
    assert session is not None
    run_until(window, clock, lambda: session.state is State.REP)
    # Another program removes the session's row: its sets can no longer be linked to it.
    other = sqlite3.connect(tmp_path / "data" / FILE_NAME)
    other.execute("PRAGMA foreign_keys = ON")
    other.execute("DELETE FROM sessions")
    other.commit()
    other.close()
    run_until(window, clock, lambda: session.set_index == 2)
    message = window.statusBar().currentMessage()
    assert message.startswith("This session could not be saved to the history:")
    assert "FOREIGN KEY" in message
    window.statusBar().clearMessage()
    run_until(window, clock, lambda: session.is_over)  # every later set fails too: said once
    assert window.statusBar().currentMessage() == ""
    assert len(session.results) == 6
    assert window.stack.currentWidget() is window.checkout_page


# ----- the tray's reminder ------------------------------------------------------------------------
def test_the_tray_s_reminder_message_and_its_click_open_the_check_in(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real tray icon: the reminder goes out as its message (which the platform shows),
    and clicking that message brings the window up on the check-in."""
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    london = dt.timezone(dt.timedelta(hours=1))
    wall = FakeWallClock(dt.datetime(2026, 6, 1, 21, 59, tzinfo=london))
    mono = FakeClock(100.0)
    window = MainWindow(tmp_path / "data", clock=FakeClock(0.0), player_factory=SilentPlayer)
    qtbot.addWidget(window)
    window.ask_close_action = lambda parent: (CloseAction.QUIT, False)  # type: ignore[method-assign]
    desktop = Desktop(
        window,
        use_tray=True,
        wall=wall,
        monotonic=mono,
        autostart=Autostart(tmp_path / "autostart" / "knee-coach.desktop"),
        autostart_supported=False,
    )
    desktop.start(minimized=True)
    assert desktop.tray is not None and not window.isVisible()
    timer = desktop.reminders.timer
    wall.advance(timer.interval() / 1000)
    mono.advance(timer.interval() / 1000)
    timer.stop()
    timer.timeout.emit()  # the single-shot timer ran out at 22:00
    assert [d.slot.slot for d in desktop.shown_reminders] == ["bed"]
    assert window.reminder_banner.isVisibleTo(window)  # the window has it too
    assert not window.isVisible()  # the tray's message is enough while hidden
    desktop.tray.icon.messageClicked.emit()  # the user clicks the message
    assert window.isVisible()
    assert window.stack.currentWidget() is window.checkin_page
    assert not window.reminder_banner.isVisibleTo(window)
    desktop.shutdown()
