"""saidwhat.pipeline.entities: the article's entities, the stage between detection and resolution.

Every mention of a person, organisation or place in one article is grouped into
:class:`Entity` objects:

* named mentions: NER spans (PERSON, ORG, GPE, NORP, FAC, LOC), and single capitalised
  tokens NER missed that repeat a name it found (a surname, an acronym, a known short
  form);
* short forms are aliases of the fullest form the article gives: a surname or the last
  part of a hyphenated surname ("Iweala" -> "Ngozi Okonjo-Iweala"), the first word of
  an organisation's name ("Amnesty"), an acronym ("EDC" <-> "Export Development
  Canada"); a surname two people share ("Karlsson") goes to the one of them the
  article named last (:meth:`ArticleEntities.get_at`);
* titles and role words stay outside the name ("Striker Marcus Vale" -> name "Marcus
  Vale", role "Striker"), hyphenated and particle names stay whole ("Galbraith-Marten",
  "de la Cruz", "bin Salman");
* pronouns and descriptions are linked to an entity by the speaker resolver
  (:mod:`.speaker_resolver`), which adds them as mentions (:meth:`ArticleEntities.link`).

Each entity has a canonical ``name``, a ``type``, ``aliases``, a ``number`` (``"one"``
person, a ``"group"``, an ``"organisation"``), the ``pronouns`` the article uses for
it, its ``roles`` (titles, appositions) and a ``gender`` with its source: honorifics
("Mr", "Ms", "Sir", "Dame") and gendered role nouns ("chairwoman", "mother") first,
then the given-name table, then the article's own pronouns. :meth:`ArticleEntities.records`
gives them as :class:`saidwhat.model.EntityRecord` with ids ``"E1"``, ``"E2"``, ...
in order of first mention: the ``speaker_id`` of every quotation record, and
``doc._.entities`` on a Doc run through the ``saidwhat`` component.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from ..model import EntityRecord
from .context import LEGAL_FORMS, DocContext, title_case
from .paragraphs import breaks_paragraph_in
from .lexicons import (BODY_HEAD_NOUNS, COMPANY_TRADE_NOUNS_V1, COURTESY_TITLES_V1, DEMONYM_NOUNS_V1, EAST_ASIAN_FAMILY_NAMES_V1,
                       ELIDED_SURNAME,
                       GROUP_NOUNS_V1, HYPHENS,
                       NAME_PARTICLES_V1, ORG_NOUNS_V2, PERSON_NOUNS_V1, PERSON_NOUNS_V2,
                       PERSONAL_TITLES_V1, POST_NOMINALS_V1, REPORTING_VERBS_V1, TITLE_MODIFIERS_V1,
                       TITLE_WORDS_V1)
from . import given_names
from .speaker_detector import (_ORG_NAME_WORDS, ROMANISED_GIVEN, _whole_org_name, name_possessive, first_name_gender, guess_name_type,
                               is_known_first_name, occupation_before_name)

_POSS = re.compile(r"(?:'s|’s|‘s|'|’)$")   # ‘s: a possessive typed with the opening mark
#: A nickname in quotation marks inside a full name ('Roberto “Bobby” Castellanos',
#: 'Manuel “Manny” Bonoan'): no part of the name's canonical form (as GGT's annotators
#: write the name), kept as an alias of it.
_NICKNAME = re.compile(r"(?<=\S) [“\"‘'](?P<nick>(?:the )?[A-Z][\w.'’-]{0,20}(?: [A-Z][\w.'’-]{0,20})?|[a-z0-9][\w.]{1,19})[”\"’'] "
                       r"(?=[A-ZÀ-ÖØ-Þ]|(?:" + "|".join(sorted(NAME_PARTICLES_V1)) + r") )")
_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_GENDER_PRON = {"he": "M", "him": "M", "his": "M", "himself": "M",
                "she": "F", "her": "F", "hers": "F", "herself": "F"}


#: Latin American and Philippine degree titles written with a full stop before a name
#: ("Ing.", "Lic.", "Arq.", "Engr."); "Ing" without its stop is the bank ING.
_DOTTED_TITLES = frozenset("Ing. Lic. Licda. Arq. Engr.".split())

#: A photo credit NER ran into the name after it ("The Canadian Press Paul Carver, chief ...").
_CREDIT = re.compile(r"^(?:The )?(?:Canadian|Associated) Press (?=[A-Z])")
_GIVEN_AND_SURNAME = re.compile(r"[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")   # ("Okonkwo-Sims")
_PLACE_WORDS = frozenset("""city county island islands lake river bay park street valley beach
falls heights hills mountain mountains springs township village harbour harbor port point""".split())


def normalize_name(name: str, label: str | None = None) -> str:
    """Strip possessives, a leading 'the', leading titles ("Glaciologist Sara Lindt",
    "Dr. Matthew Bowes", "Striker Vale") and surrounding punctuation. Titles are
    kept in an organisation's or place's name (``label`` ORG, GPE, FAC, LOC:
    "Federal Aviation Administration") and where the word is also a given name
    ("Dean Smith")."""
    name = name.rsplit("/", 1)[-1]   # photo credits: "Instagram/Darian Lonechild"
    name = "".join(ch for ch in name if ch not in "\u200b\u200c\u200d\ufeff\u00ad")
    name = _POSS.sub("", name.strip()).strip(" ,.;:()[]\"“”‘’'")
    name = _NICKNAME.sub(" ", name)
    if "(" in name and ")" not in name:
        name = name.split("(")[0].strip()   # "... of the Homeland (CNSP": NER stopped inside the brackets
    parts = name.split()
    while parts and not any(ch.isalnum() for ch in parts[-1]):   # symbols; "CUPE Local 1104" keeps its number
        parts.pop()
    while len(parts) > 2 and parts[-1][:1].isupper() and parts[-1].replace(".", "").lower() in POST_NOMINALS_V1:
        parts.pop()   # "Owen Llewellyn-Price KC": post-nominal letters are no part of the name
    name = " ".join(parts)
    if name.lower().startswith("the "):
        name = name[4:]
    parts = name.split()
    if len(parts) >= 2 and parts[0] == "Sri" and parts[1] in ("Lanka", "Lankan"):
        return name   # "Sri Lanka Cricket": the country's name, not the honorific "Sri"
    while len(parts) > 2 and parts[0] in _DOTTED_TITLES:
        parts = parts[1:]   # "Ing. María Guadalupe Santiago Ruiz": a degree title, written with its stop
    if len(parts) >= 3 and parts[0] in ("Don", "Dom") and is_known_first_name(parts[1]) and label in (None, "PERSON"):
        parts = parts[1:]   # "Don Rodrigo Antonio Valdivieso Montt": the Spanish and Portuguese honorific
    name = " ".join(parts)
    whole = list(parts)
    if " of " in " ".join(parts) and is_known_first_name(parts[0]) \
            and len(" ".join(parts).split(" of ")[0].split()) in (2, 3) \
            and " ".join(parts).split(" of ")[0].split()[-1].lower() not in _ORG_NAME_WORDS:   # "Royal College of Nursing"
        parts = " ".join(parts).split(" of ")[0].split()   # "Claire Donnelly of Barrowfield Securities"
        label = "PERSON"
    last_title = max((k for k, w in enumerate(parts[:-2]) if w.lower().rstrip(".") in TITLE_WORDS_V1), default=-1)
    if label in (None, "PERSON") and last_title >= 0 and (
            is_known_first_name(parts[last_title + 1]) or last_title >= 1 and parts[last_title][:1].isupper()
            and all(w[:1].isupper() and w.lower() not in _ORG_NAME_WORDS for w in parts[last_title + 1:])):
        # "Northvale President and CEO Gregory Almasi"; a person's name the table does not
        # know after a capitalised title ("Agriculture Minister Shivraj Chauhan Rathore")
        parts = parts[last_title + 1:]
    if label in ("ORG", "GPE") and len(parts) >= 4:
        # "Ontario MPP Gilles Fortier", "Glendale Mayor Pro Tem Sonia Arakelian" (NER's ORG):
        # a place, a title and a person's name that a known given name or an initial opens
        # ("District Collector K. Meenakshi Sundaram")
        k = max((k for k, w in enumerate(parts[:-2]) if w.lower().rstrip(".") in TITLE_WORDS_V1
                 and (w.isupper() or w[:1].isupper() and k >= 1)), default=-1)
        rest = parts[k + 1:]
        if k >= 1 and len(rest) in (2, 3) and (
                is_known_first_name(rest[0]) or given_names.is_attested_given_name(rest[0])
                or re.fullmatch(r"[A-Z]\.", rest[0]) or parts[k].isupper() and len(rest) == 2
                and all(w[1:].islower() and w.isalpha() for w in rest)) \
                and all(w[:1].isupper() and w.lower() not in _ORG_NAME_WORDS and w.lower().rstrip(".") not in TITLE_WORDS_V1
                        for w in rest) and (parts[k].isupper() or is_known_first_name(rest[0])
                                            or not any(w.lower() in _ORG_NAME_WORDS for w in parts[:k + 1])):
            # (a title in capitals may follow a portfolio: "Gauteng Health MEC Thandi Mokoena")
            parts, label = rest, "PERSON"
    while len(parts) > 2 and not (parts[0].lower() in TITLE_MODIFIERS_V1 and not any(
            w.lower().rstrip(".") in TITLE_WORDS_V1 and w.lower() not in TITLE_MODIFIERS_V1 for w in parts[1:])) \
            and (parts[0].lower().rstrip(".") in TITLE_WORDS_V1 or _is_role_word(parts[0])
                              or parts[0].lower() in PERSON_NOUNS_V2 and parts[0][:1].isupper()
                              and is_known_first_name(parts[1]) and not is_known_first_name(parts[0])
                              or occupation_before_name(parts[0], parts[1], len(parts) - 1)
                              and (label == "PERSON" or not any(w.lower() in _ORG_NAME_WORDS for w in parts))):
        parts = parts[1:]   # "Glaciologist Sara Lindt", "Logger Owen Marsh"
    k = next((k for k in range(1, len(parts) - 1) if is_known_first_name(parts[k])), 0)
    if k and len(parts) - k in (2, 3) and all(_swept_before_name(w) for w in parts[:k]) \
            and all(w[:1].isupper() and w.lower() not in _ORG_NAME_WORDS for w in parts[k:]):
        # words NER swept into a person's name before the given name: a nationality, a
        # role or a title, even one the table knows as a given name ("the American Kelsey
        # Brandt", "Star Jenna Kowalczyk", "Elder Thomas Sainnawap")
        parts, label = parts[k:], "PERSON"
    personal = len(whole) in (3, 4) and whole[0].lower().rstrip(".") in PERSONAL_TITLES_V1 \
        and len(parts) == len(whole) - 1 \
        and all(w[:1].isupper() for w in parts) and not any(w.lower() in _ORG_NAME_WORDS for w in parts)
    if len(parts) == 2 and parts[0].lower().rstrip(".") in ("mr", "mrs", "ms", "miss", "sir", "dame", "dr", "prof",
                                                             "madam", "madame") \
            and parts[1][:1].isupper() and parts[1].lower() not in _ORG_NAME_WORDS:
        return parts[1]   # "Ms Holt", "Sir Henry", which NER may tag ORG: a courtesy title is only a person's
    # "Prince Rupert Port Authority": a title word before a given name opens no person's
    # name when an organisation word follows
    # a person's role noun or occupation NER swept into an organisation's name
    # ("Striker Chidi Okafor", "Hawker Lim Boon Keng", tagged ORG)
    role_first = len(whole) >= 3 and parts is not whole and len(parts) == len(whole) - 1 \
        and (_person_role(whole[0]) or occupation_before_name(whole[0], whole[1], len(whole) - 1)) \
        and all(w[:1].isupper() for w in parts)
    if label in ("ORG", "GPE", "FAC", "LOC") and (not (parts and parts is not whole and (
            is_known_first_name(parts[0]) or personal or role_first)) or any(w.lower() in _ORG_NAME_WORDS for w in parts)):
        return " ".join(whole)   # "Federal Aviation Administration"; but "Councillor Ivo Marsh" (ORG)
    if len(parts) == 2 and parts[0].lower().rstrip(".") in ("dr", "mr", "mrs", "ms", "prof", "sir"):
        parts = parts[1:]
    elif len(parts) == 2 and label == "PERSON" and _is_role_word(parts[0]) and parts[1][:1].isupper():
        parts = parts[1:]   # "Striker Vale", "Councillor Okoye": NER took the title into the name
    return " ".join(parts)


#: A person's age as news style gives it (AP: "Jonas Brekke, 19," / "the 17-year-old
#: Lena Ortiz"), right after or right before the name.
_AGE_AFTER = re.compile(r",\s*(\d{1,3})\s*,")
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[A-Za-z’'-]+\s+){0,3}$")


#: Words of age and tenure before a title ("the elder Mr. Murdoch", "the former
#: minister", "acting chief"): no evidence of which bearer of a shared surname is meant.
#: (Not :data:`TITLE_MODIFIERS_V1`, which holds the portfolios too: "Health" tells two
#: ministers apart.)
_TENURE_WORDS = frozenset("elder former late senior junior acting interim assistant associate".split())


#: A peer or royal named by title and territory ("Duchess of Lindsey", "Earl of Wessex";
#: Debrett's forms of address): one person, whatever NER calls the span.
_PEER_OF = re.compile(r"(?:Duke|Duchess|Earl|Countess|Marquess|Marchioness|Viscount|Viscountess|Baron|Baroness|"
                      r"Prince|Princess) of [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?")


def _age(text: str, start: int, end: int) -> int | None:
    """The age the article gives right after or before a name at [start, end), or None."""
    m = _AGE_AFTER.match(text, end, min(len(text), end + 8))
    if m is None:
        m = _AGE_BEFORE.search(text, max(0, start - 60), start)
    if m is not None and 0 < int(m.group(1)) < 120:
        return int(m.group(1))
    return None


#: Organisation nouns that, written before a name, say it is an organisation ("media
#: buying company Zenlo"); ORG_NOUNS_V2 without the nouns of places and documents.
_ORG_KIND_NOUNS = ORG_NOUNS_V2 - frozenset("""city province county municipality state
statement report study survey website paper station channel house""".split())

#: Offices held over a place or a body: the object of "the mayor of ..." is where the
#: office is, not a person ("the mayor of Köln"; not "the wife of ...", a relation).
_OFFICES = frozenset("""mayor governor premier president minister chancellor prefect
councillor councilor senator mp chief head leader ceo chair chairman chairwoman director
secretary ambassador bishop archbishop""".split())

#: Kinds of place: the object of "the town of ..." is a place ("the town of Fenwick").
_PLACE_KINDS = frozenset("town city village county province state region district borough municipality "
                         "island hamlet parish township".split())

#: Words that close a company's legal or group name ("Meta Platforms Inc", "Acme
#: Holdings"): a short form named before such a name is still the same company.
_CORPORATE_SUFFIXES = frozenset("""inc inc. corp corp. corporation co co. company ltd ltd. plc llc
group holdings international limited sa ag nv""".split())

#: Capitalised words before a surname that the given-name table knows as given names but that
#: open sentences or headlines in news ("Will Smith" aside): never taken as a first name.
_NOT_GIVEN = frozenset("will may june april august say says said the new young long rich "
                       "major dean king".split())


def _distinct_roles(roles: list[str]) -> tuple[str, ...]:
    """Roles without repeats: "Dr" and "Dr." are one; a role inside a longer one
    ("Foreign Minister" in "Ukraine’s Foreign Minister") gives way to it."""
    keys = [re.sub(r"[^\w\s’']", "", r).lower().strip() for r in roles]
    out: list[str] = []
    seen: set[str] = set()
    for r, k in zip(roles, keys):
        inside = any(len(o) > len(k) and re.search(rf"\b{re.escape(k)}\b", o) for o in keys)
        if k and not inside and k not in seen:
            out.append(r)
            seen.add(k)
    return tuple(out)


def _branch_of(target: str, place: str, names) -> bool:
    """True if ``target`` is an organisation's name followed by a place ("Amnesty
    Ukraine", "Uber Canada"): its words before ``place`` are a name the article uses on
    its own ("Amnesty") or to open another name ("Amnesty International")."""
    head = target[: -len(place) - 1]
    return any(m != target and (m == head or m.startswith(head + " ")) for m in names)


def _group_or_title(name: str) -> bool:
    """True for a one-word name that is a group noun, a bare title or role noun or a
    nationality noun ("Neighbors", "Officials", "Councillor", "Frenchman"), which NER
    sometimes tags as an entity."""
    return " " not in name and (name.lower() in GROUP_NOUNS_V1 or _is_role_word(name)
                                or name.lower() in DEMONYM_NOUNS_V1 and not is_known_first_name(name))
    # (a nationality noun alone, "The Frenchman jumped", is a description, never a name;
    # but "Finn" and "Dane" are also given names)


def _subject_misread(tok) -> bool:
    """True if ``tok`` ends a fronted prepositional phrase whose clause has no subject
    ("In an interview with Vogue, the actress, 41, discussed ..."): the phrase after the
    comma that the parser hung on ``tok`` as an apposition is the clause's subject."""
    if tok.dep_ != "pobj":
        return False
    h = tok.head
    while h.dep_ in ("prep", "pobj") and h.head.i != h.i:
        h = h.head
    return h.pos_ in ("VERB", "AUX") and tok.i < h.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in h.children)


