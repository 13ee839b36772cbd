"""HTTP channel for the hotline bot: POST /v1/ask, GET /healthz. Thin routes over `Assistant.ask`."""

from __future__ import annotations

import secrets
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, HTTPException, Request
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
        yield

    app = FastAPI(title="Erenhot 2026 plan assistant", version="1", lifespan=lifespan)
    app.state.bot = bot

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        size = request.headers.get("content-length")
        if size and size.isdigit() and int(size) > MAX_BODY_BYTES:
            return JSONResponse({"error": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        return await call_next(request)

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
