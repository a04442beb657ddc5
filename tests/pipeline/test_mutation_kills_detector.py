"""Tests written to kill surviving mutants of the second mutation run (issue 14,
docs/testing.md) in the detector modules (quote_detector, cue_detector, marks, interviews,
paragraphs, extractor, component, tokenizer, fastpath): each pins a behaviour of the
pipeline that a sampled mutant changed and no test saw. Invented text only."""
import pytest

INTRO = "Teodora Vasquez-Hale, 61, grows apples in Nova Scotia. We spoke to her about the harvest.\n\n"
ANSWER_1 = "It was the best one we have had in a decade, mostly thanks to the dry summer."
ANSWER_2 = "The price of fuel keeps going up, and the buyers will not pay more for the fruit."


@pytest.mark.slow
def test_interview_answer_holding_a_quoted_phrase_is_one_quotation(run):
    # interviews.interview_candidates: the marked spans inside an answer are looked up by
    # the answer's own bounds
    answer = "It was the best one in a decade. The buyers called it “a miracle crop” and paid well."
    text = (INTRO + "Q: How was the harvest this year?\n\nA: " + answer + "\n\n"
            "Q: What worries you most about next year?\n\nA: " + ANSWER_2 + "\n")
    quotes = run(text)
    assert [(q.quote, q.quote_start, q.type, q.speaker, q.cue, q.flags) for q in quotes] == [
        (answer, text.index(answer), "direct", "Teodora Vasquez-Hale", None, ("interview",)),
        (ANSWER_2, text.index(ANSWER_2), "direct", "Teodora Vasquez-Hale", None, ("interview",))]


@pytest.mark.slow
def test_a_turns_go_to_the_interviewee_not_to_a_named_interviewer_named_more_often(run):
    # interviews._interviewee: the person asking the questions (a name label whose turns
    # are questions) is left out when the "A:" turns look for their speaker
    text = ("Greg Nolan has written about farming for the Valley Courier for twenty years. Greg Nolan "
            "grew up on a farm himself, and Greg Nolan still keeps bees. This month Teodora Vasquez-Hale, "
            "who grows apples in Nova Scotia, answered his questions.\n\n"
            "Greg Nolan: How was the harvest this year?\n\nA: " + ANSWER_1 + "\n\n"
            "Greg Nolan: What worries you most about next year?\n\nA: " + ANSWER_2 + "\n")
    quotes = run(text)
    assert [(q.quote, q.speaker, q.flags) for q in quotes] == [
        (ANSWER_1, "Teodora Vasquez-Hale", ("interview",)), (ANSWER_2, "Teodora Vasquez-Hale", ("interview",))]


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    # words of narration before the marks: a mixed quotation
    ("Lena Brandt chairs the harbour board. The council “will appeal the ruling before the winter,” she said.",
     ("The council “will appeal the ruling before the winter,”", "mixed")),
    # only a conjunction before the marks (two spaces after it, as scraped copy has them):
    # a lead-in, the quotation is direct
    ("Lena Brandt chairs the harbour board. And  “we will appeal the ruling before the winter,” she said.",
     ("we will appeal the ruling before the winter,", "direct")),
])
def test_words_before_the_marks_make_a_mixed_quotation_a_lead_in_does_not(run, text, want):
    # quote_detector._lead_in_only: the words outside the marks, whitespace tokens left out
    (q,) = run(text)
    assert (q.quote, q.type) == want
    assert (q.speaker, q.speaker_mention, q.cue) == ("Lena Brandt", "she", "said")


@pytest.mark.slow
def test_according_to_after_a_split_attribution_is_not_reported_content(run):
    # quote_detector.indirect_candidates: a piece of a cue-split sentence that opens with
    # "according to" is an attribution, not what was said
    quotes = run("The mayor, the union said, according to the complaint, knew about the cracks for a year.")
    assert not [q.quote for q in quotes if q.quote.lower().startswith("according to")]


@pytest.mark.slow
def test_dash_attribution_glued_to_the_closing_mark(run):
    # quote_detector._attribute: '”—Mayor Lena Brandt' (no space, so the dash is not a
    # token of its own after the mark) is a dash attribution
    (q,) = run("“We will appeal the ruling before the winter.”—Mayor Lena Brandt, in a statement.")
    assert (q.quote, q.speaker, q.speaker_mention, q.cue) == (
        "We will appeal the ruling before the winter.", "Lena Brandt", "Lena Brandt", "—")