#: Words that open a sentence capitalised before a name and are no part of one.
_FUNCTION_WORDS = frozenset("""for in at on with from by to as of the and but when after before like
about during since until while if""".split())

#: The word right before a position, with an optional full stop ("Dr. " of "Dr. Ana Roe").
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")

#: Two given names and a surname ("Clementine and August Harrow").
_ELIDED_PARTICLE = ELIDED_SURNAME


#: Letters of any script ("Rubén", "Zoë"); :meth:`ArticleEntities._coordinated_given_names`
#: checks each word is capitalised.
_GIVEN_PAIR = re.compile(r"(?<![\w-])([^\W\d_]{2,}) (?:and|&) ([^\W\d_]{2,}) ([^\W\d_]{2,}(?:-[^\W\d_]{2,})?)\b")


#: Words before a nationality that NER sweeps into a name with it ("Fellow Swede Elsa
#: Svensson", "New Zealander Liam Carver", "compatriot Ana Ruiz").
_BEFORE_DEMONYM = frozenset("fellow compatriot new".split())


def _swept_before_name(word: str) -> bool:
    """A capitalised nationality (:data:`DEMONYM_NOUNS_V1` or an adjective of one,
    "American"), person noun (:data:`PERSON_NOUNS_V1`), title (:data:`TITLE_WORDS_V1`)
    or word of :data:`_BEFORE_DEMONYM` that NER may sweep into the name that follows it."""
    w = word.lower().rstrip(".")
    return word[:1].isupper() and word.rstrip(".").isalpha() and (
        w in DEMONYM_NOUNS_V1 or w in PERSON_NOUNS_V1 or w in TITLE_WORDS_V1 or w in _BEFORE_DEMONYM)


def _is_role_word(word: str) -> bool:
    """A capitalised title or role noun that is not also a given name ("Striker",
    "Mayor", "Co-author"; not "Dean", "Major" when the given-name table knows it)."""
    w = word.lower().rstrip(".")
    if w.startswith("co-"):
        w = w[3:]   # "Co-author", "Co-founder"
    return (w in TITLE_WORDS_V1 or w in PERSON_NOUNS_V1) and not is_known_first_name(word)


#: Offices held "of" a body, in apposition after a holder's name ("Heru Widodo, head of
#: the Jember Disaster Mitigation Agency", "Ana Ruiz, director of the clinic").
_OFFICE_APPOSITIONS = frozenset("""head chief director president chair chairman chairwoman chairperson
secretary minister manager founder spokesperson spokesman spokeswoman commissioner""".split())


def _plain_name(name: str) -> bool:
    """Two or three plain capitalised words, none an organisation's word: the shape of a
    person's name that NER may still call an organisation or a place."""
    words = name.split()
    return len(words) in (2, 3) and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) \
        and not any(w.lower() in _ORG_NAME_WORDS | ORG_NOUNS_V2 for w in words)


def _person_role(word: str) -> bool:
    """A role noun only a person bears ("Striker", "Farmer"), not a title word that
    also opens organisations' names ("Union", "Federal", "Board")."""
    w = word.lower().rstrip(".")
    return word[:1].isupper() and (w[3:] if w.startswith("co-") else w) in PERSON_NOUNS_V1 \
        and not is_known_first_name(word)


def _people_ending_in(short: str, names) -> list[str]:
    """The people's names of three words or more that end in the two-word ``short``
    ("Lorena Paz Akin" for "Paz Akin", "Ana García López" for "García López"), opening
    with a known given name, or with one rarer given name (:func:`given_names.
    is_attested_given_name`: "Ghassan Abou Khalil" for "Abou Khalil") or, when ``short``
    opens with no known given name, one word the table lacks that is no title or role
    word; not "Crooked Hillary Clinton" for "Hillary Clinton"."""
    return [n for n in names if len(n.split()) >= 3 and n.endswith(" " + short)
            and (is_known_first_name(first := n.split()[0]) or len(n.split()) == len(short.split()) + 1
                 and (given_names.is_attested_given_name(first) or not is_known_first_name(short.split()[0]))
                 and first[:1].isupper() and first[1:].islower() and first.isalpha()
                 and not _is_role_word(first) and first.lower() not in _NOT_GIVEN)
            and guess_name_type(n, None) == "PERSON"]


def ent_name(ent) -> str:
    """The normalised name of an entity span; of an entity NER ran on into the next
    paragraph ("Morgan McNeely\n\nMcNeely"), its first line; without a photo credit
    run into it."""
    text = ent.text
    cut = next((k for k, ch in enumerate(text) if ch in "\r\n"
                and breaks_paragraph_in(ent.doc, ent.start_char + k, ent.start_char + k + 1)), len(text))
    text = text[:cut]   # up to a paragraph break; a wrapped line end reads as a space below
    name = normalize_name(_CREDIT.sub("", " ".join(text.split())), ent.label_)
    pos = ent.end - 1 if len(ent) >= 2 and ent[-1].tag_ == "POS" else ent.end   # the "'s", in the span or after it
    if ent.label_ == "ORG" and name and name_possessive(ent.doc, pos):
        # "Christie's said", "sold at Sotheby's in May": a company named in the possessive
        # (auction houses, shops: "Sainsbury's"), not the possessor of a noun after it
        name += ent.doc[pos].text
    return name


def _headline_only_name(ctx: DocContext, ent, name: str) -> bool:
    """True for a PERSON span in a title-case headline ("Governor Declares Drought
    Emergency", "Senator Blocks Nominee") that holds no given name the name table knows
    and that the article never writes again: the headline's capitalised verb and noun
    after a title, not a person."""
    sent = ent.sent
    words = [t for t in sent if not t.is_space]
    if not title_case(sent) or words and words[-1].text in (".", "!", "?", ":", "”", '"') \
            or any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in sent) \
            or any(is_known_first_name(w) for w in name.split()):
        return False   # (a headline has no full stop and no lower-case verb)
    return ctx.text.count(name) == 1


def _headline_name_prefix(ctx: DocContext, name: str, start: int, end: int) -> str | None:
    """For a span [``start``, ``end``) of a title-case headline (the first line) that the
    article never writes again ("Dara Okonkwo-Reid Wants Diners", "Lantern & Oak Group Is
    Opening a Bakery"): the longest run of its first words, two or more, that the
    article writes elsewhere as a whole name, no capitalised word or number after it
    ("Dara Okonkwo-Reid"; not "IATSE Local" of "IATSE Local 479"), or a given name and
    the hyphenated surname the body writes alone ("Sato-Reyes said"); None when there is
    none. NER runs a name on over the capitalised verb and object of a title-case
    headline (US web style; AP headlines are in sentence case)."""
    if ctx.text.count(name) > 1:
        return None
    words = name.split()

    def elsewhere(form):
        return any(not start <= x.start() < end
                   for x in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)(?!\s+[A-Z0-9])", ctx.text))
    for k in range(len(words) - 1, 1, -1):
        if elsewhere(" ".join(words[:k])):
            return " ".join(words[:k])
    if len(words) >= 3 and words[0][1:].islower() and "-" in words[1] and elsewhere(words[1]):
        return " ".join(words[:2])   # the body writes the hyphenated surname alone ("Sato-Reyes said")
    return None


def _person_noun(noun: str) -> bool:
    """A common noun of a person: the person-noun lists, or a compound of "boy", "girl",
    "man" or "woman" ("schoolboy", "schoolgirl", "fisherman", "businesswoman")."""
    return noun in PERSON_NOUNS_V2 or noun.endswith(("boy", "girl", "man", "woman")) and len(noun) > 5


#: Nouns of works whose title a name in apposition gives ("her memoir, Tides and Timing";
#: NER's WORK_OF_ART label, which the small model often gives as PERSON or ORG instead).
_WORK_NOUNS = frozenset("""memoir book novel biography autobiography album record song single film movie
documentary play musical opera poem collection essay series show podcast painting exhibition""".split())

#: Prepositions of place: a name NER tags a place after one of them ("from Hong Kong") is
#: one, though its first word is also a given name.
_LOCATIVE = frozenset("in from to at near across throughout inside outside".split())

#: Prepositions after which a one-word name is a place, whatever NER said ("a hospital
#: in Lumajang", "villages near Tenby"); "to" only after a word of going there (below),
#: as people are spoken, written and sent "to" too.
_IN_PLACE_PREPS = frozenset("in near across throughout inside outside".split())

#: Lemmas of going somewhere, before "to" and a place ("return to Arctic", "visit to
#: Yorkshire", "heading back to Maracaibo").
_GOING_TO = frozenset("""return go come travel visit trip journey head fly move flee drive sail deploy
relocate back""".split())


def _place_mention(ent) -> bool:
    """True if a one-word name is written as a place: after a preposition of place or
    after "to" of going there ("a hospital in Lumajang", "return to Arctic"), or as where
    a person is from ("A 34-year-old Moncton man", "a Toronto woman": Canadian Press and
    police-release style). (A name after "the" is no evidence: "the Petitioner" of a
    court's judgment is a person.)"""
    r = ent.root
    if len(ent) == 1 and r.dep_ == "compound" and r.head.lower_ in _RESIDENT_NOUNS \
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in r.head.children):
        return True
    return len(ent) == 1 and r.dep_ == "pobj" and (r.head.lower_ in _IN_PLACE_PREPS or r.head.lower_ == "to" and (
        r.head.head.lemma_.lower() in _GOING_TO or r.head.head.lower_ in _GOING_TO))


#: Nouns a place's name modifies to say where someone is from ("a Moncton man").
_RESIDENT_NOUNS = frozenset("man woman boy girl teen teenager resident youth couple".split())


#: Kinship nouns (English; those of ROLE_GENDER and their neutral forms): a person
#: introduced by one ("her sister, ...", "the manager's son") is named as a relative.
KIN_NOUNS = frozenset("""mother father son daughter sister brother wife husband grandmother grandfather
granddaughter grandson aunt uncle niece nephew cousin parent child sibling spouse partner widow widower
stepson stepdaughter stepfather stepmother""".split())
#: Kin nouns of an older generation and of a younger one (for "the elder X", "the younger X").
_OLDER_KIN = frozenset("mother father grandmother grandfather aunt uncle parent stepfather stepmother".split())
_YOUNGER_KIN = frozenset("son daughter grandson granddaughter niece nephew child stepson stepdaughter".split())


def _kin_roles(e) -> list[str]:
    """The kinship nouns heading ``e``'s roles that relate it to someone ("her sister",
    "the manager's son", "His father"): a possessive before the noun."""
    out = []
    for role in e.roles:
        words = role.lower().replace("’", "'").split()
        if len(words) >= 2 and words[-1] in KIN_NOUNS and (
                words[-2] in ("her", "his", "their", "its") or words[-2].endswith("'s")):
            out.append(words[-1])
    return out


