"""Kinds of news copy met in wire, court, business and sports reports (invented text).

Each test names the linguistic pattern it covers; each failed before its change.
"""
import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, channel, content", [
    # a channel PP whose noun the parser gives the that-clause: the clause is the content
    ("The Harbour League said in a statement that the referee's decision would be reviewed.",
     "in a statement", "that the referee's decision would be reviewed"),
    ("Chief executive Mara Delvaux told analysts on a conference call that higher gas prices had squeezed margins.",
     "on a conference call", "that higher gas prices had squeezed margins"),
    ("Tallis Freight said in a blog post that its drivers would strike.",
     "in a blog post", "that its drivers would strike"),
])
def test_a_channel_stops_before_the_reported_clause(run, text, channel, content):
    (q,) = run(text)
    assert (q.channel, q.quote) == (channel, content)


@pytest.mark.parametrize("text, role", [
    # hyphenated titles are one word of the role, not three parts
    ("“The board should stop this deal,” said Lisa Garrow, co-president of Citizen Watch.",
     "co-president of Citizen Watch"),
    ("“We will not appeal,” said Omar Haddad, vice-chair of the Dockers' Union.",
     "vice-chair of the Dockers' Union"),
])
def test_a_hyphenated_title_stays_one_role(run, text, role):
    (q,) = run(text)
    assert q.speaker_role == role


@pytest.mark.parametrize("head", ["hospital trust", "health trust", "water trust"])
def test_an_organisation_description_is_not_the_person_named_last(run, head):
    # "the hospital trust": a description of an organisation nobody named; never the
    # detective quoted in the sentence before
    text = ("Detective Inspector Clara Dunmore said: “I hope this sends a clear message.”\n\n"
            f"The {head} said it had reviewed its procedures.")
    quotes = run(text)
    assert quotes[0].speaker == "Clara Dunmore"
    assert (quotes[1].speaker, quotes[1].speaker_mention, quotes[1].speaker_type) == (None, f"The {head}", "ORG")


@pytest.mark.parametrize("dateline", ["OTTAWA — ", "MANCHESTER, England (AP) — ", "ST. LOUIS (Reuters) - ",
                                      "NEW YORK, N.Y. — ",
                                      # Reuters datelines carry the date ("LONDON, March 4 (Reuters) -")
                                      "LONDON, March 4 (Reuters) - ", "DETROIT, Oct 2 - ",
                                      "SINGAPORE, Sept. 12, 2026 (Reuters) - "])
def test_a_wire_dateline_is_not_part_of_the_content(run, dateline):
    text = (f"{dateline}The federal government will spend $2 billion on student housing, "
            "Housing Minister Sean Farrow announced Monday.")
    (q,) = run(text)
    assert (q.quote, q.speaker) == ("The federal government will spend $2 billion on student housing", "Sean Farrow")


