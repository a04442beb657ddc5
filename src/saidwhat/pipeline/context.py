"""saidwhat.pipeline.context: per-Doc lookups shared by the stages.

Holds the paired quotation marks, a character mask of quoted text, paragraph and
sentence boundaries computed on the raw text (spaCy's sentence splitter is
unreliable around quotation marks: spaCy issues #3141, #3553), and fast
character-to-token lookup. Reads ``doc.text`` and tokens; writes nothing.
"""
from __future__ import annotations

import itertools
import re
import warnings
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from . import given_names
from .lexicons import (COURTESY_TITLES_V1, ELIDED_SURNAME, HYPHENS, NAME_PARTICLES_V1, NAME_SUFFIXES_V1, ORG_NOUNS_V2, PERSON_NOUNS_V2,
                       PERSONAL_TITLES_V1, TITLE_WORDS_V1)
from .marks import MarkedSpan, find_marked_spans
from .paragraphs import doc_paragraph_breaks
from .tokenizer import ABBREVIATIONS_V1

#: Abbreviations after which a full stop does not end a sentence (AP style titles,
#: months, corporate suffixes).
ABBREVIATIONS = frozenset("""
dr mr mrs ms st jr sr prof gen gov sen rep lt col sgt capt maj rev no vs etc inc ltd co corp
jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept est fig approx u.s
""".split()) | {w.lower().rstrip(".").split("/")[-1] for w in ABBREVIATIONS_V1}
# (and the ranks and company words the tokenizer keeps whole: "Const.", "Cpl.", "Cst.")

_CAPTION = re.compile(r"\([^()]{2,80}/[^()]{2,80}\)\s*$|\(\s*[^()a-z]{0,60}\bPHOTO\b[^()a-z]{0,40}\)\s*$")
#: A caption led by its photo credit: "Tijana Martin / The Canadian Press Anne ...",
#: "The Canadian Press Paul Carver, chief Crown attorney, talks ..." (GGT corpus).
_CREDIT_LEAD = re.compile(r"(?:[A-Z][\w.'’-]+ ){1,3}/ [A-Z]|(?:The )?(?:Canadian Press|Associated Press) [A-Z]")
#: Longest byline paragraph looked for, in characters ("By Anna Crewe and Tom Hale, Royal
#: Correspondent" is 48): set by hand; a longer "By ..." paragraph is prose.
BYLINE_MAX_CHARS = 90
#: Page furniture left in scraped news: "Story continues below advertisement",
#: "Article Continued Below" (GGT corpus), "Advertisement".
_FURNITURE = re.compile(r"\s*(?:story continues below(?: advertisement)?|article continued below|"
                        r"continue reading(?: below)?|advertisement)\s*\.?\s*$", re.I)
_LABEL = re.compile(r"\s*(?:READ MORE|WATCH|RELATED|LISTEN|SEE ALSO|MORE|VIDEO|PHOTOS|CLICK HERE)\b[^:\n]{0,20}:\s")
#: A byline paragraph: "By Anna Crewe", "By Anna Crewe and Tom Hale, Royal Correspondent",
#: "BY JANE DOE | The Star" (the writer, whom no "she said" of the article means).
_BYLINE = re.compile(r"\s*by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|and|&|\||-|–)\s*[^\n]{0,60})?\s*$",
                     re.I)
_SENT_END = re.compile(r"[.!?]+(?=[\s\"'“”’‘»«]|$)")
#: Closing marks, and an opening mark after a space: a quotation that ends a sentence
#: inside its marks, then another.
_CLOSERS = frozenset("\"”’»")
_NEXT_QUOTE = re.compile(r"[ \t]+[\"“«]")


#: The date a Reuters or Bloomberg dateline carries after the place ("LONDON, March 4
#: (Reuters) -", "SINGAPORE, Sept. 12, 2026 -"): a month, abbreviated or not, a day and
#: an optional year (Reuters Handbook of Journalism, "datelines").
DATELINE_DATE = (r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
                  r"(?:, \d{4})?)?")

#: An agency credit in brackets after a title-case place; not a member's party in a
#: debate report ("Anna Price (Lab) —").
_AGENCY = r"\((?!(?:Lab|Con|LD|Lib Dem|SNP|Ind|Green|Labour|Conservative|Reform|DUP|SF|PC|Plaid)\))[A-Z][A-Za-z.& ]{1,19}\)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

#: A wire dateline opening an article's first paragraph: the place in capitals, an
#: optional state or country, an optional date, an optional agency in brackets, then a
#: dash ("OTTAWA —", "MANCHESTER, England (AP) —", "ST. LOUIS (Reuters) -", "DETROIT,
#: Oct 2 -"; AP Stylebook, "datelines"). Asian and Gulf agencies write the place in
#: title case; such a dateline needs the agency in brackets or the date ("Kuala Lumpur,
#: Dec 4 (Bernama) --", "Jember, East Java (Antara) —", "Dubai, Oct 3 -"), so that no
#: name and dash opening a paragraph passes for one. Press-release wires have their own
#: ("MINNEAPOLIS--(BUSINESS WIRE)--", "NEW YORK, Dec. 4, 2026 /PRNewswire/ --").
_CAPS_PLACE = r"(?:[A-Z][A-Z.'’]+ )*[A-Z][A-Z.'’]+"                       # "ST. LOUIS"
_TITLE_PLACE = r"(?:[A-Z][\w'’.-]+ ){0,2}[A-Z][\w'’.-]+"                  # "Kuala Lumpur"
_REGION = r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}"                         # "East Java", "England"
_REGION_NOT_DATE = r"(?:, (?!" + _MONTH + r" \d)" + _REGION + r")?"         # not "Dec 4"
DATELINE = re.compile(r"(?:" + _CAPS_PLACE + _REGION_NOT_DATE + DATELINE_DATE + r"(?: ?\([A-Za-z.& ]{2,20}\))?"
                      + r"|" + _TITLE_PLACE + _REGION_NOT_DATE
                      + r"(?:,? " + _MONTH + r" \d{1,2}(?:, \d{4})?(?: ?" + _AGENCY + ")?| ?" + _AGENCY + "))"
                      + r" ?[—–-]{1,2} +"
                      + r"|" + _CAPS_PLACE + r"(?:, " + _REGION + r")?" + DATELINE_DATE
                      + r"(?:--\((?:BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE|PRNewswire)\)--"
                      + r"| ?/PRNewswire(?:-[A-Za-z]+)?/ ?--? *)")


