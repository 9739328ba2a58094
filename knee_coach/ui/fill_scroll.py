"""A scroll area whose content fills it and scrolls only when it cannot be squeezed to fit.

`QScrollArea.setWidgetResizable(True)` is not used: with word-wrapped text inside, Qt then
makes the content as tall as the text would like at the view's width, so a page that fits by
giving up a little spacing scrolls anyway (and the session's technique text slid under the
fold at the usual window size). Here the content is the view's size, or its least size where
that is larger (its wrapped texts given the lines they need at that width): at a large text
size it scrolls; at the usual size it fits as it always did.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


class FillScrollArea(QScrollArea):
    """Part of a window's layout, not a control: no frame, no Tab stop of its own (Tab goes
    straight to what is in it), and the window's paper shows through behind its content."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setAutoFillBackground(False)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        # setWidget turns the content's own background on, in the platform's grey.
        widget.setAutoFillBackground(False)
        widget.installEventFilter(self)  # its least size changes with its texts
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Size the content to the view, never below its least size."""
        content = self.widget()
        if content is None:
            return
        room = self.maximumViewportSize()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        need = self._least_size(content, room.width())
        if need.height() > room.height():  # a vertical bar will take its width
            room.setWidth(room.width() - bar)
            need = self._least_size(content, room.width())
        if need.width() > room.width():  # a horizontal bar will take its height
            room.setHeight(room.height() - bar)
        content.resize(room.expandedTo(need))

    @staticmethod
    def _least_size(content: QWidget, width: int) -> QSize:
        """The content's least size, its wrapped texts given the lines they need at `width`."""
        need = content.minimumSizeHint().expandedTo(content.minimumSize())
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():
            width = max(width, need.width())
            need.setHeight(max(need.height(), layout.totalMinimumHeightForWidth(width)))
        return need
