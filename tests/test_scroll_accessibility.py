"""A scroll area keeps the accessible children a screen reader counted when its scroll bar
goes: asking for one of them never reads past Qt's list (that crashed the app)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from knee_coach.ui import scroll_accessibility
from knee_coach.ui.page_stack import PageStack


def tall_area() -> QScrollArea:
    area = QScrollArea()
    content = QWidget()
    content.setMinimumSize(300, 900)  # taller than the area: the vertical bar shows
    area.setWidget(content)
    area.resize(200, 200)
    return area


def test_a_scroll_area_has_the_same_children_after_its_page_is_switched_away(
    qtbot: QtBot,
) -> None:
    scroll_accessibility.install()
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    area = tall_area()
    stack.addWidget(area)
    stack.addWidget(QWidget())
    stack.resize(200, 200)
    stack.show()
    qtbot.waitExposed(stack)
    assert area.verticalScrollBar().isVisible()
    face = QAccessible.queryAccessibleInterface(area)
    counted = face.childCount()
    before = [face.child(i).object() for i in range(counted)]
    assert area.viewport() in before
    assert area.verticalScrollBar().parentWidget() in before

    stack.setCurrentIndex(1)  # the page hides: so do its scroll bars
    assert not area.verticalScrollBar().isVisible()
    assert face.childCount() == counted
    after = [face.child(i) for i in range(counted)]
    assert [c.object() for c in after if c is not None] == before
    assert face.child(counted) is None  # past the end: nothing, not a stray pointer


def test_a_scroll_area_keeps_its_children_when_it_grows_past_its_content(qtbot: QtBot) -> None:
    scroll_accessibility.install()
    area = tall_area()
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    face = QAccessible.queryAccessibleInterface(area)
    counted = face.childCount()
    area.resize(400, 1000)  # room for it all: the bar goes
    qtbot.waitUntil(lambda: not area.verticalScrollBar().isVisible())
    assert face.childCount() == counted
    assert all(face.child(i) is not None for i in range(counted))


def test_the_pages_scroll_areas_answer_with_their_pages_inside(qtbot: QtBot) -> None:
    scroll_accessibility.install()
    stack = PageStack()
    qtbot.addWidget(stack)
    page = QWidget()
    stack.addWidget(page)
    stack.show()
    qtbot.waitExposed(stack)
    scroll = page.parentWidget().parentWidget()  # the page sits in its scroll area's viewport
    assert isinstance(scroll, QScrollArea)
    face = QAccessible.queryAccessibleInterface(scroll)
    children = [face.child(i) for i in range(face.childCount())]
    viewport = next(c for c in children if c.object() is scroll.viewport())
    assert any(viewport.child(i).object() is page for i in range(viewport.childCount()))
