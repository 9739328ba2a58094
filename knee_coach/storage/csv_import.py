"""A CSV history file (the format is in csv_format.py) merged into the history.

Import validates the whole file first and then adds the new sessions in one transaction:
either every new row is stored or, on the first problem, nothing is.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from knee_coach.core.checkin import NOTE_MAX_CHARS, RATING_MAX, RATING_MIN
from knee_coach.core.i18n import QT_TRANSLATE_NOOP
from knee_coach.core.model import EndReason, LegChoice
from knee_coach.core.records import IMPORTED, offset_minutes
from knee_coach.storage.csv_format import (
    BOM,
    COL,
    CTX,
    HEADER,
    MAX_REPS,
    REPS_COLUMNS,
    REPS_KEYS,
)
from knee_coach.storage.history import HistoryStore, SessionValues

_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})\Z")
_INT = re.compile(r"[0-9]{1,6}\Z")
# Fast paths for the usual cells; anything else goes through the full checks.
_RATINGS = {str(n): n for n in range(RATING_MIN, RATING_MAX + 1)}
_REASONS = tuple(r.value for r in EndReason)
_LEGS = tuple(c.value for c in LegChoice)
_INTERRUPTED = EndReason.INTERRUPTED.value
_REPS_PLAIN = {str(n): n for n in range(MAX_REPS + 1)}
_REPS_CELLS = tuple((COL[name], name, _REPS_PLAIN) for name, _, _ in REPS_COLUMNS)
_NO_CHECK_IN = (None, None, None, None)
_MINUTES_SECONDS = frozenset(f":{m:02d}:{s:02d}" for m in range(60) for s in range(60))
T = TypeVar("T")
_NO_CHECK_IN_KEY = (None, None, None, "")  # what _key makes of _NO_CHECK_IN
# The offsets seen in time cells: suffix ("Z", "+09:00") -> (offset, offset in minutes).
_ZONES: dict[str, tuple[timedelta, int]] = {}
# A parsed row: (duplicate key, stored session values, reps per REPS_COLUMNS or None).
_Parsed = tuple[tuple[Any, ...], SessionValues, list[int | None]]

# Problems, each a whole sentence for translation; {line} and {column} always come first.
E_EMPTY = QT_TRANSLATE_NOOP("csv", "The file is empty: it has no header line.")
E_ENCODING = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, character {column}: the file is not UTF-8 text (byte {byte}). "
    "Save it as “CSV UTF-8” and try again.",
)
E_HEADER = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, column {column}: the header should say “{expected}” here but says "
    "“{found}”. This is not a Knee Coach history file, or it was changed.",
)
E_COLUMNS = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, column {column}: the row has {found} columns instead of {expected}. "
    "The file may be cut short or changed.",
)
E_SYNTAX = QT_TRANSLATE_NOOP(
    "csv", "Line {line}, column {column}: the file cannot be read as CSV ({detail})."
)
E_TIME = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, column {column} ({name}): “{value}” is not a date and time like "
    "2026-05-01T07:30:00+09:00.",
)
E_TIME_ORDER = QT_TRANSLATE_NOOP(
    "csv", "Line {line}, column {column} ({name}): the session ends before it starts."
)
E_REQUIRED = QT_TRANSLATE_NOOP("csv", "Line {line}, column {column} ({name}): a value is needed.")
E_CHOICE = QT_TRANSLATE_NOOP(
    "csv", "Line {line}, column {column} ({name}): “{value}” is not one of {choices}."
)
E_RATING = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, column {column} ({name}): “{value}” is not a rating; "
    "use a whole number from 0 to 10.",
)
E_REPS = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, column {column} ({name}): “{value}” is not a number of reps "
    "(a whole number from 0 to {max}).",
)
E_NOTE = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, column {column} ({name}): the note is longer than {max} characters.",
)
E_READ = QT_TRANSLATE_NOOP("csv", "The file cannot be read: {detail}")


class CsvImportError(ValueError):
    """A CSV file that cannot be imported; nothing was written."""

    def __init__(self, template: str, line: int = 0, column: int = 0, **args: object) -> None:
        self.template = template
        self.line = line
        self.column = column
        self.args_ = {"line": line, "column": column, **args}
        super().__init__(template.format(**self.args_))

    def message(self, translate: object = None) -> str:
        """The message, translated by `translate(context, text)` when given."""
        text = translate(CTX, self.template) if callable(translate) else self.template
        return str(text).format(**self.args_)


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # exact duplicates of stored sessions (or of earlier rows)


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        prefix = data[line_start : exc.start].decode("utf-8", errors="replace")
        raise CsvImportError(
            E_ENCODING, line, len(prefix) + 1, byte=f"0x{data[exc.start]:02X}"
        ) from exc
    return text[1:] if text.startswith(BOM) else text


def _rating(row: list[str], line: int, name: str) -> int | None:
    value = row[COL[name]]
    if value == "":
        return None
    if not _INT.match(value) or not RATING_MIN <= int(value) <= RATING_MAX:
        raise CsvImportError(E_RATING, line, COL[name] + 1, name=name, value=value)
    return int(value)


def _choice(row: list[str], line: int, name: str, choices: tuple[str, ...]) -> str:
    value = row[COL[name]]
    if value == "":
        raise CsvImportError(E_REQUIRED, line, COL[name] + 1, name=name)
    if value not in choices:
        raise CsvImportError(
            E_CHOICE, line, COL[name] + 1, name=name, value=value, choices=", ".join(choices)
        )
    return value


def _check_in(row: list[str], line: int, i: int) -> tuple[Any, ...]:
    """Stored values of the check-in in columns i .. i + 3 (right, left, tightness, note)."""
    # Plain 0..10 from the table; anything else ("07", or the error) is checked fully,
    # left to right, so the first bad cell is the one named.
    right = _RATINGS.get(row[i])
    if right is None and row[i] != "":
        right = _rating(row, line, HEADER[i])
    left = _RATINGS.get(row[i + 1])
    if left is None and row[i + 1] != "":
        left = _rating(row, line, HEADER[i + 1])
    tightness = _RATINGS.get(row[i + 2])
    if tightness is None and row[i + 2] != "":
        tightness = _rating(row, line, HEADER[i + 2])
    note = row[i + 3]
    if len(note) > NOTE_MAX_CHARS:
        raise CsvImportError(E_NOTE, line, i + 4, name=HEADER[i + 3], max=NOTE_MAX_CHARS)
    if right is None and left is None and tightness is None and note == "":
        return _NO_CHECK_IN
    return (right, left, tightness, note)


def _row(row: list[str], line: int) -> _Parsed:
    """One data row (unneutralised) as (duplicate key, stored session values, stored sets),
    or CsvImportError for its first bad cell, checked from left to right."""
    start = row[0]
    if start == "":
        raise CsvImportError(E_REQUIRED, line, 1, name="started")
    started, s_utc, s_off = _stored_time(start, line, "started")
    end = row[1]
    if not end:
        e_utc = e_off = None
    elif (
        end[13:19] in _MINUTES_SECONDS
        and end[:13] == start[:13]
        and end[19:] == start[19:]
        and s_off % 60 == 0
    ):
        # Ends in the hour it started, at an offset of whole hours (the usual session):
        # then it is a valid time, and its UTC text is the start's with the end's minutes
        # and seconds, so it need not be read whole (that takes about a third of a row).
        e_utc, e_off = s_utc[:13] + end[13:19] + "Z", s_off
        if e_utc < s_utc:
            raise CsvImportError(E_TIME_ORDER, line, COL["ended"] + 1, name="ended")
    else:
        ended, e_utc, e_off = _stored_time(end, line, "ended")
        if ended < started:
            raise CsvImportError(E_TIME_ORDER, line, COL["ended"] + 1, name="ended")
    reason = row[2]
    if reason not in _REASONS:
        _choice(row, line, "end_reason", _REASONS)  # raises the right error
    legs = row[3]
    if legs not in _LEGS:
        _choice(row, line, "legs", _LEGS)
    before = _check_in(row, line, 4)
    after = _check_in(row, line, 8)
    reps: list[int | None] = []
    for i, name, plain in _REPS_CELLS:
        value = row[i]
        if value == "":
            reps.append(None)
            continue
        n = plain.get(value)
        if n is None:  # not a plain 0..MAX_REPS: "007", or the error
            if not _INT.match(value) or int(value) > MAX_REPS:
                raise CsvImportError(E_REPS, line, i + 1, name=name, value=value, max=MAX_REPS)
            n = int(value)
        reps.append(n)
    # The duplicate key (see _key), built straight away.
    key = (
        s_utc,
        s_off,
        e_utc,
        e_off,
        reason,
        legs,
        *(_NO_CHECK_IN_KEY if before is _NO_CHECK_IN else before),
        *(_NO_CHECK_IN_KEY if after is _NO_CHECK_IN else after),
        *reps,
    )
    return key, (s_utc, s_off, e_utc, e_off, reason, legs, *before, *after), reps


def _stored_time(value: str, line: int, name: str) -> tuple[datetime, str, int]:
    """A time cell as stored: (its UTC wall time, without a zone, the same as UTC text,
    and its offset in minutes). The offset part (the text after the seconds, "Z" or
    "+09:00") is checked and read once per distinct offset, by reading the whole cell
    with datetime.fromisoformat; after that only the date and time are read."""
    if not _TIME.match(value):
        raise CsvImportError(E_TIME, line, COL[name] + 1, name=name, value=value)
    suffix = value[19:]
    zone = _ZONES.get(suffix)
    try:
        if zone is None:
            moment = datetime.fromisoformat(value[:19] + ("+00:00" if suffix == "Z" else suffix))
            zone = _ZONES[suffix] = (moment.utcoffset() or timedelta(0), offset_minutes(moment))
        # Out of range (years 1 and 9999 with their offset) is an OverflowError.
        utc = datetime.fromisoformat(value[:19]) - zone[0]
    except (ValueError, OverflowError) as exc:
        raise CsvImportError(E_TIME, line, COL[name] + 1, name=name, value=value) from exc
    return utc, utc.isoformat() + "Z", zone[1]


def _key(row: Sequence[Any]) -> tuple[Any, ...]:
    """What makes two sessions exact duplicates: stored values with the REPS_COLUMNS sums,
    in the form `row_for` would show them (a missing note is "", a missing end reason is
    interrupted, a missing end has no offset). Equal keys <=> equal CSV rows."""
    s_utc, s_off, e_utc, e_off, reason, legs, br, bl, bt, bn, ar, al, at, an, *reps = row
    return (
        s_utc,
        s_off,
        e_utc or None,
        e_off if e_utc else None,
        reason or _INTERRUPTED,
        legs,
        br,
        bl,
        bt,
        bn or "",
        ar,
        al,
        at,
        an or "",
        *reps,
    )


def _parse(data: bytes) -> list[_Parsed]:
    """Every row of the file, or CsvImportError naming the first bad line and column."""
    text = _decode(data)
    if not text.strip():
        raise CsvImportError(E_EMPTY, 1, 1)
    lines = _plain_lines(text)
    if lines is None:
        return _parse_csv(text)
    _check_header(lines[0].split(","))
    parsed: list[_Parsed] = []
    for line, row_text in enumerate(lines[1:], start=2):
        if row_text:  # a blank line between rows is harmless
            raw = row_text.split(",")
            if len(raw) != len(HEADER) or "'" in row_text:  # else no cell starts with one
                raw = _unneutralised(raw, line)
            parsed.append(_row(raw, line))
    return parsed


def _plain_lines(text: str) -> list[str] | None:
    """The lines of a file in which the csv module would find nothing but cells, commas and
    line ends, so that splitting them gives its rows, in less time: nothing quoted, no NUL
    (which the csv module of Python 3.10 refuses), only CRLF or only LF line ends, and no
    line longer than a cell may be (the csv module refuses longer cells). None for any
    other file."""
    if '"' in text or "\x00" in text:
        return None
    if "\r" not in text:
        lines = text.split("\n")
    elif text.count("\r") == text.count("\n") == text.count("\r\n"):
        lines = text.split("\r\n")
    else:
        return None
    if max(map(len, lines)) > csv.field_size_limit():
        return None
    return lines


def _parse_csv(text: str) -> list[_Parsed]:
    """`_parse` of any file, read by the csv module."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    parsed: list[_Parsed] = []
    line = 1
    try:
        for row_no, raw in enumerate(reader):
            if row_no == 0:
                _check_header(raw)
            elif raw:  # a blank line between rows is harmless
                parsed.append(_row(_unneutralised(raw, line), line))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise CsvImportError(E_SYNTAX, reader.line_num or line, 1, detail=str(exc)) from exc
    return parsed


