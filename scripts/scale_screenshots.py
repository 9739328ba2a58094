"""The whole screen, page by page, at the text scale the environment sets: what a person with
a large text size sees on a 1366×768 screen.

    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1366x768x24" \
        .venv/bin/python scripts/scale_screenshots.py --prefix scale200

Writes assets/screenshots/PREFIX-{checkin,safety,session,checkout,summary,history,settings}.png
(the screen's own pixels, so anything off the screen is off the picture too) and prints, for
each, the window's size in layout pixels and the labels whose text does not fit.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import (  # noqa: E402
    NOW,
    at_rep,
    open_history_view,
    rate,
    run_until,
    seed_history,
    settle,
)

from knee_coach.audio.player import SilentPlayer  # noqa: E402
from knee_coach.core.clock import FakeClock  # noqa: E402
from knee_coach.ui.main_window import MainWindow  # noqa: E402
from knee_coach.ui.settings_dialog import SettingsDialog  # noqa: E402


def clipped_labels(window: QWidget) -> list[str]:
    """Visible labels whose text needs more room than they have."""
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        if label.wordWrap():
            short = label.heightForWidth(label.width()) > label.height()
        else:
            short = label.minimumSizeHint().width() > label.width()
        if short:
            found.append(label.text()[:50])
    return found


def shoot(window: QWidget, name: str, out: Path, prefix: str) -> None:
    settle(150)
    screen = QApplication.primaryScreen()
    path = out / f"{prefix}-{name}.png"
    if not screen.grabWindow(0).save(str(path)):
        raise RuntimeError(f"could not write {path}")
    size, room = window.frameGeometry().size(), screen.availableGeometry().size()
    print(
        f"{path.name}: window {size.width()}x{size.height()} on {room.width()}x{room.height()}"
        f" ({'fits' if size.boundedTo(room) == size else 'LARGER THAN THE SCREEN'});"
        f" labels short of room: {clipped_labels(window)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "screenshots")
    parser.add_argument("--prefix", default="scale200")
    parser.add_argument("--lang", default="en", choices=("en", "ja"))
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out, prefix = args.out, args.prefix
    with tempfile.TemporaryDirectory() as tmp:
        seed_history(Path(tmp))
        clock = FakeClock(1000.0)
        start = clock.now()
        window = MainWindow(
            Path(tmp),
            clock=clock,
            player_factory=lambda: SilentPlayer(),
            language=args.lang,
            wall_clock=lambda: NOW + timedelta(seconds=round(clock.now() - start)),
        )
        window.show()
        settle(300)
        rate(window, "checkin_page", {"right": 5, "left": 3, "tight": 6})
        shoot(window, "checkin", out, prefix)

        dialog = SettingsDialog(
            window.settings, window, tray_available=True, autostart_supported=True
        )
        dialog.show()
        shoot(dialog, "settings", out, prefix)
        dialog.reject()

        view = open_history_view(window)
        view.set_range("month")
        shoot(view, "history", out, prefix)
        view.close()

        window.checkin_page.continue_button.click()
        shoot(window, "safety", out, prefix)
        window.safety_page.start_button.click()
        settle()
        at_rep(window, clock, 3, 0.7)
        shoot(window, "session", out, prefix)
        run_until(window, clock, lambda: window.session.is_over)  # type: ignore[union-attr]
        rate(window, "checkout_page", {"right": 3, "left": 2, "tight": 4})
        shoot(window, "checkout", out, prefix)
        window.checkout_page.continue_button.click()
        shoot(window, "summary", out, prefix)
        window.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
