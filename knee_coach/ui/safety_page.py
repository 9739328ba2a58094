"""The safety gate: red flags stop the session before it starts, with the article's advice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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
from knee_coach.ui.style import set_role
from knee_coach.ui.texts import core_text as tr_core


class SafetyPage(QWidget):
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

    def _questions(self) -> QWidget:
        page = QWidget()
        page.setObjectName("page")
        title = QLabel(self.tr("Before you start: a quick safety check"))
        set_role(title, "title")
        question = QLabel(self.tr("Today, do you have any of these in the knee?"))
        set_role(question, "subtitle")
        card = QFrame()
        set_role(card, "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        self.flags: dict[str, QCheckBox] = {}
        for flag in safety.RED_FLAGS:
            box = QCheckBox(tr_core(safety.CTX, flag.question))
            self.flags[flag.id] = box
            card_layout.addWidget(box)
        doctor = QLabel(tr_core(safety.CTX, safety.DOCTOR_FIRST))
        doctor.setWordWrap(True)
        set_role(doctor, "advice")
        self.start_button = QPushButton(self.tr("Start the session"))
        set_role(self.start_button, "primary")
        self.start_button.clicked.connect(self.submit)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(question)
        layout.addWidget(card)
        layout.addWidget(doctor)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _blocked_view(self) -> QWidget:
        page = QWidget()
        page.setObjectName("page")
        title = QLabel(self.tr("Not today: please have the knee checked"))
        set_role(title, "title")
        self.blocked_text = QLabel(tr_core(safety.CTX, safety.GATE_BLOCKED))
        self.blocked_text.setWordWrap(True)
        set_role(self.blocked_text, "danger")
        self.home_button = QPushButton(self.tr("Back to the start"))
        set_role(self.home_button, "primary")
        self.home_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.home_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(self.blocked_text)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def reset(self) -> None:
        for box in self.flags.values():
            box.setChecked(False)
        self.stack.setCurrentIndex(0)
        self.start_button.setFocus()

    @property
    def is_blocked(self) -> bool:
        return self.stack.currentIndex() == 1

    def submit(self) -> None:
        ticked = {fid for fid, box in self.flags.items() if box.isChecked()}
        result: GateResult = safety_gate(ticked)
        if result.ok:
            self.passed.emit()
        else:
            self.stack.setCurrentIndex(1)
            self.home_button.setFocus()
            self.blocked.emit(result)