class DocContext:
    """Lookups over one parsed article.

    Args:
        doc: A parsed Doc (tagger, parser, NER).
        marked: Pre-computed marked spans; computed from ``doc.text`` if omitted.
    """

    def __init__(self, doc: Doc, marked: list[MarkedSpan] | None = None) -> None:
        self.doc = doc
        self.text = text = doc.text
        if marked is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                marked = find_marked_spans(text, breaks=doc_paragraph_breaks(doc))
        self.marked = marked = sorted(marked, key=lambda m: m.outer_start)   # top level: no overlaps
        self.marked_starts = [m.outer_start for m in marked]
        self.mask = bytearray(len(text) + 1)
        for m in marked:
            self.mask[m.outer_start:m.outer_end] = b"\x01" * (m.outer_end - m.outer_start)
        self.tok_starts = [t.idx for t in doc]
        self.par_breaks = doc_paragraph_breaks(doc)   # a wrapped line end is no break (cached per Doc)
        self.ents = _untagged_people(doc, self.mask, _past_datelines(doc, self.par_breaks, _titled_names(
            doc, _nicknamed_names(doc, _patronymic_names(_joined_names(
                [_headline_verb_off(_whole_words(e)) for e in map(_before_spaced_dash, doc.ents) if e is not None]))))))
        # (doc.ents rebuilds its spans on every access)
        people = sorted((e.start_char, e.end_char) for e in self.ents if e.label_ == "PERSON")
        self.person_starts = [a for a, _ in people]
        self.person_reach = list(itertools.accumulate((b for _, b in people), max))   # furthest end so far
        self.sent_ends = self._sentence_ends()
        self.skip = self._skipped_paragraphs()          # sorted, disjoint (start, end)
        self._skip_starts = [a for a, _ in self.skip]

    # ---- characters -------------------------------------------------------------
    def quoted(self, pos: int) -> bool:
        """True if character ``pos`` lies inside a marked quote (marks included)."""
        return 0 <= pos < len(self.text) and self.mask[pos] == 1

    def marked_in(self, start: int, end: int) -> list[MarkedSpan]:
        """The marked spans lying wholly inside chars [start, end)."""
        a, b = bisect_left(self.marked_starts, start), bisect_left(self.marked_starts, end)
        return [m for m in self.marked[a:b] if m.outer_end <= end]

    def marked_at(self, pos: int) -> MarkedSpan | None:
        """The marked span with ``outer_start < pos < outer_end``, if any."""
        k = bisect_left(self.marked_starts, pos) - 1
        if k >= 0 and self.marked[k].outer_end > pos:
            return self.marked[k]
        return None

    def token_quoted(self, tok: Token) -> bool:
        return self.mask[tok.idx] == 1

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding ``pos``; end exclusive, at the line
        break (:func:`saidwhat.pipeline.paragraphs.paragraph_breaks`)."""
        k = bisect_left(self.par_breaks, pos)
        start = self.par_breaks[k - 1] + 1 if k > 0 else 0
        end = self.par_breaks[k] if k < len(self.par_breaks) else len(self.text)
        return start, end

    def _skipped_paragraphs(self) -> list[tuple[int, int]]:
        """Paragraphs that are not reporting: photo captions ending in a credit
        "(Name/Outlet)" or "( THE CANADIAN PRESS FILE PHOTO )" or led by one ("Name /
        The Canadian Press ..."), page furniture ("Story continues below advertisement"),
        and link or section labels in capitals ("READ MORE: ...", "WATCH: ..."), as seen
        in scraped news (GGT corpus), and bylines ("By Anna Crewe")."""
        out = []
        for a, b in self.paragraphs():
            p = self.text[a:b]
            if _CAPTION.search(p) or _LABEL.match(p) or _CREDIT_LEAD.match(p) or _FURNITURE.match(p) \
                    or len(p) <= BYLINE_MAX_CHARS and _BYLINE.match(p):
                out.append((a, b))
        return out

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of every non-empty paragraph, in order: the text between two
        paragraph breaks (character indices, end exclusive)."""
        b = self.par_breaks
        return [(s + 1, e) for s, e in zip([-1] + b, b + [len(self.text)]) if e > s + 1]

    def breaks_paragraph(self, tok: Token) -> bool:
        """True if the (space) token ``tok`` holds a paragraph break: a line break
        that is not a wrapped line end."""
        k = bisect_left(self.par_breaks, tok.idx)
        return k < len(self.par_breaks) and self.par_breaks[k] < tok.idx + len(tok.text)

    def skipped(self, pos: int) -> bool:
        """True if ``pos`` lies in a caption or label paragraph."""
        k = bisect_right(self._skip_starts, pos) - 1   # called per token: a bisection, not a scan
        return k >= 0 and pos < self.skip[k][1]

    def _sentence_ends(self) -> list[int]:
        ends = []
        text = self.text
        for m in _SENT_END.finditer(text):
            p = m.start()
            if self.mask[p]:
                q = m.end()
                if q < len(text) and text[q] in _CLOSERS and self.mask[q] and not self.mask[q + 1] \
                        and _NEXT_QUOTE.match(text, q + 1):
                    ends.append(q + 1)   # '"… these loans." "You end up …," he said': two quotations, two sentences
                continue
            if text[p] == ".":
                w = re.search(r"([A-Za-z.]+)$", text[max(0, p - 12):p])
                word = w.group(1).lower() if w else ""
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and not text[max(0, p - 2)].isdigit()) \
                        or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                    continue   # an abbreviation or initials: "Dr.", "J. K.", "J.K. Rowlands"
            ends.append(m.end())
        return ends

    def sentence_start_before(self, pos: int) -> int:
        """Index after the last sentence end at or before ``pos`` (0 if none)."""
        k = bisect_right(self.sent_ends, pos)
        return self.sent_ends[k - 1] if k > 0 else 0

    def sentence_end_after(self, pos: int) -> int:
        """Index of the first sentence end after ``pos`` (len(text) if none)."""
        k = bisect_right(self.sent_ends, pos)
        return self.sent_ends[k] if k < len(self.sent_ends) else len(self.text)

    # ---- tokens -----------------------------------------------------------------
    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens that start in ``[start, end)``."""
        a = bisect_left(self.tok_starts, start)
        b = bisect_left(self.tok_starts, end)
        return [self.doc[i] for i in range(a, b)]

    def token_at(self, pos: int) -> Token | None:
        k = bisect_right(self.tok_starts, pos) - 1
        return self.doc[k] if k >= 0 else None



#: The word between the parties of a case caption ("Smith v. Jones"; Bluebook rule 10.1).
_VERSUS = frozenset({"v.", "vs.", "v", "vs"})


def _cut_at_commas(ents: list[Span]) -> list[Span]:
    """Entity spans that NER ran over a comma cut there ("The Telegraph, Carragher" of
    "Writing in The Telegraph, Carragher said"): a name holds no comma, except before a
    company or generational suffix ("Acme, Inc.", "Smith, Jr.") or in a name that is
    itself a list ("Immigration, Refugees and Citizenship Canada"). Each part keeps the
    label; only the first is known to be what NER saw, so later parts take it on trust.
    A case caption's parties are cut apart the same way (:data:`_VERSUS`)."""
    out: list[Span] = []
    for e in ents:
        cuts = [t.i for t in e if t.text == "," and t.i + 1 < e.end
                and e.doc[t.i + 1].lower_.rstrip(".") not in NAME_SUFFIXES_V1]
        vs = next((t.i for t in e if t.lower_ in _VERSUS and e.start < t.i < e.end - 1), None)
        if vs is not None and not cuts:
            # a case caption, "Corvane Foods Inc v. Department of Agriculture": two parties
            out.extend(Span(e.doc, a, b, label=e.label) for a, b in ((e.start, vs), (vs + 1, e.end)))
            continue
        if not cuts or any(t.lower_ in ("and", "&") for t in e.doc[cuts[0]:e.end]):
            # "Immigration, Refugees and Citizenship Canada": a name that is a list
            out.append(e)
            continue
        start = e.start
        for c in cuts + [e.end]:
            if c > start:
                out.append(Span(e.doc, start, c, label=e.label))
            start = c + 1
    return out