@pytest.mark.parametrize("text, speaker", [
    # "the Dane", "the Spaniard": a nationality noun as second reference to the person
    # just named, which NER may tag ORG; never a speaker called "Dane"
    ("Brentford coach Tomas Frandsen was less impressed. “I don't understand how that was a penalty,” "
     "the Dane said.", "Tomas Frandsen"),
    ("Jon Rahlmann won by two shots. The Spaniard said he had never putted better.", "Jon Rahlmann"),
    ("Coach Marta Lindqvist was pleased. “We played well,” the Swede said.", "Marta Lindqvist"),
])
def test_a_nationality_noun_refers_to_the_person_named_before(run, text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


def test_a_three_part_name_ner_cut_in_two_is_one_speaker(run):
    # NER gives "Trygve Slagsvold" and "Vedum" as two PERSON spans side by side
    text = ("“This is the right moment,” Finance Minister Trygve Slagsvold Vedum told reporters in Oslo. "
            "Vedum added that the sale had been planned for a year.")
    quotes = run(text)
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Trygve Slagsvold Vedum", "Finance Minister")] * 2
    assert quotes[0].speaker_id == quotes[1].speaker_id


def test_an_organisation_name_with_and_is_whole(run):
    # "Avon and Somerset Police": NER tags only "Somerset Police"; the first part is a
    # coordinated modifier of the same head, and "the force" is that organisation
    text = ("Avon and Somerset Police said officers were called to the property. "
            "The force said a man had been arrested.")
    quotes = run(text)
    assert [(q.speaker, q.speaker_role, q.speaker_type) for q in quotes] == [
        ("Avon and Somerset Police", None, "ORG")] * 2


@pytest.mark.parametrize("text, speaker", [
    # NER runs one span over the comma after a fronted phrase ("The Telegraph, Carragher")
    # and types the surname ORG; "he" right after its quotation shows it is a person
    ("Writing in The Telegraph, Carragher said the team lacked a leader in midfield. "
     "“Something is missing,” he wrote.", "Carragher"),
    ("Speaking to CNN, Kovacs said the deal was dead. “It is over,” he said.", "Kovacs"),
])
def test_a_surname_ner_typed_org_then_called_he_is_a_person(run, text, speaker):
    quotes = run(text)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [(speaker, "PERSON")] * 2
    assert quotes[0].speaker_id == quotes[1].speaker_id


def test_a_name_that_is_a_list_keeps_its_commas(run):
    text = ("The family applied to Immigration, Refugees and Citizenship Canada (IRCC) in 2017. "
            "IRCC said the application was still under review.")
    (q,) = run(text)
    assert q.speaker == "Immigration, Refugees and Citizenship Canada"


def test_an_age_in_apposition_is_no_role(run):
    # "Raman, 41, said": the number is the person's age, not a role
    text = ("Priya Raman opened her bakery in 2015. “I just wanted to bake bread,” Raman, 41, said. "
            "“Bigger isn't always better,” said Tomas Ek, 38, a baker.")
    quotes = run(text)
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Priya Raman", None), ("Tomas Ek", "a baker")]


RESCUE = ("Two climbers were rescued from Ben Nevis on Saturday after a night on the mountain.\n\n"
          "Lochaber Mountain Rescue Team said the pair, a man and a woman in their twenties, had become lost.\n\n"
          "Team leader John Stevenson said: “They did the right thing by staying put.”\n\n"
          "The woman told the BBC she had been terrified. “I thought we were going to die,” she said.\n\n"
          "Her companion said they had underestimated the conditions. “We should have turned back,” he said.")


def test_a_gendered_description_never_takes_a_person_of_the_other_gender(run):
    # "the woman" after "a man and a woman": the unnamed woman the article introduced,
    # not the man named last; "she" then continues her, not him
    quotes = run(RESCUE)
    got = [(q.speaker, q.speaker_mention) for q in quotes]
    assert got[2:4] == [(None, "The woman"), (None, "she")]


def test_a_pronoun_continues_the_unnamed_speaker_just_quoted(run):
    # "Her companion said ... “...,” he said": the companion again, not the team leader
    quotes = run(RESCUE)
    assert [(q.speaker, q.speaker_mention) for q in quotes[4:]] == [(None, "Her companion"), (None, "he")]


def test_a_name_in_apposition_to_company_is_an_organisation(run):
    # "The company behind it, Silver Peak Minerals": "Silver" is a given name in the
    # name lists, but the apposition says what the name is
    text = ("Dozens of farmers oppose a proposed lithium mine. The company behind it, Silver Peak Minerals, "
            "says the mine will bring 500 jobs.")
    (q,) = run(text)
    assert (q.speaker, q.speaker_type, q.speaker_gender) == ("Silver Peak Minerals", "ORG", None)


def test_a_short_org_name_before_a_unit_named_only_as_a_modifier_stays_itself(run):
    # "Amazon said ..." then "Amazon Web Services chief Matt Garman": the unit is not
    # Amazon's full name
    text = ("Amazon said it would require staff to return to the office five days a week. "
            "Amazon Web Services chief Matt Garman told employees that those who disagreed could leave.")
    quotes = run(text)
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Amazon", None),
                                                             ("Matt Garman", "Amazon Web Services chief")]


def test_an_organisation_name_with_of_is_whole_though_it_opens_with_a_given_name(run):
    # "Royal" is in the given-name lists; "College of Nursing" keeps the name an organisation's
    text = "The Royal College of Nursing said the pay award was not enough."
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == ("Royal College of Nursing", "ORG")


@pytest.mark.parametrize("text", [
    # court papers speak for whoever filed them, never for the person named last
    ("Mara Lindell, 13, escaped from the cabin after 88 days. The criminal complaint said she had been "
     "hidden under a bed for hours at a time."),
    # a complaint is not the statement the lawyer gave before
    ("“My client will plead not guilty,” lawyer Owen Pratt said in a statement. "
     "According to the complaint, the defendant had planned the robbery for weeks."),
])
def test_a_document_nobody_is_said_to_have_written_names_nobody(run, text):
    quotes = run(text)
    assert quotes[-1].speaker is None and quotes[-1].speaker_mention in ("The criminal complaint", "the complaint")


def test_he_is_never_a_woman_the_article_calls_she(run):
    # the last-resort guess (the last speaker against the name lists' gender) never
    # overrides the article's own "she"
    text = ("Morgan Ellery lost her job in March. “It took me a year to trust anyone,” she said.\n\n"
            "Having lost so much, Ellery was afraid to let her guard down. But he told her, “You deserve better.”")
    quotes = run(text)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Morgan Ellery", "she"), (None, "he")]


def test_a_hyphenated_surname_mention_is_whole_when_the_parser_splits_it(run):
    # the parser makes "Wilson" and "Raybould" two subjects of "said"
    text = ("Justice Minister Jody Wilson-Raybould introduced the law.\n\n"
            "\"We're not considering changing something in the legislation,\" Wilson-Raybould said in November.")
    (q,) = run(text)
    assert (q.speaker, q.speaker_mention) == ("Jody Wilson-Raybould", "Wilson-Raybould")
    assert text[q.speaker_start:q.speaker_end] == "Wilson-Raybould"


