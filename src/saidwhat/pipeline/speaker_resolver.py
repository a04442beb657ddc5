"""saidwhat.pipeline.speaker_resolver: resolve speaker mentions to the article's entities.

Reads NER (``doc.ents``) and the candidates' mentions. Within one article:

* names: surnames and short forms to the fullest form the article gives
  ("Pokalchuk" -> "Oksana Pokalchuk"; "Amnesty" -> "Amnesty International", the
  most frequent longer name that starts with it);
* pronouns: "he added" right after a quote by X is X when no other compatible
  entity is named in between; else the nearest preceding compatible entity
  outside quotation marks (he/she: a PERSON whose gender, from the article's own
  pronouns or the given-name table (nomquamgender), does not conflict; it: an ORG/GPE;
  they: ORG/GPE/NORP or PERSON); nothing when none is found;
* definite descriptions ("the watchdog", "the mayor"): an entity whose role
  contains the noun, else the latest speaker of a compatible type, else the
  latest compatible entity named (a proper-noun subject NER missed counts); a
  title ("the judge") that no named person holds stays the description;
* definite documents ("the report", "the parole board decision"): their author, the
  organisation a modifier names or the author of the document quoted before; else
  the description;
* indefinite descriptions ("A harbour pilot says ..."): the person the next
  sentence names as its subject, in the same paragraph or after the article's
  lede, unless that sentence introduces them afresh; else the description;
* unattributed direct quotes: the previous quotation's speaker when no other
  entity is named in between (cue None, flag ``continuation``, lower confidence).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass

from . import given_names
from .context import DocContext
from .quote_detector import Candidate
from .lexicons import (BODY_HEAD_NOUNS, COMPANY_NAME_WORDS_V1, COMPANY_TRADE_NOUNS_V1, DEMONYM_NOUNS_V1, GROUP_NOUNS_V1,
                       ORG_NOUNS_V2, PERSON_NOUNS_V1, PERSON_NOUNS_V2, PERSONAL_TITLES_V1, TITLE_WORDS_V1,
                       UNNAMED_SPEAKER_NOUNS_V1)
from .entities import (_GENDER_PRON, HONORIFIC_GENDER, ROLE_GENDER, ArticleEntities, Entity,  # noqa: F401
                       EntityIndex, ent_name, introduced_as_body, normalize_name, relative_age_pick)
from .speaker_detector import (_DOCUMENT_NOUNS, _ORG_NAME_WORDS, _entity_at, find_subject, is_known_first_name,
                               mention_from_head, noun_category)

SALIENCE = 0.5   # weight of log2(mentions so far) against recency rank, for pronoun antecedents

# Character windows (issue 14): set by hand when each rule was written, not measured.
PRONOUN_WINDOW_CHARS = 1500   # how far back a pronoun or description looks for its person (about 3-4 news paragraphs)
DOCUMENT_WINDOW_CHARS = 3000  # how far back a document or an organisation's kind looks for its author
NEAR_SUBJECT_CHARS = 600      # "near": a subject or a speaker within about one paragraph before a description
CONTINUATION_NEAR_CHARS = 400  # a continuation this close (and within 2 line breaks) keeps CONF_LIKELY
PLURAL_THEY_CHARS = 400       # "they said" is the plural speaker of a quotation at most this far back

# Confidence of a resolved speaker (the record's ``confidence``): an ordinal ladder set by
# hand (stronger evidence, higher value), not tuned; docs/antecedents.md measures how
# well it ranks pronoun records (ROC AUC 0.822 on GGT dev).
CONF_NAMED = 0.95          # the attribution names the speaker
CONF_NAME_INFERRED = 0.9   # a name the attribution gives in part (a surname NER missed, "X and Y")
CONF_VERY_LIKELY = 0.85    # a pronoun that fits the last speaker, nobody else named between
CONF_STRONG = 0.8          # a description that one title holder or organisation name fits
CONF_GOOD = 0.75           # the person introduced between quotations, the person of that age
CONF_LIKELY = 0.7          # a near continuation, the nearest fitting subject
CONF_FAIR = 0.65           # the last speaker who fits a description
CONF_WEAK = 0.6            # weaker evidence of the same kinds
CONF_WEAKER = 0.55         # the nearest person of any role, for a description
CONF_EVEN = 0.5            # an unnamed speaker kept as described, a far continuation
CONF_GUESS = 0.4           # a last resort: the topic, or nobody found
CONF_FIRST_PERSON = 0.3    # "I"/"we"/"you" outside quotes: nobody named


@dataclass
class Resolution:
    """A candidate's resolved speaker."""

    speaker: str | None
    type: str | None
    role: str | None
    confidence: float
    entity: Entity | None = None



_COORDINATED = re.compile(r"\s*(?:,|\band\b)\s*")


#: "the younger", "the elder" before a surname: which of the people who share it.
_AGE_WORD = re.compile(r"(?:the\s+)?(younger|older|elder|eldest|oldest)$", re.I)


def _person_role_before(role: str | None, name: str) -> bool:
    """True if a person's title or role noun ends the role written before ``name`` ("board
    chair", "Deputy Mayor", "aid worker", "Ontario MPP") and the name is two or three
    capitalised words opening with a given name the table has seen
    (:func:`given_names.is_attested_given_name`) or an initial ("K. Meenakshi Sundaram"),
    or two plain capitalised words, and holding no organisation word: a person, whatever
    NER called the span."""
    words = name.split()
    if not role or not 2 <= len(words) <= 3 or not (
            is_known_first_name(words[0]) or given_names.is_attested_given_name(words[0])
            or re.fullmatch(r"[A-Z]\.", words[0])
            or len(words) == 2 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)) \
            or any(w.lower() in _ORG_NAME_WORDS for w in words):
        return False   # (a given name the table lacks, in two plain words: "aid worker Lindiwe Mokoena")
    last = role.split()[-1].lower().strip(".,")
    return (last in PERSON_NOUNS_V1 or last in BODY_HEAD_NOUNS or last in TITLE_ACRONYMS or last in _LEGISLATOR_TITLES) \
        and last not in ORG_NOUNS_V2


#: Legislators' titles written as letters before a name ("Ontario MPP", "Liberal MNA").
_LEGISLATOR_TITLES = frozenset("mp mpp mla mna mha msp mhk td mca mec cec".split())


def _sharing_surname(index, surname: str) -> list[Entity]:
    """The people of the article whose name ends in ``surname`` (two words or more)."""
    return [e for e in index.unique() if e.type == "PERSON" and len(e.name.split()) >= 2
            and e.name.split()[-1] == surname]


def _people(index: EntityIndex, name: str) -> list[Entity]:
    """The people a coordinated name lists ("Sandmann and Phillips"), each resolved to
    the article's fullest form; empty unless there are two or more and all are
    people named in the article (so "Fisheries and Oceans Canada" stays one name)."""
    if not _COORDINATED.search(name):
        return []
    parts = [p for p in _COORDINATED.split(name) if p.strip()]
    if len(parts) < 2 or any(normalize_name(p) not in index.entities and normalize_name(p) not in index.alias
                             for p in parts):
        return []
    found = [index.get(p) for p in parts]
    return found if all(e.type == "PERSON" for e in found) else []


#: A couple named together before their shared surname ("Henry and Margaret Langille").
_COUPLE = re.compile(r"\b([A-Z][a-z]+) (?:and|&) ([A-Z][a-z]+) ([A-Z][\w'’-]+)\b")


def _spouse_in_couple(ctx, index, m) -> Entity | None:
    """The member of a couple named together ("Henry and Margaret Langille") that "his
    wife" or "her husband" names: the one whose given name the name table gives the
    noun's gender, the other not, within :data:`PRONOUN_WINDOW_CHARS` before; None
    otherwise (the article's own "his wife, Ann" is resolved as a name)."""
    if m.head is None or m.head.lemma_.lower() not in ("wife", "husband") \
            or not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in m.head.children):
        return None
    want = ROLE_GENDER[m.head.lemma_.lower()]
    found = list(_COUPLE.finditer(ctx.text, max(0, m.start - PRONOUN_WINDOW_CHARS), m.start))
    if not found:
        return None
    g1, g2, surname = found[-1].groups()
    genders = [given_names.name_gender(g1), given_names.name_gender(g2)]
    if sorted(x or "" for x in genders) != ["F", "M"]:
        return None
    given = g1 if genders[0] == want else g2
    return index.get(f"{given} {surname}", "PERSON")


def _family(ctx, index, m) -> Resolution | None:
    """A family named by its surname in the plural ("the Fentons said"): the couple the
    article named before ("Mark and Julie Fenton"), or the people of that surname
    joined by "and" when there are two or more; a family the article names only so is a
    group, no speaker name. None when the mention is not "the" + a plural surname of
    people named before."""
    name = m.name
    if not (name.endswith("s") and " " not in name and name[:1].isupper()
            and ctx.text[max(0, m.start - 4):m.start + 4].lower().startswith("the ")
            or m.text.lower().startswith("the ") and m.text.split()[-1] == name):
        return None
    stem = name[:-1]
    bearers = [e for e in index._unique() if e.type == "PERSON" and " " in e.name and e.name.split()[-1] == stem
               and any(p < m.start for p in e.positions)]
    if not bearers:
        return None
    for e in bearers:   # "Mark and Julie Fenton": a given name joined to the bearer's
        first = min(e.positions)
        g = re.search(r"\b([A-Z][a-z]+) (?:and|&) $", ctx.text[max(0, first - 30):first])
        if g and is_known_first_name(g.group(1)):
            pair = f"{g.group(1)} and {e.name}"
            return Resolution(pair, "PERSON", None, CONF_NAME_INFERRED, e)
    if len(bearers) >= 2:
        return Resolution(" and ".join(e.name for e in bearers), "PERSON", None, CONF_NAME_INFERRED, bearers[0])
    return Resolution(None, "OTHER", None, CONF_EVEN)


#: Words NER sometimes tags as a PERSON that name no one: weekdays and months
#: ("Tuesday spoke first" is a misparse), which no pronoun can refer to.
_CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}$")   # "N.S.", "U.K.": places, not people


def _plausible_person(e: Entity) -> bool:
    """False for a PERSON entity whose name cannot be a person's: an acronym ("AFN"), a
    dotted abbreviation ("N.S."), a weekday or month. (A one-word name nothing shows is
    a person, "Brexit" tagged PERSON, was tried and dropped: it cost 16 pronouns of
    GUM's test documents, whose transcripts name a petitioner once, in one word.)"""
    if " " not in e.name and (e.name.isupper() or _ABBREVIATION.match(e.name)):
        return False
    return e.name.lower() not in _CALENDAR_WORDS


def _compatible(e: Entity, pron: str, strict_gender: bool = True) -> bool:
    """Agreement of an entity with a pronoun: gender (he/she: a PERSON whose gender
    does not conflict, unless ``strict_gender`` is off), animacy ("it": an
    organisation, or a place the article has as a speaker, never a person) and number
    ("they": an organisation, place or group, or a person of no known gender or one
    the article itself calls they; not one man or one woman)."""
    p = {"his": "he", "its": "it", "their": "they"}.get(pron.lower(), pron.lower())
    if p in ("he", "him", "she", "her"):
        if e.type != "PERSON" or not _plausible_person(e):
            return False
        g = _GENDER_PRON[p]
        return not strict_gender or e.gender in (None, g)
    if p == "it":
        return e.type in _IT_TYPES or (e.type == "GPE" and e.quotes > 0)
    if p in ("they", "them", "we"):
        if e.type == "PERSON":   # one named person is "they" only where the article says so
            return e.pronouns.get("they", 0) + e.pronouns.get("them", 0) > 0 or " and " in e.name
        return e.type in ("ORG", "GPE", "NORP")
    return False


#: Entity types "it" can always refer to (a place only once the article quotes it:
#: "Russia said ..., it added").
_IT_TYPES = ("ORG",)


