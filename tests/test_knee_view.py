"""The knee illustration: sides per leg, the no-press centre, the highlight and its animation."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QTranslator
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from knee_coach.core.model import Leg, Point
from knee_coach.ui.knee_view import CENTRE_ID, SVG_NAME, KneeView
from knee_coach.ui.resources import asset_path

MEDIAL = (Point.HAMSTRING_MEDIAL, Point.POPLITEUS_MEDIAL)
LATERAL = (Point.HAMSTRING_LATERAL, Point.POPLITEUS_LATERAL)
POPLITEUS = (Point.POPLITEUS_MEDIAL, Point.POPLITEUS_LATERAL)


@pytest.fixture
def view(qtbot: QtBot) -> KneeView:
    widget = KneeView()
    qtbot.addWidget(widget)
    widget.resize(320, 420)
    widget.set_animated(False)  # deterministic pixels; animation tests turn it back on
    return widget


def _pixel(image: QImage, at: QPointF) -> QColor:
    dpr = image.devicePixelRatio()
    return image.pixelColor(round(at.x() * dpr), round(at.y() * dpr))


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


# ----------------------------------------------------------------------------- the asset


def test_svg_has_every_id_and_no_text_or_bitmaps() -> None:
    path = asset_path(SVG_NAME)
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    for element in [p.value for p in Point] + [CENTRE_ID]:
        assert renderer.elementExists(element), element
        assert not renderer.boundsOnElement(element).isEmpty(), element
    source = path.read_text(encoding="utf-8")
    assert path.stat().st_size < 15_000
    # Labels are drawn (translated) by the widget; the picture must not carry any words.
    assert not re.search(r"<\s*(text|image|mask|filter)\b", source)


def test_svg_geometry_matches_the_article() -> None:
    renderer = QSvgRenderer(str(asset_path(SVG_NAME)))
    centre = renderer.boundsOnElement(CENTRE_ID)

    def at(point: Point) -> QPointF:
        return renderer.boundsOnElement(point.value).center()

    # Right knee from behind: inner (medial) on the viewer's left.
    for point in MEDIAL:
        assert at(point).x() < centre.center().x()
    for point in LATERAL:
        assert at(point).x() > centre.center().x()
    # Tendons are hooked above the crease; the thumbs press just below the crease line.
    assert at(Point.HAMSTRING_MEDIAL).y() < centre.top()
    assert at(Point.HAMSTRING_LATERAL).y() < centre.top()
    assert at(Point.POPLITEUS_MEDIAL).y() > centre.center().y()
    assert at(Point.POPLITEUS_LATERAL).y() > centre.center().y()


# ----------------------------------------------------------------------------- sides


def test_right_leg_medial_left_lateral_right(view: KneeView) -> None:
    view.set_leg(Leg.RIGHT)
    assert not view.is_mirrored()
    middle = view.width() / 2
    for point in MEDIAL:
        assert view.point_center(point).x() < middle, point
    for point in LATERAL:
        assert view.point_center(point).x() > middle, point


def test_left_leg_is_mirrored(view: KneeView) -> None:
    view.set_leg(Leg.LEFT)
    assert view.is_mirrored()
    middle = view.width() / 2
    for point in MEDIAL:
        assert view.point_center(point).x() > middle, point
    for point in LATERAL:
        assert view.point_center(point).x() < middle, point
    # A true mirror: same heights, x reflected about the middle.
    view.set_leg(Leg.RIGHT)
    right = {p: view.point_center(p) for p in Point}
    view.set_leg(Leg.LEFT)
    for point, where in right.items():
        mirrored = view.point_center(point)
        assert mirrored.y() == pytest.approx(where.y())
        assert mirrored.x() == pytest.approx(view.width() - where.x(), abs=1.0)


@pytest.mark.parametrize("leg", list(Leg))
def test_popliteus_points_flank_the_no_press_centre(view: KneeView, leg: Leg) -> None:
    view.set_leg(leg)
    zone = view.no_press_rect()
    assert zone.contains(view.no_press_rect().center())
    xs = sorted(view.point_center(p).x() for p in POPLITEUS)
    assert xs[0] < zone.left() and xs[1] > zone.right()
    for point in POPLITEUS:
        assert not view.point_rect(point).intersects(zone), point


def test_scales_with_the_widget_and_keeps_aspect(view: KneeView) -> None:
    small = view.point_center(Point.HAMSTRING_LATERAL) - view.point_center(Point.HAMSTRING_MEDIAL)
    view.resize(640, 840)
    large = view.point_center(Point.HAMSTRING_LATERAL) - view.point_center(Point.HAMSTRING_MEDIAL)
    assert large.x() > small.x() * 1.7
    # A very wide widget must not stretch the picture sideways.
    view.resize(2000, 420)
    wide = view.point_rect(Point.POPLITEUS_MEDIAL)
    assert wide.width() == pytest.approx(wide.height())


def test_size_hints(view: KneeView) -> None:
    assert (view.sizeHint().width(), view.sizeHint().height()) == (320, 420)
    assert (view.minimumSizeHint().width(), view.minimumSizeHint().height()) == (200, 260)


# ----------------------------------------------------------------------------- highlight


@pytest.mark.parametrize(
    ("leg", "point"), [(Leg.RIGHT, Point.HAMSTRING_MEDIAL), (Leg.LEFT, Point.POPLITEUS_LATERAL)]
)
def test_active_point_is_highlighted(view: KneeView, leg: Leg, point: Point) -> None:
    view.set_leg(leg)
    view.set_points(tuple(Point), ())
    plain = view.grab().toImage()
    view.set_points(tuple(Point), (point,))
    lit = view.grab().toImage()

    centre = view.point_center(point)
    radius = view.point_rect(point).width() / 2
    # The marker fills in and an amber ring appears around it.
    assert _distance(_pixel(plain, centre), _pixel(lit, centre)) > 150
    ring = QPointF(centre.x(), centre.y() - radius * 1.28)
    amber = _pixel(lit, ring)
    assert amber.red() > 200 and amber.green() > 120 and amber.blue() < 120, amber.name()
    assert _distance(_pixel(plain, ring), amber) > 80
    # Other points are untouched.
    for other in Point:
        if other is not point:
            where = view.point_center(other)
            assert _distance(_pixel(plain, where), _pixel(lit, where)) < 10, other


def test_hidden_points_are_not_drawn(view: KneeView) -> None:
    view.set_points((), ())
    bare = view.grab().toImage()
    view.set_points((Point.HAMSTRING_LATERAL,), ())
    shown = view.grab().toImage()
    lateral = view.point_center(Point.HAMSTRING_LATERAL)
    medial = view.point_center(Point.HAMSTRING_MEDIAL)
    assert _distance(_pixel(bare, lateral), _pixel(shown, lateral)) > 60
    assert _distance(_pixel(bare, medial), _pixel(shown, medial)) < 10


def test_no_press_centre_is_always_drawn_in_red(view: KneeView) -> None:
    for leg in Leg:
        view.set_leg(leg)
        view.set_points((), ())
        image = view.grab().toImage()
        zone = view.no_press_rect()
        # The ring sits just inside the element's bounds.
        edge = _pixel(image, QPointF(zone.left() + zone.width() * 0.06, zone.center().y()))
        assert edge.red() > 150 and edge.green() < 100 and edge.blue() < 100, edge.name()


# ----------------------------------------------------------------------------- animation


def test_pulse_runs_only_while_active_and_shown(qtbot: QtBot) -> None:
    view = KneeView()
    qtbot.addWidget(view)
    view.set_points(POPLITEUS, POPLITEUS)
    assert not view.is_pulsing()  # never shown yet

    view.show()
    qtbot.waitExposed(view)
    assert view.is_pulsing()

    view.set_points(POPLITEUS, ())
    assert not view.is_pulsing()
    view.set_points(POPLITEUS, (Point.POPLITEUS_MEDIAL,))
    assert view.is_pulsing()

    view.hide()
    assert not view.is_pulsing()
    view.show()
    assert view.is_pulsing()

    view.set_animated(False)
    assert not view.is_pulsing()
    view.set_animated(True)
    assert view.is_pulsing()

    view.set_points((), ())
    assert not view.is_pulsing()


def test_pulse_stops_when_the_parent_page_is_hidden(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    page = QWidget()
    qtbot.addWidget(page)
    view = KneeView(page)
    QVBoxLayout(page).addWidget(view)
    view.set_points(POPLITEUS, POPLITEUS)
    page.show()
    qtbot.waitExposed(page)
    assert view.is_pulsing()
    page.hide()
    assert not view.is_pulsing()


# ----------------------------------------------------------------------------- texts


class _RecordingTranslator(QTranslator):
    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del disambiguation, n
        if context == "KneeView":
            self.seen.add(source)
        return ""


def test_labels_go_through_the_translator(view: KneeView) -> None:
    translator = _RecordingTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        view.set_leg(Leg.LEFT)
        view.set_points(POPLITEUS, POPLITEUS)
        view.grab()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert {"Inner", "Outer", "Do not press", "Left leg"} <= translator.seen


def test_accessible_text_names_the_leg_and_the_current_point(view: KneeView) -> None:
    view.set_leg(Leg.RIGHT)
    assert "right" in view.accessibleName().lower()
    view.set_leg(Leg.LEFT)
    assert "left" in view.accessibleName().lower()
    view.set_points(POPLITEUS, (Point.POPLITEUS_MEDIAL,))
    assert "inside" in view.accessibleDescription()
    assert "centre" in view.accessibleDescription()
