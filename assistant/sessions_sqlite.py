"""SqliteSessionStore: conversations in one SQLite file (WAL), shared by every API worker on the host.

Traffic cannot wipe conversations. Each request without a session id leaves a one-turn session behind
(the caller may follow up on it), and such sessions are many and mostly never continued. So the two kinds
are capped separately, per API key:

- a *conversation* (two turns or more) is dropped only when it expires (`ttl_s` after its last turn) or when
  the same key holds more than `max_conversations` of them (least recently used first);
- a *fresh* session (one turn) expires the same way and is otherwise dropped only when the key holds more than
  `max_fresh` of them, oldest first.

A flood of one-question requests therefore only ever evicts other one-question sessions, and a generous
`max_fresh` (20,000 by default, a few tens of MB) keeps a first question answerable for its whole TTL even at
a hundred requests a second. Session ids are scoped by key: one caller cannot read another's conversation.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path

from pydantic import ValidationError

from assistant.errors import StoreError
from assistant.session import Turn

log = logging.getLogger("assistant.sessions")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    turns INTEGER NOT NULL,
    touched REAL NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (key, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_by_age ON sessions (key, turns > 1, touched);
CREATE INDEX IF NOT EXISTS sessions_by_touch ON sessions (touched);
"""
SWEEP_EVERY_S = 5.0  # eviction is a few index scans: amortised, not run on every append


class SqliteSessionStore:
    def __init__(self, path: Path, *, max_conversations: int = 1000, max_fresh: int = 20000, ttl_s: float = 3600,
                 max_turns: int = 6):
        self.path = Path(path)
        self.max_conversations, self.max_fresh = max_conversations, max_fresh
        self.ttl_s, self.max_turns = ttl_s, max_turns
        self._local = threading.local()
        self._sweep_lock = threading.Lock()
        # one writer per process at a time: threads queue on this lock instead of in SQLite's busy handler,
        # whose growing sleeps (up to 100 ms a retry) made the slowest requests under load take seconds
        self._write_lock = threading.Lock()
        self._last_sweep = 0.0
        self._open_checked()

    # ---------------------------------------------------------------- connections

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA busy_timeout = 10000")
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable across process crashes
        return con

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self._connect()
        return con

    def _open_checked(self) -> None:
        """Open (creating) the database; a damaged file is moved aside and a fresh one started: sessions are
        only follow-up context, never worth refusing to serve for."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = self._connect()
            ok = con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            if ok:
                con.executescript(SCHEMA)
            con.close()
        except sqlite3.DatabaseError as e:
            ok, why = False, str(e)
        else:
            why = "integrity check failed"
        if ok:
            return
        aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
        log.warning("session store %s is damaged (%s): moved to %s, starting empty", self.path, why, aside.name)
        try:
            for suffix in ("", "-wal", "-shm"):
                p = Path(str(self.path) + suffix)
                if p.exists():
                    p.replace(Path(str(aside) + suffix))
            con = self._connect()
            con.executescript(SCHEMA)
            con.close()
        except (OSError, sqlite3.DatabaseError) as e:
            raise StoreError(f"{self.path}: session store damaged and cannot be replaced ({e}); "
                             f"delete the file and restart") from e

    # ---------------------------------------------------------------- the SessionStore protocol

    def history(self, session_id: str, key: str = "") -> tuple[Turn, ...]:
        try:
            row = self._con.execute("SELECT touched, data FROM sessions WHERE key = ? AND id = ?",
                                    (key, session_id)).fetchone()
        except sqlite3.OperationalError as e:  # locked past the timeout, or the file vanished: answer without
            log.warning("session %s not read: %s", session_id[:12], e)
            return ()
        if row is None or time.time() - row[0] > self.ttl_s:
            return ()
        return self._decode(row[1])

    def append(self, session_id: str, turn: Turn, key: str = "") -> None:
        """Keep the turn. A full disk or a lock held past the timeout loses this turn's follow-up context
        (logged), never the answer already given."""
        try:
            self._append(session_id, turn, key)
        except sqlite3.OperationalError as e:
            log.warning("session %s not saved: %s", session_id[:12], e)

    def _append(self, session_id: str, turn: Turn, key: str) -> None:
        con = self._con
        entry = turn.model_dump(mode="json")  # serialised before the lock: the lock guards only the write
        with self._write_lock:
            now = time.time()
            self._write(con, session_id, entry, key, now)
        self._maybe_sweep(key, now)

    def _write(self, con: sqlite3.Connection, session_id: str, entry: dict, key: str, now: float) -> None:
        con.execute("BEGIN IMMEDIATE")  # read-modify-write of one row, atomic across workers
        try:
            row = con.execute("SELECT touched, data FROM sessions WHERE key = ? AND id = ?",
                              (key, session_id)).fetchone()
            turns = self._raw(row[1]) if row and now - row[0] <= self.ttl_s else []
            turns = (turns + [entry])[-self.max_turns:]
            con.execute("INSERT OR REPLACE INTO sessions (key, id, turns, touched, data) VALUES (?, ?, ?, ?, ?)",
                        (key, session_id, len(turns), now, json.dumps(turns, ensure_ascii=False)))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # ---------------------------------------------------------------- bounds

    def _maybe_sweep(self, key: str, now: float) -> None:
        with self._sweep_lock:
            if now - self._last_sweep < SWEEP_EVERY_S:
                return
            self._last_sweep = now
        self.sweep(None, now)  # every key: there are only as many as API keys

    def sweep(self, key: str | None = None, now: float | None = None) -> int:
        """Drop expired sessions, then the oldest beyond each cap (for `key`, or for every key). Returns how many."""
        now = time.time() if now is None else now
        con = self._con
        with self._write_lock:
            return self._sweep(con, key, now)

    def _sweep(self, con: sqlite3.Connection, key: str | None, now: float) -> int:
        con.execute("BEGIN IMMEDIATE")
        try:
            dropped = con.execute("DELETE FROM sessions WHERE touched < ?", (now - self.ttl_s,)).rowcount
            keys = [key] if key is not None else [k for (k,) in con.execute("SELECT DISTINCT key FROM sessions")]
            for k in keys:
                for conversation, cap in ((1, self.max_conversations), (0, self.max_fresh)):
                    dropped += con.execute(
                        "DELETE FROM sessions WHERE key = ? AND id IN (SELECT id FROM sessions "
                        "WHERE key = ? AND (turns > 1) = ? ORDER BY touched DESC LIMIT -1 OFFSET ?)",
                        (k, k, conversation, cap)).rowcount
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return dropped

    def count(self, key: str | None = None) -> int:
        if key is None:
            return self._con.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
        return self._con.execute("SELECT COUNT(*) FROM sessions WHERE key = ?", (key,)).fetchone()[0]

    def __len__(self) -> int:
        return self.count()

    @staticmethod
    def _raw(data: str) -> list:
        try:
            turns = json.loads(data)
        except ValueError:
            return []
        return turns if isinstance(turns, list) else []

    @staticmethod
    def _decode(data: str) -> tuple[Turn, ...]:
        try:
            return tuple(Turn.model_validate(t) for t in json.loads(data))
        except (ValueError, TypeError, ValidationError):
            return ()  # a row written by an incompatible version only loses its follow-up context

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None


def open_session_store(path: Path, settings) -> SqliteSessionStore:
    return SqliteSessionStore(path, max_conversations=settings.session_max, max_fresh=settings.session_max_fresh,
                              ttl_s=settings.session_ttl_s, max_turns=settings.session_turns)
