"""The history written as CSV (the format is in csv_format.py): atomically, by local start
day, straight from the database's rows."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from knee_coach.core.model import EndReason, LegChoice
from knee_coach.core.records import from_utc_text
from knee_coach.storage.csv_format import BOM, FORMULA_STARTS, HEADER, REPS_KEYS, neutralise
from knee_coach.storage.history import HistoryStore
from knee_coach.storage.progress import EVERY_ROWS, Progress

_INTERRUPTED = EndReason.INTERRUPTED.value
_REASON_TEXT = {r.value: r.value for r in EndReason}
_LEGS_TEXT = {c.value: c.value for c in LegChoice}
# Export: stored offset in minutes -> (offset, its text as isoformat writes it).
_LOCAL_ZONES: dict[int, tuple[timedelta, str]] = {}


def _time_text(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def _local(utc_text: str, offset_min: int) -> tuple[str, date]:
    """The local time text (as `_time_text(from_utc_text(...))`) and local day of a stored
    time. Plain stored UTC texts ("2026-05-01T06:30:00Z") are shifted without a time zone
    object; anything else goes the plain way."""
    zone = _LOCAL_ZONES.get(offset_min)
    if zone is None:
        # The offset as isoformat writes it ("+09:00", "-04:30", "+00:00").
        suffix = datetime(2000, 1, 1, tzinfo=timezone(timedelta(minutes=offset_min))).isoformat()
        zone = _LOCAL_ZONES[offset_min] = (timedelta(minutes=offset_min), suffix[19:])
    if len(utc_text) == 20 and utc_text[19] == "Z":
        local = datetime.fromisoformat(utc_text[:19]) + zone[0]  # OverflowError as astimezone
        return local.isoformat() + zone[1], local.date()
    moment = from_utc_text(utc_text, offset_min)
    return _time_text(moment), moment.date()


def _number(value: int | None) -> str:
    """neutralise(_num(value)) for a number from the database."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text  # negative: not stored


def _note(text: str | None) -> str:
    """A stored note as a cell: neutralised, and a NUL (not text; an older import may have
    stored one) written as U+FFFD, the mark for a character that cannot be shown."""
    if not text:
        return ""
    return neutralise(text.replace("\x00", "\ufffd") if "\x00" in text else text)


def _stored_rows(
    rows: Iterable[Sequence[Any]], date_from: date | None, date_to: date | None
) -> Iterator[list[str]]:
    """The neutralised cells of `HistoryStore.flat_rows` rows (with the `REPS_COLUMNS`
    sums) whose local start day is within [date_from, date_to]: for each session exactly
    what `row_for` and `neutralise` give for it read back as a SessionRecord, without
    building one. Only the notes are free text: times, end reasons and legs never start
    like a formula, and numbers only if negative (`_number`)."""
    for s_utc, s_off, e_utc, e_off, reason, legs, br, bl, bt, bn, ar, al, at, an, *reps in rows:
        started, day = _local(s_utc, s_off)
        if (date_from is not None and day < date_from) or (date_to is not None and day > date_to):
            continue
        yield [
            started,
            _local(e_utc, e_off)[0] if e_utc else "",
            _REASON_TEXT.get(reason) or (EndReason(reason).value if reason else _INTERRUPTED),
            _LEGS_TEXT.get(legs) or LegChoice(legs).value,
            _number(br),
            _number(bl),
            _number(bt),
            _note(bn),
            _number(ar),
            _number(al),
            _number(at),
            _note(an),
            *[_number(n) for n in reps],
        ]


def export_csv(
    store: HistoryStore,
    path: Path,
    date_from: date | None = None,
    date_to: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the history (optionally by local start day) to `path`, atomically.

    `progress` is told the fraction done; if it raises Cancelled, no file is written."""
    # Local days depend on each session's own offset: read a margin wide, then filter.
    margin = timedelta(days=2)
    start = (
        datetime.combine(date_from, datetime.min.time(), timezone.utc) - margin
        if date_from
        else None
    )
    end = datetime.combine(date_to, datetime.min.time(), timezone.utc) + margin if date_to else None
    path = Path(path)
    # Written as it is read, into a temporary file renamed over `path` at the end: memory
    # stays small, and no long single step holds up the window's thread meanwhile.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(BOM)
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(HEADER)
            n = 0
            total = max(1, store.count()) if progress is not None else 1
            rows = store.iter_flat_rows(start, end, REPS_KEYS)
            for read, cells in enumerate(_stored_rows(rows, date_from, date_to)):
                writer.writerow(cells)
                n += 1
                if progress is not None and read % EVERY_ROWS == 0:
                    progress(read / total)
            if progress is not None:
                progress(1.0)  # the last chance to cancel before the file is in place
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n
