"""What a screen reader hears beyond the widgets' own names: polite announcements during a set,
and names for form fields taken from their labels."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget

from knee_coach.core import routines
from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.plan import Plan
from knee_coach.ui.texts import number, routine_title, set_name, tr


def announce(widget: QWidget, text: str) -> None:
    """Say `text` through the screen reader after what it is saying now (politely)."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def _set_start(event: CueEvent, plan: Plan) -> str:
    planned = plan[event.set_index]
    text = tr("Set {n} of {total}: {set}").format(
        n=number(planned.index + 1), total=number(len(plan)), set=set_name(planned)
    )
    if event.kind is CueKind.SESSION_START or event.kind is CueKind.NEXT_ROUTINE:
        heading = tr("Routine {number} of {count}: {title}").format(
            number=number(planned.routine.number),
            count=number(len(routines.ROUTINES)),
            title=routine_title(planned.routine),
        )
        return f"{heading}. {text}"
    change = tr("Switch side") if event.kind is CueKind.SWITCH_SIDE else tr("Switch leg")
    return f"{change}. {text}"


def spoken_change(event: CueEvent, plan: Plan, counts: bool) -> str | None:
    """What the screen reader says for a cue, or None for the cues left to the app's sound.

    The count is the app's own voice; `counts` (the voice is off and the user asked for it)
    lets the screen reader say each rep's number instead."""
    kind = event.kind
    if kind in (
        CueKind.SESSION_START,
        CueKind.SWITCH_SIDE,
        CueKind.SWITCH_LEG,
        CueKind.NEXT_ROUTINE,
    ):
        return _set_start(event, plan)
    if kind is CueKind.REP_PHASE and event.phase == 0:
        return number(event.rep) if counts else None
    return {
        CueKind.HALFWAY: tr("Halfway"),
        CueKind.LAST_REP: tr("Last one"),
        CueKind.SET_DONE: tr("Set done"),
        CueKind.PAUSED: tr("Paused"),
        CueKind.RESUMED: tr("Resumed"),
        CueKind.STOPPED_PAIN: tr("Stopped because it hurts"),
        CueKind.STOPPED: tr("Session stopped"),
        CueKind.SESSION_DONE: tr("Session done"),
    }.get(kind)


def name_fields_from_labels(root: QWidget) -> None:
    """Give each field that a label stands for (its buddy) the label's words as its name.

    Without it a combo box is called by its current item ("Both legs"), not by what it sets
    ("Legs")."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            buddy.setAccessibleName(label.text().replace("&", "").rstrip(":："))
