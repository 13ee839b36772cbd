"""Auth, rate limits, CORS, offline docs, request ids and the JSON access log, metrics (assistant/http/)."""

from __future__ import annotations

import base64
import json
import logging

import pytest
from fastapi.testclient import TestClient

from assistant.api import access_mode, create_app
from assistant.http.gate import key_id
from assistant.settings import Settings

Q = {"question": "今年固定资产投资计划增长多少？"}


def app_for(fast_bot, **update):
    update = {"rate_limit": "", **update}
    return create_app(fast_bot.settings.model_copy(update=update), bot=fast_bot)


@pytest.fixture(scope="module")
def keyed(fast_bot):
    with TestClient(app_for(fast_bot, api_keys="k1,k2"), raise_server_exceptions=False) as c:
        yield c


# ---------------------------------------------------------------- auth


@pytest.mark.parametrize("header", [
    b"Bearer \xff\xfe", "Bearer k1\u00e9".encode("utf-8"), b"\xc3\xa9 k1", b"Bearer", b"Bearer k1 k2", b"bearer  ",
    b"Basic " + base64.b64encode(b"x:k1"),  # Basic only on the docs pages
])
def test_any_bad_authorization_header_is_401_json(keyed, header):
    r = keyed.post("/v1/ask", json=Q, headers={"Authorization": header})
    assert r.status_code == 401, r.text
    assert r.headers["www-authenticate"] == "Bearer" and "error" in r.json()


def test_two_authorization_headers_are_401(keyed):
    r = keyed.post("/v1/ask", json=Q, headers=[("Authorization", "Bearer k1"), ("Authorization", "Bearer k2")])
    assert r.status_code == 401