def test_a_person_after_of_the_team_stays_a_person(run):
    # the parser hangs the apposition on "team", the object of "of": the name is the captain's
    text = ("The captain of the team, Jordan Stewart, and his mother approached the coach.\n\n"
            "Stewart said he was heartbroken to learn of his illness.")
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == ("Jordan Stewart", "PERSON")


def test_and_added_after_a_reported_clause_is_the_reporter(run):
    # the parser joins "added" to the reported clause ("the council closed ... and added");
    # news writes "X said ..., and added" for X's own continuation
    text = "Lena Brandt said the council closed the quay, and added “We will fight this decision.”"
    quotes = run(text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Lena Brandt", "said"), ("Lena Brandt", "added")]


def test_the_place_of_an_office_is_no_person(nlp):
    # NER tags "Köln" PERSON in "the mayor of Köln": the object of an office is its place
    import saidwhat

    text = "“The road is closed,” said Jürgen Groß, the mayor of Köln."
    ents = {e.name: e for e in saidwhat.extract_entities(text, nlp=nlp)}
    assert ents["Köln"].type == "GPE" and ents["Köln"].gender is None


@pytest.mark.parametrize("dateline, company", [("SAN DIEGO — ", "Tellwise Inc"),
                                                ("HALIFAX (CP) — ", "Brevik Holdings Inc")])
def test_a_dateline_is_never_the_subject_of_the_first_sentence(run, dateline, company):
    # the parser makes the dateline's place the subject and the company an apposition
    text = (dateline + company + "., the outdoor gear maker, said Tuesday it would cut 600 jobs. "
            "The company said most cuts would hit its warehouses.")
    quotes = run(text)
    assert [q.speaker for q in quotes] == [company] * 2
    assert quotes[0].speaker_role == "the outdoor gear maker"


@pytest.mark.parametrize("text, speaker", [
    # The Canadian Press's role-first lede: the role says, the next paragraph names
    ("Manitoba's finance minister says the province will post a deficit this year.\n\n"
     "Carla Dubois made the announcement Wednesday in Brandon.", "Carla Dubois"),
    ("Alberta's premier says the province will cut fuel taxes.\n\n"
     "Premier Doug Harlan told reporters the cut would start in July.", "Doug Harlan"),
    # a headline naming someone else, and a dateline, before the lede
    ("Yukon to cut ferry fares, Whitcombe announces\n\nWHITEHORSE — Yukon's transport minister "
     "says the territory will halve ferry fares in May.\n\nNadia Okpara made the announcement "
     "Monday, flanked by Premier Ross Whitcombe.", "Nadia Okpara"),
    # someone else named next, with a role of their own, is not the described speaker
    ("The mayor says the bridge will reopen next week.\n\nResident Tom Lee said he was relieved.", None),
])
def test_a_role_first_lede_is_the_person_named_next(run, text, speaker):
    q = run(text)[0]
    assert q.speaker == speaker


@pytest.mark.parametrize("text, speaker, role", [
    # abbreviated ranks with a full stop (AP style; RCMP ranks in Canadian copy) are one
    # token, not the end of a sentence, and stay out of the name
    ("“We are asking for patience,” said Cpl. Dana Whitford of the Moncton RCMP.", "Dana Whitford", "Cpl."),
    ("Insp. Gord Malloy said two people were hurt.", "Gord Malloy", "Insp."),
    ("Keswick Cos. said it would sell its trucking unit.", "Keswick Cos", None),
])
def test_an_abbreviated_rank_or_company_word_is_one_token(run, text, speaker, role):
    (q,) = run(text)
    assert q.speaker == speaker
    assert role is None or role in (q.speaker_role or "")


@pytest.mark.parametrize("text, speaker, mention", [
    # "In an email to CBC News, a spokesperson ... said": the parser hangs the subject on
    # the outlet as an apposition, leaving the cue with no subject
    ("In an email to CBC News, a spokesperson for the Ministry of Forests said the trail would reopen.",
     None, "a spokesperson for the Ministry of Forests"),
    ("Speaking to CTV News, a spokesperson for the township said the pool would reopen in May.",
     None, "a spokesperson"),
    ("In an email to the Winnipeg Free Press, Dorothy Kalinowski, president of the Wolseley Residents' "
     "Association, wrote that the bylaw would “strip neighbourhoods of any say.”", "Dorothy Kalinowski", None),
])
def test_a_subject_after_a_fronted_phrase_naming_the_outlet(run, text, speaker, mention):
    (q,) = run(text)
    assert q.speaker == speaker
    assert mention is None or q.speaker_mention.startswith(mention)


def test_a_title_alone_before_the_name_in_apposition_is_the_role(run):
    # NER tags the title alone as a person
    text = "The MLA for Inuvik Twin Lakes, Martha Kaglik, said the admission was “long overdue.”"
    (q,) = run(text)
    assert q.speaker == "Martha Kaglik"
    assert q.speaker_role.startswith("The MLA for Inuvik")


@pytest.mark.parametrize("text, speaker", [
    ("Reeve Walter Penner of the Rural Municipality of Hanover said one doctor can close an ER.", "Walter Penner"),
    ("Linebacker Josh Kealoha said the defence was ready for Sunday.", "Josh Kealoha"),
])
def test_a_municipal_title_or_a_position_is_no_part_of_the_name(run, text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


def test_according_to_a_record_of_a_speech_with_its_own_speaker(run):
    # "..., Bella Stump told the court, according to transcripts": the transcripts report
    text = "“The river fed three families,” Rosalie Bighorn told the court in 2021, according to transcripts."
    (q,) = run(text)
    assert q.quote == "The river fed three families,"
    assert q.speaker == "Rosalie Bighorn"


def test_a_dateline_stays_out_of_a_long_inverted_lede(run):
    # the parser finds no clause for the cue: the frame is found by its surface
    text = ("CALGARY — The Calgary Flames will be without top-line winger Rasmus Lind for the "
            "foreseeable future after he suffered an upper-body injury in Tuesday's 4-1 loss to the "
            "Winnipeg Jets, head coach Marc-André Pelletier said Wednesday.")
    (q,) = run(text)
    assert q.quote.startswith("The Calgary Flames will be without")
    assert q.speaker == "Marc-André Pelletier"


@pytest.mark.parametrize("text, quote, speaker", [
    # wire style: the cue's own adverbials run on after "said"
    ("Chile will halve coal use by 2030, its energy minister said on Tuesday as regional talks opened "
     "in Lima, a pledge welcomed by campaigners.", "Chile will halve coal use by 2030", None),
    # "told a press conference": the object of "tell" is its addressee
    ("The refinery is expected to open in 2029, chairman Vikram Sethi told a press conference in Mumbai.",
     "The refinery is expected to open in 2029", "Vikram Sethi"),
])
def test_an_inverted_frame_with_a_long_adverbial_tail(run, text, quote, speaker):
    (q,) = run(text)
    assert (q.quote, q.speaker) == (quote, speaker)


def test_a_sentence_ending_on_the_platform_x_ends_there(run):
    # spaCy keeps a capital letter and its full stop as an initial; "on X." is the
    # platform, and the next sentence's quotation is the pronoun's, not one with it
    text = ('Senator Ada Warrick, D-Mass., blasted the company on X. "Apple has spent years kissing up to '
            'Beijing," she posted.')
    (q,) = run(text)
    assert (q.quote, q.type, q.speaker) == ("Apple has spent years kissing up to Beijing,", "direct", "Ada Warrick")


@pytest.mark.parametrize("dateline", ["LONDON, March 4 - ", "PARIS, May 3 (Reuters) - "])
def test_a_dated_dateline_is_no_speaker(run, dateline):
    # the parser makes the dateline's place the subject and the company its apposition
    text = f"{dateline}Harlow Dynamics, the British maker of sensors, said on Tuesday it would cut 1,800 jobs."
    (q,) = run(text)
    assert (q.speaker, q.quote) == ("Harlow Dynamics", "it would cut 1,800 jobs")


@pytest.mark.parametrize("text, content", [
    # the reporter's adjunct after an inverted cue set off by commas is no second piece
    # of the content: a participle that reports nothing
    ("Streamlet will cut about 900 jobs, Chief Executive Oskar Lindahl told employees on Monday, "
     "speaking at the company's headquarters in Oslo.", "Streamlet will cut about 900 jobs"),
    ("Verizon will cut about 900 jobs, the company said, selling off many of its landline assets.",
     "Verizon will cut about 900 jobs"),
    ("The company is working with Ashford Lyle on the sale, the sources said, asking not to be "
     "identified because the matter is confidential.", "The company is working with Ashford Lyle on the sale"),
])
def test_the_reporters_adjunct_after_an_inverted_cue_is_no_content(run, text, content):
    (q,) = run(text)
    assert q.quote == content


def test_a_participle_cue_after_an_inverted_cue_still_reports(run):
    quotes = run("Prices will rise, the minister said, adding that wages would follow.")
    assert [q.quote for q in quotes] == ["Prices will rise", "that wages would follow"]


@pytest.mark.parametrize("text, mention", [
    # experts quoted as a group by where they work: the unnamed group keeps its "at"
    # phrase in the mention (GGT writes "An official with ..." so), at a clause's start too
    ("Analysts at Kestrel Partners said the job cuts were overdue.", "Analysts at Kestrel Partners"),
    ("Economists at Halden Bank said rates would fall.", "Economists at Halden Bank"),
])
def test_a_group_of_experts_keeps_where_they_work(run, text, mention):
    (q,) = run(text)
    assert (q.speaker, q.speaker_mention) == (None, mention)


def test_the_agency_credit_of_a_dateline_is_nobody_and_it_is_the_ledes_subject(run):
    # "(Reuters)" names the agency that filed the story, never "it"; "X will ..., it said"
    # is the clause's subject, named in apposition there (NER may miss it)
    quotes = run("LONDON, March 4 (Reuters) - Britain's biggest water utility, Thames Vale Water, will raise "
                 "household bills by 11% from April, it said on Tuesday.\n\n"
                 "The company said the increase was needed to fund new sewage works.")
    assert [q.speaker for q in quotes] == ["Thames Vale Water", "Thames Vale Water"]


def test_it_said_after_a_clause_about_a_company_is_the_company(run):
    quotes = run("Harlow Dynamics met investors in London. Acme Foods will cut 500 jobs at its Leeds plant, "
                 "it said on Monday.")
    assert [q.speaker for q in quotes] == ["Acme Foods"]


def test_a_union_local_is_named_with_its_number_and_is_the_unions_document(run):
    # "UFCW Local" + "832" (NER stops before the number); "the union's release" is its
    quotes = run("A release sent to media from UFCW Local 832 late Friday said the vote passed. Traeger said "
                 "the union would bargain soon.\n\n“The UFCW will represent all servers,” the union's Friday "
                 "release said.")
    assert [q.speaker for q in quotes] == ["UFCW Local 832", "Traeger", "UFCW Local 832"]
    assert quotes[-1].speaker_type == "ORG"


def test_an_entity_ner_ran_from_a_dateline_into_the_lede_loses_the_dateline(run):
    # NER's "Oct 2 - Workers": the dateline part is no name, and "Workers" names nobody
    quotes = run("DETROIT, Oct 2 - Workers at Benton Motors' three U.S. assembly plants voted to authorise a "
                 "strike, the United Vehicle Workers union (UVW) said on Monday.\n\n"
                 "Workers at the Toledo plant said morale was low.")
    assert quotes[-1].speaker is None


def test_a_reported_clause_hung_on_the_channel_keeps_its_subject_after_that_read_as_a_determiner(run):
    # "call that order intake …": the parser reads "that" as a determiner of "order" and
    # the subject as a relative clause of "call"; the content keeps "order intake …"
    (q,) = run("Ellingham told analysts on a conference call that order intake in the fourth quarter had "
               "dropped 19 percent.")
    assert q.quote == "order intake in the fourth quarter had dropped 19 percent"


def test_a_body_named_in_lower_case_is_there_for_the_description_after_it(run):
    # "Jordan's foreign ministry" has no NER span of its own: once it speaks, "the
    # ministry" after it is that body, not the organisation named earlier
    text = ("The World Health Organization said cases were rising. Jordan's foreign ministry, in a post on X, "
            "called the report “biased”. “Facts are facts,” the ministry wrote.")
    assert [q.speaker for q in run(text)] == ["World Health Organization", "Jordan's foreign ministry",
                                              "Jordan's foreign ministry"]


@pytest.mark.parametrize("text, speaker", [
    # a national adjective with a lower-case portfolio and body, which NER tags ORG whole
    ("Russia's Interior Ministry said 40 people had been detained. "
     "The Kazakh foreign ministry said the talks had been useful.", "Kazakh foreign ministry"),
    # a portfolio the earlier ministry does not hold: no one named
    ("Russia's Interior Ministry said 40 people had been detained. "
     "The foreign ministry said the talks had been useful.", None),
    # the portfolio it does hold
    ("The Ministry of Foreign Affairs summoned the ambassador. "
     "The foreign ministry said the talks had been useful.", "Ministry of Foreign Affairs"),
])
def test_a_ministry_description_with_a_portfolio_is_not_another_ministry(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # "the hospital" for a medical center, "the agency" for an administration
    ("The Texas Nurses Association has warned that staffing is unsafe. In a statement, Mercy Ridge Medical "
     "Center said it had hired 40 nurses. The hospital said it “puts patients first”.", "Mercy Ridge Medical Center"),
    ("The Food and Drug Administration said Monday that Brightline Nasal Spray, made by Harlow Labs, may be "
     "contaminated. The agency said consumers should stop using the spray.", "Food and Drug Administration"),
    # the subject of the sentence before, whose name shows no kind, over a body named before it
    ("The worker is recovering at home, according to the Colorado Department of Public Health and Environment. "
     "The Centers for Disease Control and Prevention said the risk to the public remains low. There is no "
     "evidence the virus is spreading between people, the agency said.", "Centers for Disease Control and Prevention"),
])
def test_an_organisation_description_finds_the_body_its_noun_stands_for(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # NER started the body's name late: a place opening it, a possessor that is no place
    ("West Sussex Fire and Rescue Service said crews rescued two people from the river.",
     "West Sussex Fire and Rescue Service"),
    ("The Parkinson's Foundation said more than a million Americans live with the disease.",
     "Parkinson's Foundation"),
    # a place's possessive stays out of the name
    ("Russia's Interior Ministry said 40 people had been detained.", "Interior Ministry"),
])
def test_an_organisation_name_ner_started_late_is_whole(run, text, speaker):
    assert run(text)[0].speaker == speaker


