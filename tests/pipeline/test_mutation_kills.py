"""Tests written to kill surviving mutants of the mutation run (issue 14, docs/testing.md):
each pins a behaviour of the pipeline that a sampled mutant changed and no test saw.
Invented text only."""
import pytest

from saidwhat.pipeline.entities import normalize_name

BRANDT = "“We will appeal the ruling,” Mayor Lena Brandt said.\n\n"


@pytest.mark.slow
def test_she_after_two_women_named_since_is_the_one_introduced_last(run):
    # speaker_resolver._pronoun: "she" with people named since goes to _introduced (the
    # person the last paragraph brings in), not to the nearest earlier subject
    text = (BRANDT + "Anna Berg inspected the quay on Monday and sent her report to the council.\n\n"
            "The report was backed by surveyor Mia Holt.\n\n“The quay is not safe for anyone,” she said.")
    first, second = run(text)
    assert (first.speaker, second.speaker, second.speaker_role) == ("Lena Brandt", "Mia Holt", "surveyor")


@pytest.mark.slow
def test_according_to_between_commas_gives_both_two_word_pieces(run):
    # quote_detector._according_to: each side of a mid-sentence "according to" of two or
    # more words is its own record
    quotes = run("Rents rose, according to the tenants' union, in every district of the city last year.")
    assert [(q.quote, q.cue, q.speaker_mention) for q in quotes] == [
        ("Rents rose", "according to", "the tenants' union"),
        ("in every district of the city last year", "according to", "the tenants' union")]


@pytest.mark.slow
def test_continuation_is_not_carried_across_a_newly_named_organisation(run):
    # speaker_resolver._continuation: an organisation named in between stops the carry-over
    # as a person does
    text = (BRANDT + "A report by the Harbour Safety Board found cracks in the quay wall.\n\n"
            "“The quay is not safe for workers, and nobody asked us.”")
    first, second = run(text)
    assert first.speaker == "Lena Brandt"
    assert (second.speaker, second.flags) == (None, ())


@pytest.mark.parametrize("name, want", [("Ms. Berg", "Berg"), ("Ms Berg", "Berg"), ("Mrs Holt", "Holt"),
                                        ("Dr. Lind", "Lind"), ("Prof Falk", "Falk"), ("Sir Reed", "Reed"),
                                        ("Ms. Anna Berg", "Anna Berg")])
def test_normalize_name_drops_an_honorific_before_a_surname(name, want):
    assert normalize_name(name) == want


@pytest.mark.slow
def test_she_with_no_quotation_before_is_the_subject_not_the_object(run):
    # speaker_resolver._pronoun, last resort: clause subjects are tried before other mentions
    (q,) = run("Lena Brandt praised Anna Berg for the harbour plan on Monday. "
               "“The quay will reopen before the summer,” she said.")
    assert (q.speaker, q.speaker_mention, q.confidence) == ("Lena Brandt", "she", 0.7)


@pytest.mark.slow
@pytest.mark.parametrize("pron", ["I", "we", "you"])
def test_first_and_second_person_outside_quotes_name_nobody(run, pron):
    # speaker_resolver._pronoun: "we said" in narration is the writer, not a person named before
    (q,) = run(f"Lena Brandt runs the harbour office.\n\n“The quay will reopen on Monday,” {pron} said.")
    assert (q.speaker, q.speaker_type, q.confidence) == (None, "OTHER", 0.3)


@pytest.mark.slow
def test_a_paragraph_in_single_marks_with_no_cue_is_a_subheading(run):
    # quote_detector.direct_candidates: '‘A new start for the old port’' on a line of its own
    assert run("The harbour reopened on Monday after a month of repairs.\n\n‘A new start for the old port’\n\n"
               "The first ferry left at six in the morning.") == []


@pytest.mark.slow
def test_a_scare_quote_does_not_hide_the_quotations_after_it(run):
    # quote_detector.direct_candidates: the embedded phrase is skipped, the loop goes on
    (q,) = run("The council's plan to “make the harbour work for everyone again” was shelved on Tuesday. "
               "“We will try again next year,” Mayor Lena Brandt said.")
    assert (q.quote, q.speaker) == ("We will try again next year,", "Lena Brandt")


@pytest.mark.slow
def test_she_between_two_women_prefers_the_nearer_subject(run):
    # speaker_resolver._pronoun: recency against salience (SALIENCE), not the earliest name
    (q,) = run("Lena Brandt opened the new quay on Monday. Later Anna Berg toured the site. "
               "“It is a fine day for the whole town,” she said.")
    assert q.speaker == "Anna Berg"


@pytest.mark.slow
def test_lead_in_with_a_channel_on_the_line_before_the_quotation(run):
    # quote_detector._attribute: a lead-in ending in a colon on its own line gives cue,
    # speaker and channel
    (q,) = run("Mayor Lena Brandt said in a statement on Facebook:\n\n"
               "“We will appeal the ruling before the end of the month.”")
    assert (q.speaker, q.speaker_mention, q.cue, q.channel) == (
        "Lena Brandt", "Mayor Lena Brandt", "said", "in a statement on Facebook")


@pytest.mark.slow
def test_quote_extractor_writes_spans_by_default(nlp):
    # component.QuoteExtractor built directly (not through the spaCy factory) keeps the default
    from saidwhat.pipeline.component import QuoteExtractor
    x = QuoteExtractor(nlp)
    assert (x.name, x.set_spans, x.min_words) == ("saidwhat", True, 4)


@pytest.mark.slow
def test_they_said_is_a_plural_speaker_before_never_a_single_person(run):
    # speaker_resolver._plural_before: "they" takes over a plural noun speaker only
    _, q = run("“We will rebuild the pier before the summer,” said harbour master Tomas Reed.\n\n"
               "“It will take two years at least,” they said.")
    assert (q.speaker, q.speaker_mention) == (None, "they")
    _, q = run("“We will rebuild the pier before the summer,” the harbour workers said.\n\n"
               "“It will take two years at least,” they said.")
    assert (q.speaker, q.speaker_role) == (None, "the harbour workers")