def resolve(ctx: DocContext, cands: list[Candidate], index: ArticleEntities | None = None) -> list[Resolution]:
    """Resolve every candidate's speaker, in text order, against the article's entities
    (``index``; built from ``ctx`` when not given). Returns one Resolution each."""
    index = index if index is not None else ArticleEntities(ctx)
    order = sorted(range(len(cands)), key=lambda i: cands[i].start)
    res: list[Resolution | None] = [None] * len(cands)
    history: list[tuple[int, int]] = []   # (candidate index) in text order with a resolved entity
    for i in order:
        c = cands[i]
        m = c.mention
        prev = history[-1] if history else None
        r: Resolution
        if m is None:
            r = Resolution(None, None, None, 0.0)
            if c.type == "direct" and prev is not None:
                r = _continuation(ctx, index, cands, res, prev, c)
            if c.type == "direct" and r.speaker is None and "continuation" not in c.flags:
                r = _topic(ctx, index, c)
        elif m.kind == "name" and m.name and m.name.lower() in TITLE_ACRONYMS and m.text.lower().startswith("the "):
            # "the ACP said" after "Assistant Commissioner of Police Neha Bansal"
            e = _acronym_holder(ctx, index, m.start, m.name)
            r = Resolution(e.name, e.type, e.role, CONF_STRONG, e) if e is not None \
                else Resolution(None, "OTHER", m.text, CONF_EVEN)
        elif m.kind == "name" and _title_only(m.name) and (norm := normalize_name(m.name)) not in index.entities \
                and norm not in index.alias and index.fuller_form(norm) is None and not _title_word_surname(ctx, index, m):
            # "MAYOR SAYS ..." / "Mayor says ...": a title, not a name (but "Major" can
            # be Robert Major's surname, and "Prince" Chief Donna Prince's)
            r = _description(ctx, index, cands, res, history, c)
        elif m.kind == "name" and m.name and (fam := _family(ctx, index, m)) is not None:
            r = fam   # "the Fentons said" after "Mark and Julie Fenton"
        elif m.kind == "name" and m.name and (parts := _people(index, m.name)):
            # "Sandmann and Phillips" -> "Nick Sandmann and Nathan Phillips"
            r = Resolution(" and ".join(x.name for x in parts), "PERSON", m.role, CONF_NAME_INFERRED, index.get(m.name))
        elif m.kind == "name" and m.name:
            hon = HONORIFIC_GENDER.get(m.text.split()[0].lower()) if m.text.split() else None
            e = index.get_at(m.name, m.start, gender=hon, label="ORG" if m.ent_label == "ORG" else None)
            ns = ctx.text.find(m.name, m.start, m.end)
            if ns >= 0 and " " in m.name and (whole := index.covering_person(ns, ns + len(m.name))) is not None \
                    and whole is not e and whole.name.endswith(" " + normalize_name(m.name)):
                # "Datuk Zulkefli Che Hassan": the speaker mention kept NER's last span only
                e = whole
            if m.role and hon is None and e.type == "PERSON" and not _AGE_WORD.match(m.role) \
                    and (titled := index.titled_bearer(normalize_name(m.name), m.role, m.start)) is not None:
                e = titled   # "Pastor Bailey": of those of the surname, the pastor
            rel = _AGE_WORD.match(m.role or "")
            if rel and " " not in m.name:
                # "the younger Tremblay": of those of the surname, the one the ages or
                # kinship make younger (or older)
                picked = relative_age_pick(_sharing_surname(index, m.name), rel.group(1).lower())
                if picked is not None:
                    e = picked
                m.role = None
            role = m.role
            if role and e.type == "PERSON" and e.name == f"{role} {m.name}":
                # "Dean Holloway told Sky Sports": the title word the mention dropped is the
                # given name of the article's entity (normalize_name keeps "Dean Smith")
                role = m.role = None
            if role is None and m.name != e.name and m.name.endswith(" " + e.name) \
                    and m.name[:-len(e.name)].split()[-1].lower().rstrip(".") in TITLE_WORDS_V1:
                role = m.name[:-len(e.name)].strip()   # "District Collector" of NER's ORG span with the name
            if role and not e.role:
                e.role = role
            if e.type in ("GPE", "ORG") and _person_role_before(role, e.name):
                e.type = "PERSON"   # "board chair Helen Okafor", which NER called a place
            elif e.type == "PERSON" and introduced_as_body(m.text[:max(0, m.text.find(m.name))], e.name):
                # (the words before the name only: "Sevaun Palvetzian, CEO of …, a … group" is a person)
                e.type = "ORG"      # "Cycling charity Pedal Safe", which NER left untagged
                e.gender = e.gender_source = None
            if not ctx.quoted(m.start):
                index.note_named(e, m.start, m.head is not None and m.head.dep_ in ("nsubj", "nsubjpass"))
            r = Resolution(e.name, e.type, m.role or e.role, CONF_NAMED, e)
        elif m.kind != "pronoun" and not m.name and (e := _known_surname(index, m)) is not None:
            # "argued Palvetzian": a person's surname NER took for a nationality (NORP)
            r = Resolution(e.name, e.type, m.role or e.role, CONF_NAME_INFERRED, e)
        elif m.kind == "pronoun":
            r = _pronoun(ctx, index, cands, res, history, c)
        elif m.kind == "description" and _title_word_surname(ctx, index, m):
            # '"It is time," King told CNN': no one of the article holds the title, so
            # the capitalised word without an article is a surname
            e = index.get_at(m.text, m.start)
            if not ctx.quoted(m.start):
                index.note_named(e, m.start, m.head is not None and m.head.dep_ in ("nsubj", "nsubjpass"))
            if e.type == "ORG" and len(e.positions) <= 1:
                e.type = "PERSON"   # (a name of its own only here: the title word's holder is a person)
            r = Resolution(e.name, e.type, e.role, CONF_NAMED, e)
        elif m.kind == "description":
            r = _description(ctx, index, cands, res, history, c)
        elif m.kind == "generic" and (e := _named_next(ctx, index, c)) is not None:
            r = Resolution(e.name, e.type, m.text, CONF_WEAK, e)
        elif m.kind == "generic" and (e := _named_force(ctx, index, m)) is not None:
            r = Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
        elif m.kind == "generic" and m.head is not None and (
                m.head.lower_ in _HEAD_NOUNS or m.head.lower_ in TITLE_WORDS_V1 and m.head.lower_ in PERSON_NOUNS_V1) \
                and not any(ch.dep_ == "det" for ch in m.head.children) \
                and (e := _named_after_lede(ctx, index, m, m.head.lower_, None)) is not None:
            # a headline's bare "…, says agency chief": the body's named head of that agency;
            # "…, minister says" then "Transport Minister Elise Varga says …": the holder of
            # the title named first in the lede
            r = Resolution(e.name, e.type, e.role, CONF_WEAK, e)
        else:
            r = Resolution(None, "OTHER", None, CONF_EVEN)
        if r.speaker is None and r.type == "OTHER" and m is not None and m.head is not None \
                and noun_category(m.head.lemma_) == "ORG" and not _is_document(m.head):
            r.type = "ORG"   # an unnamed institution: "Police said", "the groups said"
        res[i] = r
        if r.entity is not None and r.speaker:
            r.entity.quotes += 1
        if r.entity is not None or m is not None:
            history.append((i, c.start))
    return res  # type: ignore[return-value]


def _known_surname(index, m):
    """The person whose surname or short form a nameless mention is: a bare capitalised
    word ("Palvetzian", which NER tagged NORP; "Schniederjans", which the tagger took
    for a plural noun) that the article's entities know as a person's name. None
    otherwise."""
    h = m.head
    if h is None or h.tag_ not in ("NNP", "NNPS", "NNS", "NN") or m.text.strip() != h.text \
            or not h.text[:1].isupper() or h.text.isupper():   # the tagger calls some surnames NNS
        return None
    if h.text not in index.alias and h.text not in index.entities and not any(
            e.type == "PERSON" and e.name.split()[-1] == h.text for e in index.unique()):
        return None   # (a surname of a person named in full counts: "Rowlands said", tagged NNS)
    e = index.get_at(h.text, m.start)
    return e if e.type == "PERSON" and " " in e.name else None


def _named_next(ctx, index, c):
    """The person an indefinite description introduces, named as the subject of the
    next sentence: "A harbour pilot says the channel is silting up. Ines Moreau said
    ..." -> Ines Moreau. An indefinite introduces someone new, so the next sentence
    must be in the same paragraph and name someone not named before; or the
    description opens the article (a news lede: "A harbour pilot says ..." with the
    name in the next paragraph; a caption or headline may come first). None when the
    description is not one person ("a citizen", "officials"), or the name comes with
    a description of its own ("Ben Myers, the president of ...", "Don Fowler, who
    ..."): the writer introduces that person afresh, not as the one just described. An
    age beside the name is no such description ("Maria Lopez, 43,"), and the same noun
    naming them again confirms them ("A coroner has ruled ... The senior coroner, Andrew
    Coleby, said"; "A magistrate ... Magistrate Peter Lindqvist said"), whatever the noun."""
    m = c.mention
    head = m.head
    if head is None or head.tag_ != "NN":
        return None
    person_noun = noun_category(head.lower_) == "PERSON" or head.lemma_.lower() in PERSON_NOUNS_V2
    det = next((t for t in head.children if t.dep_ in ("det", "nummod")), None)
    if det is None or det.lower_ not in ("a", "an", "one"):
        return None
    lo = ctx.sentence_end_after(max(m.end, c.end) - 1)
    hi = ctx.sentence_end_after(lo)
    par = ctx.paragraph_bounds(m.start)
    same_par = hi <= par[1]
    opening = sum(1 for p in ctx.text[:par[0]].split("\n") if p.strip()) <= 1
    if not same_par and not (opening and not ctx.text[lo:par[1]].strip()):
        return None
    a, b = bisect_left(index.mention_pos, lo), bisect_left(index.mention_pos, hi)
    noun = head.lemma_.lower()
    for pos, e, _ in index.mentions[a:b]:
        tok = ctx.token_at(pos)
        ent = _entity_at(tok) if tok is not None else None
        if ent is None:
            continue
        root = ent.root
        # the same noun names them again: "Magistrate Peter Lindqvist", "The senior
        # coroner, Andrew Coleby," after "A magistrate", "A coroner"
        same_noun = e.type == "PERSON" and (
            any(t.lemma_.lower() == noun for t in root.subtree if t.i < ent.start)
            or root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() == noun)
        if same_noun and not (same_par and not opening and min(e.positions) < m.start):
            return e
        if root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not person_noun or e.type != "PERSON" or any(
                t.dep_ == "relcl" or t.dep_ == "appos" and not t.like_num for t in root.children):
            return None   # (an age in apposition is no description: "Maria Lopez, 43, said")
        if same_par and not opening and min(e.positions) < m.start:
            return None
        return e
    return None


#: Titles that Indian, Kenyan, Nigerian, South African and British copy writes as initials
#: after naming the holder in full ("Assistant Commissioner of Police Neha Bansal ... the
#: ACP said"; "Cabinet Secretary ... the CS"; "the PM"; a Kenyan county's "MCA" and "CEC",
#: a South African province's "MEC"), and a company's officers ("the CFO"): the initials
#: and the title they stand for.
TITLE_ACRONYMS = {"acp": "assistant commissioner of police", "dcp": "deputy commissioner of police",
                  "dsp": "deputy superintendent of police", "ssp": "senior superintendent of police",
                  "sp": "superintendent of police", "igp": "inspector general of police",
                  "dgp": "director general of police", "sho": "station house officer",
                  "cs": "cabinet secretary", "ps": "principal secretary", "cm": "chief minister",
                  "pm": "prime minister", "cmo": "chief medical officer", "dc": "deputy commissioner",
                  "jcp": "joint commissioner of police", "dig": "deputy inspector general",
                  "ig": "inspector general", "dm": "district magistrate", "sdm": "sub-divisional magistrate",
                  "dg": "director general", "mca": "member of county assembly",
                  "mec": "member of the executive council", "cec": "county executive committee member",
                  # a company's officers (business copy: "Chief Financial Officer Helen Marsh ... the CFO")
                  "cfo": "chief financial officer", "coo": "chief operating officer",
                  "cto": "chief technology officer", "cio": "chief information officer"}


#: How far before a person's name a title may start ("Deputy Superintendent of Police
#: (Rural) Ramesh Verma"), in characters; set by hand.
TITLE_BEFORE_NAME_CHARS = 60


def _acronym_holder(ctx, index, pos: int, acronym: str) -> Entity | None:
    """The person named last before ``pos`` whose role, or the words right before one of
    whose names, is the title the initials stand for (:data:`TITLE_ACRONYMS`); else None."""
    title = TITLE_ACRONYMS[acronym.lower()]
    full = re.compile(rf"\b{title}\b|\b{re.escape(acronym.upper())}\b", re.I)
    # the title or the initials themselves right before the name ("Kileleshwa MCA Robert Alai")
    right_before = re.compile(rf"(?:\b{title}|\b{re.escape(acronym.upper())})\s*(?:\([^)]{{1,20}}\)\s*)?$", re.I)
    return _person_named_last(index, pos, lambda e: e.type == "PERSON" and (
        any(full.search(r) for r in [e.role or "", *e.roles] if r)
        or any(right_before.search(ctx.text[max(0, p - TITLE_BEFORE_NAME_CHARS):p]) for p in e.positions)))


def _sentence_before(ctx, pos: int) -> int:
    """Where the sentence before the one holding ``pos`` starts."""
    return ctx.sentence_start_before(max(0, ctx.sentence_start_before(pos) - 1))


def _paragraph_before(ctx, pos: int) -> int:
    """Where the paragraph before the one holding ``pos`` starts (0 in the first)."""
    ps = ctx.paragraph_bounds(pos)[0]
    return ctx.paragraph_bounds(ps - 2)[0] if ps > 1 else 0


def _title_word_surname(ctx, index, m) -> bool:
    """True for a title word written as a surname: one capitalised word with no article,
    inside a body sentence and not opening it ('"It is time," King told CNN', "said
    Bishop"), when no one the article named before holds that title ("Mayor Jane Doe"
    makes a later bare "Mayor" hers). A headline opens with its bare title ("Mayor says
    ...") and the first paragraph may be a headline, so neither counts."""
    return " " not in m.text and m.text[:1].isupper() and not m.text.isupper() \
        and m.head is not None and not m.head.is_sent_start and ctx.paragraph_bounds(m.start)[0] > 0 \
        and _title_holder(index, m.text.lower(), m.start) is None


def _title_only(name: str | None) -> bool:
    """True if every word of a name is a title word ("Mayor", "PRIME MINISTER"; "First"
    before one: "First Minister")."""
    words = re.findall(r"[A-Za-z'’-]+", name or "")
    return bool(words) and all(w.lower().strip("'’") in TITLE_WORDS_V1 or w.lower() == "first" and k < len(words) - 1
                               for k, w in enumerate(words))   # "First Minister", "First Deputy Mayor"


def _last_entity(res, history, fits=None, lookback: int = 50):
    """The latest resolved speaker among the last ``lookback`` quotations (bounded, so
    an article of thousands of unresolved quotations stays linear)."""
    for i, _ in reversed(history[-lookback:]):
        if res[i] is not None and res[i].entity is not None and (fits is None or fits(res[i].entity)):
            return i, res[i].entity
    return None, None


def _continuation(ctx, index, cands, res, prev, c) -> Resolution:
    pi, _ = prev
    pr = res[pi]
    p = cands[pi]
    if pr is None or (pr.entity is None and pr.speaker is None and p.mention is None):
        return Resolution(None, None, None, 0.0)
    gap_lo = max(p.end, p.frame[1] if p.frame else p.end)
    gap_hi = c.marked[0].open_pos if c.marked else c.start
    others = [e for e in index.between(gap_lo, gap_hi) if e is not pr.entity]
    if any(e.type in ("PERSON", "ORG") for e in others):
        return Resolution(None, None, None, 0.0)
    if _narration_moved_on(ctx, gap_lo, gap_hi):
        return Resolution(None, None, None, 0.0)
    named = _unrecognised_subject(ctx, gap_lo, gap_hi)
    if named is not None:   # "Durning did not need much coaxing. “I’m thankful ...”"
        e = index.get(named)
        if e is not pr.entity:
            c.flags.append("topic")
            return Resolution(e.name, e.type, e.role, CONF_GUESS, e)
    gap = ctx.text[gap_lo:gap_hi]
    conf = CONF_LIKELY if gap.count("\n") <= 2 and len(gap) < CONTINUATION_NEAR_CHARS else CONF_EVEN
    if pr.speaker is None:   # the same unnamed speaker ("the authority said ... “...”")
        conf = min(conf, pr.confidence)
    c.flags.append("continuation")
    return Resolution(pr.speaker, pr.type, pr.role, conf, pr.entity)


def _narration_moved_on(ctx, lo: int, hi: int) -> bool:
    """True if the narration in [lo, hi) has a new subject that is not the last speaker:
    a person or group described by a common noun ("The dock workers disagree. Many of
    them ..."), outside quotes. A floating quotation after it is not the last
    speaker's (GGT's annotators leave such quotes to the people just described)."""
    for t in ctx.tokens_in(lo, hi):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and not ctx.token_quoted(t) \
                and not ctx.skipped(t.idx) and (noun_category(t.lemma_.lower()) == "PERSON"
                                                or t.lower_ in GROUP_NOUNS_V1):
            return True
    return False


def _unrecognised_subject(ctx, lo: int, hi: int) -> str | None:
    """The last capitalised proper-noun subject in [lo, hi) that NER did not tag."""
    t = _unrecognised_subject_token(ctx, lo, hi)
    if t is None:
        return None
    return normalize_name(t.text) or None


