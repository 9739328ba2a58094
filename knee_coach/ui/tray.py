"""The system tray icon: its menu, and reminders shown as tray messages.

It only emits requests; `knee_coach.ui.desktop.Desktop` decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
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
        self.start_action = self._add(self.tr("Start a session"), self.startSessionRequested)
        self.toggle_action = self._add(self.tr("Hide window"), self.toggleWindowRequested)
        self.menu.addSeparator()
        self.history_action = self._add(self.tr("History"), self.historyRequested)
        self.settings_action = self._add(self.tr("Settings…"), self.settingsRequested)
        self.menu.addSeparator()
        self.quit_action = self._add(self.tr("Quit"), self.quitRequested)
        self.menu.setDefaultAction(self.start_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self.reminderClicked)

    def _add(self, text: str, signal: Signal) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(signal)
        return action

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_window_shown(self, shown: bool) -> None:
        self.toggle_action.setText(self.tr("Hide window") if shown else self.tr("Show window"))

    def show_reminder(self, title: str, body: str) -> None:
        self.icon.showMessage(
            title, body, QSystemTrayIcon.MessageIcon.Information, REMINDER_MESSAGE_MS
        )

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A plain click on the icon shows or hides the window; the menu opens by itself.
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggleWindowRequested.emit()
