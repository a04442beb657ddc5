"""saidwhat.pipeline.speaker_detector: the syntactic speaker of a cue, and its name and role.

Reads ``token.dep``/``head``/``pos``/``ent_type``. Given a cue token, finds the
subject (``nsubj``; through ``relcl`` to the noun a relative clause modifies;
through ``advcl``/``xcomp``/``conj`` to the governing verb's subject, for
participial cues like "writing on Twitter that ..."), then splits the noun
phrase into a name ("Dmytro Kuleba") and a role ("Ukraine's Foreign Minister"),
with appositions on either side ("her spokesman, Idris Fenwick"; "Marta Quill,
a paramedic").
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from spacy.tokens import Span, Token

from . import given_names
from .context import DATELINE, DATELINE_DATE, LEGAL_FORMS, after_title, coordinated_first_part, opens_apposition, spaced
from .paragraphs import breaks_paragraph_in
from .cue_detector import document_read_as_noun, puts_it
from .lexicons import (ACCOUNT_NOUNS_V1, BODY_HEAD_NOUNS, COMPANY_NAME_WORDS_V1, COURTESY_TITLES_V1, DEMONYM_NOUNS_V1,
                       ELIDED_SURNAME,
                       GROUP_NOUNS_V1, HYPHENS, INDIRECT_VERBS_V1, NAME_PARTICLES_V1,
                       NAME_SUFFIXES_V1, ORG_NOUNS_V1, ORG_NOUNS_V2, PERSON_NOUNS_V1, PERSON_NOUNS_V2, PERSONAL_TITLES_V1,
                       PLATFORMS_V1, POST_NOMINALS_V1, REPORTING_VERBS_V1, TITLE_MODIFIERS_V1, TITLE_WORDS_V1)

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
#: Heads of capitalised titles that name an office, not a person ("Parliamentary Budget
#: Officer", "Chief Medical Officer", "Privacy Commissioner"): the title and role words.
_ROLE_HEADS = TITLE_WORDS_V1 | PERSON_NOUNS_V1 | frozenset("whip speaker clerk".split())
# (and a legislature's presiding titles, capitalised before a name: "House Minority Whip
# Carla Dunmore", which the parser heads with the title)
#: Passive cues whose subject is still the speaker ("he was quoted as saying").
_PASSIVE_SPEAKER_CUES = frozenset("quote cite".split())
#: Object-control verbs: in "V X to say ..." X says it ("prompting the city to urge
#: residents ..."); the common English object-control verbs (Rosenbaum 1967; Quirk et
#: al. 1985, 16.64). "use X to", "promise X to" are not among them.
_OBJECT_CONTROL = frozenset("""prompt urge ask tell force persuade convince encourage invite order
compel lead push press allow permit require get inspire pressure warn advise instruct remind
challenge implore beg motivate cause expect""".split())
_CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl", "ccomp")
_DROP_CHILD_DEPS = ("relcl", "appos", "acl", "advcl", "punct", "cc", "conj", "prep")
PRONOUNS = {"he": "M", "him": "M", "she": "F", "her": "F", "they": None, "them": None,
            "it": None, "we": None, "i": None, "you": None}
RELATIVE = {"who", "that", "which", "whom"}
_ORG_NAME_WORDS = frozenset("""
international ministry council inc ltd llc corp corporation association university bank
agency authority commission department service services group party police court company
committee institute foundation network news times post press union office board government
federation assembly centre center club league society fund trust hospital school college
gmbh ag plc llp lp limited holdings co s.a n.v
resort resorts hotel hotels casino casinos motors diocese archdiocese division
unit team health healthcare alliance coalition partnership tribunal caucus local isd usd campaign
wing battalion squadron regiment brigade fleet corps consortium cooperative
navy army force forces marines constabulary gendarmerie militia
mission museum gallery library academy orchestra theatre theater observatory chamber
bureau directorate secretariat inspectorate
""".split()) | COMPANY_NAME_WORDS_V1

#: Documents and data that speak for their author: "a study released by Civic Action",
#: "the latest numbers from Statistics Canada" -> the organisation.
_DOCUMENT_NOUNS = frozenset("release statement report letter email e-mail memo study survey poll "
                            "post tweet message notice filing numbers data figures analysis research "
                            "document paper ruling decision commentary column op-ed essay book article "
                            "editorial blog speech testimony "
                            # data a body compiles: "according to the polling average"
                            "average estimate estimates tally forecast projections "
                            # findings: "the inquiry found that ...", "the audit found"
                            "inquiry review audit investigation probe inquest "
                            # court papers (AP Stylebook, "court documents"): "the complaint said"
                            "complaint lawsuit indictment affidavit warrant records".split())
#: Verbs whose agent received or examined a document rather than wrote it ("a memo
#: obtained by The Globe", "emails combed through by Vox", "records reviewed by the AP").
_RECIPIENT_VERBS = frozenset("""obtain see review comb examine analyze analyse read acquire get
receive leak view inspect""".split())
#: Where a document is published, as "on X's website".
_PUBLISHED_ON = frozenset("website site web page blog feed account".split())
_POSS_PRONOUNS = {"her": "she", "his": "he", "its": "it", "their": "they"}


def first_name_gender(word: str) -> str | None:
    """'M', 'F' or None for a given name, from the nomquamgender-derived table
    (:func:`saidwhat.pipeline.given_names.name_gender`: p(female) >= 0.9 or <= 0.1;
    names in between, "Kim", "Jean", are left to the article's pronouns)."""
    return given_names.name_gender(word)


def is_known_first_name(word: str) -> bool:
    """Whether a capitalised word is a well-attested given name
    (:func:`saidwhat.pipeline.given_names.is_given_name`)."""
    return given_names.is_given_name(word)


#: A title word borne as a given name by this many people or more in the name table
#: (:mod:`saidwhat.pipeline.given_names`) is the given name when another title stands
#: before it and one surname after it ("House Speaker Dean Cortland"): only "Dean"
#: (217,305) is that common; "Prince" (22,336) and "Major" (18,052) stay titles.
GIVEN_NAME_TITLE_MIN = 100_000


def _given_name_after_title(toks: list[Token]) -> bool:
    """Whether a name's tokens are a title word that is a very common given name
    (:data:`GIVEN_NAME_TITLE_MIN`) and one capitalised surname, after a capitalised
    title that is no name or entity itself ("House Speaker Dean Cortland"; not
    "Harvard Dean Smith")."""
    if len(toks) != 2 or toks[0].i == 0 or not toks[1].text[:1].isupper():
        return False
    info = given_names.lookup(toks[0].text)
    prev = toks[0].doc[toks[0].i - 1]
    return info is not None and info[1] >= GIVEN_NAME_TITLE_MIN and prev.text[:1].isupper() and prev.is_alpha \
        and not prev.ent_type_ and not is_known_first_name(prev.text) and not prev.is_sent_start


@dataclass
class Mention:
    """A speaker mention found in the text.

    Attributes:
        start: Character index of the mention (end exclusive ``end``).
        end: Character index after the mention.
        text: The mention as written (without appositions / relative clauses).
        head: The mention's head token.
        name: The proper name in it ("Dmytro Kuleba"), or None.
        role: Title or description ("Ukraine's Foreign Minister"), or None.
        kind: 'name', 'pronoun', 'description' (definite), 'generic' (indefinite).
        ent_label: NER label of the name, if any.
    """

    start: int
    end: int
    text: str
    head: Token | None
    name: str | None = None
    role: str | None = None
    kind: str = "name"
    ent_label: str | None = None


def _past_dateline(subj: Token) -> Token:
    """The subject itself, or, for a subject inside a dateline that opens its paragraph
    ("SAN DIEGO — Brevik Holdings Inc., the gear maker, said": the parser makes the
    place the subject and the company its apposition), the apposition after the dateline."""
    doc = subj.doc
    if not subj.text[:1].isupper():
        return subj
    k = subj.i   # the paragraph's first token (a headline without a full stop may share the sentence)
    while k > 0 and "\n" not in doc[k - 1].text and "\n" not in doc[k - 1].whitespace_ and subj.i - k < 16:
        k -= 1
    if k > 0 and "\n" not in doc[k - 1].text and "\n" not in doc[k - 1].whitespace_:
        return subj
    head = doc[k:min(len(doc), k + 16)]
    m = DATELINE.match(head.text)
    if m is None or subj.idx >= head.start_char + m.end():
        return subj
    end = head.start_char + m.end()
    # (the first apposition after the dateline, however deep the parser hung it, or a
    # name it coordinated with the dateline's place; not a listed company's ticker: "MINNEAPOLIS--(BUSINESS WIRE)--Harlow & Pike Foods Co.
    # (NYSE: HPF) today announced")
    return next((a for a in subj.subtree if (a.dep_ == "appos" or a.dep_ == "conj" and a.pos_ == "PROPN"
                                             and a.head.idx < end) and a.idx >= end and not _in_ticker(a)), subj)


def find_subject(cue: Token, depth: int = 0) -> Token | None:
    """The subject of a cue verb, climbing to governing verbs for participles and
    relative clauses. Returns the head token of the subject NP, or None. A dateline
    the parser made the subject gives way to its apposition (:func:`_past_dateline`)."""
    subj = _subject(cue, depth)
    subj = _past_dateline(subj) if subj is not None else None
    subj = _before_party_state(subj) if subj is not None else None
    if subj is not None and subj.text == "i" and 0 < subj.i < len(subj.doc) - 1 \
            and subj.doc[subj.i - 1].text[:1].isupper() and subj.doc[subj.i + 1].text[:1].isupper():
        subj = subj.doc[subj.i + 1]   # "Pau Roig i Ferrer said": the Catalan "i" read as the pronoun "I"
    subj = _titled_person_in_name(subj, cue) or subj if subj is not None else None
    subj = _role_apposed_name(subj, cue) or subj if subj is not None else None
    if subj is not None and subj.pos_ == "NOUN" and subj.dep_ == "appos" and cue.dep_ == "relcl" \
            and cue.head.i == subj.i and subj.head.pos_ == "PROPN" and subj.head.ent_type_ == "PERSON" \
            and subj.head.i < subj.i:
        # "Among those at the hui was Anahera Tipene, 22, a law student, who said": the
        # relative clause hangs on the name's apposition; the name is who speaks
        subj = subj.head
    named = _apposed_name_before(cue)
    if named is not None and (subj is None or subj.i < named.i and subj.pos_ != "PRON"
                              and (subj.ent_type_ != "PERSON" or subj.lower_ in TITLE_WORDS_V1)
                              and not (subj.pos_ == "NOUN" and named.head.i == subj.i)):
        return named
    return subj


def _titled_person_in_name(subj: Token, cue: Token) -> Token | None:
    """The person the parser hung inside an organisation's "of" phrase: in "Bureau of
    Plant Industry director Glenn Panganiban Cruz said", "Bureau" becomes the subject
    and "director Glenn Panganiban Cruz" part of its name. When that phrase's object is a
    person's name right before the cue, with a title or role noun before the name, the
    person is the subject (the body and title their role); None otherwise."""
    if subj.ent_type_ not in ("ORG", "GPE") or subj.i >= cue.i:
        return None
    for prep in subj.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
            continue
        pobj = next((x for x in prep.children if x.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ != "PERSON" or pobj.i + 1 != cue.i \
                and not (pobj.i + 2 == cue.i and cue.doc[pobj.i + 1].dep_ in ("aux", "advmod")):
            continue
        if any(t.i < pobj.i and not t.ent_type_ and (t.lower_ in TITLE_WORDS_V1 or t.lower_ in _ROLE_NOUNS)
               for t in pobj.subtree):
            return pobj
    return None


def _role_apposed_name(subj: Token, cue: Token) -> Token | None:
    """The person after a body's name and a role noun, which the parser hung on the body
    as appositions: in "National Disaster Mitigation Agency (BNPB) head Kuswanto said",
    "Agency" becomes the subject and "head" and "Kuswanto" hang on it (so does "Dana
    Whitlow" in "UC Office of the President spokesperson Dana Whitlow said"). When the
    word right before the cue (or the name NER found ending there) is a capitalised
    proper noun inside the subject's phrase, after a role noun (:data:`PERSON_NOUNS_V1`, :data:`BODY_HEAD_NOUNS`) and with no comma
    between, that noun is the subject; None otherwise."""
    doc = subj.doc
    k = cue.i - 1
    if k > 0 and doc[k].dep_ in ("aux", "advmod") and doc[k].pos_ != "PROPN":
        k -= 1
    if subj.pos_ != "PROPN" or not subj.i + 1 < k:
        return None
    name, role = doc[k], doc[k - 1]
    if name.ent_type_ == "PERSON" and (ent := _entity_at(name)) is not None and ent.end - 1 == name.i \
            and len(ent) >= 2 and ent.start - 1 > subj.i:
        role = doc[ent.start - 1]   # "UC Office of the President spokesperson Dana Whitlow said"
    if name.pos_ != "PROPN" or not name.text[:1].isupper() or name.text.isupper() \
            or role.pos_ != "NOUN" or role.lower_ not in PERSON_NOUNS_V1 and role.lower_ not in BODY_HEAD_NOUNS \
            or any(t.text == "," for t in doc[subj.i + 1:k]):
        return None
    if all(any(a.i == subj.i for a in t.ancestors) for t in (name, role)):
        return name
    return None


def _before_party_state(subj: Token) -> Token:
    """The name before a US legislator's party and state that the parser made the
    subject's head ("Sen. Lorraine Ubaka-Finn, D-Minn., called ...": "Minn."): the last
    word of the PERSON name before the comma; else ``subj``."""
    doc = subj.doc
    j = subj.i
    while j > 0 and doc[j - 1].text != "," and subj.i - j < 5:
        j -= 1
    if j >= 2 and doc[j - 1].text == "," and doc[j - 2].ent_type_ == "PERSON" \
            and _PARTY_STATE.fullmatch(doc[j:subj.i + 1].text):
        return doc[j - 2]
    return subj


#: A US legislator's party and state after the name ("D-Minn.", "R-Texas", "I-Vt."; AP
#: Stylebook, "party affiliation"): no one's name.
_PARTY_STATE = re.compile(r"[DRI]\s?-\s?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?")


def _apposed_name_before(cue: Token) -> Token | None:
    """The head of a person's name set off by commas right before the cue: "Contacted,
    the factory's managing director, Shahidul Alam Chowdhury, said ...", "Counsel to
    the EFCC, Kemi Pinheiro, told ...", "a lawyer for AS, Febri Diansyah, said ...".
    The parser hangs such a name as an apposition of whatever noun precedes it (the
    opener, the title, the body in its "of"/"for" phrase); the name in apposition
    next to the cue is who speaks, the description its role. None unless the cue is a
    finite verb and the name is one to seven capitalised proper nouns (particles and
    hyphens between) with no title word but a leading honorific ("Dr", "Alhaji"), that
    NER calls a person (or, two or more, leaves unlabelled or calls a place) and the
    parser an apposition; the caller keeps a subject that is a person's name or a
    pronoun."""
    doc = cue.doc
    end = cue.i - 1   # the comma before the cue
    while end > 0 and doc[end].head.i == cue.i and doc[end].dep_ in ("aux", "advmod") and doc[end].is_alpha:
        end -= 1      # "..., Jonathan Reyes, had told", "..., Lee Roe, also said"
    finite = cue.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") and end < c.i < cue.i for c in cue.children)
    if end < 3 or doc[end].text != "," or not finite:
        return None   # (a participle: "wrote to its president, Lee Roe, calling ..." is the writer's)
    start = end
    while start > 0 and end - start < 7 and (
            doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
            or doc[start - 1].text in NAME_PARTICLES_V1 and start < end      # "Khalid bin Salman"
            or doc[start - 1].text in HYPHENS and start < end and not doc[start - 1].whitespace_
            and start >= 2 and not doc[start - 2].whitespace_):              # "Raman-Whitfield"
        start -= 1
    labels = {t.ent_type_ for t in doc[start:end] if t.pos_ == "PROPN"}
    if _PARTY_STATE.fullmatch(doc[start:end].text):
        return None   # "Sen. Lorraine Ubaka-Finn, D-Minn., said": the party and state, US style
    if start == end or not (labels == {"PERSON"} or end - start >= 2 and labels <= {"PERSON", "GPE", ""}) \
            or any(t.lower_.rstrip(".") in TITLE_WORDS_V1 or _post_nominal(t) for t in doc[start:end]
                   if not (t.i == start and t.lower_.rstrip(".") in PERSONAL_TITLES_V1)):
        # (a title set off by commas, "Jim Roe, Yellowhead MP, said", is the role)
        return None   # (NER may call a name it does not know a place: "Kemi Pinheiro")
    if start < 2 or doc[start - 1].text != "," or doc[start].sent.start != cue.sent.start:
        return None
    head = next((t for t in doc[start:end] if not (start <= t.head.i < end)), None)
    if head is None or head.pos_ != "PROPN" or head.head.i >= start or not (
            head.dep_ == "appos" or head.dep_ == "conj" and labels == {"PERSON"}
            and head.head.ent_type_ in ("GPE", "LOC")):
        return None   # (a conjunct of the place before it: "One owner in Portland, Oregon, Derek Salinger, said")
    return head


_DASH_MARKS = frozenset("—–-")


def _dashed_apposition(cue: Token, c: Token) -> Token | None:
    """The subject before a phrase set off by dashes that the parser made a second subject
    of the cue: in "City manager Lisa Hartley — Abbie's older sister — said", "sister" and
    "Hartley" are both subjects; the phrase between the dashes describes the name before
    it (an apposition, as with commas). Returns that earlier subject, or None."""
    doc = cue.doc
    lo, hi = c.left_edge.i, c.right_edge.i
    if doc[lo].text in _DASH_MARKS:   # the parser hangs either dash on the phrase or on a word in it
        lo += 1
    if doc[hi].text in _DASH_MARKS:
        hi -= 1
    if lo < 2 or hi + 1 >= len(doc) or doc[lo - 1].text not in _DASH_MARKS or doc[hi + 1].text not in _DASH_MARKS \
            or hi + 2 != cue.i:
        return None
    return next((x for x in cue.children if x.dep_ == "nsubj" and x.i < lo and x.right_edge.i == lo - 2), None)


def _spaced_hyphen(tok: Token) -> bool:
    """True for a hyphen written with a space on each side, as a dash ("Ana Ruiz - a
    nurse - said"; Reuters and agency copy set dashes so)."""
    return tok.text == "-" and tok.i < len(tok.doc) - 1 and spaced(tok)


def _name_before_spaced_hyphen(c: Token, cue: Token) -> Token | None:
    """The name before a phrase set off by spaced hyphens, which the parser made part of
    the cue's subject: in "Sabine Krolle - a spokeswoman for the bank - said", "Krolle"
    hangs on "spokeswoman" as a compound (a phrase set off by dashes is an apposition).
    Returns the name's last word when the subject's phrase opens with capitalised proper
    nouns, then a spaced hyphen, and a second spaced hyphen closes it right before the
    cue; else None."""
    doc = c.doc
    lo = c.left_edge.i
    k = lo
    while k < c.i and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k += 1
    if k == lo or k >= c.i or not _spaced_hyphen(doc[k]):
        return None
    close = cue.i - 1
    while close > c.i and doc[close].dep_ in ("advmod", "aux", "neg"):
        close -= 1
    return doc[k - 1] if close > c.i and _spaced_hyphen(doc[close]) else None


def _said_as_noun(tok: Token) -> bool:
    """True for "said"/"says" the parser read as the head noun of its own subject's phrase,
    and "read" of a written text's ("the post read": :func:`cue_detector.document_read_as_noun`)."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in ("said", "says") or document_read_as_noun(tok)


def _fused_determiner(head: Token, np: list[Token]) -> Token | None:
    """The determiner of a subject the parser fused with its cue into one noun phrase
    headed by "said" ("the 29-year-old said": "the" and "old" both modify "said"), when
    ``head`` is that subject's modifier; None otherwise."""
    cue = head.head
    if cue.i <= head.i or not _said_as_noun(cue):
        return None
    return next((c for c in cue.children if c.dep_ in ("det", "poss") and c.i < np[0].i), None)


def _subject(cue: Token, depth: int) -> Token | None:
    if puts_it(cue):
        as_ = next((c for c in cue.children if c.lower_ == "as" and c.i < cue.i), None)
        pobj = next((x for x in as_.children if x.dep_ == "pobj"), None) if as_ is not None else None
        if pobj is not None:
            return pobj   # "As Akhil Amar, professor of ..., put it": the parser made the speaker the object of "as"
    if _said_as_noun(cue):
        # "the 29-year-old said, breaking down ...": the parser reads subject and cue as one
        # noun phrase headed by "said"; its nearest modifier before it heads the subject
        mod = max((c for c in cue.children if c.i < cue.i and c.dep_ in ("amod", "compound", "nmod")),
                  key=lambda c: c.i, default=None)
        if mod is not None:
            return mod
    for c in sorted(cue.children, key=lambda c: (abs(c.i - cue.i), c.i < cue.i)):   # nearest subject first
        # (of two as near, the one after the cue: '"... Only a fence and a signboard," said
        # the 58-year-old', where the parser made the quotation's noun a subject too)
        if c.dep_ == "nsubj" and c.i < cue.i and (named := _dashed_apposition(cue, c)) is not None:
            return named
        if c.dep_ == "nsubj" and c.i < cue.i and (named := _name_before_spaced_hyphen(c, cue)) is not None:
            return named
        if c.dep_ == "nsubj" and c.lower_ == "relation" and any(d.lower_ == "no" for d in c.children):
            continue   # "Pieter van der Laan — no relation — a centre-right MEP, said": an aside
        if c.i == cue.i + 1 and puts_it(cue):
            continue   # "as Akhil Amar ... put it": the object of the idiom, which the parser may make a subject
        if c.dep_ in SUBJ_DEPS and any(ch.isalpha() for ch in c.text):
            if c.dep_ == "nsubjpass" and cue.lemma_ not in _PASSIVE_SPEAKER_CUES:
                # "He was described as ...", "the arrest, which was described as ...": the
                # passive subject is what was said about, not who said it; the agent did
                agent = next((a for a in cue.subtree if a.i > cue.i and (
                    a.dep_ == "agent" or a.lower_ == "by" and a.dep_ == "prep")), None)   # parsers hang "by" low
                pobj = next((x for x in agent.children if x.dep_ == "pobj"), None) if agent is not None else None
                return pobj
            if c.lower_ in RELATIVE and cue.dep_ == "relcl":
                if c.lower_ in ("who", "whom") and _inanimate(cue.head):
                    return _person_above(cue.head)
                if c.lower_ == "who" and cue.head.dep_ == "attr" and cue.head.head.lemma_ == "be":
                    # "The owner, Declan Morrow, is a former lawyer who says ...": the
                    # relative's noun is the predicate of a copula; its subject speaks
                    subj = next((x for x in cue.head.head.children if x.dep_ == "nsubj"), None)
                    if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") and subj.lower_ not in RELATIVE \
                            and subj.lower_ not in ("it", "this", "that", "there"):
                        return subj
                return cue.head
            if c.dep_ == "csubj":
                if _imperative_name(c) is not None:
                    return c   # "Save the Children said ...": a campaign named by an imperative
                continue
            doc_noun = _misparsed_document_subject(cue, c)
            if doc_noun is not None:
                return doc_noun
            if depth and cue.dep_ == "ccomp" and cue.head.lemma_ in REPORTING_VERBS_V1 \
                    and cue.head.i < cue.i and _inanimate(c):
                # "Halvorsen denied that a merger was coming, explaining that ...", "said
                # the plan would cost too much, and called it ...": the parser hangs the
                # participle or coordinated cue on the reported clause, whose subject is a
                # thing; a thing does not speak, its reporter does
                return find_subject(cue.head, depth + 1)
            if depth and cue.lemma_ == "be" and cue.dep_ == "ccomp" and c.lemma_.lower() in _DOCUMENT_NOUNS:
                # "X said the message ... is that ..., noting that ...": the participle the
                # parser hung on the reported clause is the reporter's, not the message's
                return find_subject(cue.head, depth + 1)
            return c
    if cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head
    if cue.dep_ == "acl" and cue.head.dep_ == "ROOT" and cue.head.pos_ in ("NOUN", "PROPN") \
            and cue.head.i < cue.i and any(c.dep_ == "ccomp" for c in cue.children):
        # "The six MPs announced on Tuesday that ...": a sentence without a verb but the
        # cue, which the parser read as a reduced relative of the noun before it
        return cue.head
    fronted = _subject_in_fronted_phrase(cue)
    if fronted is not None:
        return fronted
    prev = cue.doc[cue.i - 1] if cue.i > 0 else None
    if prev is not None and _modal_surname(prev):
        return prev   # "May said ...": Theresa May, read as a modal verb
    if prev is not None and prev.pos_ in ("PROPN", "PRON") and prev.dep_ not in ("poss", "pobj") \
            and cue.dep_ in ("ROOT", "ccomp", "conj") and cue.tag_ in ("VBD", "VBZ", "VBP"):
        # misparsed subject right before a finite cue: "..., McNeely(advmod) said they ..."
        return prev
    if cue.dep_ == "xcomp" and cue.head.lemma_ in _OBJECT_CONTROL and any(a.lower_ == "to" for a in cue.children):
        # object control: "prompting the city to urge residents ...": the city urges
        obj = next((o for o in cue.head.children if o.dep_ == "dobj" and o.i < cue.i), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
            return obj
    if depth < 2 and reporters_continuation(cue):
        # "Lena Brandt said the council closed the quay, and added ...": the parser joins
        # "added" to the reported clause; news uses "said ... and added" for the
        # reporter's own continuation ("the man fled and told officers" stays the man's)
        return find_subject(cue.head.head, depth + 1)
    if cue.lower_ == "as" and depth and cue.head.lemma_ in _PASSIVE_SPEAKER_CUES \
            and (obj := next((o for o in cue.head.children if o.dep_ == "dobj" and o.i < cue.i), None)) is not None:
        # "state media quoted Wang Jianguo as saying ...": the one quoted speaks
        return obj
    if cue.pos_ == "ADP" and cue.dep_ == "prep" and depth and cue.head.pos_ in ("VERB", "AUX"):
        # "appeared to defend his plans by saying ...": a participle under a preposition
        # is the verb's; the preposition is no step of its own
        return find_subject(cue.head, depth)
    if depth and cue.dep_ in ("pobj", "dobj") and _inanimate(cue):
        # "..., at one point calling the chairman “a liar”", "adopted a new attack to
        # exploit her record by labeling her ...": the parser hangs the participle or
        # infinitive on a noun of the clause; a thing does not call, the verb's subject does
        verb = cue.head.head if cue.dep_ == "pobj" and cue.head.dep_ == "prep" else cue.head
        if verb.pos_ in ("VERB", "AUX") and (cue.dep_ == "dobj" or verb is not cue.head):
            return find_subject(verb, depth)
    if depth < 2 and cue.dep_ in _CLIMB_DEPS and cue.head.i != cue.i:
        return find_subject(cue.head, depth + 1)
    return None


def _modal_surname(tok: Token) -> bool:
    """True for a capitalised "May", "Will" or "Can" the tagger read as a modal verb
    that is the surname of a person named in the article ("Theresa May ... May said")."""
    return tok.pos_ == "AUX" and tok.lower_ in ("may", "will", "can") and tok.text[:1].isupper() \
        and tok.text[1:].islower() and _surname_in_doc(tok)


def _subject_in_fronted_phrase(cue: Token) -> Token | None:
    """The subject the parser hung, as an apposition, on the last noun of a fronted
    phrase: "In an email to CBC News, a spokesperson for the ministry said ...",
    "Speaking to CTV News, Gail Ambrose, president of ..., wrote ..." (the spokesperson
    read as an apposition of "CBC News"), or as a conjunct of the place ("In Tumpat,
    Azhar Yusof, 45, said ..."). The first such phrase after a comma whose
    phrase runs up to the cue (a comma at most between); None if there is none."""
    doc = cue.doc
    end = cue.i - 1
    if end >= 0 and doc[end].text == ",":
        end -= 1
    for mod in cue.children:
        # (and "asked" parsed as the cue's complement: "Ruth Adair, asked whether the plan
        # would pass, said ...")
        if mod.i > cue.i or mod.dep_ not in ("prep", "advcl", "advmod") \
                and not (mod.dep_ == "ccomp" and mod.lemma_ == "ask"):
            continue
        if mod.dep_ in ("advcl", "ccomp") and mod.tag_ in ("VBN", "VBG", "VBD") and mod.i > 1 and doc[mod.i - 1].text == ",":
            # "Dana Whitfield, asked about the delay, said ...": the parser made the name
            # the subject of the participle set off by commas (or read it as a past tense)
            subj = next((c for c in mod.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < mod.i), None)
            if subj is not None and subj.right_edge.i in (mod.i - 2, mod.i - 1) and subj.pos_ in ("PROPN", "NOUN", "PRON") \
                    and subj.lower_ not in RELATIVE:
                return subj
        for t in mod.subtree:
            if (t.dep_ == "appos" or t.dep_ == "conj" and t.ent_type_ == "PERSON") and t.i > 1 \
                    and doc[t.left_edge.i - 1].text == "," \
                    and t.right_edge.i in (end, cue.i - 1) and t.pos_ in ("NOUN", "PROPN") and t.head.pos_ == "PROPN":
                return t
            if t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and (
                    t.right_edge.i in (end, cue.i - 1) and any(c.dep_ in ("relcl", "appos") and c.i > t.i
                                                               for c in t.children)
                    or t.i + 2 < cue.i and doc[t.i + 1].text == "," and doc[t.i + 2].lower_ == "who"
                    and doc[cue.i - 1].text == ","):   # (the parser may hang the clause elsewhere)
                first = min((c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i),
                            key=lambda c: c.i, default=t)
                if first.i > 0 and doc[first.i - 1].text == ",":
                    # "Reached by phone Monday, Lund, who runs the kitchen, said ...": the
                    # name after the fronted phrase's comma, with its clause, up to the cue
                    return t
    return None


def _name_given(head: Token, lo: int, hi: int) -> list[Token] | None:
    """The capitalised name a social-media page or account is given right after it ("a
    Facebook page called Ohio Moms Unite": "Ohio Moms Unite"), or None."""
    if head.lemma_.lower() not in ACCOUNT_NOUNS_V1:
        return None
    for c in head.children:
        if c.dep_ == "acl" and c.i == head.i + 1 and c.lemma_.lower() in ("call", "name", "dub") and c.tag_ == "VBN":
            obj = next((x for x in c.children if x.dep_ in ("oprd", "attr", "dobj", "npadvmod") and x.i > c.i
                        and x.pos_ == "PROPN" and lo <= x.idx < hi), None)
            if obj is not None:
                toks = [t for t in obj.subtree if t.i <= obj.i and t.i > c.i]
                if toks and all(t.text[:1].isupper() or t.text[:1].isdigit() or t.text in ("@", "&") for t in toks):
                    return toks
    return None


def reporters_continuation(cue: Token) -> bool:
    """True for a speech verb the parser joined to a reported clause that is the
    reporter's own next statement: "X said the council closed the quay, and added ..."
    (always), "The union said the offer was an insult and warned that ..." and "said the
    bill's requirements were unworkable and urged the governor to ..." (the clause's
    subject is a thing, which does not warn or urge), or a past tense after a clause with a
    modal ("said the Cabinet would submit it, and called on ..."). A conjoined verb with a
    subject of its own, or after a person ("the man fled and told officers"), is not."""
    if cue.dep_ != "conj" or cue.head.dep_ != "ccomp" or cue.i < cue.head.i \
            or cue.head.head.lemma_ not in INDIRECT_VERBS_V1 or cue.head.head.i > cue.head.i \
            or any(c.dep_ in SUBJ_DEPS for c in cue.children) \
            or not any(c.dep_ == "cc" and c.i < cue.i for c in (*cue.children, *cue.head.children)) \
            or cue.tag_ in ("VBZ", "VBP") and cue.head.head.tag_ == "VBD":
        return False   # (a present tense after a past cue is the reported clause's: "said the
        #                 study was careful and adds to the evidence"; "says ... but conceded" is
        #                 the reporter's next statement)
    if cue.lemma_ == "add":
        return True
    if cue.tag_ == "VBD" and cue.lemma_ in REPORTING_VERBS_V1 and cue.head.head.tag_ == "VBD" \
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.head.children):
        # "said the Cabinet would submit the report, and called on lawmakers to ...": a past
        # tense cannot share the clause's modal ("would ... and call"), so it is the
        # reporter's next statement, whoever the clause's subject is
        return True
    inner = next((c for c in cue.head.children if c.dep_ in SUBJ_DEPS), None)
    return cue.lemma_ in REPORTING_VERBS_V1 and inner is not None and inner.pos_ == "NOUN" and not inner.ent_type_ \
        and (_inanimate(inner) or inner.lemma_.lower().endswith(_ABSTRACT_ENDINGS))


#: Endings of English abstract nouns ("requirement", "insistence", "decision",
#: "closure"; Quirk et al. 1985, App. I.32-I.35): things, whatever the agent endings say.
_ABSTRACT_ENDINGS = ("ment", "ance", "ence", "ity", "tion", "sion", "ness", "ure")


#: Endings of agent nouns that name people ("economist", "librarian", "consultant",
#: "student"; English derivational morphology, Quirk et al. 1985, App. I.24-I.34): such a
#: noun is never taken for a thing. "-er" and "-or" are left out: they end as many things
#: ("merger", "order", "computer"); the person ones are in PERSON_NOUNS_V1.
_AGENT_ENDINGS = ("ist", "ian", "ant", "ent")


def _inanimate(tok: Token) -> bool:
    """True for a common noun that names a thing, which cannot speak ("merger", "plan",
    "discussion"): no entity label, and not a person, group, organisation or document
    noun, a title, or an agent noun by its ending (``_AGENT_ENDINGS``), nor a collective
    "of" what can speak ("a cluster of men"). A person noun the lists lack and that ends
    otherwise ("plumber") is taken for a thing."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    low, lemma = tok.lower_, tok.lemma_.lower()
    if any(w in lex for w in (low, lemma) for lex in (
            PERSON_NOUNS_V1, GROUP_NOUNS_V1, ORG_NOUNS_V2, TITLE_WORDS_V1, _DOCUMENT_NOUNS, DEMONYM_NOUNS_V1)):
        return False
    if lemma.endswith(_AGENT_ENDINGS):
        return False
    # "a cluster of men", "a group of residents": a collective of what can speak
    return not any(c.lower_ == "of" and any(p.dep_ == "pobj" and not _inanimate(p) for p in c.children)
                   for c in tok.children)


def _person_above(noun: Token) -> Token:
    """The noun a phrase holding ``noun`` modifies, for a "who" the parser hung on a
    thing: "one official familiar with the discussion, who added" -> "official".
    ``noun`` itself when no such noun is above it."""
    t = noun
    while t.dep_ in ("pobj", "prep", "amod", "acl", "pcomp") and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and not _inanimate(t):
            return t
    return noun


def _misparsed_document_subject(cue: Token, subj: Token) -> Token | None:
    """The document a participle's object was misread away from: in "The board decision
    allowing his release said he ...", the parser makes "release" the subject of "said"
    and "said" the complement of "allowing" (or a second subject of "said"); the
    document said it. None unless ``subj`` follows a participle modifying a document
    noun that governs the cue or is its other subject."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if cue.dep_ == "ccomp" and cue.head.dep_ == "acl":
        part = cue.head
    else:
        part = next((p for d in cue.children if d.dep_ in SUBJ_DEPS and d.i < subj.i
                     for p in d.children if p.dep_ == "acl" and p.i < subj.i), None)
        if part is None:
            return None
    noun = part.head
    if part.tag_ in ("VBG", "VBN") and part.i < subj.i < cue.i \
            and (noun.lemma_.lower() in _DOCUMENT_NOUNS or noun.lower_ in _DOCUMENT_NOUNS):
        return noun
    return None


#: Hyphens that join the parts of one word ("Galbraith-Marten", "Okonjo-Iweala").


def _word_hyphen(tok: Token) -> bool:
    """A hyphen inside a word: no whitespace on either side ("Okonjo-Iweala"; not the
    dash in "Vale - who ...")."""
    return (tok.text in HYPHENS and not tok.whitespace_ and tok.i > 0
            and not tok.doc[tok.i - 1].whitespace_ and tok.i + 1 < len(tok.doc))


#: Quantifiers whose "of" phrase is the group they pick from, so part of the mention:
#: "one of the harbour workers asked" names "one of the harbour workers", not "one".
_PARTITIVE_HEADS = frozenset("one two three some many several few most all none each any both".split())


def _np_tokens(head: Token, lo: int, hi: int, keep_prep: bool = False) -> list[Token]:
    """Tokens of the noun phrase headed by ``head`` within char range [lo, hi),
    without relative clauses (anywhere in it), appositions and (unless ``keep_prep``) trailing
    prepositional phrases. A hyphen inside a word stays (the parser hangs it on the
    head as ``punct``)."""
    drop: set[int] = set()
    for c in head.children:
        if c.dep_ in _DROP_CHILD_DEPS and not (c.dep_ == "prep" and (
                c.i < head.i or keep_prep or (c.lower_ == "of" and head.lower_ in _PARTITIVE_HEADS))):
            if c.dep_ == "punct" and c.i < head.i and c.text in ("'", "’", "'s", "’s"):
                continue
            if c.dep_ == "punct" and _word_hyphen(c):
                continue
            drop.update(t.i for t in c.subtree)
    for t in head.subtree:
        if t.dep_ == "relcl" and t.i > head.i and t.i not in drop:
            # a relative clause the parser hung lower in the phrase ("one official familiar
            # with the discussion, who added ...") is no more part of the name than one on
            # the head
            drop.update(x.i for x in t.subtree)
    toks = [t for t in head.subtree if t.i not in drop and lo <= t.idx < hi]
    # keep a contiguous run around the head
    idxs = sorted(t.i for t in toks)
    run = [head.i]
    s = set(idxs)
    i = head.i - 1
    while i in s:
        run.insert(0, i)
        i -= 1
    i = head.i + 1
    while i in s:
        run.append(i)
        i += 1
    doc = head.doc
    out = [doc[i] for i in run]
    while out and (out[0].is_punct or out[0].pos_ in ("CCONJ", "ADV")) and out[0].i != head.i:
        out = out[1:]
    while out and out[-1].is_punct and out[-1].i != head.i:
        out = out[:-1]
    return out


def _entity_at(tok: Token):
    """The entity span holding ``tok`` (from the IOB tags; ``doc.ents`` rebuilds every
    span on each access)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    a = tok.i
    while doc[a].ent_iob_ == "I" and a > 0:
        a -= 1
    b = tok.i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return Span(doc, a, b, label=tok.ent_type)


#: Entity types whose words never open an organisation's name NER started too late.
_NOT_ORG_NAME_ENTS = frozenset("DATE TIME PERSON CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())


def _org_name_before(toks: list[Token], np: list[Token]) -> list[Token]:
    """An organisation's name NER started too late, widened to the capitalised words of
    its noun phrase before it: a place ("West Sussex" + "Fire and Rescue Service"), the
    first part of a coordination ("Humberside Fire and" + "Rescue"), a possessor that
    is no place ("Parkinson's" + "Foundation"). Not a place's possessive ("Russia's
    Interior Ministry": the place stays the role), a title, or a determiner."""
    doc = toks[0].doc
    members = {t.i for t in np}
    if _role_word(toks[0]) or any(is_known_first_name(t.text) for t in toks):
        return toks   # "Councilwoman Laura Pastor", a person NER typed ORG: her title comes off later
    while toks[0].i > 0:
        p = doc[toks[0].i - 1]
        if p.i not in members:
            break
        q = doc[p.i - 1] if p.i > 0 else None   # the word before p
        word_before = q is not None and q.i in members and q.text[:1].isupper() and q.is_alpha \
            and q.ent_type_ not in _NOT_ORG_NAME_ENTS
        if p.lower_ in ("and", "&") and word_before:
            toks = [q, p] + toks
        elif p.tag_ == "POS" and word_before and q.ent_type_ not in ("GPE", "NORP") and q.lower_ not in TITLE_WORDS_V1:
            toks = [q, p] + toks
        elif p.text[:1].isupper() and p.is_alpha and p.ent_type_ not in _NOT_ORG_NAME_ENTS \
                and p.lower_ not in TITLE_WORDS_V1 and p.lower_ not in ("the", "a", "an") and p.pos_ == "PROPN" \
                and not (q is not None and q.tag_ == "POS"):
            toks = [p] + toks
        else:
            break
    return toks


def _strip_possessive(toks: list[Token]) -> list[Token]:
    while toks and toks[-1].tag_ == "POS" or (toks and toks[-1].text in ("'s", "’s", "'", "’")):
        toks = toks[:-1]
    return toks


#: Role nouns that, written before a name, are the person's role ("Striker Marcus
#: Vale"): the person nouns except kinship and generic words, which are also names
#: ("Son Heung-min", "Star Jones").
_ROLE_NOUNS = PERSON_NOUNS_V1 - frozenset("""
man woman boy girl mother father son daughter wife husband sister brother friend star
victim witness uncle aunt grandmother grandfather father-in-law resident neighbour neighbor
""".split())


#: Portfolio words that are also the first word of a public body's name ("Transport for
#: London", "Health Canada", "Energy UK"); before a place they name the body, not a title.
_PORTFOLIO_WORDS = frozenset("""transport health energy education environment finance trade
labour labor justice water sport culture heritage tourism housing skills""".split())


#: Sports whose national governing bodies are named "<Sport> <Country>" ("Hockey Canada",
#: "Sport Wales", "Cycling Australia").
_SPORT_WORDS = frozenset("""sport hockey football rugby cricket cycling athletics swimming rowing tennis
golf basketball""".split())


def _body_before_place(tok: Token, ent) -> bool:
    """True for the capitalised noun before a place that makes the two a body's name:
    a portfolio, sector or sport word, a plural noun, or a proper noun right before it,
    compounded on the place ("Water UK", "Universities UK", "Hockey Canada", "Shopwise
    Canada"); not a title ("President"), a given name ("Michael Jordan"), a direction
    ("Northern Ontario") or another entity."""
    if tok.ent_type_ or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN") \
            or tok.dep_ != "compound" or not ent.start <= tok.head.i < ent.end or not tok.is_alpha:
        return False
    low = tok.lower_
    if low in _PORTFOLIO_WORDS:
        return True
    return low not in TITLE_WORDS_V1 and not is_known_first_name(tok.text) and low not in _DIRECTIONS \
        and (low.endswith("ies") or tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "PROPN" and tok.i == ent.start - 1
             or low in _SPORT_WORDS)


#: Words that make a region of a place, not a body ("Northern Ontario", "Greater Manchester").
_DIRECTIONS = frozenset("""north south east west northern southern eastern western central
greater upper lower new old downtown rural urban northwest northeast southwest southeast
northwestern northeastern southwestern southeastern mid""".split())


#: Endings of English agent nouns ("logger", "baker", "florist", "librarian"; Quirk et
#: al. 1985, App. I.24-I.34; "-ee" for the one acted on: "retiree", "trainee"), used to
#: spot an occupation written before a full name.
_OCCUPATION_ENDINGS = ("er", "or", "ist", "ian", "ee")
#: Shortest "-ee" agent noun: the English ones are of six letters or more ("retiree",
#: "trainee", "nominee", "amputee"); shorter words ending so are given names ("Imee",
#: "Renee", "Aimee") the name table may not know.
_EE_NOUN_MIN = 6


def occupation_before_name(word: str, following: str, words_after: int = 2) -> bool:
    """True for an occupation noun capitalised before a person's full name ("Logger
    Owen Marsh", "Florist Ana Ruiz", "Co-author Kathryn Beheshti", "Hawker Lim Boon
    Keng"): an agent-noun ending (after a "co-" prefix), not itself a given name, and
    a known given name after it, or three or more capitalised words (a name the
    given-name table need not know: Chinese and Malay names). The caller makes sure
    a surname follows too."""
    w = word.lower().rstrip(".")
    if w.startswith("co-"):
        w = w[3:]
    return word[:1].isupper() and w.isalpha() and w.endswith(_OCCUPATION_ENDINGS) \
        and not (w.endswith("ee") and len(w) < _EE_NOUN_MIN) \
        and not is_known_first_name(word) and (is_known_first_name(following) or words_after >= 3)


def _acronym(tok: Token) -> bool:
    """An acronym the tagger took for a common noun ("ASIRT said"): two to eight capitals,
    no title, in a sentence not written in capitals (a headline's "MAYOR SAYS")."""
    t = tok.text
    if not (2 <= len(t) <= 8 and t.isalpha() and t.isupper()) or t.lower() in TITLE_WORDS_V1:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or not (nxt.is_alpha and nxt.text.isupper())


def _role_word(tok: Token) -> bool:
    """A title ("Mayor", "Dr.") or a capitalised role noun ("Striker") before a name."""
    low = tok.lower_.rstrip(".")
    return low in TITLE_WORDS_V1 or (tok.text[:1].isupper() and low in _ROLE_NOUNS)


def _post_nominal(tok: Token) -> bool:
    """Post-nominal letters ("KC", "MP", "OBE", "PhD"; :data:`POST_NOMINALS_V1`)."""
    return tok.text[:1].isupper() and tok.text.replace(".", "").lower() in POST_NOMINALS_V1


def _paragraph_break(t: Token) -> bool:
    """True if the token holds a paragraph break (a line end of hard-wrapped text is
    none: "said Piet⏎Harrow")."""
    return ("\n" in t.text or "\r" in t.text) and breaks_paragraph_in(t.doc, t.idx, t.idx + len(t.text))


#: Words that open the names of Quebec's and France's organisations ("Fédération des
#: producteurs de lait du Québec", "Association québécoise des garderies privées"), and
#: the French function words inside such names; NER cuts the names at them.
_FRENCH_ORG_HEADS = frozenset("""Fédération Confédération Association Regroupement Syndicat Conseil
Société Centrale Ordre Collège Commission Institut Centre Coalition Front Alliance Comité Mouvement
Réseau Chambre Union Fondation Caisse Office Régie Ministère Université École""".split())
_FRENCH_PARTICLES = frozenset("de du des la le les d' l' d’ l’ aux au et pour en sur".split())

#: Heads of organisation names that take an "of" phrase NER may leave out ("Dayton
#: Division" + "of Police", "Halton Board" + "of Education").
_ORG_HEADS_OF = frozenset("""diocese archdiocese eparchy division department bureau office ministry board college institute
school university faculty society federation association council commission academy order
union league agency authority service""".split())


def _french_organisation(np: list[Token]) -> list[Token] | None:
    """The tokens of a French organisation name ending in a noun phrase: from a capitalised
    :data:`_FRENCH_ORG_HEADS` word (in the phrase or up to six tokens before it) on, through French function words, the word after
    each, and words with French accents; None without at least one function word."""
    doc = np[0].doc
    # the head word may lie before the phrase the parser gave the subject ("d'accueil
    # de Laval" of "The Association des familles d'accueil de Laval")
    first = next((t for t in doc[max(0, np[0].i - 6):np[-1].i + 1] if t.text in _FRENCH_ORG_HEADS), None)
    if first is None:
        return None
    out, particles = [first], 0
    for t in doc[first.i + 1:min(len(doc), first.i + 16)]:
        prev = out[-1].lower_
        if t.lower_ in _FRENCH_PARTICLES or t.lower_[:2] in ("d'", "l'", "d’", "l’") and t.text[2:3].isalpha():
            particles += 1   # "d'élèves", one token
        elif len(out) == 1 and t.is_alpha and t.text.islower():
            pass             # an adjective right after the head ("Commission scolaire")
        elif not t.is_alpha or not (prev in _FRENCH_PARTICLES or prev.endswith(("'", "’"))
                                    or any(ord(ch) > 127 for ch in t.text)):
            break
        out.append(t)
    while out and out[-1].lower_ in _FRENCH_PARTICLES:
        out.pop()
    if not particles or len(out) < 3 or not out[0].i <= np[-1].i <= out[-1].i:
        return None   # the name must hold the phrase's last word
    return out


#: Capitalised prepositions that continue a campaign group's name after a plural noun
#: ("Parents Against School Closures", "Mothers Against Drunk Driving", "Citizens for
#: Public Transit", "Friends of the Greenbelt", "Doctors Without Borders").
_CAMPAIGN_PREPOSITIONS = frozenset("Against For Of Without".split())


def _imperative_name(head: Token) -> list[Token] | None:
    """The tokens of an organisation named by an imperative clause ("Save the Children",
    "Stop the War Coalition", "Keep Our NHS Public"), which the parser reads as a clausal
    subject of the cue after it (or, after an organisation noun, as its apposition): a
    capitalised base-form verb with its object, whose words are all capitalised but for
    "the", "our", "of", "and", "for", "to", ending right before a verb; None otherwise."""
    if not (head.tag_ == "VB" and head.dep_ == "csubj" or head.tag_ in ("VB", "NNP") and head.dep_ == "appos"
            and any(c.dep_ == "dobj" for c in head.children)) or not head.text[:1].isupper() or not head.is_alpha:
        return None   # (after an organisation noun the parser makes it an apposition: "The charity Save the Children")
    toks = list(head.subtree)
    doc = head.doc
    if len(toks) < 2 or toks[0].i != head.i or toks[-1].i + 1 >= len(doc) or doc[toks[-1].i + 1].pos_ not in ("VERB", "AUX") \
            or toks[-1].i - toks[0].i + 1 != len(toks) or not toks[-1].text[:1].isupper():
        return None
    if not all(t.text[:1].isupper() and t.is_alpha or t.lower_ in ("the", "our", "of", "and", "for", "to")
               for t in toks[1:]):
        return None
    return toks


def _campaign_name(head: Token) -> list[Token] | None:
    """The tokens of a campaign group named by a capitalised plural noun, a capitalised
    preposition and capitalised words (:data:`_CAMPAIGN_PREPOSITIONS`); None otherwise."""
    doc = head.doc
    plural = head.tag_ in ("NNS", "NNPS") or head.tag_ == "NNP" and head.lower_.endswith("s") \
        and not head.lower_.endswith("ss") and not head.ent_type_
    if not plural or not head.text[:1].isupper() or head.i + 2 >= len(doc):
        return None
    prep = doc[head.i + 1]
    named_cause = prep.lower_ in ("for", "against") and head.i + 3 < len(doc) \
        and all(t.text[:1].isupper() and t.ent_type_ in ("", "ORG") for t in doc[head.i + 2:head.i + 4])
    if prep.text not in _CAMPAIGN_PREPOSITIONS and not named_cause and not (
            prep.text.capitalize() in _CAMPAIGN_PREPOSITIONS and (head.lower_ == "friends" or (
                head.ent_type_ == "ORG" and prep.ent_iob_ == "I"))):
        # lower-case "of"/"for" only where NER read the whole as an organisation, in
        # "Friends of ...", or before a cause of two capitalised words no place or person
        # ("Parents for Clean Air"): "Residents of Whitby" are people
        return None
    end = head.i + 2
    if doc[end].lower_ == "the":
        end += 1
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    return list(doc[head.i:end]) if end > head.i + 2 and doc[end - 1].text[:1].isupper() else None


def _coordinated_organisation(head: Token) -> list[Token] | None:
    """The tokens of an organisation name that joins capitalised words with "and" before
    an organisation or place NER found ("Fisheries and Oceans Canada", "Innovation,
    Science and Economic Development Canada"), read by the parser as a coordination
    whose first part is the head; None otherwise."""
    if not head.text[:1].isupper() or head.ent_type_ == "PERSON" or head.ent_iob_ == "I":
        return None
    conj = head
    while (nxt := next((c for c in conj.children if c.dep_ == "conj" and c.i > conj.i), None)) is not None:
        conj = nxt   # "Immigration" -> "Refugees" -> "Canada"
    if conj is head or conj.ent_type_ not in ("ORG", "GPE"):
        return None
    ent = _entity_at(conj)
    toks = list(head.doc[head.i:ent.end])
    doc = head.doc
    while toks[0].i > 0 and (p := doc[toks[0].i - 1]).pos_ == "PROPN" and p.text[:1].isupper() and p.is_alpha \
            and p.head.i == head.i and p.dep_ in ("compound", "nmod") and not p.ent_type_ \
            and p.lower_ not in TITLE_WORDS_V1:
        toks = [p] + toks   # "West Sussex" + "Fire and Rescue Service": the place that opens the name
    if not any(t.lower_ in ("and", "&") for t in toks) or not all(
            t.text[:1].isupper() or t.text in (",", "&") or t.lower_ == "and" for t in toks):
        return None
    return toks


def _missed_name_in_title_phrase(head: Token, hi: int) -> list[Token] | None:
    """The name NER missed at the end of a capitalised title's "of" phrase, after the
    body NER found there, right before the cue ("Governor of the Kaliningrad Region Timur
    Olegovich Rudakov said"): two to four capitalised words opening with a given name
    the table has seen, no title or organisation word among them; None otherwise."""
    if head.lower_.rstrip(".") not in TITLE_WORDS_V1 or head.lower_ in _RELATION_HEADS:
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == head.i + 1),
                None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.ent_type_ or pobj.idx + len(pobj) > hi or pobj.pos_ != "PROPN":
        return None
    k = pobj.i
    while k > prep.i + 2 and (t := pobj.doc[k - 1]).pos_ == "PROPN" and not t.ent_type_ and pobj.i - k < 3 \
            and (t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() or _INITIAL.fullmatch(t.text)):
        k -= 1
    while k < pobj.i and not (is_known_first_name(pobj.doc[k].text)
                              or given_names.is_attested_given_name(pobj.doc[k].text)):
        k += 1   # "Director of Campus Recreation Maureen T. Coyle": the name opens with a given name
    run = list(pobj.doc[k:pobj.i + 1])
    before = pobj.doc[k - 1]
    if 2 <= len(run) <= 4 and before.i > prep.i and (before.ent_type_ in ("ORG", "GPE", "LOC") or before.text[:1].isupper()) \
            and before.lower_ not in PERSON_NOUNS_V2 \
            and not any(t.lower_.rstrip(".") in TITLE_WORDS_V1 or t.lower_ in _ORG_NAME_WORDS for t in run):
        return run
    return None


#: Heads of a person described by their relation to someone ("the lawyer for plaintiff
#: Jane Doe", "a friend of victim Ana Ruiz"): the name after their "for"/"of" is the
#: other person's, never the speaker's.
_RELATION_HEADS = frozenset("""lawyer attorney counsel spokesman spokeswoman spokesperson friend relative
daughter son wife husband mother father sister brother aunt uncle neighbour neighbor colleague aide adviser
advisor representative agent""".split())
_INITIAL = re.compile(r"[A-Z]\.")


def _name_after_lower_title(head: Token, hi: int) -> list[Token] | None:
    """The name NER found at the end of a lower-case title's "of"/"for" phrase ("JAXA
    director of lunar and planetary exploration Haruto Sakamoto said", and deeper in it:
    "Boeing vice president of commercial marketing for the Middle East Omar Khalil
    said"); None for a relation's head ("The lawyer for …", :data:`_RELATION_HEADS`) and
    for a name right after a person noun or the preposition ("… for victim Jane Doe",
    "… of Jane Doe"), which is someone else."""
    if head.pos_ != "NOUN" or head.lower_ not in TITLE_WORDS_V1 or head.lower_ in _RELATION_HEADS:
        return None
    named = _name_in_title_phrase(head, hi)
    r = head.right_edge
    if named is None and r.ent_type_ == "PERSON" and r.i > head.i + 2 and r.idx + len(r) <= hi \
            and any(c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == head.i + 1 for c in head.children) \
            and (ent := _entity_at(r)) is not None and ent.end - 1 == r.i and len(ent) >= 2 \
            and ent.start > head.i + 2 and ent.label_ == "PERSON":
        named = [t for t in ent if t.text[:1].isupper() and t.lower_ not in TITLE_WORDS_V1] or None
    if named is not None and (named[0].i < 1 or head.doc[named[0].i - 1].lower_ in PERSON_NOUNS_V2
                              or head.doc[named[0].i - 1].lower_ in ("of", "for", "the")):
        return None
    return named


def _name_in_title_phrase(head: Token, hi: int) -> list[Token] | None:
    """The person's name that ends a capitalised title's "of"/"for" phrase ("Superintendent
    of Police Somnath Gharge", "Commissioner of Police Ravi Menon"): the PERSON entity
    NER found at the phrase's end, right before the cue; None otherwise."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for") or prep.i != head.i + 1:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ != "PERSON" or pobj.idx + len(pobj) > hi:
            return None
        if prep.lower_ == "for" and any(c.dep_ == "det" for c in head.children):
            return None   # "The MP for Fundy Royal": a description and the seat it holds, NER's person or not
        ent = _entity_at(pobj)
        if ent is None or ent.end - 1 != pobj.i or len(ent) < 2 or ent.label_ != "PERSON":
            return None
        toks = [t for t in ent if t.text[:1].isupper() and t.lower_ not in TITLE_WORDS_V1]
        return toks if len(toks) >= 2 and toks[-1].i == pobj.i else None
    return None


#: The plural of an acronym for people ("GPs", "MPs", "MLAs", "CEOs"): a group.
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")


#: Patronymic particles between given names and a father's name ("Siti Aminah binti
#: Abdullah", "Iestyn ap Gruffydd"): the given names before one are the person's too.
_PATRONYMICS = frozenset("bin binti bint ibn ap ab ferch verch arap".split())


#: Nouns press releases define for the issuer and capitalise thereafter ("Brantwell
#: Systems, Inc. (the "Company")", "the Corporation"; SEC plain-English filings style):
#: written alone after "the", a description of the body, not a name.
_DEFINED_TERMS = frozenset("company corporation partnership trust fund issuer".split())


def _name_tokens(head: Token, np: list[Token]) -> tuple[list[Token], str | None]:
    """The proper-name tokens of a noun phrase (titles stripped), and an NER label."""
    label = None
    if _PLURAL_ACRONYM.fullmatch(head.text) and head.ent_type_ != "ORG":
        return [], None   # "GPs said", "MPs say": a group of people, no one's name
    if _modal_surname(head):
        return [head], "PERSON"
    if head.text[:1].isupper() and head.lower_ in _DEFINED_TERMS and head.i > 0 \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
            and not any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in head.children):
        return [], None   # a press release's defined term ("the Company", "the Corporation"): a description
    state = _state_body(head)
    if state is not None:
        return state, "ORG"
    french = _french_organisation(np)
    if french is not None:
        return french, "ORG"
    coordinated = _coordinated_organisation(head)
    if coordinated is not None:
        return coordinated, "ORG"
    campaign = _campaign_name(head) or _imperative_name(head)
    if campaign is not None:
        return campaign, "ORG"
    if _post_nominal(head) and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return [], None   # "the Bolton MP": a description of an MP, not "Bolton" with letters after the name
    if _post_nominal(head) and head.i > 0 and head.doc[head.i - 1].ent_type_ == "PERSON" \
            and head.doc[head.i - 1] in np:
        head = head.doc[head.i - 1]   # "Owen Llewellyn-Price KC told": the name before the letters
    if head.ent_type_ == "NORP" and head.tag_ == "NNP" and any(c.dep_ == "det" for c in head.children) \
            and any(c.dep_ == "amod" for c in head.children):
        return [], None   # "the veteran Tory", "a young Democrat": a party member described, no name
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC") \
            and not (head.ent_type_ == "NORP" and head.lower_ in _ORG_HEADS_OF):   # "The Archdiocese" of Omaha, NER's NORP
        ent = _entity_at(head)
        if ent is not None:
            label = ent.label_
            toks = [t for t in ent if t in np or t.i == head.i or label in ("ORG", "FAC")
                    and t.i > head.i and any(a.lower_ == "of" for a in head.children)]
            # "The Department of Foreign Affairs": an organisation's own "of" phrase is its name
            while label == "PERSON" and toks and toks[-1].i + 1 < ent.end and not toks[-1].whitespace_ \
                    and (toks[-1].text in HYPHENS or head.doc[toks[-1].i + 1].text in HYPHENS):
                toks = toks + [head.doc[toks[-1].i + 1]]   # "Osei" + "-Bonsu", which the parser hung elsewhere
            if label == "ORG" and len(ent) == 1 and head.i >= 2 and head.doc[head.i - 1].tag_ == "POS" \
                    and head.doc[head.i - 2].tag_ == "NNP" and head.doc[head.i - 2].head.i == head.i:
                toks = [head.doc[head.i - 2], head.doc[head.i - 1], head]   # "Alzheimer's Society"
            if any(t.text == "," for t in toks) and not any(t.lower_ in ("and", "&") for t in toks) \
                    and toks[-1].lower_.rstrip(".") not in NAME_SUFFIXES_V1:
                # NER ran over a comma ("Writing in The Telegraph, Carragher said"): the head's side
                commas = [k for k, t in enumerate(toks) if t.text == ","]
                lo_k = max([k + 1 for k in commas if toks[k].i < head.i], default=0)
                hi_k = min([k for k in commas if toks[k].i > head.i], default=len(toks))
                toks = toks[lo_k:hi_k]
            if label == "ORG" and toks and coordinated_first_part(head.doc, toks[0].i, toks[0].i, toks[-1].i + 1) \
                    and head.doc[toks[0].i - 2] in np:
                toks = [head.doc[toks[0].i - 2], head.doc[toks[0].i - 1]] + toks   # "Avon and Somerset Police"
            elif label == "ORG" and toks and toks[0].i >= 2 and head.doc[toks[0].i - 1].lower_ in ("and", "&") \
                    and (a := head.doc[toks[0].i - 2]).ent_type_ == "ORG" and a in np and a.text[:1].isupper():
                # "The Independent Schools" + "and" + "Colleges Council": NER's two ORG spans of one name
                toks = [t for t in _entity_at(a) if t.lower_ != "the"] + [head.doc[toks[0].i - 1]] + toks
            while toks and toks[0].i >= 3 and _word_hyphen(h := toks[0].doc[toks[0].i - 2]) \
                    and (lo_part := toks[0].doc[toks[0].i - 1]).is_alpha and lo_part.text[:1].islower() \
                    and h.doc[h.i - 1].text[:1].isupper() and h.doc[h.i - 1] in np and not h.doc[h.i - 1].ent_type_:
                # a hyphenated given name NER left out, written with a lower-case second
                # part ("Jae-won Park", Korean romanisation)
                toks = [h.doc[h.i - 1], h, lo_part] + toks
                if label == "ORG" and len(toks) == 4:
                    label = "PERSON"   # given name, hyphen, syllable and one surname
            if label == "GPE" and toks and toks[0].i == ent.start and ent.start > 0 \
                    and _body_before_place(head.doc[ent.start - 1], ent) and head.doc[ent.start - 1] in np:
                # "Water UK", "Energy UK": a sector's national body, not the country
                toks = [head.doc[ent.start - 1]] + toks
                label = "ORG"
            if label == "ORG" and toks and toks[-1].i == ent.end - 1 and any(t.lower_ in ("and", "&") for t in ent) \
                    and any(t.text == "," for t in ent) \
                    and all(t.text[:1].isupper() or t.text in (",", "&") or t.lower_ == "and" for t in ent[1:]):
                toks = [t for t in ent if t.lower_ != "the"]   # "Immigration, Refugees and Citizenship Canada"
            while label == "ORG" and toks and toks[0].i >= 2 and head.doc[toks[0].i - 1].text == "," \
                    and any(t.lower_ in ("and", "&") for t in toks) \
                    and (p := head.doc[toks[0].i - 2]).pos_ == "PROPN" and p.text[:1].isupper() \
                    and p.is_alpha and not p.ent_type_ and p.lower_ not in TITLE_WORDS_V1:
                # "Immigration, Refugees and Citizenship Canada": the first part of a
                # listed name, before the comma NER stopped at
                toks = [p, head.doc[toks[0].i - 1]] + toks
            # the token after the name's last word ("of" inside NER's span too: "The Public
            # Health Agency of" + "Canada")
            if label == "ORG" and len(toks) >= 2 and toks[-1].lower_ in ("of", "for") and toks[-1].i == ent.end - 1:
                toks = toks[:-1]
            nxt = toks[-1].i + 1 if toks and (toks[-1].i == ent.end - 1 or toks[-1].i == ent.end - 2
                                               and head.doc[ent.end - 1].lower_ in ("of", "for")) else ent.end + 99
            the = 1 if nxt + 2 < len(head.doc) and head.doc[nxt + 1].lower_ == "the" \
                and head.doc[nxt].lower_ == "for" else 0
            if label == "ORG" and toks and nxt < len(head.doc) and toks[-1].lower_ in _ORG_HEADS_OF \
                    and nxt + 1 + the < len(head.doc) and (of := head.doc[nxt]).lower_ in ("of", "for") \
                    and of.head.i == toks[-1].i and (p := head.doc[nxt + 1 + the]).pos_ == "PROPN" \
                    and p.text[:1].isupper() and (p.ent_type_ in ("", "ORG") or p.ent_type_ == "GPE" and not the
                                                  and toks[0].text[:1].isupper()):
                # (a country after "of" too: "The Public Health Agency of Canada")
                # "the Dayton Division" + "of Police": the body's own "of" phrase NER left
                # out ("The Swiss Federal Office" + "for the Environment")
                run = [of] + ([head.doc[nxt + 1]] if the else []) + [p]
                while run[-1].i + 1 < len(head.doc) and (n := head.doc[run[-1].i + 1]).pos_ == "PROPN" \
                        and n.text[:1].isupper() and n.head.i in (p.i, n.i + 1) and not n.ent_type_ == "GPE":
                    run.append(n)
                toks = toks + run
            if label == "PERSON" and len(ent) > 1:
                # a given name NER left out of a longer span ("Ana" of "Ana García López"),
                # or gave a one-word PERSON span of its own ("Graciela" + "Beatriz" + "Molina Paz";
                # not the Spanish and Portuguese honorific "Don"/"Dom" before a given name)
                while toks[0].i > 0 and (p := toks[0].doc[toks[0].i - 1]) in np and p.pos_ == "PROPN" \
                        and (not p.ent_type_ or p.ent_type_ == "PERSON" and p.ent_iob_ == "B"
                             and (p.i + 1 == len(p.doc) or p.doc[p.i + 1].ent_iob_ != "I")
                             and p.lower_ not in ("don", "dom")) \
                        and not _role_word(p) and p.lower_ not in PERSON_NOUNS_V1 \
                        and p.text[1:].islower() and (after_title(p) or (
                            is_known_first_name(p.text) or given_names.is_attested_given_name(p.text)
                            or opens_apposition(p))
                        and not (p.i > 0 and _role_word(p.doc[p.i - 1]))):   # "Secretary General Ban Ki-moon"
                    toks = [p] + toks
            if label == "GPE" and len(ent) == 1 and ent.start > 0:
                prev = _entity_at(head.doc[ent.start - 1])
                if prev is not None and prev.label_ == "PERSON" and prev.end == ent.start \
                        and all(t.head.i == head.i or t.head.i in range(prev.start, prev.end) for t in prev) \
                        and head.doc[ent.start - 1].whitespace_:
                    # "Paula Rojas" + "Medina": a Spanish second surname NER called a place
                    toks, label = list(prev) + toks, "PERSON"
            if label == "PERSON" and len(ent) == 1:
                # a given name NER left out of a one-word PERSON span ("Priyesh Varma")
                # or a first part NER gave a PERSON span of its own ("Trygve Slagsvold" + "Vedum")
                while toks[0].i > 0 and (p := toks[0].doc[toks[0].i - 1]) in np and p.pos_ == "PROPN" \
                        and p.text[:1].isupper() and p.ent_type_ in ("", "PERSON") \
                        and p.lower_.rstrip(".") not in TITLE_WORDS_V1 \
                        and p.lower_ not in PERSON_NOUNS_V1:
                    toks = [p] + toks
        else:
            toks = [head]
    elif head.pos_ == "PROPN" or ELIDED_SURNAME.fullmatch(head.text) or (head.pos_ == "NOUN" and head.text[:1].isupper() and (
            not head.is_sent_start or _acronym(head))
            and head.lower_ not in PERSON_NOUNS_V1 and head.lower_ not in ORG_NOUNS_V1):
        toks = [t for t in np if (t.pos_ == "PROPN" or t.text[:1].isupper() or _word_hyphen(t)
                                  or t.is_alpha and t.i > 0 and _word_hyphen(t.doc[t.i - 1])   # "Jae-won"
                                  and t.doc[t.i - 2].text[:1].isupper()) and t.i <= head.i]
        # contiguous run ending at head
        run = [head]
        for t in reversed(toks):
            if t.i == run[0].i - 1:
                run.insert(0, t)
        if run[0].i >= 2 and head.lower_ in ("office", "bureau") and (pos := head.doc[run[0].i - 1]).tag_ == "POS" \
                and (holder := head.doc[run[0].i - 2]).text[:1].isupper() and holder.lower_ in TITLE_WORDS_V1:
            run = [holder, pos] + run   # "The Premier's Office", "the Prime Minister's Office"
            while run[0].i > 0 and head.doc[run[0].i - 1].lower_ in TITLE_WORDS_V1 \
                    and head.doc[run[0].i - 1].text[:1].isupper():
                run.insert(0, head.doc[run[0].i - 1])
            while run[0].i > 0 and (p := head.doc[run[0].i - 1]) in np and p.pos_ == "PROPN" \
                    and p.text[:1].isupper() and p.is_alpha and p.ent_type_ in ("", "GPE"):
                run.insert(0, p)   # the place the office serves: "The Kern County Sheriff's Office"
            label = "ORG"
        if head.lower_ in _ORG_HEADS_OF and head.text[:1].isupper() and head.i + 2 < len(head.doc) \
                and (of := head.doc[head.i + 1]).lower_ == "of" and of.head.i == head.i \
                and (p := head.doc[head.i + 2]).pos_ == "PROPN" and p.text[:1].isupper() \
                and p.ent_type_ in ("", "GPE", "ORG") and label in (None, "ORG"):
            # "The Diocese of Fresno", "the Archdiocese of Omaha": a body named by its seat
            run = run + [of, p]
            while run[-1].i + 1 < len(head.doc) and (n := head.doc[run[-1].i + 1]).pos_ == "PROPN" \
                    and n.text[:1].isupper() and n.ent_type_ == p.ent_type_:
                run.append(n)
            label = "ORG"
        if run[0].i >= 2 and head.doc[run[0].i - 1].lower_ in ("for", "of") \
                and _role_word(head.doc[run[0].i - 2]) and head.doc[run[0].i - 2].text[:1].isupper():
            # "Minister for Indigenous Australians Joanne Pruitt": the portfolio ends
            # where a known given name opens the name
            k = next((k for k in range(1, len(run) - 1) if is_known_first_name(run[k].text)), 0)
            if k and len(run) - k in (2, 3):
                run = run[k:]
                label = "PERSON"
        if run[0].i >= 2 and head.lower_ in ORG_NOUNS_V2 and (pos := head.doc[run[0].i - 1]).tag_ == "POS" \
                and (holder := head.doc[run[0].i - 2]).pos_ == "PROPN" and holder.text[:1].isupper() \
                and holder.is_alpha and holder.ent_type_ in ("", "ORG") and holder.lower_ not in TITLE_WORDS_V1 \
                and holder in np:
            run = [holder, pos] + run   # "The Parkinson's Foundation", "The Alzheimer's Association"
            label = "ORG"
        toks = run
        # a few trailing PROPN (e.g. "Smith Jr")
    else:
        return [], None
    # surname particles before the name: "de la Cruz", "von der Leyen" (NER: "Leyen")
    while toks and toks[0].i > 0 and toks[0].doc[toks[0].i - 1].text in NAME_PARTICLES_V1 \
            and toks[0].doc[toks[0].i - 1] in np:
        toks = [toks[0].doc[toks[0].i - 1]] + toks
    if toks and toks[0].text in _PATRONYMICS:
        # the given names before a patronymic NER left out ("Siti Aminah" + "binti Abdullah")
        k = 0
        while k < 3 and toks[0].i > 0 and (p := toks[0].doc[toks[0].i - 1]) in np and p.pos_ == "PROPN" \
                and p.text[:1].isupper() and p.is_alpha and p.ent_type_ in ("", "PERSON") \
                and p.lower_ not in TITLE_WORDS_V1:
            toks = [p] + toks
            k += 1
    if any(_paragraph_break(t) for t in toks):   # NER ran over a paragraph break: the head's side
        groups: list[list[Token]] = [[]]
        for t in toks:
            if _paragraph_break(t):
                groups.append([])
            else:
                groups[-1].append(t)
        toks = next((g for g in groups if head in g), None) or next((g for g in groups if g), [])
    if label == "ORG" and toks:
        toks = _org_name_before(toks, np)
    if toks and toks[0].i > 0 and (o := toks[0].doc[toks[0].i - 1]) in np and re.fullmatch(r"\d+(?:st|nd|rd|th)", o.text) \
            and (label == "ORG" or any(t.lower_ in _ORG_NAME_WORDS for t in toks)):
        toks = [o] + toks   # "The 9th U.S. Circuit Court of Appeals", "the 48th Fighter Wing": the unit's number
    toks = _strip_possessive(toks)
    while len(toks) > 2 and _post_nominal(toks[-1]):
        toks = toks[:-1]   # "Owen Llewellyn-Price KC", "Keir Dalton MP": letters after the name
    while toks and not any(ch.isalnum() for ch in toks[-1].text):
        toks = toks[:-1]   # emoji or symbols NER swept into the name ("CUPE Local 1104" keeps its number)
    last = len(toks) - 1
    while last >= 2 and _word_hyphen(toks[last - 1]):
        last -= 2          # the last word starts before its hyphens ("Son Heung-min")
    if toks and not (toks[last].text[:1].isupper() or ELIDED_SURNAME.fullmatch(toks[last].text)
                     or toks[last].text[:1].isdigit() and last > 0
                     and toks[last - 1].text[:1].isupper()
                     or toks[last].lower_ in NAME_PARTICLES_V1 and last < len(toks) - 1
                     and toks[-1].text[:1].isupper()):   # "Abdullah al-Zahrani", "bin-Talal"
        return [], None    # "the regional chamber of commerce" is a description ("CUPE Local 1104" is not)
    if len(toks) >= 3 and label == "ORG" and occupation_before_name(toks[0].text, toks[1].text, len(toks) - 1) \
            and not any(t.lower_ in _ORG_NAME_WORDS for t in toks):
        toks, label = toks[1:], "PERSON"   # "Linebacker Josh Kealoha", which NER calls an organisation
    # strip leading titles and role nouns ("Foreign Minister", "Dr.", "Mayor", "Striker");
    # not "Sri" of the country ("Sri Lanka Cricket")
    while len(toks) > 1 and not _given_name_after_title(toks) \
            and not (toks[0].text == "Sri" and toks[1].text in ("Lanka", "Lankan")) \
            and (_role_word(toks[0]) or toks[0].is_punct
                             or toks[0].lower_ in ("the", "a", "an")
                             or len(toks) >= 3 and label in (None, "PERSON")
                             and occupation_before_name(toks[0].text, toks[1].text, len(toks) - 1)
                             and not (label is None and any(t.lower_ in _ORG_NAME_WORDS for t in toks))):
        # (an organisation's name may open with an agent noun: "Consumer Product Safety Commission")
        if toks[0].lower_ in TITLE_MODIFIERS_V1 and not any(
                _role_word(t) and t.lower_ not in TITLE_MODIFIERS_V1 for t in toks[1:]):
            break   # "Public Housing Sweden", "Health Scotland": a sector word with no title after it
        if label == "ORG" or label == "GPE":
            # NER reads a role word before a person's name as an organisation or place
            # ("Striker Marcus Vale"): only a given name after the role words makes it a person
            rest = next((k for k, t in enumerate(toks) if not _role_word(t)), len(toks))
            personal = toks[rest - 1].lower_.rstrip(".") in PERSONAL_TITLES_V1 if rest else False
            if rest == 0 or not (len(toks) - rest >= 2 and is_known_first_name(toks[rest].text) or personal
                                 and (len(toks) - rest in (2, 3) or len(toks) - rest == 1
                                      and toks[rest].text[:1].isupper())) \
                    or any(t.lower_ in _ORG_NAME_WORDS for t in toks[rest:]):
                break   # (a title only a person bears makes one name a person's: "Ratu Semi")
            label = "PERSON"
        toks = toks[1:]
    if label in ("PERSON", None) and len(toks) >= 4:
        # a capitalised title after a word that is none ("Agriculture Minister Shivraj Chauhan
        # Rathore"): the name starts after the last title word when two or more names follow
        k = max((j for j, t in enumerate(toks[:-2]) if t.text[:1].isupper()
                 and t.lower_.rstrip(".") in TITLE_WORDS_V1), default=-1)
        if k >= 1 and all(t.text[:1].isupper() and t.lower_ not in _ORG_NAME_WORDS for t in toks[k + 1:]):
            toks = toks[k + 1:]
    while label in (None, "ORG") and toks and toks[0].i >= 2 and toks[0].doc[toks[0].i - 1].text in ("'", "’") \
            and (p := toks[0].doc[toks[0].i - 2]).lower_.endswith("s") and p.text[:1].isupper() and p.is_alpha:
        # "The CFL Players' Association", "Ontario Secondary School Teachers' Federation
        # District 19": NER stops at a plural possessive inside the name
        doc, j = p.doc, p.i
        while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha and doc[j - 1].lower_ != "the" \
                and not doc[j - 1].is_sent_start:
            j -= 1
        if j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha and doc[j - 1].lower_ != "the":
            j -= 1   # the sentence's first word
        toks = list(doc[j:toks[0].i]) + toks
        label = "ORG"
    if label == "ORG" and toks and toks[-1].lower_ in _NUMBERED_UNITS and toks[-1].i + 1 < len(toks[-1].doc) \
            and (n := toks[-1].doc[toks[-1].i + 1]).like_num and n.text.isdigit():
        toks = toks + [n]   # "Teachers' Federation District 12", "Unifor Local 444"
    if label in ("ORG", "GPE", "NORP") and toks and toks[0].lower_ == "the":
        toks = toks[1:]
    return toks, label


#: Words of an organisation's numbered units, whose number is part of the name.
_NUMBERED_UNITS = frozenset("district local unit chapter branch division region zone lodge".split())


class _TextView:
    """Character slices of a Doc's text without building the whole text (``doc.text``
    joins every token on each access, which made long articles quadratic)."""

    __slots__ = ("doc",)

    def __init__(self, doc) -> None:
        self.doc = doc

    def __getitem__(self, sl: slice) -> str:
        span = self.doc.char_span(sl.start, sl.stop, alignment_mode="expand")
        if span is None:
            return ""
        out = span.text_with_ws
        off = sl.start - span.start_char
        return out[off:off + (sl.stop - sl.start)]


#: A listed company's exchange and ticker in brackets after its name ("Harlow & Pike
#: Foods Co. (NYSE: HPF) today announced"; press-release style): no name of its own.
_TICKER = re.compile(r"\((?:NYSE|NASDAQ|Nasdaq|TSX|TSXV|TSX-V|LSE|ASX|AIM|OTCQX|OTCQB|OTC|CSE|Euronext|SIX|HKEX|SGX|"
                     r"NYSE American|NYSE Arca|Nasdaq [A-Z][a-z]+)\s*:\s*[A-Z0-9.-]+(?:[;,] ?[A-Z]+\s*:\s*[A-Z0-9.-]+)*\)")


def _in_ticker(tok: Token) -> bool:
    """True if ``tok`` lies in a bracketed exchange and ticker (:data:`_TICKER`)."""
    doc = tok.doc
    k = next((j for j in range(tok.i, max(-1, tok.i - 6), -1) if doc[j].text.startswith("(")), None)
    if k is None:
        return False
    span = doc[k:min(len(doc), k + 12)]
    m = _TICKER.match(span.text)
    return m is not None and tok.idx < span.start_char + m.end()


def mention_from_head(head: Token, lo: int, hi: int) -> Mention:
    """Build a :class:`Mention` for the NP headed by ``head``, limited to chars [lo, hi).

    Appositions supply the name ("her spokesman, Idris Fenwick") or the role
    ("Marta Quill, a paramedic with ...").
    """
    doc = head.doc
    if head.tag_ == "WP" and head.lower_ == "who" and head.head.dep_ == "relcl" \
            and (ante := head.head.head).pos_ == "PROPN" and ante.ent_type_ in ("PERSON", "ORG") and ante.i < head.i:
        # "Councilmember James Whitfield, who voted no, called ...": the relative pronoun's
        # antecedent (the parser hung the main verb on the name)
        return mention_from_head(ante, min(lo, ante.left_edge.idx), hi)
    if head.lower_ in NAME_PARTICLES_V1 and 0 < head.i < len(doc) - 1 and doc[head.i - 1].ent_type_ == "PERSON" \
            and doc[head.i + 1].ent_type_ == "PERSON" and doc[head.i + 1].ent_iob_ == "B" \
            and (a := _entity_at(doc[head.i - 1])) is not None and (b := _entity_at(doc[head.i + 1])) is not None \
            and lo <= a.start_char and b.end_char <= hi:
        # "said João Pedro dos Santos, who grows ...": NER's two spans either side of the
        # particle, which the parser made the head; the name is the whole
        s0, e0 = a.start_char, b.end_char
        name = doc.text[s0:e0]
        return Mention(s0, e0, name, doc[b.end - 1], name=name, kind="name", ent_label="PERSON")
    np = _np_tokens(head, lo, hi) or [head]
    if head.pos_ == "PROPN" and head.dep_ == "compound" and head.i + 1 < len(doc) and _spaced_hyphen(doc[head.i + 1]):
        # "Sabine Krolle - a spokeswoman for the bank - said": the name's words, which the
        # parser hung on the aside's noun (:func:`_name_before_spaced_hyphen`)
        k = head.i
        while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].head.i == head.head.i and lo <= doc[k - 1].idx:
            k -= 1
        np = list(doc[k:head.i + 1])
    fused = _fused_determiner(head, np)
    if fused is not None:   # "the 29-year-old said", read as one noun phrase headed by "said"
        np = list(doc[fused.i:np[0].i]) + np
    text = _TextView(doc)
    low = head.lower_
    appos = [c for c in head.children if c.dep_ == "appos" and lo <= c.idx < hi and not _in_ticker(c)]
    if low in PRONOUNS or (head.pos_ == "PRON" and head.ent_type_ != "PERSON" and not head.text[:1].isupper()):
        return Mention(np[0].idx, np[-1].idx + len(np[-1]), text[np[0].idx:np[-1].idx + len(np[-1])],
                       head, kind="pronoun")
    if head.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        # "A Transport for Victoria spokesperson said", parsed as "A Transport" with the
        # spokesperson inside its "for" phrase: the speaker is the unnamed spokesperson
        pp = next((c for c in head.children if c.dep_ == "prep" and c.i == head.i + 1
                   and c.lower_ in ("for", "of")), None)
        pobj = next((x for x in pp.children if x.dep_ == "pobj"), None) if pp is not None else None
        if pobj is not None and pobj.lemma_.lower() in _AGENT_OF_ORG and pobj.right_edge.i == pobj.i \
                and pobj.idx + len(pobj) <= hi:
            start, end = np[0].idx, pobj.idx + len(pobj)
            return Mention(start, end, text[start:end], pobj, kind="generic")
    if head.pos_ == "NOUN" and noun_category(head.lower_) != "PERSON":
        # "Caleb Moss of Pine Hollow's fire brigade", misparsed as a possessor
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"
                     and any(x.dep_ == "prep" for x in c.children)
                     and (c.ent_type_ == "PERSON" or any(is_known_first_name(x.text) for x in c.subtree
                                                        if x.pos_ == "PROPN"))), None)
        if poss is not None:
            return mention_from_head(poss, lo, hi)
    body = _body_for_place(head, hi)
    if body is not None:   # "Transport for Cumbria said"
        start, end = body[0].idx, body[-1].idx + len(body[-1])
        return Mention(start, end, text[start:end], head, name=text[start:end], kind="name", ent_label="ORG")
    named = _missed_name_in_title_phrase(head, hi) or _name_after_lower_title(head, hi)
    if named is not None:
        s0, ns, ne = np[0].idx, named[0].idx, named[-1].idx + len(named[-1])
        return Mention(s0, ne, text[s0:ne], named[-1], name=text[ns:ne], role=text[s0:ns].strip(" ,"),
                       kind="name", ent_label="PERSON")
    bare = _bare_description(head, np, appos)
    if bare is not None:   # "Neighbors said", "Councillor said": no one is named
        start, end = np[0].idx, np[-1].idx + len(np[-1])
        if bare == "generic":   # "Analysts at Kestrel Partners said": the body they speak from
            end = max(end, _speaks_for(head, hi) or end)
        return Mention(start, end, text[start:end], head, kind=bare)
    if (head.pos_ == "PROPN" or head.text.isupper() and len(head.text) > 1) and head.lower_ in _ROLE_HEADS \
            and (head.ent_type_ != "PERSON" or head.lower_ in TITLE_WORDS_V1 and len(_entity_at(head)) == 1):
        # (NER's PERSON on a title alone, "The MLA for Yellowknife North, Janet Tsetta")
        # "The Parliamentary Budget Officer, Yves Giroux-Tremblay, said": a capitalised
        # title with a person's name in apposition; the name is the apposition (also one
        # hung lower: "The UAE's Minister of State for International Cooperation, Reem Al-Mansoori")
        named = _name_in_title_phrase(head, hi)
        if named is not None:
            # "Superintendent of Police Somnath Gharge said": the title's "of" phrase ran
            # on into the name; the person is the name, the title with its phrase the role
            s0, ns, ne = np[0].idx, named[0].idx, named[-1].idx + len(named[-1])
            return Mention(s0, ne, text[s0:ne], named[-1], name=text[ns:ne], role=text[s0:ns].strip(" ,"),
                           kind="name", ent_label="PERSON")
        for a in appos or _low_appositions(head, lo, hi):
            atoks = _np_tokens(a, lo, hi) or [a]
            an, alabel = _name_tokens(a, atoks)
            if an and a.i > head.i and (alabel == "PERSON" or is_known_first_name(an[0].text)):
                s0, e0 = np[0].idx, np[-1].idx + len(np[-1])
                e0 = max(e0, a.left_edge.idx)   # the role runs to the comma before the name
                ns, ne = an[0].idx, an[-1].idx + len(an[-1])
                return Mention(s0, max(e0, ne), text[s0:max(e0, ne)], a, name=text[ns:ne],
                               role=text[s0:e0].strip(" ,"), kind="name", ent_label="PERSON")
    name_toks, label = _name_tokens(head, np)
    whole = _whole_org_name(head, lo, hi)
    if whole is not None and {t.i for t in name_toks} < {t.i for t in whole}:
        # "The Ministry of Ports, Shipping and Waterways", "The Mission to Seafarers": the
        # organisation's whole name, of which NER or the parse gave a part
        name_toks, label = whole, "ORG"
    if label == "NORP" and not (name_toks and _KUNYA.fullmatch(" ".join(t.text for t in name_toks))) \
            or (name_toks and name_toks[-1].lower_ in PLATFORMS_V1) or _demonym(name_toks):
        name_toks = []   # "One red-state Democrat, Montana Sen. Jon Tester": the name is in the apposition
    while name_toks and name_toks[0].i >= 2 and (h := doc[name_toks[0].i - 1]).text in HYPHENS \
            and not h.whitespace_ and not doc[h.i - 1].whitespace_ and doc[h.i - 1].text[:1].isupper() \
            and doc[h.i - 1].is_alpha and lo <= doc[h.i - 1].idx:
        # "Wilson-Raybould said", where the parser made "Wilson" a subject of its own
        name_toks = [doc[h.i - 1], h] + name_toks
    if name_toks and name_toks[-1].lower_ == "local" and (nx := name_toks[-1].i + 1) < len(doc) \
            and doc[nx].like_num and nx + 1 - name_toks[0].i <= 8:
        name_toks, label = name_toks + [doc[nx]], "ORG"   # "UNITE HERE Local 11": a union branch's number
    if len(name_toks) == 1 and name_toks[0].lower_ in LEGAL_FORMS and name_toks[0].i >= 2 \
            and doc[name_toks[0].i - 1].text == "," and (org := _entity_at(doc[name_toks[0].i - 2])) is not None \
            and org.label_ == "ORG" and lo <= org.start_char:
        name_toks, label = [*org, doc[name_toks[0].i - 1], name_toks[0]], "ORG"   # "Kestrel Holdings, LLC said"
    if label == "ORG" and name_toks and name_possessive(doc, name_toks[-1].i + 1):
        name_toks = name_toks + [doc[name_toks[-1].i + 1]]   # "Sotheby's said" (as entities.ent_name)
    role_parts: list[str] = []
    start, end = np[0].idx, np[-1].idx + len(np[-1])
    if name_toks:
        start = min(start, name_toks[0].idx)
        ns, ne = name_toks[0].idx, name_toks[-1].idx + len(name_toks[-1])
        if ns > start:
            role_parts.append(text[start:ns].strip(" ,"))
        spans: list[list[int]] = []
        end = max(end, ne)
        for a in appos:
            if a.i > 0 and doc[a.i - 1].text in HYPHENS and not doc[a.i - 1].whitespace_ and ns <= a.idx < ne:
                continue   # "Osei-Bonsu": the second part of a hyphenated name, not an apposition
            atoks = _np_tokens(a, lo, hi, keep_prep=True)
            if atoks and all(t.like_num for t in atoks):
                continue   # "Raman, 41, said": an age, not a role
            if atoks:
                s0, e0 = atoks[0].idx, atoks[-1].idx + len(atoks[-1])
                if spans and spans[-1][1] == s0:
                    spans[-1][1] = e0   # "co-president": the parser gives co, -, president as three appositions
                else:
                    spans.append([s0, e0])
        role_parts.extend(text[s0:e0] for s0, e0 in spans)
        for c in head.children:
            if c.dep_ == "conj" and c.pos_ == "PROPN" and lo <= c.idx < hi and c.i > head.i \
                    and doc[c.left_edge.i - 1].text == "," and (
                    c.lower_.rstrip(".") in TITLE_WORDS_V1 or c.lower_ in PERSON_NOUNS_V1):
                # "Janet Holloway, President and Chief Executive Officer of Brookmere Bank":
                # press-release titles after the name, which the parser coordinates with
                # it, are the person's role, not a second speaker
                rtoks = [t for t in c.subtree if t.idx < hi]
                if rtoks:
                    role_parts.append(text[rtoks[0].idx:rtoks[-1].idx + len(rtoks[-1])])
                continue
            if c.dep_ == "conj" and c.pos_ == "PROPN" and lo <= c.idx < hi:
                ctoks, _ = _name_tokens(c, _np_tokens(c, lo, hi))
                if ctoks:
                    ne = ctoks[-1].idx + len(ctoks[-1])
                    end = max(end, ne)
        k = min(np[0].i, name_toks[0].i)   # the name with its honorific ("Dr Lynne ...")
        if not spans and head.dep_ == "appos" and head.head.i < k and k >= 2 and doc[k - 1].text == ",":
            # a name in apposition after its description: "the President of the Dangote
            # Group, Aliko Dangote, said": the description back to the clause's comma
            j = k - 2
            while j > head.sent.start and not (doc[j - 1].is_punct and doc[j - 1].text not in HYPHENS) \
                    and doc[j - 1].text.strip():
                j -= 1
            if any(t.pos_ in ("NOUN", "PROPN") for t in doc[j:k - 1]) and not any(
                    t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in doc[j:k - 1]):
                role_parts[:] = [text[doc[j].idx:doc[k - 2].idx + len(doc[k - 2])]] + [
                    p for p in role_parts if p.lower().rstrip(".") not in PERSONAL_TITLES_V1]   # not "Alhaji"
        m = Mention(start, end, text[start:end], head, name=text[ns:ne], kind="name", ent_label=label)
    else:
        # the list has plurals that name data ("numbers", "figures") next to their lemmas
        if head.lemma_.lower() in _DOCUMENT_NOUNS or head.lower_ in _DOCUMENT_NOUNS:
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            if poss is not None and poss.lower_ in _POSS_PRONOUNS:   # "her statement said"
                return Mention(start, end, text[start:end], poss, kind="pronoun")
            if poss is not None and poss.pos_ == "PROPN" and poss.ent_type_ not in ("DATE", "TIME"):
                # "Foster's book" (not "Monday's statement from the Commission": a day)
                inner = mention_from_head(poss, lo, hi)
                if inner.name:
                    return Mention(start, end, text[start:end], head, name=inner.name, kind="name",
                                   ent_label=inner.ent_label)
            comp = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and lo <= c.idx < hi]
            if comp and comp[-1].ent_type_ in ("ORG", "PERSON"):   # "the Civic Action study"
                inner = mention_from_head(comp[-1], lo, hi)
                if inner.name:
                    return Mention(start, end, text[start:end], head, name=inner.name, kind="name",
                                   ent_label=inner.ent_label)
            for p in head.subtree:
                if p.lower_ == "by" and p.head.lemma_.lower() in _RECIPIENT_VERBS:
                    continue   # "emails obtained by Vox": Vox received them, did not write them
                if (p.dep_ == "prep" and p.lower_ in ("from", "by", "of")) or p.dep_ == "agent":
                    pobj = next((x for x in p.children if x.dep_ == "pobj" and x.pos_ == "PROPN"
                                 and lo <= x.idx < hi), None)
                    if pobj is not None:
                        inner = mention_from_head(pobj, lo, hi)
                        if inner.name:
                            return Mention(start, end, text[start:end], head, name=inner.name,
                                           kind="name", ent_label=inner.ent_label)
            # where the document is published: "a document titled ... on Acme Rail's
            # website" (the parser attaches the place anywhere in the title)
            for t in head.sent[head.i - head.sent.start:]:
                if t.lower_ in _PUBLISHED_ON and lo <= t.idx < hi and t.head.lower_ in ("on", "from"):
                    poss = next((x for x in t.children if x.dep_ == "poss" and x.pos_ == "PROPN"), None)
                    inner = mention_from_head(poss, lo, hi) if poss is not None else None
                    if inner is not None and inner.name:
                        return Mention(start, end, text[start:end], head, name=inner.name,
                                       kind="name", ent_label=inner.ent_label)
        given = _name_given(head, lo, hi)
        if given is not None:   # "A Facebook page called Ohio Moms Unite": the name it goes by
            s2, e2 = given[0].idx, given[-1].idx + len(given[-1])
            return Mention(start, max(end, e2), text[start:max(end, e2)], head, name=text[s2:e2], kind="name",
                           role=text[start:head.idx + len(head)], ent_label="ORG")
        # common noun: an apposition may hold the name (also a title's own apposition:
        # "Her partner, the editor Rafe Lindqvist," where the name hangs on "editor")
        apposed = appos or _low_appositions(head, lo, hi)
        for a in apposed:
            if a.lower_.rstrip(".") in TITLE_WORDS_V1 and any(b.ent_type_ == "PERSON" and b.i > a.i for b in apposed):
                continue   # "His colleague, Coun. Ravi Sandhu, said": the parser made the title
                #            an apposition of its own, before the name's
            if a.pos_ == "NOUN" and (inner := next((x for x in a.children if x.dep_ == "appos" and x.i > a.i
                                                    and x.ent_type_ == "PERSON" and lo <= x.idx < hi), None)):
                a = inner
            atoks = _np_tokens(a, lo, hi) or [a]
            if a.ent_type_ == "NORP" and len(atoks) == 1 and a.i == head.i + 1:
                continue   # "the veteran Tory", parsed as "veteran" + apposition "Tory": a party member
            an, alabel = _name_tokens(a, atoks)
            if an:
                ns, ne = an[0].idx, an[-1].idx + len(an[-1])
                role = text[start:end]
                s2, e2 = atoks[0].idx, atoks[-1].idx + len(atoks[-1])
                return Mention(s2, e2, text[s2:e2], a, name=text[ns:ne], role=role, kind="name",
                               ent_label=alabel)
        org = _named_organisation(head, np)
        if org is not None:
            return Mention(start, end, text[start:end], head, name=text[org[0].idx:org[-1].idx + len(org[-1])],
                           kind="name", ent_label="ORG")
        alias = _nickname(head, lo, hi)
        if alias is not None:
            return Mention(start, end, text[start:end], head, name=alias.text, role=text[start:end],
                           kind="name", ent_label="PERSON")
        det = next((c for c in head.children if c.dep_ in ("det", "poss")), None) or fused
        definite = det is not None and (det.lower_ in ("the", "this", "that") or det.dep_ == "poss")
        # singular; "the sergeant-at-arms" is too, though its last part is tagged plural
        singular = head.tag_ in ("NN", "NNP") or (head.i > 0 and doc[head.i - 1].tag_ == "HYPH")
        kind = "description" if definite and singular else "generic"
        if head.ent_type_ == "NORP" and head.text[:1].isupper() and head.lower_.endswith("s"):
            kind = "generic"   # "The Greens", "the Social Democrats": a party's members, as "Democrats said"
        m = Mention(start, end, text[start:end], head, kind=kind)
        pp_end = _speaks_for(head, hi)
        if pp_end is not None and kind == "generic":
            # "A spokesperson for Harrowfield District Council": the unnamed person stays
            # unnamed; the organisation they speak for is their role and in the mention
            m = Mention(start, pp_end, text[start:pp_end], head, kind=kind)
            r0 = np[1].idx if det is not None and det.i == np[0].i and len(np) > 1 else start
            m.role = text[r0:pp_end].strip()
    role_parts = [_TRAILING_TITLE.sub("", _DATELINE_LEAD.sub("", p)) for p in role_parts if p]   # "CUPERTINO, Calif. — Apple Inc."
    role = "; ".join(p for p in role_parts if p and p.lower() not in ("the", "a", "an", "no relation")
                     and p.strip().lower().rstrip(".") not in COURTESY_TITLES_V1
                     and not _PARTY_STATE.fullmatch(p.strip(" ,")))   # not "R-Pa."
    m.role = role or m.role
    return m


#: A courtesy or personal title ending a longer role, the name's own honorific ("Council
#: leader Cllr" of "Council leader Cllr Jane Smith"): no part of the role.
_TRAILING_TITLE = re.compile(r"(?<=\w)\s+(?:Cllr|Dr|Mr|Mrs|Ms|Miss|Rev)\.?$")


#: A wire dateline before the subject it opens ("CUPERTINO, Calif. —", "LONDON (Reuters) -"):
#: no part of a speaker's role.
_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?" + DATELINE_DATE
                            + r"\s*(?:\([^)]{1,30}\)\s*)?[—–-]+\s*")


#: Words that join the capitalised words of an organisation's name.
_ORG_CONNECTORS = frozenset("of to for and & the".split())


def _whole_org_name(head: Token, lo: int, hi: int) -> list[Token] | None:
    """The tokens of an organisation's name written whole as the noun phrase of ``head``,
    inside chars [lo, hi), when it holds an "of", "to" or "for" phrase or a listed part
    ("The Ministry of Ports, Shipping and Waterways", "The Mission to Seafarers",
    "Transport for West Midlands", "The Rail, Tram and Bus Union"): every word
    capitalised but the joining words of :data:`_ORG_CONNECTORS` ("the" only after "of"
    or "for") and commas before a later "and"; its first or last word an organisation
    word (:data:`_ORG_NAME_WORDS`, :data:`ORG_NOUNS_V2`), its
    first no title or person noun ("the Minister for Health" is a title). None otherwise."""
    if not head.text[:1].isupper() or head.pos_ not in ("PROPN", "NOUN"):
        return None
    doc = head.doc
    toks = [t for t in doc[head.left_edge.i:head.right_edge.i + 1] if lo <= t.idx < hi]
    while toks and toks[0].lower_ == "the":
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if len(toks) < 3 or head not in toks or toks[0].i != toks[-1].i - len(toks) + 1:
        return None
    words = [t.lower_ for t in toks]
    if not any(w in ("of", "to", "for") for w in words[1:-1]) and not ("," in words and "and" in words):
        return None
    first_joint = next((k for k, w in enumerate(words) if w in ("of", "to", "for", ",")), len(words))
    if any(t.ent_type_ == "PERSON" for t in toks[:first_joint]):
        # a person and the body they are of: "Janet Holloway, President and Chief Executive
        # Officer of Brookmere Bank", "Station Manager Dan Okafor of Hereford and Worcester
        # Fire and Rescue Service"
        return None
    for k, t in enumerate(toks):
        if t.text == ",":
            if "and" not in words[k + 1:] and "&" not in words[k + 1:] \
                    or k + 1 < len(words) and words[k + 1].rstrip(".") in TITLE_WORDS_V1:
                return None
        elif t.lower_ == "the":
            if k == 0 or words[k - 1] not in ("of", "for"):
                return None
        elif t.lower_ in _ORG_CONNECTORS:
            if k == 0 or k == len(toks) - 1:
                return None
        elif not (t.text[:1].isupper() and t.is_alpha) or t.ent_type_ in ("DATE", "TIME"):
            return None
    first, last = words[0], words[-1]
    if first.rstrip(".") in TITLE_WORDS_V1 or first in PERSON_NOUNS_V1:
        return None
    if not {first, last} & (_ORG_NAME_WORDS | ORG_NOUNS_V2):
        return None
    return toks


def name_possessive(doc, i: int) -> bool:
    """True when ``doc[i]`` is the "'s" of a company named in the possessive: the token
    after it shows the "'s" possesses nothing, a finite verb ("Sotheby's said"), a
    preposition, conjunction or punctuation ("sold at Christie's in May"), or the text
    ends; a noun, adjective, adverb or participle after it ("Corvane Health's proposed
    acquisition", "the CCC's most recent report") is what it possesses."""
    if i >= len(doc) or doc[i].tag_ != "POS" or doc[i].text not in ("'s", "’s"):
        return False
    if i + 1 == len(doc):
        return True
    tok = doc[i + 1]
    return tok.is_punct or tok.pos_ in ("ADP", "CCONJ", "SCONJ", "AUX") or tok.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _body_for_place(head: Token, hi: int) -> list[Token] | None:
    """The tokens of a public body named "<Portfolio> for <Place>" ("Transport for
    London", "Transport for Cumbria"), which the parser reads as a common noun with a
    "for" phrase; None otherwise. Only portfolio words head such names here: "the
    Minister for Health" is a title."""
    if not head.text[:1].isupper() or head.lower_ not in _PORTFOLIO_WORDS or head.i + 2 >= len(head.doc):
        return None
    doc = head.doc
    prep = doc[head.i + 1]
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), doc[head.i + 2])   # "West Midlands": its last word
    if prep.lower_ != "for" or prep.head.i != head.i or pobj.head.i != prep.i or pobj.pos_ != "PROPN" \
            or not pobj.text[:1].isupper() or any(c.dep_ == "det" for c in head.children):
        return None
    toks = [head, prep] + list(pobj.subtree)   # ("Transport for West Midlands")
    if any(not t.text[:1].isupper() for t in toks[2:]) or toks[-1].idx + len(toks[-1]) > hi \
            or toks[-1].i - head.i + 1 != len(toks):
        return None
    return toks


