"""A CSV history file (the format is in csv_format.py) merged into the history.

The file is read as a stream, line by line, so memory stays bounded whatever its size. The
new sessions are added while it is read, all in one transaction: on the first problem
(CsvImportError, naming its line and column) that transaction is rolled back, so either
every new row is stored or nothing is. Only what is not a regular file is refused before
reading.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

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
from knee_coach.storage.progress import EVERY_ROWS, Progress

# An offset is at most 23:59 (fromisoformat would read +09:60 as +10:00).
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)\Z")
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
E_NOT_FILE = QT_TRANSLATE_NOOP(
    "csv",
    "{path} is not a regular file (but a folder, a device or a pipe); choose a CSV file "
    "saved on disk.",
)
E_LONG_LINE = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, column {column}: the line is longer than {max} bytes; no Knee Coach "
    "history has lines this long.",
)
E_NUL = QT_TRANSLATE_NOOP(
    "csv",
    "Line {line}, column {column} ({name}): the cell holds a NUL character, which is not text.",
)


class CsvImportError(ValueError):
    """A CSV file that cannot be imported; nothing was written."""

    def __init__(self, template: str, line: int = 0, column: int = 0, **args: object) -> None:
        self.template = template
        self.line = line
        self.column = column
        for name in ("value", "found", "expected"):  # invisible characters made visible
            if isinstance(args.get(name), str):
                args[name] = visible(str(args[name]))
        self.args_ = {"line": line, "column": column, **args}
        super().__init__(template.format(**self.args_))

    def message(self, translate: object = None) -> str:
        """The message, translated by `translate(context, text)` when given."""
        text = translate(CTX, self.template) if callable(translate) else self.template
        return str(text).format(**self.args_)


def visible(text: str) -> str:
    """`text` with characters that show as nothing (a byte-order mark, NUL, controls)
    written as <U+FEFF>, so that two texts that differ never look the same."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in text)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    skipped: int  # exact duplicates of sessions already in the history
    repeated: int = 0  # rows that repeat an earlier row of the same file


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


# ----- reading, streamed: memory stays bounded whatever the file's size ---------------------
MAX_LINE_BYTES = 1 << 20  # far above any row (16 cells, two notes of NOTE_MAX_CHARS)
CHUNK_ROWS = 2000  # new sessions written per step of the one transaction
_UTF8_BOM = BOM.encode("utf-8")
# A lone CR ends a line too (as io.StringIO(newline="") reads), except in CRLF.
_LONE_CR = re.compile(r"(?<=\r)(?!\n)")
_SPLIT_PLAIN = True  # False: every line through the csv module (the tests compare both)


class _Lines:
    """The decoded lines of a binary file, one at a time, counting them (`number`); a bad
    byte or an endless line is a CsvImportError naming the line and column."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.number = 0  # lines handed out so far: the number of the last one
        self._pieces: list[str] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._pieces:
            self.number += 1
            return self._pieces.pop()
        data = self._fh.readline(MAX_LINE_BYTES + 1)
        if not data:
            raise StopIteration
        line = self.number + 1
        if len(data) > MAX_LINE_BYTES:
            raise CsvImportError(E_LONG_LINE, line, 1, max=MAX_LINE_BYTES)
        if line == 1 and data.startswith(_UTF8_BOM):
            data = data[len(_UTF8_BOM) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            prefix = data[: exc.start].decode("utf-8", errors="replace")
            raise CsvImportError(
                E_ENCODING, line, len(prefix) + 1, byte=f"0x{data[exc.start]:02X}"
            ) from exc
        if "\r" in text and (text.count("\r") > 1 or not text.endswith("\r\n")):
            pieces = _LONE_CR.split(text)
            if len(pieces) > 1:
                self._pieces = pieces[:0:-1]  # the rest, last first, for pop()
                text = pieces[0]
        self.number += 1
        return text


def _error_column(text: str) -> int:
    """The cell (1-based) of a record's text in which the csv module (strict) stopped:
    a character after a closing quote, a cell longer than its limit, or the end inside
    a quoted cell. A cell's length counts its characters as the csv module does: not the
    quotes around it, one for a doubled quote."""
    column, state, length, limit = 1, "start", 0, csv.field_size_limit()
    for ch in text:
        if state == "quoted":
            if ch == '"':
                state = "closed"
                continue
        elif state == "closed":
            if ch == ",":
                column, state, length = column + 1, "start", 0
                continue
            if ch != '"':
                return column
            state = "quoted"  # a doubled quote: one character of the cell
        elif ch == ",":
            column, state, length = column + 1, "start", 0
            continue
        elif ch == '"' and state == "start":
            state = "quoted"
            continue
        else:
            state = "cell"
        length += 1
        if length > limit:
            return column
    return column


def _then(first: str, lines: Iterator[str], seen: list[str]) -> Iterator[str]:
    """`first`, then more `lines` as a quoted cell asks for them (kept in `seen`)."""
    yield first
    for piece in lines:
        seen.append(piece)
        yield piece


def _records(fh: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each record, the header first; blank lines are skipped."""
    lines = _Lines(fh)
    limit = csv.field_size_limit()
    for text in lines:
        line = lines.number
        if _SPLIT_PLAIN and '"' not in text and len(text) <= limit:
            # The usual row: nothing quoted, so its cells are what the csv module would
            # give, in less time.
            body = text.rstrip("\r\n") if text.endswith(("\n", "\r")) else text
            if body:
                yield line, body.split(",")
            continue
        seen = [text]
        reader = csv.reader(_then(text, lines, seen), strict=True)
        try:
            cells = next(reader, [])
        except csv.Error as exc:
            raise CsvImportError(
                E_SYNTAX, line, _error_column("".join(seen)), detail=str(exc)
            ) from exc
        if cells:
            yield line, cells


