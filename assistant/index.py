"""index: chunks → a Chroma collection (PersistentClient), built idempotently and swapped atomically.

The collection is named by a fingerprint of (documents, chunker, embedding model). Same fingerprint:
nothing is embedded. New fingerprint: a new collection is filled, reusing the vectors of chunks whose
content-hashed id already exists, and only then does `index-state.json` point at it; a failure before that
(a full disk included) removes the half-built collection and leaves the previous index in use.

A running server may still be reading the previous collection while an ingest swaps: it is kept (the state
names it `previous`) until the next swap, and every other collection (older ones, half-built ones from a
killed ingest) is removed. Damage (a corrupt chroma.sqlite3, a state that names a missing or short collection)
is detected by `ensure` and rebuilt. A read-only data directory is served from a private copy of the index.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from assistant.chunk import CHUNKER_VERSION
from assistant.embeddings import EmbeddingBackend
from assistant.errors import DiskFull, StoreError
from assistant.store import open_chroma
from assistant.models import Chunk, Frozen

log = logging.getLogger("assistant.index")

BATCH = 128  # chunks per upsert: Chroma's per-call cost dominates small batches (scale_bench.py)
Progress = Callable[[int, int], None]


class IndexState(Frozen):
    collection: str
    fingerprint: str
    chunks: int
    model_id: str
    previous: str | None = None  # kept for readers that have not switched yet; removed at the next swap


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


def forget_client(path: Path) -> None:
    """Drop this process's cached Chroma system for `path` (Chroma keeps one per directory), so a directory
    that was removed and rebuilt is opened afresh."""
    from chromadb.api.shared_system_client import SharedSystemClient

    system = SharedSystemClient._identifier_to_system.pop(str(path), None)
    if system is not None:
        try:
            system.stop()
        except Exception:  # noqa: BLE001 - a damaged store may not stop cleanly; it is being discarded
            pass


class ChunkIndex:
    """Owns the Chroma client for one data directory (or a Chroma server). Build with `ensure`, query with
    `vectorstore`. `read_only`: the data directory cannot be written; the index is served from a private copy."""

    def __init__(self, data_dir: Path, embeddings: EmbeddingBackend, read_only: bool = False, chroma_url: str = ""):
        self.dir = data_dir / "chroma"
        self.state_path = data_dir / "index-state.json"
        self.embeddings = embeddings
        self.read_only = read_only
        self.chroma_url = chroma_url  # '' = embedded store in self.dir; else a Chroma server (assistant/store.py)
        self._client = None

    @property
    def client(self):
        if self._client is None:
            if self.chroma_url:  # a shared server: nothing local to copy or repair
                self._client = open_chroma(self.dir, self.chroma_url)
                return self._client
            try:
                self._client = open_chroma(self._private_copy() if self.read_only else self.dir)
            except Exception as e:  # noqa: BLE001 - chromadb raises its own types for a damaged store
                if not _disk_full(e):
                    raise StoreError(f"{self.dir / 'chroma.sqlite3'}: cannot open the index ({_first_line(e)}); "
                                     f"run `assistant ingest` to rebuild it") from e
                # Chroma writes even to open: on a full disk, read a private copy (elsewhere) instead
                log.warning("%s: the disk is full; serving a read-only copy of the index", self.dir)
                self.read_only = True
                self._client = open_chroma(self._private_copy())
        return self._client

    def _private_copy(self) -> Path:
        path = Path(tempfile.mkdtemp(prefix="assistant-index-")) / "chroma"
        shutil.copytree(self.dir, path)
        return path

    def current_report(self) -> IndexReport | None:
        """The index the state names, as it is (for serving it when it cannot be rebuilt)."""
        state = self.state()
        if state is None or not self._existing(state.collection):
            return None
        return IndexReport(collection=state.collection, chunks=state.chunks, embedded=0, reused=state.chunks,
                           rebuilt=False)

    def state(self) -> IndexState | None:
        try:
            return IndexState.model_validate_json(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _collection(self, name: str):
        # embedding_function=None: Chroma's default would try to download a model. Vectors come from us.
        return self.client.get_or_create_collection(name, embedding_function=None,
                                                    configuration={"hnsw": {"space": "cosine"}})

    def _names(self) -> set[str]:
        return {c if isinstance(c, str) else c.name for c in self.client.list_collections()}

    def _existing(self, name: str) -> bool:
        return name in self._names()

    def is_complete(self, chunks: list[Chunk], chunk_max_chars: int) -> bool:
        """The state names this corpus's collection, and it holds every chunk (read only, builds nothing)."""
        state = self.state()
        fp = fingerprint(chunks, self.embeddings.model_id, chunk_max_chars)
        if state is None or state.fingerprint != fp or not _sqlite_ok(self.dir / "chroma.sqlite3"):
            return False
        try:
            if not self._existing(state.collection):
                return False
            coll = self.client.get_collection(state.collection)
            if coll.count() != len(chunks):
                return False
            probe = coll.get(limit=1, include=["embeddings"])["embeddings"]  # and it answers a query
            return len(probe) == 1 and len(coll.query(query_embeddings=[list(probe[0])], n_results=1)["ids"][0]) == 1
        except Exception as e:  # noqa: BLE001 - a damaged segment shows up as any chromadb error
            log.warning("index %s unusable: %s", state.collection, _first_line(e))
            return False

    def repair_store(self) -> bool:
        """A Chroma database that fails SQLite's integrity check is moved aside (and rebuilt by `ensure`)."""
        db = self.dir / "chroma.sqlite3"
        if not db.exists() or _sqlite_ok(db):
            return False
        log.warning("%s is damaged: removing %s and rebuilding from knowledge/", db, self.dir)
        self._client = None
        forget_client(self.dir)
        shutil.rmtree(self.dir)
        return True

    def ensure(self, chunks: list[Chunk], chunk_max_chars: int, progress: Progress | None = None) -> IndexReport:
        fp = fingerprint(chunks, self.embeddings.model_id, chunk_max_chars)
        name = f"chunks_{fp}"
        self.repair_store()
        old = self.state()
        if self.read_only and not self.is_complete(chunks, chunk_max_chars):  # opened as a copy: disk full
            raise DiskFull(f"{self.dir}: the disk is full, the index was not rebuilt"
                           f"{'; the previous index is still in use' if old else ''}; "
                           f"free some space and run `assistant ingest` again")
        if old and old.fingerprint == fp and self.is_complete(chunks, chunk_max_chars):
            self._remove_stale(keep={name, old.previous})
            return IndexReport(collection=name, chunks=len(chunks), embedded=0, reused=len(chunks), rebuilt=False)
        if old and old.collection == name:  # the state names a collection that is damaged or short
            old = None
        if self.chroma_url and self._existing(name) and self._collection(name).count() == len(chunks):
            # another worker (or host) built this very index on the shared server: adopt it
            _atomic_write(self.state_path, IndexState(collection=name, fingerprint=fp, chunks=len(chunks),
                                                      model_id=self.embeddings.model_id).model_dump_json())
            return IndexReport(collection=name, chunks=len(chunks), embedded=0, reused=len(chunks), rebuilt=False)
        try:
            return self._build(chunks, fp, name, old, progress)
        except StoreError:
            raise
        except Exception as e:  # noqa: BLE001 - sqlite, chromadb and OS errors alike: keep the old index
            self._drop(name)
            kept = f"; the previous index ({old.collection}) is still in use" if old else ""
            if _disk_full(e):
                raise DiskFull(f"{self.dir}: the disk is full, the index was not rebuilt{kept}; "
                                 f"free some space and run `assistant ingest` again") from e
            raise StoreError(f"{self.dir}: the index could not be built ({_first_line(e)}){kept}; "
                             f"run `assistant ingest` again") from e

    def _build(self, chunks: list[Chunk], fp: str, name: str, old: IndexState | None,
               progress: Progress | None) -> IndexReport:
        reuse: dict[str, list[float]] = {}
        if old and old.model_id == self.embeddings.model_id and self._existing(old.collection):
            try:
                got = self._collection(old.collection).get(ids=[c.id for c in chunks], include=["embeddings"])
                reuse = {i: list(e) for i, e in zip(got["ids"], got["embeddings"])}
            except Exception as e:  # noqa: BLE001 - a damaged old collection: embed everything afresh
                log.warning("previous collection %s unreadable (%s): re-embedding", old.collection, _first_line(e))
        todo = [c for c in chunks if c.id not in reuse]
        self._drop(name)  # a half-built collection from a killed run
        coll = self._collection(name)
        for i in range(0, len(chunks), BATCH):
            batch = chunks[i:i + BATCH]
            need = [c for c in batch if c.id not in reuse]
            fresh = dict(zip((c.id for c in need), self.embeddings.embed_documents([c.embedding_text() for c in need])))
            coll.upsert(ids=[c.id for c in batch],
                        embeddings=[reuse.get(c.id) or fresh[c.id] for c in batch],
                        documents=[c.text for c in batch],
                        metadatas=[_metadata(c) for c in batch])
            if progress:
                progress(min(i + BATCH, len(chunks)), len(chunks))
        if coll.count() != len(chunks):
            raise StoreError(f"{self.dir}: the new collection holds {coll.count()} of {len(chunks)} chunks; "
                             f"run `assistant ingest` again")
        previous = old.collection if old and old.collection != name and self._existing(old.collection) else None
        new = IndexState(collection=name, fingerprint=fp, chunks=len(chunks), model_id=self.embeddings.model_id,
                         previous=previous)
        _atomic_write(self.state_path, new.model_dump_json())  # the swap: readers switch from here on
        self._remove_stale(keep={name, previous})
        return IndexReport(collection=name, chunks=len(chunks), embedded=len(todo), reused=len(chunks) - len(todo),
                           rebuilt=True)

    def _drop(self, name: str) -> None:
        try:
            if self._existing(name):
                self.client.delete_collection(name)
        except Exception as e:  # noqa: BLE001 - cleanup must not hide the original error
            log.warning("could not remove collection %s: %s", name, _first_line(e))

    def _remove_stale(self, keep: set[str | None]) -> None:
        """Remove every chunk collection the state does not name: older ones and half-built ones."""
        for stale in sorted(n for n in self._names() if n.startswith("chunks_") and n not in keep):
            log.info("removing stale collection %s", stale)
            self._drop(stale)

    def live(self):
        """The live Chroma collection (the one `index-state.json` names), for queries by vector."""
        state = self.state()
        if state is None:
            raise StoreError(f"{self.state_path}: no index yet; run `assistant ingest`")
        return self.client.get_collection(state.collection)

    def vectorstore(self):
        """The LangChain view of the live collection, with our embedding function (for users of LangChain; the
        assistant itself queries `live()` directly, which spares a CLI call importing langchain-chroma)."""
        from langchain_chroma import Chroma

        state = self.state()
        if state is None:
            raise StoreError(f"{self.state_path}: no index yet; run `assistant ingest`")
        return Chroma(client=self.client, collection_name=state.collection, embedding_function=self.embeddings)


def _sqlite_ok(path: Path) -> bool:
    """SQLite's own quick integrity check (read only; a missing file is fine: it will be created)."""
    if not path.exists():
        return True
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            return con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


def _disk_full(e: BaseException) -> bool:
    while e is not None:
        if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(e).lower()
        if "disk is full" in text or "no space left" in text or "database or disk is full" in text:
            return True
        e = e.__cause__ or e.__context__
    return False


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0][:200]


def _metadata(c: Chunk) -> dict:
    return {k: v for k, v in c.model_dump().items() if k not in ("text", "id")}


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
