"""chunk: sections → `Chunk`s along the plan's own structure.

A chunk never crosses a section, a sub-heading (1. / （1）) or a bold topic; inside one it packs whole sentences
up to `max_chars`.
Its id is a content hash, so re-chunking unchanged text yields the same ids and indexing it changes nothing.
"""

from __future__ import annotations

import hashlib

from assistant.models import Chunk, Paragraph, ParsedDoc, Section, Span

# v2: chunks carry year, genre, period and sub-heading (Chroma metadata), so an old index is rebuilt once.
CHUNKER_VERSION = "sections-v2"


def chunk_id(doc: str, heading_path: str, text: str, start: int) -> str:
    return hashlib.sha256(f"{doc}\x1f{heading_path}\x1f{start}\x1f{text}".encode()).hexdigest()[:24]


def chunk_section(doc: ParsedDoc, section: Section, max_chars: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    for para in section.paragraphs:
        group: list[Span] = []
        for sent in para.sentences:
            if group and sent.end - group[0].start > max_chars:
                chunks.append(_make(doc, section, para, group))
                group = []
            group.append(sent)
        if group:
            chunks.append(_make(doc, section, para, group))
    return chunks


def _make(doc: ParsedDoc, section: Section, para: Paragraph, sents: list[Span]) -> Chunk:
    start, end = sents[0].start, sents[-1].end
    text = doc.text[start:end]
    return Chunk(
        id=chunk_id(doc.doc, section.heading_path, text, start), doc=doc.doc, chapter=section.chapter,
        chapter_title=section.chapter_title, section=section.section, section_title=section.section_title,
        topic=para.topic, heading_path=section.heading_path, text=text, start=start, end=end,
        year=doc.year, genre=doc.genre, period=section.period or (str(doc.year) if doc.year else ""),
        sub=para.sub, sub_title=para.sub_title,
    )


def chunk_docs(docs: tuple[ParsedDoc, ...], max_chars: int) -> list[Chunk]:
    return [c for d in docs for s in d.sections for c in chunk_section(d, s, max_chars)]