def _proper_subject(ctx, t) -> bool:
    """A capitalised proper-noun subject (not an acronym, nor any word after an article)
    in reporting text: outside quotes, captions and page furniture ("Story
    continues below advertisement")."""
    return t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass") and t.text[:1].isupper() \
        and not t.text.isupper() and not ctx.token_quoted(t) and not ctx.skipped(t.idx) \
        and not any(c.dep_ == "det" for c in t.children)
    # (not a proper noun after an article, which English gives no person's name: "The
    # Minister of Health visited ...", "the Arctic is ...", "the Black Caps could ...")


def _unrecognised_subject_token(ctx, lo: int, hi: int):
    """The token of :func:`_unrecognised_subject`, or None."""
    found = None
    for t in ctx.tokens_in(lo, hi):
        if not t.ent_type_ and _proper_subject(ctx, t):
            found = t
    return found


def _unrecognised_person(ctx, lo: int, hi: int, pron: str, quote_open: int | None = None) -> str | None:
    """The last one-word proper-noun subject in [lo, hi) that NER did not tag as a
    person (untagged, or taken for a place or organisation), when the same sentence
    goes on to say ``pron`` of someone: "Yuni, a resident of Lampung, was watching
    television when she heard the water coming"; or when its sentence leads straight
    into the quotation at ``quote_open`` that ``pron`` said, the way news introduces a
    speaker: "Mulder didn't hesitate. “It's this,” he said." (a name NER found and
    mislabelled, not a capitalised word: "Story continues below advertisement"; nor a
    proper noun after an article, :func:`_proper_subject`: "the Arctic is a proving ground";
    nor what someone was asked about, :func:`_asked_about`: "Asked whether Google would
    be fined, he ...")."""
    found = None
    for t in ctx.tokens_in(lo, hi):
        if t.ent_type_ != "PERSON" and _proper_subject(ctx, t) and not _asked_about(ctx, t.idx) \
                and (t.ent_iob_ == "O" or t.ent_iob_ == "B" and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")) \
                and (any(x.lower_ == pron and x.i > t.i for x in t.sent)
                     or quote_open is not None and t.idx < quote_open and t.ent_type_
                     and not ctx.text[ctx.sentence_end_after(t.idx):quote_open].strip(" \n.!?\"'“”’")):
            found = normalize_name(t.text)
    return found or None


def _topic(ctx, index, c) -> Resolution:
    """An unattributed quote after narration about someone: the named subject of
    the text just before it (same or previous paragraph), as GGT's annotators infer
    the speaker of "floating" quotes. Low confidence; flag ``topic``."""
    pos = c.marked[0].open_pos if c.marked else c.start
    lo = _paragraph_before(ctx, pos)
    for p, e in index.before(pos, pos - lo, subjects_only=True):
        if e.type in ("PERSON", "ORG"):
            c.flags.append("topic")
            return Resolution(e.name, e.type, e.role, CONF_GUESS, e)
    return Resolution(None, None, None, 0.0)


def _named_in(content: str, e) -> bool:
    """True if a person's given name or surname is a word of ``content``."""
    words = e.name.split()
    return e.type == "PERSON" and len(words) >= 2 and any(
        re.search(rf"\b{re.escape(w)}\b", content) for w in (words[0], words[-1]) if w[:1].isupper() and len(w) > 2)


#: Verbs of putting a question to someone ("Asked whether Ofcom would block the app, she ...").
_ASKING_VERBS = frozenset("ask press question quiz challenge".split())


def _asked_about(ctx, pos: int) -> bool:
    """True for a name at ``pos`` inside the "whether"/"if" clause of a verb of asking
    ("Asked whether Ofcom would block the app, she did not rule it out"): what someone was
    asked about, not who goes on speaking."""
    tok = t = ctx.token_at(pos)
    while t is not None and t.head.i != t.i:
        mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ in ("whether", "if")), None)
        if mark is not None and t.head.lemma_.lower() in _ASKING_VERBS:
            # the name inside the question, before the comma that ends it (the parser may
            # hang the main clause's subject there too: "Asked whether ..., Okonkwo-Hale hesitates")
            return mark.i < tok.i and not any(x.text == "," for x in tok.doc[mark.i:tok.i])
        t = t.head
    return False


def _only_asked_about(ctx, e: Entity, lo: int, hi: int) -> bool:
    """True when every mention of ``e`` in [lo, hi) is what someone was asked about
    (:func:`_asked_about`), or it has none there."""
    return all(_asked_about(ctx, q) for q in e.positions if lo <= q < hi)


def _pronoun(ctx, index, cands, res, history, c) -> Resolution:
    m = c.mention
    pron = m.head.lower_ if m.head is not None else m.text.lower()
    if pron in ("i", "we", "you"):
        return Resolution(None, "OTHER", None, CONF_FIRST_PERSON)
    if pron in ("they", "them") and _speaks_as_one(ctx, c):
        # '“I knocked on 3,000 doors,” they said': a person the article calls they, never
        # the organisation or place named last (an organisation's spokesperson says "we")
        for _, e in index.before(m.start, PRONOUN_WINDOW_CHARS):
            if e.type == "PERSON" and _plausible_person(e) and (
                    e.gender_source in (None, "name") or e.pronouns.get("they", 0) > 0):
                return Resolution(e.name, e.type, e.role, CONF_WEAK, e)
        return Resolution(None, "OTHER", None, CONF_GUESS)
    if pron in ("they", "them"):
        # a person the article says goes by "they" ("Lam, who uses they/them pronouns,
        # said ... “...,” they told trustees"), when the nearest antecedent that agrees
        first = next((e for _, e in index.before(m.start, PRONOUN_WINDOW_CHARS) if _compatible(e, pron)), None)
        if first is not None and first.type == "PERSON" and " and " not in first.name:
            return Resolution(first.name, first.type, first.role, CONF_LIKELY, first)
    if pron == "it" and (subject := _content_subject_org(ctx, index, c)) is not None:
        return Resolution(subject.name, subject.type, subject.role, CONF_LIKELY, subject)
    if pron in ("they", "them") and (desc := _spokesperson_just_quoted(ctx, index, cands, res, history, c)):
        return Resolution(None, "OTHER", desc, CONF_EVEN)
    if pron in ("they", "them") and history:
        r = _plural_before(cands, res, history, m.start)
        if r is not None:
            return r
    if pron in ("they", "them") and (group := _group_antecedent(ctx, index, m.start)) is not None:
        return Resolution(None, "OTHER", group, CONF_EVEN)
    if pron in ("he", "she") and (intro := _indefinite_antecedent(ctx, index, m.start, pron)) is not None:
        return Resolution(None, "OTHER", intro, CONF_EVEN)
    # (a description of someone named, as the subject of the sentence before, outranks an
    # unnamed source quoted before it: "A city spokeswoman said ... The mayor was more
    # cautious. “...,” she said")
    if pron in ("he", "she") and (held := _described_antecedent(ctx, index, m.start, pron)) is not None:
        return Resolution(held.name, held.type, held.role, CONF_LIKELY, held)
    if pron in ("he", "she") and (unnamed := _unnamed_just_quoted(ctx, index, cands, res, history, c, pron)):
        return Resolution(None, "OTHER", unnamed, CONF_EVEN)
    # "Schumer, he said, knows ...": the name is the reported clause's subject, which
    # the pronoun cannot be (binding principle C: "he said Schumer knows")
    topic = _dislocated(ctx, index, m.start)
    pi, pe = _last_entity(res, history, lambda e: e is not topic)
    last_i, last = pi, pe
    if pe is not None and not _compatible(pe, pron, strict_gender=False):
        # the last speaker cannot be "he" (an organisation, "they"): the last one who can
        pi, pe = _last_entity(res, history, lambda e: _compatible(e, pron, strict_gender=False) and e is not topic)
    if pe is not None:
        p = cands[pi]
        gap_lo = max(p.end, p.frame[1] if p.frame else p.end)
        others = [e for e in index.between(gap_lo, m.start, subjects_only=True)
                  if e is not pe and e is not topic and _compatible(e, pron)
                  and not _only_asked_about(ctx, e, gap_lo, m.start)]
        if pron in ("he", "she"):
            # "For Espinos, who ..., he's simply filling a niche. “...,” he says": a person
            # named in any role whose own sentence goes on with the pronoun as subject
            bound = _bound_subject(ctx, index, gap_lo, m.start, pron, pe)
            if bound is not None:
                return Resolution(bound.name, bound.type, bound.role, CONF_LIKELY, bound)
        if not others and pron in ("he", "she") \
                and (new := _newcomer(ctx, index, cands, history, gap_lo, m.start, pron, pe)) is not None:
            return Resolution(new.name, new.type, new.role, CONF_LIKELY, new)
        if not others and pron in ("he", "she"):
            # a paragraph of its own naming someone new, in any role (the parser often
            # misreads such lead-ins: "Jerry Roe hopes Ottawa ...")
            ps, _ = ctx.paragraph_bounds(m.start)
            prev_lo = ctx.paragraph_bounds(ps - 2)[0] if ps > 1 else ps
            if gap_lo <= prev_lo:
                others = [e for e in index.between(prev_lo, m.start)
                          if e is not pe and _compatible(e, pron)
                          and not _only_asked_about(ctx, e, prev_lo, m.start)]
                if not others and not any(e is pe for e in index.between(prev_lo, m.start)):
                    named = _unrecognised_person(ctx, prev_lo, m.start, pron,
                                                 c.marked[0].open_pos if c.marked else None)
                    if named is not None:   # "Yuni, a resident of Lampung, ... when she heard"
                        e = index.get(named)
                        e.type = "PERSON"
                        return Resolution(e.name, e.type, e.role, CONF_WEAK, e)
        # "he added" straight after a quote by X is X, even against X's gender; with
        # narration in between, the gender must agree.
        adjacent = p.type == "direct" and c.marked and \
            ctx.paragraph_bounds(p.start) == ctx.paragraph_bounds(c.marked[0].open_pos) and \
            not ctx.text[gap_lo:c.marked[0].open_pos].strip(" ,.;")
        if adjacent and not _compatible(pe, pron):
            # against X's gender only when the article names nobody who fits
            adjacent = not any(_compatible(e, pron) for _, e in index.before(m.start, PRONOUN_WINDOW_CHARS))
        if not others and m.start - p.end < PRONOUN_WINDOW_CHARS and (
                _compatible(pe, pron) or (adjacent and _compatible(pe, pron, strict_gender=False))):
            conf = CONF_VERY_LIKELY if _compatible(pe, pron) else CONF_WEAK
            return Resolution(pe.name, pe.type, pe.role, conf, pe)
        if others and pron in ("he", "she"):
            e = _introduced(ctx, index, gap_lo, m.start, pron, pe, topic)
            if e is not None and c.type == "direct" and _named_in(ctx.text[c.start:c.end], e) \
                    and _compatible(pe, pron) and not _named_in(ctx.text[c.start:c.end], pe):
                # "He credited the batting coach, Roshan Silva, ... “Roshan saw something,” he
                # said": a speaker seldom names themself in their own words; the last one goes on
                return Resolution(pe.name, pe.type, pe.role, CONF_LIKELY, pe)
            if e is not None:
                return Resolution(e.name, e.type, e.role, CONF_GOOD, e)
    if pron in ("he", "she"):
        asked = _asked(ctx, index, max(_paragraph_before(ctx, m.start), cands[pi].end if pe is not None else 0),
                       m.start, pron)
        if asked is not None:
            return Resolution(asked.name, asked.type, asked.role, CONF_LIKELY, asked)
    for subjects_only, conf in ((True, CONF_LIKELY), (False, CONF_WEAKER)):
        found = []
        for _, e in index.before(m.start, PRONOUN_WINDOW_CHARS, subjects_only=subjects_only):
            if _compatible(e, pron) and e not in found and e is not topic:
                found.append(e)
        if pron == "it":   # an organisation before a place
            found.sort(key=lambda e: e.type != "ORG")
        if pron in ("he", "she") and len(found) >= 2 and found[0].gender is None:
            # a name of either gender ("Lee Harmon") mentioned in the same sentence as one
            # whose gender agrees ("Rep. Carla Voss has held events in counties Lee Harmon
            # is expected to win"): agreement the article shows beats recency
            def last_sentence(e):
                return ctx.sentence_start_before(max((p for p in e.positions if p < m.start), default=0))
            sent = last_sentence(found[0])
            sure = [e for e in found[1:] if e.gender == _GENDER_PRON[pron] and last_sentence(e) == sent]
            if sure:
                found = sure
        if found:
            # recency first, then salience: the person the article keeps naming
            e = max(enumerate(found), key=lambda ie: -ie[0] + SALIENCE * math.log2(
                1 + sum(1 for q in ie[1].positions if q < m.start)))[1]
            return Resolution(e.name, e.type, e.role, conf, e)
    if last is not None and pron in ("he", "she") and _unproven_org(ctx, last) \
            and _same_or_next_paragraph(ctx, cands[last_i].start, c.start):
        # "Writing in The Telegraph, Carragher said ... “...,” he wrote": a surname NER
        # typed ORG, which nothing else shows is an organisation, and "he" right after
        # its quotation with no one else who fits: a person after all
        last.type = "PERSON"
        return Resolution(last.name, last.type, last.role, CONF_WEAK, last)
    if pe is not None and _compatible(pe, pron, strict_gender=False) and m.start - cands[pi].end < PRONOUN_WINDOW_CHARS \
            and (pe.gender_source is None or pe.gender_source == "name" and not _name_gender_sure(pe)
                 or _compatible(pe, pron)):
        # nobody fits but the last speaker, against the gender the name table gives
        # ("Patrice" is listed male): a guess beats no speaker; never against the
        # article's own pronouns, honorific or role noun for that person
        return Resolution(pe.name, pe.type, pe.role, CONF_GUESS, pe)
    return Resolution(None, None, None, 0.0)


#: First person singular in a quotation, and plural (which an organisation or a group uses).
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|myself|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.I)


def _name_gender_sure(e: Entity) -> bool:
    """True if the name table gives ``e``'s first name one gender with near certainty
    (:func:`given_names.gender_sure`)."""
    return bool(e.name) and given_names.gender_sure(e.name.split()[0])


def _speaks_as_one(ctx, c) -> bool:
    """True if a direct quotation speaks in the first person singular only: its speaker
    is one person, whatever pronoun the attribution uses."""
    if c.type != "direct":
        return False
    q = ctx.text[c.start:c.end]
    return bool(_FIRST_SINGULAR.search(q)) and not _FIRST_PLURAL.search(q)


