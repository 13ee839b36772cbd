"""The staff chat (Gradio): `python app.py` serves it on http://127.0.0.1:7860 (CONTRACT.md §3).

Gradio takes seconds to import, so it is imported only inside `StaffChat.build` and `main`, never when
`assistant.ui` itself is imported: the formatting and the handlers below are plain Python and unit-testable.

No `from __future__ import annotations` here on purpose: Gradio finds the `gr.LikeData` argument of the
like handler through its real (evaluated) type annotation.
"""

import html
import logging
import uuid
from typing import Any, Protocol

from assistant.errors import AssistantError
from assistant.feedback import FeedbackRecord, append_feedback
from assistant.models import Answer, Citation, Fact
from assistant.settings import Settings, apply_offline_env, get_settings

log = logging.getLogger(__name__)

TITLE = "二连浩特市2026年国民经济和社会发展计划 · 问答助手"
SUBTITLE = "Staff Q&A over Erenhot's 2026 economic and social development plan — every answer cites the plan verbatim."

ROUTE_LABELS = {
    "target": "目标表",
    "retrieval": "检索",
    "clarify": "需澄清",
    "refusal": "未涉及",
    "smalltalk": "闲聊",
}

EXAMPLES = [
    "今年固定资产投资计划增长多少？",
    "土默特街改造在哪一部分？",
    "风电项目有哪些？",
    "What is the GDP growth target?",
]

GENERIC_ERROR = "抱歉，系统暂时出错，请稍后再试。Something went wrong; please try again."
FEEDBACK_FILE = "feedback.jsonl"

CSS = """
.route-tag { display: inline-block; font-size: 0.75em; line-height: 1.4; padding: 0 0.5em; margin-top: 0.3em;
             border-radius: 0.6em; border: 1px solid var(--border-color-primary); color: var(--body-text-color-subdued); }
.subtitle { color: var(--body-text-color-subdued); font-size: 0.9em; }
"""

# Characters that Markdown (or the HTML sanitiser) would eat or reinterpret. Quotes are escaped so that
# what staff see on screen is the plan's text character for character (they Ctrl-F for it).
_MD_SPECIAL = set("\\`*_{}[]<>#|~")


class AsksQuestions(Protocol):
    def ask(self, question: str, session_id: str | None = None) -> Answer: ...


# ---------------------------------------------------------------- formatting an Answer as chat Markdown


def md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def place_label(chapter: str, section: str = "") -> str:
    """`第一章 （二）`; the unnumbered parts (通知, 总体要求) go by their name."""
    if chapter in ("通知", "总体要求") or not chapter:
        head = chapter
    else:
        head = f"第{chapter}章"
    return f"{head} {section}".strip() if section else head


def format_citation(n: int, c: Citation) -> str:
    """`[n] 第X章 （y） title — 「verbatim quote」`."""
    title = c.title if c.title and c.title != c.chapter else ""
    label = " ".join(p for p in (place_label(c.chapter, c.section), md_escape(title)) if p)
    return f"[{n}] {label} — 「{md_escape(c.quote)}」"


