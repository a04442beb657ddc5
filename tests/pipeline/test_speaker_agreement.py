"""Speaker resolution by evidence that carries over to unseen news (issue 10, kinds 2, 3, 5).

Invented text only; each test names the linguistic pattern it covers.
"""
import pytest

import saidwhat


def _speakers(nlp, text):
    return [q.speaker for q in saidwhat.extract(text, nlp=nlp)]


# -- kind 2: a pronoun goes only to an entity that can be its referent ------------------

def test_they_is_not_one_man(nlp):
    # number agreement: "they" is a group, an organisation or a person the article calls they
    text = ("Tom Reddy, a farmer, lost his crop. The storms hit the county in June. "
            "“We lost everything,” they said.")
    assert _speakers(nlp, text) == [None]


def test_they_can_be_a_person_the_article_calls_they(nlp):
    text = ("Sam Rivera, who uses they/them pronouns, runs the shelter. They opened it in 2019. "
            "“We are full every night,” they said.")
    assert _speakers(nlp, text) == ["Sam Rivera"]


def test_it_is_not_a_person_or_a_city(nlp):
    # animacy: "it" is an organisation, a document or a thing
    text = "Maria Lopez runs a bakery in Toronto. “We are struggling,” it said."
    assert _speakers(nlp, text) == [None]


def test_it_is_the_organisation(nlp):
    text = ("Maria Lopez runs a bakery in Toronto that Harbourline Foods bought last year. "
            "“We will keep every job,” it said.")
    assert _speakers(nlp, text) == ["Harbourline Foods"]


def _with_person(nlp, text, word):
    """Run the pipeline with NER's error forced: ``word`` tagged as a PERSON."""
    doc = nlp(text)
    a = text.index(word)
    doc.ents = [e for e in doc.ents if e.end_char <= a or e.start_char >= a + len(word)] + [
        doc.char_span(a, a + len(word), label="PERSON")]
    return [q.speaker for q in nlp.get_pipe("saidwhat")(doc)._.quotes]


@pytest.mark.parametrize("word", ["Tuesday", "March"])
def test_he_is_never_a_weekday_or_month_ner_took_for_a_person(nlp, word):
    text = (f"{word} brought new rules for the port. The province announced them after the storm. "
            "“The rules are overdue,” he said.")
    assert _with_person(nlp, text, word) == [None]


def test_he_is_never_a_province_abbreviation_ner_took_for_a_person(nlp):
    text = "HALIFAX, N.S. — The province announced new rules on Tuesday. “The rules are overdue,” he said."
    assert _with_person(nlp, text, "N.S.") == [None]


# -- kind 3: a description goes to the entity it describes ------------------------------

def test_the_minister_is_the_minister_named_last(nlp):
    text = ("Prime Minister Justin Reed met Finance Minister Carla Mendes on Monday. Mendes presented "
            "the budget. “The numbers add up,” the minister said.")
    assert _speakers(nlp, text) == ["Carla Mendes"]


def test_the_union_is_the_union_named_before(nlp):
    text = ("Workers at the plant are members of the Riverside Workers Union. The company cut shifts "
            "last week. “Our members deserve better,” the union said.")
    assert _speakers(nlp, text) == ["Riverside Workers Union"]


def test_a_description_matches_an_apposition(nlp):
    # role evidence: "the dock worker" is the person the article called a dock worker
    text = ("Samuel Okoye, a dock worker, has worked the port for 20 years. Mayor Helena Brandt closed "
            "the quay on Monday.\n\n“There is nowhere else for us to go,” the dock worker said.")
    assert _speakers(nlp, text) == ["Samuel Okoye"]


# -- kind 5: a floating quotation after the narration moved on ---------------------------

def test_floating_quote_is_not_carried_over_after_narration_moves_to_a_group(nlp):
    text = ("“We did not take this decision lightly,” Mayor Helena Brandt said.\n\n"
            "The dock workers disagree. Many of them have worked the port for decades and say the "
            "closure came without warning.\n\n"
            "“There is nowhere else for us to go, and nobody asked us.”")
    quotes = saidwhat.extract(text, nlp=nlp)
    assert quotes[0].speaker == "Helena Brandt"
    assert quotes[-1].quote.startswith("There is nowhere") and quotes[-1].speaker is None


def test_continuation_right_after_the_quote_still_carries_over(nlp):
    text = ("“We did not take this decision lightly,” Mayor Helena Brandt said.\n\n"
            "“The quay is not safe for workers, and I will not put anyone at risk.”")
    assert _speakers(nlp, text) == ["Helena Brandt", "Helena Brandt"]


def test_an_age_description_is_the_person_of_that_age(nlp):
    # "the teenager" is the 19-year-old named before, not the coach named since
    text = ("Jonas Brekke, 19, scored his first goal on Saturday. Coach Mike Dunn praised his speed.\n\n"
            "“It felt amazing,” the teenager said.")
    assert _speakers(nlp, text) == ["Jonas Brekke"]


def test_an_n_year_old_is_a_person_not_an_organisation(nlp):
    text = ("Lena Ortiz was named to the national team on Monday. The Olympic Committee announced the "
            "roster in Toronto.\n\n“I cried when I heard,” the 17-year-old said.")
    assert _speakers(nlp, text) == ["Lena Ortiz"]


def test_an_anonymous_source_is_never_a_named_person(nlp):
    text = ("Coach Wade Barlow met the owners on Monday. The deal is close, said the person, who spoke "
            "on condition of anonymity because the talks are private.")
    quotes = saidwhat.extract(text, nlp=nlp)
    assert quotes and quotes[-1].speaker is None and quotes[-1].speaker_mention == "the person"


def test_the_company_is_the_organisation_introduced_as_a_company(nlp):
    text = ("Ad spending will fall 4 per cent, according to media buying company Zenlo. Harbourline Media "
            "posted its results on Monday, and Harbourline Media shares fell.\n\n"
            "“Budgets are shrinking,” the company wrote in its forecast.")
    assert _speakers(nlp, text)[-1] == "Zenlo"


