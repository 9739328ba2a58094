"""The window's pages, each in its own scroll area, so a large text size never clips a page.

At 200 % text scale a 1366×768 screen is 683×384 pixels of layout: the check-in's three rating
rows do not fit in that height. Each page keeps its natural size and scrolls when the window is
smaller; a widget that takes the keyboard focus is scrolled into view.

The stack answers with the pages themselves (`currentWidget()`, `setCurrentWidget(page)`,
`indexOf(page)`), never with their scroll areas: callers need not know the pages scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from knee_coach.ui.fill_scroll import FillScrollArea


class PageScroll(FillScrollArea):
    """One page's scroll area; the page fills the window when there is room."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(page)
        self.page = page

    def sizeHint(self) -> QSize:
        """The page's own size: a dialog of such pages opens showing them whole where the
        screen has room (Qt keeps a new window within two thirds of the screen; beyond that
        the page scrolls). QScrollArea's own hint is the page's current size."""
        margins = self.contentsMargins()
        return self.page.sizeHint() + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )


class PageStack(QStackedWidget):
    """A QStackedWidget whose pages scroll; it is used with the pages, as a plain one is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _scroll_of(self, page: QWidget | None) -> PageScroll | None:
        for index in range(super().count()):
            scroll = super().widget(index)
            if isinstance(scroll, PageScroll) and scroll.page is page:
                return scroll
        return None

    def addWidget(self, page: QWidget) -> int:
        return super().addWidget(PageScroll(page))

    def indexOf(self, page: QWidget) -> int:
        scroll = self._scroll_of(page)
        return super().indexOf(scroll) if scroll is not None else -1

    def widget(self, index: int) -> QWidget | None:
        scroll = super().widget(index)
        return scroll.page if isinstance(scroll, PageScroll) else scroll

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def setCurrentWidget(self, page: QWidget) -> None:
        scroll = self._scroll_of(page)
        if scroll is None:
            raise ValueError("the page is not in this stack")
        super().setCurrentWidget(scroll)

    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        """A control focused below the fold (by Tab, a shortcut or the program) is shown."""
        del old
        if now is None:
            return
        scroll = super().currentWidget()
        if isinstance(scroll, PageScroll) and scroll.page.isAncestorOf(now):
            scroll.ensureWidgetVisible(now, 16, 16)
