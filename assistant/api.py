"""HTTP channel for the hotline bot: POST /v1/ask, the OpenAI-compatible /v1/chat/completions and /v1/models,
GET /healthz, /metrics, offline /docs. Thin routes over `Assistant.ask`; the parts live in assistant/http/.

Every request passes, outermost first: Observe (request id, JSON log line, metrics) → CORS (when configured)
→ Gate (auth before anything is read, per-key rate limit, body size and time limits) → the routes.
Described for users in docs/http-api.md.
"""

from __future__ import annotations

import logging
import tempfile
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from assistant.errors import AssistantError, InvalidQuestion
from assistant.http.errors import error_response
from assistant.models import Answer
from assistant.settings import Settings, apply_offline_env, get_settings

MAX_BODY_BYTES = 64 * 1024
log = logging.getLogger("assistant.api")
ROUTES = frozenset({"/v1/ask", "/v1/chat/completions", "/v1/models", "/healthz", "/metrics", "/docs",
                    "/openapi.json"})


class AskRequest(BaseModel):
    question: str = Field(description="the question, in Chinese or English")
    session_id: str | None = Field(default=None, max_length=128, description="reuse to ask a follow-up")
    style: Literal["text", "speakable"] = Field(
        default="text", description="text: chat answer with [n] citation markers; speakable: plain sentences "
                                    "for a voice line, the source said in words")


def create_app(settings: Settings | None = None, bot=None) -> FastAPI:
    """`bot` may be injected (tests); otherwise `Assistant.load` runs once at start-up. Called without
    arguments by uvicorn (each worker), which also sets up the log output."""
    from assistant.http.gate import Gate
    from assistant.http.live import LiveAssistant
    from assistant.http.metrics import count_answer, exposition, install_guard_counter
    from assistant.http.observe import Observe, setup_access_log
    from assistant.http.ratelimit import KeyRateLimit

    apply_offline_env()
    if settings is None:
        setup_access_log()
        _setup_log()
    settings = settings or get_settings()
    runtime = Path(settings.runtime_dir or tempfile.mkdtemp(prefix="assistant-api-"))
    runtime.mkdir(parents=True, exist_ok=True)
    rate_limit = KeyRateLimit(settings.rate_limit, runtime / "ratelimit.sqlite") if settings.rate_limit else None

    def load(current=None):
        from assistant.service import Assistant

        current = current or live._bot
        shared = {"sessions": current.sessions, "embeddings": current.knowledge.index.embeddings} if current else {}
        loaded = Assistant.load(current.settings if current else settings, persist_sessions=True, **shared)
        loaded.warm_up()
        return loaded

    live = LiveAssistant(load, settings.data_dir / "index-state.json", bot)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await run_in_threadpool(live.start)
        install_guard_counter()
        log.log(logging.WARNING if settings.api_open or not settings.api_key_set else logging.INFO,
                "%s", access_mode(settings))
        yield

    app = FastAPI(title="Erenhot 2026 plan assistant", version="1", lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None,
                  description="Cited answers from the 2026 Erenhot development plan. See docs/http-api.md.")
    app.state.live = live
    app.add_middleware(Gate, keys=settings.api_key_set, open_access=settings.api_open, rate_limit=rate_limit,
                       max_bytes=MAX_BODY_BYTES, body_timeout_s=settings.body_timeout_s)
    if settings.cors_origin_list:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origin_list, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
                           expose_headers=["X-Request-ID", "Retry-After"], max_age=600)
    app.add_middleware(Observe, routes=ROUTES)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, e: RequestValidationError):
        # never echo the raw input back: it may be binary (the default handler crashes on it)
        problems = [{"loc": list(err.get("loc", ())), "msg": err.get("msg", "")} for err in e.errors()]
        return error_response(request.url.path, 422, "invalid request body", detail=problems)

    @app.exception_handler(InvalidQuestion)
    async def invalid_question(request: Request, e: InvalidQuestion):
        return error_response(request.url.path, 422, str(e))

    @app.exception_handler(AssistantError)
    async def assistant_error(request: Request, e: AssistantError):
        return error_response(request.url.path, 503, str(e))

    @app.post("/v1/ask", response_model=Answer, summary="Answer a question, with citations",
              responses={401: {"description": "missing or invalid key"}, 413: {"description": "body too large"},
                         422: {"description": "invalid question"}, 429: {"description": "rate limited"}})
    def ask(body: AskRequest, request: Request) -> Answer:  # sync: FastAPI runs it in its thread pool
        answer = live.call(lambda b: b.ask(body.question, session_id=body.session_id, style=body.style,
                                           key=request.state.key_id))
        request.state.answer_route, request.state.answer_refused = answer.route, answer.refused
        count_answer(answer.route, answer.refused)
        return answer

    @app.get("/healthz", summary="Whether the server answers, and from which index")
    def healthz() -> JSONResponse:
        return health(live)

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        body, content_type = exposition()
        return Response(body, media_type=content_type)

    from assistant.http.docs import add_docs
    from assistant.http.openai_compat import build_router

    app.include_router(build_router(live, settings))
    add_docs(app)
    _add_security_scheme(app)
    return app


def health(live) -> JSONResponse:
    """The truth: which index is served, whether it answers, whether a newer one is waiting."""
    bot = live.bot
    k = bot.knowledge
    serving = k.report.collection
    body = {"status": "ok", "index": serving, "documents": len(k.docs), "chunks": len(k.chunks),
            "targets": len(k.table), "read_only": k.read_only}
    try:
        count = k.index.client.get_collection(serving).count()
        if count != len(k.chunks):
            body.update(status="degraded", problem=f"index holds {count} of {len(k.chunks)} chunks")
    except Exception as e:  # noqa: BLE001 - any failure to read the index is what this endpoint reports
        body.update(status="degraded", problem=f"index unreadable: {str(e).splitlines()[0][:200] if str(e) else e!r}")
    on_disk = k.index.state()
    if on_disk is not None and on_disk.collection != serving:
        body["switching_to"] = on_disk.collection
    if live.last_error:
        body["reload_error"] = live.last_error
    return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)


def access_mode(settings: Settings) -> str:
    if settings.api_key_set:
        extra = " (ASSISTANT_API_OPEN ignored: keys are set)" if settings.api_open else ""
        return f"API access: {len(settings.api_key_set)} bearer key(s) required{extra}"
    if settings.api_open:
        return "API access: OPEN, no key required (ASSISTANT_API_OPEN=1)"
    return ("API access: CLOSED, every request will get 401: set ASSISTANT_API_KEYS (comma-separated) "
            "or ASSISTANT_API_OPEN=1")


def _setup_log() -> None:
    core = logging.getLogger("assistant")
    if not core.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:  %(name)s: %(message)s"))
        core.addHandler(handler)
        core.setLevel(logging.INFO)


def _add_security_scheme(app: FastAPI) -> None:
    """Bearer auth in the OpenAPI description, so Swagger UI's Authorize button and generated clients know it."""
    plain = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = plain()
            schema.setdefault("components", {})["securitySchemes"] = {
                "bearer": {"type": "http", "scheme": "bearer", "description": "one of ASSISTANT_API_KEYS"}}
            for path, ops in schema.get("paths", {}).items():
                if path != "/healthz":
                    for op in ops.values():
                        op["security"] = [{"bearer": []}]
        return app.openapi_schema or schema

    app.openapi = openapi


__all__ = ["create_app", "MAX_BODY_BYTES"]
