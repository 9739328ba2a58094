"""The spoken instructions: what the voice tells a person who keeps their eyes shut.

The article's facts in the app's own words, for the ear: what to do with the hands and the
leg before each set, the caution about the centre of the knee (and why) before routine 2,
how to stop if it hurts (once, at the start: H, or a headset's pause button) and the
check-out prompt at the end.

How much is said is a setting: FULL speaks each instruction the first time it comes in a
session and only the place after ("Right leg, outer side"); SHORT speaks only the place;
OFF leaves the announcements to their tones. AUTO is FULL for the first sessions a person
completes, then SHORT.

The texts are marked for translation (context "guidance"). Their Japanese is written in kana:
the Japanese voices of espeak-ng (speech-dispatcher's default) read each kanji as "Chinese
letter", and kana is read right by every engine.
"""

from __future__ import annotations

from enum import Enum

from knee_coach.core.i18n import QT_TRANSLATE_NOOP

# lupdate reads only literal contexts, so the markers below spell it out; lookups use CTX.
CTX = "guidance"


class Guidance(str, Enum):
    FULL = "full"  # each instruction in full the first time in a session, then the place
    SHORT = "short"  # the place only
    OFF = "off"  # no words for the announcements: their tones


AUTO = "auto"
# The setting's values: AUTO, then the levels themselves.
CHOICES = (AUTO, Guidance.FULL.value, Guidance.SHORT.value, Guidance.OFF.value)
# AUTO speaks in full until this many sessions have been completed, then short.
FULL_SESSIONS = 3


def resolve(setting: str, completed_sessions: int) -> Guidance:
    """The level a session speaks at, from the setting and the sessions completed so far."""
    if setting == AUTO:
        return Guidance.FULL if completed_sessions < FULL_SESSIONS else Guidance.SHORT
    return Guidance(setting)


# H stops for pain; a headset's play/pause button pauses the session (ui/media_buttons.py).
HOW_TO_STOP = QT_TRANSLATE_NOOP(
    "guidance",
    "If your knee hurts at any point, press H to stop, or your headset's pause button to pause.",
)
CHECK_OUT = QT_TRANSLATE_NOOP(
    "guidance",
    "Now bend and straighten each knee once, notice how it feels, and rate it on the screen.",
)

# Said when a routine begins (keyed by routine id): how to sit.
ROUTINE_WORDS: dict[str, tuple[str, ...]] = {
    "hamstring_glide": (
        QT_TRANSLATE_NOOP(
            "guidance", "Sit, or lie on your back, and raise the knee or lift the leg a little."
        ),
    ),
    "popliteus_release": (QT_TRANSLATE_NOOP("guidance", "Sit with the knee slightly bent."),),
}

_R1_MOVE = QT_TRANSLATE_NOOP(
    "guidance",
    "With each tone, slowly bend, then straighten the knee, "
    "drawing the muscle up as the leg straightens.",
)
# Said before a set (keyed by routine id and set template id): the hands, then the leg.
SET_WORDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("hamstring_glide", "inner"): (
        QT_TRANSLATE_NOOP(
            "guidance",
            "Hook your fingers on the tendon on the inner side, at the back of the thigh "
            "just above the knee. Keep a light, steady pressure.",
        ),
        _R1_MOVE,
    ),
    ("hamstring_glide", "outer"): (
        QT_TRANSLATE_NOOP(
            "guidance",
            "Move your fingers to the tendon on the outer side. "
            "Keep the same light, steady pressure.",
        ),
        _R1_MOVE,
    ),
    ("popliteus_release", "both_points"): (
        QT_TRANSLATE_NOOP(
            "guidance",
            "Press with both thumbs just inside and just outside the centre "
            "of the back of the knee.",
        ),
        QT_TRANSLATE_NOOP(
            "guidance", "Never press the centre itself: nerves and blood vessels run there."
        ),
        QT_TRANSLATE_NOOP(
            "guidance",
            "Keep pressing, lifting gently diagonally upward, and with each tone "
            "straighten the knee and let the lower leg swing loosely.",
        ),
        QT_TRANSLATE_NOOP(
            "guidance",
            "Look for the spot that hurts in a good way. If pressing gives strong pain, stop.",
        ),
    ),
}


def instructions(routine_id: str, template_id: str, first_of_routine: bool) -> tuple[str, ...]:
    """Every instruction that belongs before this set, in the order they are said."""
    words = ROUTINE_WORDS.get(routine_id, ()) if first_of_routine else ()
    return words + SET_WORDS.get((routine_id, template_id), ())
