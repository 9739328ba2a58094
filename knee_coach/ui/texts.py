"""User-visible names for core values, translated in one place (no sentence assembly)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from knee_coach.core import routines
from knee_coach.core.model import Leg
from knee_coach.core.plan import PlannedSet
from knee_coach.core.routines import Routine


def core_text(context: str, text: str) -> str:
    """Translate a text the Qt-free core marked with QT_TRANSLATE_NOOP."""
    return QCoreApplication.translate(context, text)


def tr(text: str) -> str:
    return QCoreApplication.translate("texts", text)


def leg_name(leg: Leg) -> str:
    return tr("Right leg") if leg is Leg.RIGHT else tr("Left leg")


def routine_title(routine: Routine) -> str:
    return core_text(routines.CTX, routine.title)


def routine_heading(routine: Routine, count: int) -> str:
    return tr("Routine {number} of {count}: {title}").format(
        number=routine.number, count=count, title=routine_title(routine)
    )


def set_name(planned: PlannedSet) -> str:
    """e.g. "Right leg, inner side"; routine 2 has one set per leg, named by the leg alone."""
    if len(planned.routine.sets_per_leg) == 1:
        return leg_name(planned.leg)
    return tr("{leg}, {side}").format(
        leg=leg_name(planned.leg), side=core_text(routines.CTX, planned.template.label)
    )
