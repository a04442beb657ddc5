"""Kinds of court, inquest and tribunal reporting (invented text).

Each test names the linguistic pattern it covers; each failed before its change.
"""
import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, speaker, cue, content", [
    # a light verb and its noun make the cue ("gave evidence that", "gave an assurance
    # that"): the that-clause the parser hangs on the noun is the reported content
    ("A council officer, Helen Roskilly, gave evidence that two signs had been installed at the cove.",
     "Helen Roskilly", "gave evidence", "that two signs had been installed at the cove"),
    ("Dr Amit Varga gave evidence that the wound could not have been self-inflicted.",
     "Amit Varga", "gave evidence", "that the wound could not have been self-inflicted"),
    ("Health Minister Clara Beaumont gave an assurance that no rural hospital would close this year.",
     "Clara Beaumont", "gave an assurance", "that no rural hospital would close this year"),
    # "submitted that": how counsel puts an argument to a court
    ("Defence counsel Rupert Hale submitted that the claim had been brought out of time.",
     "Rupert Hale", "submitted", "that the claim had been brought out of time"),
])
def test_a_court_cue_with_a_that_clause_is_reported_speech(run, text, speaker, cue, content):
    (q,) = run(text)
    assert (q.speaker, q.cue, q.quote, q.type) == (speaker, cue, content, "indirect")


@pytest.mark.parametrize("text", [
    # the same verbs with no that-clause report nothing
    "Dr Amit Varga gave evidence on the second day of the inquest.",
    "The firm submitted its accounts late for the third year running.",
    "The minister gave an assurance to the families on Tuesday.",
])
def test_the_same_verbs_without_a_clause_report_nothing(run, text):
    assert run(text) == []


@pytest.mark.parametrize("text, speaker", [
    # a news lede describes the speaker ("A magistrate has described ..."); the next
    # paragraph names them, under the same noun or with only an age beside the name
    ("A magistrate has described a driver's conduct as “inexcusable”.\n\n"
     "Magistrate Peter Lindqvist said he had read a letter from the driver.", "Peter Lindqvist"),
    ("A coroner has ruled that the boy's death was an accident.\n\n"
     "The senior coroner, Andrew Coleby, said the boy had been a strong swimmer.", "Andrew Coleby"),
    ("A Toronto woman says she was turned away from three hospitals.\n\n"
     "Maria Lopez, 43, said she waited nine hours in pain.", "Maria Lopez"),
])
def test_the_lede_describes_the_person_the_next_paragraph_names(run, text, speaker):
    quotes = run(text)
    assert [q.speaker for q in quotes] == [speaker, speaker]


def test_a_person_named_afresh_with_another_description_is_not_the_ledes(run):
    text = ("A magistrate has described a driver's conduct as “inexcusable”.\n\n"
            "Peter Lindqvist, a lawyer who represents cyclists, said the sentence was too light.")
    assert [q.speaker for q in run(text)] == [None, "Peter Lindqvist"]


@pytest.mark.parametrize("text, speaker, role", [
    # counsel's name set off by commas after the body they act for, before an auxiliary
    ("Counsel for the Independent Office for Police Conduct, Jonathan Reyes, had told the hearing "
     "that the officer kept his knee on the boy's back.", "Jonathan Reyes", None),
    # "SC" (Senior Counsel: Australia, Ireland, Hong Kong) is no part of the name, as "KC" is not
    ("Ngata's barrister, Michael Oyelaran SC, argued that his client had been attacked first.",
     "Michael Oyelaran", "Ngata's barrister"),
])
def test_counsel_is_named_without_letters_or_the_body(run, text, speaker, role):
    (q,) = run(text)
    assert q.speaker == speaker
    if role:
        assert q.speaker_role == role


def test_an_age_the_parser_fuses_with_said_still_names_the_speaker(run):
    # "the 29-year-old said, breaking down": the parser reads "the 29-year-old said" as
    # one noun phrase; the quotation is still found and the age names the speaker
    quotes = run("Bradley Ngata, 29, gave evidence in his own defence. “I just wanted him to stop,” "
                 "the 29-year-old said, breaking down in the witness box.")
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Bradley Ngata", "the 29-year-old")]


def test_the_mother_of_one_of_the_children_is_not_the_accused(run):
    # a relation to others ("of one of the children") makes someone unnamed
    quotes = run("Colleen Marchuk apologised to the court. In a victim impact statement, the mother of one "
                 "of the children said her son still woke up screaming at night.")
    assert [q.speaker for q in quotes] == [None]


def test_a_statement_read_on_behalf_of_someone_is_theirs(run):
    quotes = run("Outside the court, the family's lawyer, Thomas Reardon, read a statement on behalf of "
                 "Margaret Ashby. “Graham was a husband and a father,” the statement read.")
    assert [q.speaker for q in quotes] == ["Margaret Ashby"]


