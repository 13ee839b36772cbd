"""Feedback from the staff chat (thumbs up/down, reason tags, a comment), kept in SQLite; `assistant eval mine`
reads it back to draft eval items.

The store is a single SQLite file in WAL mode, written by several processes at once (chat workers, the API):
every write is one short `BEGIN IMMEDIATE` transaction with a busy timeout and a bounded retry, and the file is
synced on each commit (`synchronous=FULL`), so a write that returned is on disk and concurrent writers wait for
each other instead of failing. A JSON Lines file from earlier versions (`feedback.jsonl` beside the database) is
imported once, idempotently, and renamed `feedback.jsonl.imported`.
"""

from __future__ import annotations

import json
import logging
import random
import sqlite3
import time
import uuid
from contextlib import closing
from datetime import datetime, timezone
from hashlib import sha1
from pathlib import Path
from typing import Iterator, Literal

from pydantic import Field, ValidationError

from assistant.models import Answer, Frozen

log = logging.getLogger(__name__)

DB_FILE = "feedback.sqlite3"
LEGACY_FILE = "feedback.jsonl"
# The reasons a staff member can tick on a thumbs-down (the chat shows them as they are written here).
REASONS = ("数字错误", "出处错误", "应该回答", "不应回答", "其他")
Reason = Literal["数字错误", "出处错误", "应该回答", "不应回答", "其他"]
MAX_COMMENT_CHARS = 2000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uid         TEXT NOT NULL UNIQUE,
    ts          TEXT NOT NULL,
    updated     TEXT NOT NULL,
    channel     TEXT NOT NULL DEFAULT 'chat',
    session_id  TEXT NOT NULL DEFAULT '',
    question    TEXT NOT NULL,
    answer_text TEXT NOT NULL,
    route       TEXT NOT NULL,
    refused     INTEGER NOT NULL,
    citations   TEXT NOT NULL,
    facts       TEXT NOT NULL,
    answer      TEXT NOT NULL,
    rating      TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    reasons     TEXT NOT NULL DEFAULT '[]',
    comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS feedback_rating ON feedback (rating, ts);
"""
_BUSY_TIMEOUT_S = 30.0
_RETRIES = 8  # on top of the busy timeout: `database is locked` while another process sets the file up


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class FeedbackRecord(Frozen):
    """One rating of one answer. `id` is the store's row id (0 until stored); `uid` survives export/import."""

    id: int = 0
    uid: str = Field(default_factory=lambda: uuid.uuid4().hex)
    ts: str = Field(default_factory=_now)
    channel: str = "chat"
    session_id: str = ""
    question: str
    answer: Answer
    rating: Literal["up", "down"]
    reasons: tuple[Reason, ...] = ()
    comment: str = Field("", max_length=MAX_COMMENT_CHARS)


