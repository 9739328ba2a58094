"""The latency the sound server reports for our own stream, added to the cues' delay.

`pactl -f json list sink-inputs` lists every playing stream; the listings here have the shape
it prints (trimmed to the fields read). tests/test_sound_is_heard.py asks a real server.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from knee_coach.audio.server_latency import (
    MAX_LATENCY,
    STEADY,
    read_stream_latency,
    sound_delay,
    steady_latency,
    stream_latency,
)

LEAD = 0.055


def sink_input(index: int, pid: int, buffer_usec: float, sink_usec: float) -> dict[str, object]:
    return {
        "index": index,
        "driver": "protocol-native.c",
        "buffer_latency_usec": buffer_usec,
        "sink_latency_usec": sink_usec,
        "corked": False,
        "properties": {
            "media.name": f"QtmPulseStream-{pid}-1",
            "application.name": "python3",
            "application.process.id": str(pid),
        },
    }


def test_our_streams_latency_is_the_servers_buffer_for_it_plus_the_sinks() -> None:
    listing = json.dumps(
        [sink_input(3, 999, 200_000.0, 30_000.0), sink_input(7, 1234, 14_800.0, 2_300.0)]
    )
    assert stream_latency(listing, 1234) == pytest.approx(0.0171)
    assert stream_latency(listing, 999) == pytest.approx(0.230)  # another app's is its own


def test_of_two_streams_of_ours_the_newest_counts() -> None:
    listing = json.dumps([sink_input(9, 1234, 20_000.0, 0.0), sink_input(4, 1234, 90_000.0, 0.0)])
    assert stream_latency(listing, 1234) == pytest.approx(0.020)


@pytest.mark.parametrize(
    "listing",
    [
        "[]",
        json.dumps([sink_input(3, 999, 14_800.0, 2_300.0)]),  # only another app's stream
        "",
        "Failed to get sink input information",
        "{}",
        json.dumps([{"index": 1, "properties": {"application.process.id": "1234"}}]),
    ],
)
def test_without_a_readable_stream_of_ours_there_is_no_latency(listing: str) -> None:
    assert stream_latency(listing, 1234) is None


@pytest.mark.parametrize(
    ("reported", "delay"),
    [
        (0.017, LEAD + 0.017),
        (0.0, LEAD),
        (MAX_LATENCY, LEAD + MAX_LATENCY),  # Bluetooth is slow, but its latency counts
        (None, LEAD),  # nothing reported: today's constant lead alone
        (-0.004, LEAD),  # nonsense
        (1.8, LEAD),  # a sink catching up after idling, not a device's latency
    ],
)
def test_a_cue_sounds_its_lead_plus_a_plausible_reported_latency_after_its_instant(
    reported: float | None, delay: float
) -> None:
    assert sound_delay(LEAD, reported) == pytest.approx(delay)


def test_a_reading_counts_once_the_next_one_agrees_with_it() -> None:
    # A null sink's latency just after it idled, shrinking by the moment, then steady.
    shrinking = [1.8, 1.4, 0.9, 0.4, 0.065, 0.0191, 0.0172, 0.0180]
    assert steady_latency(shrinking) == pytest.approx(0.0172)
    assert steady_latency([0.017, 0.016 + STEADY]) == pytest.approx(0.016 + STEADY)
    assert steady_latency([0.017, None, 0.018]) is None  # no two in a row
    assert steady_latency([1.8, 1.8]) is None  # steady, but absurd
    assert steady_latency([0.4, 0.2, 0.05]) is None  # still shrinking when they ran out
    assert steady_latency([]) is None


def test_no_more_readings_are_taken_than_needed() -> None:
    taken: list[float] = []

    def readings() -> Iterator[float]:
        for value in (0.3, 0.02, 0.021, 0.5, 0.6):
            taken.append(value)
            yield value

    assert steady_latency(readings()) == pytest.approx(0.021)
    assert taken == [0.3, 0.02, 0.021]


def test_without_pactl_there_is_nothing_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # another sound system, or another OS
    assert read_stream_latency() is None
    assert read_stream_latency(os.getpid()) is None
