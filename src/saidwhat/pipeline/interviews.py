"""saidwhat.pipeline.interviews: answers in interview layouts are direct quotations.

A Q&A section is a run of paragraphs that each open with a turn label and a colon:
``Q:``/``A:`` (or ``Q.``/``A.``), ``Question:``/``Answer:``, or a speaker label, a name
or initials the article gives a person (``Jane Wu:``, ``JW:``, a surname in capitals as
transcripts print it, ``WU:``), possibly in bold markdown (``**Jane Wu:**``). Each answer turn is a direct quotation (content: the turn's text
after the label, flag ``interview``, no cue) of the interviewee; the interviewer's
turns (``Q:``, or the label whose turns are questions) are not quotations, though the
other stages still find reported speech inside them.

Conservative: a section needs at least two labelled turns in a row by at least two
different labels, and a question among them or a label that speaks twice (a headline's
"Storm Kestrel: ..." over a dateline's "Aberystwyth: ..." is none); a name label must be a person or organisation the article names,
initials must match one person's ("Teodora Vasquez (TV)", or the first letters of
the name); ``A:`` turns go to the most salient person named before the section. An
ordinary "Update: ..." or "Note: ..." line, or an event listing ("When: ...",
"Where: ..."), is untouched.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .context import DocContext
from .entities import ArticleEntities, Entity, normalize_name
from .lexicons import REPORTING_VERBS_V1
from .quote_detector import Candidate
from .speaker_detector import Mention

_NAME_WORD = r"[A-Z][\w.'’-]*"
_TURN = re.compile(
    r"[ \t]*(?P<b1>\*\*|__)?(?P<label>Q|A|Question|Answer|[A-Z]{2,4}|"
    rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,3}})(?P<b2>\*\*|__)?[ \t]*(?::|(?<=\bQ)\.|(?<=\bA)\.)"
    r"[ \t]*(?P<b3>\*\*|__)?[ \t]*(?=\S)")   # "Q." and "A." as newspapers print them, else a colon
_ROLES = {"q": "Q", "question": "Q", "a": "A", "answer": "A"}
#: Unlabelled paragraphs between two turns continue the earlier turn (a long answer).
_MAX_GAP = 3
#: How far before a Q&A section its interviewee is looked for, in characters (about the
#: article's introduction); set by hand, not measured.
INTERVIEWEE_WINDOW_CHARS = 3000
#: Verbs whose subject is the interviewer, not the interviewee ("Greg Nolan interviewed ...").
_INTERVIEWER_VERBS = frozenset(["interview", "ask", "visit", "meet", "question"])


@dataclass
class _Turn:
    label: str            # "Q", "A", or the label as written
    label_start: int
    label_end: int
    start: int            # text after the label
    end: int
    entity: Entity | None = None


#: Labels in capitals that open paragraphs of news and name no speaker.
_NOT_SPEAKERS = frozenset("""UPDATE UPDATED NOTE EDITOR CORRECTION CLARIFICATION WATCH LISTEN
PHOTOS VIDEO BREAKING LIVE WHERE WHEN WHAT WHERE WHY TICKETS PRICE SOURCE SOURCES RELATED
WARNING DISCLAIMER""".split())


def _initials(name: str) -> set[str]:
    words = name.split()
    out = {"".join(w[0] for w in words if w[:1].isupper())}
    out.add("".join(p[0] for w in words for p in w.split("-") if p[:1].isupper()))
    return out


def _label_entity(ctx: DocContext, index: ArticleEntities, label: str, pos: int) -> Entity | None:
    """The person (or organisation) a speaker label names, or None."""
    text = ctx.text
    if label.isupper() and 2 <= len(label) <= 4:   # initials: "(TV)" after a name, or the name's letters
        for m in re.finditer(rf"\(\s*{label}\s*\)", text[:pos]):
            ent = next((x for x in ctx.ents if x.label_ == "PERSON" and 0 <= m.start() - x.end_char <= 2), None)
            if ent is not None:
                return index.get_at(ent.text, ent.start_char)
        found = {id(e): e for e in index.unique() if e.type == "PERSON" and " " in e.name
                 and label in _initials(e.name)}
        if len(found) == 1:
            return next(iter(found.values()))
        if found or len(label) < 3:
            return None   # initials that fit two people name nobody
    if label.isupper() and len(label) >= 3 and label.isalpha():
        # "WHITFIELD:", "LUND:", as transcripts print a surname: the one person of that name
        found = {id(e): e for e in index.unique() if e.type == "PERSON"
                 and (e.name.casefold() == label.casefold() or e.name.split()[-1].casefold() == label.casefold())}
        return next(iter(found.values())) if len(found) == 1 else None
    norm = normalize_name(label)
    if not norm or (norm not in index.entities and norm not in index.alias
                    and index.fuller_form(norm) is None):
        return None   # (a surname label of a person named in full counts: "Okafor-Lindgren:")
    e = index.get_at(label, pos)
    return e if e.type in ("PERSON", "ORG") else None


def _interviewee(ctx: DocContext, index: ArticleEntities, pos: int, exclude: set[int]) -> Entity | None:
    """The person the article introduces before ``pos``: the PERSON named most often
    (subjects weigh more) before the section, not one that does the interviewing."""
    score: Counter = Counter()
    first: dict[int, int] = {}
    ents: dict[int, Entity] = {}
    for p, e in index.before(pos, window=INTERVIEWEE_WINDOW_CHARS):
        if e.type != "PERSON" or id(e) in exclude:
            continue
        tok = ctx.token_at(p)
        if tok is not None and tok.dep_ in ("nsubj",) and tok.head.lemma_ in _INTERVIEWER_VERBS:
            continue
        ents[id(e)] = e
        score[id(e)] += 1
        first[id(e)] = p
    if not score:
        return None
    best = max(score, key=lambda k: (score[k], -first[k]))
    return ents[best]


def _is_question(text: str) -> bool:
    return text.rstrip(" \t\n*_\"”’)").endswith("?")


def _narration(ctx: DocContext, ps: int, pe: int) -> bool:
    """True if the unlabelled paragraph [ps, pe) is the reporter's, not more of an answer:
    it holds a reporting verb outside quotation marks whose subject is no first- or
    second-person pronoun ("In a statement, the regulator said it was reviewing the
    payment")."""
    for t in ctx.tokens_in(ps, pe):
        if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS_V1 and not ctx.token_quoted(t) \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("i", "we", "you") for c in t.children):
            return True
    return False


