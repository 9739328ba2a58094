"""The system tray icon: its menu, and reminders shown as tray messages.

It only emits requests; `knee_coach.ui.desktop.Desktop` decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from knee_coach import APP_NAME

REMINDER_MESSAGE_MS = 60_000  # how long the tray message stays up (platforms may cap it)


class TrayIcon(QObject):
    startSessionRequested = Signal()
    toggleWindowRequested = Signal()
    historyRequested = Signal()
    settingsRequested = Signal()
    quitRequested = Signal()
    reminderClicked = Signal()  # the user clicked the reminder message

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip(APP_NAME)
        self.menu = QMenu()
        self.start_action = self._add(self.startSessionRequested)
        self.toggle_action = self._add(self.toggleWindowRequested)
        self.menu.addSeparator()
        self.history_action = self._add(self.historyRequested)
        self.settings_action = self._add(self.settingsRequested)
        self.menu.addSeparator()
        self.quit_action = self._add(self.quitRequested)
        self.menu.setDefaultAction(self.start_action)
        self._window_shown = True
        self.retranslate()
        # The menu is a top-level widget, so Qt sends it LanguageChange when the language
        # changes (this QObject gets none): its texts follow the language live.
        self.menu.installEventFilter(self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self.reminderClicked)

    def _add(self, signal: SignalInstance) -> QAction:
        action = self.menu.addAction("")
        action.triggered.connect(signal)
        return action

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def retranslate(self) -> None:
        self.start_action.setText(self.tr("Start a session"))
        self.history_action.setText(self.tr("History"))
        self.settings_action.setText(self.tr("Settings…"))
        self.quit_action.setText(self.tr("Quit"))
        self.set_window_shown(self._window_shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def set_window_shown(self, shown: bool) -> None:
        self._window_shown = shown
        self.toggle_action.setText(self.tr("Hide window") if shown else self.tr("Show window"))

    def show_reminder(self, title: str, body: str) -> None:
        self.icon.showMessage(
            title, body, QSystemTrayIcon.MessageIcon.Information, REMINDER_MESSAGE_MS
        )

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A plain click on the icon shows or hides the window; the menu opens by itself.
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggleWindowRequested.emit()
