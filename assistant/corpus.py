"""corpus: the manifest in `knowledge/` and the documents it lists, read, checked and parsed."""

from __future__ import annotations

import hashlib
import tomllib
from functools import lru_cache
from pathlib import Path

from assistant.errors import DocumentError
from assistant.models import Frozen, Genre, ParsedDoc
from assistant.parse import parse_plan

MANIFEST = "manifest.toml"
MAX_DOC_BYTES = 5_000_000


class DocumentInfo(Frozen):
    """One manifest entry. `year`: the year the document is about (a plan: the year it plans; an
    execution report: the year whose execution it reports). `genre`: plan, report or work_report."""

    id: str
    title: str
    issuer: str = ""
    date: str = ""  # issue date, YYYY-MM-DD
    year: int
    genre: Genre = "plan"
    file: str


def load_manifest(knowledge_dir: Path) -> tuple[DocumentInfo, ...]:
    path = knowledge_dir / MANIFEST
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        docs = tuple(DocumentInfo(**d) for d in data["documents"])
        ids = [d.id for d in docs]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate document ids {sorted({i for i in ids if ids.count(i) > 1})}")
    except FileNotFoundError as e:
        raise DocumentError(f"{path}: manifest not found") from e
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as e:
        raise DocumentError(f"{path}: malformed manifest ({e})") from e
    if not docs:
        raise DocumentError(f"{path}: lists no documents")
    return docs


def read_document(path: Path) -> str:
    """The document's text; DocumentError naming the file when it is missing, empty, binary or too big."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DocumentError(f"{path}: cannot read ({e.strerror or e})") from e
    if not raw.strip():
        raise DocumentError(f"{path}: the file is empty")
    if len(raw) > MAX_DOC_BYTES:
        raise DocumentError(f"{path}: {len(raw)} bytes is over the {MAX_DOC_BYTES}-byte limit")
    if b"\x00" in raw:
        raise DocumentError(f"{path}: binary data, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DocumentError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from e


def load_corpus(knowledge_dir: Path) -> tuple[ParsedDoc, ...]:
    return tuple(
        parse_plan(read_document(knowledge_dir / info.file), doc=info.id, title=info.title, year=info.year,
                   genre=info.genre, date=info.date)
        for info in load_manifest(knowledge_dir)
    )


@lru_cache(maxsize=4)
def cached_corpus(knowledge_dir: Path, fingerprint: str) -> tuple[ParsedDoc, ...]:
    return load_corpus(knowledge_dir)


def corpus_fingerprint(knowledge_dir: Path) -> str:
    """A hash of the manifest and every document it lists: changes exactly when the knowledge does."""
    h = hashlib.sha256()
    for path in sorted(p for p in knowledge_dir.rglob("*") if p.is_file()):
        h.update(path.relative_to(knowledge_dir).as_posix().encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


def corpus(knowledge_dir: Path) -> tuple[ParsedDoc, ...]:
    """Parsed once per content version, then served from memory."""
    return cached_corpus(knowledge_dir, corpus_fingerprint(knowledge_dir))
