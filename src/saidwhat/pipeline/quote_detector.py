"""saidwhat.pipeline.quote_detector: find quotation candidates and their syntactic attribution.

Reads the :class:`DocContext` (marks, parse). Produces :class:`Candidate` records:

* indirect and mixed quotations: a reporting verb's clausal complement
  (``ccomp``), the clause before an inverted ``..., he said``, and
  ``according to X, ...``; a complement holding marked text is ``mixed``;
* direct quotations: marked spans, attributed by the cue in the text around the
  marks (the "frame": the same sentence outside the marks, before or after), by
  a colon lead-in on the line before (``And from board chair Helen Okafor:``), or
  by a dash after the quote (``” — Utilities Commissioner Rafael Oduya``).

Marked spans of fewer than ``min_words`` words, and title-cased ones, are kept
only when a cue attributes them (scare quotes, titles and nicknames are not
speech; GGT drops quotes under 4 words, textacy skips title-cased content).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from .context import DATELINE, DocContext
from .cue_detector import cue_extent, find_channel, is_cue, light_verb_noun
from .lexicons import ACCOUNT_NOUNS_V1, CHANNEL_NOUNS_V1, HYPHENS, PLATFORMS_V1
from .marks import MarkedSpan
from .speaker_detector import SUBJ_DEPS, Mention, find_subject, mention_from_head, reporters_continuation

_DASHES = ("—", "–", "-", "--", "―")
_FINITE = ("VBD", "VBZ", "VBP", "MD")


@dataclass
class Candidate:
    """A quotation before speaker resolution. Offsets are character indices, end exclusive."""

    start: int
    end: int
    type: str
    marked: list[MarkedSpan] = field(default_factory=list)
    cue: tuple[int, int] | None = None
    cue_tok: Token | None = None
    mention: Mention | None = None
    channel: str | None = None
    flags: list[str] = field(default_factory=list)
    how: str = ""
    frame: tuple[int, int] | None = None   # chars of the attribution text, if any


_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-" + _INVISIBLE):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.—–-" + _INVISIBLE):
        e -= 1
    return s, e


def _after_dateline(ctx: DocContext, s: int) -> int:
    """``s`` moved past a dateline that opens its paragraph (the content of "OTTAWA —
    The plan will cost $2 billion, the minister said" starts at "The"; of "Patna: Four
    people were killed, police said" at "Four", unless NER finds a person or body there)."""
    ps, _ = ctx.paragraph_bounds(s)
    if ctx.text[ps:s].strip():
        return s
    m = DATELINE.match(ctx.text, s)
    if m:
        return m.end()
    m = _PLACE_COLON.match(ctx.text, s)
    if m and not any(e.label_ not in ("GPE", "LOC") and e.start_char < m.end(1) and s < e.end_char
                     for e in ctx.ents):
        return m.end()   # "Patna: Four people were killed ...": Indian papers' dateline
    return s


def mention_past_dateline(ctx: DocContext, m: Mention) -> None:
    """Cut a wire dateline (:data:`DATELINE`) that opens the paragraph out of a speaker
    mention and its role, in place ("WASHINGTON (Reuters) - Federal Reserve Chair Jerome
    Powell" is "Federal Reserve Chair Jerome Powell"; "LONDON, Jan 5 - British Prime
    Minister Keir Dalton" has the role "British Prime Minister")."""
    ps, _ = ctx.paragraph_bounds(m.start)
    d = DATELINE.match(ctx.text, ps)
    if d is None or not m.start < d.end() < m.end:
        return
    cut = d.end()
    if m.role and ctx.text.startswith(m.role, m.start):
        m.role = ctx.text[cut:m.start + len(m.role)].strip(" ,") or None
    m.start, m.text = cut, ctx.text[cut:m.end]


#: A place and a colon opening a paragraph ("Patna: ", "New Delhi: "), the dateline of
#: Indian English papers (The Times of India, Hindustan Times style).
_PLACE_COLON = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}): +")


