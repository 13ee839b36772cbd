"""The staff chat (Gradio): `python app.py` (or `make chat`) serves it on http://127.0.0.1:7860 (CONTRACT.md §3).

    text.py      staff words, clean text for Copy, the Markdown export, bad-input messages, stream cuts
    passage.py   plan text as HTML with quotes marked
    render.py    the conversation, fact cards, source chips, the sources panel
    plan.py      the 计划全文 tab          table.py   the 指标表 tab
    state.py     what a browser session keeps   handlers.py  what each action does (no Gradio)
    layout.py    the Gradio page and its wiring; static/ its CSS and the JavaScript of its HTML parts
    loading.py   start-up: the page is served while the assistant loads

Gradio takes seconds to import, so only layout.py imports it, when the page is built: `import assistant.ui`
stays cheap and the handlers are testable without a browser.
"""

from __future__ import annotations

import logging

from assistant.settings import Settings, apply_offline_env, get_settings
from assistant.ui.handlers import STREAM_SECONDS, AsksQuestions, KnowsThePlan, StaffChat

__all__ = ["StaffChat", "build_ui", "launch_options", "main"]


def build_ui(bot: AsksQuestions, settings: Settings, knowledge: KnowsThePlan | None = None,
             stream_seconds: float = STREAM_SECONDS):
    """The staff chat as a `gr.Blocks`; launch it with `**launch_options()` for its stylesheet.
    `knowledge` (parsed plans and the target table) defaults to the assistant's own."""
    from assistant.ui.layout import build

    return build(StaffChat(bot, settings, knowledge or bot.knowledge, stream_seconds=stream_seconds))


def launch_options() -> dict:
    from assistant.ui.layout import launch_options as options

    return options()


def main() -> None:
    """Serve the chat. The page comes up first; the assistant (index, models, warm-up) loads beside it, once for
    every browser session (ui/loading.py)."""
    apply_offline_env()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from assistant.ui.loading import BackgroundAssistant, plan_knowledge

    settings = get_settings()
    knowledge = plan_knowledge(settings)

    def load():
        from assistant.service import Assistant

        bot = Assistant.load(settings)
        bot.warm_up()
        return bot

    bot = BackgroundAssistant(load, knowledge, start=False)
    demo = build_ui(bot, settings, knowledge)
    demo.launch(server_name=settings.chat_host, server_port=settings.chat_port, prevent_thread_lock=True,
                **launch_options())
    bot.start()  # after the page is served: see ui/loading.py
    demo.block_thread()