@pytest.mark.parametrize("side", ["Defending", "Prosecuting"])
def test_counsels_side_fronted_is_no_name(run, side):
    # British court reports open with counsel's side: "Defending, Oliver Mensah said"
    from saidwhat import extract_entities
    text = f"{side}, Oliver Mensah said his client was remorseful."
    assert [q.speaker for q in run(text)] == ["Oliver Mensah"]
    assert side not in {e.name for e in extract_entities(text)}


def test_a_clause_the_parser_splits_at_its_subjects_participle_is_one_content(run):
    # "data recovered from Ashdown's phone" read as a clause, "showed ..." as a second one
    quotes = run("Prosecuting, Nadia Ferreira-Blake told the court that data recovered from Ashdown's phone "
                 "showed he had been using Instagram while driving.")
    assert [q.quote for q in quotes] == [
        "that data recovered from Ashdown's phone showed he had been using Instagram while driving"]


def test_a_second_clause_with_a_subject_the_parser_coordinated_stays_apart(run):
    # "... mishandled the investigation and Democrats accused ...": "Democrats" is the
    # second clause's subject, which the parser hung in the first; no merging
    quotes = run("Republicans said they're increasingly convinced the Justice Department mishandled the "
                 "investigation and Democrats accused the GOP of stoking the issue.")
    assert not any("accused the GOP" in q.quote and "mishandled" in q.quote for q in quotes)


@pytest.mark.parametrize("text, speaker", [
    # "the judge" is the one the article titles "Justice" or "Magistrate"; not the accused
    # the quotation names
    ("Colleen Marchuk, 47, was sentenced Tuesday.\n\nJustice Daniel Fortier said the case involved "
     "“a profound breach of trust.”\n\nThe judge said video from a classroom camera showed Marchuk "
     "grabbing children by the arm.", "Daniel Fortier"),
    ("Const. Amara Singh found the car at 2 a.m. The officer said the driver had fled on foot.", "Amara Singh"),
])
def test_a_title_is_held_under_a_rank_of_the_same_office(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text", [
    # an unnamed source taken up again by its own noun stays unnamed
    'Judge Helen Ortiz dismissed the motion. One juror, a retired engineer who asked not to be named, said the '
    'deliberations were tense. "We argued for two days," the juror said.',
    'Government spokesman Anan Siriwat said the cabinet would not interfere. A village headman, who asked not '
    'to be named, told the Post that canvassers had visited his village. "Everybody comes with something," '
    'the headman said.',
])
def test_an_unnamed_source_taken_up_by_its_own_noun_stays_unnamed(run, text):
    qs = run(text)
    assert qs[-1].speaker is None and qs[-1].speaker_mention in ("the juror", "the headman")


def test_counsel_with_a_name_in_apposition_is_the_name(run):
    qs = run("The hearing resumed on Monday.\n\nCounsel for the bank, Margaret Oyelaran of Hale & Finch, said the "
             "claim was baseless.")
    assert [q.speaker for q in qs] == ["Margaret Oyelaran"]


def test_a_name_inside_the_unnamed_sources_phrase_does_not_break_the_chain(run):
    qs = run('Police Commander Ila Rau said calm had returned. A leader from the Kaeng side, who asked not to be '
             'named, told the Post-Courier that the fight started over land. "We want compensation, that is all," '
             'he said.')
    assert (qs[-1].speaker, qs[-1].speaker_role) == (None, "A leader")


@pytest.mark.parametrize("text, speaker", [
    # a name given inside the unnamed source's phrase is the source's
    ('A 58-year-old farmer from the village, who asked to be identified by the pseudonym U Aung because he '
     'feared reprisals, said soldiers arrived at dawn. "They poured petrol on the houses," he said.', "U Aung"),
    # a name the parser hung on the place before it
    ('One owner in Portland, Oregon, Derek Salinger, said his battery caught fire. "It went up in 30 seconds," '
     'he said.', "Derek Salinger"),
])
def test_a_name_in_the_sources_own_phrase_names_the_source(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text", [
    # an indefinite source taken up by the last part of its noun stays unnamed
    'Police Chief Ann Dorsey said the road was closed. An eyewitness, who asked not to be named, said the car '
    'was speeding. "It came out of nowhere," the witness said.',
    'Actor Tom Reyes arrived late. One old schoolfriend said he had always been shy. "He hated parties," the '
    'friend said.',
])
def test_an_unnamed_source_taken_up_by_the_end_of_its_noun_stays_unnamed(run, text):
    assert run(text)[-1].speaker is None


def test_a_case_caption_is_two_parties(run):
    # "The case is Corvane Foods Inc v. Department of Agriculture": NER's one span is
    # two parties; the company's name is not the caption
    text = ("Corvane Foods lost the appeal on Tuesday. Corvane said it would seek a rehearing. "
            "The case is Corvane Foods Inc v. Department of Agriculture, No. 23-1101.")
    (q,) = run(text)
    assert q.speaker == "Corvane Foods Inc"