def test_a_person_description_never_goes_to_an_organisation(nlp):
    text = ("Dana Whitfield opened her first cafe in 2009. The Riverside Business Association gave her an "
            "award this year.\n\n“I never planned any of this,” the founder said.")
    assert _speakers(nlp, text) == ["Dana Whitfield"]


def test_pronoun_after_an_indefinite_person_is_that_unnamed_person(nlp):
    # an indefinite introduces a new referent: "he" is the official, not the named prosecutor
    text = ("Megan Bortis, the prosecutor, asked for a fine. An official with the provincial animal "
            "agency told reporters the case was unusual. “We have never seen this many animals,” he said.")
    q = saidwhat.extract(text, nlp=nlp)[-1]
    assert (q.speaker, q.speaker_mention, q.speaker_role) == (None, "he", "An official")


def test_pronoun_after_an_indefinite_then_a_name_is_the_name(nlp):
    text = ("A harbour pilot says the channel is silting up. Ines Moreau has guided ships here for 20 "
            "years. “It gets worse every spring,” she said.")
    assert _speakers(nlp, text)[-1] == "Ines Moreau"


@pytest.mark.xfail(strict=True, reason="kind 2 ('he' to 'Brexit' tagged PERSON) left open: the rule that fixed it "
                   "(a one-word name nothing shows is a person takes no he/she) cost 16 pronouns on GUM test")
def test_he_is_never_a_one_word_name_nothing_shows_is_a_person(nlp):
    # NER sometimes tags "Brexit" as a PERSON; nothing in the article makes it one
    text = ("The vote on Brexit was delayed again on Tuesday. The minister left the chamber early. "
            "“We need more time,” he said.")
    assert _with_person(nlp, text, "Brexit") == [None]


@pytest.mark.parametrize("text, mention", [
    ("Northern Export Agency insures mines abroad. Trade Minister Jim Carlow defended the agency on "
     "Monday. The loan was approved in 2017, his office said.", "his office"),
    ("Libertarian candidate Gary Jonson released a letter on Monday. Donald Tramp mocked it. "
     "Gary Jonson's doctor said he is in excellent health.", "Gary Jonson's doctor"),
    ("The ad attacks Hillary Clintock. “She lied,” the ad's narrator says.", "the ad's narrator"),
])
def test_a_possessed_description_is_neither_the_possessor_nor_the_last_named(nlp, text, mention):
    q = saidwhat.extract(text, nlp=nlp)[-1]
    assert (q.speaker, q.speaker_mention) == (None, mention)


def test_the_agency_prefers_a_public_body_to_an_organisation_of_unknown_kind(nlp):
    text = ("The deficit will reach $1 trillion by 2020, according to the nonpartisan Congressional Budget "
            "Office. The Harbour Policy Center disputed the figure on Monday.\n\n"
            "“Spending must be cut,” the agency said in its report.")
    assert _speakers(nlp, text)[-1] == "Congressional Budget Office"


def test_a_retailer_named_office_is_still_a_company():
    from saidwhat.pipeline.speaker_resolver import _org_kind
    assert _org_kind("Congressional Budget Office") == "public"
    assert _org_kind("Office Depot") is None


def test_a_pronoun_after_a_described_title_holder_is_that_holder(nlp):
    # "The minister" as the narration's subject stands for the minister named before,
    # not for the economist quoted since
    text = ("Finance Minister Chrystia Holloway-Baird defended the budget on Tuesday. Economist Sarah Kim "
            "said the spending was manageable.\n\nThe minister brushed off the criticism. "
            "“Every government borrows in a downturn,” she said.")
    assert _speakers(nlp, text)[-1] == "Chrystia Holloway-Baird"


def test_they_is_not_one_named_person_of_unknown_gender(nlp):
    # "Raj" is in no name list; one named person is still not "they" unless the article says so
    text = "Shop owner Raj Patel reopened on Monday. “We lost everything,” they said."
    assert _speakers(nlp, text) == [None]


def test_a_sentence_initial_common_noun_is_no_entity(nlp):
    # NER tags the capitalised "Shop" of "Shop owner ..." as an organisation
    text = "Shop owner David Patel reopened on Monday. “We lost everything,” they said."
    assert _speakers(nlp, text) == [None]
    assert [e.name for e in saidwhat.extract_entities(text, nlp=nlp)] == ["David Patel"]


def test_a_person_whose_surname_is_a_place_word_stays_a_person(nlp):
    text = "Manager Ellen Park praised him. “He was outstanding,” Park said."
    q = saidwhat.extract(text, nlp=nlp)[0]
    assert (q.speaker, q.speaker_type, q.speaker_role) == ("Ellen Park", "PERSON", "Manager")


def test_continuation_of_an_unnamed_speaker_is_flagged_and_not_given_a_name(nlp):
    text = ("Mayor Helena Brandt closed the quay on Monday.\n\n"
            "Every day the port is closed costs local firms money, the port authority said. "
            "“We are working with the council to reopen the northern berths first.”")
    q = saidwhat.extract(text, nlp=nlp)[-1]
    assert q.quote.startswith("We are working")
    assert (q.speaker, q.speaker_type, q.flags) == (None, "ORG", ("continuation",))


def test_an_organisation_ner_took_for_a_person_is_the_club(nlp):
    text = 'Halton Rovers lost again on Saturday. The club said in a statement that it "will not be commenting."'
    q = saidwhat.extract(text, nlp=nlp)[0]
    assert (q.speaker, q.speaker_type) == ("Halton Rovers", "ORG")


def test_they_after_an_unnamed_group_is_never_a_name(nlp):
    text = ("“The study was observational,” the authors wrote. They cautioned that the sample was small.")
    quotes = saidwhat.extract(text, nlp=nlp)
    assert all(q.speaker is None for q in quotes)


