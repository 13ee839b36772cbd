"""The staff chat in headless Chromium, on the real assistant (bigram embeddings: same pipeline, quick to build).

The core's wording is changing, so these check structure: a fact card with value 10 and unit %, a <mark> whose
text is in the plan, options that ask, a stored feedback row. Needs Debian's `chromium` (/usr/bin/chromium) and
the `playwright` package; Playwright's own browser download is never used (it cannot work offline).
"""

import re
import sqlite3
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
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
expect = sync_api.expect

from assistant.settings import Settings, apply_offline_env  # noqa: E402
from assistant.ui.driver import answered, ask  # noqa: E402
from assistant.ui.plan import plain_plan, section_id  # noqa: E402

FIGURE = "今年固定资产投资计划增长多少？"
LOCATED = "土默特街改造在哪一部分？"
LISTED = "主要预期目标包括哪些指标？"  # seven items, each its own sentence (cited), one place
CLARIFY_CANDIDATES = ("风电项目规模多大？", "增速目标是多少？")
LIMIT = 500


class Recorder:
    """The real assistant, with a record of the (question, session id) pairs the page asked."""

    def __init__(self, bot):
        self.bot = bot
        self.knowledge = bot.knowledge
        self.calls: list[tuple[str, str | None]] = []

    def ask(self, question, session_id=None):
        self.calls.append((question, session_id))
        return self.bot.ask(question, session_id=session_id)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app(fast_bot, tmp_path_factory):
    apply_offline_env()
    from assistant.ui import build_ui, launch_options

    bot = Recorder(fast_bot)
    settings = Settings(data_dir=tmp_path_factory.mktemp("chat-data"))
    demo = build_ui(bot, settings)
    port = free_port()
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True, **launch_options())
    try:
        yield f"http://127.0.0.1:{port}/", bot, settings.data_dir / "feedback.sqlite3"
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
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app[0].rstrip("/"))
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(app[0])
    page.locator("#question textarea").wait_for()
    yield page
    context.close()


@pytest.fixture(scope="module")
def plan_text(fast_bot):
    return plain_plan(fast_bot.knowledge.docs[0])


def test_a_figure_question_shows_a_fact_card_with_value_unit_and_framing(page, plan_text):
    turn = ask(page, FIGURE)
    card = turn.locator(".fact").first
    expect(card.locator(".fact-value")).to_have_text("10")
    expect(card.locator(".fact-unit")).to_have_text("%")
    framing = card.locator(".fact-framing").all_inner_texts()
    assert framing and all(f.strip() and f.strip() in plan_text for f in framing)
    assert "投资" in card.locator(".fact-name").inner_text()
    expect(turn.locator(".route-tag")).to_have_text("出自指标表")
    box = page.locator("#question textarea")
    expect(box).to_have_value("")
    expect(box).to_be_focused()
    labels = page.locator("#transcript [aria-label]").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert labels and not [x for x in labels if "<" in x or "&lt;" in x or "**" in x]


def test_a_located_question_shows_the_section_with_the_quote_marked(page, plan_text, fast_bot):
    ask(page, LOCATED)
    panel = page.locator("#sources .src-panel")
    expect(panel.locator(".src-sec")).to_contain_text("（一）精修城市功能品质")
    expect(panel.locator(".src-ch")).to_contain_text("第五章")
    mark = panel.locator("mark.current")
    expect(mark).to_have_count(1)
    quote = mark.inner_text()
    assert "土默特街" in quote and quote in plan_text
    section = fast_bot.knowledge.docs[0].section("五", "（一）")
    body = plan_text[section.start:section.end]
    text = re.sub(r"\s+", "", panel.locator(".src-text").inner_text())
    assert text in re.sub(r"\s+", "", body) and len(text) > len(quote)  # the section around the quote, verbatim
    box = panel.locator(".src-text").bounding_box()
    m = mark.bounding_box()
    assert box["y"] - 1 <= m["y"] and m["y"] + min(m["height"], 30) <= box["y"] + box["height"] + 1  # in view


