"""Slow and half-sent requests are dropped (a real uvicorn server with DeadlineProtocol on a loopback port)."""

from __future__ import annotations

import socket
import time

import pytest

from assistant.api import create_app
from assistant.settings import get_settings

from live_server import running


@pytest.fixture
def server(fast_bot, monkeypatch):
    monkeypatch.setenv("ASSISTANT_HEADER_TIMEOUT_S", "1")
    get_settings.cache_clear()
    settings = fast_bot.settings.model_copy(update={"api_open": True, "rate_limit": "", "body_timeout_s": 1.0})
    try:
        with running(create_app(settings, bot=fast_bot), timeout_keep_alive=2) as url:
            yield int(url.rsplit(":", 1)[1])
    finally:
        get_settings.cache_clear()


def closed_after(sock: socket.socket, limit: float) -> tuple[float, bytes]:
    """Seconds until the server closed the connection, and what it sent before."""
    sock.settimeout(limit)
    t0, got = time.monotonic(), b""
    try:
        while chunk := sock.recv(4096):
            got += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    return time.monotonic() - t0, got


def test_half_sent_headers_are_dropped(server):
    socks = []
    for _ in range(50):
        s = socket.create_connection(("127.0.0.1", server))
        s.sendall(b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n")  # never finished
        socks.append(s)
    silent = socket.create_connection(("127.0.0.1", server))  # sends nothing at all
    waits = [closed_after(s, 6)[0] for s in [*socks, silent]]
    for s in [*socks, silent]:
        s.close()
    assert max(waits) < 4, max(waits)


def test_slow_body_gets_408(server):
    s = socket.create_connection(("127.0.0.1", server))
    s.sendall(b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"qu")
    waited, got = closed_after(s, 6)
    s.close()
    assert got.startswith(b"HTTP/1.1 408"), got[:200]
    assert waited < 4


def test_a_normal_request_and_keep_alive_still_work(server):
    s = socket.create_connection(("127.0.0.1", server))
    body = '{"question": "你好"}'.encode()
    req = (b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
           + str(len(body)).encode() + b"\r\n\r\n" + body)
    s.sendall(req)
    time.sleep(1.5)  # idle between requests (shorter than keep-alive) must not trip the header deadline
    s.sendall(req)
    waited, got = closed_after(s, 8)
    s.close()
    assert got.count(b"HTTP/1.1 200") == 2, got[:300]
    assert waited < 6  # then keep-alive closes the idle connection