@pytest.mark.slow
@pytest.mark.parametrize("credit", ["Getty Images", "Associated Press"])
def test_a_photo_or_agency_credit_after_a_quotation_is_not_its_signature(run, credit):
    # quote_detector.signature_mention: a credit line whose first word is an agency or
    # picture credit signs nothing
    (q,) = run("The harbour was quiet on Monday.\n\n“Every berth will be open again by March, and the "
               "ferries will run as before.” " + credit)
    assert (q.quote, q.speaker, q.speaker_mention, q.flags) == (
        "Every berth will be open again by March, and the ferries will run as before.", None, None, ())


def test_a_wrapped_line_of_fifty_characters_is_not_a_short_heading_line():
    # paragraphs.paragraph_breaks: inside hard-wrapped text a line break ends a paragraph
    # after a line "under 50 characters" (a heading); a line of exactly 50 runs on
    from saidwhat.pipeline.paragraphs import paragraph_breaks

    first = "The harbour board met on Monday evening to discuss the future of the"
    rest = "Brandt and the council will decide on the repairs before the end of the\nmonth, the board said."
    fifty = "old quay, which was closed after the autumn floods"
    assert len(fifty) == 50
    assert paragraph_breaks(f"{first}\n{fifty}\n{rest}") == []
    short = fifty[:-1]
    assert paragraph_breaks(f"{first}\n{short}\n{rest}") == [len(first) + 1 + len(short)]


PLEDGE = "We will not leave anyone without a home this winter, whatever it costs."


@pytest.mark.slow
@pytest.mark.parametrize("lead", ["The mayor sent one message to the tenants on Monday. Her answer to them: ",
                                  "The flood closed the quay.\n\n— "])
def test_a_quotation_after_a_colon_or_a_dash_is_not_a_phrase_in_narration(run, lead):
    # quote_detector._embedded: text before the marks that ends in a colon, or holds no
    # word, does not make the quotation a phrase embedded in narration (which is dropped)
    text = lead + "“" + PLEDGE + "”"
    quotes = run(text)
    assert [(q.quote, q.quote_start, q.type) for q in quotes] == [(PLEDGE, text.index(PLEDGE), "direct")]


@pytest.mark.slow
@pytest.mark.parametrize("text, cue", [
    ("“We will send more ships to the region before the winter.” — NATO", "—"),
    ("The alliance answered on Monday. NATO: “We will send more ships to the region before the winter.”", ":"),
])
def test_an_organisation_in_capitals_after_a_dash_or_before_a_colon_is_the_speaker(run, text, cue):
    # quote_detector._named_in: with no person named, the organisation the dash or colon
    # attribution names is the speaker
    (q,) = run(text)
    assert (q.quote, q.speaker, q.speaker_mention, q.speaker_type, q.cue) == (
        "We will send more ships to the region before the winter.", "NATO", "NATO", "ORG", cue)


def test_the_msgpack_hooks_leave_other_objects_alone_without_a_chain():
    # component._decode_quote and friends: srsly hands each hook the next one as
    # ``chain``; the first hook of a chain gets None and must return other objects as
    # they are
    from saidwhat.pipeline.component import _decode_entity, _decode_quote, _encode_entity, _encode_quote

    obj = {"id": "E1", "text": "not a record"}
    for hook in (_decode_quote, _decode_entity, _encode_quote, _encode_entity):
        assert hook(obj) is obj
        assert hook(obj, chain=lambda o: ("chained", o)) == ("chained", obj)


@pytest.mark.slow
@pytest.mark.parametrize("tail", ["announcing a new ferry service for the winter", "denying any delay in the repairs"])
def test_reported_content_ends_before_a_participial_cue_with_an_object(run, tail):
    # quote_detector._cut_at_participle: ", announcing <object>" is a speech act of its
    # own, not part of what the mayor said
    quotes = run(f"Mayor Lena Brandt said the quay would stay closed until March, {tail}.")
    assert [(q.quote, q.type, q.speaker, q.cue) for q in quotes if q.cue == "said"] == [
        ("the quay would stay closed until March", "indirect", "Lena Brandt", "said")]