def relative_age_pick(people: list[Entity], word: str) -> Entity | None:
    """Of people who share a surname, the one "the younger"/"the older"/"the elder"
    (``word``) picks: by the ages the article gives, else by kinship (a father is the
    older, a son the younger); None when nothing tells them apart."""
    older = word in ("older", "elder", "eldest", "oldest")
    aged = [e for e in people if e.age is not None]
    if len(aged) == len(people) >= 2 and len({e.age for e in aged}) == len(aged):
        return (max if older else min)(aged, key=lambda e: e.age)
    for kin, pick_if in ((_OLDER_KIN, older), (_YOUNGER_KIN, not older)):
        marked = [e for e in people if set(_kin_roles(e)) & kin]
        if len(marked) == 1:
            if pick_if:
                return marked[0]
            rest = [e for e in people if e is not marked[0]]
            return rest[0] if len(rest) == 1 else None
    return None


#: What an article says of a person who goes by "they" (GLAAD Media Reference Guide;
#: AP Stylebook, "they, them, their"): "non-binary", "uses they/them pronouns".
_THEY_PERSON = re.compile(r"\b(?:non-?binary|they/them|uses? the pronouns? they)\b", re.I)

#: Generational suffixes after a surname ("Dorval Carter Jr.", "Brent Bozell III").
_GENERATIONS = frozenset("jr sr ii iii iv".split())

#: Head nouns of bodies formed by an organisation's people (its workers' union, its staff
#: association): "<Org> Labor Union" is another organisation than "<Org>".
_MEMBERS_BODIES = frozenset("union association federation guild society foundation coalition alliance".split())


def _honorific_genders(ent) -> list[str]:
    """The genders of the courtesy titles (:data:`HONORIFIC_GENDER`) right before a span
    and at its start ("Mr Vale", "Ms. Lopez"), in text order."""
    doc = ent.doc
    return [HONORIFIC_GENDER[t.lower_] for t in (doc[ent.start - 1] if ent.start else None, doc[ent.start])
            if t is not None and t.lower_ in HONORIFIC_GENDER]


def _person_like_name(name: str) -> bool:
    """True for two or three capitalised words, the first a given name of known gender,
    none a word of organisations' names ("Robert Keesick"; not "Silver Peak Minerals")."""
    words = name.split()
    return 2 <= len(words) <= 3 and first_name_gender(words[0]) is not None \
        and all(w[:1].isupper() and w.lower() not in _ORG_NAME_WORDS for w in words)


def _fronted_topic(root) -> bool:
    """True for the object of a sentence-opening "For" set off by a comma ("For Walter
    Garrish, the question is not whether ..."): the person the passage is about, as
    salient as a subject (a feature's way of handing over to its next speaker)."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "for" and prep.is_sent_start \
        and root.right_edge.i + 1 < len(root.doc) and root.doc[root.right_edge.i + 1].text == ","


def _surname_keys(name: str) -> set[str]:
    """The words a person's name may be shortened to as a surname: the last word and its
    last hyphenated part, a Spanish paternal surname after the given names ("Castellanos"
    of "Luis Castellanos Rivera"), and an East Asian family name written first before a
    romanised hyphenated given name ("Lee" of "Lee Jae-sung", "Chen" of "Chen Mei-Ling")
    or a Chinese one written as one word (:data:`_PINYIN_GIVEN`: "Liu" of "Liu Jianhong"),
    also after an English given name (Hong Kong usage: "Linn" of "Bernadette Linn Hon-ho").
    A romanised given name's lower-case syllable is no key ("ho" of "Hon-ho"); a
    generational suffix is skipped ("Carter" of "Dorval Carter Jr.")."""
    words = name.split()
    if len(words) >= 3 and words[-1].lower().rstrip(".") in _GENERATIONS:
        words = words[:-1]   # "Carter" of "Dorval Carter Jr."
    last = words[-1]
    keys = {last} if ROMANISED_GIVEN.fullmatch(last) else {last, last.rsplit("-", 1)[-1]}   # not "ho" of "Hon-ho"
    if len(words) >= 3 and ROMANISED_GIVEN.fullmatch(last) and words[-2][:1].isupper():
        keys.add(words[-2])   # Hong Kong order: "Linn" of "Bernadette Linn Hon-ho", "Tien" of "Michael Tien Puk-sun"
    k = next((i for i, w in enumerate(words) if not is_known_first_name(w)), len(words))
    if 1 <= k < len(words) - 1 and len(words) <= 5:
        keys.add(words[k])   # a Spanish paternal surname ("Castellanos")
    if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[A-Za-z][a-z]+", last) \
            and (ROMANISED_GIVEN.fullmatch(last) or words[0].lower() in EAST_ASIAN_FAMILY_NAMES_V1):
        keys.add(words[0])   # a family name first ("Lee" of "Lee Jae-sung", "Chen" of "Chen Mei-Ling")
    if len(words) == 2 and words[0].lower() in EAST_ASIAN_FAMILY_NAMES_V1 and words[1][1:].islower() \
            and _PINYIN_GIVEN.fullmatch(words[1].lower()) and not is_known_first_name(words[1]):
        keys.add(words[0])   # and before a given name written as one word ("Liu" of "Liu Jianhong")
    return keys


#: A Chinese given name romanised as one word: one or two pinyin syllables ("Jianhong",
#: "Xiaofeng", "Meiling"; Hanyu Pinyin's initials and finals), not "Jones".
_PINYIN_GIVEN = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                           r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|"
                           r"ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u)){1,2}")


#: Nouns of bodies that, written before a name, introduce an organisation as the trade
#: nouns introduce a company ("Cycling charity Pedal Safe", "campaign group Fair Fares",
#: "think tank Bridgewater"): a person is never introduced so.
BODY_KIND_NOUNS = frozenset("""charity nonprofit campaign coalition foundation association union
tank watchdog lobby alliance federation organisation organization society""".split())

def introduced_as_body(role: str | None, name: str) -> bool:
    """True if ``role``, the words written right before ``name``, ends in a noun that
    introduces an organisation ("Belgian bank", "budget airline", "Cycling charity":
    :data:`COMPANY_TRADE_NOUNS_V1`, :data:`BODY_KIND_NOUNS`) and the name opens with no
    known given name ("airline pilot Maria Lindgren" ends in a person noun)."""
    last = role.split()[-1].lower() if role and role.split() else ""
    return (last in COMPANY_TRADE_NOUNS_V1 or last in BODY_KIND_NOUNS) and not is_known_first_name(name.split()[0])


#: Participles that open British court reports' sentences for counsel's side
#: ("Prosecuting, Nadia Ferreira-Blake told the court", "Defending, Oliver Mensah said"),
#: which NER tags as names when the tagger reads them as proper nouns.
_FRONTED_ROLES = frozenset("Prosecuting Defending Mitigating Representing Sentencing Summing".split())

#: How far before an acronym in brackets its name is looked for, in characters: eight
#: capitalised words and their "and"/"of" (the longest acronym taken) fit in it.
ACRONYM_LOOKBACK_CHARS = 400

#: An acronym in brackets right after a name: "(RTA)", "(FSIN)", "(AT&T)" is not one.
_ACRONYM_DEFINED = re.compile(r"(?<=[A-Za-z]) \((?P<acr>[A-Z][A-Z&]{1,7})\)")

#: Time zones that live blogs and datelines put after a time ("14.21 GMT"); NER tags
#: them as organisations.
_TIME_ZONES = frozenset("GMT BST UTC CET CEST EST EDT CST CDT MST MDT PST PDT AEST AEDT IST JST HKT".split())


def courtesy_title(role: str) -> bool:
    """True for a role that is only a courtesy title ("Mr.", "Mrs", "Ms"; :data:`COURTESY_TITLES_V1`)."""
    return role.strip().lower().rstrip(".") in COURTESY_TITLES_V1


def _org_in_apposition(ent) -> bool:
    """True for a one-word name, not a given name, in apposition to a definite
    organisation noun after it ("Gavi, the vaccine alliance that funds ...")."""
    return len(ent) == 1 and not is_known_first_name(ent[0].text) and any(
        a.dep_ == "appos" and a.pos_ == "NOUN" and a.i > ent.end and a.lemma_.lower() in _ORG_KIND_NOUNS
        and any(d.dep_ == "det" for d in a.children) for a in ent.root.children)


def _left_role(ent, text: str | None = None) -> str | None:
    """Title words before a PERSON name in the same noun phrase ("Harbour master"),
    including titles NER took into the name ("Opposition councillor Samuel Okoye").

    ``text`` is ``ent.doc.text`` when the caller holds it (``DocContext.text``): spaCy
    builds ``doc.text`` anew from every token on each access, so reading it once per
    name made an article's cost grow with the square of its length."""
    doc = ent.doc
    i = ent.start
    while i < ent.end - 2 and doc[i].lower_.rstrip(".") in TITLE_WORDS_V1:
        i += 1
    if i > ent.start:
        return doc[ent.start:i].text
    while i > 0 and not doc[i - 1].is_punct and not doc[i - 1].is_space and (
            doc[i - 1].lower_.rstrip(".") in TITLE_WORDS_V1
            or (doc[i - 1].dep_ in ("compound", "amod", "poss", "case", "nmod") and doc[i - 1].tag_ != "VBG"
                and (doc[i - 1].head.i >= ent.start - 1 or i < ent.start and i <= doc[i - 1].head.i < ent.end))):
        i -= 1   # (a modifier of a word already in the role too: "Human Rights Watch researcher";
        #          not a participle, which says what the person was doing: "a screaming Santilli")
    if i < ent.start:
        start = doc[i].idx
        if text is None:
            text = doc.text
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"“‘(":
            start -= 1   # the whole of a hyphenated word ("Sixteen-year-old", not "old")
        return text[start:doc[ent.start].idx].strip()
    return None


#: Pronoun votes (he/his or she/her later in a sentence that names only this person, as
#: its subject) that outrank the name table's gender, when none disagrees.
PRONOUN_VOTES = 2
#: A "Given Surname" that NER tags a place at least this many times, and never
#: anything else, stays a place ("Nova Scotia", "Jordan Valley"): one GPE tag on a
#: person's name is a slip of the model, the same one at every mention is not.
PLACE_EVERY_TIME = 2
#: An entity of no other gender evidence takes the gender of the pronouns near its
#: name when one gender has more than this many times the other's votes (the same
#: "clear majority, over 2:1" as the antecedent features' ``entity_gender``).
PRONOUN_MAJORITY = 2

#: A person's stated pronouns: "they/them", "they/their" (GLAAD Media Reference Guide).
_THEY_THEM = re.compile(r"\bthey\s*/\s*(?:them|their)\b", re.I)

#: Longest apposition kept as a role, in tokens ("a rookie defenceman from Oslo who ..."
#: runs on; news appositions that describe a person are mostly under a dozen words).
APPOS_MAX_TOKENS = 12
#: Default look-back of :meth:`EntityIndex.before` in characters (callers mostly pass their
#: own window); set by hand, not measured.
BEFORE_WINDOW_CHARS = 2500
#: Honorifics that give a person's gender (AP Stylebook courtesy titles; British honours).
HONORIFIC_GENDER = {**dict.fromkeys("mr mr. sir lord baron viscount marquess uncle matua encik".split(), "M"),
                    **dict.fromkeys("""mrs mrs. ms ms. miss dame lady madam madame hajjah baroness countess
                    viscountess marchioness duchess aunty auntie whaea datin puan""".split(), "F")}
# ("Aunty", "Uncle": the address of respect for Aboriginal and Torres Strait Islander
# Elders, with the given name, "Aunty Doreen"; Māori "Matua" and "Whaea" the same: NITV
# and Māori TV usage; the Malaysian "Encik" (Mr), "Puan" (Mrs) and "Datin" (a woman's
# title, or a Datuk's wife's): The Star and New Straits Times usage)


class _GenderedNouns(dict):
    """Nouns of a gender, with the nationality nouns that show it by "-man" or "-woman"
    ("the Dutchman", "the Irishwoman"; :data:`DEMONYM_NOUNS_V1`) and any "-woman" noun
    ("the fisherwoman") counted in though not listed."""

    @staticmethod
    def _compound(noun) -> str | None:
        if not isinstance(noun, str):
            return None
        if noun.endswith("woman") and len(noun) > 5 or noun.endswith("women") and len(noun) > 5:
            return "F"
        return "M" if noun in DEMONYM_NOUNS_V1 and noun.endswith("man") else None

    def __contains__(self, noun) -> bool:
        return dict.__contains__(self, noun) or self._compound(noun) is not None

    def __getitem__(self, noun) -> str:
        if dict.__contains__(self, noun):
            return dict.__getitem__(self, noun)
        g = self._compound(noun)
        if g is None:
            raise KeyError(noun)
        return g

    def get(self, noun, default=None):
        return self[noun] if noun in self else default


#: Role nouns that give a person's gender (English gendered nouns of kinship, address and
#: office; "chairman" and "spokesman" are left out: news uses them for women too).
ROLE_GENDER = _GenderedNouns({**dict.fromkeys("""man boy father husband son brother uncle nephew grandfather grandson
king prince duke actor businessman congressman sportsman policeman fireman""".split(), "M"),
               **dict.fromkeys("""woman girl mother wife daughter sister aunt niece grandmother
granddaughter queen princess duchess actress businesswoman congresswoman chairwoman spokeswoman
sportswoman policewoman widow""".split(), "F")})


