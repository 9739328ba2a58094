"""Do sound and picture agree? Play a paced set for real and time both.

Drives the app's SessionController with the real cue player into a PulseAudio null sink and the
app's session page on screen. Records the sink's monitor and detects each onset (as
audio_timing.py does), and takes the instant the page's counter is painted with a new number
(a paint hook on the counter label). Each counter change (count-in 3-2-1, each new rep) is
paired with the onset nearest to it; prints one line:

    audio-visual offset: median X ms, p99 Y ms   (positive = sound after picture)

and, to explain it, the delay the screen waited after each cue's instant (the stream's lead
plus the latency the server reported to the player, server_latency.py), and the latency
PulseAudio reports for the app's stream while it plays (`pactl list sink-inputs`), sampled
here every quarter second: the server's buffer for the stream (what the monitor recording
waits for too) and the sink's own (what a real speaker adds after that, which the monitor
does not wait for: with both added, the monitor hears the cue that much before the picture).

    xvfb-run -a .venv/bin/python benchmarks/av_sync.py [--reps 15] [--seconds 2.0]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

if not __package__:  # run as a script: the checkout's `benchmarks` package is importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.audio_measure import MonitorRecorder, detect_onsets, ensure_null_sink
from knee_coach.core.model import LegChoice
from knee_coach.core.plan import Timing, Transition, build_plan
from knee_coach.core.routines import ROUTINES_BY_ID
from knee_coach.core.settings import Settings

PAIR_WINDOW_S = 0.25  # an onset further than this from a change belongs to something else


Latency = tuple[float, float]  # (buffer, sink) seconds


def pulse_stream_latency(pid: int) -> Latency | None:
    """(buffer, sink) latency in seconds PulseAudio reports for this process's stream, or None."""
    try:
        listing = subprocess.run(
            ["pactl", "list", "sink-inputs"], capture_output=True, text=True, timeout=5
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    for block in listing.split("Sink Input #")[1:]:
        if f'application.process.id = "{pid}"' not in block:
            continue
        found = re.search(r"Buffer Latency: (\d+) usec.*?Sink Latency: (\d+) usec", block, re.S)
        if found:
            return int(found.group(1)) / 1e6, int(found.group(2)) / 1e6
    return None


class LatencySampler:
    """Samples `pulse_stream_latency` for this process every quarter second while a set plays."""

    def __init__(self) -> None:
        self.samples: list[Latency] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            latency = pulse_stream_latency(os.getpid())
            if latency is not None:
                self.samples.append(latency)

    def stop(self) -> list[Latency]:
        self._stop.set()
        self._thread.join()
        return self.samples


def measure(
    reps: int, seconds_per_rep: float
) -> tuple[list[float], int, int, list[Latency], float]:
    """Offsets (onset - paint, seconds) of the paired changes, how many of each were seen, the
    server's latency readings and the player's output delay at the end."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from knee_coach.audio.qt_player import QtCuePlayer
    from knee_coach.ui.session_controller import SessionController
    from knee_coach.ui.session_page import SessionPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    player = QtCuePlayer(Path(tempfile.mkdtemp(prefix="knee-coach-cues-")))
    if player.notice:
        raise SystemExit(f"the player cannot sound: {player.notice}")
    settings = Settings(
        legs=LegChoice.RIGHT,
        reps={"popliteus_release": reps},
        seconds_per_rep={"popliteus_release": seconds_per_rep},
    )
    timing = Timing(prepare=tuple((t, 1.5) for t in Transition))
    plan = build_plan(settings, routines=(ROUTINES_BY_ID["popliteus_release"],), timing=timing)
    controller = SessionController(plan, presentation_delay=player.output_delay)
    player.set_delay_listener(controller.set_presentation_delay)
    page = SessionPage()
    page.resize(1040, 640)
    page.show()
    controller.cues.connect(player.play_batch)
    controller.shownCues.connect(page.on_cues)
    controller.changed.connect(page.show_snapshot)
    page.start(plan, controller.shown_snapshot)

    painted: list[tuple[float, str]] = []  # (monotonic instant, counter text) at each change

    class PaintHook(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                text = page.counter.text()
                if not painted or painted[-1][1] != text:
                    painted.append((time.monotonic(), text))
            return False

    hook = PaintHook()
    page.counter.installEventFilter(hook)
    loop = QEventLoop()
    controller.finished.connect(lambda _s: QTimer.singleShot(1500, loop.quit))
    recorder = MonitorRecorder()
    if not recorder.wait_started():
        raise SystemExit("parec delivered no audio")
    QTimer.singleShot(700, controller.begin)
    sampler = LatencySampler()
    loop.exec()
    server_latency = sampler.stop()
    delay = getattr(player, "output_delay", 0.0)  # what the screen waited at the end
    samples, start, step = recorder.stop()
    player.close()
    page.close()
    del app
    heard = [start + t * recorder.rate * step for t in detect_onsets(samples, recorder.rate)]
    offsets = []
    for at, _text in painted[1:]:  # the first paint is the page appearing
        nearest = min(heard, key=lambda h: abs(h - at), default=None)
        if nearest is not None and abs(nearest - at) <= PAIR_WINDOW_S:
            offsets.append(nearest - at)
    return offsets, len(painted) - 1, len(heard), server_latency, delay


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds per rep")
    args = parser.parse_args()
    problem = ensure_null_sink()
    if problem:
        print(f"cannot measure: {problem}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    offsets, changes, onsets, server_latency, delay = measure(args.reps, args.seconds)
    if not offsets:
        print(f"nothing paired: {changes} counter changes, {onsets} onsets")
        return 1
    ms = sorted(abs(o) * 1000 for o in offsets)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    print(f"{changes} counter changes painted, {onsets} onsets heard, {len(offsets)} paired")
    print(
        f"audio-visual offset: median {statistics.median(offsets) * 1000:+.1f} ms, p99 {p99:.1f} ms"
    )
    print(f"the screen waited {delay * 1000:.1f} ms after each cue's instant (the player's delay)")
    if server_latency:
        buffer_ms = statistics.median(b for b, _s in server_latency) * 1000
        sink_ms = statistics.median(s for _b, s in server_latency) * 1000
        print(
            f"PulseAudio's latency for the stream (median of {len(server_latency)} readings): "
            f"buffer {buffer_ms:.1f} ms, sink {sink_ms:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
