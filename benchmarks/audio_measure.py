"""Proof that cues sound on time: onset detection, timing statistics, a PulseAudio null sink.

Qt-free. Used by benchmarks/audio_timing.py and the tests that play a paced set through a
null sink and record its monitor; kept out of the installed package.

The recording is tied to the monotonic clock the session runs on: each block of samples
`parec` hands over is stamped on arrival, and the earliest (arrival - position) over the
recording is the best estimate of when its first sample sounded. Blocks only ever arrive
late, never early, so the minimum is the least delayed one; what remains is the monitor's
own small capture latency, which makes the measured output latency a slight overestimate.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import threading
import time
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

RECORD_RATE = 44100
SINK = "cue"
# Inside one cue the notes are never quieter than this long (note tails and 20-40 ms gaps);
# between cues there is always more (the fastest swing cadence is 0.8 s, its beep 70 ms).
DEFAULT_MIN_QUIET = 0.2


# ----- onsets ----------------------------------------------------------------------------
def read_wav_mono(path: Path) -> tuple[int, array]:
    """16-bit PCM WAV as mono samples (channels averaged) and its sample rate."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError(f"{path}: only 16-bit PCM is supported")
        channels, rate = wav.getnchannels(), wav.getframerate()
        data = array("h", wav.readframes(wav.getnframes()))
    if channels == 1:
        return rate, data
    frames = range(0, len(data), channels)
    mono = array("h", (sum(data[i : i + channels]) // channels for i in frames))
    return rate, mono


def detect_onsets(
    samples: array,
    rate: int,
    relative_threshold: float = 0.1,
    min_quiet: float = DEFAULT_MIN_QUIET,
    noise_floor: int = 200,
) -> list[float]:
    """Seconds from the first sample at which each sound starts.

    A sample is loud when its magnitude reaches `relative_threshold` of the loudest sample;
    an onset is a loud sample after at least `min_quiet` of quiet, so the notes of one cue
    (a few tens of ms apart) make one onset. Cues start with a 6 ms linear attack, so the
    crossing lands at the first waveform peak past 10 % of the envelope: 0.6-1.5 ms after the
    true start, depending a little on the pitch. Small against the 10 ms target.
    A recording whose loudest sample is below `noise_floor` is silence: no onsets.
    """
    if not samples:
        return []
    peak = max(max(samples), -min(samples))
    if peak < noise_floor:
        return []
    threshold = max(noise_floor, int(peak * relative_threshold))
    quiet = int(min_quiet * rate)
    onsets: list[float] = []
    last_loud = -quiet
    for i, s in enumerate(samples):
        if s >= threshold or -s >= threshold:
            if i - last_loud >= quiet:
                onsets.append(i / rate)
            last_loud = i
    return onsets


@dataclass(frozen=True)
class TimingReport:
    """Onset errors (heard - scheduled) in seconds, and what they say about the rhythm."""

    errors: tuple[float, ...]
    expected: tuple[float, ...] = ()  # the scheduled instants, for the trend

    @property
    def trend_per_minute(self) -> float | None:
        """Least-squares slope of the error over the run, in seconds per minute: a drift
        that first-vs-last could miss (or fake, from one odd cue at either end)."""
        if len(self.expected) != len(self.errors) or len(self.errors) < 3:
            return None
        mean_t = statistics.fmean(self.expected)
        mean_e = statistics.fmean(self.errors)
        var = sum((t - mean_t) ** 2 for t in self.expected)
        if var == 0:
            return None
        cov = sum(
            (t - mean_t) * (e - mean_e) for t, e in zip(self.expected, self.errors, strict=True)
        )
        return cov / var * 60

    @property
    def offset(self) -> float:
        """The constant part: output latency, the same on every cue (median error)."""
        return statistics.median(self.errors)

    @property
    def jitter(self) -> tuple[float, ...]:
        """Each error less the constant offset: what the ear hears as unsteady rhythm."""
        return tuple(e - self.offset for e in self.errors)

    def _p(self, values: list[float], q: float) -> float:
        ordered = sorted(values)
        k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
        return ordered[k]

    @property
    def jitter_median(self) -> float:
        return statistics.median(abs(j) for j in self.jitter)

    @property
    def jitter_p99(self) -> float:
        return self._p([abs(j) for j in self.jitter], 0.99)

    @property
    def jitter_max(self) -> float:
        return max(abs(j) for j in self.jitter)

    @property
    def drift(self) -> float:
        """Last onset error minus the first: anything cumulative shows here."""
        return self.errors[-1] - self.errors[0]

    def lines(self) -> list[str]:
        ms = 1000.0
        return [
            f"onsets:                {len(self.errors)}",
            f"output latency (const): {self.offset * ms:+.1f} ms  (median of heard - scheduled)",
            f"jitter median |e|:     {self.jitter_median * ms:.2f} ms",
            f"jitter p99 |e|:        {self.jitter_p99 * ms:.2f} ms",
            f"jitter max |e|:        {self.jitter_max * ms:.2f} ms",
            f"drift (last - first):  {self.drift * ms:+.2f} ms",
            *(
                [f"drift trend (fit):     {self.trend_per_minute * ms:+.2f} ms per minute"]
                if self.trend_per_minute is not None
                else []
            ),
            f"error range:           {min(self.errors) * ms:+.1f} .. "
            f"{max(self.errors) * ms:+.1f} ms",
        ]


def compare(expected: list[float], heard: list[float]) -> TimingReport:
    """Pair the scheduled instants with the heard onsets, in order; the counts must match."""
    if len(expected) != len(heard):
        raise ValueError(f"expected {len(expected)} onsets, heard {len(heard)}")
    if not expected:
        raise ValueError("nothing to compare")
    errors = tuple(h - e for e, h in zip(expected, heard, strict=True))
    return TimingReport(errors, tuple(expected))


# ----- PulseAudio null sink -----------------------------------------------------------------
def _pactl_ok() -> bool:
    try:
        result = subprocess.run(["pactl", "info"], capture_output=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def _has_sink(sink: str) -> bool:
    result = subprocess.run(
        ["pactl", "list", "short", "sinks"], capture_output=True, text=True, timeout=5, check=False
    )
    return any(line.split("\t")[1:2] == [sink] for line in result.stdout.splitlines())


def ensure_null_sink(sink: str = SINK) -> str | None:
    """Make sure a PulseAudio server runs with a null sink named `sink` as the default.

    Returns None when ready, else why not (for a skip message). Idempotent.
    """
    for tool in ("pulseaudio", "pactl", "parec"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install pulseaudio pulseaudio-utils)"
    if not _pactl_ok():
        # --system=false lets root run a per-user daemon (CI runs as root); -n skips the
        # default.pa that would look for sound cards this machine does not have.
        subprocess.run(
            [
                "pulseaudio",
                "-D",
                "--system=false",
                "-n",
                "--exit-idle-time=-1",
                "--disallow-exit",
                "--load=module-native-protocol-unix",
            ],
            capture_output=True,
            timeout=20,
            check=False,
        )
        deadline = time.monotonic() + 5
        while not _pactl_ok():
            if time.monotonic() > deadline:
                return "PulseAudio could not be started"
            time.sleep(0.1)
    if not _has_sink(sink):
        subprocess.run(
            ["pactl", "load-module", "module-null-sink", f"sink_name={sink}"],
            capture_output=True,
            timeout=5,
            check=False,
        )
        if not _has_sink(sink):
            return f"could not create the PulseAudio null sink {sink!r}"
    subprocess.run(["pactl", "set-default-sink", sink], capture_output=True, timeout=5, check=False)
    return None


def fit_sample_clock(stamps: list[tuple[float, int]], rate: int) -> tuple[float, float]:
    """(time of sample 0, seconds per sample) from (arrival time, samples so far) stamps.

    Each window's least delayed block gives one point (frames, arrival); a least-squares
    line through those points is the map. With one window, the nominal rate is used.
    """
    window = rate  # one second of samples
    best: dict[int, tuple[float, int]] = {}
    blocks: dict[int, int] = {}
    for t, frames in stamps:
        key = frames // window
        blocks[key] = blocks.get(key, 0) + 1
        lag = t - frames / rate
        if key not in best or lag < best[key][0] - best[key][1] / rate:
            best[key] = (t, frames)
    # A window with few blocks (the last, cut short) has no reliably undelayed one.
    enough = statistics.median(blocks.values()) / 2
    points = [(frames, t) for key, (t, frames) in best.items() if blocks[key] >= enough]
    if len(points) < 3:
        return min(t - f / rate for t, f in stamps), 1.0 / rate
    start, step = _line(points)
    # Once more without points well above the line: windows where every block was late.
    kept = [(f, t) for f, t in points if t - (start + f * step) < 0.001]
    if len(kept) >= 3:
        start, step = _line(kept)
    return start, step


def _line(points: list[tuple[int, float]]) -> tuple[float, float]:
    mean_f = statistics.fmean(f for f, _ in points)
    mean_t = statistics.fmean(t for _, t in points)
    cov = sum((f - mean_f) * (t - mean_t) for f, t in points)
    var = sum((f - mean_f) ** 2 for f, _ in points)
    step = cov / var
    # The line through the means sits amid the delays; move it down onto the least delayed.
    return min(t - f * step for f, t in points), step


class MonitorRecorder:
    """Records what the sink plays (its monitor), with each sample tied to the monotonic clock."""

    def __init__(self, sink: str = SINK, rate: int = RECORD_RATE) -> None:
        self.rate = rate
        self._chunks: list[bytes] = []
        self._stamps: list[tuple[float, int]] = []  # (arrival time, frames received by then)
        self._frames = 0
        self._proc = subprocess.Popen(
            [
                "parec",
                "-d",
                f"{sink}.monitor",
                "--raw",
                "--format=s16le",
                "--channels=1",
                f"--rate={rate}",
                "--latency-msec=5",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ},
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        stream = self._proc.stdout
        assert stream is not None
        pending = b""
        while True:
            block = os.read(stream.fileno(), 4096)
            now = time.monotonic()
            if not block:
                break
            pending += block
            whole = len(pending) - len(pending) % 2
            if whole:
                self._chunks.append(pending[:whole])
                pending = pending[whole:]
                self._frames += whole // 2
                self._stamps.append((now, self._frames))

    def wait_started(self, timeout: float = 5.0) -> bool:
        """Block until audio (even silence) flows, so nothing played after this is missed."""
        deadline = time.monotonic() + timeout
        while not self._stamps:
            if time.monotonic() > deadline or self._proc.poll() is not None:
                return False
            time.sleep(0.01)
        return True

    def stop(self) -> tuple[array, float, float]:
        """Samples recorded, the monotonic time the first one sounded, and seconds per sample.

        The sink's sample clock need not tick at exactly `rate` per monotonic second (the
        null sink here runs ~200 ppm fast), so the map from sample index to time is a line
        fitted through the least delayed arrival of each one-second window.
        """
        self._proc.terminate()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._reader.join(timeout=5)
        samples = array("h", b"".join(self._chunks))
        if not self._stamps:
            raise RuntimeError("the monitor delivered no audio")
        start, step = fit_sample_clock(self._stamps, self.rate)
        return samples, start, step

    def save(self, samples: array, path: Path) -> None:
        with wave.open(str(path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(self.rate)
            wav.writeframes(samples.tobytes())
