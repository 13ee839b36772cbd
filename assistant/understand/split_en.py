"""split, English: one question per coordinated subject (the GDP growth target and the rural income growth
target; three numbers please: A, B, and C)."""

from __future__ import annotations

import re

from assistant.lexical import Lexicon
from assistant.vocab import vocab

JOINED = "\u2060and\u2060"  # "and" inside one glossary term, held apart from the coordinating "and"
EN_AND = re.compile(r",?\s+(?:and|as well as|\+|&)\s+(?:(?:also|for|of|the|on|by|in|at|like|um|uh|what|how much|how many|what is|"
                    r"what are)\s+)*",  # (…and like how much money: a spoken filler after "and")
                    re.I)
EN_REPEAT = re.compile(r",\s+(?:and\s+)?(the (?:[a-z-]+ ){1,2}(?:for|of) )", re.I)
EN_SECOND_FRAME = re.compile(r",\s+and\s+(the (?:number|amount|target|size|value|growth|share|length|area|capacity|"
                             r"scale|count|total) (?:for|of) )", re.I)
EN_COLON_LIST = re.compile(r"^(?P<lead>[^:?]{0,40}\b(two|three|four|five|six|\d|a few|several|these|the following)\b[^:?]{0,12}"
                           r"\b(numbers|figures|targets|data|items|things)\b[^:?]{0,20}"
                           r"|\s*(please\s+)?(give|list|tell|provide|send|show|state)( me| us)?( please)?):\s*"
                           r"(?P<items>[^:]+,[^:]+)$", re.I)
# A, B and C: what are the three growth targets? (the items first, then what is asked of each)
EN_LIST_THEN_ASK = re.compile(r"^(?P<items>[^:?]+,[^:?]+):\s*(what|which|how much|how many)\b[^:?]*?\b(two|three|four|five|\d|"
                              r"these|both|all)\s+(?P<noun>[a-z][a-z -]{2,30}?)s?\s*[?.]*$", re.I)
# …issued, and by whom? / …, and where?: a second question of a wh-word alone, about what the first names
# …issued and by which government?: a wh-word with its noun
EN_WH_TAIL = re.compile(r",?\s+and\s+(?P<wh>by whom|by who|who|whom|where|when|on what date|in which year|"
                        r"(?:by|from|in|at|under|through) (?:which|what) [a-z]+(?: [a-z]+)?)\s*[?.!]*\s*$", re.I)
EN_ITEMS = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=the\b)", re.I)
PERIOD_AFTER = re.compile(r"\s*(this |the |that )?(year|\d{4}|period)\s*[,;]?\s*", re.I)
EN_VERB = re.compile(r"\b(is|are|was|were|does|do|did|will|would|can|could|should|has|have|rank|ranks|plan|plans|want|need)\b", re.I)


def english(text: str, lexicon: Lexicon) -> list[str]:
    """The parts of an English question (or the question itself)."""
    # a glossary term with "and" inside (combined heat and power) is one noun, not two subjects
    held = text
    # …unless the question says it distributes (urban and rural income targets, both): then they are two
    both = vocab().cue["distributive"].search(text)
    for term in (t for t in lexicon.glossary.phrases(text) if re.search(r"\band\b", t) and not both):
        held = re.sub(re.escape(term).replace(r"\ and\ ", r"\s+and\s+"),
                      lambda m: re.sub(r"\s+and\s+", JOINED, m.group(0)), held, flags=re.I)
    return [p.replace(JOINED, " and ") for p in _split(held)]