def _low_appositions(head: Token, lo: int, hi: int) -> list[Token]:
    """A person's name the parser hung on the last noun of a person noun's phrase: in
    "The daughter of one victim, Joan Pettifer, said" and "China's special envoy to the
    Pacific, Zhang Weiming, said" the name between commas right before the verb names
    the subject (the apposition of news style, AP Stylebook "comma"), not the victim or
    the ocean. Only for a person noun or title as head and a PERSON name (or one opening
    with a known given name) set off by a comma after it; else []."""
    if noun_category(head.lower_) != "PERSON" and head.lemma_.lower() not in _ROLE_HEADS:
        return []
    out = []
    for p in head.children:
        if p.dep_ != "prep" or p.i < head.i:
            continue
        for t in p.subtree:
            if t.dep_ == "appos" and t.head.dep_ == "pobj" and lo <= t.idx < hi and (
                    t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and t.text[:1].isupper() and any(
                        x.i < t.i and x.dep_ == "compound" and is_known_first_name(x.text) for x in t.children)):
                # (a name NER typed otherwise but opening with a known given name: "Lars Eklund", FAC)
                nxt = t.doc[t.right_edge.i + 1] if t.right_edge.i + 1 < len(t.doc) else None
                if nxt is not None and nxt.text == "," and t.doc[t.left_edge.i - 1].text == ",":
                    out.append(t)
    return out[-1:]


