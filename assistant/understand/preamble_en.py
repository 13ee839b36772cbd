"""Context around an English question: who asks and why (I'm calling from…, We are considering…), fillers,
asides and remarks after the question. What asks, requests, states a figure or reports a claim stays."""

from __future__ import annotations

import re

from assistant.understand.numerals import english_numerals
from assistant.vocab import vocab

# Figures asked for a document, then named after a colon (I need the two headline numbers for the bureau memo: GDP
# growth and …): the question is what the colon names.
EN_NEED = re.compile(r"^(?:i|we) (?:need|want|would like)(?: to know)? (?:the |a few |some )?(?:[\w-]+ ){0,3}"
                     r"(?:numbers?|figures?|targets?|data|rates?|indicators?)\b[^:?]{0,60}:\s*(?=\S)", re.I)
# Who asks or why, said after an English question (…herders? We sell consumer goods.): context, not a question
# (…? I heard something about 'new three kinds': what was heard names the thing asked, it stays).
EN_PURPOSE = re.compile(r"(?<=[?.!])\s+(we|i|our|my|i'm|we're|i am|we are|this is for)\b"
                        r"(?![^?]*(\b(heard|read|told|mentioned)\b|['\"‘“]))[^?]*$", re.I)
# …piped natural gas? tired of swapping gas cylinders lol: a remark after the question that asks nothing, claims no
# figure and says no one's words (heard, said): how the asker feels, not a second question
EN_REMARK = re.compile(r"(?<=\?)\s+(?![^?]*(\d|\b(heard|said|says|told|read|claims?|tell|give|list|name|enumerate|show|please|what|how|"
                       r"which|where|when|who|why|is|are|does|do|did|can|could|will|would|should|and|also|plus)\b))[^?]+$",
                       re.I)
# English speech and openers: fillers (um, uh) and who is asking (I'm writing a piece on Erenhot.), not what.
EN_FILLER = re.compile(r"\b(um+|uh+|erm|er|hmm+|ah)\b[,.]?\s*|^\s*(hello|hi|hey|yes|yeah|ok(ay)?|well|so)\b[,.!]?\s*", re.I)
EN_INTRO = re.compile(r"^\s*(?:(?:hello|hi|hey|yes)\W+)*(i'?m|i am|we'?re|we are|this is)\s+(calling|writing|working|"
                      r"doing|a |an |from |with |looking|researching|interested)[^.?!]*?(\.|,|(?=\s+(how|what|which|when|where|who|is|are|does|do|can)\b))\s*",
                      re.I)
EN_ABOUT = re.compile(r"\b(looking at|looking into|interested in|asking about|calling about|writing about|researching|"
                      r"working on)\s+(?P<topic>.+)$", re.I)
# Who asks, said before the question (Beijing manufacturer here. / Our company in Mongolia trade via border. /
# I call from X logistics company …): context, not a question.
EN_WHO = re.compile(r"^\s*(?=[^.?!:]*\b(here|asking|calling|company|firm|manufacturer|fund|investor|analyst|delegation|"
                    r"trader|exporter|importer)\b)(?![^.?!:]*\b(know|ask|target|how|what|which|plan|about)\b)"
                    r"[^.?!:]{3,80}[.:]\s+(?=\S)"
                    r"|^\s*(i|we) (call|am calling|are calling|'m calling|work|am|are|come) (from|with|at|for) [^.?!,]*?"
                    r"\b(company|firm|group|ltd|llc|corporation|factory|bank|fund|office|agency)\b[.,]?\s*", re.I)
# An aside about the caller after a dash (… 8% - our brochure needs a big number.): context, not a question.
EN_ASIDE = re.compile(r"\s+[-–—]+\s+(we|i|our|my|i'm|we're|they|the boss|our boss)\b(?![^.?!]*(\d|heard|said|told|read))"
                      r"[^.?!]*[.?!]?", re.I)
# "Tell me what the plan says" asks only for the plan's own figure: the question is what it is said of.
EN_FRAME = re.compile(r"\b(then |and )?(please )?(tell|show) me what the (plan|document|text) (actually |really )?"
                      r"(says|states|sets|gives)\s*[.?!]?\s*$", re.I)
# Sentences of context before a full English question (We are considering a warehouse near the port; our case
# depends on trade. What level does the plan set for …?): who asks and why, not what. A sentence that asks, requests,
# states a figure or reports a claim stays; so does all of it when the question points back (What is its target?).
EN_SENTENCE = re.compile(r"(?:[^.?!;]|(?<=\d)\.(?=\d))+[.?!;]*")  # 51.28 is one number, not two sentences
EN_KEEPS = re.compile(r"\b(tell|give|show|list|need|want|please|confirm|check|explain|heard|say|says|said|claims?|"
                      r"according|told|read|wrote)\b", re.I)
# …guests ask about hushi maoyi, the border residents' trade. What volume…?: what they ask about is the topic
EN_ASKED_ABOUT = re.compile(r"\b(ask|asks|asked|asking|curious|wondering|questions?)\b[^.?!]{0,12}\babout\b|"
                            r"\binterested in\b", re.I)