def format_value(value: float | int | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_fact(f: Fact) -> str:
    """`indicator：value unit qualifier`, e.g. `地区生产总值增速：6% 左右`."""
    text = f"{f.indicator}：{format_value(f.value)}{f.unit}"
    if f.qualifier:
        text += f" {f.qualifier}"
    return md_escape(text)


def route_tag(route: str) -> str:
    label = ROUTE_LABELS.get(route, route)
    return f'<span class="route-tag" title="route: {html.escape(route)}">{html.escape(label)}</span>'


def format_answer(answer: Answer) -> str:
    """The chat bubble for one Answer: text, numbered citations, facts, and a small route tag."""
    parts = [answer.answer.strip()]
    if answer.citations:
        lines = [format_citation(i, c) for i, c in enumerate(answer.citations, 1)]
        parts.append("**出处**  \n" + "  \n".join(lines))
    if answer.facts:
        parts.append("**相关指标**  \n" + "  \n".join(f"• {format_fact(f)}" for f in answer.facts))
    parts.append(route_tag(answer.route))
    return "\n\n".join(p for p in parts if p)


def new_session_id() -> str:
    return uuid.uuid4().hex


# ---------------------------------------------------------------- the chat's handlers


class StaffChat:
    """The chat's state handling, separate from the Gradio layout so it can be tested without a browser.

    Per browser session Gradio keeps: `session_id` (passed to `bot.ask`, so follow-up questions work) and
    `turns` ({index of the assistant message in the chat: {"question", "answer": Answer}}), which is what
    a thumbs up/down is stored with.
    """

    def __init__(self, bot: AsksQuestions, settings: Settings) -> None:
        self.bot = bot
        self.settings = settings

    @property
    def feedback_path(self):
        return self.settings.data_dir / FEEDBACK_FILE

    def respond(self, question: Any, history: list | None, session_id: str | None, turns: dict | None):
        """-> (cleared textbox, chat history, session id, turns). Raises `gr.Error` for the user to see."""
        import gradio as gr

        session_id = session_id or new_session_id()
        try:
            answer = self.bot.ask(question, session_id=session_id)
        except AssistantError as e:
            raise gr.Error(html.escape(str(e) or "无法回答这个问题。"), title="无法处理", print_exception=False) from None
        except Exception:
            log.exception("the assistant failed on a question (session %s)", session_id)
            raise gr.Error(GENERIC_ERROR, title="出错了", print_exception=False) from None
        session_id = answer.session_id or session_id
        history = list(history or []) + [
            {"role": "user", "content": str(question)},
            {"role": "assistant", "content": format_answer(answer)},
        ]
        turns = dict(turns or {})
        turns[len(history) - 1] = {"question": str(question), "answer": answer}
        return "", history, session_id, turns

    def feedback(self, index: Any, liked: Any, session_id: str | None, turns: dict | None) -> FeedbackRecord | None:
        """Store a thumbs up (liked is True) or down (False); un-clicking (anything else) stores nothing."""
        if liked is True:
            rating = "up"
        elif liked is False:
            rating = "down"
        else:
            return None
        if isinstance(index, (list, tuple)):  # (row, column) in the old tuples format
            index = index[0]
        turn = (turns or {}).get(index)
        if turn is None:
            log.warning("feedback for chat message %r, which has no stored answer", index)
            return None
        answer: Answer = turn["answer"]
        record = FeedbackRecord(session_id=session_id or answer.session_id, question=turn["question"],
                                answer=answer, rating=rating)
        append_feedback(self.feedback_path, record)
        return record

    def reset(self):
        """A new conversation: a fresh session id, no stored answers."""
        return new_session_id(), {}

    # ------------------------------------------------------------ layout

    def build(self):
        apply_offline_env()  # before gradio is imported: no analytics, no hub calls
        import gradio as gr

        def on_like(session_id: str | None, turns: dict | None, data: gr.LikeData) -> None:
            try:
                record = self.feedback(data.index, data.liked, session_id, turns)
            except Exception:
                log.exception("could not store feedback")
                raise gr.Error("反馈保存失败。Could not save the feedback.", print_exception=False) from None
            if record is not None:
                gr.Info("已记录您的反馈，谢谢！Feedback saved.", duration=3)

        with gr.Blocks(title="二连浩特市计划问答") as demo:
            session = gr.State(None)
            turns = gr.State({})
            gr.Markdown(f"## {TITLE}")
            gr.Markdown(SUBTITLE, elem_classes=["subtitle"])
            chatbot = gr.Chatbot(
                label="对话",
                height=560,
                feedback_options=("Like", "Dislike"),
                buttons=["copy", "copy_all"],
                placeholder="请输入关于《2026年二连浩特市国民经济和社会发展计划》的问题，或点击下方示例。",
                elem_id="staff-chat",
            )
            with gr.Row():
                question = gr.Textbox(
                    show_label=False,
                    placeholder="输入问题，按回车发送…  Ask in Chinese or English",
                    scale=8,
                    autofocus=True,
                    elem_id="question",
                    max_lines=4,
                )
                send = gr.Button("发送", variant="primary", scale=1, min_width=80, elem_id="send")
                clear = gr.Button("新对话", scale=1, min_width=80, elem_id="new-chat")
            examples = gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[question], label="示例问题（点击即问）")
            gr.Markdown("回答下方的“赞 / 踩”按钮用于评价回答，反馈会保存用于改进。回答末尾的小标签表示来源：目标表 / 检索 / 需澄清 / 未涉及 / 闲聊。",
                        elem_classes=["subtitle"])

            io = dict(
                fn=self.respond,
                inputs=[question, chatbot, session, turns],
                outputs=[question, chatbot, session, turns],
                concurrency_id="ask",
                concurrency_limit=2,
                api_visibility="private",
            )
            question.submit(**io)
            send.click(**io)
            examples.load_input_event.then(**io)
            chatbot.like(on_like, inputs=[session, turns], outputs=None, api_visibility="private")
            chatbot.clear(self.reset, outputs=[session, turns], api_visibility="private")
            clear.click(lambda: ([], *self.reset()), outputs=[chatbot, session, turns], api_visibility="private")
            demo.load(new_session_id, outputs=[session], api_visibility="private")
        return demo


def build_ui(bot: AsksQuestions, settings: Settings):
    """The staff chat as a `gr.Blocks`; launch it with `css=CSS` for the route tag's style."""
    return StaffChat(bot, settings).build()


def main() -> None:
    apply_offline_env()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from assistant.service import Assistant

    settings = get_settings()
    bot = Assistant.load(settings)  # once, at start: every browser session shares it
    bot.warm_up()
    demo = build_ui(bot, settings)
    demo.launch(
        server_name=settings.chat_host,
        server_port=settings.chat_port,
        css=CSS,
        footer_links=["settings"],
    )


if __name__ == "__main__":
    main()
