"""Speaker mentions: which words are the name, which the role, and when there is no name.

Invented sentences for error kinds seen on held-out news: hyphenated names cut at the
hyphen, a role word kept in the name, named organisations left unnamed, and groups or
bare titles returned as names.
"""
import pytest

import saidwhat


def _one(nlp, text):
    quotes = saidwhat.extract(text, nlp=nlp)
    assert len(quotes) == 1, [q.to_dict() for q in quotes]
    return quotes[0]


# 1. A hyphen with no space on either side is part of the word; name particles stay.
@pytest.mark.parametrize("text, name", [
    ("“We will appeal the ruling,” Joanne Galbraith-Marten said on Monday.", "Joanne Galbraith-Marten"),
    ("“Trade must stay open to everyone,” Okonjo-Iweala said.", "Okonjo-Iweala"),
    ("“The harbour will reopen next week,” Maria de la Cruz said.", "Maria de la Cruz"),
    ("“The region needs calm,” Mohammed bin Salman said.", "Mohammed bin Salman"),
    ("“We will rebuild the dyke,” Pieter van der Berg said.", "Pieter van der Berg"),
])
def test_speaker_mentions_hyphenated_and_particle_names_stay_whole(nlp, text, name):
    q = _one(nlp, text)
    assert q.speaker == name
    assert q.speaker_mention == name
    assert q.speaker_type == "PERSON"
