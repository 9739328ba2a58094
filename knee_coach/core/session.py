"""The guided session as a state machine paced against an injected monotonic clock.

Every deadline is computed from the absolute start of its segment (prepare, count-in, reps)
and each segment starts exactly when the previous one was due to end, not when the tick that
noticed it happened. However late or irregular the ticks, the schedule does not drift.
Callers pass `now`; the machine never reads a clock itself.

The get-ready time is held until ready: when the caller reports that the announcement's
words are being spoken (`words_started`), the count-in waits for `words_done` and a breath
after it, however long the words take, up to the plan's limit from the announcement.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.model import EndReason, Pacing
from knee_coach.core.plan import Plan, PlannedSet, Transition

_ANNOUNCE_FOR = {
    Transition.START: CueKind.SESSION_START,
    Transition.SIDE: CueKind.SWITCH_SIDE,
    Transition.LEG: CueKind.SWITCH_LEG,
    Transition.ROUTINE: CueKind.NEXT_ROUTINE,
}
# Halfway is only worth announcing when a set is long enough to have a middle.
MIN_REPS_FOR_HALFWAY = 4
# Ticks that arrive this close before a deadline count as on time (timer granularity).
EPSILON = 1e-6


class State(str, Enum):
    CHECK_IN = "check_in"
    PREPARE = "prepare"  # announce the set and let the hands get into place
    COUNT_IN = "count_in"
    REP = "rep"
    PAUSED = "paused"
    STOPPED = "stopped"
    DONE = "done"


class Words(str, Enum):
    """The announcement's words, as reported by whoever speaks them."""

    NONE = "none"  # none are being spoken (no voice, or not reported yet)
    SPEAKING = "speaking"  # the get-ready time does not end before they do
    DONE = "done"


class SetStatus(str, Enum):
    COMPLETED = "completed"
    SKIPPED = "skipped"  # the user moved on before the last rep
    PARTIAL = "partial"  # the session ended during this set


@dataclass(frozen=True)
class SetResult:
    set_index: int
    routine_id: str
    template_id: str
    leg: str
    target: int
    reps_done: int
    status: SetStatus


@dataclass(frozen=True)
class Snapshot:
    """What a screen needs to draw the session at one instant."""

    state: State
    paused_in: State | None
    set_index: int
    planned: PlannedSet | None
    reps_done: int
    rep: int  # 1-based number of the rep in progress (or next)
    phase: int
    phase_progress: float  # 0..1 through the current phase, auto pacing only
    count_in: int  # 3, 2, 1 during the count-in
    prepare_left: float  # seconds left to get ready
    listening: bool  # getting ready, and the count-in waits for the words to end
    session_progress: float  # 0..1 over all planned reps
    end_reason: EndReason | None
    # Seconds since the rep in progress began (manual pacing: since the last count), held
    # still while paused; and since the preparation began. What a moving picture follows.
    rep_elapsed: float = 0.0
    prepare_elapsed: float = 0.0
    prepare_seconds: float = 0.0  # length of the preparation in progress


class SessionError(RuntimeError):
    """An action that makes no sense in the current state (a programming error)."""


