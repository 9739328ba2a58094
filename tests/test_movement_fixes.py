"""What a new user ran into around the demonstration: keys that carried over into the
check-out, Enter that did nothing, all-skipped sessions counted as practice, a History window
taller than a laptop screen, and counted messages without plural forms."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import EndReason, Leg
from knee_coach.core.session import SetStatus
from knee_coach.storage.csv_export import export_csv
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.ui.checkin_page import READ_SECONDS
from knee_coach.ui.main_window import MainWindow
from tests.driving import history_shown

NOW = datetime(2026, 6, 14, 20, 30, tzinfo=timezone(timedelta(hours=9)))
# A 1366x768 laptop screen less a 48 px taskbar and a 30 px title bar.
CLIENT_HEIGHT = 768 - 48 - 30


@pytest.fixture(autouse=True)
def _close_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> MainWindow:
    player = SilentPlayer()
    win = MainWindow(
        tmp_path / "data", clock=clock, player_factory=lambda: player, wall_clock=lambda: NOW
    )
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    return win


def key(qtbot: QtBot, window: MainWindow, k: Qt.Key) -> None:
    qtbot.keyClick(window.focusWidget() or window, k)


def rate_by_keyboard(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    clock.advance(READ_SECONDS)
    window.checkin_page.focus_first()
    for digit in "42":
        qtbot.keyClicks(window.focusWidget(), digit)


def start(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    rate_by_keyboard(qtbot, window, clock)
    key(qtbot, window, Qt.Key.Key_Return)  # Enter: Continue
    assert window.stack.currentWidget() is window.safety_page
    key(qtbot, window, Qt.Key.Key_Return)  # Enter: Start the session
    assert window.stack.currentWidget() is window.session_page


def skip_everything(qtbot: QtBot, window: MainWindow, presses: int = 200) -> None:
    """Hold → down: every set skipped, and the extra presses land on what comes next."""
    for _ in range(presses):
        qtbot.keyClick(window, Qt.Key.Key_Right)


# ----- keys that carried over -------------------------------------------------------------
def test_arrows_pressed_to_skip_the_last_sets_do_not_rate_the_check_out(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start(qtbot, window, clock)
    skip_everything(qtbot, window)
    out = window.checkout_page
    assert window.stack.currentWidget() is out
    for _ in range(12):  # the presses that used to set the knee's pain to 10
        key(qtbot, window, Qt.Key.Key_Right)
    assert all(row.value() is None for row in out.pain_rows.values())
    assert not out.continue_button.isEnabled()


def test_digits_typed_as_the_check_out_appears_are_not_taken_as_a_rating(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start(qtbot, window, clock)
    skip_everything(qtbot, window, 20)
    out = window.checkout_page
    assert window.stack.currentWidget() is out
    qtbot.keyClicks(window.focusWidget(), "7")  # at once: meant for the screen before
    assert out.pain_rows[Leg.RIGHT].value() is None
    clock.advance(READ_SECONDS)
    qtbot.keyClicks(window.focusWidget(), "3")  # once the page could be read: an answer
    assert out.pain_rows[Leg.RIGHT].value() == 3


def test_a_row_picked_by_tab_or_a_click_takes_the_arrows(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    page = window.checkin_page
    right, left = page.pain_rows[Leg.RIGHT], page.pain_rows[Leg.LEFT]
    page.focus_first()
    key(qtbot, window, Qt.Key.Key_Right)
    assert right.value() is None  # not picked yet
    key(qtbot, window, Qt.Key.Key_Tab)
    assert window.focusWidget() is left
    key(qtbot, window, Qt.Key.Key_Right)
    assert left.value() == 0
    qtbot.mouseClick(
        right.scale, Qt.MouseButton.LeftButton, pos=right.scale.cell_rect(5).center().toPoint()
    )
    assert right.value() == 5
    key(qtbot, window, Qt.Key.Key_Right)
    assert right.value() == 6


# ----- Enter presses the page's main button -------------------------------------------------
def test_enter_presses_the_main_button_only_when_it_is_enabled(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    page = window.checkin_page
    page.focus_first()
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page  # no ratings yet: Continue is disabled
    rate_by_keyboard(qtbot, window, clock)
    qtbot.keyClicks(page.note, "stiff")
    key(qtbot, window, Qt.Key.Key_Enter)  # from the note, with the keypad's Enter
    assert window.stack.currentWidget() is window.safety_page
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.session_page
    skip_everything(qtbot, window, 20)
    out = window.checkout_page
    clock.advance(READ_SECONDS)
    out.focus_first()
    for digit in "31":
        qtbot.keyClicks(window.focusWidget(), digit)
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.summary_page


def test_enter_on_a_ticked_warning_sign_does_not_start_the_session(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    rate_by_keyboard(qtbot, window, clock)
    key(qtbot, window, Qt.Key.Key_Return)
    safety = window.safety_page
    flag = next(iter(safety.flags.values()))
    flag.setFocus()
    flag.setChecked(True)
    key(qtbot, window, Qt.Key.Key_Return)  # the main button checks the answers
    assert flag.isChecked()
    assert safety.is_blocked
    assert window.stack.currentWidget() is safety
    key(qtbot, window, Qt.Key.Key_Return)  # "Back to the start"
    assert window.stack.currentWidget() is window.checkin_page


# ----- a session with every set skipped is not practice -------------------------------------
def test_a_session_with_every_set_skipped_is_not_practice(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    start(qtbot, window, clock)
    skip_everything(qtbot, window, 40)
    session = window.session
    assert session is not None and session.is_over
    assert all(r.status is SetStatus.SKIPPED and r.reps_done == 0 for r in session.results)
    assert session.end_reason is EndReason.USER  # not "completed"
    window.checkout_page.continue_button.setEnabled(True)
    window.checkout_page.skip_button.click()
    summary = window.summary_page
    assert summary.title.text() == "No reps done: this does not count as practice"

    assert window.history is not None
    store = window.history
    (stored,) = store.records()
    assert stored.end_reason is EndReason.USER
    assert store.pain_series() == []  # no day practised in the charts or the streak
    assert store.review_records(NOW.astimezone(timezone.utc)) == []
    out = tmp_path / "history.csv"
    export_csv(store, out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["end_reason"] == "stopped"


def test_a_session_with_reps_done_is_still_practice(tmp_path: Path) -> None:
    from knee_coach.core.plan import build_plan
    from knee_coach.core.session import Session
    from knee_coach.core.settings import Settings

    session = Session(build_plan(Settings()))
    now = 0.0
    session.begin(now)
    session.skip(now)  # past the preparation
    session.skip(now)  # past the count-in
    now += session.current.seconds_per_rep + 0.1
    session.tick(now)  # the first rep done
    while not session.is_over:
        session.skip(now)
    assert session.total_reps_done >= 1
    assert session.end_reason is EndReason.COMPLETED

    store = HistoryStore(Database.open(tmp_path))
    sid = store.begin_session(NOW, session.plan.sets and Settings().legs, None)
    for result in session.results:
        store.record_set(sid, result, NOW)
    store.end_session(sid, EndReason.COMPLETED, NOW)
    assert len(store.pain_series()) == 1


# ----- windows that fit a laptop screen ------------------------------------------------------
def test_the_main_window_and_the_history_fit_a_laptop_screen_less_its_taskbar(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.height() <= CLIENT_HEIGHT and window.width() <= 1366
    assert window.minimumSize().height() <= CLIENT_HEIGHT
    window.open_history()
    # The History is imported on a worker thread: the window answers until it shows.
    view = history_shown(qtbot, window)
    qtbot.waitExposed(view)
    assert view.height() <= CLIENT_HEIGHT and view.width() <= 1366
    assert view.minimumSizeHint().height() <= CLIENT_HEIGHT
    view.close()


# ----- plurals ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("n", "english", "japanese"),
    [
        (1, "Practised 1 day in a row.", "1日続けて行っています。"),
        (3, "Practised 3 days in a row.", "3日続けて行っています。"),
    ],
)
def test_the_streak_is_counted_with_the_right_plural(
    window: MainWindow, n: int, english: str, japanese: str
) -> None:
    from knee_coach.ui.history_view import HistoryView

    def streak() -> str:
        return QApplication.translate("HistoryView", "Practised %n day(s) in a row.", "", n)

    window.apply_language("en")
    assert streak() == english
    window.apply_language("ja")
    assert streak() == japanese
    del HistoryView


def test_every_counted_message_has_plural_forms_in_both_languages() -> None:
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parent.parent / "knee_coach" / "i18n"
    for name, forms in (("knee_coach_en.ts", 2), ("knee_coach_ja.ts", 1)):
        tree = ET.parse(root / name)
        for message in tree.iter("message"):
            source = message.findtext("source") or ""
            if "%n" in source or "%Ln" in source:
                assert message.get("numerus") == "yes", source
                found = message.find("translation").findall("numerusform")  # type: ignore[union-attr]
                assert len(found) == forms and all(f.text for f in found), (name, source)
