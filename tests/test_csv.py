"""CSV export and import: exact round trip, formula cells, merging, and bad files that get a
clear message naming the line and column and write nothing."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from benchmarks.demo_history import demo_records
from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import SessionRecord, offset_minutes, to_utc_text
from knee_coach.core.routines import ROUTINES
from knee_coach.storage import csv_import
from knee_coach.storage.csv_export import export_csv
from knee_coach.storage.csv_format import HEADER, REPS_COLUMNS, neutralise, unneutralise
from knee_coach.storage.csv_import import CsvImportError, import_csv
from knee_coach.storage.db import Database
from knee_coach.storage.history import HistoryStore
from tests import csv_reference
from tests.csv_reference import parse_csv
from tests.property_budget import examples

JST = timezone(timedelta(hours=9))
HEADER_LINE = ",".join(HEADER)


def store_in(folder: Path) -> HistoryStore:
    return HistoryStore(Database.open(folder))


def tricky_records() -> list[SessionRecord]:
    t = datetime(2026, 3, 1, 6, 5, tzinfo=JST)
    notes = [
        "=SUM(A1:A9)",
        "+81 phone",
        "-3 after stairs",
        "@home",
        "\tTab",
        "\rCR",
        "'quoted",
        "''twice",
        '膝の裏が痛い, "階段"\nふたつめの行',
        "plain",
    ]
    recs = []
    for i, note in enumerate(notes):
        started = t + timedelta(hours=13 * i)
        recs.append(
            SessionRecord(
                id=None,
                started=started.astimezone(timezone(timedelta(hours=-5 + i))),
                ended=None if i == 3 else started + timedelta(minutes=8),
                end_reason=list(EndReason)[i % 4],
                legs=list(LegChoice)[i % 3],
                before=None if i == 2 else CheckIn({Leg.RIGHT: i % 11, Leg.LEFT: 10}, i % 3, note),
                after=None if i % 2 else CheckIn({Leg.LEFT: 0}, None, note[::-1]),
                sets=(),
            )
        )
    return recs + demo_records(date(2026, 4, 1), date(2026, 4, 20))


def test_the_header_is_stable_and_covers_every_routine_and_leg() -> None:
    assert HEADER_LINE == (
        "started,ended,end_reason,legs,before_pain_right,before_pain_left,before_tightness,"
        "before_note,after_pain_right,after_pain_left,after_tightness,after_note,"
        "reps_hamstring_glide_right,reps_hamstring_glide_left,"
        "reps_popliteus_release_right,reps_popliteus_release_left"
    )
    assert {(r, leg) for _, r, leg in REPS_COLUMNS} == {
        (routine.id, leg) for routine in ROUTINES for leg in Leg
    }


def test_export_import_export_gives_identical_bytes(tmp_path: Path) -> None:
    first = store_in(tmp_path / "a")
    first.add_records(tricky_records())
    out1 = tmp_path / "one.csv"
    assert export_csv(first, out1) == len(tricky_records())
    data = out1.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER_LINE.encode() + b"\r\n")

    second = store_in(tmp_path / "b")
    result = import_csv(second, out1)
    assert (result.added, result.skipped) == (len(tricky_records()), 0)
    out2 = tmp_path / "two.csv"
    export_csv(second, out2)
    assert out2.read_bytes() == data
    # Values came back exactly, notes included.
    by_start = {r.started: r for r in second.records()}
    for rec in tricky_records()[:10]:
        got = by_start[rec.started]
        assert got.started.utcoffset() == rec.started.utcoffset()
        assert (got.before, got.after, got.end_reason, got.legs, got.ended) == (
            rec.before,
            rec.after,
            rec.end_reason,
            rec.legs,
            rec.ended,
        )


def test_formula_cells_are_neutralised_in_the_file() -> None:
    text = csv_reference.csv_text(tricky_records()[:10])
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    notes = [row[HEADER.index("before_note")] for row in rows[1:]]
    assert notes[0] == "'=SUM(A1:A9)"
    assert notes[1] == "'+81 phone" and notes[2] == ""  # no check-in on that one
    assert notes[3] == "'@home" and notes[4] == "'\tTab" and notes[5] == "'\rCR"
    assert notes[6] == "''quoted" and notes[7] == "'''twice"
    assert notes[9] == "plain"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@given(st.text())
def test_neutralising_round_trips_any_text(cell: str) -> None:
    assert unneutralise(neutralise(cell)) == cell
    assert not neutralise(cell).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_import_merges_and_skips_exact_duplicates(tmp_path: Path) -> None:
    store = store_in(tmp_path / "d")
    recs = demo_records(date(2026, 1, 1), date(2026, 1, 10))
    store.add_records(recs[:6])
    path = tmp_path / "all.csv"
    path.write_text(csv_reference.csv_text(recs), encoding="utf-8")
    result = import_csv(store, path)
    assert (result.added, result.skipped) == (len(recs) - 6, 6)
    assert store.count() == len(recs)
    again = import_csv(store, path)
    assert (again.added, again.skipped) == (0, len(recs))


def test_export_by_local_day(tmp_path: Path) -> None:
    store = store_in(tmp_path / "d")
    store.add_records(demo_records(date(2026, 1, 1), date(2026, 1, 31), per_day=(2,)))
    out = tmp_path / "jan.csv"
    assert export_csv(store, out, date(2026, 1, 10), date(2026, 1, 12)) == 6
    text = out.read_text(encoding="utf-8-sig")
    days = [line[:10] for line in text.splitlines()[1:]]
    assert days == ["2026-01-10"] * 2 + ["2026-01-11"] * 2 + ["2026-01-12"] * 2


def good_file() -> str:
    return csv_reference.csv_text(demo_records(date(2026, 1, 1), date(2026, 1, 3), per_day=(1,)))


def replace_cell(text: str, line: int, column: str, value: str) -> str:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    rows[line - 1][HEADER.index(column)] = value
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return "\ufeff" + buf.getvalue()


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        (b"", 1, 1, "empty"),
        (b"a,b,c\r\n1,2,3\r\n", 1, 1, "header"),
        (good_file().replace("before_tightness", "tightness").encode(), 1, 7, "header"),
        (
            replace_cell(good_file(), 3, "started", "2026-13-01T07:00:00+09:00").encode(),
            3,
            1,
            "not a date",
        ),
        (replace_cell(good_file(), 2, "started", "2026-01-01 07:00").encode(), 2, 1, "not a date"),
        (
            replace_cell(good_file(), 2, "started", "2026-01-01T07:00:00").encode(),
            2,
            1,
            "not a date",
        ),  # no offset
        (
            replace_cell(good_file(), 4, "ended", "2025-01-01T07:00:00+09:00").encode(),
            4,
            2,
            "ends before",
        ),
        (replace_cell(good_file(), 2, "before_pain_left", "11").encode(), 2, 6, "0 to 10"),
        (replace_cell(good_file(), 3, "after_tightness", "-1").encode(), 3, 11, "0 to 10"),
        (replace_cell(good_file(), 3, "after_pain_right", "5.5").encode(), 3, 9, "0 to 10"),
        (replace_cell(good_file(), 2, "end_reason", "finished").encode(), 2, 3, "not one of"),
        (replace_cell(good_file(), 2, "legs", "").encode(), 2, 4, "value is needed"),
        (
            replace_cell(good_file(), 2, "reps_popliteus_release_left", "lots").encode(),
            2,
            16,
            "reps",
        ),
        (replace_cell(good_file(), 2, "before_note", "x" * 501).encode(), 2, 8, "longer"),
        (good_file().encode("utf-8")[:-40], 4, 4, "columns"),  # cut short
        (good_file().encode()[:-3] + b'"\r\n', 4, 16, "reps"),
        ((good_file() + '2026-01-09T07:00:00+09:00,"unclosed\r\n').encode(), 5, 2, "CSV"),
        (
            replace_cell(good_file(), 3, "before_note", "階段").lstrip("\ufeff").encode("cp932"),
            3,
            74,
            "UTF-8",
        ),
    ],
)
def test_bad_files_get_a_clear_message_with_line_and_column_and_write_nothing(
    tmp_path: Path, data: bytes, line: int, column: int, words: str
) -> None:
    store = store_in(tmp_path / "d")
    store.add_records(demo_records(date(2025, 1, 1), date(2025, 1, 2)))
    before = store.count()
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(CsvImportError) as err:
        import_csv(store, path)
    message = str(err.value)
    assert words in message, message
    assert (err.value.line, err.value.column) == (line, column), message
    if data and words != "UTF-8":
        assert message.startswith(f"Line {line}, column {column}")
    assert store.count() == before


def test_an_encoding_error_names_the_line_and_the_column_of_the_bad_byte() -> None:
    data = good_file().encode() + b"2026-02-01T07:00:00+09:00,,completed,both,,,,"
    data += "膝".encode("cp932") + b",,,,,,,,\r\n"
    with pytest.raises(CsvImportError) as err:
        parse_csv(data)
    assert err.value.line == 5 and err.value.column == 46
    assert "0x95" in str(err.value)


def test_a_file_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(CsvImportError, match="cannot be read"):
        import_csv(store_in(tmp_path / "d"), tmp_path / "missing.csv")


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> HistoryStore:
    store = store_in(tmp_path_factory.mktemp("shared"))
    store.add_records(demo_records(date(2024, 1, 1), date(2024, 1, 3), per_day=(1,)))
    return store


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.binary(max_size=600) | st.text(max_size=400).map(str.encode))
def test_property_any_bytes_either_import_or_raise_the_clear_error_and_write_nothing(
    shared_store: HistoryStore, data: bytes
) -> None:
    before = csv_reference.csv_text(shared_store.records())
    count = shared_store.count()
    try:
        result = csv_reference.import_records(shared_store, parse_csv(data))
    except CsvImportError as exc:
        assert exc.line >= 1 and str(exc)
        assert csv_reference.csv_text(shared_store.records()) == before  # nothing written
    else:
        assert shared_store.count() == count + result.added


CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "10",
            "11",
            "-1",
            "x",
            "2026-01-01T07:00:00+09:00",
            "completed",
            "both",
            "=1+1",
            "'",
            '"',
            "\r\n",
            "\x00",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+23:59",
        ]
    ),
    st.text(max_size=12),
)


@settings(
    max_examples=examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    line=st.integers(min_value=2, max_value=4),
    column=st.sampled_from(HEADER),
    value=CELL,
    cut=st.integers(min_value=0, max_value=40),
)
def test_property_mutated_files_import_all_or_nothing(
    tmp_path_factory: pytest.TempPathFactory, line: int, column: str, value: str, cut: int
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    store = store_in(folder)
    store.add_records(demo_records(date(2024, 1, 1), date(2024, 1, 2), per_day=(1,)))
    data = replace_cell(good_file(), line, column, value).encode()
    data = data[: len(data) - cut] if cut else data
    path = folder / "in.csv"
    path.write_bytes(data)
    try:
        result = import_csv(store, path)
    except CsvImportError as exc:
        assert exc.line >= 1
        assert store.count() == 2  # nothing written
    else:
        assert store.count() == 2 + result.added
        assert result.added + result.skipped >= 2
    store.db.close()


def test_export_writes_what_the_session_records_would(tmp_path: Path) -> None:
    """The export reads flat rows straight from SQLite; it must give exactly the bytes of
    the plain path (read SessionRecords, one row each), also for rows an old version left:
    no end reason, several sets per routine and leg, a note without ratings, no sets."""
    from tests.test_history_db import make_v1

    folder = tmp_path / "old"
    folder.mkdir()
    make_v1(folder / "history.sqlite3")
    store = store_in(folder)
    store.add_records(tricky_records())
    store.add_records(demo_records(date(2026, 6, 1), date(2026, 8, 31), per_day=(0, 1, 2)))
    records = store.records()
    assert any(r.end_reason is EndReason.INTERRUPTED for r in records)
    out = tmp_path / "all.csv"
    assert export_csv(store, out) == len(records)
    assert out.read_bytes() == csv_reference.csv_text(records).encode("utf-8")
    part = tmp_path / "part.csv"
    n = export_csv(store, part, date(2026, 4, 1), date(2026, 6, 30))
    expected = csv_reference.select(records, date(2026, 4, 1), date(2026, 6, 30))
    assert n == len(expected) > 0
    assert part.read_bytes() == csv_reference.csv_text(expected).encode("utf-8")
    # And every one of those rows is recognised as already there.
    result = import_csv(store, out)
    assert (result.added, result.skipped) == (0, len(records))


def test_years_before_1000_are_stored_so_they_can_be_read_back(tmp_path: Path) -> None:
    text = HEADER_LINE + "\r\n0999-01-01T07:00:00+09:00,,completed,both" + "," * 12 + "\r\n"
    path = tmp_path / "old.csv"
    path.write_bytes(text.encode())
    store = store_in(tmp_path / "d")
    assert import_csv(store, path).added == 1
    row = store.db.conn.execute("SELECT started_utc FROM sessions").fetchone()
    assert row == ("0998-12-31T22:00:00Z",)
    out = tmp_path / "out.csv"
    export_csv(store, out)
    assert out.read_bytes() == ("\ufeff" + text).encode()


def test_many_sessions_at_once_keep_their_order_values_and_sets(tmp_path: Path) -> None:
    """Bulk inserts go many rows to a statement: check across several statements."""
    store = store_in(tmp_path / "d")
    store.add_records(tricky_records()[:3])
    recs = demo_records(date(2025, 1, 1), date(2025, 4, 30), per_day=(1, 2))
    assert store.add_records(recs) == len(recs) > 150
    back = sorted(store.records(), key=lambda r: r.id or 0)[3:]
    assert [r.id for r in back] == list(range(4, 4 + len(recs)))
    for got, want in zip(back, recs, strict=True):
        assert (got.started, got.ended, got.before, got.after, got.sets) == (
            want.started,
            want.ended,
            want.before,
            want.after,
            want.sets,
        )
    assert store.db.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 6 * len(recs)


def test_a_rating_with_a_leading_zero_and_a_neutralised_cell_still_import(tmp_path: Path) -> None:
    text = replace_cell(good_file(), 2, "before_pain_right", "07")
    text = replace_cell(text, 3, "after_tightness", "'3")
    text = replace_cell(text, 4, "reps_hamstring_glide_left", "0012")
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode())
    store = store_in(tmp_path / "d")
    assert import_csv(store, path).added == 3
    first, second, third = store.records()
    assert first.pain_before(Leg.RIGHT) == 7
    assert second.after is not None and second.after.tightness == 3
    assert third.reps("hamstring_glide", Leg.LEFT) == 12


def reference_time(value: str) -> tuple[str, int] | None:
    """A time cell read the plain way: UTC text and offset, or None when it is not valid."""
    if not csv_import._TIME.match(value):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return to_utc_text(moment), offset_minutes(moment)
    except (ValueError, OverflowError):
        return None


TIME_TEXT = st.builds(
    "{}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}".format,
    st.sampled_from(["0001", "0999", "1970", "2026", "9999"]),
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(0, 24),
    st.integers(0, 60),
    st.integers(0, 60),
    st.sampled_from(["Z", "+00:00", "-00:00", "+09:00", "-04:30", "+05:45", "+23:59", "-23:59"])
    | st.builds(
        "{}{:02d}:{:02d}".format, st.sampled_from("+-"), st.integers(0, 30), st.integers(0, 99)
    ),
)


@settings(max_examples=examples(600), deadline=None)
@given(value=TIME_TEXT)
def test_time_cells_are_read_as_the_plain_way_would(value: str) -> None:
    """Import reads each offset once and then only the date and time: same result, same
    errors, as reading every cell whole."""
    expected = reference_time(value)
    try:
        _, utc, offset = csv_import._stored_time(value, 2, "started")
    except CsvImportError as exc:
        assert expected is None, value
        assert (exc.line, exc.column) == (2, 1)
    else:
        assert (utc, offset) == expected, value


@settings(max_examples=examples(600), deadline=None)
@given(
    start=st.sampled_from(
        [
            "2026-01-02T07:15:00+09:00",
            "2026-01-02T00:30:30Z",
            "0001-01-01T00:59:59+00:00",  # the first hour there is, in UTC
            "9999-12-31T23:10:00-00:00",
            "2026-03-01T05:40:00-04:30",
        ]
    )
    | TIME_TEXT,
    minutes_seconds=st.builds(
        ":{:02d}:{:02d}".format,
        st.sampled_from([0, 9, 59, 60, 99]) | st.integers(0, 99),
        st.sampled_from([0, 59, 60]) | st.integers(0, 99),
    )
    | st.text(alphabet="0123456789:٣", max_size=7),
    suffix=st.none() | st.sampled_from(["Z", "+00:00", "+09:00", "-04:30", "+05:45", "x"]),
    hour=st.none() | st.integers(0, 24),
)
@example(start="2026-01-02T07:15:00+09:00", minutes_seconds=":59:59", suffix=None, hour=None)
@example(start="2026-01-02T07:15:00+09:00", minutes_seconds=":60:00", suffix=None, hour=None)
@example(start="2026-01-02T07:15:00+09:00", minutes_seconds=":20:60", suffix=None, hour=None)
@example(start="2026-01-02T07:15:00+09:00", minutes_seconds=":1٣:00", suffix=None, hour=None)
@example(start="2026-01-02T07:15:00+09:00", minutes_seconds=":14:59", suffix=None, hour=None)
@example(start="2026-01-02T07:15:00+09:00", minutes_seconds=":20:00", suffix="Z", hour=None)
@example(start="2026-01-02T07:15:00+09:00", minutes_seconds=":20:00", suffix=None, hour=8)
@example(start="2026-01-02T07:15:00+09:00", minutes_seconds=":10:00", suffix=None, hour=8)
@example(start="2026-03-01T05:40:00-04:30", minutes_seconds=":50:00", suffix=None, hour=None)
def test_an_end_in_the_hour_of_the_start_is_read_as_the_plain_way_would(
    start: str, minutes_seconds: str, suffix: str | None, hour: int | None
) -> None:
    """The end of a session in the hour it started is read from the start's UTC text:
    same result, same errors, as reading it whole."""
    started = reference_time(start)
    assume(started is not None)
    end = start[:11] + (start[11:13] if hour is None else f"{hour:02d}") + minutes_seconds
    end += start[19:] if suffix is None else suffix
    row = good_file()[1:].splitlines()[1].split(",")
    row[0], row[1] = start, end
    ended = reference_time(end)
    try:
        key, _, _ = csv_import._row(row, 2)
    except CsvImportError as exc:
        assert (exc.line, exc.column) == (2, 2), end
        assert ended is None or ended[0] < started[0], end
        assert ("ends before" in str(exc)) == (ended is not None), end
    else:
        assert ended is not None and ended[0] >= started[0], end
        assert (key[2], key[3]) == ended, end


def read_both_ways(text: str) -> tuple[object, object]:
    """What `_parse` makes of a file (its rows, or the error's line, column and message),
    split into lines where it can and read by the csv module throughout."""

    def outcome() -> object:
        try:
            return csv_import._parse(("\ufeff" + text).encode())
        except CsvImportError as exc:
            return (exc.line, exc.column, str(exc))

    split = outcome()
    with patch.object(csv_import, "_SPLIT_PLAIN", False):
        return split, outcome()


def test_plain_files_are_split_into_rows_as_the_csv_module_would() -> None:
    plain = good_file()[1:]
    long_note = "x" * (csv.field_size_limit() + 1)  # the csv module refuses the cell
    for text in (
        plain,
        plain.replace("\r\n", "\n"),
        plain.rstrip(),
        plain.replace("\r\n", "\r\n\r\n"),  # blank lines between rows
        "\r\n" + plain,  # a blank line is no header
        plain.replace("\r\n", "\n", 2),  # mixed line ends
        plain + "2026-01-09T07:00:00+09:00,,completed,both\r\n",  # too few cells
        replace_cell(plain, 3, "before_note", "'=1+1")[1:],
        replace_cell(plain, 3, "before_note", long_note)[1:],
        replace_cell(plain, 2, "before_note", "a\rb")[1:],
    ):
        split, by_csv = read_both_ways(text)
        assert split == by_csv, text[:300]
    assert read_both_ways(replace_cell(plain, 3, "before_note", long_note)[1:])[0][:2] == (3, 8)


@settings(max_examples=examples(300), deadline=None)
@given(
    line=st.integers(min_value=1, max_value=4),
    column=st.sampled_from(HEADER),
    value=CELL,
    cut=st.integers(min_value=0, max_value=40),
    line_end=st.sampled_from(["\r\n", "\n", "\r\n\r\n"]),
)
def test_property_split_rows_are_the_csv_modules(
    line: int, column: str, value: str, cut: int, line_end: str
) -> None:
    text = replace_cell(good_file(), line, column, value)[1:].replace("\r\n", line_end)
    split, by_csv = read_both_ways(text[: len(text) - cut] if cut else text)
    assert split == by_csv


def test_imported_reps_are_stored_as_the_sets_add_rows_would_store(tmp_path: Path) -> None:
    """add_imported lets SQLite make the set rows: the same rows as add_rows with the sets
    written out, numbered without gaps, also when some reps are missing."""
    from knee_coach.storage.history import session_values

    columns = [(routine_id, leg.value) for _, routine_id, leg in REPS_COLUMNS]
    patterns = [
        (10, 12, 15, 0),
        (None, 3, None, 7),
        (None, None, None, None),
        (5, None, None, None),
    ]
    recs = demo_records(date(2026, 1, 1), date(2026, 3, 31), per_day=(1, 2))
    rows = [(session_values(r), patterns[i % len(patterns)]) for i, r in enumerate(recs)]
    a, b = store_in(tmp_path / "a"), store_in(tmp_path / "b")
    a.add_records(tricky_records()[:2])
    b.add_records(tricky_records()[:2])
    assert a.add_imported(rows, columns, "imported") == len(rows) > 100
    b.add_rows(
        (
            values,
            [
                (routine_id, "", leg, None, n, "imported")
                for (routine_id, leg), n in zip(columns, reps, strict=True)
                if n is not None
            ],
        )
        for values, reps in rows
    )
    query = "SELECT * FROM sets ORDER BY session_id, set_index"
    assert a.db.conn.execute(query).fetchall() == b.db.conn.execute(query).fetchall()
    # Written in that order too, as add_rows writes them (add_imported has no ORDER BY).
    query = "SELECT session_id, set_index FROM sets ORDER BY rowid"
    assert a.db.conn.execute(query).fetchall() == b.db.conn.execute(query).fetchall()
    query = "SELECT * FROM sessions ORDER BY id"
    assert a.db.conn.execute(query).fetchall() == b.db.conn.execute(query).fetchall()


def test_export_of_odd_stored_values_matches_the_plain_path(tmp_path: Path) -> None:
    """Values only a hand-edited database could hold still export exactly as the plain
    path (SessionRecords, row_for, neutralise) would: negative reps, a UTC time with
    a fraction of a second, an offset that is not whole hours."""
    store = store_in(tmp_path / "d")
    conn = store.db.conn
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(
        "INSERT INTO sessions (started_utc, started_offset_min, ended_utc, ended_offset_min,"
        " end_reason, legs, before_pain_right, before_note)"
        " VALUES ('2026-05-01T06:30:00.750Z', 345, '2026-05-01T06:40:00Z', -570,"
        " '', 'left', 3, '=1+1')"
    )
    conn.execute(
        "INSERT INTO sets (session_id, set_index, routine_id, template_id, leg, reps_done,"
        " status) VALUES (1, 0, 'hamstring_glide', '', 'left', -4, 'completed')"
    )
    records = store.records()
    out = tmp_path / "odd.csv"
    assert export_csv(store, out) == 1
    data = out.read_bytes()
    assert data == csv_reference.csv_text(records).encode("utf-8")
    assert data.endswith(
        b"2026-05-01T12:15:00+05:45,2026-04-30T21:10:00-09:30,interrupted,left,3,,,'=1+1,"
        b",,,,,'-4,,\r\n"
    )
