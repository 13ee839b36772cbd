"""The optional LLM answerer: a good answer passes, a hallucinated number or bad citation is stopped,
an error or a timeout falls back to the extractive answer — with a scripted fake and a local stub server."""

from __future__ import annotations

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.runnables import RunnableLambda

from assistant.answer.llm import LLMAnswerer, load_prompt
from assistant.errors import ConfigError
from assistant.service import Assistant

QUESTION = "今年GDP预期增长多少？"


@pytest.fixture
def llm_settings(bigram_settings):
    return bigram_settings.model_copy(update={"llm": "openai:fake"})


def bot_with(settings, model) -> Assistant:
    bot = Assistant.load(settings.model_copy(update={"llm": ""}))
    bot.settings = settings
    bot.answerer = LLMAnswerer.from_settings(settings, model=model)
    return bot


def test_prompt_file_has_named_variables(llm_settings):
    prompt = load_prompt(llm_settings.prompts_dir, "answer")
    assert set(prompt.input_variables) == {"language", "question", "sources", "facts"}
    with pytest.raises(ConfigError):
        load_prompt(llm_settings.prompts_dir, "no-such-prompt")


def test_good_llm_answer_is_sent(llm_settings):
    bot = bot_with(llm_settings, FakeListChatModel(responses=["计划提出，地区生产总值增长6%左右[1]。"]))
    a = bot.ask(QUESTION)
    assert a.answer == "计划提出，地区生产总值增长6%左右[1]。" and a.answerer == "llm:openai:fake"
    assert a.facts[0].value == 6


@pytest.mark.parametrize("bad, why", [
    ("地区生产总值增长8%左右[1]。", "number 8"),
    ("地区生产总值增长6%左右[3]。", "marker [3]"),
    ("天气很好[1]。", "not supported"),
])
def test_unsupported_llm_answer_falls_back(llm_settings, caplog, bad, why):
    bot = bot_with(llm_settings, FakeListChatModel(responses=[bad]))
    with caplog.at_level(logging.WARNING, logger="assistant"):
        a = bot.ask(QUESTION)
    assert a.answerer == "extractive" and "6%左右" in a.answer and "8%" not in a.answer
    assert why in caplog.text


def test_llm_error_falls_back(llm_settings, caplog):
    def boom(_):
        raise TimeoutError("endpoint timed out")

    bot = Assistant.load(llm_settings.model_copy(update={"llm": ""}))
    bot.answerer = LLMAnswerer(RunnableLambda(boom))
    with caplog.at_level(logging.WARNING, logger="assistant"):
        a = bot.ask(QUESTION)
    assert a.answerer == "extractive" and "6%左右" in a.answer and "timed out" in caplog.text


def test_refusals_never_reach_the_llm(llm_settings):
    calls = []
    bot = Assistant.load(llm_settings.model_copy(update={"llm": ""}))
    bot.answerer = LLMAnswerer(RunnableLambda(lambda x: calls.append(x) or "x"))
    assert bot.ask("明天天气怎么样？").refused and calls == []


class _Stub(BaseHTTPRequestHandler):
    reply = "地区生产总值增长6%左右[1]。"
    delay = 0.0
    seen: list = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append(body)
        time.sleep(type(self).delay)
        out = {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
               "choices": [{"index": 0, "finish_reason": "stop",
                            "message": {"role": "assistant", "content": type(self).reply}}],
               "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(out).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def stub_server():
    pytest.importorskip("langchain_openai", reason="the llm extra is not installed")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Stub.seen, _Stub.delay, _Stub.reply = [], 0.0, "地区生产总值增长6%左右[1]。"
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_openai_compatible_endpoint(bigram_settings, stub_server):
    settings = bigram_settings.model_copy(update={"llm": "openai:stub-model", "llm_base_url": stub_server,
                                                  "llm_timeout_s": 5.0})
    a = Assistant.load(settings).ask(QUESTION)
    assert a.answerer == "llm:openai:stub-model" and a.answer == _Stub.reply
    sent = _Stub.seen[0]["messages"]
    assert "地区生产总值增长6%左右" in sent[-1]["content"] and "[1]" in sent[-1]["content"]


def test_slow_endpoint_times_out_and_falls_back(bigram_settings, stub_server):
    settings = bigram_settings.model_copy(update={"llm": "openai:stub-model", "llm_base_url": stub_server,
                                                  "llm_timeout_s": 0.5})
    bot = Assistant.load(settings)
    bot.warm_up()  # what is measured below is the LLM's timeout, not the first question's start-up
    _Stub.delay = 3.0
    t0 = time.perf_counter()
    a = bot.ask(QUESTION)
    assert a.answerer == "extractive" and "6%左右" in a.answer
    assert time.perf_counter() - t0 < 2.5


def test_unknown_provider_is_a_config_error(bigram_settings):
    with pytest.raises(ConfigError, match="openai:MODEL"):
        Assistant.load(bigram_settings.model_copy(update={"llm": "gpt4"}))
