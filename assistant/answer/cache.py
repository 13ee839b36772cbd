"""AnswerCache: the answer to a first question, kept by its text. A question asked without a conversation before
it is answered from the plan alone, so the same text gets the same answer until the index changes (a server
switching index builds a new `Assistant`, and with it a new cache). A hotline hears the same questions all day:
the answer core then runs once per distinct question, not once per call."""

from __future__ import annotations

import threading
from collections import OrderedDict

from assistant.models import Answer


class AnswerCache:
    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._items: OrderedDict[str, tuple[Answer, str]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, question: str) -> tuple[Answer, str] | None:
        """(answer, the question as understood) or None."""
        if self.max_entries <= 0:
            return None
        with self._lock:
            got = self._items.get(question)
            if got is None:
                self.misses += 1
                return None
            self._items.move_to_end(question)
            self.hits += 1
            return got

    def put(self, question: str, answer: Answer, understood: str) -> None:
        if self.max_entries <= 0:
            return
        with self._lock:
            self._items[question] = (answer, understood)
            self._items.move_to_end(question)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
