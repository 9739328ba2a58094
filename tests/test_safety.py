"""The safety gate before the routines: any one red flag blocks the session on its own."""

from __future__ import annotations

import pytest

from knee_coach.core.safety import RED_FLAGS, safety_gate


def test_no_red_flag_lets_the_session_start() -> None:
    result = safety_gate(set())
    assert result.ok and result.flags == ()


@pytest.mark.parametrize("flag", [f.id for f in RED_FLAGS])
def test_each_red_flag_alone_blocks_the_session(flag: str) -> None:
    result = safety_gate({flag})
    assert not result.ok
    assert result.flags == (flag,)


def test_the_article_s_three_red_flags_are_asked() -> None:
    assert [f.id for f in RED_FLAGS] == ["sharp_pain", "swelling", "heat"]


def test_every_flag_reported_is_named_in_the_order_they_are_asked() -> None:
    result = safety_gate(frozenset({"heat", "sharp_pain", "swelling"}))
    assert not result.ok and result.flags == ("sharp_pain", "swelling", "heat")


@pytest.mark.parametrize("flags", [{"dizzy"}, {"heat", "Heat"}, {""}])
def test_an_unknown_flag_is_an_error_not_a_pass(flags: set[str]) -> None:
    with pytest.raises(ValueError, match="unknown safety flags"):
        safety_gate(flags)


def test_the_advice_after_a_stop_for_pain_fits_the_routine_it_came_in() -> None:
    from knee_coach.core.safety import STOP_ADVICE, STOP_ADVICE_FOR_ROUTINE, stop_advice

    assert stop_advice(None) == (STOP_ADVICE,)  # before any routine: the general advice
    assert stop_advice("no_such_routine") == (STOP_ADVICE,)
    assert set(STOP_ADVICE_FOR_ROUTINE) == {"hamstring_glide", "popliteus_release"}
    for routine_id, fitted in STOP_ADVICE_FOR_ROUTINE.items():
        assert stop_advice(routine_id) == (STOP_ADVICE, fitted)
