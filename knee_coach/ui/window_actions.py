"""The window's menus and their actions (compare Picard's ui/mainwindow/actions.py).

The actions only emit `triggered`; the main window connects each to the part that does it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


class WindowActions(QObject):
    """Every menu action of the main window, with its text and shortcut."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.report = QAction(window)
        self.export_csv = QAction(window)
        self.import_csv = QAction(window)
        self.quit = QAction(window)
        self.quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.file_menu.addAction(self.report)
        self.file_menu.addAction(self.export_csv)
        self.file_menu.addAction(self.import_csv)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)

        self.view_menu = bar.addMenu("")
        self.history = QAction(window)
        self.history.setShortcut(QKeySequence("Ctrl+H"))
        self.view_menu.addAction(self.history)

        self.help_menu = bar.addMenu("")
        self.shortcuts = QAction(window)
        self.shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.help_menu.addAction(self.shortcuts)
        self.prevention = QAction(window)
        self.help_menu.addAction(self.prevention)
        self.retranslate()

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.report.setText(self.tr("&Report for your clinician…"))
        self.export_csv.setText(self.tr("&Export history as CSV…"))
        self.import_csv.setText(self.tr("&Import history from CSV…"))
        self.quit.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.history.setText(self.tr("&History and weekly review"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.prevention.setText(self.tr("&Beyond the routines…"))