@pytest.mark.parametrize("text, mention", [
    ("Workers at Brindle Foods walked out on Friday. They said the company had cut their hours.",
     "Workers at Brindle Foods"),
    ("Three former Halvard Bakery employees have started an online campaign. They said the owners had "
     "ignored complaints for years.", "Three former Halvard Bakery employees"),
])
def test_they_after_a_group_subject_is_the_group_not_the_organisation_inside_it(nlp, text, mention):
    # number and animacy: "they" takes up the plural subject of the sentence before, a
    # group of people; the organisation named inside that group is not its referent
    (q,) = saidwhat.extract(text, nlp=nlp)
    assert q.speaker is None and q.speaker_mention == "They" and q.speaker_role == mention


def test_he_after_a_group_said_is_no_chain_from_they(nlp):
    # "they said ... he said": the man is the one named before, not the group
    text = ("Tom Reyes, the union president, said talks had failed. Workers at Brindle Foods walked out on "
            "Friday. They said the company had cut their hours. “We are not going back,” he said.")
    assert _speakers(nlp, text) == ["Tom Reyes", None, "Tom Reyes"]


def test_they_after_a_group_then_the_organisation_speaking_is_not_the_group(nlp):
    text = ("Workers at Brindle Foods walked out on Friday. Brindle Foods said it regretted the strike. "
            "They said the talks would resume.")
    assert _speakers(nlp, text) == ["Brindle Foods", "Brindle Foods"]


@pytest.mark.parametrize("text, speaker", [
    ("Her daughter, Amara, now 24, works weekends. “Mum never rests,” she says.", "Amara"),
    ("He is survived by a daughter, Margaret Brennan-Ruiz, and eight grandchildren. His daughter said he "
     "remained curious.", "Margaret Brennan-Ruiz"),
])
def test_a_role_given_before_the_name_counts(nlp, text, speaker):
    assert _speakers(nlp, text)[-1] == speaker


def test_a_pronoun_after_an_age_description_is_the_person_of_that_age(nlp):
    text = ("Owen Marsh, 58, has coached the team for 20 years. His assistant Tom Reyes, 31, will take over.\n\n"
            "Asked whether he would return, the 58-year-old smiled. “I think I have earned a rest,” he said.")
    assert _speakers(nlp, text)[-1] == "Owen Marsh"


def test_the_noun_after_one_unnamed_person_is_that_person(run):
    # "One porter, who asked not to be named": an indefinite of its own, not the man named before
    text = ("The finance chief, Paul Greer, said the firm would keep hiring.\n\nOne porter, who asked "
            "not to be named, said staff were scared. “We were not told anything,” the porter said.")
    quotes = run(text)
    assert quotes[-1].speaker_mention == "the porter"
    assert quotes[-1].speaker is None


def test_an_indefinite_person_inside_another_clause_introduces_no_speaker(run):
    # "where a cousin from school earns more": a person inside the reported clause's own
    # clause, not a new referent the next "she" takes up
    text = ("Paramedic Joanna Petrie, 29, said she has thought about moving to Calgary, where a cousin "
            "from school earns far more.\n\n“I love this town. But love doesn't pay the rent,” she said.")
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["Joanna Petrie", "Joanna Petrie"]


def test_the_unnamed_spokesperson_stays_unnamed_though_their_principal_is_named(run):
    text = ("Transport Minister Kevin Amiri said he had spoken with the airline's chief executive.\n\n"
            "A spokesperson for federal Labour Minister Diane Roussel said the department was reviewing "
            "the file. “Our priority is protecting jobs,” the spokesperson said.")
    q = run(text)[-1]
    assert q.speaker_mention == "the spokesperson"
    assert q.speaker is None


def test_an_organisation_description_takes_up_a_name_the_article_calls_it(nlp):
    # animacy: "Ofwat said its investigation ..." makes the name an organisation, though
    # NER calls it a place, so "the watchdog" can be it
    text = ("Ofwat has fined Southern Water £4m.\n\nOfwat said its investigation had found serious failings. "
            "The watchdog said the company had under-reported spills at 61 sites.")
    quotes = saidwhat.extract(text, nlp=nlp)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Ofwat", "ORG")] * 2


def test_an_organisation_description_after_an_unnamed_spokesperson_is_the_body_they_spoke_for(nlp):
    text = ("A spokeswoman for Essential Energy said about 18,000 homes were without power. The company "
            "said it would not be able to restore supply until the water receded.")
    assert _speakers(nlp, text) == [None, "Essential Energy"]


@pytest.mark.parametrize("text, speaker", [
    # a rank before the title makes it another office: the deputy mayor is not "the mayor"
    ("The mayor, Tory Whanau, voted against the delay.\n\nDeputy mayor Laurie Foon said the decision was "
     "the right one.\n\nThe mayor said she would oppose any sale of the site.", "Tory Whanau"),
    # the description's own title word picks the holder: "the federal minister"
    ("Federal Labour Minister Steven MacKinnon said he had met with both parties.\n\nQuebec's economy "
     "minister, Christopher Skeete, said the province wanted a settlement. The federal minister said he "
     "shared that preference.", "Steven MacKinnon"),
])
def test_a_title_description_is_the_holder_of_that_office_not_of_a_lesser_or_other_one(nlp, text, speaker):
    assert _speakers(nlp, text)[-1] == speaker


# -- kind 1: people who share a surname --------------------------------------------------

def test_a_bare_surname_stays_with_the_quoted_subject_not_a_relative_named_aside(nlp):
    # news names a relative by kinship and keeps the bare surname for the one it quotes
    text = ("Selena Okafor said she had struggled for a year. Among those commenting was her sister, "
            "Daniela Okafor, a model, who wrote: “So proud of you.”\n\n"
            "Okafor told Variety the block began after her breakup. “It wasn't about him,” she said.")
    speakers = _speakers(nlp, text)
    assert speakers[0] == speakers[-2] == speakers[-1] == "Selena Okafor"


