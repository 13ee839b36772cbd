"""Start-up for `python app.py`: the page is served while the assistant loads.

Loading the index and the models and warming them takes most of the start-up; the page does not need them to show
the plan, the target table and the question box. So `main` serves the page first, on the parsed plan and the
target table (quick to read), and then loads the assistant in a background thread. Then, not at the same time:
both are mostly Python, and sharing the interpreter slowed the page down as much as it saved. A question asked
before the assistant is ready waits for it; if loading fails, questions get a clear message while the plan and
the table stay usable.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from assistant.errors import AssistantError
from assistant.models import Answer, ParsedDoc
from assistant.targets.table import TargetTable

log = logging.getLogger(__name__)

LOAD_WAIT_S = 120.0  # how long a question waits for the assistant to finish loading


@dataclass(frozen=True)
class PlanKnowledge:
    docs: tuple[ParsedDoc, ...]
    table: TargetTable


def plan_knowledge(settings) -> PlanKnowledge:
    """The parsed plans and the target table (built if missing or stale; atomic, so a concurrent build is safe)."""
    from assistant.corpus import corpus
    from assistant.ingest import ensure_targets

    docs = corpus(settings.knowledge_dir)
    table, _ = ensure_targets(settings.knowledge_dir, settings.data_dir, docs)
    return PlanKnowledge(docs=docs, table=table)


class BackgroundAssistant:
    """Asks the assistant that `load` returns, once it has loaded (in a thread started here)."""

    def __init__(self, load: Callable[[], object], knowledge: PlanKnowledge, wait_s: float = LOAD_WAIT_S,
                 start: bool = True):
        self.knowledge = knowledge
        self.wait_s = wait_s
        self._bot = None
        self._error: BaseException | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._load, args=(load,), name="assistant-load", daemon=True)
        if start:
            self.start()

    def start(self) -> None:
        self._thread.start()

    def _load(self, load: Callable[[], object]) -> None:
        started = time.perf_counter()
        try:
            self._bot = load()
            log.info("assistant ready in %.1f s", time.perf_counter() - started)
        except BaseException as e:  # noqa: BLE001 - reported to every question, and in the log
            log.exception("the assistant could not be loaded")
            self._error = e
        finally:
            self._ready.set()

    @property
    def ready(self) -> bool:
        return self._ready.is_set() and self._bot is not None

    def ask(self, question: str, session_id: str | None = None) -> Answer:
        if not self._ready.wait(self.wait_s):
            raise AssistantError("助手仍在加载，请稍后再试。 · The assistant is still loading; please try again shortly.")
        if self._bot is None:
            raise AssistantError(f"助手未能加载，请联系管理员。 · The assistant could not be loaded: {self._error}")
        return self._bot.ask(question, session_id=session_id)
