"""Sentence starts at paragraph breaks, set before the parser (invented text)."""
import spacy

from saidwhat.pipeline.paragraphs import mark_paragraph_starts


def _starts(text):
    doc = mark_paragraph_starts(spacy.blank("en")(text))
    return [t.text for t in doc if t.is_sent_start and t.i > 0]


def test_blank_line_starts_a_sentence():
    assert _starts("WATCH: Storm hits the coast\n\nOfficials said the road is closed.") == ["Officials"]


def test_short_line_and_sentence_end_start_a_sentence():
    assert _starts("Edson\nAbout 1,000 people came. They left.\nThe rally ended.") == ["About", "The"]


def test_hard_wrapped_sentence_is_not_split():
    text = ("The harbour master told reporters on Monday that the ferry would stay in port\n"
            "Until the storm passes, and that the crews had been sent home for the day.")
    assert _starts(text) == []
    assert _starts("The minister of transport and infrastructure repeated on Monday\nthat it was safe.") == []


def test_parser_keeps_the_paragraph_boundary(nlp):
    doc = nlp("READ MORE: Pop-Tart starts fire in home\n\nAuthorities described the blaze as an accident.")
    sents = [s.text.strip() for s in doc.sents]
    assert "Authorities described the blaze as an accident." in sents