#: Nouns of public bodies that two places can share ("Devon and Cornwall Police", "Avon
#: and Somerset Constabulary", "Hampshire and Isle of Wight Fire and Rescue Service").
_JOINT_BODY_NOUNS = frozenset("police constabulary fire council trust service authority board".split())


def _particles_then_name(doc: Doc, k: int) -> bool:
    """True if the surname particles from token ``k`` on are followed by a capitalised
    word ("van den" + "Berg")."""
    while k < len(doc) and doc[k].text in NAME_PARTICLES_V1:
        k += 1
    return k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha


def _opens_surname(e: Span) -> bool:
    """True if a PERSON span can continue the name before it: it opens with a capital, or
    with surname particles and then a capital ("van den Berg", "dos Santos Figueiredo")."""
    k = next((t.i for t in e if t.text not in NAME_PARTICLES_V1), e.end)
    return k < e.end and e.doc[k].text[:1].isupper()


#: Legal forms that close a company's name after a comma ("Northwind Therapeutics, Inc.",
#: "Kestrel Holdings, LLC"; US, British, Commonwealth and European company law).
LEGAL_FORMS = frozenset("""inc inc. llc l.l.c. ltd ltd. plc corp corp. lp l.p. llp l.l.p. gmbh ag sa s.a.
nv n.v. bv b.v. pty""".split())

#: A numbered unit's number written as an ordinal in figures ("9th", "82nd", "1st").
_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th)")


#: Patronymic particles between given names and a father's name ("Siti Aminah binti
#: Abdullah", "Mohd Faizal bin Ismail"; Wikipedia, "Malay names").
_PATRONYMIC_PARTICLES = frozenset("bin binti bint ibn".split())


def _patronymic_names(ents: list[Span]) -> list[Span]:
    """Entity spans with the given names and patronymic particle NER left out before a
    PERSON span put back ("Siti Aminah binti" + "Abdullah"): one to three capitalised
    proper nouns outside any entity, then "bin"/"binti"/"bint"/"ibn", right before it."""
    out = []
    covered = {i for e in ents for i in range(e.start, e.end)}
    for e in ents:
        doc = e.doc
        # the particle before the span, or NER's span opening with it ("binti Abdullah")
        at = e.start if e[0].text in _PATRONYMIC_PARTICLES else e.start - 1
        if e.label_ == "PERSON" and at >= 1 and doc[at].text in _PATRONYMIC_PARTICLES:
            k = at
            while k > 0 and at - k < 3 and (p := doc[k - 1]).pos_ == "PROPN" and p.is_alpha \
                    and p.text[:1].isupper() and k - 1 not in covered and p.lower_ not in TITLE_WORDS_V1:
                k -= 1
            if k < at:
                e = Span(doc, k, e.end, label=e.label)
        out.append(e)
    return out


