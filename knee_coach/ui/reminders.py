"""Reminders in the UI: one single-shot timer aimed at the next reminder, and the texts.

The maths (days, DST, sleep) is in knee_coach.core.reminders; this only arms a QTimer for the
scheduler's wait and reports the due reminder. Nothing runs between reminders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from knee_coach.core.clock import Clock, MonotonicClock
from knee_coach.core.reminders import DueReminder, ReminderScheduler, SystemWallClock, WallClock
from knee_coach.core.settings import ReminderSlot
from knee_coach.ui.i18n import Retranslating
from knee_coach.ui.texts import time_text


def slot_name(slot: str) -> str:
    """The habit moment a reminder belongs to, as the user sees it."""
    if slot == "wake":
        return QCoreApplication.translate("reminders", "After waking")
    return QCoreApplication.translate("reminders", "Before bed")


def format_time(at: dt.time | dt.datetime) -> str:
    """A reminder's clock time as the window's language writes it (7:30 AM / 7:30)."""
    return time_text(dt.time(at.hour, at.minute))


def reminder_texts(due: DueReminder) -> tuple[str, str]:
    """Title and body for a reminder message."""
    title = QCoreApplication.translate("reminders", "Time for your knee routine")
    when = format_time(due.scheduled)
    if due.late and due.slot.slot == "wake":
        body = QCoreApplication.translate(
            "reminders",
            "The after-waking reminder ({time}) came while the computer was asleep. "
            "Click to check in and start when you are ready.",
        ).format(time=when)
    elif due.late:
        body = QCoreApplication.translate(
            "reminders",
            "The before-bed reminder ({time}) came while the computer was asleep. "
            "Click to check in and start when you are ready.",
        ).format(time=when)
    else:
        body = QCoreApplication.translate(
            "reminders", "{moment}, {time}. Click to check in and start a session."
        ).format(moment=slot_name(due.slot.slot), time=when)
    return title, body


class ReminderTimer(QObject):
    """Emits `due` when a reminder falls due; re-arms itself for the next one."""

    due = Signal(object)  # DueReminder

    def __init__(
        self,
        reminders: Iterable[ReminderSlot],
        wall: WallClock | None = None,
        monotonic: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        wall = wall or SystemWallClock()
        self.scheduler = ReminderScheduler(reminders, wall, monotonic or MonotonicClock())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # coarse timers may fire 5% early
        self.timer.timeout.connect(self._fired)
        self.arm()

    def set_reminders(self, reminders: Iterable[ReminderSlot]) -> None:
        self.scheduler.set_reminders(reminders)
        self.arm()

    def arm(self) -> None:
        wait = self.scheduler.seconds_to_wait()
        if wait is None:
            self.timer.stop()
            return
        self.timer.start(max(0, round(wait * 1000)))

    def _fired(self) -> None:
        due = self.scheduler.fired()
        self.arm()
        if due is not None:
            self.due.emit(due)


class ReminderBanner(Retranslating, QFrame):
    """The reminder inside the window (also the only one when there is no system tray)."""

    startRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(
            "#reminderBanner { background: #fff4d6; border: 1px solid #e0b84c;"
            " border-radius: 8px; }"
            "#reminderBanner QLabel { color: #3b2f00; font-size: 15px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 10, 10)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.start = QPushButton()
        self.dismiss = QPushButton()
        self.due: DueReminder | None = None  # what is shown, to say it again in a new language
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.start)
        layout.addWidget(self.dismiss)
        self.start.clicked.connect(self.hide)
        self.start.clicked.connect(self.startRequested)
        self.dismiss.clicked.connect(self.hide)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.start.setText(self.tr("Start a session"))
        self.dismiss.setText(self.tr("Dismiss"))
        if self.due is not None:
            title, body = reminder_texts(self.due)
            self.title.setText(title)
            self.body.setText(body)

    def show_reminder(self, title: str, body: str, due: DueReminder | None = None) -> None:
        """Show a reminder; given `due`, its texts follow a later change of language."""
        self.due = due
        self.title.setText(title)
        self.body.setText(body)
        self.show()