def _check_header(raw: list[str]) -> None:
    """CsvImportError naming the first cell of the first row that is not HEADER's."""
    if tuple(raw) != HEADER:
        bad = next(
            (i for i, (a, b) in enumerate(zip(raw, HEADER, strict=False)) if a != b),
            min(len(raw), len(HEADER)),
        )
        raise CsvImportError(
            E_HEADER,
            1,
            bad + 1,
            expected=HEADER[bad] if bad < len(HEADER) else "",
            found=raw[bad] if bad < len(raw) else "",
        )


def _unneutralised(raw: list[str], line: int) -> list[str]:
    """The cells of a data row without the apostrophes `neutralise` added, or
    CsvImportError if the row has the wrong number of cells."""
    width = len(HEADER)
    if len(raw) != width:
        raise CsvImportError(
            E_COLUMNS, line, min(len(raw), width) + 1, found=len(raw), expected=width
        )
    if "'" in "".join(raw):  # else no cell can start with one
        raw = [c[1:] if c.startswith("'") else c for c in raw]
    return raw


def _new_rows(
    store: HistoryStore, parsed: list[tuple[tuple[Any, ...], SessionValues, T]]
) -> list[tuple[SessionValues, T]]:
    """The rows not stored yet (nor earlier in the file)."""
    seen = {_key(row) for row in store.flat_rows(reps=REPS_KEYS)}
    new: list[tuple[SessionValues, T]] = []
    for key, values, rest in parsed:
        if key in seen:
            continue
        seen.add(key)
        new.append((values, rest))
    return new


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector: reading a big file makes hundreds of thousands of small
    tuples (no cycles), and the collector would walk them all again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_data(store: HistoryStore, data: bytes) -> ImportResult:
    """Merge the CSV file's bytes into the history: every new session or, on the first
    problem (CsvImportError), nothing."""
    with _no_cyclic_gc():
        parsed = _parse(data)
        new = _new_rows(store, parsed)
        store.add_imported(new, REPS_KEYS, IMPORTED)
        result = ImportResult(added=len(new), skipped=len(parsed) - len(new))
        # Freed while the collector still sleeps: else its first run walks them all once
        # more (0.08-0.10 s for 100,000 sessions).
        del parsed, new
    return result


def import_csv(store: HistoryStore, path: Path) -> ImportResult:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CsvImportError(E_READ, detail=str(exc)) from exc
    return import_data(store, data)
