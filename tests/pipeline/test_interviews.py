"""Interview layouts (issue 12, "Interview layouts"): each answer turn of a Q&A block is
a direct quotation of the interviewee; the interviewer's questions are not quotations.

Invented text. Every record keeps its offsets honest (``text[quote_start:quote_end]``).
"""
import warnings

import pytest

import saidwhat


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quotes = saidwhat.extract(text, nlp=nlp)
        for q in quotes:
            assert text[q.quote_start:q.quote_end] == q.quote
        return quotes
    return _run


QA = (
    "Teodora Vasquez-Hale, 61, grows apples in Nova Scotia. We spoke to her about the harvest.\n\n"
    "Q: How was the harvest this year?\n\n"
    "A: It was the best one we have had in a decade, mostly thanks to the dry summer.\n\n"
    "Q: What worries you most about next year?\n\n"
    "A: The price of fuel keeps going up, and the buyers will not pay more for the fruit.\n"
)


def _answers(text, *bodies):
    return [(b, text.index(b)) for b in bodies]


def test_q_a_answers_are_direct_quotes_of_the_interviewee(run):
    quotes = run(QA)
    answers = _answers(QA, "It was the best one we have had in a decade, mostly thanks to the dry summer.",
                       "The price of fuel keeps going up, and the buyers will not pay more for the fruit.")
    got = [(q.quote, q.quote_start, q.type, q.speaker) for q in quotes]
    assert got == [(b, s, "direct", "Teodora Vasquez-Hale") for b, s in answers]


def test_question_answer_words_as_labels(run):
    text = QA.replace("Q: ", "Question: ").replace("A: ", "Answer: ")
    quotes = run(text)
    assert [(q.quote, q.type, q.speaker) for q in quotes] == [
        ("It was the best one we have had in a decade, mostly thanks to the dry summer.", "direct",
         "Teodora Vasquez-Hale"),
        ("The price of fuel keeps going up, and the buyers will not pay more for the fruit.", "direct",
         "Teodora Vasquez-Hale")]


def test_reported_speech_inside_a_question_is_still_a_quotation(run):
    text = QA.replace("Q: What worries you most about next year?",
                      "Q: Your neighbour Mark Ellis said that the frost ruined his whole crop. Did it touch yours?")
    quotes = run(text)
    assert any(q.speaker == "Mark Ellis" and "frost ruined his whole crop" in q.quote for q in quotes)
    assert [q.quote for q in quotes if q.speaker == "Teodora Vasquez-Hale"] == [
        "It was the best one we have had in a decade, mostly thanks to the dry summer.",
        "The price of fuel keeps going up, and the buyers will not pay more for the fruit."]
    assert not any(q.quote.startswith(("How was", "Your neighbour")) for q in quotes)


INITIALS = (
    "Teodora Vasquez (TV) runs the last apple press in Kings County. Greg Nolan (GN) of the "
    "Valley Courier visited her in September.\n\n"
    "GN: How long has the press been running?\n\n"
    "TV: My grandfather built it in 1931, and it has not stopped a single autumn since.\n\n"
    "GN: Would you ever sell it?\n\n"
    "TV: Never, because my daughter wants to run it after me.\n"
)


def test_initials_labels(run):
    quotes = run(INITIALS)
    assert [(q.quote, q.type, q.speaker) for q in quotes] == [
        ("My grandfather built it in 1931, and it has not stopped a single autumn since.", "direct",
         "Teodora Vasquez"),
        ("Never, because my daughter wants to run it after me.", "direct", "Teodora Vasquez")]


def test_initials_from_full_names(run):
    text = INITIALS.replace(" (TV)", "").replace(" (GN)", "")
    quotes = run(text)
    assert [(q.quote, q.speaker) for q in quotes] == [
        ("My grandfather built it in 1931, and it has not stopped a single autumn since.", "Teodora Vasquez"),
        ("Never, because my daughter wants to run it after me.", "Teodora Vasquez")]


def test_bold_name_labels(run):
    text = (
        "Greg Nolan of the Valley Courier talked to orchardist Teodora Vasquez about the frost.\n\n"
        "**Greg Nolan:** What did the frost do to the blossoms?\n\n"
        "**Teodora Vasquez:** It killed about half of them in one night, and we could do nothing.\n\n"
        "**Greg Nolan:** Are you insured?\n\n"
        "**Teodora Vasquez:** Only for hail, which is the cruel joke of this year.\n"
    )
    quotes = run(text)
    got = [(q.quote, q.quote_start, q.type, q.speaker) for q in quotes]
    assert got == [(b, s, "direct", "Teodora Vasquez") for b, s in _answers(
        text, "It killed about half of them in one night, and we could do nothing.",
        "Only for hail, which is the cruel joke of this year.")]


