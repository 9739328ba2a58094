"""The plain, slower way to write and read the CSV format, through SessionRecords: the
reference the fast export and import in knee_coach/storage are checked against."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from knee_coach.core.model import Leg
from knee_coach.core.records import IMPORTED, SessionRecord, SetRecord
from knee_coach.storage import csv_import
from knee_coach.storage.csv_format import BOM, HEADER, REPS_COLUMNS, neutralise
from knee_coach.storage.csv_import import ImportResult
from knee_coach.storage.history import HistoryStore, record_from_row, session_values, set_values


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


def parse_csv(data: bytes) -> list[SessionRecord]:
    """Every session in the file, or CsvImportError naming the first bad line and column."""
    records = []
    for _, values, reps in csv_import._parse(data):
        sets = tuple(
            SetRecord(routine_id, "", leg, None, n, IMPORTED)
            for (_, routine_id, leg), n in zip(REPS_COLUMNS, reps, strict=True)
            if n is not None
        )
        records.append(replace(record_from_row((0, *values), sets), id=None))
    return records


def import_records(store: HistoryStore, records: list[SessionRecord]) -> ImportResult:
    """Merge: sessions already stored with exactly the same values are skipped."""
    parsed = []
    for rec in records:
        values = session_values(rec)
        reps = [rec.reps(routine_id, leg) for _, routine_id, leg in REPS_COLUMNS]
        parsed.append(
            (csv_import._key((*values, *reps)), values, [set_values(s) for s in rec.sets])
        )
    new = csv_import._new_rows(store, parsed)
    store.add_rows(new)
    return ImportResult(added=len(new), skipped=len(parsed) - len(new))
