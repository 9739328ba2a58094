"""Onset detection and timing statistics on synthetic recordings with known answers."""

from __future__ import annotations

import random
import wave
from array import array
from pathlib import Path

import pytest

from benchmarks.audio_measure import (
    compare,
    detect_onsets,
    fit_sample_clock,
    read_wav_mono,
)
from knee_coach.audio.cue_sounds import SAMPLE_RATE, SOUNDS, render

RATE = SAMPLE_RATE


def mix(placements: list[tuple[float, str]], seconds: float, noise: int = 0) -> array:
    """Cue sounds placed at known times into a buffer, optionally over a hiss."""
    rng = random.Random(3)
    out = [rng.randint(-noise, noise) if noise else 0 for _ in range(int(seconds * RATE))]
    for at, name in placements:
        start = round(at * RATE)
        for i, s in enumerate(render(SOUNDS[name])):
            out[start + i] = max(-32768, min(32767, out[start + i] + s))
    return array("h", out)


def test_finds_each_cue_once_within_a_millisecond_even_multi_note_cues_over_hiss() -> None:
    placements = [
        (0.25, "session_start"),
        (1.0, "count_in"),
        (2.0, "swing"),
        (2.8, "halfway"),
        (3.6, "last_rep"),
        (4.5, "session_done"),
        (5.6, "stopped_pain"),
    ]
    found = detect_onsets(mix(placements, 7.0, noise=300), RATE)
    assert len(found) == len(placements)
    for (at, name), onset in zip(placements, found, strict=True):
        # The first waveform peak past the threshold: within 1.5 ms of the true start.
        assert 0.0 <= onset - at < 0.0015, name


def test_silence_and_hiss_alone_have_no_onsets() -> None:
    assert detect_onsets(array("h", [0] * RATE), RATE) == []
    assert detect_onsets(mix([], 1.0, noise=150), RATE) == []
    assert detect_onsets(array("h"), RATE) == []


def test_two_cues_closer_than_the_quiet_gap_count_as_one() -> None:
    found = detect_onsets(mix([(0.1, "swing"), (0.25, "swing")], 1.0), RATE)
    assert found == pytest.approx([0.1], abs=0.0015)


def test_reads_stereo_wav_as_mono(tmp_path: Path) -> None:
    mono = mix([(0.2, "bend")], 0.6)
    stereo = array("h")
    for s in mono:
        stereo.extend((s, s))
    path = tmp_path / "s.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(stereo.tobytes())
    rate, samples = read_wav_mono(path)
    assert rate == RATE and samples == mono


def test_report_separates_constant_latency_jitter_and_drift() -> None:
    expected = [float(k) for k in range(10)]
    latency = 0.020
    wobble = [0.0, 0.002, -0.001, 0.0, 0.004, 0.0, -0.003, 0.001, 0.0, 0.0]
    report = compare(expected, [e + latency + w for e, w in zip(expected, wobble, strict=True)])
    assert report.offset == pytest.approx(latency)
    assert report.jitter_max == pytest.approx(0.004)
    assert report.jitter_median == pytest.approx(0.0005)
    assert report.drift == pytest.approx(0.0)
    drifting = compare(expected, [e + latency + 0.001 * k for k, e in enumerate(expected)])
    assert drifting.drift == pytest.approx(0.009)
    assert drifting.trend_per_minute == pytest.approx(0.060)  # 1 ms per second
    assert report.trend_per_minute is not None and abs(report.trend_per_minute) < 0.01
    assert any("jitter p99" in line for line in report.lines())


def test_compare_refuses_a_missing_or_extra_onset() -> None:
    with pytest.raises(ValueError, match="expected 3 onsets, heard 2"):
        compare([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(ValueError):
        compare([], [])


def test_sample_clock_fit_recovers_start_and_a_fast_sink_clock_despite_late_blocks() -> None:
    rng = random.Random(11)
    start, true_step = 500.0, (1.0 / RATE) * (1 - 200e-6)  # the sink runs 200 ppm fast
    stamps = []
    frames = 0
    for _ in range(2000):
        frames += 441
        # Every block arrives after it was captured: 0.2 ms at best, up to 15 ms late.
        delay = 0.0002 + (rng.random() ** 3) * 0.015
        stamps.append((start + frames * true_step + delay, frames))
    fitted_start, fitted_step = fit_sample_clock(stamps, RATE)
    assert fitted_step == pytest.approx(true_step, rel=20e-6)
    assert fitted_start == pytest.approx(start, abs=0.001)
    # The error at the end of the 20 s recording stays under a millisecond.
    assert abs(fitted_start + frames * fitted_step - (start + frames * true_step)) < 0.001
