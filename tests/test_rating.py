"""The 0-10 rating row as a user meets it: boxes to click, the pointer, the keyboard, the look."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from knee_coach.ui import style
from knee_coach.ui.rating import RatingRow
from knee_coach.ui.style import stylesheet


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, RatingRow, QLineEdit]:
    """A row in a styled window, with a field after it to take the focus away."""
    window = QWidget()
    window.setStyleSheet(stylesheet("en"))
    row = RatingRow("Right knee: pain", "no pain", "worst imaginable")
    other = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(row)
    layout.addWidget(other)
    window.resize(640, 200)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, row, other


def centre(row: RatingRow, value: int) -> QPoint:
    return row.scale.cell_rect(value).center().toPoint()


def pixel(row: RatingRow, value: int) -> QColor:
    """The colour of a box, just inside its left edge (clear of the digit)."""
    box = row.scale.cell_rect(value)
    image = row.scale.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int((box.left() + 4) * ratio), int(box.center().y() * ratio))


def test_clicking_a_box_chooses_it_and_tells_the_form(qtbot: QtBot, form: tuple) -> None:
    _, row, _ = form
    seen: list[object] = []
    row.valueChanged.connect(seen.append)
    for value in (7, 0, 10):
        qtbot.mouseClick(row.scale, Qt.MouseButton.LeftButton, pos=centre(row, value))
        assert row.value() == value
    assert seen == [7, 0, 10]


def test_a_click_gives_the_row_the_keys(qtbot: QtBot, form: tuple) -> None:
    _, row, other = form
    other.setFocus()
    qtbot.mouseClick(row.scale, Qt.MouseButton.LeftButton, pos=centre(row, 3))
    assert row.hasFocus()
    qtbot.keyClick(row, Qt.Key.Key_Right)
    assert row.value() == 4


def test_gaps_and_other_buttons_choose_nothing(qtbot: QtBot, form: tuple) -> None:
    _, row, _ = form
    gap = QPoint(int(row.scale.cell_rect(2).right()) + 3, centre(row, 2).y())
    assert row.scale.value_at(gap.toPointF()) is None
    qtbot.mouseClick(row.scale, Qt.MouseButton.LeftButton, pos=gap)
    qtbot.mouseClick(row.scale, Qt.MouseButton.RightButton, pos=centre(row, 5))
    assert row.value() is None


def test_every_box_is_on_screen_and_in_order(form: tuple) -> None:
    _, row, _ = form
    rects = [row.scale.cell_rect(v) for v in range(11)]
    assert rects[0].left() >= 0 and rects[-1].right() <= row.scale.width()
    assert all(a.right() < b.left() for a, b in pairwise(rects))
    assert min(r.width() for r in rects) >= 40  # a large target for a hand off the knee


def test_the_chosen_box_is_filled_and_the_others_are_not(form: tuple) -> None:
    _, row, _ = form
    row.set_value(6)
    assert pixel(row, 6) == QColor(style.ACCENT)
    assert pixel(row, 5) == QColor(style.CARD)
    row.set_value(None)
    assert pixel(row, 6) == QColor(style.CARD)


def test_the_box_under_the_pointer_lights_its_edge(qtbot: QtBot, form: tuple) -> None:
    _, row, _ = form
    qtbot.mouseMove(row.scale, centre(row, 8))
    qtbot.waitUntil(lambda: row.scale._hover == 8)
    box = row.scale.cell_rect(8)
    image = row.scale.grab().toImage()
    edge = image.pixelColor(int(box.center().x()), int(box.top()))
    assert edge == QColor(style.ACCENT)


def test_a_ring_shows_which_row_takes_the_keys(form: tuple) -> None:
    window, row, other = form
    window.activateWindow()
    row.setFocus()
    focused = row.scale.grab().toImage().pixelColor(1, row.scale.height() // 2)
    other.setFocus()
    unfocused = row.scale.grab().toImage().pixelColor(1, row.scale.height() // 2)
    assert focused == QColor(style.ACCENT)
    assert unfocused != QColor(style.ACCENT)


def test_keys_digits_ten_and_arrows(qtbot: QtBot, form: tuple) -> None:
    _, row, _ = form
    row.setFocus()
    qtbot.keyClicks(row, "1")
    assert row.value() == 1
    qtbot.keyClicks(row, "0")
    assert row.value() == 10
    qtbot.keyClick(row, Qt.Key.Key_Right)
    assert row.value() == 10  # already at the top
    qtbot.keyClick(row, Qt.Key.Key_Left)
    assert row.value() == 9


def test_a_screen_reader_hears_the_name_the_ends_and_the_value(form: tuple) -> None:
    _, row, _ = form
    assert row.accessibleName() == "Right knee: pain: not rated"
    assert "no pain" in row.accessibleDescription()
    assert "worst imaginable" in row.accessibleDescription()
    row.set_value(4)
    assert row.accessibleName() == "Right knee: pain: 4 of 10"


def test_out_of_range_values_are_refused(form: tuple) -> None:
    _, row, _ = form
    with pytest.raises(ValueError):
        row.set_value(11)
    assert row.value() is None
