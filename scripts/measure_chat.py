#!/usr/bin/env python
"""How fast the staff chat is for its user. Prints figures; asserts nothing.

    python scripts/measure_chat.py [--runs 5] [--command "make chat"]

1. `make chat` to a usable page, with the index already built: from starting the command to the question box
   being visible and enabled in Chromium (target ≤ 10 s); and, asking at once, when that first answer shows
   (the assistant loads beside the page).
2. page ready: from the server's first byte of the page to the question box being usable, fresh browser context
   each time (target ≤ 2 s).
3. a figure answer after Enter: until its first words show, and until the whole answer with its fact card shows
   (target ≤ 1 s).

The index is built first (`assistant ingest`, untimed unless it has to build). Uses Debian's Chromium
(/usr/bin/chromium). Other processes on the machine skew every figure; run it more than once.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
FIGURES = ("今年固定资产投资计划增长多少？", "今年地区生产总值预期增长多少？", "互市贸易额目标是多少？",
           "社会消费品零售总额增长多少？", "一般公共预算收入增长多少？")
READY_JS = ("() => { const b = document.querySelector('#question textarea');"
            " return !!b && !b.disabled && b.offsetParent !== null; }")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fmt(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.2f} s, max {max(xs):.2f} s (n={len(xs)})"


def wait_http(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the chat exited with code {proc.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"no page at {url} after {timeout:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--command", default="make chat", help="what starts the chat (default: make chat)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False"}
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant.cli", "ingest"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"index ready (assistant ingest): {time.perf_counter() - t:.2f} s")

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env.update(ASSISTANT_CHAT_PORT=str(port), ASSISTANT_CHAT_HOST="127.0.0.1")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        start = time.perf_counter()
        proc = subprocess.Popen(shlex.split(args.command), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            wait_http(url, proc, 120)
            page = browser.new_page()
            page.goto(url)
            page.wait_for_function(READY_JS, polling="raf", timeout=60_000)
            usable = time.perf_counter() - start
            box = page.locator("#question textarea")  # ask at once: answered when the assistant has loaded
            box.fill(FIGURES[0])
            box.press("Enter")
            page.wait_for_function("() => !!document.querySelector('#transcript .turn .a-foot, #transcript .a-error')",
                                   polling="raf", timeout=120_000)
            answered = time.perf_counter() - start
            print(f"1. `{args.command}` to a usable page (index built): {usable:.2f} s  (target ≤ 10 s); "
                  f"a question asked at once answered at {answered:.2f} s")
            page.close()

            ready = []
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1366, "height": 900})
                page = context.new_page()
                page.goto(url, wait_until="commit")
                page.wait_for_function(READY_JS, polling="raf", timeout=30_000)
                ready.append(page.evaluate(
                    "() => (performance.now() - performance.getEntriesByType('navigation')[0].responseStart) / 1000"))
                context.close()
            print(f"2. page ready after the server answers: {fmt(ready)}  (target ≤ 2 s)")

            context = browser.new_context(viewport={"width": 1366, "height": 900})
            page = context.new_page()
            page.goto(url)
            page.wait_for_function(READY_JS, polling="raf", timeout=30_000)
            first, whole = [], []
            for n in range(args.runs):
                time.sleep(0.3)  # a person reads the answer before asking again
                question = FIGURES[n % len(FIGURES)]
                box = page.locator("#question textarea")
                box.fill(question)
                turns = page.locator("#transcript .turn").count()
                t0 = time.perf_counter()
                box.press("Enter")
                try:
                    page.wait_for_function(
                        f"() => {{ const t = document.querySelectorAll('#transcript .turn')[{turns}];"
                        " const a = t && t.querySelector('.a-text'); return !!a && a.textContent.trim().length > 0; }",
                        polling="raf", timeout=30_000)
                except Exception:
                    raise SystemExit(f"no answer to {question}; the line by the box says: "
                                     f"{page.locator('#status').inner_text()!r}") from None
                first.append(time.perf_counter() - t0)
                page.wait_for_function(
                    f"() => {{ const t = document.querySelectorAll('#transcript .turn')[{turns}];"
                    " return !!t && !!t.querySelector('.a-foot'); }", polling="raf", timeout=30_000)
                whole.append(time.perf_counter() - t0)
                if not page.locator("#transcript .turn").nth(turns).locator(".fact").count():
                    print(f"   note: no fact card for {question}")
            context.close()
            print(f"3. a figure answer after Enter: first words {fmt(first)}; whole answer with its fact card "
                  f"{fmt(whole)}  (target ≤ 1 s)")
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
            browser.close()


if __name__ == "__main__":
    main()
