"""retrieve: hybrid search (dense Chroma + BM25 over jieba tokens, fused by reciprocal rank), then the
sentences inside the best chunks that answer the question. A sentence is shown; its section is cited."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.index import ChunkIndex
from assistant.lexical import BM25, Lexicon
from assistant.models import Chunk, Passage, ParsedDoc, Span

RRF_K = 60


@dataclass(frozen=True)
class ScoredSentence:
    span: Span
    chunk: Chunk
    score: float
    overlap: float  # idf-weighted question terms the sentence contains; 0 = only there by rank
    coverage: float = 0.0  # share of the question's idf-weighted terms the sentence contains


class HybridRetriever:
    def __init__(self, chunks: list[Chunk], index: ChunkIndex, lexicon: Lexicon, docs: tuple[ParsedDoc, ...],
                 dense_weight: float = 1.0, lexical_weight: float = 1.0, dense_floor: float = 0.75):
        self.chunks = chunks
        self.by_id = {c.id: c for c in chunks}
        self.index = index
        self.lexicon = lexicon
        self.docs = {d.doc: d for d in docs}
        self.bm25 = BM25(chunks, lexicon)
        self.weights = (dense_weight, lexical_weight)
        self.dense_floor = dense_floor  # below this cosine, the closest chunk is not about the question
        self._store = None

    @property
    def store(self):
        if self._store is None:
            self._store = self.index.vectorstore()
        return self._store

    def dense(self, question: str, k: int) -> list[tuple[Chunk, float]]:
        vector = self.index.embeddings.embed_query(question)
        # langchain-chroma returns the cosine *distance* here (lower is closer); report similarity.
        hits = self.store.similarity_search_by_vector_with_relevance_scores(vector, k=min(k, len(self.chunks)))
        return [(self.by_id[d.id], 1.0 - dist) for d, dist in hits if d.id in self.by_id]

    def lexical(self, question: str, k: int) -> list[tuple[Chunk, float]]:
        scores = self.bm25.query_scores(question)
        ranked = sorted(zip(self.chunks, scores), key=lambda x: -x[1])
        return [(c, s) for c, s in ranked[:k] if s > 0]

    def search(self, question: str, k: int = 5, pool: int = 20) -> list[Passage]:
        dense, lexical = self.dense(question, pool), self.lexical(question, pool)
        d_rank = {c.id: r for r, (c, _) in enumerate(dense, 1)}
        l_rank = {c.id: r for r, (c, _) in enumerate(lexical, 1)}
        fused: dict[str, float] = {}
        for cid, r in d_rank.items():
            fused[cid] = fused.get(cid, 0) + self.weights[0] / (RRF_K + r)
        for cid, r in l_rank.items():
            fused[cid] = fused.get(cid, 0) + self.weights[1] / (RRF_K + r)
        ranked = sorted(fused, key=lambda cid: -fused[cid])[:k]
        return [Passage(chunk=self.by_id[cid], score=fused[cid], dense_rank=d_rank.get(cid),
                        lexical_rank=l_rank.get(cid)) for cid in ranked]

    def sentences(self, question: str, passages: list[Passage], n: int = 3) -> list[ScoredSentence]:
        """The sentences of the retrieved chunks that share the most (idf-weighted) terms with the question."""
        q_terms = set(self.bm25.terms(question))  # words and bigrams: robust to how jieba cut the question
        mass = sum(self.bm25.idf.get(t, 1.0) for t in q_terms) or 1.0
        out: list[ScoredSentence] = []
        for rank, p in enumerate(passages):
            doc = self.docs[p.chunk.doc]
            for span in sentence_spans(doc, p.chunk):
                overlap = sum(self.bm25.idf.get(t, 1.0) for t in q_terms if t in span.text)
                out.append(ScoredSentence(span, p.chunk, overlap + 1.0 / (1 + rank), overlap, overlap / mass))
        out.sort(key=lambda s: -s.score)
        return out[:n]

    def dense_sentences(self, question: str, passages: list[Passage], n: int = 3) -> list[ScoredSentence]:
        """Sentences of the given passages ranked by embedding similarity: for questions with no lexical
        anchor (English words outside the glossary). `overlap` is 0 unless the passage is a close match."""
        spans = [(span, p) for p in passages for span in sentence_spans(self.docs[p.chunk.doc], p.chunk)]
        if not spans:
            return []
        q = np.asarray(self.index.embeddings.embed_query(question))
        vecs = np.asarray(self.index.embeddings.embed_documents([s.text for s, _ in spans]))
        sims = vecs @ q
        top_chunk_sim = self.dense(question, 1)[0][1] if self.chunks else 0.0
        ok = top_chunk_sim >= self.dense_floor
        out = [ScoredSentence(s, p.chunk, float(sim), float(sim) if ok else 0.0, float(sim) if ok else 0.0)
               for (s, p), sim in zip(spans, sims)]
        out.sort(key=lambda s: -s.score)
        return out[:n]


def sentence_spans(doc: ParsedDoc, chunk: Chunk) -> list[Span]:
    section = doc.section(chunk.chapter, chunk.section)
    if section is None:
        return []
    return [s for p in section.paragraphs for s in p.sentences if chunk.start <= s.start and s.end <= chunk.end]
