"""The answer cache: first questions only, bounded, and shared by the workers of one server through a SQLite file
scoped by index and table; the file is an optimisation whose failures cost nothing but a recomputation."""

from __future__ import annotations

import threading
from pathlib import Path

from assistant.answer.cache import AnswerCache
from assistant.models import Answer


def _answer(text: str) -> Answer:
    return Answer(answer=text, route="retrieval", refused=False)


def test_memory_tier_is_bounded():
    cache = AnswerCache(2)
    for q in ("a", "b", "c"):
        cache.put(q, _answer(q), q)
    assert cache.get("a") is None and cache.get("c")[0].answer == "c" and len(cache) == 2


def test_workers_share_answers_within_one_scope(tmp_path: Path):
    path = tmp_path / "answers.sqlite"
    one, two = AnswerCache(100, path, "index-1"), AnswerCache(100, path, "index-1")
    one.put("GDP增速目标？", _answer("6%左右"), "GDP增速目标？")
    got = two.get("GDP增速目标？")
    assert got is not None and got[0].answer == "6%左右" and got[1] == "GDP增速目标？"
    assert AnswerCache(100, path, "index-2").get("GDP增速目标？") is None  # another index: never read


def test_concurrent_writers_lose_nothing(tmp_path: Path):
    path = tmp_path / "answers.sqlite"
    caches = [AnswerCache(1000, path, "s") for _ in range(4)]
    threads = [threading.Thread(target=lambda c=c, n=n: [c.put(f"q{n}-{i}", _answer(str(i)), "") for i in range(50)])
               for n, c in enumerate(caches)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    reader = AnswerCache(1000, path, "s")
    assert all(reader.get(f"q{n}-{i}") is not None for n in range(4) for i in range(50))


def test_an_unusable_file_only_costs_recomputation(tmp_path: Path):
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("x")
    cache = AnswerCache(10, blocked / "answers.sqlite", "s")
    cache.put("q", _answer("a"), "q")  # no error
    assert cache.get("q")[0].answer == "a"  # the memory tier still holds it
    assert AnswerCache(10, blocked / "answers.sqlite", "s").get("q") is None


def test_the_assistant_caches_first_questions_not_follow_ups(fast_bot):
    q = "今年互市贸易额目标是多少？"
    first = fast_bot.ask(q)
    hits = fast_bot.answers.hits
    again = fast_bot.ask(q)
    assert fast_bot.answers.hits == hits + 1 and again.answer == first.answer
    assert again.session_id != first.session_id  # each caller still gets a session of its own
    before = fast_bot.answers.hits
    fast_bot.ask(q, session_id=first.session_id)  # a follow-up is read against its conversation
    assert fast_bot.answers.hits == before


def test_callers_asking_the_same_question_at_once_share_one_computation():
    cache = AnswerCache(10)
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def compute():
        calls.append(1)
        started.set()
        release.wait(5)
        return _answer("6%左右"), "q"

    results: list[str] = []
    first = threading.Thread(target=lambda: results.append(cache.once("q", compute)[0].answer))
    first.start()
    started.wait(5)
    others = [threading.Thread(target=lambda: results.append(cache.once("q", compute)[0].answer)) for _ in range(3)]
    for t in others:
        t.start()
    release.set()
    for t in [first, *others]:
        t.join()
    assert len(calls) == 1 and results == ["6%左右"] * 4
