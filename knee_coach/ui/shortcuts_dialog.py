"""Help → Keyboard shortcuts: every key the app answers to, in a table a screen reader reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(640, 520)
        rows = self._rows()
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        # Tab leaves the table for the Close button: no keyboard trap.
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for index, (keys, meaning) in enumerate(rows):
            self.table.setItem(index, 0, QTableWidgetItem(keys))
            self.table.setItem(index, 1, QTableWidgetItem(meaning))
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _rows(self) -> list[tuple[str, str]]:
        # Key caps read the same in every language; only what they do is translated.
        return [
            ("Tab, Shift+Tab", self.tr("Next or previous control")),
            (self.tr("0 … 9, then 1 0 for 10"), self.tr("Check-in: rate the row in focus")),
            ("← →", self.tr("Check-in: a rating one lower or higher")),
            ("Enter", self.tr("Check-in: continue")),
            ("Space", self.tr("Session: pause or resume (count a rep at your own pace)")),
            ("P", self.tr("Session: pause or resume")),
            ("→", self.tr("Session: skip to what comes next")),
            ("Esc", self.tr("Session: stop (the sets done are kept)")),
            ("H", self.tr("Session: stop because it hurts")),
            (
                self.tr("Media keys: play/pause, next, stop"),
                self.tr("Session: pause or resume, skip, stop"),
            ),
            ("Ctrl+H", self.tr("History and weekly review")),
            ("F1", self.tr("This list of keyboard shortcuts")),
            ("Ctrl+Q", self.tr("Quit")),
        ]