def test_a_list_question_lists_items_each_with_a_selectable_source(page, plan_text):
    # record what the answer shows while it arrives: it must grow in several steps, each a beginning of the whole
    page.evaluate("""() => { window.__seen = []; new MutationObserver(() => {
        const t = document.querySelectorAll('#transcript .a-text'); const last = t[t.length - 1];
        if (last) window.__seen.push(last.textContent.replace(/\\s+/g, ''));
      }).observe(document.querySelector('#transcript'), {subtree: true, childList: true, characterData: true}); }""")
    turn = ask(page, LISTED)
    seen = [x for x in dict.fromkeys(page.evaluate("window.__seen")) if x]
    final = re.sub(r"\s+", "", turn.locator(".a-text").inner_text())
    assert len(seen) >= 3 and seen[-1] == final, seen
    assert all(final.startswith(x) for x in seen), seen
    items = turn.locator(".a-text li")
    assert items.count() >= 3
    assert turn.locator(".a-text li button.cite").count() >= 3
    assert turn.locator(".a-sources button.chip").count() <= 2  # one chip per place, not one line per quote
    chips = page.locator("#sources button.src-chip")
    assert chips.count() >= 3
    chips.nth(1).click()
    expect(page.locator("#sources mark.current")).to_have_attribute("data-n", "2")
    assert page.locator("#sources mark.current").inner_text() in plan_text
    turn.locator(".a-text button.cite").nth(2).click()
    expect(page.locator("#sources mark.current")).to_have_attribute("data-n", "3")
    expect(page.locator("#sources button.src-chip.current")).to_have_text("3")


def test_a_clarify_option_asks_the_chosen_figure(page, fast_bot):
    question = next((q for q in CLARIFY_CANDIDATES if fast_bot.ask(q).route == "clarify"), None)
    assert question, f"none of {CLARIFY_CANDIDATES} gets a clarify answer any more: pick another for this test"
    turn = ask(page, question)
    expect(turn.locator(".route-tag")).to_have_text("需要澄清")
    options = turn.locator("button.opt")
    assert options.count() >= 2
    chosen = options.first.get_attribute("data-ask")
    before = answered(page)
    options.first.click()
    page.wait_for_function(f"document.querySelectorAll('#transcript .turn .a-foot').length > {before}")
    last = page.locator("#transcript .turn").last
    expect(last.locator(".q")).to_contain_text(chosen)
    expect(last.locator(".fact")).to_have_count(1)
    assert "需要澄清" not in last.locator(".route-tag").inner_text()


def test_a_follow_up_is_asked_in_the_same_session(app, page):
    bot = app[1]
    ask(page, "今年地区生产总值预期增长多少？")
    turn = ask(page, "那农牧民呢？")
    asked = [s for q, s in bot.calls if q in ("今年地区生产总值预期增长多少？", "那农牧民呢？")][-2:]
    assert len(asked) == 2 and asked[0] and asked[0] == asked[1]
    expect(turn.locator(".fact .fact-name")).to_contain_text("农牧民")


def test_bad_input_is_explained_inline_and_the_box_stays_usable(page):
    box = page.locator("#question textarea")
    status = page.locator("#status .status")
    assert box.get_attribute("maxlength") == str(LIMIT)
    page.locator("#send").click()
    expect(status).to_contain_text("请输入问题")
    expect(status).to_have_attribute("role", "alert")
    expect(box).to_be_focused()
    page.locator("#send").click()  # the same problem again: the cursor comes back again
    expect(status).to_contain_text("请输入问题")
    expect(box).to_be_focused()
    box.fill("     ")
    box.press("Enter")
    expect(status).to_contain_text("只有空格")
    # longer than the limit, as a script or an old browser could send it past maxlength
    box.evaluate("(el, n) => { el.value = '长'.repeat(n); el.dispatchEvent(new Event('input', {bubbles: true})); }",
                 LIMIT + 100)
    expect(page.locator("#q-count .count")).to_have_text(f"{LIMIT + 100} / {LIMIT}")
    box.press("Enter")
    expect(status).to_contain_text(f"超过 {LIMIT} 字")
    expect(box).to_have_value("长" * (LIMIT + 100))  # kept, to be shortened
    expect(box).to_be_focused()
    assert page.locator("#transcript .turn").count() == 0
    assert page.locator(".toast-body").count() == 0  # no overlay, no error toast
    turn = ask(page, FIGURE)  # and the next question is answered
    expect(turn.locator(".fact .fact-value")).to_have_text("10")
    expect(status).to_have_count(0)


