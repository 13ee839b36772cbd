"""lexical: the one tokenizer (jieba with a dictionary derived from the plans and the target table) and the places a
text names. The words people use for the plans' terms are in assistant/glossary.py; BM25 is in assistant/bm25.py.

The dictionary is built from the plans themselves (quoted terms “新三样”, items of 、-lists, the table's names), so
the plans' own compounds (限上企业, 互市贸易, 中蒙经济合作区) stay whole. Stopwords, cues and places come from
assistant/vocab (the rules as data).
"""

from __future__ import annotations

import logging
import marshal
import re
import tempfile
from functools import cached_property
from pathlib import Path

from assistant.glossary import Glossary, latin
from assistant.models import ParsedDoc
from assistant.vocab import CJK, vocab

GLOSSARY = "glossary.toml"
# Words jieba must keep whole, so 哪天下达 is not cut as 哪/天下/达.
QUESTION_WORDS = ("哪天", "哪一天", "几月份", "几月", "多少钱", "下发", "哪一部分", "哪部分", "什么时候", "靠谱", "可靠", "对吗",
                  "真的吗", "是不是", "怎么样", "多长", "多大", "多高", "多远", "多久", "哪几项", "哪几个", "顺带", "顺便", "大概",
                  "哪届", "几届", "第几", "几次", "几期", "几座", "几户", "几家", "几个", "几眼", "下达", "分别", "各是")
# The year a question is about, said first, wins over a term it runs into (今年|收入, not 今|年收入)
TIME_WORDS = ("今年", "去年", "明年", "前年", "后年", "本年", "当年")
# jieba POS tags that name things: nouns, proper nouns, abbreviations, nominal verbs, the plan's own terms
NOUN_TAGS = frozenset({"n", "nr", "nrt", "ns", "nt", "nz", "nl", "ng", "j", "vn", "an", "eng", "s"})
WORD = re.compile(r"[A-Za-z](?:[A-Za-z\-']*[A-Za-z])?|\d+(?:\+\d+)+|\d+(?:\.\d+)?%?|[\u4e00-\u9fff]+")
QUESTION_PREFIX = re.compile(r"^(哪些|哪个|哪几个|哪几|哪家|什么|多少|几个)(?=[\u4e00-\u9fff]{2})")
PLACE_SUFFIX = re.compile(r"..(市|县|旗|盟|省|州|镇|乡|村|国|岛|港)$")
HMM_MAX = 120  # characters: longer texts are tagged by the dictionary alone
SPECIFIC_MAX = 4  # times per document a word may occur and still name a particular thing


def jieba_tokenizer():
    """A jieba Tokenizer with the default dictionary loaded. jieba reads its 9 MB prefix-dictionary cache with
    marshal.load on the open file, piecemeal (0.9 s of a CLI call here); the same bytes read at once load in 0.27 s.
    Without the cache (a fresh machine), jieba's own initialize builds and writes it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    try:
        tok.FREQ, tok.total = marshal.loads((Path(tempfile.gettempdir()) / "jieba.cache").read_bytes())
        tok.initialized = True
    except (OSError, ValueError, EOFError, TypeError):
        tok.initialize()
    return tok


class _Memo(dict):
    """What was worked out for a text, kept until there are too many: understand, evidence and verdict ask the same
    of one question, and a tokenizer's answer for a text never changes."""

    def once(self, key: tuple[str, str], make):
        hit = self.get(key)
        if hit is None:
            if len(self) > 8192:
                self.clear()
            hit = self[key] = make()
        return hit


