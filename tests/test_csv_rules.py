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
from knee_coach.storage.csv_import import CsvImportError, import_csv, import_data, import_stream
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from knee_coach.storage.progress import Cancelled
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


# ----- progress, cancelling and the temporary file, at the storage level --------------------
def numbered_rows(n: int) -> list[list[str]]:
    """`n` distinct completed sessions, one a day from 1 January 2020, Tokyo time."""
    first = datetime(2020, 1, 1, 7, 0, tzinfo=JST)
    rows = []
    for i in range(n):
        started = first + timedelta(days=i)
        ended = started + timedelta(minutes=9)
        row = [started.isoformat(), ended.isoformat(), "completed", "both"]
        row += ["4", "2", "3", "", "2", "1", "1", "", "10", "10", "5", "5"]
        rows.append(row)
    return rows


def test_the_export_tells_its_progress_every_thousand_sessions_and_then_one(
    tmp_path: Path,
) -> None:
    store = store_in(tmp_path / "d")
    content, _ = csv_bytes(numbered_rows(2500))
    assert import_data(store, content).added == 2500
    told: list[float] = []
    out = tmp_path / "h.csv"
    assert export_csv(store, out, progress=told.append) == 2500
    assert told == [0.0, 1000 / 2500, 2000 / 2500, 1.0]
    assert len(read_rows(out)) == 2501


def test_an_export_of_an_empty_history_tells_only_that_it_is_done(tmp_path: Path) -> None:
    store = store_in(tmp_path / "d")
    told: list[float] = []
    assert export_csv(store, tmp_path / "h.csv", progress=told.append) == 0
    assert told == [1.0]


def test_while_exporting_the_rows_go_to_a_hidden_file_beside_the_target(
    tmp_path: Path,
) -> None:
    """Written next to it, the finished file replaces the target in one step; hidden, a
    half-written file is not mistaken for the export."""
    store = store_in(tmp_path / "d")
    store.add_records(formula_records())
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "h.csv"
    out.write_bytes(b"the previous export")
    seen: list[list[str]] = []

    def look(_fraction: float) -> None:
        assert out.read_bytes() == b"the previous export"  # untouched until the end
        seen.append(sorted(p.name for p in folder.iterdir()))

    export_csv(store, out, progress=look)
    hidden, target = seen[-1]
    assert target == "h.csv"
    assert hidden.startswith(".h.csv-") and hidden.endswith(".tmp"), seen
    assert sorted(p.name for p in folder.iterdir()) == ["h.csv"]
    assert read_rows(out)[0] == list(HEADER)


def test_a_cancelled_export_leaves_the_previous_file_and_nothing_beside_it(
    tmp_path: Path,
) -> None:
    store = store_in(tmp_path / "d")
    store.add_records(formula_records())
    out = tmp_path / "out" / "h.csv"
    out.parent.mkdir()
    out.write_bytes(b"the previous export")

    def cancel(fraction: float) -> None:
        if fraction == 1.0:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_csv(store, out, progress=cancel)
    assert out.read_bytes() == b"the previous export"
    assert [p.name for p in out.parent.iterdir()] == ["h.csv"]


def test_the_export_writes_crlf_line_ends_even_inside_a_note_it_keeps_as_typed(
    tmp_path: Path,
) -> None:
    store = store_in(tmp_path / "d")
    store.add_records([noted(0, "stiff\nin the morning", "better")])
    out = tmp_path / "h.csv"
    export_csv(store, out)
    data = out.read_bytes()
    assert data.startswith(BOM.encode("utf-8"))
    assert data.count(b"\r\n") == 2 and data.endswith(b"\r\n")
    assert b'"stiff\nin the morning"' in data


def line_ends(content: bytes) -> list[int]:
    """The byte offset just after each line of `content`."""
    ends, at = [], 0
    for line in content.splitlines(keepends=True):
        at += len(line)
        ends.append(at)
    return ends