#: Words by which a description gives its unnamed source a name ("identified by the
#: pseudonym U Aung", "gave his name only as Facundo", "not his real name", "surnamed
#: Kao"); not "asked not to be named", which withholds one.
_NAMING_WORDS = re.compile(r"\b(?:pseudonym|gave (?:his|her|their) (?:first )?name|(?:first|real) name|"
                           r"identified (?:only )?(?:as|by)|surnamed|known as|called)\b", re.I)


def _unnamed_just_quoted(ctx, index, cands, res, history, c, pron: str) -> str | None:
    """The description of the unnamed person quoted just before ("Her companion said
    ... “...,” he said"; "The woman told the BBC ... “...,” she said"), when the
    pronoun takes it up: the previous attribution in this paragraph or the one before
    named nobody, its noun is a person's whose gender does not conflict, and nobody who
    fits is named in between. None otherwise. The pronoun's speaker is that same
    unnamed person (the antecedent is the last subject, after centering theory)."""
    if not history:
        return None
    j = history[-1][0]
    pc, pr = cands[j], res[j]
    pm = pc.mention
    if pr is None or pr.speaker is not None or pm is None or pm.head is None:
        return None
    agent = pm.kind == "generic" and pm.head.tag_ == "NN" and _agent_noun(pm.head.lemma_.lower())
    if pr.type != "OTHER" and not (pr.type == "ORG" and agent):
        return None   # (but "A miner told ...", a trade noun that is also a person's: "he" makes it one)
    if pm.kind == "pronoun":
        if _GENDER_PRON.get(pm.head.lower_) != _GENDER_PRON[pron]:
            return None   # "they said ... he said": a group is no chain to one man
        desc = pr.role   # a chain: "she said ... she added"
    elif pm.kind in ("description", "generic") and pm.head.pos_ == "NOUN" \
            and (noun_category(pm.head.lemma_) != "ORG" or agent) and pm.head.tag_ == "NN":
        desc = pm.text
    elif pm.kind in ("description", "generic") and (_one_of_people(pm.head) or pm.head.lower_ == "one" and any(
            a.dep_ == "appos" and a.tag_ == "NN" and a.lemma_.lower() in PERSON_NOUNS_V2 for a in pm.head.children)):
        desc = pm.text   # "One of the boy's friends told the inquest ... “...,” she said";
        #                  "One of them, a nurse who ..., said"
    else:
        return None
    if not desc or ROLE_GENDER.get(pm.head.lower_) not in (None, _GENDER_PRON[pron]):
        return None
    if not _same_or_next_paragraph(ctx, pm.start, c.mention.start):
        return None
    # (names inside the source's own noun phrase are not in between: "A leader from the
    # Kaeng side, who asked not to be named, told the Post-Courier ... “...,” he said")
    # (but a name the phrase gives the source is the source's: "who asked to be identified
    # by the pseudonym U Aung", "a student who gave his name only as Facundo")
    edge = pm.head.right_edge
    own_end = max(pm.end, edge.idx + len(edge)) if edge.idx < c.mention.start else pm.end
    before_cue = ctx.doc[pc.cue_tok.i - 1] if pc.cue_tok is not None and pc.cue_tok.i > 0 else None
    if _NAMING_WORDS.search(ctx.text, pm.end, own_end) or before_cue is not None \
            and before_cue.ent_type_ == "PERSON" and before_cue.pos_ == "PROPN" and pm.end <= before_cue.idx < own_end:
        own_end = pm.end   # (or a person's name ends the phrase right before its cue: "State executive
        #                    councillor for local government Datuk Seri Wan Faizal Wan Ismail said")
    if any(_compatible(e, pron) for e in index.between(own_end, c.mention.start)):
        return None
    return desc


#: Singular nouns of one unnamed person who speaks for a body, whom British, Irish and
#: Australian copy takes up with singular "they" ("A council spokesperson said ...
#: “...,” they said"; Guardian and BBC style guides on gender-neutral "they").
_SPOKESPERSON_NOUNS = frozenset("spokesperson spokesman spokeswoman representative official".split())


def _content_subject_org(ctx, index, c) -> Entity | None:
    """The organisation a reported clause before "it said" is about: in wire copy's
    "Britain's biggest water utility, Thames Vale Water, will raise bills by 11 %, it said"
    (Reuters and AP lede style) "it" is the clause's subject, named there, though NER may
    miss the name. Only for "it": a person named so is not "he" (binding principle C).
    None unless the content comes before the cue and its subject names an organisation."""
    m = c.mention
    if c.type != "indirect" or c.end > m.start or c.cue_tok is None:
        return None
    root = next((t for t in ctx.tokens_in(c.start, c.end) if t.head.i == c.cue_tok.i or t.head.i == t.i
                 and t.i != c.cue_tok.i), None)
    if root is None:
        return None
    subj = find_subject(root)   # past a dateline the parser made the subject
    if subj is None or not c.start <= subj.idx < c.end:
        return None
    lo, hi = ctx.paragraph_bounds(c.start)
    sm = mention_from_head(subj, c.start, min(hi, c.end))
    if not sm.name:
        return None
    e = index.get(sm.name, sm.ent_label or "ORG")
    return e if e.type == "ORG" or e.type != "PERSON" and (sm.ent_label in (None, "ORG")) else None


def _spokesperson_just_quoted(ctx, index, cands, res, history, c) -> str | None:
    """The description of the unnamed spokesperson quoted just before, when "they" takes
    it up: the previous attribution, in this paragraph or the one before, named nobody
    and its head is a singular :data:`_SPOKESPERSON_NOUNS` noun, and no organisation or
    group is named in between. None otherwise."""
    if not history:
        return None
    j = history[-1][0]
    pc, pr = cands[j], res[j]
    pm = pc.mention
    if pr is None or pr.speaker is not None or pm is None or pm.head is None or pm.kind == "pronoun":
        return None
    if pm.head.tag_ != "NN" or pm.head.lemma_.lower() not in _SPOKESPERSON_NOUNS:
        return None
    if not _same_or_next_paragraph(ctx, pm.start, c.mention.start):
        return None
    if any(e.type in ("ORG", "NORP") for e in index.between(pm.end, c.mention.start)):
        return None
    return pr.role or pm.text


def _one_of_people(head) -> bool:
    """True for the head "one" of a partitive of people: "one of the boy's friends", "one
    of the victims" (one unnamed member of a group of person nouns)."""
    if head.lower_ != "one":
        return False
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return pobj is not None and pobj.tag_ == "NNS" and (
        pobj.lemma_.lower() in PERSON_NOUNS_V2 or pobj.lower_ in GROUP_NOUNS_V1)


def _indefinite_antecedent(ctx, index, pos: int, pron: str) -> str | None:
    """The text of an indefinite description of one person that is the subject of this
    sentence or the one before ("An official with the agency said ... What he would
    say is ..."), when no fitting person is named after it: an indefinite introduces a
    new referent (Heim 1982), which the pronoun then prefers over anyone named before.
    None when there is none, when it has a name in apposition ("an official, Jo Roe,")
    or when its gendered noun conflicts with ``pron``."""
    lo = _sentence_before(ctx, pos)
    found = None
    for t in ctx.tokens_in(lo, pos):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or t.tag_ != "NN" or ctx.token_quoted(t):
            continue
        det = next((d for d in t.children if d.dep_ == "det"), None)
        if det is None or det.lower_ not in ("a", "an"):
            continue
        if not (noun_category(t.lemma_) == "PERSON" or t.lemma_.lower() in PERSON_NOUNS_V2):
            continue
        if any(c.dep_ == "appos" for c in t.children):
            continue
        if t.head.dep_ in ("relcl", "advcl", "acl") or t.head.dep_ == "ccomp" and t.head.head.i < t.i:
            continue   # "..., where a cousin from college earns more": inside another's clause
        g = ROLE_GENDER.get(t.lower_)
        if g is not None and g != _GENDER_PRON[pron]:
            continue
        found = t
    if found is None:
        return None
    if any(_compatible(e, pron) for e in index.between(found.idx, pos)):
        return None   # "A harbour pilot says ... Ines Moreau said ... she added"
    return ctx.text[found.left_edge.idx:found.idx + len(found)]   # "An official", "a local farmer"


def _group_antecedent(ctx, index, pos: int) -> str | None:
    """The text of a plural description of people that is the main subject of this
    sentence or the one before ("Workers at Brindle Foods walked out on Friday. They
    said ..."; "Three former Stella's Cafe employees ... what they call ..."): "they"
    takes up the nearest plural subject that agrees in number and animacy, not the
    organisation named inside it (Hobbs 1978: the subject of the previous sentence
    first). None when there is none, when a person or organisation is the subject of a
    clause after it, or when it names its members ("residents, among them Jo Roe,")."""
    lo = _sentence_before(ctx, pos)
    found = None
    for t in ctx.tokens_in(lo, pos):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or t.tag_ != "NNS" or ctx.token_quoted(t):
            continue
        if not (noun_category(t.lemma_) == "PERSON" or t.lemma_.lower() in PERSON_NOUNS_V2):
            continue
        if any(c.dep_ in ("appos", "conj") for c in t.children):
            continue
        if t.head.dep_ in ("relcl", "advcl", "acl", "ccomp", "xcomp"):
            continue   # a group inside another's clause ("..., where workers earn more")
        found = t
    if found is None:
        return None
    np_end = found.right_edge.idx + len(found.right_edge)
    if index.between(np_end, pos, subjects_only=True):
        return None   # "Workers at Brindle Foods walked out. The company said ... They ..."
    return ctx.text[found.left_edge.idx:np_end]   # "Workers at Brindle Foods"


def _introduced_unnamed(ctx, index, m, acting: bool = False) -> bool:
    """True if a description ("the woman", "the driver") takes up an indefinite one
    with the same head noun in the passage before ("a man and a woman", "a driver",
    "one nurse", "another nurse"),
    with no person named since that could be it: the indefinite introduced a referent
    of its own (Heim 1982), whom the article has not named. ``acting``: only an
    indefinite that acts, a clause's subject or one a "who" clause describes ("A scout
    for an Eastern team, who spoke ..., disagreed"; not "reading a poem")."""
    if m.head is None:
        return False
    lemma = m.head.lemma_.lower()
    lo = ctx.sentence_start_before(max(0, ctx.paragraph_bounds(m.start)[0] - 2))
    lo = ctx.paragraph_bounds(max(0, lo - 2))[0] if lo > 1 else lo   # this paragraph and the two before
    gender = ROLE_GENDER.get(m.head.lower_)
    for t in reversed(ctx.tokens_in(lo, m.start)):
        if t.pos_ == "NOUN" and t.lemma_.lower() == lemma and t.i != m.head.i \
                and any(d.dep_ == "det" and d.lower_ in ("a", "an", "another")
                        or d.dep_ == "nummod" and d.lower_ == "one" for d in t.children) \
                and not any(c.dep_ == "appos" for c in t.children) \
                and (not acting or t.dep_ in ("nsubj", "nsubjpass") or any(
                    c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in t.children)):
            # (a person named inside the indefinite's own phrase is not it: "A spokesperson
            # for Labour Minister Diane Roussel")
            after = t.right_edge.idx + len(t.right_edge)
            # (one named as an object is not: "told Dawn that ...", the addressee)
            return not any(e.type == "PERSON" and (gender is None or e.gender in (None, gender))
                           for e in index.between(after, m.start, subjects_only=True))
    return False


#: Words before a title that make it another office: "Deputy mayor Laurie Foon" is not
#: "the mayor", "her junior minister" not "the minister" (unless the description says so).
_RANKS = frozenset("deputy vice assistant associate junior shadow former ex co".split())


#: Titles copy writes for one another: a football club's manager is its "boss" in British
#: and Irish match reports (BBC Sport, The Irish Times house styles); "the doctor" is the
#: one the article titles "Dr", "the governor" the one titled "Gov." (AP Stylebook, "titles";
#: the police ranks as British press offices abbreviate them).
_TITLE_SYNONYMS = {"boss": ("manager",), "manager": ("boss",), "doctor": ("dr",),
                   # the abbreviations AP and Commonwealth styles write before a name
                   "governor": ("gov",), "senator": ("sen",), "representative": ("rep",),
                   "professor": ("prof",), "superintendent": ("supt",), "inspector": ("insp",),
                   "sergeant": ("sgt",), "detective": ("det",),
                   "congressman": ("rep", "representative"), "congresswoman": ("rep", "representative"),
                   "ceo": ("chief executive",),
                   "executive": ("ceo",),
                   # a court's judges are titled by court ("Justice Daniel Fortier", "Magistrate
                   # Peter Lindqvist"), yet "the judge" in the copy
                   "judge": ("justice", "magistrate"), "justice": ("judge",),
                   # police officers under their ranks ("Const.", "Det Sgt"), lawyers under theirs
                   "officer": ("constable", "const", "cst", "pc", "sgt", "sergeant", "detective", "det",
                               "inspector", "insp", "corporal", "cpl", "trooper", "deputy"),
                   "lawyer": ("attorney", "counsel", "barrister", "solicitor"), "attorney": ("lawyer",),
                   "councillor": ("cllr", "cr", "councilor", "coun"), "councilor": ("councillor", "coun"),
                   "captain": ("capt",), "lieutenant": ("lt",), "general": ("gen",), "colonel": ("col",),
                   "reverend": ("rev",),
                   # a minister titled by portfolio ("Transport Secretary", British usage), a
                   # chair or spokesperson under a gendered form, an envoy
                   "minister": ("secretary",), "chairman": ("chair", "chairwoman", "chairperson"),
                   "chair": ("chairman", "chairwoman", "chairperson"), "chairwoman": ("chair",),
                   "spokesperson": ("spokesman", "spokeswoman"), "spokesman": ("spokesperson",),
                   "spokeswoman": ("spokesperson",), "ambassador": ("envoy",), "envoy": ("ambassador",)}


def _title_words(role: str, noun: str) -> list[str] | None:
    """The words before ``noun`` in the title part of ``role`` (before "of", "for", ...),
    lower-cased; None when the title does not hold the noun."""
    head = re.split(r"\b(?:of|for|at|with|in|who|which|that)\b", role)[0]
    nouns = "|".join(re.escape(x) for x in (noun, *_TITLE_SYNONYMS.get(noun.lower(), ())))
    found = re.search(rf"\b(?:{nouns})\b(?!['’]s)", head, re.I)   # not "the manager's son"
    return head[:found.start()].lower().replace("-", " ").split() if found else None


#: Party names and their members' adjectives that modify a title in British,
#: Commonwealth and US copy ("the Labour MP", "the Republican senator"): a description
#: may add the party to a title given without it.
_PARTY_WORDS = frozenset("""labour conservative tory liberal democrat democratic republican green
snp ndp gop reform independent unionist""".split())

#: Possessive pronouns that tell whose relation a noun names ("his friend", "her friend").
_POSSESSIVE_PRONOUNS = frozenset("his her their its my our your".split())