def interview_candidates(ctx: DocContext, index: ArticleEntities) -> list[Candidate]:
    """Direct quotations of the answer turns of every Q&A section (see module doc)."""
    text = ctx.text
    paras = ctx.paragraphs()
    labelled: list[_Turn | None] = []
    # surnames in capitals that open two or more paragraphs: a broadcast transcript's
    # speaker labels ("GREENE:", "LUND:" in NPR's transcripts), even when NER finds no
    # person of that name (the host is introduced only as "DAVID GREENE, HOST:")
    turns = [_TURN.match(text, ps, pe) for ps, pe in paras]
    caps = Counter(m.group("label") for m in turns if m is not None
                   and m.group("label").isupper() and len(m.group("label")) >= 3
                   and m.group("label").isalpha() and m.group("label") not in _NOT_SPEAKERS)
    for (ps, pe), m in zip(paras, turns):
        if m is None or ctx.skipped(ps) or ctx.quoted(ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())):
            labelled.append(None)
            continue
        if (m.group("b1") is None) != (m.group("b2") is None and m.group("b3") is None):
            labelled.append(None)   # "**Jane Wu:" with no closing bold
            continue
        raw = m.group("label")
        role = _ROLES.get(raw.lower())
        t = _Turn(role or raw, m.start("label"), m.end("label"), m.end(), pe)
        if role is None:
            t.entity = _label_entity(ctx, index, raw, m.start("label"))
            if t.entity is None and caps[raw] >= 2 and not any(
                    raw in _initials(e.name) for e in index.unique() if e.type == "PERSON" and " " in e.name):
                # (initials that fit two people name nobody: no speaker is made of them)
                t.entity = index.get(raw.title(), "PERSON")
            if t.entity is None:
                labelled.append(None)
                continue
            t.label = t.entity.name   # "Gillespie:" and "Tom Gillespie:" are one speaker's turns
        labelled.append(t)
    # runs of turns; a few unlabelled paragraphs between turns continue the turn before
    blocks: list[list[_Turn]] = []
    cur: list[_Turn] = []
    gap: list[tuple[int, int]] = []
    for (ps, pe), t in zip(paras, labelled):
        if t is None:
            if cur:
                gap.append((ps, pe))
                if len(gap) > _MAX_GAP:
                    blocks.append(cur)
                    cur, gap = [], []
            continue
        cont = []
        for g in gap:   # an answer goes on until a paragraph of narration ("the regulator said ...")
            if _narration(ctx, *g):
                break
            cont.append(g)
        if cur and cont:
            cur[-1].end = cont[-1][1]
        gap = []
        cur.append(t)
    if cur:
        blocks.append(cur)
    out: list[Candidate] = []
    for block in blocks:
        labels = {t.label for t in block}
        if len(block) < 2 or len(labels) < 2:
            continue
        if not labels & {"Q", "A"} and len(labels) == len(block) and not any(
                _is_question(text[t.start:t.end]) for t in block):
            # each label once and no one asks: a headline's "Storm Kestrel: ..." and a
            # dateline's "Aberystwyth: ...", not a conversation
            continue
        # the interviewer: "Q", or a name label whose turns are mostly questions (unless all are)
        asks: dict[str, list[bool]] = {}
        for t in block:
            asks.setdefault(t.label, []).append(_is_question(text[t.start:t.end]))
        named = labels - {"Q", "A"}
        questioner = {lab for lab in named if 2 * sum(asks[lab]) >= len(asks[lab])}
        if questioner == named and "A" not in labels:
            questioner = set()   # everyone asks: a conversation, each turn is speech
        questioner.add("Q")
        interviewer_ids = {id(t.entity) for t in block if t.label in questioner and t.entity is not None}
        answerer = None
        if "A" in labels:
            answerer = _interviewee(ctx, index, block[0].label_start, interviewer_ids)
        for t in block:
            if t.label in questioner:
                continue
            e = answerer if t.label == "A" else t.entity
            if e is None or e.type != "PERSON" and t.label == "A":
                continue
            s, end = t.start, t.end
            while end > s and text[end - 1].isspace():
                end -= 1
            if end <= s:
                continue
            if t.label == "A":   # the article's introduction of the interviewee
                p = min((q for q in e.positions if q < block[0].label_start), default=None)
                if p is None:
                    continue
                ent = next((x for x in ctx.ents if x.start_char == p), None)
                tok = ctx.token_at(p)
                ms, me = p, ent.end_char if ent is not None else (tok.idx + len(tok.text) if tok else p)
            else:
                ms, me = t.label_start, t.label_end
            mention = Mention(ms, me, text[ms:me], ctx.token_at(ms), name=e.name, kind="name",
                              ent_label=e.type)
            out.append(Candidate(s, end, "direct", ctx.marked_in(s, end), None, None, mention, None,
                                 flags=["interview"], how="interview", frame=(t.label_start, t.label_end)))
    return out
