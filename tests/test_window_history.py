"""The window and the history: sets stored as they finish, the summary from what is stored,
the history window (lazily loaded) with real data, CSV from the File menu, and the messages
for a newer or damaged database."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from benchmarks.demo_history import demo_records
from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.session import State
from knee_coach.storage.csv_format import HEADER
from knee_coach.storage.db import FILE_NAME, Database, latest_backup
from knee_coach.storage.history import HistoryStore
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.texts import date_text, datetime_text
from tests.driving import history_shown, loaded, run_until

JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 6, 14, 20, 30, tzinfo=JST)  # a Sunday evening


class Wall:
    """A wall clock the test moves with the fake monotonic clock."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.start = clock.now()

    def __call__(self) -> datetime:
        return NOW + timedelta(seconds=round(self.clock.now() - self.start))


@pytest.fixture
def warnings(
    warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, str]]:
    """conftest's, with every question answered Yes (restore the backup, and so on)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    return warnings


def open_window(qtbot: QtBot, data: Path, clock: FakeClock) -> MainWindow:
    window = MainWindow(
        data, clock=clock, player_factory=lambda: SilentPlayer(), wall_clock=Wall(clock)
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # the keys are window shortcuts
    return window


def stored_sets(data: Path) -> list[tuple[int, str, int]]:
    conn = sqlite3.connect(data / FILE_NAME)
    try:
        return conn.execute(
            "SELECT set_index, status, reps_done FROM sets ORDER BY set_index"
        ).fetchall()
    finally:
        conn.close()


def begin(qtbot: QtBot, window: MainWindow, right: int, left: int) -> None:
    page = window.checkin_page
    page.pain_rows[Leg.RIGHT].set_value(right)
    page.pain_rows[Leg.LEFT].set_value(left)
    page.tightness_row.set_value(6)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.safety_page.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.session_page


def test_each_set_is_stored_when_it_finishes_and_the_summary_shows_what_was_stored(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    data = tmp_path / "data"
    window = open_window(qtbot, data, clock)
    begin(qtbot, window, 6, 5)
    # The session row exists from the start, with the check-in and no end yet.
    conn = sqlite3.connect(data / FILE_NAME)
    row = conn.execute(
        "SELECT started_utc, started_offset_min, end_reason, before_pain_right,"
        " before_pain_left, before_tightness FROM sessions"
    ).fetchone()
    assert row == ("2026-06-14T11:30:00Z", 540, None, 6, 5, 6)
    assert stored_sets(data) == []
    run_until(window, clock, lambda: len(window.session.results) == 1)
    assert stored_sets(data) == [(0, "completed", 10)]  # written before the session ends
    run_until(window, clock, lambda: window.session.set_index == 2 and window.session.reps_done)
    assert [s[0] for s in stored_sets(data)] == [0, 1]
    # Something changes the stored check-in mid-session: the summary must show the stored one.
    conn.execute("UPDATE sessions SET before_pain_left = 7")
    conn.commit()
    run_until(window, clock, lambda: window.session.is_over)
    assert window.stack.currentWidget() is window.checkout_page
    assert conn.execute("SELECT end_reason FROM sessions").fetchone()[0] == "completed"
    assert len(stored_sets(data)) == 6
    out = window.checkout_page
    out.pain_rows[Leg.RIGHT].set_value(3)
    out.pain_rows[Leg.LEFT].set_value(4)
    qtbot.mouseClick(out.continue_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.summary_page
    summary = window.summary_page
    texts = [summary.grid.itemAt(i).widget().text() for i in range(summary.grid.count())]
    assert "6 → 3  (-3)" in texts
    assert "7 → 4  (-3)" in texts  # the stored "before", not the one typed in
    assert conn.execute("SELECT after_pain_right, after_pain_left FROM sessions").fetchone() == (
        3,
        4,
    )
    assert not summary.nudge.isVisibleTo(window)  # no two weeks of history yet
    conn.close()
    assert warnings == []


def test_stopping_for_pain_stores_the_partial_set_and_the_reason(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    data = tmp_path / "data"
    window = open_window(qtbot, data, clock)
    begin(qtbot, window, 3, 3)
    run_until(
        window, clock, lambda: window.session.set_index == 1 and window.session.reps_done == 4
    )
    qtbot.keyClick(window, Qt.Key.Key_H)
    assert window.session.state is State.STOPPED
    assert stored_sets(data) == [(0, "completed", 10), (1, "partial", 4)]
    store = window.history
    assert store is not None
    (rec,) = store.records()
    assert rec.end_reason is EndReason.PAIN
    assert rec.ended == NOW + timedelta(seconds=round(clock.now() - 100.0))


def test_the_summary_nudges_towards_a_clinic_after_two_weeks_without_improvement(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    data = tmp_path / "data"
    db = Database.open(data)
    flat = demo_records(
        date(2026, 5, 30), date(2026, 6, 13), per_day=(2,), start_pain=6, end_pain=6, seed=3
    )
    HistoryStore(db).add_records(flat)
    db.close()
    window = open_window(qtbot, data, clock)
    begin(qtbot, window, 6, 7)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    window.checkout_page.pain_rows[Leg.RIGHT].set_value(5)
    window.checkout_page.pain_rows[Leg.LEFT].set_value(6)
    qtbot.mouseClick(window.checkout_page.continue_button, Qt.MouseButton.LeftButton)
    nudge = window.summary_page.nudge
    assert nudge.isVisibleTo(window)
    assert "clinic" in nudge.text() and "two weeks" in nudge.text()


def test_pyqtgraph_is_not_imported_until_the_history_is_opened(tmp_path: Path) -> None:
    code = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from knee_coach.ui.main_window import MainWindow
w = MainWindow(Path({str(tmp_path / "d")!r}))
w.show(); app.processEvents()
assert "pyqtgraph" not in sys.modules, "imported at start-up"
w.open_history(); app.processEvents()
# Imported on a worker thread: the window keeps answering until the History shows.
while w.history_view is None:
    app.processEvents()
assert "pyqtgraph" in sys.modules and w.history_view.isVisible()
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    data = tmp_path / "seeded"
    db = Database.open(data)
    HistoryStore(db).add_records(demo_records(date(2026, 4, 13), date(2026, 6, 14), seed=11))
    db.close()
    return data


def test_history_view_with_real_data_ranges_review_hover_and_png(
    qtbot: QtBot, seeded: Path, clock: FakeClock, tmp_path: Path, warnings: list[tuple[str, str]]
) -> None:
    window = open_window(qtbot, seeded, clock)
    qtbot.mouseClick(window.checkin_page.history_button, Qt.MouseButton.LeftButton)
    view = history_shown(qtbot, window)  # pyqtgraph loads and the history is read off-thread
    assert view.isVisible()
    qtbot.waitExposed(view)
    store = window.history
    assert store is not None
    records = store.records()

    def shown(leg: Leg, kind: str) -> int:
        x, _ = view.points[(leg, kind)].getData()
        return 0 if x is None else len(x)

    assert view.range.value == "month"
    lo, hi = view.x_range()
    assert (hi - lo) / 86400 == 30
    month = [r for r in records if r.day > NOW.date() - timedelta(days=30)]
    assert shown(Leg.RIGHT, "before") == len(month)
    assert shown(Leg.LEFT, "after") == sum(1 for r in month if r.after is not None)
    bars = view.bars.opts
    assert sum(bars["height"]) == len(month)

    qtbot.mouseClick(view.range_buttons[view.range.WEEK], Qt.MouseButton.LeftButton)
    week = [r for r in records if r.day > NOW.date() - timedelta(days=7)]
    assert view.range.value == "week" and shown(Leg.RIGHT, "before") == len(week)
    assert len(view.bars.opts["height"]) == len({r.day for r in week})

    qtbot.mouseClick(view.range_buttons[view.range.ALL], Qt.MouseButton.LeftButton)
    assert view.range.value == "all"
    assert shown(Leg.RIGHT, "before") == 0  # the whole history is drawn as weekly averages
    wx, wy = view.weekly_lines[(Leg.RIGHT, "before")].getData()
    assert len(wx) == 9  # nine weeks (Mon 13 Apr .. Sun 14 Jun), one average each
    first_week = [
        r.pain_before(Leg.RIGHT) for r in records if r.day < date(2026, 4, 20) and r.before
    ]
    assert wy[0] == pytest.approx(sum(first_week) / len(first_week))

    # (tests/test_history_series.py checks the weekly sums against the core's trend maths.)

    # Hovering names the nearest values.
    view.set_range("week")
    last = records[-1]
    x = datetime.combine(last.day, last.started.time(), timezone.utc).timestamp()
    text = view.describe(x)
    assert datetime_text(last.started) in text  # the locale's date and time
    assert f"Right knee: {last.pain_before(Leg.RIGHT)} →" in text

    # The weekly review: this week against last week, the streak, the article's advice.
    review = view.review_data
    this = [r for r in records if r.day >= date(2026, 6, 8)]
    assert review.this_week.sessions == len(this)
    # The streak: the days since the last day without a session (today, if practised, counts).
    days = {r.day for r in records}
    today = NOW.date()
    missed = [d for d in (today - timedelta(days=n) for n in range(1, 70)) if d not in days]
    expected_streak = (today - missed[0]).days - (0 if today in days else 1)
    assert expected_streak >= 2  # the demo history has a run of days up to today
    assert review.streak == expected_streak
    grid_texts = [
        view.review_grid.itemAt(i).widget().text() for i in range(view.review_grid.count())
    ]
    assert "This week" in grid_texts and str(len(this)) in grid_texts
    assert f"Practised {expected_streak} days in a row." in view.streak_label.text()
    assert "clinic" in view.advice_label.text()
    assert not view.nudge_label.isVisibleTo(view)  # the demo history improves

    png = tmp_path / "chart.png"
    saved = QFileDialog.getSaveFileName
    try:
        QFileDialog.getSaveFileName = lambda *a, **k: (str(png), "")  # type: ignore[method-assign]
        qtbot.mouseClick(view.png_button, Qt.MouseButton.LeftButton)
    finally:
        QFileDialog.getSaveFileName = saved  # type: ignore[method-assign]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(png))
    assert image.width() > 400 and image.height() > 300
    assert not image.isNull()


def test_history_review_shows_the_nudge_when_the_knee_got_worse(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    data = tmp_path / "worse"
    db = Database.open(data)
    HistoryStore(db).add_records(
        demo_records(date(2026, 5, 25), date(2026, 6, 14), per_day=(2,), start_pain=3, end_pain=7)
    )
    db.close()
    window = open_window(qtbot, data, clock)
    window.menus.history.trigger()
    view = history_shown(qtbot, window)
    assert view.nudge_label.isVisibleTo(view)
    assert "worse" in view.nudge_label.text() and "clinic" in view.nudge_label.text()


def test_csv_export_and_import_from_the_file_menu(
    qtbot: QtBot,
    seeded: Path,
    tmp_path: Path,
    clock: FakeClock,
    warnings: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, seeded, clock)
    out = tmp_path / "export.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.menus.export_csv.trigger()
    qtbot.waitUntil(lambda: not window.csv.busy)  # on a worker thread
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == ",".join(HEADER)
    assert "exported" in window.statusBar().currentMessage()

    other = open_window(qtbot, tmp_path / "other", clock)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    other.menus.import_csv.trigger()
    qtbot.waitUntil(lambda: not other.csv.busy)
    assert warnings[-1][0] == "History imported"
    added = window.history.count()  # type: ignore[union-attr]
    assert warnings[-1][1] == f"{added:,} sessions added."
    assert other.history is not None and other.history.count() == window.history.count()  # type: ignore[union-attr]
    other.menus.import_csv.trigger()  # the same file again: all of it is there already
    qtbot.waitUntil(lambda: not other.csv.busy)
    assert warnings[-1][1] == (
        f"0 sessions added. {added:,} sessions were already in the history, so they were skipped."
    )

    bad = tmp_path / "bad.csv"
    bad.write_text(out.read_text(encoding="utf-8-sig").replace(",completed,", ",done,", 1))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    before = other.history.count()
    other.menus.import_csv.trigger()
    qtbot.waitUntil(lambda: not other.csv.busy)
    title, text = warnings[-1]
    assert title == "Nothing was imported"
    assert "Line 2, column 3 (end_reason)" in text and "not changed" in text
    assert other.history.count() == before


def test_a_newer_database_is_reported_left_alone_and_sessions_still_run(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / FILE_NAME)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    content = (data / FILE_NAME).read_bytes()
    window = open_window(qtbot, data, clock)
    qtbot.waitUntil(lambda: bool(warnings))
    title, text = warnings[0]
    assert title == "History not available" and "newer version" in text and "42" in text
    begin(qtbot, window, 2, 2)
    run_until(window, clock, lambda: len(window.session.results) == 1)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.session.end_reason is EndReason.USER
    window.close()
    assert (data / FILE_NAME).read_bytes() == content


def test_a_damaged_database_is_kept_aside_and_the_backup_restored_on_request(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FakeClock,
    warnings: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.test_history_db import make_v1

    data = tmp_path / "data"
    data.mkdir()
    make_v1(data / FILE_NAME)
    Database.open(data).close()  # migrating makes a backup
    backup = latest_backup(data)
    assert backup is not None
    (data / FILE_NAME).write_bytes(b"garbage" * 1000)
    for extra in ("-wal", "-shm"):
        (data / (FILE_NAME + extra)).unlink(missing_ok=True)

    asked: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        restore = next(b for b in box.buttons() if b.text() == "Restore the latest backup")
        restore.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    window = open_window(qtbot, data, clock)
    qtbot.waitUntil(lambda: bool(asked))
    assert "damaged" in asked[0] and ".corrupt-" in asked[0]
    # The backup is named by the local time it was made.
    assert f"The latest backup is from {datetime_text(backup.made.astimezone())}." in asked[0]
    moved = list(data.glob(FILE_NAME + ".corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == b"garbage" * 1000
    qtbot.waitUntil(lambda: "restored" in window.statusBar().currentMessage())
    assert window.history is not None and window.history.count() == 3
    assert {r.legs for r in window.history.records()} == {
        LegChoice.BOTH,
        LegChoice.LEFT,
        LegChoice.RIGHT,
    }


def test_a_long_history_is_drawn_month_by_month_and_hover_follows_the_mouse(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    from knee_coach.ui.history_view import HistoryView, Range

    data = tmp_path / "long"
    db = Database.open(data)
    store = HistoryStore(db)
    store.add_records(demo_records(date(2024, 6, 1), date(2026, 6, 14), per_day=(1, 2)))
    view = HistoryView(store, Wall(clock))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    loaded(qtbot, view)
    view.set_range(Range.ALL)
    assert view.overview_periods() is view.months
    x, _ = view.weekly_lines[(Leg.LEFT, "before")].getData()
    assert len(x) == 25  # June 2024 .. June 2026
    assert "monthly average" in view.legend.text()
    assert view.describe(float(x[3])).startswith("September 2024:")

    view.set_range(Range.WEEK)
    assert "weekly average" in view.legend.text()
    # A real mouse move over the chart shows the nearest session and the cursor line.
    plot = view.pain_plot
    vb = plot.getPlotItem().vb
    target = datetime.combine(date(2026, 6, 12), datetime.min.time(), timezone.utc)
    scene = vb.mapViewToScene(QPointF(target.timestamp() + 12 * 3600, 5))
    widget_pos = plot.mapFromScene(scene)
    qtbot.mouseMove(plot.viewport(), widget_pos)
    qtbot.waitUntil(lambda: date_text(date(2026, 6, 12)) in view.hover.text())
    assert view.cursor_line.isVisible()
    db.close()


def test_a_skipped_set_is_stored_as_skipped_with_the_reps_done(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, warnings: list[tuple[str, str]]
) -> None:
    data = tmp_path / "data"
    window = open_window(qtbot, data, clock)
    page = window.checkin_page
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)  # no check-in today
    qtbot.mouseClick(window.safety_page.start_button, Qt.MouseButton.LeftButton)
    run_until(window, clock, lambda: window.session.reps_done == 3)
    qtbot.keyClick(window, Qt.Key.Key_Right)  # skip the rest of the first set
    assert stored_sets(data) == [(0, "skipped", 3)]
    store = window.history
    assert store is not None
    (rec,) = store.records()
    assert rec.before is None and rec.end_reason is EndReason.INTERRUPTED  # still running
    assert rec.sets[0].target == 10 and rec.sets[0].template_id == "inner"