def _holds_title(e: Entity, noun: str, mods: tuple[str, ...] = ()) -> bool:
    """True if a title or apposition of ``e`` holds ``noun`` with every modifier of the
    description (``mods``: "federal" of "the federal minister"; a possessive pronoun
    among them must be the role's own: "her friend" is not the one introduced as "his
    friend"), and no rank word before it that the description lacks ("Deputy mayor"
    for "the mayor")."""
    for role in [e.role or "", *e.roles]:
        words = _title_words(role, noun)
        if words is None or (words and words[-1] in _RANKS and words[-1] not in mods):
            continue
        if any(md in _POSSESSIVE_PRONOUNS for md in mods) and any(
                w in _POSSESSIVE_PRONOUNS and w not in mods for w in words):
            continue   # "his friend Mahamat Saleh Oumar" for "her friend"
        if all(md in words or _body_after_title(role, md) for md in mods if md not in _POSSESSIVE_PRONOUNS):
            return True
    return False


def _body_after_title(role: str, md: str) -> bool:
    """True if the body a role names after its title ("president of the Ferry Workers
    Union", "leader of the Green Party") is the one a description's modifier names
    before it ("the union president", "the party leader"): the body's name holds the
    word, or shows the word's kind of organisation ("president of UAW Local 412" is a
    union's president, :func:`_org_kind`)."""
    if md not in _ORG_KIND:
        return False
    body = re.split(r"\b(?:of|for|at)\b", role, maxsplit=1)
    if len(body) < 2:
        return False
    body = re.split(r"\b(?:who|which|that)\b|[,;]", body[1])[0]
    return md in body.lower().split() or _org_kind(body) == _ORG_KIND[md]


def _other_title(e: Entity, noun: str, mods: tuple[str, ...]) -> bool:
    """True if ``e`` holds ``noun`` only as another office than the description's: a rank
    before it ("her junior minister" for "the Prime Minister") or without the
    description's modifiers ("Quebec's economy minister" for "the federal minister");
    or holds only other titles given before the name ("House Speaker Glenn Rutledge" for
    "the president", "Mayor Jane Roe" for "the Secretary of Transport"; a title's usual
    abbreviation holds it: "Gov. Ray Calloway" is "the governor", :data:`_TITLE_SYNONYMS`)."""
    roles = [r for r in [e.role or "", *e.roles] if r]
    if any(_title_words(role, noun) is not None for role in roles):
        return not _holds_title(e, noun, mods)
    return bool(roles) and all(
        r.split()[-1].lower().strip(".,") in TITLE_WORDS_V1 | _PRESIDING_TITLES and r.split()[-1][:1].isupper()
        or r.split()[-1].lower() in ("executive", "chief") for r in roles)


#: Titles of those who preside over or keep order in a legislature ("House Speaker",
#: "Majority Whip"), which the title-word list lacks because the words are also common nouns.
_PRESIDING_TITLES = frozenset("speaker whip clerk".split())


def _title_mods(m) -> tuple[str, ...]:
    """The title words modifying a description's head ("federal" of "the federal
    minister", "prime" of "the Prime Minister") and the proper names that say whose
    office it is ("Ballycorr" of "the Ballycorr manager": not the Kilbrennan manager),
    lower-cased; adjectives that name no office ("the new mayor") are left out."""
    if m.head is None:
        return ()
    return tuple(c.lower_ for c in m.head.children if c.dep_ in ("amod", "compound") and c.i < m.head.i
                 and (c.lower_ in TITLE_WORDS_V1 or c.pos_ == "PROPN" and c.text[:1].isupper()
                      and c.ent_type_ not in ("PERSON", "DATE", "TIME"))
                 or c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS)


def _title_holder(index, noun: str, pos: int, mods: tuple[str, ...] = ()) -> Entity | None:
    """Of the people named before ``pos`` whose title or apposition holds ``noun``
    ("Finance Minister Ana Silva" for "minister") with the description's modifiers
    (:func:`_holds_title`), the one named last; else None."""
    before = re.compile(rf"\b{re.escape(noun.capitalize())}((?:\s+[A-Z][a-z]+\.?)*)\s+$") \
        if not mods and noun in TITLE_WORDS_V1 else None
    text = index.ctx.text

    def titled_before(p):
        # the capitalised title, then only honorifics, right before the name ("Oil
        # Minister Sheikh Fahad Al-Sabah", whose mention's role is only "Sheikh")
        t = before.search(text, max(0, p - TITLE_BEFORE_NAME_CHARS), p)
        return t is not None and all(w.lower().rstrip(".") in PERSONAL_TITLES_V1 for w in t.group(1).split())

    def fits(e):
        return _holds_title(e, noun, mods) or before is not None and any(titled_before(p) for p in e.positions
                                                                          if p < pos)
    return _person_named_last(index, pos, fits)


def _only_holder_beyond_place(index, m, noun: str, mods: tuple[str, ...]) -> Entity | None:
    """The one person named before the description who holds its title once the places
    NER tags among its modifiers are left out ("the Florida senator", "the Ohio governor"
    when "Sen. Marco Rubio" is the article's only senator); None when the description has
    no such place or two or more people hold the title ("the Ballycorr manager" when the
    Kilbrennan manager is named too)."""
    places = {c.lower_ for c in m.head.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "GPE"} \
        if m.head is not None else set()
    if not places or not set(mods) & places or noun not in TITLE_WORDS_V1 or noun in _PARTY_WORDS:
        return None   # (an office's title: not "the Wisconsin Republican", a party member)
    rest = tuple(md for md in mods if md not in places)
    holders = [e for e in index._unique() if e.type == "PERSON" and any(p < m.start for p in e.positions)
               and _holds_title(e, noun, rest)]
    return holders[0] if len(holders) == 1 else None


def _person_named_last(index, pos: int, fits) -> Entity | None:
    """Of the people named before ``pos`` that ``fits`` accepts, the one named last."""
    best, best_pos = None, -1
    for e in index._unique():
        last = max((p for p in e.positions if p < pos), default=-1)
        if e.type == "PERSON" and last > best_pos and fits(e):
            best, best_pos = e, last
    return best


def _described_antecedent(ctx, index, pos: int, pron: str) -> Entity | None:
    """The person a definite or possessed description that is the subject of this sentence
    or the one before stands for ("The minister brushed off the criticism. “...,” she
    said": the minister named last; "the 58-year-old smiled": the person of that age;
    "Her sister was blunter": the one introduced as "Her sister, Moira Kerr"), when no
    fitting person is named after the description and the person's gender fits
    ``pron``; else None."""
    lo = _sentence_before(ctx, pos)
    found = aged = None
    mods: tuple[str, ...] = ()
    for t in ctx.tokens_in(lo, pos):
        poss = next((d.lower_ for d in t.children if d.dep_ == "poss" and d.lower_ in ("his", "her", "their")), None)
        if t.dep_ not in ("nsubj", "nsubjpass") or ctx.token_quoted(t) \
                or not (poss or any(d.dep_ == "det" and d.lower_ == "the" for d in t.children)):
            continue
        mods = (poss,) if poss else ()   # "Her sister was blunter": the one introduced as "Her sister, Moira Kerr"
        y = _YEAR_OLD.search(ctx.text, t.left_edge.idx, t.idx + len(t))
        if y is not None:   # "the 58-year-old smiled"
            found, aged = t, int(y.group(1))
        elif t.pos_ == "NOUN" and t.tag_ == "NN" and (noun_category(t.lemma_) == "PERSON" or t.lower_ in ROLE_GENDER
                                                       and t.lower_ in TITLE_WORDS_V1):
            found, aged = t, None   # (a gendered title too: "The congresswoman appeared unbothered")
    if found is None:   # the parser often misreads "the 58-year-old smiled" (no subject)
        y = ([None] + list(re.finditer(r"\b[Tt]he (\d{1,3})-year-old\b", ctx.text[lo:pos])))[-1]
        tok = ctx.token_at(lo + y.start()) if y is not None else None
        if tok is None or ctx.token_quoted(tok):
            return None
        found, aged = tok, int(y.group(1))
    if any(_compatible(e, pron) for e in index.between(found.idx, pos)):
        return None
    if aged is not None:
        e = _person_of_age(index, (aged, aged), found.idx)
    else:
        e = _title_holder(index, found.lower_, found.idx, mods)
    return e if e is not None and _compatible(e, pron) else None


def _bound_subject(ctx, index, lo: int, hi: int, pron: str, last) -> Entity | None:
    """The last person fitting ``pron`` named in [lo, hi), in any role, when its sentence
    goes on with ``pron`` as a subject outside quotes and names no other fitting
    person: "For Espinos, who knows the trade, he's simply filling a niche". None when
    that person is ``last`` (the last speaker) or the sentence does not go on so."""
    a, b = bisect_left(index.mention_pos, lo), bisect_left(index.mention_pos, hi)
    for p, e, _ in reversed(index.mentions[a:b]):
        if not _compatible(e, pron):
            continue
        if e is last:
            return None
        s_lo, s_hi = ctx.sentence_start_before(p), min(ctx.sentence_end_after(p), hi)
        if any(e2 is not e and _compatible(e2, pron) for e2 in index.between(s_lo, s_hi)):
            return None
        if any(t.lower_ == pron and t.dep_ in ("nsubj", "nsubjpass") and t.idx > p and not ctx.token_quoted(t)
               for t in ctx.tokens_in(p, s_hi)):
            return e
        return None
    return None


def _dislocated(ctx, index, pos: int) -> Entity | None:
    """The entity named just before a parenthetical pronoun cue, "Schumer, he said,
    ...": the subject of the reported clause, not the speaker."""
    k = bisect_left(index.mention_pos, pos)
    if k == 0:
        return None
    p, e, _ = index.mentions[k - 1]
    if re.fullmatch(r"(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*,\s*", ctx.text[p:pos]):
        return e
    return None


def _plural_before(cands, res, history, pos: int) -> Resolution | None:
    """"They said" right after a quotation by a plural noun ("Authorities described
    ... as ...") or by coordinated names ("owners Tore Roe and Lea Abe said") is that
    speaker, resolved or not; None if the last quotation's speaker is not plural or
    lies over 400 characters back."""
    qi, _ = history[-1]
    q = cands[qi]
    qm = q.mention
    plural = qm is not None and qm.head is not None and (
        qm.head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in qm.head.children))   # "X and Y said"
    if qm is None or qm.kind == "pronoun" or not plural or pos - q.end > PLURAL_THEY_CHARS:
        return None
    r = res[qi]
    if r is not None and r.speaker:
        return Resolution(r.speaker, r.type, r.role, CONF_LIKELY, r.entity)
    return Resolution(None, "OTHER", qm.text, CONF_EVEN)   # the same unnamed group: never a name


def _newcomer(ctx, index, cands, history, lo: int, hi: int, pron: str, last) -> Entity | None:
    """The person named for the first time in the article between the last speaker's
    quotation and a he/she attribution, in a role other than subject ("The gold went to
    Tomás Ferreyra. “…,” he said"; "Ottawa's goals came from rookie Owen Pratt"): news
    introduces a new source right before quoting them. Only in narration (not in what
    was reported), in this paragraph or the one before, the pronoun fitting, and with
    the last speaker ``last`` not named there; the name opens with a given name the
    name table knows ("an Instagram Story" is no newcomer); the last such person, else None."""
    lo = max(lo, _paragraph_before(ctx, hi))
    reported = [(cands[i].start, cands[i].end) for i, _ in history[-3:]]
    a, b = bisect_left(index.mention_pos, lo), bisect_left(index.mention_pos, hi)
    named = [(p, e) for p, e, _ in index.mentions[a:b] if not any(x <= p < y for x, y in reported)]
    if any(e is last for _, e in named) or any(
            t.dep_ in ("nsubj", "nsubjpass") and t.lower_ == pron and not ctx.token_quoted(t)
            for t in ctx.tokens_in(lo, hi)):
        return None   # ("He had trained with Tomás Ferreyra": the pronoun's chain goes on)
    new = [e for p, e in named if e.type == "PERSON" and _compatible(e, pron) and min(e.positions) == p
           and len(e.name.split()) >= 2 and (given_names.is_given_name(e.name.split()[0])
                                             or given_names.is_attested_given_name(e.name.split()[0]))]
    return new[-1] if new else None


def _asked(ctx, index, lo: int, hi: int, pron: str) -> Entity | None:
    """The person a passive "was asked" names in [lo, hi) ("Coach Roy Benning was asked
    whether Kyle Mott would start"), when ``pron`` fits them: the one asked answers, the
    people named in the question do not; the last such, else None."""
    found = None
    for t in ctx.tokens_in(lo, hi):
        if t.lemma_.lower() == "ask" and t.tag_ == "VBN" and not ctx.token_quoted(t):
            asked = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            if asked is None:
                continue
            a, b = bisect_left(index.mention_pos, asked.left_edge.idx), bisect_left(index.mention_pos, asked.idx + 1)
            hit = next((e for _, e, _ in index.mentions[a:b] if _compatible(e, pron)), None)
            if hit is not None:
                found = hit
    return found


def _introduced(ctx, index, lo: int, hi: int, pron: str, last, topic=None) -> Entity | None:
    """The person a news report introduces between two quotations: in the last
    paragraph of [lo, hi) that names someone fitting ``pron`` (outside quotes), its
    last clause subject, else the first one named in any role, e.g. "John Roe with the Truckers' Union turned
    out. / “...,” he said." A paragraph that also names the last speaker ``last``
    introduces nobody; ``topic`` (see :func:`_dislocated`) is not a candidate."""
    a, b = bisect_left(index.mention_pos, lo), bisect_left(index.mention_pos, hi)
    fitting = [(p, e, subj) for p, e, subj in index.mentions[a:b] if _compatible(e, pron) and e is not topic]
    if not fitting:
        return None
    plo, _ = ctx.paragraph_bounds(fitting[-1][0])
    in_par = [(e, subj) for p, e, subj in fitting if p >= plo]
    if any(e is last for e, _ in in_par):
        return None
    hit = _asked(ctx, index, plo, hi, pron)
    if hit is not None:
        return hit
    subjects = [e for e, subj in in_par if subj == 2]
    return subjects[-1] if subjects else in_par[0][0]


def _is_document(tok) -> bool:
    return tok is not None and (tok.lemma_.lower() in _DOCUMENT_NOUNS or tok.lower_ in _DOCUMENT_NOUNS)