def _joined_names(ents: list[Span]) -> list[Span]:
    """Entity spans with a person's name that NER cut in two joined again: two PERSON
    spans with only one space between them ("Trygve Slagsvold" + "Vedum", a name of
    three parts) are one name, and so are a one-word span of a well-attested given name
    NER typed otherwise and the PERSON span after it ("Petra" + "Lindholm")."""
    out: list[Span] = []
    for e in _cut_at_commas(ents):
        p = out[-1] if out else None
        if p is not None and p.label_ == e.label_ == "PERSON" and p.end == e.start \
                and p.doc[p.end - 1].whitespace_ == " " and _opens_surname(e):
            out[-1] = Span(e.doc, p.start, e.end, label=p.label)
        elif p is not None and len(p) == 1 and p.label_ in ("PERSON", "GPE", "NORP") and e.label_ == "ORG" \
                and p.end + 1 == e.start and e.doc[p.end].lower_ in ("and", "&") and p[0].text[:1].isupper() \
                and any(t.lower_ in _JOINT_BODY_NOUNS for t in e):
            # "Devon" + "and" + "Cornwall Police": a body two places share, whose first
            # place NER took for a person ("Avon and Somerset Constabulary")
            out[-1] = Span(e.doc, p.start, e.end, label=e.label)
        elif p is not None and p.label_ == "ORDINAL" and e.label_ == "ORG" and p.end == e.start and len(p) == 1 \
                and _NUMBERED.fullmatch(p[0].text):
            # "9th" + "U.S. Circuit Court of Appeals": a numbered unit's number is part of
            # its name (the 9th and the 5th Circuit are two courts)
            out[-1] = Span(e.doc, p.start, e.end, label=e.label)
        elif p is not None and p.label_ == e.label_ and p.start <= e.start and e.end <= p.end:
            continue   # "van den Berg" inside "Jan van den Berg", both widened over the particles
        elif p is not None and p.label_ == e.label_ == "PERSON" and e.start < p.end < e.end:
            out[-1] = Span(e.doc, p.start, e.end, label=p.label)   # both widened over one particle
        elif p is not None and p.label_ == e.label_ == "PERSON" and 1 <= e.start - p.end <= 2 \
                and all(t.text in NAME_PARTICLES_V1 and t.whitespace_ for t in e.doc[p.end:e.start]) \
                and p.doc[p.end - 1].whitespace_ and e[0].text[:1].isupper():
            # "Ramon" + "dela" + "Cruz Villanueva": a surname particle NER left between two spans
            out[-1] = Span(e.doc, p.start, e.end, label=p.label)
        elif p is not None and e.label_ == "PERSON" and p.label_ in ("ORG", "GPE", "NORP") and len(p) == 1 \
                and p.end == e.start and p.doc[p.end - 1].whitespace_ == " " and _opens_surname(e) \
                and p[0].text[1:].islower() and given_names.is_given_name(p[0].text) \
                and p[0].lower_ not in TITLE_WORDS_V1:
            # "Petra" (ORG) + "Lindholm": a well-attested given name NER typed apart
            out[-1] = Span(e.doc, p.start, e.end, label=e.label)
        elif p is not None and p.label_ == "PERSON" and e.label_ in ("GPE", "ORG") and len(e) == 1 and p.end == e.start \
                and p.doc[p.end - 1].whitespace_ == " " and p.doc[p.end - 1].head.i == e.start \
                and p.doc[p.end - 1].dep_ == "compound":
            # "Paula Rojas" + "Medina": a second surname NER called a place (or "Harpreet
            # Kaur" + "Sandhu", an organisation), which the parser makes the name's head
            out[-1] = Span(e.doc, p.start, e.end, label=p.label)
        elif p is not None and p.label_ == "ORG" and len(e) == 1 and e.start == p.end + 1 \
                and e.doc[p.end].text == "," and e[0].lower_ in LEGAL_FORMS:
            out[-1] = Span(e.doc, p.start, e.end, label=p.label)   # "Kestrel Holdings" + ", " + "LLC"
        else:
            out.append(e)
    return out


#: Longest wire dateline looked for, in characters ("SINGAPORE, Sept. 12, 2026 (Reuters) - "
#: is 39; "MANCHESTER, England (AP) — " 27).
DATELINE_MAX_CHARS = 60


def _past_datelines(doc: Doc, breaks: list[int], ents: list[Span]) -> list[Span]:
    """Entity spans without the wire dateline that opens a paragraph ("LONDON, March 4
    (Reuters) -", :data:`DATELINE`): the place and the agency credit name no one who
    speaks, and a span NER ran from the date into the first words ("Oct 2 - Workers")
    keeps only the words after the dash."""
    text = doc.text
    out = []
    dateline_end: dict[int, int] = {}   # paragraph start -> end of its dateline (or -1)
    for e in ents:
        k = bisect_left(breaks, e.start_char)
        ps = breaks[k - 1] + 1 if k > 0 else 0
        if e.start_char - ps >= DATELINE_MAX_CHARS:
            out.append(e)
            continue
        if ps not in dateline_end:
            m = DATELINE.match(text, ps)
            dateline_end[ps] = m.end() if m else -1
        end = dateline_end[ps]
        if e.start_char >= end:
            out.append(e)
            continue
        rest = [t for t in e if t.idx >= end]
        if rest:
            out.append(Span(doc, rest[0].i, e.end, label=e.label))
    return out


#: Words that make a capitalised run after a given name a body's or a place's name, not
#: a person's ("Victoria Park", "Grace Community Church", "Jordan Valley Authority").
_NOT_PERSON_WORDS = ORG_NOUNS_V2 | frozenset("""park street road avenue lane valley river lake hill
hills bay beach island square bridge hall centre center house court tower station airport
county city town village""".split())


#: Title nouns of a "<title> of <body>" phrase before a name ("Member of Parliament
#: Annette Fraser-McLean", "Minister of Health Lorna Beckles").
_TITLES_OF = frozenset("member minister secretary director head chief president chair commissioner".split())


