"""Spoken guidance: what each announcement tells, and the count-in held until it is said.

Driven by a fake clock; "the voice" here is the test reporting the words started and done,
as the cue player does from the speech engine's state.
"""

from __future__ import annotations

import pytest

from knee_coach.core import guidance
from knee_coach.core.clock import FakeClock
from knee_coach.core.cues import ANNOUNCE_KINDS, CueEvent, CueKind
from knee_coach.core.guidance import Guidance
from knee_coach.core.model import LegChoice
from knee_coach.core.plan import Timing, build_plan
from knee_coach.core.session import Session, State
from knee_coach.core.settings import Settings, SettingsError

NEVER_THE_CENTRE = "Never press the centre itself: nerves and blood vessels run there."


def announcements(plan_guidance: Guidance, legs: LegChoice = LegChoice.BOTH) -> list[CueEvent]:
    """Every announcement of a whole session, with nothing paused or skipped."""
    clock = FakeClock()
    session = Session(build_plan(Settings(legs=legs), spoken=plan_guidance))
    events = session.begin(clock.now())
    while not session.is_over:
        deadline = session.next_deadline()
        assert deadline is not None
        clock.set(deadline)
        events += session.tick(clock.now())
    return [e for e in events if e.kind in ANNOUNCE_KINDS or e.kind is CueKind.SESSION_DONE]


def test_full_guidance_tells_each_instruction_the_first_time_and_only_the_place_after() -> None:
    said = [(e.kind, e.words) for e in announcements(Guidance.FULL)]
    r1, r2 = guidance.ROUTINE_WORDS["hamstring_glide"], guidance.ROUTINE_WORDS["popliteus_release"]
    inner = guidance.SET_WORDS[("hamstring_glide", "inner")]
    outer_hands = guidance.SET_WORDS[("hamstring_glide", "outer")][0]
    thumbs = guidance.SET_WORDS[("popliteus_release", "both_points")]
    assert said == [
        # Right leg, inner side: how to stop, how to sit, the hands, the movement.
        (CueKind.SESSION_START, (guidance.HOW_TO_STOP, *r1, *inner)),
        # Right leg, outer side: only the new hand position; the movement was told.
        (CueKind.SWITCH_SIDE, (outer_hands,)),
        (CueKind.SWITCH_LEG, ()),  # left leg, inner: the place only
        (CueKind.SWITCH_SIDE, ()),
        # Routine 2: how to sit, the thumbs, never the centre and why, the swing, the pain.
        (CueKind.NEXT_ROUTINE, (*r2, *thumbs)),
        (CueKind.SWITCH_LEG, ()),
        (CueKind.SESSION_DONE, (guidance.CHECK_OUT,)),
    ]
    assert NEVER_THE_CENTRE in thumbs
    assert guidance.HOW_TO_STOP.count("press H") == 1


def test_full_guidance_with_one_leg_still_tells_everything_once() -> None:
    said = [e.words for e in announcements(Guidance.FULL, LegChoice.LEFT)]
    flat = [w for words in said for w in words]
    assert len(flat) == len(set(flat))
    assert flat[0] == guidance.HOW_TO_STOP
    assert NEVER_THE_CENTRE in said[2]
    assert said[-1] == (guidance.CHECK_OUT,)


@pytest.mark.parametrize("level", [Guidance.SHORT, Guidance.OFF])
def test_short_and_off_carry_no_instructions(level: Guidance) -> None:
    assert all(e.words == () for e in announcements(level))
    assert build_plan(Settings(), spoken=level).guidance is level


def test_auto_is_full_for_the_first_three_completed_sessions_then_short() -> None:
    assert [guidance.resolve("auto", n) for n in range(5)] == [
        Guidance.FULL,
        Guidance.FULL,
        Guidance.FULL,
        Guidance.SHORT,
        Guidance.SHORT,
    ]
    assert guidance.resolve("full", 50) is Guidance.FULL
    assert guidance.resolve("short", 0) is Guidance.SHORT
    assert guidance.resolve("off", 0) is Guidance.OFF


def test_the_guidance_setting_defaults_to_auto_is_kept_and_is_checked() -> None:
    assert Settings().guidance == "auto"
    stored = Settings(guidance="off").to_dict()
    assert Settings.from_dict(stored).guidance == "off"
    assert Settings.from_dict({}).guidance == "auto"  # files from before it existed
    with pytest.raises(SettingsError):
        Settings(guidance="loud")


# ----- the count-in waits for the words -----------------------------------------------------
TIMING = Timing()  # start: 6 s to get ready, 1 s after the words, at most 60 s in all


def begun() -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(build_plan(Settings(), spoken=Guidance.FULL, timing=TIMING))
    session.begin(clock.now())
    return session, clock


def first_count_in(session: Session, clock: FakeClock, until: float) -> float | None:
    """Tick every 50 ms up to `until` seconds from now; when the count-in's 3 came, if it did."""
    end = clock.now() + until
    while clock.now() < end:
        clock.advance(0.05)
        for event in session.tick(clock.now()):
            if event.kind is CueKind.COUNT_IN:
                return event.at
    return None


