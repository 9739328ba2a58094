"""UI stalls: how long the window's thread stops answering after it appears, and after a
language switch, with the real cue player (QtMultimedia, text-to-speech) loading as it does
in the app.

Each run starts a fresh process that opens the main window on a fresh data folder, with the
player factory the app uses, and fires a 10 ms precise timer on the window's thread: a tick
that comes late means the thread was busy (the longest lateness is the longest freeze). At
SWITCH_S after the window is shown the language is switched to Japanese (as picking it in the
window does, which asks the player for a Japanese voice); the figures are kept apart for
before and after the switch, with how long making the player took (on the window's thread,
so part of a start-up stall). Prints the median of the runs. Run under a display, e.g.:

    xvfb-run -a .venv/bin/python benchmarks/ui_stall.py [runs]
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICK_S = 0.010
SWITCH_S = 5.0  # the start-up (player at +300 ms, voice lookup) is over well before this
END_S = 8.0
STALL_S = 0.100
# Said on every start (FFmpeg's version, no PipeWire here): not news.
QUIET = ("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg")


def stalls(ticks: list[float], since: float, until: float) -> tuple[float, int]:
    """The longest lateness (ms) of the ticks that fired from `since` to before `until`, and
    how many were later than STALL_S. A tick is counted where it fires, at the end of the
    stall it measures (a stall that starts just before `since` belongs to after it)."""
    late = [b - a - TICK_S for a, b in itertools.pairwise(ticks) if since <= b < until]
    return max(late, default=0.0) * 1000, sum(1 for x in late if x > STALL_S)


def one_run() -> dict[str, float]:
    """In the child process: the window, the ticks, the figures as a dict."""
    # The checkout this script is in, whatever is installed.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from knee_coach.app import make_player, prepare_player
    from knee_coach.audio.player import CuePlayer
    from knee_coach.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        factory_s: list[float] = []  # how long making the player took (within a stall)

        def make_player_timed() -> CuePlayer:
            began = time.perf_counter()
            player = make_player(data)
            factory_s.append(time.perf_counter() - began)
            return player

        window = MainWindow(data, player_factory=make_player_timed, prepare_player=prepare_player)
        ticks: list[float] = []
        # When the player's voice was first active (from show), and again once the switch to
        # Japanese had returned (from the switch's start: a switch that looks the voice up
        # itself counts until it returns).
        voice_en: float | None = None
        voice_ja: float | None = None
        switched_at: float | None = None  # when the switch began, after show
        start = time.perf_counter()

        def tick() -> None:
            nonlocal voice_en, voice_ja
            now = time.perf_counter()
            ticks.append(now)
            if getattr(window.player, "voice_active", False):
                if voice_en is None:
                    voice_en = now - start
                if switched_at is not None and voice_ja is None:
                    voice_ja = now - start - switched_at

        def switch() -> None:
            nonlocal switched_at
            began = time.perf_counter() - start
            window.set_language("ja")
            switched_at = began

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(round(TICK_S * 1000))
        timer.timeout.connect(tick)
        window.show()
        timer.start()
        # Precise: a coarse timer this long may fire up to 5 % early.
        for seconds, then in ((SWITCH_S, switch), (END_S, app.quit)):
            once = QTimer(window)
            once.setSingleShot(True)
            once.setTimerType(Qt.TimerType.PreciseTimer)
            once.timeout.connect(then)
            once.start(round(seconds * 1000))
        app.exec()
        timer.stop()
        closing = time.perf_counter()
        window.close()  # stops the player (and whatever threads it has)
        close_ms = (time.perf_counter() - closing) * 1000
    switch_at = start + (switched_at if switched_at is not None else SWITCH_S)
    longest, count = stalls(ticks, start, switch_at)
    longest_switch, count_switch = stalls(ticks, switch_at, float("inf"))
    nan = float("nan")
    return {
        "startup_longest_ms": longest,
        "startup_stalls": count,
        "switch_longest_ms": longest_switch,
        "switch_stalls": count_switch,
        "voice_en_ms": voice_en * 1000 if voice_en is not None else nan,
        "voice_ja_ms": voice_ja * 1000 if voice_ja is not None else nan,
        "close_ms": close_ms,
        "factory_ms": factory_s[0] * 1000 if factory_s else nan,
    }


def main() -> None:
    if sys.argv[1:] == ["--child"]:
        print(json.dumps(one_run()), flush=True)
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    env.pop("KNEE_COACH_BENCH_FIRST_FRAME", None)
    results: list[dict[str, float]] = []
    said: set[str] = set()  # what the runs wrote to stderr (warnings at exit, say)
    for i in range(runs + 1):
        proc = subprocess.run(
            [sys.executable, __file__, "--child"],
            env=env,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise SystemExit(f"run {i} failed (exit {proc.returncode}):\n{proc.stderr}")
        said.update(line for line in proc.stderr.splitlines() if not line.startswith(QUIET))
        if not i:
            continue  # the first run only warms the disk cache
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(r)
        print(
            f"run {i}: start-up longest {r['startup_longest_ms']:.0f} ms"
            f" ({r['startup_stalls']:.0f} > {STALL_S * 1000:.0f} ms),"
            f" switch longest {r['switch_longest_ms']:.0f} ms ({r['switch_stalls']:.0f}),"
            f" voice en {r['voice_en_ms']:.0f} ms, ja {r['voice_ja_ms']:.0f} ms,"
            f" close {r['close_ms']:.0f} ms, making the player {r['factory_ms']:.0f} ms",
            flush=True,
        )

    def med(key: str) -> float:
        return statistics.median(r[key] for r in results)

    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {runs} (medians)")
    print(
        f"first {SWITCH_S:.0f} s after show: longest stall {med('startup_longest_ms'):.0f} ms,"
        f" stalls > {STALL_S * 1000:.0f} ms: {med('startup_stalls'):.0f};"
        f" English voice active {med('voice_en_ms'):.0f} ms after show;"
        f" making the player (QtMultimedia, the tone stream) {med('factory_ms'):.0f} ms"
    )
    print(
        f"{END_S - SWITCH_S:.0f} s after switching to Japanese: longest stall"
        f" {med('switch_longest_ms'):.0f} ms, stalls > {STALL_S * 1000:.0f} ms:"
        f" {med('switch_stalls'):.0f}; Japanese voice active {med('voice_ja_ms'):.0f} ms after"
    )
    print(f"closing the window: {med('close_ms'):.0f} ms")
    for line in sorted(said):
        print(f"stderr: {line}")


if __name__ == "__main__":
    main()