def test_lines_that_mostly_end_sentences_are_paragraphs_not_wrapped_text():
    # paragraphs._wrapped: a block is hard-wrapped only when at least half of its lines
    # (all but the last) end without sentence punctuation; here one of three does (a
    # caption), so each line is a paragraph of its own
    from saidwhat.pipeline.paragraphs import paragraph_breaks

    lines = ["The harbour board met on Monday evening to talk about the future of the old quay.",
             "Engineers told the board that the wall had cracked in two places.",
             "Photo: the old quay in Kings County after the autumn floods of last year",
             "The mayor said the council would pay for the repairs."]
    text = "\n".join(lines)
    assert all(50 <= len(ln) <= 90 for ln in lines[:-1])
    assert paragraph_breaks(text) == [i for i, ch in enumerate(text) if ch == "\n"]


TV_INTERVIEW = (
    "Teodora Vasquez runs the last apple press in Kings County{also}. Greg Nolan of the Valley Courier "
    "visited the press in September.\n\n"
    "GN: How long has the press been running?\n\n"
    "TV: My grandfather built it in 1931, and it has not stopped a single autumn since.\n\n"
    "GN: Would you ever sell it?\n\n"
    "TV: Never, because my daughter wants to run it after me.\n")


@pytest.mark.slow
def test_initials_that_fit_two_people_name_no_speaker(run):
    # interviews._label_entity: initials must match one person's; with two people of
    # the article answering to "TV" the label names nobody and the turns are not quoted
    assert [q.speaker for q in run(TV_INTERVIEW.format(also=""))] == ["Teodora Vasquez"] * 2
    assert run(TV_INTERVIEW.format(also=", and Tomas Varga sells its cider in town")) == []


def test_cached_lemmatizer_initialize_hands_everything_to_the_wrapped_lemmatizer():
    # fastpath.CachedLemmatizer.initialize: the wrapper forwards the examples, the
    # pipeline and the settings to spaCy's lemmatizer it wraps
    from saidwhat.pipeline.fastpath import CachedLemmatizer

    class Inner:
        def initialize(self, get_examples=None, *, nlp=None, **kwargs):
            self.got = (get_examples, nlp, kwargs)
            return "initialised"

    inner = Inner()
    examples = lambda: []  # noqa: E731
    assert CachedLemmatizer(inner).initialize(examples, nlp="the pipeline", labels={"a": 1}) == "initialised"
    assert inner.got == (examples, "the pipeline", {"labels": {"a": 1}})


@pytest.mark.slow
def test_a_new_sentence_after_a_closed_quotation_is_not_its_attribution(run):
    # quote_detector._attribute: after a quotation closed with a full stop, a sentence
    # that opens with a capitalised word ("Tenants said they ...") reports its own content
    text = ("Mayor Lena Brandt spoke to reporters on Monday. “We will appeal the ruling before the winter.” "
            "Tenants said they were relieved.")
    first, second = run(text)
    assert (first.quote, first.speaker, first.cue, first.flags) == (
        "We will appeal the ruling before the winter.", "Lena Brandt", None, ("topic",))
    assert (second.quote, second.speaker_mention, second.cue) == ("they were relieved", "Tenants", "said")


@pytest.mark.slow
@pytest.mark.parametrize("gap", ["\n\n\n\n", "\n \n \n"])
def test_colon_lead_in_several_blank_lines_before_the_quotation(run, gap):
    # quote_detector._attribute: the lead-in line is found over any run of blank lines
    (q,) = run("Mayor Lena Brandt told the council on Monday:" + gap +
               "“We will appeal the ruling before the winter, whatever it costs.”")
    assert (q.quote, q.speaker, q.speaker_mention, q.cue) == (
        "We will appeal the ruling before the winter, whatever it costs.", "Lena Brandt", "Mayor Lena Brandt",
        "told")


@pytest.mark.slow
def test_a_phrasal_cue_takes_in_its_particle(run):
    # cue_detector.cue_extent: the particle right after the verb is part of the cue
    text = "Mayor Lena Brandt pointed out that the quay had been closed twice this year."
    (q,) = run(text)
    assert (q.quote, q.speaker, q.cue, q.cue_start, q.cue_end) == (
        "that the quay had been closed twice this year", "Lena Brandt", "pointed out",
        text.index("pointed"), text.index("pointed") + len("pointed out"))


@pytest.mark.parametrize("tag", ["VBD", "VBZ", "VBG", "VBN", "VBP"])
def test_is_cue_trusts_a_verb_tag_on_a_word_given_a_noun_part_of_speech(tag):
    # cue_detector.is_cue: a reporting verb whose coarse part of speech came out as a
    # noun but whose fine tag is a verb tag is still a cue; with a noun tag it is not
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from saidwhat.pipeline.cue_detector import is_cue

    def doc(tag_):
        return Doc(Vocab(), words=["Brandt", "warns"], pos=["PROPN", "NOUN"], tags=["NNP", tag_],
                   lemmas=["Brandt", "warn"])

    assert is_cue(doc(tag)[1])
    assert not is_cue(doc("NNS")[1])


