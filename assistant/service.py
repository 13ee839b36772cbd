"""The `Assistant`: one object that every channel (Python, CLI, HTTP, Gradio, evals) calls.

ask: validate → understand (against the previous turn) → evidence and verdict → render (an LLM may reword
it when configured) → guard (numbers, facts, quotes, markers) → remember the turn.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from assistant.answer.cache import AnswerCache
from assistant.answer.guard import violations
from assistant.embeddings import EmbeddingBackend, get_embeddings
from assistant.embeddings.cache import CachedQueryEmbedder, MemoEmbeddings
from assistant.errors import InvalidQuestion
from assistant.evidence import EvidenceFinder
from assistant.ingest import Knowledge, ingest, session_db
from assistant.lexical import Lexicon
from assistant.models import Answer
from assistant.question import validate_question
from assistant.render import render
from assistant.render.speakable import speakable
from assistant.retrieve import HybridRetriever
from assistant.session import MemorySessionStore, SessionStore, Turn, new_session_id
from assistant.settings import Settings, apply_offline_env, get_settings
from assistant.targets.resolve import row_text
from assistant.understand import back_to, both_asked, nth_turn, understand
from assistant.understand.followup import list_items, only_deictic
from assistant.verdict import Judge, Verdict

log = logging.getLogger("assistant")
STYLES = ("text", "speakable")
LIST_TURNS_BACK = 3  # turns before the last in which a list answer is still what "the second one" points at


class Assistant:
    def __init__(self, settings: Settings, knowledge: Knowledge, answerer: Callable | None = None,
                 sessions: SessionStore | None = None):
        self.settings = settings
        self.knowledge = knowledge
        docs = knowledge.docs
        names = tuple(a for t in knowledge.table.rows() for a in (t.indicator, *t.aliases))
        self.lexicon = Lexicon(docs, settings.knowledge_dir, names=names)
        # the table rows' vectors persist; a question is embedded once per process (MemoEmbeddings, see load)
        self.embed = CachedQueryEmbedder(knowledge.index.embeddings, settings.data_dir / "query-vectors.npz")
        self.retriever = HybridRetriever(list(knowledge.chunks), knowledge.index, self.lexicon, docs,
                                         dense_weight=settings.dense_weight, cache_dir=settings.data_dir,
                                         query_max_chars=settings.query_max_chars,
                                         dense_max_question_chars=settings.dense_max_question_chars)
        finder = EvidenceFinder(self.lexicon, self.retriever, docs, knowledge.table, self._embed_cut,
                                passages=settings.top_k + 3, row_coverage=settings.row_coverage,
                                en_unknown_weight=settings.en_unknown_weight,
                                dense_max_chars=settings.dense_max_question_chars)
        self.judge = Judge(finder, docs, settings)
        self.docs = {d.doc: d for d in docs}
        # years an answer may name without a quote: the documents' own and the ones next to them (明年, 去年)
        self.years = tuple(sorted({str(d.year + k) for d in docs if d.year for k in (-1, 0, 1)}))
        self.answerer = answerer  # optional LLM: (question, language, extractive Answer) → Answer
        self.sessions: SessionStore = sessions if sessions is not None else MemorySessionStore(
            settings.session_max, settings.session_ttl_s, settings.session_turns)
        self.plan_text = self.lexicon.plan_text
        self.answers = AnswerCache(settings.answer_cache, *self._shared_answers(settings, knowledge))

    @classmethod
    def load(cls, settings: Settings | None = None, progress: Callable[[int, int], None] | None = None,
             persist_sessions: bool = False, *, sessions: SessionStore | None = None,
             embeddings: EmbeddingBackend | None = None) -> Assistant:
        """Load the knowledge; builds the index and target table on first use (a fresh checkout).
        `persist_sessions` keeps sessions in SQLite in the data directory (the CLI and the API server; several
        processes share it). `sessions` / `embeddings`: reuse a store and a model (a server switching index)."""
        apply_offline_env()
        settings = settings or get_settings()
        # one embedding per distinct text: retrieval, sentence ranking and the resolver all embed the question
        embeddings = embeddings or MemoEmbeddings(get_embeddings(settings.embedding_backend, settings.embedding_model))
        answerer = None
        if settings.llm:
            from assistant.answer.llm import LLMAnswerer

            answerer = LLMAnswerer.from_settings(settings)
        knowledge = ingest(settings, embeddings, progress, strict=False)  # serving: a full disk keeps the old
        if sessions is None and persist_sessions:
            from assistant.sessions_sqlite import open_session_store

            sessions = open_session_store(session_db(settings, knowledge.read_only), settings)
        return cls(settings, knowledge, answerer, sessions)

    @staticmethod
    def _shared_answers(settings: Settings, knowledge: Knowledge) -> tuple[Path | None, str]:
        """Where the workers of one server share their answers (its runtime directory), and the scope of this
        index and table: answers from another index or table are never read."""
        if settings.runtime_dir is None:
            return None, ""
        state = knowledge.index.state()
        rows = "\x1f".join(f"{t.id}={t.value_text()}|{t.quote}" for t in knowledge.table.rows())
        scope = hashlib.sha256(f"{state.fingerprint if state else ''}\x1e{rows}".encode()).hexdigest()[:24]
        return Path(settings.runtime_dir) / "answers.sqlite", scope

    def ask(self, question: object, session_id: str | None = None, *, history: tuple[Turn, ...] | None = None,
            style: str = "text", key: str = "") -> Answer:
        """One answer. A follow-up is read against the session's previous turns, or against `history` when the
        caller keeps the conversation itself (the OpenAI-compatible channel). `style`: "text" (chat, markdown
        lists and [n] markers) or "speakable" (plain sentences for a voice line). `key`: the caller's hashed API
        key, for stores that cap sessions per key."""
        q = validate_question(question, self.settings.max_question_chars)
        if style not in STYLES:
            raise InvalidQuestion(f"unknown answer style {style!r}; use one of {', '.join(STYLES)}")
        fresh = session_id is None
        session_id = session_id or new_session_id()
        turns = history if history is not None else () if fresh else self.sessions.history(session_id, key)
        while turns and self._asked_nothing(turns[-1]):
            turns = turns[:-1]  # the weather asked in between: the conversation about the plan goes on past it
        if turns:
            # 'and the year before?' declined, then 'which chapter is that target in?': a question with no words of its
            # own points at the last answered turn; one with words of its own follows on from the last turn
            previous = turns[-1]
            if previous.answer.refused and only_deictic(self.lexicon.content_words(q)):
                previous = next((t for t in reversed(turns) if not t.answer.refused), previous)
            listed = next((t.answer.answer for t in reversed(turns[:-1][-LIST_TURNS_BACK:])
                           if len(list_items(t.answer.answer)) >= 2), "")
            if both := both_asked(q, turns, self.lexicon):
                answer, resolved = self._answer(both, None)  # 这两个哪个大: both figures, asked afresh
            elif back := back_to(q, turns, self.lexicon):
                answer, resolved = self._answer(*back)  # 回到刚才招商那个数: read against that turn
            elif nth := nth_turn(q, turns, self.lexicon):
                answer, resolved = self._answer(*nth)  # 刚才第一个数是多少来着: read against the first answered turn
            else:
                answer, resolved = self._answer(q, previous, listed)
        else:  # a first question: answered from the plan alone, so once per distinct text
            answer, resolved = self.answers.once(q, lambda: self._answer(q, None))
        answer = answer.model_copy(update={"session_id": session_id})
        if history is None:
            self.sessions.append(session_id, Turn(question=q, understood=resolved, answer=answer), key)
        return speakable(answer) if style == "speakable" else answer

    def _answer(self, q: str, previous: Turn | None, listed: str = "") -> tuple[Answer, str]:
        """The answer (before it is given a session) and the question as understood."""
        understood = understand(q, previous, self.lexicon, listed)
        verdict = self.judge.decide(understood, previous)
        extractive = render(verdict, self.knowledge.docs)
        answer, answerer = extractive, "extractive"
        if self.answerer and not extractive.refused and extractive.route in ("target", "retrieval"):
            answer, answerer = self._llm(verdict, extractive)
        asked_years = tuple(str(y) for p in understood.parts for y in p.years)
        problems = self._problems(answer, asked_years)
        if problems and answer is not extractive:
            log.warning("LLM answer rejected, extractive answer sent: %s", "; ".join(problems))
            answer, answerer = extractive, "extractive"
            problems = self._problems(answer, asked_years)
        if problems:  # never sent: fall back to the quotes themselves
            log.warning("answer withheld (%s): %s", "; ".join(problems), answer.answer[:80])
            answer = quotes_only(answer)
        resolved = understood.alone or understood.text
        answer = answer.model_copy(update={
            "answerer": answerer, "resolved_question": resolved if understood.followup else None,
        })
        return answer, resolved

    def _asked_nothing(self, turn: Turn) -> bool:
        """A turn that asked nothing of the plans (a greeting, the weather, a poem)."""
        if turn.answer.route == "smalltalk":
            return True
        if not turn.answer.refused or turn.answer.citations:
            return False
        return understand(turn.question, None, self.lexicon).off_topic

    def _embed_cut(self, texts: list[str]):
        cut = self.settings.query_max_chars
        return self.embed([t[:cut] for t in texts])

    def warm_up(self) -> None:
        """Load the lazy parts (jieba dictionaries, OpenCC, the resolver's row vectors, pinyin) before the first user
        waits."""
        # every row's vector in one batch, kept on disk: otherwise the first question near a group of rows embeds
        # them while a caller waits (0.2–0.5 s each time on a fresh data directory)
        self._embed_cut([row_text(t) for t in self.knowledge.table.rows()])
        self.ask("今年地区生产总值预期增长多少？", history=())
        self.ask("土默特街改造在哪一部分？", history=())
        # Chinese numerals (cn2an compiles its patterns on first use) and a Latin word in a Chinese question
        self.ask("今年GDP增长百分之几？第三章第二节讲的是什么？", history=())
        # …and an English one: the pinyin of the plans' words (pinyin.py, the glossary) is built on first use
        self.ask("What is the growth target for fixed-asset investment?", history=())

    def _llm(self, verdict: Verdict, extractive: Answer) -> tuple[Answer, str]:
        try:
            u = verdict.understanding
            return self.answerer(u.text, u.lang, extractive), f"llm:{self.settings.llm}"
        except Exception as e:  # noqa: BLE001 - any LLM failure falls back, and the log says why
            log.warning("LLM failed, extractive answer sent: %s", e)
            return extractive, "extractive"

    def _problems(self, answer: Answer, asked_years: tuple[str, ...] = ()) -> list[str]:
        """The guard (answer/guard.py): numbers, facts, quotes and markers against the plans' own text. The
        loaded documents' years and those the question named may be said (计划没有2027年的数字)."""
        return violations(answer, self.docs, allowed=self.years + asked_years)


def quotes_only(answer: Answer) -> Answer:
    text = "".join(f"“{c.quote}”[{n}]" for n, c in enumerate(answer.citations, 1)) or "（无法核实答案，已撤回。）"
    return answer.model_copy(update={"answer": text, "facts": tuple(f for f in answer.facts if f.quote in text)})
