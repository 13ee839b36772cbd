"""A persistent cache of query-side vectors for texts that never change between runs (target-table
rows matched against questions), so a one-shot `assistant ask` does not re-embed them every time."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from assistant.embeddings.base import EmbeddingBackend


class CachedQueryEmbedder:
    def __init__(self, backend: EmbeddingBackend, path: Path, max_uncached: int = 4):
        self.backend = backend
        self.path = path
        self.max_uncached = max_uncached  # questions are not worth persisting; row texts are
        self._vectors: dict[str, np.ndarray] = {}
        try:
            with np.load(path) as data:
                self._vectors = {k: data[k] for k in data.files}
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
        return np.stack([self._vectors[k] for k in keys])

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.stem + ".tmp.npz")
        np.savez(tmp, **self._vectors)
        os.replace(tmp, self.path)
