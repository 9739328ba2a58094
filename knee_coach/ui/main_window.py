"""The main window: the guided flow from check-in to summary, and the session shortcuts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

# Classes the first frame does not use are spelt QtCore.X (QtGui.X, ...) where used:
# PySide6 builds a class's Python enums when it is first imported.
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from knee_coach import APP_NAME
from knee_coach.audio.player import CuePlayer, SilentPlayer
from knee_coach.core.clock import Clock, MonotonicClock, now_local
from knee_coach.core.model import EndReason, LegChoice
from knee_coach.core.settings import CloseAction, Settings
from knee_coach.storage.settings_store import SettingsStore
from knee_coach.ui import i18n
from knee_coach.ui.checkin_page import CheckInPage
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.resources import app_icon
from knee_coach.ui.style import stylesheet
from knee_coach.ui.texts import datetime_text, number

# Only what the first frame shows is imported above. The history (SQLite), sessions, CSV,
# trends, the other pages and the settings dialog are imported where first used: each costs
# start-up time, and Qt for Python reads the source of every module imported after it.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShortcut

    from knee_coach.core.checkin import CheckIn
    from knee_coach.core.cues import CueEvent
    from knee_coach.core.reminders import DueReminder
    from knee_coach.core.session import Session
    from knee_coach.core.trends import Nudge
    from knee_coach.storage.db import CorruptionReport, Database
    from knee_coach.storage.history import HistoryStore
    from knee_coach.storage.recorder import SessionRecorder, WallClock
    from knee_coach.ui.advice_page import StopAdvicePage
    from knee_coach.ui.history_view import HistoryView
    from knee_coach.ui.reminders import ReminderBanner
    from knee_coach.ui.safety_page import SafetyPage
    from knee_coach.ui.session_controller import SessionController
    from knee_coach.ui.session_page import SessionPage
    from knee_coach.ui.summary_page import SummaryPage

PlayerFactory = Callable[[], CuePlayer]
PLAYER_DELAY_MS = 300
FIRST_FRAME_TIMEOUT_MS = 1000
log = logging.getLogger(__name__)


def storage_errors() -> tuple[type[Exception], ...]:
    """What can go wrong writing the history; a session always goes on regardless.

    A function, so that SQLite loads with the history, after the first frame."""
    import sqlite3

    from knee_coach.storage.db import DatabaseError

    return (sqlite3.Error, DatabaseError, OSError)


def ask_close_action(parent: QWidget) -> tuple[CloseAction | None, bool]:
    """Ask whether closing the window keeps the app in the tray or quits.

    Returns the choice (None: cancel, keep the window) and whether to remember it.
    """
    from PySide6.QtWidgets import QCheckBox

    box = QtWidgets.QMessageBox(parent)
    box.setObjectName("closeQuestion")
    box.setIcon(QtWidgets.QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Close Knee Coach?"))
    box.setText(
        QCoreApplication.translate(
            "MainWindow",
            "Keep Knee Coach running in the tray so your reminders still come, or quit it?",
        )
    )
    keep = box.addButton(
        QCoreApplication.translate("MainWindow", "Keep in tray"),
        QtWidgets.QMessageBox.ButtonRole.AcceptRole,
    )
    quit_button = box.addButton(
        QCoreApplication.translate("MainWindow", "Quit"),
        QtWidgets.QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    remember = QCheckBox(
        QCoreApplication.translate("MainWindow", "Remember my choice (change it in Settings)")
    )
    box.setCheckBox(remember)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return CloseAction.TRAY, remember.isChecked()
    if clicked is quit_button:
        return CloseAction.QUIT, remember.isChecked()
    return None, False


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
    ) -> None:
        """`language` ("ja", "en", "system", e.g. from --lang) overrides the saved setting
        until the user picks a language in the window."""
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.resize(1040, 720)
        self.setMinimumSize(860, 690)
        self.data_dir = data_dir
        self.clock = clock or MonotonicClock()
        self.settings_store = SettingsStore(data_dir)
        self.settings = self.settings_store.load()
        # The real player loads QtMultimedia; it is created after the first frame is shown.
        self.player: CuePlayer = SilentPlayer()
        self._player_factory = player_factory
        self.controller: SessionController | None = None
        self.before: CheckIn | None = None
        self.after: CheckIn | None = None
        # The history: the local time with its UTC offset comes from `wall_clock`.
        self.wall_clock: WallClock = wall_clock or now_local
        self.db: Database | None = None
        self.history: HistoryStore | None = None
        self.history_problem: str | None = None  # why there is no history, for the user
        self._corruption: CorruptionReport | None = None
        # The last session cut short (its start, sets kept), told on the status bar.
        self._interrupted: tuple[datetime, int] | None = None
        self._startup_message = ""  # what the status bar said at start, to say it again
        self.recorder: SessionRecorder | None = None
        self._storage_warned = False
        self.history_view: HistoryView | None = None  # built on first use (pyqtgraph is slow)
        self._language_problem: str | None = None
        self._styled_for: str | None = None  # the language the stylesheet's fonts are for
        self._sound_error: str | None = None
        self.apply_language(language or self.settings.language)
        self._tray_available = False
        self.autostart_supported = False
        self._quitting = False
        self.ask_close_action: Callable[[QWidget], tuple[CloseAction | None, bool]] = (
            ask_close_action
        )

        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        # The reminder banner above the pages is built when the first reminder comes.
        self._banner: ReminderBanner | None = None
        self._banner_row = QVBoxLayout()
        self._banner_row.setContentsMargins(12, 0, 12, 0)
        central_layout.addLayout(self._banner_row)
        self.stack = QStackedWidget()
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # Pages are built when first shown: only the check-in is needed for the first frame,
        # and each page's widgets (and the Qt enums they touch) cost start-up time.
        self._pages: dict[str, QWidget] = {}
        self.checkin_page.set_legs(self.settings.legs)
        self._build_menus()

        self._shortcuts: list[QShortcut] = []  # the session's keys, made with its page
        self.stack.currentChanged.connect(self._page_changed)

        # The language switcher, on every page (also mid-session): each name in its own
        # language, so it can be found whatever the window speaks now.
        self.language_box = QComboBox()
        # Sized for its current name only: measuring every item would load a Japanese font
        # (and its fallbacks) for "日本語" before the first frame, ~4 ms that nobody sees.
        self.language_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.language_box.setMinimumContentsLength(8)
        for code in i18n.LANGUAGES:
            self.language_box.addItem(i18n.NATIVE_NAMES[code], code)
        self.language_box.setCurrentIndex(self.language_box.findData(self.language))
        self.language_box.activated.connect(self._language_picked)
        self.statusBar().addPermanentWidget(self.language_box)
        self.statusBar().setSizeGripEnabled(False)
        self.retranslate()

        self.go_home()
        # The history is opened right after the first frame (or when first needed), so the
        # window shows without waiting for SQLite.
        self._history_opened = False
        self._first_frame_painted = False
        self._startup_message = self._startup_text()
        if self._startup_message:
            self.statusBar().showMessage(self._startup_message)

    def _startup_text(self) -> str:
        """What went wrong before the window opened, in the current language."""
        interrupted = None
        if self._interrupted is not None:
            when, sets = self._interrupted
            interrupted = self.tr(
                "The session of {when} was interrupted; the {sets} sets done were kept."
            ).format(when=datetime_text(when), sets=number(sets))
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

    # ----- pages, built on first use ---------------------------------------------------------
    def _page(self, name: str) -> QWidget:
        page = self._pages.get(name)
        if page is None:
            page = getattr(self, f"_build_{name}_page")()
            self._pages[name] = page
            self.stack.addWidget(page)
        return page

    def _build_checkin_page(self) -> QWidget:
        page = CheckInPage(after=False)
        page.legsChanged.connect(self._legs_changed)
        page.settingsRequested.connect(self.open_settings)
        page.historyRequested.connect(self.open_history)
        page.submitted.connect(self._checked_in)
        return page

    def _build_safety_page(self) -> QWidget:
        from knee_coach.ui.safety_page import SafetyPage

        page = SafetyPage()
        page.back.connect(self.go_home)
        page.passed.connect(self.start_session)
        return page

    def _build_session_page(self) -> QWidget:
        from knee_coach.ui.session_page import SessionPage

        page = SessionPage()
        page.pauseRequested.connect(self.toggle_pause)
        page.countRequested.connect(self.count_rep)
        page.skipRequested.connect(self.skip)
        page.stopRequested.connect(self.stop)
        page.hurtsRequested.connect(self.stop_it_hurts)
        from PySide6.QtCore import Qt  # (not at the top: see _set_menu_shortcuts)
        from PySide6.QtGui import QShortcut

        # The session's keys work anywhere in the window, but only while the session shows.
        for key, slot in (
            (Qt.Key.Key_Space, self._space),
            (Qt.Key.Key_P, self.toggle_pause),
            (Qt.Key.Key_Right, self.skip),
            (Qt.Key.Key_Escape, self.stop),
            (Qt.Key.Key_H, self.stop_it_hurts),
        ):
            shortcut = QShortcut(QtGui.QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            shortcut.setEnabled(False)
            self._shortcuts.append(shortcut)
        return page

    def _build_advice_page(self) -> QWidget:
        from knee_coach.ui.advice_page import StopAdvicePage

        page = StopAdvicePage()
        page.checkOutRequested.connect(self._to_checkout)
        page.summaryRequested.connect(lambda: self._checked_out(None))
        return page

    def _build_checkout_page(self) -> QWidget:
        page = CheckInPage(after=True)
        page.submitted.connect(self._checked_out)
        return page

    def _build_summary_page(self) -> QWidget:
        from knee_coach.ui.summary_page import SummaryPage

        page = SummaryPage()
        page.doneRequested.connect(self.go_home)
        page.historyRequested.connect(self.open_history)
        return page

    @property
    def checkin_page(self) -> CheckInPage:
        return self._page("checkin")  # type: ignore[return-value]

    @property
    def safety_page(self) -> SafetyPage:
        return self._page("safety")  # type: ignore[return-value]

    @property
    def session_page(self) -> SessionPage:
        return self._page("session")  # type: ignore[return-value]

    @property
    def advice_page(self) -> StopAdvicePage:
        return self._page("advice")  # type: ignore[return-value]

    @property
    def checkout_page(self) -> CheckInPage:
        return self._page("checkout")  # type: ignore[return-value]

    @property
    def summary_page(self) -> SummaryPage:
        return self._page("summary")  # type: ignore[return-value]

    @property
    def reminder_banner(self) -> ReminderBanner:
        if self._banner is None:
            from knee_coach.ui.reminders import ReminderBanner

            self._banner = ReminderBanner()
            self._banner.startRequested.connect(self.start_from_reminder)
            self._banner_row.setContentsMargins(12, 8, 12, 0)
            self._banner_row.addWidget(self._banner)
        return self._banner

    # ----- start-up -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        """Menus and actions; their texts are set in `retranslate` so they follow the language."""
        self.file_menu = self.menuBar().addMenu("")
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.export_history)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.import_history)
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu("")
        self.history_action = QAction(self)
        self.history_action.triggered.connect(self.open_history)
        self.view_menu.addAction(self.history_action)

    def _set_menu_shortcuts(self) -> None:
        """Set after the first frame: the first `setShortcut` builds all of the `Qt`
        namespace's Python enum classes (~30 ms); the menus are closed until then anyway."""
        self.quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        self.history_action.setShortcut(QtGui.QKeySequence("Ctrl+H"))

    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.export_action.setText(self.tr("&Export history as CSV…"))
        self.import_action.setText(self.tr("&Import history from CSV…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.history_action.setText(self.tr("&History and weekly review"))

    # ----- the history database -------------------------------------------------------------
    def _ensure_history(self) -> None:
        """Open the history once; say what happened (interrupted session, damage) if shown."""
        if self._history_opened:
            return
        self._history_opened = True
        self._open_history_store()
        if self._interrupted is not None:
            self._startup_message = self._startup_text()
            self.statusBar().showMessage(self._startup_message)
        if self.isVisible() and (self.history_problem or self._corruption):
            QTimer.singleShot(0, self, self._report_history_problem)

    def _open_history_store(self) -> None:
        """Open the history; without it the sessions still run (nothing is stored)."""
        from knee_coach.storage.db import Database, NewerDatabaseError
        from knee_coach.storage.history import HistoryStore

        try:
            self.db = Database.open(self.data_dir)
        except NewerDatabaseError as exc:
            self.history_problem = self.tr(
                "Your history was saved by a newer version of Knee Coach (database version "
                "{version}). It was left untouched. Please update Knee Coach to see it and "
                "to keep recording; sessions run meanwhile but are not stored.\n\n{path}"
            ).format(version=exc.version, path=exc.path)
        except storage_errors() as exc:
            self.history_problem = self.tr(
                "The history cannot be opened, so sessions are not stored for now: {error}"
            ).format(error=exc)
        if self.db is None:
            log.warning("history unavailable: %s", self.history_problem)
            return
        self.history = HistoryStore(self.db)
        self._corruption = self.db.corruption
        try:
            interrupted = self.history.mark_interrupted()
        except storage_errors() as exc:
            log.warning("could not mark interrupted sessions: %s", exc)
            interrupted = []
        if interrupted:
            last = interrupted[-1]
            self._interrupted = (last.started, len(last.sets))

    def _report_history_problem(self) -> None:
        if self.history_problem:
            QtWidgets.QMessageBox.warning(
                self, self.tr("History not available"), self.history_problem
            )
        report, self._corruption = self._corruption, None
        if report is None:
            return
        text = self.tr(
            "The history file was damaged and could not be read. It was kept, not deleted, "
            "as:\n{moved}\n\nA new, empty history was started."
        ).format(moved=report.moved_to)
        box = QtWidgets.QMessageBox(self)
        box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("History damaged"))
        restore = None
        if report.latest_backup is not None:
            text += "\n\n" + self.tr(
                "The latest backup is from {when}. Restore it? Sessions after it are in the "
                "damaged file only."
            ).format(when=_backup_time_text(report.latest_backup))
            restore = box.addButton(
                self.tr("Restore the latest backup"), QtWidgets.QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(
                self.tr("Start with an empty history"), QtWidgets.QMessageBox.ButtonRole.RejectRole
            )
        else:
            box.addButton(QtWidgets.QMessageBox.StandardButton.Ok)
        box.setText(text)
        box.exec()
        if restore is not None and box.clickedButton() is restore and self.db is not None:
            try:
                self.db.restore(report.latest_backup)  # type: ignore[arg-type]
            except storage_errors() as exc:
                QtWidgets.QMessageBox.warning(
                    self,
                    self.tr("History damaged"),
                    self.tr("The backup could not be restored: {error}").format(error=exc),
                )
                return
            self.statusBar().showMessage(self.tr("The latest backup was restored."))

    def _storage_failed(self, exc: Exception) -> None:
        log.warning("history write failed: %s", exc)
        if not self._storage_warned:
            self._storage_warned = True
            self.statusBar().showMessage(
                self.tr("This session could not be saved to the history: {error}").format(error=exc)
            )

    # ----- language -----------------------------------------------------------------------
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
        applied = i18n.apply_language(choice, self.data_dir / "cache" / "i18n")
        self._language_problem = applied.problem
        if self._styled_for != applied.language:
            self.setStyleSheet(stylesheet(applied.language))
            self._styled_for = applied.language
        if applied.problem:
            self.statusBar().showMessage(applied.problem)
        box = getattr(self, "language_box", None)
        if box is not None:
            box.setCurrentIndex(box.findData(applied.language))

    def set_language(self, choice: str) -> None:
        """The user picked a language: remember it, and switch now."""
        self._save_settings(Settings.from_dict({**self.settings.to_dict(), "language": choice}))
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
        self._retranslate_menus()
        self.language_box.setToolTip(self.tr("Language of the window"))
        self.language_box.setAccessibleName(self.tr("Language"))
        self._show_sound_error()
        # The start-up note, if it is still showing, in the new language.
        shown = getattr(self, "_startup_message", "")
        if shown and self.statusBar().currentMessage() == shown:
            self._startup_message = self._startup_text()
            self.statusBar().showMessage(self._startup_message)

    # ----- start-up -------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._history_opened and (self.history_problem or self._corruption):
            QTimer.singleShot(0, self, self._report_history_problem)
        self.visibilityChanged.emit(True)
        if not self._first_frame_painted:
            # Should the window not be painted soon (shown on a hidden workspace, say), the
            # rest of the start-up (the tray, reminders among it) must not wait for it.
            QTimer.singleShot(FIRST_FRAME_TIMEOUT_MS, self, self._first_frame_done)

    def paintEvent(self, event: object) -> None:  # type: ignore[override]
        super().paintEvent(event)  # type: ignore[arg-type]
        self._first_frame_done()

    def _first_frame_done(self) -> None:
        if not self._first_frame_painted:
            # The rest of the start-up waits until the window is on screen.
            self._first_frame_painted = True
            QTimer.singleShot(0, self, self._after_first_frame)

    def _after_first_frame(self) -> None:
        # Rendering the SVG icon for the window manager costs ~4 ms; unseen in the first frame.
        self.setWindowIcon(app_icon())
        self._set_menu_shortcuts()
        self._ensure_history()
        if self._player_factory is not None:
            # Loading QtMultimedia blocks for a few hundred ms: let the first frame settle
            # before it. A session started sooner loads it on the spot.
            QTimer.singleShot(PLAYER_DELAY_MS, self, self._install_player)
        self.firstFramePainted.emit()

    def _install_player(self) -> None:
        factory, self._player_factory = self._player_factory, None
        if factory is None:
            return
        try:
            player = factory()
        except Exception as exc:  # no audio must never stop a session
            self.player = SilentPlayer()
            self._sound_error = str(exc)
            self._show_sound_error()
            return
        self.player = player
        # The notice follows the device and the voice as they come and go mid-session.
        player.set_notice_listener(self.session_page.set_notice)
        self._apply_sound_settings()
        self.session_page.set_notice(player.notice)

    def _show_sound_error(self) -> None:
        if self._sound_error is not None:
            self.session_page.set_notice(
                self.tr("Sound is unavailable: {error}").format(error=self._sound_error)
            )

    def _apply_sound_settings(self) -> None:
        self.player.set_enabled(self.settings.sound)
        self.player.set_voice(self.settings.voice, self.settings.language)
        self.player.set_volume(self.settings.volume)

    # ----- flow -----------------------------------------------------------------------------
    def _page_changed(self) -> None:
        on_session = self.stack.currentWidget() is self._pages.get("session")
        for shortcut in self._shortcuts:
            shortcut.setEnabled(on_session)

    def go_home(self) -> None:
        self.before = self.after = None
        self.checkin_page.reset()
        self.stack.setCurrentWidget(self.checkin_page)
        self.checkin_page.focus_first()

    def _legs_changed(self, choice: LegChoice) -> None:
        self._save_settings(Settings.from_dict({**self.settings.to_dict(), "legs": choice.value}))

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
            self._save_settings(dialog.result_settings)
            self.checkin_page.set_legs(self.settings.legs)
            if self.settings.language != old_language:
                self.apply_language(self.settings.language)

    # ----- reminders and the tray -----------------------------------------------------------
    @property
    def session_in_progress(self) -> bool:
        session = self.session
        return session is not None and session.started_at is not None and not session.is_over

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_reminder(self, title: str, body: str, due: DueReminder | None = None) -> None:
        """The reminder inside the window (the tray shows its own message too, if it can);
        given `due`, the banner says it again in a newly chosen language."""
        self.reminder_banner.show_reminder(title, body, due)

    def start_from_reminder(self) -> None:
        """A reminder was clicked: the window, on the check-in page that starts a session."""
        if self._banner is not None:
            self._banner.hide()
        self.bring_to_front()
        if not self.session_in_progress and self.stack.currentWidget() is not self.checkin_page:
            self.go_home()

    @property
    def tray_available(self) -> bool:
        """Set by the desktop integration when a tray icon is showing: closing may then hide."""
        return self._tray_available

    @tray_available.setter
    def tray_available(self, available: bool) -> None:
        # Qt 6 closes the visible windows when the app quits (from the session manager too);
        # that close must quit, not hide to the tray, so the Quit event marks it first. The
        # app-wide filter sees every event, so it is only installed while it matters.
        app = QApplication.instance()
        if app is not None and available != self._tray_available:
            if available:
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)
        self._tray_available = available

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit and watched is QApplication.instance():
            self._quitting = True
        return False

    def quit_app(self) -> bool:
        """Really quit (tray menu): asks first only if a session is running."""
        self._quitting = True
        if self.close():
            QApplication.quit()
            return True
        self._quitting = False
        return False

    def hideEvent(self, event: object) -> None:  # type: ignore[override]
        super().hideEvent(event)  # type: ignore[arg-type]
        self.visibilityChanged.emit(False)

    def _save_settings(self, settings: Settings) -> None:
        changed = settings != self.settings
        self.settings = settings
        try:
            self.settings_store.save(settings)
        except OSError as exc:
            QtWidgets.QMessageBox.warning(
                self,
                self.tr("Settings not saved"),
                self.tr("Could not save the settings: {error}").format(error=exc),
            )
        self._apply_sound_settings()
        if changed:
            self.settingsChanged.emit(settings)

    def _checked_in(self, check_in: CheckIn | None) -> None:
        self.before = check_in
        self.safety_page.reset()
        self.stack.setCurrentWidget(self.safety_page)

    def start_session(self) -> None:
        from knee_coach.core.plan import build_plan
        from knee_coach.storage.recorder import SessionRecorder
        from knee_coach.ui.session_controller import SessionController

        self._install_player()  # no-op once loaded
        plan = build_plan(self.settings)
        controller = SessionController(plan, self.clock, self)
        self.controller = controller
        self.player.set_plan(plan)
        controller.cues.connect(self._on_cues)
        controller.changed.connect(self.session_page.show_snapshot)
        controller.finished.connect(self._session_finished)
        self.recorder = None
        self._storage_warned = False
        self._ensure_history()
        if self.history is not None:
            try:
                self.recorder = SessionRecorder(
                    self.history,
                    controller.session,
                    self.settings.legs,
                    self.before,
                    self.wall_clock,
                )
            except storage_errors() as exc:
                self._storage_failed(exc)
        self.session_page.start(plan, controller.snapshot)
        self.stack.setCurrentWidget(self.session_page)
        controller.begin()

    def _on_cues(self, events: list[CueEvent]) -> None:
        self.player.play_batch(events)
        self.session_page.on_cues(events)
        self._store_progress()

    def _store_progress(self) -> None:
        """Finished sets (and the end) go to the history at once, not at the end."""
        if self.recorder is None:
            return
        try:
            self.recorder.sync()
        except storage_errors() as exc:
            self._storage_failed(exc)

    @property
    def session(self) -> Session | None:
        return self.controller.session if self.controller else None

    def _space(self) -> None:
        if self.controller is None:
            return
        if self.controller.manual:
            self.count_rep()
        else:
            self.toggle_pause()

    def toggle_pause(self) -> None:
        if self.controller is not None and not self.controller.session.is_over:
            self.controller.toggle_pause()

    def count_rep(self) -> None:
        if self.controller is not None:
            self.controller.count_rep()

    def skip(self) -> None:
        if self.controller is not None and not self.controller.session.is_over:
            self.controller.skip()

    def stop(self) -> None:
        if self.controller is not None and not self.controller.session.is_over:
            self.controller.stop(EndReason.USER)

    def stop_it_hurts(self) -> None:
        if self.controller is not None and not self.controller.session.is_over:
            self.controller.stop(EndReason.PAIN)

    def _session_finished(self, session: Session) -> None:
        if session.end_reason is EndReason.PAIN:
            self.advice_page.show_session(session)
            self.stack.setCurrentWidget(self.advice_page)
        else:
            self._to_checkout()

    def _to_checkout(self) -> None:
        legs = self.settings.legs
        self.checkout_page.set_legs(legs)
        self.checkout_page.reset()
        self.stack.setCurrentWidget(self.checkout_page)

    def _checked_out(self, check_in: CheckIn | None) -> None:
        self.after = check_in
        before, after, nudge = self.before, self.after, None
        if self.recorder is not None:
            # The summary shows what was stored, so it is what the history will show.
            try:
                self._store_progress()
                self.recorder.check_out(check_in)
                stored = self.recorder.stored()
                if stored is not None:
                    before, after = stored.before, stored.after
                nudge = self._nudge()
            except storage_errors() as exc:
                self._storage_failed(exc)
        if self.session is not None:
            self.summary_page.show_session(self.session, before, after, nudge)
        self.stack.setCurrentWidget(self.summary_page)
        if self.history_view is not None:
            self.history_view.reload()

    def _today(self) -> date:
        return self.wall_clock().date()

    def _nudge(self) -> Nudge | None:
        from knee_coach.core.trends import clinic_nudge

        self._ensure_history()
        if self.history is None:
            return None
        now = self.wall_clock()
        records = self.history.review_records(now.astimezone(timezone.utc))
        return clinic_nudge(records, now.date())

    # ----- history window and CSV -----------------------------------------------------------
    def open_history(self) -> None:
        self._ensure_history()
        if self.history is None:
            QtWidgets.QMessageBox.warning(
                self,
                self.tr("History not available"),
                self.history_problem or self.tr("The history is not available."),
            )
            return
        if self.history_view is None:
            # pyqtgraph costs start-up time: imported only when the history is first opened.
            from knee_coach.ui.history_view import HistoryView

            self.history_view = HistoryView(self.history, self.wall_clock, self)
        else:
            self.history_view.reload()
        self.history_view.show()
        self.history_view.raise_()
        self.history_view.activateWindow()

    def export_history(self) -> None:
        self._ensure_history()
        if self.history is None:
            self.open_history()  # explains why not
            return
        suggested = str(
            Path.home() / self.tr("knee-coach-history-{day}.csv").format(day=self._today())
        )
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export history as CSV"), suggested, self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        from knee_coach.storage.csv_io import export_csv

        try:
            n = export_csv(self.history, Path(path))
        except storage_errors() as exc:
            QtWidgets.QMessageBox.warning(
                self,
                self.tr("Export failed"),
                self.tr("The history could not be written to {path}: {error}").format(
                    path=path, error=exc
                ),
            )
            return
        self.statusBar().showMessage(
            self.tr("%n session(s) exported to {path}", "", n).format(path=path)
        )

    def import_history(self) -> None:
        self._ensure_history()
        if self.history is None:
            self.open_history()
            return
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import history from CSV"), str(Path.home()), self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        from knee_coach.storage.csv_io import CsvImportError, import_csv

        try:
            result = import_csv(self.history, Path(path))
        except CsvImportError as exc:
            QtWidgets.QMessageBox.warning(
                self,
                self.tr("Nothing was imported"),
                self.tr("{problem}\n\nThe history was not changed.").format(
                    problem=exc.message(QCoreApplication.translate)
                ),
            )
            return
        except storage_errors() as exc:
            QtWidgets.QMessageBox.warning(
                self,
                self.tr("Nothing was imported"),
                self.tr("The history could not be updated: {error}").format(error=exc),
            )
            return
        text = self.tr("%Ln session(s) added.", "", result.added)
        if result.skipped:
            text += " " + self.tr(
                "%Ln session(s) already in the history, so skipped.", "", result.skipped
            )
        QtWidgets.QMessageBox.information(self, self.tr("History imported"), text)
        if self.history_view is not None:
            self.history_view.reload()

    # ----- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray_available and not self._quitting:
            action = self.settings.close_action
            if action is CloseAction.ASK:
                choice, remember = self.ask_close_action(self)
                if choice is None:
                    event.ignore()
                    return
                if remember:
                    self._save_settings(self.settings.replace(close_action=choice))
                action = choice
            if action is CloseAction.TRAY:
                # Keep running (a session goes on by ear); the tray brings the window back.
                event.ignore()
                self.hide()
                return
        if self.session_in_progress:
            answer = QtWidgets.QMessageBox.question(
                self,
                self.tr("Stop the session?"),
                self.tr("A session is in progress. Stop it and quit? The sets done are kept."),
            )
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                self._quitting = False
                event.ignore()
                return
            self.controller.stop(EndReason.USER)  # type: ignore[union-attr]
        self.player.set_notice_listener(None)
        self.player.close()
        if self.history_view is not None:
            self.history_view.close()
        if self.db is not None:
            self.db.close()
            self.db = self.history = None
            self.recorder = None
        super().closeEvent(event)
        if self.tray_available:  # the tray keeps the app alive after its last window closes
            QApplication.quit()


def _backup_time_text(path: Path) -> str:
    """The local time a backup was made, from its UTC stamp (history-v1-<stamp>.sqlite3)."""
    stamp = path.name.rsplit("-", 1)[-1].split(".")[0]
    try:
        made = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return path.name
    return datetime_text(made.astimezone())
