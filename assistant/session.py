"""session: bounded conversation memory and follow-up resolution.

A follow-up (那农牧民呢？ / 这个项目投资多少？ / 其中分散式的那个规模多大？ / And for fixed-asset investment?)
is rewritten into a self-contained question before routing, so the rest of the pipeline never sees
ellipsis or pronouns. Sessions are bounded in count (LRU) and age (TTL).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Words a question ends with that say *what* is asked (kept when the subject is swapped).
ASK_TAIL = re.compile(r"(增长|增速|增幅|投资|完成|新增|规模|达到|有)?(多少|几|多大|多长|哪些|在哪|什么)[^，。]*$")
EN_TAIL = re.compile(r"\b(growth|target|rate|investment|amount|capacity|scale|length)\b.*$", re.I)
ZH_ELLIPSIS = re.compile(r"^(那|那么|还有|另外)?(?P<x>.{1,20}?)(呢|怎么样|如何|又是多少|是多少呢)[？?。!！]*$")
EN_ELLIPSIS = re.compile(r"^(and|what about|how about)\s+(for\s+|the\s+)?(?P<x>.{2,60}?)\s*\??$", re.I)
ZH_AMONG = re.compile(r"其中(?P<x>.{1,12}?)的(那个|那项|项目)")
ZH_PRONOUN = re.compile(r"(这个项目|该项目|这个|该|这项|此项|它|其)")
EN_PRONOUN = re.compile(r"\b(this project|that project|this|that|it|its)\b", re.I)


@dataclass
class Turn:
    question: str
    resolved: str
    subject: str  # what the turn was about: a target's indicator or the question's focus terms


@dataclass
class Session:
    id: str
    turns: list[Turn] = field(default_factory=list)
    touched: float = field(default_factory=time.time)


class SessionStore:
    """In memory for the long-running channels; with `path`, also kept in a JSON file, so that
    one-shot CLI calls (`assistant ask … --session ID`) can follow up on each other."""

    def __init__(self, max_sessions: int = 1000, ttl_s: float = 3600, max_turns: int = 6, path: Path | None = None):
        self.max_sessions, self.ttl_s, self.max_turns = max_sessions, ttl_s, max_turns
        self._sessions: OrderedDict[str, Session] = OrderedDict()
        self._lock = threading.Lock()
        self.path = path
        if path is not None:
            self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            for raw in data:
                turns = [Turn(**t) for t in raw["turns"]]
                self._sessions[raw["id"]] = Session(id=raw["id"], turns=turns, touched=raw["touched"])
        except (OSError, ValueError, KeyError, TypeError):
            self._sessions.clear()  # a missing or corrupt file only loses follow-up context

    def _save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps([asdict(s) for s in self._sessions.values()], ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)

    def get(self, session_id: str | None) -> Session:
        with self._lock:
            now = time.time()
            for sid in [s for s, v in self._sessions.items() if now - v.touched > self.ttl_s]:
                del self._sessions[sid]
            sid = session_id or uuid.uuid4().hex
            session = self._sessions.pop(sid, None) or Session(id=sid)
            session.touched = now
            self._sessions[sid] = session
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)
            return session

    def record(self, session: Session, turn: Turn) -> None:
        with self._lock:
            session.turns.append(turn)
            del session.turns[: -self.max_turns]
            self._save()

    def __len__(self) -> int:
        return len(self._sessions)


def resolve_followup(question: str, session: Session) -> str:
    """The question as it would have been asked in full, given the session's previous turn."""
    if not session.turns:
        return question
    prev = session.turns[-1]
    q = question.strip()
    if m := ZH_AMONG.search(q):
        return q.replace(m.group(0), f"{m.group('x')}{_head(prev.subject)}")
    if m := ZH_ELLIPSIS.match(q):
        if not ASK_TAIL.search(m.group("x")):
            tail = ASK_TAIL.search(prev.resolved)
            return f"{m.group('x')}{tail.group(0) if tail else ''}".rstrip("？?") + "？"
    if m := EN_ELLIPSIS.match(q):
        tail = EN_TAIL.search(prev.resolved)
        x = m.group("x").rstrip("?")
        return f"What is the {tail.group(0).rstrip('?')} for {x}?" if tail else f"{x}?"
    if len(q) <= 30 and ZH_PRONOUN.search(q) and prev.subject:
        return ZH_PRONOUN.sub(prev.subject, q, count=1)
    if len(q) <= 80 and EN_PRONOUN.search(q) and prev.subject:
        return EN_PRONOUN.sub(prev.subject, q, count=1)
    return question


def _head(subject: str) -> str:
    """The head noun of the previous subject (风电项目 from 风电项目有哪些) to attach a modifier to."""
    m = re.search(r"([\u4e00-\u9fff]{1,4}(项目|企业|指标|工程))", subject)
    return m.group(1) if m else subject
