"""The session screen's pictures: the moving leg beside the press points, or one of them.

Two toggle buttons choose what shows; at least one stays on. The choice is the user's and is
remembered (the window stores it through `choiceChanged`). The desktop's reduced-motion hint
is read here, where Qt exposes one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from knee_coach.core.settings import ILLUSTRATIONS
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.knee_view import KneeView
from knee_coach.ui.movement_view import MovementView
from knee_coach.ui.style import set_role


def desktop_prefers_reduced_motion() -> bool:
    """The desktop's reduced-motion preference: QAccessibilityHints.motionPreference, which
    Qt offers from 6.12 on; older Qt has no such hint, which reads as no preference."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    motion = getattr(accessibility(), "motionPreference", None)
    if motion is None:
        return False
    return "reduce" in getattr(motion(), "name", "").lower()


class IllustrationPanel(Retranslating, QWidget):
    choiceChanged = Signal(str)  # one of ILLUSTRATIONS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.movement = MovementView()
        self.knee = KneeView()
        for view in (self.movement, self.knee):
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            # Side by side in the smallest window, the counter's card keeps the width it needs.
            view.setMinimumSize(150, 200)
        self.movement_button = QPushButton()
        self.points_button = QPushButton()
        for button in (self.movement_button, self.points_button):
            button.setCheckable(True)
            set_role(button, "choice")
            # Tab reaches the choice (the keyboard alone must); Space and the arrows stay the
            # window's session shortcuts: a shortcut comes before a focused button's keys.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.toggled.connect(self._toggled)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.movement_button)
        buttons.addWidget(self.points_button)
        buttons.addStretch(1)
        views = QHBoxLayout()
        views.setContentsMargins(0, 0, 0, 0)
        views.setSpacing(8)
        views.addWidget(self.movement, 5)
        views.addWidget(self.knee, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addLayout(views, 1)
        self._choice = ""
        self.set_choice("both")
        self.retranslate()

    def retranslate(self) -> None:
        self.movement_button.setText(QCoreApplication.translate("IllustrationPanel", "Movement"))
        self.points_button.setText(QCoreApplication.translate("IllustrationPanel", "Press points"))

    @property
    def choice(self) -> str:
        return self._choice

    def set_choice(self, choice: str) -> None:
        """Show "both", only the "movement" or only the press "points" (no signal)."""
        if choice not in ILLUSTRATIONS:
            choice = "both"
        self._choice = choice
        for button, on in (
            (self.movement_button, choice in ("both", "movement")),
            (self.points_button, choice in ("both", "points")),
        ):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
        self.movement.setVisible(choice in ("both", "movement"))
        self.knee.setVisible(choice in ("both", "points"))
        self._sync_pulse()

    def set_reduced_motion(self, reduced: bool) -> None:
        """Still pictures instead of the moving leg, and a steady press-point highlight."""
        self.movement.set_reduced_motion(reduced)
        self._sync_pulse()

    def _sync_pulse(self) -> None:
        # One moving thing on screen at a time: beside the moving leg the current press
        # point keeps its highlight ring without pulsing (calmer, and half the CPU).
        self.knee.set_animated(self._choice == "points" and not self.movement.reduced_motion)

    def _toggled(self, _checked: bool) -> None:
        movement, points = self.movement_button.isChecked(), self.points_button.isChecked()
        if not movement and not points:
            # Turning the last picture off shows the other one instead: never an empty side.
            sender = self.sender()
            choice = "points" if sender is self.movement_button else "movement"
        else:
            choice = "both" if movement and points else ("movement" if movement else "points")
        self.set_choice(choice)
        self.choiceChanged.emit(choice)
