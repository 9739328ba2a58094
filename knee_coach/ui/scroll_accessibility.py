"""Scroll areas as a screen reader walks them: the same children whether their bars show or not.

Qt's own accessible scroll area counts a scroll bar among its children only while the bar is
visible, and its `child(index)` does not check the index. A screen reader that read the count
while a page's scroll bar showed, and asks for that child after the bar went (the page was
switched away, or the window grew), makes Qt read past the end of its list and follow a stray
pointer: the app crashed (SIGSEGV) in about half of the AT-SPI whole-session test runs once the
pages scrolled. Plain scroll areas (the pages', the session's, History's review) and graphics
views (History's plots) get Qt's general widget interface instead: its children are the child
widgets (the viewport and both bar containers, shown or not), so the count holds, and it checks
the index it is asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractScrollArea, QAccessibleWidget

# The class names at which Qt's widget factory would answer with its scroll-area interface
# (a text edit or an item view is answered at its own class first, and keeps Qt's interface).
_SCROLL_AREA_CLASSES = frozenset({"QScrollArea", "QAbstractScrollArea"})


def _interface(key: str, obj: QObject) -> QAccessibleInterface | None:
    if key in _SCROLL_AREA_CLASSES and isinstance(obj, QAbstractScrollArea):
        return QAccessibleWidget(obj, QAccessible.Role.Client)
    return None


_installed: list[bool] = []


def install() -> None:
    """Answer for scroll areas before Qt's widget factory does. Call after the QApplication
    exists (the factory installed last is asked first); a second call does nothing."""
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed.append(True)
