"""Embedding caches.

`MemoEmbeddings` wraps a backend so that one text is embedded once: the retriever, the dense sentence
ranker and the target resolver each embed the same question, and a server sees the same questions again.
`CachedQueryEmbedder` persists the query-side vectors of texts that never change between runs (target-table
rows matched against questions), so a one-shot `assistant ask` does not re-embed them every time."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from assistant.embeddings.base import EmbeddingBackend, Kind

log = logging.getLogger("assistant.embeddings")


class MemoEmbeddings(EmbeddingBackend):
    """`backend` with an LRU of its vectors by (kind, text). Same `model_id`: the index does not change."""

    def __init__(self, backend: EmbeddingBackend, max_entries: int = 4096):
        self.backend = backend
        self.model_id = backend.model_id
        self.max_entries = max_entries
        self._vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the API answers in a thread pool
        self.computed = 0  # texts actually sent to the backend (for tests and benchmarks)

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        keys = [(kind, t) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if missing:
            fresh = self.backend._embed([t for _, t in missing], kind)
            with self._lock:
                self.computed += len(missing)
                self._vectors.update(zip(missing, np.asarray(fresh, dtype=np.float32)))
        with self._lock:
            out = []
            for k in keys:
                vec = self._vectors.get(k)
                if vec is None:  # evicted by another thread meanwhile: rare, recompute alone
                    vec = np.asarray(self.backend._embed([k[1]], kind), dtype=np.float32)[0]
                    self._vectors[k] = vec
                self._vectors.move_to_end(k)
                out.append(vec)
            while len(self._vectors) > self.max_entries:
                self._vectors.popitem(last=False)
        return np.stack(out)


class CachedQueryEmbedder:
    """Query-side vectors of texts that do not change between runs (the target table's rows, matched against
    questions), kept on disk so that a one-shot `assistant ask` does not re-embed them. Questions pass through to
    the backend (a `MemoEmbeddings`, which holds the one in-process cache of them) and are not stored here."""

    def __init__(self, backend: EmbeddingBackend, path: Path, max_uncached: int = 4, max_entries: int = 50000):
        self.backend = backend
        self.path = path
        self.max_uncached = max_uncached  # a call that brings more new texts than this is a batch of rows: keep it
        self.max_entries = max_entries
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.RLock()  # the API answers in a thread pool
        try:
            with np.load(path) as data:
                self._vectors.update((k, data[k]) for k in data.files)
        except (OSError, ValueError):
            pass

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.backend.model_id}\x1f{text}".encode()).hexdigest()[:20]

    def __call__(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        with self._lock:
            missing = [i for i, k in enumerate(keys) if k not in self._vectors]
        fresh = dict(zip(missing, self.backend.embed_queries([texts[i] for i in missing]))) if missing else {}
        with self._lock:  # the embedding itself runs unlocked: the API answers in a thread pool
            if len(missing) > self.max_uncached and len(self._vectors) + len(missing) <= self.max_entries:
                self._vectors.update((keys[i], v) for i, v in fresh.items())
                self._save()
            return np.stack([fresh[i] if i in fresh else self._vectors[k] for i, k in enumerate(keys)])

    def _save(self) -> None:
        tmp = self.path.with_name(self.path.stem + ".tmp.npz")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(tmp, **self._vectors)
            os.replace(tmp, self.path)
        except OSError as e:  # read-only or full data directory: the cache is only an optimisation
            log.warning("query-vector cache not saved (%s): %s", self.path, e.strerror or e)
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
