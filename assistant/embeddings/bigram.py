"""A fake that ships beside the real backends: character bigrams hashed into a fixed space.

Deterministic and instant, yet meaningful: texts that share words score higher, so a test that says
"question X finds section Y" still tests retrieval (a random embedding would not).
"""

from __future__ import annotations

import zlib

import numpy as np

from assistant.embeddings.base import EmbeddingBackend, Kind, normalise

DIM = 2048


class BigramEmbeddings(EmbeddingBackend):
    model_id = f"bigram-{DIM}"

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            s = "".join(ch.lower() for ch in text if not ch.isspace())
            for a, b in zip(s, s[1:]):
                out[row, zlib.crc32(f"{a}{b}".encode()) % DIM] += 1.0
            for ch in s:  # unigrams keep one-character matches from vanishing
                out[row, zlib.crc32(ch.encode()) % DIM] += 0.3
        return normalise(out)
