"""CSV rules pinned through the paths users run: the export written by `export_csv` and by
`knee-coach export`, and the import of files whose rows look valid but for one field."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knee_coach import cli
from knee_coach.core.checkin import NOTE_MAX_CHARS, CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import SessionRecord
from knee_coach.storage.csv_export import export_csv
from knee_coach.storage.csv_format import HEADER
from knee_coach.storage.csv_import import CsvImportError, import_csv
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from tests.property_budget import examples

JST = timezone(timedelta(hours=9))
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
# Every column a person types into: the check-in's and the check-out's note.
FREE_TEXT = ("before_note", "after_note")


def store_in(folder: Path) -> HistoryStore:
    return HistoryStore(Database.open(folder))


def read_rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def noted(i: int, before: str, after: str) -> SessionRecord:
    started = datetime(2026, 3, 1, 7, 0, tzinfo=JST) + timedelta(days=i)
    return SessionRecord(
        id=None,
        started=started,
        ended=started + timedelta(minutes=9),
        end_reason=EndReason.COMPLETED,
        legs=LegChoice.BOTH,
        before=CheckIn({Leg.RIGHT: 4, Leg.LEFT: 2}, 3, before),
        after=CheckIn({Leg.RIGHT: 2, Leg.LEFT: 1}, 1, after),
    )


def formula_records() -> list[SessionRecord]:
    """A session per formula start, in each free-text column, plus the harmless ones."""
    texts = [f"{start}1+2 cmd|' /C calc'!A0" for start in FORMULA_STARTS]
    texts += ["plain", "膝=痛い", " =leading space", ""]
    return [noted(i, text, text[::-1] + "x") for i, text in enumerate(texts)]


def check_neutralised(rows: list[list[str]], records: list[SessionRecord]) -> None:
    assert rows[0] == list(HEADER)
    assert len(rows) == len(records) + 1
    for row, rec in zip(rows[1:], records, strict=True):
        assert rec.before is not None and rec.after is not None
        for column, note in zip(FREE_TEXT, (rec.before.note, rec.after.note), strict=True):
            cell = row[HEADER.index(column)]
            assert cell == ("'" + note if note.startswith(FORMULA_STARTS) else note)
        for cell in row:  # and no other column starts like a formula either
            assert not cell.startswith(FORMULA_STARTS[:-1])


def test_every_free_text_column_is_neutralised_by_the_export(tmp_path: Path) -> None:
    store = store_in(tmp_path / "data")
    records = formula_records()
    store.add_records(records)
    out = tmp_path / "h.csv"
    assert export_csv(store, out) == len(records)
    check_neutralised(read_rows(out), records)
    # ... and the import takes exactly that apostrophe off again.
    again = store_in(tmp_path / "again")
    assert import_csv(again, out).added == len(records)
    assert [(r.before, r.after) for r in again.records()] == [(r.before, r.after) for r in records]


def test_every_free_text_column_is_neutralised_by_the_export_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = store_in(data)
    records = formula_records()
    store.add_records(records)
    store.db.close()
    out = tmp_path / "h.csv"
    done = subprocess.run(
        [sys.executable, "-m", "knee_coach", "export", "--data-dir", str(data), "--csv", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Exported {len(records)} sessions to {out}"
    check_neutralised(read_rows(out), records)


def test_export_from_a_day_after_to_is_refused_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.csv"
    args = ["export", "--data-dir", str(tmp_path / "d"), "--csv", str(out)]
    assert cli.main([*args, "--from", "2026-05-02", "--to", "2026-05-01"]) == cli.EXIT_BAD_INPUT
    assert "--from is after --to" in capsys.readouterr().err
    assert not out.exists()
    # The same day at both ends is one day, not an error.
    assert cli.main([*args, "--from", "2026-05-01", "--to", "2026-05-01"]) == cli.EXIT_OK
    assert read_rows(out) == [list(HEADER)]


def test_export_into_a_folder_that_does_not_exist_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no" / "such" / "h.csv"
    code = cli.main(["export", "--data-dir", str(tmp_path / "d"), "--csv", str(out)])
    assert code == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("knee-coach: ") and "does not exist" in err
    assert str(out.parent) in err and "Traceback" not in err
    assert not (tmp_path / "no").exists()


def test_export_by_day_uses_each_session_s_own_local_day(tmp_path: Path) -> None:
    """23:30 in Tokyo on 1 May is 14:30 UTC: it belongs to 1 May, whatever the UTC day."""
    store = store_in(tmp_path / "d")
    late = datetime(2026, 5, 1, 23, 30, tzinfo=JST)
    early = datetime(2026, 5, 2, 0, 30, tzinfo=timezone(timedelta(hours=-7)))  # 07:30 UTC
    for started in (late, early):
        store.add_records(
            [
                SessionRecord(
                    None, started, None, EndReason.USER, LegChoice.LEFT, None, None, sets=()
                )
            ]
        )
    out = tmp_path / "h.csv"
    assert export_csv(store, out, date(2026, 5, 1), date(2026, 5, 1)) == 1
    assert read_rows(out)[1][0] == "2026-05-01T23:30:00+09:00"
    assert export_csv(store, out, date(2026, 5, 2), None) == 1
    assert read_rows(out)[1][0] == "2026-05-02T00:30:00-07:00"
    assert export_csv(store, out, None, date(2026, 4, 30)) == 0


# ----- import: rows that look valid, one field varied -----------------------------------------
OFFSETS = st.sampled_from([-720, -270, -300, 0, 60, 330, 540, 765, 840])
MOMENTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 12, 31))
RATING = st.one_of(st.just(""), st.integers(0, 10).map(str))
REPS = st.one_of(st.just(""), st.integers(0, 1000).map(str))
NOTE_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")) | st.sampled_from(
    ["\n", "=", "+", "-", "@", "'", '"', ","]
)
NOTE = st.text(NOTE_CHARS, max_size=40)


def _time(moment: datetime, offset_min: int) -> str:
    return moment.replace(tzinfo=timezone(timedelta(minutes=offset_min))).isoformat()


@st.composite
def valid_rows(draw: st.DrawFn) -> list[str]:
    """One session as the export writes it (notes not neutralised yet)."""
    start = draw(MOMENTS).replace(microsecond=0)
    offset = draw(OFFSETS)
    started = start.replace(tzinfo=timezone(timedelta(minutes=offset)))
    if draw(st.booleans()):
        end_offset = draw(st.sampled_from([offset, offset, draw(OFFSETS)]))
        ended = started + timedelta(seconds=draw(st.integers(0, 3 * 3600)))
        end = ended.astimezone(timezone(timedelta(minutes=end_offset))).isoformat()
    else:
        end = ""
    row = [
        started.isoformat(),
        end,
        draw(st.sampled_from([r.value for r in EndReason])),
        draw(st.sampled_from([c.value for c in LegChoice])),
    ]
    for _ in range(2):  # before, after
        row += [draw(RATING), draw(RATING), draw(RATING), draw(NOTE)]
    row += [draw(REPS) for _ in range(4)]
    return row


def bad_values(column: str, row: list[str]) -> st.SearchStrategy[str]:
    """Values no version of the export writes in `column`, each a problem on its own."""
    if column == "started":
        return st.sampled_from(
            ["", "2026-02-30T07:00:00+09:00", "2026-05-01 07:00:00+09:00", "2026-05-01T07:00"]
        )
    if column == "ended":
        before = datetime.fromisoformat(row[0]) - timedelta(seconds=1)
        return st.sampled_from(["tomorrow", "2026-05-01T25:00:00+09:00", before.isoformat()])
    if column in ("end_reason", "legs"):
        return st.sampled_from(["", "done", "Both", "completed,"])
    if column.endswith("_note"):
        return st.text(NOTE_CHARS, min_size=NOTE_MAX_CHARS + 1, max_size=NOTE_MAX_CHARS + 5)
    if column.startswith("reps_"):
        return st.sampled_from(["1001", "-1", "1e3", "x", "2.0", " 3"])
    return st.sampled_from(["11", "-1", "x", "1.5", " 3", "１"])  # ratings


def neutralised(row: list[str]) -> list[str]:
    notes = {HEADER.index(c) for c in FREE_TEXT}
    return [
        "'" + c if i in notes and c.startswith(FORMULA_STARTS) else c for i, c in enumerate(row)
    ]


def csv_bytes(rows: list[list[str]]) -> tuple[bytes, list[int]]:
    """The file as the export writes it, and the line each data row starts on."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    starts = []
    for row in rows:
        starts.append(buf.getvalue().count("\n") + 1)
        writer.writerow(neutralised(row))
    return (BOM + buf.getvalue()).encode("utf-8"), starts