def _untagged_people(doc: Doc, mask: bytearray, ents: list[Span]) -> list[Span]:
    """Entity spans with the people NER missed who act in the narration: an attested
    given name (:func:`given_names.is_attested_given_name`) and one or two capitalised surnames,
    outside quotes and any entity, whose last word is a clause's subject or stands in
    apposition to a person noun ("Councilmember Brent Ashby visited the scene", "His
    father, Emeka Mbeki, spoke briefly", "Ana Ferreira tried to find middle ground").
    NER finds such names beside "said" more readily than in other clauses, and a
    pronoun or surname later needs them. Nothing capitalised may come right before
    (but a title) or after, no word may be an organisation's or place's noun, and a
    title-case headline is left alone."""
    covered = {i for e in ents for i in range(e.start, e.end)}
    # a hyphenated given name that NER typed otherwise ("Félix-Antoine" as an organisation)
    given_pairs = {e.end - 1 for e in ents if e.label_ != "PERSON" and len(e) == 3 and _hyphenated_given(doc, e.end - 1)}
    spans: list[tuple[int, int]] = []
    n = len(doc)
    for t in doc:
        if t.i in covered and t.i not in given_pairs or not t.is_alpha or t.pos_ != "PROPN" and not (
                t.i + 1 < n and ELIDED_SURNAME.fullmatch(doc[t.i + 1].text)) \
                or not t.text[1:].islower() or mask[t.idx] or not given_names.is_attested_given_name(t.text):
            continue
        first = t.i - 2 if _hyphenated_given(doc, t.i) and (t.i in given_pairs or t.i - 2 not in covered) else t.i
        p = doc[first - 1] if first > 0 else None
        if p is not None and p.lower_ in ("the", "a", "an"):
            continue   # "the Black Caps", "a Grace Street home": English gives a person's name no article
        if p is not None and p.is_alpha and p.text[:1].isupper() and not doc[first].is_sent_start \
                and p.lower_.rstrip(".") not in TITLE_WORDS_V1 \
                and not (t.i >= 3 and doc[t.i - 2].lower_ == "of" and doc[t.i - 3].text[:1].isupper()
                         and doc[t.i - 3].lower_ in _TITLES_OF):
            continue   # inside a longer capitalised run (but "Member of Parliament" + the name)
        k = t.i + 1
        words = 0
        while k + 1 < n and doc[k].text in NAME_PARTICLES_V1 and doc[k].whitespace_ and k not in covered \
                and k - t.i <= 3 and (doc[k + 1].text in NAME_PARTICLES_V1 or doc[k + 1].is_alpha
                                      and doc[k + 1].text[:1].isupper()):
            k += 1   # a surname's particles: "Anne de Búrca", "Jan van der Berg"
        while k < n and words < 2 and k not in covered and (
                doc[k].is_alpha and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN"
                and doc[k].lower_ not in TITLE_WORDS_V1 or ELIDED_SURNAME.fullmatch(doc[k].text)):
            k += 1
            words += 1
            if k + 1 < n and doc[k].text in HYPHENS and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
                    and doc[k + 1].is_alpha and doc[k + 1].text[:1].isupper() and k + 1 not in covered:
                k += 2   # a hyphenated surname: "Fraser-McLean"
        if words == 0 or k < n and doc[k].is_alpha and doc[k].text[:1].isupper() \
                or any(w.lower_ in _NOT_PERSON_WORDS for w in doc[t.i:k]):
            continue
        last = doc[k - 1]
        if any(doc[j].head.i != last.i and doc[j].text not in HYPHENS and not (
                j == t.i and t.dep_ == "ROOT" and doc[j + 1].is_sent_start) and not (
                j < t.i and first <= doc[j].head.i < k) for j in range(first, k - 1)) \
                or title_case(last.sent) and not any(
                x.pos_ in ("VERB", "AUX") and x.text.islower() for x in last.sent):
            continue   # (the parser may cut a given name off as a sentence of its own after
            #            a headline without a full stop: "Ewan" | "Gallacher shot 66")
        if last.dep_ in ("nsubj", "nsubjpass") or last.dep_ == "appos" and last.head.pos_ == "NOUN" \
                and last.head.lower_ in PERSON_NOUNS_V2:
            spans.append((first, k))
    return _with_persons(doc, ents, spans)


def _hyphenated_given(doc: Doc, i: int) -> bool:
    """True if the word at ``i`` is the second part of a hyphenated given name whose
    first part is a given name too ("Marie-Ève", "Félix-Antoine", "Jean-Philippe";
    French and Quebec usage), written with no spaces."""
    if i < 2:
        return False
    a, h = doc[i - 2], doc[i - 1]
    return h.text in HYPHENS and not a.whitespace_ and not h.whitespace_ and a.is_alpha \
        and a.text[:1].isupper() and a.text[1:].islower() and given_names.is_given_name(a.text)


def _with_persons(doc: Doc, ents: list[Span], spans: list[tuple[int, int]]) -> list[Span]:
    """``ents`` with the PERSON spans of token ranges ``spans`` put in, in place of every
    span they overlap, in text order."""
    if not spans:
        return ents
    out = [e for e in ents if not any(e.start < b and a < e.end for a, b in spans)]
    return sorted(out + [Span(doc, a, b, label="PERSON") for a, b in spans], key=lambda e: e.start)


_OPEN_MARKS = frozenset("“\"‘'")
_CLOSE_MARKS = frozenset("”\"’'")


