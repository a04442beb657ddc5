"""An invented corpus for the source-diversity views (issue 11): three outlets over two
months, every speaker's gender given, so the charts' bars and points are known.

Eastmere Post: March, Ana Lopez (woman, 3 quotations over two articles), Tom Becker
(man), Kim Ito (gender unknown) and the council (an organisation, not a person);
April, Ana Lopez again and Ruth Adler (woman). River News: March, Tom Becker and Sam
Okoye (men); April, an article without quotations. Hill Courier (outlet from its
url), undated: Mia Berg (woman).
"""
from __future__ import annotations

from saidwhat.model import RECORD_FIELDS

SENTENCE = "We will keep the ferry running. "


def _article(id_: str, speakers: list[tuple[str | None, str | None, str]], **meta) -> dict:
    """An article whose text is one sentence per quotation, each quoted by ``speakers[i]``
    (name, gender, type)."""
    text = SENTENCE * len(speakers)
    quotes = []
    for i, (name, gender, stype) in enumerate(speakers):
        rec = dict.fromkeys(RECORD_FIELDS)
        start = i * len(SENTENCE)
        rec.update(quote=SENTENCE.strip(), quote_start=start, quote_end=start + len(SENTENCE) - 1,
                   type="direct", speaker=name, speaker_type=stype if name else None,
                   speaker_id=f"E{sorted({s[0] for s in speakers if s[0]}).index(name) + 1}" if name else None,
                   speaker_gender=gender, speaker_gender_source="pronoun" if gender else None,
                   cue="said", confidence=0.9, flags=[])
        quotes.append(rec)
    return {"id": id_, **meta, "text": text, "quotes": quotes}


F, M, P = "female", "male", "PERSON"
ARTICLES = [
    _article("ep1", [("Ana Lopez", F, P), ("Tom Becker", M, P), ("Ana Lopez", F, P), ("City Council", None, "ORG"),
                     (None, None, P)], outlet="Eastmere Post", date="2024-03-04", title="Ferry to keep running"),
    _article("ep2", [("Ana Lopez", F, P), ("Kim Ito", None, P)], outlet="Eastmere Post", date="2024-03-20"),
    _article("ep3", [("Ana Lopez", None, P), ("Ruth Adler", F, P)], outlet="Eastmere Post", date="2024-04-02"),
    _article("rn1", [("Tom Becker", M, P), ("Sam Okoye", M, P), ("Tom Becker", M, P)], source="River News",
             date="2024-03-11T09:00:00Z"),
    _article("rn2", [], source="River News", date="2024-04-30"),
    _article("hc1", [("Mia Berg", F, P)], url="https://www.hill-courier.example/2024/berg"),
]

#: ``/api/corpus/sources?by=month``: month, women, men, unknown, share of women.
BY_MONTH = [("2024-03", 1, 2, 1, 0.3333), ("2024-04", 2, 0, 0, 1.0), (None, 1, 0, 0, 1.0)]
#: ``by=outlet``.
BY_OUTLET = [("Eastmere Post", 2, 1, 1, 0.6667), ("River News", 0, 2, 0, 0.0), ("hill-courier.example", 1, 0, 0, 1.0)]
#: ``/api/corpus/people``: name, gender, quotations, most quoted first.
PEOPLE = [("Ana Lopez", F, 4), ("Tom Becker", M, 3), ("Kim Ito", None, 1), ("Mia Berg", F, 1),
          ("Ruth Adler", F, 1), ("Sam Okoye", M, 1)]
