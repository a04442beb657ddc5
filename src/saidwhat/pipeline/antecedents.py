"""saidwhat.pipeline.antecedents: rank an article's entities as antecedents of an anaphor.

A small learned model for the step "who is *he* / *the agency*?": given an anaphoric
mention (a third-person pronoun — he/him/his, she/her, it/its, they/them/their — or a
definite description such as "the minister", "the agency", "the rookie defenceman")
and the article's candidate entities, score each entity as the one the mention
refers to and rank them, best first.

The scorer is a logistic regression over :data:`FEATURES` (agreement, distance,
salience, syntactic role, quotation and description-noun features that carry over to
unseen text, plus whether today's rule, :func:`rule_choice`, picks the entity). Its weights live in ``saidwhat/data/antecedent_model.json`` and are
loaded once, lazily; nothing but spaCy and the standard library is needed at run
time. The weights were trained by ``scripts/train_antecedents.py`` on the coreference
layer of GUM (Zeldes, A. (2017) "The GUM Corpus: Creating Multilayer Resources in the
Classroom", Language Resources and Evaluation 51(3), 581–612; annotations CC BY 4.0),
on its openly licensed genres and GUM's own train/dev split, with the entities the
runtime builds (:func:`views_from_entities` over ``ArticleEntities``); see
``docs/antecedents.md`` for the data, figures (model vs today's rules), thresholds for
:func:`choose` and licences.

Reads the Doc's tokens, sentence boundaries (``Token.is_sent_start`` from the parser
or a senter), dependency labels, POS tags and lemmas; and, for
:func:`entity_views`, ``doc.ents``. Writes nothing to the Doc or to the entities.

Token positions here are token indices into the Doc (``Span.start`` / ``Span.end``,
end exclusive), not character offsets.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Sequence

from spacy.tokens import Doc, Span

from .lexicons import ORG_NOUNS_V1, PERSON_NOUNS_V1, TITLE_WORDS_V1

MODEL_RESOURCE = "antecedent_model.json"

#: Pronoun word -> its class (the key the features use).
PRONOUN_CLASS = {
    "he": "he", "him": "he", "his": "he", "himself": "he",
    "she": "she", "her": "she", "hers": "she", "herself": "she",
    "it": "it", "its": "it", "itself": "it",
    "they": "they", "them": "they", "their": "they", "theirs": "they", "themselves": "they",
}
_SUBJ = ("nsubj", "nsubjpass")
_OBJ = ("dobj", "dative", "iobj", "pobj", "attr")
_CONTENT_POS = ("NOUN", "PROPN", "PRON")
_OPEN_MARKS = ("“", "«", "„")
_CLOSE_MARKS = ("”", "»")   # single marks are left out: they double as apostrophes
_SENT_CAP = 30      # sentence distances are capped here (an entity with no prior mention)
_TOKEN_CAP = 2000   # token distances likewise
# Windows of the rules ``rule_choice`` mirrors (speaker_resolver's, set by hand there, not measured):
PRONOUN_WINDOW_CHARS = 1500   # speaker_resolver.PRONOUN_WINDOW_CHARS
DOCUMENT_WINDOW_CHARS = 3000  # speaker_resolver.DOCUMENT_WINDOW_CHARS
NEAR_SUBJECT_CHARS = 600      # speaker_resolver.NEAR_SUBJECT_CHARS
CANDIDATE_SENTENCES = 10      # the model's candidates: named this many sentences back (set by hand, as in training)

#: Feature names, in the order of :func:`pair_features` and of the weights file.
FEATURES: tuple[str, ...] = (
    "kind_he", "kind_she", "kind_it", "kind_they", "kind_desc",
    "hs_person", "hs_nonperson", "it_org", "it_gpe", "it_person",
    "they_person", "they_group", "they_one_gendered",
    "desc_cat_match", "desc_cat_conflict", "desc_nocat_person", "desc_nocat_org", "type_unknown",
    "gender_match", "gender_conflict", "gender_strong_match", "gender_pronoun_match",
    "pron_same", "pron_other", "number_conflict",
    "log_sent_dist", "same_sentence", "log_token_dist", "recency_first", "log_rank",
    "nearest_subject", "subject_recent", "nearest_first_np", "nearest_poss", "nearest_obj", "log_mentions",
    "nearest_quoted", "quote_mismatch",
    "head_in_name", "head_in_role", "head_in_title", "holder_latest", "head_title_word_person",
    "modifier_in_name_or_role", "has_modifier", "org_kind_match", "org_kind_conflict", "desc_plural_one",
    "binding_conflict", "parallel_subject",
    "compatible", "compat_first", "log_compat_rank", "nearest_unquoted_subject", "rule_choice",
    "they_number_conflict", "desc_log_sent_dist", "desc_recency_first", "desc_nearest_subject",
)


@dataclass(eq=False)
class EntityView:
    """What the scorer needs to know about one candidate entity of the article.

    Attributes:
        name: The entity's fullest name in the article ("Federal Aviation Administration").
        type: 'PERSON', 'ORG', 'GPE', 'NORP' or None (unknown).
        gender: 'M', 'F' or None (honorific, gendered role noun, given name or the
            article's own pronouns).
        number: 'sg', 'pl' or None (unknown; organisations take "it" and "they").
        pronouns: Pronoun words the article has used for this entity so far
            (Counter-like: word -> count; "his" and "him" count as "he"); may be empty.
        roles: Titles and descriptions given to the entity ("Finance Minister",
            "a rookie defenceman").
        mentions: (token_start, token_end, is_name) of the entity's mentions in doc
            order: token indices into the Doc, end exclusive. Only mentions that end
            before the anaphor are used, so the full list may be passed.
        gender_source: Where ``gender`` comes from: 'honorific', 'role', 'name',
            'pronoun' or None (unknown).
        quotes: Quotations already resolved to the entity ("it" may be a place the
            article quotes).
        subjects: Token starts of the mentions that are clause subjects (the runtime's
            salience 2); None: judged from the parse.
        entity: The runtime's :class:`~saidwhat.pipeline.entities.Entity` this view
            adapts (:func:`views_from_entities`), else None.
    """

    name: str
    type: str | None = None
    gender: str | None = None
    number: str | None = None
    pronouns: Counter = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, bool]] = field(default_factory=list)
    gender_source: str | None = None
    quotes: int = 0
    subjects: frozenset[int] | None = None
    entity: object | None = None


@dataclass
class DocInfo:
    """Per-Doc lookups shared by all pairs of one Doc (built by :func:`doc_info`).

    Attributes:
        sent: Sentence number of each token (0-based).
        sent_start: Token index of each sentence's first token.
        quoted: Whether each token lies inside quotation marks.
        ctx: The runtime's :class:`~saidwhat.pipeline.context.DocContext`, when given
            (its sentence bounds and captions are then used by :func:`rule_choice`).
    """

    sent: list[int]
    sent_start: list[int]
    quoted: list[bool]
    ctx: object | None = None


def quoted_mask(doc: Doc) -> list[bool]:
    """Whether each token lies inside quotation marks (the marks themselves are not).

    Curly and angle marks open and close; a straight double quote toggles; a blank
    line closes whatever is open. A coarse stand-in for saidwhat's own mark pairing
    (``marks.py``): pass ``ctx`` to :func:`doc_info` to use that instead.
    """
    inside = False
    out = []
    for t in doc:
        if "\n\n" in t.text_with_ws or (t.is_space and t.text.count("\n") >= 2):
            out.append(False)
            inside = False
            continue
        if t.text in _OPEN_MARKS:
            inside = True
        elif t.text in _CLOSE_MARKS:
            inside = False
        elif t.text in ('"', "''", "``"):
            inside = not inside
        else:
            out.append(inside)
            continue
        out.append(False)
    return out


def doc_info(doc: Doc, *, quoted: Callable[[int], bool] | Sequence[bool] | None = None,
             ctx=None) -> DocInfo:
    """Sentence numbers and quotation status for every token of ``doc``.

    Args:
        doc: A parsed Doc (sentence boundaries set).
        quoted: Token index -> inside quotation marks, or a list of bools; by default
            the runtime's marks when ``ctx`` is given, else :func:`quoted_mask`.
        ctx: The runtime's DocContext of ``doc`` (optional; recommended with
            :func:`views_from_entities`).
    """
    sent = [0] * len(doc)
    starts = []
    for k, s in enumerate(doc.sents):
        starts.append(s.start)
        for i in range(s.start, s.end):
            sent[i] = k
    if quoted is None and ctx is not None:
        mask = [bool(ctx.token_quoted(t)) for t in doc]
    elif quoted is None:
        mask = quoted_mask(doc)
    elif callable(quoted):
        mask = [bool(quoted(i)) for i in range(len(doc))]
    else:
        mask = list(quoted)
    return DocInfo(sent, starts or [0], mask, ctx)


def anaphor_kind(anaphor: Span) -> str | None:
    """'he', 'she', 'it', 'they' for a third-person pronoun, 'desc' for a definite
    description (a common-noun head), else None (not an anaphor this model handles)."""
    if len(anaphor) == 1 and anaphor[0].lower_ in PRONOUN_CLASS:
        return PRONOUN_CLASS[anaphor[0].lower_]
    head = anaphor.root
    if head.pos_ == "NOUN" or (head.pos_ not in ("PROPN", "PRON") and head.lower_ in ORG_NOUNS_V1 | PERSON_NOUNS_V1):
        return "desc"
    return None


def _noun_category(word: str) -> str | None:
    if word in ORG_NOUNS_V1:
        return "ORG"
    if word in PERSON_NOUNS_V1:
        return "PERSON"
    return None


def _words(text: str) -> set[str]:
    return {w.strip(".,;:'’\"()").lower() for w in text.replace("-", " ").split()} - {""}


def _title_part(role: str) -> str:
    """A role's title, before "of/for/at/with/in/who/which/that" ("minister" of
    "minister of finance"), as ``speaker_resolver._description`` reads it."""
    return re.split(r"\b(?:of|for|at|with|in|who|which|that)\b", role)[0]


def _is_subject(tok) -> bool:
    return tok.dep_ in _SUBJ or (tok.dep_ in ("appos", "conj", "compound") and tok.head.dep_ in _SUBJ)


def _clause_verb(tok):
    """The verb a nominal depends on, through a preposition ("gave it to him")."""
    h = tok.head
    if tok.dep_ == "pobj" and h.dep_ in ("prep", "dative", "agent"):
        h = h.head
    return h


def entity_gender(entity: EntityView) -> str | None:
    """'M' or 'F': the entity's own gender, else a clear majority (over 2:1) of the
    he/she pronouns the article used for it, else None."""
    if entity.gender:
        return entity.gender
    c = Counter()
    for w, n in entity.pronouns.items():
        c[PRONOUN_CLASS.get(str(w).lower())] += n
    he, she = c.get("he", 0), c.get("she", 0)
    if he > 2 * she:
        return "M"
    if she > 2 * he:
        return "F"
    return None


_CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}$")


def _plausible_person(name: str) -> bool:
    """False for a name no person has: an acronym, a dotted abbreviation, a weekday or
    month (``speaker_resolver._plausible_person``)."""
    if " " not in name and (name.isupper() or _ABBREVIATION.match(name)):
        return False
    return name.lower() not in _CALENDAR_WORDS


def compatible(kind: str, entity: EntityView, head_noun: str | None = None) -> bool:
    """Today's hard agreement rule, ``speaker_resolver._compatible`` on a view.

    he/she: a PERSON that can be a person (no acronym, abbreviation, weekday or month)
    whose gender (:func:`entity_gender`) does not conflict; it: an ORG, or a GPE the
    article already quotes; they: an ORG, GPE or NORP, or a PERSON of no known gender,
    one the article calls they, or a pair ("X and Y"); a description: the type its
    head noun names (lexicons' ORG/PERSON nouns), PERSON or ORG when it names none.
    """
    typ = entity.type
    if kind in ("he", "she", "it", "they") and getattr(entity, "entity", None) is not None:
        from .speaker_resolver import _compatible   # lazily: the resolver may import this module
        return _compatible(entity.entity, kind)   # the runtime's entity: the resolver's own test
    if kind in ("he", "she"):
        if typ != "PERSON" or not _plausible_person(entity.name):
            return False
        return entity_gender(entity) in (None, "M" if kind == "he" else "F")
    if kind == "it":
        return typ == "ORG" or (typ == "GPE" and entity.quotes > 0)
    if kind == "they":
        if typ == "PERSON":
            return entity_gender(entity) is None or " and " in entity.name or \
                entity.pronouns.get("they", 0) + entity.pronouns.get("them", 0) > 0
        return typ in ("ORG", "GPE", "NORP")
    cat = _noun_category(head_noun or "")
    if cat is None:
        return typ in ("PERSON", "ORG")
    return typ == cat


def _org_kinds():
    from .speaker_resolver import _ORG_KIND, _org_kind   # lazily: the resolver may import this module
    return _ORG_KIND, _org_kind


def _mention_subject(doc: Doc, entity: EntityView, s: int, e: int) -> bool:
    if entity.subjects is not None:
        return s in entity.subjects
    return _rule_subject(doc[s:e].root)


def pair_features(doc: Doc, anaphor: Span, entity: EntityView, rank: int, n_candidates: int, *,
                  info: DocInfo | None = None, compatible_rank: int | None = None,
                  rule_choice: bool = False, holder_latest: bool = False) -> list[float]:
    """The feature vector of one (anaphor, candidate entity) pair, in :data:`FEATURES` order.

    Args:
        doc: The parsed Doc holding the anaphor.
        anaphor: The pronoun or definite description (a Span of ``doc``).
        entity: The candidate; only its mentions that end at or before ``anaphor.start``
            count.
        rank: Recency rank of the candidate among all candidates of this anaphor
            (0 = the one mentioned most recently before the anaphor).
        n_candidates: How many candidates the anaphor has (>= 1).
        info: Per-Doc lookups from :func:`doc_info` (computed when None; pass it when
            scoring many pairs of one Doc).
        compatible_rank: Recency rank among the candidates that are
            :func:`compatible` with the anaphor (None: the entity is not compatible,
            or, when it is, ``rank`` is used).
        rule_choice: Whether today's rule (:func:`rule_choice`) picks this entity.
        holder_latest: For a description, whether the entity is the person holding
            its title named last before it (:func:`featurize` works it out).

    Returns:
        ``len(FEATURES)`` floats: indicators are 0/1, ``log_*`` are natural logs of
        1 + a count (sentences, tokens, rank, mentions).
    """
    info = info or doc_info(doc)
    kind = anaphor_kind(anaphor) or "desc"
    a0 = anaphor.start
    head = anaphor.root
    typ = entity.type
    f = dict.fromkeys(FEATURES, 0.0)
    f["kind_" + kind] = 1.0
    gender = entity_gender(entity)
    # type compatibility, per anaphor kind
    if kind in ("he", "she"):
        f["hs_person" if typ == "PERSON" else "hs_nonperson"] = 1.0
    elif kind == "it":
        f["it_org"] = float(typ == "ORG")
        f["it_gpe"] = float(typ == "GPE")
        f["it_person"] = float(typ == "PERSON")
    elif kind == "they":
        f["they_person"] = float(typ == "PERSON")
        f["they_group"] = float(typ in ("ORG", "GPE", "NORP"))
        f["they_one_gendered"] = float(typ == "PERSON" and gender is not None and " and " not in entity.name)
    else:
        cat = _noun_category(head.lemma_.lower()) or _noun_category(head.lower_)
        if cat and typ:
            ok = typ == cat or (cat == "ORG" and typ == "GPE") or (cat == "PERSON" and typ == "NORP")
            f["desc_cat_match" if ok else "desc_cat_conflict"] = 1.0
        elif typ:
            f["desc_nocat_person"] = float(typ == "PERSON")
            f["desc_nocat_org"] = float(typ == "ORG")
    f["type_unknown"] = float(typ is None)
    # gender and earlier pronouns
    if kind in ("he", "she") and gender:
        match = gender == ("M" if kind == "he" else "F")
        f["gender_match" if match else "gender_conflict"] = 1.0
        f["gender_strong_match"] = float(match and entity.gender_source in ("honorific", "role"))
        f["gender_pronoun_match"] = float(match and entity.gender_source == "pronoun")
    if kind != "desc" and entity.pronouns:
        seen = Counter()
        for w, n in entity.pronouns.items():
            seen[PRONOUN_CLASS.get(str(w).lower(), str(w).lower())] += n
        if seen.get(kind):
            f["pron_same"] = 1.0
        elif any(seen.values()):
            f["pron_other"] = 1.0
    ana_number = {"he": "sg", "she": "sg", "it": "sg", "they": "pl"}.get(kind)
    if kind == "desc":
        ana_number = "pl" if head.tag_ in ("NNS", "NNPS") else "sg"
    if entity.number and ana_number and entity.number != ana_number:
        f["number_conflict"] = 1.0
    # the nearest earlier mention
    prior = [m for m in entity.mentions if m[1] <= a0]
    a_sent = info.sent[a0]
    a_quoted = info.quoted[a0]
    if prior:
        s, e, _ = max(prior, key=lambda m: (m[1], m[0]))
        span = doc[s:e]
        root = span.root
        sd = a_sent - info.sent[s]
        f["log_sent_dist"] = math.log1p(min(sd, _SENT_CAP))
        f["same_sentence"] = float(sd == 0)
        f["log_token_dist"] = math.log1p(min(a0 - e, _TOKEN_CAP))
        f["nearest_subject"] = float(_mention_subject(doc, entity, s, e))
        ss = info.sent_start[info.sent[s]]
        f["nearest_first_np"] = float(not any(t.pos_ in _CONTENT_POS for t in doc[ss:s]))
        f["nearest_poss"] = float(root.dep_ == "poss")
        f["nearest_obj"] = float(root.dep_ in ("dobj", "pobj", "dative"))
        f["nearest_quoted"] = float(info.quoted[s])
        f["quote_mismatch"] = float(info.quoted[s] != a_quoted)
        f["subject_recent"] = float(any(a_sent - info.sent[m[0]] <= 2 and _mention_subject(doc, entity, m[0], m[1])
                                        for m in prior))
        if kind != "desc":
            f["parallel_subject"] = float(_is_subject(head) and _is_subject(root))
            # "Smith praised him": a pronoun object is not its own clause's subject
            if head.dep_ in _OBJ and head.dep_ != "attr":
                verb = _clause_verb(head)
                f["binding_conflict"] = float(any(
                    info.sent[m[0]] == a_sent and doc[m[0]:m[1]].root.dep_ in _SUBJ
                    and doc[m[0]:m[1]].root.head == verb for m in prior))
    else:
        f["log_sent_dist"] = math.log1p(_SENT_CAP)
        f["log_token_dist"] = math.log1p(_TOKEN_CAP)
    f["recency_first"] = float(rank == 0)
    f["log_rank"] = math.log1p(rank)
    f["log_mentions"] = math.log1p(len(prior))
    head_noun = head.lemma_.lower() if kind == "desc" else None
    if compatible(kind, entity, head_noun):
        crank = rank if compatible_rank is None else compatible_rank
        f["compatible"] = 1.0
        f["compat_first"] = float(crank == 0)
        f["log_compat_rank"] = math.log1p(crank)
    f["rule_choice"] = float(rule_choice)
    unquoted = [m for m in prior if not info.quoted[m[0]]]
    if unquoted:
        s, e, _ = max(unquoted, key=lambda m: (m[1], m[0]))
        f["nearest_unquoted_subject"] = float(_mention_subject(doc, entity, s, e))
    if kind == "desc":
        name_words = _words(entity.name)
        role_words = set().union(*(_words(r) for r in entity.roles)) if entity.roles else set()
        title_words = set().union(*(_words(_title_part(r)) for r in entity.roles)) if entity.roles else set()
        lemma, low = head.lemma_.lower(), head.lower_
        f["head_in_name"] = float(lemma in name_words or low in name_words)
        f["head_in_role"] = float(lemma in role_words or low in role_words)
        f["head_in_title"] = float(typ == "PERSON" and (lemma in title_words or low in title_words))
        f["holder_latest"] = float(holder_latest)
        f["head_title_word_person"] = float(typ == "PERSON" and lemma in TITLE_WORDS_V1)
        mods = {t.lower_ for t in anaphor if t.i != head.i and t.pos_ in ("ADJ", "NOUN", "PROPN")}
        f["modifier_in_name_or_role"] = float(bool(mods & (name_words | role_words)))
        f["has_modifier"] = float(bool(mods))
        if typ == "ORG":
            org_kind_of_noun, org_kind = _org_kinds()
            want, have = org_kind_of_noun.get(low) or org_kind_of_noun.get(lemma), org_kind(entity.name)
            if want and have:
                f["org_kind_match" if want == have else "org_kind_conflict"] = 1.0
        f["desc_plural_one"] = float(ana_number == "pl" and typ == "PERSON" and " and " not in entity.name)
    if kind == "they":
        f["they_number_conflict"] = f["number_conflict"]
    elif kind == "desc":
        f["desc_log_sent_dist"] = f["log_sent_dist"]
        f["desc_recency_first"] = f["recency_first"]
        f["desc_nearest_subject"] = f["nearest_subject"]
    return [f[k] for k in FEATURES]


@dataclass(frozen=True)
class Weights:
    """A logistic regression over :data:`FEATURES`: P(antecedent) = sigmoid(w·x + b)."""

    coef: tuple[float, ...]
    intercept: float
    metadata: dict


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    """The packaged weights (``saidwhat/data/antecedent_model.json``), read once.

    Raises:
        ValueError: When the file's feature names differ from :data:`FEATURES`.
    """
    raw = json.loads(resources.files("saidwhat").joinpath("data", MODEL_RESOURCE).read_text("utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise ValueError(f"{MODEL_RESOURCE}: feature names do not match antecedents.FEATURES")
    return Weights(tuple(float(c) for c in raw["coef"]), float(raw["intercept"]), raw.get("metadata", {}))


def score(features: Sequence[float], *, weights: Weights | None = None) -> float:
    """The probability (0–1) that a pair is anaphor and antecedent.

    Args:
        features: A vector from :func:`pair_features`.
        weights: Defaults to the packaged model (:func:`load_weights`).
    """
    w = weights or load_weights()
    z = w.intercept + sum(c * x for c, x in zip(w.coef, features))
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


def _last_end(entity: EntityView, before: int) -> int:
    return max((e for _, e, _ in entity.mentions if e <= before), default=-1)


def _rule_subject(tok) -> bool:
    """ArticleEntities' salient subject: nsubj/nsubjpass, or an apposition, conjunct,
    compound or possessor of one."""
    return tok.dep_ in _SUBJ or (tok.dep_ in ("appos", "conj", "compound", "poss") and tok.head.dep_ in _SUBJ)


def _holders(doc: Doc, anaphor: Span, entities: Sequence[EntityView]) -> list[tuple[int, EntityView]]:
    """(latest mention start, entity) of the people whose title names the description's
    head noun ("Mayor Helena Brandt" for "the mayor"), as ``_description`` finds them."""
    noun = anaphor.root.lower_
    pattern = re.compile(rf"\b{re.escape(noun)}\b", re.I)
    out = []
    for v in entities:
        last = max((s for s, e, _ in v.mentions if e <= anaphor.start), default=-1)
        if v.type == "PERSON" and last >= 0 and any(pattern.search(_title_part(r)) for r in v.roles):
            out.append((last, v))
    return out


def _missed_subject(doc: Doc, anaphor: Span, info: DocInfo):
    """A capitalised proper-noun subject NER did not tag, outside quotes, from the start
    of the sentence before the description (``_unrecognised_subject_token``)."""
    ctx = info.ctx
    a_char = anaphor.start_char
    if ctx is not None:
        lo = ctx.sentence_start_before(max(0, ctx.sentence_start_before(a_char) - 1))
        toks = ctx.tokens_in(lo, a_char)
    else:
        k = info.sent[anaphor.start]
        toks = doc[info.sent_start[max(0, k - 1)]:anaphor.start]
    found = None
    for t in toks:
        if not t.ent_type_ and t.pos_ == "PROPN" and t.dep_ in _SUBJ and t.text[:1].isupper() \
                and not t.text.isupper() and not info.quoted[t.i] \
                and not (ctx is not None and ctx.skipped(t.idx)):
            found = t
    return found


def pronoun_pick(doc: Doc, near: list, a0: int, info: DocInfo, kind: str, fits) -> EntityView | None:
    """The last loop of ``speaker_resolver._pronoun`` on views: of the mentions
    ``near`` (``(char, token start, token end, view)``, nearest first), the views
    ``fits(kind, view)`` accepts, clause subjects first (a second pass takes any
    mention); "it" puts organisations first; the pick maximises ``-rank + 0.5 *
    log2(1 + mentions before token ``a0`` outside quotes)``. None when none fits."""
    for subjects_only in (True, False):
        found: list[EntityView] = []
        for _, s, e, v in near:
            if (not subjects_only or _mention_subject(doc, v, s, e)) and fits(kind, v) \
                    and all(v is not f for f in found):
                found.append(v)
        if kind == "it":
            found.sort(key=lambda v: v.type != "ORG")
        if found:
            return max(enumerate(found), key=lambda iv: -iv[0] + 0.5 * math.log2(
                1 + sum(1 for s, e, _ in iv[1].mentions if e <= a0 and not info.quoted[s])))[1]
    return None


def rule_choice(doc: Doc, anaphor: Span, entities: Iterable[EntityView], *, info: DocInfo | None = None,
                window: int | None = None) -> EntityView | None:
    """Today's rule-based choice among ``entities``: the last loop of
    ``speaker_resolver._pronoun`` and the core of ``_description`` (without the
    article's quotations, so without "he added" straight after a quote by X), used as
    the baseline and as the feature ``rule_choice``.

    Pronoun: the entities :func:`compatible` with it (``_compatible``), by their
    mentions outside quotes that start within 1,500 characters before it, nearest
    first, clause subjects first (a second pass takes any mention); ``it`` puts
    organisations first; the pick maximises ``-rank + 0.5 * log2(1 + mentions so far
    outside quotes)``. Description: of the people whose title (a role before
    "of/for/at/with/in/who/which/that") holds the head noun, the one named last; else
    an organisation named within 3,000 characters whose name holds it; else the
    nearest subject within 600 characters of the type the noun names (PERSON/ORG when
    none; an organisation of another kind, "the company" for a ministry, does not
    fit), unless a proper-noun subject NER missed comes after it; else for a person
    noun that is no title the latest person named within 1,500 characters. None when
    nothing fits. ``window`` (sentences) is accepted for compatibility and ignored.
    """
    info = info or doc_info(doc)
    ents = list(entities)
    a0, a_char = anaphor.start, anaphor.start_char
    prior = sorted(((doc[s].idx, s, e, v) for v in ents for s, e, _ in v.mentions
                    if e <= a0 and not info.quoted[s]), key=lambda m: (-m[0], -m[2]))   # nearest first

    def within(chars):
        return [m for m in prior if a_char - m[0] <= chars]
    kind = anaphor_kind(anaphor) or "desc"
    if kind != "desc":
        return pronoun_pick(doc, within(PRONOUN_WINDOW_CHARS), a0, info, kind, compatible)
    noun = anaphor.root.lower_
    cat = _noun_category(noun)
    if cat != "ORG":
        holders = _holders(doc, anaphor, ents)
        if holders:
            return max(holders, key=lambda h: h[0])[1]
    pattern = re.compile(rf"\b{re.escape(noun)}\b", re.I)
    for _, s, e, v in within(DOCUMENT_WINDOW_CHARS):
        if v.type == "ORG" and pattern.search(v.name):
            return v
    org_kind_of_noun, org_kind = _org_kinds()
    want = org_kind_of_noun.get(noun)

    def fits(v):
        if v.type == "ORG" and want is not None and org_kind(v.name) not in (None, want):
            return False
        return cat is None and v.type in ("PERSON", "ORG") or v.type == cat
    missed = _missed_subject(doc, anaphor, info) if cat != "ORG" else None
    for p, s, e, v in within(NEAR_SUBJECT_CHARS):
        if _mention_subject(doc, v, s, e) and fits(v):
            if missed is not None and missed.idx > p:
                break
            return v
    if missed is not None:
        hit = next((v for v in ents if v.type == "PERSON" and missed.text in v.name.split()), None)
        return hit   # the runtime takes the missed name, a candidate or not
    if cat == "PERSON" and noun not in TITLE_WORDS_V1:
        for _, s, e, v in within(PRONOUN_WINDOW_CHARS):
            if v.type == "PERSON":
                return v
    return None


def featurize(doc: Doc, anaphor: Span, entities: Iterable[EntityView], *,
              info: DocInfo | None = None) -> list[tuple[EntityView, int, list[float]]]:
    """(entity, recency rank, feature vector) for every candidate, in recency order.

    The recency rank is the candidate's position when the candidates are ordered by
    their latest mention ending at or before the anaphor (most recent first; an
    entity with no earlier mention comes last).
    """
    ents = list(entities)
    info = info or doc_info(doc)
    order = sorted(range(len(ents)), key=lambda k: -_last_end(ents[k], anaphor.start))
    kind = anaphor_kind(anaphor) or "desc"
    head_noun = anaphor.root.lemma_.lower() if kind == "desc" else None
    chosen = rule_choice(doc, anaphor, ents, info=info)
    holder = None
    if kind == "desc":
        holders = _holders(doc, anaphor, ents)
        holder = max(holders, key=lambda h: h[0])[1] if holders else None
    out, crank = [], 0
    for r, k in enumerate(order):
        ok = compatible(kind, ents[k], head_noun)
        out.append((ents[k], r, pair_features(doc, anaphor, ents[k], r, len(ents), info=info,
                                              compatible_rank=crank if ok else None,
                                              rule_choice=ents[k] is chosen,
                                              holder_latest=ents[k] is holder)))
        crank += ok
    return out


def rank(doc: Doc, anaphor: Span, entities: Iterable[EntityView], *, info: DocInfo | None = None,
         weights: Weights | None = None) -> list[tuple[EntityView, float]]:
    """Rank candidate antecedents of ``anaphor``, best first.

    Pass only the entities the anaphor may refer to: the model was trained with the
    entities named within the ten sentences before the anaphor (:func:`candidates`).
    The probabilities are per pair, not normalised over the candidates; a low best
    score means no candidate is likely.

    Args:
        doc: The parsed Doc.
        anaphor: A third-person pronoun or definite description, a Span of ``doc``.
        entities: The candidate entities.
        info: Per-Doc lookups from :func:`doc_info` (computed when None).
        weights: Defaults to the packaged model.

    Returns:
        (entity, probability 0–1) pairs, highest first; ties keep recency order.
    """
    scored = [(e, score(x, weights=weights), r) for e, r, x in featurize(doc, anaphor, entities, info=info)]
    scored.sort(key=lambda t: (-t[1], t[2]))
    return [(e, p) for e, p, _ in scored]


def choose(doc: Doc, anaphor_span: Span, views: Iterable[EntityView], *, min_prob: float = 0.5,
           info: DocInfo | None = None, weights: Weights | None = None,
           window: int = CANDIDATE_SENTENCES) -> EntityView | None:
    """The antecedent of ``anaphor_span``: the best-ranked candidate when its
    probability is at least ``min_prob``, else None.

    ``views`` may be all the article's entities (e.g. :func:`views_from_entities`);
    they are narrowed to the :func:`candidates` (named within ``window`` sentences
    before the anaphor) first. Precision and coverage on GUM dev per threshold:
    ``docs/antecedents.md``.

    Args:
        doc: The parsed Doc.
        anaphor_span: A third-person pronoun or definite description (a Span of ``doc``).
        views: Candidate entities.
        min_prob: Lowest probability accepted (0 accepts any best candidate).
        info: Per-Doc lookups from :func:`doc_info` (computed when None; pass it, built
            with ``ctx=``, when choosing for many anaphors of one Doc).
        weights: Defaults to the packaged model.
        window: Candidate window in sentences.
    """
    info = info or doc_info(doc)
    if anaphor_kind(anaphor_span) is None:
        return None
    cands = candidates(views, anaphor_span, info, window=window)
    if not cands:
        return None
    best, p = rank(doc, anaphor_span, cands, info=info, weights=weights)[0]
    return best if p >= min_prob else None


def views_from_entities(doc: Doc, index, before_char: int | None = None) -> list[EntityView]:
    """The runtime's entities (:class:`~saidwhat.pipeline.entities.ArticleEntities`) as
    :class:`EntityView` objects, as known before character ``before_char``.

    Each entity of ``index.unique()`` with a named mention (kind ``"name"`` or
    ``"alias"``, outside quotes and captions, as the index keeps them) that ends at or
    before ``before_char`` becomes one view: those mentions as token spans
    (``doc.char_span(..., alignment_mode="expand")``), which of them are clause
    subjects (the index's salience 2), and the entity's type, gender and its source,
    roles (``role`` and ``roles``: titles and appositions), pronouns, number ('sg' one
    person, 'pl' a group, None an organisation or place) and quotations so far.
    Pronoun and description mentions the resolver linked are left out (they are not
    named mentions). Entities with no such mention are left out.

    Args:
        doc: The parsed Doc the index was built on.
        index: The article's ArticleEntities.
        before_char: Character offset of the anaphor (None: the whole article).
    """
    lim = len(doc.text) + 1 if before_char is None else before_char
    salience = {pos: subj for pos, _, subj in index.mentions}
    out = []
    for ent in index.unique():
        spans, subjects = [], set()
        for m in sorted(ent.mentions, key=lambda m: m.start):
            if m.kind not in ("name", "alias") or m.end > lim:
                continue
            sp = doc.char_span(m.start, m.end, alignment_mode="expand")
            if sp is None or not len(sp):
                continue
            if spans and spans[-1][0] == sp.start:
                continue
            spans.append((sp.start, sp.end, m.kind == "name"))
            if salience.get(m.start) == 2:
                subjects.add(sp.start)
        if not spans:
            continue
        out.append(EntityView(
            name=ent.name, type=ent.type, gender=ent.gender,
            number={"one": "sg", "group": "pl"}.get(ent.number),
            pronouns=Counter(ent.pronouns), roles=list(dict.fromkeys(r for r in (ent.role, *ent.roles) if r)),
            mentions=spans, gender_source=ent.gender_source, quotes=ent.quotes,
            subjects=frozenset(subjects), entity=ent))
    return out


# --- a reference builder of EntityViews from NER (used for training; the runtime may
# --- map its own entity index instead, with the same field meanings)

_NER_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_GENDERED = {"he": "he", "his": "he", "him": "he", "she": "she", "her": "she"}


@dataclass
class _Entry:
    key: str
    labels: Counter = field(default_factory=Counter)
    mentions: list[tuple[int, int, bool]] = field(default_factory=list)
    roles: list[tuple[int, str]] = field(default_factory=list)       # (token end, role)
    evidence: list[tuple[int, str]] = field(default_factory=list)    # (token index, pronoun)
    type: str | None = None
    gender: str | None = None
    number: str | None = None


def _roles_of(span: Span) -> list[str]:
    """Titles before a name ("Finance Minister Jane Roe", "NASA Administrator ...") and
    appositions ("Jane Roe, the finance minister,") of one NER mention."""
    doc = span.doc
    out = []
    i = span.start
    while i < span.end - 1 and doc[i].lower_.rstrip(".") in TITLE_WORDS_V1:
        i += 1
    if i > span.start:
        out.append(doc[span.start:i].text)
    j = span.start
    while j > 0 and not doc[j - 1].is_punct and doc[j - 1].dep_ in ("compound", "amod", "nmod") \
            and span.start <= doc[j - 1].head.i < span.end:
        j -= 1
    if j < span.start:
        out.append(doc[j:span.start].text)
    root = span.root
    for ch in root.children:
        if ch.dep_ == "appos" and not (span.start <= ch.i < span.end):
            toks = [t for t in ch.subtree][:8]
            out.append(doc[toks[0].i:toks[-1].i + 1].text)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        h = root.head
        out.append(doc[h.left_edge.i:h.i + 1].text)
    return out


class EntityTable:
    """The article's named entities from NER, grouped by name, with positioned evidence,
    so that :meth:`views` can give each entity as known before a given token.

    Grouping: NER spans labelled PERSON, ORG, GPE, NORP, FAC or LOC, by normalised
    name (``speaker_resolver.normalize_name``); a one-word name joins the longer name
    that ends with it (a surname), else one that starts with it, else the name it is
    the acronym of. Single capitalised tokens NER missed that equal a person's
    surname are added as mentions. Type: ``speaker_detector.guess_name_type`` of the
    name and the majority NER label; gender: the given name's
    (``first_name_gender``); number: 'sg' for people and places, 'pl' for NORP, for
    organisations 'pl' when the name's head is a plural proper noun, else None.
    Pronoun evidence: in a sentence whose only entity named outside quotes is the
    entity, as a clause subject, the pronouns after it outside quotes (he/she words
    for people, it/they words for the rest).

    Args:
        doc: A parsed Doc with ``doc.ents``.
        info: Per-Doc lookups (:func:`doc_info`).
    """

    def __init__(self, doc: Doc, info: DocInfo | None = None) -> None:
        from .speaker_detector import first_name_gender, guess_name_type, is_known_first_name
        from .speaker_resolver import normalize_name

        self.doc = doc
        self.info = info = info or doc_info(doc)
        spans = []
        for ent in doc.ents:
            if ent.label_ not in _NER_LABELS:
                continue
            name = normalize_name(ent.text.strip().split("\n", 1)[0])
            if name and not name.islower() and any(ch.isalpha() for ch in name):
                spans.append((ent, name))
        names = Counter(n for _, n in spans)
        multi = [n for n in names if len(n.split()) >= 2]

        def expand(n: str) -> str:
            if len(n.split()) >= 2:
                return n
            low = n.lower()
            ends = [m for m in multi if m.split()[-1].lower() == low]
            if ends:
                return max(ends, key=lambda m: (is_known_first_name(m.split()[0]), names[m], len(m)))
            starts = [m for m in multi if m.lower().startswith(low + " ")]
            if starts:
                return max(starts, key=lambda m: (names[m], len(m)))
            acr = [m for m in multi if "".join(w[0] for w in m.split() if w[0].isupper()) == n]
            return acr[0] if acr else n

        self.entries: dict[str, _Entry] = {}
        tagged = set()
        for ent, name in spans:
            key = expand(name)
            entry = self.entries.setdefault(key, _Entry(key))
            entry.labels[ent.label_] += 1
            entry.mentions.append((ent.start, ent.end, True))
            tagged.update(range(ent.start, ent.end))
            if ent.label_ in ("PERSON", "ORG"):
                entry.roles.extend((ent.end, r) for r in _roles_of(ent))
        for entry in self.entries.values():
            label = entry.labels.most_common(1)[0][0]
            entry.type = guess_name_type(entry.key, label)
            words = entry.key.split()
            if entry.type == "PERSON" and len(words) >= 2:
                entry.gender = first_name_gender(words[0])
            entry.number = {"PERSON": "sg", "GPE": "sg", "NORP": "pl"}.get(entry.type)
            if entry.type == "ORG" and all(doc[e - 1].tag_ == "NNPS" for _, e, _ in entry.mentions):
                entry.number = "pl"
        # surnames NER missed
        surnames: dict[str, _Entry | None] = {}
        for entry in self.entries.values():
            words = entry.key.split()
            if entry.type == "PERSON" and len(words) >= 2 and len(words[-1]) >= 2:
                s = words[-1]
                surnames[s] = None if surnames.get(s, entry) is not entry else entry
        for t in doc:
            entry = surnames.get(t.text)
            if entry is not None and t.i not in tagged and t.text[:1].isupper():
                entry.mentions.append((t.i, t.i + 1, True))
        for entry in self.entries.values():
            entry.mentions.sort()
        self._evidence()

    def _evidence(self) -> None:
        doc, info = self.doc, self.info
        by_sent: dict[int, list[tuple[_Entry, int, int]]] = {}
        for entry in self.entries.values():
            for s, e, _ in entry.mentions:
                if not info.quoted[s]:
                    by_sent.setdefault(info.sent[s], []).append((entry, s, e))
        for k, ms in by_sent.items():
            if len({id(m[0]) for m in ms}) != 1:
                continue
            entry = ms[0][0]
            subj = [e for _, s, e in ms if _is_subject(doc[s:e].root)]
            if not subj:
                continue
            end = info.sent_start[k + 1] if k + 1 < len(info.sent_start) else len(doc)
            for t in doc[subj[0]:end]:
                w = t.lower_
                if info.quoted[t.i] or w not in PRONOUN_CLASS:
                    continue
                if (entry.type == "PERSON") == (PRONOUN_CLASS[w] in ("he", "she")):
                    entry.evidence.append((t.i, w))

    def views(self, before: int | None = None) -> list[EntityView]:
        """Every entity as known before token ``before`` (all of the Doc when None):
        roles and pronoun evidence from before it; ``mentions`` are all mentions (the
        features use only those that end at or before the anaphor)."""
        lim = len(self.doc) + 1 if before is None else before
        out = []
        for entry in self.entries.values():
            out.append(EntityView(
                name=entry.key, type=entry.type, gender=entry.gender, number=entry.number,
                pronouns=Counter(w for i, w in entry.evidence if i < lim),
                roles=list(dict.fromkeys(r for e, r in entry.roles if e <= lim)),
                mentions=list(entry.mentions)))
        return out


def entity_views(doc: Doc, *, before: int | None = None, info: DocInfo | None = None) -> list[EntityView]:
    """The article's entities from NER as :class:`EntityView` objects (see
    :class:`EntityTable` for how names are grouped and typed).

    Args:
        doc: A parsed Doc with ``doc.ents``.
        before: Token index; roles and pronoun evidence are taken from before it.
        info: Per-Doc lookups (:func:`doc_info`).
    """
    return EntityTable(doc, info).views(before)


def candidates(entities: Iterable[EntityView], anaphor: Span, info: DocInfo, *,
               window: int = CANDIDATE_SENTENCES) -> list[EntityView]:
    """The entities with a mention that ends at or before ``anaphor`` and starts at most
    ``window`` sentences before the anaphor's sentence (the candidate set the model
    was trained with)."""
    a0, a_sent = anaphor.start, info.sent[anaphor.start]
    return [e for e in entities
            if any(end <= a0 and a_sent - info.sent[s] <= window for s, end, _ in e.mentions)]
