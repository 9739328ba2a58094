"""The back of the knee, with the press points of the current set.

The artwork is one SVG of a RIGHT knee seen from behind (inner side on the viewer's left);
the left knee is the same picture mirrored. Markers, the highlight and all labels are
painted here so they can be shown/hidden per set, translated, and kept unmirrored.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QVariantAnimation,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
    QShowEvent,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from knee_coach.core.model import Leg, Point
from knee_coach.ui.resources import asset_path

SVG_NAME = "knee_back.svg"
ARTWORK_ID = "artwork"
CENTRE_ID = "centre_no_press"

# Where the side labels and the "do not press" tag sit, in SVG units (right-leg picture).
_SIDE_LABEL_Y = 292.0  # knee crease level: the leg is narrowest there, most room for text
_LEG_MEDIAL_EDGE_X = 112.0  # skin outline at the crease, viewer's left on the right leg
_LEG_LATERAL_EDGE_X = 288.0
_NO_PRESS_TAG_Y = 405.0  # between the calf heads, clear of the press points

_INK = QColor("#1f2a30")
_MUTED = QColor("#5b6870")
_ACCENT = QColor("#2a7f82")
_DANGER = QColor("#b83227")
_GLOW = QColor("#ffb000")  # warm amber: stands out on skin tones and against the teal markers

_PULSE_MS = 1600
_PULSE_STEP = 0.1  # smallest change of the pulse worth a repaint
_MIN_MARKER_RADIUS = 7.0  # px


class KneeView(QWidget):
    """Back-of-knee illustration for one leg, its press points, and the current point(s)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(str(asset_path(SVG_NAME)), self)
        self._svg_size = QSizeF(self._renderer.viewBoxF().size())
        self._leg = Leg.RIGHT
        self._visible: tuple[Point, ...] = ()
        self._active: tuple[Point, ...] = ()
        self._animated = True
        self._pulse_value = 1.0
        self._cache: QPixmap | None = None
        self._cache_key: tuple[int, int, float, bool] | None = None
        self._watched_window: QWidget | None = None

        # A finite-duration animation looped forever; it is only ever running while a point
        # is active and on screen, so an idle window uses no timers at all.
        self._pulse = QVariantAnimation(self)
        self._pulse.setStartValue(0.0)
        self._pulse.setKeyValueAt(0.5, 1.0)
        self._pulse.setEndValue(0.0)
        self._pulse.setDuration(_PULSE_MS)
        self._pulse.setLoopCount(-1)
        self._pulse.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._pulse.valueChanged.connect(self._on_pulse)

        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self._update_accessible_text()

    # ----------------------------------------------------------------- public API

    def set_leg(self, leg: Leg) -> None:
        """RIGHT shows the picture as drawn; LEFT mirrors it (inner side on the viewer's right)."""
        if leg is self._leg:
            return
        self._leg = leg
        self._cache = None
        self._update_accessible_text()
        self.update()

    def leg(self) -> Leg:
        return self._leg

    def is_mirrored(self) -> bool:
        return self._leg is Leg.LEFT

    def set_points(self, visible: tuple[Point, ...], active: tuple[Point, ...]) -> None:
        """Show `visible` markers; highlight `active` ones (always shown, even if not visible)."""
        shown = tuple(dict.fromkeys((*visible, *active)))
        active = tuple(dict.fromkeys(active))
        if shown == self._visible and active == self._active:
            return
        self._visible = shown
        self._active = active
        self._update_accessible_text()
        self._sync_pulse()
        self.update()

    def visible_points(self) -> tuple[Point, ...]:
        return self._visible

    def active_points(self) -> tuple[Point, ...]:
        return self._active

    def set_animated(self, animated: bool) -> None:
        """False freezes the highlight at full strength (tests, screenshots, reduced motion)."""
        self._animated = animated
        if not animated:
            self._pulse_value = 1.0
        self._sync_pulse()
        self.update()

    def is_animated(self) -> bool:
        return self._animated

    def is_pulsing(self) -> bool:
        """True while the highlight animation is running (i.e. the widget is using a timer)."""
        return self._pulse.state() == QVariantAnimation.State.Running

    def point_center(self, point: Point) -> QPointF:
        """Centre of a point's marker, in widget coordinates (mirrored for the left leg)."""
        return self._transform().map(self._renderer.boundsOnElement(point.value).center())

    def point_rect(self, point: Point) -> QRectF:
        """Bounds of a point's marker, in widget coordinates."""
        return self._map_rect(self._renderer.boundsOnElement(point.value))

    def no_press_rect(self) -> QRectF:
        """Bounds of the centre no-press zone, in widget coordinates."""
        return self._map_rect(self._renderer.boundsOnElement(CENTRE_ID))

    def sizeHint(self) -> QSize:
        return QSize(320, 420)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 260)

    # ------------------------------------------------------------------- geometry

    def _scale_base(self) -> float:
        # Font sizes follow the widget, not the picture, to avoid a layout/font cycle.
        return max(0.3, min(self.width() / self._svg_size.width(), self.height() / 560.0))

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = self._scale_base()
        caption = QFont(self.font())
        caption.setPixelSize(round(max(14.0, min(26.0, 22.0 * base))))
        caption.setBold(True)
        small = QFont(self.font())
        small.setPixelSize(round(max(11.0, min(17.0, 14.0 * base))))
        label = QFont(self.font())
        label.setPixelSize(round(max(12.0, min(20.0, 17.0 * base))))
        label.setBold(True)
        return caption, small, label

    def _caption_height(self) -> float:
        caption, small, _ = self._fonts()
        return QFontMetricsF(caption).height() + QFontMetricsF(small).height() + 8.0

    def _image_rect(self) -> QRectF:
        """Where the SVG's viewBox lands: below the caption, aspect ratio kept, centred."""
        top = self._caption_height()
        area = QRectF(0.0, top, float(self.width()), max(1.0, self.height() - top - 2.0))
        size = self._svg_size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        rect = QRectF(QPointF(0.0, 0.0), size)
        rect.moveCenter(area.center())
        return rect

    def _transform(self, mirrored: bool | None = None) -> QTransform:
        """SVG user units -> widget pixels, mirrored about the picture's centre for LEFT."""
        if mirrored is None:
            mirrored = self.is_mirrored()
        img = self._image_rect()
        scale = img.width() / self._svg_size.width()
        t = QTransform()
        if mirrored:
            t.translate(img.right(), img.top())
            t.scale(-scale, scale)
        else:
            t.translate(img.left(), img.top())
            t.scale(scale, scale)
        return t

    def _centre_transform(self) -> QTransform:
        centre = self._renderer.boundsOnElement(CENTRE_ID).center()
        plain = self._transform(mirrored=False)
        shift = self._transform().map(centre) - plain.map(centre)
        return plain * QTransform.fromTranslate(shift.x(), shift.y())

    def _map_rect(self, rect: QRectF) -> QRectF:
        return self._transform().mapRect(rect)

    # ------------------------------------------------------------------- painting

    def _artwork(self) -> QPixmap:
        """The static leg picture, cached: the pulse repaints often, the SVG is not re-parsed."""
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), dpr, self.is_mirrored())
        if self._cache is not None and self._cache_key == key:
            return self._cache
        pixmap = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setTransform(self._transform())
        self._render_element(painter, ARTWORK_ID)
        painter.end()
        self._cache = pixmap
        self._cache_key = key
        return pixmap

    def _render_element(self, painter: QPainter, element_id: str) -> None:
        # Rendering an element into its own bounds keeps it where it is in the full picture.
        self._renderer.render(painter, element_id, self._renderer.boundsOnElement(element_id))

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.drawPixmap(0, 0, self._artwork())

        for point in self._visible:
            if point in self._active:
                self._draw_glow(painter, point)
        for point in self._visible:
            self._draw_marker(painter, point, point in self._active)

        # The no-press zone goes last so no glow ever softens it. It is drawn unmirrored
        # (moved to its mirrored place) so the "no" bar always slants the usual way.
        painter.save()
        painter.setTransform(self._centre_transform())
        self._render_element(painter, CENTRE_ID)
        painter.restore()

        self._draw_labels(painter)
        painter.end()

    def _marker_radius(self, point: Point) -> float:
        # Never smaller than a glanceable dot, even in a small window.
        return max(_MIN_MARKER_RADIUS, self.point_rect(point).width() / 2.0)

    def _draw_glow(self, painter: QPainter, point: Point) -> None:
        centre = self.point_center(point)
        r = self._marker_radius(point)
        pulse = self._pulse_value
        outer = r * (1.55 + 0.35 * pulse)
        gradient = QRadialGradient(centre, outer)
        glow = QColor(_GLOW)
        inner_stop = r / outer
        glow.setAlpha(0)
        gradient.setColorAt(0.0, glow)
        glow.setAlpha(round(150 + 105 * pulse))
        gradient.setColorAt(inner_stop, glow)
        glow.setAlpha(0)
        gradient.setColorAt(1.0, glow)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawEllipse(centre, outer, outer)
        # A crisp ring as well, so a frozen or printed frame still shows which point is current.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(_GLOW, max(2.0, r * 0.28)))
        painter.drawEllipse(centre, r * 1.28, r * 1.28)

    def _draw_marker(self, painter: QPainter, point: Point, active: bool) -> None:
        centre = self.point_center(point)
        r = self._marker_radius(point)
        ring = max(2.0, r * 0.26)
        if active:
            painter.setPen(QPen(QColor("white"), ring))
            painter.setBrush(_ACCENT)
        else:
            painter.setPen(QPen(_ACCENT, ring))
            painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawEllipse(centre, r - ring / 2.0, r - ring / 2.0)

    def _draw_labels(self, painter: QPainter) -> None:
        caption_font, small_font, label_font = self._fonts()
        width = float(self.width())

        # Caption: which leg, and that it is seen from behind (inner/outer depend on it).
        painter.setPen(_INK)
        painter.setFont(caption_font)
        caption_h = QFontMetricsF(caption_font).height()
        caption = (
            QCoreApplication.translate("KneeView", "Right leg")
            if self._leg is Leg.RIGHT
            else QCoreApplication.translate("KneeView", "Left leg")
        )
        self._draw_fitted(painter, QRectF(4.0, 2.0, width - 8.0, caption_h), caption, caption_font)
        painter.setPen(_MUTED)
        small_h = QFontMetricsF(small_font).height()
        self._draw_fitted(
            painter,
            QRectF(4.0, 2.0 + caption_h, width - 8.0, small_h),
            QCoreApplication.translate("KneeView", "Seen from behind"),
            small_font,
        )

        # Inner/outer: text follows the anatomy, never the mirror.
        t = self._transform()
        medial_edge = t.map(QPointF(_LEG_MEDIAL_EDGE_X, _SIDE_LABEL_Y))
        lateral_edge = t.map(QPointF(_LEG_LATERAL_EDGE_X, _SIDE_LABEL_Y))
        left_edge, right_edge = sorted((medial_edge, lateral_edge), key=lambda p: p.x())
        inner = QCoreApplication.translate("KneeView", "Inner")
        outer = QCoreApplication.translate("KneeView", "Outer")
        left_text, right_text = (outer, inner) if self.is_mirrored() else (inner, outer)
        gap = 6.0
        line_h = QFontMetricsF(label_font).height()
        painter.setPen(_INK)
        left_rect = QRectF(2.0, left_edge.y() - line_h, left_edge.x() - gap - 2.0, 2 * line_h)
        right_rect = QRectF(
            right_edge.x() + gap,
            right_edge.y() - line_h,
            width - right_edge.x() - gap - 2.0,
            2 * line_h,
        )
        self._draw_fitted(
            painter, left_rect, left_text, label_font, Qt.AlignmentFlag.AlignRight, wrap=True
        )
        self._draw_fitted(
            painter, right_rect, right_text, label_font, Qt.AlignmentFlag.AlignLeft, wrap=True
        )

        self._draw_no_press_tag(painter, label_font)

    def _draw_no_press_tag(self, painter: QPainter, font: QFont) -> None:
        t = self._transform()
        zone = self.no_press_rect()
        anchor = t.map(
            QPointF(self._renderer.boundsOnElement(CENTRE_ID).center().x(), _NO_PRESS_TAG_Y)
        )
        text = QCoreApplication.translate("KneeView", "Do not press")
        img = self._image_rect()
        tag_font = QFont(font)
        metrics = QFontMetricsF(tag_font)
        pad_x, pad_y = metrics.height() * 0.6, metrics.height() * 0.25
        max_text = max(10.0, min(float(self.width()) - 8.0, img.width() * 0.9) - 2 * pad_x)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_text)
        tag = QRectF(
            0.0, 0.0, metrics.horizontalAdvance(text) + 2 * pad_x, metrics.height() + 2 * pad_y
        )
        tag.moveCenter(anchor)

        pen = QPen(_DANGER, max(1.5, zone.width() * 0.06))
        painter.setPen(pen)
        painter.drawLine(QPointF(zone.center().x(), zone.bottom()), QPointF(anchor.x(), tag.top()))
        painter.setBrush(QColor(255, 255, 255, 240))
        radius = tag.height() / 2.0
        painter.drawRoundedRect(tag, radius, radius)
        painter.setFont(tag_font)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _draw_fitted(
        painter: QPainter,
        rect: QRectF,
        text: str,
        font: QFont,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
        *,
        wrap: bool = False,
    ) -> None:
        """Draw text inside rect, shrinking the font (then eliding) rather than clipping it."""
        if rect.width() <= 4.0 or rect.height() <= 4.0:
            return
        fitted = QFont(font)
        flags = align | Qt.AlignmentFlag.AlignVCenter
        if wrap:
            flags |= Qt.TextFlag.TextWordWrap
        size = fitted.pixelSize()
        while True:
            metrics = QFontMetricsF(fitted)
            needed = metrics.boundingRect(rect, int(flags), text)
            if needed.width() <= rect.width() + 0.5 and needed.height() <= rect.height() + 0.5:
                break
            if size <= 9:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
                flags &= ~Qt.TextFlag.TextWordWrap
                break
            size -= 1
            fitted.setPixelSize(size)
        painter.setFont(fitted)
        painter.drawText(rect, int(flags), text)

    # ------------------------------------------------------------------ animation

    def _on_pulse(self, value: object) -> None:
        value = float(value)  # type: ignore[arg-type]
        # The animation ticks at the screen's rate; a glow this soft needs far fewer
        # repaints, and each one costs CPU for as long as a set runs.
        if abs(value - self._pulse_value) < _PULSE_STEP and value not in (0.0, 1.0):
            return
        self._pulse_value = value
        # Only the highlighted markers change: repaint just around them.
        for point in self._active:
            reach = self._marker_radius(point) * 2.0 + 2.0  # the glow's largest radius is 1.9 r
            dirty = QRectF(0.0, 0.0, 2 * reach, 2 * reach)
            dirty.moveCenter(self.point_center(point))
            self.update(dirty.toAlignedRect())

    def _should_pulse(self, shown: bool) -> bool:
        window = self.window()
        return (
            self._animated
            and bool(self._active)
            and shown
            and not (window is not None and window.isMinimized())
        )

    def _sync_pulse(self, shown: bool | None = None) -> None:
        if shown is None:
            shown = self.isVisible()
        if self._should_pulse(shown):
            if self._pulse.state() != QVariantAnimation.State.Running:
                self._pulse.start()
        else:
            if self._pulse.state() != QVariantAnimation.State.Stopped:
                self._pulse.stop()
            self._pulse_value = 1.0  # a stopped highlight rests at full strength

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch_window()
        self._sync_pulse(shown=True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._sync_pulse(shown=False)

    def _watch_window(self) -> None:
        # Minimising the window does not hide child widgets, so listen to the window itself.
        window = self.window()
        if window is self or window is self._watched_window:
            return
        if self._watched_window is not None:
            self._watched_window.removeEventFilter(self)
        self._watched_window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched_window and event.type() == QEvent.Type.WindowStateChange:
            self._sync_pulse()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._cache = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._update_accessible_text()
            self.update()

    # -------------------------------------------------------------- accessibility

    def _point_name(self, point: Point) -> str:
        names = {
            Point.HAMSTRING_MEDIAL: QCoreApplication.translate(
                "KneeView", "inner tendon just above the knee"
            ),
            Point.HAMSTRING_LATERAL: QCoreApplication.translate(
                "KneeView", "outer tendon just above the knee"
            ),
            Point.POPLITEUS_MEDIAL: QCoreApplication.translate(
                "KneeView", "just inside the centre of the knee crease"
            ),
            Point.POPLITEUS_LATERAL: QCoreApplication.translate(
                "KneeView", "just outside the centre of the knee crease"
            ),
        }
        return names[point]

    def _update_accessible_text(self) -> None:
        self.setAccessibleName(
            QCoreApplication.translate("KneeView", "Back of the right knee: press points")
            if self._leg is Leg.RIGHT
            else QCoreApplication.translate("KneeView", "Back of the left knee: press points")
        )
        parts: list[str] = []
        if self._active:
            parts.append(
                QCoreApplication.translate("KneeView", "Press now: {points}.").format(
                    points="; ".join(self._point_name(p) for p in self._active)
                )
            )
        parts.append(
            QCoreApplication.translate(
                "KneeView", "Never press the centre of the crease: nerves and vessels run there."
            )
        )
        self.setAccessibleDescription(" ".join(parts))
