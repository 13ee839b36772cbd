"""`assistant serve --workers 2` as a real process: the start-up log names the access mode, sessions and the
rate-limit budget are shared by the workers, /metrics adds the workers up, SIGTERM stops it cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import pytest

from assistant.settings import PROJECT_ROOT

from live_server import free_port


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("serve-data")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_DATA_DIR=str(data), ASSISTANT_EMBEDDING_BACKEND="bigram", ASSISTANT_API_KEYS="sk1",
               ASSISTANT_RATE_LIMIT="1000/minute")
    log = tmp_path_factory.mktemp("serve-log") / "log.txt"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port), "--workers", "2"],
                                env=env, cwd=PROJECT_ROOT, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(log.read_text())
    time.sleep(1)  # both workers up
    yield url, log, proc
    proc.send_signal(signal.SIGTERM)
    proc.wait(30)


def test_workers_share_sessions_and_add_up_metrics(served):
    url, log, _ = served
    h = {"Authorization": "Bearer sk1"}
    for _ in range(6):  # a new connection each time: requests land on either worker
        first = httpx.post(f"{url}/v1/ask", json={"question": "城镇居民收入预期增长多少？"}, headers=h).json()
        follow = httpx.post(f"{url}/v1/ask", json={"question": "那农牧民呢？", "session_id": first["session_id"]},
                            headers=h).json()
        assert any(f["value"] == 5 for f in follow["facts"]), follow
    metrics = httpx.get(f"{url}/metrics", headers=h).text
    total = sum(float(line.rsplit(" ", 1)[1]) for line in metrics.splitlines()
                if line.startswith("assistant_http_requests_total") and 'route="/v1/ask"' in line)
    assert total >= 12
    text = log.read_text()
    assert "API access: 1 bearer key(s) required" in text
    assert text.count('"path": "/v1/ask"') >= 12 and "sk1" not in text.replace("ASSISTANT", "")


def test_stops_cleanly_on_sigterm(served):
    _, _, proc = served
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 0
