"""The staff chat's behaviour, without Gradio: each handler takes the Conversation and returns `Screen`s saying
what to show. layout.py wires them to components; tests call them directly.

Asking: the input is checked first (a problem is a line under the box, never an overlay, and the box keeps its
text); then the whole answer is computed (the core's number and citation guard included) before any of it is
shown; then it is revealed progressively, cut only between figures and markers, and finally shown with its fact
cards, sources and actions.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from assistant.errors import AssistantError
from assistant.feedback import REASONS, FeedbackRecord, FeedbackStore
from assistant.models import Answer, ParsedDoc
from assistant.settings import Settings
from assistant.targets.table import TargetTable
from assistant.ui.state import ChatTurn, Conversation, Ratings
from assistant.ui.text import (
    FEEDBACK_FAILED,
    FEEDBACK_SAVED,
    GENERIC_ERROR,
    Places,
    export_markdown,
    input_problem,
    stream_cuts,
)

log = logging.getLogger(__name__)

STREAM_STEPS = 12  # an answer is revealed in about this many steps …
STREAM_SECONDS = 0.3  # … over about this long for a long answer (STREAM_FULL_CHARS or more), less for a short one
STREAM_FULL_CHARS = 200
KEEP_FILES_S = 86_400  # exported conversations and CSV files older than this are removed
BUSY = "正在回答上一个问题，请稍候再发送。 · Still answering the previous question; send this one in a moment."


class AsksQuestions(Protocol):
    def ask(self, question: str, session_id: str | None = None) -> Answer: ...


class KnowsThePlan(Protocol):
    docs: tuple[ParsedDoc, ...]
    table: TargetTable


@dataclass(frozen=True)
class FeedbackForm:
    visible: bool
    title: str = ""
    show_reasons: bool = False


@dataclass(frozen=True)
class Screen:
    """What one step of a handler changes. None means: leave that part of the page as it is."""

    conv: Conversation
    question: str | None = None  # the box's new text
    status: tuple[str, str] | None = None  # (message, kind) for the line under the box; ("", "") clears it
    refocus: bool = False  # put the cursor back in the box
    transcript: bool = True
    sources: bool = False
    form: FeedbackForm | None = None
    export: str | None = None  # path of the conversation as Markdown; "" = nothing to export


class StaffChat:
    def __init__(self, bot: AsksQuestions, settings: Settings, knowledge: KnowsThePlan,
                 stream_seconds: float = STREAM_SECONDS):
        self.bot = bot
        self.settings = settings
        self.knowledge = knowledge
        self.places = Places(knowledge.docs)
        self.stream_seconds = stream_seconds
        self._store: FeedbackStore | None = None
        self.ratings = Ratings()
        # Sessions with an answer being computed or streamed: Gradio runs a session's events concurrently, and two
        # answers at once would each extend their own copy of the conversation (one would be lost from the page).
        self._asking: set[str] = set()
        self._asking_lock = threading.Lock()
        self._export_dir: Path | None = None

    # ---------------------------------------------------------------- asking

    def ask(self, question: Any, conv: Conversation | None, from_box: bool = True) -> Iterator[Screen]:
        conv = conv or Conversation()
        problem = input_problem(question, self.settings.max_question_chars)
        if problem:
            yield Screen(conv, status=(problem, "error"), refocus=True, transcript=False)
            return
        with self._asking_lock:
            busy = conv.session_id in self._asking
            self._asking.add(conv.session_id)
        if busy:
            yield Screen(conv, status=(BUSY, "error"), refocus=from_box, transcript=False)
            return
        try:
            yield from self._answer(str(question).strip(), conv, from_box)
        finally:  # also when the page cancels the stream (新对话) or the browser goes away
            with self._asking_lock:
                self._asking.discard(conv.session_id)

    def _answer(self, question: str, conv: Conversation, from_box: bool) -> Iterator[Screen]:
        index = len(conv.turns)
        conv = conv.bump(turns=(*conv.turns, ChatTurn(question=question)), feedback_turn=None)
        yield Screen(conv, question="" if from_box else None, status=("", ""), refocus=from_box,
                     form=FeedbackForm(False))
        try:
            answer = self.bot.ask(question, session_id=conv.session_id)
        except AssistantError as e:
            message = input_problem(question, self.settings.max_question_chars) or f"无法回答这个问题。 · {e}"
            yield self._failed(conv, index, message, question, from_box)
            return
        except Exception:
            log.exception("the assistant failed on a question (session %s)", conv.session_id)
            yield self._failed(conv, index, GENERIC_ERROR, question, from_box)
            return
        conv = replace(conv, session_id=answer.session_id or conv.session_id)
        cuts = stream_cuts(answer.answer, STREAM_STEPS)
        pause = self.stream_seconds * min(1.0, len(answer.answer) / STREAM_FULL_CHARS) / max(len(cuts), 1)
        for cut in cuts[:-1]:
            conv = conv.with_turn(index, ChatTurn(question=question, answer=answer, shown=answer.answer[:cut]))
            yield Screen(conv)
            if pause:
                time.sleep(pause)
        conv = conv.with_turn(index, ChatTurn(question=question, answer=answer))
        conv = conv.bump(selected=(index, 1) if answer.citations else None, select_reason="answer")
        yield Screen(conv, sources=True, export=self.export(conv))

    def _failed(self, conv: Conversation, index: int, message: str, question: str, from_box: bool) -> Screen:
        conv = conv.with_turn(index, ChatTurn(question=question, error=message))
        return Screen(conv, question=question if from_box else None, refocus=from_box)

    # ---------------------------------------------------------------- sources

    def select(self, conv: Conversation | None, turn: Any, n: Any) -> Screen:
        """Show source n of answer `turn` (from a click on [n] or a chip; the numbers come from the page)."""
        conv = conv or Conversation()
        try:
            turn, n = int(turn), int(n)
        except (TypeError, ValueError):
            return Screen(conv, transcript=False)
        if not (0 <= turn < len(conv.turns)) or not conv.turns[turn].done:
            return Screen(conv, transcript=False)
        if not 1 <= n <= len(conv.turns[turn].answer.citations):
            return Screen(conv, transcript=False)
        return Screen(conv.bump(selected=(turn, n), select_reason="user"), transcript=False, sources=True)

    def selected_place(self, conv: Conversation | None) -> tuple[str, str, str, str] | None:
        """(doc, chapter, section, quote) of the selected source, for opening it in the full plan."""
        if conv is None or conv.selected is None:
            return None
        turn, n = conv.selected
        c = conv.turns[turn].answer.citations[n - 1]
        return c.doc, c.chapter, c.section, c.quote

    # ---------------------------------------------------------------- feedback

    @property
    def store(self) -> FeedbackStore:
        if self._store is None:
            self._store = FeedbackStore.in_dir(self.settings.data_dir)
        return self._store

    def rate(self, conv: Conversation | None, turn: Any, rating: Any) -> Screen:
        """A thumb clicked: stored at once (the form that opens only adds reasons and a comment). Clicking the
        same thumb again withdraws the rating; the other thumb changes it."""
        conv = conv or Conversation()
        try:
            turn = int(turn)
        except (TypeError, ValueError):
            return Screen(conv, transcript=False)
        if rating not in ("up", "down") or not conv.turn_done(turn):
            return Screen(conv, transcript=False)
        t = conv.turns[turn]
        before = self.ratings.get(conv.session_id, turn)
        try:
            if before and before[1] == rating:  # un-clicked
                self.store.delete(before[0])
                self.ratings.clear(conv.session_id, turn)
                return Screen(replace(conv, feedback_turn=None), form=FeedbackForm(False),
                              status=("已撤回评价。 · Rating withdrawn.", "ok"))
            if before and self.store.update(before[0], rating=rating) is not None:
                record_id = before[0]
            else:
                record_id = self.store.add(FeedbackRecord(session_id=conv.session_id, question=t.question,
                                                          answer=t.answer, rating=rating)).id
        except Exception:
            log.exception("could not store feedback")
            return Screen(conv, transcript=False, status=(FEEDBACK_FAILED, "error"))
        self.ratings.set(conv.session_id, turn, record_id, rating)
        title = (f"已记录：第 {turn + 1} 问的回答{'有帮助' if rating == 'up' else '有问题'}。"
                 + ("可选：勾选原因、写下备注，再点“提交反馈”。 · Optional: tick reasons, add a comment, then submit."
                    if rating == "down" else "可选：写下备注，再点“提交反馈”。 · Optional: add a comment, then submit."))
        return Screen(replace(conv, feedback_turn=turn), form=FeedbackForm(True, title, show_reasons=rating == "down"),
                      status=("", ""))

    def submit_feedback(self, conv: Conversation | None, reasons: Any, comment: Any) -> Screen:
        conv = conv or Conversation()
        turn = conv.feedback_turn
        given = self.ratings.get(conv.session_id, turn) if turn is not None else None
        if given is None:
            return Screen(replace(conv, feedback_turn=None), transcript=False, form=FeedbackForm(False))
        record_id, rating = given
        reasons = tuple(r for r in (reasons or ()) if r in REASONS) if rating == "down" else ()
        comment = str(comment or "").strip()
        try:
            self.store.update(record_id, reasons=reasons, comment=comment)
        except Exception:
            log.exception("could not store feedback")
            return Screen(conv, transcript=False, status=(FEEDBACK_FAILED, "error"))
        return Screen(replace(conv, feedback_turn=None), transcript=False, form=FeedbackForm(False),
                      status=(FEEDBACK_SAVED, "ok"))

    def close_feedback(self, conv: Conversation | None) -> Screen:
        return Screen(replace(conv or Conversation(), feedback_turn=None), transcript=False, form=FeedbackForm(False))

    # ---------------------------------------------------------------- conversation

    def reset(self) -> Screen:
        """新对话: a new session, an empty box, nothing selected."""
        return Screen(Conversation(), question="", status=("", ""), refocus=True, sources=True,
                      form=FeedbackForm(False), export="")

    def export(self, conv: Conversation) -> str:
        """Write the conversation as Markdown; returns the file's path ("" when nothing was answered yet)."""
        turns = conv.answered()
        if not turns:
            return ""
        if self._export_dir is None:
            self._export_dir = Path(tempfile.mkdtemp(prefix="staffchat-export-"))
        return str(write_download(self._export_dir, f"conversation-{conv.session_id[:12]}.md",
                                  export_markdown(turns, self.places)))


def write_download(folder: Path, name: str, text: str) -> Path:
    """Write a file for the page to download, removing the folder's files older than a day (a long-running chat
    would otherwise collect one per conversation)."""
    now = time.time()
    for old in folder.iterdir():
        try:
            if now - old.stat().st_mtime > KEEP_FILES_S:
                old.unlink()
        except OSError:
            pass  # another worker removed it first
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
