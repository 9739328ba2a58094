"""The tone stream places each cue at the sample of its instant and mixes overlaps."""

from __future__ import annotations

from array import array

from pytestqt.qtbot import QtBot

from knee_coach.audio.cue_sounds import SAMPLE_RATE
from knee_coach.audio.tone_stream import LEAD, ToneStream


def stream_at_origin(origin: float, written: int) -> ToneStream:
    stream = ToneStream()
    stream._sink = object()  # type: ignore[assignment]  # placement needs no real device
    stream._origin = origin
    stream._written = written
    return stream


def test_a_cue_lands_on_the_sample_of_its_instant_plus_the_constant_lead(qtbot: QtBot) -> None:
    stream = stream_at_origin(100.0, written=0)
    tone = array("h", [1000] * 10)
    stream.play_at(100.5, tone)
    assert stream._voices == [(round((0.5 + LEAD) * SAMPLE_RATE), tone)]
    assert stream.late == 0


def test_a_cue_asked_for_too_late_sounds_at_once_and_is_counted(qtbot: QtBot) -> None:
    stream = stream_at_origin(100.0, written=SAMPLE_RATE)  # one second already written
    stream.play_at(100.2, array("h", [1]))
    assert stream._voices[0][0] == SAMPLE_RATE and stream.late == 1


def test_mixing_sums_overlaps_applies_gain_clips_and_forgets_finished_tones(
    qtbot: QtBot,
) -> None:
    stream = stream_at_origin(0.0, written=0)
    stream.set_gain(0.5)
    stream._voices = [(2, array("h", [1000, 1000, 1000])), (3, array("h", [32000, 32000]))]
    first = stream._mix(0, 4)
    assert list(first) == [0, 0, 500, 16500]
    assert len(stream._voices) == 2  # both still sounding past frame 4
    stream.set_gain(1.0)
    second = stream._mix(4, 4)
    assert list(second) == [32767, 0, 0, 0]  # 1000 + 32000 clipped at full scale
    assert stream._voices == []


def test_the_servers_latency_follows_plausible_readings_of_the_current_start_only(
    qtbot: QtBot,
) -> None:
    stream = ToneStream()
    changes: list[float] = []
    stream.serverLatencyChanged.connect(changes.append)
    stream._starts = 2  # started twice (reopened, or back from idle)
    stream._latency_answered(2, 0.017)
    assert stream.server_latency == 0.017
    stream._latency_answered(1, 0.090)  # a late answer about the stream before
    stream._latency_answered(2, None)  # no answer this time (the server is busy)
    stream._latency_answered(2, 1.8)  # an absurd one
    assert stream.server_latency == 0.017  # the last good reading stands
    stream._latency_answered(2, 0.021)
    assert changes == [0.017, 0.021]


def test_reopening_on_a_device_forgets_the_last_ones_latency(qtbot: QtBot) -> None:
    stream = ToneStream()
    stream._starts = 1
    stream._latency_answered(1, 0.2)  # say, Bluetooth headphones, now unplugged
    stream.open()  # the outputs changed
    assert stream.server_latency == 0.0  # until the new device's is read
    stream.close()