#: Person nouns for people who speak for an organisation ("a spokesperson for X", "an
#: official with X"): the organisation is their role.
_AGENT_OF_ORG = frozenset("""spokesperson spokesman spokeswoman official representative
lawyer attorney agent staffer employee executive source
analyst economist strategist researcher scientist""".split())
# (the last line: the experts business and science news quotes as a group by where they
# work, "analysts at Kestrel Partners", "economists at Halden Bank", "researchers at the
# University of Otago"; GGT writes such a speaker with its "at" phrase)


def _speaks_for(head: Token, hi: int) -> int | None:
    """End of "for/with/at/of/from + organisation" after a speaking-for person noun ("A
    spokesperson for Harrowfield District Council", "an official with the Ministry of
    Health", "a spokesman for the charity"), or None. The organisation is a name NER
    tagged ORG, GPE or NORP, or an organisation noun (:data:`ORG_NOUNS_V2`)."""
    if head.lemma_.lower() not in _AGENT_OF_ORG:
        return None
    pp = next((c for c in head.children if c.dep_ == "prep" and c.i == head.i + 1
               and c.lower_ in ("for", "with", "at", "of", "from")), None)
    pobj = next((x for x in pp.children if x.dep_ == "pobj"), None) if pp is not None else None
    if pobj is None or not (pobj.ent_type_ in ("ORG", "GPE", "NORP") or pobj.lower_ in ORG_NOUNS_V2
                            or pobj.lemma_.lower() in ORG_NOUNS_V2
                            or pobj.pos_ == "PROPN" and pobj.text[:1].isupper() and not pobj.ent_type_):
        return None   # (a proper name NER missed: "analysts at Kestrel Partners")
    # the organisation's own name and "of" phrase, up to a clause on it ("who was present")
    clause = min((x.i for x in pobj.subtree if x.dep_ in ("relcl", "acl")), default=len(head.doc))
    end_tok = max((t for t in pobj.subtree if pobj.i < t.i < clause
                   and (t.dep_ in ("compound", "prep", "pobj", "flat", "amod") or t.ent_iob_ == "I")),
                  key=lambda t: t.i, default=pobj)
    end = end_tok.idx + len(end_tok)
    return end if end <= hi else None


