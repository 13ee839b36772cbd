"""A schema-driven fuzz of the API (schemathesis, from the served OpenAPI description): over 1,000 generated
requests, valid and invalid (schemathesis' positive and negative modes), and not one 5xx. Offline: the app is called in process (ASGI)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

from assistant.api import create_app

KEY = "fuzz-key"
EXAMPLES = 300  # per operation with a body and per mode (valid / invalid input)
CALLS: list[int] = []


@pytest.fixture(scope="module")
def fuzz_app(fast_bot):
    return create_app(fast_bot.settings.model_copy(update={"api_keys": KEY, "rate_limit": ""}), bot=fast_bot)


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    from fastapi.testclient import TestClient

    with TestClient(fuzz_app) as c:  # runs the lifespan once
        document = c.get("/openapi.json", headers={"Authorization": f"Bearer {KEY}"}).json()
    schema = schemathesis.openapi.from_dict(document)
    schema.app = fuzz_app
    return schema


def test_no_server_errors(api_schema):
    operations = [op.ok() for op in api_schema.get_all_operations()]
    assert {f"{op.method.upper()} {op.path}" for op in operations} >= {
        "POST /v1/ask", "POST /v1/chat/completions", "GET /v1/models", "GET /healthz"}
    runs = [(op, mode) for op in operations for mode in GenerationMode
            if op.method.upper() == "POST" or mode == GenerationMode.POSITIVE]  # a GET has nothing to break
    for op, mode in runs:
        examples = EXAMPLES if op.method.upper() == "POST" else 30

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def fuzz(case):
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {KEY}"}
            response = case.call()
            CALLS.append(response.status_code)
            assert response.status_code < 500, (case.method, case.path, case.body, response.text[:300])
            case.validate_response(response, checks=[not_a_server_error])

        fuzz()
    assert len(CALLS) >= 1000, len(CALLS)
    assert not [c for c in CALLS if c >= 500]
