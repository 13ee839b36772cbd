"""The assistant a server answers with, switched atomically when `assistant ingest` (another process) swaps
the index. The old one keeps answering until the new one is fully loaded: ingest keeps the previous
collection for exactly this. A request that still fails on a vanished index is retried once on the new one."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from assistant.errors import AssistantError

log = logging.getLogger("assistant.api")
CHECK_EVERY_S = 1.0


def _signature(path: Path) -> tuple | None:
    try:
        st = path.stat()
        return st.st_mtime_ns, st.st_size, st.st_ino
    except OSError:
        return None


class LiveAssistant:
    def __init__(self, load: Callable[[], object], state_path: Path, bot=None):
        self._load = load
        self.state_path = state_path
        self._bot = bot
        self._signature = _signature(state_path)
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self._reloading = False
        self.generation = 0
        self.last_error: str | None = None

    def start(self):
        if self._bot is None:
            self._signature = _signature(self.state_path)
            self._bot = self._load()
            self._signature = _signature(self.state_path)  # the load may have built the index itself
        return self._bot

    @property
    def bot(self):
        """The current assistant; looks (at most once a second) whether the index on disk has changed."""
        now = time.monotonic()
        if now - self._checked >= CHECK_EVERY_S:
            self._checked = now
            if self.changed() and not self._reloading:
                self._reloading = True
                threading.Thread(target=self._reload, name="index-reload", daemon=True).start()
        return self._bot

    def changed(self) -> bool:
        return _signature(self.state_path) != self._signature

    @property
    def reloading(self) -> bool:
        return self._reloading

    def _reload(self) -> None:
        try:
            self.reload_now()
        finally:
            self._reloading = False

    def reload_now(self):
        """Load the assistant for the index on disk now and switch to it; on failure keep the current one."""
        with self._lock:
            signature = _signature(self.state_path)
            if signature == self._signature and self._bot is not None:
                return self._bot
            try:
                bot = self._load()
            except Exception as e:  # noqa: BLE001 - keep serving the old index, say why in the log and /healthz
                self.last_error = str(e).splitlines()[0] if str(e) else type(e).__name__
                log.error("index changed on disk but could not be loaded; still serving the previous one: %s",
                          self.last_error)
                return self._bot
            self._bot, self._signature, self.last_error = bot, signature, None
            self.generation += 1
            log.info("switched to the new index (%s)", getattr(bot.knowledge.report, "collection", "?"))
            return bot

    def call(self, fn: Callable):
        """fn(bot), retried once on a freshly loaded assistant when it failed because the index moved away."""
        bot = self.bot
        try:
            return fn(bot)
        except AssistantError:
            raise
        except Exception:
            if not self.changed():
                raise
            log.warning("request failed while the index was being replaced; retrying on the new index")
            return fn(self.reload_now())