def test_the_plural_of_an_acronym_for_people_is_a_group(run):
    qs = run("GPs said they were doing their best with too few doctors.")
    assert (qs[0].speaker, qs[0].speaker_mention) == (None, "GPs")


def test_a_name_in_apposition_after_a_title_with_its_phrase_names_the_speaker(run):
    # "Lars Eklund" hung on "Libya" by the parser, and typed FAC by NER
    assert run("The EU envoy for Libya, Lars Eklund, said the ceasefire was holding.")[0].speaker == "Lars Eklund"


def test_the_family_speaks_as_itself_not_as_the_neighbour_quoted_before(run):
    qs = run("“He was a hero,” said neighbour Owen Pritchard. The family said they were heartbroken.")
    assert [q.speaker for q in qs] == ["Owen Pritchard", None]


@pytest.mark.parametrize("text, speaker", [
    ("Avon and Somerset Police said two men had been arrested. Police said the men were being questioned.",
     "Avon and Somerset Police"),
    ("A man was hurt in Leeds. Police said the men were being questioned.", None),
])
def test_bare_police_after_a_named_force_is_that_force(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_a_place_and_colon_dateline_is_not_part_of_the_content(run):
    # Indian English papers open a report with "Place: "
    q = run("Patna: Four people were killed when a wall collapsed, police said.")[0]
    assert q.quote == "Four people were killed when a wall collapsed"


def test_a_reporters_credit_line_is_no_cue(run):
    # "X, Y and Z contributed reporting." inside the last paragraph, with more after it
    text = ("“This is such unethical selectivity,” Zelensky said. “Anyone who does this helps terrorists.” "
            "CNN’s Mohammed Tawfeeq, Tim Lister and Petro Zadorozhnny contributed reporting. The war goes on.")
    assert {q.speaker for q in run(text)} == {"Zelensky"}


@pytest.mark.parametrize("text, speaker", [
    # a relative clause between the name and the cue; the parser hangs the cue on the name
    ("Councilmember James Whitfield, who voted no, called the cuts “short-sighted and cruel.”", "James Whitfield"),
    # an acronym before the noun the description takes up, NER untagged
    ("Talks between the ASLEF union and rail operators broke down late on Wednesday, the union said.", "ASLEF"),
    # a body's "for the" phrase NER left out of its name
    ("The Swiss Federal Office for the Environment said in a report that glaciers were shrinking.",
     "Swiss Federal Office for the Environment"),
])
def test_newcomer_kinds_of_speaker(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a body's "of" phrase with a country, inside or after NER's span
    ("The Public Health Agency of Canada says measles cases have risen across the country this year.",
     "Public Health Agency of Canada"),
    # a country's initials NER tagged alone before a lower-case portfolio and body
    ("The UAE foreign ministry said the exchange was the tenth it had brokered.", "UAE foreign ministry"),
    # a UN title; the name in apposition after its long phrase
    ("The UN special rapporteur on human rights in Afghanistan, Professor Rolf Bergström, said the pattern "
     "could amount to persecution.", "Rolf Bergström"),
    # a source named in part, unquoted, after "identified only as"
    ("A former schoolteacher in Herat, who asked to be identified only as Parwana, said she had been "
     "stopped twice.", "Parwana"),
])
def test_wire_names_of_bodies_titles_and_sources_named_in_part(run, text, speaker):
    assert run(text)[0].speaker == speaker


