"""A 0-10 rating row: eleven large boxes to click, or the keyboard (digits, 1 then 0 for 10)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from knee_coach.core.checkin import RATING_MAX, RATING_MIN
from knee_coach.ui import style
from knee_coach.ui.style import set_role

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent, QPaintEvent

CELLS = RATING_MAX - RATING_MIN + 1
GAP = 6  # px between two boxes
PAD = 3  # px around the boxes, where the focus ring is drawn
CELL_MIN_WIDTH, CELL_HEIGHT = 40, 42
RADIUS = 6


class RatingScale(QWidget):
    """The eleven boxes, painted as one widget.

    Eleven buttons per row (33 on the check-in page) slowed the start-up with their styling
    and layout alone. The row around it takes the keyboard focus; this part is for the mouse.
    """

    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "scale")  # the stylesheet gives it the boxes' font size
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)  # to light up the box under the pointer
        self.setFixedHeight(CELL_HEIGHT + 2 * PAD)  # a taller window never stretches the boxes
        self._value: int | None = None
        self._hover: int | None = None
        self._focused = False

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        if value != self._value:
            self._value = value
            self.update()

    def set_focused(self, focused: bool) -> None:
        """Draw the focus ring: the row, not this widget, has the keyboard focus."""
        self._focused = focused
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(CELLS * CELL_MIN_WIDTH + (CELLS - 1) * GAP + 2 * PAD, CELL_HEIGHT + 2 * PAD)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def cell_rect(self, value: int) -> QRectF:
        """Where the box for `value` is drawn (and can be clicked)."""
        width = (self.width() - 2 * PAD - (CELLS - 1) * GAP) / CELLS
        x = PAD + (value - RATING_MIN) * (width + GAP)
        return QRectF(x, PAD, width, self.height() - 2 * PAD)

    def value_at(self, point: QPointF) -> int | None:
        for value in range(RATING_MIN, RATING_MAX + 1):
            if self.cell_rect(value).contains(point):
                return value
        return None  # in a gap between two boxes

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        accent, ink, card = QColor(style.ACCENT), QColor(style.INK), QColor(style.CARD)
        border = QColor(style.BORDER)
        for value in range(RATING_MIN, RATING_MAX + 1):
            box = self.cell_rect(value).adjusted(0.5, 0.5, -0.5, -0.5)  # crisp 1 px lines
            chosen = value == self._value
            edge = accent if chosen or value == self._hover else border
            painter.setPen(QPen(edge, 1))
            painter.setBrush(accent if chosen else card)
            painter.drawRoundedRect(box, RADIUS, RADIUS)
            painter.setPen(card if chosen else ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(value))
        if self._focused:  # a ring around the whole scale: the keys go to this row
            painter.setPen(QPen(accent, 2))
            painter.setBrush(QColor(0, 0, 0, 0))
            ring = QRectF(self.rect()).adjusted(1, 1, -1, -1)
            painter.drawRoundedRect(ring, RADIUS + PAD, RADIUS + PAD)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        value = self.value_at(event.position())
        if value is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(value)
        super().mousePressEvent(event)  # the row still takes the focus

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.value_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, value: int | None) -> None:
        if value != self._hover:
            self._hover = value
            self.update()


class RatingRow(QWidget):
    valueChanged = Signal(object)  # int | None
    committed = Signal()  # a value was typed: the form may move focus on

    def __init__(
        self, title: str = "", low: str = "", high: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._last_key_was_one = False
        # A rating comes only from deliberate input: until the user picks this row (a click,
        # Tab, or a digit once `digits_allowed` says the page has been seen), keys that were
        # meant for the screen before it, such as a run of arrows, change nothing.
        self._armed = False
        self.digits_allowed: Callable[[], bool] = lambda: True
        self.title = QLabel(title)
        set_role(self.title, "body")
        self.scale = RatingScale()
        self.scale.clicked.connect(self._clicked)
        ends = QHBoxLayout()
        self.low_label, self.high_label = QLabel(), QLabel()
        set_role(self.low_label, "muted")
        set_role(self.high_label, "muted")
        ends.addWidget(self.low_label)
        ends.addStretch(1)
        ends.addWidget(self.high_label)
        # The texts line up with the boxes, inside the focus ring's margin.
        ends.setContentsMargins(PAD, 0, PAD, 0)
        self.title.setContentsMargins(PAD, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.scale)
        layout.addLayout(ends)
        self.set_texts(title, low, high)

    def set_texts(self, title: str, low: str, high: str) -> None:
        """The row's name and the meaning of its two ends (again on a language change)."""
        self.title.setText(title)
        self.low_label.setText(low)
        self.high_label.setText(high)
        self._describe()

    def _describe(self) -> None:
        # What a screen reader says: the name with the value chosen ("Right knee: pain: 4 of
        # 10"), then what the two ends of the scale mean and how to choose.
        title, value = self.title.text(), self.value()
        if value is None:
            name = self.tr("{title}: not rated").format(title=title)
        else:
            name = self.tr("{title}: {value} of {max}").format(
                title=title, value=value, max=RATING_MAX
            )
        self.setAccessibleName(name)
        self.setAccessibleDescription(
            self.tr(
                "{min} means {low}, {max} means {high}. Type a number or use the arrow keys."
            ).format(
                min=RATING_MIN,
                low=self.low_label.text(),
                max=RATING_MAX,
                high=self.high_label.text(),
            )
        )

    def value(self) -> int | None:
        return self.scale.value()

    def set_value(self, value: int | None) -> None:
        if value is not None and not RATING_MIN <= value <= RATING_MAX:
            raise ValueError(f"a rating is from {RATING_MIN} to {RATING_MAX}, not {value}")
        self.scale.set_value(value)
        self._describe()
        self.valueChanged.emit(value)

    def _clicked(self, value: int) -> None:
        self._last_key_was_one = False
        self._armed = True
        self.set_value(value)

    def disarm(self) -> None:
        """Take keys again only after the user picks this row (a fresh page)."""
        self._armed = False
        self._last_key_was_one = False

    @property
    def armed(self) -> bool:
        return self._armed

    def focusInEvent(self, event: QFocusEvent) -> None:
        reason = event.reason()
        reasons = Qt.FocusReason
        if reason in (reasons.TabFocusReason, reasons.BacktabFocusReason, reasons.MouseFocusReason):
            self._armed = True
        self.scale.set_focused(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.scale.set_focused(False)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            if not self._armed and not self.digits_allowed():
                return  # typed before the page could be read: not an answer
            self._armed = True
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
        keys = Qt.Key
        if event.key() in (keys.Key_Left, keys.Key_Right) and not self._armed:
            return  # not picked yet: an arrow is no rating
        if event.key() in (keys.Key_Left, keys.Key_Right):
            step = 1 if event.key() == keys.Key_Right else -1
            current = self.value()
            start = 0 if current is None else current + step
            self.set_value(max(RATING_MIN, min(RATING_MAX, start)))
            return
        super().keyPressEvent(event)
