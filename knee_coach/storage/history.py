"""Sessions in the history database: written as they happen, read back as SessionRecords."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from itertools import chain
from typing import Any

from knee_coach.core.checkin import CheckIn
from knee_coach.core.model import EndReason, Leg, LegChoice
from knee_coach.core.records import (
    SafetyAnswer,
    SessionRecord,
    SetRecord,
    from_utc_text,
    offset_minutes,
    to_utc_text,
)
from knee_coach.core.session import SetResult
from knee_coach.storage.db import Database

_STORED_COLUMNS = (
    "started_utc, started_offset_min, ended_utc, ended_offset_min, end_reason, legs,"
    " before_pain_right, before_pain_left, before_tightness, before_note,"
    " after_pain_right, after_pain_left, after_tightness, after_note"
)
_SESSION_COLUMNS = "id, " + _STORED_COLUMNS

# A session and a set as stored: the columns above, in that order (without the id), and
# (routine_id, template_id, leg, target, reps_done, status).
SessionValues = tuple[Any, ...]
SetValues = tuple[Any, ...]


_INTO_SESSIONS = f"sessions (id, {_STORED_COLUMNS})"
_INTO_SETS = "sets (session_id, set_index, routine_id, template_id, leg, target, reps_done, status)"


# A session counts as practice only when some reps were done in it.
PRACTISED = "EXISTS (SELECT 1 FROM sets WHERE sets.session_id = sessions.id AND sets.reps_done > 0)"


def _next_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sessions").fetchone()[0])


# SQLite before 3.32 allows at most 999 parameters in one statement.
_MAX_PARAMETERS = 999


def _insert_many(
    conn: sqlite3.Connection, into: str, width: int, rows: Sequence[tuple[object, ...]]
) -> None:
    """INSERT INTO `into` VALUES (...), (...), ...: many rows per statement, much faster
    than a statement per row (fewer calls from Python and runs of a statement). The
    constraints are checked all the same, for every row: SQLite even re-builds the
    lookup table of a CHECK (... IN (...)) for each row (EXPLAIN shows no OP_Once)."""
    per_statement = max(1, _MAX_PARAMETERS // width)
    head = f"INSERT INTO {into} VALUES "
    one = "(" + ", ".join("?" * width) + ")"
    full = head + ", ".join([one] * per_statement)
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        sql = full if len(chunk) == per_statement else head + ", ".join([one] * len(chunk))
        conn.execute(sql, list(chain.from_iterable(chunk)))


def _check_in_values(
    check_in: CheckIn | None,
) -> tuple[int | None, int | None, int | None, str | None]:
    if check_in is None:
        return None, None, None, None
    return (
        check_in.pain_for(Leg.RIGHT),
        check_in.pain_for(Leg.LEFT),
        check_in.tightness,
        check_in.note,
    )


def session_values(rec: SessionRecord) -> SessionValues:
    ended = rec.ended
    return (
        to_utc_text(rec.started),
        offset_minutes(rec.started),
        to_utc_text(ended) if ended else None,
        offset_minutes(ended) if ended else None,
        rec.end_reason.value,
        rec.legs.value,
        *_check_in_values(rec.before),
        *_check_in_values(rec.after),
    )


def set_values(s: SetRecord) -> SetValues:
    return (s.routine_id, s.template_id, s.leg.value, s.target, s.reps_done, s.status)


def _check_in(
    right: int | None, left: int | None, tightness: int | None, note: str | None
) -> CheckIn | None:
    if note is None and right is None and left is None and tightness is None:
        return None
    pain = {leg: v for leg, v in ((Leg.RIGHT, right), (Leg.LEFT, left)) if v is not None}
    return CheckIn(pain=pain, tightness=tightness, note=note or "")


def record_from_row(row: Sequence[object], sets: tuple[SetRecord, ...] = ()) -> SessionRecord:
    (sid, s_utc, s_off, e_utc, e_off, reason, legs, br, bl, bt, bn, ar, al, at, an) = row
    return SessionRecord(
        id=int(sid),  # type: ignore[call-overload]
        started=from_utc_text(str(s_utc), int(s_off)),  # type: ignore[call-overload]
        ended=from_utc_text(str(e_utc), int(e_off)) if e_utc else None,  # type: ignore[call-overload]
        end_reason=EndReason(reason) if reason else EndReason.INTERRUPTED,
        legs=LegChoice(legs),
        before=_check_in(br, bl, bt, bn),  # type: ignore[arg-type]
        after=_check_in(ar, al, at, an),  # type: ignore[arg-type]
        sets=sets,
    )


class HistoryStore:
    """Each call is one short transaction, so a crash loses at most the call in progress."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- writing as the session goes -------------------------------------------------
    def begin_session(self, started: datetime, legs: LegChoice, before: CheckIn | None) -> int:
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (started_utc, started_offset_min, legs, before_pain_right,"
                " before_pain_left, before_tightness, before_note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    to_utc_text(started),
                    offset_minutes(started),
                    legs.value,
                    *_check_in_values(before),
                ),
            )
            return int(cur.lastrowid)  # type: ignore[arg-type]

    def record_set(self, session_id: int, result: SetResult, at: datetime) -> None:
        """Store one finished set (writing the same set twice keeps the first)."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO sets (session_id, set_index, routine_id, template_id, leg,"
                " target, reps_done, status, done_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    result.set_index,
                    result.routine_id,
                    result.template_id,
                    result.leg,
                    result.target,
                    result.reps_done,
                    result.status.value,
                    to_utc_text(at),
                ),
            )

    def end_session(self, session_id: int, reason: EndReason, ended: datetime) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE sessions SET end_reason = ?, ended_utc = ?, ended_offset_min = ?"
                " WHERE id = ?",
                (reason.value, to_utc_text(ended), offset_minutes(ended), session_id),
            )

    def record_checkout(self, session_id: int, after: CheckIn | None) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE sessions SET after_pain_right = ?, after_pain_left = ?,"
                " after_tightness = ?, after_note = ? WHERE id = ?",
                (*_check_in_values(after), session_id),
            )

    def mark_interrupted(self) -> list[SessionRecord]:
        """Sessions that never ended (the app was closed hard or killed) become
        'interrupted', ending at their last stored set. Returns them as they are now."""
        with self.db.transaction() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM sessions WHERE end_reason IS NULL")]
            for sid in ids:
                last = conn.execute(
                    "SELECT max(done_utc) FROM sets WHERE session_id = ?", (sid,)
                ).fetchone()[0]
                conn.execute(
                    "UPDATE sessions SET end_reason = ?,"
                    " ended_utc = coalesce(?, started_utc), ended_offset_min = started_offset_min"
                    " WHERE id = ?",
                    (EndReason.INTERRUPTED.value, last, sid),
                )
        return [r for r in (self.session(sid) for sid in ids) if r is not None]

    # ----- reading ----------------------------------------------------------------------
    def count(self) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM sessions").fetchone()[0])

    def completed_count(self) -> int:
        """Sessions done to the end (not stopped, not interrupted)."""
        row = self.db.conn.execute(
            "SELECT count(*) FROM sessions WHERE end_reason = ?", (EndReason.COMPLETED.value,)
        ).fetchone()
        return int(row[0])

    def session(self, session_id: int) -> SessionRecord | None:
        row = self.db.conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            return None
        return record_from_row(row, self._sets([session_id]).get(session_id, ()))

    def records(
        self,
        start_utc: datetime | None = None,
        end_utc: datetime | None = None,
        with_sets: bool = True,
    ) -> list[SessionRecord]:
        """Sessions started in [start, end), oldest first (by start, then by id)."""
        where, args = _started_between("started_utc", start_utc, end_utc)
        sql = f"SELECT {_SESSION_COLUMNS} FROM sessions{where} ORDER BY started_utc, id"
        # One read transaction, so sessions and sets are a consistent snapshot.
        conn = self.db.conn
        conn.execute("BEGIN")
        try:
            rows = conn.execute(sql, args).fetchall()
            sets = self._sets([r[0] for r in rows] if where else None) if with_sets else {}
        finally:
            conn.execute("COMMIT")
        return [record_from_row(row, sets.get(int(row[0]), ())) for row in rows]

    def _sets(self, session_ids: Iterable[int] | None) -> dict[int, tuple[SetRecord, ...]]:
        conn = self.db.conn
        sql = "SELECT session_id, routine_id, template_id, leg, target, reps_done, status FROM sets"
        rows: list[tuple[Any, ...]]
        if session_ids is None:
            rows = conn.execute(sql + " ORDER BY session_id, set_index").fetchall()
        else:
            ids = list(session_ids)
            rows = []
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows += conn.execute(
                    f"{sql} WHERE session_id IN ({marks}) ORDER BY session_id, set_index", chunk
                ).fetchall()
        out: dict[int, list[SetRecord]] = {}
        for sid, routine_id, template_id, leg, target, reps, status in rows:
            out.setdefault(int(sid), []).append(
                SetRecord(routine_id, template_id, Leg(leg), target, reps, status)
            )
        return {k: tuple(v) for k, v in out.items()}

    # ----- bulk writing (CSV import) ----------------------------------------------------
    def add_records(self, records: Iterable[SessionRecord]) -> int:
        """Insert whole sessions in one transaction: all of them or none."""
        return self.add_rows(
            (session_values(rec), [set_values(s) for s in rec.sets]) for rec in records
        )

    def add_rows(self, rows: Iterable[tuple[SessionValues, Sequence[SetValues]]]) -> int:
        """Insert sessions given as stored values (`session_values`, `set_values`), each with
        its sets, in one transaction: all of them or none. The ids are handed out here as
        SQLite itself would (one more than the largest), which is safe because the
        transaction holds the write lock; rows go in many to a statement (`_insert_many`)."""
        with self.db.transaction() as conn:
            next_id = _next_id(conn)
            sessions: list[tuple[object, ...]] = []
            sets: list[tuple[object, ...]] = []
            for sid, (values, set_rows) in enumerate(rows, start=next_id):
                sessions.append((sid, *values))
                sets += [(sid, i, *row) for i, row in enumerate(set_rows)]
            _insert_many(conn, _INTO_SESSIONS, 15, sessions)
            _insert_many(conn, _INTO_SETS, 8, sets)
        return len(sessions)

    def add_imported(
        self,
        rows: Sequence[tuple[SessionValues, Sequence[int | None]]],
        reps_columns: Sequence[tuple[str, str]],
        status: str,
    ) -> int:
        """`add_imported_chunks` of one chunk."""
        return self.add_imported_chunks([rows], reps_columns, status)

    def add_imported_chunks(
        self,
        chunks: Iterable[Sequence[tuple[SessionValues, Sequence[int | None]]]],
        reps_columns: Sequence[tuple[str, str]],
        status: str,
    ) -> int:
        """Insert sessions as a CSV file has them: stored values and, for each (routine id,
        leg value) of `reps_columns`, the reps done or None. Each number becomes one set
        (that routine and leg, no template or target, `status`), numbered in column order
        without gaps: what `add_rows` stores for those sets, but SQLite makes the set rows
        itself. One transaction: all of them or none.

        The rows come out in (session, column) order without an ORDER BY: CROSS JOIN keeps
        v, read in VALUES order, as the outer loop (a sort cost about a third of the sets'
        insert time)."""
        width = 1 + len(reps_columns)
        reps = [f"r{k}" for k in range(len(reps_columns))]
        # k: one row per column (its position, routine id and leg, bound as parameters).
        columns = " UNION ALL ".join("SELECT ?, ?, ?" for _ in reps_columns)
        column_params = [
            v for k, (routine, leg) in enumerate(reps_columns) for v in (k, routine, leg)
        ]
        value = "CASE k.i " + " ".join(f"WHEN {k} THEN {r}" for k, r in enumerate(reps)) + " END"
        index = " + ".join(
            [f"(k.i > {k} AND {r} IS NOT NULL)" for k, r in enumerate(reps[:-1])] or ["0"]
        )
        one = "(" + ", ".join("?" * width) + ")"
        per_statement = max(1, (_MAX_PARAMETERS - len(column_params) - 1) // width)

        def sql(n: int) -> str:
            return (
                f"WITH v(sid, {', '.join(reps)}) AS (VALUES {', '.join([one] * n)}),"
                f" k(i, routine, leg) AS ({columns})"
                f" INSERT INTO {_INTO_SETS}"
                f" SELECT sid, {index}, k.routine, '', k.leg, NULL, {value}, ?"
                f" FROM v CROSS JOIN k WHERE {value} IS NOT NULL"
            )

        added = 0
        full = sql(per_statement)
        with self.db.transaction() as conn:
            # `chunks` may be read while this runs (a file being imported); an exception
            # from it rolls everything back.
            next_id = _next_id(conn)
            for rows in chunks:
                _insert_many(
                    conn,
                    _INTO_SESSIONS,
                    15,
                    [(sid, *values) for sid, (values, _) in enumerate(rows, start=next_id)],
                )
                for start in range(0, len(rows), per_statement):
                    chunk = rows[start : start + per_statement]
                    params: list[object] = []
                    for sid, (_, numbers) in enumerate(chunk, start=next_id + start):
                        params.append(sid)
                        params += numbers
                    conn.execute(
                        full if len(chunk) == per_statement else sql(len(chunk)),
                        [*params, *column_params, status],
                    )
                next_id += len(rows)
                added += len(rows)
        return added

    # ----- bulk reading (CSV export) -----------------------------------------------------
    def flat_rows(
        self,
        start_utc: datetime | None = None,
        end_utc: datetime | None = None,
        reps: Sequence[tuple[str, str]] = (),
    ) -> list[tuple[Any, ...]]:
        """Sessions started in [start, end), oldest first (by start, then by id), each as
        one flat row in one query: the stored values (`session_values` order), then for each
        (routine id, leg value) in `reps` the reps done in its sets (None without a set)."""
        return self.iter_flat_rows(start_utc, end_utc, reps).fetchall()

    def iter_flat_rows(
        self,
        start_utc: datetime | None = None,
        end_utc: datetime | None = None,
        reps: Sequence[tuple[str, str]] = (),
    ) -> sqlite3.Cursor:
        """`flat_rows`, read one at a time from the cursor."""
        where, args = _started_between("s.started_utc", start_utc, end_utc)
        sums = "".join(
            ", sum(CASE WHEN t.routine_id = ? AND t.leg = ? THEN t.reps_done END)" for _ in reps
        )
        columns = ", ".join("s." + c.strip() for c in _STORED_COLUMNS.split(","))
        sql = (
            f"SELECT {columns}{sums} FROM sessions AS s LEFT JOIN sets AS t ON t.session_id = s.id"
            f"{where} GROUP BY s.id ORDER BY s.started_utc, s.id"
        )
        params = [value for pair in reps for value in pair] + args
        return self.db.conn.execute(sql, params)

    # ----- fast reads for the charts and the review --------------------------------------
    def pain_series(self) -> list[tuple[int, int, int | None, int | None, int | None, int | None]]:
        """Every session practised (some reps done) as (UTC epoch seconds, UTC offset in
        minutes, pain before right, before left, after right, after left), oldest first;
        cheap even for years of data."""
        return self.db.conn.execute(
            "SELECT CAST(strftime('%s', started_utc) AS INTEGER), started_offset_min,"
            " before_pain_right, before_pain_left, after_pain_right, after_pain_left"
            f" FROM sessions WHERE {PRACTISED} ORDER BY started_utc, id"
        ).fetchall()

    def review_records(self, today_utc: datetime, days: int = 21) -> list[SessionRecord]:
        """What the weekly review and the clinic nudge need: the first days of practice with
        a check-in, and the last `days` days (without the sets)."""
        first = self.db.conn.execute(
            f"SELECT min(started_utc) FROM sessions WHERE before_note IS NOT NULL AND {PRACTISED}"
        ).fetchone()[0]
        recent = self.records(today_utc - timedelta(days=days + 1), None, with_sets=False)
        if first is None:
            return self._practised_only(recent)
        start = from_utc_text(first, 0)
        early = self.records(start - timedelta(days=1), start + timedelta(days=9), with_sets=False)
        ids = {r.id for r in recent}
        return self._practised_only([r for r in early if r.id not in ids] + recent)

    def _practised_only(self, records: list[SessionRecord]) -> list[SessionRecord]:
        """The records of sessions in which some reps were done: a session whose sets were
        all skipped is kept in the history but is not a day practised."""
        practised = {
            row[0] for row in self.db.conn.execute(f"SELECT id FROM sessions WHERE {PRACTISED}")
        }
        return [r for r in records if r.id in practised]

    # ----- the safety check and the report -----------------------------------------------
    def record_safety_answer(self, answer: SafetyAnswer) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO safety_answers (answered_utc, answered_offset_min, flags)"
                " VALUES (?, ?, ?)",
                (to_utc_text(answer.at), offset_minutes(answer.at), ",".join(answer.flags)),
            )

    def safety_answers(
        self, start_utc: datetime | None = None, end_utc: datetime | None = None
    ) -> list[SafetyAnswer]:
        """Answers given in [start, end), oldest first."""
        where, args = _started_between("answered_utc", start_utc, end_utc)
        rows = self.db.conn.execute(
            f"SELECT answered_utc, answered_offset_min, flags FROM safety_answers{where}"
            " ORDER BY answered_utc, id",
            args,
        ).fetchall()
        return [
            SafetyAnswer(from_utc_text(at, offset), tuple(f for f in flags.split(",") if f))
            for at, offset, flags in rows
        ]

    def first_day(self) -> date | None:
        """The local day of the first session, or None for an empty history."""
        row = self.db.conn.execute(
            "SELECT started_utc, started_offset_min FROM sessions ORDER BY started_utc, id LIMIT 1"
        ).fetchone()
        return from_utc_text(row[0], row[1]).date() if row else None

    def report_data(
        self, first: date, last: date
    ) -> tuple[list[SessionRecord], list[SafetyAnswer]]:
        """Sessions and safety answers of the local days `first` to `last`. Local days
        depend on each moment's own offset: a margin wider than any offset is read, and
        the caller (knee_coach.core.report) keeps the days asked for."""
        margin = timedelta(days=2)
        start = datetime.combine(first, time(), timezone.utc) - margin
        end = datetime.combine(last, time(), timezone.utc) + margin
        return self.records(start, end), self.safety_answers(start, end)


def _started_between(
    column: str, start_utc: datetime | None, end_utc: datetime | None
) -> tuple[str, list[str]]:
    """The " WHERE ..." clause (or "") keeping sessions whose `column` is in [start, end),
    and its parameters."""
    where, args = [], []
    if start_utc is not None:
        where.append(f"{column} >= ?")
        args.append(to_utc_text(start_utc))
    if end_utc is not None:
        where.append(f"{column} < ?")
        args.append(to_utc_text(end_utc))
    return (" WHERE " + " AND ".join(where) if where else ""), args
