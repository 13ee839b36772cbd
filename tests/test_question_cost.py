"""The cost of one question is bounded: each distinct text is embedded once (MemoEmbeddings), however many
steps of the core (dense retrieval, the target resolver) ask for it, and a question repeating itself is read once."""

from __future__ import annotations

import threading

import numpy as np

from assistant.embeddings.bigram import BigramEmbeddings
from assistant.embeddings.cache import MemoEmbeddings


class Counting(BigramEmbeddings):
    def __init__(self):
        self.texts: list[str] = []

    def _embed(self, texts, kind):
        self.texts.extend(texts)
        return super()._embed(texts, kind)


def test_each_distinct_text_is_embedded_once():
    inner = Counting()
    memo = MemoEmbeddings(inner)
    assert memo.model_id == inner.model_id  # the index fingerprint does not change
    a = memo.embed_query("今年GDP增长多少？")
    b = memo.embed_query("今年GDP增长多少？")
    both = memo.embed_queries(["今年GDP增长多少？", "新的问题"])
    assert a == b and np.allclose(both[0], a)
    assert inner.texts == ["今年GDP增长多少？", "新的问题"]
    memo.embed_documents(["今年GDP增长多少？"])  # a passage is embedded differently: its own entry
    assert len(inner.texts) == 3


def test_memo_is_bounded_and_thread_safe():
    memo = MemoEmbeddings(Counting(), max_entries=50)
    threads = [threading.Thread(target=lambda n=n: [memo.embed_query(f"q{n}-{i}") for i in range(100)])
               for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(memo._vectors) <= 50


def test_one_long_question_embeds_itself_at_most_once(fast_bot):
    memo = fast_bot.knowledge.index.embeddings
    assert isinstance(memo, MemoEmbeddings)
    inner = memo.backend
    seen: list[str] = []
    original = inner._embed

    def spy(texts, kind):
        seen.extend(t for t in texts if kind == "query")
        return original(texts, kind)

    inner._embed = spy
    try:
        q = ("请问二连浩特市今年在口岸物流和互市贸易方面有哪些安排，数字经济方面呢？" * 12)[:480]
        fast_bot.ask(q)
    finally:
        del inner._embed
    # the question is read as its distinct parts; each is embedded once, however many steps use it
    assert seen and len(seen) == len(set(seen)) and len(seen) <= 4, seen


def test_a_pasted_text_is_read_by_its_words_and_not_embedded(fast_bot):
    """Past Settings.dense_max_question_chars the first characters the dense model would read are a preamble, not
    the question: the text is answered from its words, and costs no embedding (scripts/load.py --section cpu)."""
    memo = fast_bot.knowledge.index.embeddings
    limit = fast_bot.settings.dense_max_question_chars
    pasted = ("我们公司在口岸附近有一个物流仓库项目想了解一下计划里关于互市贸易和跨境电商物流的安排" * 10)[:limit + 50]
    before = memo.computed
    a = fast_bot.ask(pasted)
    assert memo.computed == before and a.answer, a.answer
    before = memo.computed
    fast_bot.ask(pasted[:60])  # a question of ordinary length is embedded
    assert memo.computed == before + 1


def test_jieba_loads_its_cache_at_once_and_builds_it_when_absent(tmp_path, monkeypatch):
    """The tokenizer read from jieba's cache in one read is jieba's own; without a cache (a fresh machine) jieba
    builds and writes it, and the words are the same."""
    import tempfile

    import jieba

    from assistant.lexical import jieba_tokenizer

    text = "力争招商引资到位资金突破20亿元，推进中蒙经济合作区建设"
    fast = jieba_tokenizer()
    assert fast.initialized and fast.lcut(text) == jieba.Tokenizer().lcut(text)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    built = jieba_tokenizer()
    assert (tmp_path / "jieba.cache").is_file()
    assert built.lcut(text) == fast.lcut(text) and built.total == fast.total
