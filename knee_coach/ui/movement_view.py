"""The movement, seen from the side: a seated figure whose lower leg bends, straightens and
swings in step with the session, with the hands drawn where they press.

The pose comes from knee_coach.core.movement, a pure function of the session's snapshot. This
widget only draws it. It asks for frames only while the pose changes with time (a set or its
preview running, on screen); paused, idle, or showing still frames, it runs no timer at all.
The right leg points to the viewer's right; the left leg is its mirror image. Texts are drawn
unmirrored.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QShowEvent,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from knee_coach.core.model import Leg, Pacing
from knee_coach.core.movement import Hands, Pose, pose_at
from knee_coach.core.session import Snapshot
from knee_coach.ui import style

# Slow, smooth movements: 20 frames a second are enough and keep the CPU low.
FRAME_MS = 50

# The figure in its own units: hip at the origin, y up, the thigh one unit long.
THIGH, SHIN, FOOT = 1.0, 0.95, 0.32
THIGH_WIDTH = (0.30, 0.19)  # at the hip, at the knee
SHIN_WIDTH = (0.17, 0.10)  # at the knee, at the ankle
TORSO_ANGLE, TORSO = 100.0, 1.0
HEAD = 0.16
# The part of the plane every pose of both routines stays inside (with the arrow).
MODEL_BOX = QRectF(-0.62, -0.85, 2.75, 2.35)  # x, y (bottom), width, height

_SKIN = QColor("#e9c2a2")
_SKIN_DARK = QColor("#cf9a78")
_SHIRT = QColor("#7fa7a8")
_SHORTS = QColor("#4f6d7a")
_SEAT = QColor("#d8d2c8")
_INK = QColor(style.INK)
_MUTED = QColor(style.MUTED)
_ACCENT = QColor(style.ACCENT)
_PAPER = QColor(style.PAPER)
_PRESS = QColor("#ffb000")  # the press-point view's highlight colour


def _unit(degrees: float) -> QPointF:
    rad = math.radians(degrees)
    return QPointF(math.cos(rad), math.sin(rad))


def _normal_below(degrees: float) -> QPointF:
    """The unit vector perpendicular to a limb at `degrees`, on its underside (the back)."""
    rad = math.radians(degrees)
    return QPointF(math.sin(rad), -math.cos(rad))


def joints(pose: Pose, flexion: float | None = None) -> dict[str, QPointF]:
    """Hip, knee, ankle and toe in figure units (right leg, y up)."""
    flex = pose.knee_flexion if flexion is None else flexion
    hip = QPointF(0.0, 0.0)
    knee = hip + _unit(pose.thigh_angle) * THIGH
    shin_angle = pose.thigh_angle - flex
    ankle = knee + _unit(shin_angle) * SHIN
    toe = ankle + _unit(shin_angle + 82.0) * FOOT
    heel = ankle + _unit(shin_angle + 82.0) * -0.06 + _unit(shin_angle) * 0.05
    return {"hip": hip, "knee": knee, "ankle": ankle, "toe": toe, "heel": heel}


def _limb(a: QPointF, b: QPointF, wa: float, wb: float) -> QPainterPath:
    """A tapered limb from a to b, rounded at both ends."""
    d = b - a
    length = math.hypot(d.x(), d.y()) or 1.0
    n = QPointF(-d.y() / length, d.x() / length)
    body = QPainterPath()
    body.moveTo(a + n * (wa / 2))
    body.lineTo(b + n * (wb / 2))
    body.lineTo(b - n * (wb / 2))
    body.lineTo(a - n * (wa / 2))
    body.closeSubpath()
    caps = QPainterPath()
    caps.addEllipse(a, wa / 2, wa / 2)
    ends = QPainterPath()
    ends.addEllipse(b, wb / 2, wb / 2)
    return body.united(caps).united(ends)


class MovementView(QWidget):
    """The leg in motion for the current set; `show_snapshot` feeds it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(150, 200))
        # It paints its own background: a frame does not make the page repaint beneath it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._pose: Pose | None = None
        self._pacing = Pacing.AUTO
        self._reduced = False
        self._source: Callable[[], Snapshot] | None = None
        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._tick)
        self.paints = 0  # frames drawn: benchmarks and tests read it
        self._layers: dict[bool, QPixmap] = {}
        self._layers_key: tuple[object, ...] | None = None
        self._transforms: dict[tuple[object, ...], QTransform] = {}
        self._update_accessible_text()

    # ----- feeding ------------------------------------------------------------------------
    def start(self, pacing: Pacing, snapshot_source: Callable[[], Snapshot] | None) -> None:
        """A new session: how it is paced, and where to read its state between pushes."""
        self._pacing = pacing
        self._source = snapshot_source
        self._pose = None

    def set_reduced_motion(self, reduced: bool) -> None:
        if reduced != self._reduced:
            self._reduced = reduced
            if self._source is not None:
                self.show_snapshot(self._source())

    @property
    def reduced_motion(self) -> bool:
        return self._reduced

    @property
    def pose(self) -> Pose | None:
        return self._pose

    @property
    def animating(self) -> bool:
        return self._frame.isActive()

    def show_snapshot(self, snap: Snapshot) -> None:
        """Draw the pose the snapshot shows. While the frame timer runs, the leg moves on
        its ticks only, so pushes from the page between two frames cost no extra paint."""
        self._show(pose_at(snap, self._pacing, reduced_motion=self._reduced), from_timer=False)

    def _show(self, pose: Pose | None, from_timer: bool) -> None:
        old = self._pose
        in_motion = pose is not None and pose.moving and old is not None and old.moving
        if not from_timer and in_motion and self._frame.isActive():
            return
        if pose != old:
            if old is None or pose is None or pose.leg != old.leg:
                self._update_accessible_text(pose)
            self._pose = pose
            if (
                old is not None
                and pose is not None
                and (self._static_key(old) == self._static_key(pose))
            ):
                # Only the lower leg moved: repaint where it was and where it is.
                self.update(self._shin_rect(old).united(self._shin_rect(pose)).toAlignedRect())
            else:
                self.update()
        self._sync_timer()

    def _tick(self) -> None:
        if self._source is None:
            self._frame.stop()
            return
        self._show(
            pose_at(self._source(), self._pacing, reduced_motion=self._reduced), from_timer=True
        )

    def _sync_timer(self) -> None:
        window = self.window()
        wanted = (
            self._pose is not None
            and self._pose.moving
            and self._source is not None
            and self.isVisible()
            and not (window is not None and window.isMinimized())
        )
        if wanted and not self._frame.isActive():
            self._frame.start()
        elif not wanted and self._frame.isActive():
            self._frame.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._source is not None:
            self.show_snapshot(self._source())

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._frame.stop()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._update_accessible_text(self._pose)
            self._layers_key = None  # the caption is in the cached layer
            self.update()

    # ----- geometry -----------------------------------------------------------------------
    def _caption_fonts(self) -> tuple[QFont, QFont]:
        caption = QFont(self.font())
        caption.setPixelSize(round(max(14.0, min(24.0, self.height() / 22.0))))
        caption.setBold(True)
        small = QFont(self.font())
        small.setPixelSize(round(max(12.0, min(18.0, self.height() / 28.0))))
        return caption, small

    def _caption_height(self) -> float:
        caption, small = self._caption_fonts()
        return QFontMetricsF(caption).height() + QFontMetricsF(small).height() + 6.0

    def transform(self, mirrored: bool = False) -> QTransform:
        """Figure units -> widget pixels (y flipped), mirrored about the figure's middle."""
        key = (self.width(), self.height(), mirrored, self.font().key())
        cached = self._transforms.get(key)
        if cached is None:
            if len(self._transforms) > 8:
                self._transforms.clear()
            cached = self._transforms[key] = self._make_transform(mirrored)
        return cached

    def _make_transform(self, mirrored: bool) -> QTransform:
        top = self._caption_height()
        area = QRectF(6.0, top, max(1.0, self.width() - 12.0), max(1.0, self.height() - top - 6))
        scale = min(area.width() / MODEL_BOX.width(), area.height() / MODEL_BOX.height())
        used_w, used_h = MODEL_BOX.width() * scale, MODEL_BOX.height() * scale
        left = area.left() + (area.width() - used_w) / 2
        bottom = area.top() + (area.height() + used_h) / 2
        t = QTransform()
        if mirrored:
            t.translate(left + used_w, bottom)
            t.scale(-scale, -scale)
        else:
            t.translate(left, bottom)
            t.scale(scale, -scale)
        t.translate(-MODEL_BOX.left(), -MODEL_BOX.top())
        return t

    def point_on_screen(self, name: str) -> QPointF:
        """Where a joint of the current pose is drawn, in widget pixels (tests use it)."""
        assert self._pose is not None
        return self.transform(self._pose.mirrored).map(joints(self._pose)[name])

    # ----- painting -----------------------------------------------------------------------
    def _static_key(self, pose: Pose | None) -> tuple[object, ...]:
        """What the cached layers depend on: everything but the bend of the knee."""
        if pose is None:
            return (self.width(), self.height(), self.devicePixelRatioF())
        return (
            self.width(),
            self.height(),
            self.devicePixelRatioF(),
            pose.leg,
            pose.hands,
            pose.thigh_angle,
            pose.motion,
            pose.ghost_flexion,
            pose.preview,
        )

    def _layer(self, front: bool) -> QPixmap:
        """The parts that stay still during a rep, drawn once: behind the lower leg (the
        body, the seat, the arrow) or in front of it (the thigh, the hands)."""
        key = self._static_key(self._pose)
        if self._layers_key != key:
            self._layers = {}
            self._layers_key = key
        cached = self._layers.get(front)
        if cached is not None:
            return cached
        dpr = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pose = self._pose
        if not front:
            self._draw_caption(painter, pose)
        if pose is not None:
            painter.setTransform(self.transform(pose.mirrored))
            px, line = self._pixel_and_line()
            if front:
                self._draw_thigh(painter, pose, line)
                self._draw_arm(painter, pose, line, far=False)
                self._draw_press_points(painter, pose, line, px)
            else:
                self._draw_seat_and_body(painter, line)
                if pose.hands is Hands.TWO_THUMBS:
                    self._draw_arm(painter, pose, line, far=True)
                if pose.ghost_flexion is not None:
                    self._draw_shin(painter, pose, line, pose.ghost_flexion, ghost=True)
                if pose.motion is not None:
                    self._draw_motion_arrow(painter, pose, line, px)
        painter.end()
        self._layers[front] = pixmap
        return pixmap

    def _pixel_and_line(self) -> tuple[float, float]:
        px = 1.0 / max(1e-6, self.transform().m11())  # one pixel, in figure units
        return px, max(2.0, 2.6 * (self.height() / 420.0)) * px

    def _shin_rect(self, pose: Pose) -> QRectF:
        """Where the lower leg is drawn on screen, with room for its outline."""
        j = joints(pose)
        t = self.transform(pose.mirrored)
        rect = QRectF(t.map(j["knee"]), t.map(j["ankle"])).normalized()
        for name in ("toe", "heel"):
            p = t.map(j[name])
            rect = rect.united(QRectF(p, p))
        reach = t.m11() * (SHIN_WIDTH[0] + 0.08)
        return rect.adjusted(-reach, -reach, reach, reach)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        painter = QPainter(self)
        painter.fillRect(event.rect(), _PAPER)
        painter.drawPixmap(0, 0, self._layer(front=False))
        pose = self._pose
        if pose is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.save()
            painter.setTransform(self.transform(pose.mirrored))
            self._draw_shin(painter, pose, self._pixel_and_line()[1], pose.knee_flexion)
            painter.restore()
            painter.drawPixmap(0, 0, self._layer(front=True))
        painter.end()

    def _draw_caption(self, painter: QPainter, pose: Pose | None) -> None:
        caption, small = self._caption_fonts()
        width = self.width() - 12.0
        note = ""
        if pose is not None and pose.preview:
            note = QCoreApplication.translate("MovementView", "Preview: one slow rep")
        elif pose is not None and pose.ghost_flexion is not None:
            note = QCoreApplication.translate(
                "MovementView", "Still picture: from the faint leg to the solid one"
            )
        top = 2.0
        for text, font, colour in ((self._leg_caption(pose), caption, _INK), (note, small, _MUTED)):
            metrics = QFontMetricsF(font)
            painter.setFont(font)
            painter.setPen(colour)
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            rect = QRectF(6.0, top, width, metrics.height())
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text
            )
            top += metrics.height()

    @staticmethod
    def _leg_caption(pose: Pose | None) -> str:
        if pose is None:
            return ""
        if pose.leg is Leg.RIGHT:
            return QCoreApplication.translate("MovementView", "Right leg, from the side")
        return QCoreApplication.translate("MovementView", "Left leg, from the side")

    def _draw_seat_and_body(self, painter: QPainter, line: float) -> None:
        painter.setPen(QPen(_MUTED, line * 0.6))
        painter.setBrush(_SEAT)
        painter.drawRoundedRect(QRectF(-0.6, -0.30, 0.88, 0.18), 0.05, 0.05)
        painter.drawRect(QRectF(-0.5, -0.82, 0.07, 0.52))
        painter.drawRect(QRectF(0.12, -0.82, 0.07, 0.52))
        shoulder = _unit(TORSO_ANGLE) * TORSO
        painter.setPen(QPen(_INK, line))
        painter.setBrush(_SHIRT)
        painter.drawPath(_limb(QPointF(-0.02, 0.02), shoulder, 0.36, 0.30))
        painter.setBrush(_SKIN)
        head = shoulder + _unit(TORSO_ANGLE - 8.0) * (HEAD + 0.17)
        painter.drawEllipse(head, HEAD, HEAD)

    def _draw_shin(
        self, painter: QPainter, pose: Pose, line: float, flexion: float, *, ghost: bool = False
    ) -> None:
        """The lower leg and foot as two round-capped strokes: an ink one under a skin one,
        which reads as one outlined shape and costs far less than joining outlines (this
        is drawn every frame)."""
        j = joints(pose, flexion)
        segments = ((j["knee"], j["ankle"], SHIN_WIDTH[0] * 0.85), (j["heel"], j["toe"], 0.10))
        if ghost:
            painter.setOpacity(0.28)
        for colour, extra in ((_INK, 2 * line), (_SKIN, 0.0)):
            for a, b, width in segments:
                pen = QPen(colour, width + extra)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawLine(a, b)
        painter.setOpacity(1.0)

    def _draw_thigh(self, painter: QPainter, pose: Pose, line: float) -> None:
        j = joints(pose)
        painter.setPen(QPen(_INK, line))
        painter.setBrush(_SHORTS)
        painter.drawPath(_limb(j["hip"], j["knee"], *THIGH_WIDTH))
        painter.setBrush(_SKIN)
        painter.drawEllipse(j["knee"], THIGH_WIDTH[1] / 2, THIGH_WIDTH[1] / 2)

    def _hand_place(self, pose: Pose) -> tuple[QPointF, float]:
        """Where the hand presses on the back of the leg, and the thigh's angle."""
        j = joints(pose)
        below = _normal_below(pose.thigh_angle)
        if pose.hands is Hands.FINGERS_HOOKED:
            # On the tendon just above the back of the knee.
            along = j["hip"] + _unit(pose.thigh_angle) * (THIGH * 0.80)
            return along + below * (THIGH_WIDTH[1] / 2 + 0.03), pose.thigh_angle
        # The knee crease: the back of the knee itself.
        return j["knee"] + below * (THIGH_WIDTH[1] / 2 + 0.01), pose.thigh_angle

    def _draw_arm(self, painter: QPainter, pose: Pose, line: float, *, far: bool) -> None:
        spot, angle = self._hand_place(pose)
        shoulder = _unit(TORSO_ANGLE) * TORSO + QPointF(0.04, -0.06)
        below = _normal_below(angle)
        along = _unit(angle)
        if pose.hands is Hands.FINGERS_HOOKED:
            palm = spot + below * 0.11 - along * 0.02
        else:
            palm = spot + below * 0.02 - along * 0.03 + (along * -0.06 if far else QPointF())
        elbow = QPointF((shoulder.x() + palm.x()) / 2 - 0.05, min(shoulder.y(), palm.y()) + 0.12)
        colour = _SKIN_DARK if far else _SKIN
        painter.setPen(QPen(_INK, line))
        painter.setBrush(_SHIRT.darker(115) if far else _SHIRT)
        painter.drawPath(_limb(shoulder, elbow, 0.15, 0.13))
        painter.setBrush(colour)
        painter.drawPath(_limb(elbow, palm, 0.12, 0.10))
        if pose.hands is Hands.FINGERS_HOOKED:
            # Fingers curled up around the back of the thigh onto the tendon.
            painter.drawEllipse(palm, 0.085, 0.07)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for shift in (-0.06, -0.02, 0.02, 0.06):
                base = palm + along * shift + below * -0.03
                tip = spot + along * (shift * 0.8) + below * -0.035
                path = QPainterPath(base)
                path.quadTo(base + below * -0.05 + along * 0.03, tip)
                # An outlined finger: a wide ink stroke under a narrower skin one.
                for pen_colour, width in ((_INK, 0.035 + 2 * line), (colour, 0.035)):
                    pen = QPen(pen_colour, width)
                    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                    painter.setPen(pen)
                    painter.drawPath(path)
            painter.setPen(QPen(_INK, line))
            painter.setBrush(colour)
        else:
            painter.drawEllipse(palm, 0.09, 0.075)
            # The thumb reaches into the crease, pressing a little up and outward.
            tip = spot + below * -0.02 + (along * -0.05 if far else along * 0.02)
            painter.drawPath(_limb(palm, tip, 0.05, 0.04))

    def _draw_press_points(self, painter: QPainter, pose: Pose, line: float, px: float) -> None:
        spot, angle = self._hand_place(pose)
        along = _unit(angle)
        radius = max(0.03, 6.0 * px)
        painter.setPen(QPen(QColor("white"), line * 0.7))
        painter.setBrush(_PRESS)
        if pose.hands is Hands.TWO_THUMBS:
            for shift in (-0.05, 0.02):
                painter.drawEllipse(spot + along * shift, radius, radius)
        else:
            painter.drawEllipse(spot, radius, radius)

    def _draw_motion_arrow(self, painter: QPainter, pose: Pose, line: float, px: float) -> None:
        """An arc along the foot's path for the current phase, with its head where it goes."""
        assert pose.motion is not None
        start, end = pose.motion
        knee = joints(pose)["knee"]
        radius = SHIN + 0.22
        a0 = pose.thigh_angle - start
        a1 = pose.thigh_angle - end
        path = QPainterPath(knee + _unit(a0) * radius)
        steps = 24
        for i in range(1, steps + 1):
            a = a0 + (a1 - a0) * i / steps
            path.lineTo(knee + _unit(a) * radius)
        width = max(3.0 * line, 7.0 * px)
        pen = QPen(_ACCENT, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setOpacity(0.85)
        painter.drawPath(path)
        tip = knee + _unit(a1) * radius
        direction = 1.0 if a1 > a0 else -1.0
        tangent = _unit(a1 + 90.0 * direction)
        normal = QPointF(-tangent.y(), tangent.x())
        head = max(0.10, 18.0 * px)
        back = tip - tangent * head
        arrow = QPolygonF(
            [tip + tangent * (head * 0.3), back + normal * head * 0.6, back - normal * head * 0.6]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(_ACCENT))
        painter.drawPolygon(arrow)
        painter.setOpacity(1.0)

    # ----- accessibility ------------------------------------------------------------------
    def _update_accessible_text(self, pose: Pose | None = None) -> None:
        self.setAccessibleName(QCoreApplication.translate("MovementView", "How to move the leg"))
        if pose is None:
            self.setAccessibleDescription("")
        elif pose.hands is Hands.FINGERS_HOOKED:
            self.setAccessibleDescription(
                QCoreApplication.translate(
                    "MovementView",
                    "Fingers hooked on the tendon just above the back of the knee; "
                    "the knee bends and straightens slowly.",
                )
            )
        else:
            self.setAccessibleDescription(
                QCoreApplication.translate(
                    "MovementView",
                    "Both thumbs either side of the centre of the back of the knee; "
                    "the lower leg swings up straight and falls back loosely.",
                )
            )
