"""The OpenAI-compatible channel, driven by real clients (the official `openai` package and LangChain's
ChatOpenAI) against a real server on a loopback port."""

from __future__ import annotations

import json

import httpx
import pytest

from assistant.api import create_app
from assistant.http.openai_compat import MODEL, MODEL_SPEAKABLE

from live_server import running

KEY = "test-key-1"


@pytest.fixture(scope="module")
def server(fast_bot):
    settings = fast_bot.settings.model_copy(update={"api_keys": KEY, "rate_limit": ""})
    with running(create_app(settings, bot=fast_bot)) as url:
        yield url


@pytest.fixture(scope="module")
def client(server):
    from openai import OpenAI

    return OpenAI(base_url=f"{server}/v1", api_key=KEY, max_retries=0, timeout=30)


def test_models_lists_the_assistant(client):
    ids = {m.id for m in client.models.list()}
    assert ids == {MODEL, MODEL_SPEAKABLE}


def test_completion_carries_the_full_answer(client, fast_bot):
    r = client.chat.completions.create(model=MODEL, messages=[
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": "今年固定资产投资计划增长多少？"}])
    text = r.choices[0].message.content
    assert r.choices[0].finish_reason == "stop" and "10%" in text and "[1]" in text
    answer = r.model_extra["answer"]
    assert answer["route"] == "target" and answer["refused"] is False
    assert answer["answer"] == text
    assert answer["citations"][0]["chapter"] == "总体要求"
    assert all(c["quote"] in fast_bot.plan_text for c in answer["citations"])
    assert any(f["value"] == 10 and f["unit"] == "%" for f in answer["facts"])


def test_followup_from_the_message_history_alone(client):
    first = client.chat.completions.create(model=MODEL, messages=[
        {"role": "user", "content": "城镇居民收入预期增长多少？"}])
    follow = client.chat.completions.create(model=MODEL, messages=[
        {"role": "user", "content": "城镇居民收入预期增长多少？"},
        {"role": "assistant", "content": first.choices[0].message.content},
        {"role": "user", "content": "那农牧民呢？"}])
    answer = follow.model_extra["answer"]
    assert answer["route"] == "target", answer
    assert answer["resolved_question"] and "农牧民" in answer["resolved_question"]
    assert any(f["value"] == 5 and "农牧民" in f["indicator"] for f in answer["facts"])


def test_followup_without_history_is_not_resolved(client):
    """The same follow-up alone has nothing to refer to: the history above is what made it work."""
    alone = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "那农牧民呢？"}])
    assert alone.model_extra["answer"]["resolved_question"] is None


def test_followup_on_a_cold_cache_replays_the_history(fast_bot):
    """A new server process (an empty replay cache, another worker) still resolves the follow-up."""
    settings = fast_bot.settings.model_copy(update={"api_open": True, "rate_limit": ""})
    with running(create_app(settings, bot=fast_bot)) as url:
        r = httpx.post(f"{url}/v1/chat/completions", timeout=30, json={"model": MODEL, "messages": [
            {"role": "user", "content": "城镇居民收入预期增长多少？"},
            {"role": "assistant", "content": "（任意文字）"},
            {"role": "user", "content": "那农牧民呢？"}]})
    assert r.status_code == 200, r.text
    assert any(f["value"] == 5 for f in r.json()["answer"]["facts"])


def test_streaming_with_the_openai_client(client):
    chunks = list(client.chat.completions.create(model=MODEL, stream=True, messages=[
        {"role": "user", "content": "今年固定资产投资计划增长多少？"}]))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "10%" in text
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices[0].finish_reason == "stop"
    answer = chunks[-1].model_extra["answer"]
    assert answer["answer"] == text and answer["route"] == "target"
    assert len(chunks) >= 3


def test_stream_is_server_sent_events_ending_in_done(server):
    body = {"model": MODEL, "stream": True, "messages": [{"role": "user", "content": "土默特街改造在哪一部分？"}]}
    with httpx.stream("POST", f"{server}/v1/chat/completions", json=body, timeout=30,
                      headers={"Authorization": f"Bearer {KEY}"}) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        data = [line[len("data: "):] for line in r.iter_lines() if line.startswith("data: ")]
    assert data[-1] == "[DONE]"
    final = json.loads(data[-2])
    assert final["choices"][0]["finish_reason"] == "stop"
    assert (final["answer"]["citations"][0]["chapter"], final["answer"]["citations"][0]["section"]) == ("五", "（一）")


def test_stream_usage_chunk_when_asked(client):
    chunks = list(client.chat.completions.create(model=MODEL, stream=True, stream_options={"include_usage": True},
                                                 messages=[{"role": "user", "content": "你好"}]))
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0 and not chunks[-1].choices


def test_speakable_by_model_and_by_field(client):
    q = [{"role": "user", "content": "今年固定资产投资计划增长多少？"}]
    by_model = client.chat.completions.create(model=MODEL_SPEAKABLE, messages=q).choices[0].message.content
    by_field = client.chat.completions.create(model=MODEL, messages=q, extra_body={"style": "speakable"})
    assert by_model == by_field.choices[0].message.content
    assert "[1]" not in by_model and "见计划" in by_model and "10%" in by_model


def test_errors_in_openai_shape(client, server):
    import openai

    with pytest.raises(openai.NotFoundError) as e:
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "你好"}])
    assert MODEL in str(e.value)
    with pytest.raises(openai.UnprocessableEntityError):
        client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "   "}])
    with pytest.raises(openai.UnprocessableEntityError):
        client.chat.completions.create(model=MODEL, messages=[{"role": "assistant", "content": "hi"}])
    from openai import OpenAI

    with pytest.raises(openai.AuthenticationError):
        OpenAI(base_url=f"{server}/v1", api_key="wrong", max_retries=0).models.list()


def test_langchain_chat_openai(server):
    from langchain_core.messages import AIMessage, HumanMessage
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model=MODEL, base_url=f"{server}/v1", api_key=KEY, max_retries=0, timeout=30)
    first = llm.invoke("城镇居民收入预期增长多少？")
    assert "%" in first.content
    follow = llm.invoke([HumanMessage("城镇居民收入预期增长多少？"), AIMessage(first.content), HumanMessage("那农牧民呢？")])
    assert "5%" in follow.content
    streamed = "".join(chunk.content for chunk in llm.stream("今年固定资产投资计划增长多少？"))
    assert "10%" in streamed
