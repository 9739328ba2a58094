"""The main window: builds its parts and connects them; each part does one job.

- `session_flow.SessionFlow`: the pages from check-in to summary, and the running session;
- `history_access.HistoryAccess`: the history, opened after the first frame, and its damage;
- `csv_transfer.CsvTransfer`: File → Export / Import;
- `window_actions.WindowActions`: the menus;
- `sound_output.SoundOutput`: the cue player, loaded after the first frame;
- `close_behaviour.CloseBehaviour`: closing to the tray, or quitting.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from knee_coach import APP_NAME
from knee_coach.audio.player import CuePlayer
from knee_coach.core.clock import Clock, MonotonicClock, now_local
from knee_coach.core.model import LegChoice
from knee_coach.core.settings import CloseAction, Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui import i18n, storage_dialogs
from knee_coach.ui.background import BackgroundWork, make_qt_classes
from knee_coach.ui.close_behaviour import CloseBehaviour, Closing
from knee_coach.ui.csv_transfer import CsvTransfer
from knee_coach.ui.history_access import HistoryAccess
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.page_stack import PageStack
from knee_coach.ui.resources import app_icon
from knee_coach.ui.session_flow import SessionFlow
from knee_coach.ui.sound_output import PlayerFactory, SoundOutput
from knee_coach.ui.style import stylesheet
from knee_coach.ui.texts import datetime_text
from knee_coach.ui.window_actions import WindowActions
from knee_coach.ui.window_fit import fit_to_screen

# The history (SQLite), the session's modules, CSV, trends, pyqtgraph and the settings dialog
# are imported where first used: the window shows sooner without them.
if TYPE_CHECKING:
    from knee_coach.core.checkin import CheckIn
    from knee_coach.core.reminders import DueReminder
    from knee_coach.core.session import Session
    from knee_coach.storage.db import Database
    from knee_coach.storage.history import HistoryStore
    from knee_coach.storage.recorder import SessionRecorder, WallClock
    from knee_coach.ui.advice_page import StopAdvicePage
    from knee_coach.ui.checkin_page import CheckInPage
    from knee_coach.ui.history_view import HistoryView
    from knee_coach.ui.reminders import ReminderBanner
    from knee_coach.ui.safety_page import SafetyPage
    from knee_coach.ui.session_controller import SessionController
    from knee_coach.ui.session_page import SessionPage
    from knee_coach.ui.summary_page import SummaryPage

# The History window's module: it imports pyqtgraph, which is slow to import.
HISTORY_VIEW_MODULE = "knee_coach.ui.history_view"
# A window shown but never painted (a hidden workspace, say) still finishes starting.
FIRST_FRAME_TIMEOUT_MS = 1000


def _import_history_view() -> None:
    make_qt_classes()
    importlib.import_module(HISTORY_VIEW_MODULE)


class MainWindow(Retranslating, QMainWindow):
    settingsChanged = Signal(object)  # Settings, after the user changed and saved them
    visibilityChanged = Signal(bool)  # shown (True) or hidden (False)
    # Once, just after the window was first painted: the cue for what the first frame
    # need not wait for (the history, the tray, the audio).
    firstFramePainted = Signal()

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        player_factory: PlayerFactory | None = None,
        parent: QWidget | None = None,
        wall_clock: WallClock | None = None,
        language: str | None = None,
        prepare_player: Callable[[], None] | None = None,
    ) -> None:
        """`language` ("ja", "en", "system", e.g. from --lang) overrides the saved setting
        until the user picks a language in the window. `prepare_player` is the slow part of
        `player_factory` that can run on a worker thread."""
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        # Pages scroll (page_stack), so the window can be as small as a screen at 200 % text;
        # 1040x690 with its title bar is within 1366x768 less a taskbar.
        fit_to_screen(self, QSize(1040, 690), QSize(560, 360))
        self.data_dir = data_dir
        # The history's local time with its UTC offset comes from `wall_clock`.
        self.wall_clock: WallClock = wall_clock or now_local
        self.settings_store = SettingsStore(data_dir)
        self.settings = self.settings_store.load()
        self.autostart_supported = False  # set by the desktop integration
        self.history_view: HistoryView | None = None  # built on first use (pyqtgraph is slow)
        self._banner: ReminderBanner | None = None  # built when the first reminder comes
        self._language_problem: str | None = None
        self._styled_for: str | None = None  # the language the stylesheet's fonts are for
        self._first_frame_painted = False

        # The parts.
        self.access = HistoryAccess(data_dir, self)
        self.sound = SoundOutput(player_factory, self, prepare_player)
        self.sound.apply(self.settings)
        self.closing = CloseBehaviour(self)
        self.menus = WindowActions(self)
        self.csv = CsvTransfer(self, self.access, self._today)
        self._history_import = BackgroundWork(_import_history_view, self)
        self.stack = PageStack()
        self.flow = SessionFlow(
            self,
            self.stack,
            settings=lambda: self.settings,
            clock=clock or MonotonicClock(),
            wall_clock=self.wall_clock,
            access=self.access,
            sound=self.sound,
        )
        self.language_box = self._make_language_box()
        self._lay_out()
        self.apply_language(language or self.settings.language)
        self._connect_signals()
        self.flow.set_legs(self.settings.legs)
        self.retranslate()
        self.go_home()
        self._startup_message = self._startup_text()
        if self._startup_message:
            self.statusBar().showMessage(self._startup_message)

    def _make_language_box(self) -> QComboBox:
        """The language switcher, on every page (also mid-session): each name in its own
        language, so it can be found whatever the window speaks now."""
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code in i18n.LANGUAGES:
            box.addItem(i18n.NATIVE_NAMES[code], code)
        return box

    def _lay_out(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._banner_row = QVBoxLayout()  # the reminder banner, above the pages
        self._banner_row.setContentsMargins(12, 0, 12, 0)
        layout.addLayout(self._banner_row)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.language_box)
        self.statusBar().setSizeGripEnabled(False)

    def _connect_signals(self) -> None:
        self.menus.report.triggered.connect(self.open_report)
        self.menus.export_csv.triggered.connect(self.csv.export_history)
        self.menus.import_csv.triggered.connect(self.csv.import_history)
        self.menus.quit.triggered.connect(self.close)
        self.menus.history.triggered.connect(self.open_history)
        self.menus.shortcuts.triggered.connect(self.show_shortcuts)
        self.menus.prevention.triggered.connect(self.show_prevention)
        self._history_import.done.connect(self._history_imported)
        self.csv.statusMessage.connect(self.statusBar().showMessage)
        self.csv.imported.connect(self._history_changed)
        self.access.statusMessage.connect(self.statusBar().showMessage)
        self.access.interruptedFound.connect(self._show_startup_text)
        self.access.opened.connect(self._history_opened)
        self.sound.noticeChanged.connect(self.flow.show_sound_notice)
        self.flow.legsChanged.connect(self._legs_changed)
        self.flow.illustrationChosen.connect(
            lambda choice: self.save_settings(self.settings.replace(illustration=choice))
        )
        self.flow.settingsRequested.connect(self.open_settings)
        self.flow.historyRequested.connect(self.open_history)
        self.flow.statusMessage.connect(self.statusBar().showMessage)
        self.flow.historyChanged.connect(self._history_changed)
        self.flow.media.raiseRequested.connect(self.bring_to_front)
        self.language_box.activated.connect(self._language_picked)

    def _startup_text(self) -> str:
        """What went wrong before the window opened, in the current language."""
        interrupted = None
        if self.access.interrupted is not None:
            when, sets = self.access.interrupted
            interrupted = self.tr(
                "The session of {when} was interrupted; the %n set(s) done were kept.", "", sets
            ).format(when=datetime_text(when))
        settings = None
        if self.settings_store.kept_as is not None:
            # The parser's own words (English, technical) go to the log only: on the status
            # bar they pushed the name of the kept file out of sight.
            settings = self.tr(
                "The settings file could not be read, so the defaults are used; "
                "it was kept as {name}."
            ).format(name=self.settings_store.kept_as.name)
        problems = [p for p in (settings, self._language_problem, interrupted) if p]
        return " ".join(problems)

    def _show_startup_text(self) -> None:
        self._startup_message = self._startup_text()
        self.statusBar().showMessage(self._startup_message)

    # ----- what other parts and the tests reach through the window ---------------------------
    @property
    def checkin_page(self) -> CheckInPage:
        return self.flow.checkin.get()

    @property
    def safety_page(self) -> SafetyPage:
        return self.flow.safety.get()

    @property
    def session_page(self) -> SessionPage:
        return self.flow.session_page.get()

    @property
    def advice_page(self) -> StopAdvicePage:
        return self.flow.advice.get()

    @property
    def checkout_page(self) -> CheckInPage:
        return self.flow.checkout.get()

    @property
    def summary_page(self) -> SummaryPage:
        return self.flow.summary.get()

    @property
    def controller(self) -> SessionController | None:
        return self.flow.controller

    @property
    def session(self) -> Session | None:
        return self.flow.session

    @property
    def recorder(self) -> SessionRecorder | None:
        return self.flow.recorder

    @property
    def before(self) -> CheckIn | None:
        return self.flow.before

    @property
    def session_in_progress(self) -> bool:
        return self.flow.in_progress

    @property
    def history(self) -> HistoryStore | None:
        return self.access.history

    @property
    def db(self) -> Database | None:
        return self.access.db

    @property
    def player(self) -> CuePlayer:
        return self.sound.player

    @property
    def tray_available(self) -> bool:
        """Set by the desktop integration when a tray icon shows: closing may then hide."""
        return self.closing.tray_available

    @tray_available.setter
    def tray_available(self, available: bool) -> None:
        self.closing.tray_available = available

    @property
    def ask_close_action(self) -> Callable[[QWidget], tuple[CloseAction | None, bool]]:
        return self.closing.ask

    @ask_close_action.setter
    def ask_close_action(self, ask: Callable[[QWidget], tuple[CloseAction | None, bool]]) -> None:
        self.closing.ask = ask

    def go_home(self) -> None:
        self.flow.go_home()

    def start_session(self) -> None:
        self.flow.start_session()

    def toggle_pause(self) -> None:
        self.flow.toggle_pause()

    def count_rep(self) -> None:
        self.flow.count_rep()

    def skip(self) -> None:
        self.flow.skip()

    def stop(self) -> None:
        self.flow.stop()

    def stop_it_hurts(self) -> None:
        self.flow.stop_it_hurts()

    def show_prevention(self) -> None:
        """Help → Beyond the routines: what helps keep the pain from coming back."""
        from knee_coach.ui.prevention import PreventionDialog

        dialog = PreventionDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        from knee_coach.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # not exec(): a screen reader's action returns at once

    # ----- the reminder banner ----------------------------------------------------------------
    @property
    def reminder_banner(self) -> ReminderBanner:
        if self._banner is None:
            from knee_coach.ui.reminders import ReminderBanner

            self._banner = ReminderBanner()
            self._banner.startRequested.connect(self.start_from_reminder)
            self._banner_row.setContentsMargins(12, 8, 12, 0)
            self._banner_row.addWidget(self._banner)
        return self._banner

    def show_reminder(self, title: str, body: str, due: DueReminder | None = None) -> None:
        """The reminder inside the window (the tray shows its own message too, if it can);
        given `due`, the banner says it again in a newly chosen language."""
        self.reminder_banner.show_reminder(title, body, due)

    def start_from_reminder(self) -> None:
        """A reminder was clicked: the window, on the check-in page that starts a session."""
        if self._banner is not None:
            self._banner.hide()
        self.bring_to_front()
        if not self.session_in_progress and not self.flow.checkin.is_current():
            self.go_home()

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # ----- language ---------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The language the window speaks now: "en" or "ja"."""
        applied = i18n.current()
        return applied.language if applied else "en"

    def apply_language(self, choice: str) -> None:
        """Switch the whole window live ("system", "en" or "ja"); a running session goes on.

        Installing the translator makes Qt send LanguageChange to every widget, and each page
        retranslates itself (texts, and what it shows now) on that event.
        """
        shown = [w for w in (self, self.history_view) if w is not None and w.isVisible()]
        # Restyling every widget is a freeze of its own: the new texts come first, their
        # fonts in a turn of the event loop of their own. Nothing is painted in between:
        # the new texts in the old fonts would be a half-switched frame.
        for window in shown:
            window.setUpdatesEnabled(False)
        applied = i18n.apply_language(choice, self.data_dir / "cache" / "i18n")
        self._language_problem = applied.problem
        if shown:
            QTimer.singleShot(1, self, self._style_for_language)
        else:
            self._style_for_language()
        if applied.problem:
            self.statusBar().showMessage(applied.problem)
        self.language_box.setCurrentIndex(self.language_box.findData(applied.language))

    def _style_for_language(self) -> None:
        """The stylesheet with the font families for the language shown now (the History
        window takes it from this one), then the windows painted again."""
        if self._styled_for != self.language:
            self._styled_for = self.language
            self.setStyleSheet(stylesheet(self.language))
        for window in (self, self.history_view):
            if window is not None:
                window.setUpdatesEnabled(True)

    def set_language(self, choice: str) -> None:
        """The user picked a language: remember it, and switch now."""
        self.save_settings(self.settings.replace(language=choice))
        self.apply_language(choice)

    def _language_picked(self, index: int) -> None:
        code = self.language_box.itemData(index)
        if code != self.language:
            self.set_language(code)
        # Give the keys back to the page (Space must pause, not open the list).
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    def retranslate(self) -> None:
        """The window's own texts (menus, language switch, status bar) in the current
        language; `Retranslating` calls it again on every language change."""
        self.menus.retranslate()
        self.language_box.setToolTip(self.tr("Language of the window"))
        self.language_box.setAccessibleName(self.tr("Language"))
        self.sound.retranslate()
        # The start-up note, if it is still showing, in the new language.
        shown = getattr(self, "_startup_message", "")
        if shown and self.statusBar().currentMessage() == shown:
            self._show_startup_text()

    # ----- settings ---------------------------------------------------------------------------
    def save_settings(self, settings: Settings) -> None:
        changed = settings != self.settings
        self.settings = settings
        try:
            self.settings_store.save(settings)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Settings not saved"),
                self.tr("Could not save the settings: {error}").format(error=exc),
            )
        self.sound.apply(settings)
        if changed:
            self.settingsChanged.emit(settings)

    def _legs_changed(self, choice: LegChoice) -> None:
        self.save_settings(self.settings.replace(legs=choice))

    def open_settings(self) -> None:
        from knee_coach.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.settings,
            self,
            tray_available=self.tray_available,
            autostart_supported=self.autostart_supported,
        )
        if dialog.exec() and dialog.result_settings is not None:
            old_language = self.settings.language
            self.save_settings(dialog.result_settings)
            self.flow.set_legs(self.settings.legs)
            if self.settings.language != old_language:
                self.apply_language(self.settings.language)

    # ----- the history ------------------------------------------------------------------------
    def _today(self) -> date:
        return self.wall_clock().date()

    def open_history(self) -> None:
        """The History window; the first time, pyqtgraph is imported on a worker thread first
        (it takes a while), the window answering meanwhile."""
        history = self.access.open()
        if history is None:
            self.access.explain_unavailable(self)
            return
        if self.history_view is not None:
            self.history_view.reload()
            self._show_history()
        elif HISTORY_VIEW_MODULE in sys.modules:
            self._build_history()
        elif not self._history_import.started:
            self.statusBar().showMessage(self.tr("Opening the history…"))
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._history_import.start()

    def _history_imported(self) -> None:
        QApplication.restoreOverrideCursor()
        self.statusBar().clearMessage()
        self._build_history()

    def _build_history(self) -> None:
        from knee_coach.ui.history_view import HistoryView

        history = self.access.history
        if history is None or self.history_view is not None:
            return
        self.history_view = HistoryView(history, self.wall_clock, self)
        self._show_history()

    def _show_history(self) -> None:
        assert self.history_view is not None
        self.history_view.show()
        self.history_view.raise_()
        self.history_view.activateWindow()

    def open_report(self) -> None:
        from knee_coach.ui.report_dialog import open_report_dialog  # (not needed to start)

        open_report_dialog(self, self.access, self._today, self.data_dir / "cache" / "i18n")

    def _history_changed(self) -> None:
        if self.history_view is not None:
            self.history_view.reload()

    def _history_opened(self) -> None:
        if self.isVisible():
            self._report_history_news()

    def _report_history_news(self) -> None:
        if self.access.has_news:
            QTimer.singleShot(0, self, lambda: self.access.report_problems(self))

    # ----- start-up: the first frame first, the rest right after it ---------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.access.open_tried:
            self._report_history_news()
        self.visibilityChanged.emit(True)
        if not self._first_frame_painted:
            QTimer.singleShot(FIRST_FRAME_TIMEOUT_MS, self, self._first_frame_done)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._first_frame_done()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.visibilityChanged.emit(False)

    def _first_frame_done(self) -> None:
        if not self._first_frame_painted:
            self._first_frame_painted = True
            QTimer.singleShot(0, self, self._after_first_frame)

    def _after_first_frame(self) -> None:
        self.setWindowIcon(app_icon())
        self.access.open()
        self.sound.install_soon()
        self.firstFramePainted.emit()

    # ----- closing ----------------------------------------------------------------------------
    def quit_app(self) -> bool:
        """Really quit (tray menu): asks first only if a session is running."""
        self.closing.quitting = True
        if self.close():
            QApplication.quit()
            return True
        self.closing.quitting = False
        return False

    def _sets_saved(self) -> bool:
        return self.access.writable and not self.flow.save_failed

    def closeEvent(self, event: QCloseEvent) -> None:
        closing, remembered = self.closing.decide(self.settings.close_action)
        if remembered is not None:
            self.save_settings(self.settings.replace(close_action=remembered))
        if closing is Closing.CANCEL:
            event.ignore()
            return
        if closing is Closing.HIDE:
            # Keep running (a session goes on by ear); the tray brings the window back.
            event.ignore()
            self.hide()
            return
        if self.session_in_progress:
            held = self.flow.hold()  # no rep is counted while the question waits
            answer = QMessageBox.question(
                self,
                self.tr("Stop the session?"),
                storage_dialogs.stop_question(self._sets_saved()),
            )
            if answer != QMessageBox.StandardButton.Yes:
                if held:
                    self.flow.toggle_pause()  # on with the session, as it was
                self.closing.quitting = False
                event.ignore()
                return
            self.flow.stop()  # as the user's stop: the sets done are kept
        self.sound.close()
        if self.history_view is not None:
            self.history_view.close()
        self.flow.recorder = None
        self.access.close()
        super().closeEvent(event)
        if self.tray_available:  # the tray keeps the app alive after its last window closes
            QApplication.quit()
