"""index: chunks → a Chroma collection (PersistentClient), built idempotently and swapped atomically.

The collection is named by a fingerprint of (documents, chunker, embedding model). Same fingerprint:
nothing is embedded. New fingerprint: a new collection is filled, reusing the vectors of chunks whose
content-hashed id already exists, and only then does `state.json` point at it; a failure before that
leaves the previous index in use.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from assistant.chunk import CHUNKER_VERSION
from assistant.embeddings import EmbeddingBackend
from assistant.models import Chunk, Frozen

BATCH = 32
Progress = Callable[[int, int], None]


class IndexState(Frozen):
    collection: str
    fingerprint: str
    chunks: int
    model_id: str


class IndexReport(Frozen):
    collection: str
    chunks: int
    embedded: int  # how many chunks were sent to the embedding model this time
    reused: int
    rebuilt: bool


def fingerprint(chunks: list[Chunk], model_id: str, chunk_max_chars: int) -> str:
    h = hashlib.sha256(f"{CHUNKER_VERSION}|{chunk_max_chars}|{model_id}".encode())
    for c in chunks:
        h.update(c.id.encode())
    return h.hexdigest()[:16]


class ChunkIndex:
    """Owns the Chroma client for one data directory. Build with `ensure`, query with `vectorstore`."""

    def __init__(self, data_dir: Path, embeddings: EmbeddingBackend, chroma_url: str = ""):
        self.dir = data_dir / "chroma"
        self.state_path = data_dir / "index-state.json"
        self.embeddings = embeddings
        self.chroma_url = chroma_url  # '' = embedded store in self.dir; else a Chroma server (assistant/store.py)
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from assistant.store import open_chroma

            self._client = open_chroma(self.dir, self.chroma_url)
        return self._client

    def state(self) -> IndexState | None:
        try:
            return IndexState.model_validate_json(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _collection(self, name: str):
        # embedding_function=None: Chroma's default would try to download a model. Vectors come from us.
        return self.client.get_or_create_collection(name, embedding_function=None,
                                                    configuration={"hnsw": {"space": "cosine"}})

    def _existing(self, name: str) -> bool:
        return name in {c if isinstance(c, str) else c.name for c in self.client.list_collections()}

    def ensure(self, chunks: list[Chunk], chunk_max_chars: int, progress: Progress | None = None) -> IndexReport:
        fp = fingerprint(chunks, self.embeddings.model_id, chunk_max_chars)
        name = f"chunks_{fp}"
        old = self.state()
        if old and old.fingerprint == fp and self._existing(name) and self._collection(name).count() == len(chunks):
            return IndexReport(collection=name, chunks=len(chunks), embedded=0, reused=len(chunks), rebuilt=False)

        reuse: dict[str, list[float]] = {}
        if old and old.model_id == self.embeddings.model_id and self._existing(old.collection):
            got = self._collection(old.collection).get(ids=[c.id for c in chunks], include=["embeddings"])
            reuse = {i: list(e) for i, e in zip(got["ids"], got["embeddings"])}
        todo = [c for c in chunks if c.id not in reuse]
        if self._existing(name):  # a half-built collection from a crashed run
            self.client.delete_collection(name)
        coll = self._collection(name)
        done = 0
        for i in range(0, len(chunks), BATCH):
            batch = chunks[i:i + BATCH]
            need = [c for c in batch if c.id not in reuse]
            fresh = dict(zip((c.id for c in need), self.embeddings.embed_documents([c.embedding_text() for c in need])))
            coll.upsert(ids=[c.id for c in batch],
                        embeddings=[reuse.get(c.id) or fresh[c.id] for c in batch],
                        documents=[c.text for c in batch],
                        metadatas=[_metadata(c) for c in batch])
            done += len(need)
            if progress:
                progress(min(i + BATCH, len(chunks)), len(chunks))
        new = IndexState(collection=name, fingerprint=fp, chunks=len(chunks), model_id=self.embeddings.model_id)
        _atomic_write(self.state_path, new.model_dump_json())
        if old and old.collection != name and self._existing(old.collection):
            self.client.delete_collection(old.collection)
        return IndexReport(collection=name, chunks=len(chunks), embedded=len(todo), reused=len(chunks) - len(todo),
                           rebuilt=True)

    def vectorstore(self):
        """The LangChain view of the live collection, with our embedding function."""
        from langchain_chroma import Chroma

        state = self.state()
        if state is None:
            raise RuntimeError("no index yet: run `assistant ingest`")
        return Chroma(client=self.client, collection_name=state.collection, embedding_function=self.embeddings)


def _metadata(c: Chunk) -> dict:
    return {k: v for k, v in c.model_dump().items() if k not in ("text", "id")}


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
