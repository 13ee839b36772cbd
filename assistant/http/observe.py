"""Observability, outermost on every request: X-Request-ID in and out, one JSON log line per request (route,
refused, latency, hashed key id; never the key), Prometheus counters and the latency histogram. An exception
that reaches here becomes a JSON 500 with the request id (and a traceback in the log, not in the response)."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid

from assistant.http.errors import error_response
from assistant.http.metrics import LATENCY, REQUESTS

access_log = logging.getLogger("assistant.access")
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def setup_access_log() -> None:
    """JSON lines on stderr, one per request, whatever uvicorn's own log configuration is."""
    if not access_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_log.addHandler(handler)
        access_log.setLevel(logging.INFO)
        access_log.propagate = False


class Observe:
    def __init__(self, app, routes: frozenset[str]):
        self.app = app
        self.routes = routes  # known paths: metric labels stay bounded whatever paths clients try

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        t0 = time.perf_counter()
        given = dict(scope.get("headers") or {}).get(b"x-request-id", b"").decode("latin-1")
        rid = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        status = {"code": 500, "started": False}

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"x-request-id", rid.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:  # noqa: BLE001 - the last line of defence: JSON, logged, never a stack trace out
            logging.getLogger("assistant.api").exception("unhandled error in %s (request %s)", scope["path"], rid)
            if not status["started"]:
                await error_response(scope["path"], 500, f"internal error (request id {rid})",
                                     {"X-Request-ID": rid})(scope, receive, send)
            status["code"] = 500
        finally:
            latency = time.perf_counter() - t0
            route = scope["path"] if scope["path"] in self.routes else "other"
            REQUESTS.labels(route=route, method=scope["method"], status=str(status["code"])).inc()
            LATENCY.labels(route=route).observe(latency)
            line = {"ts": round(time.time(), 3), "request_id": rid, "method": scope["method"], "path": route,
                    "status": status["code"], "latency_ms": round(latency * 1000, 1),
                    "key": state.get("key_id"), "route": state.get("answer_route"),
                    "refused": state.get("answer_refused")}
            if state.get("stream"):
                line["stream"] = True
            access_log.info(json.dumps(line, ensure_ascii=False))
