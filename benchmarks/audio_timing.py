"""Do the cues sound in rhythm? Play a paced set for real and measure what was heard.

Drives the app's own SessionController (real monotonic clock, one precise timer) through a
20-rep popliteus set with the real cue player, sounding into a PulseAudio null sink; records
the sink's monitor, detects the onsets and compares each with the instant the core scheduled.
Prints the constant output latency, the jitter around it (median, p99, max) and the drift
over the set (last onset error minus the first).

    .venv/bin/python benchmarks/audio_timing.py [--tones stream|effect] [--reps 20]
        [--seconds 1.0] [--wav rec.wav]

Starts PulseAudio with a null sink if none runs (apt-get install pulseaudio pulseaudio-utils).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

if not __package__:  # run as a script: the checkout's `benchmarks` package is importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.audio_measure import (
    MonitorRecorder,
    TimingReport,
    compare,
    detect_onsets,
    ensure_null_sink,
)
from knee_coach.audio.cue_sounds import sounds_for_batch
from knee_coach.core.cues import CueEvent
from knee_coach.core.model import LegChoice
from knee_coach.core.plan import Timing, Transition, build_plan
from knee_coach.core.routines import ROUTINES_BY_ID
from knee_coach.core.settings import Settings


@dataclass
class PacedRun:
    expected: list[float]  # monotonic instants that should sound, one per sounded instant
    heard: list[float]  # monotonic instants of the onsets detected in the recording
    samples_seconds: float

    def report(self) -> TimingReport:
        return compare(self.expected, self.heard)


def run_paced_set(
    tones: str = "stream",
    reps: int = 20,
    seconds_per_rep: float = 1.0,
    volume: float = 0.8,
    wav_path: Path | None = None,
) -> PacedRun:
    """Play one paced swing set through the real controller and player; needs a Qt app."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from knee_coach.ui.session_controller import SessionController

    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create a QCoreApplication first")
    cache = Path(tempfile.mkdtemp(prefix="knee-coach-cues-"))
    from knee_coach.audio.qt_player import QtCuePlayer

    player = QtCuePlayer(cache, tones=tones)
    player.set_volume(volume)
    if player.notice:
        raise RuntimeError(f"the player cannot sound: {player.notice}")
    settings = Settings(legs=LegChoice.RIGHT)
    # A short preparation keeps the run brief; the count-in stays as in the app.
    timing = Timing(prepare=tuple((t, 1.5) for t in Transition))
    plan = build_plan(settings, routines=(ROUTINES_BY_ID["popliteus_release"],), timing=timing)
    # The count and cadence are set on the plan, not through the settings: a cadence faster
    # than the app allows is a harder test of the timing.
    plan = dataclasses.replace(
        plan,
        sets=tuple(
            dataclasses.replace(s, reps=reps, seconds_per_rep=seconds_per_rep) for s in plan.sets
        ),
    )
    controller = SessionController(plan)
    events: list[CueEvent] = []

    def on_cues(batch: list[CueEvent]) -> None:
        events.extend(batch)
        player.play_batch(batch)

    controller.cues.connect(on_cues)
    loop = QEventLoop()
    controller.finished.connect(lambda _s: QTimer.singleShot(1500, loop.quit))

    recorder = MonitorRecorder()
    if not recorder.wait_started():
        raise RuntimeError("parec delivered no audio")
    # Let the player's stream settle before the first cue.
    QTimer.singleShot(700, controller.begin)
    loop.exec()
    samples, start, step = recorder.stop()
    player.close()
    if wav_path is not None:
        recorder.save(samples, wav_path)
    expected = [at for at, _ in sounds_for_batch(events)]
    heard = [start + t * recorder.rate * step for t in detect_onsets(samples, recorder.rate)]
    return PacedRun(expected, heard, len(samples) / recorder.rate)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tones", choices=("stream", "effect"), default="stream")
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=1.0, help="seconds per rep")
    parser.add_argument("--wav", type=Path, help="keep the recording here")
    args = parser.parse_args()
    problem = ensure_null_sink()
    if problem:
        print(f"cannot measure: {problem}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication(sys.argv[:1])
    run = run_paced_set(args.tones, args.reps, args.seconds, wav_path=args.wav)
    del app
    print(f"tones: {args.tones}, {args.reps} reps at {args.seconds} s, ", end="")
    print(f"recorded {run.samples_seconds:.1f} s")
    print(f"scheduled cues: {len(run.expected)}, heard onsets: {len(run.heard)}")
    try:
        report = run.report()
    except ValueError as exc:
        print(f"cannot pair onsets: {exc}")
        return 1
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