@pytest.mark.parametrize("body", [b'{"question": ', b"\xff\xfe\x00", b"[]", b'{"nope": 1}'])
def test_401_comes_before_body_validation(keyed, body):
    r = keyed.post("/v1/ask", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 401
    r = keyed.post("/v1/chat/completions", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 401 and r.json()["error"]["type"] == "authentication_error"


def test_401_before_413(keyed):
    r = keyed.post("/v1/ask", content=b"x" * 200_000, headers={"Content-Type": "application/json"})
    assert r.status_code == 401


@pytest.mark.parametrize("keys", ["", ",", " , ,, "])
def test_an_empty_key_list_never_opens_the_api(fast_bot, keys):
    with TestClient(app_for(fast_bot, api_keys=keys)) as c:
        for path in ("/v1/ask", "/v1/chat/completions"):
            r = c.post(path, json=Q)
            assert r.status_code == 401 and "ASSISTANT_API_OPEN" in json.dumps(r.json())
        assert c.get("/v1/models").status_code == 401
        assert c.get("/healthz").status_code == 200


def test_open_only_when_asked(fast_bot):
    with TestClient(app_for(fast_bot, api_open=True)) as c:
        assert c.post("/v1/ask", json=Q).status_code == 200


def test_keys_win_over_open(fast_bot):
    with TestClient(app_for(fast_bot, api_open=True, api_keys="k1")) as c:
        assert c.post("/v1/ask", json=Q).status_code == 401
        assert c.post("/v1/ask", json=Q, headers={"Authorization": "Bearer k1"}).status_code == 200


def test_startup_log_says_the_mode(fast_bot, caplog):
    assert "CLOSED" in access_mode(Settings(api_keys=","))
    assert "OPEN" in access_mode(Settings(api_open=True))
    assert "2 bearer key(s)" in access_mode(Settings(api_keys="a,b"))
    with caplog.at_level(logging.INFO, logger="assistant.api"), TestClient(app_for(fast_bot, api_keys=",")):
        pass
    assert any("CLOSED" in r.getMessage() for r in caplog.records)


# ---------------------------------------------------------------- docs: offline, behind the same auth


def test_docs_are_served_locally_and_need_the_key(keyed):
    assert keyed.get("/docs").status_code == 401
    assert keyed.get("/openapi.json").status_code == 401
    assert keyed.get("/docs/static/swagger-ui-bundle.js").status_code == 401
    assert keyed.get("/docs").headers["www-authenticate"].startswith("Basic")  # the browser asks for the key
    basic = {"Authorization": "Basic " + base64.b64encode(b"any:k2").decode()}
    page = keyed.get("/docs", headers=basic)
    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "/docs/static/swagger-ui-bundle.js" in page.text
    js = keyed.get("/docs/static/swagger-ui-bundle.js", headers=basic)
    assert js.status_code == 200 and len(js.content) > 100_000 and b"SwaggerUIBundle" in js.content
    assert keyed.get("/docs/static/swagger-ui.css", headers={"Authorization": "Bearer k1"}).status_code == 200
    assert keyed.get("/docs/static/..%2f..%2fsecrets", headers=basic).status_code == 404
    schema = keyed.get("/openapi.json", headers=basic).json()
    assert {"/v1/ask", "/v1/chat/completions", "/v1/models", "/healthz"} <= schema["paths"].keys()
    assert schema["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert "style" in schema["components"]["schemas"]["AskRequest"]["properties"]


# ---------------------------------------------------------------- CORS


def test_cors_only_when_configured(fast_bot):
    pre = {"Origin": "https://hotline.example", "Access-Control-Request-Method": "POST",
           "Access-Control-Request-Headers": "authorization,content-type"}
    with TestClient(app_for(fast_bot, api_keys="k1", cors_origins="https://hotline.example")) as c:
        r = c.options("/v1/ask", headers=pre)
        assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "https://hotline.example"
        r = c.post("/v1/ask", json=Q, headers={"Origin": "https://hotline.example", "Authorization": "Bearer k1"})
        assert r.headers["access-control-allow-origin"] == "https://hotline.example"
        assert "x-request-id" in r.headers["access-control-expose-headers"].lower()
        r = c.options("/v1/ask", headers={**pre, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers
    with TestClient(app_for(fast_bot, api_keys="k1")) as c:
        assert "access-control-allow-origin" not in c.options("/v1/ask", headers=pre).headers


# ---------------------------------------------------------------- rate limit


def test_rate_limit_per_key_with_retry_after(fast_bot):
    with TestClient(app_for(fast_bot, api_keys="k1,k2", rate_limit="3/minute")) as c:
        k1, k2 = {"Authorization": "Bearer k1"}, {"Authorization": "Bearer k2"}
        assert [c.post("/v1/ask", json=Q, headers=k1).status_code for _ in range(3)] == [200] * 3
        r = c.post("/v1/ask", json=Q, headers=k1)
        assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 60
        assert "3/minute" in r.json()["error"]
        r = c.post("/v1/chat/completions", headers=k1, json={"model": "erenhot-plan", "messages": []})
        assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limit_exceeded"
        assert c.post("/v1/ask", json=Q, headers=k2).status_code == 200  # another key has its own budget
        assert c.get("/healthz").status_code == 200  # not limited
        assert "assistant_rate_limited_total" in c.get("/metrics", headers=k2).text


def test_rate_limit_is_shared_by_workers(fast_bot, tmp_path):
    """Two apps (as two workers) on one runtime directory draw on one budget."""
    settings = dict(api_keys="k1", rate_limit="4/minute", runtime_dir=tmp_path)
    a, b = TestClient(app_for(fast_bot, **settings)), TestClient(app_for(fast_bot, **settings))
    with a, b:
        h = {"Authorization": "Bearer k1"}
        codes = [(a if n % 2 else b).post("/v1/ask", json=Q, headers=h).status_code for n in range(6)]
    assert codes == [200] * 4 + [429] * 2


def test_bad_rate_limit_notation_is_a_config_error(fast_bot):
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError, match="60/minute"):
        app_for(fast_bot, rate_limit="lots")


# ---------------------------------------------------------------- request id, access log, metrics


def test_request_id_in_and_out(keyed):
    h = {"Authorization": "Bearer k1"}
    r = keyed.post("/v1/ask", json=Q, headers={**h, "X-Request-ID": "call-42.a"})
    assert r.headers["x-request-id"] == "call-42.a"
    made = keyed.post("/v1/ask", json=Q, headers=h).headers["x-request-id"]
    assert len(made) == 32
    hostile = keyed.post("/v1/ask", json=Q, headers={**h, "X-Request-ID": "<script>"})
    assert hostile.headers["x-request-id"] != "<script>"
    assert keyed.post("/v1/ask", json=Q).headers["x-request-id"]  # errors carry one too


def test_one_json_log_line_per_request_without_the_key(keyed, caplog):
    with caplog.at_level(logging.INFO, logger="assistant.access"):
        keyed.post("/v1/ask", json=Q, headers={"Authorization": "Bearer k1", "X-Request-ID": "log-1"})
        keyed.post("/v1/ask", json={"question": "恐龙博物馆投资多少？"}, headers={"Authorization": "Bearer k2"})
        keyed.post("/v1/ask", json=Q, headers={"Authorization": "Bearer secret-wrong-key"})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "assistant.access"]
    assert len(lines) == 3
    first, refused, denied = lines
    assert first["request_id"] == "log-1" and first["path"] == "/v1/ask" and first["status"] == 200
    assert first["route"] == "target" and first["refused"] is False and first["latency_ms"] > 0
    assert first["key"] == key_id("k1") != "k1"
    assert refused["refused"] is True and refused["route"] == "refusal" and refused["key"] == key_id("k2")
    assert denied["status"] == 401 and denied["key"] is None
    text = caplog.text
    assert "k1\"" not in text and "secret-wrong-key" not in text


def _metric(text: str, name: str, **labels) -> float:
    for line in text.splitlines():
        if line.startswith(name) and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_refusals_and_latency(keyed):
    h = {"Authorization": "Bearer k1"}
    before = keyed.get("/metrics", headers=h).text
    keyed.post("/v1/ask", json=Q, headers=h)
    keyed.post("/v1/ask", json={"question": "恐龙博物馆投资多少？"}, headers=h)
    keyed.post("/v1/ask", json=Q)
    keyed.get("/no/such/path", headers=h)
    after = keyed.get("/metrics", headers=h).text
    assert keyed.get("/metrics").status_code == 401
    d = lambda name, **l: _metric(after, name, **l) - _metric(before, name, **l)  # noqa: E731
    assert d("assistant_http_requests_total", route="/v1/ask", status="200") == 2
    assert d("assistant_http_requests_total", route="/v1/ask", status="401") == 1
    assert d("assistant_http_requests_total", route="other", status="404") == 1
    assert d("assistant_refusals_total") == 1
    assert d("assistant_answers_total", route="target", refused="false") == 1
    assert d("assistant_http_request_seconds_count", route="/v1/ask") == 3


def test_guard_rejections_are_counted(fast_bot):
    """An LLM answer with a number the plan does not give is rejected by the core's guard: counted."""
    from assistant.service import Assistant

    def lying_llm(question, lang, extractive):
        return extractive.model_copy(update={"answer": "增长 99.9%。[1]"})

    bot = Assistant(fast_bot.settings, fast_bot.knowledge, answerer=lying_llm)
    with TestClient(create_app(fast_bot.settings.model_copy(update={"api_open": True, "rate_limit": ""}),
                               bot=bot)) as c:
        before = _metric(c.get("/metrics").text, "assistant_guard_rejections_total", kind="llm_rejected")
        r = c.post("/v1/ask", json=Q)
        assert r.status_code == 200 and "99.9" not in r.json()["answer"]
        after = _metric(c.get("/metrics").text, "assistant_guard_rejections_total", kind="llm_rejected")
    assert after - before == 1