def test_the_import_tells_the_share_of_the_file_read_every_thousand_rows(
    tmp_path: Path,
) -> None:
    content, _ = csv_bytes(numbered_rows(4500))  # more than two steps of writing
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    told: list[float] = []
    assert import_csv(store_in(tmp_path / "d"), path, progress=told.append).added == 4500
    ends = line_ends(content)
    # Told as rows 1, 1001, 2001... have been read (the header is line 1 of the file).
    assert told == [ends[n] / len(content) for n in (1, 1001, 2001, 3001, 4001)]


def test_an_import_of_unknown_size_tells_no_progress(tmp_path: Path) -> None:
    content, _ = csv_bytes(numbered_rows(3))
    told: list[float] = []
    store = store_in(tmp_path / "d")
    assert import_stream(store, io.BytesIO(content), told.append).added == 3
    assert import_stream(store, io.BytesIO(content), told.append, 0).skipped == 3
    assert told == []


def test_a_file_that_fails_while_it_is_read_is_told_in_words(tmp_path: Path) -> None:
    """Linux's /proc/self/mem is a regular file whose first bytes cannot be read."""
    store = store_in(tmp_path / "d")
    with pytest.raises(CsvImportError) as err:
        import_csv(store, Path("/proc/self/mem"))
    assert str(err.value) == "The file cannot be read: Input/output error"
    assert (err.value.line, err.value.column) == (0, 0)  # the whole file, no line of it
    assert err.value.message() == str(err.value)
    assert store.count() == 0


def test_a_cancelled_import_stores_nothing(tmp_path: Path) -> None:
    content, _ = csv_bytes(numbered_rows(2500))
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    store = store_in(tmp_path / "d")

    def cancel(fraction: float) -> None:
        if fraction > 0.5:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_csv(store, path, progress=cancel)
    assert store.count() == 0
    assert import_csv(store, path).added == 2500


def test_importing_a_folder_is_refused_in_words_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "not a file"
    folder.mkdir()
    with pytest.raises(CsvImportError) as err:
        import_csv(store_in(tmp_path / "d"), folder)
    assert str(folder) in str(err.value) and "Traceback" not in str(err.value)
    with pytest.raises(CsvImportError) as err:
        import_csv(store_in(tmp_path / "d"), tmp_path / "missing.csv")
    assert str(err.value) == "The file cannot be read: No such file or directory"


# ----- the cell a CSV syntax error names, quoted cells before it ------------------------------
TRICKY_NOTE = 'knee, "stiff"\nthen, better'  # commas, doubled quotes and a line break


def quoted(cells: list[str]) -> list[str]:
    return ['"' + cell.replace('"', '""') + '"' for cell in cells]


def file_with(bad: list[str]) -> bytes:
    """A file whose line 4 starts the `bad` record's cells (line 2's note takes two lines)."""
    first, second = numbered_rows(2)
    first[HEADER.index("before_note")] = TRICKY_NOTE
    lines = [",".join(HEADER), ",".join(quoted(first)), ",".join(bad), ",".join(second)]
    return (BOM + "\r\n".join(lines) + "\r\n").encode("utf-8")


def syntax_error(tmp_path: Path, content: bytes) -> CsvImportError:
    store = store_in(tmp_path / "d")
    with pytest.raises(CsvImportError) as err:
        import_data(store, content)
    assert store.count() == 0
    store.db.close()
    return err.value


@pytest.mark.parametrize("column", range(len(HEADER)))
def test_a_character_after_a_closing_quote_is_named_by_its_own_cell(
    tmp_path: Path, column: int
) -> None:
    row = numbered_rows(3)[2]
    row[HEADER.index("after_note")] = TRICKY_NOTE
    cells = quoted(row)
    cells[column] += "x"
    err = syntax_error(tmp_path, file_with(cells))
    assert (err.line, err.column) == (4, column + 1), str(err)
    assert str(err).startswith(f"Line 4, column {column + 1}: the file cannot be read as CSV")


