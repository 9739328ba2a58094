"""The History window reads the history on a worker thread and builds its charts in steps:
it shows that it is reading, then the charts; closing it meanwhile is safe; a new session
shows once read again; a history that cannot be read is said in words."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot

from benchmarks.demo_history import demo_records
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import Leg
from knee_coach.storage.db import FILE_NAME, Database
from knee_coach.storage.history import HistoryStore
from tests.driving import history_shown, loaded, run_until
from tests.test_window_history import NOW, Wall, begin, open_window


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    data = tmp_path / "seeded"
    db = Database.open(data)
    HistoryStore(db).add_records(demo_records(date(2026, 4, 13), date(2026, 6, 14), seed=11))
    db.close()
    return data


def points(view: object, leg: Leg = Leg.RIGHT) -> int:
    x, _ = view.points[(leg, "before")].getData()  # type: ignore[attr-defined]
    return 0 if x is None else len(x)


def test_the_history_says_it_is_reading_then_shows_the_charts(
    qtbot: QtBot, seeded: Path, clock: FakeClock
) -> None:
    from knee_coach.ui.history_view import HistoryView

    db = Database.open(seeded)
    view = HistoryView(HistoryStore(db), Wall(clock))
    qtbot.addWidget(view)
    view.show()
    # At once: the window with its buttons and a note; no chart yet, nothing to save.
    assert view.loading and not view.drawn
    assert view.status_note.isVisibleTo(view)
    assert view.status_note.text() == "Reading your history…"
    assert view.range_buttons[view.range.MONTH].isChecked()
    assert not view.png_button.isEnabled()
    assert not hasattr(view, "pain_plot")
    assert "clinic" in view.advice_label.text()  # the general advice needs no reading
    assert not view.nudge_label.isVisibleTo(view)  # no empty warning box
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    assert not view.loading and view.drawn
    assert not view.status_note.isVisibleTo(view)
    assert view.pain_plot.isVisibleTo(view) and view.day_plot.isVisibleTo(view)
    assert view.png_button.isEnabled()
    month = [r for r in HistoryStore(db).records() if r.day > NOW.date() - timedelta(days=30)]
    assert points(view) == len(month) > 0
    assert sum(view.bars.opts["height"]) == len(month)
    assert view.review_data.this_week.sessions > 0
    db.close()


def test_a_range_chosen_while_reading_is_the_one_drawn(
    qtbot: QtBot, seeded: Path, clock: FakeClock
) -> None:
    from knee_coach.ui.history_view import HistoryView, Range

    db = Database.open(seeded)
    view = HistoryView(HistoryStore(db), Wall(clock))
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.range_buttons[Range.WEEK], Qt.MouseButton.LeftButton)
    assert view.loading
    loaded(qtbot, view)
    assert view.range is Range.WEEK and view.range_buttons[Range.WEEK].isChecked()
    lo, hi = view.x_range()
    assert (hi - lo) / 86400 == 7
    week = [r for r in HistoryStore(db).records() if r.day > NOW.date() - timedelta(days=7)]
    assert points(view) == len(week)
    db.close()


def test_closing_the_history_while_it_reads_neither_crashes_nor_leaves_a_thread(
    qtbot: QtBot, seeded: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knee_coach.ui.history_view import HistoryView

    failures: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", failures.append)
    before = set(threading.enumerate())
    db = Database.open(seeded)
    view = HistoryView(HistoryStore(db), Wall(clock))
    view.show()
    view.reload()  # reading now, on a worker thread; what it reads is not handed back yet
    assert view.loading
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # The worker finishes its reading and ends; what it read goes nowhere.
    qtbot.waitUntil(lambda: not set(threading.enumerate()) - before, timeout=10000)
    QCoreApplication.processEvents()
    assert failures == []
    db.close()


def test_the_history_closed_while_reading_opens_again_with_its_charts(
    qtbot: QtBot, seeded: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    window = open_window(qtbot, seeded, clock)
    window.open_history()
    qtbot.waitUntil(lambda: window.history_view is not None, timeout=10000)
    view = window.history_view
    assert view is not None and view.loading
    view.close()
    loaded(qtbot, view)  # read and drawn all the same, out of sight
    window.open_history()
    view = history_shown(qtbot, window)  # read again: what is shown is current
    assert view.isVisible() and view.pain_plot.isVisible() and points(view) > 0
    assert warnings == []


def test_a_session_done_with_the_history_open_shows_once_read_again(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    window = open_window(qtbot, tmp_path / "data", clock)
    window.open_history()
    view = history_shown(qtbot, window)
    assert view.series.empty and view.empty_note.isVisibleTo(view)
    assert points(view) == 0 and view.review_data.this_week.sessions == 0
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # the keys are window shortcuts
    begin(qtbot, window, 6, 5)
    run_until(window, clock, lambda: window.session.is_over)
    out = window.checkout_page
    out.pain_rows[Leg.RIGHT].set_value(3)
    out.pain_rows[Leg.LEFT].set_value(4)
    qtbot.mouseClick(out.continue_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary_page
    loaded(qtbot, view)  # the history changed: read again off-thread, then drawn
    assert points(view) == 1 and points(view, Leg.LEFT) == 1
    assert not view.empty_note.isVisibleTo(view)
    assert view.review_data.this_week.sessions == 1
    assert warnings == []


def test_a_history_that_cannot_be_read_is_said_in_words_and_shown_once_it_can(
    qtbot: QtBot, seeded: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    window = open_window(qtbot, seeded, clock)
    qtbot.waitUntil(lambda: window.history is not None)  # opened after the first frame
    # Another program moves the file away: the window's connection still has it open, a
    # new connection (the History's reader) cannot open it.
    moved = seeded / "moved.sqlite3"
    (seeded / FILE_NAME).rename(moved)
    window.open_history()
    view = history_shown(qtbot, window)
    assert not view.loading and not view.drawn
    assert view.status_note.isVisibleTo(view)
    said = view.status_note.text()
    assert said.startswith("The history could not be read. The history cannot be used: ")
    assert str(seeded / FILE_NAME) in said and said.endswith("unable to open database file")
    assert not view.png_button.isEnabled()
    moved.rename(seeded / FILE_NAME)
    window.open_history()
    view = history_shown(qtbot, window)
    assert view.drawn and not view.status_note.isVisibleTo(view) and points(view) > 0
    shown = points(view)
    # Gone again: the note says so above the charts, which keep what was read before.
    (seeded / FILE_NAME).rename(moved)
    window.open_history()
    loaded(qtbot, view)
    assert view.status_note.isVisibleTo(view) and "unable to open" in view.status_note.text()
    assert view.pain_plot.isVisibleTo(view) and points(view) == shown
    moved.rename(seeded / FILE_NAME)
    window.open_history()
    loaded(qtbot, view)
    assert not view.status_note.isVisibleTo(view) and points(view) == shown
    assert warnings == []
