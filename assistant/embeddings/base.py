"""One small base class: a backend implements `_embed` and names its model; LangChain's interface follows."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

Kind = Literal["query", "passage"]


class EmbeddingBackend(Embeddings, ABC):
    #: identifies the vectors: the index is rebuilt when this changes
    model_id: str = ""

    @abstractmethod
    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        """Unit-normalised float32 vectors, one row per text."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._embed(list(texts), "passage").tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._embed([text], "query")[0].tolist()

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(list(texts), "query") if texts else np.zeros((0, 1), dtype=np.float32)


def normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)
