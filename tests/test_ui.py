"""The staff chat without a browser: how an Answer is shown, the respond handler, feedback on like."""

import json
import sys

import pytest

from assistant.errors import InvalidQuestion
from assistant.feedback import read_feedback
from assistant.models import Answer, Citation, Fact
from assistant.settings import Settings
from assistant.ui import StaffChat, format_answer, format_citation, format_fact, place_label

GDP_QUOTE = "地区生产总值增长6%左右"
INVEST_QUOTE = "固定资产投资增长10%以上"


def gdp_answer(session_id: str = "s") -> Answer:
    return Answer(
        answer="2026年二连浩特市地区生产总值预期增长6%左右。[1]",
        route="target",
        refused=False,
        citations=(
            Citation(doc="erenhot-2026", chapter="总体要求", section="", title="总体要求", quote=GDP_QUOTE),
            Citation(doc="erenhot-2026", chapter="一", section="（二）", title="扩大有效投资", quote=INVEST_QUOTE),
        ),
        facts=(
            Fact(indicator="地区生产总值增速", value=6, unit="%", qualifier="左右", doc="erenhot-2026",
                 chapter="总体要求", section="", quote=GDP_QUOTE),
            Fact(indicator="外贸进出口总额", value=51.28, unit="亿元", qualifier="", doc="erenhot-2026",
                 chapter="一", section="（三）", quote="外贸进出口总额51.28亿元"),
        ),
        session_id=session_id,
    )


class FakeBot:
    """Returns real Answers; remembers the session ids it was asked with."""

    def __init__(self):
        self.calls: list[tuple[str, str | None]] = []

    def ask(self, question, session_id=None):
        self.calls.append((question, session_id))
        if not isinstance(question, str) or not question.strip():
            raise InvalidQuestion("问题不能为空。Please type a question.")
        if question == "boom":
            raise RuntimeError("internal detail that must not reach the user")
        return gdp_answer(session_id or "")


@pytest.fixture
def chat(tmp_path):
    return StaffChat(FakeBot(), Settings(data_dir=tmp_path))


# ---------------------------------------------------------------- formatting


def test_place_label_numbers_chapters_and_names_the_unnumbered_parts():
    assert place_label("一", "（二）") == "第一章 （二）"
    assert place_label("六", "") == "第六章"
    assert place_label("总体要求", "") == "总体要求"
    assert place_label("通知", "") == "通知"


def test_citation_line_has_number_place_title_and_verbatim_quote():
    c = Citation(doc="erenhot-2026", chapter="一", section="（二）", title="扩大有效投资", quote=INVEST_QUOTE)
    assert format_citation(2, c) == f"[2] 第一章 （二） 扩大有效投资 — 「{INVEST_QUOTE}」"
    top = Citation(doc="erenhot-2026", chapter="总体要求", section="", title="总体要求", quote=GDP_QUOTE)
    assert format_citation(1, top) == f"[1] 总体要求 — 「{GDP_QUOTE}」"  # the name once, not twice


def test_answer_markdown_lists_citations_in_order_and_facts():
    md = format_answer(gdp_answer())
    assert md.startswith("2026年二连浩特市地区生产总值预期增长6%左右。[1]")
    first, second = md.index("[1] 总体要求"), md.index("[2] 第一章 （二） 扩大有效投资")
    assert first < second
    assert f"「{GDP_QUOTE}」" in md and f"「{INVEST_QUOTE}」" in md  # verbatim
    assert "地区生产总值增速：6% 左右" in md
    assert "外贸进出口总额：51.28亿元" in md
    assert "目标表" in md  # the route tag


def test_fact_values_print_as_the_plan_writes_them():
    f = Fact(indicator="地区生产总值增速", value=6.0, unit="%", qualifier="左右", doc="d", chapter="总体要求",
             section="", quote=GDP_QUOTE)
    assert format_fact(f) == "地区生产总值增速：6% 左右"


def test_refusal_without_citations_shows_text_and_tag_only():
    md = format_answer(Answer(answer="计划中没有涉及这个问题。", route="refusal", refused=True))
    assert "出处" not in md and "相关指标" not in md
    assert "计划中没有涉及这个问题。" in md and "未涉及" in md


def test_markdown_characters_in_a_quote_are_escaped_so_it_shows_verbatim():
    c = Citation(doc="d", chapter="二", section="", title="t", quote="**推动对外贸易提质增量。**")
    line = format_citation(1, c)
    assert r"\*\*推动对外贸易提质增量。\*\*" in line


# ---------------------------------------------------------------- respond


def test_respond_reuses_the_session_id_across_turns(chat):
    box, history, sid, turns = chat.respond("今年GDP增长多少？", [], None, {})
    assert box == "" and sid
    _, history, sid2, turns = chat.respond("那投资呢？", history, sid, turns)
    assert sid2 == sid
    assert [s for _, s in chat.bot.calls] == [sid, sid]
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]
    assert "[1] 总体要求" in history[-1]["content"]
    assert set(turns) == {1, 3}
    assert turns[3]["question"] == "那投资呢？" and isinstance(turns[3]["answer"], Answer)


def test_invalid_question_becomes_a_clear_gradio_error(chat):
    import gradio as gr

    with pytest.raises(gr.Error) as err:
        chat.respond("   ", [], "sid", {})
    assert "问题不能为空" in err.value.message
    assert "Traceback" not in err.value.message


def test_unexpected_failure_becomes_a_generic_error_and_a_log_line(chat, caplog):
    import gradio as gr

    with pytest.raises(gr.Error) as err:
        chat.respond("boom", [], "sid", {})
    assert "internal detail" not in err.value.message
    assert any("failed" in r.getMessage() for r in caplog.records)


# ---------------------------------------------------------------- feedback


def test_thumbs_down_stores_one_record_with_the_full_answer(chat):
    _, history, sid, turns = chat.respond("今年GDP增长多少？", [], "sid-1", {})
    record = chat.feedback(1, False, sid, turns)
    lines = chat.feedback_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["rating"] == "down"
    assert data["question"] == "今年GDP增长多少？"
    assert data["session_id"] == "sid-1"
    assert data["answer"]["citations"][0]["quote"] == GDP_QUOTE
    records, problems = read_feedback(chat.feedback_path)
    assert problems == [] and records == [record]
    assert records[0].answer == gdp_answer("sid-1")


def test_like_un_click_and_unknown_message_store_nothing(chat):
    _, _, sid, turns = chat.respond("今年GDP增长多少？", [], "sid", {})
    assert chat.feedback(1, "", sid, turns) is None  # un-clicking a thumb
    assert chat.feedback(7, True, sid, turns) is None  # no answer stored for that message
    assert not chat.feedback_path.exists()
    assert chat.feedback(1, True, sid, turns).rating == "up"


def test_like_event_data_reaches_the_handler(chat):
    """The wiring: gradio passes LikeData to the like listener through its type annotation."""
    import gradio as gr

    demo = chat.build()
    like = [d for d in demo.fns.values() if d.name == "on_like"]
    assert len(like) == 1
    from gradio.utils import get_type_hints

    assert get_type_hints(like[0].fn)["data"] is gr.LikeData
    _, _, sid, turns = chat.respond("今年GDP增长多少？", [], "sid", {})
    data = gr.LikeData(None, {"index": 1, "value": ["…"], "liked": False})
    like[0].fn(sid, turns, data)
    assert read_feedback(chat.feedback_path)[0][0].rating == "down"


def test_importing_the_ui_module_does_not_import_gradio():
    import subprocess

    code = "import sys, assistant.ui; print('gradio' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
