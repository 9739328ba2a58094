"""A 0-10 rating row: eleven large buttons, or the keyboard (digits, and 1 then 0 for 10)."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knee_coach.core.checkin import RATING_MAX, RATING_MIN
from knee_coach.ui.style import set_role


class RatingRow(QWidget):
    valueChanged = Signal(object)  # int | None
    committed = Signal()  # a value was typed: the form may move focus on

    def __init__(
        self, title: str = "", low: str = "", high: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Focus policies are set by name through Qt's property system, as a .ui file does:
        # the first touch of the `Qt` namespace builds its ~90 Python enum classes, which
        # would add ~30 ms before the window's first frame (benchmarks/startup.py).
        self.setProperty("focusPolicy", "StrongFocus")
        self._last_key_was_one = False
        self.title = QLabel(title)
        set_role(self.title, "body")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for n in range(RATING_MIN, RATING_MAX + 1):
            button = QPushButton(str(n))
            button.setCheckable(True)
            button.setProperty("focusPolicy", "NoFocus")  # the row takes the keys
            set_role(button, "rating")
            self.group.addButton(button, n)
            buttons.addWidget(button)
        self.group.idClicked.connect(self._clicked)
        ends = QHBoxLayout()
        self.low_label, self.high_label = QLabel(), QLabel()
        set_role(self.low_label, "muted")
        set_role(self.high_label, "muted")
        ends.addWidget(self.low_label)
        ends.addStretch(1)
        ends.addWidget(self.high_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addLayout(ends)
        self.set_texts(title, low, high)

    def set_texts(self, title: str, low: str, high: str) -> None:
        """The row's name and the meaning of its two ends (again on a language change)."""
        self.title.setText(title)
        self.low_label.setText(low)
        self.high_label.setText(high)
        self.setAccessibleName(title)
        for button in self.group.buttons():
            button.setAccessibleName(f"{title} {self.group.id(button)}")

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def set_value(self, value: int | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.group.button(value).setChecked(True)
        self.valueChanged.emit(self.value())

    def _clicked(self, value: int) -> None:
        self._last_key_was_one = False
        self.valueChanged.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            if self._last_key_was_one and digit != 0:
                # "1" was this row's answer after all: move on and give the key to the next row.
                self._last_key_was_one = False
                self.committed.emit()
                target = QApplication.focusWidget()
                if target is not None and target is not self:
                    QApplication.sendEvent(
                        target, QKeyEvent(event.type(), event.key(), event.modifiers(), text)
                    )
                    return
            if digit == 0 and self._last_key_was_one:
                self.set_value(10)
                self._last_key_was_one = False
            else:
                self.set_value(digit)
                self._last_key_was_one = digit == 1
            if self.value() != 1:
                self.committed.emit()
            return
        keys = QtCore.Qt.Key  # looked up here, not imported: see __init__
        if event.key() in (keys.Key_Left, keys.Key_Right):
            step = 1 if event.key() == keys.Key_Right else -1
            current = self.value()
            start = 0 if current is None else current + step
            self.set_value(max(RATING_MIN, min(RATING_MAX, start)))
            return
        super().keyPressEvent(event)
