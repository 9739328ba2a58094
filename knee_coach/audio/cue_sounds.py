"""The cue set as data, how a batch of cue events maps to sounds, and WAV synthesis.

Qt-free so it can be tested and benchmarked without an audio stack. Designed as a whole, to
be followed with eyes shut for twenty minutes without tiring:

- every cue is a few soft-attack bell notes (a sine with a little octave, 6 ms attack,
  exponential decay), in one C-major palette, so nothing is harsh or out of key;
- the beat of a rep is one short note whose pitch tells the phase: bend low (C5),
  straighten a fifth higher (G5), swing in between and shorter (D5, 70 ms), quiet enough to
  hear 600 times;
- halfway and last rep keep the beat: the phase note sounds on time as always, and a soft
  high tail follows it (two E6 pings for halfway, a rising C6-E6-G6 for the last), so the
  rhythm and the phase are never lost to a marker;
- transitions are longer melodic figures: switch side falls (A5-E5), switch leg turns
  (E5-A5-E5), a new routine or the session start rises, the end rises to C6 and rings;
- stop and stop-for-pain fall low and slow (A4-E4), unlike anything in a set.
"""

from __future__ import annotations

import functools
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
    gain: float = 1.0  # relative to the sound's level: high notes sound louder, so less


@dataclass(frozen=True)
class Sound:
    name: str
    notes: tuple[Note, ...]
    level: float = 0.6  # peak amplitude 0..1, before the user's volume


C5, D5, E5, G5, A5, C6 = 523.25, 587.33, 659.26, 783.99, 880.0, 1046.5
E4, G4, A4 = 329.63, 392.0, 440.0
E6, G6 = 1318.51, 1567.98

# Markers that ride on a rep's beat: the tail follows the phase note after a short gap.
MARKER_GAP_MS = 40
MARKER_TAILS: dict[str, tuple[Note, ...]] = {
    "halfway": (Note(E6, 60, 30, 0.6), Note(E6, 80, 0, 0.6)),
    "last_rep": (Note(C6, 70, 25, 0.7), Note(E6, 70, 25, 0.6), Note(G6, 140, 0, 0.55)),
}
PHASE_SOUNDS: dict[str, Sound] = {
    s.name: s
    for s in (
        Sound("bend", (Note(C5, 140),)),
        Sound("straighten", (Note(G5, 140),)),
        Sound("swing", (Note(D5, 70),), 0.5),
    )
}


def with_marker(phase: Sound, marker: str) -> Sound:
    """The phase beat, then the marker's tail: the beat stays on time and keeps its pitch."""
    *head, last = phase.notes
    beat = (*head, Note(last.hz, last.ms, MARKER_GAP_MS, last.gain))
    return Sound(f"{phase.name}+{marker}", beat + MARKER_TAILS[marker], phase.level)


SOUNDS: dict[str, Sound] = {
    s.name: s
    for s in (
        Sound("count_in", (Note(A5, 70),), 0.45),
        *PHASE_SOUNDS.values(),
        *(with_marker(p, m) for p in PHASE_SOUNDS.values() for m in MARKER_TAILS),
        Sound("halfway", MARKER_TAILS["halfway"]),
        Sound("last_rep", MARKER_TAILS["last_rep"]),
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
        if event.phase_id in PHASE_SOUNDS:
            return event.phase_id
        return "bend" if event.phase == 0 else "straighten"
    return event.kind.value


def sounds_for_batch(events: list[CueEvent]) -> list[tuple[float, str]]:
    """(scheduled time, sound) for a batch: one sound per instant, the highest priority.

    A halfway or last-rep marker that shares its instant with a rep's beat rides on that
    beat ("bend+halfway"), so the rhythm and the phase pitch are kept.
    """
    best: dict[float, tuple[int, str, CueKind]] = {}
    beats: dict[float, str] = {}
    for event in events:
        name = sound_for(event)
        if name is None:
            continue
        rank = _PRIORITY.get(event.kind, 0)
        key = round(event.at, 6)
        if event.kind is CueKind.REP_PHASE:
            beats[key] = name
        if key not in best or rank > best[key][0]:
            best[key] = (rank, name, event.kind)
    out: list[tuple[float, str]] = []
    for key, (_, name, kind) in sorted(best.items()):
        beat = beats.get(key)
        if kind in (CueKind.HALFWAY, CueKind.LAST_REP) and beat is not None:
            composite = f"{beat}+{name}"
            name = composite if composite in SOUNDS else name
        out.append((key, name))
    return out


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
            out.append(int(32767 * sound.level * note.gain * env * tail * wave_ / 1.25))
        out.extend([0] * int(note.gap_ms * sample_rate / 1000))
    out.extend([0] * int(0.02 * sample_rate))  # a short tail of silence
    return out


@functools.cache
def rendered_sounds() -> dict[str, array]:
    """Every cue's samples, rendered once per process. Pure Python and not instant, so the
    app renders them on a worker thread before it makes the player."""
    return {name: render(sound) for name, sound in SOUNDS.items()}


def wav_bytes(sound: Sound, sample_rate: int = SAMPLE_RATE) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(render(sound, sample_rate).tobytes())
    return buffer.getvalue()
