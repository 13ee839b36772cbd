"""Chroma server mode: a real `chroma run` on a free loopback port, a round trip through ingest and
`Assistant.load(...).ask(...)`, and the same answers as the embedded store."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.settings import Settings
from assistant.store import chroma_client, parse_url

QUESTIONS = [
    "今年固定资产投资计划增长多少？",
    "土默特街改造在哪一部分？",
    "有哪些清洁能源项目？",
    "2027年地区生产总值增长目标是多少？",
    "2025年固定资产投资增长了多少？",
    "今年要建多少个5G基站？",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chroma_cli() -> str:
    found = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    assert found, "the `chroma` console script of the chromadb package is not installed"
    return found


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False", "NO_COLOR": "1"}
    log = (path / "server.log").open("wb")
    proc = subprocess.Popen([_chroma_cli(), "run", "--path", str(path / "db"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"chroma server did not start: {(path / 'server.log').read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _answers(bot) -> list[dict]:
    return [bot.ask(q).model_dump(exclude={"session_id"}) for q in QUESTIONS]


def test_server_round_trip_gives_the_embedded_answers(chroma_url, multidoc_knowledge, tmp_path):
    from assistant.ingest import ingest
    from assistant.service import Assistant

    server = Settings(knowledge_dir=multidoc_knowledge, data_dir=tmp_path / "server-data", embedding_backend="bigram",
                      chroma_url=chroma_url)
    embedded = Settings(knowledge_dir=multidoc_knowledge, data_dir=tmp_path / "embedded-data",
                        embedding_backend="bigram")
    first = ingest(server)
    assert first.report.rebuilt and first.report.embedded == first.report.chunks > 0
    assert not (server.data_dir / "chroma").exists()  # vectors live on the server, not in the data dir
    on_server = {c.name for c in chroma_client(server).list_collections()}
    assert first.report.collection in on_server
    coll = chroma_client(server).get_collection(first.report.collection)
    assert coll.count() == first.report.chunks
    meta = coll.get(limit=400, include=["metadatas"])["metadatas"]
    assert {(m["doc"], m["year"], m["genre"]) for m in meta} == {
        ("erenhot-2026", 2026, "plan"), ("erenhot-2027", 2027, "plan"), ("erenhot-2025-report", 2025, "report")}

    again = ingest(server)  # idempotent against the server too
    assert again.report.embedded == 0 and not again.report.rebuilt

    assert _answers(Assistant.load(server)) == _answers(Assistant.load(embedded))


@pytest.mark.parametrize("url", ["localhost:8000", "ftp://h:1", "http://", "http://h:1/path", "http://h:x"])
def test_bad_chroma_url_is_a_config_error(url):
    with pytest.raises(ConfigError, match="ASSISTANT_CHROMA_URL"):
        parse_url(url)


def test_no_server_there_is_a_config_error(tmp_path):
    settings = Settings(data_dir=tmp_path, embedding_backend="bigram", chroma_url=f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(ConfigError, match="no Chroma server answers"):
        chroma_client(settings)


def test_url_parts():
    assert parse_url("http://10.0.0.5:8001") == ("10.0.0.5", 8001, False)
    assert parse_url("https://chroma.internal/") == ("chroma.internal", 443, True)
