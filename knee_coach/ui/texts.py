"""User-visible names for core values, translated in one place (no sentence assembly).

Also the locale-aware formatting of numbers, dates, weekdays and times for the screen
(QLocale follows the chosen language). Files such as the CSV export never use these.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from knee_coach.core import routines, safety
from knee_coach.core.model import Leg

if TYPE_CHECKING:
    from knee_coach.core.plan import PlannedSet
    from knee_coach.core.routines import Routine


def core_text(context: str, text: str) -> str:
    """Translate a text the Qt-free core marked with QT_TRANSLATE_NOOP."""
    return QCoreApplication.translate(context, text)


def tr(text: str) -> str:
    """Translate a text written as ``tr("...")`` outside a QObject method.

    pyside6-lupdate files every plain ``tr("...")`` call under the unnamed context "",
    wherever it stands, so the lookup uses that context too.
    """
    return QCoreApplication.translate("", text)


def leg_name(leg: Leg) -> str:
    return tr("Right leg") if leg is Leg.RIGHT else tr("Left leg")


def routine_title(routine: Routine) -> str:
    return core_text(routines.CTX, routine.title)


def routine_heading(routine: Routine, count: int) -> str:
    return tr("Routine {number} of {count}: {title}").format(
        number=number(routine.number), count=number(count), title=routine_title(routine)
    )


def set_name(planned: PlannedSet) -> str:
    """e.g. "Right leg, inner side"; routine 2 has one set per leg, named by the leg alone."""
    if len(planned.routine.sets_per_leg) == 1:
        return leg_name(planned.leg)
    return tr("{leg}, {side}").format(
        leg=leg_name(planned.leg), side=core_text(routines.CTX, planned.template.label)
    )


def stop_advice_text(routine_id: str | None) -> str:
    """The advice after a stop for pain, fitted to the routine that was in progress."""
    # One paragraph each: a space between sentences is wrong in Japanese, none wrong in English.
    return "\n".join(core_text(safety.CTX, text) for text in safety.stop_advice(routine_id))


# ----- locale-aware formatting (screen only) ------------------------------------------------
def number(value: float, decimals: int = 0) -> str:
    """A number as the current locale writes it (digit grouping, decimal mark)."""
    if decimals == 0:
        return QLocale().toString(round(value))
    return QLocale().toString(float(value), "f", decimals)


def signed_number(value: int) -> str:
    """A change such as +2 or -1 (an explicit plus, so "no change" reads as ±0)."""
    if value > 0:
        return "+" + number(value)
    if value < 0:
        return QLocale().negativeSign() + number(-value)
    return "±" + number(0)


def date_text(day: dt.date, long: bool = False) -> str:
    """A date in the locale's short (2026/01/06, 1/6/26) or long form."""
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


def weekday_name(day: dt.date, short: bool = True) -> str:
    """The weekday in the locale's language, e.g. "Tue" / "火"."""
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().dayName(day.isoweekday(), fmt)


def time_text(moment: dt.time) -> str:
    """A clock time in the locale's short form, e.g. "7:30 AM" / "7:30"."""
    return QLocale().toString(
        QTime(moment.hour, moment.minute, moment.second), QLocale.FormatType.ShortFormat
    )


def datetime_text(moment: dt.datetime) -> str:
    """A date with its clock time in the locale's short form, e.g. "6/14/26 8:30 PM" /
    "2026/06/14 20:30". The wall time shown is `moment`'s own (no time zone conversion)."""
    when = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)
