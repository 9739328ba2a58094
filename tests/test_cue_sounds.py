"""The cue set: every cue has its own sound, batches sound once per instant, pitch tells phase."""

from __future__ import annotations

import io
import itertools
import wave

from benchmarks.audio_measure import detect_onsets
from knee_coach.audio.cue_sounds import (
    PHASE_SOUNDS,
    SAMPLE_RATE,
    SOUNDS,
    duration,
    render,
    sounds_for_batch,
    wav_bytes,
)
from knee_coach.core.cues import CueEvent, CueKind


def dominant_hz(name: str) -> float:
    samples = render(SOUNDS[name])
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    voiced = sum(1 for s in samples if s != 0)
    return crossings / (voiced / SAMPLE_RATE)


def test_every_sounding_cue_kind_has_a_distinct_sound() -> None:
    silent = {CueKind.REP_DONE, CueKind.REP_PHASE}
    names = {k.value for k in CueKind if k not in silent}
    assert names <= set(SOUNDS)
    shapes = {tuple((n.hz, n.ms) for n in s.notes) for s in SOUNDS.values()}
    assert len(shapes) == len(SOUNDS)


def test_bend_is_lower_than_straighten_by_about_a_fifth() -> None:
    ratio = dominant_hz("straighten") / dominant_hz("bend")
    assert 1.4 < ratio < 1.6


def test_sounds_are_short_and_never_clip() -> None:
    for name, sound in SOUNDS.items():
        data = wav_bytes(sound)
        with wave.open(io.BytesIO(data)) as wav:
            assert wav.getframerate() == SAMPLE_RATE and wav.getsampwidth() == 2
            seconds = wav.getnframes() / SAMPLE_RATE
        assert 0.05 < seconds < 1.0, name
        assert max(abs(s) for s in render(sound)) < 32767 * 0.9, name


def test_one_sound_per_instant_the_most_telling_wins() -> None:
    at = 10.0
    batch = [
        CueEvent(CueKind.REP_DONE, at, 0, rep=10),
        CueEvent(CueKind.SET_DONE, at, 0),
        CueEvent(CueKind.SWITCH_SIDE, at, 1),
        CueEvent(CueKind.LAST_REP, 20.0, 1, rep=10),
        CueEvent(CueKind.REP_PHASE, 20.0, 1, rep=10, phase=0, phase_id="bend"),
        CueEvent(CueKind.REP_PHASE, 22.0, 1, rep=10, phase=1, phase_id="straighten"),
    ]
    assert sounds_for_batch(batch) == [
        (10.0, "switch_side"),
        (20.0, "bend+last_rep"),  # the marker rides on the beat
        (22.0, "straighten"),
    ]
    assert sounds_for_batch([CueEvent(CueKind.REP_DONE, at, 0, rep=1)]) == []


def test_halfway_and_last_rep_keep_the_beat_and_its_pitch_then_add_a_high_tail() -> None:
    for phase in PHASE_SOUNDS.values():
        for marker in ("halfway", "last_rep"):
            composite = SOUNDS[f"{phase.name}+{marker}"]
            beat = composite.notes[0]
            assert (beat.hz, beat.ms) == (phase.notes[0].hz, phase.notes[0].ms)
            assert all(n.hz > 1000 for n in composite.notes[1:])  # above every beat
            # Heard as one cue, starting on the beat, and over well before the next one
            # at the fastest swing cadence (0.8 s).
            onsets = detect_onsets(render(composite), SAMPLE_RATE)
            assert len(onsets) == 1 and onsets[0] < 0.002
            assert duration(composite) < 0.6
    swing_half = [
        CueEvent(CueKind.HALFWAY, 5.0, 2, rep=8),
        CueEvent(CueKind.REP_PHASE, 5.0, 2, rep=8, phase=0, phase_id="swing"),
    ]
    assert sounds_for_batch(swing_half) == [(5.0, "swing+halfway")]
    # With no beat at that instant (never in a paced set) the marker sounds on its own.
    assert sounds_for_batch([CueEvent(CueKind.HALFWAY, 1.0, 0, rep=6)]) == [(1.0, "halfway")]


def test_a_twenty_minute_session_stays_soft_the_beats_are_the_quietest_cues() -> None:
    peaks = {name: max(abs(s) for s in render(sound)) for name, sound in SOUNDS.items()}
    loudest = max(peaks.values())
    for name in ("swing", "count_in"):
        assert peaks[name] < 0.85 * loudest, name
    assert loudest < 32767 * 0.65