def _split(text: str) -> list[str]:
    # three numbers please: A, B, and C — the items after a colon, each a question
    if (m := EN_COLON_LIST.match(text)) and len(items := [x for x in EN_ITEMS.split(m.group("items").strip(" ?.")) if x]) > 1:
        return [f"What is {x.strip()}?" for x in items]
    if (m := EN_LIST_THEN_ASK.match(text)) and len(items := [x for x in EN_ITEMS.split(m.group("items").strip(" ?.")) if x]) > 1:
        return [f"What is the {m.group('noun').strip()} of {x.strip()}?" for x in items]
    # the target for A, the target for B: a frame said again after a comma starts a second question
    for rep in EN_REPEAT.finditer(text):
        frame = rep.group(1)
        first = text.lower().find(frame.lower())
        if 0 <= first < rep.start():
            return [text[:rep.start()].strip() + "?", (text[:first] + text[rep.start(1):]).strip()]
    # the target for A, and the number of B: a second frame after ", and" starts a second question
    if (two := EN_SECOND_FRAME.search(text)) and re.search(r"\b(the|a) [a-z-]+ (for|of)\b", text[:two.start()], re.I):
        first = text[:two.start()].strip()
        return [first.rstrip("?") + "?", "What is " + text[two.start(1):].strip()]
    if (wh := EN_WH_TAIL.search(text)) and len(head := text[:wh.start()].split()) >= 3:
        said = re.sub(r"^\s*(who|what|which|where|when|how (much|many))\b\s*", "", " ".join(head), flags=re.I)
        return [" ".join(head).rstrip(" ,") + "?", f"{wh.group('wh')} {said.strip(' ,?')}?"]
    m = EN_AND.search(text)
    cue = vocab().cue
    order = cue["order"].match(text)  # Specify the date of … and the session …
    if m and order and re.search(r"\bthe\s*$", m.group(0), re.I) and not re.search(r"\b(what|how|which)\b", m.group(0), re.I):
        # Specify the date of the notice and the session that approved it: two things ordered, each a question
        return [text[:m.start()].strip() + ".", f"{order.group(0).strip()} the {text[m.end():].strip()}"]
    if not m or not (vocab().cue["distributive"].search(text) or cue["figure"].search(text) or cue["figure_word"].search(text)):
        return [text]
    head, tail = text[:m.start()], text[m.end():]
    if re.search(r"\b(how|what|which)\b", m.group(0), re.I):  # …and how much X: a second question
        second = re.sub(r"^,?\s*and\s+((like|um|uh)\s+)*", "", m.group(0).strip(" ,"), flags=re.I) + " " + tail
        v = vocab()
        own = [w for w in re.findall(r"[A-Za-z]+", second) if not v.is_stop(w) and not v.is_cue(w.lower())]
        if len(second.split()) <= 4 and not own:  # …, and on what date?: of what the first part names (not …and
            # how many wells: a subject of its own)
            said = re.sub(r"^\s*(who|what|which|where|how (much|many))\b\s*", "", head, flags=re.I)
            second = f"{second.rstrip(' ?')}: {said.strip(' ,')}?"
        return [head.rstrip(" ,") + "?", second]
    # the left subject starts after the question phrase or the last framing word (for / of / both / the …)
    qword = re.match(r"\s*((?:how (?:many|much|long|large|big)|what (?:is|are|was|were) the|what.s the|which|what)\s+)", head,
                     re.I)
    lm = None
    # the nearest framing word to "and" wins: under the sand-control and wind-solar project is one noun
    # (…value for the year, and …: a period said after the subject frames nothing)
    for x in re.finditer(r"(?:\b(?:both|for|of|about|on|are|is|me|give me|tell me|show me|under|in|from|with|to|by|at|"
                         r"between|among|within|into)|[:：])\s+(?:the\s+)?",
                         head, re.I):
        if not PERIOD_AFTER.fullmatch(head[x.end():]):
            lm = x
    # GDP growth and retail sales growth targets?: a question that opens on its subject starts it at once
    bare = not (lm or qword) and not EN_VERB.search(head) and len(head.split()) <= 5
    if not (lm or qword or bare):  # where the subject starts is unknown (…rank among the banners and cities): one question
        return [text]
    cut = lm.end() if lm else qword.end() if qword else 0
    prefix, left = head[:cut], head[cut:]
    # rural and pastoral residents: adjectives of one noun, not two questions; but "for GDP and for …" repeats
    # its preposition, and an acronym (GDP) is a noun
    repeated = re.search(r"\band\s+(for|of)\b", m.group(0), re.I)
    both = bool(vocab().cue["distributive"].search(text))
    if len(left.split()) < 2 and not (repeated or both or re.fullmatch(r"[A-Z]{2,6}s?", left.strip())):
        return [text]
    right = re.sub(r"^(for|of|the)\s+", "", tail, flags=re.I)
    # the right subject ends where the shared rest begins (…, are to be built / in 2026? / growth target?)
    # (…of the station, said once after the second, when the first names no "of" of its own: the power and storage
    # capacity of the station; not after "and for" / "and of", which opens the right one on its own: for GDP and for
    # total retail sales of consumer goods)
    of = "|of" if not re.search(r"\bof\b", left, re.I) and not repeated else ""
    rm = re.search(rf"\s+(in|for|this|next|during|by|under|according|are|is|will|does|do{of})\b|[,?.!]", right)
    right_subject, rest = (right[:rm.start()], right[rm.start():]) if rm else (right, "")
    if both and len(left.split()) == 1 and len(right_subject.split()) > 1:
        # urban and rural income growth target both: adjectives each of the noun said once after the second
        right_subject = re.sub(r"\s+(both|each|respectively)$", "", right_subject.strip(), flags=re.I)
        if " " in right_subject:
            left = f"{left.strip()} {right_subject.split(' ', 1)[1]}"
    prefix = re.sub(r"\bboth\s+", "", prefix, flags=re.I)
    # A, B, and C: the items before the last "and" are parted by commas (each of two words or more, so that
    # "in 2026, GDP" is not two subjects)
    lefts = [x.strip() for x in re.split(r",\s+", left) if x.strip()]
    if len(lefts) < 2 or any(len(x.split()) < 2 for x in lefts):
        lefts = [left]
    parts = [f"{prefix}{x}{rest}".strip() for x in lefts] + [f"{prefix}{right_subject}{rest}".strip()]
    if bare and (noun := re.search(r"\b(targets?|goals?|figures?)\W*$", text, re.I)):
        # …growth targets?: the noun said once at the end is each subject's
        parts = [p if noun.group(1).lower() in p.lower() else f"{p.rstrip(' ?')} {noun.group(1)}?" for p in parts]
    return parts