def _demonym(toks: list[Token]) -> bool:
    """True for "the Dane", "the Spaniard": one demonym noun after "the", which NER may
    tag ORG; a description of a person, not a name ("The Australian", NER's ORG span
    with its article, is the newspaper)."""
    if len(toks) != 1 or toks[0].lower_ not in DEMONYM_NOUNS_V1 or toks[0].i == 0:
        return False
    det = toks[0].doc[toks[0].i - 1]
    return det.lower_ == "the" and not det.ent_type_


def _singulars(word: str) -> set[str]:
    """The word and the singulars its plural ending allows ("neighbors" -> "neighbor",
    "authorities" -> "authority", "witnesses" -> "witness")."""
    w = word.lower()
    out = {w}
    if w.endswith("s") and len(w) > 3:
        out.add(w[:-1])
        if w.endswith("es"):
            out.add(w[:-2])
        if w.endswith("ies"):
            out.add(w[:-3] + "y")
    return out


#: An end offset past any text (``doc.text`` is rebuilt on every access).
_NO_BOUND = 1 << 62


#: Titles of one office holder that the tagger and NER take for names when capitalised
#: after "the" ("the Speaker", "the Treasurer", "the Taoiseach", "the Coroner"): the
#: title words of TITLE_WORDS_V1 that name a person's office and are not in
#: PERSON_NOUNS_V1 (set by hand from that list).
_OFFICE_TITLES = frozenset("""
speaker treasurer chancellor taoiseach tánaiste tanaiste cathaoirleach provost magistrate
coroner commander colonel admiral commodore commandant inspector constable superintendent
sergeant lieutenant detective archbishop cardinal rabbi imam pope dean reeve alderman
congressman congresswoman councilman councilwoman councilmember representative headteacher
""".split())


