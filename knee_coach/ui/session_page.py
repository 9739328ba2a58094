"""The session screen: illustration, a rep counter readable from a metre, phase and what's next.

It only displays; the controller owns the session. A frame timer animates the phase bar while
the session runs and stops whenever it does not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from knee_coach.core import routines
from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.model import Pacing
from knee_coach.core.plan import Plan, PlannedSet
from knee_coach.core.session import Snapshot, State
from knee_coach.ui.fill_scroll import FillScrollArea
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.illustrations import IllustrationPanel
from knee_coach.ui.style import COUNTER_PX, set_role
from knee_coach.ui.texts import core_text, number, routine_heading, routine_title, set_name, tr

FRAME_MS = 50  # phase bar animation, only while a session runs (20 a second, as the leg)
BANNER_MS = 1800
# Below this page width (a large text size) the page's margins and gaps shrink.
WIDE_PAGE = 900
NARROW_MARGIN = 12
PICTURE_SHARE, CARD_SHARE = 6, 5  # how the figure and the card share the page's width
CARD_MARGINS = 24  # each side of the card's contents
SMALLEST_COUNTER_PX = 36


def _banner_text(kind: CueKind) -> str | None:
    return {
        CueKind.HALFWAY: tr("Halfway"),
        CueKind.LAST_REP: tr("Last one"),
        CueKind.SET_DONE: tr("Set done"),
        CueKind.SWITCH_SIDE: tr("Switch side"),
        CueKind.SWITCH_LEG: tr("Switch leg"),
        CueKind.NEXT_ROUTINE: tr("Next routine"),
        CueKind.RESUMED: tr("Resumed"),
    }.get(kind)


class SessionPage(Retranslating, QWidget):
    pauseRequested = Signal()
    skipRequested = Signal()
    stopRequested = Signal()
    hurtsRequested = Signal()
    countRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.plan: Plan | None = None

        self.heading = QLabel()
        set_role(self.heading, "subtitle")
        self.set_counter = QLabel()
        set_role(self.set_counter, "muted")
        self.session_bar = QProgressBar()
        self.session_bar.setRange(0, 1000)
        self.session_bar.setFixedHeight(10)

        # The moving leg and the press points (either or both: the user's choice).
        self.illustrations = IllustrationPanel()
        self.illustrations.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.knee = self.illustrations.knee
        self.movement = self.illustrations.movement

        self.set_title = QLabel()
        set_role(self.set_title, "title")
        self.set_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter = QLabel()
        set_role(self.counter, "counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase = QLabel()
        set_role(self.phase, "phase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase.setWordWrap(True)  # never wider than the card, in any language
        self.phase_bar = QProgressBar()
        self.phase_bar.setRange(0, 1000)
        self.phase_bar.setFixedHeight(12)
        self.banner = QLabel()
        set_role(self.banner, "phase")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        set_role(self.hint, "body")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The routine's technique and its caution, shown through every set of the routine: the
        # article's "how" and "never" belong where the hands are busy, not only in a manual.
        self.technique = QLabel()
        set_role(self.technique, "body")
        self.technique.setWordWrap(True)
        self.technique.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.caution = QLabel()
        set_role(self.caution, "caution")
        self.caution.setWordWrap(True)
        self.caution.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.next_label = QLabel()
        set_role(self.next_label, "muted")
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label.setWordWrap(True)
        self.notice = QLabel()
        set_role(self.notice, "muted")
        self.notice.hide()

        self.count_button = QPushButton()
        set_role(self.count_button, "primary")

        card = self.card = QFrame()
        set_role(card, "card")
        info = QVBoxLayout(card)
        info.setContentsMargins(CARD_MARGINS, 18, CARD_MARGINS, 18)
        info.addWidget(self.set_title)
        info.addStretch(1)
        info.addWidget(self.counter)
        info.addWidget(self.phase)
        info.addWidget(self.phase_bar)
        # Manual counting: the big count button sits under the counter, not in the row below.
        info.addWidget(self.count_button, 0, Qt.AlignmentFlag.AlignHCenter)
        info.addWidget(self.banner)
        info.addStretch(1)
        info.addWidget(self.hint)
        info.addWidget(self.next_label)

        # Under the picture of where to press: how to move, and what never to do. The card
        # beside it keeps the count, readable from a metre.
        picture = QVBoxLayout()
        picture.setSpacing(8)
        picture.addWidget(self.illustrations, 1)
        picture.addWidget(self.technique)
        picture.addWidget(self.caution)

        middle_box = QWidget()
        middle = self.middle = QHBoxLayout(middle_box)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(20)
        middle.addLayout(picture, PICTURE_SHARE)
        middle.addWidget(card, CARD_SHARE)
        # At a large text size the figure and the card scroll; the heading and the buttons
        # (Stop: it hurts among them) stay in sight.
        self.middle_scroll = FillScrollArea()
        self.middle_scroll.setWidget(middle_box)
        self._counter_px = COUNTER_PX
        self._widest_count = "10 / 10"  # set by each set's reps
        self.middle_scroll.installEventFilter(self)  # the count fits the room it is given

        self.pause_button = QPushButton()
        self.skip_button = QPushButton()
        self.stop_button = QPushButton()
        self.hurts_button = QPushButton()
        set_role(self.hurts_button, "hurts")
        for button, signal in (
            (self.pause_button, self.pauseRequested),
            (self.count_button, self.countRequested),
            (self.skip_button, self.skipRequested),
            (self.stop_button, self.stopRequested),
            (self.hurts_button, self.hurtsRequested),
        ):
            # Keys belong to the window's shortcuts: a focused button must not eat Space.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal)
        # One row of buttons; on a narrow page (a large text size) "Stop: it hurts" takes
        # a row of its own under the others rather than pushing them out of sight.
        controls = self.controls = QGridLayout()
        controls.addWidget(self.pause_button, 0, 0)
        controls.addWidget(self.skip_button, 0, 1)
        controls.addWidget(self.stop_button, 0, 2)
        controls.setColumnStretch(3, 1)
        controls.addWidget(self.hurts_button, 0, 4)
        self._hurts_in_row = True  # beside the others, not on a row of its own

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.set_counter)

        layout = self.page_layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.session_bar)
        layout.addWidget(self.middle_scroll, 1)
        layout.addLayout(controls)
        layout.addWidget(self.notice)

        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._redraw)
        self._snapshot_source: Callable[[], Snapshot] | None = None
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self._clear_banner)
        self.banner.hide()  # takes room only while a cue is shown
        self._banner_kind: CueKind | None = None
        self._snapshot: Snapshot | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language, including what the running session shows."""
        self.session_bar.setAccessibleName(self.tr("Progress through the session"))
        self.phase_bar.setAccessibleName(self.tr("Progress through this rep"))
        self.card.setAccessibleName(self.tr("Current set"))
        self.count_button.setText(self.tr("Count a rep  (Space)"))
        self.skip_button.setText(self.tr("Skip  (→)"))
        self.stop_button.setText(self.tr("Stop  (Esc)"))
        self.hurts_button.setText(self.tr("Stop: it hurts  (H)"))
        self.hurts_button.setAccessibleDescription(
            self.tr("Ends the session at once and shows safety advice")
        )
        self._arrange_controls()  # the buttons' widths change with the language
        if self._banner_kind is not None:
            self.banner.setText(_banner_text(self._banner_kind) or "")
        if self._snapshot_source is not None:
            self.show_snapshot(self._snapshot_source())
        elif self._snapshot is not None:
            self.show_snapshot(self._snapshot)

    def _controls_width(self, one_row: bool) -> int:
        gap = self.controls.horizontalSpacing()
        if gap < 0:
            gap = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        left = (self.pause_button, self.skip_button, self.stop_button)
        for button in (*left, self.hurts_button):
            button.ensurePolished()  # the stylesheet's font and padding, before measuring

        def need(button: QPushButton) -> int:
            return max(button.sizeHint().width(), button.minimumSizeHint().width())

        row = sum(need(b) for b in left) + 2 * gap
        hurts = need(self.hurts_button)
        inner = row + 2 * gap + hurts if one_row else max(row, hurts)
        return inner + 2 * NARROW_MARGIN

    def _arrange_controls(self) -> None:
        """Margins and the buttons' rows for the page's width: at a large text size the page
        loses its wide margins, and "Stop: it hurts" takes a row of its own under the others
        rather than pushing them out of sight. Below that width the page scrolls."""
        # The buttons set the page's least width; the figure and the card scroll on their own
        # (a page wider than the window would put "Stop: it hurts" out of sight).
        self.setMinimumWidth(self._controls_width(one_row=False))
        wide = self.width() >= WIDE_PAGE
        margin = 28 if wide else NARROW_MARGIN
        self.page_layout.setContentsMargins(margin, 20 if wide else 12, margin, 20 if wide else 12)
        self.middle.setSpacing(20 if wide else 12)
        one_row = self.width() >= self._controls_width(one_row=True) + 2 * (margin - NARROW_MARGIN)
        if one_row != self._hurts_in_row:
            self.controls.removeWidget(self.hurts_button)
            if one_row:
                self.controls.addWidget(self.hurts_button, 0, 4)
            else:
                self.controls.addWidget(self.hurts_button, 1, 0, 1, 5, Qt.AlignmentFlag.AlignRight)
            self._hurts_in_row = one_row
        # Laid out now, not on the next turn of the event loop: no frame shows the buttons
        # squeezed into the row they just left.
        self.page_layout.activate()

    def _fit_counter(self) -> None:
        """The count as large as its share of the view allows, up to its usual size: at a
        large text size a whole smaller count beats a large one cut by the card's edge."""
        view = self.middle_scroll.size()  # not its viewport's: that changes with the bars
        spacing = self.middle.spacing()
        room_width = (view.width() - spacing) * CARD_SHARE / (PICTURE_SHARE + CARD_SHARE)
        room_width -= 2 * CARD_MARGINS
        room_height = view.height() * 0.6  # the routine's name and the phase share the card
        font = QFont(self.counter.font())
        font.setPixelSize(COUNTER_PX)
        metrics = QFontMetrics(font)
        width, height = metrics.horizontalAdvance(self._widest_count), metrics.height()
        scale = min(1.0, room_width / width, room_height / height)
        size = max(SMALLEST_COUNTER_PX, int(COUNTER_PX * scale))
        if size != self._counter_px:
            self._counter_px = size
            # The page's own rule wins over the window's stylesheet for this one size.
            self.counter.setStyleSheet("" if size == COUNTER_PX else f"font-size: {size}px;")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.middle_scroll and event.type() == QEvent.Type.Resize:
            self._fit_counter()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_controls()
        QTimer.singleShot(0, self._show_count)

    def showEvent(self, event: QShowEvent) -> None:
        # Measured again once shown: only then do the buttons wear the window's stylesheet.
        super().showEvent(event)
        QTimer.singleShot(0, self._arrange_controls)
        QTimer.singleShot(0, self._show_count)

    def _show_count(self) -> None:
        """The count in sight when the figure and the card do not fit: it is what is
        followed. Called once laid out (the scroll area's content has its final size)."""
        box = self.middle_scroll.widget()
        assert box is not None
        centre = self.counter.mapTo(box, self.counter.rect().center())
        view = self.middle_scroll.viewport()
        # In the middle both ways: a narrow window scrolls sideways too ("3 / 1" is no count).
        self.middle_scroll.ensureVisible(
            centre.x(), centre.y(), view.width() // 2, view.height() // 2
        )

    def _clear_banner(self) -> None:
        self._banner_kind = None
        self.banner.clear()
        self.banner.hide()

    # ----- wiring -------------------------------------------------------------------------
    def start(self, plan: Plan, snapshot_source: Callable[[], Snapshot]) -> None:
        """`snapshot_source` gives the session's state now; the frame timer redraws from it."""
        self.plan = plan
        self._snapshot_source = snapshot_source
        manual = plan.pacing is Pacing.MANUAL
        self.count_button.setVisible(manual)
        self.phase_bar.setVisible(not manual)
        self.movement.start(plan.pacing, snapshot_source)
        self._clear_banner()

    def set_notice(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def on_cues(self, events: list[CueEvent]) -> None:
        for event in events:
            text = _banner_text(event.kind)
            if text:
                self._banner_kind = event.kind
                self.banner.setText(text)
                self.banner.show()
                self._banner_timer.start(BANNER_MS)

    def _redraw(self) -> None:
        if self._snapshot_source is not None:
            self.show_snapshot(self._snapshot_source())

    @property
    def animating(self) -> bool:
        return self._frame.isActive()

    def hideEvent(self, event: QHideEvent) -> None:
        self._frame.stop()
        super().hideEvent(event)

    # ----- drawing ------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        plan = self.plan
        if plan is None or snap.planned is None:
            return
        self._snapshot = snap
        planned = snap.planned
        routine = planned.routine
        manual = plan.pacing is Pacing.MANUAL
        widest = f"{planned.reps} / {planned.reps}"  # the count's widest text in this set
        if widest != self._widest_count:
            self._widest_count = widest
            self._fit_counter()
        self.heading.setText(routine_heading(routine, len(routines.ROUTINES)))
        self.set_counter.setText(
            self.tr("Set {n} of {total}").format(
                n=number(planned.index + 1), total=number(len(plan))
            )
        )
        self.session_bar.setValue(round(snap.session_progress * 1000))
        self.set_title.setText(set_name(planned))
        self._show_knee(planned, snap.state)
        self.movement.show_snapshot(snap)
        self.next_label.setText(self._next_text(planned))
        self.technique.setText(core_text(routines.CTX, routine.summary))
        self.caution.setText(core_text(routines.CTX, routine.caution))
        # While paused the screen says how to go on; the routine's texts come back with it.
        self.technique.setVisible(snap.state is not State.PAUSED)
        self.caution.setVisible(snap.state is not State.PAUSED)

        state = snap.state
        running = state in (State.PREPARE, State.COUNT_IN, State.REP) and not manual
        if running and self.isVisible():
            if not self._frame.isActive():
                self._frame.start()
        else:
            self._frame.stop()
        self.pause_button.setText(
            self.tr("Resume  (Space)") if state is State.PAUSED else self.tr("Pause  (Space)")
        )
        if manual:
            self.pause_button.setText(
                self.tr("Resume  (P)") if state is State.PAUSED else self.tr("Pause  (P)")
            )

        if state is State.PREPARE:
            # The get-ready time is over but the voice is still telling what to do.
            waiting = snap.listening and snap.prepare_left <= 0
            self.counter.setText("…" if waiting else f"{max(1, int(snap.prepare_left + 0.999))}")
            self.phase.setText(self.tr("Listen") if waiting else self.tr("Get ready"))
            self.hint.setText(self._get_ready_text(planned))
            self.phase_bar.setValue(0)
        elif state is State.COUNT_IN:
            self.counter.setText(str(snap.count_in))
            self.phase.setText(self.tr("Starting in"))
            self.hint.setText(core_text(routines.CTX, planned.template.hint))
            self.phase_bar.setValue(0)
        elif state is State.REP:
            if manual:
                self.counter.setText(f"{snap.reps_done} / {planned.reps}")
                self.phase.setText(self.tr("At your own pace"))
            else:
                self.counter.setText(f"{snap.rep} / {planned.reps}")
                self.phase.setText(core_text(routines.CTX, routine.phases[snap.phase].label))
                self.phase_bar.setValue(round(snap.phase_progress * 1000))
            self.hint.setText(core_text(routines.CTX, planned.template.hint))
        elif state is State.PAUSED:
            self.counter.setText(f"{snap.reps_done} / {planned.reps}")
            self.phase.setText(self.tr("Paused"))
            self.hint.setText(
                self.tr("Press P or the Resume button to go on.")
                if manual
                else self.tr("Press Space to go on. The rep you were on starts again.")
            )
        self._name_counter(snap)

    def _name_counter(self, snap: Snapshot) -> None:
        """The counter in words for a screen reader ("3 / 10" is read as "3 slash 10")."""
        planned = snap.planned
        assert planned is not None
        if snap.state is State.PREPARE:
            name = self.tr("Get ready: {seconds} s").format(seconds=self.counter.text())
        elif snap.state is State.COUNT_IN:
            name = self.tr("Starting in {count}").format(count=self.counter.text())
        elif snap.state is State.REP and self.plan is not None and self.plan.pacing is Pacing.AUTO:
            name = self.tr("Rep {rep} of {reps}").format(
                rep=number(snap.rep), reps=number(planned.reps)
            )
        else:
            name = self.tr("{done} of {reps} reps done").format(
                done=number(snap.reps_done), reps=number(planned.reps)
            )
        if self.counter.accessibleName() != name:  # not on every frame: a name change is news
            self.counter.setAccessibleName(name)

    def _show_knee(self, planned: PlannedSet, state: State) -> None:
        visible = tuple(p for t in planned.routine.sets_per_leg for p in t.points)
        active = planned.points if state is not State.PAUSED else ()
        self.knee.set_leg(planned.leg)
        self.knee.set_points(visible, active)

    def _get_ready_text(self, planned: PlannedSet) -> str:
        """How to sit for the set; after a routine, first what the article asks then (notice
        how the knee has changed)."""
        position = core_text(routines.CTX, planned.routine.position)
        plan = self.plan
        if plan is None or planned.index == 0:
            return position
        before = plan[planned.index - 1].routine
        if before is planned.routine or not before.afterwards:
            return position
        return core_text(routines.CTX, before.afterwards) + "\n" + position

    def _next_text(self, planned: PlannedSet) -> str:
        plan = self.plan
        assert plan is not None
        if planned.index + 1 >= len(plan):
            return self.tr("Next: how the knee feels afterwards")
        nxt = plan[planned.index + 1]
        if nxt.routine is not planned.routine:
            return self.tr("Next: {routine}").format(routine=routine_title(nxt.routine))
        return self.tr("Next: {set}").format(set=set_name(nxt))
