"""Shown when the user stops because it hurts: the safety advice, calmly, in large type."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from knee_coach.core import safety
from knee_coach.core.session import Session
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.style import set_role
from knee_coach.ui.texts import core_text, number, stop_advice_text


class StopAdvicePage(Retranslating, QWidget):
    checkOutRequested = Signal()
    summaryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._kept_counts: tuple[int, int] | None = None  # sets, reps of the stopped session
        self._routine_id: str | None = None  # the routine in progress when it was stopped
        self.title = QLabel()
        set_role(self.title, "title")
        self.title.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        set_role(self.advice, "danger")
        self.clinic = QLabel()
        self.clinic.setWordWrap(True)
        set_role(self.clinic, "advice")
        self.kept = QLabel()
        self.kept.setWordWrap(True)
        set_role(self.kept, "body")
        self.check_out = QPushButton()
        set_role(self.check_out, "primary")
        self.check_out.clicked.connect(self.checkOutRequested)
        self.skip_button = QPushButton()
        self.skip_button.clicked.connect(self.summaryRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.check_out)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.advice)
        layout.addWidget(self.clinic)
        layout.addWidget(self.kept)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Stopped: it hurt"))
        self.advice.setText(stop_advice_text(self._routine_id))
        self.clinic.setText(core_text(safety.CTX, safety.SEE_CLINIC))
        self.check_out.setText(self.tr("Note how the knee feels now"))
        self.skip_button.setText(self.tr("Go to the summary"))
        if self._kept_counts is None:
            self.kept.clear()
        else:
            sets, reps = self._kept_counts
            # Labelled figures rather than "N set(s)": no plural forms to get wrong.
            self.kept.setText(
                self.tr("What you did before stopping is kept. Sets: {sets}, reps: {reps}.").format(
                    sets=number(sets), reps=number(reps)
                )
            )

    def show_session(self, session: Session) -> None:
        sets = sum(1 for r in session.results if r.reps_done > 0)
        self._kept_counts = (sets, session.total_reps_done)
        self._routine_id = session.current.routine.id
        self.retranslate()
        self.check_out.setFocus()