def test_the_younger_of_two_who_share_a_surname_is_the_younger(nlp):
    text = ("Mathieu Gagnon, 20, scored the winner. His father, Luc Gagnon, a former coach, was in the stands.\n\n"
            "“I saw him after, he was crying a little bit,” the younger Gagnon said.")
    assert _speakers(nlp, text) == ["Mathieu Gagnon"]


def test_a_title_in_a_relation_is_not_held(nlp):
    # "the manager's son" holds no office of manager
    text = ("Manager Graham Pettit was pleased. The winner came from a cross by Luke Pettit, the manager's son.\n\n"
            "“If anyone thinks I pick him because he's my boy, they're wrong,” the manager said.")
    assert _speakers(nlp, text) == ["Graham Pettit"]


@pytest.mark.parametrize("text, speaker", [
    # an organisation's name is no short form of its workers' union or staff association
    ("Workers voted in 2022 to join the Amazon Labor Union, which later affiliated with the Teamsters.\n\n"
     "Amazon said the strike was being driven by outside organizers.", "Amazon"),
    ("Staff at the plant joined the Ford Workers Association last year.\n\n"
     "Ford said the strike was being driven by outside organizers.", "Ford"),
])
def test_a_company_is_not_the_union_named_after_it(nlp, text, speaker):
    assert _speakers(nlp, text) == [speaker]


def test_he_after_an_unnamed_tradesman_is_that_man_not_the_one_named_before(nlp):
    # "miner" is also a mining company's trade noun; "he" shows a person was meant
    text = ("“Enough of the talk,” Mr Kwame Ntim Asante said.\n"
            "A miner told the Daily Graphic that poverty drove young people into the trade. "
            "“If government gives us work, we will leave the pits,” he said.")
    assert _speakers(nlp, text) == ["Kwame Ntim Asante", None, None]


def test_the_description_of_an_unnamed_source_is_not_the_outlet_it_told(nlp):
    # the addressee of "told" is not the indefinite source "the official" takes up
    text = ("A senior police official, requesting anonymity, told Dawn that two constables were critical. "
            "“One was hit on the head,” the official said.")
    assert _speakers(nlp, text) == [None, None]


@pytest.mark.parametrize("text", [
    # a title no one named holds stays a description: not the person known by another title
    "Apple chief executive Tim Cook met officials in Washington. The Secretary of Commerce said Friday that "
    "talks had gone well.",
    "Mayor Jane Roe opened the bridge. The Secretary of Transport said the bridge was safe.",
])
def test_a_title_is_not_a_person_known_by_another_title(nlp, text):
    assert _speakers(nlp, text) == [None]


def test_she_is_not_a_man_the_name_table_is_sure_of(nlp):
    # gender agreement: a name the table gives one gender with near certainty
    # ("Gareth") is never "she", even as a last resort; nobody named fits
    text = ("Lifeboat helmsman Gareth Trelawny said the sea was rough that day. "
            "The boy's friends went back to the beach on Sunday. "
            "“We just thought it was a normal beach,” she said.")
    assert _speakers(nlp, text) == ["Gareth Trelawny", None]


def test_she_after_one_of_a_group_quoted_is_that_unnamed_one(nlp):
    # a partitive subject ("One of the boy's friends") names one unnamed person; "she"
    # after that quotation takes it up
    text = ("Lifeboat helmsman Gareth Trelawny said the sea was rough. "
            "One of the boy's friends told the inquest they had seen no signs. "
            "“We just thought it was a normal beach,” she said.")
    quotes = saidwhat.extract(text, nlp=nlp)
    assert [q.speaker for q in quotes] == ["Gareth Trelawny", None, None]
    assert quotes[-1].speaker_role == "One of the boy's friends"


def test_a_description_between_dashes_describes_the_name_before_it(nlp):
    # "Lisa Hartley — Abbie's older sister — said": the parser makes both subjects of the
    # cue; the phrase between dashes is an apposition, as between commas
    text = ("Abbie Hartley scored three times. City manager Lisa Hartley — Abbie's older sister — said "
            "she had told the team to be patient. “We knew the chances would come,” she said.")
    assert _speakers(nlp, text) == ["Lisa Hartley", "Lisa Hartley"]


@pytest.mark.parametrize("text, speaker", [
    # a proper name before the title says whose office it is: "the Ballycorr manager" is
    # not the Kilbrennan manager; a club's "boss" is its manager (British sports copy)
    ("Kilbrennan manager Declan Murphy was delighted. Ballycorr boss Mícheál Fahy was not. "
     "“Seánie's a warrior,” the Ballycorr manager said.", "Mícheál Fahy"),
    ("Kilbrennan manager Declan Murphy was delighted. Ballycorr manager Mícheál Fahy was not. "
     "“Seánie's a warrior,” the Ballycorr manager said.", "Mícheál Fahy"),
])
def test_a_title_with_a_proper_modifier_is_that_bodys_holder(nlp, text, speaker):
    assert _speakers(nlp, text) == [speaker]


def test_they_after_an_unnamed_spokesperson_is_that_spokesperson(nlp):
    # singular "they" for the spokesperson just quoted; never a place named before
    text = ("He died at the Royal Cornwall hospital. A council spokesperson said it would "
            "“carefully consider” the findings. “Our sympathies are with his family,” they said.")
    quotes = saidwhat.extract(text, nlp=nlp)
    assert [q.speaker for q in quotes] == [None, None]
    assert quotes[1].speaker_role == "A council spokesperson"