class Session:
    def __init__(self, plan: Plan) -> None:
        if not plan.sets:
            raise SessionError("a session needs at least one set")
        self.plan = plan
        self.state = State.CHECK_IN
        self.set_index = 0
        self.reps_done = 0
        self.results: list[SetResult] = []
        self.end_reason: EndReason | None = None
        self.started_at: float | None = None
        self.ended_at: float | None = None
        self._paused_in: State | None = None
        self._paused_at = 0.0
        self._seg_start = 0.0  # absolute start of the current segment
        self._seg_end: float | None = None  # absolute end, None when open-ended
        self._rep_start = 0.0  # manual pacing: when the rep in progress began
        self._pending: list[CueEvent] = []  # scheduled events of the current segment
        self._words = Words.NONE  # the current announcement's words (preparation only)
        self._words_done_at = 0.0

    # ----- queries -------------------------------------------------------------------
    @property
    def current(self) -> PlannedSet:
        return self.plan[min(self.set_index, len(self.plan) - 1)]

    @property
    def is_running(self) -> bool:
        return self.state in (State.PREPARE, State.COUNT_IN, State.REP)

    @property
    def is_over(self) -> bool:
        return self.state in (State.STOPPED, State.DONE)

    @property
    def total_reps_done(self) -> int:
        done = sum(r.reps_done for r in self.results)
        return done if self.is_over else done + self.reps_done

    def next_deadline(self) -> float | None:
        """When `tick` next has something to do; None while waiting on the user."""
        if not self.is_running:
            return None
        if self._pending:
            return self._pending[0].at
        return self._segment_end()

    def _segment_end(self) -> float | None:
        """When the current segment ends: the preparation is held while its words last."""
        end = self._seg_end
        if end is None or self.state is not State.PREPARE or self._words is Words.NONE:
            return end
        timing = self.plan.timing
        limit = self._seg_start + timing.words_limit
        if self._words is Words.SPEAKING:
            return max(end, limit)
        return max(end, min(self._words_done_at + timing.after_words, limit))

    def snapshot(self, now: float) -> Snapshot:
        planned = self.current
        state = self.state
        phase, phase_progress, count_in, prepare_left = 0, 0.0, 0, 0.0
        rep_elapsed, prepare_elapsed = self._elapsed(planned, now)
        if state is State.REP and self.plan.pacing is Pacing.AUTO:
            phase, phase_progress = self._phase_at(planned, now)
        elif state is State.COUNT_IN:
            beat = self.plan.timing.count_in_beat
            beats = round(((self._seg_end or now) - self._seg_start) / beat)
            elapsed_beats = int(max(0.0, now - self._seg_start) // beat)
            count_in = max(1, beats - elapsed_beats)
        elif state is State.PREPARE and self._seg_end is not None:
            end = self._seg_end if self._words is Words.SPEAKING else self._segment_end()
            prepare_left = max(0.0, (end or now) - now)
        total = self.plan.total_reps
        return Snapshot(
            state=state,
            paused_in=self._paused_in if state is State.PAUSED else None,
            set_index=self.set_index,
            planned=planned,
            reps_done=self.reps_done,
            rep=min(self.reps_done + 1, planned.reps),
            phase=phase,
            phase_progress=phase_progress,
            count_in=count_in,
            prepare_left=prepare_left,
            listening=state is State.PREPARE and self._words is Words.SPEAKING,
            session_progress=min(1.0, self.total_reps_done / total) if total else 1.0,
            end_reason=self.end_reason,
            rep_elapsed=rep_elapsed,
            prepare_elapsed=prepare_elapsed,
            prepare_seconds=self.plan.timing.prepare_seconds(planned.transition),
        )

    def _elapsed(self, planned: PlannedSet, now: float) -> tuple[float, float]:
        """(rep_elapsed, prepare_elapsed) at `now`, or at the pause for a paused session."""
        state = self._paused_in if self.state is State.PAUSED else self.state
        at = self._paused_at if self.state is State.PAUSED else now
        if state is State.PREPARE:
            return 0.0, max(0.0, at - self._seg_start)
        if state is not State.REP:
            return 0.0, 0.0
        if self.plan.pacing is Pacing.MANUAL:
            return max(0.0, at - self._rep_start), 0.0
        if at < self._seg_start:
            return 0.0, 0.0
        return (at - self._seg_start) % planned.seconds_per_rep, 0.0

    # ----- user actions ---------------------------------------------------------------
    def begin(self, now: float) -> list[CueEvent]:
        """Check-in and safety gate passed: announce the first set."""
        if self.state is not State.CHECK_IN:
            raise SessionError(f"cannot begin from {self.state.value}")
        self.started_at = now
        self._start_prepare(now)
        return self.tick(now)

    def tick(self, now: float) -> list[CueEvent]:
        """Emit every event due by `now`, moving through segments as their ends pass."""
        out: list[CueEvent] = []
        while self.is_running:
            if self._pending and self._pending[0].at <= now + EPSILON:
                out.append(self._fire(self._pending.pop(0)))
                continue
            end = self._segment_end()
            if not self._pending and end is not None and end <= now + EPSILON:
                out += self._end_segment(end)
                continue
            break
        return out

    def words_started(self, now: float) -> list[CueEvent]:
        """The announcement's words are being spoken: hold the count-in until they end."""
        out = self.tick(now)
        if self.state is State.PREPARE and self._words is Words.NONE:
            self._words = Words.SPEAKING
        return out

    def words_done(self, now: float) -> list[CueEvent]:
        """The words have ended (or the engine gave up): the count-in follows a breath later,
        or at the end of the get-ready time if that is later."""
        if self.state is State.PREPARE and self._words is Words.SPEAKING:
            self._words = Words.DONE
            self._words_done_at = now
        return self.tick(now)

    def count_rep(self, now: float) -> list[CueEvent]:
        """Manual pacing: the user says one rep is done (Space)."""
        if self.plan.pacing is not Pacing.MANUAL:
            raise SessionError("reps are counted by the app in auto pacing")
        out = self.tick(now)
        if self.state is State.PREPARE:  # counting during preparation starts the set
            out += self._start_reps(now)
        if self.state is not State.REP:
            return out
        planned = self.current
        rep = self.reps_done + 1
        out.append(self._fire(CueEvent(CueKind.REP_DONE, now, self.set_index, rep=rep)))
        self._rep_start = now
        if self.reps_done >= planned.reps:
            out += self._finish_set(now, skipped=False)
            out += self.tick(now)  # the next set's announcement is due at once
        else:
            out += self._rep_start_cues(planned, self.reps_done, now)
        return out

    def pause(self, now: float) -> list[CueEvent]:
        out = self.tick(now)
        if not self.is_running:
            return out
        self._paused_in = self.state
        self._paused_at = now
        self.state = State.PAUSED
        self._pending = []
        self._seg_end = None
        out.append(CueEvent(CueKind.PAUSED, now, self.set_index))
        return out

    def resume(self, now: float) -> list[CueEvent]:
        """Back from a pause: re-announce a set not yet started, else count in and redo the
        interrupted rep from its start (half a rep is no use to the muscle)."""
        if self.state is not State.PAUSED:
            return []
        paused_in, self._paused_in = self._paused_in, None
        out = [CueEvent(CueKind.RESUMED, now, self.set_index)]
        if paused_in is State.PREPARE:
            self._start_prepare(now)
        elif self.plan.pacing is Pacing.MANUAL:
            self._enter_reps(now)
        else:
            self._start_count_in(now)
        return out + self.tick(now)

    def toggle_pause(self, now: float) -> list[CueEvent]:
        return self.resume(now) if self.state is State.PAUSED else self.pause(now)

    def skip(self, now: float) -> list[CueEvent]:
        """Move on: past the preparation or count-in, or past the rest of this set."""
        out = self.tick(now)
        if self.state is State.PAUSED:
            # Skipping while paused moves past the set once its reps began, else past the
            # preparation; either way the session runs again.
            started = self._paused_in is State.REP or self.reps_done > 0
            self.state = State.REP if started else State.PREPARE
            self._paused_in = None
        if self.state is State.PREPARE:
            if self.plan.pacing is Pacing.AUTO:
                self._start_count_in(now)
            else:
                self._enter_reps(now)
        elif self.state is State.COUNT_IN:
            out += self._start_reps(now)
        elif self.state is State.REP:
            out += self._finish_set(now, skipped=True)
        return out + self.tick(now)

    def stop(self, now: float, reason: EndReason) -> list[CueEvent]:
        """End early; the sets already done stay recorded, the current one as partial."""
        if self.is_over:
            return []
        if self.state is State.CHECK_IN:
            self.started_at = now
        out = self.tick(now) if self.is_running else []
        if self.state in (State.REP, State.PAUSED, State.COUNT_IN) and self.reps_done > 0:
            self._record(SetStatus.PARTIAL)
        self.state = State.STOPPED
        self.end_reason = reason
        self.ended_at = now
        self._pending, self._seg_end = [], None
        kind = CueKind.STOPPED_PAIN if reason is EndReason.PAIN else CueKind.STOPPED
        out.append(CueEvent(kind, now, self.set_index))
        return out

    # ----- segments -------------------------------------------------------------------
    def _start_prepare(self, at: float) -> None:
        planned = self.current
        self.state = State.PREPARE
        self.reps_done = 0
        self._seg_start = at
        self._seg_end = at + self.plan.timing.prepare_seconds(planned.transition)
        self._words = Words.NONE
        kind = _ANNOUNCE_FOR[planned.transition]
        self._pending = [CueEvent(kind, at, self.set_index, words=planned.words)]

    def _start_count_in(self, at: float) -> None:
        timing = self.plan.timing
        self.state = State.COUNT_IN
        self._seg_start = at
        self._seg_end = at + timing.count_in_seconds
        beats = timing.count_in_beats
        self._pending = [
            CueEvent(
                CueKind.COUNT_IN, at + k * timing.count_in_beat, self.set_index, count=beats - k
            )
            for k in range(beats)
        ]

    def _start_reps(self, at: float) -> list[CueEvent]:
        if self.plan.pacing is Pacing.MANUAL:
            self._enter_reps(at)
            return self._rep_start_cues(self.current, self.reps_done, at)
        self._schedule_reps(at)
        return self.tick(at)

    def _enter_reps(self, at: float) -> None:
        self.state = State.REP
        self._seg_start = at
        self._rep_start = at
        self._seg_end = None
        self._pending = []

    def _schedule_reps(self, at: float) -> None:
        """Auto pacing: every phase of every remaining rep, from one absolute origin."""
        planned = self.current
        period = planned.seconds_per_rep
        offsets = planned.phase_offsets()
        first = self.reps_done
        self.state = State.REP
        self._seg_start = at
        self._seg_end = at + (planned.reps - first) * period
        events: list[CueEvent] = []
        for k in range(first, planned.reps):
            start = at + (k - first) * period
            if k > first:
                events.append(CueEvent(CueKind.REP_DONE, start, self.set_index, rep=k))
            events += self._rep_start_cues(planned, k, start, offsets)
        self._pending = events

    def _rep_start_cues(
        self,
        planned: PlannedSet,
        k: int,
        start: float,
        offsets: list[float] | None = None,
    ) -> list[CueEvent]:
        """Cues for rep index k (0-based) starting at `start`."""
        cues: list[CueEvent] = []
        if planned.reps >= MIN_REPS_FOR_HALFWAY and k == planned.reps // 2:
            cues.append(CueEvent(CueKind.HALFWAY, start, planned.index, rep=k + 1))
        if k == planned.reps - 1:
            cues.append(CueEvent(CueKind.LAST_REP, start, planned.index, rep=k + 1))
        phases = planned.routine.phases
        for j, phase in enumerate(phases):
            if offsets is None and j > 0:
                break  # manual pacing: the user moves at their own speed
            at = start + (offsets[j] if offsets else 0.0)
            cues.append(
                CueEvent(
                    CueKind.REP_PHASE, at, planned.index, rep=k + 1, phase=j, phase_id=phase.id
                )
            )
        return cues

    def _end_segment(self, at: float) -> list[CueEvent]:
        """The current segment ran its full length: start the next one at its planned time."""
        if self.state is State.PREPARE:
            if self.plan.pacing is Pacing.AUTO:
                self._start_count_in(at)
            else:
                self._enter_reps(at)
                self._pending = self._rep_start_cues(self.current, 0, at)
        elif self.state is State.COUNT_IN:
            self._schedule_reps(at)
        elif self.state is State.REP:
            return self._finish_set(at, skipped=False)
        return []

    def _finish_set(self, at: float, skipped: bool) -> list[CueEvent]:
        """Record the set, then announce the next one or end the session. Returns the events
        for `at`: those already fired by the caller are not repeated."""
        planned = self.current
        if not skipped:
            self.reps_done = planned.reps
        cues: list[CueEvent] = []
        if not skipped and self.plan.pacing is Pacing.AUTO:
            cues.append(CueEvent(CueKind.REP_DONE, at, self.set_index, rep=planned.reps))
        self._record(SetStatus.SKIPPED if skipped else SetStatus.COMPLETED)
        cues.append(CueEvent(CueKind.SET_DONE, at, planned.index))
        if self.set_index + 1 >= len(self.plan):
            self.state = State.DONE
            # Reaching the end by skipping every set is not practice: call it stopped.
            practised = any(r.reps_done > 0 for r in self.results)
            self.end_reason = EndReason.COMPLETED if practised else EndReason.USER
            self.ended_at = at
            self._seg_end, self._pending = None, []
            cues.append(CueEvent(CueKind.SESSION_DONE, at, planned.index, words=self.plan.closing))
            return [self._fire(c) for c in cues]
        self.set_index += 1
        fired = [self._fire(c) for c in cues]
        self._start_prepare(at)
        return fired

    def _record(self, status: SetStatus) -> None:
        planned = self.current
        self.results.append(
            SetResult(
                set_index=planned.index,
                routine_id=planned.routine.id,
                template_id=planned.template.id,
                leg=planned.leg.value,
                target=planned.reps,
                reps_done=self.reps_done,
                status=status,
            )
        )

    def _fire(self, event: CueEvent) -> CueEvent:
        if event.kind is CueKind.REP_DONE:
            self.reps_done = max(self.reps_done, event.rep)
        return event

    def _phase_at(self, planned: PlannedSet, now: float) -> tuple[int, float]:
        period = planned.seconds_per_rep
        into_rep = (now - self._seg_start) % period if now >= self._seg_start else 0.0
        offsets = [*planned.phase_offsets(), period]
        for j in range(len(offsets) - 1):
            if into_rep < offsets[j + 1]:
                span = offsets[j + 1] - offsets[j]
                return j, (into_rep - offsets[j]) / span if span else 0.0
        return len(offsets) - 2, 1.0
