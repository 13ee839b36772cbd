"""The Gradio page: three tabs (对话 / 计划全文 / 指标表) wired to the handlers. Gradio is imported here only, when
the page is built.

No `from __future__ import annotations` here on purpose: Gradio finds the `gr.EventData` argument of a listener
through its real (evaluated) type annotation.
"""

import hashlib
import tempfile
from functools import lru_cache
from pathlib import Path

from assistant.feedback import MAX_COMMENT_CHARS, REASONS
from assistant.settings import apply_offline_env
from assistant.ui.handlers import Screen, StaffChat, write_download
from assistant.ui.plan import MAX_QUERY_CHARS, plan_html
from assistant.ui.render import attr, sources_html, status_html, transcript_html
from assistant.ui.state import Conversation
from assistant.ui.table import ALL, HEADERS, SORTS, chapter_choices, display_rows, rows_csv, select_rows
from assistant.ui.text import SUBTITLE, TITLE

STATIC = Path(__file__).with_name("static")


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def launch_options() -> dict:
    """Keyword arguments for `demo.launch`: the page's stylesheet (Gradio 6 takes CSS at launch)."""
    return {"css": static_text("chat.css"), "footer_links": ["settings"]}


def counter_js(limit: int) -> str:
    """Client-side only: the character count under the box follows every change of the box's value."""
    return (f"(q) => {{ const el = document.querySelector('#q-count .count'); if (el) {{ const n = (q || '').length;"
            f" el.textContent = n + ' / {limit}'; el.classList.toggle('near', n >= {int(limit * 0.9)} && n < {limit});"
            f" el.classList.toggle('full', n >= {limit}); }} return []; }}")