def test_feedback_with_reasons_and_a_comment_is_stored(app, page):
    _, bot, db = app
    turn = ask(page, FIGURE)
    turn.locator("button.thumb-down").click()
    form = page.locator("#feedback-form").first
    expect(form).to_be_visible()
    expect(turn.locator("button.thumb-down")).to_have_attribute("aria-pressed", "true")
    form.get_by_label("数字错误").check()
    form.locator("#feedback-comment textarea").fill("应注明“左右”")
    form.locator("#feedback-submit").click()
    expect(page.locator("#status .status")).to_contain_text("谢谢")
    expect(form).to_be_hidden()
    session = [s for q, s in bot.calls if q == FIGURE][-1]
    deadline = time.monotonic() + 10
    row = None
    while time.monotonic() < deadline and row is None:
        with sqlite3.connect(db) as con:
            row = con.execute("SELECT question, rating, reasons, comment, route, citations FROM feedback "
                              "WHERE session_id = ? AND comment != ''", (session,)).fetchone()
        time.sleep(0.1)
    assert row is not None, "no feedback row with the comment"
    question, rating, reasons, comment, route, citations = row
    assert (question, rating, comment, route) == (FIGURE, "down", "应注明“左右”", "target")
    assert "数字错误" in reasons and "固定资产投资" in citations


def test_copy_puts_clean_text_on_the_clipboard(page):
    ask(page, LOCATED)
    page.locator("#transcript .turn").last.locator("button.copy").click()
    expect(page.locator("#transcript .copy-status")).to_contain_text("已复制")
    text = page.evaluate("navigator.clipboard.readText()")
    assert "土默特街" in text and "出处：\n[1] 第五章" in text
    assert "<" not in text and "**" not in text and "route-tag" not in text


def test_the_full_plan_opens_at_a_cited_section(page, fast_bot):
    ask(page, LOCATED)
    page.locator("#sources button.src-open").click()
    doc = fast_bot.knowledge.docs[0]
    target = page.locator(f"#{section_id(doc, doc.section('五', '（一）'))}")
    expect(target).to_be_visible()
    expect(target).to_have_class(re.compile(r"\bfocus\b"))
    expect(target).to_be_in_viewport()
    assert "土默特街" in target.locator("mark.current").inner_text()
    page.locator(".plan-toc a", has_text="（三）守牢社会稳定底线").click()  # the table of contents navigates
    expect(page.locator(f"#{section_id(doc, doc.section('七', '（三）'))}")).to_be_in_viewport()
    page.locator("#plan-search textarea, #plan-search input").first.fill("风电")
    expect(page.locator(".plan-hits")).to_contain_text("风电")
    assert page.locator("mark.hit").count() >= 3


def test_the_target_table_filters_and_downloads_what_it_shows(page):
    page.get_by_role("tab", name="指标表").click()
    table = page.locator("#targets-table")
    expect(table).to_be_visible()
    count = page.locator("#targets-count")
    all_rows = int(re.search(r"共 (\d+) 项", count.inner_text()).group(1))
    page.locator("#targets-filter textarea, #targets-filter input").first.fill("风电")
    expect(count).not_to_contain_text(f"共 {all_rows} 项")
    shown = int(re.search(r"共 (\d+) 项", count.inner_text()).group(1))
    assert 0 < shown < all_rows
    rows = table.locator('[role="row"]:not([aria-rowindex="1"])')  # the header is row 1
    expect(rows).to_have_count(shown)
    for text in rows.all_inner_texts():
        assert "风电" in text
    with page.expect_download() as download:
        page.locator("#targets-csv").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert csv_text.startswith("id,doc,chapter,section,indicator") and len(csv_text.splitlines()) == shown + 1


def test_new_chat_clears_the_conversation_and_the_box_and_export_gives_markdown(page):
    ask(page, FIGURE)
    with page.expect_download() as download:
        page.locator("#export").click()
    md = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## 问题 1" in md and FIGURE in md and "出处" in md
    page.locator("#question textarea").fill("还没发送的问题")
    page.locator("#new-chat").click()
    expect(page.locator("#transcript .turn")).to_have_count(0)
    expect(page.locator("#question textarea")).to_have_value("")
    expect(page.locator("#transcript .examples")).to_be_visible()
    expect(page.locator("#sources .src-empty")).to_be_visible()
    expect(page.locator("#q-count .count")).to_have_text(f"0 / {LIMIT}")


def test_on_a_phone_the_sources_come_below_the_answer(app, browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(app[0])
    page.locator("#question textarea").wait_for()
    try:
        ask(page, LOCATED)
        answer = page.locator("#transcript .turn").last.bounding_box()
        panel = page.locator("#sources .src-panel").bounding_box()
        assert panel["y"] > answer["y"] + answer["height"] - 1
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the page scrolls sideways ({width}px)"
    finally:
        context.close()