class FeedbackStore:
    """`add` a record, `update` its rating, reasons or comment, `delete` it (a thumb un-clicked), `records()`.

    Opens a connection per call: cheap for SQLite, safe across threads, and no handle is held between writes.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._write(lambda con: [con.execute(stmt) for stmt in _SCHEMA.split(";") if stmt.strip()], setup=True)
        self.import_problems: list[str] = self._import_legacy()

    @classmethod
    def in_dir(cls, data_dir: Path) -> "FeedbackStore":
        return cls(Path(data_dir) / DB_FILE)

    # ---------------------------------------------------------------- connections

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
        con.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
        con.execute("PRAGMA synchronous = FULL")
        return con

    def _write(self, fn, setup: bool = False):
        """Run `fn(con)` in one IMMEDIATE transaction (the write lock is taken up front, so a reader never has to
        upgrade and deadlock); retry a bounded number of times when another process holds the lock too long."""
        for attempt in range(_RETRIES + 1):
            try:
                with closing(self._connect()) as con:
                    if setup:  # switching to WAL needs a moment alone with the file; it persists once set
                        con.execute("PRAGMA journal_mode = WAL")
                    con.execute("BEGIN IMMEDIATE")
                    try:
                        result = fn(con)
                        con.execute("COMMIT")
                    except BaseException:
                        con.execute("ROLLBACK")
                        raise
                    return result
            except sqlite3.OperationalError as e:
                if attempt == _RETRIES or not any(w in str(e) for w in ("locked", "busy")):
                    raise
                time.sleep(0.05 * (attempt + 1) + random.random() * 0.05)

    # ---------------------------------------------------------------- writes

    def add(self, record: FeedbackRecord) -> FeedbackRecord:
        """Store a record; returns it with its row id. Adding the same `uid` twice stores it once."""
        a = record.answer
        row = (record.uid, record.ts, _now(), record.channel, record.session_id, record.question, a.answer, a.route,
               int(a.refused), _dumps([c.model_dump(mode="json") for c in a.citations]),
               _dumps([f.model_dump(mode="json") for f in a.facts]), a.model_dump_json(), record.rating,
               _dumps(list(record.reasons)), record.comment)

        def insert(con: sqlite3.Connection) -> int:
            con.execute("INSERT OR IGNORE INTO feedback (uid, ts, updated, channel, session_id, question, answer_text,"
                        " route, refused, citations, facts, answer, rating, reasons, comment)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            return con.execute("SELECT id FROM feedback WHERE uid = ?", (record.uid,)).fetchone()[0]

        return record.model_copy(update={"id": self._write(insert)})

    def update(self, record_id: int, *, rating: str | None = None, reasons: tuple[str, ...] | None = None,
               comment: str | None = None) -> FeedbackRecord | None:
        """Change a stored record (validated like a new one); None when there is no such record."""
        current = self.get(record_id)
        if current is None:
            return None
        changed = current.model_copy(update={k: v for k, v in
                                             (("rating", rating), ("reasons", reasons), ("comment", comment))
                                             if v is not None})
        changed = FeedbackRecord.model_validate(changed.model_dump())  # the same checks as a new record

        def apply(con: sqlite3.Connection) -> int:
            return con.execute("UPDATE feedback SET rating = ?, reasons = ?, comment = ?, updated = ? WHERE id = ?",
                               (changed.rating, _dumps(list(changed.reasons)), changed.comment, _now(),
                                record_id)).rowcount

        return changed if self._write(apply) else None

    def delete(self, record_id: int) -> bool:
        return bool(self._write(lambda con: con.execute("DELETE FROM feedback WHERE id = ?", (record_id,)).rowcount))

    # ---------------------------------------------------------------- reads

    def get(self, record_id: int) -> FeedbackRecord | None:
        return next(self._select("WHERE id = ?", (record_id,)), None)

    def records(self, rating: str | None = None) -> list[FeedbackRecord]:
        if rating is None:
            return list(self._select("ORDER BY id", ()))
        return list(self._select("WHERE rating = ? ORDER BY id", (rating,)))

    def count(self) -> int:
        with closing(self._connect()) as con:
            return con.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]

    def _select(self, where: str, params: tuple) -> Iterator[FeedbackRecord]:
        with closing(self._connect()) as con:
            con.row_factory = sqlite3.Row
            rows = con.execute(f"SELECT * FROM feedback {where}", params).fetchall()
        for r in rows:
            yield FeedbackRecord(id=r["id"], uid=r["uid"], ts=r["ts"], channel=r["channel"],
                                 session_id=r["session_id"], question=r["question"],
                                 answer=Answer.model_validate_json(r["answer"]), rating=r["rating"],
                                 reasons=tuple(json.loads(r["reasons"])), comment=r["comment"])

    # ---------------------------------------------------------------- the JSON Lines file of earlier versions

    def _import_legacy(self) -> list[str]:
        legacy = self.path.parent / LEGACY_FILE
        if not legacy.is_file():
            return []
        records, problems = _read_jsonl(legacy)
        for r in records:
            self.add(r)  # uid = hash of the line: importing twice (two processes at once) stores each line once
        try:
            legacy.rename(legacy.with_name(LEGACY_FILE + ".imported"))
        except FileNotFoundError:
            pass  # another process imported it at the same time
        for p in problems:
            log.warning("feedback import: skipped %s", p)
        log.info("imported %d feedback record(s) from %s", len(records), legacy)
        return problems


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _read_jsonl(path: Path) -> tuple[list[FeedbackRecord], list[str]]:
    records: list[FeedbackRecord] = []
    problems: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            data.setdefault("uid", "jsonl-" + sha1(line.encode("utf-8")).hexdigest())
            data.pop("id", None)
            records.append(FeedbackRecord.model_validate(data))
        except (json.JSONDecodeError, ValidationError, AttributeError) as e:
            problems.append(f"{path.name}:{n}: {str(e).splitlines()[0]}")
    return records, problems


def read_feedback(path: Path) -> tuple[list[FeedbackRecord], list[str]]:
    """(records, problems) from a feedback database (or a data directory holding one); a missing file is empty.
    Problems are lines of an old JSON Lines file that could not be imported."""
    path = Path(path)
    if path.is_dir():
        path = path / DB_FILE
    if path.suffix == ".jsonl":  # a file from an earlier version, read as it is
        return _read_jsonl(path) if path.is_file() else ([], [])
    if not path.exists() and not (path.parent / LEGACY_FILE).exists():
        return [], []
    store = FeedbackStore(path)
    return store.records(), store.import_problems
