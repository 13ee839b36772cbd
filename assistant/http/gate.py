"""The ASGI gate every request passes before the app sees it, in this order:

1. auth: a bearer key (or, for the docs pages a browser opens, HTTP Basic with the key as password) checked
   on the raw header bytes, so a malformed header (non-ASCII included) is a 401, never a 500, and it comes
   before the body is read or validated;
2. the per-key rate limit (429 with Retry-After);
3. the body: at most `max_bytes` (413), all of it within `body_timeout_s` (408), read here and replayed.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import time

from assistant.http.errors import error_response
from assistant.http.metrics import RATE_LIMITED
from assistant.http.ratelimit import KeyRateLimit

OPEN_PATHS = ("/healthz",)
DOCS_PATHS = ("/docs", "/openapi.json")  # a browser opens these: Basic auth lets it send the key by itself
LIMITED_PREFIX = "/v1/"


def key_id(key: str) -> str:
    """What logs, metrics and the session store see of a key: a short hash, never the key."""
    return "k-" + hashlib.sha256(key.encode()).hexdigest()[:12]


class Gate:
    def __init__(self, app, *, keys: frozenset[str], open_access: bool, rate_limit: KeyRateLimit | None,
                 max_bytes: int, body_timeout_s: float):
        self.app = app
        self.keys = {k.encode(): key_id(k) for k in keys}
        self.open_access = open_access and not keys  # keys, when given, always apply
        self.rate_limit = rate_limit
        self.max_bytes, self.body_timeout_s = max_bytes, body_timeout_s

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        state = scope.setdefault("state", {})
        if not path.startswith(OPEN_PATHS):
            who = self.authenticate(scope)
            if who is None:
                docs = path.startswith(DOCS_PATHS)
                challenge = 'Basic realm="assistant", charset="UTF-8"' if docs else "Bearer"
                message = ("missing or invalid API key" if self.keys or self.open_access else
                           "this server has no API keys configured (ASSISTANT_API_KEYS) and is not open "
                           "(ASSISTANT_API_OPEN=1)")
                return await error_response(path, 401, message, {"WWW-Authenticate": challenge})(scope, receive, send)
            state["key_id"] = who
            if self.rate_limit and path.startswith(LIMITED_PREFIX):
                wait = await asyncio.to_thread(self.rate_limit.hit, who)
                if wait is not None:
                    RATE_LIMITED.inc()
                    return await error_response(
                        path, 429, f"rate limit {self.rate_limit.notation} exceeded; retry in {wait} s",
                        {"Retry-After": str(wait)})(scope, receive, send)
        messages = await self.read_body(scope, receive, send)
        if messages is None:
            return

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    def authenticate(self, scope) -> str | None:
        if self.open_access:
            return "open"
        values = [v for k, v in scope.get("headers") or () if k.lower() == b"authorization"]
        if len(values) != 1 or not self.keys:
            return None
        scheme, _, token = values[0].strip().partition(b" ")
        try:
            scheme_name = scheme.decode("ascii").lower()
        except UnicodeDecodeError:
            return None
        token = token.strip()
        if scheme_name == "basic" and scope["path"].startswith(DOCS_PATHS):
            try:
                token = base64.b64decode(token, validate=True).partition(b":")[2]
            except (binascii.Error, ValueError):
                return None
        elif scheme_name != "bearer":
            return None
        found = None
        for key, who in self.keys.items():  # compare with every key: the time taken says nothing
            if hmac.compare_digest(token, key):
                found = who
        return found

    async def read_body(self, scope, receive, send) -> list | None:
        """The whole body within the size and time limits, or None when a 413/408 was sent instead."""
        path = scope["path"]
        declared = dict(scope.get("headers") or {}).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await error_response(path, 413, f"request body over {self.max_bytes} bytes")(scope, receive, send)
            return None
        messages, size = [], 0
        deadline = time.monotonic() + self.body_timeout_s
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                await error_response(path, 408, f"request body not received within {self.body_timeout_s:g} s",
                                     {"Connection": "close"})(scope, receive, send)
                return None
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await error_response(path, 413, f"request body over {self.max_bytes} bytes")(scope, receive, send)
                return None
            if message["type"] != "http.request" or not message.get("more_body"):
                return messages