def test_the_doctor_is_the_one_titled_dr(nlp):
    # "The province's top doctor" is the office of the "Dr." named before (the title's
    # abbreviation holds it), not someone of the province's
    text = ("Dr. Elaine Bergstrom, Manitoba's chief public health officer, spoke Thursday. "
            "The province's top doctor warned that uptake of the flu shot remains low.")
    assert _speakers(nlp, text) == ["Elaine Bergstrom"]


@pytest.mark.parametrize("text, speaker", [
    # relatives who share a surname: the bare surname is the one the article named in full
    # last; a given name alone ("a photograph of Kayla") hands the surname back to no one
    ("The candle is for Kayla Doyle, 19, who died in 2023.\n\n"
     "“We are here because the system failed our daughter,” said her mother, Theresa Doyle.\n\n"
     "Her husband, Mark Doyle, sat beside her holding a framed photograph of Kayla.\n\n"
     "“She told the triage nurse she couldn't breathe,” Doyle said.", "Mark Doyle"),
    # the surname alone is no use of a double-barrelled name that ends in it
    ("Maya Osei-Brennan was diagnosed last spring.\n\nMaya's father, Liam Brennan, is a bus driver. "
     "He said the family has spent its savings.\n\n“We put a ramp in the front,” Brennan said.", "Liam Brennan"),
])
def test_a_shared_surname_is_the_relative_named_in_full_last(nlp, text, speaker):
    assert _speakers(nlp, text)[-1] == speaker


def test_pronouns_near_a_name_the_table_is_sure_of_do_not_change_its_gender(nlp):
    # "with her", "her early work" in Jonah's sentence are Marisol's; "Jonah" stays a man
    text = ("Marisol Adebayo-Kent paints every day. Jonah Petrakis, a sculptor who shared a studio with her "
            "for six years, told me the large canvases lose some of the intimacy of her early work. "
            "In a letter to a friend, she wrote: “Painting is the only place where I am not in a hurry.”")
    assert _speakers(nlp, text) == ["Jonah Petrakis", "Marisol Adebayo-Kent"]


def test_a_list_the_parser_hangs_as_an_apposition_gives_no_role_or_gender(nlp):
    # "Denise, her husband Marc and their three children escaped": no role "her husband
    # ...", so no male gender for Denise, and her "she" stays hers
    text = ("Denise Tremblay lost everything in the fire. Denise, her husband Marc and their three children "
            "escaped with their dogs. Denise Tremblay said the family plans to rebuild. "
            "“We lost a house,” she said.")
    assert _speakers(nlp, text) == ["Denise Tremblay", "Denise Tremblay"]


@pytest.mark.parametrize("text, speaker, kind", [
    # a body introduced by its kind ("Cycling charity", "campaign group") is an organisation
    ("Cycling charity Pedal Safe said the junction was a death trap.", "Pedal Safe", "ORG"),
    # but a person whose apposition after the name ends in such a noun stays a person
    ("“Soft skills are in short supply,” said Sevaun Palvetzian, CEO of Civic Action, a non-partisan "
     "civic engagement group.", "Sevaun Palvetzian", "PERSON"),
])
def test_a_name_introduced_by_a_kind_of_body_is_an_organisation(nlp, text, speaker, kind):
    (q,) = saidwhat.extract(text, nlp=nlp)
    assert (q.speaker, q.speaker_type) == (speaker, kind)


@pytest.mark.parametrize("noun, speaker", [("His wife", "Margaret Langille"), ("Her husband", "Henry Langille")])
def test_a_spouse_of_a_couple_named_together_is_that_member(nlp, noun, speaker):
    # "Henry and Margaret Langille … His wife said": the couple's woman, by the name table
    text = (f"Henry and Margaret Langille spent the morning moving furniture. {noun} said the couple "
            "would stay with their daughter.")
    assert _speakers(nlp, text) == [speaker]


@pytest.mark.parametrize("text", [
    # "the other ..." after one of an unnamed group
    "Chief executive Maren Holt said the firm was solvent. Two former employees disputed that. "
    "“It was chaos,” said one of them. The other former employee said the board had been warned.",
    # an anonymous-source noun takes up the unnamed source quoted just before
    "Daria Lenz, the chief executive, announced the cuts on Monday. Another former employee said the plan "
    "had been rushed. “Nobody listened,” the person said.",
    "“The margins are thin,” said Oren Blick, an analyst at Castell Bank. A person familiar with the talks "
    "said the deal was close. “It will be signed this week,” the person said.",
    # the same noun again, after a source who asked not to be named
    "Omar Haddad, the union's regional director, said many nurses have quit.\n\nThe nurse on duty, who asked "
    "not to be named, said they had sent four patients south this week.\n\n“You don't sleep,” the nurse said.",
])
def test_a_description_taking_up_an_unnamed_source_names_no_one(run, text):
    assert run(text)[-1].speaker is None


def test_a_pronoun_after_one_of_a_group_in_apposition_is_that_unnamed_person(run):
    text = ("Janice Okoro, the union's regional director, said many nurses have quit.\n\n"
            "One of them, a nurse who has worked on the ward for nine years, said she was thinking of leaving too."
            "\n\n“I love this job,” she said.")
    assert [q.speaker for q in run(text)] == ["Janice Okoro", None, None]


def test_a_possessive_description_is_not_the_relation_of_someone_else(run):
    # "her friend" (Hamdy's) is not the man introduced as "his friend" (the pilot's)
    text = ("Samir Adel flew the plane. “He had so many projects,” said his friend Karim Nabil.\n\n"
            "Marwa Hamdy.\n\nHamdy, a mother of three, was also headed to Cairo, her friend said.")
    assert run(text)[-1].speaker is None


def test_he_after_a_person_newly_named_as_an_object_is_that_person(run):
    # news names a new source right before quoting them, in any role
    text = ("Lee Min-ho took bronze. “I am happy with my routine,” Lee said. The gold went to Tomás Ferreyra. "
            "“Today Argentina is a gymnastics country,” he said.")
    assert [q.speaker for q in run(text)] == ["Lee Min-ho", "Tomás Ferreyra"]