@dataclass
class EntityMention:
    """One mention of an entity: character offsets into the article (end exclusive),
    its text and kind (``"name"``, ``"alias"``, ``"pronoun"``, ``"description"``)."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(eq=False)
class Entity:
    """One person, organisation or place of the article, all its mentions.

    Attributes:
        name: Canonical name, the fullest form the article gives, titles outside.
        type: ``PERSON``, ``ORG``, ``GPE`` or ``NORP``.
        gender: ``"M"``, ``"F"`` or None; ``gender_source`` says from what
            (``"honorific"``, ``"role"``, ``"name"``, ``"pronoun"``).
        role: The first title or description the article gives (used in records).
        positions: Character offsets of its named mentions outside quotes.
        id: ``"E1"``, ``"E2"``, ... by first mention, set by :meth:`ArticleEntities.records`.
        aliases: Other names the article uses for it (surname, acronym, short form).
        roles: Every title and apposition the article gives it.
        pronouns: Pronouns linked to it (the article's own, and resolved speakers).
        mentions: Its mentions, named and linked.
        quotes: Quotations resolved to it so far (set by the speaker resolver).
        age: Age in years when the article gives it ("Jonas Brekke, 19,", "17-year-old
            Lena Ortiz"), else None.
    """

    name: str
    type: str
    gender: str | None = None
    role: str | None = None
    positions: list[int] = field(default_factory=list)
    id: str | None = None
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    pronouns: Counter = field(default_factory=Counter)
    mentions: list[EntityMention] = field(default_factory=list)
    gender_source: str | None = None
    quotes: int = 0
    age: int | None = None

    @property
    def number(self) -> str:
        """``"organisation"`` (ORG, GPE), ``"group"`` (NORP, or names joined by "and")
        or ``"one"`` (a person)."""
        if self.type in ("ORG", "GPE"):
            return "organisation"
        if self.type == "NORP" or " and " in self.name:
            return "group"
        return "one"

    def add_role(self, role: str | None) -> None:
        """Record a title or description; the first one is ``role``. A role joined by
        "; " (a title and an apposition) is recorded as its parts. Courtesy titles ("Mr.",
        "Mrs", "Ms") are no role: they give gender only (:data:`COURTESY_TITLES_V1`)."""
        parts = [p for p in (role or "").split("; ") if p and not courtesy_title(p)]
        role = "; ".join(parts)
        if role and not self.role:
            self.role = role
        for part in parts:
            if part not in self.roles:
                self.roles.append(part)

    def set_gender(self, gender: str | None, source: str) -> None:
        """Set the gender unless evidence of a stronger source already set it
        (honorific > role > name > pronoun)."""
        order = ("honorific", "role", "name", "pronoun")
        if gender and (self.gender_source is None or order.index(source) < order.index(self.gender_source)):
            self.gender, self.gender_source = gender, source


class ArticleEntities:
    """The article's entities: named mentions grouped by name and alias, with the
    evidence speaker resolution weighs (type, gender, roles, salience).

    Args:
        ctx: The document context.

    Attributes:
        entities: Name or alias key -> :class:`Entity` (several keys may share one).
        alias: Short form -> the canonical name it stands for.
        mentions: ``(offset, entity, salience)`` of every named mention outside quotes
            and captions, in text order; salience 2 = clause subject, 1 = other
            salient role, 0 = object, possessor or prepositional object.
    """

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self._ent_names = {ent.start_char: ent_name(ent) for ent in ctx.ents}   # each span's name, once
        self._ent_at = {ent.start_char: ent for ent in ctx.ents}                # each span by its start
        self._nicknames = {m.group("nick"): self._ent_names[ent.start_char] for ent in ctx.ents
                           if (m := _NICKNAME.search(" ".join(ent.text.split())))}   # "Bobby" -> its full name
        raw: list[tuple[int, str, str, bool, bool]] = []   # (pos, name, label, quoted, subject)
        self._paired_given: set[str] = set()   # first given names of "A and B Surname"
        standalone: set[str] = set()
        office_of: set[str] = set()    # names written only as "the mayor of X" are places
        place_of: set[str] = set()     # "the town of X" is a place, whatever the name table says
        not_office: set[str] = set()
        in_place: set[str] = set()     # one-word names only ever written as places (_place_mention)
        located: set[str] = set()      # places NER tagged after a preposition of place
        not_in_place: set[str] = set()
        ends: dict[int, int] = {}
        whole_names = self._whole_org_names()
        for ent in ctx.ents:
            if ent.label_ in _TYPES or ent.label_ in ("FAC", "LOC"):
                if ent.start_char in whole_names:
                    # "The Ministry of Roads, Bridges and Ferries" (NER: "Ministry of Roads"
                    # and a person "Bridges"): the organisation's whole name, once
                    b, e, whole = whole_names[ent.start_char]
                    if whole is not None:
                        raw.append((b, whole, "ORG", ctx.token_quoted(ent[0]), 2 if ent.root.dep_ in (
                            "nsubj", "nsubjpass") else 1))
                        standalone.add(whole)
                        not_office.add(whole)
                        not_in_place.add(whole)
                        ends[b] = e
                    continue
                name = self._ent_names[ent.start_char]
                elided = name and ent.end < len(ctx.doc) and len(name.split()) <= 2 \
                    and _ELIDED_PARTICLE.fullmatch(ctx.doc[ent.end].text) and not ctx.doc[ent.end].ent_type_ \
                    and ctx.doc[ent.end - 1].whitespace_ \
                    and (ent.label_ == "PERSON" or is_known_first_name(name.split()[-1]))
                if elided:
                    # "Marco" + "Dell'Orto": an Italian surname with an elided particle, which
                    # NER left out of the name (and may call the given name an organisation)
                    name = self._ent_names[ent.start_char] = f"{name} {ctx.doc[ent.end].text}"
                    ends[ent.start_char] = ctx.doc[ent.end].idx + len(ctx.doc[ent.end])
                if _group_or_title(name):
                    continue   # "Neighbors", "Councillor": a group or a bare title names no one
                if name in _TIME_ZONES:
                    continue   # "14.21 GMT" of a live blog's timestamp: no one "they" can be
                if ent.label_ == "PERSON" and _headline_only_name(ctx, ent, name):
                    continue   # "Senator Blocks Nominee": a headline's capitalised verb and noun, no one
                if ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in _WORK_NOUNS \
                        and ent.root.head.i < ent.start:
                    continue   # "Her memoir, Tides and Timing,": a work's title, which NER may call a person
                if len(ent) == 1 and ent[0].text in _FRONTED_ROLES and ent.end < len(ctx.doc) \
                        and ctx.doc[ent.end].text == ",":
                    continue   # "Defending, Oliver Mensah said": counsel's side in court reports, no name
                if len(ent) == 1 and ent[0].is_sent_start and ent[0].tag_ in ("NN", "NNS"):
                    continue   # "Shop owner David Patel": a common noun capitalised by its place
                if name and " " in name and ent[0].is_sent_start and ent[0].lower_ in ORG_NOUNS_V2 \
                        and ctx.text.count(name.split(" ", 1)[1]) > ctx.text.count(name):
                    # "Airline Skyvia apologises" in a headline, "Budget airline Skyvia" and
                    # "Skyvia" in the body: a common noun capitalised by its place is no part of the name
                    name = self._ent_names[ent.start_char] = name.split(" ", 1)[1]
                if name and len(name.split()) >= 3 and "\n" in ctx.text[ent.end_char:ent.end_char + 200] \
                        and "\n" not in ctx.text[:ent.start_char] and title_case(ent.sent) \
                        and (short := _headline_name_prefix(ctx, name, ent.start_char, ent.end_char)) is not None:
                    # "Dara Okonkwo-Reid Wants Diners to Slow Down": NER ran the name on over
                    # the headline's capitalised verb and object; the body writes the name
                    name = self._ent_names[ent.start_char] = short
                if name and not name.islower():   # NER also tags descriptions: "the federal department"
                    subj = ent.root.dep_ in ("nsubj", "nsubjpass") or (
                        ent.root.dep_ in ("appos", "conj", "compound", "poss")
                        and ent.root.head.dep_ in ("nsubj", "nsubjpass"))
                    # salient: not the object of a preposition, a possessor or an object
                    subj = 2 if subj or _fronted_topic(ent.root) else int(
                        ent.root.dep_ not in ("pobj", "poss", "dobj", "npadvmod", "nmod", "dative"))
                    label = "PERSON" if elided else ent.label_
                    if label in ("ORG", "GPE") and ent[0].lower_.rstrip(".") in PERSONAL_TITLES_V1 \
                            and (2 <= len(name.split()) or courtesy_title(ent[0].text)) and len(name.split()) <= 3 \
                            and len(ent) == len(name.split()) + 1 \
                            and not any(w.lower() in _ORG_NAME_WORDS for w in name.split()):
                        label = "PERSON"   # "Councillor Rhodri Llewellyn", "Dr Te Aomihia Walker", "Ms Hale", NER's ORG
                    elif label in ("GPE", "ORG") and _PEER_OF.fullmatch(name) \
                            and name.split()[-1].lower() not in _ORG_NAME_WORDS | ORG_NOUNS_V2:   # not "… Hospital"
                        label = "PERSON"   # "The Duchess of Lindsey" (NER's organisation): a peer by her title
                    elif label in ("GPE", "ORG") and len(ent) == 2 and ent[0].lower_.rstrip(".") in PERSONAL_TITLES_V1 \
                            and (label == "GPE" or ent[0].lower_ in HONORIFIC_GENDER) \
                            and ent[0].text[:1].isupper() and ent[1].is_alpha and ent[1].text[:1].isupper():
                        # "Ratu Semi", "Lord Winston" (NER's place), "Lord Pannick" (NER's organisation):
                        # a title only a person bears and one name (not "Dr Pepper")
                        label = "PERSON"
                        name = self._ent_names[ent.start_char] = normalize_name(ent.text, "PERSON")
                    if label in ("ORG", "GPE") and ent.start > 0 and 2 <= len(name.split()) <= 3 \
                            and ctx.doc[ent.start - 1].lower_.rstrip(".") in PERSONAL_TITLES_V1 \
                            and ctx.doc[ent.start - 1].text[:1].isupper() \
                            and all(p[:1].isupper() and p[1:].islower() and p.isalpha()
                                    for w in name.split() for p in w.split("-")) \
                            and not any(w.lower() in _ORG_NAME_WORDS | ORG_NOUNS_V2 for w in name.split()):
                        label = "PERSON"   # "Dr. Nkechi Adeyemi-Borg", the title outside NER's ORG span
                    words = ent.text.split()
                    if label in ("ORG", "GPE") and len(words) >= 3 and name == " ".join(words[1:]) \
                            and (_person_role(words[0]) or occupation_before_name(words[0], words[1], len(words) - 1)):
                        label = "PERSON"   # "Striker Chidi Okafor", "Hawker Lim Boon Keng", NER's ORG
                    raw.append((ent.start_char, name, label, ctx.token_quoted(ent[0]), subj))
                    if ent.root.dep_ != "compound":
                        standalone.add(name)   # not only a modifier ("Amazon Web Services chief")
                    r = ent.root
                    if r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lower_ in _PLACE_KINDS:
                        place_of.add(name)     # "the town of Fenwick"
                    if r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lower_ in _OFFICES:
                        office_of.add(name)    # "the mayor of Köln"
                    else:
                        not_office.add(name)
                    if _place_mention(ent):
                        in_place.add(name)     # "Nia Howells in Tenby", "return to Arctic"
                    else:
                        not_in_place.add(name)
                    if r.dep_ == "pobj" and r.head.lower_ in _LOCATIVE and ent.label_ in ("GPE", "LOC"):
                        located.add(name)      # "came to Leeds from Hong Kong": a place NER got right
                    ends[ent.start_char] = ent.end_char
        raw = self._full_names_missed(raw, ends)
        raw = self._coordinated_given_names(raw, ends)
        raw = self._acronym_definitions(raw, ends)
        self.raw = sorted(raw, key=lambda r: r[0])
        names = Counter(r[1] for r in raw)
        self.entities: dict[str, Entity] = {}
        self.alias: dict[str, str] = {}
        for n in sorted(names, key=lambda n: (-len(n.split()), -names[n])):
            self.entities[n] = Entity(n, "PERSON")
        # short forms -> fullest form
        branches: set[str] = set()
        own_labels: dict[str, set] = {}
        first_at: dict[str, int] = {}
        for r in raw:
            own_labels.setdefault(r[1], set()).add(r[2])
            first_at.setdefault(r[1], r[0])
        for n in names:
            if len(n.split()) < 2 or n.split()[0].lower() in NAME_PARTICLES_V1 or self._name_end_of(n, names) \
                    or any(w in NAME_PARTICLES_V1 for w in n.lower().split()[1:]) \
                    or self._double_surname_of(n, names) or self._given_part_of(n, names) \
                    or self._legal_name_of(n, names):
                target = self._expand(n, names)
                if target and target != n and (
                        own_labels.get(n, set()) <= {"GPE", "LOC"} and (
                            target.endswith(" of " + n) or target.startswith(n + " ")
                            and "PERSON" not in own_labels.get(target, set()))
                        or " " not in n and target.endswith(" " + n) and any(
                            w.lower().strip("'’s") in _ORG_NAME_WORDS for w in target[:-len(n)].split())):
                    continue   # "Galway" is no short form of "University of Galway", nor "Hamilton"
                    #            of "St. Joseph's Healthcare Hamilton", nor "China" of "China
                    #            Climate Hub": bodies in or named after the place
                if target and target != n and own_labels.get(n, set()) <= {"GPE", "LOC"} \
                        and target.endswith(" " + n) and _branch_of(target, n, names):
                    branches.add(target)
                    continue   # "Ukraine" is no short form of "Amnesty Ukraine" (Amnesty's branch)
                if target and target != n and own_labels.get(n, set()) == {"ORG"} \
                        and first_at[n] < first_at[target] and target not in standalone \
                        and not set(target.lower().split()[len(n.split()):]) <= _CORPORATE_SUFFIXES:
                    # "Amazon said ..." before "Amazon Web Services chief Matt Garman": a
                    # longer name the article uses only as a modifier, after the short one,
                    # is a unit of it (a second organisation), not its full name
                    continue
                if target and target != n and own_labels.get(n, set()) == {"ORG"} and target.startswith(n + " ") \
                        and target.split()[-1].lower() in _MEMBERS_BODIES and not n.split()[-1].endswith("s"):
                    # "Amazon" is no short form of "Amazon Labor Union", nor "Ford" of "Ford
                    # Workers Association": a body of its people (but "the Teamsters" is
                    # the "Teamsters Union")
                    continue
                if target and target != n:
                    self.alias[n] = target
        places = {r[1] for r in raw if r[2] in ("GPE", "LOC", "NORP") and " " not in r[1]}
        labels: dict[str, Counter] = {}
        full: dict[str, Counter] = {}   # labels of the fullest form's own mentions
        titled = {n for p, n, *_ in raw if (w := _WORD_BEFORE.search(ctx.text, max(0, p - 12), p)) is not None
                  and w.group(1).lower() in PERSONAL_TITLES_V1}   # "Dr. Chinwe Nwosu-Bello": a person's name
        for _, n, lab, _, _ in raw:
            labels.setdefault(self.alias.get(n, n), Counter())[lab] += 1
            if n not in self.alias:
                full.setdefault(n, Counter())[lab] += 1
        for key, c in labels.items():
            e = self.entities[key]
            if " " in key and full.get(key, {}).get("PERSON") and (
                    c.most_common(1)[0][0] == "NORP" or c.most_common(1)[0][0] in ("ORG", "GPE")
                    and full[key].most_common(1)[0][0] == "PERSON" and (
                        is_known_first_name(key.split()[0]) or key in titled)):
                c = full[key]   # NER's NORP on a bare surname ("Schuh") is no vote against the full name,
                #                 nor its ORG or place on one ("Nwosu-Bello does not dispute that")
                #                 when the full name's own mentions are a person's
            known = [lab for lab in c.elements() if lab]
            e.type = guess_name_type(key, Counter(known).most_common(1)[0][0] if known else None)
            if key in self._paired_given:
                e.type = "PERSON"   # "Itzel" of "Itzel and Rubén Carranza-Ortiz"
            if e.type == "PERSON" and key.split()[0] in places and c.most_common(1)[0][0] != "PERSON":
                e.type = "ORG"   # "Alberta Milk": a place name, not a given name
            elif e.type == "GPE" and _GIVEN_AND_SURNAME.match(key) and is_known_first_name(key.split()[0]) \
                    and key not in located \
                    and key.split()[-1].lower() not in _PLACE_WORDS \
                    and not (c["GPE"] >= PLACE_EVERY_TIME and set(known) == {"GPE"}):
                e.type = "PERSON"   # "Patrick Bardos", which NER calls a place (not "Nova Scotia")
            if key in branches:
                e.type = "ORG"   # an organisation's branch in a place, whatever NER said
            if e.type == "PERSON" and " " not in key and key in office_of and key not in not_office \
                    and not is_known_first_name(key):
                e.type = "GPE"   # "the mayor of Köln", NER's PERSON: the office's place
            if e.type == "PERSON" and " " not in key and key in in_place and key not in not_in_place \
                    and not is_known_first_name(key) and not any(self.alias.get(n) == key for n in names if n != key):
                e.type = "GPE"   # "Nia Howells in Tenby": NER's PERSON on a town no one calls by name otherwise
            if e.type == "PERSON" and " " not in key and key in place_of:
                e.type = "GPE"   # "the town of Fenwick", though "Fenwick" is also a given name
            if e.type == "PERSON" and len(key.split()) >= 2:
                e.set_gender(first_name_gender(key.split()[0]), "name")
            elif e.type == "PERSON" and given_names.gender_sure(key) \
                    and not any(n.endswith(" " + key) for n in names if n != key):
                # a person the article calls by a given name alone ("Clementine" of
                # "Clementine and August Harrow"), one the table is sure of, that no
                # longer name ends in: the name's gender, as for a full name
                e.set_gender(first_name_gender(key), "name")
            elif e.type == "PERSON" and key in self._paired_given:
                e.set_gender(first_name_gender(key), "name")   # "Itzel" of a couple: the name's gender
        self.mentions: list[tuple[int, Entity, bool]] = []
        for pos, n, _, quoted, subj in self.raw:
            if not quoted and not ctx.skipped(pos):   # captions name people in photos, not speakers
                e = self.get_at(n, pos)
                e.positions.append(pos)
                self.mentions.append((pos, e, subj))
                end = ends.get(pos, pos + len(n))
                poss = _POSS.search(ctx.text[pos:end])
                if poss is not None and poss.start() > 0:
                    end = pos + poss.start()   # "Amnesty Ukraine’s": the name without its possessive
                e.mentions.append(EntityMention(pos, end, ctx.text[pos:end], "name" if n == e.name else "alias"))
        people: list[tuple] = []
        for ent in ctx.ents:
            name = self._ent_names[ent.start_char]
            if ent.label_ in ("PERSON", "ORG", "GPE") and not ctx.token_quoted(ent[0]) and name:
                e = self.get(name)
                if e.type in ("ORG", "GPE"):   # "media buying company GroupM": the kind of organisation
                    role = _left_role(ent, ctx.text)
                    if role and any(w in _ORG_KIND_NOUNS for w in role.lower().split()):
                        e.add_role(role)
                        e.type = "ORG"   # NER's GPE on a company's name ("company Zenlo")
                    if e.type == "GPE" and _org_in_apposition(ent):
                        e.type = "ORG"   # "Vaxora, the vaccine alliance ...", NER's GPE
                if e.type == "PERSON" and ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN" \
                        and ent.root.head.lemma_.lower() in _ORG_KIND_NOUNS and ent.root.head.i < ent.start \
                        and ent.root.head.dep_ != "pobj" \
                        and any(c.dep_ in ("det", "poss") for c in ent.root.head.children) \
                        and not (ent.root.head.lemma_.lower().endswith(("er", "or")) and _person_like_name(e.name)):
                    # not "The captain of the team, Jordan Stewart"; not a fronted adverbial
                    # the parser took for a noun phrase ("Outside court, Detective Sergeant Nadia Kowalski")
                    # "The company behind it, Silver Peak Minerals": an organisation, though
                    # its first word is a given name ("Silver") or NER said PERSON; but an
                    # agent noun a person bears too ("The plant's operator, Robert Keesick",
                    # "the publisher, Ann Weir") keeps a person's name a person
                    e.type = "ORG"
                    e.gender = e.gender_source = None
                if e.type in ("ORG", "GPE") and (left := _left_role(ent, ctx.text)) \
                        and left.split()[-1].lower() in PERSON_NOUNS_V1 | BODY_HEAD_NOUNS \
                        and left.split()[-1].lower() not in ORG_NOUNS_V2 \
                        and len(e.name.split()) in (1, 2) and all(w[:1].isupper() and w[1:].islower() and w.isalpha()
                                                                  for w in e.name.split()) \
                        and not any(w.lower() in _ORG_NAME_WORDS for w in e.name.split()):
                    e.type = "PERSON"   # "Aid worker Lindiwe Mokoena", "BPBD head Retno Kusumawati",
                    #                     "agency head Kuswanto", NER's ORG; "Land council chair
                    #                     Yalmay Marrkula", NER's GPE: a person noun names a person
                if e.type != "PERSON" and ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN" \
                        and _person_noun(ent.root.head.lemma_.lower()) and ent.root.head.i < ent.start \
                        and guess_name_type(e.name, None) == "PERSON":
                    e.type = "PERSON"   # "Her daughter, Amara" (not "the owner, Harbor Point Holdings")
                if e.type in ("ORG", "GPE") and _plain_name(e.name) \
                        and given_names.is_attested_given_name(e.name.split()[0]) \
                        and any(c.dep_ == "appos" and c.i > ent.root.i and c.lower_ in _OFFICE_APPOSITIONS
                                and any(x.dep_ == "prep" and x.lower_ == "of" for x in c.children)
                                for c in ent.root.children):
                    # "Heru Widodo, head of the Jember Disaster Mitigation Agency": a name in
                    # front of an office "of" a body is its holder's, whatever NER said
                    e.type = "PERSON"
                if e.type in ("ORG", "GPE") and _plain_name(e.name) \
                        and ent.end + 1 < len(ctx.doc) and ctx.doc[ent.end].text == "," \
                        and ctx.doc[ent.end + 1].lower_ == "who" and (v := ctx.doc[ent.end + 1].head).dep_ == "relcl" \
                        and any(x.tag_ == "VBZ" for x in (v, *v.children) if x.dep_ in ("relcl", "aux", "auxpass")):
                    # "Aoi Kazane, who has 900,000 subscribers,": "who" and a singular verb are
                    # said of a person (British copy says "Arsenal, who have won", in the plural)
                    e.type = "PERSON"
                if e.type == "ORG" and len(e.name.split()) >= 2 and is_known_first_name(e.name.split()[0]) \
                        and _AGE_AFTER.match(ctx.text, ent.end_char) \
                        and not any(w.lower() in _ORG_NAME_WORDS for w in e.name.split()):
                    e.type = "PERSON"   # "Desmond Halloran, 72,": news gives ages of people (AP)
                    e.set_gender(first_name_gender(e.name.split()[0]), "name")
                if e.type != "PERSON":   # NER's ORG on a person ("Mayor Helena Brandt") counts
                    continue
                role = _left_role(ent, ctx.text)
                if introduced_as_body(role, e.name):
                    # "Belgian bank Maertens Groep", "budget airline Zephora": a company
                    # introduced by its trade, which NER took for a person ("airline
                    # pilot Maria Lindgren" ends in a person noun)
                    e.add_role(role)
                    e.type = "ORG"
                    e.gender = e.gender_source = None
                    continue
                if role and " " in e.name and e.name.endswith(" " + name) \
                        and role.split()[-1] == e.name[:-len(name) - 1].split()[-1] \
                        and role.split()[-1].lower().rstrip(".") not in TITLE_WORDS_V1:
                    # "Chief Executive Ulrike" + "Brenner": the word NER left out is the
                    # given name of the article's "Ulrike Brenner", not the role
                    role = role.rsplit(" ", 1)[0] if " " in role else None
                e.add_role(role)
                head = ent.root.head
                if ent.root.dep_ == "appos" and head.i < ent.start and (
                        head.pos_ == "NOUN" or head.pos_ == "PROPN" and not head.ent_type_
                        and head.lower_ in TITLE_WORDS_V1):
                    # "a daughter, Margaret Brennan-Ruiz", "Her daughter, Amara": the noun before;
                    # a capitalised title with its "of" phrase ("The Minister of Health, the
                    # Honourable Lorna Beckles")
                    last = head
                    if head.pos_ == "PROPN":
                        last = max((t for t in head.subtree if t.i < ent.start and not t.is_punct
                                    and t.i < ent.root.left_edge.i), key=lambda t: t.i, default=head)
                    role = ctx.text[head.left_edge.idx:last.idx + len(last)]
                    if len(role.split()) <= APPOS_MAX_TOKENS and role not in e.roles:
                        e.roles.append(role)
                if _org_in_apposition(ent):
                    # "Gavi, the vaccine alliance that funds the rollout, said": an
                    # organisation NER took for a person, by the noun it is in apposition to
                    e.type = "ORG"
                    e.gender = e.gender_source = None
                for a in ent.root.children:   # "Marta Quill, a paramedic with ..."
                    if a.dep_ == "appos" and a.pos_ == "NOUN" and a.i >= ent.end \
                            and not any(c.dep_ == "cc" for c in a.children) and not _subject_misread(ent.root):
                        # (not a list the parser hung as one: "Denise, her husband Marc and
                        # their three children escaped" gives Denise no role)
                        toks = sorted(a.subtree, key=lambda t: t.i)
                        if len(toks) <= APPOS_MAX_TOKENS:
                            role = ctx.text[toks[0].idx:toks[-1].idx + len(toks[-1])]
                            if role not in e.roles:
                                e.roles.append(role)
                people.append((ent, e))
                if e.age is None:
                    e.age = _age(ctx.text, ent.start_char, ent.end_char)
        # role nouns of every person first ("His wife, Hilary Pellow"), then courtesy
        # titles, so that a "Mr Pellow" before her does not make her a man
        for _, e in people:
            self._role_gender(e)
        for ent, e in people:
            if " " not in self._ent_names[ent.start_char]:
                # a bare surname two people share ("Morag Kerr" … "Jean Kerr" … "Mrs Kerr"):
                # the honorific is the gender of the bearer the surname goes to there,
                # unless that one's gender is another ("Hilary Pellow … her husband,
                # Graham Pellow … Mrs Pellow" is still Hilary)
                there = self.get_at(self._ent_names[ent.start_char], ent.start_char)
                hon = next(iter(_honorific_genders(ent)), None)
                if hon is None or there.gender in (None, hon):
                    e = there
            self._honorific(ent, e)
        self._missed_mentions()
        for e in self._unique():
            if e.type == "PERSON" and any(_THEY_PERSON.search(ctx.text, x.end, ctx.sentence_end_after(x.end))
                                          for x in e.mentions if x.kind in ("name", "alias")):
                e.pronouns["they"] += 1   # "Jesse Marlow, who is non-binary," / "who uses they/them pronouns"
        self._pronoun_evidence()
        self.mentions.sort(key=lambda m: m[0])
        self.mention_pos = [m[0] for m in self.mentions]

    def _acronym_definitions(self, raw: list, ends: dict[int, int]) -> list:
        """Add the organisations the article defines with an acronym in brackets ("The
        Roads and Transport Authority (RTA) will ...", AP style: "first reference in
        full, the abbreviation in parentheses") when NER cut the name short ("Transport
        Authority"): the capitalised words before the bracket, with "and", "of", "for",
        "the", "&" between, whose initials spell the acronym. The NER spans the name
        covers are replaced by it, so "the RTA" later is its short form."""
        text = self.ctx.text
        names = {r[1] for r in raw}
        add = []
        for m in _ACRONYM_DEFINED.finditer(text):
            acr = m.group("acr")
            lo = max(0, m.start() - ACRONYM_LOOKBACK_CHARS)
            words = text[lo:m.start()].rstrip().split(" ")
            words = (words if lo == 0 else words[1:])[-(2 * len(acr) + 2):]   # (a cut first word dropped)
            caps = 0
            k = len(words)
            while k > 0 and caps < len(acr):
                w = words[k - 1]
                if w[:1].isupper() and w.strip("'’").isalpha():
                    caps += 1
                elif w.lower() not in ("and", "of", "for", "the", "&", "on", "in") or caps == 0:
                    break
                k -= 1
            full = words[k:]
            initials = "".join(w[0] for w in full if w[:1].isupper())
            if caps != len(acr) or initials != acr.upper().replace("&", "") or not full[0][:1].isupper():
                continue
            name = " ".join(full)
            start = text.rfind(name, 0, m.start())
            if name in names or start < 0 or self.ctx.token_quoted(self.ctx.token_at(start)):
                continue
            add.append((start, start + len(name), name))
        if not add:
            return raw
        covered = {pos for pos in ends for s, e, _ in add if s <= pos < e}
        raw = [r for r in raw if r[0] not in covered]
        for s, e, name in add:
            raw.append((s, name, "ORG", False, 1))
            ends[s] = e
        return raw

    def _coordinated_given_names(self, raw: list, ends: dict[int, int]) -> list:
        """Two given names sharing the surname after them ("siblings Clementine and August
        Harrow", "Kim and Clark Moran"): the second with the surname is a person ("August
        Harrow", whom NER may miss, reading "August" as the month), and any span NER ran
        over those words is replaced. The first keeps the name the article writes ("Kim",
        as GGT's annotators name her). Both given names must be ones the name table has
        seen (:func:`given_names.is_attested_given_name`), outside quotes."""
        ctx = self.ctx
        found = []
        for m in _GIVEN_PAIR.finditer(ctx.text):
            g1, g2, surname = m.group(1), m.group(2), m.group(3)
            if not all(w[0].isupper() and w[1:].islower() for w in (g1, g2, *surname.split("-"))):
                continue
            if not (given_names.is_attested_given_name(g1) and given_names.is_attested_given_name(g2)) \
                    or _is_role_word(g1) or _is_role_word(surname) or ctx.quoted(m.start()) \
                    or ctx.skipped(m.start()):
                continue
            tok = ctx.token_at(m.start())
            if tok is None or tok.pos_ != "PROPN":
                continue
            if not any(len(r[1].split()) >= 2 and r[1].split()[-1] == g1 for r in raw):
                # the first given name is a person of its own, though NER ran one span
                # over the pair or called it an organisation ("Itzel and Rubén
                # Carranza-Ortiz"); not a surname the article gives someone ("Jamie
                # Fenwick ... Fenwick and Tariq Osei")
                found.append((m.start(1), m.end(1), g1))
                self._paired_given.add(g1)
            found.append((m.start(2), m.end(), f"{g2} {surname}"))
        if not found:
            return raw
        raw = [r for r in raw if not any(r[0] < e and b < ends.get(r[0], r[0] + len(r[1])) for b, e, _ in found)]
        for b, e, name in found:
            raw.append((b, name, "PERSON", False, 1))
            ends[b] = e
        return raw

    def _whole_org_names(self) -> dict[int, tuple[int, int, str | None]]:
        """NER spans that are part of an organisation's name written whole with its "of",
        "to" or "for" phrase or its listed parts (:func:`speaker_detector._whole_org_name`:
        "The Ferry, Dock and Harbour Union", NER's "Harbour Union"), by start: the first
        such span of a name maps to (start, end, name), the others in it to (.., None)."""
        ctx = self.ctx
        out: dict[int, tuple[int, int, str | None]] = {}
        claimed: set[tuple[int, int]] = set()
        for ent in ctx.ents:
            if ent.label_ not in ("ORG", "PERSON", "GPE", "FAC", "NORP"):
                continue
            whole = _whole_org_name(ent.root, ent.sent.start_char, ent.sent.end_char)
            if whole is None:
                continue
            own = {t.i for t in ent if t.lower_ != "the"}
            if not own or not own < {t.i for t in whole}:
                continue
            b, e = whole[0].idx, whole[-1].idx + len(whole[-1])
            out[ent.start_char] = (b, e, None if (b, e) in claimed else normalize_name(ctx.text[b:e], "ORG"))
            claimed.add((b, e))
        return out

    def _full_names_missed(self, raw: list, ends: dict[int, int]) -> list:
        """Add the full names NER missed of a one-word name it found: where the article
        writes a given name the given-name table knows, tagged a proper noun, before that word ("LAKE BUENA VISTA,
        Fla. – Brittany Lincicome stood ..." when NER only tagged "Lincicome" later),
        outside quotes, and no longer name the article has ends in the word. The NER
        mention the full name covers is replaced by it."""
        ctx = self.ctx
        names = {r[1] for r in raw}
        longer_last = {n.split()[-2] if len(n.split()) >= 3 and n.split()[-1].lower().rstrip(".") in _GENERATIONS
                       else n.split()[-1] for n in names if " " in n}   # "Whitfield" of "Harland J. Whitfield III"
        longer_first = {n.split()[0] for n in names if " " in n}   # "Henry" of "Sir Henry Blake"
        short = {r[1] for r in raw if " " not in r[1] and r[1][:1].isupper() and not r[1].isupper()
                 and r[1] not in longer_last and r[1] not in longer_first
                 and r[2] in ("PERSON", "NORP", "ORG", "GPE")}
        # a double surname NER tagged without its given name ("García López" of "Ana
        # García López")
        short |= {r[1] for r in raw if r[2] == "PERSON" and len(r[1].split()) == 2
                  and all(w[:1].isupper() and not w.isupper() for w in r[1].split())
                  and not is_known_first_name(r[1].split()[0])
                  and not any(n.endswith(" " + r[1]) for n in names)}
        # a surname with its particles NER tagged without the given name ("van der Linde"
        # of "Joost van der Linde", after a headline that misled it)
        short |= {r[1] for r in raw if r[2] == "PERSON" and 2 <= len(r[1].split()) <= 4
                  and r[1].split()[0] in NAME_PARTICLES_V1 and r[1].split()[-1][:1].isupper()
                  and not any(n.endswith(" " + r[1]) for n in names)}
        # the surname of a person named in full, written after another known given name
        # NER missed ("Chief Rosalind Meekis ..." before "Deputy Chief Arnold Meekis"): a
        # second person of that surname, not a bare use of the first one's
        surnames = {n.split()[-1] for r in raw if r[2] == "PERSON" and len((n := r[1]).split()) == 2
                    and is_known_first_name(n.split()[0]) and n.split()[-1][:1].isupper()
                    and not n.split()[-1].isupper() and n.split()[-1][-1:].isalpha()}
        short |= surnames
        if not short:
            return raw
        found = self._full_name_occurrences(short)
        def speaks(e: int) -> bool:   # the name is the subject of a reporting verb
            t = ctx.token_at(e - 1)
            return t is not None and t.dep_ == "nsubj" and t.head.lemma_.lower() in REPORTING_VERBS_V1

        found = {s: (e, n) for s, (e, n) in found.items() if n.split()[-1] not in surnames or n not in names
                 and n.split()[0].lower() not in TITLE_WORDS_V1 and speaks(e)}
        # ("Justice Dunphy" is the judge Sean Dunphy; a second bearer counts only as a
        # source news introduces, the subject of "said": GUM's biographies name relatives
        # in passing, whom a bare surname does not mean)
        if not found:
            return raw
        covered = {pos for pos in ends for s, (e, _) in found.items() if s <= pos < e}
        subj = {}
        for s, (e, _) in found.items():
            t = ctx.token_at(e - 1)
            subj[s] = 2 if t is not None and t.dep_ in ("nsubj", "nsubjpass") else 1
        raw = [r for r in raw if r[0] not in covered]
        for s, (e, name) in found.items():
            raw.append((s, name, "PERSON", False, subj[s]))
            ends[s] = e
        return raw

    def _full_name_occurrences(self, short: set[str]) -> dict[int, tuple[int, str]]:
        """Where the text writes a known given name (a proper noun, not a title, outside
        quotes and captions; a rarer one the table has seen counts: "Naledi", 85 people)
        right before one of the words in ``short``: start -> (end, full name)."""
        ctx = self.ctx
        found: dict[int, tuple[int, str]] = {}
        # not inside a longer name ("Javier Ortega" of "Javier Ortega Villalobos"; a
        # generational suffix may follow: "Joseph R. Biden Jr.")
        # (a given name in any Latin script, whole when hyphenated: "François-Xavier",
        # not "Xavier" of it; "Łukasz", "Zoë"; a list's dash is no hyphen: "-Nate Cohn")
        pat = re.compile(r"(?<![\w'’])(?<![^\W\d_]-)([^\W\d_]{2,}(?:-[^\W\d_]{2,})?) (?:[A-Z]\. )?(%s)\b(?![ -](?!(?:Jr|Sr|II|III|IV)\b)[A-Z])" % "|".join(re.escape(n) for n in sorted(short, key=lambda n: (-len(n), n))))
        for m in pat.finditer(ctx.text):
            first = m.group(1)
            if not all(w[:1].isupper() or k and w[:1].islower() for k, w in enumerate(first.split("-"))) \
                    or not all(w[1:].islower() for w in first.split("-")):
                continue
            titled = re.search(r"\b([A-Z][a-z]+)\.? $", ctx.text[max(0, m.start() - 20):m.start()])
            titled = titled is not None and titled.group(1).lower() in PERSONAL_TITLES_V1
            romanised = ROMANISED_GIVEN.fullmatch(first) is not None   # "Jae-won", "Xiao-ming"
            if not (is_known_first_name(first) or titled or romanised
                    or given_names.is_attested_given_name(first)) or _is_role_word(first) \
                    or first.lower() in _NOT_GIVEN:
                continue   # (a personal title before it makes an unknown word a given name: "Mayor Rhodri Llewellyn")
            before = re.search(r"\b([A-Z][\w'’-]*)\.?[ \t]$", ctx.text[max(0, m.start() - 40):m.start()])
            if before is not None and before.group(1).lower() in _FUNCTION_WORDS:
                before = None   # "For Tama Te Rangi, ...": a capitalised preposition opens no longer name
            if " " in m.group(2) and (first.lower() in TITLE_WORDS_V1 or before is not None
                                      and before.group(1).lower() not in TITLE_WORDS_V1):
                # "Secretary General Ban Ki-moon": a title, not the given name of "Ban
                # Ki-moon"; "Aung San Suu Kyi": a longer name, not "San Suu Kyi" (but a title
                # before the given name is no part of it: "Cllr Aoife Ní Bhriain")
                continue
            tok = ctx.token_at(m.start())
            if tok is None or tok.pos_ != "PROPN" and not romanised or ctx.token_quoted(tok) or ctx.skipped(m.start()):
                continue
            if tok.ent_type_ in ("GPE", "LOC") and tok.dep_ == "pobj":
                continue   # "Ambassador to Brazil Fang Zhiyuan": the title's place, not a given name
            found[m.start()] = (m.end(), m.group(0))
        return found

    def _new_full_name(self, name: str) -> str | None:
        """For a one-word name NER never tagged ("Laurin", met first as a speaker), the
        full name the text gives it ("For Carole Laurin, a series of strokes ..."),
        added as an entity with its mentions; None if the text gives none."""
        if " " in name and not (len(name.split()) == 2 and name.split()[0].lower() in NAME_PARTICLES_V1) \
                or not name[:1].isupper() or name.isupper() or not hasattr(self, "mention_pos"):
            return None   # (a surname with its particle counts: "Te Rangi" of "Tama Te Rangi")
        found = self._full_name_occurrences({name})
        if not found:
            return None
        full = Counter(n for _, n in found.values()).most_common(1)[0][0]
        e = self.entities.setdefault(full, Entity(full, "PERSON"))
        e.set_gender(first_name_gender(full.split()[0]), "name")
        for start, (end, n) in sorted(found.items()):
            if n != full or start in e.positions:
                continue
            e.positions.append(start)
            e.mentions.append(EntityMention(start, end, n, "name"))
            k = bisect_left(self.mention_pos, start)
            self.mentions.insert(k, (start, e, 1))
            self.mention_pos.insert(k, start)
        e.positions.sort()
        return full

    def _honorific(self, ent, e: Entity) -> None:
        """Gender from a courtesy title before or at the start of a PERSON span ("Mr
        Vale", "Ms. Lopez")."""
        for g in _honorific_genders(ent):
            # before the full name, or a surname of someone of no known gender ("Mr Pellow"
            # is not Hilary Pellow: the resolver keeps them apart)
            if e.gender is None or " " in self._ent_names[ent.start_char] or e.gender == g:
                # "Mrs Brandt" for Helena Brandt, whom the name table already made a
                # woman: the article's own word is the stronger source
                e.set_gender(g, "honorific")

    @staticmethod
    def _role_gender(e: Entity) -> None:
        """Gender from gendered role nouns (:data:`ROLE_GENDER`) in the entity's roles; a
        possessor's noun is someone else's ("The man's neighbour, Agnes MacKinnon")."""
        for role in e.roles:
            for w in re.findall(r"[a-z]+(?:['’]s\b)?", role.lower()):
                if w in ROLE_GENDER:
                    e.set_gender(ROLE_GENDER[w], "role")

    def _missed_mentions(self) -> None:
        """Add the mentions NER missed of names it found elsewhere: a person's surname
        ("Patterson"), an organisation's acronym ("EDC" for Export Development Canada)
        or a known short form, as single capitalised tokens outside quotes and captions.
        A surname two people share goes to the one the article itself calls by it."""
        short: dict[str, Entity | None] = {}
        for e in self._unique():
            words = e.name.split()
            if len(words) < 2:
                continue
            form = words[-1] if e.type == "PERSON" else "".join(w[0] for w in words if w[0].isupper())
            if len(form) >= 2:
                short[form] = None if short.get(form, e) is not e else e
        shared = {a for a, e in short.items() if e is None}
        for a, target in self.alias.items():
            if " " not in a and short.get(a) is None:   # the article's own short form settles a shared surname
                short[a] = self.entities[target]
        if not short:
            return
        ctx = self.ctx
        tagged = {i for ent in ctx.ents for i in range(ent.start, ent.end)}
        for t in ctx.doc:
            e = short.get(t.text)
            if e is None or t.i in tagged or not t.text[0].isupper() or ctx.token_quoted(t) \
                    or ctx.skipped(t.idx):
                continue
            if t.text in shared:   # a surname two people share: the one this place calls by it
                e = self.get_at(t.text, t.idx)
            subj = 2 if t.dep_ in ("nsubj", "nsubjpass") else int(
                t.dep_ not in ("pobj", "poss", "dobj", "npadvmod", "nmod", "dative", "compound"))
            e.positions.append(t.idx)
            self.mentions.append((t.idx, e, subj))
            e.mentions.append(EntityMention(t.idx, t.idx + len(t.text), t.text, "alias"))
            e.aliases.add(t.text)

    def _unique(self):
        seen = set()
        for e in self.entities.values():
            if id(e) not in seen and self.alias.get(e.name) is None:
                seen.add(id(e))
                yield e

    @staticmethod
    def _name_end_of(short: str, names) -> list[str]:
        """The people's names of three words or more that a two-word name ends, both
        opening with a well-attested given name ("Paz Akin" in "Lorena Paz Akin": a
        first given name left out; not "Hillary Clinton" in "Crooked Hillary Clinton",
        nor a surname pair "Guajardo Villarreal")."""
        if len(short.split()) != 2 or not is_known_first_name(short.split()[0]):
            return []
        return _people_ending_in(short, names)

    @staticmethod
    def _legal_name_of(short: str, names) -> list[str]:
        """The names that are ``short`` with a company's legal form after it ("Kestrel
        Holdings Ltd", "Northwind Therapeutics, Inc" for "Kestrel Holdings", "Northwind
        Therapeutics"; :data:`~saidwhat.pipeline.context.LEGAL_FORMS`)."""
        low = short.lower()
        return [n for n in names if n.lower().startswith(low) and n != short
                and n[len(short):].lstrip(",")[:1] == " " and n[len(short):].lstrip(",").split()
                and all(w.lower() in LEGAL_FORMS or w.lower() + "." in LEGAL_FORMS
                        for w in n[len(short):].lstrip(",").split())]

    @staticmethod
    def _double_surname_of(short: str, names) -> list[str]:
        """The people's names a short form of a double surname stands for: "García López"
        and "Ortega" for "Ana García López" and "Javier Ortega Villalobos" (Spanish and
        Portuguese names put the paternal surname first; RAE, Diccionario panhispánico de
        dudas, "apellido"). The short form opens with no known given name and no title,
        so "Michael" is never "John Michael Smith"; the full name opens with a known given
        name."""
        parts = short.split()
        if not 1 <= len(parts) <= 2 or not all(w[:1].isupper() for w in parts) \
                or is_known_first_name(parts[0]) or any(_is_role_word(w) for w in parts):
            return []
        if len(parts) == 1:   # the paternal surname after one or more given names ("María José")
            return [n for n in names if 3 <= len(n.split()) <= 5 and short in n.split()[1:-1]
                    and all(is_known_first_name(w) for w in n.split()[:n.split().index(short)])
                    and guess_name_type(n, None) == "PERSON"]
        return _people_ending_in(short, names)

    @staticmethod
    def _given_part_of(short: str, names) -> list[str]:
        """Longer names of which ``short`` (two capitalised words) is the given part, as
        Malay usage shortens them: the words before "bin"/"binti" ("Ahmad Kamal" of "Ahmad
        Kamal bin Ahmad Tarmizi"). (The first two words of any four-word name were tried
        too, "Azman Shah" of "Azman Shah Abdul Rahim": on PolNeAR train they made "Ted
        Cruz" a short form of NER's "Ted Cruz South Carolina" and of headline runs.)"""
        words = short.split()
        if len(words) != 2 or not all(w[:1].isupper() and w[1:].islower() for w in words):
            return []
        return [n for n in names if n != short and n.split()[:2] == words and len(n.split()) >= 4
                and n.split()[2].lower() in ("bin", "binti", "bte", "bt")]

    def _expand(self, short: str, names: Counter) -> str | None:
        low = short.lower()
        given = self._given_part_of(short, names)
        if given:
            return max(given, key=lambda n: (names[n], len(n)))
        if self._nicknames.get(short) in names and self._nicknames[short] != short:
            return self._nicknames[short]   # "Bobby" of 'Roberto “Bobby” Castellanos'
        nick = [n for n in names if n != short and re.search(rf"[“\"‘'] ?{re.escape(short)} ?[”\"’'] ", n)]
        if nick:   # "Bobby" of 'Roberto “Bobby” Castellanos': the nickname the full name gives
            return max(nick, key=lambda n: (names[n], len(n)))
        fuller = self._name_end_of(short, names)
        if fuller:
            return max(fuller, key=lambda n: (names[n], len(n)))
        if " " in short and short.split()[0].lower() in NAME_PARTICLES_V1:
            # "de la Cruz", "von der Leyen"; "Van Oosterhout" opening a sentence
            fuller = [n for n in names if (n.lower().endswith(" " + low) or n.lower() == low and n[:1].islower())
                      and n != short]   # "Van Oosterhout" opening a sentence is "van Oosterhout"
            if fuller:
                return max(fuller, key=lambda n: (names[n], len(n)))
        if " " in short and any(w.lower() in NAME_PARTICLES_V1 for w in short.split()):
            # a surname with particles, written alone as Iberian usage shortens the name
            # to its first surname: "de la Vega" of "Pedro Luis de la Vega Moreno",
            # "Barbosa de Lima" of "Carlos Eduardo Barbosa de Lima", "Del Río" of "Lucía
            # del Río Prieto" (never the name's opening words, its given names)
            fuller = [n for n in names if n != short and f" {low} " in f" {n.lower()} "
                      and not n.lower().startswith(low + " ") and len(n.split()) > len(short.split())
                      and guess_name_type(n, None) == "PERSON"]
            if fuller:
                return max(fuller, key=lambda n: (names[n], len(n)))
        person = [n for n in names if len(n.split()) >= 2 and (n.split()[-1].lower() == low or (
            len(n.split()) >= 3 and n.split()[-1].lower().rstrip(".") in _GENERATIONS
            and n.split()[-2].lower() == low) or (
            "-" in n.split()[-1] and " " not in low and n.split()[-1].lower().rsplit("-", 1)[-1] == low
            and low[:1].isalpha() and not ROMANISED_GIVEN.fullmatch(n.split()[-1]))
            or len(n.split()) >= 3 and ROMANISED_GIVEN.fullmatch(n.split()[-1]) and n.split()[-2].lower() == low)]
        if person:   # prefer a person's name to an organisation that ends in it ("Studio Schicketanz"),
            # and the surname itself to the last part of a double-barrelled one ("Liam
            # Brennan", not "Maya Osei-Brennan", for "Brennan")
            return max(person, key=lambda n: (guess_name_type(n, None) == "PERSON"
                                              and is_known_first_name(n.split()[0]),
                                              n.split()[-1].lower() == low, names[n], len(n)))
        fuller = self._double_surname_of(short, names) or self._legal_name_of(short, names)
        if fuller:
            return max(fuller, key=lambda n: (names[n], len(n)))
        longer = [n for n in names if len(n.split()) >= 2 and n.lower().startswith(low + " ")]
        if longer:
            return max(longer, key=lambda n: (names[n], len(n)))
        acr = [n for n in names if len(n.split()) >= 2 and "".join(w[0] for w in n.split() if w[0].isupper()) == short]
        if acr:
            return acr[0]
        return None

    def fuller_form(self, short: str) -> str | None:
        """The name of an entity the article already has that ``short`` is a short form
        of (surname, acronym, particle or double-surname form; :meth:`_expand`), or None."""
        return self._expand(short, Counter({n: 1 for n in self.entities}))

    def get(self, name: str, label: str | None = None) -> Entity:
        """The entity for a name, creating it if the article's NER missed it (typed from
        the name and ``label``, the NER label or the mention's own: ORG for a named
        organisation)."""
        if name not in self.entities and name not in self.alias:
            name = normalize_name(name, label)
        key = self.alias.get(name, name)
        if key in self.entities and 2 <= len(key) <= 8 and key.isupper() and key.isalpha():
            # an acronym NER found on its own, whose expansion the article gave in a
            # mention NER missed ("The Special Investigations Unit said ... The SIU said")
            full = next((n for n, e in self.entities.items() if e.type == "ORG" and len(n.split()) >= 2
                         and "".join(w[0] for w in n.split() if w[0].isupper()) == key), None)
            if full is not None:
                self.alias[key] = key = full
        if key not in self.entities:
            target = self.fuller_form(name) or self._new_full_name(name)
            if target:
                self.alias[name] = target
                key = target
            else:
                self.entities[key] = Entity(key, guess_name_type(key, label))
                e = self.entities[key]
                if e.type == "PERSON" and len(key.split()) >= 2 and " and " not in key:   # not a pair
                    e.set_gender(first_name_gender(key.split()[0]), "name")
        return self.entities[key]

    def get_at(self, name: str, pos: int, gender: str | None = None, label: str | None = None) -> Entity:
        """The entity a name written at offset ``pos`` refers to (``gender``: "M" or "F"
        from an honorific written with it, "Mrs Pellow"): as :meth:`get`, but a
        surname two or more people of the article share ("Greenspan" for Dorie and
        Michael Greenspan) goes to the one the article first called by it (the one
        named in full last before the first bare use), unless another of them was
        named in full in this sentence or the one before and that one was not, and the
        article has not yet called the first one by the bare surname."""
        norm = normalize_name(name)
        if gender is not None:   # "Mrs Pellow" is not Graham Pellow; "Mr Pellow" not Hilary Pellow
            e = self.get_at(name, pos)
            same = [x for x in self._unique() if x.type == "PERSON" and x.gender == gender
                    and norm.split()[-1] in _surname_keys(x.name)
                    and not (x.gender_source == "honorific" and x is not e
                             and any(mm.start == pos for mm in x.mentions))]
            # (a gender another bearer took from this very honorific is no evidence against
            # the one the surname goes to: "Morag Kerr ... Jean Kerr, 80, said ... Mrs Kerr")
            if e.gender == gender or e.gender is None and not same:
                return e   # (else, of several who share the surname, the one of the honorific's gender)
            seen = given_names.lookup(e.name.split()[0]) if e.gender_source == "name" else None
            if not same and e.type == "PERSON" and seen is not None and seen[1] < given_names.KNOWN_MIN_COUNT:
                # "Thangam Thennarasu ... Mr Thennarasu": the honorific the article gives
                # outweighs a given-name prior drawn from fewer people than make a name
                # well attested (13 for "Thangam"); "Graham Pellow ... Mrs Pellow" is someone else
                e.gender, e.gender_source = gender, "honorific"
                return e
            if same:
                return max(same, key=lambda x: max((p for p in x.positions if p < pos), default=-1))
            key = f"{norm}\x00{gender}"   # one more person of that surname, named only so
            if key not in self.entities:
                self.entities[key] = Entity(norm, "PERSON", gender=gender, gender_source="honorific")
            return self.entities[key]
        if " " in norm or not norm[:1].isupper():
            return self.get(name, label)
        if getattr(self, "_surnames_at", -1) != len(self.entities):   # rebuilt when entities are added
            self._surnames: dict[str, list[Entity]] = {}
            for e in self._unique():
                if e.type == "PERSON" and len(e.name.split()) >= 2:
                    for key in _surname_keys(e.name):
                        self._surnames.setdefault(key, []).append(e)
            self._surnames_at = len(self.entities)
            self._owner: dict[str, Entity] = {}
        sharing = self._surnames.get(norm, [])
        if len(sharing) < 2:
            return self.get(name, label)

        def last_before(e, p):
            # where the article last wrote the person's surname: a given name alone
            # ("a photograph of Kayla") does not hand the shared surname back to her
            return max((x.start for x in e.mentions if x.start < p and norm in x.text.split()), default=max(
                (q for q in e.positions if q < p and norm in self.ctx.text[q:q + len(e.name) + 20]), default=-1))
        owner = self._owner.get(norm)
        if owner is None:
            # the first bare use may be one NER did not tag ("Verity said ..."): the owner
            # is the one named in full last before it; a relative introduced as such ("her
            # sister, Daniela Marquez") only when no one else of the name has been quoted
            # before, as news calls relatives by given name and keeps the surname for the
            # one it quotes (a son who died, "His father, Ernie Roe, says": the father)
            # (a bare use before anyone of the name is written in full, as a headline's
            # "Gallacher leads in Dubai", decides nothing: the first use after one is)
            first = [b for b in self._bare_uses(norm, sharing, pos) if any(last_before(e, b) >= 0 for e in sharing)]
            at = first[0] if first else pos
            main = [e for e in sharing if not self._named_as_relative(e) and self._spoke_before(e, at)]
            owner = max(main or sharing, key=lambda e: (last_before(e, at), len(e.positions)))
            if last_before(owner, at) < 0:
                # no one of the name written in full yet (a headline's bare surname): the
                # one the article names first after it, as a story's lede names its subject
                owner = min(sharing, key=lambda e: (min(e.positions, default=len(self.ctx.text)), -len(e.positions)))
            self._owner[norm] = owner
        near = self.ctx.sentence_start_before(max(0, self.ctx.sentence_start_before(pos) - 1))
        recent = [e for e in sharing if last_before(e, pos) >= near]
        if len(recent) == 1 and recent[0] is not owner and (
                not self._bare_uses(norm, sharing, pos)
                and not (self._named_as_relative(recent[0]) and self._spoke_before(owner, pos))
                or self._subject_at(recent[0], last_before(recent[0], pos))):
            # the one just named takes the surname over, unless the article already calls
            # the owner by it and the newcomer came in aside, not as a subject (news style
            # tells relatives apart by given name: "credited her grandmother, Rosalind
            # Verity" then "Verity posted" is still the singer, as is "Verity" after "her
            # sister, Ana Verity" set aside; "Her brother Tomas Berg runs the shop. ... Berg
            # said" is the brother)
            return recent[0]
        return owner

    def covering_person(self, start: int, end: int) -> Entity | None:
        """The person whose named mention (from the repaired entity spans: names NER cut
        in two, names after a personal title, names with a nickname) holds chars
        [start, end) and more: "Datuk Zulkefli" + "Che Hassan" made "Zulkefli Che Hassan",
        of which a speaker mention kept only "Che Hassan". None if there is none."""
        for e in self._unique():
            if e.type == "PERSON":
                for x in e.mentions:
                    if x.kind == "name" and x.start <= start and end <= x.end and x.end - x.start > end - start:
                        return e
        return None

    def titled_bearer(self, surname: str, title: str, pos: int) -> Entity | None:
        """Of two or more people of the article who share ``surname``, the only one whose
        first title or role holds a title word (:data:`TITLE_WORDS_V1`) of ``title``, the words
        written before the surname at ``pos`` ("Pastor Bailey" after "Inspector Dwayne
        Bailey" and "Pastor Merline Bailey"); None when no title word, a courtesy title
        (the honorific pass weighs those by gender), or not exactly one bearer fits."""
        words = {w.lower().rstrip(".") for w in title.split()} & TITLE_WORDS_V1
        words -= COURTESY_TITLES_V1 | {w.rstrip(".") for w in COURTESY_TITLES_V1} | _TENURE_WORDS
        if not words or " " in surname:
            return None
        sharing = [e for e in self._unique() if e.type == "PERSON" and len(e.name.split()) >= 2
                   and surname in _surname_keys(e.name)]
        if len(sharing) < 2:
            return None
        # the first title the article gives each (later roles may come from a bare
        # surname's mention the entity stage gave to the wrong bearer)
        fits = [e for e in sharing if e.role and words & {w.lower().rstrip(".,") for w in e.role.split()}]
        return fits[0] if len(fits) == 1 else None

    def _named_as_relative(self, e: Entity) -> bool:
        """True if the article first names ``e`` in full as someone's relative, set off
        in apposition to a possessed kinship noun ("her sister, Daniela Marquez", "by her
        daughter, Susan Ellery"); not as the subject it heads ("Her brother Tomas Berg runs
        the shop")."""
        first = min((p for p in e.positions if p in self._ent_at and " " in self._ent_names.get(p, "")), default=None)
        if first is None:
            return False
        root = self._ent_at[first].root
        kin = root.head
        return root.dep_ == "appos" and kin.lemma_.lower() in KIN_NOUNS and kin.i < root.i \
            and any(c.dep_ == "poss" for c in kin.children)

    def _spoke_before(self, e: Entity, pos: int) -> bool:
        """True if a full mention of ``e`` before ``pos`` is the subject of a reporting
        verb ("Selena Marquez said ...")."""
        return any(p < pos and p in self._ent_at and (r := self._ent_at[p].root).dep_ == "nsubj"
                   and r.head.lemma_.lower() in REPORTING_VERBS_V1 for p in e.positions)

    def _subject_at(self, e: Entity, pos: int) -> bool:
        """True if ``e``'s mention at ``pos`` is the subject of its clause."""
        return any(p == pos and x is e and subj == 2 for p, x, subj in getattr(self, "mentions", ()))

    def _bare_uses(self, surname: str, sharing: list[Entity], pos: int) -> list[int]:
        """Where the text writes ``surname`` alone (outside the full names of the people
        who share it and outside quotes) before ``pos``."""
        text = self.ctx.text
        out = []
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text[:pos]):
            prev = re.search(r"([A-Z][\w.'’-]*)[ \t]$", text[max(0, m.start() - 30):m.start()])
            if prev is not None and prev.group(1).lower().rstrip(".") not in TITLE_WORDS_V1:
                continue   # part of a full name ("Jason LeBlanc")
            if m.start() > 0 and text[m.start() - 1] in HYPHENS or m.end() < len(text) and text[m.end()] in HYPHENS:
                continue   # part of a double-barrelled name ("Osei-Brennan")
            if not self.ctx.quoted(m.start()) and not self.ctx.skipped(m.start()):
                out.append(m.start())
        return out

    def _pronoun_evidence(self) -> None:
        """Gender from the article: sentences naming one person, outside quotes, with
        he/his or she/her later in the same sentence, up to an object pronoun of the
        person's own verb ("told her"), which is someone else."""
        votes: dict[str, Counter] = {}
        ctx = self.ctx
        by_sent: dict[int, list] = {}
        for e in ctx.ents:
            by_sent.setdefault(e[0].sent.start, []).append(e)
        for sent in ctx.doc.sents:
            ents = by_sent.get(sent.start, [])
            persons = {self.get(self._ent_names[e.start_char]).name for e in ents
                       if e.label_ in _TYPES and not ctx.token_quoted(e[0])}
            persons = {p for p in persons if self.entities[p].type == "PERSON"}
            if len(persons) != 1:
                continue
            (p,) = persons
            subj = [e for e in ents if e.root.dep_ in ("nsubj", "nsubjpass")
                    and self.get(self._ent_names[e.start_char]).name == p]
            if not subj:
                continue
            for t in sent:
                g = _GENDER_PRON.get(t.lower_)
                if g and not ctx.token_quoted(t) and t.i > subj[0].end:
                    if t.dep_ in ("dobj", "dative", "iobj") and t.head.i == subj[0].root.head.i:
                        # "McCready told her that she ...": an object pronoun of the
                        # person's own verb is someone else (binding theory, Principle B),
                        # and the pronouns after it are likelier that one's
                        break
                    votes.setdefault(p, Counter())[g] += 1
        # "Sam Rivera, who uses they/them pronouns, ...": the person the sentence names
        for m in _THEY_THEM.finditer(ctx.text):
            lo, hi = ctx.sentence_start_before(m.start()), ctx.sentence_end_after(m.start())
            people = {e.name: e for e in (self.get(self._ent_names[x.start_char]) for x in ctx.ents
                                          if lo <= x.start_char < hi and x.label_ == "PERSON")
                      if e.type == "PERSON"}
            if len(people) == 1:
                e = next(iter(people.values()))
                e.pronouns["they"] += 1
                e.gender, e.gender_source = None, None   # no binary gender for them
        for p, c in votes.items():
            if self.entities[p].pronouns.get("they"):
                continue
            (g, n), *rest = c.most_common()
            e = self.entities[p]
            e.pronouns.update({("he" if x == "M" else "she"): k for x, k in c.items()})
            # the article's own pronouns outrank the name table when they agree at least
            # twice and never disagree; one stray pronoun often belongs to someone else
            # in the sentence ("Jake" stays male)
            if e.gender_source == "name" and e.gender != g and given_names.gender_sure(e.name.split()[0]):
                continue   # "Jonah" (0.4 % women): the "her" near his name is someone else's
            if not rest and n >= PRONOUN_VOTES and e.gender_source == "name":
                e.gender, e.gender_source = g, "pronoun"
            elif not rest or n > 2 * rest[0][1]:
                e.set_gender(g, "pronoun")

    def before(self, pos: int, window: int = BEFORE_WINDOW_CHARS, *, subjects_only: bool = False):
        """Named entities mentioned outside quotes before ``pos``, nearest first, as
        (position, entity) pairs; ``subjects_only`` keeps mentions that are clause
        subjects (the preferred antecedents, after centering theory)."""
        k = bisect_left(self.mention_pos, pos)
        for i in range(k - 1, -1, -1):
            p, e, subj = self.mentions[i]
            if pos - p > window:
                break
            if subj == 2 or not subjects_only:
                yield p, e

    def between(self, lo: int, hi: int, *, subjects_only: bool = False) -> list[Entity]:
        """Entities named outside quotes in [lo, hi); ``subjects_only`` keeps salient
        mentions (subjects, and any that are not objects or possessors)."""
        return [e for _, e in self.named_between(lo, hi, subjects_only=subjects_only)]

    def named_between(self, lo: int, hi: int, *, subjects_only: bool = False) -> list[tuple[int, Entity]]:
        """As :meth:`between`, as (position, entity) pairs in text order."""
        a, b = bisect_left(self.mention_pos, lo), bisect_left(self.mention_pos, hi)
        return [(p, e) for p, e, subj in self.mentions[a:b] if subj or not subjects_only]



    def note_named(self, e: Entity, start: int, subject: bool) -> None:
        """Put a speaker's name that no NER span gave ("Jordan's foreign ministry", found
        by speaker detection at ``start``) among the mentions :meth:`before` reads, so
        that a later "the ministry" or "it" can refer to it; read before a possessor
        named at the same place; a name already there is left."""
        if start in e.positions:   # (every mention's position is among its entity's positions)
            return
        e.positions.append(start)
        e.positions.sort()
        k = bisect_left(self.mention_pos, start + 1)   # after a possessor named there ("Jordan's")
        self.mentions.insert(k, (start, e, 2 if subject else 1))
        self.mention_pos.insert(k, start)

    def link(self, e: Entity, start: int, end: int, text: str, kind: str, role: str | None = None) -> None:
        """Add a mention speaker resolution linked to ``e`` (a pronoun, a description,
        or a name); a pronoun is counted in ``e.pronouns``, a role kept in ``e.roles``."""
        if not any(m.start < end and start < m.end for m in e.mentions):   # NER's own span stays
            e.mentions.append(EntityMention(start, end, text, kind))
        if kind == "pronoun":
            e.pronouns[text.lower()] += 1
        e.add_role(role)

    def unique(self) -> list[Entity]:
        """Each entity once (aliases folded), in no particular order."""
        return list(self._unique())

    def _nearby_pronouns(self, people: list[Entity], ents: list[Entity]) -> dict[int, Counter]:
        """Gendered pronouns near the named mentions of ``people`` (``id(entity)`` ->
        Counter of ``"M"``/``"F"``), outside quotes: those after a name in a sentence
        that names no other person, and a he/she that opens the next sentence when the
        name is that sentence's subject and the next sentence names no person. Reads
        the entities' mentions, so names NER missed count too; a vote, never a link."""
        ctx = self.ctx
        named = [(m.start, e) for e in ents if e.type == "PERSON" for m in e.mentions
                 if m.kind in ("name", "alias") and not ctx.quoted(m.start)]
        by_sent: dict[int, set[int]] = {}
        for start, e in named:
            by_sent.setdefault(ctx.sentence_start_before(start), set()).add(id(e))
        want = {id(e) for e in people}
        votes: dict[int, Counter] = {}
        for m_start, e in named:
            if id(e) not in want:
                continue
            lo = ctx.sentence_start_before(m_start)
            hi = ctx.sentence_end_after(m_start)
            if by_sent.get(lo, set()) != {id(e)}:
                continue
            m = next(x for x in e.mentions if x.start == m_start)
            c = votes.setdefault(id(e), Counter())
            for t in ctx.tokens_in(m.end, hi):
                g = _GENDER_PRON.get(t.lower_)
                if g and not ctx.token_quoted(t):
                    c[g] += 1
            head = ctx.token_at(m.end - 1)
            while head is not None and head.dep_ == "compound" and head.head is not head:
                head = head.head
            if head is None or head.dep_ not in ("nsubj", "nsubjpass") or hi in by_sent:
                continue
            first = next((t for t in ctx.tokens_in(hi, ctx.sentence_end_after(hi))
                          if not (t.is_space or t.is_punct)), None)
            if first is not None and first.lower_ in ("he", "she") and not ctx.token_quoted(first):
                c[_GENDER_PRON[first.lower_]] += 1
        return votes

    def records(self, also: list[Entity] = ()) -> list[EntityRecord]:
        """The entities that have a mention (and those in ``also``, e.g. every resolved
        speaker), as records, ids ``"E1"``, ``"E2"``, ... in order of first mention
        (ties: canonical name). Sets ``Entity.id``."""
        alias_of: dict[int, set[str]] = {}
        for a, target in self.alias.items():
            e = self.entities.get(target)
            if e is not None and a != e.name:
                alias_of.setdefault(id(e), set()).add(a)
        keep = {id(e) for e in also}
        ents = [e for e in self._unique() if e.mentions or id(e) in keep]
        ents += [e for e in also if e.id is None and not any(x is e for x in ents)]
        ents = list({id(e): e for e in ents}.values())
        ents.sort(key=lambda e: (min((m.start for m in e.mentions), default=1 << 62), e.name))
        out = []
        ungendered = [e for e in ents if e.type == "PERSON" and e.gender is None and not e.pronouns.get("they")]
        nearby = self._nearby_pronouns(ungendered, ents) if ungendered else {}
        for k, e in enumerate(ents, 1):
            e.id = f"E{k}"
            # pronouns linked to it, possessive ones too ("her statement" counts as "her")
            he = sum(n for p, n in e.pronouns.items() if p.split()[0] in ("he", "him", "his"))
            she = sum(n for p, n in e.pronouns.items() if p.split()[0] in ("she", "her", "hers"))
            if e.type == "PERSON" and e.gender is None and not e.pronouns.get("they"):
                if bool(he) != bool(she):
                    e.set_gender("M" if he else "F", "pronoun")   # the pronouns linked to it agree
                else:
                    c = nearby.get(id(e), Counter()) + Counter({"M": he, "F": she})
                    (g, n), *rest = c.most_common() or [(None, 0)]
                    if g and n > PRONOUN_MAJORITY * (rest[0][1] if rest else 0):
                        e.set_gender(g, "pronoun")
            elif e.type == "PERSON" and e.gender_source == "name" and not e.pronouns.get("they") \
                    and max(he, she) >= PRONOUN_VOTES and min(he, she) == 0 \
                    and ("M" if he else "F") != e.gender:
                # the article's own pronouns, linked to this person and all agreeing (two
                # or more), outrank the name table ("Maria Santos ... he said ... he added")
                e.gender, e.gender_source = ("M" if he else "F"), "pronoun"
            elif e.type == "PERSON" and e.gender_source in ("honorific", "role", "name") \
                    and max(he, she) >= 1 and min(he, she) == 0 and ("M" if he else "F") == e.gender:
                e.gender_source = "pronoun"   # the article's own word agrees: it is the source issue 11 ranks first
            e.aliases |= alias_of.get(id(e), set())
            e.mentions.sort(key=lambda m: m.start)
            out.append(EntityRecord(
                id=e.id, name=e.name, type=e.type, number=e.number,
                gender={"M": "male", "F": "female"}.get(e.gender or ""), gender_source=e.gender_source,
                aliases=tuple(sorted(e.aliases - {e.name})), roles=_distinct_roles(e.roles),
                pronouns=dict(sorted(e.pronouns.items())),
                mentions=tuple((m.start, m.end, m.text, m.kind) for m in e.mentions)))
        return out


#: The name earlier versions used.
EntityIndex = ArticleEntities
