"""Idle cost: CPU time used over a minute with the window open and no session running, and
resident memory. Linux only (reads /proc). Run under a display, e.g.:

    xvfb-run -a .venv/bin/python benchmarks/idle.py [seconds]

Target: under 0.5 % of one core (no polling timers).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from procstat import cpu_seconds, status_mb  # benchmarks/ is on sys.path when run


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    with tempfile.TemporaryDirectory() as data:
        proc = subprocess.Popen(
            [sys.executable, "-m", "knee_coach", "--data-dir", data],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(5.0)  # start-up, first frame and the deferred audio load are not idle
            if proc.poll() is not None:
                raise SystemExit(f"the app exited early ({proc.returncode})")
            c0, t0 = cpu_seconds(proc.pid), time.monotonic()
            time.sleep(seconds)
            c1, t1 = cpu_seconds(proc.pid), time.monotonic()
            rss = status_mb("VmRSS", proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    share = (c1 - c0) / (t1 - t0) * 100
    print(f"platform: {env['QT_QPA_PLATFORM']}")
    print(
        f"idle CPU over {t1 - t0:.0f} s: {c1 - c0:.2f} s"
        f" = {share:.2f} % of one core (target < 0.5 %)"
    )
    print(f"resident memory, idle on the check-in page: {rss:.0f} MB")


if __name__ == "__main__":
    main()
