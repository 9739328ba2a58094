"""History as CSV: one row per session, for a spreadsheet or a physiotherapist.

The file is UTF-8 with a byte-order mark (so Excel, Japanese Excel included, reads it as
UTF-8), comma separated, CRLF line ends, with the stable header `HEADER` (documented in
README.md). Times are ISO 8601 local times with their UTC offset. Cells that a spreadsheet
would run as a formula (starting with = + - @, a tab or a carriage return) are written with
a leading apostrophe, as is a cell that itself starts with one; import removes exactly that
apostrophe again, so export -> import -> export gives the same bytes.

Import validates the whole file first and then adds the new sessions in one transaction:
either every new row is stored or, on the first problem, nothing is.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from knee_coach.core.checkin import NOTE_MAX_CHARS, RATING_MAX, RATING_MIN, CheckIn
from knee_coach.core.i18n import QT_TRANSLATE_NOOP
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import IMPORTED, SessionRecord, SetRecord
from knee_coach.storage.history import HistoryStore

# lupdate reads only literal contexts, so the markers below spell it out; lookups use CTX.
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
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})\Z")
_INT = re.compile(r"[0-9]{1,6}\Z")

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


# ----- writing -------------------------------------------------------------------------------
def neutralise(cell: str) -> str:
    """Stop a spreadsheet from running a cell as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def _time_text(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def row_for(rec: SessionRecord) -> tuple[str, ...]:
    """The CSV cells of one session, before neutralising."""
    cells = [_time_text(rec.started), _time_text(rec.ended), rec.end_reason.value, rec.legs.value]
    for check in (rec.before, rec.after):
        if check is None:
            cells += ["", "", "", ""]
        else:
            cells += [
                _num(check.pain_for(Leg.RIGHT)),
                _num(check.pain_for(Leg.LEFT)),
                _num(check.tightness),
                check.note,
            ]
    cells += [_num(rec.reps(routine_id, leg)) for _, routine_id, leg in REPS_COLUMNS]
    return tuple(cells)


def write_csv(records: Iterable[SessionRecord], out: io.TextIOBase | object) -> int:
    writer = csv.writer(out, lineterminator="\r\n")  # type: ignore[arg-type]
    writer.writerow(HEADER)
    n = 0
    for rec in records:
        writer.writerow([neutralise(c) for c in row_for(rec)])
        n += 1
    return n


def csv_text(records: Iterable[SessionRecord]) -> str:
    buf = io.StringIO(newline="")
    write_csv(records, buf)
    return BOM + buf.getvalue()


def select(
    records: Iterable[SessionRecord], date_from: date | None, date_to: date | None
) -> list[SessionRecord]:
    """Sessions whose local start day is within [date_from, date_to]."""
    return [
        r
        for r in records
        if (date_from is None or r.day >= date_from) and (date_to is None or r.day <= date_to)
    ]


def export_csv(
    store: HistoryStore,
    path: Path,
    date_from: date | None = None,
    date_to: date | None = None,
) -> int:
    """Write the history (optionally by local start day) to `path`, atomically."""
    # Local days depend on each session's own offset: read a margin wide, then filter.
    margin = timedelta(days=2)
    start = (
        datetime.combine(date_from, datetime.min.time(), timezone.utc) - margin
        if date_from
        else None
    )
    end = datetime.combine(date_to, datetime.min.time(), timezone.utc) + margin if date_to else None
    records = select(store.records(start, end), date_from, date_to)
    data = csv_text(records).encode("utf-8")
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(records)


# ----- reading -------------------------------------------------------------------------------
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


def _time(value: str, line: int, name: str) -> datetime:
    column = COL[name] + 1
    if not _TIME.match(value):
        raise CsvImportError(E_TIME, line, column, name=name, value=value)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        moment.astimezone(timezone.utc)  # years 1 and 9999 can overflow with their offset
        return moment
    except (ValueError, OverflowError) as exc:
        raise CsvImportError(E_TIME, line, column, name=name, value=value) from exc


def _rating(row: list[str], line: int, name: str) -> int | None:
    value = row[COL[name]]
    if value == "":
        return None
    if not _INT.match(value) or not RATING_MIN <= int(value) <= RATING_MAX:
        raise CsvImportError(E_RATING, line, COL[name] + 1, name=name, value=value)
    return int(value)


def _check_in(row: list[str], line: int, prefix: str) -> CheckIn | None:
    right = _rating(row, line, f"{prefix}_pain_right")
    left = _rating(row, line, f"{prefix}_pain_left")
    tightness = _rating(row, line, f"{prefix}_tightness")
    note_name = f"{prefix}_note"
    note = row[COL[note_name]]
    if len(note) > NOTE_MAX_CHARS:
        raise CsvImportError(E_NOTE, line, COL[note_name] + 1, name=note_name, max=NOTE_MAX_CHARS)
    if right is None and left is None and tightness is None and note == "":
        return None
    pain = {leg: v for leg, v in ((Leg.RIGHT, right), (Leg.LEFT, left)) if v is not None}
    return CheckIn(pain=pain, tightness=tightness, note=note)


def _choice(row: list[str], line: int, name: str, choices: tuple[str, ...]) -> str:
    value = row[COL[name]]
    if value == "":
        raise CsvImportError(E_REQUIRED, line, COL[name] + 1, name=name)
    if value not in choices:
        raise CsvImportError(
            E_CHOICE, line, COL[name] + 1, name=name, value=value, choices=", ".join(choices)
        )
    return value


def _record(row: list[str], line: int) -> SessionRecord:
    if row[COL["started"]] == "":
        raise CsvImportError(E_REQUIRED, line, 1, name="started")
    started = _time(row[COL["started"]], line, "started")
    ended = _time(row[COL["ended"]], line, "ended") if row[COL["ended"]] else None
    if ended is not None and ended < started:
        raise CsvImportError(E_TIME_ORDER, line, COL["ended"] + 1, name="ended")
    reason = _choice(row, line, "end_reason", tuple(r.value for r in EndReason))
    legs = _choice(row, line, "legs", tuple(c.value for c in LegChoice))
    before = _check_in(row, line, "before")
    after = _check_in(row, line, "after")
    sets: list[SetRecord] = []
    for name, routine_id, leg in REPS_COLUMNS:
        value = row[COL[name]]
        if value == "":
            continue
        if not _INT.match(value) or int(value) > MAX_REPS:
            raise CsvImportError(E_REPS, line, COL[name] + 1, name=name, value=value, max=MAX_REPS)
        sets.append(SetRecord(routine_id, "", leg, None, int(value), IMPORTED))
    return SessionRecord(
        id=None,
        started=started,
        ended=ended,
        end_reason=EndReason(reason),
        legs=LegChoice(legs),
        before=before,
        after=after,
        sets=tuple(sets),
    )


def parse_csv(data: bytes) -> list[SessionRecord]:
    """Every session in the file, or CsvImportError naming the first bad line and column."""
    text = _decode(data)
    if not text.strip():
        raise CsvImportError(E_EMPTY, 1, 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[SessionRecord] = []
    line = 1
    try:
        for row_no, raw in enumerate(reader):
            cells = [unneutralise(c) for c in raw]
            if row_no == 0:
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
            elif raw:  # a blank line between rows is harmless
                if len(raw) != len(HEADER):
                    raise CsvImportError(
                        E_COLUMNS,
                        line,
                        min(len(raw), len(HEADER)) + 1,
                        found=len(raw),
                        expected=len(HEADER),
                    )
                records.append(_record(cells, line))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise CsvImportError(E_SYNTAX, reader.line_num or line, 1, detail=str(exc)) from exc
    return records


def import_records(store: HistoryStore, records: list[SessionRecord]) -> ImportResult:
    """Merge: sessions already stored with exactly the same values are skipped."""
    seen = {row_for(r) for r in store.records()}
    new: list[SessionRecord] = []
    for rec in records:
        key = row_for(rec)
        if key in seen:
            continue
        seen.add(key)
        new.append(rec)
    store.add_records(new)
    return ImportResult(added=len(new), skipped=len(records) - len(new))


def import_csv(store: HistoryStore, path: Path) -> ImportResult:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CsvImportError(E_READ, detail=str(exc)) from exc
    return import_records(store, parse_csv(data))
