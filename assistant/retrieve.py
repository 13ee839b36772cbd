"""retrieve: hybrid search (dense Chroma + BM25 over jieba tokens, fused by reciprocal rank) over the chunks of
the documents a question is about. Which sentences answer is decided by evidence.py."""

from __future__ import annotations

import heapq

from assistant.bm25 import BM25
from assistant.index import ChunkIndex
from assistant.lexical import Lexicon
from assistant.models import Chunk, ParsedDoc, Passage, Span

RRF_K = 60


class HybridRetriever:
    def __init__(self, chunks: list[Chunk], index: ChunkIndex, lexicon: Lexicon, docs: tuple[ParsedDoc, ...],
                 dense_weight: float = 1.0, lexical_weight: float = 1.0, cache_dir=None, query_max_chars: int = 64,
                 dense_max_question_chars: int = 200):
        self.chunks = chunks
        self.by_id = {c.id: c for c in chunks}
        self.index = index
        self.lexicon = lexicon
        self.docs = {d.doc: d for d in docs}
        self.bm25 = BM25(chunks, lexicon, cache_dir=cache_dir)
        self.weights = (dense_weight, lexical_weight)
        self._store = None
        self.query_max_chars = query_max_chars  # the dense model reads the start of a long question
        self.dense_max_question_chars = dense_max_question_chars  # …and none of a pasted text

    @property
    def store(self):
        if self._store is None:
            self._store = self.index.live()
        return self._store

    def dense(self, question: str, k: int, docs: tuple[str, ...] | None = None) -> list[tuple[Chunk, float]]:
        if len(question) > self.dense_max_question_chars:
            return []  # its first characters are a preamble; the words decide, at a bounded cost
        vector = self.index.embeddings.embed_query(question[:self.query_max_chars])
        where = {"doc": {"$in": list(docs)}} if docs else None
        got = self.store.query(query_embeddings=[vector], n_results=min(k, len(self.chunks)), where=where,
                               include=["distances"])
        # cosine distance (lower is closer): reported as similarity
        return [(self.by_id[i], 1.0 - d) for i, d in zip(got["ids"][0], got["distances"][0]) if i in self.by_id]

    def lexical(self, question: str, k: int, docs: tuple[str, ...] | None = None) -> list[tuple[Chunk, float]]:
        scores = self.bm25.query_scores(question, docs)
        best = heapq.nlargest(k, scores.items(), key=lambda x: (x[1], -x[0]))
        return [(self.chunks[i], s) for i, s in best if s > 0]

    def search(self, question: str, k: int = 5, pool: int = 20, docs: tuple[str, ...] | None = None) -> list[Passage]:
        dense, lexical = self.dense(question, pool, docs), self.lexical(question, pool, docs)
        d_rank = {c.id: r for r, (c, _) in enumerate(dense, 1)}
        l_rank = {c.id: r for r, (c, _) in enumerate(lexical, 1)}
        fused: dict[str, float] = {}
        for cid, r in d_rank.items():
            fused[cid] = fused.get(cid, 0) + self.weights[0] / (RRF_K + r)
        for cid, r in l_rank.items():
            fused[cid] = fused.get(cid, 0) + self.weights[1] / (RRF_K + r)
        ranked = sorted(fused, key=lambda cid: -fused[cid])
        # what either signal ranks first stays, though the other missed it (rank fusion alone would bury a chunk
        # that only the words find, when the model ranks it past its pool)
        missed = list(dict.fromkeys(c.id for c, _ in dense[:1] + lexical[:1] if c.id not in ranked[:k]))
        ranked = ranked[:k - len(missed)] + missed
        return [Passage(chunk=self.by_id[cid], score=fused[cid], dense_rank=d_rank.get(cid),
                        lexical_rank=l_rank.get(cid)) for cid in ranked]


def sentence_spans(doc: ParsedDoc, chunk: Chunk) -> list[Span]:
    section = doc.section(chunk.chapter, chunk.section)
    if section is None:
        return []
    return [s for p in section.paragraphs for s in p.sentences if chunk.start <= s.start and s.end <= chunk.end]