def _words(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------------------------
# indirect / mixed
# ---------------------------------------------------------------------------------
def _content_from_tokens(ctx: DocContext, toks: list[Token], anchor: Token | None = None
                         ) -> tuple[int, int] | None:
    """Character span of a content clause: within the anchor's paragraph, widened to
    whole marked quotes it cuts into, trimmed of edge punctuation."""
    if anchor is not None:
        ps, pe = ctx.paragraph_bounds(anchor.idx)
        toks = [t for t in toks if ps <= t.idx < pe and not t.is_space]
    if not toks:
        return None
    s = toks[0].idx
    # a hyphenated word the parser split over several clauses ("re-evaluated") is whole
    doc, j = toks[-1].doc, toks[-1].i
    while j + 1 < len(doc) and not doc[j].whitespace_ and (doc[j + 1].text in HYPHENS or doc[j].text in HYPHENS) \
            and not doc[j + 1].is_space and doc[j + 1].text not in "“”\"'":
        j += 1
    e = doc[j].idx + len(doc[j])
    # a clause that ends inside a marked quote runs to the end of that quote
    m = ctx.marked_at(e)
    if m is not None:
        e = m.outer_end
    m = ctx.marked_at(s)
    if m is not None:
        s = m.outer_start
    s, e = _trim(ctx.text, _after_dateline(ctx, s), e)
    return (s, e) if e > s else None


def _classify_content(ctx: DocContext, s: int, e: int) -> tuple[str, list[MarkedSpan]] | None:
    """'indirect' or 'mixed' with the marked spans inside, or None when the content
    is itself a direct quote (only marks, 'that' and punctuation outside them)."""
    inside = ctx.marked_in(s, e + 1)
    if not inside:
        return "indirect", []
    outside = []
    pos = s
    for m in inside:
        outside.append(ctx.text[pos:m.outer_start])
        pos = m.outer_end
    outside.append(ctx.text[pos:e])
    words = [w for w in " ".join(outside).split() if w.strip(".,;:!?—–-" + _INVISIBLE).lower() not in ("", "that")]
    if not words:
        return None
    return "mixed", inside


#: Participles that open the frame of an attribution, not its content ("Asked about the
#: appeal, Pryce said ...", "Speaking to reporters, ..."): the situation of the speech.
_FRAME_PARTICIPLES = frozenset("""asked pressed questioned quizzed challenged reached contacted
interviewed speaking responding replying writing talking addressing""".split())


def _frame_participle(ctx: DocContext, s: int) -> bool:
    """True if the text from ``s`` opens with a frame participle (:data:`_FRAME_PARTICIPLES`)
    the parser tagged as one (VBN/VBG)."""
    toks = ctx.tokens_in(s, s + 20)
    return bool(toks) and toks[0].lower_ in _FRAME_PARTICIPLES and toks[0].tag_ in ("VBN", "VBG")


def _subject_hung_on_channel(comp: Token, v: Token) -> list[Token]:
    """The start of a reported clause the parser hung on the channel noun: in "said in a
    statement that renters who believed a rule had been broken could file a complaint",
    "that renters ... broken" becomes a clause of "statement" and "could file a
    complaint" the complement, with no subject. Returns the tokens after "that" up to
    the complement (to put before it), or [] when the complement has a subject of its
    own or the tokens between are not that one clause."""
    if comp.i < v.i or any(c.dep_ in SUBJ_DEPS or c.dep_ == "expl" for c in comp.children):
        return []
    doc = comp.doc
    lo = comp.left_edge.i
    mark, rel = None, None
    for t in doc[v.i + 1:lo]:
        if t.lower_ != "that" or t.dep_ not in ("mark", "det", "nsubj"):
            continue   # (or its subject: "in a report that cuts to the budget had forced ...",
            #            "cuts" read as the verb of a relative clause)
        # the clause hung on the channel noun: the head of "that" as a complementiser,
        # or, where the parser read "that" as a determiner ("call that order intake in
        # the fourth quarter had dropped"), the relative clause its noun sits in
        rel = next((a for a in [t.head, *t.head.ancestors] if a.dep_ in ("acl", "relcl") and a.i < lo), None)
        if rel is not None:
            mark = t
            break
    if mark is None or mark.i + 1 >= lo:
        return []
    between = set(range(mark.i + 1, lo))
    if not between <= {t.i for t in rel.subtree}:
        return []
    return [doc[i] for i in sorted(between)]


def _predicate_of_previous(comp: Token, prev: Token | None) -> bool:
    """True for a complement with no subject of its own right after another complement
    of the same cue: the parser split one clause, reading its subject's participle
    ("data recovered from the phone") as a clause and its verb ("showed ...") as a
    second one."""
    if prev is None or comp.i <= prev.i or comp.left_edge.i != prev.right_edge.i + 1 \
            or any(c.dep_ in SUBJ_DEPS or c.dep_ == "expl" for c in comp.children) or comp.tag_ not in _FINITE:
        return False
    before = comp.doc[comp.left_edge.i - 1]
    # not "... mishandled the investigation and Democrats accused the GOP ...", "... and
    # one in four said ...": a noun coordinated at the end of the first clause is the
    # second clause's own subject (and a reporting verb there reports on its own)
    return not (before.dep_ == "conj" and before.pos_ not in ("VERB", "AUX")) and not is_cue(comp)


def _relative_continuation(comp: Token) -> bool:
    """True for a clause whose subject opens with a relative word ("most of which were
    already scheduled to retire", "which they denied"): a relative clause on the content
    before it, not a second reported clause."""
    subj = next((c for c in comp.children if c.dep_ in SUBJ_DEPS), None)
    if subj is None:
        return False
    first = subj.left_edge
    return first.tag_ in ("WDT", "WP", "WP$") or any(t.tag_ in ("WDT", "WP") and t.dep_ == "pobj"
                                                     for t in subj.subtree)


def _past_leading_time(ctx: DocContext, s: int, e: int) -> int:
    """Start reported content after the time of the report that the parser put into it:
    "said Tuesday the strike would go on", "said on Thursday it would cut prices" give
    "the strike ...", "it would ..." (the day is when it was said, news style: AP, "Time
    element"). Not a possessive day ("said Tuesday's vote was rigged") or a content
    that would be left without a word."""
    toks = ctx.tokens_in(s, e)
    k = 1 if toks and toks[0].lower_ in ("on", "at", "late", "early") else 0
    n = k
    while n < len(toks) and toks[n].ent_type_ in ("DATE", "TIME"):
        n += 1
    if n == k or n >= len(toks) - 1 or toks[n].tag_ == "POS" or toks[n - 1].tag_ == "POS":
        return s
    if toks[n].text == ",":
        n += 1
    return toks[n].idx if n < len(toks) and toks[n].pos_ in ("DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM", "SCONJ") else s


def _subject_hung_on_cue(comp: Token, v: Token) -> list[Token]:
    """The start of a reported clause the parser hung on the cue itself: in "warned that
    rivers further north, including the Tweed, could still rise", "that" becomes the
    cue's object, "rivers" and the set-off phrase the cue's modifiers, and "could still
    rise" the complement, with no subject ("said soil samples taken near the creek had
    returned positive results" likewise, without "that"). Returns the tokens from the cue
    up to the complement (to put before it), or [] when the complement has a subject of
    its own, a finite verb or a quotation mark lies between, or the cue takes an
    addressee and no "that" follows it ("told reporters ...")."""
    doc = comp.doc
    lo = comp.left_edge.i
    if comp.i < v.i or lo <= v.i + 1 or any(c.dep_ in SUBJ_DEPS or c.dep_ == "expl" for c in comp.children):
        return []
    if doc[v.i + 1].lower_ != "that" and v.lemma_.lower() in _ADDRESSEE_CUES:
        return []   # "told reporters ...": the object is the addressee, not the clause's subject
    between = doc[v.i + 1:lo]
    first = between[1] if between[0].lower_ == "that" and len(between) > 1 else between[0]
    if any(t.tag_ in _FINITE or t.is_sent_start or t.is_quote for t in between) \
            or first.pos_ == "ADP" or first.ent_type_ in ("DATE", "TIME") or not any(t.pos_ in ("NOUN", "PROPN", "PRON") and t.lower_ != "that" for t in between):
        return []   # (not "said Tuesday the strike ...", "said on Thursday it would ...": a time, not a subject)
    return list(between)


#: Conjunctions of a contrasting clause after a comma, which may carry an attribution of
#: its own ("…, though Amira Khan insists …", "…, while Fiorina's letters called him …").
_CONTRAST_MARKS = frozenset("though although while whereas".split())


def _own_attribution(c: Token, v: Token) -> bool:
    """True for a speech verb with a named subject and a complement of its own that the
    parser joined to a reported clause or made a second complement of the cue ("The
    mayor said a shelter had been set up, and the American Red Cross said more than 70
    people stayed there"): a second attribution, no part of the first one's content (it
    is found as its own)."""
    doc = c.doc
    if c.dep_ == "advcl" and c.i > v.i and is_cue(c, indirect=True) \
            and any(x.dep_ == "mark" and x.lower_ in _CONTRAST_MARKS and doc[x.i - 1].text == ","
                    for x in c.children) \
            and any(x.dep_ == "nsubj" and x.pos_ in ("PROPN", "NOUN") for x in c.children) \
            and any(x.dep_ == "ccomp" for x in c.children):
        return True   # "said the deposit had been returned, though Amira Khan insists it never arrived"
    return c.dep_ in ("conj", "ccomp") and c.i > v.i and c.lemma_.lower() in ("say", "tell", "add", "report") \
        and any(x.dep_ == "nsubj" and x.pos_ in ("PROPN", "NOUN") for x in c.children) \
        and any(x.dep_ == "ccomp" for x in c.children) \
        and c.left_edge.i >= 2 and doc[c.left_edge.i - 1].lower_ in ("and", "but") \
        and doc[c.left_edge.i - 2].text == ","   # (", and Y said": not "reported that Klein said")


def indirect_candidates(ctx: DocContext) -> list[Candidate]:
    """Reported speech: reporting verbs with a clausal complement, and 'according to'."""
    out: list[Candidate] = []
    text = ctx.text
    for v in ctx.doc:
        naming = v.pos_ == "VERB" and v.lemma_.lower() in _NAMING_INDIRECT
        if ctx.token_quoted(v) or not (naming or is_cue(v, indirect=True)):
            continue
        if v.lower_ == "according":
            out.extend(_according_to(ctx, v))
            continue
        if any(c.dep_ in ("auxpass", "neg") for c in v.children) or (
                v.dep_ == "conj" and any(c.dep_ == "auxpass" for c in v.head.children)
                and not any(c.dep_ == "nsubj" for c in v.children)):
            continue   # passives ("it is said", "was diagnosed and told") and denials ("won't say"),
            # not a cue with a subject of its own ("The trail is wooded, and the ranger said ...")
        subj = _subject(ctx, v)
        if subj is None or ctx.token_quoted(subj) or subj.lower_ in ("there",):
            continue
        if ctx.skipped(v.idx):
            continue
        spans = []
        last_comp = None
        for comp in v.children if not naming else ():
            if comp.dep_ == "ccomp" and spans and spans[-1] is not None and (
                    _relative_continuation(comp) or _predicate_of_previous(comp, last_comp)):
                # "said the agency expected 15 plants to close, most of which were already
                # scheduled to retire": a relative clause the parser made a second
                # complement continues the content before it; so does the verb of a
                # subject the parser read as a clause of its own ("told the court that data
                # recovered from the phone showed he had been ...")
                more = _content_from_tokens(ctx, list(comp.subtree), v)
                if more is not None:
                    spans[-1] = (spans[-1][0], max(spans[-1][1], more[1]))
                continue
            if comp.dep_ == "ccomp" and _own_attribution(comp, v):
                if spans and spans[-1] is not None:   # the first content ends before ", and"
                    s0, e0 = spans[-1]
                    cut = comp.left_edge.idx
                    while cut > s0 and (text[cut - 1].isspace() or text[cut - 1] == ","):
                        cut -= 1
                    if text[s0:cut].endswith(" and") or text[s0:cut].endswith(" but"):
                        cut -= 4
                    spans[-1] = _trim(text, s0, min(e0, cut))
                continue
            if comp.dep_ == "ccomp":
                last_comp = comp
                toks = [t for t in comp.subtree if t.i != v.i]
                toks = _drop_fronted_relative(toks, subj, v)
                toks = _subject_hung_on_channel(comp, v) + toks
                toks = _subject_hung_on_cue(comp, v) + toks
                cont = next((c for c in comp.children if reporters_continuation(c) or _own_attribution(c, v)), None)
                if cont is not None:
                    # "said the offer was an insult and warned that ...": the reporter's
                    # next statement is no part of this one
                    cut = max([c.i for c in comp.children if c.dep_ == "cc" and c.i < cont.i],
                              default=cont.left_edge.i)
                    toks = [t for t in toks if t.i < cut]
                if toks and toks[-1].i < v.i and not _inverted_ok(ctx, toks, subj, v):
                    continue
                spans.append(_content_from_tokens(ctx, toks, v))
        if not spans and not naming and (v.lemma_.lower() in _ADDRESSEE_CUES or light_verb_noun(v) is not None):
            # "reminded the jury that the burden of proof lay ...": the parser hangs the
            # that-clause on the addressee as a clause of its own (acl with the
            # complementiser "that", not a relative pronoun); it is the reported content
            for d in v.children:
                if d.dep_ in ("dobj", "dative") and d.i > v.i:
                    for c in d.children:
                        if c.dep_ in ("acl", "relcl") and c.i > d.i and any(
                                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                            spans.append(_content_from_tokens(ctx, list(c.subtree), v))
        if not spans and not naming:
            rel = _content_hung_on_channel(v)
            if rel is not None:
                spans.append(_content_from_tokens(ctx, list(rel.subtree), v))
        if not spans and v.dep_ in ("parataxis", "ccomp", "advcl") and v.head.i < v.i \
                and v.head.pos_ in ("VERB", "AUX") and subj.i > v.head.i:
            # inverted: "<content>, he said." / "<content>, said the minister."
            head = v.head
            left = min(subj.left_edge.i, v.i)
            toks = [t for t in head.subtree if t.i < left]
            if toks and _inverted_ok(ctx, toks, subj, v):
                spans.append(_content_from_tokens(ctx, toks, v))
        if naming:
            spans = [_naming_content(ctx, v)]
        if not spans:
            spans.append(_object_complement(ctx, v) or _advice_content(ctx, v))
            spans = [sp for sp in spans if sp]
        paren = _parenthetical(ctx, v, subj) if not naming else []
        pieces = False
        if paren and (not spans or all(sp is not None and sp[0] > v.idx for sp in spans)):
            spans = paren   # "But while some couples collapse, Rutledge said, for others, it can ...": both sides
            pieces = len(paren) == 2
        if not spans and v.lemma_.lower() in _SAY_LIKE:
            spans.append(_loose_content(ctx, v))
        for sp in spans:
            if sp is None:
                continue
            s, e = _cut_at_participle(ctx, *sp)
            if sp[0] > v.idx:
                s = _past_leading_time(ctx, s, e)
            if pieces:   # one piece of a sentence the cue splits ("Police, she says, have no ..."):
                # GGT keeps even a one-word piece; the clause is the two pieces together
                if s <= subj.idx < e or not _is_clause(ctx, spans[0][0], spans[1][1], v) \
                        or text[s:e].lower().startswith("according to") \
                        or _adjunct_only(ctx, s, e, fronted=e <= v.idx):
                    continue   # (not "..., he said, according to the complaint")
            elif _words(text[s:e]) < (2 if naming else 3) or s <= subj.idx < e or not _is_clause(ctx, s, e, v):
                continue
            elif e <= v.idx and _frame_participle(ctx, s):
                continue   # "Asked about the appeal turned down in the first half, Pryce said ...": the frame
            kind = _classify_content(ctx, s, e)
            if kind is None or (kind[0] == "mixed" and e <= v.idx and _lead_in_only(ctx, s, e, kind[1])):
                continue   # a direct quote (the marked path attributes it), not reported speech
            typ, inside = kind
            cs, ce = cue_extent(v)
            lo, hi = ctx.paragraph_bounds(v.idx)
            mention = mention_from_head(subj, lo, hi)
            out.append(Candidate(s, e, typ, inside, (cs, ce), v, mention,
                                 find_channel(v, lo, hi), how="indirect"))
    out.extend(_inverted_by_surface(ctx, out))
    return _drop_nested(out)


#: Verbs of a true relative clause on a channel noun: what is done with a document or a
#: message ("in a statement that was posted on its website", "in a letter that the
#: ministry sent"), set by hand; any other verb after "in a release that" heads the
#: reported clause the parser misread as a relative one.
_DOCUMENT_VERBS = frozenset("""
publish post send issue release obtain see sign file write share circulate distribute make give
deliver read receive leak draft submit tweet upload broadcast air record accompany include
contain cite quote run appear be have follow precede address mark
""".split())


def _content_hung_on_channel(v: Token) -> Token | None:
    """The reported clause the parser made a relative clause of the channel noun: "The
    ministry confirmed in a release that the school would close" (``that`` read as the
    object of "close"). The clause must follow the noun at once with "that", have a
    subject of its own, and its verb must be none done with documents
    (:data:`_DOCUMENT_VERBS`); None otherwise."""
    for prep in v.children:
        if prep.dep_ != "prep" or prep.i < v.i or prep.lower_ not in ("in", "on", "via", "during", "at"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.lemma_.lower() not in CHANNEL_NOUNS_V1:
                continue
            for rel in pobj.children:
                if rel.dep_ in ("relcl", "acl") and rel.i > pobj.i and rel.left_edge.i == pobj.i + 1 \
                        and rel.left_edge.lower_ == "that" and rel.lemma_.lower() not in _DOCUMENT_VERBS \
                        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in rel.children):
                    return rel
    return None


def _inverted_by_surface(ctx: DocContext, taken: list[Candidate]) -> list[Candidate]:
    """Inverted reported speech the parser split up: "<clause>, NAME CUE." or
    "<clause>, CUE NAME." closing a sentence ("The ferry sails at noon, Varga writes.",
    ", argued the harbour master."), where the name is parsed as an object or the
    clause as a separate sentence. The content runs from the sentence start to the
    comma; the speaker is the noun phrase next to the cue. GGT counts these as indirect
    quotes, also in a heading line with no full stop ("She hasn't made up her mind, she
    says")."""
    doc, text = ctx.doc, ctx.text
    out = []
    for v in doc:
        if not is_cue(v, indirect=True) or v.lower_ == "according" or ctx.token_quoted(v) or ctx.skipped(v.idx) \
                or any(c.dep_ in ("neg", "auxpass") for c in v.children) or v.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        frame = _surface_frame(ctx, v)
        if frame is None:
            continue
        comma, np = frame
        ps, pe = ctx.paragraph_bounds(v.idx)
        s, e = _trim(text, _after_dateline(ctx, max(ps, ctx.sentence_start_before(comma.idx - 1))), comma.idx)
        if _words(text[s:e]) < 3 or any(c.start < e and s < c.end for c in taken) or ctx.quoted(s):
            continue
        if not any(_clause_verb(t, v) for t in ctx.tokens_in(s, e)) or _frame_participle(ctx, s):
            continue   # (not "Asked whether the dispute had become personal, Lanning laughed.": the question put)
        kind = _classify_content(ctx, s, e)
        if kind is None:
            continue
        head = next((t for t in np if not (np[0].i <= t.head.i <= np[-1].i) or t.head.i == t.i), np[-1])
        out.append(Candidate(s, e, kind[0], kind[1], cue_extent(v), v, mention_from_head(head, ps, pe),
                             find_channel(v, ps, pe), how="indirect"))
    return out


#: Tokens after an inverted cue before its sentence must end ("…, Varga writes in a
#: statement posted on Facebook on Sunday."): a frame's tail is at most 10 tokens
#: without its prepositional phrases, which news keeps to a few; 40 bounds the scan.
SURFACE_TAIL_MAX = 40
# Token windows of the attribution frames: set by hand when each rule was written, not
# measured (a news attribution is short: "…, Deputy Energy Minister Olena Tarasenko said").
FRAME_TAIL_MAX_TOKENS = 10     # the tail above; also the speaker after ", argued ..." and a bare cue's tail
SURFACE_SPEAKER_MAX_TOKENS = 10   # ", NAME CUE.": tokens between the comma and the cue
SINGLE_MARK_PARAGRAPH_MIN_WORDS = 9   # a paragraph in single marks: US section-head pull quotes run to 8 words (PolNeAR train)
AFTER_CUE_MAX_WORDS = 25       # after a quotation, the cue is looked for within this many words
AFTER_CUE_NEAR_WORDS = 12      # a cue further than this needs a bare attribution sentence
BEFORE_CUE_MAX_TOKENS = 14     # before a quotation, at most this many tokens between cue and marks


#: What may end an inverted attribution's clause: a sentence's end, or a semicolon or a
#: dash before the next clause ("The quotas are unfair, he says; the farmers ...", British
#: feature style).
_SURFACE_ENDS = frozenset((".", "!", "?", ";", "–", "—"))


def _surface_frame(ctx: DocContext, v: Token, *, tail_preps: bool = False) -> tuple[Token, list[Token]] | None:
    """(comma, speaker tokens) of ", NAME CUE." or ", CUE NAME." around ``v``, the cue
    ending its sentence or its line (a short tail with no verb may follow: "said
    Saturday"; with ``tail_preps`` also the cue's prepositional phrases, "said in a
    statement on Facebook")."""
    doc = ctx.doc
    end = v.i + 1
    limit = min(len(doc), v.i + 1 + SURFACE_TAIL_MAX)   # bounded: unpunctuated text stays linear
    while end < limit and doc[end].text not in _SURFACE_ENDS and not ctx.breaks_paragraph(doc[end]):
        end += 1
    if end < len(doc) and doc[end].text not in _SURFACE_ENDS and not ctx.breaks_paragraph(doc[end]):
        return None
    after = list(doc[v.i + 1:end])
    if tail_preps:
        preps = {t.i for c in v.children if c.dep_ == "prep" and c.i > v.i for t in c.subtree}
        after = [t for t in after if t.i not in preps and not t.is_space]
    k = v.i - 1
    while k >= 0 and doc[k].text != "," and v.i - k <= SURFACE_SPEAKER_MAX_TOKENS:
        k -= 1
    if k < 0 or doc[k].text != ",":
        return None
    before = [t for t in doc[k + 1:v.i] if not t.is_punct]   # a closing mark the tokenizer kept: ''
    nouny = ("PROPN", "NOUN", "PRON")
    if before and len(after) <= 3 and before[-1].pos_ in nouny \
            and all((t.pos_ in nouny + ("DET", "ADJ", "NUM", "PART") or t.lower_ in ("for", "of") and k > 0)
                    and not ctx.token_quoted(t) for k, t in enumerate(before)) \
            and not any(t.pos_ in ("VERB", "AUX") or t.lower_ in _NOT_CONTENT or (
                t.dep_ in ("dobj", "dative", "attr", "acomp", "oprd") and v.lemma_.lower() != "tell") for t in after):
        return doc[k], before   # ", Varga writes.", ", officials said Monday.", ", he told me." (not "said enough")
    if not before and after and len(after) <= FRAME_TAIL_MAX_TOKENS and after[0].pos_ in ("PROPN", "NOUN", "DET", "ADJ") \
            and not any(t.pos_ in ("VERB", "AUX") or ctx.token_quoted(t) or t.text == "," for t in after) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i for c in v.children):
        # ", argued the harbour master." (not "Manuel Roe, who ..., admitted lapses.": the
        # cue has its subject before the comma, and what follows is its object)
        return doc[k], after
    return None


_RELATIVE = frozenset("what that which who whom".split())


def _drop_fronted_relative(toks: list[Token], subj: Token, v: Token) -> list[Token]:
    """The complement of a cue inside a relative clause, without the relative pronoun
    fronted before the speaker: "drains that the engineer said were never cleaned",
    "what the union said was a lack of heating" give "were never cleaned", "was a lack
    of heating" (GGT README: members "complained about what they said was a lack of
    transparency" is counted). Otherwise the span would hold the speaker and be dropped."""
    before = [t for t in toks if t.i < v.i]
    if len(before) == 1 and before[0].lower_ in _RELATIVE and before[0].i < subj.i \
            and before[0].tag_ in ("WP", "WDT", "DT", "IN"):
        return [t for t in toks if t.i > v.i]
    return toks


_NOT_CONTENT = frozenset("something anything nothing everything it this that so yes no little much a lot "
                         "goodbye hello thanks sorry enough".split())
#: Cues whose content may follow without 'that' even when the parser misses the clause.
_SAY_LIKE = frozenset("say tell add claim argue insist note explain warn admit acknowledge "
                      "suggest state testify".split())


#: Naming cues whose content is the name or description given, not a clause: "what he
#: calls the UN's taking away of free speech", "described his attempt as a carjacking"
#: (GGT counts these; its guidelines list "called" among the reporting verbs).
_NAMING_INDIRECT = frozenset("call describe characterize characterise label brand dub term".split())


#: Longest object a naming cue may put between itself and the marked name it gives
#: ("called the mix of rising freight costs and labour shortages “a perfect storm”"), in words.
NAMED_OBJECT_MAX_WORDS = 15


def _object_named(v: Token, gap: str) -> bool:
    """True if the text between a naming cue and a marked phrase is the object being
    named, with "as" after it for "describe ... as": the cue has a direct object, and the
    gap holds no clause break and at most :data:`NAMED_OBJECT_MAX_WORDS` words."""
    words = gap.split()
    if not words or len(words) > NAMED_OBJECT_MAX_WORDS or any(ch in gap for ch in ".;:!?\n"):
        return False
    if not any(c.dep_ == "dobj" and c.i > v.i for c in v.children):
        return False
    return v.lemma_.lower() == "call" or words[-1].lower() == "as"


def _naming_content(ctx: DocContext, v: Token) -> tuple[int, int] | None:
    """The description a naming cue gives: its object predicate ("calls it a rookie
    mistake", "who he calls a good ball-striker, a great kid and someone who ...") or the
    object of its "as" ("describes himself as the most left-leaning Green")."""
    doc = ctx.doc
    if any(c.dep_ == "prep" and c.lower_ in ("for", "on", "off", "in", "up") and c.i == v.i + 1 for c in v.children):
        return None   # "called for calm", "called on the council"
    oprd = [c for c in v.children if c.dep_ == "oprd" and c.i > v.i]
    if oprd and not any(c.dep_ == "dobj" for c in v.children):
        return None   # naming needs an object and its predicate: not "called the fire brigade"
    if oprd:
        lo = min(c.left_edge.i for c in oprd)
        hi = max(c.right_edge.i for c in v.children if c.i >= lo and c.dep_ in ("oprd", "conj", "cc", "prep")
                 and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
        toks = list(doc[lo:hi + 1])
    else:
        stop = next((c.i for c in v.children if c.i > v.i and (c.dep_ == "cc" or
                                                               (c.dep_ == "conj" and c.pos_ == "VERB"))), len(doc))
        as_ = next((t for t in v.subtree if v.i < t.i < stop and t.lower_ == "as" and t.dep_ == "prep"), None)
        pobj = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
        if pobj is None and as_ is not None:
            # an adjective after "as" ("describes her as fiercely private"): the parser
            # hangs it on "as" as a modifier, not an object
            pobj = next((c for c in as_.children if c.i > as_.i and c.pos_ == "ADJ"
                         and c.dep_ in ("amod", "acomp", "advmod", "pcomp", "dep")), None)
        if pobj is None:
            return None
        toks = list(pobj.subtree)
    toks = [t for t in toks if not t.is_space]
    if not toks or any(ctx.token_quoted(t) for t in toks[:1]):
        return None
    return _content_from_tokens(ctx, toks, v)


def _lead_in_only(ctx: DocContext, s: int, e: int, inside: list[MarkedSpan]) -> bool:
    """True when the words outside the marks of "<words> “...,” she said" are only a
    lead-in, not reported content: a dateline ("LONDON (Reuters) -"), a conjunction or
    an adverb ("And", "Still,"), with nothing but punctuation after the marks."""
    if not inside or ctx.text[inside[-1].outer_end:e].strip(" ,.;:!?—–-\n"):
        return False
    lead = [t for t in ctx.tokens_in(s, inside[0].outer_start) if not t.is_space]
    return all(t.pos_ in ("PROPN", "PUNCT", "CCONJ", "ADV", "INTJ", "NUM", "X", "SYM") for t in lead)


def _cut_at_participle(ctx: DocContext, s: int, e: int) -> tuple[int, int]:
    """End reported content before a participial cue of its own: "the message is that
    his party needs renewal, noting that it did increase its share" gives "the message
    ... needs renewal" here and "that it did increase its share" to "noting" (GGT and
    PolNeAR annotate them as two attributions). Likewise before "in what he called
    “...”" inside reported content: GGT annotates the content and the named phrase as two
    quotations, the phrase with the naming verb as its cue. And before "and he said ..."
    when the parser hung that second cue on the content: each cue has its own record. And
    after a cue with its own speaker that opens a marked quote ("he heard students shout,
    “...”"): GGT gives the marked words to that speaker as a quotation of their own."""
    for t in ctx.tokens_in(s, e):
        if t.tag_ == "VBG" and t.idx > s and t.i > 0 and ctx.doc[t.i - 1].text == "," \
                and not ctx.token_quoted(t) and is_cue(t, indirect=True) \
                and any(c.dep_ in ("ccomp", "dobj") for c in t.children):
            return _trim(ctx.text, s, ctx.doc[t.i - 1].idx)
        # a coordinated cue of the same speaker: 'said “...,” and added: “...”'
        if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and t.idx > s and not ctx.token_quoted(t) \
                and is_cue(t) and not any(c.dep_ in SUBJ_DEPS for c in t.children) \
                and not (t.tag_ == "VBZ" and t.head.head.tag_ == "VBD") \
                and t.i > 1 and ctx.doc[t.i - 1].lower_ == "and" and ctx.doc[t.i - 2].text in (",", "”", "\""):
            return _trim(ctx.text, s, ctx.doc[t.i - 1].idx)
        # a coordinated cue with a subject of its own: 'said the vote sent a message and he said ...'
        if t.dep_ == "conj" and t.idx > s and not ctx.token_quoted(t) and is_cue(t, indirect=True):
            subj = next((c for c in t.children if c.dep_ in ("nsubj",) and c.i < t.i), None)
            cc = ctx.doc[subj.left_edge.i - 1] if subj is not None and subj.left_edge.i > 0 else None
            if cc is not None and cc.pos_ == "CCONJ" and cc.idx > s and any(
                    c.dep_ == "ccomp" for c in t.children):
                return _trim(ctx.text, s, cc.idx)
        # a cue with its own speaker opening a marked quote: 'said he heard students shout, “...”'
        if t.idx > s and t.pos_ == "VERB" and not ctx.token_quoted(t) and is_cue(t) \
                and any(c.dep_ in SUBJ_DEPS and c.i < t.i and c.idx >= s for c in t.children) \
                and not any(c.dep_ == "mark" for c in t.children):   # not 'if he is now saying, “...”'
            k = t.i + 1
            while k < len(ctx.doc) and ctx.doc[k].text in (",", ":"):
                k += 1
            m = ctx.marked_at(ctx.doc[k].idx + 1) if k < len(ctx.doc) and k > t.i + 1 else None
            if m is not None and m.open_pos == ctx.doc[k].idx and m.open_pos < e:
                return _trim(ctx.text, s, t.idx + len(t))
        # a naming cue of its own before a marked phrase: 'he said he wept in what he called “...”'
        if t.lemma_.lower() in _NAMING_CUES and t.idx > s and t.i + 1 < len(ctx.doc) \
                and ctx.quoted(ctx.doc[t.i + 1].idx) and not ctx.token_quoted(t):
            what = next((x for x in ctx.doc[max(t.i - 4, 0):t.i] if x.lower_ == "what"), None)
            if what is not None and what.idx > s and any(c.dep_ in SUBJ_DEPS and c.i > what.i for c in t.children):
                k = what.i
                while k > 0 and ctx.doc[k - 1].pos_ == "ADP" and ctx.doc[k - 1].idx > s:
                    k -= 1
                return _trim(ctx.text, s, ctx.doc[k].idx)
    return s, e


def _is_clause(ctx: DocContext, s: int, e: int, v: Token) -> bool:
    """Reported content is a clause: it holds a finite verb, or is a 'to' infinitive of an
    object-complement cue; not "according to the complaint" or "his voice breaking"."""
    toks = ctx.tokens_in(s, e)
    if toks and toks[0].lower_ == "according":
        return False
    if v.lemma_.lower() in _OBJECT_CUES or v.lemma_.lower() in _NAMING_INDIRECT:
        return True
    if v.lemma_.lower() in _ADVICE_CUES and any(t.tag_ == "TO" and t.head.tag_ == "VB" for t in toks[:3]):
        return True   # "(advised hikers) never to camp by the river"
    return any(_clause_verb(t, v) for t in toks) or any(ctx.quoted(t.idx) for t in toks)


def _clause_verb(t: Token, v: Token) -> bool:
    """A token that makes reported content of cue ``v`` a clause: a finite verb, or one the
    tagger or parser misread (:func:`_verb_read_as_noun`, :func:`_bare_verb_after_object`)."""
    return t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX") or _verb_read_as_noun(t, v) \
        or _bare_verb_after_object(t, v) or _present_read_as_base(t, v)


def _present_read_as_base(t: Token, v: Token) -> bool:
    """A present-tense verb the tagger read as a base form (VB for VBP, the same word
    in English) heading the cue's complement clause with a subject of its own: "told
    HuffPost Canada the laws around renovating a unit favour the owner". A say-verb
    takes no bare-infinitive small clause, so a subject makes it finite."""
    return t.tag_ == "VB" and t.dep_ == "ccomp" and t.head.i == v.i and v.lemma_.lower() in _SAY_LIKE \
        and any(c.dep_ == "nsubj" for c in t.children) and not any(c.tag_ in ("TO", "MD") for c in t.children)


def _bare_verb_after_object(t: Token, v: Token) -> bool:
    """A present-tense verb the parser made an object-control complement of a say-verb
    ("She says around 400 children a week use it": ``use`` VB, xcomp of ``says``); say
    takes no object plus bare infinitive, so it is the content's own verb."""
    return t.dep_ == "xcomp" and t.head.i == v.i and t.tag_ == "VB" and v.lemma_.lower() in _SAY_LIKE \
        and not any(c.tag_ == "TO" for c in t.children) and any(c.dep_ == "dobj" and c.i < t.i for c in v.children)


def _verb_read_as_noun(t: Token, v: Token) -> bool:
    """A present-tense verb the tagger read as a plural noun with its subject as a compound:
    "The ferry sails at noon, Varga said" (``ferry`` compound of ``sails`` NNS), heading the
    content (hung on the cue ``v`` as a clause, or the root of its own sentence) and with a
    phrase of its own after it ("at noon")."""
    return t.tag_ == "NNS" and (t.head.i == v.i and t.dep_ in ("ccomp", "dep") or t.head.i == t.i) and any(
        c.dep_ == "compound" and c.tag_ in ("NN", "NNP") and c.i == t.i - 1 for c in t.children) \
        and any(c.i > t.i and c.dep_ in ("prep", "dobj", "npadvmod") for c in t.children)


def _loose_content(ctx: DocContext, v: Token) -> tuple[int, int] | None:
    """Content for a cue the parser gave no clausal complement: a 'that' clause
    attached lower down ("told NBC's show on Wednesday that ..."), or the rest of
    the sentence when it holds a finite verb ("Garland said unemployment ... have")."""
    sent_end = v.i
    doc = ctx.doc
    while sent_end + 1 < len(doc) and not doc[sent_end + 1].is_sent_start \
            and doc[sent_end + 1].text not in (".", "!", "?") and not ctx.breaks_paragraph(doc[sent_end + 1]):
        sent_end += 1
    rest = doc[v.i + 1:sent_end + 1]
    if not len(rest) or any(ctx.token_quoted(t) for t in rest[:1]):
        return None
    for t in rest:
        if t.dep_ == "mark" and t.lower_ == "that" and t.head.pos_ in ("VERB", "AUX") and t.head.i > t.i:
            toks = [x for x in t.head.subtree if x.i >= t.i]
            return _content_from_tokens(ctx, toks, v)
    if any(c.dep_ == "dobj" and c.lower_ in _NOT_CONTENT for c in v.children):
        return None   # "said something to ...", "said it"
    if v.lemma_.lower() == "add":
        return None   # "the Kospi added 0.4 per cent": only a 'that' clause is speech
    first = rest[0]
    if v.lemma_.lower() == "tell" and first.pos_ in ("PRON", "PROPN", "NOUN"):
        recipient = next((c for c in v.children if c.dep_ in ("dative", "dobj") and c.i >= first.i), first)
        rest = doc[recipient.right_edge.i + 1:sent_end + 1]   # "told HuffPost Canada the laws ..."
        first = rest[0] if len(rest) else None
    if first is None or first.pos_ not in ("DET", "NOUN", "PRON", "PROPN", "ADJ", "NUM") and not (
            first.dep_ == "advmod" and first.head.pos_ == "NUM"):   # "around 400 children"
        return None
    # a bare verb the parser made the cue's xcomp after an object is the content's verb
    # read as non-finite ("She says around 400 children a week use it": say takes no
    # object plus bare infinitive)
    if any(_clause_verb(t, v) for t in rest) and len(rest) >= 4:
        return _content_from_tokens(ctx, list(rest), v)
    return None


#: Cues whose content is an object plus a complement: "accused Amnesty of handing Moscow a
#: victory", "urged voters to stay home" (PolNeAR and GGT count these as attributions).
_OBJECT_CUES = {"accuse": ("of",), "blame": ("for",), "urge": (), "implore": ()}


def _object_complement(ctx: DocContext, v: Token) -> tuple[int, int] | None:
    """Content of an object-complement cue: from the object to the end of its
    'of'/'for' phrase or 'to' infinitive."""
    lemma = v.lemma_.lower()
    if lemma not in _OBJECT_CUES:
        return None
    dobj = next((c for c in v.children if c.dep_ in ("dobj", "dative") and not ctx.token_quoted(c)), None)
    if dobj is None:
        return None
    comp = None
    for c in list(v.children) + list(dobj.children):   # "of" hangs on either in spaCy's parses
        if c.i > dobj.i and ((c.dep_ == "prep" and c.lower_ in _OBJECT_CUES[lemma])
                             or c.dep_ in ("xcomp", "ccomp")):
            comp = c
            break
    if comp is None:
        return None
    toks = [t for t in ctx.doc[dobj.left_edge.i:comp.right_edge.i + 1]]
    return _content_from_tokens(ctx, toks, v)


#: Cues with an addressee before their that-clause ("told the court that", "reminded
#: the jury that", "assured voters that"; verbs of the tell class with a finite
#: complement, Levin 1993, 37.2 and 37.7).
_ADDRESSEE_CUES = frozenset("tell remind warn assure inform advise promise convince notify caution".split())

#: Cues of advising whose content is a 'to' infinitive after the addressee: "reminded
#: drivers to check their tyres", "advised hikers never to camp by the river".
_ADVICE_CUES = frozenset("remind advise warn tell encourage instruct caution".split())


def _advice_content(ctx: DocContext, v: Token) -> tuple[int, int] | None:
    """The 'to' infinitive of an advising cue, without the addressee (GGT README: the
    to-infinitive content of advising and urging verbs is counted, the addressee is
    left out of the span)."""
    if v.lemma_.lower() not in _ADVICE_CUES or not any(c.dep_ in ("dobj", "dative") for c in v.children):
        return None
    comp = next((c for c in v.children if c.dep_ == "xcomp" and c.i > v.i and c.tag_ == "VB"
                 and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)), None)
    if comp is None:
        return None
    return _content_from_tokens(ctx, list(comp.subtree), v)


def _parenthetical(ctx: DocContext, v: Token, subj: Token) -> list[tuple[int, int] | None]:
    """Content around a cue set off by commas mid-sentence: "The drugs have a limited
    set of uses, he says, and are mostly meant to be taken short term." gives the two
    pieces on either side (one record each, as GGT and PolNeAR split them)."""
    doc, text = ctx.doc, ctx.text
    left, right = min(subj.left_edge.i, v.i), v.i
    for c in v.children:   # "he says matter-of-factly", "she said in an interview"
        if c.i > v.i and c.dep_ in ("advmod", "prep", "npadvmod"):
            right = max(right, c.right_edge.i)
    if left == 0 or right + 1 >= len(doc) or doc[left - 1].text != "," or doc[right + 1].text != ",":
        return []
    if subj.i > v.i or ctx.token_quoted(doc[left - 1]):
        return []
    ps, pe = ctx.paragraph_bounds(v.idx)
    s0 = max(ps, ctx.sentence_start_before(doc[left - 1].idx))
    e1 = min(pe, ctx.sentence_end_after(doc[right + 1].idx))
    a = _trim(text, s0, doc[left - 1].idx)
    b = _trim(text, doc[right + 1].idx + 1, e1)
    if _words(text[a[0]:a[1]]) < 1 or _words(text[b[0]:b[1]]) < 2 or ctx.quoted(a[0]) or ctx.quoted(b[1] - 1):
        return []
    if _new_clause(ctx, right + 2) or _narrated_adjunct(ctx, right + 2, v) or _reporters_gloss(ctx, right + 2):
        return [a]   # "..., she says, and she was upset by ...": narration goes on after the cue
    return [a, b]


#: Head nouns of the reporter's evaluative apposition after an attribution ("..., the
#: ministry said, a blow to commuters who ...", "..., BC Ferries said, the latest sign of
#: strain on ..."): news writers' glosses on the event, not the source's words.
_GLOSS_NOUNS = frozenset("""sign signal blow setback move step indication reminder example twist
development boost victory defeat rebuke escalation reversal turn milestone""".split())


def _reporters_gloss(ctx: DocContext, i: int) -> bool:
    """True if the words from token ``i``, after "<content>, <speaker> <cue>,", are a noun
    phrase in apposition headed by a :data:`_GLOSS_NOUNS` noun ("the latest sign of ...",
    "a blow to ..."): the reporter's comment on what was said."""
    doc = ctx.doc
    if i >= len(doc) or doc[i].pos_ != "DET":
        return False
    head = doc[i].head
    return head.lemma_.lower() in _GLOSS_NOUNS and head.pos_ == "NOUN" and head.dep_ in ("appos", "npadvmod", "attr") \
        and all(t.pos_ in ("ADJ", "DET", "ADV") for t in doc[i:head.i])


def _narrated_adjunct(ctx: DocContext, i: int, v: Token) -> bool:
    """True if the words from token ``i``, after "<content>, <speaker> <cue>,", are the
    reporter's adjunct to the reporting clause: a present participle that reports
    nothing ("..., the sources said, asking not to be identified"). (A clause opened by
    "as" stays content: GGT annotates "..., officials said, as rescuers searched for
    more victims" as what was said.) Not a
    participle cue with its clause or object ("adding that ...", "urging the department to
    ...", read as a cue of its own; PolNeAR annotates those)."""
    doc = ctx.doc
    if i >= len(doc):
        return False
    t = doc[i]
    return t.tag_ == "VBG" and t.head.i == v.i and t.dep_ in ("advcl", "xcomp", "conj") \
        and not (is_cue(t) and any(c.dep_ in ("ccomp", "dobj", "dative") for c in t.children))


def _adjunct_only(ctx: DocContext, s: int, e: int, *, fronted: bool) -> bool:
    """True if [s, e) is one fronted prepositional phrase ("During his years in office, he
    said, ...") or one past-participle phrase ("..., the group said, compared with the year
    before") and no more: a frame around what was said, which PolNeAR leaves out of the
    attribution's content. (A prepositional phrase after the cue can be an argument of the
    reported clause: "He has a plan, he said, for how ...".)"""
    toks = [t for t in ctx.tokens_in(s, e) if not t.is_punct]
    if not toks or not ((fronted and toks[0].pos_ == "ADP") or toks[0].tag_ == "VBN"):
        return False
    return all(t.i == toks[0].i or toks[0].i in [a.i for a in t.ancestors] for t in toks)


def _new_clause(ctx: DocContext, i: int) -> bool:
    """True if the words from token ``i`` are "and"/"but" opening a narrated clause of
    their own: a personal pronoun subject ("..., she says, and she was upset by ...") or
    a subordinator ("..., sources said, and as workers worry ..."); not the rest of the
    reported sentence ("..., he says, and are mostly meant to ...", "..., the agency
    said, and the bottom fifth paid 0.8 percent")."""
    doc = ctx.doc
    if i + 1 >= len(doc) or doc[i].pos_ != "CCONJ":
        return False
    nxt = doc[i + 1]
    return (nxt.dep_ in ("nsubj", "nsubjpass") and nxt.tag_ == "PRP") or nxt.pos_ == "SCONJ"


def _inverted_ok(ctx: DocContext, content: list[Token], subj: Token, v: Token) -> bool:
    """Is this the inverted pattern "<content>, SPEAKER CUE[ short tail]." or
    "<content>, CUE SPEAKER[, apposition]." ?"""
    doc = ctx.doc
    after = subj.i > v.i   # ", said Sutopo Purwo Nugroho, a spokesman for the agency."
    left = v.i if after else subj.left_edge.i
    between = doc[content[-1].i + 1:left]
    if not between or any(t.text not in (",", "—", "–", "”", '"', "’") for t in between) \
            or not any(t.text in (",", "—", "–") for t in between):
        return False
    if after:
        if any(t.pos_ not in ("ADV", "PUNCT") for t in doc[v.i + 1:subj.left_edge.i]):
            return False
    else:
        mid = doc[subj.right_edge.i + 1:v.i]
        if any(t.pos_ not in ("ADV", "AUX", "PART", "PUNCT") for t in mid):
            return False
    if any(c.dep_ == "dobj" for c in v.children) and v.lemma_.lower() != "tell":
        return False   # ("told a press conference": the object of "tell" is its addressee)
    tail = []
    for t in doc[max(v.i, subj.right_edge.i) + 1 if after else v.i + 1:]:
        if t.is_sent_end or t.text in (".", "!", "?") or t.text == "\n" and ctx.breaks_paragraph(t) \
                or ctx.token_quoted(t):
            break
        tail.append(t)
    if len(tail) <= FRAME_TAIL_MAX_TOKENS and not any(t.tag_ in _FINITE and t.pos_ == "VERB" for t in tail):
        return True
    # a longer tail of the cue's own adverbials ("said on Tuesday as regional talks opened in
    # Belém, a pledge welcomed by campaigners", wire style): still the frame's, not content
    adverbial = {t.i for c in v.children if c.dep_ in ("prep", "advcl", "npadvmod", "advmod", "punct")
                 and c.i > v.i for t in c.subtree}
    return bool(tail) and all(t.i in adverbial or t.is_punct for t in tail) \
        and not any(c.dep_ == "advcl" and c.i > v.i and is_cue(c) for c in v.children)


def _according_to(ctx: DocContext, v: Token) -> list[Candidate]:
    to = next((c for c in v.children if c.lower_ == "to"), None)
    if to is None and v.i + 1 < len(ctx.doc):
        to = ctx.doc[v.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None or ctx.token_quoted(pobj):
        return []
    host = v.head
    if host.i < v.i and host.pos_ == "VERB" and is_cue(host) and any(c.dep_ == "nsubj" for c in host.children) \
            and ctx.marked_in(host.sent.start_char, host.idx):
        # "“...,” Bella Stump told the court, according to transcripts": the record of a
        # direct quotation that has its own speaker and cue; the source of the record
        # speaks not ("Bloomberg reports that ..., according to the Roper Center" is
        # the Center's, as PolNeAR and GGT annotate it)
        return []
    phrase = {t.i for t in v.subtree} | {t.i for t in to.subtree}
    root = v.sent.root
    toks = [t for t in root.subtree if t.i not in phrase]
    before = [t for t in toks if t.i < v.i]
    after = [t for t in toks if t.i > max(phrase)]
    doc = ctx.doc
    last = max(phrase)
    # mid-sentence and set off by commas ("The harsh truth, according to addiction
    # experts, is ..."): the pieces on both sides, one record each (as GGT splits them)
    sides = [_content_from_tokens(ctx, before if len(before) >= len(after) else after, v)]
    on_root = [t for t in after if t.head.i == root.i and not t.is_punct]
    if before and root.i < v.i and on_root and all(t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN") for t in on_root):
        # "The agency doubled its flights, according to people familiar with the matter,
        # raising concerns among lawmakers": the clause before is whole (it holds the
        # sentence's verb) and only a participial clause follows, the reporter's gloss;
        # an object or a modifier of the verb after it ("G4S receives, according to one
        # report, $234 million", "Rents rose, according to …, in every district") is the
        # clause split in two, both sides content
        sides = [_content_from_tokens(ctx, before, v)]
    elif before and after and v.i > 0 and doc[v.i - 1].text == "," and last + 1 < len(doc) \
            and doc[last + 1].text == ",":
        pieces = [_content_from_tokens(ctx, before, v), _content_from_tokens(ctx, after, v)]
        if all(sp is not None and _words(ctx.text[sp[0]:sp[1]]) >= 2 for sp in pieces):
            sides = pieces
    lo, hi = ctx.paragraph_bounds(v.idx)
    out = []
    for sp in sides:
        if sp is None or (len(sides) == 1 and _words(ctx.text[sp[0]:sp[1]]) < 3):
            continue
        kind = _classify_content(ctx, *sp)
        if kind is None:
            continue
        out.append(Candidate(sp[0], sp[1], kind[0], kind[1], cue_extent(v), v,
                             mention_from_head(pobj, lo, hi), how="according"))
    return out


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """Keep the outermost of overlapping indirect contents."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for c in cands:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


# ---------------------------------------------------------------------------------
# direct
# ---------------------------------------------------------------------------------
def close_before_attribution(ctx: DocContext) -> list[MarkedSpan]:
    """The marked spans of ``ctx``, an unclosed quote ended before the attribution it ran
    over: in '“Due to the investigation, classes are canceled, Headmaster Rene Menard said
    in a statement.' (no closing mark) the quote is "Due to the investigation, classes
    are canceled," and "Headmaster Rene Menard said in a statement." its attribution.

    The attribution is the inverted pattern ", NAME CUE[ short tail]." or ", CUE NAME."
    ending a sentence (:func:`_surface_frame`, read as if the marks were not there); the
    quote ends after the comma, still flagged ``unclosed``. Returns ``ctx.marked``
    itself when nothing is cut.
    """
    unclosed = [m for m in ctx.marked if m.close_pos is None]
    if not unclosed:
        return ctx.marked
    bare = DocContext(ctx.doc, [m for m in ctx.marked if m.close_pos is not None])
    cut: dict[int, MarkedSpan] = {}
    for m in unclosed:
        for v in ctx.tokens_in(m.start, m.end):
            if not is_cue(v, indirect=True) or v.lower_ == "according" or v.tag_ not in ("VBD", "VBZ", "VBP") \
                    or any(c.dep_ in ("neg", "auxpass") for c in v.children):
                continue
            frame = _surface_frame(bare, v, tail_preps=True)
            if frame is None or frame[0].idx <= m.start:
                continue
            comma = frame[0]
            if _words(ctx.text[m.start:comma.idx]) < 3:
                continue
            end = comma.idx + 1
            cut[m.open_pos] = replace(m, end=end, reopen=tuple(r for r in m.reopen if r < end),
                                      nested=tuple(x for x in m.nested if x.outer_end <= end))
            break
    if not cut:
        return ctx.marked
    return [cut.get(m.open_pos, m) for m in ctx.marked]


def _subject(ctx: DocContext, cue: Token) -> Token | None:
    """:func:`find_subject`, except that a subject the parser found in a caption or
    label paragraph ("WATCH: Pop-Tart starts fire ..." run into the next sentence) gives
    way to the first noun of the cue's sentence in its own paragraph (the subject a
    sound parse would have found: "Authorities described ...")."""
    subj = find_subject(cue)
    if subj is None and cue.i >= 4 and cue.doc[cue.i - 1].text == ",":
        # "Sunita Devi, whose husband Ramesh Kumar, 35, was among those killed, said ...":
        # the parser made the relative clause the cue's complement; the name that opens
        # the sentence before ", whose"/", who" is the subject
        sent = cue.sent
        ent = next((e for e in ctx.ents if e.start == sent.start and e.label_ in ("PERSON", "ORG")), None)
        if ent is not None and ent.end + 1 < cue.i and cue.doc[ent.end].text == "," \
                and cue.doc[ent.end + 1].lower_ in ("whose", "who"):
            return ent[-1]
    if subj is None or not ctx.skipped(subj.idx) or ctx.skipped(cue.idx):
        return subj
    ps, _ = ctx.paragraph_bounds(cue.idx)
    if cue.dep_ == "conj" and ps <= cue.head.idx < cue.idx:   # "... described X as Y and said ..."
        return _subject(ctx, cue.head)
    lo = max(ps, ctx.sentence_start_before(cue.idx))
    return next((t for t in ctx.tokens_in(lo, cue.idx) if t.pos_ in ("NOUN", "PROPN", "PRON")
                 and t.dep_ not in ("poss", "compound")), None)


def _speaker_near(ctx: DocContext, cue: Token, lo: int, hi: int, after_frame: bool) -> Mention | None:
    subj = _subject(ctx, cue)
    if subj is not None and not ctx.token_quoted(subj):
        if lo <= subj.idx < hi:
            return mention_from_head(subj, lo, hi)
        ps, pe = ctx.paragraph_bounds(cue.idx)
        if ps <= subj.idx < pe and subj.idx >= ctx.sentence_start_before(cue.idx):
            return mention_from_head(subj, ps, pe)   # "He voiced ... on Twitter, writing “...”"
    toks = ctx.tokens_in(lo, hi)
    if after_frame:
        # inverted: ', said a tenant organiser'
        for t in toks:
            if t.i > cue.i and t.pos_ in ("PROPN", "NOUN", "PRON") and not ctx.token_quoted(t):
                h = t
                while h.head.i != h.i and h.head.pos_ in ("PROPN", "NOUN") and lo <= h.head.idx < hi \
                        and h.dep_ in ("compound", "amod", "nmod", "poss", "flat"):
                    h = h.head
                if h.dep_ == "pobj" and h.head.head.i == cue.i \
                        and h.head.lower_ in ("in", "on", "at", "during"):
                    break   # "..., Gignac mentioned in a commentary": where, not who
                return mention_from_head(h, lo, hi)
    for t in reversed(toks):
        if t.i < cue.i and t.pos_ in ("PROPN", "NOUN", "PRON") and not ctx.token_quoted(t) \
                and t.dep_ not in ("pobj", "dobj", "npadvmod", "attr"):
            h = t
            while h.head.i != h.i and h.head.pos_ in ("PROPN", "NOUN") and lo <= h.head.idx < hi \
                    and h.dep_ in ("compound", "amod", "nmod", "poss", "flat", "appos"):
                h = h.head   # "Pierre Gignac, EDC's chief risk officer, mentioned": the name
            return mention_from_head(h, lo, hi)
    return None


def _subject_opens(cue: Token, words: list[Token]) -> bool:
    """The cue's subject is a name that opens the text after the quote, however long its
    apposition: "“...,” Ada Roe, the firm's founder and the mind behind ..., said"."""
    subj = find_subject(cue)
    if subj is None or subj.pos_ != "PROPN":
        return False
    first = next((t for t in subj.subtree if not t.is_punct), subj)
    return first.i == words[0].i


def _bare_attribution(ctx: DocContext, cue: Token, words: list[Token]) -> bool:
    """A sentence that only attributes: "Harry Kazianis, director of ..., said in an
    e-mailed statement." right after a quote ending in a full stop. The cue's subject
    opens the sentence and the cue reports nothing of its own (no clause or object)."""
    subj = find_subject(cue)
    first = next((t for t in subj.subtree if not t.is_punct), subj) if subj is not None else None
    if subj is None or first.i != words[0].i or subj.pos_ == "PRON":
        return False
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") and not ctx.token_quoted(c) for c in cue.children):
        return False
    tail = [t for t in words if t.i > cue.i]
    return len(tail) <= 8


def _named_in(ctx: DocContext, lo: int, hi: int) -> Mention | None:
    """The first PERSON name in [lo, hi) (else ORG), as a mention: for colon and dash
    attributions with no verb."""
    # the subject nearest the colon: "... when Musk again took to Twitter with this:"
    toks = ctx.tokens_in(lo, hi)
    for t in reversed(toks):
        if t.dep_ == "nsubj" and t.pos_ == "NOUN" and not ctx.token_quoted(t):
            if t.lemma_.lower() in ACCOUNT_NOUNS_V1:
                m = mention_from_head(t, lo, hi)   # "A Facebook page called Ohio Moms Unite shared ...:"
                if m.kind == "name" and m.name:
                    return m
            break
    for t in reversed(toks):
        if t.dep_ == "nsubj" and t.pos_ == "PROPN" and not ctx.token_quoted(t) and not t.text.isupper() \
                and t.lower_ not in PLATFORMS_V1:
            return mention_from_head(t, lo, hi)
    best = None
    for ent in ctx.ents:
        if lo <= ent.start_char and ent.end_char <= hi and not ctx.token_quoted(ent[0]) \
                and ent.text.lower() not in PLATFORMS_V1:   # "took to Twitter with this:"
            if ent.label_ == "PERSON":
                best = ent
                break
            if ent.label_ in ("ORG", "GPE", "NORP") and best is None:
                best = ent
    if best is None:
        for t in ctx.tokens_in(lo, hi):
            if t.pos_ == "PROPN" and not ctx.token_quoted(t) and not t.text.isupper():
                h = t
                while h.head.i != h.i and h.head.pos_ == "PROPN" and lo <= h.head.idx < hi:
                    h = h.head
                return mention_from_head(h, lo, hi)
        return None
    return mention_from_head(best.root, lo, hi)


def _attribute(ctx: DocContext, m: MarkedSpan, prev_end: int, next_start: int) -> Candidate:
    text = ctx.text
    cand = Candidate(m.start, m.end, "direct", [m], flags=list(m.flags))
    # ---- frames
    ps, _ = ctx.paragraph_bounds(m.open_pos)
    b_lo = max(prev_end, ps, ctx.sentence_start_before(m.open_pos - 1) if m.open_pos else 0)
    b_hi = m.open_pos
    a_lo = m.outer_end
    _, pe = ctx.paragraph_bounds(max(m.outer_end - 1, 0))
    if m.close_pos is None and not text[m.end:pe].strip():
        a_lo = a_hi = m.end
    else:   # (an unclosed quote cut before its attribution: see close_before_attribution)
        a_hi = min(next_start, pe, ctx.sentence_end_after(a_lo - 1))
    content_end = text[m.end - 1] if m.end > m.start else ""
    after_toks = [t for t in ctx.tokens_in(a_lo, a_hi) if not t.is_space]
    # dash attribution: ” — Name
    if after_toks and after_toks[0].text in _DASHES or (a_hi > a_lo and text[a_lo:a_hi].lstrip()[:1] in "—–―"):
        d = a_lo + (len(text[a_lo:a_hi]) - len(text[a_lo:a_hi].lstrip()))
        mention = _named_in(ctx, d, a_hi)
        if mention is not None:
            cand.cue, cand.mention, cand.how, cand.frame = (d, d + 1), mention, "dash", (a_lo, a_hi)
            return cand
    # a headline that opens with the quotation and names its speaker after a colon:
    # “We will not be bullied”: Mayor Greta Holm hits back at critics (BBC, Guardian style)
    rest = text[a_lo:pe]
    if m.close_pos is not None and rest.lstrip()[:1] == ":" and not text[ps:m.open_pos].strip() \
            and rest.rstrip()[-1:] not in ".!?\"”" and "\n" not in rest.strip():
        colon = a_lo + rest.index(":")
        subj = next((t for t in ctx.tokens_in(colon + 1, pe) if t.dep_ in ("nsubj", "nsubjpass")
                     and colon < t.head.idx < pe), None)
        mention = mention_from_head(subj, colon + 1, pe) if subj is not None else _named_in(ctx, colon + 1, pe)
        if subj is None and mention is not None and any(not w[:1].isupper() for w in text[colon + 1:mention.start].split()):
            mention = None   # a label, not a speaker: "‘We still can’t stay’: life on the edge of Cork’s rental market"
        if mention is not None and mention.kind in ("name", "description", "generic"):
            cand.mention, cand.how, cand.frame = mention, "headline", (a_lo, pe)
            return cand
    # signature after the closing mark: ”Every berth will be open by March.” Harbour master Tom Smith
    rest = text[a_lo:pe] if m.close_pos is not None else ""
    if rest.strip() and content_end in ".!?" and rest.lstrip()[:1].isupper() and not ctx.quoted(pe - 1) \
            and not any(ch in rest for ch in ".!?\"“”«»"):
        sig_s = a_lo + len(rest) - len(rest.lstrip())
        mention = signature_mention(ctx, sig_s, a_lo + len(rest.rstrip()), elsewhere=False)
        if mention is not None:
            cand.mention, cand.how, cand.frame = mention, "signed", (a_lo, pe)
            cand.flags.append("signed")
            return cand
    options = []
    # after-frame cue
    words = [t for t in after_toks if not t.is_punct]
    for k, t in enumerate(words):
        if k > AFTER_CUE_MAX_WORDS:
            break
        if is_cue(t) and not ctx.token_quoted(t):
            if k > AFTER_CUE_NEAR_WORDS and not _bare_attribution(ctx, t, words) \
                    and not (content_end == "," and _subject_opens(t, words)):
                break   # (a quote ending in a comma goes on into its attribution)
            bare = _bare_attribution(ctx, t, words)
            if content_end in ".!?" and k > 1 and not bare:
                break
            if content_end == "." and words[0].text[:1].isupper() and k > 0 and words[0].pos_ != "PRON" \
                    and not bare:
                break
            mention = _speaker_near(ctx, t, a_lo, a_hi, after_frame=True)
            options.append(("after", t, mention, (a_lo, a_hi)))
            break
    # before-frame cue: closest to the quote, with no other finite verb in between
    btoks = [t for t in ctx.tokens_in(b_lo, b_hi) if not t.is_space]
    for k in range(len(btoks) - 1, -1, -1):
        t = btoks[k]
        between = btoks[k + 1:]
        if len(between) > BEFORE_CUE_MAX_TOKENS:
            break
        if is_cue(t) and not ctx.token_quoted(t):
            if any(x.tag_ in _FINITE and x.pos_ in ("VERB", "AUX") and x.dep_ not in ("aux",)
                   for x in between):
                break
            mention = _speaker_near(ctx, t, b_lo, b_hi, after_frame=False)
            options.append(("before", t, mention, (b_lo, b_hi)))
            break
    if options:
        inner = [x for x in ctx.tokens_in(m.start, m.end) if not x.is_punct]

        def score(o):
            where, t, mention, _ = o
            named = mention is not None and mention.kind == "name"
            colon = where == "before" and text[b_lo:b_hi].rstrip().endswith(":")
            return (mention is not None, _governs(t, inner), named, colon, where == "after")
        where, t, mention, frame = max(options, key=score)
        cand.cue, cand.cue_tok, cand.mention, cand.how, cand.frame = cue_extent(t), t, mention, where, frame
        cand.channel = find_channel(t, *frame)
        return cand
    # colon lead-in: "... Helen Okafor:" then the quote (same line or the line before)
    lead = text[b_lo:b_hi].rstrip()
    lo, hi = b_lo, b_hi
    if not lead and ps > 0 and not text[ps:m.open_pos].strip():   # the quote opens its paragraph
        pps, _ = ctx.paragraph_bounds(ps - 1)
        k = ps - 1
        while k > 0 and text[k - 1].isspace():
            k -= 1
        pps, _ = ctx.paragraph_bounds(max(k - 1, 0))
        lead = text[pps:k].rstrip()
        lo, hi = max(pps, ctx.sentence_start_before(k - 2)), k
    if lead.endswith(":") and not ctx.quoted(hi - 1):
        colon = lo + text[lo:hi].rstrip().rfind(":")
        for t in reversed(ctx.tokens_in(lo, hi)):
            if is_cue(t) and not ctx.token_quoted(t):
                mention = _speaker_near(ctx, t, lo, hi, after_frame=False)
                cand.cue, cand.cue_tok, cand.mention, cand.how, cand.frame = cue_extent(t), t, mention, "colon", (lo, hi)
                cand.channel = find_channel(t, lo, hi)
                return cand
        mention = _named_in(ctx, lo, colon)
        if mention is not None:
            cand.cue, cand.mention, cand.how, cand.frame = (colon, colon + 1), mention, "colon", (lo, hi)
    return cand


def _governs(cue: Token, inner: list[Token]) -> bool:
    """True if the quoted words hang on ``cue`` in the parse: 'called the plan “a
    disaster” on Monday and said ...' is attributed by "called", not by "said"."""
    return bool(inner) and any(a.i == cue.i for a in inner[0].ancestors)


#: Cues that label something with a quoted phrase: 'called the plan “a disaster”'.
_NAMING_CUES = frozenset("call describe express label brand term dismiss characterize characterise".split())


def _embedded(ctx: DocContext, m: MarkedSpan, *, before_only: bool = False) -> bool:
    """True if the marked span sits inside a sentence of narration (words before it
    in the same sentence, or, unless ``before_only``, the sentence going on after it in
    lower case)."""
    text = ctx.text
    ps, pe = ctx.paragraph_bounds(m.open_pos)
    lo = max(ps, ctx.sentence_start_before(m.open_pos - 1) if m.open_pos else 0)
    for p in ctx.marked:   # the parser runs on over a sentence closed inside marks: 'on “Face the Nation.” “It’s ...'
        if lo < p.outer_end <= m.open_pos and p.close_pos is not None and text[p.end - 1:p.end] in ".!?":
            lo = p.outer_end
    before = text[lo:m.open_pos].strip()
    if before and not before.endswith(":") and any(ch.isalpha() for ch in before):
        return True
    if before_only:
        return False
    if m.close_pos is not None and text[m.end - 1:m.end] not in ".!?":
        after = text[m.outer_end:pe].lstrip(" ,")
        if after[:1].islower():
            return True
    return False


#: What may join two marked phrases of one cue: 'called the plan “bold” and based on “one
#: giant assumption.”', 'shout, “Build a wall!” and “Go home!”' (no verb of its own).
_COORD_GAP = re.compile(r"\s*,?\s*(?:and|or)\b(?:\s+[a-z]+){0,3}\s*$")


def _coordinated(ctx: DocContext, c: Candidate, prev: Candidate, pm: MarkedSpan) -> None:
    """Give a marked phrase with no cue of its own the attribution of the marked phrase
    just before it, when only "and"/"or" (and up to three lower-case words with no finite
    verb) join them and it has three words or more: 'called the plan “bold” and based on
    “one giant assumption.”'. The
    GGT guidelines count each separately quoted piece as its own quotation, with the same
    speaker and verb."""
    gap = ctx.text[pm.outer_end:c.marked[0].open_pos]
    if _words(ctx.text[c.start:c.end]) < 3:
        return   # 'calls people “losers” and “sad”': labels, not a quoted remark
    if prev.cue is None or prev.how not in ("before", "after", "colon", "coord") or not _COORD_GAP.fullmatch(gap):
        return
    if any(t.tag_ in _FINITE for t in ctx.tokens_in(pm.outer_end, c.marked[0].open_pos)):
        return
    c.cue, c.cue_tok, c.mention, c.channel, c.frame = prev.cue, prev.cue_tok, prev.mention, prev.channel, prev.frame
    c.how = "coord"


_LIST_GAP = re.compile(r"[ ,;]*(?:(?:and|or) *)?")


def _in_word_list(ctx: DocContext, i: int) -> bool:
    """True if marked span ``i`` is one item of a run of three or more marked spans with
    only commas and "and"/"or" between them ('“platform,” “ghosting,” “yeet,” and ...')."""
    marked, text = ctx.marked, ctx.text
    lo = hi = i
    while lo > 0 and _LIST_GAP.fullmatch(text[marked[lo - 1].outer_end:marked[lo].open_pos]):
        lo -= 1
    while hi + 1 < len(marked) and _LIST_GAP.fullmatch(text[marked[hi].outer_end:marked[hi + 1].open_pos]):
        hi += 1
    return hi - lo >= 2


def _in_speaker_phrase(ctx: DocContext, m: MarkedSpan, prev: Candidate, pm: MarkedSpan | None) -> bool:
    """True if marked span ``m`` is part of the speaker phrase attributing the quotation
    ``prev`` just before it: '“Thank you,” said “Mrs Maisel” actress Alex Borstein' (a
    title describing the speaker, not a quotation). The marks open right after the cue
    or inside the speaker mention, and the mention goes on after them."""
    if pm is None or not prev.marked or prev.marked[-1] is not pm or prev.how != "after" \
            or prev.cue is None or prev.mention is None:
        return False
    ms, me = prev.mention.start, prev.mention.end
    right_after_cue = prev.cue[1] <= m.open_pos and not ctx.text[prev.cue[1]:m.open_pos].strip()
    inside = ms <= m.outer_end and m.open_pos < me
    opening = m.open_pos < ms and not ctx.text[pm.outer_end:m.open_pos].strip(" ,") \
        and not ctx.text[m.outer_end:ms].strip()   # '“Thanks,” “Mrs Maisel” actress Alex Borstein said'
    return (right_after_cue or inside or opening) and me > m.outer_end


def _mention_with_whole_marks(ctx: DocContext, mention: Mention) -> Mention:
    """A speaker mention the parser began inside a quoted title ('Mrs Maisel” actress
    Alex Borstein') widened to the title's opening mark, role included ('“Mrs Maisel”
    actress')."""
    m = ctx.marked_at(mention.start)
    if m is None or not (m.open_pos < mention.start < m.outer_end <= mention.end):
        return mention
    cut = ctx.text[m.open_pos:mention.start]
    role = cut + mention.role if mention.role and mention.text.startswith(mention.role) else mention.role
    return replace(mention, start=m.open_pos, text=cut + mention.text, role=role)


def _nickname_in_name(ctx: DocContext, nxt: MarkedSpan) -> bool:
    """True if marked span ``nxt`` is a nickname inside a person's name ('Senator Arturo
    “Bambi” Dimalanta told ...', a PERSON span of :func:`context._nicknamed_names`): the
    attribution of the quotation before it reads past it."""
    k = bisect_left(ctx.person_starts, nxt.open_pos) - 1   # the PERSON spans opening before it
    return k >= 0 and nxt.outer_end < ctx.person_reach[k]


def _title_opens_speaker(ctx: DocContext, m: MarkedSpan, nxt: MarkedSpan) -> bool:
    """True if marked span ``nxt`` right after quotation ``m`` looks like a title opening
    the speaker phrase of ``m``'s attribution: '“Thank you,” “Mrs Maisel” actress Alex
    Borstein said.' (a few capitalised words, no sentence end, a word of the same phrase
    right after). ``m``'s attribution is then read past it."""
    text = ctx.text
    if m.close_pos is None or text[m.end - 1:m.end] != "," or text[m.outer_end:nxt.open_pos].strip(" ,"):
        return False
    words = text[nxt.start:nxt.end].split()
    after = text[nxt.outer_end:nxt.outer_end + 2]
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or not w[:1].isalpha() for w in words) \
        and text[nxt.end - 1:nxt.end] not in ".!?," and after[:1] == " " and after[1:2].isalpha()


def _follows_attributed(ctx: DocContext, m: MarkedSpan, prev: Candidate, pm: MarkedSpan | None) -> bool:
    """True if marked span ``m`` directly follows the attributed direct quotation ``prev``
    in the same paragraph, with nothing between them but that quotation's attribution:
    '“I feel so bad for her,” Trout said. “It’s Christmas!”'. A short sentence there is
    the same speaker going on, not a scare quote or a title. Only after a speaker named
    there (not "she said", "the president added"): the short quote inherits that
    speaker, and on PolNeAR dev both short quotes after a pronoun or a description
    inherited a misresolved speaker (speaker accuracy 65.5 -> 65.4)."""
    if pm is None or prev.type != "direct" or prev.cue is None or not prev.marked or prev.marked[-1] is not pm \
            or prev.how not in ("before", "after", "colon") or prev.mention is None or prev.mention.kind != "name":
        return False
    if ctx.paragraph_bounds(pm.open_pos) != ctx.paragraph_bounds(m.open_pos):
        return False
    gap_lo = pm.outer_end
    if prev.how == "after" and prev.frame is not None:
        gap_lo = max(gap_lo, prev.frame[1])
    return not ctx.text[gap_lo:m.open_pos].strip(" \t.,;:!?—–-" + _INVISIBLE)


def direct_candidates(ctx: DocContext, consumed: set[int], *, min_words: int = 4) -> list[Candidate]:
    """Direct quotations from the marked spans not already inside a mixed quotation."""
    out = []
    marked = ctx.marked
    text = ctx.text
    for i, m in enumerate(marked):
        if m.open_pos in consumed or ctx.skipped(m.open_pos):
            continue
        prev_end = marked[i - 1].outer_end if i > 0 else 0
        next_start = marked[i + 1].open_pos if i + 1 < len(marked) else len(text)
        if i + 1 < len(marked) and (_title_opens_speaker(ctx, m, marked[i + 1])
                                    or _nickname_in_name(ctx, marked[i + 1])):
            next_start = marked[i + 2].open_pos if i + 2 < len(marked) else len(text)
        c = _attribute(ctx, m, prev_end, next_start)
        if c.how == "after" and c.cue_tok is not None and (subj := find_subject(c.cue_tok)) is not None \
                and subj.idx < m.open_pos and m.outer_end <= subj.right_edge.idx + len(subj.right_edge) \
                and not any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens_in(subj.idx, m.open_pos)):
            continue   # a title in marks inside the cue's own subject ("author of “America's Unwritten Constitution,” put it")
        if c.cue is None and out and out[-1].marked and out[-1].marked[-1] is marked[i - 1]:
            _coordinated(ctx, c, out[-1], marked[i - 1])
        content = text[m.start:m.end]
        n = _words(content)
        words = [w for w in content.split() if w[:1].isalpha()]
        titled = len(words) >= 1 and all(w[:1].isupper() for w in words) and n <= 8
        if (titled or n < min_words) and out and _in_speaker_phrase(ctx, m, out[-1], marked[i - 1] if i else None):
            continue   # '“Thank you,” said “Mrs Maisel” actress Alex Borstein': a title naming the speaker
        if c.cue is None and out and _follows_attributed(ctx, m, out[-1], marked[i - 1] if i else None) \
                and text[m.end - 1:m.end] in ".!?" and not _embedded(ctx, m):
            out.append(c)   # '“I feel so bad for her,” Trout said. “It’s Christmas!”': the same speaker goes on
            continue
        if c.cue is None and c.how != "headline" and (titled or n < 2 or (n < min_words and (
                text[m.end - 1:m.end] not in ".!?" or _embedded(ctx, m)))):
            continue   # short standalone sentences in marks may still be speech
        if c.cue is None and _embedded(ctx, m):
            continue   # a phrase in marks inside a narrative sentence, with no cue
        if c.cue is None and not m.double and text[slice(*ctx.paragraph_bounds(m.open_pos))].strip() == \
                text[m.outer_start:m.outer_end].strip() and (n < SINGLE_MARK_PARAGRAPH_MIN_WORDS
                                                             or text[m.end - 1:m.end] not in ".!?"):
            continue   # a paragraph in single marks with no cue: a subheading ('Life-changing', a
            #            pull quote as a US paper's section head); a longer sentence in them is a
            #            floating quotation (British style: ‘My father built the ovens …’)
        if n < min_words and _in_word_list(ctx, i):
            continue   # 'the list included “couth,” “compunction,” and “nugatory,”': words named, not said
        if c.how == "dash" and n < min_words:
            continue   # 'by the name “George” — the rich, white man
        if c.cue is not None and (n < min_words or titled) and c.how in ("before", "after"):
            # a short marked phrase counts only when the cue is right next to it
            gap = text[m.outer_end:c.cue[0]] if c.how == "after" else text[c.cue[1]:m.open_pos]
            naming = c.cue_tok is not None and c.cue_tok.lemma_.lower() in _NAMING_CUES
            if c.how == "after" and c.mention is not None and text[m.end - 1:m.end] in ",?!" \
                    and not _embedded(ctx, m, before_only=True):
                # a quote ending in a comma, question or exclamation mark waits for its attribution:
                # '“We will appeal,” her lawyer, Omar Fitz, said'; '“Why now?” one of the workers asked';
                # not a phrase inside narration ('The flats were “too damp,” and the owner ... said')
                gap = ""
            if naming and c.how == "before" and _object_named(c.cue_tok, gap):
                gap = ""   # 'called the mix of freight costs and labour shortages “a perfect storm”'
            if len(gap.split()) > 3 or (c.how == "before" and gap.strip() and not naming
                                        and not gap.strip().endswith((":", ",")) and gap.strip() != "that"):
                continue   # (the complementiser alone is no gap: 'said that "nothing will change"')
            if c.how == "after" and text[m.end - 1:m.end] not in ",!?":
                continue
        if c.mention is not None:
            c.mention = _mention_with_whole_marks(ctx, c.mention)
        out.append(c)
    return out


