"""ingest: knowledge/ → parsed docs → chunks → Chroma index + SQLite target table.

Idempotent (nothing is re-embedded unless documents, chunker or model changed) and safe: documents are
read and parsed before anything is written, and both stores are swapped in only once complete, so a
missing, empty, binary or unparseable document leaves the previous index and table in use.

One ingest at a time: a file lock in the data directory (a server starting, or switching to a new index,
takes it too). Every ingest checks and repairs: a damaged target table or index is rebuilt from knowledge/.
A read-only data directory is served as it is when its index and table are complete, and refused with one
line naming what is missing otherwise.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.chunk import chunk_docs
from assistant.corpus import corpus, corpus_fingerprint
from assistant.embeddings import EmbeddingBackend, get_embeddings
from assistant.errors import DiskFull, IngestBusy, StoreError
from assistant.index import ChunkIndex, IndexReport
from assistant.models import Chunk, ParsedDoc
from assistant.settings import Settings
from assistant.targets.table import TargetTable

REVIEW_FILE = "targets.toml"
LOCK_FILE = "ingest.lock"
log = logging.getLogger("assistant.ingest")


@dataclass(frozen=True)
class Knowledge:
    """Everything ingest produced, ready for the retriever and the router."""

    docs: tuple[ParsedDoc, ...]
    chunks: tuple[Chunk, ...]
    index: ChunkIndex
    table: TargetTable
    report: IndexReport
    targets_rebuilt: bool
    read_only: bool = False


def ingest(settings: Settings, embeddings: EmbeddingBackend | None = None,
           progress: Callable[[int, int], None] | None = None, *, wait: float | None = None,
           strict: bool = True) -> Knowledge:
    """`wait`: seconds to wait for another ingest to finish (None: as long as it takes; 0: IngestBusy at once).
    `strict=False` (loading to serve): when the disk is full, serve the previous index and table, with a warning."""
    docs = corpus(settings.knowledge_dir)  # raises DocumentError before anything is touched
    chunks = chunk_docs(docs, settings.chunk_max_chars)
    embeddings = embeddings or get_embeddings(settings.embedding_backend, settings.embedding_model)
    if not writable(settings.data_dir):
        return _read_only(settings, docs, chunks, embeddings)
    with ingest_lock(settings.data_dir, wait):
        index = ChunkIndex(settings.data_dir, embeddings, chroma_url=settings.chroma_url)
        try:
            report = index.ensure(chunks, settings.chunk_max_chars, progress)
        except DiskFull as e:
            report = None if strict else index.current_report()
            if report is None:
                raise
            log.warning("%s (serving it)", e)
        try:
            table, rebuilt = ensure_targets(settings.knowledge_dir, settings.data_dir, docs)
        except DiskFull as e:
            if strict or not (settings.data_dir / "targets.sqlite").exists():
                raise
            log.warning("%s (serving it)", e)
            table, rebuilt = TargetTable.open(settings.data_dir / "targets.sqlite"), False
    return Knowledge(docs=docs, chunks=tuple(chunks), index=index, table=table, report=report,
                     targets_rebuilt=rebuilt, read_only=index.read_only)


@contextmanager
def ingest_lock(data_dir: Path, wait: float | None = None) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(data_dir / LOCK_FILE)
    try:
        lock.acquire(timeout=-1 if wait is None else wait)
    except Timeout:
        raise IngestBusy(f"another `assistant ingest` is running on {data_dir} (lock {data_dir / LOCK_FILE}); "
                         f"wait for it to finish, or pass --wait") from None
    try:
        yield
    finally:
        lock.release()


def writable(path: Path) -> bool:
    """Whether files can be created in `path` (made if missing). Tried, not guessed: root ignores modes."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-probe-", dir=path)
        os.close(fd)
        os.unlink(probe)
        return True
    except OSError:
        return False


def _read_only(settings: Settings, docs, chunks, embeddings) -> Knowledge:
    data = settings.data_dir
    index = ChunkIndex(data, embeddings, read_only=True, chroma_url=settings.chroma_url)
    if not index.is_complete(chunks, settings.chunk_max_chars):
        raise StoreError(f"{data}: the data directory is read-only and holds no complete index for "
                         f"{settings.knowledge_dir}; run `assistant ingest` where it is writable")
    db, stamp = data / "targets.sqlite", data / "targets.stamp"
    try:
        fresh = stamp.read_text() == corpus_fingerprint(settings.knowledge_dir)
        table = TargetTable.open(db) if fresh else None
    except (OSError, sqlite3.DatabaseError, ValueError, ArithmeticError, TypeError, KeyError):
        table = None
    if table is None:
        raise StoreError(f"{db}: missing, damaged or out of date, and the data directory is read-only; "
                         f"run `assistant ingest` where it is writable")
    log.warning("data directory %s is read-only: serving its index as it is", data)
    state = index.state()
    report = IndexReport(collection=state.collection, chunks=len(chunks), embedded=0, reused=len(chunks),
                         rebuilt=False)
    return Knowledge(docs=docs, chunks=tuple(chunks), index=index, table=table, report=report,
                     targets_rebuilt=False, read_only=True)


def ensure_targets(knowledge_dir: Path, data_dir: Path, docs: tuple[ParsedDoc, ...]) -> tuple[TargetTable, bool]:
    db = data_dir / "targets.sqlite"
    stamp = data_dir / "targets.stamp"
    fp = corpus_fingerprint(knowledge_dir)
    if db.exists() and stamp.exists() and stamp.read_text() == fp:
        try:
            return TargetTable.open(db), False
        except (sqlite3.DatabaseError, ValueError, ArithmeticError, TypeError, KeyError) as e:
            log.warning("%s is damaged (%s): rebuilding it from %s", db, e, knowledge_dir)
    try:
        table = TargetTable.build(docs, knowledge_dir / REVIEW_FILE, db)
        tmp = stamp.with_suffix(".tmp")
        tmp.write_text(fp)
        os.replace(tmp, stamp)
    except (OSError, sqlite3.Error) as e:
        full = isinstance(e, OSError) and e.errno == errno.ENOSPC or "full" in str(e)
        raise (DiskFull if full else StoreError)(
            f"{db}: the target table could not be written ({e}); the previous one is kept. "
            f"Free some space or fix the permissions, then run `assistant ingest`") from e
    return table, True


def session_db(settings: Settings, read_only: bool = False) -> Path:
    """Where the API and the CLI keep sessions: the data directory, or a temporary file when it is read-only."""
    if not read_only:
        return settings.data_dir / "sessions.sqlite"
    base = settings.runtime_dir or Path(tempfile.gettempdir())
    tag = hashlib.sha256(str(settings.data_dir.resolve()).encode()).hexdigest()[:8]
    return base / f"assistant-sessions-{tag}.sqlite"
