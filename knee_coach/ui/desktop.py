"""The app on the desktop: tray icon, reminders, start at login and the running instance.

Wires the pieces to the main window; each piece stays testable on its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from knee_coach.core.clock import Clock
from knee_coach.core.reminders import DueReminder, WallClock
from knee_coach.core.settings import Settings
from knee_coach.storage.autostart import Autostart, supported
from knee_coach.ui.main_window import MainWindow
from knee_coach.ui.reminders import ReminderTimer, reminder_texts
from knee_coach.ui.resources import app_icon
from knee_coach.ui.tray import TrayIcon


class Desktop(QObject):
    def __init__(
        self,
        window: MainWindow,
        *,
        use_tray: bool | None = None,
        wall: WallClock | None = None,
        monotonic: Clock | None = None,
        autostart: Autostart | None = None,
        autostart_supported: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.data_dir: Path = window.data_dir
        self.autostart = autostart or Autostart()
        window.autostart_supported = (
            supported() if autostart_supported is None else autostart_supported
        )
        self.tray: TrayIcon | None = None
        if TrayIcon.available() if use_tray is None else use_tray:
            tray = TrayIcon(app_icon(), self)
            tray.startSessionRequested.connect(window.start_from_reminder)
            tray.toggleWindowRequested.connect(self.toggle_window)
            tray.historyRequested.connect(self.show_history)
            tray.settingsRequested.connect(self.open_settings)
            tray.quitRequested.connect(window.quit_app)
            tray.reminderClicked.connect(window.start_from_reminder)
            window.visibilityChanged.connect(tray.set_window_shown)
            tray.set_window_shown(window.isVisible())
            tray.show()
            self.tray = tray
        window.tray_available = self.tray is not None
        self.reminders = ReminderTimer(window.settings.reminders, wall, monotonic, self)
        self.reminders.due.connect(self.remind)
        window.settingsChanged.connect(self._settings_changed)
        self.shown_reminders: list[DueReminder] = []

    def start(self, minimized: bool) -> None:
        """Show the window, or only the tray icon when asked to start minimised."""
        if minimized and self.tray is not None:
            self.window.hide()
        else:
            self.window.show()

    def remind(self, due: DueReminder) -> None:
        if self.window.session_in_progress:
            return  # already doing it: no reminder in the middle of a session
        self.shown_reminders.append(due)
        title, body = reminder_texts(due)
        self.window.show_reminder(title, body, due)
        if self.tray is not None:
            self.tray.show_reminder(title, body)
        else:
            # No tray to show a message: the window itself comes up with the reminder.
            self.window.bring_to_front()

    def toggle_window(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            self.window.bring_to_front()

    def show_history(self) -> None:
        self.window.bring_to_front()
        self.window.open_history()

    def open_settings(self) -> None:
        self.window.bring_to_front()
        self.window.open_settings()

    def activate(self) -> None:
        """Another start of the app asked for the window."""
        self.window.bring_to_front()

    def _settings_changed(self, settings: Settings) -> None:
        self.reminders.set_reminders(settings.reminders)
        if (
            self.window.autostart_supported
            and settings.start_at_login != self.autostart.is_enabled()
        ):
            try:
                self.autostart.apply(settings.start_at_login, self.data_dir)
            except OSError as exc:
                self.window.statusBar().showMessage(
                    self.tr("Could not change start at login: {error}").format(error=exc)
                )

    def shutdown(self) -> None:
        self.reminders.timer.stop()
        if self.tray is not None:
            self.tray.hide()
