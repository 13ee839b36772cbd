import numpy as np

from assistant.embeddings.bigram import BigramEmbeddings
from assistant.embeddings.cache import CachedQueryEmbedder


class Counting(BigramEmbeddings):
    calls = 0

    def _embed(self, texts, kind):
        Counting.calls += len(texts)
        return super()._embed(texts, kind)


def test_rows_are_persisted_and_questions_bounded(tmp_path):
    path = tmp_path / "vectors.npz"
    rows = [f"指标{i}" for i in range(10)]
    cache = CachedQueryEmbedder(Counting(), path, max_uncached=4, max_entries=12)
    first = cache(["问题一", *rows])
    assert Counting.calls == 11 and path.exists()
    again = CachedQueryEmbedder(Counting(), path, max_uncached=4, max_entries=12)
    np.testing.assert_allclose(again(rows), first[1:])
    assert Counting.calls == 11  # row vectors came from the file
    for n in range(20):  # a stream of new questions alongside the rows
        again([f"新问题{n}", *rows])
    assert len(again._vectors) <= 12 and all(again._key(r) in again._vectors for r in rows)


def test_warm_up_embeds_every_table_row_at_once(fast_bot):
    """A server's first callers must not wait while a group of rows is embedded (0.2–0.5 s on a fresh data
    directory): warm_up keeps every row's vector, on disk too."""
    from assistant.targets.resolve import row_text

    fast_bot.warm_up()
    cut = fast_bot.settings.query_max_chars
    cache = fast_bot.embed
    assert all(cache._key(row_text(t)[:cut]) in cache._vectors for t in fast_bot.knowledge.table.rows())
    assert cache.path.exists()
