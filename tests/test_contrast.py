"""Contrast of text and controls meets WCAG 2.2 AA: 4.5:1 for text, 3:1 for the edges of controls,
the focus ring and the chart's lines. The colours come from the app's own style module and
stylesheet, so a colour changed there is checked here."""

from __future__ import annotations

import re

import pytest

from knee_coach.ui import style

TEXT, GRAPHICS = 4.5, 3.0


def luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour "#rrggbb" (WCAG 2.2)."""
    value = {"white": "#ffffff", "black": "#000000"}.get(colour, colour)
    channels = [int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_formula_gives_the_known_extremes() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def stylesheet_rules() -> list[tuple[str, dict[str, str]]]:
    """(selector, {property: value}) for every rule of the window's stylesheet."""
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style.stylesheet("en")):
        props = {}
        for declaration in body.split(";"):
            name, _, value = declaration.partition(":")
            if value.strip():
                props[name.strip()] = value.strip()
        rules.append((selector.strip(), props))
    return rules


def colour_of(value: str) -> str | None:
    found = re.search(r"#[0-9a-fA-F]{6}\b|\bwhite\b|\bblack\b", value)
    return found.group(0) if found else None


def test_every_rule_with_its_own_text_and_background_colours_reads_at_4_5_to_1() -> None:
    checked = 0
    for selector, props in stylesheet_rules():
        if ":disabled" in selector or "transparent" in props.get("color", ""):
            continue  # disabled controls are exempt; the progress bar's text is hidden
        fg = colour_of(props.get("color", ""))
        bg = colour_of(props.get("background", ""))
        if fg and bg:
            checked += 1
            assert ratio(fg, bg) >= TEXT, f"{selector}: {fg} on {bg} is {ratio(fg, bg):.2f}:1"
    assert checked >= 4  # the buttons, the chosen ratings and choices


@pytest.mark.parametrize(
    ("what", "fg", "backgrounds"),
    [
        ("body text", style.INK, (style.PAPER, style.CARD, "#fff4e5", "#fdecea")),
        ("muted text", style.MUTED, (style.PAPER, style.CARD)),
        ("the phase", style.ACCENT_DARK, (style.PAPER, style.CARD)),
        ("a chosen rating box", style.CARD, (style.ACCENT,)),
        ("a rating box's digit", style.INK, (style.CARD,)),
        ("the settings' error", "#8a1f16", ("#fdecea",)),
    ],
)
def test_text_reads_at_4_5_to_1(what: str, fg: str, backgrounds: tuple[str, ...]) -> None:
    for bg in backgrounds:
        assert ratio(fg, bg) >= TEXT, f"{what}: {fg} on {bg} is {ratio(fg, bg):.2f}:1"


@pytest.mark.parametrize(
    ("what", "fg", "backgrounds"),
    [
        ("edges of buttons, boxes and fields", style.BORDER, (style.PAPER, style.CARD)),
        ("the focus ring and the right leg's line", style.ACCENT, (style.PAPER, style.CARD)),
        ("the stop-for-pain button", style.DANGER, (style.PAPER,)),
        ("the chart's axes and cursor", style.MUTED, (style.CARD,)),
    ],
)
def test_controls_and_lines_stand_out_at_3_to_1(
    what: str, fg: str, backgrounds: tuple[str, ...]
) -> None:
    for bg in backgrounds:
        assert ratio(fg, bg) >= GRAPHICS, f"{what}: {fg} on {bg} is {ratio(fg, bg):.2f}:1"


def test_the_left_legs_line_on_the_chart_stands_out_at_3_to_1() -> None:
    from knee_coach.ui.history_view import LEFT_COLOUR

    assert ratio(LEFT_COLOUR, style.CARD) >= GRAPHICS


FOCUSABLE = ("QPushButton", "QCheckBox", "QRadioButton", "QLineEdit")
FILLED = {'QPushButton[role="primary"]': style.ACCENT, 'QPushButton[role="hurts"]': style.DANGER}


def focus_ring(selector_part: str) -> tuple[int, str] | None:
    """(position, colour) of the last `:focus` rule that gives `selector_part` a border."""
    found = None
    for index, (selector, props) in enumerate(stylesheet_rules()):
        for one in (s.strip() for s in selector.split(",")):
            if one.startswith(selector_part) and one.endswith(":focus"):
                colour = colour_of(props.get("border", "") + props.get("border-color", ""))
                if colour:
                    found = (index, colour)
    return found


@pytest.mark.parametrize("control", [*FOCUSABLE, *FILLED])
def test_a_focused_control_shows_a_ring_at_3_to_1_that_no_later_rule_takes_away(
    control: str,
) -> None:
    ring = focus_ring(control)
    assert ring is not None, f"{control} has no :focus border"
    position, colour = ring
    for bg in (style.PAPER, style.CARD, *([FILLED[control]] if control in FILLED else [])):
        assert ratio(colour, bg) >= GRAPHICS, f"{control}: ring {colour} on {bg}"
    for selector, props in stylesheet_rules()[position + 1 :]:
        for one in (s.strip() for s in selector.split(",")):
            if one == control and "border" in props:  # a later, equally specific rule
                raise AssertionError(f"{selector} comes after the focus ring and replaces it")