def build(chat: StaffChat):
    apply_offline_env()  # before gradio is imported: no analytics, no hub calls
    import gradio as gr

    places = chat.places
    docs = chat.knowledge.docs
    rows = chat.knowledge.table.rows()
    limit = chat.settings.max_question_chars
    downloads = Path(tempfile.mkdtemp(prefix="staffchat-csv-"))

    def show(screen: Screen):
        """A Screen as updates of OUT (in that order); gr.skip() leaves a component as it is."""
        conv = screen.conv
        form = screen.form
        status = gr.skip()
        if screen.status is not None or screen.refocus:
            message, kind = screen.status or ("", "")
            status = status_html(message, kind or "error", screen.refocus)
        return (
            gr.update(value=screen.question) if screen.question is not None else gr.skip(),
            transcript_html(conv, places, chat.ratings.of_session(conv.session_id)) if screen.transcript else gr.skip(),
            sources_html(conv, places) if screen.sources else gr.skip(),
            status,
            conv,
            gr.update(visible=form.visible) if form is not None else gr.skip(),
            gr.update(value=form.title) if form is not None and form.visible else gr.skip(),
            gr.update(value=[], visible=form.show_reasons) if form is not None and form.visible else gr.skip(),
            gr.update(value="") if form is not None and form.visible else gr.skip(),
            gr.update(value=screen.export or None, interactive=bool(screen.export))
            if screen.export is not None else gr.skip(),
        )

    # ---------------------------------------------------------------- listeners (thin: handlers do the work)

    def ask_from_box(question, conv):
        for screen in chat.ask(question, conv, from_box=True):
            yield show(screen)

    def ask_option(conv, evt: gr.EventData):
        for screen in chat.ask(getattr(evt, "value", ""), conv, from_box=False):
            yield show(screen)

    def select(conv, evt: gr.EventData):
        return show(chat.select(conv, getattr(evt, "turn", None), getattr(evt, "n", None)))

    def rate(conv, evt: gr.EventData):
        return show(chat.rate(conv, getattr(evt, "turn", None), getattr(evt, "rating", None)))

    def submit_feedback(conv, reasons, comment):
        return show(chat.submit_feedback(conv, reasons, comment))

    def close_feedback(conv):
        return show(chat.close_feedback(conv))

    def reset():
        return show(chat.reset())

    def open_in_plan(conv, query, evt: gr.EventData):
        """A source's "open in the full plan": switch tabs and scroll to the section, its quote marked."""
        place = chat.selected_place(conv)
        doc = next((d for d in docs if place and d.doc == place[0]), docs[0])
        chapter, section, quote = (place[1], place[2], place[3]) if place else (
            str(getattr(evt, "chapter", "")), str(getattr(evt, "section", "")), "")
        focus = (doc.doc, chapter, section, quote, (conv.stamp if conv else 0) + 1)
        return gr.Tabs(selected="plan"), render_plan(doc.doc, query, focus), gr.update(value=doc.doc), focus

    def render_plan(doc_id, query, focus):
        doc = next((d for d in docs if d.doc == doc_id), docs[0])
        query = str(query or "")[:MAX_QUERY_CHARS]
        if focus and focus[0] == doc.doc and not query.strip():
            return plan_html(doc, focus=(focus[1], focus[2]), quote=focus[3], stamp=focus[4])
        return plan_html(doc, query=query, stamp=hash(query) & 0xFFFF)

    def search_plan(doc_id, query, focus):
        """Typing a search (or choosing a document) redraws the plan; an opened place stays marked until then."""
        return render_plan(doc_id, query, focus), (focus if not str(query or "").strip() else None)

    def filter_table(text, chapter, sort):
        picked = select_rows(rows, text, chapter, sort)
        csv_text = rows_csv(picked)
        name = f"targets-{hashlib.sha1(csv_text.encode()).hexdigest()[:10]}.csv"  # same rows, same file
        path = write_download(downloads, name, csv_text)
        count = f"共 {len(picked)} 项（全表 {len(rows)} 项） · {len(picked)} of {len(rows)} rows"
        return display_rows(picked), count, str(path)

    first_rows, first_count, first_csv = filter_table("", ALL, next(iter(SORTS)))

    # ---------------------------------------------------------------- the page

    with gr.Blocks(title="二连浩特市计划问答 · Plan Q&A", delete_cache=(3600, 86400)) as demo:
        conv = gr.State(None)  # a Conversation, made on the first question: each browser session its own
        plan_focus = gr.State(None)  # (doc, chapter, section, quote, stamp) a source chip opened in 计划全文
        gr.HTML(f"<h1>{attr(TITLE)}</h1><p>{attr(SUBTITLE)}</p>", elem_id="page-head", apply_default_css=False)
        with gr.Tabs(elem_id="tabs") as tabs:
            with gr.Tab("对话", id="chat", elem_id="tab-chat"):
                with gr.Row(elem_id="chat-row", equal_height=False):
                    with gr.Column(scale=3, min_width=360, elem_id="chat-col"):
                        transcript = gr.HTML(transcript_html(Conversation(), places), elem_id="transcript",
                                             js_on_load=static_text("transcript.js"), apply_default_css=False)
                        with gr.Group(visible=False, elem_id="feedback-form") as form:
                            form_title = gr.Markdown(elem_id="feedback-title")
                            reasons = gr.CheckboxGroup(list(REASONS), label="原因（可多选） · Reasons",
                                                       elem_id="feedback-reasons")
                            comment = gr.Textbox(label="备注（可选） · Comment (optional)", lines=2, max_lines=6,
                                                 max_length=MAX_COMMENT_CHARS, elem_id="feedback-comment")
                            with gr.Row():
                                submit = gr.Button("提交反馈 · Submit", variant="primary", size="sm",
                                                   elem_id="feedback-submit")
                                cancel = gr.Button("关闭 · Close", size="sm", elem_id="feedback-close")
                        status = gr.HTML(status_html(), elem_id="status", js_on_load=static_text("status.js"),
                                         apply_default_css=False)
                        with gr.Row(elem_id="ask-row"):
                            question = gr.Textbox(label="问题 · Question", show_label=False, lines=1, max_lines=4,
                                                  max_length=limit, autofocus=True, elem_id="question", scale=8,
                                                  placeholder="输入问题 · Ask a question",
                                                  container=False)
                            send = gr.Button("发送", variant="primary", elem_id="send", scale=0, min_width=72)
                        with gr.Row(elem_id="meta-row"):
                            new_chat = gr.Button("新对话 · New chat", size="sm", elem_id="new-chat", scale=0)
                            export = gr.DownloadButton("导出 Markdown · Export", size="sm", elem_id="export",
                                                       interactive=False, scale=0)
                            count = f'<span class="count" title="字数上限 {limit} · Up to {limit} characters">0 / {limit}</span>'
                            gr.HTML(count, elem_id="q-count", apply_default_css=False, min_width=0, scale=0)
                    with gr.Column(scale=2, min_width=320, elem_id="sources-col"):
                        sources = gr.HTML(sources_html(Conversation(), places), elem_id="sources",
                                          js_on_load=static_text("sources.js"), apply_default_css=False)
            with gr.Tab("计划全文", id="plan", elem_id="tab-plan"):
                with gr.Row():
                    plan_doc = gr.Dropdown([(d.title, d.doc) for d in docs], value=docs[0].doc,
                                           label="文件 · Document", visible=len(docs) > 1, elem_id="plan-doc")
                    plan_query = gr.Textbox(label="在全文中搜索 · Search the plan", placeholder="例如：口岸、风电、土默特街",
                                            max_length=MAX_QUERY_CHARS, elem_id="plan-search")
                plan_view = gr.HTML(plan_html(docs[0]), elem_id="plan-view", js_on_load=static_text("plan.js"),
                                    apply_default_css=False)
            with gr.Tab("指标表", id="targets", elem_id="tab-targets"):
                with gr.Row():
                    t_text = gr.Textbox(label="筛选 · Filter", placeholder="例如：增速、风电 · e.g. GDP",
                                        elem_id="targets-filter", max_length=100, scale=3)
                    t_chapter = gr.Dropdown(chapter_choices(rows), value=ALL, label="章节 · Chapter",
                                            elem_id="targets-chapter", scale=1)
                    t_sort = gr.Dropdown(list(SORTS), value=next(iter(SORTS)), label="排序 · Sort",
                                         elem_id="targets-sort", scale=1)
                with gr.Row(equal_height=True):
                    t_count = gr.Markdown(first_count, elem_id="targets-count")
                    t_csv = gr.DownloadButton("下载 CSV · Download", value=first_csv, size="sm", elem_id="targets-csv",
                                              scale=0)
                t_table = gr.Dataframe(first_rows, headers=HEADERS, datatype="str", interactive=False, wrap=True,
                                       elem_id="targets-table", max_height=640,
                                       column_widths=["200px", "80px", "80px", "100px", "110px", "90px", "460px"])

        out = [question, transcript, sources, status, conv, form, form_title, reasons, comment, export]
        quiet = dict(show_progress="hidden", api_visibility="private")
        asking = dict(outputs=out, concurrency_id="ask", concurrency_limit=2, trigger_mode="once", **quiet)
        asks = [question.submit(ask_from_box, [question, conv], **asking),
                send.click(ask_from_box, [question, conv], **asking),
                transcript.option_select(ask_option, [conv], **asking)]
        transcript.select(select, [conv], out, **quiet)
        transcript.like(rate, [conv], out, **quiet)
        sources.select(select, [conv], out, **quiet)
        sources.click(open_in_plan, [conv, plan_query], [tabs, plan_view, plan_doc, plan_focus], **quiet)
        submit.click(submit_feedback, [conv, reasons, comment], out, **quiet)
        cancel.click(close_feedback, [conv], out, **quiet)
        new_chat.click(reset, None, out, cancels=asks, **quiet)  # an answer still streaming stops
        question.change(None, [question], None, js=counter_js(limit), api_visibility="private")
        for box in (plan_query, plan_doc):
            box.change(search_plan, [plan_doc, plan_query, plan_focus], [plan_view, plan_focus],
                       trigger_mode="always_last", **quiet)
        for box in (t_text, t_chapter, t_sort):
            box.change(filter_table, [t_text, t_chapter, t_sort], [t_table, t_count, t_csv],
                       trigger_mode="always_last", **quiet)
    return demo
