"""Running the API under uvicorn, with the timeouts uvicorn itself lacks.

uvicorn closes idle keep-alive connections (`timeout_keep_alive`) and can cap connections
(`limit_concurrency`, 503 beyond), but has no deadline for a request's headers: a client that sends half a
request line holds its connection (and a file descriptor) forever. `DeadlineProtocol` adds one: the headers
of each request must arrive within `ASSISTANT_HEADER_TIMEOUT_S` of its first byte (or of the connection
opening), or the connection is closed. The body's deadline is the gate's (assistant/http/gate.py: 408).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from assistant.settings import get_settings

log = logging.getLogger("assistant.api")


class DeadlineProtocol(HttpToolsProtocol):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.header_timeout = get_settings().header_timeout_s
        self._header_deadline = None

    def _arm(self) -> None:
        if self._header_deadline is None:
            self._header_deadline = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)


def serve(host: str, port: int, workers: int = 1) -> None:
    """`assistant serve`: one process, or `workers` processes sharing the port, the session database, the
    rate-limit counters and (through PROMETHEUS_MULTIPROC_DIR) the metrics."""
    import uvicorn

    settings = get_settings()
    runtime = settings.runtime_dir
    made = runtime is None
    if made:
        runtime = tempfile.mkdtemp(prefix="assistant-serve-")
    os.environ["ASSISTANT_RUNTIME_DIR"] = str(runtime)
    get_settings.cache_clear()
    for stale in ("answers.sqlite", "answers.sqlite-wal", "answers.sqlite-shm"):  # answers of an earlier run's code
        with contextlib.suppress(OSError):
            os.remove(os.path.join(runtime, stale))
    if workers > 1:
        # the workers answer in parallel already: an embedding spread over every core would only contend with them
        # (measured: 20 clients, 2 workers, p95 409 → 386 ms); an operator's own setting wins
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        metrics = os.path.join(runtime, "metrics")
        shutil.rmtree(metrics, ignore_errors=True)
        os.makedirs(metrics)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics
    try:
        uvicorn.run("assistant.api:create_app", factory=True, host=host, port=port, workers=workers,
                    http="assistant.http.server:DeadlineProtocol", log_level="info",
                    timeout_keep_alive=settings.keepalive_timeout_s, limit_concurrency=settings.max_connections,
                    timeout_graceful_shutdown=10)
    finally:
        if made:
            shutil.rmtree(runtime, ignore_errors=True)
