import time

from assistant.session import Session, SessionStore, Turn, resolve_followup


def session_after(question: str, subject: str) -> Session:
    s = Session(id="s")
    s.turns.append(Turn(question, question, subject))
    return s


def test_ellipsis_keeps_what_was_asked():
    s = session_after("城镇居民收入预期增长多少？", "城镇居民人均可支配收入增速")
    assert resolve_followup("那农牧民呢？", s) == "农牧民增长多少？"


def test_among_them_attaches_the_modifier_to_the_previous_subject():
    s = session_after("风电项目有哪些？", "风电项目")
    assert resolve_followup("其中分散式的那个规模多大？", s) == "分散式风电项目规模多大？"


def test_pronoun_takes_the_previous_subject():
    s = session_after("城市更新有什么安排？", "城市更新")
    assert resolve_followup("这个项目投资多少？", s) == "城市更新投资多少？"


def test_english_and_for():
    s = session_after("What is the GDP growth target?", "地区生产总值增速")
    assert resolve_followup("And for fixed-asset investment?", s) == "What is the growth target for fixed-asset investment?"


def test_a_full_question_is_left_alone():
    s = session_after("城镇居民收入预期增长多少？", "x")
    q = "土默特街改造在哪一部分？"
    assert resolve_followup(q, s) == q
    assert resolve_followup("那农牧民呢？", Session(id="new")) == "那农牧民呢？"


def test_sessions_are_bounded_in_count_age_and_turns():
    store = SessionStore(max_sessions=3, ttl_s=0.05, max_turns=2)
    ids = [store.get(None).id for _ in range(5)]
    assert len(store) == 3 and len(set(ids)) == 5
    s = store.get("keep")
    for n in range(4):
        store.record(s, Turn(str(n), str(n), ""))
    assert [t.question for t in store.get("keep").turns] == ["2", "3"]
    time.sleep(0.06)
    assert store.get("keep").turns == []  # expired: a fresh session under the same id
