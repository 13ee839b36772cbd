"""AnswerCache: the answer to a first question, kept by its text. A question asked without a conversation before
it is answered from the plan alone, so the same text gets the same answer until the index changes (a server
switching index builds a new `Assistant`, and with it a new cache). A hotline hears the same questions all day:
the answer core then runs once per distinct question, not once per call.

With `shared` (a SQLite file in the server's runtime directory) the workers of one `assistant serve` share what
they answered: a question answered by one worker is not worked out again by the others. Entries are scoped by
the index and target table they were answered from; the file is only an optimisation, and any error reading or
writing it is ignored."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from assistant.models import Answer

log = logging.getLogger("assistant.cache")
SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    scope TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    understood TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (scope, question)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS answers_by_age ON answers (scope, at);
"""
SWEEP_EVERY = 500  # puts between trims of the shared file
WAIT_S = 30.0  # a thread waiting for another's answer to the same question gives up and answers it itself
# seconds SQLite waits for another worker's write: a busy file under load is slow, not broken (at 1 s, four workers
# setting it up at once on a loaded machine gave up on it for good)
BUSY_S = 10.0
SETUP_TRIES = 8


def _busy(e: sqlite3.Error) -> bool:
    return isinstance(e, sqlite3.OperationalError) and ("locked" in str(e) or "busy" in str(e))


class AnswerCache:
    def __init__(self, max_entries: int, shared: Path | None = None, scope: str = ""):
        self.max_entries = max_entries
        self._items: OrderedDict[str, tuple[Answer, str]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        self.shared, self.scope = (shared, scope) if max_entries > 0 else (None, scope)
        self._local = threading.local()
        self._write_lock = threading.Lock()  # one writer per process: threads queue here, not in SQLite's busy wait
        self._puts = 0
        self._running: dict[str, threading.Event] = {}

    def get(self, question: str) -> tuple[Answer, str] | None:
        """(answer, the question as understood) or None."""
        if self.max_entries <= 0:
            return None
        with self._lock:
            got = self._items.get(question)
            if got is not None:
                self._items.move_to_end(question)
                self.hits += 1
                return got
        got = self._read(question)
        with self._lock:
            if got is None:
                self.misses += 1
                return None
            self.hits += 1
        self._remember(question, got)
        return got

    def once(self, question: str, compute: Callable[[], tuple[Answer, str]]) -> tuple[Answer, str]:
        """The cached answer, or `compute()` run once however many threads ask the same question at the same time
        (a hotline's callers ask the same thing at once: the others wait for the first, not for the CPU)."""
        got = self.get(question)
        if got is not None or self.max_entries <= 0:
            return got or compute()
        with self._lock:
            running = self._running.get(question)
            if running is None:
                running = self._running[question] = threading.Event()
                owner = True
            else:
                owner = False
        if not owner:
            running.wait(WAIT_S)
            return self.get(question) or compute()  # the first one failed or took too long: work it out here
        try:
            answer, understood = compute()
            self.put(question, answer, understood)
            return answer, understood
        finally:
            with self._lock:
                self._running.pop(question, None)
            running.set()

    def put(self, question: str, answer: Answer, understood: str) -> None:
        if self.max_entries <= 0:
            return
        self._remember(question, (answer, understood))
        self._write(question, answer, understood)

    def __len__(self) -> int:
        return len(self._items)

    def _remember(self, question: str, item: tuple[Answer, str]) -> None:
        with self._lock:
            self._items[question] = item
            self._items.move_to_end(question)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    # ------------------------------------------------------------------ the shared file

    def _db(self) -> sqlite3.Connection | None:
        con = getattr(self._local, "con", None)
        if con is None and self.shared is not None:
            for attempt in range(SETUP_TRIES):
                try:
                    con = sqlite3.connect(self.shared, timeout=BUSY_S, isolation_level=None, check_same_thread=False)
                    con.execute("PRAGMA journal_mode=WAL")
                    con.execute("PRAGMA synchronous=OFF")  # a lost entry is recomputed
                    con.executescript(SCHEMA)
                    break
                except sqlite3.Error as e:
                    # another worker switching the file to WAL answers "locked" at once, whatever the busy timeout
                    if _busy(e) and attempt + 1 < SETUP_TRIES:
                        time.sleep(0.05 * (attempt + 1))
                        continue
                    log.debug("answer cache file not used (%s): %s", self.shared, e)
                    if not _busy(e):
                        self.shared = None  # unusable (read-only, not a database): not tried again
                    return None
            self._local.con = con
        return con

    def _read(self, question: str) -> tuple[Answer, str] | None:
        con = self._db()
        if con is None:
            return None
        try:
            row = con.execute("SELECT answer, understood FROM answers WHERE scope = ? AND question = ?",
                              (self.scope, question)).fetchone()
            return (Answer.model_validate_json(row[0]), row[1]) if row else None
        except (sqlite3.Error, ValidationError) as e:
            log.debug("answer cache read failed: %s", e)
            return None

    def _write(self, question: str, answer: Answer, understood: str) -> None:
        con = self._db()
        if con is None:
            return
        data = answer.model_dump_json()
        try:
            with self._write_lock:
                con.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                            (self.scope, question, data, understood, time.time()))
                self._puts += 1
                if self._puts % SWEEP_EVERY == 0:  # other indexes' answers, and the oldest beyond the bound
                    con.execute("DELETE FROM answers WHERE scope != ?", (self.scope,))
                    con.execute("DELETE FROM answers WHERE scope = ? AND at < (SELECT at FROM answers WHERE scope = ? "
                                "ORDER BY at DESC LIMIT 1 OFFSET ?)", (self.scope, self.scope, self.max_entries))
        except sqlite3.Error as e:  # busy, read-only or full: the answer was given; only its reuse is lost
            log.debug("answer cache write failed: %s", e)
