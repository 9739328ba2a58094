"""What the voice says for a batch of cues, in English or Japanese (Qt-free).

One utterance per instant, as with the tones: a rep's number on its first phase, the count-in
numbers, announcements of the next set ("Right leg, inner side"), followed by the instructions
the plan gives them (core/guidance.py), unless the plan's guidance is off. The tone for the same
instant still sounds on the beat; the player starts the words when that tone has ended, so the
two never blur and the rhythm is carried by the tone, whose timing is exact, not by the speech
engine, whose latency is not.

English phrases are marked with QT_TRANSLATE_NOOP (context "speech") and translated through
the injected `translate`, so the .ts files carry the Japanese; numbers in Japanese come from
the reading table below, because a TTS engine given "4" or "7" may read し or しち, which is
not how anyone counts reps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from knee_coach.core import guidance
from knee_coach.core.cues import ANNOUNCE_KINDS, CueEvent, CueKind
from knee_coach.core.guidance import Guidance
from knee_coach.core.i18n import QT_TRANSLATE_NOOP
from knee_coach.core.plan import Plan

# lupdate reads only literal contexts, so the markers below spell it out; lookups use CTX.
CTX = "speech"
Translate = Callable[[str, str], str]  # (context, source text) -> text in the UI language

_ONES = ("", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう")


def japanese_number(n: int) -> str:
    """The counting reading of 1..99 in kana: 4 よん, 7 なな, 9 きゅう, 14 じゅうよん."""
    if not 1 <= n <= 99:
        raise ValueError(f"no counting reading for {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("じゅう" if tens == 1 else _ONES[tens] + "じゅう")
    return head + _ONES[ones]


def spoken_number(n: int, language: str) -> str:
    return japanese_number(n) if language == "ja" else str(n)


_LEG = {
    "right": QT_TRANSLATE_NOOP("speech", "Right leg"),
    "left": QT_TRANSLATE_NOOP("speech", "Left leg"),
}
_SIDE = {
    "inner": QT_TRANSLATE_NOOP("speech", "inner side"),
    "outer": QT_TRANSLATE_NOOP("speech", "outer side"),
    "both_points": QT_TRANSLATE_NOOP("speech", "both thumbs"),
}
_SET = QT_TRANSLATE_NOOP("speech", "{leg}, {side}")
_NEXT_ROUTINE = QT_TRANSLATE_NOOP("speech", "Next routine. {set}")
_SENTENCE = QT_TRANSLATE_NOOP("speech", "{place}.")  # a place said before instructions
_LAST = QT_TRANSLATE_NOOP("speech", "{number}, last one")
_FIXED = {
    CueKind.SESSION_DONE: QT_TRANSLATE_NOOP("speech", "Well done. Session complete."),
    CueKind.STOPPED_PAIN: QT_TRANSLATE_NOOP(
        "speech", "Stopped. Rest, and read the advice on screen."
    ),
    CueKind.STOPPED: QT_TRANSLATE_NOOP("speech", "Session stopped."),
    CueKind.PAUSED: QT_TRANSLATE_NOOP("speech", "Paused."),
    CueKind.RESUMED: QT_TRANSLATE_NOOP("speech", "Resuming."),
}
# Which words win when several cues share an instant (higher wins), as with the tones.
_PRIORITY = {
    CueKind.REP_PHASE: 1,
    CueKind.HALFWAY: 1,
    CueKind.COUNT_IN: 2,
    CueKind.LAST_REP: 3,
    CueKind.RESUMED: 1,  # a resume is followed at once by a count-in, which says more
    CueKind.PAUSED: 5,
    CueKind.SWITCH_SIDE: 7,
    CueKind.SWITCH_LEG: 7,
    CueKind.NEXT_ROUTINE: 7,
    CueKind.SESSION_START: 7,
    CueKind.STOPPED: 8,
    CueKind.SESSION_DONE: 9,
    CueKind.STOPPED_PAIN: 10,
}


@dataclass(frozen=True)
class Utterance:
    at: float  # the scheduled instant of the cue it belongs to
    text: str
    announces: bool = False  # a set's announcement: the session waits for it to be said


class Phrasebook:
    """Words for cue events in one language, for one plan (to name the sets)."""

    def __init__(self, language: str, translate: Translate, plan: Plan | None = None) -> None:
        if language not in ("en", "ja"):
            raise ValueError(f"no phrasebook for {language!r}")
        self.language = language
        self._translate = translate
        self.plan = plan

    def _tr(self, text: str) -> str | None:
        out = self._translate(CTX, text)
        # A Japanese voice reading an untranslated English phrase helps no one: stay silent
        # (the tone still sounds) until the translation is there.
        if self.language == "ja" and out.isascii() and any(c.isalpha() for c in out):
            return None
        return out

    def set_phrase(self, set_index: int) -> str | None:
        if self.plan is None or not 0 <= set_index < len(self.plan):
            return None
        planned = self.plan[set_index]
        leg = self._tr(_LEG[planned.leg.value])
        side_source = _SIDE.get(planned.template.id)
        side = self._tr(side_source) if side_source else None
        if leg is None:
            return None
        if side is None:
            return leg
        pattern = self._tr(_SET)
        return pattern.format(leg=leg, side=side) if pattern else None

    def _with_words(self, text: str | None, words: tuple[str, ...]) -> str | None:
        """`text`, then each instruction in `words`, in the voice's language."""
        parts = [text] if text else []
        for source in words:
            said = self._tr_words(source)
            if said:
                parts.append(said)
        joiner = "" if self.language == "ja" else " "
        return joiner.join(parts) or None

    def _tr_words(self, text: str) -> str | None:
        out = self._translate(guidance.CTX, text)
        if self.language == "ja" and out.isascii() and any(c.isalpha() for c in out):
            return None
        return out

    @property
    def _silent_announcements(self) -> bool:
        return self.plan is not None and self.plan.guidance is Guidance.OFF

    def text_for(self, event: CueEvent) -> str | None:
        kind = event.kind
        if kind in ANNOUNCE_KINDS and self._silent_announcements:
            return None  # spoken guidance off: the announcement's tone says a set is next
        if kind in ANNOUNCE_KINDS:
            place = self._announcement(event)
            sentence = self._tr(_SENTENCE)
            if place and event.words and sentence:
                place = sentence.format(place=place)
            return self._with_words(place, event.words)
        if kind is CueKind.SESSION_DONE:
            return self._with_words(self._tr(_FIXED[kind]), event.words)
        return self._cue_text(event)

    def _announcement(self, event: CueEvent) -> str | None:
        if event.kind is CueKind.NEXT_ROUTINE:
            phrase = self.set_phrase(event.set_index)
            pattern = self._tr(_NEXT_ROUTINE)
            if phrase is None or pattern is None:
                return phrase
            return pattern.format(set=phrase)
        return self.set_phrase(event.set_index)

    def _cue_text(self, event: CueEvent) -> str | None:
        kind = event.kind
        if kind is CueKind.COUNT_IN:
            return spoken_number(event.count, self.language) if 1 <= event.count <= 99 else None
        if kind is CueKind.REP_PHASE:
            # The number on the first phase only: the later phases are carried by the tone.
            if event.phase != 0 or not 1 <= event.rep <= 99:
                return None
            return spoken_number(event.rep, self.language)
        if kind is CueKind.LAST_REP:
            pattern = self._tr(_LAST)
            number = spoken_number(event.rep, self.language) if 1 <= event.rep <= 99 else ""
            return pattern.format(number=number) if pattern else number or None
        if kind in _FIXED:
            return self._tr(_FIXED[kind])
        return None  # halfway (its tone says it), set done, rep done

    def utterances(self, events: list[CueEvent]) -> list[Utterance]:
        """One utterance per instant, the most telling, in time order."""
        best: dict[float, tuple[int, str, bool]] = {}
        at_of: dict[float, float] = {}
        for event in events:
            text = self.text_for(event)
            if not text:
                continue
            rank = _PRIORITY.get(event.kind, 0)
            key = round(event.at, 6)
            if key not in best or rank > best[key][0]:
                best[key] = (rank, text, event.kind in ANNOUNCE_KINDS)
                at_of[key] = event.at
        return [
            Utterance(at_of[k], text, announces) for k, (_, text, announces) in sorted(best.items())
        ]


def resolve_language(setting: str, system_language: str) -> str:
    """'en' or 'ja' from the setting; 'system' follows the system locale's language code."""
    if setting in ("en", "ja"):
        return setting
    return "ja" if system_language.lower().startswith("ja") else "en"