EN_POINTER = re.compile(r"\b(it|its|they|them|their|these|those|such|(this|that)(?!\s+(year|plan|document|city)))\b", re.I)
FULL_QUESTION_WORDS = 7
# a bare noun named again (will the street be renovated): the head alone, before a verb or the end, not a phrase of
# its own (the cross-border e-commerce logistics network)
DEFINITE = re.compile(r"\b(?:the|that|this)\s+([a-z]{3,})(?=\s+(?:be|is|are|was|were|will|has|have|get|gets|being)\b|"
                      r"\s*[?.,!]|\s*$)", re.I)


def without_context(text: str) -> str:
    found = [m for m in EN_SENTENCE.finditer(text) if m.group(0).strip()]
    if len(found) < 2 or not found[-1].group(0).strip().endswith("?"):
        return text
    question = found[-1].group(0).strip()
    # "it" after the question names the plan (does the plan… and does it say…) points at the plan, not the context
    plan_named = re.search(r"\b(plan|document)\b", question, re.I)
    pointers = [m for m in EN_POINTER.finditer(question)
                if not (plan_named and m.start() > plan_named.start() and m.group(0).lower() in ("it", "its"))]
    if len(question.split()) < FULL_QUESTION_WORDS or pointers:
        return text
    # an instruction or a claim of authority stays too (wherever its match runs), for intent.py to remove and note
    v = vocab()
    spans = [m.span() for rx in (*v.injection, *v.pressure) for m in rx.finditer(text) if m.group(0).strip()]
    # …on Tumed street. Will the street be renovated?: "the street" is the one the context named
    again = {w.lower() for w in DEFINITE.findall(question) if w.lower() not in v.en_stop}
    kept = [x.group(0).strip() for x in found[:-1]
            if x.group(0).strip().endswith("?") or EN_KEEPS.search(x.group(0)) or re.search(r"\d", x.group(0))
            or EN_ASKED_ABOUT.search(x.group(0)) or any(re.search(rf"\b{w}\b", x.group(0), re.I) for w in again)
            or any(a < x.end() and b > x.start() for a, b in spans)]
    return " ".join(kept + [question])


# Clauses of a formal English question that say why it is asked (…, since our client is a retailer; For the purposes
# of a report we are preparing, …; …, which our client regards as a site for a plant, …): who asks and why, not what.
# A clause is one when it opens with a reason or purpose and speaks of the asker; a leading one (Given the importance
# of trade to the local economy, …) is one too when what follows is a whole question of its own. A clause that gives
# a figure, quotes, or reports what was heard or read stays: it is a claim to check.
EN_CLAUSE = re.compile(r"[^,;:?!]+[,;:?!]*")
# …the asker's own work said as such (In assessing the backdrop for a proposed investment, …): about the asker however
# it is worded
OWN_WORK = (r"(?:in|when|while) (?:assessing|evaluating|considering|reviewing|preparing|analy[sz]ing|weighing|examining|"
            r"appraising)")
EN_REASON = re.compile(r"^\s*(since|as(?!\s+(for|to|regards|well|part|of|much|many|high|low|large|big|fast))|"
                       r"given( that)?|bearing in mind( that)?|because|for the purposes? of|"
                       r"for (our|my) (own )?[\w-]+(\s+on|\s+about)?|in view of|considering( that)?|in light of|"
                       rf"so that|{OWN_WORK})\b", re.I)
EN_OWN_WORK = re.compile(rf"^\s*{OWN_WORK}\b", re.I)
# …, which our client regards as a site, …: a relative clause, after the question only
EN_RELATIVE = re.compile(r"^\s*(which|who)\b", re.I)
# …what asks, before a closing relative clause (Could you confirm X, which bears on Y?); without it, the which-clause is
# the question itself (For the last of those, which cluster…?)
EN_ASKS = re.compile(r"\b(what|how|which|when|where|who|confirm|tell|give|list|is|are|does|do|could|can|would|please)\b",
                     re.I)
EN_ASKER = re.compile(r"\b(we|our|us|i|my|me|client|clients|report|memo|brief|article|study|chapter)\b", re.I)
EN_CLAIM = re.compile(r"\d|[\"‘“”]|(?<![A-Za-z])['’]|['’](?![A-Za-z])|\b(heard|read|told|said|says|claims?|according|advice|advise|opinion|"
                      r"recommend\w*|suggest\w*|think)\b", re.I)  # …, or asks for advice: kept, for intent to see
EN_BACK = re.compile(r"\b(it|its|they|them|their|these|those)\b", re.I)  # words that could point into a dropped clause
# A request framed politely (We would be grateful if you could indicate…, We would like to know…): the request is
# what follows.
EN_POLITE = re.compile(r"^\s*(we|i)\s*(would|'d)\s+(be (grateful|obliged)|appreciate it|like to (know|confirm|check|verify|"
                       r"understand|ask)|like you to)"
                       r"(\s+if you (could|would))?\s*", re.I)


