import time

from assistant.models import Answer
from assistant.session import MemorySessionStore, Turn
from assistant.understand.followup import resolve_followup


def test_ellipsis_keeps_what_was_asked():
    assert resolve_followup("那农牧民呢？", "城镇居民收入预期增长多少？", "城镇居民人均可支配收入增速") == "农牧民增长多少？"


def test_among_them_attaches_the_modifier_to_the_previous_subject():
    assert resolve_followup("其中分散式的那个规模多大？", "风电项目有哪些？", "风电项目") == "分散式风电项目规模多大？"


def test_pronoun_takes_the_previous_subject():
    assert resolve_followup("这个项目投资多少？", "城市更新有什么安排？", "城市更新") == "城市更新投资多少？"


def test_english_and_for():
    assert (resolve_followup("And for fixed-asset investment?", "What is the GDP growth target?", "地区生产总值增速")
            == "What is the growth target for fixed-asset investment?")


def test_a_full_question_is_left_alone():
    q = "土默特街改造在哪一部分？"
    assert resolve_followup(q, "城镇居民收入预期增长多少？", "x") == q
    assert resolve_followup("那农牧民呢？", "", "") == "那农牧民呢？"


def _turn(n: int) -> Turn:
    return Turn(question=str(n), answer=Answer(answer=str(n), route="smalltalk", refused=False))


def test_sessions_are_bounded_in_count_age_and_turns():
    store = MemorySessionStore(max_sessions=3, ttl_s=0.05, max_turns=2)
    for n in range(5):
        store.append(f"s{n}", _turn(n))
    assert len(store) == 3 and store.history("s0") == () and store.history("s4")
    for n in range(4):
        store.append("keep", _turn(n))
    assert [t.question for t in store.history("keep")] == ["2", "3"]
    time.sleep(0.06)
    assert store.history("keep") == ()  # expired


def test_cli_sessions_survive_a_new_process(tmp_path):
    path = tmp_path / "sessions.json"
    MemorySessionStore(path=path).append("s", _turn(1))
    assert [t.question for t in MemorySessionStore(path=path).history("s")] == ["1"]
    path.write_text("{not json")
    assert MemorySessionStore(path=path).history("s") == ()