def test_he_stays_with_the_speaker_whose_pronoun_names_the_newcomer(run):
    text = ("Lee Min-ho took bronze. “I am happy with my routine,” Lee said. He had trained with Tomás Ferreyra "
            "for years. “It was hard,” he said.")
    assert [q.speaker for q in run(text)] == ["Lee Min-ho", "Lee Min-ho"]


@pytest.mark.parametrize("text, speaker", [
    # a party added to a title given without it
    ("Local MP Martin Oduya, who has met several families, called for an inquiry. Gail Fenwick said staff "
     "were tired. “People deserve answers,” the Labour MP said.", "Martin Oduya"),
    # a national team's nickname for one of its players
    ("Flanker Jed Morton was named man of the match. “We just stuck at it,” the Wallaby said.", "Jed Morton"),
])
def test_a_description_adding_news_to_a_title_or_a_team_nickname(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_an_age_description_is_not_someone_introduced_with_another_age(run):
    # "the 25-year-old" is not "The 28-year-old Jamaican Andre Lyle" (an age is no title)
    text = ("The 28-year-old Jamaican Andre Lyle won in 9.90. “I just hoped,” Lyle said. Lyle's rival, Emeka Obi, "
            "said he thought he had won. “From where I was, I had him,” the 25-year-old said.")
    assert run(text)[-1].speaker == "Emeka Obi"


@pytest.mark.parametrize("text", [
    "Coach Roy Benning was asked whether Kyle Mott would start again. “Let me enjoy this one first,” he said.",
    "Coach Roy Benning was asked whether Kyle Mott would start again if Evan Price were unavailable. He smiled. "
    "“Let me enjoy this one first,” he said.",
])
def test_he_after_a_question_is_the_one_asked_not_those_named_in_it(run, text):
    assert run(text)[-1].speaker == "Roy Benning"


@pytest.mark.parametrize("text, speaker", [
    # a person NER missed who acts in the narration (subject of a non-speech verb, or in
    # apposition to a person noun) is the antecedent of the next he/she
    ('Neighbor Victor Salgado said he heard three shots.\n\nCouncilmember Brent Ashby visited the scene Tuesday.'
     '\n\n"Everyone went home safe tonight," he said.', "Brent Ashby"),
    ('Among those killed was Daniel Mbeki. His father, Emeka Mbeki, spoke briefly. "He wanted to help people," he said.',
     "Emeka Mbeki"),
    ('Ana Ferreira tried to find middle ground. "The rules apply only to risky systems," she said.', "Ana Ferreira"),
])
def test_a_person_ner_missed_in_the_narration_takes_the_next_pronoun(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text", [
    # an indefinite source taken up by a person noun or title that no one named holds:
    # the unnamed source again, not the person named before
    'The energy secretary, Colin Marwood, said the price cap would stay. But a senior Labour backbencher warned '
    'that the sums did not work. "Nobody believes these numbers," the MP said.',
    'Tom Reeve, the MP for Gedling, said the leader had done well. A senior Tory said the row was damaging. '
    '"We look ridiculous," the former minister said.',
])
def test_a_description_after_an_indefinite_source_is_that_source(run, text):
    q = run(text)[-1]
    assert q.speaker is None and q.speaker_role is not None and q.speaker_role.lower().startswith("a senior")


def test_a_described_party_member_is_no_name(run):
    # "the veteran Tory": a description of the person just named, never a speaker called "Tory"
    text = ('Sir Nigel Crewe, the chair of the defence committee, said the review was late. '
            'Writing on X, the veteran Tory said: "Our armed forces deserve better."')
    assert run(text)[-1].speaker == "Nigel Crewe"


@pytest.mark.parametrize("text", [
    # a person noun before a name the given-name table lacks makes it a person NER called
    # an organisation, so "she" can take her up
    '"We need tents," aid worker Lindiwe Mokoena told reporters. She said supplies were running low.',
    '"Doctors are exhausted," said Hélène Marchand, a nurse. Aid worker Lindiwe Mokoena appealed to donors. '
    '"We need time," she said.',
])
def test_a_person_noun_before_an_unknown_given_name_makes_a_person(run, text):
    q = run(text)[-1]
    assert (q.speaker, q.speaker_type) == ("Lindiwe Mokoena", "PERSON")


def test_a_pronoun_prefers_the_agreeing_name_to_one_of_either_gender_in_its_sentence(run):
    # "Lee" is given to men and women alike; "Carla" agrees with "she"
    text = ('Rep. Carla Voss has held 30 events in counties Lee Harmon is expected to win. At the fairgrounds, '
            'the 41-year-old spoke for 15 minutes. "Nobody is giving up on you," she told the crowd.')
    assert run(text)[-1].speaker == "Carla Voss"


