"""Shown when the user stops because it hurts: the safety advice, calmly, in large type."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from knee_coach.core import safety
from knee_coach.core.session import Session
from knee_coach.ui.style import set_role
from knee_coach.ui.texts import core_text


class StopAdvicePage(QWidget):
    checkOutRequested = Signal()
    summaryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        title = QLabel(self.tr("Stopped: it hurt"))
        set_role(title, "title")
        advice = QLabel(core_text(safety.CTX, safety.STOP_ADVICE))
        advice.setWordWrap(True)
        set_role(advice, "danger")
        clinic = QLabel(core_text(safety.CTX, safety.SEE_CLINIC))
        clinic.setWordWrap(True)
        set_role(clinic, "advice")
        self.kept = QLabel()
        self.kept.setWordWrap(True)
        set_role(self.kept, "body")
        self.check_out = QPushButton(self.tr("Note how the knee feels now"))
        set_role(self.check_out, "primary")
        self.check_out.clicked.connect(self.checkOutRequested)
        skip = QPushButton(self.tr("Go to the summary"))
        skip.clicked.connect(self.summaryRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(skip)
        buttons.addWidget(self.check_out)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addWidget(advice)
        layout.addWidget(clinic)
        layout.addWidget(self.kept)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_session(self, session: Session) -> None:
        sets = sum(1 for r in session.results if r.reps_done > 0)
        reps = session.total_reps_done
        self.kept.setText(
            self.tr("What you did before stopping is kept: {sets} set(s), {reps} reps.").format(
                sets=sets, reps=reps
            )
        )
        self.check_out.setFocus()
