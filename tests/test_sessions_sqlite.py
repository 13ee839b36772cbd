"""SqliteSessionStore: the SessionStore protocol in SQLite, shared by processes, capped so traffic cannot wipe
conversations."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from assistant.models import Answer
from assistant.session import Turn
from assistant.sessions_sqlite import SqliteSessionStore


def turn(n) -> Turn:
    return Turn(question=f"q{n}", understood=f"u{n}", answer=Answer(answer=f"a{n}", route="smalltalk", refused=False))


def test_protocol_roundtrip_and_turn_cap(tmp_path):
    store = SqliteSessionStore(tmp_path / "s.sqlite", max_turns=2)
    assert store.history("x") == ()
    for n in range(3):
        store.append("x", turn(n))
    assert [t.question for t in store.history("x")] == ["q1", "q2"]
    assert store.history("x")[0].answer.answer == "a1" and store.history("x")[0].understood == "u1"


def test_sessions_are_scoped_by_key(tmp_path):
    store = SqliteSessionStore(tmp_path / "s.sqlite")
    store.append("same-id", turn(1), key="k-a")
    assert store.history("same-id", key="k-b") == ()
    assert store.history("same-id", key="k-a")[0].question == "q1"


def test_expiry_by_time(tmp_path):
    store = SqliteSessionStore(tmp_path / "s.sqlite", ttl_s=0.2)
    store.append("x", turn(1))
    assert store.history("x")
    time.sleep(0.25)
    assert store.history("x") == ()
    store.append("x", turn(2))  # an expired session starts over
    assert [t.question for t in store.history("x")] == ["q2"]
    assert store.sweep() >= 0 and store.count() == 1


def test_one_question_traffic_never_evicts_a_conversation(tmp_path):
    store = SqliteSessionStore(tmp_path / "s.sqlite", max_conversations=5, max_fresh=50)
    for c in range(5):
        store.append(f"conv{c}", turn(0), key="k")
        store.append(f"conv{c}", turn(1), key="k")
    store.append("fresh-but-recent", turn(0), key="k")
    for n in range(500):
        store.append(f"oneshot{n}", turn(n), key="k")
        if n % 100 == 99:
            store.sweep()
    store.sweep()
    assert all(len(store.history(f"conv{c}", key="k")) == 2 for c in range(5))
    assert store.count("k") == 5 + 50
    assert store.history("oneshot0", key="k") == () and store.history("oneshot499", key="k")


def test_conversations_capped_per_key_least_recent_first(tmp_path):
    store = SqliteSessionStore(tmp_path / "s.sqlite", max_conversations=3, max_fresh=10)
    for c in range(5):
        store.append(f"c{c}", turn(0), key="a")
        store.append(f"c{c}", turn(1), key="a")
        store.append(f"c{c}", turn(0), key="b")
        store.append(f"c{c}", turn(1), key="b")
    store.append("c0", turn(2), key="a")  # c0 used again: most recent
    store.sweep()
    assert [bool(store.history(f"c{c}", key="a")) for c in range(5)] == [True, False, False, True, True]
    assert store.count("b") == 3


def _writer(path, worker, n):
    store = SqliteSessionStore(path)
    for i in range(n):
        store.append(f"w{worker}", turn(i), key="k")
        store.append(f"w{worker}-{i}", turn(i), key="k")


def test_shared_by_processes_in_wal_mode(tmp_path):
    path = tmp_path / "s.sqlite"
    SqliteSessionStore(path)
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 40)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    store = SqliteSessionStore(path, max_turns=6)
    assert store._con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.count("k") == 3 + 3 * 40
    assert all([t.question for t in store.history(f"w{w}", key="k")] == [f"q{i}" for i in range(34, 40)]
               for w in range(3))


@pytest.mark.parametrize("damage", [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_file_is_moved_aside_and_replaced(tmp_path, damage, caplog):
    path = tmp_path / "s.sqlite"
    path.write_bytes(damage)
    store = SqliteSessionStore(path)
    store.append("x", turn(1))
    assert store.history("x")[0].question == "q1"
    assert list(tmp_path.glob("s.sqlite.damaged-*")) and "damaged" in caplog.text


def test_cli_sessions_live_in_sqlite(tmp_path, bigram_settings):
    from assistant.service import Assistant

    bot = Assistant.load(bigram_settings, persist_sessions=True)
    assert isinstance(bot.sessions, SqliteSessionStore)
    first = bot.ask("城镇居民收入预期增长多少？")
    again = Assistant.load(bigram_settings, persist_sessions=True)  # another process, in effect
    follow = again.ask("那农牧民呢？", session_id=first.session_id)
    assert any(f.value == 5 for f in follow.facts)
    assert (bigram_settings.data_dir / "sessions.sqlite").exists()
    assert not (bigram_settings.data_dir / "sessions.json").exists()