@pytest.mark.parametrize("column", [0, 7, 11, 15])
def test_a_quote_left_open_is_named_by_the_cell_it_opens(tmp_path: Path, column: int) -> None:
    row = numbered_rows(3)[2]
    cells = quoted(row)
    cells[column] = '"' + row[column] + ', and the rest "" of the file'
    err = syntax_error(tmp_path, file_with(cells))
    assert (err.line, err.column) == (4, column + 1), str(err)


def test_a_cell_over_the_csv_size_limit_is_named_quoted_or_not(tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    note = HEADER.index("before_note")
    for over in ("x" * (limit + 1), '"' + "x" * (limit + 1) + '"'):
        cells = quoted(numbered_rows(3)[2])
        cells[note] = over
        err = syntax_error(tmp_path / str(len(over)), file_with(cells))
        assert (err.line, err.column) == (4, note + 1), str(err)
        assert "field larger than field limit" in str(err)


def test_a_cell_just_at_the_csv_size_limit_is_not_the_one_named(tmp_path: Path) -> None:
    """The limit counts a cell's characters, not its quotes, and a doubled quote as one."""
    limit = csv.field_size_limit()
    note, after = HEADER.index("before_note"), HEADER.index("after_note")
    for full in ("x" * limit, '"' + "x" * (limit - 1) + '"""', '"' + "x" * limit + '"'):
        cells = quoted(numbered_rows(3)[2])
        cells[note] = full
        cells[after] += "!"  # the real problem, four cells on
        err = syntax_error(tmp_path / str(len(full)), file_with(cells))
        assert (err.line, err.column) == (4, after + 1), str(err)


# ----- every problem of a row, in full words --------------------------------------------------
NOTE_LIMIT = f"the note is longer than {NOTE_MAX_CHARS} characters."
ROW_PROBLEMS = [
    ("started", "", "(started): a value is needed."),
    (
        "started",
        "2026-02-30T07:00:00+09:00",
        "(started): “2026-02-30T07:00:00+09:00” is not a date and time like "
        "2026-05-01T07:30:00+09:00.",
    ),
    (
        "ended",
        "yesterday",
        "(ended): “yesterday” is not a date and time like 2026-05-01T07:30:00+09:00.",
    ),
    ("ended", "2020-01-01T06:59:59+09:00", "(ended): the session ends before it starts."),
    ("ended", "2020-01-01T07:00:00+09:01", "(ended): the session ends before it starts."),
    (
        "end_reason",
        "done",
        "(end_reason): “done” is not one of completed, pain, stopped, interrupted.",
    ),
    ("legs", "", "(legs): a value is needed."),
    ("legs", "Both", "(legs): “Both” is not one of both, right, left."),
    (
        "before_pain_right",
        "11",
        "(before_pain_right): “11” is not a rating; use a whole number from 0 to 10.",
    ),
    (
        "after_tightness",
        "-1",
        "(after_tightness): “-1” is not a rating; use a whole number from 0 to 10.",
    ),
    ("before_note", "x" * (NOTE_MAX_CHARS + 1), "(before_note): " + NOTE_LIMIT),
    ("after_note", "x" * (NOTE_MAX_CHARS + 1), "(after_note): " + NOTE_LIMIT),
    (
        "reps_popliteus_release_left",
        "1001",
        "(reps_popliteus_release_left): “1001” is not a number of reps "
        "(a whole number from 0 to 1000).",
    ),
    ("before_note", "a\x00b", "(before_note): the cell holds a NUL character, which is not text."),
    ("legs", "both\u200b", "(legs): “both<U+200B>” is not one of both, right, left."),
    (
        "reps_popliteus_release_left",
        "5 ",
        "(reps_popliteus_release_left): “5 ” is not a number of reps "
        "(a whole number from 0 to 1000).",
    ),
    (
        "reps_popliteus_release_left",
        "10X",
        "(reps_popliteus_release_left): “10X” is not a number of reps "
        "(a whole number from 0 to 1000).",
    ),
]


def test_an_end_before_the_start_in_the_same_hour_is_told_in_full_words(tmp_path: Path) -> None:
    rows = numbered_rows(2)
    rows[1][0] = "2020-01-02T07:30:00+09:00"
    rows[1][1] = "2020-01-02T07:29:59+09:00"
    content, starts = csv_bytes(rows)
    err = syntax_error(tmp_path, content)
    assert str(err) == f"Line {starts[1]}, column 2 (ended): the session ends before it starts."


def test_a_note_of_the_longest_length_allowed_is_imported_whole(tmp_path: Path) -> None:
    rows = numbered_rows(1)
    rows[0][HEADER.index("after_note")] = "膝" * NOTE_MAX_CHARS
    content, _ = csv_bytes(rows)
    store = store_in(tmp_path / "d")
    assert import_data(store, content).added == 1
    (record,) = store.records()
    assert record.after is not None and record.after.note == "膝" * NOTE_MAX_CHARS


@pytest.mark.parametrize(("column", "value", "words"), ROW_PROBLEMS)
def test_each_problem_of_a_row_is_told_in_full_words(
    tmp_path: Path, column: str, value: str, words: str
) -> None:
    rows = numbered_rows(2)
    rows[1][HEADER.index(column)] = value
    content, starts = csv_bytes(rows)
    err = syntax_error(tmp_path, content)
    assert str(err) == f"Line {starts[1]}, column {HEADER.index(column) + 1} {words}"


def test_a_row_with_a_cell_too_many_or_too_few_says_how_many(tmp_path: Path) -> None:
    row = ",".join(numbered_rows(1)[0])
    for extra, words in ((",x", "column 17: the row has 17 columns"), ("", "")):
        text = row + extra if extra else row.rsplit(",", 1)[0]
        err = syntax_error(tmp_path / str(len(text)), file_with_lines([text]))
        found = 17 if extra else 15
        assert str(err) == (
            f"Line 2, column {min(found, 16) + 1}: the row has {found} columns instead of 16. "
            "The file may be cut short or changed."
        )
        assert not words or words in str(err)


def file_with_lines(lines: list[str], end: str = "\r\n") -> bytes:
    return (BOM + end.join([",".join(HEADER), *lines]) + end).encode("utf-8")


def test_a_wrong_header_is_named_by_its_first_wrong_cell(tmp_path: Path) -> None:
    cases = [
        (
            ",".join(["start", *HEADER[1:]]),
            "column 1: the header should say “started” here but says “start”.",
        ),
        (
            ",".join(HEADER[:-1]),
            "column 16: the header should say “reps_popliteus_release_left” here but says “”.",
        ),
        (
            ",".join([*HEADER, "extra"]),
            "column 17: the header should say “” here but says “extra”.",
        ),
        ("\r\n" + ",".join(HEADER), "column 1: the header should say “started” here but says “”."),
        (
            ",".join(["started\t", *HEADER[1:]]),
            "column 1: the header should say “started” here but says “started<U+0009>”.",
        ),
    ]
    for i, (header, words) in enumerate(cases):
        content = (BOM + header + "\r\n").encode("utf-8")
        err = syntax_error(tmp_path / str(i), content)
        assert str(err) == (
            f"Line 1, {words} This is not a Knee Coach history file, or it was changed."
        )


def test_checkin_cells_are_read_each_from_its_own_column(tmp_path: Path) -> None:
    """Ratings written with a leading zero are read fully; a note that looks like a rating,
    or an empty cell beside a rating, does not lend its value to a neighbour."""
    rows = numbered_rows(3)
    # before: right, left, tightness, note; after: the same
    rows[0][4:12] = ["3", "4", "", "5", "2", "1", "07", "fine"]
    rows[1][4:12] = ["", "", "", "", "", "07", "", ""]
    rows[2][4:12] = ["00", "010", "10", "", "0", "00", "", "9"]
    rows[2][12:16] = ["001000", "0", "", "0999"]
    content, _ = csv_bytes(rows)
    store = store_in(tmp_path / "d")
    assert import_data(store, content).added == 3
    out = tmp_path / "h.csv"
    export_csv(store, out)
    cells = [row[4:] for row in read_rows(out)[1:]]
    assert cells == [
        ["3", "4", "", "5", "2", "1", "7", "fine", "10", "10", "5", "5"],
        ["", "", "", "", "", "7", "", "", "10", "10", "5", "5"],
        ["0", "10", "10", "", "0", "0", "", "9", "1000", "0", "", "999"],
    ]


@pytest.mark.parametrize("offset", ["+01:01", "+00:01", "-02:30", "+05:45", "+00:00", "Z"])
def test_times_at_any_offset_are_stored_as_the_same_instant(tmp_path: Path, offset: str) -> None:
    rows = numbered_rows(1)
    rows[0][0] = "2026-05-01T07:30:00" + offset
    rows[0][1] = "2026-05-01T07:45:10" + offset
    content, _ = csv_bytes(rows)
    store = store_in(tmp_path / "d")
    import_data(store, content)
    (record,) = store.records()
    assert record.started == datetime.fromisoformat(rows[0][0])
    assert record.ended == datetime.fromisoformat(rows[0][1])
    out = tmp_path / "h.csv"
    export_csv(store, out)
    shown = "+00:00" if offset == "Z" else offset
    assert read_rows(out)[1][:2] == [
        "2026-05-01T07:30:00" + shown,
        "2026-05-01T07:45:10" + shown,
    ]


def test_lines_ended_by_a_lone_carriage_return_are_counted_as_lines(tmp_path: Path) -> None:
    """Old Mac files end lines with CR alone; mixed with CRLF and LF, every line counts."""
    good = [",".join(r) for r in numbered_rows(5)]
    text = (
        BOM
        + ",".join(HEADER)
        + "\r\n"
        + good[0]
        + "\r"
        + good[1]
        + "\r\n"
        + good[2]
        + "\r"
        + good[3]
        + "\n"
        + good[4]
        + "\r"
    )
    store = store_in(tmp_path / "d")
    assert import_data(store, text.encode("utf-8")).added == 5
    bad = text.replace(good[4], good[4].replace("completed", "done"))
    err = syntax_error(tmp_path / "bad", bad.encode("utf-8"))
    assert (err.line, err.column) == (6, 3), str(err)


def test_a_line_over_a_mebibyte_is_refused_as_too_long_and_one_at_it_is_read(
    tmp_path: Path,
) -> None:
    limit = 1 << 20
    at = file_with_lines(["x" * (limit - 2)])
    err = syntax_error(tmp_path / "at", at)
    assert "field larger than field limit" in str(err)
    over = file_with_lines(["x" * (limit - 1)])
    err = syntax_error(tmp_path / "over", over)
    assert str(err) == (
        f"Line 2, column 1: the line is longer than {limit} bytes; no Knee Coach "
        "history has lines this long."
    )


@pytest.mark.parametrize("column", [0, 7])
def test_an_unquoted_cell_at_the_csv_size_limit_is_not_the_one_named(
    tmp_path: Path, column: int
) -> None:
    """Counted from its first character, after a plain cell as after the row's start."""
    cells = numbered_rows(3)[2]  # nothing quoted
    cells[column] = "x" * csv.field_size_limit()
    after = HEADER.index("after_note")
    cells[after] = '"fine"!'  # the real problem
    err = syntax_error(tmp_path, file_with(cells))
    assert (err.line, err.column) == (4, after + 1), str(err)