def _bare_description(head: Token, np: list[Token], appos: list[Token]) -> str | None:
    """'generic' for a capitalised plural common noun standing alone ("Neighbors",
    "Residents", "Police", "Officials said") or a bare singular person noun that is no
    title or role (a headline's "Witness says"), 'description' for a bare singular
    title or role noun ("Councillor said"); None otherwise. The tagger and NER take such a
    word for a name (NNP, PERSON or ORG) when it opens the clause with a capital; it
    names nobody. A title that is the surname of a person NER found in the article
    ("Major" after "Robert Major") stays a name."""
    if head.text in ("NGO", "NGOs", "INGO") and not appos:
        return "generic"   # "…, NGO warns": an unnamed non-governmental organisation
    if not head.text[:1].isupper() or appos or head.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
        return None
    if _name_in_title_phrase(head, _NO_BOUND) is not None:
        return None   # "Minister for Pacific Peoples Anna Leota said": the title's phrase ends in a name
    if (any(t.i != head.i and t.dep_ != "det" and not t.is_punct for t in np)
            and not (np[0].lower_ in ("one", "another")
                     and (head.lower_.rstrip(".") in TITLE_WORDS_V1 or head.text.isupper()))) \
            or _campaign_name(head):
        return None
    low = head.lower_.rstrip(".")
    if np and np[0].lower_ in ("one", "another") and np[0].i < head.i and (
            low in TITLE_WORDS_V1 or head.text.isupper()):
        return "generic"   # "One MP from the party's right", "One TD", "Another MP": unnamed
    forms = (_singulars(low) | {head.lemma_.lower()}) - {low}
    plural = head.tag_ in ("NNS", "NNPS") or (low.endswith("s") and not low.endswith("ss"))
    if low in GROUP_NOUNS_V1 or (plural and any(f in PERSON_NOUNS_V1 or f in ORG_NOUNS_V1 for f in forms)):
        return None if _surname_in_doc(head) else "generic"   # "Banks" after "Tyra Banks"
    if plural and head.ent_type_ not in ("PERSON", "ORG") and head.tag_ in ("NNS", "NNPS") \
            and any(len(f) > 5 and f.endswith(_OCCUPATION_ENDINGS) for f in forms) and not _surname_in_doc(head):
        return "generic"   # "Childminders said", "Headteachers warn": an occupation in the plural
    if not plural and (low in PERSON_NOUNS_V1 and (low in TITLE_WORDS_V1 or low in _ROLE_NOUNS)
                       or low in _OFFICE_TITLES) and not _surname_in_doc(head):
        return "description"   # "Councillor said", "the Speaker said": the holder of that title, if named
    if not plural and low in PERSON_NOUNS_V1 and not _surname_in_doc(head):
        return "generic"       # a headline's "Witness says", "Mother says": someone unnamed
    return None


