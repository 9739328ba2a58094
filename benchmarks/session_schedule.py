"""How closely a long session keeps to its plan when the ticks come late and irregular.

Drives the core state machine (no Qt) through a 20-minute auto-paced session, ticking at
random moments 0-40 ms after each deadline, as a busy laptop would. Prints how far each cue
was emitted from its scheduled time and where the session ended versus the plan.

    .venv/bin/python benchmarks/session_schedule.py
"""

from __future__ import annotations

import random
import statistics
import time

from knee_coach.core.model import LegChoice
from knee_coach.core.plan import build_plan
from knee_coach.core.session import Session
from knee_coach.core.settings import Settings


def main() -> None:
    rng = random.Random(7)
    settings = Settings(
        legs=LegChoice.BOTH,
        # The longest session the settings allow.
        reps={"hamstring_glide": 30, "popliteus_release": 20},
        seconds_per_rep={"hamstring_glide": 10.0, "popliteus_release": 5.0},
    )
    plan = build_plan(settings)
    session = Session(plan)
    start = 0.0
    lateness: list[float] = []
    cues = 0
    t0 = time.perf_counter()
    now = start
    events = session.begin(now)
    while not session.is_over:
        deadline = session.next_deadline()
        assert deadline is not None
        now = deadline + rng.uniform(0.0, 0.040)
        events = session.tick(now)
        cues += len(events)
        lateness += [now - e.at for e in events]
    cpu = time.perf_counter() - t0
    assert session.ended_at is not None
    end_error_ms = (session.ended_at - (start + plan.planned_seconds)) * 1000
    print(f"planned length:          {plan.planned_seconds / 60:.1f} min, {len(plan)} sets")
    print(f"cue events:              {cues}")
    print(f"end vs plan:             {end_error_ms:+.6f} ms (drift)")
    print(f"tick lateness (median):  {statistics.median(lateness) * 1000:.1f} ms (injected)")
    print(f"core time for the whole: {cpu * 1000:.1f} ms")


if __name__ == "__main__":
    main()
