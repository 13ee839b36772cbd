"""bm25: Okapi BM25 over the chunks' words and character pairs, with an inverted index and a term-count cache."""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from assistant.lexical import Lexicon
from assistant.models import Chunk
from assistant.vocab import CJK, vocab


@lru_cache(maxsize=1)
def _home_names() -> re.Pattern:
    names = sorted((w for w in vocab().home if CJK.search(w)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)) or "(?!)")


def cjk_bigrams(text: str) -> list[str]:
    return [run[i:i + 2] for run in re.findall(r"[\u4e00-\u9fff]{2,}", text) for i in range(len(run) - 1)]



class BM25:
    """Okapi BM25 over chunk tokens (k1=1.5, b=0.75), with an inverted index: a question touches only the
    chunks that hold its terms, and only those of the documents it is about."""

    def __init__(self, chunks: list[Chunk], lexicon: Lexicon, k1: float = 1.5, b: float = 0.75,
                 cache_dir: Path | None = None):
        self.chunks = chunks
        self.lexicon = lexicon
        self.k1, self.b = k1, b
        docs = self._counts(cache_dir)
        self.lengths = [sum(d.values()) for d in docs]
        self.avgdl = sum(self.lengths) / max(len(docs), 1)
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, d in enumerate(docs):
            for t, f in d.items():
                self.postings.setdefault(t, []).append((i, f))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5)  # a term in no chunk
        self.by_doc: dict[str, set[int]] = {}
        for i, c in enumerate(chunks):
            self.by_doc.setdefault(c.doc, set()).add(i)

    def _counts(self, cache_dir: Path | None) -> list[Counter]:
        """Each chunk's term counts; kept in the data directory under a key of the chunks and the tokenizer's
        dictionary, so a one-shot CLI call (and a 500-document load) does not tokenize every chunk again."""
        key = hashlib.sha256("\x1f".join([*(c.id for c in self.chunks), *self.lexicon.terms,
                                          *sorted(self.lexicon.glossary.english)]).encode()).hexdigest()[:16]
        path = cache_dir / f"bm25-{key}.pickle" if cache_dir else None
        if path is not None:
            try:
                with path.open("rb") as f:
                    return pickle.load(f)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
                pass
        docs = [Counter(self.terms(f"{c.section_title} {c.topic} {c.text}")) for c in self.chunks]
        if path is not None:
            try:
                for old in path.parent.glob("bm25-*.pickle"):
                    old.unlink(missing_ok=True)
                tmp = path.with_suffix(".tmp")
                with tmp.open("wb") as f:
                    pickle.dump(docs, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except OSError:  # read-only or full data directory: tokenize again next time
                pass
        return docs

    def terms(self, text: str) -> list[str]:
        """Words, plus the character bigrams of Chinese runs: a word cut differently in question and
        text (安全生产 vs 安全/生产) still matches through its bigrams."""
        return self.lexicon.tokens(text) + cjk_bigrams(text)

    def query_terms(self, question: str) -> list[str]:
        # the plan's own city is in every question and in every notice line: its name is no evidence (Erenhot,
        # 二连浩特), and its character pairs would rank the notice first
        home = vocab().home
        mapped = " ".join(t for t in self.lexicon.glossary.mapped_terms(question) if t.lower() not in home)
        return self.lexicon.tokens(question) + cjk_bigrams(_home_names().sub(" ", question)) + cjk_bigrams(mapped)

    def query_scores(self, question: str, docs: tuple[str, ...] | None = None) -> dict[int, float]:
        """Chunk index → score, for the chunks (of `docs`, if given) that hold any of the question's terms."""
        allowed = set().union(*(self.by_doc.get(d, set()) for d in docs)) if docs else None
        scores: dict[int, float] = {}
        for t in set(self.query_terms(question)):
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, f in self.postings[t]:
                if allowed is not None and i not in allowed:
                    continue
                norm = f + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avgdl)
                scores[i] = scores.get(i, 0.0) + idf * f * (self.k1 + 1) / norm
        return scores
