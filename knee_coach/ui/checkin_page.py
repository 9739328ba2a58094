"""Check-in before the session and check-out after it: pain per knee, tightness, a note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knee_coach.core.checkin import NOTE_MAX_CHARS, CheckIn
from knee_coach.core.clock import Clock, MonotonicClock
from knee_coach.core.model import Leg, LegChoice
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.keys import enter_pressed
from knee_coach.ui.rating import RatingRow
from knee_coach.ui.style import set_role

# Digits typed sooner than this after the page appears were meant for the screen before it.
READ_SECONDS = 0.5


class CheckInPage(Retranslating, QWidget):
    """`after=False`: the check-in, which also picks the legs. `after=True`: the check-out."""

    submitted = Signal(object)  # CheckIn | None (None: skipped)
    legsChanged = Signal(object)  # LegChoice
    settingsRequested = Signal()
    historyRequested = Signal()

    def __init__(
        self, after: bool, parent: QWidget | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.after = after
        self.clock = clock or MonotonicClock()
        self._shown_at = self.clock.now()
        self._legs = LegChoice.BOTH
        self.title = QLabel()
        set_role(self.title, "title")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        set_role(self.subtitle, "subtitle")
        self.subtitle.setWordWrap(True)

        self.pain_rows = {Leg.RIGHT: RatingRow(), Leg.LEFT: RatingRow()}
        self.tightness_row = RatingRow()
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX_CHARS)

        card = QFrame()
        set_role(card, "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        card_layout.setSpacing(10)
        if not after:
            card_layout.addLayout(self._legs_picker())
        for row in (*self.pain_rows.values(), self.tightness_row):
            card_layout.addWidget(row)
            row.valueChanged.connect(self._update_ready)
            row.committed.connect(self.focusNextChild)
            row.digits_allowed = self._read_long_enough
        card_layout.addWidget(self.note)

        self.continue_button = QPushButton()
        set_role(self.continue_button, "primary")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._submit)
        self.skip_button = QPushButton()
        self.skip_button.clicked.connect(lambda: self.submitted.emit(None))
        buttons = QHBoxLayout()
        self.settings_button: QPushButton | None = None
        if not after:
            self.settings_button = QPushButton()
            self.settings_button.clicked.connect(self.settingsRequested)
            buttons.addWidget(self.settings_button)
            self.history_button = QPushButton()
            self.history_button.clicked.connect(self.historyRequested)
            buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.continue_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)  # with the menus, fits a 690 px high window
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(card)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()
        self.set_legs(LegChoice.BOTH)

    def retranslate(self) -> None:
        """Every text of the page in the current language (the ratings typed stay)."""
        self.title.setText(
            self.tr("How does your knee feel now, after the routines?")
            if self.after
            else self.tr("How does your knee feel right now?")
        )
        rate = self.tr(
            "Rate the pain from 0 (none) to 10 (worst imaginable). Number keys work too."
        )
        # The article asks for this at the end: move the knee once, then judge the change.
        self.subtitle.setText(
            self.tr("First bend and straighten the knee once and notice how it has changed.")
            + "\n"
            + rate
            if self.after
            else rate
        )
        self.pain_rows[Leg.RIGHT].set_texts(
            self.tr("Right knee: pain"), self.tr("no pain"), self.tr("worst imaginable")
        )
        self.pain_rows[Leg.LEFT].set_texts(
            self.tr("Left knee: pain"), self.tr("no pain"), self.tr("worst imaginable")
        )
        self.tightness_row.set_texts(
            self.tr("Tightness or catching behind the knee"),
            self.tr("moves freely"),
            self.tr("very stiff"),
        )
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. slept badly, long walk"))
        self.note.setAccessibleName(self.tr("Note"))
        self.continue_button.setText(
            self.tr("See the summary") if self.after else self.tr("Continue")
        )
        self.skip_button.setText(self.tr("Skip"))
        if self.settings_button is not None:
            self.settings_button.setText(self.tr("Settings…"))
            self.history_button.setText(self.tr("History"))
            self.history_button.setToolTip(self.tr("How the knee felt over the past weeks"))
        if not self.after:
            self.legs_label.setText(self.tr("Legs today:"))
            names = {
                LegChoice.RIGHT: self.tr("Right leg"),
                LegChoice.LEFT: self.tr("Left leg"),
                LegChoice.BOTH: self.tr("Both legs"),
            }
            for choice, button in self.leg_buttons.items():
                button.setText(names[choice])

    def _legs_picker(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.legs_label = QLabel()
        set_role(self.legs_label, "body")
        row.addWidget(self.legs_label)
        self.legs_group = QButtonGroup(self)
        self.leg_buttons: dict[LegChoice, QPushButton] = {}
        for choice in (LegChoice.RIGHT, LegChoice.LEFT, LegChoice.BOTH):
            button = QPushButton()
            button.setCheckable(True)
            set_role(button, "choice")
            button.setMinimumWidth(110)
            self.legs_group.addButton(button)
            self.leg_buttons[choice] = button
            button.clicked.connect(lambda _=False, c=choice: self._choose_legs(c))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _choose_legs(self, choice: LegChoice) -> None:
        self.set_legs(choice)
        self.legsChanged.emit(choice)

    def set_legs(self, choice: LegChoice) -> None:
        self._legs = choice
        if not self.after:
            self.leg_buttons[choice].setChecked(True)
        for leg, row in self.pain_rows.items():
            row.setVisible(leg in choice.legs())
        self._update_ready()

    def _read_long_enough(self) -> bool:
        return self.clock.now() - self._shown_at >= READ_SECONDS

    def showEvent(self, event: QShowEvent) -> None:
        self._shown_at = self.clock.now()
        super().showEvent(event)
        # The page's keys (digits, Enter) need the focus inside it, wherever it was before.
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.focus_first()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not enter_pressed(self, event, self.continue_button):
            super().keyPressEvent(event)

    def reset(self) -> None:
        for row in (*self.pain_rows.values(), self.tightness_row):
            row.set_value(None)
            row.disarm()
        self.note.clear()
        self._update_ready()
        self.focus_first()

    def focus_first(self) -> None:
        first = self.pain_rows[self._legs.legs()[0]]
        first.setFocus()

    def _update_ready(self) -> None:
        ready = all(self.pain_rows[leg].value() is not None for leg in self._legs.legs())
        self.continue_button.setEnabled(ready)

    def check_in(self) -> CheckIn:
        pain = {leg: self.pain_rows[leg].value() for leg in self._legs.legs()}
        return CheckIn(
            pain={leg: v for leg, v in pain.items() if v is not None},
            tightness=self.tightness_row.value(),
            note=self.note.text().strip(),
        )

    def _submit(self) -> None:
        if self.continue_button.isEnabled():
            self.submitted.emit(self.check_in())
