"""What the staff chat keeps per browser session (in a `gr.State`): the conversation and what is selected.

Handlers never change a Conversation in place: they return a new one (`dataclasses.replace`), so an event that
fails half-way leaves the previous state as it was. Ratings are not kept here but in `Ratings`, on the server:
Gradio runs a session's events concurrently, and a thumb clicked while the next answer streams would otherwise be
overwritten by the streaming handler's copy of the state.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from assistant.models import Answer


def new_session_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class ChatTurn:
    question: str
    answer: Answer | None = None  # None while the answer is being computed
    shown: str | None = None  # the part of the answer shown so far while it streams; None = all of it
    error: str = ""  # shown instead of an answer when the assistant failed

    @property
    def done(self) -> bool:
        return self.answer is not None and self.shown is None


@dataclass(frozen=True)
class Conversation:
    session_id: str = field(default_factory=new_session_id)
    turns: tuple[ChatTurn, ...] = ()
    selected: tuple[int, int] | None = None  # (turn index, citation number) shown in the sources panel
    select_reason: str = "answer"  # answer (a new answer arrived) | user (the reader clicked a source)
    stamp: int = 0  # bumped on every change the page should react to (scroll, move focus)
    feedback_turn: int | None = None  # the answer whose feedback form is open

    def with_turn(self, index: int, turn: ChatTurn) -> "Conversation":
        turns = list(self.turns)
        turns[index] = turn
        return replace(self, turns=tuple(turns))

    def bump(self, **changes) -> "Conversation":
        return replace(self, stamp=self.stamp + 1, **changes)

    def turn_done(self, index: int) -> bool:
        return 0 <= index < len(self.turns) and self.turns[index].done

    def answered(self) -> list[tuple[str, Answer]]:
        return [(t.question, t.answer) for t in self.turns if t.answer is not None and t.shown is None]


class Ratings:
    """The rating given to each answer: session id → {turn index: (feedback record id, "up" | "down")}.
    Bounded: the least recently rated sessions go first (their records stay in the store; only the thumbs' state
    on a page that old is forgotten)."""

    def __init__(self, max_sessions: int = 5000):
        self.max_sessions = max_sessions
        self._sessions: OrderedDict[str, dict[int, tuple[int, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session_id: str, turn: int) -> tuple[int, str] | None:
        with self._lock:
            return self._sessions.get(session_id, {}).get(turn)

    def set(self, session_id: str, turn: int, record_id: int, rating: str) -> None:
        with self._lock:
            self._sessions.setdefault(session_id, {})[turn] = (record_id, rating)
            self._sessions.move_to_end(session_id)
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)

    def clear(self, session_id: str, turn: int) -> None:
        with self._lock:
            self._sessions.get(session_id, {}).pop(turn, None)

    def of_session(self, session_id: str) -> dict[int, str]:
        with self._lock:
            return {t: r for t, (_, r) in self._sessions.get(session_id, {}).items()}
