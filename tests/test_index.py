"""Ingest is idempotent (content-hashed), incremental, and a broken ingest keeps the previous index."""

from __future__ import annotations

import pytest

from assistant.embeddings.bigram import BigramEmbeddings
from assistant.errors import DocumentError
from assistant.ingest import ingest

PLAN = "erenhot-2026-plan.txt"


class CountingEmbeddings(BigramEmbeddings):
    def __init__(self):
        self.embedded = 0

    def embed_documents(self, texts):
        self.embedded += len(texts)
        return super().embed_documents(texts)


def test_second_ingest_embeds_nothing(bigram_settings):
    emb = CountingEmbeddings()
    first = ingest(bigram_settings, emb)
    assert first.report.embedded == first.report.chunks == emb.embedded > 0
    second = ingest(bigram_settings, emb)
    assert second.report.embedded == 0 and not second.report.rebuilt
    assert emb.embedded == first.report.chunks


def test_changed_document_reembeds_only_changed_chunks(bigram_settings):
    emb = CountingEmbeddings()
    first = ingest(bigram_settings, emb)
    path = bigram_settings.knowledge_dir / PLAN
    path.write_text(path.read_text(encoding="utf-8").replace("扎实做好退役军人服务保障和双拥工作。", "扎实做好双拥工作。"),
                    encoding="utf-8")
    second = ingest(bigram_settings, emb)
    assert second.report.rebuilt and 1 <= second.report.embedded <= 2
    assert second.report.reused == second.report.chunks - second.report.embedded
    assert second.report.collection != first.report.collection
    assert second.index.vectorstore()._collection.count() == second.report.chunks


@pytest.mark.parametrize("breakage, message", [
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_bytes(b"\x00\x01\x02binary"), "binary"),
    (lambda p: p.unlink(), "cannot read"),
    (lambda p: p.write_text("no structure here at all.", encoding="utf-8"), "no chapter headings"),
    (lambda p: p.write_bytes("计划".encode("gbk") * 10), "not UTF-8"),
])
def test_broken_ingest_names_the_file_and_keeps_the_index(bigram_settings, breakage, message):
    good = ingest(bigram_settings, BigramEmbeddings())
    state = good.index.state()
    breakage(bigram_settings.knowledge_dir / PLAN)
    with pytest.raises(DocumentError, match=message) as err:
        ingest(bigram_settings, BigramEmbeddings())
    assert PLAN in str(err.value) or "erenhot-2026" in str(err.value)
    assert good.index.state() == state
    hits = good.index.vectorstore().similarity_search("土默特街改造", k=1)
    assert hits and "土默特街" in hits[0].page_content


def test_fresh_checkout_ask_builds_the_index(bigram_settings):
    from assistant.service import Assistant

    assert not (bigram_settings.data_dir / "index-state.json").exists()
    answer = Assistant.load(bigram_settings).ask("土默特街改造在哪一部分？")
    assert (bigram_settings.data_dir / "index-state.json").exists()
    assert (answer.citations[0].chapter, answer.citations[0].section) == ("五", "（一）")