def _nicknamed_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Entity spans with a person's name that holds a nickname in quotation marks made
    one PERSON span: 'Brendan “the Gaffer” Walsh', 'Shane "Sparky" Lynch', 'Pádraig
    “Podge” Ó Súilleabháin', which NER splits, tags as a facility or a work's title, or
    runs into the surname only. The shape: a capitalised word that is no title, an
    opening mark right before one or two capitalised words (after an optional "the"), a
    closing mark, and a surname (after optional particles: "Ó", "de la"), all in one
    sentence and separated by single spaces (sports and Philippine news write nicknames
    so: AP Stylebook, "nicknames")."""
    spans: list[tuple[int, int]] = []
    n = len(doc)
    for t in doc:
        if t.text not in _OPEN_MARKS or t.whitespace_ or t.i == 0 or t.i + 3 >= n:
            continue
        g = doc[t.i - 1]
        if not (g.is_alpha and g.text[:1].isupper() and g.text[1:].islower() and g.whitespace_ == " "
                and (g.lower_ not in TITLE_WORDS_V1 or given_names.is_attested_given_name(g.text))):
            # (a given name that is also a title: 'Dean “Buzz” Halloran')
            continue
        k = t.i + 1
        if doc[k].lower_ == "the":
            k += 1
        nick = k
        if k < n and re.fullmatch(r"[a-z0-9][\w.]{1,19}", doc[k].text) and k + 1 < n and doc[k + 1].text in _CLOSE_MARKS:
            k += 1   # a gamer's lower-case handle: 'Rosa "pixie" Lind' (esports copy)
        while k < n and k - nick < 2 and doc[k].is_alpha and doc[k].text[:1].isupper():
            k += 1
            while k + 1 < n and doc[k].text in HYPHENS and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
                    and doc[k + 1].is_alpha:
                k += 2   # a hyphenated nickname: "T-Bone", "Hot-Rod"
        if k == nick or k >= n or doc[k].text not in _CLOSE_MARKS or doc[k - 1].whitespace_ \
                or doc[k].whitespace_ != " ":
            continue
        k += 1
        while k < n and doc[k].lower_ in NAME_PARTICLES_V1 and doc[k].whitespace_ == " ":
            k += 1
        if k >= n or not (doc[k].is_alpha and doc[k].text[:1].isupper()) or doc[k].is_sent_start \
                or doc[k].lower_ in TITLE_WORDS_V1:
            continue
        start = g.i
        if start > 0 and given_names.is_given_name(doc[start - 1].text) and doc[start - 1].whitespace_ == " " \
                and doc[start - 1].text[:1].isupper():
            start -= 1   # "Mary Ann “Mo” Smith"
        end = k + 1
        if end + 1 < n and doc[end].text in HYPHENS and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
                and doc[end + 1].is_alpha:
            end += 2   # a romanised hyphenated given name after the family name: 'Choi "Blitz" Min-jun'
        spans.append((start, end))
    return _with_persons(doc, ents, spans)


#: Most words of a name after a personal title ("Dr Olumide Babatunde Olusanya",
#: "Datuk Seri Fahmi Fadzil Rahman"): four covers the names of the conventions the
#: tests hold; a longer capitalised run is more likely a title-case headline.
TITLED_NAME_MAX_WORDS = 4


#: "Dr" and the titles of knights, dames and the peerage, which only a person bears before
#: one name ("Lord Winston", "Dame Judith", "Baroness Thornbury"; Debrett's forms of address).
_PEERAGE = frozenset("dr sir dame lord lady baroness baron countess viscount viscountess marquess marchioness "
                     "duchess".split())


def _titled_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Entity spans with the person's names that follow a personal title
    (:data:`PERSONAL_TITLES_V1`: "Dr", "Mrs", "Madam", "Datuk") made whole: NER misses
    names it has not seen ("Dr Olumide Babatunde Olusanya") or keeps only their last
    word ("Datuk Fahmi Fadzil" + "Rahman"). The name is the run of capitalised words after
    the title (and any further titles) up to the noun phrase's head, none in another
    kind of entity, at most :data:`TITLED_NAME_MAX_WORDS`; it replaces the PERSON spans it
    covers. One word NER tagged an organisation or place after a courtesy title or "Dr"
    is a person ("Mr Fahmi"). Not in a title-case headline."""
    new: list[tuple[int, int]] = []
    n = len(doc)
    for t in doc:
        if t.lower_.rstrip(".") not in PERSONAL_TITLES_V1 or not t.text[:1].isupper():
            continue
        k = t.i + 1
        while k < n and doc[k].lower_.rstrip(".") in TITLE_WORDS_V1 and doc[k].text[:1].isupper():
            k += 1
        start = k
        if k < n and t.lower_.rstrip(".") in COURTESY_TITLES_V1 | _PEERAGE and doc[k].ent_type_ in ("ORG", "GPE", "NORP") \
                and doc[k].ent_iob_ == "B" and (k + 1 == n or doc[k + 1].ent_iob_ != "I") \
                and doc[k].is_alpha and doc[k].text[:1].isupper() and doc[k].text[1:].islower() \
                and (k + 1 == n or not doc[k + 1].text[:1].isupper() and (doc[k].whitespace_ or doc[k + 1].is_punct)):
            new.append((k, k + 1))   # "Mr Fahmi", "Lord Winston", NER's ORG or GPE: a courtesy title is only a person's
            continue
        while k < n and k - start < TITLED_NAME_MAX_WORDS and (
                doc[k].is_alpha and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN"
                and doc[k].ent_type_ in ("", "PERSON") and doc[k].lower_.rstrip(".") not in TITLE_WORDS_V1
                or k > start and doc[k].text in NAME_PARTICLES_V1 and _particles_then_name(doc, k)
                or k > start and _apostrophe_surname(doc[k].text)):
            k += 1   # (a particle inside the name: "Governor Pieter de Wolf", "Dr. Lucie d'Amours")
        if k == start or k - start < 2 and not any(e.start == start and e.label_ == "PERSON" for e in ents):
            continue   # one word: NER's own call stands ("Mr Trump" it finds; "Dr Pepper" it need not)
        if any(e.start <= start and k < e.end and e.label_ == "PERSON" and any(x.text in _OPEN_MARKS for x in e)
               for e in ents):
            continue   # 'Senator Arturo “Bambi” Dimalanta': the name with its nickname, made whole before
        if k < n and not doc[k - 1].whitespace_ and doc[k].text in HYPHENS:
            continue   # a hyphenated name ("Mr. Holtz-Eakin"): NER's span and _whole_words decide
        if k < n and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() or title_case(t.sent) and not any(
                x.pos_ in ("VERB", "AUX") and x.text.islower() for x in t.sent):
            continue   # a longer capitalised run, or a headline in title case: not one name
        head = doc[k - 1]
        if any(doc[j].head.i != head.i and doc[j].head.i not in range(start, k) for j in range(start, k - 1)):
            continue   # the words are not one noun phrase headed by the last
        new.append((start, k))
    return _with_persons(doc, ents, new)