# The government as the one who expects or plans (the rate at which the municipal government expects GDP to grow):
# the plan's author, said for the plan, not a body asked about.
EN_AUTHOR = re.compile(r"\b(the )?(municipal |city |local |erenhot )?(government|authorities|administration)"
                       r"(?=\s+(expects?|plans?|intends?|aims?|wants?|hopes?|sets?|envisages?|targets?|projects?|"
                       r"foresees?|will|is planning|is aiming|is targeting)\b)", re.I)


# …, together with the exact wording the plan uses / including how firmly that target is formulated: the plan's own
# framing, which every answer gives with its figure; not a second thing asked
EN_WORDING = re.compile(r",?\s*\b(together with|along with|including|and also|as well as|and)\s+"
                        r"(?:(?:the|its|their)\s+)?(?:(?:exact|precise|actual|original|very)\s+)?"
                        r"(?:(?:wording|phrasing|formulation|framing|language|words)\b[^?.!,]*"
                        r"|how (?:firmly|exactly|precisely|strongly) (?:it|that|this|the)?[^?.!,]*?"
                        r"\b(?:formulated|worded|phrased|framed|stated|expressed)"
                        r"|whether (?:it|that|this|the (?:target|figure)) is (?:expressed|stated|framed|given|set|formulated|"
                        r"worded)\b[^?.!]*)(?=\s*[?.!]|\s*$)", re.I)


def without_reasons(text: str) -> str:
    """The question without the clauses that say why it is asked (see EN_REASON)."""
    clauses = [m.group(0) for m in EN_CLAUSE.finditer(text) if m.group(0).strip()]
    if len(clauses) < 2:
        return EN_POLITE.sub("", text) or text
    kept = []
    for i, c in enumerate(clauses):
        reason = (EN_REASON.match(c) or (i and EN_RELATIVE.match(c))) and not EN_CLAIM.search(c)
        rest = " ".join(clauses[i + 1:])
        closing = (i == len(clauses) - 1 and EN_RELATIVE.match(c) and clauses[i - 1].rstrip().endswith(",")
                   and EN_ASKS.search(" ".join(clauses[:i])))
        if reason and (EN_ASKER.search(c) or EN_OWN_WORK.match(c) or closing
                       or (i == 0 and len(rest.split()) >= FULL_QUESTION_WORDS and not _points_back(rest))):
            # (…, which bears on the city's capacity to honour commitments?: a closing relative clause says why it
            # matters, whoever it names)
            if kept and c.rstrip()[-1:] in "?!." and kept[-1].rstrip()[-1:] == ",":
                kept[-1] = kept[-1].rstrip()[:-1] + c.rstrip()[-1]  # …, since we…? keeps its question mark
            continue
        kept.append(c)
    out = " ".join(k.strip() for k in kept).strip()
    out = EN_POLITE.sub("", out) or out
    return out if len(out.split()) >= 3 else text


def _points_back(rest: str) -> bool:
    """Whether what follows a leading clause points into it (it, they, that application) rather than at its own
    words (the target …, how firmly that target is formulated)."""
    if EN_BACK.search(rest):
        return True
    return any(m.group(2).lower() not in rest[:m.start()].lower()
               for m in re.finditer(r"\b(this|that|these|those)\s+([a-z]{3,})", rest, re.I)
               if m.group(2).lower() not in ("year", "plan", "document", "city", "is", "the", "a"))


IN_PERCENT_AFTER = re.compile(r"\?\s*(?:like |as |in |maybe )?(?:a |the )?(?:%|percent(?:age)?|pct)\s*[?.]?\s*$", re.I)


def english_preamble(text: str) -> str:
    """The English question without its openers, fillers, purpose and asides; spoken numbers as digits."""
    for rx, written in vocab().english_short:  # yr → year, w/ → with: as texted, read as written
        text = rx.sub(written, text)
    text = english_numerals(text)
    # …? like a % / as a percentage: the unit asked, said after the question (not a filler and an aside)
    text = IN_PERCENT_AFTER.sub(" as a percentage?", text)
    for _ in range(3):
        text = EN_FILLER.sub(" ", text).strip()
    if m := EN_INTRO.match(text):  # …, but what they are looking at is the topic (the bidding wind project)
        about = EN_ABOUT.search(m.group(0))
        text = (about.group("topic").strip(" ,.") + " " if about else "") + text[m.end():] or text
    if m := EN_NEED.match(text):
        text = "What is the " + text[m.end():]
    text = EN_PURPOSE.sub("", text) or text
    text = EN_REMARK.sub("", text) or text
    if ((m := EN_WHO.match(text)) and not re.search(r"\d", m.group(0))  # a figure said is the topic, kept
            and len(text[m.end():].split()) >= 5):
        text = text[m.end():]
    text = EN_ASIDE.sub(" ", text).strip() or text
    text = EN_AUTHOR.sub("the plan", without_reasons(text))
    text = EN_WORDING.sub("", text).strip() or text
    return EN_FRAME.sub(" ", text).strip(" .") or text