def test_a_second_attribution_the_parser_joined_to_the_first_is_its_own(run):
    # "…, and the American Red Cross said …": a second speaker, not part of the mayor's content
    qs = run("The mayor said a shelter had been set up at the Graves County High School gymnasium, and the "
             "American Red Cross said more than 70 people stayed there overnight.")
    assert [(q.speaker_mention, q.quote) for q in qs] == [
        ("The mayor", "a shelter had been set up at the Graves County High School gymnasium"),
        ("the American Red Cross", "more than 70 people stayed there overnight")]


def test_a_whose_clause_between_the_name_and_the_cue_leaves_the_name_the_speaker(run):
    # the parser makes the relative clause the cue's complement and leaves "said" without a subject
    qs = run("Sunita Devi, whose husband Ramesh Kumar, 35, was among those killed, said he had called her at "
             "around 6.30 pm.")
    assert [(q.speaker, q.quote) for q in qs] == [("Sunita Devi", "he had called her at around 6.30 pm")]


@pytest.mark.parametrize("text, channel", [
    # the one told is the channel when it is a programme, a medium or an occasion of speech
    ("“We are ready,” Whitfield told the BBC's Today programme.", "the BBC's Today programme"),
    ("“It is time,” Ms King told a news conference in Ottawa.", "a news conference"),
    ("“No,” Ms Hale said on BBC Radio 4's Today programme.", "on BBC Radio 4's Today programme"),
    ("“Yes,” Mr Obi told reporters.", None),
    # a news outlet told is the channel
    ("“We were better on the day,” Dean Holloway told Sky Sports after the match.", "Sky Sports"),
    ("“It hurts,” Ann Lee told the Irish Times.", "the Irish Times"),
    ("“No,” Ben Kerr told Reuters on Monday.", "Reuters"),
    ("“Maybe,” Joe Dunne told BBC Radio Ulster.", "BBC Radio Ulster"),
    ("“Later,” Tom Hale told Jake Marsh.", None),
    ("“Fine,” Ola Berg told the Post Office.", None),
])
def test_the_programme_or_occasion_told_is_the_channel(run, text, channel):
    (q,) = run(text)
    assert q.channel == channel


