"""saidwhat.pipeline.cue_detector: reporting expressions (cues) and the channel they name.

Reads ``token.lemma``/``pos``/``dep``. A cue is a verb whose lemma is in the
registered reporting-verb lexicon (``saidwhat.cue_lexicon.v1``), with its
particle ("pointed out"), or the phrase "according to". The channel is a
prepositional phrase on the cue whose object is a channel noun or a platform
("in a statement on Facebook", "on Twitter", "in a statement to CNN").
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicons import (ACCOUNT_NOUNS_V1, CHANNEL_NOUNS_V1, INDIRECT_VERBS_V1, OUTLET_NAMES_V1, OUTLET_WORDS_V1,
                       PLATFORMS_V1, REPORTING_VERBS_V1, VIVID_CUES_V1)

_TIME_ENTS = ("DATE", "TIME")


#: Verbs of a reporters' credit line ("X and Y contributed reporting", "additional
#: reporting by", AP and CNN style): the "reporting" after them reports nothing.
_CREDIT_VERBS = frozenset("contribute provide add additional".split())


#: Forms of reporting verbs the English lemmatizer gets wrong ("sniped" -> "snip",
#: "deadpanned" -> "deadpanne", "griped" -> "grip"), with their lemmas.
_MISLEMMATISED = {"sniped": "snipe", "snipes": "snipe", "deadpanned": "deadpan", "deadpans": "deadpan",
                  "griped": "gripe", "gripes": "gripe"}


def is_cue(tok: Token, *, indirect: bool = False) -> bool:
    """True if ``tok`` is a reporting verb (``indirect``: one that takes reported content)."""
    lex = INDIRECT_VERBS_V1 if indirect else REPORTING_VERBS_V1
    if tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_:
        return False   # "so-called", "self-described": part of a hyphenated word
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children) or (
            tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to")
    if tok.lemma_.lower() in ("call", "name", "dub") and tok.tag_ == "VBN" and tok.dep_ == "acl" \
            and tok.head.i == tok.i - 1 and tok.head.lemma_.lower() in ACCOUNT_NOUNS_V1:
        return False   # "a Facebook page called Ohio Moms Unite": a name given, no speech
        #                (PolNeAR annotates "a book called “Women Who Work”" as a quotation)
    if tok.lower_ == "reporting" and tok.i > 0 and tok.doc[tok.i - 1].lemma_.lower() in _CREDIT_VERBS:
        return False   # "CNN's Mohammed Tawfeeq contributed reporting": a staff credit, no speech
    if document_read_as_noun(tok):
        return True   # '"…," the post read.', parsed as the noun phrase "the post read"
    if tok.pos_ not in ("VERB",) and not (tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.tag_ in ("VBD", "VBZ", "VBG", "VBN", "VBP")):
        if not ((tok.lemma_.lower() in ("say", "tell") or tok.lower_ in ("said", "says", "told"))
                and tok.pos_ in ("AUX", "NOUN", "PROPN")):
            return False   # ("the 29-year-old said", parsed as one noun phrase headed by "said")
    lemma = _MISLEMMATISED.get(tok.lower_, tok.lemma_.lower())
    if lemma in VIVID_CUES_V1 and any(c.dep_ in ("dobj", "prt", "dative") for c in tok.children):
        return False   # "Todd pressed Priebus on ...", "administrators cracked down": no speech
    return lemma in lex or tok.lower_ in ("says", "said", "tweeted", "wrote", "told") \
        or _phrasal_retort(tok) or _document_reads(tok) or not indirect and _as_put_it(tok) \
        or indirect and (_finding(tok) or _that_cue(tok) or light_verb_noun(tok) is not None)


#: Phrasal verbs of a retort or of going on speaking ("shot back", "fired back", "hit back",
#: "went on"), which news writes as cues after a quotation.
_PHRASAL_CUES = {"shoot": "back", "fire": "back", "hit": "back", "go": "on", "snap": "back"}


def _phrasal_retort(tok: Token) -> bool:
    """True for a :data:`_PHRASAL_CUES` verb with its particle right after it and the
    clause ending there ("Whitfield shot back.", "he went on:"; not "went on about ...")."""
    prt = _PHRASAL_CUES.get(tok.lemma_.lower())
    doc = tok.doc
    return prt is not None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == prt \
        and doc[tok.i + 1].dep_ in ("prt", "advmod") \
        and (tok.i + 2 >= len(doc) or doc[tok.i + 2].is_punct or doc[tok.i + 2].is_space)   # not "went on about"


def puts_it(tok: Token) -> bool:
    """True for "put" followed by "it", the verb of "as <speaker> put(s) it"."""
    doc = tok.doc
    return tok.lemma_.lower() == "put" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "it"


def _as_put_it(tok: Token) -> bool:
    """True for "put" in "as <speaker> put(s) it", which frames the quotation next to it
    ('As economist Lena Park puts it, "Nobody wants …"'); the subject speaks."""
    return puts_it(tok) and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _that_clause(tok: Token) -> bool:
    """True if ``tok`` governs a clause opened by the complementiser "that"."""
    return any(c.dep_ in ("ccomp", "acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in tok.children)


#: Verbs that report speech only with a that-clause: "counsel submitted that the claim was
#: out of time" (the verb of counsel's argument in British, Irish and Commonwealth court
#: reporting); "submitted its accounts" reports nothing.
_THAT_ONLY_CUES = frozenset(["submit"])

#: Light-verb cues: a verb and its object noun that together report what was said, with a
#: that-clause the parser hangs on the noun ("gave evidence that", "gave an assurance
#: that", "made the claim that"; the support-verb constructions of FrameNet's
#: Statement and Evidence frames as court, parliamentary and political reporting writes them).
_LIGHT_VERB_CUES = {
    "give": frozenset("evidence testimony assurance assurances undertaking warning".split()),
    "make": frozenset("claim allegation allegations assertion argument point case".split()),
}


def _that_cue(tok: Token) -> bool:
    """"He submitted that ...": a :data:`_THAT_ONLY_CUES` verb with a that-clause."""
    return tok.lemma_.lower() in _THAT_ONLY_CUES and tok.pos_ == "VERB" and _that_clause(tok)


def light_verb_noun(tok: Token) -> Token | None:
    """The object noun of a light-verb cue (:data:`_LIGHT_VERB_CUES`) when ``tok`` is its
    verb and a that-clause hangs on the noun or the verb ("gave evidence that ..."), else None."""
    nouns = _LIGHT_VERB_CUES.get(tok.lemma_.lower())
    if not nouns or tok.pos_ != "VERB":
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns and c.i > tok.i), None)
    if obj is None or not (_that_clause(obj) or _that_clause(tok)):
        return None
    return obj


#: Who "finds that" in news: judges and courts ruling, and the inquiries, audits and
#: reports of public bodies (AP Stylebook: "court decisions"; the verb a ruling or an
#: inquiry states its conclusion with). Studies, surveys and polls are left out: GGT
#: does not annotate their findings as quotations (two extra records on GGT dev), though
#: PolNeAR does.
_FINDERS = frozenset("""report review audit inquiry investigation probe judge justice court tribunal
jury coroner inquest commission commissioner ombudsman auditor watchdog panel
board investigator investigators""".split())   # (safety boards: "The Dutch Safety Board found that")


def _finding(tok: Token) -> bool:
    """"The study found that ...", "Justice Emma Lachance found that ...": "find" with a
    that-clause whose subject is one of :data:`_FINDERS` or a person titled judge or
    justice."""
    if tok.lemma_.lower() != "find" or not any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lemma_.lower() in _FINDERS or subj.lower_ in _FINDERS:
        return True
    return subj.ent_type_ == "PERSON" and any(t.lower_ in ("justice", "judge") for t in subj.subtree if t.i < subj.i)


#: Texts that "read" or "begin" with a quotation: "her statement read", "the poem began".
_WRITTEN = CHANNEL_NOUNS_V1 | frozenset("sign poem note placard banner caption headline card".split())


def _document_reads(tok: Token) -> bool:
    """"“...,” her statement read." / "the sign reads": a written text as the speaker,
    with "read" or "begin" as the cue (GGT annotates these)."""
    return tok.lemma_.lower() in ("read", "begin") and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _WRITTEN for c in tok.children)


def document_read_as_noun(tok: Token) -> bool:
    """True for "read"/"reads" the parser took for the head noun of a written text's
    phrase ("the post read", "the message reads": the text's noun its compound or
    subject, right before it; Instagram and press copy after a quotation)."""
    return tok.lower_ in ("read", "reads") and tok.pos_ in ("NOUN", "PROPN") and tok.i > 0 and any(
        c.dep_ in ("compound", "nsubj") and c.i == tok.i - 1 and c.lemma_.lower() in _WRITTEN for c in tok.children)


def cue_extent(tok: Token) -> tuple[int, int]:
    """Character (start, end) of the cue expression: the verb plus a particle, a light
    verb with its noun ("gave evidence"), or 'according to'."""
    start, end = tok.idx, tok.idx + len(tok)
    noun = light_verb_noun(tok)
    if noun is not None and noun.i - tok.i <= 3:
        return start, noun.idx + len(noun)
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        nxt = tok.doc[tok.i + 1]
        return start, nxt.idx + len(nxt)
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            end = c.idx + len(c)
    if _phrasal_retort(tok):   # "shot back", whose particle the parser may call an adverb
        nxt = tok.doc[tok.i + 1]
        end = nxt.idx + len(nxt)
    return start, end


def _is_channel_pp(prep: Token) -> bool:
    for p in prep.children:
        if p.dep_ == "pobj":
            w = p.lower_
            if w in PLATFORMS_V1 or (p.lemma_.lower() in CHANNEL_NOUNS_V1 and p.pos_ in ("NOUN", "PROPN")):
                return True
    return False


def find_channel(cue: Token, lo: int, hi: int) -> str | None:
    """The channel phrase attached to ``cue`` within chars [lo, hi), or None.

    Trailing time phrases are dropped: "in a statement to CNN on Sunday" gives
    "in a statement to CNN"; so is a reported clause the parser attached to the
    channel noun: "in a statement that ..." gives "in a statement".
    """
    doc = cue.doc
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "via", "through", "during", "at", "to") \
                and lo <= c.idx < hi and _is_channel_pp(c):
            toks = [t for t in c.subtree if lo <= t.idx < hi]
            # cut trailing time prepositional phrases and punctuation
            cut = len(toks)
            for i, t in enumerate(toks):
                if i > 1 and t.dep_ == "prep" and any(x.ent_type_ in _TIME_ENTS for x in t.subtree):
                    cut = i
                    break
                if i > 1 and (t.dep_ == "mark" or t.lower_ == "that" and t.i >= 1 and t.doc[t.i - 1].pos_ == "NOUN"
                              and t.doc[t.i - 1].lemma_.lower() in CHANNEL_NOUNS_V1):
                    # "in a statement that the review would go ahead": the parser hangs
                    # the reported clause on the channel noun (acl/relcl); the clause
                    # opened by the complementiser is the content, not the channel
                    cut = i
                    break
            toks = toks[:cut]
            while toks and toks[-1].is_punct:
                toks.pop()
            if toks:
                return doc[toks[0].i:toks[-1].i + 1].text
    if cue.lemma_.lower() == "tell":
        for c in cue.children:
            # "told the BBC's Today programme", "told a news conference": the one told is
            # the channel when it is a programme, a medium or an occasion of speech
            if c.dep_ in ("dobj", "dative") and lo <= c.idx < hi and c.pos_ == "NOUN" \
                    and c.lemma_.lower() in CHANNEL_NOUNS_V1:
                toks = [t for t in c.subtree if lo <= t.idx < hi and not (t.dep_ in ("prep", "relcl", "acl") and t.i > c.i)]
                toks = [t for t in toks if t.i <= c.i or t.head.i < c.i]
                while toks and toks[-1].is_punct:
                    toks.pop()
                if toks and toks[-1].i == c.i:
                    return doc[toks[0].i:c.i + 1].text
            if c.dep_ in ("dobj", "dative") and lo <= c.idx < hi and c.pos_ == "PROPN":
                outlet = _outlet(c, lo)
                if outlet is not None:
                    return outlet
    return None


def _outlet(head: Token, lo: int) -> str | None:
    """The news outlet ``head`` names, as written ("Sky Sports", "the Irish Times",
    "BBC Radio Ulster"), or None: a capitalised name whose last word is an outlet's
    (:data:`OUTLET_WORDS_V1`) or whose first is a broadcaster's or agency's
    (:data:`OUTLET_NAMES_V1`)."""
    doc = head.doc
    k = head.i
    while k > 0 and doc[k - 1].idx >= lo and doc[k - 1].head.i in (head.i, k) and doc[k - 1].dep_ in ("compound", "amod") \
            and doc[k - 1].text[:1].isupper():   # ("the New Straits Times": "New" an adjective)
        k -= 1
    words = [t.lower_ for t in doc[k:head.i + 1]]
    if not all(t.text[:1].isupper() or t.like_num for t in doc[k:head.i + 1]) or not (
            words[-1] in OUTLET_WORDS_V1 or words[0] in OUTLET_NAMES_V1 or words[0] in ("radio", "tv")):
        return None
    if k > 0 and doc[k - 1].lower_ == "the" and doc[k - 1].head.i == head.i:
        k -= 1
    return doc[k:head.i + 1].text
