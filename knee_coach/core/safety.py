"""The safety gate before the routines, and the advice shown when the user stops for pain."""

from __future__ import annotations

from dataclasses import dataclass

from knee_coach.core.i18n import QT_TRANSLATE_NOOP

# lupdate reads only literal contexts, so the markers below spell it out; the UI uses CTX.
CTX = "safety"


@dataclass(frozen=True)
class RedFlag:
    id: str
    question: str


# Any of these means: do not do the routines today; see a professional (article's advice).
RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("sharp_pain", QT_TRANSLATE_NOOP("safety", "Sharp, stabbing pain in the knee")),
    RedFlag("swelling", QT_TRANSLATE_NOOP("safety", "Swelling around the knee")),
    RedFlag("heat", QT_TRANSLATE_NOOP("safety", "The knee feels hot")),
)

GATE_BLOCKED = QT_TRANSLATE_NOOP(
    "safety",
    "Please do not do the routines today. Sharp pain, swelling or heat should be checked by a "
    "professional first: contact a clinic, an orthopaedic doctor or a physiotherapist.",
)

DOCTOR_FIRST = QT_TRANSLATE_NOOP(
    "safety",
    "If you have advanced knee osteoarthritis, or a doctor has limited your exercise, "
    "ask your doctor or therapist before doing these routines.",
)

# After a stop for pain: what is true whatever was being done, then what fits the routine
# that was in progress (its press points differ: tendons above the knee, or either side of
# the centre of the crease).
STOP_ADVICE = QT_TRANSLATE_NOOP(
    "safety",
    "You stopped because it hurt. That was the right thing to do. Rest the knee. "
    "If the pain is sharp, or the knee is swollen or hot, contact a professional soon.",
)

STOP_ADVICE_FOR_ROUTINE: dict[str, str] = {
    "hamstring_glide": QT_TRANSLATE_NOOP(
        "safety",
        "Next time, hook the fingers on the tendon more lightly and bend and straighten "
        "more slowly. If it hurts again, do not go on: ask a professional.",
    ),
    "popliteus_release": QT_TRANSLATE_NOOP(
        "safety",
        "Never press the centre of the back of the knee: nerves and blood vessels run "
        "there. Next time, press a little to the inner or outer side, gently. If it still "
        "hurts strongly, do not go on: ask a professional.",
    ),
}


def stop_advice(routine_id: str | None) -> tuple[str, ...]:
    """The advice after a stop for pain during `routine_id` (None: before any routine), as
    texts marked for translation in the "safety" context, in the order they are shown."""
    fitted = STOP_ADVICE_FOR_ROUTINE.get(routine_id or "")
    return (STOP_ADVICE, fitted) if fitted else (STOP_ADVICE,)


SEE_CLINIC = QT_TRANSLATE_NOOP(
    "safety",
    "If the knee does not improve, or gets worse, see a clinic or a physiotherapist.",
)


@dataclass(frozen=True)
class GateResult:
    ok: bool
    flags: tuple[str, ...]  # ids of the red flags reported


def safety_gate(reported: set[str] | frozenset[str]) -> GateResult:
    known = {f.id for f in RED_FLAGS}
    unknown = set(reported) - known
    if unknown:
        raise ValueError(f"unknown safety flags: {sorted(unknown)}")
    flags = tuple(f.id for f in RED_FLAGS if f.id in reported)
    return GateResult(ok=not flags, flags=flags)
