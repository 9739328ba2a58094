"""The keyboard alone reaches every control, in reading order, and Tab always moves on."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.ui.checkin_page import READ_SECONDS
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.settings_dialog import SettingsDialog
from tests.test_window import check_in_by_keyboard, run_until, through_safety_gate


def tab_cycle(qtbot: QtBot, start: QWidget, limit: int = 80) -> list[QWidget]:
    """The widgets Tab visits from `start` until it comes back to it (a trap never does)."""
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen: list[QWidget] = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return seen
        if now is seen[-1]:  # a time field: Tab goes from the hours to the minutes first
            continue
        assert now is not None and now not in seen, f"Tab stuck at {now!r}"
        seen.append(now)
    raise AssertionError("Tab never came back to where it started")


def controls(page: QWidget) -> list[QWidget]:
    """What a person can act on: shown, enabled, and taking the keyboard focus."""
    return [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not w.focusProxy()
    ]


def focus_chain(window: QWidget) -> list[QWidget]:
    """The window's Tab stops as Qt chains them: shown, enabled, taking focus by Tab."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and widget not in chain:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.window() is window
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def top_to_bottom(widgets: list[QWidget], page: QWidget) -> list[QWidget]:
    return sorted(widgets, key=lambda w: (w.mapTo(page, w.rect().center()).y() // 20, 0))


def assert_reaches_all_in_reading_order(
    qtbot: QtBot, page: QWidget, first: QWidget, reading_order: bool = True
) -> None:
    """Tab from `first` visits every control of `page` once and comes back to `first`;
    with `reading_order`, the page's controls come row by row down the page."""
    cycle = tab_cycle(qtbot, first)
    on_page = [w for w in cycle if w is page or page.isAncestorOf(w)]
    missing = [w for w in controls(page) if w not in on_page]
    assert not missing, f"Tab never reaches {[m.objectName() or m for m in missing]}"
    if reading_order:
        rows = [w.mapTo(page, w.rect().center()).y() for w in on_page]
        # Row by row downwards (a row's buttons share a line): never back up the page.
        assert all(b >= a - 20 for a, b in itertools.pairwise(rows)), rows


def make(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, FakeClock]:
    clock = FakeClock(100.0)
    window = MainWindow(tmp_path / "data", clock=clock, player_factory=lambda: SilentPlayer())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, clock


def test_tab_reaches_every_check_in_control_top_to_bottom_and_comes_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, _ = make(qtbot, tmp_path)
    page = window.checkin_page
    check_in_by_keyboard(qtbot, window, "46")  # Continue is enabled: it is a Tab stop too
    assert_reaches_all_in_reading_order(qtbot, page, page.leg_buttons[min(page.leg_buttons)])


def test_tab_reaches_every_safety_question_and_the_start_button(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, _ = make(qtbot, tmp_path)
    check_in_by_keyboard(qtbot, window, "46")
    window.checkin_page.continue_button.click()
    page = window.safety_page
    first = next(iter(page.flags.values()))
    assert_reaches_all_in_reading_order(qtbot, page, first)


def assert_session_keys_reach_every_button(window: MainWindow) -> None:
    """The session's buttons leave Space to the shortcuts (no Tab stop): each has its key."""
    page = window.session_page
    keys = {
        QKeySequence(s.key()).toString() for s in window.findChildren(QShortcut) if s.isEnabled()
    } | {a.shortcut().toString() for a in window.findChildren(QAction) if a.isEnabled()}
    for button, key in (
        (page.pause_button, "Space"),
        (page.skip_button, "Right"),
        (page.stop_button, "Esc"),
        (page.hurts_button, "H"),
    ):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert key in keys, f"{button.text()!r}: no {key} shortcut in {sorted(keys)}"


def test_tab_cycles_through_the_session_page_while_getting_ready_and_during_a_set(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, clock = make(qtbot, tmp_path)
    check_in_by_keyboard(qtbot, window, "46")
    window.checkin_page.continue_button.click()
    through_safety_gate(qtbot, window)
    page = window.session_page
    try:
        assert page.phase.text() == "Get ready"
        first = next(w for w in focus_chain(window) if page.isAncestorOf(w))
        assert_reaches_all_in_reading_order(qtbot, page, first)
        run_until(window, clock, lambda: "/" in page.counter.text())  # the reps are counted
        assert_reaches_all_in_reading_order(qtbot, page, first)
        assert_session_keys_reach_every_button(window)
    finally:
        window.stop()  # closing the window mid-session would ask first


def test_tab_reaches_every_check_out_and_summary_control(qtbot: QtBot, tmp_path: Path) -> None:
    window, clock = make(qtbot, tmp_path)
    check_in_by_keyboard(qtbot, window, "46")
    window.checkin_page.continue_button.click()
    through_safety_gate(qtbot, window)
    run_until(window, clock, lambda: window.session is not None)
    window.stop()
    checkout = window.checkout_page
    assert window.stack.currentWidget() is checkout
    clock.advance(READ_SECONDS)  # a rating typed at once is not taken: the user reads first
    checkout.focus_first()
    for digit in "35":
        qtbot.keyClicks(window.focusWidget(), digit)
    first = next(r for r in checkout.pain_rows.values() if r.isVisible())
    assert_reaches_all_in_reading_order(qtbot, checkout, first)
    checkout.continue_button.click()
    summary = window.summary_page
    assert window.stack.currentWidget() is summary
    first = next(w for w in focus_chain(window) if summary.isAncestorOf(w))
    assert_reaches_all_in_reading_order(qtbot, summary, first)


def test_tab_cycles_through_the_history_window(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = make(qtbot, tmp_path)
    window.checkin_page.history_button.click()
    qtbot.waitUntil(lambda: window.history_view is not None)  # pyqtgraph loads off-thread
    view = window.history_view
    assert view is not None
    qtbot.waitExposed(view)
    view.activateWindow()
    first = focus_chain(view)[0]
    assert_reaches_all_in_reading_order(qtbot, view, first, reading_order=False)


def test_tab_goes_through_each_settings_tab_and_out_to_ok_and_cancel(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, _ = make(qtbot, tmp_path)
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        cycle = tab_cycle(qtbot, dialog.tabs.tabBar())
        tab = dialog.tabs.currentWidget()
        missing = [w for w in controls(tab) if w not in cycle]
        assert not missing, f"tab {index}: Tab never reaches {missing}"
        assert dialog.ok_button in cycle


def test_tab_cycles_through_the_advice_after_stop_it_hurts_and_its_summary(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, clock = make(qtbot, tmp_path)
    check_in_by_keyboard(qtbot, window, "46")
    window.checkin_page.continue_button.click()
    through_safety_gate(qtbot, window)
    run_until(window, clock, lambda: window.session is not None and window.session.reps_done)
    window.session_page.hurts_button.click()
    advice = window.advice_page
    assert window.stack.currentWidget() is advice
    first = next(w for w in focus_chain(window) if advice.isAncestorOf(w))
    assert_reaches_all_in_reading_order(qtbot, advice, first)
    advice.check_out.click()
    window.checkout_page.skip_button.click()
    summary = window.summary_page
    assert summary.title.text() == "Session stopped because it hurt"
    first = next(w for w in focus_chain(window) if summary.isAncestorOf(w))
    assert_reaches_all_in_reading_order(qtbot, summary, first)