@pytest.mark.parametrize("text, content", [
    # the reporter's evaluative apposition after the cue is no content
    ("The bridge will remain closed until spring, the ministry said, a blow to commuters who had hoped "
     "for a December reopening.", "The bridge will remain closed until spring"),
    ("Two ferry sailings will be cancelled Saturday, BC Ferries said, the latest sign of strain on an old fleet.",
     "Two ferry sailings will be cancelled Saturday"),
])
def test_the_reporters_gloss_after_the_cue_is_no_content(run, text, content):
    (q,) = run(text)
    assert q.quote == content


@pytest.mark.parametrize("text, speaker, cue", [
    # phrasal cues of a retort or of going on speaking
    ('Karen Whitfield chaired the meeting. Priya Natarajan said the plan was sound. '
     '"Fourteen meetings, and they still did not listen," Whitfield shot back.', "Karen Whitfield", "shot back"),
    ('"We are not done yet," Ms Lee went on.', "Lee", "went on"),
])
def test_a_phrasal_retort_is_a_cue(run, text, speaker, cue):
    q = run(text)[-1]
    assert (q.speaker, q.cue) == (speaker, cue)


def test_a_body_two_places_share_is_one_organisation(run):
    # NER: "Devon" (PERSON) + "Cornwall Police"; no man called Devon speaks later
    qs = run("Devon and Cornwall Police said the road was closed after the crash.\n\n"
             "The minister for roads said the stretch would be reviewed.")
    assert [(q.speaker, q.speaker_type) for q in qs] == [("Devon and Cornwall Police", "ORG"), (None, "OTHER")]


