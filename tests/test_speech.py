"""What the voice says: readings, one utterance per instant, set names, language fallback."""

from __future__ import annotations

import pytest

from knee_coach.audio.speech import Phrasebook, japanese_number, resolve_language
from knee_coach.core.cues import CueEvent, CueKind
from knee_coach.core.model import LegChoice
from knee_coach.core.plan import build_plan
from knee_coach.core.settings import Settings


def english(context: str, text: str) -> str:
    assert context == "speech"
    return text


JA = {
    "Right leg": "右脚",
    "Left leg": "左脚",
    "inner side": "内側",
    "outer side": "外側",
    "both thumbs": "両手の親指",
    "{leg}, {side}": "{leg}、{side}",
    "{number}, last one": "{number}、ラスト",
    "Next routine. {set}": "次の運動。{set}",
    "{place}.": "{place}。",
}


def japanese(context: str, text: str) -> str:
    return JA.get(text, text)


@pytest.mark.parametrize(
    ("n", "reading"),
    [
        (1, "いち"),
        (4, "よん"),
        (7, "なな"),
        (9, "きゅう"),
        (10, "じゅう"),
        (14, "じゅうよん"),
        (20, "にじゅう"),
        (30, "さんじゅう"),
        (99, "きゅうじゅうきゅう"),
    ],
)
def test_japanese_counting_readings(n: int, reading: str) -> None:
    assert japanese_number(n) == reading


def test_japanese_reading_out_of_range_is_an_error() -> None:
    with pytest.raises(ValueError):
        japanese_number(0)


def plan():  # type: ignore[no-untyped-def]
    return build_plan(Settings(legs=LegChoice.BOTH))


def rep(at: float, n: int, phase: int = 0, phase_id: str = "bend") -> CueEvent:
    return CueEvent(CueKind.REP_PHASE, at, 0, rep=n, phase=phase, phase_id=phase_id)


def test_english_counts_numbers_on_the_first_phase_only() -> None:
    book = Phrasebook("en", english, plan())
    events = [
        CueEvent(CueKind.COUNT_IN, 1.0, 0, count=3),
        rep(4.0, 1),
        rep(6.0, 1, phase=1, phase_id="straighten"),
        CueEvent(CueKind.REP_DONE, 8.0, 0, rep=1),
        rep(8.0, 2),
    ]
    assert [(u.at, u.text) for u in book.utterances(events)] == [
        (1.0, "3"),
        (4.0, "1"),
        (8.0, "2"),
    ]


def test_announcements_name_the_set_and_outrank_the_set_done() -> None:
    p = plan()
    book = Phrasebook("en", english, p)
    batch = [
        CueEvent(CueKind.SET_DONE, 50.0, 0),
        CueEvent(CueKind.SWITCH_SIDE, 50.0, 1),
    ]
    assert [u.text for u in book.utterances(batch)] == ["Right leg, outer side"]
    start = [CueEvent(CueKind.SESSION_START, 0.0, 0)]
    assert book.utterances(start)[0].text == "Right leg, inner side"
    routine2 = next(s.index for s in p.sets if s.routine.id == "popliteus_release")
    said = book.text_for(CueEvent(CueKind.NEXT_ROUTINE, 0.0, routine2))
    assert said == "Next routine. Right leg, both thumbs"


def test_last_rep_and_stop_for_pain_are_spoken() -> None:
    book = Phrasebook("en", english, plan())
    last = [CueEvent(CueKind.LAST_REP, 9.0, 0, rep=10), rep(9.0, 10)]
    assert [u.text for u in book.utterances(last)] == ["10, last one"]
    pain = book.text_for(CueEvent(CueKind.STOPPED_PAIN, 1.0, 0))
    assert pain is not None and "advice" in pain
    assert book.text_for(CueEvent(CueKind.HALFWAY, 1.0, 0, rep=6)) is None


def test_japanese_uses_readings_and_translations() -> None:
    book = Phrasebook("ja", japanese, plan())
    assert book.text_for(CueEvent(CueKind.COUNT_IN, 1.0, 0, count=3)) == "さん"
    assert book.text_for(rep(2.0, 7)) == "なな"
    assert book.text_for(CueEvent(CueKind.SESSION_START, 0.0, 0)) == "右脚、内側"
    assert book.text_for(CueEvent(CueKind.LAST_REP, 9.0, 0, rep=10)) == "じゅう、ラスト"


def test_japanese_without_a_translation_stays_silent_rather_than_read_english() -> None:
    book = Phrasebook("ja", english, plan())
    assert book.text_for(CueEvent(CueKind.SESSION_START, 0.0, 0)) is None
    assert book.text_for(CueEvent(CueKind.SESSION_DONE, 0.0, 0)) is None
    assert book.text_for(rep(2.0, 3)) == "さん"  # numbers need no translation


def test_resolve_language_follows_the_system_only_when_asked() -> None:
    assert resolve_language("system", "ja_JP") == "ja"
    assert resolve_language("system", "en_GB") == "en"
    assert resolve_language("system", "de_DE") == "en"
    assert resolve_language("en", "ja_JP") == "en"
    assert resolve_language("ja", "en_US") == "ja"


def test_a_full_announcement_says_the_place_then_each_instruction() -> None:
    from knee_coach.core import guidance
    from knee_coach.core.guidance import Guidance

    p = build_plan(Settings(), spoken=Guidance.FULL)
    book = Phrasebook("en", lambda _context, text: text, p)
    start = CueEvent(CueKind.SESSION_START, 0.0, 0, words=p[0].words)
    [said] = book.utterances([start])
    assert said.announces
    assert said.text.startswith("Right leg, inner side. If your knee hurts")
    assert said.text.endswith("as the leg straightens.")
    done = CueEvent(CueKind.SESSION_DONE, 9.0, 5, words=p.closing)
    assert book.text_for(done) == f"Well done. Session complete. {guidance.CHECK_OUT}"
    # Counts are not announcements: the session does not wait for them.
    assert not book.utterances([CueEvent(CueKind.COUNT_IN, 1.0, 0, count=3)])[0].announces


def test_with_guidance_off_announcements_are_left_to_their_tones() -> None:
    from knee_coach.core.guidance import Guidance

    book = Phrasebook("en", english, build_plan(Settings(), spoken=Guidance.OFF))
    assert book.text_for(CueEvent(CueKind.SESSION_START, 0.0, 0)) is None
    assert book.text_for(CueEvent(CueKind.SWITCH_LEG, 0.0, 2)) is None
    assert book.text_for(CueEvent(CueKind.COUNT_IN, 1.0, 0, count=3)) == "3"


def test_japanese_instructions_follow_the_place_without_spaces() -> None:
    from knee_coach.core import guidance

    words = {guidance.HOW_TO_STOP: "いたくなったら、エイチキーを おしてください。"}

    def translate(context: str, text: str) -> str:
        return words.get(text, text) if context == guidance.CTX else JA.get(text, text)

    book = Phrasebook("ja", translate, plan())
    start = CueEvent(CueKind.SESSION_START, 0.0, 0, words=(guidance.HOW_TO_STOP, "Untranslated."))
    # An instruction with no Japanese yet is left out rather than read in English.
    assert book.text_for(start) == "右脚、内側。いたくなったら、エイチキーを おしてください。"
