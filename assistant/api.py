"""HTTP channel for the hotline bot: POST /v1/ask, GET /healthz. Thin routes over `Assistant.ask`."""

from __future__ import annotations

import secrets
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from assistant.errors import AssistantError, InvalidQuestion
from assistant.models import Answer
from assistant.settings import Settings, apply_offline_env, get_settings

MAX_BODY_BYTES = 64 * 1024


class AskRequest(BaseModel):
    question: str = Field(description="the question, in Chinese or English")
    session_id: str | None = Field(default=None, max_length=128, description="reuse to ask a follow-up")


def create_app(settings: Settings | None = None, bot=None) -> FastAPI:
    """`bot` may be injected (tests); otherwise `Assistant.load` runs once at start-up."""
    apply_offline_env()
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.bot is None:
            from assistant.service import Assistant

            app.state.bot = Assistant.load(settings)
            app.state.bot.warm_up()
        yield

    app = FastAPI(title="Erenhot 2026 plan assistant", version="1", lifespan=lifespan)
    app.state.bot = bot
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, e: RequestValidationError):
        # never echo the raw input back: it may be binary (the default handler crashes on it)
        problems = [{"loc": list(err.get("loc", ())), "msg": err.get("msg", "")} for err in e.errors()]
        return JSONResponse({"error": "invalid request body", "detail": problems}, status_code=422)

    @app.exception_handler(InvalidQuestion)
    async def invalid_question(_: Request, e: InvalidQuestion):
        return JSONResponse({"error": str(e)}, status_code=422)

    @app.exception_handler(AssistantError)
    async def assistant_error(_: Request, e: AssistantError):
        return JSONResponse({"error": str(e)}, status_code=503)

    def authorised(request: Request) -> None:
        keys = settings.api_key_set
        if not keys:
            return
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not any(secrets.compare_digest(token.strip(), k) for k in keys):
            raise HTTPException(status_code=401, detail="missing or invalid bearer key",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.post("/v1/ask", response_model=Answer, dependencies=[Depends(authorised)])
    def ask(body: AskRequest) -> Answer:  # sync: FastAPI runs it in its thread pool
        return app.state.bot.ask(body.question, session_id=body.session_id)

    @app.get("/healthz")
    def healthz() -> dict:
        bot = app.state.bot
        return {"status": "ok", "documents": len(bot.knowledge.docs), "chunks": len(bot.knowledge.chunks),
                "targets": len(bot.knowledge.table)}

    return app


class BodyLimit:
    """ASGI middleware: 413 once a body exceeds `max_bytes`, whether or not it declared a Content-Length.
    The body (at most `max_bytes`) is read here first, then replayed to the app."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or {}).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return await _too_large(self.max_bytes, send)
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return await _too_large(self.max_bytes, send)
            if message["type"] != "http.request" or not message.get("more_body"):
                break

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


async def _too_large(limit: int, send) -> None:
    await JSONResponse({"error": f"request body over {limit} bytes"}, status_code=413)({"type": "http"}, None, send)