def opens_apposition(tok: Token) -> bool:
    """True for a capitalised word right after a comma or a dash: the first word of a
    name in apposition ("India's trade secretary, Suresh Kumar Iyengar,"), which the
    given-name table need not know."""
    return tok.i > 0 and tok.doc[tok.i - 1].text in (",", "—", "–") and tok.text[:1].isupper()


def coordinated_first_part(doc: Doc, start: int, head_lo: int, head_hi: int) -> bool:
    """True if the two tokens before token ``start`` are "X and" (or "X &"), X a proper
    noun outside any entity whose head lies in tokens [head_lo, head_hi): the first part
    of a name NER cut ("Avon and" + "Somerset Police")."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "&"):
        return False
    a = doc[start - 2]
    return a.pos_ == "PROPN" and not a.ent_type_ and head_lo <= a.head.i < head_hi


def title_case(sent: Span) -> bool:
    """A headline in title case ("Morton Blackwell Endorses Ted Cruz"): most of its words
    capitalised, so a capital shows no name."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)


def after_title(tok: Token) -> bool:
    """True for a capitalised word, lower-case after its first letter, right after a
    capitalised title only a person bears (:data:`PERSONAL_TITLES_V1`: "Madam Rohani",
    "Datuk Seri Ramli", "Dr Olumide"): where such a title ends, a name begins, so the word
    is the first part of the name that follows (Malay, Indian and Nigerian names the
    small model's NER cuts after their first part). Not after an office ("Secretary
    General Ban Ki-moon" is read by the given-name rules)."""
    if tok.i == 0 or not tok.text[:1].isupper() or not tok.text[1:].islower() or not tok.is_alpha:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.text[:1].isupper() and prev.lower_.rstrip(".") in PERSONAL_TITLES_V1


#: A sports score or result written right after a name ("6-3", "2–1", "21-17").
_SCORE = re.compile(r"\d{1,3}(?:[-–]\d{1,3})+,?")


def _headline_verb_off(ent: Span) -> Span:
    """A PERSON span of a title-case headline without the verb NER ran into it
    ("Marisol Echeverria Wins Best Actress", "Teodor Lindqvist Returns to Sci-Fi"): a
    last word ending in -s that the article never writes outside the headline, after a
    surname it does write there (a surname such as "Adams" recurs in the body)."""
    doc = ent.doc
    last = doc[ent.end - 1]
    if ent.label_ != "PERSON" or len(ent) < 3 or not last.is_alpha or not last.text[:1].isupper() \
            or not last.lower_.endswith("s") or not title_case(ent.sent) \
            or ent.sent.text.rstrip().endswith((".", "!", "?", '"', "”")):
        return ent   # (a headline has no full stop: "Javier Ortega Villalobos spoke on Wednesday." is none)
    sent = ent.sent
    outside = {t.text for t in doc if not sent.start <= t.i < sent.end}
    if doc[ent.end - 2].text in outside and last.text not in outside:
        return Span(doc, ent.start, ent.end - 1, label=ent.label)
    return ent


#: Dashes that, with a space on each side, set a phrase off ("Ana Ruiz - a nurse - said";
#: agency copy writes the dash as a spaced hyphen).
_SPACED_DASHES = frozenset("-\u2013\u2014")


def spaced(tok: Token) -> bool:
    """True for a token with a space on each side ("Ana Ruiz - a nurse - said")."""
    return tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)


def _before_spaced_dash(ent: Span) -> Span | None:
    """An entity span cut before a dash written with a space on each side, which NER
    may run into the name ("Sabine Krolle - no" of "Sabine Krolle - no relation -
    said"); None when nothing is left before it."""
    doc = ent.doc
    for t in ent:
        if t.text in _SPACED_DASHES and spaced(t):
            if t.i > ent.start:
                return Span(doc, ent.start, t.i, label=ent.label)
            return _before_spaced_dash(Span(doc, t.i + 1, ent.end, label=ent.label)) if t.i + 1 < ent.end else None
    return ent


#: An Irish or Norman surname with an apostrophe ("O’Neill", "O'Brien", "D’Arcy").
_APOSTROPHE_SURNAME = re.compile(r"[OD][’'][A-ZÁÉÍÓÚ][^\W\d_]+")


def _apostrophe_surname(word: str) -> bool:
    """True for a surname with an apostrophe: Irish and Norman ("O’Neill", "D’Arcy") or
    with an elided particle (:data:`~saidwhat.pipeline.lexicons.ELIDED_SURNAME`)."""
    return bool(_APOSTROPHE_SURNAME.fullmatch(word) or ELIDED_SURNAME.fullmatch(word))


