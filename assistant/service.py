"""The `Assistant`: one object that every channel (Python, CLI, HTTP, Gradio, evals) calls.

ask: validate → resolve the follow-up → route → compose (extractive; an LLM rewrites when configured) →
guard (numbers and citations) → remember the turn.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable

from assistant.answer.compose import ExtractiveComposer
from assistant.answer.guard import violations
from assistant.embeddings import get_embeddings
from assistant.embeddings.cache import CachedQueryEmbedder
from assistant.errors import InvalidQuestion
from assistant.ingest import Knowledge, ingest
from assistant.lexical import Lexicon
from assistant.models import Answer, TargetRoute
from assistant.retrieve import HybridRetriever
from assistant.route import Decision, Router
from assistant.session import SessionStore, Turn, resolve_followup
from assistant.settings import Settings, apply_offline_env, get_settings
from assistant.targets.resolve import resolve

log = logging.getLogger("assistant")


def validate_question(question: object, max_chars: int) -> str:
    """The question as clean text, or InvalidQuestion saying what is wrong with it."""
    if isinstance(question, bytes):
        try:
            question = question.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidQuestion("the question is not UTF-8 text") from None
    if not isinstance(question, str):
        raise InvalidQuestion("the question must be text")
    if "\x00" in question or "\ufffd" in question or any("\ud800" <= ch <= "\udfff" for ch in question):
        raise InvalidQuestion("the question contains binary data, not text")
    controls = sum(1 for ch in question if unicodedata.category(ch) == "Cc" and ch not in "\n\t\r")
    if controls:
        raise InvalidQuestion("the question contains control characters, not text")
    q = re.sub(r"\s+", " ", question).strip()
    if not q:
        raise InvalidQuestion("the question is empty")
    if len(q) > max_chars:
        raise InvalidQuestion(f"the question is {len(q)} characters long; the limit is {max_chars}")
    return q


class Assistant:
    def __init__(self, settings: Settings, knowledge: Knowledge, answerer: Callable | None = None):
        self.settings = settings
        self.knowledge = knowledge
        docs = knowledge.docs
        extra = tuple(a for t in knowledge.table.rows() for a in (t.indicator, *t.aliases))
        self.lexicon = Lexicon(docs, settings.knowledge_dir, extra_terms=extra)
        self.retriever = HybridRetriever(list(knowledge.chunks), knowledge.index, self.lexicon, docs)
        embed = CachedQueryEmbedder(knowledge.index.embeddings, settings.data_dir / "query-vectors.npz")
        self.plan_year = int(re.search(r"(20\d\d)", docs[0].title).group(1)) if re.search(r"20\d\d", docs[0].title) else 0
        self.router = Router(self.lexicon, lambda q: resolve(q, knowledge.table, embed), self.plan_year)
        self.composer = ExtractiveComposer(self.retriever, docs, settings.top_k)
        self.answerer = answerer  # optional LLM: (Decision, extractive Answer) → Answer
        self.sessions = SessionStore(settings.session_max, settings.session_ttl_s, settings.session_turns)
        self.plan_text = "\n".join(d.text for d in docs)

    @classmethod
    def load(cls, settings: Settings | None = None, progress: Callable[[int, int], None] | None = None) -> "Assistant":
        """Load the knowledge; builds the index and target table on first use (a fresh checkout)."""
        apply_offline_env()
        settings = settings or get_settings()
        embeddings = get_embeddings(settings.embedding_backend, settings.embedding_model)
        answerer = None
        if settings.llm:
            from assistant.answer.llm import LLMAnswerer

            answerer = LLMAnswerer.from_settings(settings)
        return cls(settings, ingest(settings, embeddings, progress), answerer)

    def ask(self, question: object, session_id: str | None = None) -> Answer:
        q = validate_question(question, self.settings.max_question_chars)
        session = self.sessions.get(session_id)
        resolved = resolve_followup(q, session)
        decision = self.router.decide(resolved)
        answer = self.composer.compose(decision)
        answerer = "extractive"
        if self.answerer and not answer.refused and answer.route in ("target", "retrieval"):
            answer, answerer = self._llm(decision, answer)
        problems = violations(answer, self.plan_text, allowed=(str(self.plan_year),))
        if problems:  # never sent: fall back to the quotes themselves
            log.warning("answer withheld (%s): %s", "; ".join(problems), answer.answer[:80])
            answer = quotes_only(answer)
        self.sessions.record(session, Turn(q, resolved, self._subject(decision)))
        return answer.model_copy(update={
            "session_id": session.id, "answerer": answerer,
            "resolved_question": resolved if resolved != q else None,
        })

    def _llm(self, decision: Decision, extractive: Answer) -> tuple[Answer, str]:
        try:
            drafted = self.answerer(decision, extractive)
        except Exception as e:  # noqa: BLE001 - any LLM failure falls back, and the log says why
            log.warning("LLM failed, extractive answer sent: %s", e)
            return extractive, "extractive"
        problems = violations(drafted, self.plan_text, allowed=(str(self.plan_year),))
        if problems:
            log.warning("LLM answer rejected, extractive answer sent: %s", "; ".join(problems))
            return extractive, "extractive"
        return drafted, f"llm:{self.settings.llm}"

    def _subject(self, d: Decision) -> str:
        if isinstance(d.route, TargetRoute):
            return d.route.targets[0].indicator
        return "".join(self.lexicon.focus_terms(d.question)[:2])


def quotes_only(answer: Answer) -> Answer:
    text = "".join(f"“{c.quote}”[{n}]" for n, c in enumerate(answer.citations, 1)) or "（无法核实答案，已撤回。）"
    return answer.model_copy(update={"answer": text, "facts": tuple(f for f in answer.facts if f.quote in text)})
