"""The app as a screen reader meets it: the real app in its own process on a private X server
and AT-SPI bus, read and driven by an AT-SPI client (tests/atspi_agent.py) in another process.

CI installs Xvfb, dbus, at-spi2-core and python3-pyatspi (scripts/debian-test-packages.txt);
without them these tests fail, they do not skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.a11y_desktop import MISSING, App, Desktop, Node, missing_tools, until

# Roles a person can act on; each must say what it is.
CONTROLS = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "spin button",
    "slider",
    "menu item",
    "list item",
    "page tab",
}


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    missing = missing_tools()
    if missing:
        pytest.fail(f"{MISSING}; missing: {', '.join(missing)}")
    place = Desktop(tmp_path_factory.mktemp("desktop"))
    try:
        yield place
    finally:
        place.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


def unnamed_controls(app: App) -> list[Node]:
    """Focusable controls on screen that a screen reader could only call by their role."""
    return [
        n
        for n in app.showing()
        if n.focusable and n.role in CONTROLS | {"filler", "panel"} and not n.name.strip()
    ]


def announcements(app: App) -> list[str]:
    """What the app asked the screen reader to say since last asked."""
    return [str(e.get("text", "")) for e in app.events() if e["type"] == "object:announcement"]


def assert_all_named(app: App, where: str) -> None:
    unnamed = unnamed_controls(app)
    assert not unnamed, f"{where}: focusable without a name: " + "; ".join(
        f"{n.role} at {n.path}" for n in unnamed
    )


def test_the_check_in_page_has_a_name_for_every_control_and_the_legs_choice(
    desktop: Desktop, data_dir: Path
) -> None:
    with desktop.app(data_dir) as app:
        app.find("push button", "Continue")
        assert_all_named(app, "check-in")
        names = {n.name for n in app.showing() if n.focusable}
        assert {"Right leg", "Left leg", "Both legs"} <= names
        legs = next(n for n in app.showing() if n.name == "Both legs")
        assert "checked" in legs.states


def test_a_rating_row_reports_the_value_typed_into_it(desktop: Desktop, data_dir: Path) -> None:
    with desktop.app(data_dir) as app:
        row = app.find("filler", "Right knee: pain")
        assert "not rated" in row.name
        app.focus(row)

        def typed() -> list[object]:
            # A digit typed within half a second of the page appearing is not taken as an
            # answer (it may be a key meant for the screen before): type it until it counts.
            app.type("4")
            return [n for n in app.showing() if n.name == "Right knee: pain: 4 of 10"]

        right = until(typed, what="the row's name with its value")
        assert "no pain" in right[0].description  # what 0 and 10 mean


def test_a_whole_session_is_started_paused_skipped_and_stopped_through_atspi_alone(
    desktop: Desktop, data_dir: Path
) -> None:
    with desktop.app(data_dir) as app:
        app.press("Skip")  # the check-in
        app.find("check box", "")  # the safety questions show
        assert_all_named(app, "safety")
        app.press("Start the session")
        app.find("push button", "Pause")
        assert_all_named(app, "session")
        set_count = app.find("label", "Set 1 of")
        hurts = app.find("push button", "Stop: it hurts")
        assert hurts.description, "the stop-for-pain button says what it does"
        heard = until(lambda: announcements(app), what="an announcement")
        assert heard[0].startswith("Routine 1 of 2: "), heard  # the set's start, once
        assert "Set 1 of" in heard[0]
        app.press("Pause")
        app.find("push button", "Resume")
        assert "Paused" in until(lambda: announcements(app), what="paused, announced")
        app.press("Resume")
        app.find("push button", "Pause")
        second = set_count.name.replace("Set 1 of", "Set 2 of")

        def skipped_to_the_next_set() -> bool:
            app.press("Skip")  # past the preparation, the count-in, then the set
            return any(n.name == second for n in app.showing())

        until(skipped_to_the_next_set, what=second)
        assert any(text.startswith("Switch side. Set 2 of") for text in announcements(app))
        app.press("Stop")
        app.find("push button", "See the summary")  # the check-out
        assert_all_named(app, "check-out")
        app.press("Skip")
        app.find("push button", "Done")
        assert_all_named(app, "summary")
        figure = app.find("label", "Hamstring glide: ")  # the figure says what it counts
        assert figure.name.endswith(" reps"), figure.name
        app.press("Done")
        app.find("push button", "Continue")


def test_the_settings_dialog_names_every_control(desktop: Desktop, data_dir: Path) -> None:
    with desktop.app(data_dir) as app:
        app.press("Settings")
        until(lambda: any(n.role == "dialog" for n in app.showing()), what="the dialog")
        assert_all_named(app, "settings")
        app.press("Cancel")
        until(lambda: not any(n.role == "dialog" for n in app.showing()), what="dialog closed")


def test_help_lists_the_keyboard_shortcuts_in_a_named_table_left_with_tab(
    desktop: Desktop, data_dir: Path
) -> None:
    with desktop.app(data_dir) as app:
        app.press_menu_item("Keyboard shortcuts")
        table = app.find("table", "Keyboard shortcuts")
        assert "focused" in table.states
        cells = {n.name for n in app.showing() if n.role == "table cell"}
        assert {"Space", "Esc", "H", "F1"} <= cells
        assert_all_named(app, "keyboard shortcuts")
        app.key("Tab")  # out of the table to the Close button: no trap
        until(lambda: "focused" in app.find("push button", "Close").states, what="Close focused")
        app.press("Close")
        until(lambda: not any(n.role == "dialog" for n in app.showing()), what="dialog closed")


def test_the_history_window_gives_its_chart_in_words(desktop: Desktop, data_dir: Path) -> None:
    with desktop.app(data_dir) as app:
        app.press_menu_item("History and weekly review")
        chart = app.find("panel", "Chart of pain and sessions over time", timeout=60)
        # The weekly table and the change, as a screen reader reads the chart's description.
        assert "Sessions: this week 0, last week 0." in chart.description, chart.description
        assert "No practice today or yesterday yet." in chart.description
        assert_all_named(app, "history")


def test_the_report_dialog_names_every_control(desktop: Desktop, data_dir: Path) -> None:
    with desktop.app(data_dir) as app:
        app.press_menu_item("Report for your clinician…")
        until(lambda: any(n.role == "dialog" for n in app.showing()), what="the dialog")
        assert_all_named(app, "report")
