"""session: conversation memory. A `Turn` keeps what was asked, how it was understood and what was answered
(its facts and citations), so that a follow-up is read against the previous *answer*, not only the question.

`SessionStore` is the seam the channels use; `MemorySessionStore` (here) serves one process and is the fake in
tests; `SqliteSessionStore` (assistant/sessions_sqlite.py) is shared by several API workers.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Protocol

from pydantic import ValidationError

from assistant.models import Answer, Frozen


class Turn(Frozen):
    question: str  # as asked
    understood: str = ""  # as understood, follow-ups resolved ("" = as asked)
    answer: Answer


class SessionStore(Protocol):
    """Where conversations live. `key` is the caller's (hashed) API key: stores may cap sessions per key."""

    def history(self, session_id: str, key: str = "") -> tuple[Turn, ...]: ...

    def append(self, session_id: str, turn: Turn, key: str = "") -> None: ...


def new_session_id() -> str:
    return uuid.uuid4().hex


class MemorySessionStore:
    """In memory, bounded in count (LRU), age (TTL) and turns. With `path`, also kept in a JSON file, so that
    one-shot CLI calls (`assistant ask … --session ID`) can follow up on each other."""

    def __init__(self, max_sessions: int = 1000, ttl_s: float = 3600, max_turns: int = 6, path: Path | None = None):
        self.max_sessions, self.ttl_s, self.max_turns = max_sessions, ttl_s, max_turns
        self._sessions: OrderedDict[str, tuple[float, list[Turn]]] = OrderedDict()
        self._lock = threading.Lock()
        self.path = path
        if path is not None:
            self._load()

    def _load(self) -> None:
        try:
            for raw in json.loads(self.path.read_text(encoding="utf-8")):
                self._sessions[raw["id"]] = (raw["touched"], [Turn.model_validate(t) for t in raw["turns"]])
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            self._sessions.clear()  # a missing or corrupt file only loses follow-up context

    def _save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = [{"id": sid, "touched": t, "turns": [x.model_dump(mode="json") for x in turns]}
                for sid, (t, turns) in self._sessions.items()]
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)

    def _expire(self, now: float) -> None:
        # the dict is in order of last touch (append moves a session to the end): the expired ones lead it
        while self._sessions:
            sid, (t, _) = next(iter(self._sessions.items()))
            if now - t <= self.ttl_s:
                break
            del self._sessions[sid]

    def history(self, session_id: str, key: str = "") -> tuple[Turn, ...]:
        with self._lock:
            self._expire(time.time())
            entry = self._sessions.get(session_id)
            return tuple(entry[1]) if entry else ()

    def append(self, session_id: str, turn: Turn, key: str = "") -> None:
        with self._lock:
            now = time.time()
            self._expire(now)
            _, turns = self._sessions.pop(session_id, (now, []))
            turns = (turns + [turn])[-self.max_turns:]
            self._sessions[session_id] = (now, turns)
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)
            self._save()

    def __len__(self) -> int:
        return len(self._sessions)
