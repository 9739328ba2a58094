"""The cue set: every cue has its own sound, batches sound once per instant, pitch tells phase."""

from __future__ import annotations

import io
import itertools
import wave

from knee_coach.audio.cue_sounds import SAMPLE_RATE, SOUNDS, render, sounds_for_batch, wav_bytes
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
        (20.0, "last_rep"),
        (22.0, "straighten"),
    ]
    assert sounds_for_batch([CueEvent(CueKind.REP_DONE, at, 0, rep=1)]) == []
