"""After the session: how the knee changed, and what was done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knee_coach.core import routines
from knee_coach.core.checkin import CheckIn, pain_change
from knee_coach.core.model import EndReason, Leg
from knee_coach.core.session import Session
from knee_coach.core.trends import Nudge
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.prevention import PreventionPanel
from knee_coach.ui.style import set_role
from knee_coach.ui.texts import number, routine_title, signed_number, stop_advice_text

# A 2-point change on the 0-10 scale is the usual threshold for a change that matters.
MEANINGFUL_CHANGE = 2


class SummaryPage(Retranslating, QWidget):
    doneRequested = Signal()
    historyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._shown: tuple[Session, CheckIn | None, CheckIn | None, Nudge | None] | None = None
        self.title = QLabel()
        set_role(self.title, "title")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        set_role(self.subtitle, "subtitle")
        self.subtitle.setWordWrap(True)
        self.card = QFrame()
        set_role(self.card, "card")
        self.grid = QGridLayout(self.card)
        self.grid.setContentsMargins(24, 18, 24, 18)
        self.grid.setHorizontalSpacing(28)
        self.grid.setVerticalSpacing(10)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        set_role(self.advice, "advice")
        self.done_button = QPushButton()
        set_role(self.done_button, "primary")
        self.done_button.clicked.connect(self.doneRequested)
        self.history_button = QPushButton()
        self.history_button.clicked.connect(self.historyRequested)
        self.nudge = QLabel()
        self.nudge.setWordWrap(True)
        set_role(self.nudge, "danger")
        self.nudge.hide()
        self.prevention = PreventionPanel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        # What happened, and beside it what else helps: the panel stays in view with the
        # figures rather than below the fold.
        figures = QHBoxLayout()
        figures.setSpacing(16)
        figures.addWidget(self.card, 3)
        figures.addWidget(self.prevention, 2)
        layout.addLayout(figures)
        layout.addWidget(self.advice)
        layout.addWidget(self.nudge)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.done_button.setText(self.tr("Done"))
        self.history_button.setText(self.tr("History"))
        if self._shown is not None:
            self._render(*self._shown)

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _add_row(self, row: int, name: str, value: str) -> None:
        left, right = QLabel(name), QLabel(value)
        left.setWordWrap(True)
        set_role(left, "body")
        set_role(right, "body")
        # A screen reader reading the figure alone hears what it is a figure of.
        right.setAccessibleName(f"{name}: {value}")
        self.grid.addWidget(left, row, 0)
        self.grid.addWidget(right, row, 1)

    def show_session(
        self,
        session: Session,
        before: CheckIn | None,
        after: CheckIn | None,
        nudge: Nudge | None = None,
    ) -> None:
        """`before`/`after` are the check-ins as stored; `nudge` the history's advice to see a
        clinic (two weeks without a meaningful improvement, or worse)."""
        self._shown = (session, before, after, nudge)
        self._render(session, before, after, nudge)
        self.done_button.setFocus()

    def _render(
        self,
        session: Session,
        before: CheckIn | None,
        after: CheckIn | None,
        nudge: Nudge | None,
    ) -> None:
        titles = {
            EndReason.COMPLETED: self.tr("Well done: session complete"),
            EndReason.PAIN: self.tr("Session stopped because it hurt"),
            EndReason.USER: self.tr("Session stopped"),
        }
        reason = session.end_reason or EndReason.USER
        self.title.setText(titles.get(reason, titles[EndReason.USER]))
        if session.total_reps_done == 0 and reason is not EndReason.PAIN:
            self.title.setText(self.tr("No reps done: this does not count as practice"))
        minutes = 0.0
        if session.started_at is not None and session.ended_at is not None:
            minutes = (session.ended_at - session.started_at) / 60
        self.subtitle.setText(
            self.tr("%n rep(s) in {minutes} min.", "", session.total_reps_done).format(
                minutes=number(minutes)
            )
        )
        self._clear_grid()
        row = 0
        worse = False
        lower: list[tuple[Leg, int]] = []  # knees rated clearly less painful, by how much
        legs = [leg for leg in Leg if any(s.leg is leg for s in session.plan.sets)]
        for leg in legs:
            b = before.pain_for(leg) if before else None
            a = after.pain_for(leg) if after else None
            change = pain_change(before, after, leg)
            if change is None or a is None or b is None:
                continue
            self._add_row(
                row,
                self.tr("Right knee: pain") if leg is Leg.RIGHT else self.tr("Left knee: pain"),
                self.tr("{before} → {after}  ({change})").format(
                    before=number(b), after=number(a), change=signed_number(change)
                ),
            )
            worse |= change >= MEANINGFUL_CHANGE
            if change <= -MEANINGFUL_CHANGE:
                lower.append((leg, -change))
            row += 1
        if before and after and before.tightness is not None and after.tightness is not None:
            self._add_row(
                row,
                self.tr("Tightness or catching"),
                self.tr("{before} → {after}  ({change})").format(
                    before=number(before.tightness),
                    after=number(after.tightness),
                    change=signed_number(after.tightness - before.tightness),
                ),
            )
            row += 1
        for routine in routines.ROUTINES:
            done = sum(r.reps_done for r in session.results if r.routine_id == routine.id)
            planned = sum(s.reps for s in session.plan.sets if s.routine is routine)
            self._add_row(
                row,
                routine_title(routine),
                self.tr("{done} of %n rep(s)", "", planned).format(done=number(done)),
            )
            row += 1
        if worse:
            advice = self.tr(
                "The knee hurts more than before. Rest it today; if it stays worse, "
                "see a clinic or a physiotherapist."
            )
        elif reason is EndReason.PAIN:
            advice = stop_advice_text(session.current.routine.id)
        elif lower:
            # What happened, not what it means: one rating after one session.
            advice = "\n".join(self._lower_text(leg, points) for leg, points in lower)
        else:
            advice = self.tr(
                "Many people notice a change after one to two weeks of daily practice; it "
                "varies from person to person. Keep going once or twice a day, at times that "
                "are easy to keep."
            )
        self.advice.setText(advice)
        self.nudge.setText(nudge.text(QCoreApplication.translate) if nudge else "")
        self.nudge.setVisible(nudge is not None)

    def _lower_text(self, leg: Leg, points: int) -> str:
        if leg is Leg.RIGHT:
            return self.tr(
                "Right knee: your pain rating is %n point(s) lower than before the session.",
                "",
                points,
            )
        return self.tr(
            "Left knee: your pain rating is %n point(s) lower than before the session.",
            "",
            points,
        )