def test_cached_lemmatizer_hands_the_doc_to_the_error_handler():
    # fastpath.CachedLemmatizer.__call__: a failure goes to the component's error
    # handler with the Doc it failed on, as spaCy's own components do
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from saidwhat.pipeline.fastpath import CachedLemmatizer

    class Broken:
        mode, overwrite = "lookup", True

        def lemmatize(self, token):
            raise ValueError("no lemma table")

    seen = []
    lem = CachedLemmatizer(Broken())
    lem.set_error_handler(lambda name, proc, docs, e: seen.append((name, proc, docs, str(e))) or docs[0])
    d = Doc(Vocab(), words=["The", "quay"])
    assert lem(d) is d
    assert seen == [("lemmatizer", lem, [d], "no lemma table")]


@pytest.mark.slow
def test_an_unlabelled_paragraph_between_turns_continues_the_answer(run):
    # interviews.interview_candidates: a paragraph with no label after an answer is the
    # rest of that answer; the answer ends with the last such paragraph
    more = "We picked for six weeks without a single day of rain."
    text = (INTRO + "Q: How was the harvest this year?\n\nA: " + ANSWER_1 + "\n\n" + more + "\n\n"
            "Q: What worries you most about next year?\n\nA: " + ANSWER_2 + "\n")
    quotes = run(text)
    first = ANSWER_1 + "\n\n" + more
    assert [(q.quote, q.quote_start, q.speaker, q.flags) for q in quotes] == [
        (first, text.index(ANSWER_1), "Teodora Vasquez-Hale", ("interview",)),
        (ANSWER_2, text.index(ANSWER_2), "Teodora Vasquez-Hale", ("interview",))]


def test_quote_extractor_hands_the_doc_to_the_error_handler():
    # component.QuoteExtractor.__call__: an unparsed Doc (E009) goes to the component's
    # error handler with the Doc it failed on
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from saidwhat.pipeline.component import QuoteExtractor

    seen = []
    qe = QuoteExtractor(None)
    qe.set_error_handler(lambda name, proc, docs, e: seen.append((name, proc, docs, type(e))))
    d = Doc(Vocab(), words=["The", "quay", "is", "closed", "."])
    assert qe(d) is d
    assert seen == [("saidwhat", qe, [d], ValueError)]
    assert d._.quotes is None


def test_array_attribute_ruler_hands_the_doc_to_the_error_handler(monkeypatch):
    # fastpath.ArrayAttributeRuler.__call__: a failure while annotating goes to the
    # component's error handler with the Doc it failed on
    import spacy
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

    from saidwhat.pipeline.fastpath import ArrayAttributeRuler

    nlp = spacy.blank("en")
    inner = AttributeRuler(nlp.vocab)
    inner.add_patterns([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}])
    fast = ArrayAttributeRuler(inner)

    def broken(doc, compiled):
        raise ValueError("broken table")

    monkeypatch.setattr(fast, "_annotate", broken)
    seen = []
    fast.set_error_handler(lambda name, proc, docs, e: seen.append((name, docs, str(e))) or docs[0])
    d = Doc(nlp.vocab, words=["The", "quay"], tags=["DT", "NN"])
    assert fast(d) is d
    assert seen == [("attribute_ruler", [d], "broken table")]


def test_given_name_table_loads_from_the_package_data(monkeypatch):
    # given_names._load: the table is read from saidwhat/data on first use
    from saidwhat.pipeline import given_names

    monkeypatch.setattr(given_names, "_names", None)
    assert given_names.lookup("Helena") == (0.99, 259624)
    assert given_names.name_gender("John") == "M"
    assert given_names.lookup("Zzyxqw") is None


@pytest.mark.slow
@pytest.mark.parametrize("text, role", [
    ("The Harbour Master, Tom Okafor, said the quay would reopen in March.", "The Harbour Master"),
    ("“The quay will reopen in March,” the Harbour Master, Tom Okafor, said.", "the Harbour Master"),
])
def test_a_capitalised_title_before_the_speakers_name_is_a_role_of_the_entity(nlp, text, role):
    # extractor.extract_all: the role the speaker mention carries ("The Harbour Master,
    # Tom Okafor") is recorded on the speaker's entity
    import warnings

    import saidwhat

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (e,) = saidwhat.extract_entities(text, nlp=nlp)
    assert (e.name, e.type, e.roles) == ("Tom Okafor", "PERSON", (role,))


