"""Screenshots of every screen in English and Japanese, from the real window.

A fake clock drives the session, so each shot shows a precise moment. Render under a real
X server for faithful fonts and antialiasing:

    xvfb-run -s "-screen 0 1280x860x24" .venv/bin/python scripts/screenshots.py

Writes assets/screenshots/{en,ja}/NAME.png and the README's assets/screenshots/session-routine2.png.
The window starts with two months of demo history, so the history view (month and whole
history) has something to show; the settings dialog is shot tab by tab.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QPointF
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.demo_history import demo_records  # noqa: E402
from knee_coach.audio.player import SilentPlayer  # noqa: E402
from knee_coach.core.clock import FakeClock  # noqa: E402
from knee_coach.core.model import Leg  # noqa: E402
from knee_coach.core.session import State  # noqa: E402
from knee_coach.storage.db import Database  # noqa: E402
from knee_coach.storage.history import HistoryStore  # noqa: E402
from knee_coach.ui.main_window import MainWindow  # noqa: E402
from knee_coach.ui.settings_dialog import SettingsDialog  # noqa: E402

if TYPE_CHECKING:
    from knee_coach.ui.history_view import HistoryView

SIZE = (1040, 740)
JST = timezone(timedelta(hours=9))
NOW = datetime(2026, 6, 14, 20, 40, tzinfo=JST)  # a Sunday evening
SETTINGS_TABS = ("session", "sound", "reminders", "general")


def settle(ms: int = 60) -> None:
    loop_end = QCoreApplication.instance()
    assert loop_end is not None
    for _ in range(max(1, ms // 10)):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def run_until(window: MainWindow, clock: FakeClock, condition: Callable[[], bool]) -> None:
    for _ in range(5000):
        if condition():
            return
        assert window.controller is not None
        deadline = window.controller.session.next_deadline()
        assert deadline is not None, "the session stopped moving"
        clock.set(max(clock.now(), deadline))
        window.controller.poll()
    raise RuntimeError("condition never met")


def at_rep(window: MainWindow, clock: FakeClock, rep: int, fraction: float) -> None:
    """Move to `fraction` of the way through rep `rep` of the current set."""
    run_until(
        window,
        clock,
        lambda: (
            window.session is not None
            and window.session.state is State.REP
            and window.controller is not None
            and window.controller.snapshot().rep == rep
        ),
    )
    assert window.controller is not None
    deadline = window.controller.session.next_deadline()
    if deadline is not None:
        clock.set(clock.now() + (deadline - clock.now()) * fraction)
    window.session_page.show_snapshot(window.controller.snapshot())
    # Cue banners ("Next routine") stay up 1.8 s of real time: a shot taken reps later in
    # the session must not show one that the user would have seen vanish long before.
    while window.session_page.banner.isVisible():
        settle(50)


def at_state(window: MainWindow, clock: FakeClock, state: State, seconds: float) -> None:
    """Move `seconds` into the next stretch of the session in `state` (get-ready, count-in)."""
    run_until(window, clock, lambda: window.session is not None and window.session.state is state)
    clock.set(clock.now() + seconds)
    assert window.controller is not None
    window.controller.poll()
    window.session_page.show_snapshot(window.controller.snapshot())
    while window.session_page.banner.isVisible():
        settle(50)


def shoot(window: QWidget, path: Path) -> None:
    settle()
    # Full colour: a 256-colour palette bands the illustration's shading.
    image = window.grab().toImage()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def rate(window: MainWindow, page_name: str, values: dict[str, int]) -> None:
    page = getattr(window, page_name)
    for leg, value in ((Leg.RIGHT, values["right"]), (Leg.LEFT, values["left"])):
        page.pain_rows[leg].set_value(value)
    page.tightness_row.set_value(values["tight"])


def seed_history(data: Path) -> None:
    db = Database.open(data)
    records = demo_records(date(2026, 4, 13), NOW.date() - timedelta(days=1), seed=21)
    records += demo_records(NOW.date(), NOW.date(), seed=5)[:1]
    HistoryStore(db).add_records(records)
    db.close()


def open_history_view(window: MainWindow) -> HistoryView:
    """Open the History and wait until its charts show what was read."""
    window.open_history()
    for _ in range(300):  # the first opening imports pyqtgraph and reads on worker threads
        if window.history_view is not None and not window.history_view.loading:
            break
        time.sleep(0.05)
        settle(50)
    view = window.history_view
    assert view is not None
    return view


def history_shots(window: MainWindow, out: Path) -> None:
    """The history view: the month with a point hovered, and the whole history."""
    view = open_history_view(window)
    view.resize(1180, 780)
    view.set_range("month")
    settle(100)
    x = datetime.combine(NOW.date() - timedelta(days=2), datetime.min.time(), timezone.utc)
    vb = view.pain_plot.getPlotItem().vb
    view._hovered(vb.mapViewToScene(QPointF(x.timestamp() + 7.5 * 3600, 3)))
    shoot(view, out / "history.png")
    view.set_range("all")
    shoot(view, out / "history-all.png")
    view.set_range("month")
    view.close()


def screens(language: str, out: Path, readme_shot: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seed_history(Path(tmp))
        clock = FakeClock(1000.0)
        start = clock.now()

        def wall() -> datetime:
            return NOW + timedelta(seconds=round(clock.now() - start))

        window = MainWindow(
            Path(tmp),
            clock=clock,
            player_factory=lambda: SilentPlayer(),
            language=language,
            wall_clock=wall,
        )
        window.resize(*SIZE)
        window.show()
        settle(200)

        # 1. Check-in, filled in.
        rate(window, "checkin_page", {"right": 5, "left": 3, "tight": 6})
        window.checkin_page.note.setText(
            "長く歩いた" if language == "ja" else "long walk yesterday"
        )
        shoot(window, out / "checkin.png")

        # The settings dialog, tab by tab (shown without its modal loop).
        dialog = SettingsDialog(
            window.settings, window, tray_available=True, autostart_supported=True
        )
        dialog.show()
        for index, name in enumerate(SETTINGS_TABS):
            dialog.tabs.setCurrentIndex(index)
            settle(100)
            shoot(dialog, out / f"settings-{name}.png")
        dialog.reject()

        history_shots(window, out)

        # 2. Safety gate, and what it says when a red flag is ticked.
        window.checkin_page.continue_button.click()
        shoot(window, out / "safety.png")
        window.safety_page.flags["swelling"].setChecked(True)
        window.safety_page.submit()
        shoot(window, out / "safety-blocked.png")
        window.safety_page.home_button.click()
        rate(window, "checkin_page", {"right": 5, "left": 3, "tight": 6})
        window.checkin_page.continue_button.click()

        # 3. Routine 1: the get-ready time, the count-in, then rep 3 of the right leg's inner
        # side, straightening.
        window.safety_page.start_button.click()
        settle()
        at_state(window, clock, State.PREPARE, 2.0)
        shoot(window, out / "session-routine1-get-ready.png")
        at_state(window, clock, State.COUNT_IN, 1.0)
        shoot(window, out / "session-routine1-count-in.png")
        at_rep(window, clock, 3, 0.7)
        shoot(window, out / "session-routine1.png")

        # 4. Routine 2: its get-ready time (after routine 1), the count-in, then rep 7 of 15.
        run_until(window, clock, lambda: window.session.set_index == 4)  # type: ignore[union-attr]
        at_state(window, clock, State.PREPARE, 3.0)
        shoot(window, out / "session-routine2-get-ready.png")
        at_state(window, clock, State.COUNT_IN, 1.0)
        shoot(window, out / "session-routine2-count-in.png")
        at_rep(window, clock, 7, 0.5)
        shoot(window, out / "session-routine2.png")
        if readme_shot is not None:
            shoot(window, readme_shot)

        # 5. Finish, check out, summary.
        run_until(window, clock, lambda: window.session.is_over)  # type: ignore[union-attr]
        rate(window, "checkout_page", {"right": 3, "left": 2, "tight": 4})
        shoot(window, out / "checkout.png")
        window.checkout_page.continue_button.click()
        shoot(window, out / "summary.png")

        # 6. A second session stopped with "it hurts": the safety advice.
        window.summary_page.done_button.click()
        rate(window, "checkin_page", {"right": 4, "left": 3, "tight": 5})
        window.checkin_page.continue_button.click()
        window.safety_page.start_button.click()
        at_rep(window, clock, 4, 0.3)
        window.stop_it_hurts()
        shoot(window, out / "stop-advice.png")
        window.close()
        window.deleteLater()
        settle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "screenshots")
    parser.add_argument("--lang", choices=("en", "ja"), action="append")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    del app
    for language in args.lang or ["en", "ja"]:
        readme = args.out / "session-routine2.png" if language == "en" else None
        screens(language, args.out / language, readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
