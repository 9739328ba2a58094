"""The safety gate: red flags stop the session before it starts, with the article's advice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from knee_coach.core import safety
from knee_coach.core.safety import GateResult, safety_gate
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.keys import enter_pressed
from knee_coach.ui.style import set_role
from knee_coach.ui.texts import core_text as tr_core


class SafetyPage(Retranslating, QWidget):
    answered = Signal(object)  # GateResult, whatever it says (the history keeps it)
    passed = Signal()
    blocked = Signal(object)  # GateResult
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._questions())
        self.stack.addWidget(self._blocked_view())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of both views in the current language (the ticks stay)."""
        self.title.setText(self.tr("Before you start: a quick safety check"))
        self.question.setText(self.tr("Today, do you have any of these in the knee?"))
        for flag in safety.RED_FLAGS:
            self.flags[flag.id].setText(tr_core(safety.CTX, flag.question))
        self.doctor.setText(tr_core(safety.CTX, safety.DOCTOR_FIRST))
        self.start_button.setText(self.tr("Start the session"))
        self.back_button.setText(self.tr("Back"))
        self.blocked_title.setText(self.tr("Not today: please have the knee checked"))
        self.blocked_text.setText(tr_core(safety.CTX, safety.GATE_BLOCKED))
        self.home_button.setText(self.tr("Back to the start"))

    def _questions(self) -> QWidget:
        page = QWidget()
        page.setObjectName("page")
        self.title = QLabel()
        set_role(self.title, "title")
        self.title.setWordWrap(True)
        self.question = QLabel()
        set_role(self.question, "subtitle")
        self.question.setWordWrap(True)
        card = QFrame()
        set_role(card, "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        self.flags: dict[str, QCheckBox] = {}
        for flag in safety.RED_FLAGS:
            box = QCheckBox()
            self.flags[flag.id] = box
            card_layout.addWidget(box)
        self.doctor = QLabel()
        self.doctor.setWordWrap(True)
        set_role(self.doctor, "advice")
        self.start_button = QPushButton()
        set_role(self.start_button, "primary")
        self.start_button.clicked.connect(self.submit)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addWidget(card)
        layout.addWidget(self.doctor)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _blocked_view(self) -> QWidget:
        page = QWidget()
        page.setObjectName("page")
        self.blocked_title = QLabel()
        set_role(self.blocked_title, "title")
        self.blocked_title.setWordWrap(True)
        self.blocked_text = QLabel()
        self.blocked_text.setWordWrap(True)
        set_role(self.blocked_text, "danger")
        self.home_button = QPushButton()
        set_role(self.home_button, "primary")
        self.home_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.home_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(14)
        layout.addWidget(self.blocked_title)
        layout.addWidget(self.blocked_text)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def reset(self) -> None:
        for box in self.flags.values():
            box.setChecked(False)
        self.stack.setCurrentIndex(0)
        self.start_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The page's keys (Enter) need the focus inside it, wherever it was before.
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            (self.home_button if self.is_blocked else self.start_button).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        main = self.home_button if self.is_blocked else self.start_button
        if not enter_pressed(self, event, main):
            super().keyPressEvent(event)

    @property
    def is_blocked(self) -> bool:
        return self.stack.currentIndex() == 1

    def submit(self) -> None:
        ticked = {fid for fid, box in self.flags.items() if box.isChecked()}
        result: GateResult = safety_gate(ticked)
        self.answered.emit(result)
        if result.ok:
            self.passed.emit()
        else:
            self.stack.setCurrentIndex(1)
            self.home_button.setFocus()
            self.blocked.emit(result)