def test_a_second_opening_mark_warns_about_the_first_one():
    # marks.find_marked_spans: an opening mark inside an open quotation means the first
    # lost its closing mark; W001 names the position of that first mark
    import warnings

    from saidwhat.pipeline.marks import find_marked_spans

    text = "“The quay is closed. “We will appeal the ruling,” she said."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spans = find_marked_spans(text)
    assert [str(w.message) for w in caught] == ["[W001] Quote mark at character 0 has no partner; candidate skipped."]
    assert [(m.start, m.end, m.open_pos, m.close_pos) for m in spans] == [(22, 48, 21, 48)]
    assert text[22:48] == "We will appeal the ruling,"


@pytest.mark.slow
def test_an_interview_followed_by_narration_keeps_its_answers(run):
    # interviews.interview_candidates: more unlabelled paragraphs than a long answer has
    # close the Q&A section; its answers stay quotations and the narration is not one
    text = (INTRO + "Q: How was the harvest this year?\n\nA: " + ANSWER_1 + "\n\n"
            "Q: What worries you most about next year?\n\nA: " + ANSWER_2 + "\n\n"
            "The orchard lies on a slope above the bay.\n\nIts oldest trees were planted in 1921.\n\n"
            "The family sells most of the fruit to a cider maker.\n\nThe rest goes to a market in Halifax.\n")
    quotes = run(text)
    assert [(q.quote, q.quote_start, q.speaker, q.flags) for q in quotes] == [
        (ANSWER_1, text.index(ANSWER_1), "Teodora Vasquez-Hale", ("interview",)),
        (ANSWER_2, text.index(ANSWER_2), "Teodora Vasquez-Hale", ("interview",))]


@pytest.mark.slow
def test_inverted_cue_with_a_number_in_the_speaker_closing_a_sentence_the_parser_split(run):
    # quote_detector._surface_frame: ", two former workers write." is a speaker and its
    # cue (a number may open the speaker's words)
    (q,) = run("The old mill closed in 1990; after that, the whole valley emptied, two former workers write.")
    assert (q.quote, q.type, q.speaker_mention, q.cue) == (
        "The old mill closed in 1990; after that, the whole valley emptied", "indirect", "two former workers",
        "write")


@pytest.mark.slow
def test_a_naming_cue_with_two_coordinated_descriptions_reports_both(run):
    # quote_detector._naming_content: the description runs over "and" to the second one
    (q,) = run("Brandt calls the new quay a gift to the city and a lesson for the council.")
    assert (q.quote, q.type, q.speaker, q.cue) == (
        "a gift to the city and a lesson for the council", "indirect", "Brandt", "calls")


@pytest.mark.slow
def test_a_pronoun_after_an_inverted_cue_is_the_speaker_mention(run):
    # quote_detector._speaker_near: in ', tweeted he on Monday' the parser does not make
    # "he" the cue's subject; the pronoun after the inverted cue is still the mention
    (q,) = run("Tom Okafor runs the port. “We will appeal the ruling in the spring,” tweeted he on Monday.")
    assert (q.quote, q.speaker, q.speaker_mention, q.cue, q.flags) == (
        "We will appeal the ruling in the spring,", "Tom Okafor", "he", "tweeted", ())


@pytest.mark.slow
def test_a_noun_before_a_lead_in_cue_the_parser_left_without_subject_is_the_speaker(run):
    # quote_detector._speaker_near: with a participle clause between them the parser does
    # not make "The harbour master" the subject of "tweeted"; the noun before the cue is
    # still its speaker mention
    (q,) = run("The harbour master, writing late on Monday, tweeted: “We will appeal the ruling in the spring.”")
    assert (q.quote, q.speaker, q.speaker_mention, q.cue) == (
        "We will appeal the ruling in the spring.", None, "The harbour master", "tweeted")


@pytest.mark.slow
def test_an_inverted_frame_ends_at_a_paragraph_break_before_a_lower_case_line(run):
    # quote_detector._inverted_ok: the frame's tail stops at a line break that ends a
    # paragraph, though the next paragraph opens in lower case and the parser runs on
    (q,) = run("The quay will reopen soon, the mayor has said\nand the workers went home early on Monday.")
    assert (q.quote, q.type, q.speaker_mention, q.cue) == ("The quay will reopen soon", "indirect", "the mayor", "said")
