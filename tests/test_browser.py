"""The staff chat in headless Chromium: ask, see the cited answer, thumbs-down, feedback stored.

Needs Debian's `chromium` (at /usr/bin/chromium) and the `playwright` Python package; Playwright's own
browser download is never used (it cannot work offline). A CJK font (fonts-wqy-microhei)
only matters for the screenshot: the checks read the DOM.
Set STAFF_CHAT_SCREENSHOT=/some/path.png to keep the screenshot.
"""

import json
import os
import shutil
import socket
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} not found: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed: pip install playwright")

from assistant.errors import InvalidQuestion  # noqa: E402
from assistant.models import Answer, Citation, Fact  # noqa: E402
from assistant.settings import Settings, apply_offline_env  # noqa: E402

QUESTION = "今年固定资产投资计划增长多少？"
QUOTE = "固定资产投资增长10%以上"
FOLLOW_UP = "那地区生产总值呢？"
GDP_QUOTE = "地区生产总值增长6%左右"


class FakeBot:
    def __init__(self):
        self.calls: list[tuple[str, str | None]] = []

    def ask(self, question, session_id=None):
        self.calls.append((question, session_id))
        if not question.strip():
            raise InvalidQuestion("问题不能为空，请输入一个问题。")
        if "生产总值" in question or "GDP" in question:
            return Answer(
                answer="2026年地区生产总值预期增长6%左右。[1]", route="target", refused=False,
                citations=(Citation(doc="erenhot-2026", chapter="总体要求", section="", title="总体要求", quote=GDP_QUOTE),),
                facts=(Fact(indicator="地区生产总值增速", value=6, unit="%", qualifier="左右", doc="erenhot-2026",
                            chapter="总体要求", section="", quote=GDP_QUOTE),),
                session_id=session_id or "")
        return Answer(
            answer="2026年全市固定资产投资计划增长10%以上。[1]", route="target", refused=False,
            citations=(Citation(doc="erenhot-2026", chapter="一", section="（二）", title="扩大有效投资", quote=QUOTE),),
            facts=(Fact(indicator="固定资产投资增速", value=10, unit="%", qualifier="以上", doc="erenhot-2026",
                        chapter="一", section="（二）", quote=QUOTE),),
            session_id=session_id or "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    apply_offline_env()
    from assistant.ui import CSS, build_ui

    bot = FakeBot()
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"))
    demo = build_ui(bot, settings)
    port = free_port()
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, css=CSS, quiet=True,
                footer_links=["settings"])
    try:
        yield f"http://127.0.0.1:{port}/", bot, settings.data_dir / "feedback.jsonl"
    finally:
        demo.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(app, browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1200, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(app[0])
    page.locator("#question textarea").wait_for()
    yield page
    context.close()


def ask(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


def wait_for_lines(path: Path, n: int, timeout: float = 15.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            if len(lines) >= n:
                return lines
        time.sleep(0.1)
    raise AssertionError(f"{path} did not get {n} line(s) within {timeout}s")


def test_ask_see_cited_answer_thumbs_down_and_feedback_is_stored(app, page, tmp_path):
    expect = sync_api.expect
    _, bot, feedback = app
    chat = page.locator("#staff-chat")

    ask(page, QUESTION)
    expect(chat).to_contain_text(f"[1] 第一章 （二） 扩大有效投资 — 「{QUOTE}」")
    expect(chat).to_contain_text("固定资产投资增速：10% 以上")
    expect(chat.locator(".route-tag")).to_have_text("目标表")
    expect(page.locator("#question textarea")).to_have_value("")

    ask(page, FOLLOW_UP)  # a follow-up in the same browser session
    expect(chat).to_contain_text(f"「{GDP_QUOTE}」")
    asked = [c for c in bot.calls if c[0] in (QUESTION, FOLLOW_UP)]
    assert len(asked) == 2 and asked[0][1] and asked[0][1] == asked[1][1], asked

    # thumbs-down on the first answer ("踩" in zh-CN, "Dislike" in English browsers)
    before = len(feedback.read_text(encoding="utf-8").splitlines()) if feedback.exists() else 0
    page.locator('button[aria-label="踩"], button[aria-label="Dislike"]').first.click()
    record = json.loads(wait_for_lines(feedback, before + 1)[-1])
    assert record["rating"] == "down"
    assert record["question"] == QUESTION
    assert record["session_id"] == asked[0][1]
    assert record["answer"]["citations"][0]["quote"] == QUOTE
    assert record["answer"]["route"] == "target"

    shot = tmp_path / "staff-chat.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("STAFF_CHAT_SCREENSHOT"):
        shutil.copy(shot, os.environ["STAFF_CHAT_SCREENSHOT"])


def test_clicking_an_example_asks_it(app, page):
    page.get_by_text("风电项目有哪些？", exact=True).click()
    expect = sync_api.expect
    expect(page.locator("#staff-chat")).to_contain_text(f"「{QUOTE}」")
    assert any(q == "风电项目有哪些？" for q, _ in app[1].calls)


def test_invalid_question_shows_its_message_not_a_traceback(app, page):
    page.locator("#send").click()  # empty box
    toast = page.locator(".toast-body")
    sync_api.expect(toast).to_contain_text("问题不能为空")
    assert "Traceback" not in toast.inner_text()