def test_a_note_to_clients_is_a_channel(run):
    (q,) = run('"Rates will fall in June," Feroli said in a note to clients.')
    assert q.channel == "in a note"


@pytest.mark.parametrize("text, mention, role", [
    # a wire dateline is no part of the speaker mention or role
    ("WASHINGTON (Reuters) - Federal Reserve Chair Jerome Powell said on Wednesday that rates would stay high.",
     "Federal Reserve Chair Jerome Powell", "Federal Reserve Chair"),
    ("LONDON, Jan 5 - British Prime Minister Keir Dalton said on Friday that the deal was done.",
     "British Prime Minister Keir Dalton", "British Prime Minister"),
])
def test_a_dateline_is_no_part_of_the_speaker_mention(run, text, mention, role):
    (q,) = run(text)
    assert (q.speaker_mention, q.speaker_role) == (mention, role)


@pytest.mark.parametrize("text, content", [
    # East African court and feature verbs of saying
    ("The farmer, Joseph Mwangi, averred that the land had been taken from him.",
     "that the land had been taken from him"),
    ("Grace Wanjiru narrated how the floods swept away her home.", "how the floods swept away her home"),
])
def test_aver_and_narrate_report_speech(run, text, content):
    (q,) = run(text)
    assert q.quote == content


@pytest.mark.parametrize("text, speaker", [
    # military units and consortia are organisations: "the wing" is the wing, not its commander
    ('The 48th Fighter Wing said the jets would return on Friday. Col. Amy Strand, the wing commander, said '
     'the pilots were ready. "We train for this," she said. The wing said in a statement that no one was hurt.',
     "48th Fighter Wing"),
    ('The Baltic Rail Consortium said the tender was fair. Project director Mart Kask said the line would '
     'open in 2030. The consortium said it would appeal.', "Baltic Rail Consortium"),
])
def test_a_unit_or_consortium_description_is_the_body(run, text, speaker):
    qs = run(text)
    assert (qs[-1].speaker, qs[-1].speaker_type) == (speaker, "ORG")


def test_a_numbered_unit_keeps_its_number(run):
    # "the 9th Circuit" and "the 5th Circuit" are two courts
    qs = run("The 9th U.S. Circuit Court of Appeals said the law was valid. The court said it would not rehear "
             "the case.")
    assert [q.speaker for q in qs] == ["9th U.S. Circuit Court of Appeals"] * 2


@pytest.mark.parametrize("text", [
    # a party named by its members' plural is a group, like "Democrats said": never the last person
    "Senator Karin Holm said the plan was weak. The Greens said the plan would fail.",
    "Senator Karin Holm said the plan was weak. The Social Democrats said the plan would fail.",
])
def test_a_party_named_by_its_members_is_no_person(run, text):
    qs = run(text)
    assert qs[-1].speaker is None and qs[-1].speaker_type != "PERSON"


