"""sentence-transformers backend (extra `st`): loads the model directory or hub name a deployment provides.

Offline by design: `HF_HUB_OFFLINE=1` is set before import, so a name that is not already on disk fails
with a clear ConfigError instead of a download attempt.
"""

from __future__ import annotations

import numpy as np

from assistant.embeddings.base import EmbeddingBackend, Kind, normalise
from assistant.errors import ConfigError
from assistant.settings import apply_offline_env


class SentenceTransformerEmbeddings(EmbeddingBackend):
    def __init__(self, model: str = "") -> None:
        if not model:
            raise ConfigError("the sentence-transformers backend needs ASSISTANT_EMBEDDING_MODEL (a model directory or a hub name)")
        apply_offline_env()
        from sentence_transformers import SentenceTransformer  # 10-15 s: only when this backend is chosen

        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as e:  # noqa: BLE001 - library raises many types for "not found"
            raise ConfigError(f"cannot load sentence-transformers model {model!r} offline: {e}") from e
        self.model_id = f"sentence-transformers/{model}"
        prompts = getattr(self._model, "prompts", {}) or {}
        self._prompts = {k: prompts.get(k) for k in ("query", "passage")}

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        prompt = self._prompts.get(kind)
        vectors = self._model.encode(texts, prompt=prompt, normalize_embeddings=True, convert_to_numpy=True,
                                     show_progress_bar=False)
        return normalise(vectors)
