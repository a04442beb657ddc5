"""Gender of a person from the article's pronouns near their name (invented text)."""
from __future__ import annotations


def _gender(run, text, name):
    return {(q.speaker_gender, q.speaker_gender_source) for q in run(text) if q.speaker == name}


def test_pronouns_after_the_name_in_a_sentence_naming_no_one_else(run):
    text = ('"The plan is late," said Sevrin Tolaq, who runs the harbour board.\n\n'
            'After the vote, Tolaq found herself without her office and her staff.')
    assert _gender(run, text, "Sevrin Tolaq") == {("female", "pronoun")}


def test_he_or_she_opening_the_sentence_after_the_subject(run):
    base = '"The plan is late," said Sevrin Tolaq.\n\nTolaq spoke at the harbour on Monday.\n\n'
    assert _gender(run, base + "She met the board later that day.", "Sevrin Tolaq") == {("female", "pronoun")}
    assert _gender(run, base + "He met the board later that day.", "Sevrin Tolaq") == {("male", "pronoun")}


def test_no_pronoun_no_gender(run):
    text = '"The plan is late," said Sevrin Tolaq.\n\nTolaq spoke at the harbour on Monday.'
    assert _gender(run, text, "Sevrin Tolaq") == {(None, None)}


def test_pronouns_in_a_sentence_naming_two_people_do_not_count(run):
    text = ('"The plan is late," said Sevrin Tolaq.\n\n'
            'Tolaq met Dmitri Volkov at the harbour, and she thanked him.')
    assert _gender(run, text, "Sevrin Tolaq") == {(None, None)}


def test_a_possessive_pronoun_linked_as_speaker_counts(run):
    # "her statement" is resolved to the person; its "her" is the article's pronoun for them
    text = 'Sevrin Tolaq chairs the harbour board.\n\n"The plan is late," her statement said.'
    assert ("female", "pronoun") in _gender(run, text, "Sevrin Tolaq")


def test_a_place_ner_tags_a_place_every_time_stays_a_place(nlp):
    import saidwhat

    text = ("The ferry to Nova Scotia was late again on Monday. Fishers in Nova Scotia want a new terminal. "
            '"We need it now," said Ilvasa Korvalis.')
    types = {e.name: e.type for e in saidwhat.extract_entities(text, nlp=nlp)}
    assert types.get("Nova Scotia") == "GPE"


def test_a_given_name_and_surname_ending_a_longer_name_is_that_person(run):
    text = ('"The kiln is ready," said Lorena Paz Ortolan, who runs the studio.\n\n'
            '"We open in May," Paz Ortolan said.')
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["Lorena Paz Ortolan"] * 2
    assert quotes[0].speaker_id == quotes[1].speaker_id