def test_the_count_in_starts_only_a_breath_after_the_engine_reports_the_words_said() -> None:
    session, clock = begun()
    start = clock.now()
    clock.advance(0.4)
    session.words_started(clock.now())  # the words of the announcement are being said
    # The get-ready time (6 s) is long over; the words go on for 14 s: nothing is counted.
    assert first_count_in(session, clock, 14.0 - 0.4) is None
    snap = session.snapshot(clock.now())
    assert snap.state is State.PREPARE and snap.listening and snap.prepare_left == 0.0
    session.words_done(clock.now())
    done = clock.now()
    assert not session.snapshot(done).listening
    at = first_count_in(session, clock, 2.0)
    assert at == pytest.approx(done + TIMING.after_words)
    assert at - start > TIMING.prepare_seconds(session.plan[0].transition)


def test_short_words_keep_the_get_ready_time_as_it_is() -> None:
    session, clock = begun()
    start = clock.now()
    session.words_started(clock.now())
    clock.advance(2.0)
    session.words_done(clock.now())
    assert first_count_in(session, clock, 10.0) == pytest.approx(start + 6.0)


def test_without_a_voice_nothing_is_held() -> None:
    session, clock = begun()
    start = clock.now()
    assert first_count_in(session, clock, 10.0) == pytest.approx(start + 6.0)


def test_an_engine_that_never_reports_done_holds_the_count_in_no_longer_than_the_limit() -> None:
    session, clock = begun()
    start = clock.now()
    session.words_started(clock.now())
    assert session.next_deadline() == pytest.approx(start + TIMING.words_limit)
    at = first_count_in(session, clock, TIMING.words_limit + 1.0)
    assert at == pytest.approx(start + TIMING.words_limit)
    # A report that comes too late changes nothing.
    session.words_done(clock.now())
    assert session.state is State.COUNT_IN


def test_pausing_during_the_words_holds_the_session_and_resuming_says_them_again() -> None:
    session, clock = begun()
    clock.advance(0.5)
    session.words_started(clock.now())
    clock.advance(3.0)
    out = session.pause(clock.now())
    assert [e.kind for e in out] == [CueKind.PAUSED]
    session.words_done(clock.now())  # the voice was cut short by the pause
    assert session.next_deadline() is None
    clock.advance(120.0)  # a long pause, far past the limit: still paused, nothing due
    assert session.tick(clock.now()) == [] and session.state is State.PAUSED
    out = session.resume(clock.now())
    again = [e for e in out if e.kind is CueKind.SESSION_START]
    assert len(again) == 1 and again[0].words == session.plan[0].words
    resumed = clock.now()
    session.words_started(clock.now())
    clock.advance(9.0)
    session.words_done(clock.now())
    assert first_count_in(session, clock, 2.0) == pytest.approx(resumed + 9.0 + 1.0)


def test_skipping_the_get_ready_time_does_not_wait_for_the_words() -> None:
    session, clock = begun()
    session.words_started(clock.now())
    out = session.skip(clock.now())
    assert CueKind.COUNT_IN in [e.kind for e in out]
    assert session.state is State.COUNT_IN


def spoken_japanese() -> dict[str, str]:
    """Every Japanese translation the voice speaks, by its English source."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).parent.parent / "knee_coach" / "i18n" / "knee_coach_ja.ts"
    return {
        message.findtext("source") or "": message.findtext("translation") or ""
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") in ("speech", guidance.CTX)
        for message in context.iter("message")
    }


def test_the_voice_is_given_japanese_in_kana_it_reads_right() -> None:
    said = spoken_japanese()
    every = [w for words in guidance.SET_WORDS.values() for w in words]
    every += [w for words in guidance.ROUTINE_WORDS.values() for w in words]
    assert set(every) | {guidance.HOW_TO_STOP, guidance.CHECK_OUT} <= set(said)
    for source, japanese in said.items():
        # espeak-ng's Japanese voice reads each kanji as "Chinese letter"...
        assert not any("\u3400" <= c <= "\u9fff" for c in japanese), (source, japanese)
        # ...and り with a small ya/yu/yo with a stray vowel (りょう: "ryaou").
        assert not any(k in japanese for k in ("りゃ", "りゅ", "りょ")), (source, japanese)
    assert said[NEVER_THE_CENTRE].startswith("ちゅうおうを")  # 中央, as on the screen


def test_how_to_sit_is_said_only_before_a_routine_s_first_set() -> None:
    glide = guidance.SET_WORDS[("hamstring_glide", "outer")]
    assert guidance.instructions("hamstring_glide", "outer", first_of_routine=False) == glide
    assert guidance.instructions("hamstring_glide", "outer", first_of_routine=True) == (
        *guidance.ROUTINE_WORDS["hamstring_glide"],
        *glide,
    )
    # A set or routine without instructions of its own gets none, rather than an error.
    assert (
        guidance.instructions("hamstring_glide", "no_such_set", first_of_routine=True)
        == (guidance.ROUTINE_WORDS["hamstring_glide"])
    )
    assert guidance.instructions("no_such_routine", "inner", first_of_routine=True) == ()