def _document(ctx, index, cands, res, history, c) -> Resolution:
    """A definite document ("the report", "the parole board decision") speaks for its
    author: the organisation a modifier names ("the parole board decision", "the
    union's release" -> "Parole Board of Canada", "UFCW Local 832"), else the author of the latest document of the same kind quoted
    before it (the white paper after "says a white paper ... on Acme Rail's website"; "the
    complaint" only after a complaint, not after "in a statement"), else nobody named: the
    description stays (a document is no person, so not the passage's person)."""
    m = c.mention
    for mod in m.head.children:
        if mod.dep_ in ("compound", "poss") and mod.pos_ == "NOUN" and noun_category(mod.lower_) == "ORG":
            orgs = [e for _, e in index.before(m.start, len(ctx.text)) if e.type == "ORG"]
            e = next((e for e in orgs if re.search(rf"\b{re.escape(mod.lower_)}\b", e.name, re.I)), None)
            if e is None and mod.lower_ == "union":
                e = next((e for e in orgs if _UNION_LOCAL.search(e.name)), None)   # "UFCW Local 832"
            if e is not None:
                return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
            return Resolution(None, "OTHER", None, CONF_GUESS)
    behalf = _read_on_behalf(ctx, index, m)
    if behalf is not None:
        return Resolution(behalf.name, behalf.type, behalf.role, CONF_WEAK, behalf)
    for i, _ in reversed(history[-50:]):
        q, r = cands[i], res[i]
        if m.start - q.end > DOCUMENT_WINDOW_CHARS:
            break
        # the document spoke as the quotation's speaker ("the report said") or carried
        # its words ("Acme said in a statement that ...")
        # a document ("a white paper", "the report") is taken up by any document noun;
        # a way of speaking ("in a statement", "in an email") only by its own noun: "the
        # complaint" after "X said in a statement" is someone else's complaint
        kind = {m.head.lower_, m.head.lemma_.lower()}

        def same(word: str) -> bool:
            return word in kind or (word in _DOCUMENT_NOUNS and word not in _SPEECH_NOUNS)
        wrote = q.mention is not None and q.mention.kind != "pronoun" and _is_document(q.mention.head) \
            and same(q.mention.head.lemma_.lower())
        if (wrote or q.channel and any(same(w) for w in re.findall(r"\w+", q.channel.lower()))) \
                and r is not None and r.entity is not None:
            return Resolution(r.entity.name, r.entity.type, r.role, CONF_WEAK, r.entity)
    issuer = _issued_in(ctx, index, m)
    if issuer is not None:
        return Resolution(issuer.name, issuer.type, issuer.role, CONF_WEAK, issuer)
    return Resolution(None, "OTHER", None, CONF_GUESS)


def _issued_in(ctx, index, m) -> Entity | None:
    """The named subject of the last verb before the description, in its paragraph or
    the one before, that was done "in a <noun>" of the description's own noun, when no
    quotation was taken from that sentence: "The Jamaica Constabulary Force, in a
    statement issued last night, urged ... The statement said ..." (the Force); "Colm
    Baptiste, responding in a statement, said ... the statement said" (Baptiste). None
    otherwise."""
    noun = m.head.lemma_.lower()
    ps, _ = ctx.paragraph_bounds(m.start)
    lo = ctx.paragraph_bounds(ps - 2)[0] if ps > 1 else 0
    for t in reversed(ctx.tokens_in(lo, m.start)):
        if t.lemma_.lower() == noun and t.dep_ == "pobj" and t.head.lower_ in ("in", "through", "via") \
                and t.head.head.pos_ == "VERB" and not ctx.token_quoted(t):
            subj = find_subject(t.head.head)
            if subj is None or subj.pos_ == "PRON":
                return None
            named = [e for e in index.between(subj.left_edge.idx, subj.idx + len(subj)) if e.type in ("PERSON", "ORG")]
            return named[-1] if named else None
    return None


#: A union local named by its number ("UFCW Local 832", "CUPE Local 79"): North American
#: unions' branches are "Local" and a number (AFL-CIO and CLC usage), so "the union" is it.
_UNION_LOCAL = re.compile(r"\bLocal \d+\b")


def _read_on_behalf(ctx, index, m) -> Entity | None:
    """The named author of a document someone else read out or issued "on behalf of"
    them, within :data:`NEAR_SUBJECT_CHARS` before the description ("the family's
    lawyer read a statement on behalf of Margaret Ashby. “...,” the statement read"):
    court and inquest reporting's way of giving a family's words; None otherwise."""
    noun = m.head.lemma_.lower()
    lo = max(0, m.start - NEAR_SUBJECT_CHARS)
    pat = rf"\b{re.escape(noun)}s?\b[^.]{{0,60}}?\bon behalf of\s+((?:[A-Z][\w'’-]+\s+){{0,3}}[A-Z][\w'’-]+)"
    found = list(re.finditer(pat, ctx.text[lo:m.start], re.I))
    if not found:
        return None
    name = found[-1].group(1)
    if not name[:1].isupper() or name not in index.entities and name not in index.alias:
        return None
    return index.get(name)


#: Channel nouns that are a way of speaking, not a document with a life of its own:
#: a later "the complaint" or "the memo" is not the speaker's statement or email.
_SPEECH_NOUNS = frozenset("statement release email e-mail post tweet message speech testimony "
                          "interview comment remark briefing call".split())


#: Kinds of organisation a description noun names, and the words in an organisation's
#: name that show its kind (AP style corporate suffixes; public bodies' names). A
#: description only resolves to an organisation of its kind, or of unknown kind.
_ORG_KIND = {**dict.fromkeys("company firm corporation business retailer manufacturer insurer "
                             "airline carrier bank lender chain startup automaker".split(), "business"),
             **dict.fromkeys("ministry department government council agency authority commission "
                             "city province state regulator court police administration "
                             "municipality office bureau district".split(), "public"),
             **dict.fromkeys("club hospital school university college charity association "
                             "church league party foundation society team".split(), "civil"),
             "union": "labour"}   # a trade union is no university or hospital ("UNITE HERE Local 1")
_KIND_WORDS = {**dict.fromkeys("inc inc. corp corp. corporation co co. ltd ltd. llc plc gmbh ag "
                               "group holdings bank".split() + sorted(COMPANY_NAME_WORDS_V1), "business"),
               **{w: k for w, k in _ORG_KIND.items()
                  if k != "business" and w not in ("state", "province", "team", "administration",
                                                   "regulator", "association")},
               # a union's branch ("Unifor Local 88", "CUPE Local 4400") and the words of
               # unions' names that lack "union" ("Writers Guild", "Teamsters", "Syndicat des
               # débardeurs"); an "Association" may be a union or an employers' body: no kind
               **dict.fromkeys("local guild teamsters syndicat brotherhood".split(), "labour")}

#: Words of the names of advocacy bodies, which are never "the company" ("Cystic Fibrosis
#: Advocacy Network", "Rare Disease Alliance"); an alliance may be a union ("Transport
#: Workers' Alliance"), so they show no kind of their own.
_NOT_BUSINESS_WORDS = frozenset("advocacy alliance coalition".split())


#: An outside expert's role and employer ("an analyst at Macquarie Group", "economist with
#: TD Bank"): business and markets wire style, where the firm comments on another company.
_EXPERT_AT = re.compile(r"\b(?:analyst|economist|strategist|researcher|professor|expert|fellow)s?\s+(?:at|with)\s+(?:the\s+)?(.+)$",
                        re.I)


def _outside_experts_employer(index, e: Entity) -> bool:
    """True if organisation ``e`` is named only as the employer of a person the article
    quotes as an outside expert (a role "analyst at <e>"), never as a clause subject."""
    if any(subj == 2 for _, x, subj in index.mentions if x is e):
        return False
    for p in index.unique():
        if p.type != "PERSON":
            continue
        for role in [p.role or "", *p.roles]:
            m = _EXPERT_AT.search(role)
            if m and m.group(1).strip(" ,.").lower() == e.name.lower():
                return True
    return False


def _advocacy(e: Entity) -> bool:
    """True for an organisation whose name holds one of :data:`_NOT_BUSINESS_WORDS`."""
    return not _NOT_BUSINESS_WORDS.isdisjoint(e.name.lower().split())


#: Words of organisations' names that a description's noun stands for ("the hospital"
#: for "Mercy Ridge Medical Center", "the agency" for "Food and Drug Administration"):
#: US and Commonwealth names of hospitals, and of federal agencies.
_ORG_NAME_SYNONYMS = {"hospital": ("medical center", "medical centre", "infirmary", "health centre",
                                   "health center", "health sciences centre"),
                      "agency": ("administration",),
                      "district": ("isd", "usd")}   # US school districts: Independent, Unified

#: Portfolios that tell one ministry or department from another ("the foreign ministry"
#: is not the "Interior Ministry"): the usual cabinet portfolios of Commonwealth, US and
#: European governments.
_PORTFOLIOS = frozenset("""foreign interior home defence defense finance treasury economy
health education justice transport environment trade labour labor energy agriculture
immigration commerce culture housing""".split())


def _other_portfolio(e: Entity, portfolios: list[str]) -> bool:
    """True if a description names a portfolio (``portfolios``: "foreign" of "the
    foreign ministry") that the organisation's name and roles lack."""
    if not portfolios:
        return False
    words = set(re.findall(r"[a-z]+", " ".join((e.name, *e.roles)).lower()))
    return any(p not in words for p in portfolios)


def _org_kind(name: str, roles: tuple[str, ...] = ()) -> str | None:
    """'business', 'public' or 'civil' when an organisation's name shows it ("Acme
    Corp", "Health Department", "City of Halifax", "Riverside Rowing Club"), or, for a
    name that does not, the trade noun the article introduced it with ("Belgian bank
    Maertens Groep": ``roles`` ends in a :data:`COMPANY_TRADE_NOUNS_V1` noun); else None."""
    words = name.lower().split()
    kinds = {_KIND_WORDS[w] for k, w in enumerate(words) if w in _KIND_WORDS
             and not (k == 0 and w in _HEAD_ONLY_KIND_WORDS)}
    if not kinds and any(r.split()[-1] in COMPANY_TRADE_NOUNS_V1 for r in roles if r):
        return "business"
    return kinds.pop() if len(kinds) == 1 else None


#: Kind words that show the kind only as the head of the name ("Congressional Budget
#: Office", not the retailer "Office Depot").
_HEAD_ONLY_KIND_WORDS = frozenset("office bureau local".split())


#: Description nouns that give an age range (a teenager is 13-19; a toddler 1-3).
_AGE_NOUNS = {"teenager": (13, 19), "teen": (13, 19), "toddler": (1, 3), "octogenarian": (80, 89),
              "nonagenarian": (90, 99), "centenarian": (100, 119)}
_YEAR_OLD = re.compile(r"\b(\d{1,3})-year-old\b")


def _age_range(m) -> tuple[int, int] | None:
    """The ages a description gives ("the 17-year-old": 17-17, "the teenager": 13-19)."""
    y = _YEAR_OLD.search(m.text)
    return (int(y.group(1)), int(y.group(1))) if y else _AGE_NOUNS.get(m.head.lower_ if m.head is not None else "")


def _unproven_org(ctx, e: Entity) -> bool:
    """An ORG entity nothing shows is an organisation: one capitalised word, no
    acronym, no organisation word in it, no role or description, no "it" or "they"
    linked to it, never written after "the" ("Carragher", "Kovacs" tagged ORG)."""
    name = e.name
    if e.type != "ORG" or " " in name or not name[:1].isupper() or name.isupper() or not name.isalpha():
        return False
    if name.lower() in ORG_NOUNS_V2 or e.roles or any(e.pronouns.get(p) for p in ("it", "its", "they", "their")):
        return False
    return not any(ctx.text[max(0, m.start - 4):m.start].lower() == "the " for m in e.mentions) \
        and not any(ctx.text[max(0, q - 4):q].lower() == "the " for q in e.positions)


def _same_or_next_paragraph(ctx, a: int, b: int) -> bool:
    """True if offset ``b`` lies in the paragraph of offset ``a`` or in the next one."""
    ps, _ = ctx.paragraph_bounds(a)
    cs, _ = ctx.paragraph_bounds(b)
    return cs == ps or (ps < cs and cs > 1 and ctx.paragraph_bounds(cs - 2)[0] <= ps)


def _unproven_person(e: Entity) -> bool:
    """A PERSON entity nothing shows is a person: no known given name, gender, role,
    pronoun, age or quotation ("Vantor Logistics", "Halton Rovers" tagged PERSON). A
    gender from the name table for a first word that is not a well-attested given name
    ("Halton": 145 people) proves nothing."""
    first = e.name.split()[0]
    known = is_known_first_name(first)
    return (e.gender is None or (e.gender_source == "name" and not known)) and not e.roles \
        and not e.pronouns and e.age is None and e.quotes == 0 and not known


def _by_age(index, m) -> tuple[bool, Entity | None]:
    """A description that gives an age ("the 17-year-old", "the teenager"): whether it
    does, and the person named last before it whose age (:attr:`Entity.age`) fits."""
    rng = _age_range(m)
    if rng is None:
        return False, None
    return True, _person_of_age(index, rng, m.start)


def _person_of_age(index, rng: tuple[int, int], pos: int) -> Entity | None:
    """Of the people named before ``pos`` whose age (:attr:`Entity.age`) lies in
    ``rng`` (inclusive), the one named last; else None."""
    return _person_named_last(index, pos, lambda e: e.age is not None and rng[0] <= e.age <= rng[1])


#: Wording that marks an unnamed source as deliberately anonymous (AP's style for
#: anonymous sources: "spoke on condition of anonymity", "not authorized to", "familiar
#: with"); such a source is never one of the people the article names.
_ANONYMOUS = re.compile(r"\banonym|\bnot (?:authori[sz]ed|permitted|allowed) to (?:speak|discuss|comment)"
                        r"|\bfamiliar with\b|\bdeclined to be (?:named|identified)"
                        r"|\b(?:asked|requested|wished|preferred) not to be (?:named|identified)"
                        r"|\b(?:did not|didn['’]t) (?:want|wish) to be (?:named|identified)", re.I)


#: Nouns a description uses of an unnamed source whatever it was called before ("A
#: person familiar with the talks said ... the person said"; Reuters and AP style for
#: anonymous sources).
_ANONYMOUS_NOUNS = frozenset("person source".split())


#: Nouns of a family speaking as one ("the family said", "relatives said"); a family
#: named by its surname ("the Fentons") is read by the name rules.
_KIN_GROUPS = frozenset("family families relatives".split())


def _named_by_modifier(ctx, index, m) -> Entity | None:
    """For "the union": the acronym written before the same noun in this sentence or the
    one before ("talks between the ASLEF union and rail operators broke down, the union
    said"; "the GMB union"), which NER left untagged; made an organisation. None otherwise."""
    if m.head is None:
        return None
    lemma = m.head.lemma_.lower()
    lo = _sentence_before(ctx, m.start)
    for t in reversed(ctx.tokens_in(lo, m.start)):
        if t.lemma_.lower() != lemma or ctx.token_quoted(t):
            continue
        mod = next((c for c in t.children if c.dep_ in ("compound", "nmod") and c.i == t.i - 1
                    and 2 <= len(c.text) <= 8 and c.text.isalpha() and c.text.isupper()
                    and c.ent_type_ not in ("GPE", "NORP", "PERSON")), None)
        if mod is not None:
            e = index.get(mod.text, "ORG")
            if e.type not in ("ORG", None):
                return None
            e.type = "ORG"
            index.note_named(e, mod.idx, False)
            return e
    return None


