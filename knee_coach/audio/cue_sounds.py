"""The cue set as data, how a batch of cue events maps to sounds, and WAV synthesis.

Qt-free so it can be tested and benchmarked without an audio stack. Each cue is a few short
soft-attack bell notes; the two phases of a slow rep differ by a fifth (bend low, straighten
high) so they can be told apart with eyes shut.
"""

from __future__ import annotations

import io
import math
import wave
from array import array
from dataclasses import dataclass

from knee_coach.core.cues import CueEvent, CueKind

SAMPLE_RATE = 44100


@dataclass(frozen=True)
class Note:
    hz: float
    ms: int
    gap_ms: int = 0  # silence after the note


@dataclass(frozen=True)
class Sound:
    name: str
    notes: tuple[Note, ...]
    level: float = 0.6  # peak amplitude 0..1, before the user's volume


C5, D5, E5, G5, A5, C6 = 523.25, 587.33, 659.26, 783.99, 880.0, 1046.5
E4, G4, A4 = 329.63, 392.0, 440.0

SOUNDS: dict[str, Sound] = {
    s.name: s
    for s in (
        Sound("count_in", (Note(A5, 70),), 0.45),
        Sound("bend", (Note(C5, 140),)),
        Sound("straighten", (Note(G5, 140),)),
        Sound("swing", (Note(D5, 70),), 0.5),
        Sound("halfway", (Note(E5, 90, 30), Note(G5, 120))),
        Sound("last_rep", (Note(G5, 80, 25), Note(G5, 80, 25), Note(C6, 140))),
        Sound("set_done", (Note(C5, 90, 20), Note(E5, 90, 20), Note(G5, 180))),
        Sound("switch_side", (Note(A5, 110, 40), Note(E5, 180))),
        Sound("switch_leg", (Note(E5, 110, 40), Note(A5, 110, 40), Note(E5, 180))),
        Sound("next_routine", (Note(C5, 120, 30), Note(G5, 120, 30), Note(C6, 220))),
        Sound("session_start", (Note(C5, 120, 30), Note(G5, 220))),
        Sound(
            "session_done",
            (Note(C5, 110, 20), Note(E5, 110, 20), Note(G5, 110, 20), Note(C6, 320)),
        ),
        Sound("stopped_pain", (Note(A4, 220, 40), Note(E4, 360)), 0.5),
        Sound("stopped", (Note(G4, 160, 30), Note(E4, 240)), 0.5),
        Sound("paused", (Note(G4, 160),), 0.45),
        Sound("resumed", (Note(G4, 90, 30), Note(C5, 140)), 0.45),
    )
}

# When several cues fall on the same instant only the most telling one sounds: overlapping
# tones blur into noise. Higher wins.
_PRIORITY: dict[CueKind, int] = {
    CueKind.REP_PHASE: 1,
    CueKind.COUNT_IN: 2,
    CueKind.HALFWAY: 3,
    CueKind.LAST_REP: 4,
    CueKind.RESUMED: 5,
    CueKind.PAUSED: 5,
    CueKind.SET_DONE: 6,
    CueKind.SWITCH_SIDE: 7,
    CueKind.SWITCH_LEG: 7,
    CueKind.NEXT_ROUTINE: 7,
    CueKind.SESSION_START: 7,
    CueKind.STOPPED: 8,
    CueKind.SESSION_DONE: 9,
    CueKind.STOPPED_PAIN: 10,
}


def sound_for(event: CueEvent) -> str | None:
    """The sound of one cue event, or None for silent bookkeeping events."""
    if event.kind is CueKind.REP_DONE:
        return None
    if event.kind is CueKind.REP_PHASE:
        # Named phases; a routine with other phase ids falls back on the bend/straighten pair.
        if event.phase_id in SOUNDS:
            return event.phase_id
        return "bend" if event.phase == 0 else "straighten"
    return event.kind.value


def sounds_for_batch(events: list[CueEvent]) -> list[tuple[float, str]]:
    """(scheduled time, sound) for a batch: one sound per instant, the highest priority."""
    best: dict[float, tuple[int, str]] = {}
    for event in events:
        name = sound_for(event)
        if name is None:
            continue
        rank = _PRIORITY.get(event.kind, 0)
        key = round(event.at, 6)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, name)
    return [(at, name) for at, (_, name) in sorted(best.items())]


def duration(sound: Sound) -> float:
    """Seconds from the first note's start to the last note's end (the trailing pad excluded)."""
    return sum(n.ms + n.gap_ms for n in sound.notes) / 1000


def render(sound: Sound, sample_rate: int = SAMPLE_RATE) -> array:
    """16-bit mono samples: each note a soft bell (quick attack, exponential decay)."""
    out = array("h")
    attack = int(0.006 * sample_rate)
    for note in sound.notes:
        n = int(note.ms * sample_rate / 1000)
        tau = n / 4.5
        for i in range(n):
            t = i / sample_rate
            env = (i / attack if i < attack else 1.0) * math.exp(-i / tau)
            tail = min(1.0, (n - i) / attack)  # no click at the cut
            wave_ = math.sin(2 * math.pi * note.hz * t) + 0.25 * math.sin(4 * math.pi * note.hz * t)
            out.append(int(32767 * sound.level * env * tail * wave_ / 1.25))
        out.extend([0] * int(note.gap_ms * sample_rate / 1000))
    out.extend([0] * int(0.02 * sample_rate))  # a short tail of silence
    return out


def wav_bytes(sound: Sound, sample_rate: int = SAMPLE_RATE) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(render(sound, sample_rate).tobytes())
    return buffer.getvalue()