@pytest.mark.parametrize("text, speaker", [
    # "the statement" is the one its issuer made "in a statement" just before
    ("The Jamaica Constabulary Force, in a statement issued last night, urged anyone with information to call "
     "Crime Stop. The statement said all calls would be treated in confidence.", "Jamaica Constabulary Force"),
    ('Minister of Finance Colm Baptiste, responding in a statement last evening, said the adjustment was modest. '
     '"The Government cannot subsidise SUVs," the statement said.', "Colm Baptiste"),
])
def test_the_statement_is_its_issuers(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # an office's capitalised title after "the" is its holder, never a name of its own
    ('Speaker Anwen Pryce-Howell warned members about heckling. "I will ask the member to withdraw," the '
     'Speaker said.', "Anwen Pryce-Howell"),
    ('Treasurer Colm Farrington-Blythe defended the plan. The Treasurer said the government had "no plans" '
     'to change it.', "Colm Farrington-Blythe"),
    ('"We are not done," the Treasurer said.', None),
    # a place and post-nominal letters after "the": a description of the member
    ('Labour MP Harriet Colley raised the issue first. "This is a disgrace," the Bolton MP said.', "Harriet Colley"),
    # a US legislator's party and state after the name are no name
    ('Sen. Lorraine Ubaka-Finn, D-Minn., called the amendment "a gimmick" and said Democrats would oppose it.',
     "Lorraine Ubaka-Finn"),
])
def test_titles_and_tags_of_legislatures_are_no_names(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a peer's title and one name NER called an organisation or a place is a person "he" takes up
    ('Sir Keir Starmer said he would give Labour MPs a free vote.\n\nLord Pannick, the crossbench barrister, '
     'said the dispute could last well into the autumn. "This is what the revising chamber exists for," he said.',
     "Pannick"),
    ('Sir Keir Starmer said he would give Labour MPs a free vote. Lord Winston told the BBC that he had changed '
     'his mind. "I came in undecided," he said.', "Winston"),
])
def test_a_peer_named_by_title_and_one_name_is_a_person(run, text, speaker):
    q = run(text)[-1]
    assert (q.speaker, q.speaker_type) == (speaker, "PERSON")


def test_that_after_the_channel_noun_opens_the_content_not_the_channel(run):
    (q,) = run("The Norwegian Refugee Council said in a report that cuts to the budget had already forced "
               "families to skip meals.")
    assert (q.channel, q.quote) == ("in a report", "cuts to the budget had already forced families to skip meals")


@pytest.mark.parametrize("text, speaker, channel, role", [
    ('"I have nothing left to sell," Aminah Yusof told the New Straits Times.', "Aminah Yusof",
     "the New Straits Times", None),
    # a headline's "NGO" is no name; a US party-and-state tag is no role
    ("Aid cuts leave camps short of food, NGO warns", None, None, None),
    ('Rep. Glenn Thompson, R-Pa., chairman of the House Agriculture Committee, said the bill would pass.',
     "Glenn Thompson", None, "Rep."),
])
def test_newcomer_findings_of_the_eighth_session(run, text, speaker, channel, role):
    (q,) = run(text)
    assert (q.speaker, q.channel, q.speaker_role) == (speaker, channel, role)


@pytest.mark.parametrize("body", ["The Dutch Safety Board", "Federal investigators"])
def test_a_safety_board_finds(run, body):
    # accident-investigation copy: a board or investigators "found that" state a finding
    qs = run(f"{body} found that the crew had not checked the anchor chain before sailing.")
    assert [q.quote for q in qs] == ["that the crew had not checked the anchor chain before sailing"]


@pytest.mark.parametrize("text, speakers", [
    # a legislature's presiding title heads the phrase; the name in apposition speaks
    ('House Minority Whip Carla Dunmore (D-Md.) said the plan was "a mess."', ["Carla Dunmore"]),
    # a long body's title before a name NER ran into one organisation: the person, one entity
    ('Not everyone agreed. Former Democratic National Committee Chair Rosalind Keefe argued in an op-ed that '
     'the problem was "turnout." "It is that simple," Keefe told The Hill.', ["Rosalind Keefe", "Rosalind Keefe"]),
])
def test_a_long_title_before_a_name_is_the_role(run, text, speakers):
    assert [q.speaker for q in run(text)] == speakers


def test_a_representative_for_someone_told_an_outlet_and_the_rep_said(run):
    # "…, a representative for Blake told People": an inverted cue after a speaker phrase with
    # "for"; "the rep" takes up the unnamed representative, not the client
    text = ('Nora Blake and Tom Ricci have separated after five years of marriage, a representative for Blake '
            'told People on Friday. "They remain good friends," the rep said.')
    qs = run(text)
    assert [(q.type, q.speaker) for q in qs] == [("indirect", None), ("direct", None)]
    assert qs[0].quote.startswith("Nora Blake and Tom Ricci have separated")