def _untagged_body(ctx, index, m, noun: str) -> Entity | None:
    """For "the regional district", "the board": a capitalised name ending in that noun,
    the subject of the sentence before, that NER left untagged ("The Cariboo Regional
    District expanded its order"), made an organisation; None otherwise."""
    for t in ctx.tokens_in(_sentence_before(ctx, m.start), m.start):
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ == noun and t.text[:1].isupper() and not t.ent_type_ \
                and not ctx.token_quoted(t):
            mods = [c for c in t.children if c.dep_ == "compound" and c.i < t.i]
            if mods and all(x.text[:1].isupper() and x.pos_ == "PROPN" for c in mods for x in c.subtree):
                lo = min(x.i for c in mods for x in c.subtree)
                e = index.get(t.doc[lo:t.i + 1].text, "ORG")
                if e.type not in ("ORG", "GPE"):
                    e.type, e.gender, e.gender_source = "ORG", None, None
                index.note_named(e, t.doc[lo].idx, True)
                return e
    return None


def _untagged_company(ctx, index, m) -> Entity | None:
    """For "the company", "the startup": the one-word proper-noun subject of the sentence
    before that NER tagged as no organisation ("Quillbase on Monday launched a tablet",
    untagged; "Trekline denied the allegations", WORK_OF_ART), when no organisation is
    named after it; made an organisation. Not a known given name, not a person the
    article titles or calls he/she, not a place. None otherwise."""
    lo = _sentence_before(ctx, m.start)
    found = None
    for t in ctx.tokens_in(lo, m.start):
        if _proper_subject(ctx, t) and t.ent_type_ in ("", "WORK_OF_ART", "PRODUCT", "PERSON") \
                and not is_known_first_name(t.text) and not any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children) \
                and (t.ent_type_ != "PERSON" or len(t.ent_type_) and t.ent_iob_ == "B"
                     and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")):
            found = t
    if found is None or any(e.type == "ORG" for e in index.between(found.idx + 1, m.start)):
        return None
    e = index.get(found.text, "ORG")
    if e.type == "PERSON" and (e.gender_source not in (None, "name") or e.role or e.name != found.text):
        return None   # (a person's surname: "Zimmerman" of "George Zimmerman")
    if e.type == "GPE":
        return None
    e.type = "ORG"
    e.gender = e.gender_source = None
    index.note_named(e, found.idx, True)
    return e


#: Lower-case words inside an organisation's name ("Syndicat des débardeurs", "Mission to
#: Seafarers", "Bank of the West").
_NAME_CONNECTORS = frozenset("of the for and to des de du la le et & der und".split())


def _by_or_with(ctx, pos: int) -> bool:
    """True when the name at ``pos`` is the object of "by", "with" or "from" ("led by
    Quarry Ventures", "a deal with Hartwell", "funding from Vela Capital")."""
    t = ctx.token_at(pos)
    if t is None:
        return False
    while t.dep_ in ("compound", "amod", "nmod") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in ("by", "with", "from")


def _untagged_of_kind(ctx, m, kind: str, content: tuple[int, int] = (0, 0)) -> tuple[int, str] | None:
    """For a description of a known kind ("the union", "the company"): the nearest
    clause subject (or passive agent) whose capitalised name shows that
    kind (:func:`_org_kind`; for "the team" and "the club", a sports team's plural name,
    "The Ottawa Senators") and that NER left untagged or took for a place or person
    ("UNITE HERE Local 1 organised the strike", "The Syndicat des débardeurs called ...",
    "Orrery Labs unveiled ..."), in this paragraph or the one before and within
    :data:`NEAR_SUBJECT_CHARS`, as (start, name); inside the quotation's own ``content``
    (start, end) only its subject counts. None otherwise."""
    lo = max(_paragraph_before(ctx, m.start), m.start - NEAR_SUBJECT_CHARS)
    found = None
    team = m.head is not None and m.head.lower_ in ("team", "club")
    span = ctx.tokens_in(lo, m.start)
    if not span:
        return None
    lo_tok = span[0].i
    for t in span:
        if not (t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass")
                or t.dep_ == "pobj" and t.head.dep_ == "agent") \
                or ctx.token_quoted(t) or t.ent_type_ == "ORG" or content[0] <= t.idx < content[1] and t.dep_ != "nsubj":
            # (appos: "LEEDS — Quillfern Labs unveiled"; agent: "organised by UNITE HERE Local 1")
            continue
        toks = [x for x in t.doc[t.left_edge.i:t.right_edge.i + 1]]
        while toks and toks[0].i > lo_tok and toks[0].text[:1].isupper() \
                and t.doc[toks[0].i - 1].pos_ == "PROPN" and t.doc[toks[0].i - 1].text[:1].isupper():
            toks.insert(0, t.doc[toks[0].i - 1])   # "UNITE HERE Local 1", which the parser broke up
        while toks and toks[0].lower_ in ("the", "a", "an"):
            toks = toks[1:]
        comma = next((k for k, x in enumerate(toks) if x.text == "," and k > 0 and toks[k - 1].i >= t.i), None)
        if comma is not None:
            toks = toks[:comma]   # the name without its relative clause ("Unifor Local 222, which represents ...")
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks or not toks[0].text[:1].isupper() or toks[0].pos_ != "PROPN" or any(
                not (x.text[:1].isupper() or x.like_num or x.lower_ in _NAME_CONNECTORS
                     or k and toks[k - 1].lower_ in _NAME_CONNECTORS and x.is_alpha)   # "des débardeurs"
                for k, x in enumerate(toks)):
            continue
        name = t.doc[toks[0].i:toks[-1].i + 1].text
        if len(toks) >= 2 and (_org_kind(name) == kind or team and toks[-1].tag_ == "NNPS" and len(toks) <= 4):
            # (a sports team is named in the plural: "The Ottawa Senators placed ...")
            found = (toks[0].idx, name)
    return found


def _made_org(index, start: int, name: str) -> Entity | None:
    """The entity of an organisation's name NER missed or mistyped, found at ``start``,
    made an organisation; None when it is a person already quoted."""
    e = index.get(name, "ORG")
    if e.type == "PERSON" and e.quotes:
        return None
    e.type, e.gender, e.gender_source = "ORG", None, None
    index.note_named(e, start, True)
    return e


def _named_force(ctx, index, m) -> Entity | None:
    """The police force named in this paragraph or the one before, for a bare "Police
    said" ("Avon and Somerset Police said ... Police said": British and Canadian copy
    names the force once, then writes "police"); None when none, or more than one, is."""
    if m.head is None or m.head.lower_ != "police" or any(ch.dep_ in ("det", "poss", "amod", "compound")
                                                          for ch in m.head.children):
        return None
    lo = _paragraph_before(ctx, m.start)
    forces = {id(e): e for e in index.between(lo, m.start)
              if e.type == "ORG" and re.search(r"\b(?:police|constabulary)\b", e.name, re.I)}
    return next(iter(forces.values())) if len(forces) == 1 else None


#: Clipped forms news writes for a source's noun the second time ("a representative for
#: Blake told People … the rep said"; celebrity and business copy).
_SHORT_FORMS = {"rep": "representative", "exec": "executive", "spokes": "spokesperson", "pol": "politician"}


def _unnamed_again(ctx, index, cands, res, history, c, noun: str) -> str | None:
    """The description of the unnamed person quoted just before, when a definite
    description takes them up again: the same noun ("The nurse on duty, who asked not
    to be named, said ... the nurse said"), an anonymous-source noun
    (:data:`_ANONYMOUS_NOUNS`: "Another former employee said ... the person said"), or
    "the other ..." after one of a group ("said one of them. The other former employee
    said"). The previous attribution, in this paragraph or the one before, named
    nobody, and no person is named as a subject in between. None otherwise."""
    m = c.mention
    if not history or m.head is None:
        return None
    j = history[-1][0]
    pm, pr = cands[j].mention, res[j]
    if pr is None or pr.speaker is not None or pr.type != "OTHER" or pm is None or pm.head is None \
            or pm.kind not in ("description", "generic") or not _same_or_next_paragraph(ctx, pm.start, m.start):
        return None
    person = pm.head.lemma_.lower() in PERSON_NOUNS_V2 | _ANONYMOUS_NOUNS or _one_of_people(pm.head) \
        or pm.head.lower_ == "one"
    other = any(ch.dep_ == "amod" and ch.lower_ == "other" for ch in m.head.children)
    # an indefinite source ("a senior Labour backbencher warned ... the MP said", "One MP
    # ... the former minister said") taken up by a person noun or title no one named holds
    opens = pm.text.lower().startswith(("a ", "an ", "one ", "another "))
    indefinite = opens \
        and (noun in PERSON_NOUNS_V2 or noun in TITLE_WORDS_V1) and _title_holder(index, noun, m.start) is None \
        and (person or _agent_noun(pm.head.lower_) or pm.head.lower_ in _PARTY_WORDS)
    same = pm.head.lemma_.lower() == m.head.lemma_.lower() or opens and len(m.head.lemma_) >= 4 \
        and pm.head.lemma_.lower().endswith(m.head.lemma_.lower()) \
        or _SHORT_FORMS.get(m.head.lower_) == pm.head.lemma_.lower()   # "An eyewitness ... the witness"; "a representative ... the rep"
    # (an indefinite source taken up by its own noun, whatever the noun: "One juror, a
    # retired engineer who asked not to be named, said ... the juror said", "A village
    # headman ... the headman said")
    if not indefinite and not (person and (same or noun in _ANONYMOUS_NOUNS or other) or opens and same):
        return None
    said = (cands[j].start, cands[j].end)
    if any(e.type == "PERSON" and not said[0] <= p < said[1]
           for p, e in index.named_between(pm.end, m.start, subjects_only=True)):
        # (a person named in what the source itself reported is not who speaks again: "A
        # person close to the board said Sibusiso Dube had been hired ... the person said")
        return None
    return pm.text


def _anonymous(ctx, m) -> bool:
    """True if the description's sentence marks its source as anonymous."""
    lo = ctx.sentence_start_before(m.start)
    hi = ctx.sentence_end_after(m.end - 1)
    return bool(_ANONYMOUS.search(ctx.text, lo, hi))


def _relation_to_person(prep) -> bool:
    """True for "of one victim", "for the family" after a person noun: a prepositional
    relation to other people ("the daughter of one victim", "the lawyer for the
    family"); not "of state" (part of a title) or "of three" ("mother of three")."""
    if prep.dep_ != "prep" or prep.lower_ not in ("of", "for") or prep.i < prep.head.i:
        return False
    pobj = next((x for x in prep.children if x.dep_ == "pobj"), None)
    if pobj is None:
        return False
    if pobj.lower_ in ("one", "some", "each", "all", "both", "many", "two", "three"):
        # "the mother of one of the children": a partitive of people
        return any(_relation_to_person(c) for c in pobj.children)
    if pobj.pos_ == "PROPN":
        return pobj.ent_type_ == "PERSON"
    low = pobj.lemma_.lower()
    return pobj.pos_ == "NOUN" and (noun_category(low) == "PERSON" or low in PERSON_NOUNS_V2 or low in GROUP_NOUNS_V1
                                    or low in ("family", "families"))


#: Endings of English agent nouns, which name people ("speechwriter", "negotiator",
#: "strategist", "historian", "consultant", "correspondent": the agent suffixes of English
#: word formation). A few non-people end so too ("order", "moment"); the rule only uses it
#: to keep a description linkable.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")


def _agent_noun(noun: str) -> bool:
    """A noun that names a person by what they do: an agent ending or a title ("justice")."""
    return noun.endswith(_AGENT_ENDINGS) or noun in TITLE_WORDS_V1


#: Collective nouns of people that speak as one ("the band said"): what they report may
#: open with their own name ("Velvet Harbour will go on hiatus, the band said").
_COLLECTIVES = frozenset("band group team crew duo trio quartet quintet choir orchestra family couple".split())


def _description(ctx, index, cands, res, history, c) -> Resolution:
    m = c.mention
    if _is_document(m.head):
        return _document(ctx, index, cands, res, history, c)
    noun = m.head.lower_ if m.head is not None else m.text.split()[-1].lower()
    cat = noun_category(noun)
    if cat is None and (noun in PERSON_NOUNS_V2 or noun in DEMONYM_NOUNS_V1
                        or (m.head is not None and m.head.lemma_.lower() in PERSON_NOUNS_V2)):
        cat = "PERSON"   # "the nominee", "the founder", "the Dane": people, never an organisation
    if _anonymous(ctx, m) or noun in UNNAMED_SPEAKER_NOUNS_V1:
        return Resolution(None, cat if cat == "ORG" else "OTHER", None, CONF_EVEN)
    if noun in TITLE_ACRONYMS and m.head is not None and m.head.text.isupper():
        # "the PM said", read as a description: its holder, or no one
        e = _acronym_holder(ctx, index, m.start, noun)
        return Resolution(e.name, e.type, e.role, CONF_STRONG, e) if e is not None \
            else Resolution(None, "OTHER", None, CONF_EVEN)
    if noun in _KIN_GROUPS and not any(ch.dep_ == "poss" for ch in m.head.children):
        # "The family said they were heartbroken": the family, no one person quoted before
        return Resolution(None, "OTHER", None, CONF_EVEN)
    if cat != "ORG" and (same := _unnamed_again(ctx, index, cands, res, history, c, noun)) is not None:
        return Resolution(None, "OTHER", same, CONF_EVEN)
    spouse = _spouse_in_couple(ctx, index, m)
    if spouse is not None:   # "Henry and Margaret Langille … His wife said": Margaret Langille
        return Resolution(spouse.name, spouse.type, spouse.role, CONF_WEAK, spouse)
    if (cat in ("PERSON", None) or noun in ROLE_GENDER) and _introduced_unnamed(
            ctx, index, m, acting=cat is None and noun not in ROLE_GENDER and not _agent_noun(noun)):
        # "a man and a woman ... The woman told the BBC": the person the article
        # introduced without a name, not whoever was named last
        return Resolution(None, "OTHER", None, CONF_EVEN)
    aged, e = _by_age(index, m)
    age = _age_range(m)
    if e is not None:   # "Jonas Brekke, 19, ..." / "the teenager said"
        return Resolution(e.name, e.type, e.role, CONF_GOOD, e)
    if aged:
        cat = "PERSON"   # "the 17-year-old" is a person, whoever it is
    # a person whose title names the noun ("Mayor Helena Brandt" for "the mayor"; not
    # "a spokesman for the diocese" for "the diocese")
    mods = _title_mods(m)
    if cat != "ORG":
        # of several holders ("Prime Minister Reed", "Finance Minister Mendes"), the one
        # named last before the description; a role from an apposition counts ("Samuel
        # Okoye, a dock worker" for "the dock worker")
        if not aged and (e := _title_holder(index, noun, m.start, mods)) is not None:
            # (an age is no title: "the 25-year-old" is not the one introduced as "The
            # 28-year-old Jamaican")
            return Resolution(e.name, e.type, e.role, CONF_STRONG, e)
        if any(md in _PARTY_WORDS for md in mods) and (e := _title_holder(
                index, noun, m.start, tuple(md for md in mods if md not in _PARTY_WORDS))) is not None:
            # "the Labour MP" for "Local MP Martin Oduya": the party is news about the holder
            return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
        if not aged and (e := _only_holder_beyond_place(index, m, noun, mods)) is not None:
            # "the Florida senator" for "Sen. Marco Rubio": the state is news about the holder
            return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
        if (cat == "PERSON" or noun in TITLE_WORDS_V1) \
                and (e := _named_after_lede(ctx, index, m, noun, ROLE_GENDER.get(noun))) is not None:
            return Resolution(e.name, e.type, e.role, CONF_WEAK, e)
    # an organisation whose name holds the noun ("the commission" -> "... Commission")
    # or whose kind the article gave before its name ("media buying company GroupM")
    portfolios = [md for md in mods if md in _PORTFOLIOS]
    named_as = rf"\b(?:{'|'.join(re.escape(x) for x in (noun, *_ORG_NAME_SYNONYMS.get(noun, ())))})\b"
    # (or whose name ends in the noun modifying the description's: "the rent strike group"
    # for "Kelvinside Rent Strike", "the task force unit" for "Integrated Gang Task Force")
    nouns = [ch.lower_ for ch in m.head.children if ch.dep_ == "compound" and ch.pos_ == "NOUN"] \
        if m.head is not None and cat == "ORG" else []
    for _, e in index.before(m.start, DOCUMENT_WINDOW_CHARS):
        if e.type == "ORG" and (any(re.search(named_as, x, re.I) for x in (e.name, *e.roles))
                                or nouns and e.name.lower().split()[-1] == nouns[-1]) \
                and not _other_portfolio(e, portfolios):
            return Resolution(e.name, e.type, e.role, CONF_STRONG, e)
        if e.type == "GPE" and (e.name.lower().startswith(noun + " of ")
                                or cat == "ORG" and len(e.name.split()) >= 2 and e.name.split()[-1].lower() == noun):
            # "the City of Plano ... The city said": a place's government named as
            # "<City|County|Province> of X" speaks as a body; so does one named "X
            # <District|County>" ("Cariboo Regional District ... The regional district said")
            e.type = "ORG"
            return Resolution(e.name, e.type, e.role, CONF_STRONG, e)
    if cat == "ORG" and (e := _named_by_modifier(ctx, index, m)) is not None:
        return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
    if cat == "ORG" and (e := _untagged_body(ctx, index, m, noun)) is not None:
        return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
    if cat == "ORG":
        # further back: an organisation of that noun the article has already quoted ("the
        # union" fourteen paragraphs after the Nurses' Union last spoke)
        for _, e in index.before(m.start, len(ctx.text)):
            if e.type == "ORG" and e.quotes and re.search(rf"\b{re.escape(noun)}\b", e.name, re.I) \
                    and not _other_portfolio(e, portfolios):
                return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)

    if cat is None and m.head is not None and not _agent_noun(noun) and any(
            t.i < m.head.i and t.pos_ == "PROPN" and t.ent_type_ == "ORG" for t in m.head.subtree):
        # a noun of no known kind, and no agent noun, under an organisation's name ("The
        # European Union observer mission said", "the FBI summary"): a body or a document
        # of that organisation, not whoever was named last ("The GOP speechwriter" is a person)
        return Resolution(None, "OTHER", None, CONF_EVEN)
    if m.head is not None and any(c.dep_ == "poss" or (cat == "PERSON" and _relation_to_person(c))
                                  for c in m.head.children):
        # "his office", "Gary Johnson's doctor", "the ad's narrator", and a person noun
        # with its relation after it ("the daughter of one victim", "the lawyer for the
        # family"): someone of the possessor's, neither the possessor nor whoever was
        # named last
        return Resolution(None, "ORG" if cat == "ORG" else "OTHER", None, CONF_EVEN)
    kind = _ORG_KIND.get(noun)

    gender = ROLE_GENDER.get(noun)
    # whom the description speaks to: "the engineer told Hirano" is not Hirano
    cue_tok = m.head.head if m.head is not None and m.head.dep_ == "nsubj" else None
    addressed = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in cue_tok.children
                 if t.dep_ in ("dobj", "dative") and t.pos_ == "PROPN"] if cue_tok is not None else []

    def spoken_to(e):
        return any(a <= q < b for q in e.positions for a, b in addressed)

    def fits(e):
        if gender is not None and e.gender not in (None, gender):
            return False   # "the woman" is not the man named last
        if spoken_to(e):
            return False
        if noun in TITLE_WORDS_V1 and e.type == "PERSON" and _other_title(e, noun, mods):
            return False   # "the Prime Minister" is not "her junior minister"
        if e.type == "ORG" and kind is not None and _org_kind(e.name, e.roles) not in (None, kind):
            return False   # "the council" is not "Acme Corp", "the company" not a ministry
        if e.type == "ORG" and kind == "business" and _advocacy(e):
            return False   # "the company" is not the patients' "Rare Disease Alliance"
        if e.type == "ORG" and _other_portfolio(e, portfolios):
            return False   # "the foreign ministry" is not the Interior Ministry
        if age is not None and e.age is not None and not age[0] <= e.age <= age[1]:
            return False   # "the 22-year-old" is not the man of 58
        if cat == "ORG" and e.type == "PERSON" and _unproven_person(e):
            return True    # "Vantor Logistics", which NER took for a person: "the company"
        if cat == "ORG" and e.type in ("PERSON", "GPE") and _called_it(ctx, e):
            return True    # "Ofwat said its ...", NER's person or place: "the watchdog"
        return cat is None and e.type in ("PERSON", "ORG") or e.type == cat
    # a subject NER missed ("Niederreiter has four goals ... The 26-year-old right wing
    # said"), in the sentence before, when nearer than any named one
    lo = _sentence_before(ctx, m.start)
    missed = _unrecognised_subject_token(ctx, lo, m.start) if cat != "ORG" else None
    reported = [(cands[i].start, cands[i].end) for i, _ in history[-5:]
                if cands[i].type != "direct" and cands[i].end <= m.start] if cat == "ORG" else []
    # "Mrs. Clinton leads Mr. Trump ..., according to the average of polls": a person named
    # in the content is not the description that reports it (a body is: "Velvet Harbour
    # will go on hiatus, the band said")
    own = (c.start, c.end) if c.end <= m.start and (cat == "PERSON" or cat is None and noun not in _COLLECTIVES) \
        else (0, 0)
    if kind == "business" and (e := _untagged_company(ctx, index, m)) is not None:
        return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
    if kind is not None:
        # an organisation whose name shows the kind the noun names ("the agency" ->
        # "Congressional Budget Office", not the "Tax Policy Center" named since); a
        # clause subject before one named in passing ("a fight with City Hall")
        last_speaker = res[history[-1][0]].entity if history and res[history[-1][0]] is not None else None
        # a name NER missed whose words show the kind, nearer than any named one that does
        untagged = _untagged_of_kind(ctx, m, kind, (c.start, c.end))
        for subjects_only in (True, False):
            for p, e in index.before(m.start, PRONOUN_WINDOW_CHARS, subjects_only=subjects_only):
                if untagged is not None and p < untagged[0]:
                    break
                if not subjects_only and kind == "business" and c.start <= p < c.end and _by_or_with(ctx, p):
                    continue   # "X has raised $12 million in a round led by Quarry Ventures, the
                    #            company said": a company the report names as the agent or
                    #            partner of what happened (its investors, buyers) is not it
                if e.type != "ORG" or _other_portfolio(e, portfolios) or kind == "business" and _advocacy(e):
                    continue
                if not subjects_only and kind == "business" and _outside_experts_employer(index, e):
                    continue   # "said Rhys Patel, an analyst at Macquarie Group": the analyst's firm, not "the company"
                found = _org_kind(e.name, e.roles)
                if found == kind or found is None and subjects_only and p >= lo and e is last_speaker \
                        and untagged is None:
                    # (the last speaker, the subject of this sentence or the one before,
                    # whose name shows no kind: "The Centers for Disease Control and
                    # Prevention said ... the agency said", not the department named before it)
                    return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
        if untagged is not None and (e := _made_org(index, *untagged)) is not None:
            return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
    for p, e in index.before(m.start, NEAR_SUBJECT_CHARS, subjects_only=True):
        if any(a <= p < b for a, b in reported) or own[0] <= p < own[1] and e.type == "PERSON":
            continue   # "The FDA said that Brightline Nasal Spray may be contaminated. The
            #            agency said": a body named in what was reported is not who speaks
        if fits(e):
            if missed is not None and missed.idx > p:
                break
            if cat == "ORG" and e.type in ("PERSON", "GPE"):
                e.type = "ORG"   # "Halton Rovers ... The club said": an organisation after all
            return Resolution(e.name, e.type, e.role, CONF_LIKELY, e)
    if missed is not None and (e := index.get(missed.text)).type == "PERSON" and (gender is None or e.gender in (None, gender)):
        return Resolution(e.name, e.type, e.role, CONF_WEAK, e)   # (not "Morrow" for "the Dutchman")
    # "the affable proprietor": the person the passage is about; but a title ("the
    # judge") names someone else when no one named has it: it stays a description
    if cat == "PERSON" and noun not in TITLE_WORDS_V1:
        for _, e in index.before(m.start, PRONOUN_WINDOW_CHARS):
            if e.type == "PERSON" and (gender is None or e.gender in (None, gender)) \
                    and (age is None or e.age is None or age[0] <= e.age <= age[1]) and not spoken_to(e):
                return Resolution(e.name, e.type, e.role, CONF_WEAKER, e)
    for i, _ in reversed(history[-50:]):   # only recent ones can be within 600 chars
        r = res[i]
        if r is not None and r.entity is not None and fits(r.entity) and m.start - cands[i].end < NEAR_SUBJECT_CHARS:
            return Resolution(r.entity.name, r.entity.type, r.role, CONF_FAIR, r.entity)
    if cat == "ORG" and history:
        # "A spokeswoman for Essential Energy said ... The company said ...": the
        # organisation the last, unnamed, source spoke for
        pm = cands[history[-1][0]].mention
        if pm is not None and pm.kind == "generic" and " for " in pm.text and m.start - pm.end < NEAR_SUBJECT_CHARS:
            for e in index.between(pm.start, pm.end):
                if e.type == "ORG" and fits(e):
                    return Resolution(e.name, e.type, e.role, CONF_WEAK, e)
    return Resolution(None, "OTHER", None, CONF_GUESS)


