"""Entity names when NER runs over a paragraph break (seen in GGT: "Morgan McNeely\n\nMcNeely")."""
from spacy.tokens import Span

from saidwhat.pipeline.context import DocContext
from saidwhat.pipeline.speaker_detector import mention_from_head
from saidwhat.pipeline.speaker_resolver import EntityIndex

TEXT = ("I am still thankful for what this year has brought me. Morgan Keel\n\n"
        "Keel turned down a number of offers.")


def _doc_with_entity_over_the_break(nlp):
    doc = nlp(TEXT)
    start = next(t.i for t in doc if t.text == "Morgan")
    end = next(t.i for t in doc if t.text == "Keel" and t.idx > TEXT.index("\n")) + 1
    doc.ents = [Span(doc, start, end, label="PERSON")]   # as NER sometimes tags it
    return doc, start


def test_entity_index_keeps_the_first_line_of_a_name(nlp):
    doc, _ = _doc_with_entity_over_the_break(nlp)
    index = EntityIndex(DocContext(doc))
    names = {e.name for e in index._unique()}
    assert "Morgan Keel" in names
    assert not any("\n" in n or n.count("Keel") > 1 for n in names)


def test_mention_name_stays_on_the_head_side_of_the_break(nlp):
    doc, _ = _doc_with_entity_over_the_break(nlp)
    head = next(t for t in doc if t.text == "Keel" and t.idx > TEXT.index("\n"))   # "Keel turned down"
    m = mention_from_head(head, 0, len(TEXT))
    assert m.name == "Keel"


def _index_with_labels(nlp, text, labelled):
    doc = nlp(text)
    spans = []
    for name, label in labelled:
        a = text.index(name)
        spans.append(doc.char_span(a, a + len(name), label=label))
    doc.ents = spans
    return EntityIndex(DocContext(doc))


def test_given_name_and_surname_tagged_as_a_place_is_a_person(nlp):
    # the small English model tags some surnames as GPE ("Patrick Bardos" in GGT)
    index = _index_with_labels(nlp, "Patrick Vandoss waited at the station. Maple Lake froze early.",
                               [("Patrick Vandoss", "GPE"), ("Maple Lake", "GPE")])
    assert index.get("Patrick Vandoss").type == "PERSON"
    assert index.get("Maple Lake").type == "GPE"


def test_untagged_acronym_and_surname_are_mentions(nlp):
    text = ("Northern Export Agency insures mines. Lena Brandt runs it. NEA declined to comment, "
            "and Brandt left.")
    index = _index_with_labels(nlp, text, [("Northern Export Agency", "ORG"), ("Lena Brandt", "PERSON")])
    found = {(text[p:p + 5], e.name) for p, e, _ in index.mentions}
    assert ("NEA d", "Northern Export Agency") in found
    assert text.index("and Brandt") + 4 in {p for p, e, _ in index.mentions if e.name == "Lena Brandt"}


def test_photo_credit_run_into_a_name_is_dropped(nlp):
    text = "The Canadian Press Paul Varga, chief Crown attorney, talks with reporters.\n\nVarga said no."
    index = _index_with_labels(nlp, text, [("The Canadian Press Paul Varga", "PERSON")])
    assert index.get("Varga").name == "Paul Varga"


def test_shared_surname_goes_to_the_person_the_article_calls_by_it(nlp):
    text = ("Lena Brandt grew up in Ohio, the daughter of actor Otto Brandt. Brandt said no. "
            "Brandt left early.")
    doc = nlp(text)
    spans = [(text.index("Lena Brandt"), 11), (text.index("Otto Brandt"), 11), (text.index("Brandt said"), 6)]
    doc.ents = [doc.char_span(a, a + n, label="PERSON") for a, n in spans]
    index = EntityIndex(DocContext(doc))
    # both bare uses, the one NER tagged and the one it missed, go to one person: the one
    # named in full last before the first bare use (before, the tagged one went to Otto
    # and the missed one to Lena)
    owners = {e.name for p, e, _ in index.mentions if p in (text.index("Brandt said"), text.index("Brandt left"))}
    assert owners == {"Otto Brandt"}