@pytest.mark.parametrize("text, speaker", [
    # "they" for a person the article says goes by they (non-binary, they/them pronouns)
    ('The Riverside Food Bank has doubled its deliveries. Volunteer Jesse Marlow, who is non-binary, said demand '
     'had never been higher. "We ran out of rice on Tuesday," they said.', "Jesse Marlow"),
    ("Kit Lam spoke against the proposal at the Oakridge Parents' Council meeting. Lam, who uses they/them "
     'pronouns, said the survey was rushed. "Most families never saw it," they told trustees.', "Kit Lam"),
    ('Riley Quinn, who is non-binary, coaches the under-12 team. "The kids just want to play," they said.',
     "Riley Quinn"),
])
def test_they_for_a_person_the_article_says_goes_by_they(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_a_possessors_gendered_noun_is_not_the_persons_gender(run):
    # "The man's neighbour": "man" is the possessor, not the neighbour Jean Kerr
    text = ('Graham Boyd said the victim was recovering. The man\'s neighbour, Jean Kerr, 79, said she found him '
            'in the stairwell. "He was sitting on the bottom step holding his head," she said.')
    assert run(text)[-1].speaker == "Jean Kerr"


@pytest.mark.parametrize("text, speaker", [
    # a possessed relation as the subject of a sentence without a speech verb is the
    # relative introduced so, the antecedent of the he/she after it
    ('Ruth Kerr still works on the ward. Her sister, Moira Kerr, left nursing in May. "I love the job," Ruth Kerr '
     'said. Her sister was blunter. "Nobody in Westminster cares," she said.', "Moira Kerr"),
    ('Ines Barros still plays in goal at 50. Her daughter, Luana, plays up front. "I\'ll stop when my back tells me," '
     'Ines Barros said. Her daughter laughed. "Her back told her years ago," she said.', "Luana"),
])
def test_a_possessed_relation_as_subject_takes_the_next_pronoun(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_she_never_goes_to_a_man_whose_given_name_is_rare_in_the_table_but_sure(run):
    # "Ramesh": 832 people in the table, 0.4 % women; with no woman named, no speaker
    qs = run("Minister Ramesh Doobay said the decision was a technical one. The ruling party rejected that "
             "explanation. She said farmers had been warning for years.")
    assert [q.speaker for q in qs] == ["Ramesh Doobay", None]


@pytest.mark.parametrize("title", ["Member of Parliament", "Minister of Agriculture"])
def test_a_woman_named_after_a_title_of_a_body_is_the_she_after_her(run, title):
    # a "<title> of <body>" before a hyphenated name NER missed
    qs = run(f"Minister Ramesh Doobay said the decision was a technical one. {title} Annette Fraser-McLean "
             "rejected that explanation. She said farmers had been warning for years.")
    assert [q.speaker for q in qs] == ["Ramesh Doobay", "Annette Fraser-McLean"]


def test_a_title_with_a_shared_surname_picks_its_holder(run):
    # two Baileys: "Pastor Bailey" is the pastor, "Inspector Bailey" the inspector
    qs = run('Inspector Dwayne Bailey said two men were in custody. "We are making progress," Bailey told reporters. '
             'Pastor Merline Bailey of the May Pen Church of God also spoke. "Enough is enough," Pastor Bailey said. '
             '"We will catch them," Inspector Bailey said.')
    assert [q.speaker for q in qs] == ["Dwayne Bailey", "Dwayne Bailey", "Merline Bailey", "Dwayne Bailey"]


def test_he_never_goes_to_an_armed_service_ner_calls_a_person(run):
    # "Royal Navy" (NER's PERSON) is an organisation: "he" is the man the sentence is about
    qs = run('Lt. Col. Owen Radley leads the unit. "Frostbite is the enemy," said Maj. Ruth Kaye. For Radley, the '
             'Arctic is a test the Royal Navy cannot afford to fail. "We must come back," he said.')
    assert [q.speaker for q in qs] == ["Ruth Kaye", "Owen Radley"]


@pytest.mark.parametrize("text, speaker", [
    # a description of someone named, subject of the sentence before, outranks an unnamed source before it
    ('Mayor Anna Berg opened the bridge on Monday. A city spokeswoman said the costs had doubled. The mayor '
     'was more cautious. "We will see," she said.', "Anna Berg"),
    ('Agriculture Minister Pieter Smit will present the plan next week. A ministry spokesman said the timetable '
     'had not changed. The minister was more cautious. "We will take the time we need," he told reporters.',
     "Pieter Smit"),
])
def test_a_described_subject_outranks_the_unnamed_source_before_it(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a place before the title is news about its only holder
    ('Sen. Marco Rubio responded first. "It is a failure," the Florida senator said in a statement.', "Marco Rubio"),
    ('Governor Mike DeWine said the state was ready. "We are prepared," the Ohio governor said.', "Mike DeWine"),
    # guard: with two holders, the place must be in the role
    ('Sen. Marco Rubio responded first. Sen. Dana Kerr spoke next. "We must act," the Michigan senator said.',
     None),
])
def test_a_place_before_a_title_is_news_about_its_only_holder(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a headline's bare surname comes before anyone of the name is written in full; the
    # lede's full name is the one the body's bare surname means, not a namesake met later
    ("Gallacher leads in Dubai\n\nEwan Gallacher shot 66 to lead in Dubai. “The putter was hot,” Gallacher said. "
     "His playing partner, Rory Gallacher, who is no relation, finished on 70.", "Ewan Gallacher"),
    ("Svensson fumes at penalty\n\nLinnea Svensson lost the title after a slow-play penalty. “I understand the rule,” "
     "Svensson said. Elsa Svensson, who is not related, called it a disgrace.", "Linnea Svensson"),
])
def test_a_headlines_surname_decides_no_namesake(run, text, speaker):
    assert run(text)[0].speaker == speaker


@pytest.mark.parametrize("text", [
    # "Coun." (Canadian councillor) parsed as an apposition of its own before the name's
    "His colleague, Coun. Ravi Sandhu of Ward 6, said the arena needed a new roof. He said repairs would cost $4 million.",
])
def test_a_title_apposition_before_the_name_is_no_speaker(run, text):
    assert [q.speaker for q in run(text)] == ["Ravi Sandhu", "Ravi Sandhu"]


def test_a_description_is_not_whom_it_speaks_to(run):
    # "the engineer told Hirano": the unnamed engineer, never the driver addressed
    text = ("Kaito Hirano had led by a minute. “Box, box, box, we have a warning,” the Toyoda-Crest engineer "
            "told Hirano as he came through the Porsche Curves.")
    (q,) = run(text)
    assert q.speaker is None


