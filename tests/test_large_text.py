"""At 200 % text scale (QT_SCALE_FACTOR=2) a 1366×768 screen is 683×384 pixels of layout.
Qt lays out in those pixels whatever the scale, so a window of that size shows here what a
person with a large text size sees: every page fits or scrolls, no text is cut, and the
session's buttons, "Stop: it hurts" among them, stay in sight."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from pytestqt.qtbot import QtBot

from benchmarks.demo_history import demo_records
from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.session import State
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.session_page import SessionPage
from knee_coach.ui.settings_dialog import SettingsDialog
from knee_coach.ui.style import COUNTER_PX
from tests.test_language import clipped
from tests.test_window import check_in_by_keyboard, run_until, through_safety_gate
from tests.test_window_history import Wall

SCREEN_AT_200 = QSize(683, 384)


def on_screen(widget: QWidget, window: QWidget) -> bool:
    """The whole widget is inside the window's visible area (no scrolling needed)."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def count_in_sight(page: SessionPage) -> bool:
    """The count's digits, as drawn in the middle of their label, lie wholly in the view."""
    counter, view = page.counter, page.middle_scroll.viewport()
    metrics = counter.fontMetrics()
    text = QRect(0, 0, metrics.horizontalAdvance(counter.text()), metrics.height())
    text.moveCenter(counter.rect().center())
    text.moveTopLeft(counter.mapTo(view, text.topLeft()))
    return view.rect().contains(text)


def shown_window(qtbot: QtBot, tmp_path: Path, size: QSize) -> tuple[MainWindow, FakeClock]:
    """The main window on a fake clock, shown at `size`."""
    clock = FakeClock(100.0)
    window = MainWindow(tmp_path / "data", clock=clock, player_factory=lambda: SilentPlayer())
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    return window, clock


def test_the_count_shrinks_to_fit_a_small_window_and_grows_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, clock = shown_window(qtbot, tmp_path, QSize(1280, 800))
    check_in_by_keyboard(qtbot, window, "46")
    through_safety_gate(qtbot, window)
    run_until(
        window, clock, lambda: window.session is not None and window.session.state is State.REP
    )
    page = window.session_page
    try:
        qtbot.waitUntil(lambda: count_in_sight(page))
        full = page.counter.font().pixelSize()
        assert full == COUNTER_PX
        window.resize(SCREEN_AT_200)
        qtbot.waitUntil(lambda: page.counter.font().pixelSize() < full)
        qtbot.waitUntil(lambda: count_in_sight(page))
        window.resize(1280, 800)
        qtbot.waitUntil(lambda: page.counter.font().pixelSize() == full)
    finally:
        window.stop()  # a running session would ask before the window closes


def test_every_page_fits_a_1366x768_screen_at_200_percent_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, clock = shown_window(qtbot, tmp_path, SCREEN_AT_200)
    assert window.minimumSize().boundedTo(SCREEN_AT_200) == window.minimumSize()
    assert window.size() == SCREEN_AT_200
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(20)  # the page lays itself out for its width once shown
        problems.extend(f"{name}: {c}" for c in clipped(window.stack.currentWidget()))

    check("check-in")
    check_in_by_keyboard(qtbot, window, "46")
    window.checkin_page.continue_button.click()
    check("safety")
    through_safety_gate(qtbot, window)
    run_until(window, clock, lambda: window.session.state is State.REP)
    check("session")
    page = window.session_page
    for button in (page.pause_button, page.skip_button, page.stop_button, page.hurts_button):
        assert on_screen(button, window), f"{button.text()!r} is out of sight"
    assert count_in_sight(page), f"the count {page.counter.text()!r} is cut"
    window.stop()
    check("check-out")
    window.checkout_page.skip_button.click()
    check("summary")
    assert problems == [], "\n".join(problems)


def test_the_settings_dialog_keeps_ok_and_cancel_on_a_small_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(tmp_path / "data", player_factory=lambda: SilentPlayer())
    qtbot.addWidget(window)
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.minimumSizeHint().boundedTo(SCREEN_AT_200) == dialog.minimumSizeHint()
    dialog.resize(SCREEN_AT_200)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ok_button.isVisible()
    assert on_screen(dialog.ok_button, dialog), "OK is out of sight"