#: "<name> said it ...", "<name> says its ...": the article calls the speaker "it".
_SAID_IT = re.compile(r"\s+(?:also\s+)?(?:said|says|added|announced|stated|confirmed)\s+(?:that\s+)?(?:it|its)\b")


def _called_it(ctx, e: Entity) -> bool:
    """True if the article writes "it" for a name NER typed a person or place, right in
    the name's own attribution ("Ofwat said its investigation ...", "Consumer Watch said
    it was disappointed"): animacy, so an organisation; not for a name that opens with
    a well-attested given name ("Bristol Rovers": "Bristol" is one) or has a gender."""
    if is_known_first_name(e.name.split()[0]) or e.gender is not None:
        return False
    text = ctx.text
    return any(_SAID_IT.match(text, m.end, min(len(text), m.end + 60)) for m in e.mentions)


#: How far after a lede's description its holder may be named (characters): the next
#: paragraph or two of a wire story ("Manitoba's finance minister says ... ⏎⏎ Carla
#: Dubois made the announcement ...", The Canadian Press's habit of a role-first lede).
LEDE_NAME_WINDOW_CHARS = 400

#: Verbs of the sentence that names the lede's speaker in that habit ("X made the
#: announcement", "X unveiled the plan", "X spoke to reporters").
_ANNOUNCING_VERBS = frozenset("make announce unveil speak release present table outline deliver".split())


#: Nouns for whoever leads a body, as headlines write them ("agency chief", "union boss").
_HEAD_NOUNS = frozenset("chief boss head leader director".split())


def _named_after_lede(ctx, index, m, noun: str, gender: str | None) -> Entity | None:
    """The person a role-first lede describes, named just after it: a description of a
    person ("Alberta's premier says ...") in an article's first paragraph, before anyone
    is named in it, stands for the first person named in the next ``LEDE_NAME_WINDOW_CHARS``
    characters who holds its title ("Premier Doug Harlan told reporters") or is the
    subject of an announcing verb ("Carla Dubois made the announcement"). None otherwise."""
    ps, _ = ctx.paragraph_bounds(m.start)
    if ctx.text[:ps].strip() and ctx.paragraph_bounds(max(0, ps - 2))[0] != 0:
        return None   # the lede is the first paragraph (after a headline at most)
    if any(ps <= p < m.start and e.type == "PERSON" for p, e, _ in index.mentions):
        return None   # (a person named in the headline is no antecedent of the lede's role)
    for p, e, subj in index.mentions:
        if p <= m.end or e.type != "PERSON":
            continue
        if p - m.end > LEDE_NAME_WINDOW_CHARS or (gender is not None and e.gender not in (None, gender)):
            return None
        holds = any(re.search(rf"\b{re.escape(noun)}\b", r, re.I) for r in [e.role or "", *e.roles])
        if not holds and noun in _HEAD_NOUNS and m.head is not None:
            # "…, says agency chief" then "The Environment Agency's regional director, Owen
            # Tregarthen, said": the body the headline's head noun leads is in the role
            bodies = [c.lower_ for c in m.head.children if c.dep_ == "compound" and c.lower_ in ORG_NOUNS_V2]
            holds = bool(bodies) and any(re.search(rf"\b{b}\b", r, re.I) for b in bodies
                                         for r in [e.role or "", *e.roles])
        tok = ctx.token_at(p)
        announces = subj == 2 and tok is not None and _governing_verb(tok) in _ANNOUNCING_VERBS
        return e if holds or announces else None
    return None


def _governing_verb(tok) -> str | None:
    """The lemma of the verb a name is the subject of, or None."""
    while tok.dep_ in ("compound", "flat") and tok.head is not tok:
        tok = tok.head
    return tok.head.lemma_.lower() if tok.dep_ in ("nsubj", "nsubjpass") else None
