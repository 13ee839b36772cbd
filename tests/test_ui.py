"""The staff chat without a browser: how answers, sources and the plan are shown, and what each action does.

The fake assistant returns Answers shaped like the real ones, quoting the shipped plan verbatim, so the rendering
is checked against the real plan text (marks, headings) without depending on how the core words its answers.
"""

import re
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from assistant.errors import InvalidQuestion
from assistant.feedback import FeedbackStore
from assistant.models import Answer, Citation, Fact
from assistant.settings import Settings
from assistant.ui.handlers import StaffChat
from assistant.ui.passage import Mark, render_passage
from assistant.ui.plan import plain_plan, plan_html, search_hits, section_id
from assistant.ui.render import answer_body, fact_card, sources_html, transcript_html
from assistant.ui.state import ChatTurn, Conversation
from assistant.ui.table import ALL, rows_csv, select_rows
from assistant.ui.text import (
    Places,
    export_markdown,
    framed_figure,
    framing_parts,
    input_problem,
    place_label,
    plain_text,
    stream_cuts,
    unique_facts,
)

DOC = "erenhot-2026"
INVEST_QUOTE = "固定资产投资增长10%左右"
STREET_QUOTE = "深入推进城市更新，投资2.1亿元完善公共服务及基础设施，完成土默特街改造及20.9公里配套管网铺设，推动热电联产、垃圾治理等项目投用。"
TRADE_QUOTE = "力争年度互市贸易额突破15亿元"
WIND = ("扩大清洁能源产业规模", "坚持源网荷储一体化", "推动防沙治沙与风光一体化20万千瓦风电项目全容量发电")


def cite(chapter, section, title, quote):
    return Citation(doc=DOC, chapter=chapter, section=section, title=title, quote=quote)


def figure_answer(sid="") -> Answer:
    return Answer(answer=f"固定资产投资增速：计划目标为10%左右[1]。原文：“{INVEST_QUOTE}”。", route="target", refused=False,
                  citations=(cite("总体要求", "", "总体要求", INVEST_QUOTE),),
                  facts=(Fact(indicator="固定资产投资增速", value=10, unit="%", qualifier="左右", doc=DOC,
                              chapter="总体要求", section="", quote=INVEST_QUOTE),) * 2,  # a repeated figure
                  session_id=sid)


def street_answer(sid="") -> Answer:
    return Answer(answer=f"在第五章第（一）节：“{STREET_QUOTE}”[1]", route="retrieval", refused=False,
                  citations=(cite("五", "（一）", "精修城市功能品质，打造宜居宜业边城", STREET_QUOTE),), session_id=sid)


def list_answer(sid="") -> Answer:
    text = "计划提到：\n" + "\n".join(f"- {q}[{n}]" for n, q in enumerate(WIND, 1))
    return Answer(answer=text, route="retrieval", refused=False, session_id=sid,
                  citations=tuple(cite("二", "（一）", "提质升级传统产业，筑牢高质量发展根基", q) for q in WIND))


def clarify_answer(sid="") -> Answer:
    facts = (Fact(indicator="分散式风电项目装机", value=2, unit="万千瓦", qualifier="开工建设", doc=DOC, chapter="二",
                  section="（一）", quote="2万千瓦分散式风电项目开工建设"),
             Fact(indicator="风电竞配项目装机", value=50, unit="万千瓦", qualifier="", doc=DOC, chapter="二",
                  section="（一）", quote="50万千瓦风电竞配"))
    return Answer(answer="请问您指的是哪一项？\n- 分散式风电项目装机：2万千瓦 [1]\n- 风电竞配项目装机：50万千瓦 [2]",
                  route="clarify", refused=False, facts=facts, session_id=sid,
                  citations=tuple(cite("二", "（一）", "提质升级传统产业，筑牢高质量发展根基", f.quote) for f in facts))