def _whole_words(ent: Span) -> Span:
    """An entity span NER ended inside a name, widened to the whole name: a hyphenated
    word ("Chrystia Holloway" of "Chrystia Holloway-Baird"; tokens joined by a hyphen
    with no space, up to a capitalised part, so "Holloway-led" stays out), and surname
    particles on either side ("Ursula von der" + "Leyen", "la Cruz" after "de"), and the
    possessor that opens an organisation's name ("Alzheimer's" + "Society"), the
    coordinated first part of one ("Avon and" + "Somerset Police"), a union local's number
    ("UFCW Local" + "832"), and a first given
    name left out of a person's ("Ana" + "Paula Costa") or a last word the parser makes its
    head ("Inés Navarro" + "Ruiz")."""
    doc, start, end = ent.doc, ent.start, ent.end
    if ent.label_ == "PERSON":
        k = end
        while k - 1 > start and (doc[k - 1].text.isdigit() or doc[k - 1].text in HYPHENS
                                 or _SCORE.fullmatch(doc[k - 1].text)):
            k -= 1
        if k < end and doc[k].text[:1].isdigit() and doc[k - 1].text[:1].isalpha():
            end = k   # "Petra Lindholm 6-3": a match score NER ran into the name
    while end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in HYPHENS \
            and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
        end += 2
    if ent.label_ == "PERSON" or ent.label_ in ("GPE", "NORP", "ORG") and ent.start > 0 \
            and doc[ent.start - 1].lower_ in NAME_PARTICLES_V1:
        k = end
        while k < len(doc) and doc[k].text in NAME_PARTICLES_V1:   # "Ursula" + "von der Leyen"
            k += 1
        if doc[end - 1].text in NAME_PARTICLES_V1 or k > end:       # "Ursula von der" + "Leyen"
            if k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
                end = k + 1
                while end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in HYPHENS \
                        and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
                    end += 2   # "Pieter van" + "der" + "Linden-Hoekstra"
        while start > 0 and doc[start - 1].text in NAME_PARTICLES_V1:
            start -= 1   # "de la Cruz", "von der Leyen": the particles open the surname
    if ent.label_ == "PERSON" and start == ent.start and _hyphenated_given(doc, start) \
            and not doc[start - 2].ent_type_:
        start -= 2   # "Jean-" + "François Lapointe": NER began the name at a hyphenated given name's second part
    if (ent.label_ == "PERSON" or len(ent) == 1 and given_names.is_attested_given_name(ent[0].text)) \
            and end < len(doc) and doc[end - 1].whitespace_ and not doc[end].ent_type_ \
            and _apostrophe_surname(doc[end].text):
        end += 1   # "Helena" + "O’Neill", "Lucie" + "d'Amours": NER stops before a surname with an apostrophe
    while ent.label_ == "PERSON" and end < len(doc) and (n := doc[end]).pos_ == "PROPN" and not n.ent_type_ \
            and n.text[:1].isupper() and n.is_alpha and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == n.i \
            and n.lower_ not in TITLE_WORDS_V1 and not title_case(n.sent) \
            and not (end + 1 < len(doc) and (doc[end + 1].text[:1].isupper() or doc[end + 1].text == ":")):
        end += 1   # "Inés Navarro" + "Ruiz": NER stopped before the word the parser made the name's head
    if ent.label_ == "PERSON" and len(ent) >= 2 or ent.label_ == "ORG" and len(ent) == 2 \
            and given_names.is_given_name(ent[0].text) and start > 0 and given_names.is_given_name(doc[start - 1].text):
        # a first given name NER left out of a double one ("Ana" + "Paula Costa", "João" +
        # "Pedro Alves"; Portuguese and Spanish compound given names; also "Ana" +
        # "Carolina Almeida", which NER took for a company's name), hung on the name
        while start > 0 and (p := doc[start - 1]).pos_ == "PROPN" and not p.ent_type_ \
                and ent.start <= p.head.i < ent.end and (given_names.is_attested_given_name(p.text)
                                                         or given_names.is_given_name(p.text) or (
                    opens_apposition(p) and p.text[1:].islower()) or after_title(p)) \
                and p.lower_.rstrip(".") not in TITLE_WORDS_V1:
            start -= 1   # (or the first word of a name in apposition: ", Suresh" + "Kumar Iyengar",
            # or after a title: "Madam" + "Rohani" + "Abdul Rahman"; a rarer given name:
            # "Sushant" + "Kumar Nayak", given_names.LEFT_OUT_MIN_COUNT)
    if ent.label_ in ("ORG", "GPE") and len(ent) >= 3 and doc[end - 1].lower_ in ("of", "for") and end < len(doc) \
            and doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end].ent_type_ in ("GPE", "ORG", ""):
        k = end   # "The Public Health Agency of" + "Canada", "the City of" + "Arlington": NER stopped after the "of"
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and doc[k].ent_type_ in ("GPE", "ORG", "") \
                and (k == end or doc[k - 1].whitespace_):
            k += 1
        return Span(doc, start, k, label=ent.label)
    local = ent.label_ == "ORG" and doc[end - 1].text == "Local" and end < len(doc) and doc[end].text.isdigit()
    if local:
        end += 1   # "UFCW Local" + "832": a union local's number is part of its name
    legal = ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in LEGAL_FORMS \
        and not doc[end + 1].ent_type_
    if legal:
        end += 2   # "Northwind Therapeutics" + ", Inc.": the company's legal form
    if ent.label_ == "ORG" and coordinated_first_part(doc, start, ent.start, ent.end):
        return Span(doc, start - 2, end, label=ent.label)   # "Avon and Somerset Police": NER took "Somerset Police"
    if ent.label_ == "ORG" and len(ent) == 1 and start >= 2 and doc[start - 1].tag_ == "POS" \
            and doc[start - 2].tag_ == "NNP" and doc[start - 2].head.i == start:
        return Span(doc, start - 2, end, label=ent.label)   # "The Alzheimer's Society": NER took "Society"
    if (start, end) == (ent.start, ent.end):
        return ent
    if local and (start, end) == (ent.start, ent.end + 1) or legal and (start, end) == (ent.start, ent.end + 2):
        return Span(doc, start, end, label=ent.label)   # the union local stays an organisation
    return Span(doc, start, end, label="PERSON" if start < ent.start or end > ent.end else ent.label)
