"""CPU while a set runs, with the moving leg shown and without it. Linux only (reads /proc).
Run under a display, e.g.:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python benchmarks/movement_cpu.py [seconds]

The real window on the real clock, silent: a session is started and moved past its
preparation, then the process's CPU time is measured over `seconds` of routine 1's reps,
once with the pictures as the user chose (both) and once with the press points only.
Target: under 5 % of one core while a set runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from procstat import cpu_seconds  # benchmarks/ is on sys.path when run


def spin(seconds: float) -> None:
    """Run the event loop for `seconds`, sleeping between events as the app does."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def measure(choice: str, seconds: float) -> tuple[float, float, int]:
    """(CPU share %, frames drawn per second, reps counted) over `seconds` of a set."""
    from knee_coach.audio.player import SilentPlayer
    from knee_coach.core.model import Leg
    from knee_coach.core.session import State
    from knee_coach.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as data:
        window = MainWindow(Path(data), player_factory=lambda: SilentPlayer())
        window.resize(1280, 700)
        window.show()
        spin(1.0)
        for leg in (Leg.RIGHT, Leg.LEFT):
            window.checkin_page.pain_rows[leg].set_value(3)
        window.checkin_page.continue_button.click()
        window.safety_page.start_button.click()
        window.session_page.illustrations.set_choice(choice)
        while window.session is not None and window.session.state is not State.REP:
            window.skip()  # past the preparation and the count-in
        spin(1.0)
        view = window.session_page.movement
        c0, t0, f0 = cpu_seconds(), time.monotonic(), view.paints
        reps0 = window.session.total_reps_done  # type: ignore[union-attr]
        spin(seconds)
        c1, t1, f1 = cpu_seconds(), time.monotonic(), view.paints
        reps = window.session.total_reps_done - reps0  # type: ignore[union-attr]
        window.stop()
        spin(0.2)
        window.close()
        window.deleteLater()
        spin(0.2)
    return (c1 - c0) / (t1 - t0) * 100, (f1 - f0) / (t1 - t0), reps


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"platform: {app.platformName()}, {seconds:.0f} s of routine 1's reps each")
    for choice, name in (("both", "movement and press points"), ("points", "press points only")):
        share, fps, reps = measure(choice, seconds)
        print(
            f"{name:>26}: {share:5.2f} % of one core, {fps:4.1f} leg frames/s, "
            f"{reps} reps counted (target < 5 %)"
        )


if __name__ == "__main__":
    main()
