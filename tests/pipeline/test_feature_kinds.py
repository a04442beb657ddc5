"""Kinds of feature, profile and US politics copy (invented text; issue 10).

Each test names the linguistic pattern it covers; each failed before its change.
"""
import pytest

pytestmark = pytest.mark.slow


def _speakers(run, text):
    return [q.speaker for q in run(text)]


@pytest.mark.parametrize("text, speaker", [
    # "the governor" is the one titled "Gov." (the abbreviation is the title), not a
    # headline's capitalised words after "Governor"
    ("Governor Declares Drought Emergency\n\nGov. Elena Marquez on Monday declared a drought emergency.\n\n"
     "“We are not going to pray our way out of this,” the governor said.", "Elena Marquez"),
    ("Senator Blocks Nominee\n\nSen. Ruth Okafor blocked the nomination on Tuesday.\n\n"
     "“This nominee is not qualified,” the senator said.", "Ruth Okafor"),
])
def test_a_title_is_held_under_its_abbreviation(run, text, speaker):
    assert _speakers(run, text) == [speaker]


def test_a_title_no_one_named_holds_is_not_a_person_with_another_title(run):
    # "The president" is never named; the House Speaker is someone else
    text = ("House Speaker Glenn Rutledge, R-La., has not said whether he will bring the bill to the floor. "
            "The president wrote on X that the vote was “a big win for rural families.”")
    assert _speakers(run, text) == [None]


def test_a_works_title_in_apposition_is_no_person(run):
    # "Her memoir, Tides and Timing," names a book, which NER may tag PERSON; "she" is the author
    text = ("Eleanor Vasquez-Thorne died on Sunday. Her memoir, Tides and Timing, was a bestseller. "
            "She rarely gave interviews, saying she preferred the recognition of her students.")
    assert _speakers(run, text) == ["Eleanor Vasquez-Thorne"]


def test_who_says_after_a_predicate_noun_is_the_subject(run):
    # "X is a former lawyer who says ...": the relative's noun is X's predicate, so X speaks
    text = "The owner, Declan Morrow, is a former lawyer who says he has eaten at every restaurant in town."
    assert _speakers(run, text) == ["Declan Morrow"]


@pytest.mark.parametrize("text", [
    # a manner verb ("laughs") after a fronted question reports nothing: the question was
    # put to the speaker, not said by them
    "Devika Holt runs the firm. Asked whether she ever plans to sell the company, she laughs.",
    "Asked whether the dispute had become personal, Lanning laughed.",
])
def test_a_laugh_after_a_question_reports_nothing(run, text):
    assert run(text) == []


@pytest.mark.parametrize("text, speaker, role", [
    # the name hangs on a title in apposition to a kin noun: "Her partner, the editor Rafe Lindqvist,"
    ("Her partner, the editor Rafe Lindqvist, says the routine can be hard to live with.",
     "Rafe Lindqvist", "Her partner"),
    ("His wife, the actress Mara Lind, said he had been unwell for months.", "Mara Lind", "His wife"),
])
def test_a_name_after_a_title_in_apposition_names_the_speaker(run, text, speaker, role):
    (q,) = run(text)
    assert (q.speaker, q.speaker_role) == (speaker, role)


def test_describing_as_an_adjective_phrase_reports(run):
    # "describes the work as slow and often tedious": the adjectives the parser hangs on
    # "as" are the description given
    quotes = run("Dr. Samuel Ekwueme spent the season in ponds. He describes the work as slow and often tedious.")
    assert [(q.speaker, q.quote) for q in quotes] == [("Samuel Ekwueme", "slow and often tedious")]


def test_a_relative_clause_the_parser_made_a_second_complement_continues_the_content(run):
    quotes = run("A senior EPA official said the agency expected about 15 plants to close, most of which "
                 "were already scheduled to retire.")
    assert [q.quote for q in quotes] == [
        "the agency expected about 15 plants to close, most of which were already scheduled to retire"]


def test_a_lone_given_name_in_apposition_to_a_person_noun_is_a_person(run):
    # "A local schoolboy, Archie," (NER: ORG): a person, whom "he" takes up
    quotes = run("Robert Ekström says demand is high. A local schoolboy, Archie, sent a drawing. "
                 "“Swim fast,” he wrote.")
    assert [q.speaker for q in quotes] == ["Robert Ekström", "Archie"]


def test_a_headlines_capitalised_words_after_a_title_are_no_person(run):
    # "Senator Blocks Nominee": NER's PERSON "Blocks Nominee", which the article never
    # writes again and which holds no given name; "the senator" stays unnamed
    from saidwhat import extract_entities
    text = ("Senator Blocks Nominee\n\nThe nomination stalled on Tuesday. "
            "“This nominee is not qualified,” the senator said.")
    assert [q.speaker for q in run(text)] == [None]
    assert "Blocks Nominee" not in {e.name for e in extract_entities(text)}


def test_a_title_that_is_a_common_given_name_after_another_title_is_the_name(run):
    # "Dean" after "House Speaker" is his given name, not a second title; the role keeps
    # only the title ("Harvard Dean Ellis"-style titles stay out of this: an entity before)
    text = "House Speaker Dean Cortland said the vote would go ahead. “We have the numbers,” Cortland said."
    qs = run(text)
    assert [(q.speaker, q.speaker_role) for q in qs] == [("Dean Cortland", "House Speaker")] * 2


def test_an_apposition_the_parser_hung_on_a_fronted_phrase_is_the_subject_not_a_role(run):
    # "In a new interview with Vogue, the actress, 41, discussed ...": the actress is the
    # clause's subject, not a role of the magazine NER took for a person
    text = ("Dana Wolfe is ready to talk. In a new interview with Vogue, the Oscar-winning actress, 41, "
            "discussed her sobriety. “I was always late,” the actress said.")
    assert run(text)[-1].speaker == "Dana Wolfe"


def test_a_headline_head_noun_of_a_body_is_the_bodys_head_named_in_the_lede(run):
    # "…, says union boss" then "The RMT union's general secretary, Mick Rowan, said"
    text = ("Rail strike ‘will go ahead on Monday’, says union boss\n\n"
            "The RMT union's general secretary, Mick Rowan, said: ‘Nobody wants this, but the offer is an insult.’")
    assert [q.speaker for q in run(text)] == ["Mick Rowan", "Mick Rowan"]