def _check_cells(raw: list[str], line: int) -> list[str]:
    """The cells of a data row without the apostrophes `neutralise` added, or
    CsvImportError if the row has the wrong number of cells or a NUL."""
    width = len(HEADER)
    if len(raw) != width:
        raise CsvImportError(
            E_COLUMNS, line, min(len(raw), width) + 1, found=len(raw), expected=width
        )
    joined = "".join(raw)
    if "\x00" in joined:
        column = next(i for i, cell in enumerate(raw) if "\x00" in cell)
        raise CsvImportError(E_NUL, line, column + 1, name=HEADER[column])
    if "'" in joined:  # else no cell can start with one
        raw = [c[1:] if c.startswith("'") else c for c in raw]
    return raw


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


def _parsed_rows(fh: BinaryIO) -> Iterator[_Parsed]:
    """Every data row of the file, checked, or CsvImportError naming the first bad line
    and column (the rows before it have been handed out by then)."""
    records = _records(fh)
    first = next(records, None)
    if first is None:
        raise CsvImportError(E_EMPTY, 1, 1)
    line, header = first
    if line != 1:  # blank lines first: no header
        raise CsvImportError(E_HEADER, 1, 1, expected=HEADER[0], found="")
    _check_header(header)
    for line, raw in records:
        yield _row(_check_cells(raw, line), line)


def _parse(data: bytes) -> list[_Parsed]:
    """Every row of a whole file's bytes (tests, and the reference reader in tests/)."""
    return list(_parsed_rows(io.BytesIO(data)))


def _digest(key: tuple[Any, ...]) -> bytes:
    """A 16-byte stand-in for a duplicate key: hundreds of thousands of them take little
    memory, and two different sessions share one with a chance of about 2**-128."""
    return hashlib.blake2b(repr(key).encode(), digest_size=16).digest()


class _Merge:
    """The new rows of a file, in chunks, and the counts of the rows left out."""

    def __init__(self, store: HistoryStore, fh: BinaryIO, report: Callable[[], None]) -> None:
        self.store = store
        self.fh = fh
        self.report = report  # called every EVERY_ROWS rows read
        self.added = self.skipped = self.repeated = 0

    def chunks(self) -> Iterator[list[tuple[SessionValues, list[int | None]]]]:
        # Read inside the import's transaction: the stored sessions cannot change meanwhile.
        stored = {_digest(_key(row)) for row in self.store.iter_flat_rows(reps=REPS_KEYS)}
        in_file: set[bytes] = set()
        chunk: list[tuple[SessionValues, list[int | None]]] = []
        for read, (key, values, reps) in enumerate(_parsed_rows(self.fh)):
            if read % EVERY_ROWS == 0:
                self.report()
            digest = _digest(key)
            if digest in stored:
                self.skipped += 1
                continue
            if digest in in_file:
                self.repeated += 1
                continue
            in_file.add(digest)
            chunk.append((values, reps))
            if len(chunk) == CHUNK_ROWS:
                self.added += len(chunk)
                yield chunk
                chunk = []
        self.added += len(chunk)
        yield chunk


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


def import_stream(
    store: HistoryStore, fh: BinaryIO, progress: Progress | None = None, size: int = 0
) -> ImportResult:
    """Merge a CSV file into the history as it is read: every new session or, on the first
    problem (CsvImportError), nothing. The rows go in while the file is read, all in one
    transaction that a problem rolls back, so memory does not grow with the file.

    `progress` is told the fraction of the file's `size` bytes read; if it raises
    Cancelled, nothing is written."""

    def report() -> None:
        if progress is not None and size > 0:
            progress(min(1.0, fh.tell() / size))

    merge = _Merge(store, fh, report)
    with _no_cyclic_gc():
        store.add_imported_chunks(merge.chunks(), REPS_KEYS, IMPORTED)
    return ImportResult(added=merge.added, skipped=merge.skipped, repeated=merge.repeated)


def import_data(store: HistoryStore, data: bytes) -> ImportResult:
    """`import_stream` of a whole file's bytes."""
    return import_stream(store, io.BytesIO(data))


def import_csv(store: HistoryStore, path: Path, progress: Progress | None = None) -> ImportResult:
    """`import_stream` of the file at `path`: a regular file (or a link to one) only."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise CsvImportError(E_NOT_FILE, path=path)
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise CsvImportError(E_READ, detail=exc.strerror or str(exc)) from exc
    with fh:
        try:
            return import_stream(store, fh, progress, info.st_size)
        except OSError as exc:  # reading the file (SQLite's errors are not OSErrors)
            raise CsvImportError(E_READ, detail=exc.strerror or str(exc)) from exc