def test_a_team_after_the_is_no_person_for_a_description(run):
    # "the Black Caps": a proper noun after an article names a team, not someone "the
    # 27-year-old" can be
    text = ("Daniel Corrie, who finished with 2 for 88, said he felt the Black Caps could still fight back. "
            "“The ball will turn on day three,” the 27-year-old said.")
    assert [q.speaker for q in run(text)] == ["Daniel Corrie", "Daniel Corrie"]


def test_a_speaker_does_not_name_themself_in_their_words(run):
    # the paragraph between two quotations names the coach the speaker credits; the
    # next quotation names the coach, so "he" is still the speaker, not the coach
    text = ("“Being left out hurt,” Dinesh Perera told the broadcaster. He credited the batting coach, "
            "Roshan Silva, with spotting a flaw in his defence.\n\n"
            "“Roshan saw something on video that nobody else saw,” he said.")
    assert [q.speaker for q in run(text)] == ["Dinesh Perera", "Dinesh Perera"]


def test_who_and_a_singular_verb_make_a_person(run):
    # "Aoi Kazane, who has 900,000 subscribers,": NER's organisation is a person, and
    # the "she" after it is hers, not the outlet's named before
    text = ("Kotaku could not verify the screenshots. Aoi Kazane, who has 900,000 subscribers, responded on "
            "Saturday. Speaking in Japanese, she said she had made “a stupid mistake.”")
    (q,) = run(text)
    assert q.speaker == "Aoi Kazane"


@pytest.mark.parametrize("text, speaker", [
    # a hyphenated surname after a known given name, which NER called a place
    ("\"We are ready,\" said Kiara Dunmore, a grip. Beverly Okafor-Sims, a caterer, said the talks "
     "worried her members.\n\n\"This is bad for everyone,\" she said.", "Beverly Okafor-Sims"),
    # a given name the table lacks, after "Dr.", which NER called an organisation
    ("Dr. Laura Pinto led the survey. \"It took years,\" she said.\n\n"
     "Dr. Ifeoma Adeyemi-Borg, who was not involved, called it \"careful work.\"\n\n"
     "\"The method is sound,\" Adeyemi-Borg said.\n\nShe cautioned, however, that one site was not enough.",
     "Ifeoma Adeyemi-Borg"),
])
def test_she_is_the_new_speaker_ner_did_not_call_a_person(run, text, speaker):
    # the person just named is "she", though NER typed her name a place or an organisation
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("body, pron, speaker", [
    ("Ofwat", "she", "Gwen Pryce-Lloyd"),
    ("Meta", "he", "Omar Haddad"),
])
def test_what_someone_was_asked_about_is_not_who_answers(run, body, pron, speaker):
    # "Asked whether Ofwat would …, she …": the body named in the question is not the
    # pronoun, even when NER calls it a person
    text = (f"\"We are moving to enforcement,\" said {speaker}, the regulator's director.\n\n"
            f"Asked whether {body} would be fined, {pron} did not rule it out.\n\n"
            f"\"Those powers are there for a reason,\" {pron} said.")
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # the body the description names before the title is the one the role names after it
    ('Dana Voigt, president of the Ferry Workers Union, said the deal was weak. '
     '"We will vote it down," the union president said.', "Dana Voigt"),
    ('Omar Keane, leader of the Green Party, said the budget failed renters. '
     '"It is a missed chance," the party leader said.', "Omar Keane"),
    # or an organisation of its kind: a union's local is a union
    ('Rita Salo, president of UAW Local 412, called the offer an insult. '
     '"Our members deserve better," the union president said.', "Rita Salo"),
    # guard: the president of another kind of body is not "the union president"
    ('Hana Ito, president of Kestrel Bank, said lending would slow. '
     '"We will vote it down," the union president said.', None),
])
def test_a_body_before_the_title_may_be_named_after_it(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_a_description_of_someone_introduced_unnamed_names_no_one(run):
    # "A scout for an Eastern team ... the scout said": the unnamed scout, not the general
    # manager named before (a noun of no known category, introduced with "a")
    text = ("General manager Paul Vachon said there was no rush. A scout for an Eastern team, who spoke on "
            "condition of anonymity, disagreed. \"He's ready now,\" the scout said.")
    assert run(text)[-1].speaker is None


def test_a_nationality_noun_in_man_is_a_man(run):
    # "the Dutchman" is no woman, even one named as a subject in the sentence before
    text = ("Swimmer Kate Morrow has retired. She thanked her coach, Jan Visser. Visser, who has coached the "
            "women's squad since 2016, told BBC Sport that Morrow had \"changed the sport\". \"She was the best "
            "I ever coached,\" the Dutchman said.")
    assert run(text)[-1].speaker == "Jan Visser"


def test_a_gendered_title_as_the_subject_before_is_the_pronouns_antecedent(run):
    # "The congresswoman appeared unbothered. “…,” she said": the congresswoman named
    # before ("Rep."), not the last speaker, a man of unisex given name
    text = ('Rep. Nina Farrow (R-Ga.) had a rough week. Her challenger, Dale Hobbs, mocked her. "She flopped," '
            'Hobbs said. The congresswoman appeared unbothered. "Bring it on," she said.')
    assert run(text)[-1].speaker == "Nina Farrow"


@pytest.mark.parametrize("text", [
    'A person close to the board said Sibusiso Dube had been hired to cut costs. "He was brought in to do the '
    'dirty work," the person said.',
    'A spokesperson for the company said Ravi Pillai would address shareholders in June. "The chairman will '
    'answer every question," the spokesperson said.',
])
def test_a_person_named_in_what_an_unnamed_source_reported_is_not_the_source(run, text):
    # "the person" takes up the unnamed source; the man named in its own report is not it
    assert run(text)[-1].speaker is None


def test_the_congressman_is_the_one_titled_representative_in_full(run):
    text = ('Representative Walt Dowd of Ohio announced his retirement on Monday. His son, Dale Dowd, said the '
            'family was proud. "I am ready to go home," the congressman said.')
    assert run(text)[-1].speaker == "Walt Dowd"