PROPERTY = settings(
    max_examples=examples(80),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@PROPERTY
@given(
    rows=st.lists(valid_rows(), min_size=1, max_size=4),
    data=st.data(),
)
def test_property_one_bad_field_is_named_by_line_and_column_and_nothing_is_written(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], data: st.DataObject
) -> None:
    which = data.draw(st.integers(0, len(rows) - 1), label="row")
    column = data.draw(st.sampled_from(HEADER), label="column")
    index = HEADER.index(column)
    rows[which][index] = data.draw(bad_values(column, rows[which]), label="value")
    content, starts = csv_bytes(rows)
    folder = tmp_path_factory.mktemp("bad")
    store = store_in(folder / "data")
    path = folder / "in.csv"
    path.write_bytes(content)
    with pytest.raises(CsvImportError) as err:
        import_csv(store, path)
    assert (err.value.line, err.value.column) == (starts[which], index + 1), str(err.value)
    assert f"Line {starts[which]}, column {index + 1}" in str(err.value)
    assert store.count() == 0
    store.db.close()


@PROPERTY
@given(rows=st.lists(valid_rows(), min_size=1, max_size=4))
def test_property_valid_rows_import_and_export_back_to_the_same_cells(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    content, _ = csv_bytes(rows)
    folder = tmp_path_factory.mktemp("good")
    store = store_in(folder / "data")
    path = folder / "in.csv"
    path.write_bytes(content)
    distinct = {tuple(r) for r in rows}
    result = import_csv(store, path)
    repeats = len(rows) - len(distinct)  # the same session twice in the file
    assert (result.added, result.skipped, result.repeated) == (len(distinct), 0, repeats)
    out = folder / "out.csv"
    export_csv(store, out)
    exported = read_rows(out)[1:]
    assert sorted(tuple(r) for r in exported) == sorted(tuple(neutralised(r)) for r in distinct)
    again = import_csv(store, path)  # importing it again adds nothing
    assert (again.added, again.skipped, again.repeated) == (0, len(rows), 0)
    store.db.close()