class FakeBot:
    """Real Answer shapes, chosen by keywords; remembers the session ids it was asked with."""

    def __init__(self):
        self.calls: list[tuple[str, str | None]] = []

    def ask(self, question, session_id=None):
        self.calls.append((question, session_id))
        if "boom" in question:
            raise RuntimeError("internal detail that must not reach the user")
        if "控制" in question:
            raise InvalidQuestion("the question contains control characters, not text")
        for key, make in (("土默特街", street_answer), ("风电项目有哪些", list_answer), ("规模", clarify_answer)):
            if key in question:
                return make(session_id or "")
        return figure_answer(session_id or "")


@pytest.fixture
def chat(tmp_path, plan_knowledge):
    return StaffChat(FakeBot(), Settings(data_dir=tmp_path), plan_knowledge, stream_seconds=0)


@pytest.fixture
def places(plan_knowledge):
    return Places(plan_knowledge.docs)


def done_conv(*answers: tuple[str, Answer]) -> Conversation:
    return Conversation(turns=tuple(ChatTurn(question=q, answer=a) for q, a in answers))


class Elements(HTMLParser):
    """Every element as (tag, attrs, text inside it) — enough to check structure without a browser."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[list] = []
        self._open: list[list] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        item = [tag, dict(attrs), ""]
        self.found.append(item)
        if tag not in ("br", "input", "img", "path", "meta"):
            self._open.append(item)

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for item in self._open:
            item[2] += data

    def select(self, tag=None, cls=None):
        return [e for e in self.found if (tag is None or e[0] == tag)
                and (cls is None or cls in (e[1].get("class") or "").split())]


# ---------------------------------------------------------------- words, figures, clean text


def test_places_and_framings_in_staff_words():
    assert place_label("五", "（一）") == "第五章（一）" and place_label("六") == "第六章"
    assert place_label("总体要求") == "总体要求" and place_label("通知") == "通知"
    assert framing_parts("力争…突破") == (("力争", "突破"), ())
    assert framing_parts("力争…以上") == (("力争",), ("以上",))
    assert framing_parts("左右") == ((), ("左右",)) and framing_parts("开工建设") == (("开工建设",), ())
    f = Fact(indicator="互市贸易额", value=15.0, unit="亿元", qualifier="力争…突破", doc=DOC, chapter="四",
             section="（一）", quote=TRADE_QUOTE)
    assert framed_figure(f) == "力争突破15亿元"  # reads the way the plan says it, not "15亿元 突破"
    assert len(unique_facts(figure_answer().facts)) == 1


def test_stream_cuts_never_split_a_figure_or_a_marker():
    text = list_answer().answer + "，地区生产总值增长6.5%左右[12]，完成投资51.28亿元。"
    for steps in (3, 12, 40):
        cuts = stream_cuts(text, steps)
        assert cuts[-1] == len(text) and cuts == sorted(set(cuts))
        for cut in cuts[:-1]:
            assert not (text[cut - 1].isdigit() and text[cut] in "0123456789.%"), text[:cut + 1]
            assert not re.search(r"\[\d*$", text[:cut]), text[:cut]
    assert len(stream_cuts(text, 12)) >= 6


def test_copy_text_is_the_answer_and_its_sources_as_plain_lines(places):
    text = plain_text(list_answer(), places)
    assert "<" not in text and "**" not in text and "](" not in text
    assert text.startswith("计划提到：\n・扩大清洁能源产业规模[1]")
    assert "出处：\n[1] 第二章 加快构建现代产业体系，培育特色产业发展新优势 · （一）提质升级传统产业，筑牢高质量发展根基：“扩大清洁能源产业规模”" in text
    assert text.count("\n[") == 3


def test_markdown_export_has_each_question_answer_figure_and_source(places):
    md = export_markdown([("今年固投增长多少？", figure_answer()), ("土默特街改造在哪？", street_answer())], places)
    assert md.startswith("# ") and "## 问题 1" in md and "## 问题 2" in md
    assert "> 今年固投增长多少？" in md and "固定资产投资增速：10%左右（总体要求）" in md
    assert "1. 第五章 完善城乡功能品质，焕发城乡融合发展新气象 · （一）精修城市功能品质，打造宜居宜业边城" in md
    assert md.count("固定资产投资增速：10%左右（总体要求）") == 1 and "*出自指标表*" in md


@pytest.mark.parametrize("question, expected", [
    ("", "请输入问题"), ("   \n ", "只有空格"), ("长" * 501, "超过 500 字"), ("a\x00b", "无法处理"),
])
def test_bad_input_is_named_in_chinese_with_english_beside_it(question, expected):
    message = input_problem(question, 500)
    assert expected in message and " · " in message and re.search(r"[A-Za-z]{4,}", message)


def test_good_input_has_no_problem():
    assert input_problem("今年GDP增长多少？", 500) is None
    assert input_problem("长" * 500, 500) is None


# ---------------------------------------------------------------- the plan as HTML


def test_a_mark_is_exactly_the_quoted_plan_text(plan_knowledge):
    doc = plan_knowledge.docs[0]
    sec = doc.section("二", "（一）")
    quote = "力争全年进出口贸易额突破460亿元"
    at = doc.text.index(quote)
    html = render_passage(doc, sec.start, sec.end, [Mark(at, at + len(quote), "cite", 1, current=True)])
    marks = Elements(html).select("mark")
    assert [m[2] for m in marks] == [quote] and "current" in marks[0][1]["class"]
    assert "**" not in html and "<strong>推动对外贸易提质增量。</strong>" in html  # bold lead-ins, no markers
    quote = "**推动对外贸易提质增量。**依托"  # a quote across a bold lead-in still marks one run
    at = doc.text.index(quote)
    html = render_passage(doc, sec.start, sec.end, [Mark(at, at + len(quote), "cite", 1)])
    assert [m[2] for m in Elements(html).select("mark")] == ["推动对外贸易提质增量。依托"]


def test_plan_view_has_every_section_and_marks_search_hits(plan_knowledge):
    doc = plan_knowledge.docs[0]
    page = Elements(plan_html(doc, query="风电"))
    ids = {e[1].get("id") for e in page.select("section")}
    assert {section_id(doc, s) for s in doc.sections} <= ids
    hits = page.select("mark", "hit")
    assert len(hits) == len(search_hits(doc, "风电")) >= 3 and all(h[2] == "风电" for h in hits)
    assert "“风电”共" in plan_html(doc, query="风电") and "没有" in plan_html(doc, query="火星基地")
    shown = re.sub(r"\s+", "", "".join(e[2] for e in page.select("section", "plan-chapter")))
    for sec in doc.sections:  # every section's text is shown, verbatim (bold markers and line breaks aside)
        assert re.sub(r"\s+", "", doc.text[sec.start:sec.end].replace("**", "")) in shown
    assert "土默特街改造" in plain_plan(doc) and "**" not in plain_plan(doc)


def test_opening_a_place_focuses_its_section_with_the_quote_marked(plan_knowledge):
    doc = plan_knowledge.docs[0]
    html = plan_html(doc, focus=("五", "（一）"), quote=STREET_QUOTE, stamp=3)
    target = section_id(doc, doc.section("五", "（一）"))
    assert f'data-focus="{target}:3"' in html
    page = Elements(html)
    [focused] = [e for e in page.select("section", "focus")]
    assert focused[1]["id"] == target and STREET_QUOTE in focused[2]
    assert [m[2] for m in page.select("mark", "current")] == [STREET_QUOTE]


# ---------------------------------------------------------------- the conversation and the sources panel


def test_citation_markers_become_buttons_and_labels_carry_no_markup(places):
    html = answer_body(list_answer().answer, list_answer(), 0)
    buttons = Elements(html).select("button", "cite")
    assert [b[2] for b in buttons] == ["[1]", "[2]", "[3]"]
    assert all(b[1]["data-turn"] == "0" for b in buttons)
    beyond = answer_body("见[4]", list_answer(), 0)  # no fourth citation: stays text
    assert "[4]" in beyond and not Elements(beyond).select("button")
    conv = done_conv(("风电项目有哪些？", list_answer()), ("今年固投？", figure_answer()), ("规模？", clarify_answer()))
    page = Elements(transcript_html(conv, places))
    labels = [e[1]["aria-label"] for e in page.found if "aria-label" in e[1]]
    assert labels and all("<" not in x and "&lt;" not in x and "**" not in x for x in labels)
    copies = [e[1]["data-copy"] for e in page.select("button", "copy")]
    assert len(copies) == 3 and all("<" not in c and "**" not in c for c in copies)


def test_a_figure_gets_one_card_with_value_unit_framing_and_place(places):
    page = Elements(transcript_html(done_conv(("今年固投增长多少？", figure_answer())), places))
    [card] = page.select("div", "fact")
    assert card[2].startswith("固定资产投资增速")
    assert [e[2] for e in page.select("span", "fact-value")] == ["10"]
    assert [e[2] for e in page.select("span", "fact-unit")] == ["%"]
    assert [e[2] for e in page.select("span", "fact-framing")] == ["左右"]
    assert [e[2] for e in page.select("button", "fact-place")] == ["总体要求"]
    assert not page.select("div", "a-sources")  # the card already names and links the only source
    assert [e[2] for e in page.select("span", "route-tag")] == ["出自指标表"]


def test_pre_framing_comes_before_the_figure():
    f = Fact(indicator="互市贸易额", value=15, unit="亿元", qualifier="力争…突破", doc=DOC, chapter="四",
             section="（一）", quote=TRADE_QUOTE)
    a = Answer(answer="x[1]", route="target", refused=False, facts=(f,), citations=(cite("四", "（一）", "t", TRADE_QUOTE),))
    text = re.sub(r"<[^>]+>", "", fact_card(f, a, 0))
    assert "力争突破15亿元" in text


def test_clarify_options_ask_the_chosen_figure_and_show_no_cards(places):
    page = Elements(transcript_html(done_conv(("风电项目规模多大？", clarify_answer())), places))
    assert [o[1]["data-ask"] for o in page.select("button", "opt")] == ["分散式风电项目装机是多少？", "风电竞配项目装机是多少？"]
    assert not page.select("div", "fact")
    assert [e[2] for e in page.select("span", "route-tag")] == ["需要澄清"]


def test_a_list_answer_names_its_place_once(places):
    page = Elements(transcript_html(done_conv(("风电项目有哪些？", list_answer())), places))
    [chip] = page.select("button", "chip")
    assert chip[2].startswith("第二章（一）") and "3 处" in chip[2]


def test_pending_streaming_and_failed_turns(places):
    conv = Conversation(turns=(ChatTurn("问题一"), ChatTurn("问题二", answer=figure_answer(), shown="固定资产"),
                               ChatTurn("问题三", error="出错了")))
    html = transcript_html(conv, places)
    page = Elements(html)
    assert page.select("div", "a-pending") and 'aria-busy="true"' in html
    streaming = [e for e in page.select("article") if "问题二" not in e[2]]
    assert streaming[0][2].strip() == "固定资产" and not page.select("div", "fact")  # nothing but the text until done
    assert [e[1].get("role") for e in page.select("div", "a-error")] == ["alert"]


def test_sources_panel_shows_the_section_under_its_heading_with_the_quote_marked(places, plan_knowledge):
    conv = done_conv(("土默特街改造在哪一部分？", street_answer())).bump(selected=(0, 1))
    html = sources_html(conv, places)
    page = Elements(html)
    assert "第五章 完善城乡功能品质，焕发城乡融合发展新气象" in page.select("span", "src-ch")[0][2]
    assert page.select("span", "src-sec")[0][2] == "（一）精修城市功能品质，打造宜居宜业边城。"
    [mark] = page.select("mark", "current")
    assert mark[2] == STREET_QUOTE and mark[2] in plan_knowledge.docs[0].text
    body = page.select("div", "src-text")[0][2]
    assert body.startswith("以创建全国文明城市为引领") and body.endswith("满足群众多元居住需求。")  # the full section


def test_sources_panel_marks_every_quote_of_a_list_answer_and_the_selected_one(places):
    conv = done_conv(("风电项目有哪些？", list_answer())).bump(selected=(0, 2))
    page = Elements(sources_html(conv, places))
    assert [m[2] for m in page.select("mark")] == list(WIND)
    assert [m[1]["data-n"] for m in page.select("mark", "current")] == ["2"]
    assert [c[2] for c in page.select("button", "src-chip")] == ["1", "2", "3"]
    assert page.select("button", "current")[0][2] == "2"


# ---------------------------------------------------------------- handlers


def test_asking_streams_the_answer_then_shows_it_whole_with_its_source(chat):
    screens = list(chat.ask("今年固投增长多少？", None))
    first, *middle, last = screens
    assert first.question == "" and first.conv.turns[0].answer is None  # box cleared, answer pending
    shown = [s.conv.turns[0].shown for s in middle]
    assert len(shown) >= 3 and all(shown[i] and figure_answer().answer.startswith(shown[i]) for i in range(len(shown)))
    assert [len(x) for x in shown] == sorted(len(x) for x in shown)
    assert last.conv.turns[0].done and last.sources and last.conv.selected == (0, 1)
    assert last.export and open(last.export, encoding="utf-8").read().count("## 问题") == 1


def test_follow_ups_use_the_same_session(chat):
    conv = list(chat.ask("今年固投增长多少？", None))[-1].conv
    conv = list(chat.ask("那土默特街改造呢？", conv))[-1].conv
    assert [s for _, s in chat.bot.calls] == [conv.session_id] * 2 and len(conv.turns) == 2


@pytest.mark.parametrize("question", ["", "    ", "长" * 501])
def test_bad_input_changes_nothing_but_the_line_under_the_box(chat, question):
    [screen] = list(chat.ask(question, Conversation()))
    assert screen.question is None and screen.conv.turns == () and screen.refocus
    message, kind = screen.status
    assert kind == "error" and " · " in message and chat.bot.calls == []


def test_a_failure_is_shown_in_place_and_the_question_goes_back_to_the_box(chat, caplog):
    last = list(chat.ask("boom", None))[-1]
    assert last.question == "boom" and "稍后" in last.conv.turns[0].error
    assert "internal detail" not in last.conv.turns[0].error
    assert any("failed" in r.getMessage() for r in caplog.records)
    last = list(chat.ask("控制字符", last.conv))[-1]
    assert "无法回答" in last.conv.turns[1].error


def test_a_second_question_while_one_is_answered_is_held_back(chat):
    conv = list(chat.ask("今年固投增长多少？", None))[-1].conv
    first = chat.ask("土默特街改造在哪？", conv)
    next(first)  # the first answer is under way
    [held] = list(chat.ask("风电项目有哪些？", conv))
    assert held.status[1] == "error" and "稍候" in held.status[0] and held.question is None
    assert list(first)[-1].conv.turns[-1].done  # the first one completes …
    assert list(chat.ask("风电项目有哪些？", conv))[-1].conv.turns[-1].done  # … and then the next is answered


def test_the_page_is_served_while_the_assistant_loads(plan_knowledge):
    import threading

    from assistant.errors import AssistantError
    from assistant.ui.loading import BackgroundAssistant

    release = threading.Event()

    def slow_load():
        release.wait(5)
        return FakeBot()

    bot = BackgroundAssistant(slow_load, plan_knowledge, wait_s=0.05)
    assert bot.knowledge is plan_knowledge and not bot.ready
    with pytest.raises(AssistantError, match="仍在加载"):
        bot.ask("今年固投增长多少？")
    release.set()
    bot.wait_s = 5
    assert bot.ask("今年固投增长多少？").route == "target" and bot.ready

    def broken_load():
        raise RuntimeError("index damaged")

    broken = BackgroundAssistant(broken_load, plan_knowledge, wait_s=5)
    with pytest.raises(AssistantError, match="未能加载"):
        broken.ask("今年固投增长多少？")
    chat = StaffChat(broken, Settings(data_dir=plan_knowledge.table.path.parent), plan_knowledge, stream_seconds=0)
    last = list(chat.ask("今年固投增长多少？", None))[-1]
    assert "未能加载" in last.conv.turns[0].error and last.question == "今年固投增长多少？"


def test_select_checks_what_the_page_sent(chat):
    conv = list(chat.ask("风电项目有哪些？", None))[-1].conv
    assert chat.select(conv, 0, 3).conv.selected == (0, 3)
    for turn, n in ((0, 4), (1, 1), ("x", 1), (None, None), (-1, 1)):
        assert chat.select(conv, turn, n).conv.selected == (0, 1)


def test_thumbs_are_stored_changed_and_withdrawn(chat):
    conv = list(chat.ask("今年固投增长多少？", None))[-1].conv
    screen = chat.rate(conv, 0, "down")
    assert screen.form.visible and screen.form.show_reasons
    store = FeedbackStore.in_dir(chat.settings.data_dir)
    [r] = store.records()
    assert (r.rating, r.question, r.session_id, r.answer.citations[0].quote) == ("down", "今年固投增长多少？",
                                                                                conv.session_id, INVEST_QUOTE)
    screen = chat.submit_feedback(screen.conv, ["数字错误", "不存在的原因"], "  应为10%左右  ")
    assert not screen.form.visible and "谢谢" in screen.status[0]
    [r] = store.records()
    assert r.reasons == ("数字错误",) and r.comment == "应为10%左右"
    assert not chat.rate(conv, 0, "up").form.show_reasons
    assert [x.rating for x in store.records()] == ["up"]  # changed, not a second record
    assert 'aria-pressed="true"' in transcript_html(conv, chat.places, chat.ratings.of_session(conv.session_id))
    chat.rate(conv, 0, "up")  # the same thumb again: withdrawn
    assert store.records() == [] and chat.ratings.of_session(conv.session_id) == {}
    assert chat.rate(conv, 5, "down").form is None and chat.rate(conv, 0, "meh").form is None


def test_feedback_that_cannot_be_stored_says_so(chat, tmp_path):
    conv = list(chat.ask("今年固投增长多少？", None))[-1].conv
    (tmp_path / "feedback.sqlite3").write_bytes(b"this is not a database" * 50)
    screen = chat.rate(conv, 0, "down")
    assert screen.status == ("反馈保存失败，请稍后再试。 · The feedback could not be saved; please try again.", "error")


def test_new_conversation_clears_the_box_and_gets_a_new_session(chat):
    conv = list(chat.ask("今年固投增长多少？", None))[-1].conv
    screen = chat.reset()
    assert screen.question == "" and screen.conv.turns == () and screen.conv.session_id != conv.session_id
    assert screen.export == "" and screen.sources


# ---------------------------------------------------------------- the target table tab


def test_target_table_filters_sorts_and_exports_what_is_shown(plan_knowledge):
    rows = plan_knowledge.table.rows()
    growth = select_rows(rows, "增速")
    assert growth and all("增速" in " ".join((t.indicator, t.quote, *t.aliases)) for t in growth)
    assert select_rows(rows, "增速 地区生产总值")[0].indicator == "地区生产总值增速"
    ch2 = select_rows(rows, "", "第二章")
    assert ch2 and {t.chapter for t in ch2} == {"二"}
    by_name = select_rows(rows, "", ALL, "指标名称 Indicator")
    assert [t.indicator for t in by_name] == sorted(t.indicator for t in by_name)
    csv_text = rows_csv(growth)
    assert csv_text.startswith("\ufeffid,doc,chapter,section,indicator") and len(csv_text.splitlines()) == len(growth) + 1


# ---------------------------------------------------------------- the page


def test_the_page_builds_and_its_listeners_get_their_event_data(chat):
    import gradio as gr
    from gradio.utils import get_type_hints

    from assistant.ui.layout import build

    demo = build(chat)
    names = {d.name for d in demo.fns.values()}
    assert {"ask_from_box", "ask_option", "select", "rate", "submit_feedback", "reset", "open_in_plan",
            "search_plan", "filter_table"} <= names
    for d in demo.fns.values():
        if d.name in ("ask_option", "select", "rate", "open_in_plan"):
            assert get_type_hints(d.fn)["evt"] is gr.EventData


def test_importing_the_ui_does_not_import_gradio():
    code = "import sys, assistant.ui; print('gradio' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_feedback_rows_are_queryable_by_staff_tools(chat):
    conv = list(chat.ask("今年固投增长多少？", None))[-1].conv
    chat.rate(conv, 0, "down")
    with sqlite3.connect(chat.settings.data_dir / "feedback.sqlite3") as con:
        assert con.execute("SELECT route, rating FROM feedback").fetchall() == [("target", "down")]
