"""Beyond the routines: what else helps keep pain behind the knee from coming back.

The source article ends its advice with everyday habits (posture and walking, weight, the
strength of the front and back of the thigh, flexibility). The panel sits on the summary page;
the dialog shows the same panel from a menu: ``PreventionDialog(parent).exec()``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QVBoxLayout, QWidget

from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.style import set_role


class PreventionPanel(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.title = QLabel()
        set_role(self.title, "subtitle")
        self.title.setWordWrap(True)
        self.points = QLabel()
        set_role(self.points, "body")
        self.points.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.points)
        self.retranslate()

    def lines(self) -> list[str]:
        """The habits, one a line, in the current language."""
        return [
            self.tr("Mind your posture and the way you walk, every day."),
            self.tr("Keep your weight in check."),
            self.tr("Strengthen the muscles at the front and the back of the thigh, in balance."),
            self.tr("Stay flexible."),
        ]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Beyond the routines: to help keep the pain from coming back"))
        self.points.setText("\n".join("• " + line for line in self.lines()))
        self.setAccessibleName(self.title.text())


class PreventionDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = PreventionPanel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Beyond the routines"))
