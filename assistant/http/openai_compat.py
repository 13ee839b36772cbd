"""The OpenAI-compatible channel: POST /v1/chat/completions (plain or streamed as server-sent events) and
GET /v1/models, for bot platforms that speak the chat-completions protocol.

The client keeps the conversation and sends all of it each time; it does not know our session ids. So a
follow-up is read against the earlier user messages themselves: the last few are replayed through
`Assistant.ask(..., history=...)` (deterministic with the extractive answerer, and nothing is stored), and an
LRU keyed by the conversation so far makes a replay a dictionary look-up in the usual case, where the previous
request of the same conversation has just been answered. The full `Answer` rides along in `answer`.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections import OrderedDict
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from assistant.errors import InvalidQuestion
from assistant.http.errors import error_response
from assistant.http.metrics import count_answer
from assistant.models import Answer
from assistant.session import Turn

MODEL = "erenhot-plan"
MODEL_SPEAKABLE = "erenhot-plan-speakable"  # the same assistant, answering in the spoken style
MODELS = {MODEL: "text", MODEL_SPEAKABLE: "speakable"}
OWNER = "erenhot-plan-assistant"
REPLAY_CACHE = 2048
PIECE = re.compile(r".{1,40}?(?:[。！？；，,.!?;]\s*|$)|.{1,40}", re.S)  # stream in phrase-sized pieces


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str = Field(max_length=64)
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content if p.type == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, max_tokens, … are accepted and have no effect
    model: str = Field(max_length=128, description=f"`{MODEL}`, or `{MODEL_SPEAKABLE}` for the spoken style")
    messages: list[ChatMessage] = Field(min_length=1, max_length=256)
    stream: bool = False
    style: Literal["text", "speakable"] | None = Field(
        default=None, description="overrides the model's style: text (chat, [n] markers) or speakable (voice line)")
    stream_options: dict | None = None


class ReplayCache:
    """Conversation so far (the user questions, per index generation) → the Turn it ended with."""

    def __init__(self, size: int = REPLAY_CACHE):
        self.size = size
        self._turns: OrderedDict[tuple, Turn] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Turn | None:
        with self._lock:
            turn = self._turns.get(key)
            if turn is not None:
                self._turns.move_to_end(key)
            return turn

    def put(self, key: tuple, turn: Turn) -> None:
        with self._lock:
            self._turns[key] = turn
            while len(self._turns) > self.size:
                self._turns.popitem(last=False)


def history_for(bot, generation: int, questions: list[str], cache: ReplayCache, max_turns: int) -> tuple[Turn, ...]:
    """The Turns of the earlier questions, as the session store would have kept them (the last `max_turns`)."""
    earlier = questions[-max_turns:] if max_turns > 0 else []
    turns: tuple[Turn, ...] = ()
    for n in range(len(earlier)):
        key = (generation, *earlier[:n + 1])
        turn = cache.get(key)
        if turn is None:
            try:
                answer = bot.ask(earlier[n], history=turns)
            except InvalidQuestion:
                continue  # a message that was never a question adds nothing to the conversation
            turn = Turn(question=earlier[n], understood=answer.resolved_question or "", answer=answer)
            cache.put(key, turn)
        turns += (turn,)
    return turns


def completion_id() -> str:
    return "chatcmpl-" + uuid.uuid4().hex[:24]


def build_router(live, settings) -> APIRouter:
    router = APIRouter(tags=["OpenAI-compatible"])
    cache = ReplayCache()

    @router.get("/v1/models", summary="The assistant, as OpenAI-style models")
    def models() -> dict:
        created = 1767225600  # 2026-01-01: the plan's year
        return {"object": "list", "data": [{"id": m, "object": "model", "created": created, "owned_by": OWNER}
                                           for m in MODELS]}

    @router.post("/v1/chat/completions", summary="Answer the last user message (OpenAI chat completions)",
                 response_description="a chat.completion object (or an SSE stream of chunks) with `answer`")
    async def chat_completions(body: ChatRequest, request: Request):
        if body.model not in MODELS:
            return error_response(request.url.path, 404, f"model {body.model!r} does not exist; use one of "
                                  f"{', '.join(MODELS)}")
        if body.messages[-1].role != "user":
            return error_response(request.url.path, 422, "the last message must be the user's question")
        style = body.style or MODELS[body.model]
        questions = [m.text() for m in body.messages if m.role == "user"]

        def answer_it(bot) -> Answer:
            turns = history_for(bot, live.generation, questions[:-1], cache, settings.session_turns)
            answer = bot.ask(questions[-1], history=turns, style=style, key=request.state.key_id)
            if style == "text" and settings.session_turns > 0:  # the next request of this conversation hits it
                understood = answer.resolved_question or ""
                cache.put((live.generation, *questions[-settings.session_turns:]),
                          Turn(question=questions[-1], understood=understood, answer=answer))
            return answer

        answer = await run_in_threadpool(live.call, answer_it)
        request.state.answer_route, request.state.answer_refused = answer.route, answer.refused
        count_answer(answer.route, answer.refused)
        cid, created = completion_id(), int(time.time())
        prompt_chars = sum(len(m.text()) for m in body.messages)
        usage = {"prompt_tokens": prompt_chars, "completion_tokens": len(answer.answer),
                 "total_tokens": prompt_chars + len(answer.answer)}  # characters: there is no tokenizer
        if not body.stream:
            return {"id": cid, "object": "chat.completion", "created": created, "model": body.model,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": answer.answer},
                                 "finish_reason": "stop", "logprobs": None}],
                    "usage": usage, "answer": answer.model_dump(mode="json")}
        request.state.stream = True
        include_usage = bool((body.stream_options or {}).get("include_usage"))
        return stream(cid, created, body.model, answer, usage if include_usage else None)

    return router


def stream(cid: str, created: int, model: str, answer: Answer, usage: dict | None):
    from sse_starlette import EventSourceResponse

    def chunk(delta: dict, finish: str | None = None, **extra) -> dict:
        return {"data": json.dumps({"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish,
                                                 "logprobs": None}], **extra}, ensure_ascii=False)}

    async def events():
        yield chunk({"role": "assistant", "content": ""})
        for piece in (p for p in PIECE.findall(answer.answer) if p):
            yield chunk({"content": piece})
        yield chunk({}, "stop", answer=answer.model_dump(mode="json"))
        if usage is not None:
            yield {"data": json.dumps({"id": cid, "object": "chat.completion.chunk", "created": created,
                                       "model": model, "choices": [], "usage": usage})}
        yield {"data": "[DONE]"}

    return EventSourceResponse(events(), ping=15)