def test_history_at_200_percent_puts_the_review_under_the_chart_and_scrolls(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(tmp_path / "data", player_factory=lambda: SilentPlayer())
    qtbot.addWidget(window)
    window.open_history()
    qtbot.waitUntil(lambda: window.history_view is not None)
    view = window.history_view
    assert view is not None
    qtbot.addWidget(view)
    view.resize(1180, 680)
    view.show()
    qtbot.waitUntil(lambda: not view.loading)
    beside = view.review_scroll.mapTo(view, QPoint(0, 0))
    chart = view.chart_box.mapTo(view, QPoint(0, 0))
    assert beside.x() > chart.x() + view.chart_box.width() - 1  # wide: the review beside

    view.resize(SCREEN_AT_200)
    qtbot.wait(20)
    assert view.size() == SCREEN_AT_200
    content = view.page_scroll.widget()
    assert content is not None
    under = view.review_scroll.mapTo(content, QPoint(0, 0))
    chart = view.chart_box.mapTo(content, QPoint(0, 0))
    assert under.y() >= chart.y() + view.chart_box.height()  # narrow: under the chart
    assert clipped(view) == []
    # Nothing is out of reach: the review's last line can be scrolled into sight.
    view.page_scroll.ensureWidgetVisible(view.review)
    qtbot.wait(20)
    bottom = view.review_scroll.mapTo(view, QPoint(0, view.review_scroll.height()))
    assert bottom.y() <= view.height()


def test_history_narrowed_before_its_sessions_are_read_still_shows_the_review_whole(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The review grows rows (each knee, before and after) once the history is read: under
    the charts it grows with them, and the page scrolls, not the review in a box of its own."""
    data = tmp_path / "data"
    db = Database.open(data)
    HistoryStore(db).add_records(demo_records(date(2026, 4, 13), date(2026, 6, 14), seed=11))
    db.close()
    clock = FakeClock(100.0)
    window = MainWindow(
        data, clock=clock, player_factory=lambda: SilentPlayer(), wall_clock=Wall(clock)
    )
    qtbot.addWidget(window)
    window.open_history()
    qtbot.waitUntil(lambda: window.history_view is not None, timeout=10000)
    view = window.history_view
    assert view is not None and view.loading
    view.resize(SCREEN_AT_200)  # narrow before a session is read
    view.show()
    qtbot.waitUntil(lambda: not view.loading)
    assert view.review_data.this_week.before  # the knees' rows are in
    qtbot.wait(20)
    assert view.review_scroll.verticalScrollBar().maximum() == 0


def test_at_the_usual_window_size_the_pages_and_the_session_do_not_scroll(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The scrolling is for a large text size only: at the usual size the technique and the
    caution stay in sight beside the count, and no page shows a scroll bar."""
    window, clock = shown_window(qtbot, tmp_path, QSize(1040, 690))

    def scrolls(area: QAbstractScrollArea) -> bool:
        qtbot.wait(20)
        bars = (area.verticalScrollBar(), area.horizontalScrollBar())
        return any(bar.maximum() > 0 for bar in bars)

    def page_scroll() -> QAbstractScrollArea:  # the page, its viewport, its scroll area
        area = window.stack.currentWidget().parentWidget().parentWidget()
        assert isinstance(area, QAbstractScrollArea)
        return area

    assert not scrolls(page_scroll()), "the check-in scrolls"
    check_in_by_keyboard(qtbot, window, "46")
    window.checkin_page.continue_button.click()
    assert not scrolls(page_scroll()), "the safety questions scroll"
    through_safety_gate(qtbot, window)
    run_until(
        window, clock, lambda: window.session is not None and window.session.state is State.REP
    )
    page = window.session_page
    try:
        assert not scrolls(page_scroll()), "the session page scrolls"
        assert not scrolls(page.middle_scroll), "the figure and the count scroll"
        for label in (page.technique, page.caution, page.counter):
            assert on_screen(label, window), f"{label.text()[:30]!r} is out of sight"
    finally:
        window.stop()


def test_the_settings_dialog_opens_showing_its_tabs_whole_on_a_laptop_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(tmp_path / "data", player_factory=lambda: SilentPlayer())
    qtbot.addWidget(window)
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    tab = dialog.tabs.currentWidget()
    assert isinstance(tab, QAbstractScrollArea)
    assert tab.verticalScrollBar().maximum() == 0, f"the Session tab scrolls in {dialog.size()}"
