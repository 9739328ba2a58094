"""Language in the real window: --lang, the switcher, the settings, mid-session, every page.

Japanese must reach every visible text (nothing left in English) and fit (nothing clipped).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from knee_coach import cli
from knee_coach.audio.player import SilentPlayer
from knee_coach.core.clock import FakeClock
from knee_coach.core.model import Pacing
from knee_coach.core.session import State
from knee_coach.core.settings import Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui.checkin_page import READ_SECONDS
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.settings_dialog import SettingsDialog
from knee_coach.ui.texts import date_text, number, weekday_name
from tests.driving import history_shown
from tests.test_window import check_in_by_keyboard, make_window, run_until, through_safety_gate

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Key names stay Latin in both languages.
KEY_NAMES = re.compile(r"\b(Space|Esc|P|H)\b")


@pytest.fixture(autouse=True)
def _answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)


def visible_texts(page: QWidget) -> list[tuple[QWidget, str]]:
    texts = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text().strip():
            texts.append((widget, widget.text()))
    return texts


def english_left(page: QWidget) -> list[str]:
    """Visible texts with Latin words but no Japanese: untranslated."""
    left = []
    for _, text in visible_texts(page):
        if JAPANESE.search(text):
            continue
        if re.search(r"[A-Za-z]{2,}", KEY_NAMES.sub("", text)):
            left.append(text)
    return left


def clipped(page: QWidget) -> list[str]:
    """Visible labels and buttons narrower (or, when wrapping, shorter) than their text."""
    out = []
    for widget, text in visible_texts(page):
        # Inside a scroll area, text is clipped only if it lies outside what scrolls.
        room = page
        parent = widget.parentWidget()
        while parent is not None and parent is not page:
            if isinstance(parent.parentWidget(), QScrollArea):  # a viewport
                room = parent.parentWidget().widget()
                break
            parent = parent.parentWidget()
        box = widget.rect().translated(widget.mapTo(room, widget.rect().topLeft()))
        if not room.rect().contains(box):
            out.append(f"{text!r}: outside the window ({box} in {room.rect()})")
        elif isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                out.append(f"{text!r}: needs {needed}px height, has {widget.height()}")
        else:
            hint = widget.minimumSizeHint()
            if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
                out.append(f"{text!r}: needs {hint.toTuple()}, has {widget.size().toTuple()}")
    return out


def test_lang_option_is_parsed_and_passed_to_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.build_parser().parse_args(["--lang", "ja"]).lang == "ja"
    assert cli.build_parser().parse_args(["--lang", "en"]).lang == "en"
    assert cli.build_parser().parse_args([]).lang is None
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["--lang", "fr"])
    seen: dict[str, object] = {}

    def fake_run_gui(
        folder: Path, self_test: bool = False, language: str | None = None, **_: object
    ) -> int:
        seen.update(folder=folder, language=language)
        return 0

    import knee_coach.app

    monkeypatch.setattr(knee_coach.app, "run_gui", fake_run_gui)
    assert cli.main(["--lang", "ja"]) == 0
    assert seen["language"] == "ja"


def test_lang_overrides_the_setting_without_changing_it(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    SettingsStore(data).save(Settings(language="en"))
    window = MainWindow(data, clock=FakeClock(0.0), player_factory=None, language="ja")
    qtbot.addWidget(window)
    assert window.language == "ja"
    assert window.checkin_page.continue_button.text() == "次へ"
    assert SettingsStore(data).load().language == "en"


def test_switching_mid_session_keeps_the_session_and_shows_japanese(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    player = SilentPlayer()
    window = make_window(qtbot, tmp_path / "data", clock, player, None)
    assert window.language == "en"
    check_in_by_keyboard(qtbot, window, "44")
    through_safety_gate(qtbot, window)
    run_until(
        window,
        clock,
        lambda: window.session.state is State.REP and window.controller.snapshot().rep == 3,
    )
    session, controller = window.session, window.controller
    page = window.session_page
    assert page.phase.text() in ("Bend", "Straighten")
    reps_before = session.reps_done

    # The switcher on the status bar, as a user would pick it.
    box = window.language_box
    box.setFocus()  # a click on the list gives it the focus
    assert window.focusWidget() is box
    box.setCurrentIndex(box.findData("ja"))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: page.phase.text() in ("曲げる", "伸ばす"), timeout=2000)

    assert window.session is session and window.controller is controller
    assert window.stack.currentWidget() is page
    assert not session.is_over and session.reps_done == reps_before
    assert "ハムストリングス" in page.heading.text()
    assert page.set_title.text() == "右脚・内側"
    assert page.counter.text() == "3 / 10"
    assert page.hurts_button.text() == "痛いので中止（H）"
    assert english_left(page) == []
    assert SettingsStore(tmp_path / "data").load().language == "ja"
    # The keys still drive the session after picking from the list.
    assert window.focusWidget() is not box
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Space)
    assert session.state is State.PAUSED and page.phase.text() == "一時停止中"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Space)
    assert session.state is not State.PAUSED

    # The session keeps running in the new language, and switches back.
    run_until(window, clock, lambda: window.controller.snapshot().rep == 5)
    assert page.counter.text() == "5 / 10"
    run_until(window, clock, lambda: window.session.set_index == 1)
    qtbot.waitUntil(lambda: page.set_title.text() == "右脚・外側", timeout=2000)
    box.setCurrentIndex(box.findData("en"))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: page.set_title.text() == "Right leg, outer side", timeout=2000)
    assert window.session is session and not session.is_over


def test_after_a_switch_the_window_wears_the_fonts_of_the_new_language(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from knee_coach.ui.style import FONT_FAMILIES

    window = MainWindow(tmp_path / "data", clock=FakeClock(0.0), player_factory=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    button = window.checkin_page.continue_button
    assert button.font().families()[0] == FONT_FAMILIES["en"][0]
    window.set_language("ja")
    # The fonts follow the texts in a turn of the event loop of their own (restyling every
    # widget is a freeze of its own).
    qtbot.waitUntil(lambda: button.font().families()[0] == FONT_FAMILIES["ja"][0], timeout=2000)
    assert button.text() == "次へ"
    window.set_language("en")
    qtbot.waitUntil(lambda: button.font().families()[0] == FONT_FAMILIES["en"][0], timeout=2000)
    assert button.text() == "Continue"


def test_until_the_new_fonts_are_on_the_windows_hold_their_paint(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The fonts come a turn of the event loop after the texts (restyling is a freeze of its
    own); a frame painted between would show the new texts in the old fonts, cut and then
    jumping. So the window and the History window paint nothing until the restyle."""
    from knee_coach.ui.style import FONT_FAMILIES

    window = MainWindow(tmp_path / "data", clock=FakeClock(0.0), player_factory=None)
    qtbot.addWidget(window)
    window.show()
    window.open_history()
    view = history_shown(qtbot, window)
    window.set_language("ja")
    QApplication.sendPostedEvents()  # the new texts are set (Qt posts LanguageChange)
    title = window.checkin_page.title
    assert JAPANESE.search(title.text()) and title.font().families()[0] == FONT_FAMILIES["en"][0]
    assert not window.updatesEnabled() and not view.updatesEnabled()
    qtbot.waitUntil(lambda: title.font().families()[0] == FONT_FAMILIES["ja"][0])
    assert window.updatesEnabled() and view.updatesEnabled()


