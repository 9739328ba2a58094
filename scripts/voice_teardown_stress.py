"""Drop many players whose voice is in use, to catch a freeze between the two threads.

Usage: QT_QPA_PLATFORM=offscreen python scripts/voice_teardown_stress.py [ROUNDS]

Each round makes a player with Qt's mock speech engine, waits for its voice, hands the
speaker an utterance and drops the player without close(), as a test or a crash path would.
While Qt deletes an object it holds one of its connection locks and asks the object's
senders about each connection, which needs Python's lock; a speaker thread still running
Python and waiting for that connection lock freezes both threads for good. Before the player
learnt to join its speaker first, three runs froze within 100 to 1,000 rounds; since, none in
2,000. A round that is not over in 20 seconds prints every thread's Python stack and exits
with 1.
"""

from __future__ import annotations

import faulthandler
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from knee_coach.audio.qt_player import QtCuePlayer
from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.model import LegChoice
from knee_coach.core.plan import build_plan
from knee_coach.core.settings import Settings

REP = CueEvent(CueKind.REP_PHASE, 10.0, 0, rep=4, phase=0, phase_id="bend")


def wait_until(app: QApplication, done: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()


def one_round(app: QApplication, cache: Path) -> None:
    """A player that speaks, dropped without close() on return."""
    player = QtCuePlayer(cache, tts_engines=["mock"], tones="effect")
    player.set_plan(build_plan(Settings(legs=LegChoice.BOTH)))
    player.set_voice(True, "en")
    wait_until(app, lambda: player.voice_active)
    player.play_batch([REP])  # counts "4" by voice: an utterance in the speaker's hands
    app.processEvents()


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    app = QApplication([])
    cache = Path(tempfile.mkdtemp(prefix="knee-coach-stress-"))
    start = time.monotonic()
    for done in range(rounds):
        faulthandler.dump_traceback_later(20, exit=True)
        one_round(app, cache)
        gc.collect()
        if done % 100 == 99:
            print(f"{done + 1} rounds", flush=True)
    faulthandler.cancel_dump_traceback_later()
    print(f"no freeze in {rounds} rounds ({time.monotonic() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