# ---------------------------------------------------------------------------------
# signed: pull quotes and embedded posts
# ---------------------------------------------------------------------------------
#: Credits that sign photo captions, not quotations ("... in Lampung province. Reuters").
_CREDITS = frozenset("""
reuters ap afp cp upi bloomberg getty images file photo photos handout supplied postmedia
associated press canadian press the staff pool
""".split())
_TWEET = re.compile(r"\s*[—–―-]+\s*(?P<name>[^()\n—–]{2,60}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2},? \d{4})?\s*$")
_LINK = re.compile(r"(?:pic\.twitter\.com/\S+|https?://\S+)")
_SIGNED = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z])")


def signed_candidates(ctx: DocContext, taken: list[Candidate]) -> list[Candidate]:
    """Quotations with no cue and no marks, signed by their speaker at the end of the
    paragraph: pull quotes ("... constitute an emergency. Linda Lamoureux") and embedded
    posts ("... more days. pic.twitter.com/x — BC Hydro (@bchydro) December 22, 2018").

    The GGT annotation guidelines count these as quotations "with no verb" (``... -
    Lorraine Hansberry``). The content runs from the paragraph start to the last sentence
    end (links and trailing hashtags dropped); the signature must be a short capitalised
    name, not a photo credit, that the article names elsewhere too. Type ``indirect``
    (``mixed`` with marks inside), cue null, flag ``signed``.
    """
    text = ctx.text
    out: list[Candidate] = []
    spans = sorted((c.start, c.end) for c in taken)
    for ps, pe in ctx.paragraphs():
        para = text[ps:pe]
        if ctx.skipped(ps) or ctx.quoted(ps + len(para) - len(para.lstrip())):
            continue
        tweet = _TWEET.search(para)
        if tweet:
            sig_s, sig_e = ps + tweet.start("name"), ps + tweet.end("name")
            body = para[:tweet.start()]
            link = _LINK.search(body)
            if link:
                body = body[:link.start()]
            body = re.sub(r"(?:\s*#\w+)+\s*$", "", body).rstrip()
            body = body.rstrip(".!? ")
            channel = "on Twitter" if "twitter.com" in para or "t.co/" in para else None
        else:
            cut = list(_SIGNED.finditer(para))
            if not cut:
                continue
            m = cut[-1]
            sig_s, sig_e = ps + m.end(), ps + len(para.rstrip())
            body = para[:m.start()]
            channel = None
        s = ps + len(body) - len(body.lstrip())
        e = ps + len(body.rstrip())
        if _words(text[s:e]) < 6 or any(a < e and s < b for a, b in spans):
            continue
        if not any(t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX") for t in ctx.tokens_in(s, e)):
            continue   # a photo caption ("Boats in the harbour on Sunday. Jane Roe"), not speech
        mention = signature_mention(ctx, sig_s, sig_e, tweet=tweet is not None)
        if mention is None:
            continue
        kind = _classify_content(ctx, s, e)
        if kind is None:
            continue
        out.append(Candidate(s, e, kind[0], kind[1], None, None, mention, channel,
                             flags=["signed"], how="signed", frame=(sig_s, sig_e)))
    return out


def signature_mention(ctx: DocContext, sig_s: int, sig_e: int, *, tweet: bool = False,
                      elsewhere: bool = True) -> Mention | None:
    """The speaker named by a signature at a paragraph end ("Linda Lamoureux",
    "Rod Peters, Lake Cowichan mayor", "Harbour master Tom Smith"), or None when the
    text there is not one: too long, not capitalised, a photo credit, holding a verb, or
    (with ``elsewhere``) a name the article does not use elsewhere."""
    text = ctx.text
    sig = text[sig_s:sig_e]
    if not tweet:
        name = sig.split(",")[0].strip()
        words = name.split()
        lower = [w for w in words if not w[:1].isupper() and w not in ("of", "de", "van", "von", "the", "and", "&")]
        if not (1 <= len(words) <= 7) or len(sig.split()) > 12 or sig.endswith((".", "!", "?", ":")) \
                or any(ch.isdigit() for ch in name) or "/" in sig or not words[-1][:1].isupper():
            return None
        sig_e = sig_s + len(name)
        if lower:   # role words in lower case ("Harbour master Tom Smith"): the name must be a person
            person = next((x for x in ctx.ents if x.label_ == "PERSON" and sig_s <= x.start_char
                           and x.end_char == sig_e), None)
            if person is None or len(lower) > 3 or any(w in text[person.start_char:sig_e] for w in lower):
                return None
    name_text = text[sig_s:sig_e]
    if not name_text.strip() or name_text.lower() in _CREDITS or \
            any(w.lower().strip(".") in _CREDITS for w in name_text.split()[:1]):
        return None
    sig_toks = [t for t in ctx.tokens_in(sig_s, sig_e) if not t.is_punct and not t.is_space]
    if not sig_toks or any(t.pos_ in ("VERB", "AUX") and t.tag_ in _FINITE for t in sig_toks):
        return None
    # named elsewhere in the article: its last word outside this signature
    last = re.escape(name_text.split()[-1])
    if elsewhere and not any(mm.start() < sig_s or mm.start() >= sig_e for mm in re.finditer(rf"\b{last}\b", text)):
        return None
    ent = next((x for x in ctx.ents if sig_s <= x.start_char < sig_e and x.label_ in ("PERSON", "ORG")), None)
    head = ent.root if ent is not None else next(
        (t for t in sig_toks if not (sig_s <= t.head.idx < sig_e) or t.head.i == t.i), sig_toks[-1])
    if ent is not None and ent.start_char == sig_s:   # the signature opens with the name
        end = min(ent.end_char, sig_e)   # NER may run on into the next paragraph
        mention = Mention(ent.start_char, end, text[ent.start_char:end], ent.root, name=text[ent.start_char:end],
                          kind="name", ent_label=ent.label_)
    else:   # "Niagara County District Attorney Caroline Wojtaszek": role and name
        mention = mention_from_head(head, sig_s, sig_e)
    return mention if mention.kind == "name" else None
