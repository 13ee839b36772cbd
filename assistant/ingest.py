"""ingest: knowledge/ → parsed docs → chunks → Chroma index + SQLite target table.

Idempotent (nothing is re-embedded unless documents, chunker or model changed) and safe: documents are
read and parsed before anything is written, and both stores are swapped in only once complete, so a
missing, empty, binary or unparseable document leaves the previous index and table in use.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.chunk import chunk_docs
from assistant.corpus import corpus, corpus_fingerprint
from assistant.embeddings import EmbeddingBackend, get_embeddings
from assistant.index import ChunkIndex, IndexReport
from assistant.models import Chunk, ParsedDoc
from assistant.settings import Settings
from assistant.targets.table import TargetTable

REVIEW_FILE = "targets.toml"


@dataclass(frozen=True)
class Knowledge:
    """Everything ingest produced, ready for the retriever and the router."""

    docs: tuple[ParsedDoc, ...]
    chunks: tuple[Chunk, ...]
    index: ChunkIndex
    table: TargetTable
    report: IndexReport
    targets_rebuilt: bool


def ingest(settings: Settings, embeddings: EmbeddingBackend | None = None,
           progress: Callable[[int, int], None] | None = None) -> Knowledge:
    docs = corpus(settings.knowledge_dir)  # raises DocumentError before anything is touched
    chunks = chunk_docs(docs, settings.chunk_max_chars)
    embeddings = embeddings or get_embeddings(settings.embedding_backend, settings.embedding_model)
    index = ChunkIndex(settings.data_dir, embeddings, settings.chroma_url)
    report = index.ensure(chunks, settings.chunk_max_chars, progress)
    table, rebuilt = ensure_targets(settings.knowledge_dir, settings.data_dir, docs)
    return Knowledge(docs=docs, chunks=tuple(chunks), index=index, table=table, report=report, targets_rebuilt=rebuilt)


def ensure_targets(knowledge_dir: Path, data_dir: Path, docs: tuple[ParsedDoc, ...]) -> tuple[TargetTable, bool]:
    db = data_dir / "targets.sqlite"
    stamp = data_dir / "targets.stamp"
    fp = corpus_fingerprint(knowledge_dir)
    if db.exists() and stamp.exists() and stamp.read_text() == fp:
        return TargetTable.open(db), False
    table = TargetTable.build(docs, knowledge_dir / REVIEW_FILE, db)
    tmp = stamp.with_suffix(".tmp")
    tmp.write_text(fp)
    os.replace(tmp, stamp)
    return table, True
