"""baseline: the naive RAG a regression run is compared with.

Fixed-size chunks (LangChain's RecursiveCharacterTextSplitter, 300 chars, overlap 50) of the repaired plan text,
dense top-k by cosine with the same embeddings, answer = the top chunk's sentence closest to the question.
Citations = the chapter/section each retrieved chunk starts in, quote = that chunk's best sentence (verbatim).
It never refuses, never asks back, and states no facts. `build_baseline(...)` returns an `ask`-compatible callable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.models import Answer, Citation, ParsedDoc, Section

SEPARATORS = ["\n\n", "\n", "。", "；", "，", ""]
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


@dataclass(frozen=True)
class _Chunk:
    doc: ParsedDoc
    section: Section
    text: str
    start: int
    sentences: tuple[str, ...]


def _section_for(doc: ParsedDoc, offset: int) -> Section:
    """The section holding `offset`; a heading line between sections belongs to the next one."""
    found = doc.section_at(offset)
    if found:
        return found
    later = [s for s in doc.sections if s.start >= offset]
    return later[0] if later else doc.sections[-1]


def _sentences(text: str) -> tuple[str, ...]:
    out = tuple(s.strip().strip("*").strip() for s in _SENTENCE.findall(text))
    return tuple(s for s in out if len(s) >= 4) or (text.strip(),)


class BaselineAnswerer:
    """`ask(question, session_id=None) -> Answer` over fixed-size chunks; no state, no refusals."""

    def __init__(self, docs: tuple[ParsedDoc, ...] | list[ParsedDoc], embeddings: Embeddings, *,
                 chunk_size: int = 300, chunk_overlap: int = 50, top_k: int = 5) -> None:
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_size, chunk_overlap=chunk_overlap, separators=SEPARATORS,
            keep_separator="end", add_start_index=True)
        self.top_k = top_k
        self.embeddings = embeddings
        chunks: list[_Chunk] = []
        for doc in docs:
            for piece in splitter.create_documents([doc.text]):
                start = int(piece.metadata.get("start_index", -1))
                text = piece.page_content
                if start < 0 or doc.text[start:start + len(text)] != text:
                    start = doc.text.find(text)
                lead = len(text) - len(text.lstrip())
                chunks.append(_Chunk(doc, _section_for(doc, max(start, 0) + lead), text, start,
                                     _sentences(text)))
        if not chunks:
            raise ValueError("baseline: the corpus produced no chunks")
        self.chunks = chunks
        self.matrix = self._unit(embeddings.embed_documents([c.text for c in chunks]))
        flat = [(i, s) for i, c in enumerate(chunks) for s in c.sentences]
        self._sent_owner = np.array([i for i, _ in flat])
        self._sent_text = [s for _, s in flat]
        self._sent_matrix = self._unit(embeddings.embed_documents(self._sent_text))

    @staticmethod
    def _unit(rows) -> np.ndarray:
        m = np.asarray(rows, dtype=np.float32)
        if m.ndim == 1:
            m = m[None, :]
        n = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.where(n == 0, 1, n)

    def _best_sentence(self, chunk_idx: int, q: np.ndarray) -> str:
        rows = np.flatnonzero(self._sent_owner == chunk_idx)
        best = rows[int(np.argmax(self._sent_matrix[rows] @ q))]
        return self._sent_text[best]

    def ask(self, question: str, session_id: str | None = None) -> Answer:
        q = self._unit(self.embeddings.embed_query(question))[0]
        order = np.argsort(-(self.matrix @ q))[: self.top_k]
        citations = []
        for idx in order:
            c = self.chunks[int(idx)]
            citations.append(Citation(doc=c.doc.doc, chapter=c.section.chapter, section=c.section.section,
                                      title=c.section.title, quote=self._best_sentence(int(idx), q)))
        return Answer(answer=f"{citations[0].quote}[1]", route="retrieval", refused=False,
                      citations=tuple(citations), session_id=session_id or "", answerer="baseline")

    __call__ = ask


def build_baseline(knowledge_dir: Path, embedding_backend: str = "bigram", embedding_model: str = "", *,
                   embeddings: Embeddings | None = None, chunk_size: int = 300, chunk_overlap: int = 50,
                   top_k: int = 5) -> BaselineAnswerer:
    """The baseline over the plans in `knowledge_dir`, with the named backend (or the given embeddings)."""
    from assistant.corpus import corpus
    from assistant.embeddings import get_embeddings

    emb = embeddings or get_embeddings(embedding_backend, embedding_model)
    return BaselineAnswerer(corpus(Path(knowledge_dir)), emb, chunk_size=chunk_size, chunk_overlap=chunk_overlap,
                            top_k=top_k)
