"""The history's CSV file format, shared by export and import: one row per session.

The file is UTF-8 with a byte-order mark (so Excel, Japanese Excel included, reads it as
UTF-8), comma separated, CRLF line ends, with the stable header `HEADER` (documented in
README.md). Times are ISO 8601 local times with their UTC offset. Cells that a spreadsheet
would run as a formula (starting with = + - @, a tab or a carriage return) are written with
a leading apostrophe, as is a cell that itself starts with one; import removes exactly that
apostrophe again, so export -> import -> export gives the same bytes.
"""

from __future__ import annotations

from knee_coach.core.model import Leg

# lupdate reads only literal contexts, so the markers spell it out; lookups use CTX.
CTX = "csv"
BOM = "\ufeff"
REPS_COLUMNS: tuple[tuple[str, str, Leg], ...] = (
    ("reps_hamstring_glide_right", "hamstring_glide", Leg.RIGHT),
    ("reps_hamstring_glide_left", "hamstring_glide", Leg.LEFT),
    ("reps_popliteus_release_right", "popliteus_release", Leg.RIGHT),
    ("reps_popliteus_release_left", "popliteus_release", Leg.LEFT),
)
HEADER: tuple[str, ...] = (
    "started",
    "ended",
    "end_reason",
    "legs",
    "before_pain_right",
    "before_pain_left",
    "before_tightness",
    "before_note",
    "after_pain_right",
    "after_pain_left",
    "after_tightness",
    "after_note",
    *(name for name, _, _ in REPS_COLUMNS),
)
COL = {name: i for i, name in enumerate(HEADER)}
MAX_REPS = 1000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
# (routine id, leg value) of each reps column, as the history's queries take them.
REPS_KEYS = tuple((routine_id, leg.value) for _, routine_id, leg in REPS_COLUMNS)


def neutralise(cell: str) -> str:
    """Stop a spreadsheet from running a cell as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell
