"""Prometheus metrics (prometheus-client). With several workers, `assistant serve` sets PROMETHEUS_MULTIPROC_DIR
before any worker starts, each worker writes its own files there and /metrics adds them up."""

from __future__ import annotations

import logging
import os

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

REGISTRY = CollectorRegistry()  # ours, not the library's global one: tests build many apps in one process

REQUESTS = Counter("assistant_http_requests", "HTTP requests by route, method and status",
                   ["route", "method", "status"], registry=REGISTRY)
LATENCY = Histogram("assistant_http_request_seconds", "HTTP request latency by route", ["route"], registry=REGISTRY,
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10))
ANSWERS = Counter("assistant_answers", "answers by route (target, retrieval, clarify, refusal, smalltalk)",
                  ["route", "refused"], registry=REGISTRY)
REFUSALS = Counter("assistant_refusals", "answers that declined to answer from the plan", registry=REGISTRY)
GUARD = Counter("assistant_guard_rejections", "answers the number/citation guard rejected",
                ["kind"], registry=REGISTRY)
RATE_LIMITED = Counter("assistant_rate_limited", "requests refused by the per-key rate limit", registry=REGISTRY)

# The guard lives in the core (service.py) and says what it rejected in its log lines; counting those lines
# keeps the core free of metrics code.
GUARD_MESSAGES = {"answer withheld": "withheld", "LLM answer rejected": "llm_rejected"}


class GuardCounter(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        msg = str(record.msg)
        for prefix, kind in GUARD_MESSAGES.items():
            if msg.startswith(prefix):
                GUARD.labels(kind=kind).inc()


_guard_handler = GuardCounter(level=logging.WARNING)


def install_guard_counter() -> None:
    core = logging.getLogger("assistant")
    if _guard_handler not in core.handlers:
        core.addHandler(_guard_handler)


def count_answer(route: str, refused: bool) -> None:
    ANSWERS.labels(route=route, refused=str(refused).lower()).inc()
    if refused:
        REFUSALS.inc()


def exposition() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