@pytest.mark.parametrize("extra", [
    "Update: The council will meet again on Friday to discuss the repairs.",
    "Note: This story has been corrected to give the right date of the vote.",
    "When: Friday at 7 p.m.\nWhere: The town hall on Main Street.",
])
def test_a_colon_line_in_an_ordinary_article_adds_nothing(run, extra):
    base = ("The town council voted to close the pool on Monday. \u201cThe repairs cannot wait another "
            "summer,\u201d Mayor Jane Roe said.\n\n")
    before = [(q.quote, q.speaker) for q in run(base)]
    after = [(q.quote, q.speaker) for q in run(base + extra + "\n")]
    assert after == before


def test_q_dot_and_capitalised_surname_labels(run):
    # newspapers print "Q." and transcripts the interviewee's surname in capitals
    text = ("Jane Whitfield has run the Harbour Theatre for twenty years. We spoke to her about the new season.\n\n"
            "Q. Why did you choose this play?\n\n"
            "WHITFIELD: I believe theatre should make people uncomfortable. This play does that.\n\n"
            "Q. Were you worried about the reaction?\n\n"
            "WHITFIELD: Not at all. Audiences are braver than producers think.\n")
    quotes = run(text)
    assert [(q.quote, q.speaker, q.flags) for q in quotes] == [
        ("I believe theatre should make people uncomfortable. This play does that.", "Jane Whitfield",
         ("interview",)),
        ("Not at all. Audiences are braver than producers think.", "Jane Whitfield", ("interview",))]


def test_q_dot_a_dot_labels(run):
    quotes = run(QA.replace("Q: ", "Q. ").replace("A: ", "A. "))
    assert [q.speaker for q in quotes] == ["Teodora Vasquez-Hale"] * 2


def test_a_surname_label_is_the_person_named_in_full(run):
    # "Okafor-Lindgren:" after "R. T. Okafor-Lindgren:": the same interviewee, and "Gillespie:"
    # the same interviewer as "Tom Gillespie:"; no answer is folded into a question
    text = ("The novelist R. T. Okafor-Lindgren spoke to our books editor, Tom Gillespie, about her new "
            "thriller.\n\nTom Gillespie: Your villains are unusually sympathetic. Why?\n\n"
            "R. T. Okafor-Lindgren: Because nobody thinks they are the villain.\n\n"
            "Tom Gillespie: Is any of this autobiographical?\n\nOkafor-Lindgren: Less than my mother thinks.\n\n"
            "Gillespie: You write at night?\n\nOkafor-Lindgren: A necessity. The children sleep.")
    quotes = run(text)
    assert [(q.quote, q.speaker) for q in quotes] == [
        ("Because nobody thinks they are the villain.", "R. T. Okafor-Lindgren"),
        ("Less than my mother thinks.", "R. T. Okafor-Lindgren"),
        ("A necessity. The children sleep.", "R. T. Okafor-Lindgren")]


def test_a_broadcast_transcript_gives_the_guest_s_turns(run):
    # NPR's transcripts: "SURNAME:" turns in capitals; the host is introduced only in a
    # capitals header NER finds no person in, the guest by name
    text = ("RACHEL MARTIN, HOST:\n\nDr. Ines Holloway studies flood risk at Tulane University. She joins us "
            "from New Orleans. Good morning.\n\nINES HOLLOWAY: Good morning, Rachel.\n\n"
            "MARTIN: How bad is the flooding this year?\n\nHOLLOWAY: Honestly, it is the worst we have "
            "measured. The river gauges were off the charts last week.\n\nMARTIN: Should people leave?\n\n"
            "HOLLOWAY: If they can, yes. Especially families with small children.")
    quotes = [q for q in run(text) if "interview" in q.flags]
    assert [q.quote[:20] for q in quotes][-2:] == ["Honestly, it is the ", "If they can, yes. Es"]
    assert {q.speaker for q in quotes} == {"Ines Holloway"}


def test_a_headline_label_and_a_dateline_label_are_no_conversation(run):
    # "Storm Kestrel: ..." over "Aberystwyth: ...": each label once, no one asks
    text = ("Storm Kestrel: Thousands without power as gales batter coast\n\n"
            "Aberystwyth: More than 40,000 homes lost power overnight.\n\n"
            "“Crews are out in force,” said Western Power spokesman Dylan Morgan.\n")
    assert [q.speaker for q in run(text)] == ["Dylan Morgan"]


def test_an_answer_stops_at_a_paragraph_of_narration(run):
    # an unlabelled paragraph where the reporter attributes speech is no part of the answer before it
    text = ("Lucy Harcourt spoke to Kwame Mensah.\n\nMENSAH: Why did you pay the dividend?\n\n"
            "HARCOURT: It went to our holding company. It did not leave the group.\n\n"
            "In a statement, the regulator said it was reviewing the payment. Her predecessor, Tom Reid, "
            "told the BBC the dividend was \"a mistake\".\n\nMENSAH: Will you resign?\n\n"
            "HARCOURT: No, I will not resign today.\n")
    qs = run(text)
    assert [(q.speaker, q.quote) for q in qs] == [
        ("Lucy Harcourt", "It went to our holding company. It did not leave the group."),
        (None, "it was reviewing the payment"),
        ("Tom Reid", 'the dividend was "a mistake"'),
        ("Lucy Harcourt", "No, I will not resign today."),
    ]