class Lexicon:
    """Tokenizer + glossary for one corpus. Built once per corpus version; jieba is loaded lazily."""

    def __init__(self, docs: tuple[ParsedDoc, ...], knowledge_dir: Path, names: tuple[str, ...] = ()):
        self.docs = docs
        self.plan_text = "\n".join(d.text for d in docs)
        self.names = frozenset(names)  # the target table's indicator names and aliases: known, not tokens
        plan_words = set(plan_terms(docs))
        self.glossary = Glossary(knowledge_dir / GLOSSARY, plan_words | {n for n in self.names if CJK.search(n)},
                                 self.plan_text)
        # The dictionary holds only wording that occurs in the plan (or abbreviations of it), so a
        # question's token is a substring of the sentences that answer it.
        from assistant.documents import names as doc_names

        self.doc_names = frozenset(n for d in docs for n in doc_names(d))  # the places the documents are about
        self.terms = sorted(plan_words | set(self.glossary.synonyms) | {n for n in self.names if CJK.search(n)}
                            | self.glossary.targets | self.doc_names)

    @cached_property
    def plan_sentences(self) -> tuple[str, ...]:
        """The plans' text cut at full stops and semicolons: what is said together."""
        return tuple(re.split(r"[。；]", self.plan_text))

    def without_document_names(self, text: str) -> str:
        """`text` without the names of the documents' own places (二连浩特) and titles (国民经济和社会发展计划,
        economic and social development plan): they say which document a question is about, not what it asks."""
        return self._document_names.sub(" ", text) if self._document_names else text

    @cached_property
    def _document_names(self) -> re.Pattern | None:
        titles = [d.title for d in self.docs if d.title]
        lines = [ln.strip() for ln in self.plan_text.splitlines() if ln.strip()]
        # a title line holds a title (the notice's 关于下达…的通知) or is part of one (a title page over two lines)
        body = "\n".join(ln for ln in lines if not any(t in ln or ln in t for t in titles))
        # a run of a title that the body never uses (国民经济和社会发展计划, not 社会发展 or 二连浩特市)
        runs = {t[i:j] for t in titles for i in range(len(t)) for j in range(i + 4, len(t) + 1) if t[i:j] not in body}
        english = {k for k, v in self.glossary.english.items() if v and all(f in runs for f in v)}
        names = [re.escape(n) for n in sorted(runs | self.doc_names, key=len, reverse=True) if n]
        names += [rf"\b{re.escape(k)}(s|'s)?\b" for k in sorted(english, key=len, reverse=True)]
        return re.compile("|".join(names), re.I) if names else None

    @cached_property
    def sound_terms(self) -> tuple[str, ...]:
        """The terms a misheard run may be read as (understand/homophones.py): the plans' names and quoted terms and
        the glossary's targets, as the plans write them."""
        return tuple(t for t in self.terms if len(t) >= 2 and t in self.plan_text)

    def _dictionary_tag(self, word: str) -> str:
        """The part of speech the tagger's dictionary gives a word ("" when it has none): a look-up, not a tagging."""
        return self._pos.word_tag_tab.get(word, "")

    def is_word(self, text: str) -> bool:
        """Whether the tokenizer's dictionary (jieba's and the plans' terms) has `text` as a word."""
        return self._jieba.FREQ.get(text, 0) > 0

    @cached_property
    def quoted_names(self) -> tuple[str, ...]:
        """The names the plans put in quotes (“8+1+1”, “四水四定”), longest first: what they stand for, the plans
        seldom say."""
        return tuple(sorted(set(re.findall(r"“([^“”]{1,16})”", self.plan_text)), key=len, reverse=True))

    @cached_property
    def _jieba(self):
        tok = jieba_tokenizer()
        for term in self.terms:
            if CJK.search(term):
                tok.add_word(term, freq=2000, tag="nz")
        for word in QUESTION_WORDS + TIME_WORDS:  # cue words win over what they overlap (哪天|下发, not 哪|天下|发)
            tok.add_word(word, freq=1_000_000, tag="r")
        for place in vocab().places:
            if CJK.search(place):
                tok.add_word(place, freq=3000, tag="ns")
        return tok

    @cached_property
    def _pos(self):
        import jieba.posseg

        # jieba.posseg reads its whole tag dictionary at import (for its default tokenizer): share that table
        # rather than read the file a second time (0.7 s of a CLI call's start); our words' tags join it on use
        pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        pos.tokenizer = self._jieba
        pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
        return pos

    # ------------------------------------------------------------------ tokens

    def segment(self, text: str) -> list[tuple[str, int, int]]:
        """Every jieba token of `text` with its offsets (stopwords included)."""
        return [(w, s, e) for w, s, e in self._jieba.tokenize(text)]

    def segment_words(self, text: str) -> list[str]:
        return [w for w in self._jieba.lcut(text) if w.strip()]

    def tokens(self, text: str) -> list[str]:
        """Content tokens: Chinese words (jieba, plan dictionary), glossary terms for English, numbers."""
        v = vocab()
        out: list[str] = []
        for w in WORD.findall(text):
            if CJK.match(w):
                out.extend(t for t in self._jieba.lcut(w) if t.strip() and not v.is_stop(t))
            elif w[0].isdigit():
                out.append(w)
            elif not v.is_stop(w) and len(w) > 1:
                out.append(w.lower())
        for zh in self.glossary.mapped_terms(text):
            out.extend(t for t in self._jieba.lcut(zh) if not v.is_stop(t))
        return out

    def content_words(self, text: str) -> list[str]:
        """The words a question is about, as written (Chinese words and English words, stopwords, question words
        and the plan's city out): what evidence must account for. Cached: understand and evidence both ask."""
        return list(self._memo.once(("content", text), lambda: tuple(self._content_words(text))))

    @cached_property
    def _memo(self) -> _Memo:
        return _Memo()

    def _content_words(self, text: str) -> list[str]:
        v = vocab()
        out = []
        for w in WORD.findall(text):
            if CJK.match(w):
                for t in self._glued(self._jieba.lcut(w), v):
                    t = QUESTION_PREFIX.sub("", t) or t  # 哪些项目 → 项目
                    if t not in self.plan_text and len(t) >= 3 and t not in self.glossary.synonyms:  # 主要指标: a known word
                        # a word the plans do not have (项目个数): the plans' words inside it, if they cover it
                        inner = [x for x in self._jieba.cut_for_search(t) if x != t and len(x) >= 2
                                 and (x in self.plan_text or v.is_stop(x) or v.is_cue(x))]
                        covered = set("".join(inner))
                        parts = inner if covered >= set(t) else [t]
                        out += [x for x in parts if not v.is_stop(x) and not v.is_cue(x)]
                    elif (t not in self.plan_text and len(t) == 2 and (v.is_stop(t[1]) or v.is_stop(t[0]))
                          and t not in QUESTION_WORDS and t not in self.glossary.synonyms and not v.is_stop(t) and not v.is_cue(t)):
                        # 路修 (the road + to build): the word the plans know, without the light verb; a noun with a
                        # character the plans never write (氢能): the word, which they do not have
                        unwritten = any(ch not in self.plan_text and not v.is_stop(ch) for ch in t)
                        out += [t] if unwritten and self._dictionary_tag(t).startswith("n") else [
                            ch for ch in t if not v.is_stop(ch) and ch in self.plan_text]
                    elif t.strip() and not v.is_stop(t) and not v.is_cue(t):
                        out.append(t)
            elif "+" in w and w in self.plan_text:  # 8+1+1: a name the plans write in figures
                out.append(w)
            elif not w[0].isdigit() and not v.is_stop(w) and len(w) > 2:
                out.append(w.lower())
        return list(dict.fromkeys(out))

    def _glued(self, words: list[str], v) -> list[str]:
        """消费 + 券: a noun character the plans never write, after a word and making none with what follows (今 + 年收入
        makes 今年), is part of a word they do not have (消费券); a verb (蒙古人 + 去) is not."""
        out: list[str] = []
        for i, t in enumerate(words):
            after = words[i + 1][:1] if i + 1 < len(words) else ""
            if (len(t) == 1 and out and len(out[-1]) >= 2 and t not in self.plan_text and not v.is_stop(t)
                    and self._dictionary_tag(t).startswith("n")
                    and not v.is_stop(out[-1]) and not v.is_cue(out[-1]) and not (after and self.is_word(t + after))):
                out[-1] += t
            else:
                out.append(t)
        return out

    def focus_terms(self, text: str) -> list[str]:
        """What the question is about: its nouns (Chinese, POS-tagged with the plan's dictionary) and the
        plan terms its English words map to. Verbs, adverbs, numbers and question words are how it asks."""
        v = vocab()
        terms = [w.word for w in self._tagged(text) if w.flag in NOUN_TAGS and not v.is_stop(w.word)
                 and (CJK.match(w.word) or re.fullmatch(r"[A-Z]{2,6}", w.word))]  # and acronyms: GDP, CPI
        terms += self.glossary.mapped_terms(text)
        return list(dict.fromkeys(terms))

    def _tagged(self, text: str) -> tuple:
        # the tagger's HMM guesses unknown words; on a long run of them it is slow (seconds for 500 characters),
        # and a question that long is not asking about one name
        return self._memo.once(("tagged", text), lambda: tuple(self._pos.lcut(text, HMM=len(text) <= HMM_MAX)))

    def pos_tags(self, text: str) -> dict[str, str]:
        """Each word of `text` with its part-of-speech tag (proper nouns: nr/ns/nt/nz)."""
        return {w.word: w.flag for w in self._tagged(text)}

    @cached_property
    def _place_index(self) -> tuple[list[str], re.Pattern, re.Pattern]:
        """(the plans' longer terms holding a place's name and the documents' own places, one pattern for
        Chinese place names longest first, one for Latin ones): read once, a question is then scanned once."""
        v = vocab()
        cjk = sorted((n for n in v.places if CJK.search(n)), key=len, reverse=True)
        latin_names = sorted((n for n in v.places if not CJK.search(n)), key=len, reverse=True)
        holding = sorted({t for t in self.terms if len(t) >= 4 and any(n in t and n != t for n in cjk)}
                         | {n for n in self.doc_names if len(n) >= 2}, key=len, reverse=True)
        # 国家级, 国家五年规划: a level of government or the nation's period, not the place
        level = "|".join(map(re.escape, v.level_after))
        return (holding, re.compile("(?:" + "|".join(map(re.escape, cjk)) + ")" + (f"(?!{level})" if level else "")),
                re.compile(r"(?<![a-z])(" + "|".join(map(re.escape, latin_names)) + r")(?![a-z])"))

    def places(self, text: str) -> list[str]:
        """Places `text` names other than the plan's own city: canonical Chinese names (vocab/places.toml), and
        what the tokenizer tags as a place. A place inside a name of the plans' own (内蒙古自治区, the
        China-Mongolia Economic Cooperation Zone) or a loaded document's own place is not one."""
        return list(self._memo.once(("places", text), lambda: tuple(self._places(text))))

    def _places(self, text: str) -> list[str]:
        v = vocab()
        holding, cjk_rx, latin_rx = self._place_index
        bare = text
        for term in holding:
            if term in bare:
                bare = bare.replace(term, " ")
        found = [v.places[m.group(0)] for m in cjk_rx.finditer(bare)]  # leftmost, longest first: 内蒙古 not 蒙古
        bare = cjk_rx.sub(" ", bare)
        if re.search(r"[A-Za-z]{3,}", text):
            low = latin(text)
            for phrase in self.glossary.phrases(text):
                if " " in phrase and phrase not in v.places:
                    low = low.replace(phrase, " ")
            found += [v.places[m.group(1)] for m in latin_rx.finditer(low)]
        # the tagger's other places, when they look like one (jieba tags some common nouns ns: 长度)
        if re.search(r"[\u4e00-\u9fff]{2}(市|县|旗|盟|省|州|镇|乡|村|国|岛|港)", bare):
            found += [w.word for w in self._tagged(bare) if w.flag == "ns" and PLACE_SUFFIX.search(w.word)
                      and w.word.lower() not in v.home and "二连" not in w.word and w.word not in v.places]
        return list(dict.fromkeys(found))

    def place_names(self, canon: str) -> tuple[str, ...]:
        """Every name of a place, to look for it in a quote (全国 for 中国, 自治区 for 内蒙古, 京津冀 for 北京)."""
        v = vocab()
        names = tuple(n for n, c in v.places.items() if c == canon and CJK.search(n)) or (canon,)
        return names + tuple(r for r, members in v.regions.items() if canon in members)

    def specific(self, term: str) -> bool:
        """A word that names a particular thing of the plans (城市更新, 蒙府酒店), not one said all over them
        (投资, 建设, investment): a follow-up without one is about the previous answer."""
        if len(term) == 1 and CJK.match(term):  # 靠, 修: one character names nothing particular
            return False
        english = not CJK.search(term)  # the glossary's keys are English or pinyin
        forms = [term] + ((self.glossary.gloss(term.lower()) or []) if english else []) + self.glossary.synonyms.get(term, [])
        variant = self.glossary.variant(term) if english else None
        forms += (self.glossary.gloss(variant) or []) if variant else []
        counts = [self.plan_text.count(f) for f in forms if f]
        return any(0 < c <= SPECIFIC_MAX * max(len(self.docs), 1) for c in counts)

    def subject(self, text: str) -> str:
        """The words of `text` that name particular things of the plans, joined (智慧储能模组项目是哪家公司投资的 →
        智慧储能模组): what a later question that names nothing of its own (投资多少) is about."""
        return "".join(w for w in self.content_words(text) if self.specific(w))

    def names_particular(self, text: str) -> bool:
        """Whether `text` names something particular of the plans (not only 投资, 项目, 多少)."""
        return any(self.specific(w) for w in self.content_words(text))

    def known(self, term: str) -> bool:
        return (term in self.plan_text or (not CJK.search(term) and self.glossary.gloss(term.lower()) is not None)
                or term in self.glossary.synonyms
                or any(term in t for t in self.terms) or any(term in n for n in self.names))


def plan_terms(docs: tuple[ParsedDoc, ...]) -> list[str]:
    terms: list[str] = []
    for d in docs:
        terms += [m for m in re.findall(r"“([^”]{2,10})”", d.text)]
        # items of enumerations: 跨境电商、互市贸易等 (the first item has no left boundary, so it is skipped)
        terms += re.findall(r"(?<=、)([\u4e00-\u9fffA-Za-z]{2,6}?)(?=[、，。；]|等)", d.text)
    return [t for t in terms if 2 <= len(t) <= 12]
