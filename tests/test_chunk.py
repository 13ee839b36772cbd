from assistant.chunk import chunk_docs
from assistant.corpus import corpus
from assistant.settings import Settings


def test_chunks_are_verbatim_inside_one_section_and_stable():
    docs = corpus(Settings().knowledge_dir)
    doc = docs[0]
    chunks = chunk_docs(docs, 160)
    assert len(chunks) > 30
    for c in chunks:
        assert doc.text[c.start:c.end] == c.text
        section = doc.section(c.chapter, c.section)
        assert section.start <= c.start and c.end <= section.end
        assert "\n" not in c.text
        assert c.heading_path in c.embedding_text()
    assert [c.id for c in chunk_docs(docs, 160)] == [c.id for c in chunks]
    assert len({c.id for c in chunks}) == len(chunks)


def test_smaller_limit_gives_more_chunks_but_never_splits_a_sentence():
    docs = corpus(Settings().knowledge_dir)
    small, large = chunk_docs(docs, 60), chunk_docs(docs, 400)
    assert len(small) > len(large)
    doc = docs[0]
    starts = {s.start for sec in doc.sections for p in sec.paragraphs for s in p.sentences}
    ends = {s.end for sec in doc.sections for p in sec.paragraphs for s in p.sentences}
    for c in small:
        assert c.start in starts and c.end in ends