def test_the_history_window_wears_the_fonts_of_the_language(qtbot: QtBot, tmp_path: Path) -> None:
    from knee_coach.ui.style import FONT_FAMILIES

    window = MainWindow(tmp_path / "data", clock=FakeClock(0.0), player_factory=None)
    qtbot.addWidget(window)
    window.show()
    window.open_history()
    view = history_shown(qtbot, window)
    heading = view.review_heading
    assert heading.font().families()[0] == FONT_FAMILIES["en"][0]
    window.set_language("ja")
    qtbot.waitUntil(lambda: heading.font().families()[0] == FONT_FAMILIES["ja"][0])
    assert heading.text() == "今週と先週"


def test_language_from_the_settings_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, tmp_path / "data", FakeClock(0.0), SilentPlayer(), None)

    def choose_japanese(dialog: SettingsDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("ja"))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_japanese)
    window.open_settings()
    qtbot.waitUntil(lambda: window.checkin_page.continue_button.text() == "次へ", timeout=2000)
    assert window.language == "ja"
    assert SettingsStore(tmp_path / "data").load().language == "ja"
    assert window.language_box.currentData() == "ja"


def test_settings_dialog_offers_system_english_and_japanese(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(language="system"))
    qtbot.addWidget(dialog)
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == [
        "system",
        "en",
        "ja",
    ]
    assert dialog.language.currentData() == "system"
    dialog.language.setCurrentIndex(2)
    assert dialog.value().language == "ja"


