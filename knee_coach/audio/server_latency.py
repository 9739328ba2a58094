"""How long the sound server holds our stream before it is heard, as the server reports it.

Qt's QAudioSink says nothing about it (its processedUSecs counts the frames handed over, less
its own buffer), yet with PulseAudio, or PipeWire's PulseAudio service, the server keeps a
buffer of its own for each stream and the device adds its latency after that. `pactl` lists
both for every playing stream; ours is the one whose `application.process.id` is this
process. Qt-free: the tone stream runs `read_steady_latency` on a worker thread, since
asking the server takes a process and a round trip, and where there is no `pactl` (another
sound system or OS) the answer is simply None.

Just after a stream starts, a sink that was idle may still report the latency it idled with,
shrinking by the moment (a null sink does, from seconds down): a reading counts only once
the next one, a moment later, agrees with it.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator

log = logging.getLogger(__name__)

# More than this is no device's steady latency, even over Bluetooth: a server catching up after
# idling (a null sink reports seconds then), or a misreading. Such a reading is ignored.
MAX_LATENCY = 0.5
_TIMEOUT = 3.0  # seconds for pactl to answer; a busy machine may take a while
STEADY = 0.005  # two readings this close (seconds) show the latency holds still
READ_INTERVAL = 0.25  # seconds between readings
READ_ATTEMPTS = 12  # then give up until the stream starts again


def stream_latency(listing: str, pid: int) -> float | None:
    """Seconds from our stream's data reaching the server to its sound leaving the device: the
    server's buffer for the stream plus the sink's latency, from `pactl -f json list
    sink-inputs`. None when the listing has no stream of process `pid` or cannot be read."""
    try:
        inputs = json.loads(listing)
    except ValueError:
        return None
    if not isinstance(inputs, list):
        return None
    ours = [
        item
        for item in inputs
        if isinstance(item, dict)
        and isinstance(item.get("properties"), dict)
        and item["properties"].get("application.process.id") == str(pid)
    ]
    if not ours:
        return None
    newest = max(ours, key=lambda item: item.get("index", 0))  # a stream reopened just now
    try:
        return (float(newest["buffer_latency_usec"]) + float(newest["sink_latency_usec"])) / 1e6
    except (KeyError, TypeError, ValueError):
        return None


def plausible(latency: float | None) -> float | None:
    """The reading, or None when it is missing or out of reason (negative, or over
    MAX_LATENCY)."""
    if latency is None or not 0.0 <= latency <= MAX_LATENCY:
        return None
    return latency


def sound_delay(lead: float, reported: float | None) -> float:
    """Seconds from a cue's instant to its sound: the stream's own lead, plus the latency the
    server reports for the stream when that reading is plausible (else the lead alone)."""
    latency = plausible(reported)
    return lead if latency is None else lead + latency


def steady_latency(readings: Iterable[float | None]) -> float | None:
    """The first plausible reading that agrees with the one before it within STEADY, or None
    when the readings end first. Lazy: reads no further than it needs."""
    previous: float | None = None
    for reading in readings:
        latency = plausible(reading)
        if latency is not None and previous is not None and abs(latency - previous) <= STEADY:
            return latency
        previous = latency
    return None


def read_steady_latency(
    read: Callable[[], float | None] | None = None,
    attempts: int = READ_ATTEMPTS,
    interval: float = READ_INTERVAL,
) -> float | None:
    """This process's stream latency once it holds still (blocking, for a worker thread): up
    to `attempts` readings `interval` apart; None when none is steady (or there is no
    server to ask, or no stream of ours)."""
    read = read or read_stream_latency

    def readings() -> Iterator[float | None]:
        for attempt in range(attempts):
            if attempt:
                time.sleep(interval)
            yield read()

    return steady_latency(readings())


def read_stream_latency(pid: int | None = None) -> float | None:
    """Ask the sound server for this process's stream latency (blocking: off the window's
    thread). None without `pactl`, without a stream of ours, or when it does not answer."""
    try:
        done = subprocess.run(
            ["pactl", "-f", "json", "list", "sink-inputs"],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("no stream latency from the sound server: %s", exc)
        return None
    if done.returncode != 0:  # no server, or a pactl too old for JSON
        log.debug("no stream latency from the sound server: %s", done.stderr.strip())
        return None
    return stream_latency(done.stdout, os.getpid() if pid is None else pid)
