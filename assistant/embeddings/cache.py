"""A persistent cache of query-side vectors for texts that never change between runs (target-table
rows matched against questions), so a one-shot `assistant ask` does not re-embed them every time."""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from pathlib import Path

import numpy as np

from assistant.embeddings.base import EmbeddingBackend


class CachedQueryEmbedder:
    def __init__(self, backend: EmbeddingBackend, path: Path, max_uncached: int = 4, max_entries: int = 5000):
        self.backend = backend
        self.path = path
        self.max_uncached = max_uncached  # a call that adds more than this is a batch of row texts: persist it
        self.max_entries = max_entries  # in memory, least recently used first out: a server sees endless questions
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        try:
            with np.load(path) as data:
                self._vectors.update((k, data[k]) for k in data.files)
        except (OSError, ValueError):
            pass

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.backend.model_id}\x1f{text}".encode()).hexdigest()[:20]

    def __call__(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self._vectors]
        if missing:
            fresh = self.backend.embed_queries([texts[i] for i in missing])
            for i, vec in zip(missing, fresh):
                self._vectors[keys[i]] = vec
            if len(missing) > self.max_uncached:
                self._save()
        out = np.stack([self._vectors[k] for k in keys])
        for k in keys:
            self._vectors.move_to_end(k)
        while len(self._vectors) > self.max_entries:
            self._vectors.popitem(last=False)
        return out

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.stem + ".tmp.npz")
        np.savez(tmp, **self._vectors)
        os.replace(tmp, self.path)
