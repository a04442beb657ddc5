"""Invisible characters split off as tokens (invented text)."""
import subprocess
import sys
import warnings

import pytest

import saidwhat
from saidwhat.pipeline.tokenizer import split_invisible


def test_invisible_characters_are_split_off(nlp):
    words = [t.text for t in nlp.tokenizer("Mayor Jane\u200b Roe said.\u200b infor\u00admation \ufeffHi")]
    assert words[:7] == ["Mayor", "Jane", "\u200b", "Roe", "said", ".", "\u200b"]
    assert "infor\u00admation" in words      # a soft hyphen inside a word stays in it
    assert words[-2:] == ["\ufeff", "Hi"]
    split_invisible(nlp)                       # a second call changes nothing
    assert [t.text for t in nlp.tokenizer("said.\u200b")] == ["said", ".", "\u200b"]


@pytest.mark.slow
@pytest.mark.parametrize("tail", ["\u200b", "\ufeff", "\x00", "\u00ad"])
def test_quote_survives_an_invisible_character_after_the_cue(nlp, tail):
    text = f"“We will rebuild the bridge,” Mayor Jane Roe said.{tail}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = [(q.quote, q.speaker, q.cue) for q in saidwhat.extract(text, nlp=nlp)]
    assert got == [("We will rebuild the bridge,", "Jane Roe", "said")]


@pytest.mark.slow
def test_saved_pipeline_keeps_the_rule(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    code = ("import spacy; n = spacy.load(r'%s'); print([t.text for t in n.tokenizer('said.\\u200b')])"
            % (tmp_path / "p"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['said', '.', '\\u200b']"


def test_a_double_hyphen_against_a_bracket_is_split_off(nlp):
    # the press wires' dateline "MINNEAPOLIS--(BUSINESS WIRE)--Harlow": the name after it
    # is a token of its own; the text and offsets are unchanged
    from saidwhat.pipeline.tokenizer import split_bracket_dashes
    text = "MINNEAPOLIS--(BUSINESS WIRE)--Harlow & Pike"
    doc = nlp.tokenizer(text)
    assert "Harlow" in [t.text for t in doc] and doc.text == text
    split_bracket_dashes(nlp)                  # a second call changes nothing
    assert [t.text for t in nlp.tokenizer("the plan--which failed")] == ["the", "plan", "--", "which", "failed"]


def test_a_name_with_a_curly_apostrophe_has_the_norm_of_the_straight_one(nlp):
    # the models read norms: "O’Neill" reads as "O'Neill"; a contraction keeps its own
    # norm ("n’t" is "not"), and the text is unchanged
    assert "saidwhat_norms" in nlp.pipe_names
    text = "Sgt. O’Neill and Lucie d’Amours didn’t say."
    doc = nlp(text)
    norms = {t.text: t.norm_ for t in doc}
    assert norms["O’Neill"] == nlp.vocab["O'Neill"].norm_
    assert norms["d’Amours"] == nlp.vocab["d'Amours"].norm_
    assert norms["n’t"] == "not" and doc.text == text


@pytest.mark.slow
def test_the_readme_component_route_gives_what_extract_gives(nlp):
    # README "As a spaCy component": the components and tokenizer rules it lists make the
    # same pipeline as saidwhat.load() (a newcomer found the tokenizer rules missing)
    import spacy
    from saidwhat.api import _default_model_name
    from saidwhat.pipeline.tokenizer import add_abbreviations, split_bracket_dashes, split_invisible
    own = spacy.load(_default_model_name())
    own.add_pipe("saidwhat")
    own.add_pipe("saidwhat_paragraphs", first=True)
    own.add_pipe("saidwhat_norms", first=True)
    for rule in (split_invisible, split_bracket_dashes, add_abbreviations):
        rule(own)
    text = ("Mayor Helena Brandt said\u200b the quay would reopen in June. \"We are ready,\" "
            "Cpl. Marie-Ève Gagnon said. Const. Liam O’Neill said the road was closed.")
    assert [q.to_dict() for q in own(text)._.quotes] == [q.to_dict() for q in saidwhat.extract(text, nlp=nlp)]