def test_numbers_and_dates_follow_the_language(qtbot: QtBot, tmp_path: Path) -> None:
    import datetime as dt

    from knee_coach.ui import i18n

    day = dt.date(2026, 1, 6)  # a Tuesday
    i18n.apply_language("ja", tmp_path / "cache")
    assert QLocale().language() is QLocale.Language.Japanese
    assert weekday_name(day) == "火"
    assert date_text(day) == "2026/01/06"
    assert number(12345) == "12,345"
    i18n.apply_language("en", tmp_path / "cache")
    assert weekday_name(day) == "Tue"
    assert "2026" in date_text(day, long=True) and "January" in date_text(day, long=True)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_is_translated_and_nothing_is_clipped(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, language: str
) -> None:
    """The whole flow at the window's minimum size: check-in, safety, routine 1, routine 2,
    stop for pain, advice, check-out, summary; and the safety gate's 'not today' view."""
    data = tmp_path / "data"
    window = MainWindow(data, clock=clock, player_factory=lambda: SilentPlayer(), language=language)
    qtbot.addWidget(window)
    window.resize(window.minimumSize())
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []

    def check(name: str) -> None:
        page = window.stack.currentWidget()
        qtbot.wait(1)  # let layouts settle
        if language == "ja":
            problems.extend(f"{name}: English left: {t!r}" for t in english_left(page))
        problems.extend(f"{name}: {c}" for c in clipped(page))

    check("check-in")
    check_in_by_keyboard(qtbot, window, "46")
    qtbot.mouseClick(window.checkin_page.continue_button, Qt.MouseButton.LeftButton)
    check("safety")
    window.safety_page.flags["swelling"].setChecked(True)
    window.safety_page.submit()
    check("safety blocked")
    qtbot.mouseClick(window.safety_page.home_button, Qt.MouseButton.LeftButton)
    check_in_by_keyboard(qtbot, window, "46")
    through_safety_gate(qtbot, window)
    check("get ready")
    run_until(window, clock, lambda: window.session.state is State.REP)
    check("routine 1")
    run_until(window, clock, lambda: window.session.set_index == 4)
    run_until(window, clock, lambda: window.session.state is State.REP)
    check("routine 2")
    window.toggle_pause()
    check("paused")
    window.toggle_pause()
    window.stop_it_hurts()
    check("stop advice")
    qtbot.mouseClick(window.advice_page.check_out, Qt.MouseButton.LeftButton)
    check("check-out")
    window.flow.clock.advance(READ_SECONDS)  # type: ignore[attr-defined]
    window.checkout_page.focus_first()
    for digit in "35":
        qtbot.keyClicks(window.focusWidget(), digit)
    qtbot.mouseClick(window.checkout_page.continue_button, Qt.MouseButton.LeftButton)
    check("summary")
    assert window.stack.currentWidget() is window.summary_page
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_manual_pacing_controls_fit_at_the_minimum_size(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, language: str
) -> None:
    """Manual counting shows one more button in the row of controls."""
    data = tmp_path / "data"
    SettingsStore(data).save(Settings(pacing=Pacing.MANUAL))
    window = MainWindow(data, clock=clock, player_factory=None, language=language)
    qtbot.addWidget(window)
    window.resize(window.minimumSize())
    window.show()
    qtbot.waitExposed(window)
    check_in_by_keyboard(qtbot, window, "46")
    through_safety_gate(qtbot, window)
    window.count_rep()
    page = window.session_page
    qtbot.wait(1)
    assert page.count_button.isVisible()
    assert clipped(page) == []
    if language == "ja":
        assert english_left(page) == []


def test_sound_notice_follows_the_language(qtbot: QtBot, tmp_path: Path) -> None:
    def no_audio() -> SilentPlayer:
        raise OSError("no device")

    window = MainWindow(tmp_path / "data", clock=FakeClock(0.0), player_factory=no_audio)
    qtbot.addWidget(window)
    window.show()
    notice = window.session_page.notice
    qtbot.waitUntil(lambda: notice.text() == "Sound is unavailable: no device", timeout=2000)
    window.set_language("ja")
    qtbot.waitUntil(lambda: notice.text() == "音を出せません：no device", timeout=2000)


def test_settings_dialog_in_japanese(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QComboBox, QGroupBox

    from knee_coach.ui import i18n

    i18n.apply_language("ja", tmp_path / "cache")
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.windowTitle()]
    texts += [box.title() for box in dialog.findChildren(QGroupBox)]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    for combo in dialog.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) != "en"]
    untranslated = [
        t
        for t in texts
        if not JAPANESE.search(t)
        and t.replace("&", "") != "OK"
        and re.search(r"[A-Za-z]{2,}", t)  # "80 %" or an empty scroll button is not English
    ]
    assert untranslated == []
    assert dialog.findChildren(QAbstractButton)  # OK / キャンセル from Qt's own catalogue
    assert any("キャンセル" in b.text() for b in dialog.findChildren(QAbstractButton))


def test_a_damaged_settings_file_is_reported_in_the_window_language(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text("{not json", encoding="utf-8")
    window = MainWindow(data, clock=FakeClock(0.0), language="ja")
    qtbot.addWidget(window)
    message = window.statusBar().currentMessage()
    assert "settings.json.bad" in message and JAPANESE.search(message), message
    assert (data / "settings.json.bad").read_text(encoding="utf-8") == "{not json"
