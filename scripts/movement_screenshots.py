"""Screenshots of the movement demonstration at its key poses, in English and Japanese.

A fake clock puts the session at exact moments of a rep. Run under a real X server:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/movement_screenshots.py

Writes assets/screenshots/{en,ja}/movement-*.png and the README's
assets/screenshots/movement.png (English, routine 1 at full bend).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from screenshots import NOW, run_until, settle, shoot  # noqa: E402

from knee_coach.audio.player import SilentPlayer  # noqa: E402
from knee_coach.core.clock import FakeClock  # noqa: E402
from knee_coach.core.model import Leg  # noqa: E402
from knee_coach.core.movement import pose_at  # noqa: E402
from knee_coach.core.session import State  # noqa: E402
from knee_coach.ui.main_window import MainWindow  # noqa: E402

SIZE = (1280, 700)  # a 1366x768 laptop screen less its taskbar and title bar


def catch_up(window: MainWindow) -> None:
    """Let the moving leg draw the clock's moment (it moves on its own frame ticks)."""
    controller = window.controller
    assert controller is not None
    view = window.session_page.movement
    snap = controller.snapshot()
    window.session_page.show_snapshot(snap)
    expected = pose_at(snap, controller.session.plan.pacing, reduced_motion=view.reduced_motion)
    for _ in range(100):
        if view.pose == expected:
            break
        loop = QEventLoop()  # a real wait: the frame timer fires only from a running loop
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    else:
        print("the leg did not catch up:", view.pose, expected, view.animating)
    settle()


def seconds_into_rep(window: MainWindow, clock: FakeClock, rep: int, seconds: float) -> None:
    """Put the clock `seconds` into rep `rep` of the current set, and draw that moment."""
    controller = window.controller
    assert controller is not None
    run_until(
        window,
        clock,
        lambda: controller.session.state is State.REP and controller.snapshot().rep == rep,
    )
    snap = controller.snapshot()
    clock.set(clock.now() - snap.rep_elapsed + seconds)
    controller.poll()
    catch_up(window)
    while window.session_page.banner.isVisible():  # no stale cue banner in a still
        settle(50)


def shots(language: str, out: Path, readme_shot: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock(1000.0)
        window = MainWindow(
            Path(tmp),
            clock=clock,
            player_factory=lambda: SilentPlayer(),
            language=language,
            wall_clock=lambda: NOW,
        )
        window.resize(*SIZE)
        window.show()
        settle(200)
        window.checkin_page.pain_rows[Leg.RIGHT].set_value(4)
        window.checkin_page.pain_rows[Leg.LEFT].set_value(2)
        window.checkin_page.continue_button.click()
        window.safety_page.start_button.click()
        settle()
        controller = window.controller
        assert controller is not None
        period1 = controller.session.current.seconds_per_rep

        # The preview while getting ready: halfway through its slow rep (full bend).
        clock.advance(0.5 + 0.5 * min(5.0, 1.5 * period1) - 0.05)
        controller.poll()
        catch_up(window)
        shoot(window, out / "movement-preview.png")

        # Routine 1, right leg: fully bent at the end of "bend", then straightening.
        seconds_into_rep(window, clock, 2, period1 * 0.49)
        shoot(window, out / "movement-routine1-bend.png")
        if readme_shot is not None:
            shoot(window, readme_shot)
        seconds_into_rep(window, clock, 3, period1 * 0.8)
        shoot(window, out / "movement-routine1-straighten.png")

        # Routine 1 on the left leg: the same movement, mirrored.
        run_until(window, clock, lambda: controller.session.current.leg is Leg.LEFT)
        seconds_into_rep(window, clock, 2, period1 * 0.3)
        shoot(window, out / "movement-routine1-left.png")

        # Routine 2: the top of the swing, then the same moment as still pictures.
        run_until(window, clock, lambda: controller.session.current.routine.number == 2)
        period2 = controller.session.current.seconds_per_rep
        seconds_into_rep(window, clock, 4, period2 * 0.35)
        shoot(window, out / "movement-routine2-swing.png")
        window.session_page.movement.set_reduced_motion(True)
        seconds_into_rep(window, clock, 5, period2 * 0.2)
        shoot(window, out / "movement-routine2-still.png")
        window.session_page.movement.set_reduced_motion(False)
        window.stop()
        settle()
        window.close()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    del app
    for language in ("en", "ja"):
        readme = ROOT / "assets" / "screenshots" / "movement.png" if language == "en" else None
        shots(language, ROOT / "assets" / "screenshots" / language, readme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