#: Bodies named by two common nouns, whose head alone names no organisation ("guard" is
#: also a person): coast guard, national guard, border patrol/force.
_ORG_COMPOUNDS = frozenset({("coast", "guard"), ("national", "guard"), ("border", "patrol"),
                            ("border", "force"), ("fire", "brigade")})


def _campaign_of(head: Token) -> list[Token] | None:
    """The candidate's name that modifies "campaign" right before it, after "the" ("The
    Halloran campaign", "the Trump-Pence campaign"): one or two capitalised proper nouns
    that no organisation's name holds (NER's place or organisation only when a person of
    the article bears it as a surname); None otherwise (not "his campaign", "a Senate
    campaign", "the Labour campaign")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    mods = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    if not mods or mods[-1].i != head.i - 1:
        return None
    run = [t for t in head.doc[min(x.i for m in mods for x in m.subtree):head.i]]
    if not 1 <= len(run) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() or _word_hyphen(t) for t in run) \
            or any(t.ent_type_ in ("NORP", "DATE") or t.ent_type_ in ("ORG", "GPE") and not _surname_in_doc(t)
                   for t in run) \
            or any(t.lower_ in TITLE_WORDS_V1 or t.lower_ in _ORG_NAME_WORDS for t in run):
        return None
    return run


def _named_organisation(head: Token, np: list[Token]) -> list[Token] | None:
    """The name of an organisation that proper-noun modifiers name on an organisation
    noun: "the GMB union" -> GMB, "the Unite union" -> Unite (the modifier is itself an
    organisation's name: NER ORG, or an acronym, which is what the article calls it
    afterwards); "the New Jersey attorney general's office" -> New Jersey attorney
    general's office (a place or other proper noun before a body's noun: the words
    from the first proper noun to the head, as written, without the determiner).
    None for plain descriptions ("the union", "the city's police department"), a
    possessor ("Apple's board" is Apple's, left to the description), an indefinite or
    plural head ("a Toronto firm", "the Ontario unions") and document nouns.
    """
    compound = next((c.lower_ for c in head.children if c.dep_ == "compound" and c.i == head.i - 1), None)
    if (compound, head.lower_) in _ORG_COMPOUNDS and head.tag_ == "NN" and head.text.islower():
        pass   # "the Philippine coast guard": a body whose noun is two words
    elif head.lower_ == "police" and head.text.islower() and any(
            c.dep_ == "compound" and c.i == head.i - 1 and (c.pos_ == "PROPN" or c.ent_type_) and c.text[:1].isupper()
            and c.ent_type_ in ("GPE", "PERSON", "ORG", "") for c in head.children):
        # "Hamilton police said": a city's force, named by its place (tagged plural; NER
        # may call the place a person, the tagger a sentence-initial one a noun)
        return [head.doc[head.i - 1], head]
    elif head.lower_ == "campaign":
        run = _campaign_of(head) if head.text.islower() and head.tag_ == "NN" else None
        return run + [head] if run else None   # "The Halloran campaign": a candidate's organisation
    elif head.tag_ != "NN" or not head.text.islower() or noun_category(head.lower_) != "ORG" \
            or head.lower_ not in _ORG_NAME_WORDS or head.lower_ in _DOCUMENT_NOUNS:
        return None   # "the Trump team": a person's people
    det = next((c for c in head.children if c.dep_ == "det"), None)
    if det is not None and det.lower_ != "the":
        return None
    left = [t for t in np if t.i < head.i and not (t is det)]
    two_word = (compound, head.lower_) in _ORG_COMPOUNDS
    first = next((k for k, t in enumerate(left) if t.text[:1].isupper() and (
        t.pos_ == "PROPN" or two_word and t.ent_type_ in ("NORP", "GPE"))), None)   # "Philippine coast guard"
    if first is None:
        return None
    mods = left[first:]
    if any(t.is_punct and not _word_hyphen(t) or t.pos_ not in ("PROPN", "NOUN", "ADJ", "PART", "PUNCT")
           for t in mods):
        return None
    if len(mods) == 1 and mods[0].text == "Crown":
        return None   # "the Crown corporation": Canada's term for a state-owned company, no name
    run = [mods[0]]
    for t in mods[1:]:
        if t.pos_ != "PROPN" and not _word_hyphen(t):
            break
        run.append(t)
    root = next((t for t in run if not run[0].i <= t.head.i <= run[-1].i), run[-1])
    if root.dep_ not in ("compound", "amod", "nmod"):
        return None   # "Apple's board": the possessor speaks through a description
    if len(run) == len(mods):   # proper noun(s) right before the head noun
        ent = _entity_at(run[0])
        if ((ent is not None and ent.label_ == "ORG" and ent.end == run[-1].i + 1 and (
                ent.start == run[0].i or ent.start == run[0].i - 1 and head.doc[ent.start].lower_ == "the"))
                or (len(run) == 1 and run[0].text.isupper() and len(run[0].text) > 1)) \
                and not (len(run) == 1 and _surname_in_doc(run[0])):
            return run
    return mods + [head]   # a body's noun: the phrase is the name ("... office")


#: Bodies of a state that news names by the state and the body's noun in lower case
#: ("Russia's defence ministry", "the Israeli foreign ministry", "China's commerce
#: ministry"; Reuters and BBC style).
_STATE_BODIES = frozenset("ministry department army military navy embassy government cabinet".split())


def _state_body(head: Token) -> list[Token] | None:
    """The tokens of a state's body named by a place's possessive or a national adjective
    and a lower-case body noun ("Russia's defence ministry" -> all three words; "the
    Israeli foreign ministry" -> "Israeli foreign ministry"; "The Kazakh foreign ministry",
    which NER tags ORG as a whole), None otherwise."""
    if head.lower_ not in _STATE_BODIES or not head.text.islower() or head.tag_ not in ("NN", "NNP"):
        return None   # (the tagger often calls a lower-case "ministry" a proper noun)
    mods = sorted((c for c in head.children if c.i < head.i and c.dep_ in ("poss", "amod", "compound", "nmod")),
                  key=lambda c: c.i)
    if not mods:
        return None
    first = mods[0]
    whole_org = first.ent_type_ == "ORG" and first.text[:1].isupper() and (
        head.ent_type_ == "ORG" and _entity_at(first) == _entity_at(head)   # NER's ORG over "Kazakh foreign ministry"
        or first.text.isupper() and 2 <= len(first.text) <= 4 and first.text.isalpha()
        and not head.ent_type_ and first.i + 2 == head.i and head.doc[first.i + 1].text.islower())
    # (or NER's ORG on a country's initials alone: "The UAE foreign ministry")
    if first.dep_ == "poss" and first.ent_type_ == "GPE" or (first.ent_type_ in ("NORP", "GPE") or whole_org) \
            and first.dep_ != "poss":
        toks = [t for t in head.doc[first.left_edge.i:head.i + 1] if t.dep_ != "det"]
        if all(t.text.islower() or t.i <= first.i for t in toks) and len(toks) <= 5:
            return toks
    return None


def _surname_in_doc(tok: Token) -> bool:
    """True if the word is the last word of a person's name in the document: of a
    PERSON NER found ("Trump" after "Donald Trump"; "Major" after "Robert Major"), or
    written after a known given name ("Banks" after "Tyra Banks", which NER missed)."""
    doc = tok.doc
    if any(e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == tok.text for e in doc.ents):
        return True
    return any(t.text == tok.text and t.i != tok.i and t.i > 0 and is_known_first_name(doc[t.i - 1].text)
               for t in doc)


def _nickname(head: Token, lo: int, hi: int) -> Span | None:
    """A name the description gives its person: in quotation marks in a relative clause
    ("a tenant organiser who asked to be identified only as “Moth”" -> Moth), after
    "named" ("an agency official in Banten province named Jhony" -> Jhony), after "gave
    her name as" or "identified himself as" ("Another speaker, who gave her name as Wendy
    Tsosie, said" -> Wendy Tsosie), or in apposition to the name given ("who gave only
    his first name, Yusuf" -> Yusuf)."""
    for t in head.subtree:
        if t.dep_ in ("pobj", "oprd", "attr", "dobj") and t.pos_ == "PROPN" and 0 < t.idx - head.idx < 150 \
                and t.head.lower_ in ("as", "named", "called", "nicknamed") and t.i > 0:
            first = min((c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"),
                        key=lambda c: c.i, default=t)
            if t.doc[first.i - 1].text in "“\"'‘«":
                return t.doc[first.i:t.i + 1]
            # unquoted, only after "named": "as"/"called" also introduce what someone is
            # or says ("worked as Santa", "called Ottawa's plan a mistake")
            if t.head.lower_ == "named" and t.head.dep_ == "acl":
                return t.doc[first.i:t.i + 1]
            # or after "identified only as" / "known only as" (AP's wording for a source
            # named in part): "who asked to be identified only as Parwana"
            if t.head.lower_ == "as" and t.head.i >= 2 and t.doc[t.head.i - 1].lower_ == "only" \
                    and t.doc[t.head.i - 2].lower_ in ("identified", "known", "named", "called"):
                return t.doc[first.i:t.i + 1]
            # or after "gave her name as" / "identified himself as" (meeting and court
            # reports: "Another speaker, who gave her name as Wendy Tsosie, said")
            k = t.head.i - 1 - (t.doc[t.head.i - 1].lower_ == "only")   # "gave her name only as Renee"
            if t.head.lower_ == "as" and t.head.i >= 2 and (
                    t.doc[k].lower_ == "name" and t.doc[k].head.lemma_.lower() in ("give", "provide")
                    or t.doc[t.head.i - 1].lower_ in ("himself", "herself", "themselves", "themself")
                    and t.doc[t.head.i - 2].lemma_.lower() == "identify"):
                return t.doc[first.i:t.i + 1]
        if t.dep_ == "appos" and t.pos_ == "PROPN" and t.head.lemma_.lower() in ("name", "sign", "nickname") \
                and 0 < t.idx - head.idx < 150 \
                and t.head.head.lemma_.lower() in ("give", "provide", "offer", "share"):
            # "A fisherman, who gave only his first name, Yusuf, said": AP's wording for a
            # source named in part
            first = min((c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"),
                        key=lambda c: c.i, default=t)
            return t.doc[first.i:t.i + 1]
    return None


def noun_category(word: str) -> str | None:
    """'ORG', 'PERSON' or None for a description's head noun ("watchdog", "official")."""
    w = word.lower()
    if w in ORG_NOUNS_V2:
        return "ORG"
    if w in PERSON_NOUNS_V1:
        return "PERSON"
    return None


_PLACE_WORDS = frozenset("""
county city province state township river street road avenue island lake mountain valley
region district village town park bay coast beach harbour harbor airport station square
bridge north south east west
""".split())


#: A romanised East Asian given name written with a hyphen and a lower-case second
#: syllable ("Jae-won", "Xiao-ming"; Revised Romanization of Korean, 2000, and Wade-Giles
#: habit in Taiwan): a given name though the name table lacks it.
ROMANISED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


#: Initials before a surname ("J.K.", "J. K.", "T.R."), a person's; and the initials of
#: places that open organisations' names ("U.S. Steel").
_INITIALS = re.compile(r"(?:[A-Z]\.\s?){1,3}")
_PLACE_INITIALS = frozenset("U.S. U.K. U.N. E.U. D.C. N.Y. L.A.".split())


#: An Arabic kunya, "father of" / "mother of" and a name, which news uses as a person's
#: name ("Abu Turki", "Umm Khalid"; Wikipedia, "Kunya (Arabic)").
_KUNYA = re.compile(r"(?:Abu|Umm) (?!Dhabi\b|Ghraib\b|Simbel\b|Kamal\b|Dis\b|Qir\b)[A-Z][a-z]+")
# (not the places "Abu Dhabi", "Abu Ghraib", "Abu Simbel", "Abu Kamal", "Abu Dis", "Abu Qir")
#: A Portuguese diminutive used alone as a footballer's name ("Thiaguinho", "Paulinho",
#: "Ronaldinho"; Wikipedia, "Brazilian football player names").
_DIMINUTIVE = re.compile(r"[A-Z][a-z]{2,}inh[oa]")


def guess_name_type(name: str, label: str | None) -> str:
    """Entity type for a proper name.

    A known given name (:func:`is_known_first_name`) makes it a PERSON even where NER says
    ORG (en_core_web_sm labels "Oksana Pokalchuk" ORG), unless the name holds an
    organisation or place word or NER calls it a place; platforms ("Twitter") are
    ORG; else the NER label; else organisation words; else PERSON.
    """
    parts = name.replace("’", "'").split()
    low = [p.lower().strip(".,") for p in parts]
    if any(p in PLATFORMS_V1 for p in low) and len(parts) == 1:
        return "ORG"
    if _KUNYA.fullmatch(name) and label not in ("GPE", "LOC", "FAC") \
            or len(parts) == 1 and label in (None, "ORG") and _DIMINUTIVE.fullmatch(name):
        return "PERSON"   # "Abu Turki" (NER's nationality), "Thiaguinho" (NER's organisation)
    if any(p in _PLACE_WORDS for p in low[1:]) and not (len(parts) == 2 and (
            label == "PERSON" and is_known_first_name(parts[0]) or ROMANISED_GIVEN.fullmatch(parts[0]))):
        # "Maple Lake", "Bay Street"; but "Ellen Park", which NER calls a person
        return "GPE" if label in (None, "GPE", "LOC", "PERSON") else ("ORG" if label == "FAC" else label)
    if label not in ("GPE", "LOC", "FAC", "NORP") and len(parts) >= 2 and _INITIALS.fullmatch(" ".join(parts[:-1])) \
            and parts[-1][:1].isupper() and parts[-1].lower() not in _ORG_NAME_WORDS \
            and " ".join(parts[:-1]).replace(" ", "") not in _PLACE_INITIALS:
        return "PERSON"   # "J.K. Rowlands", "T. R. Fehrenbach" (not "U.S. Steel")
    if label not in ("GPE", "LOC", "FAC", "NORP") and len(parts) >= 2 \
            and (is_known_first_name(parts[0]) or ROMANISED_GIVEN.fullmatch(parts[0])) \
            and not any(p in _ORG_NAME_WORDS for p in low):
        return "PERSON"
    if any(p in _ORG_NAME_WORDS for p in low):
        return "ORG"
    if label in ("PERSON", "ORG", "GPE", "NORP"):
        return label
    if label in ("FAC", "LOC"):
        return "GPE" if label == "LOC" else "ORG"
    if parts and parts[0].isupper() and len(parts[0]) > 1:
        return "ORG"  # acronyms: AFN, CNN
    return "PERSON"
