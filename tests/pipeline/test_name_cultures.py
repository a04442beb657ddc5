"""Names of many naming conventions, whole and linked to their short forms (invented
text). Kinds found by writing invented news in genres and name styles the dev sets
rarely hold; each test failed before its change."""
import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, speaker", [
    # a given name NER left out of a two-word surname span is part of the name
    ("“We will rebuild,” said Ana García López.", "Ana García López"),
    ("Ana García López said the town would rebuild.", "Ana García López"),
    # a hyphenated given name written with a lower-case second part (Korean romanisation)
    ("“The association held,” said Jae-won Park.", "Jae-won Park"),
    # a lower-case Arabic article before the family name
    ("Abdullah al-Zahrani said freight rates had fallen.", "Abdullah al-Zahrani"),
])
def test_a_name_is_kept_whole(run, text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, short, full", [
    # Spanish double surnames: the pair, and the paternal surname alone, stand for the person
    ("“We will rebuild,” said Ana García López. García López, 52, added that it would take years.",
     "García López", "Ana García López"),
    ("Javier Ortega Villalobos spoke on Wednesday. “Half of the new jobs are gone,” Ortega said.",
     "Ortega", "Javier Ortega Villalobos"),
    # a particle capitalised at the start of a sentence
    ("Andrés de la Fuente said the port would reopen. De la Fuente said: “Madrid must pay.”",
     "De la Fuente", "Andrés de la Fuente"),
])
def test_a_short_form_of_a_full_name_is_the_same_person(run, text, short, full):
    quotes = run(text)
    assert quotes[-1].speaker_mention == short
    assert [q.speaker for q in quotes] == [full] * len(quotes)
    assert len({q.speaker_id for q in quotes}) == 1


def test_a_title_before_a_two_word_name_stays_out_of_it(run):
    (q,) = run("Secretary General Ban Ki-moon said the talks would resume.")
    assert q.speaker == "Ban Ki-moon"


def test_a_middle_name_alone_is_no_short_form(run):
    # an English middle name is not a paternal surname: "Michael" is a known given name
    text = "John Michael Pratt spoke first. Michael Oduya, a teacher, said the school would close."
    (q,) = run(text)
    assert q.speaker == "Michael Oduya"


@pytest.mark.parametrize("text", [
    "“Magic is real,” J.K. Rowlands said.",
    "“Magic is real,” J.K. Rowlands told fans.",
])
def test_initials_without_a_space_end_no_sentence(run, text):
    # "J.K." is initials, not the end of a sentence that would cut the attribution off
    (q,) = run(text)
    assert (q.quote, q.speaker, q.cue) == ("Magic is real,", "J.K. Rowlands", text.split()[-2 if "fans" in text else -1].rstrip("."))


@pytest.mark.parametrize("text, speaker", [
    # titles of other conventions before a name, and post-nominal letters after it
    ("“We voted for more cars,” said Councillor Rhodri Llewellyn.", "Rhodri Llewellyn"),
    ("Sheikh Khalid al-Rashidi said talks would resume.", "Khalid al-Rashidi"),
    ("Fiji's prime minister, Ratu Josefa Vunibola, called the deal “a betrayal of the Pacific.”",
     "Josefa Vunibola"),
    ("Defence barrister Owen Llewellyn-Price KC told jurors that the case was weak.", "Owen Llewellyn-Price"),
    ("Sir Keir Dalton MP said the bill would pass.", "Keir Dalton"),
])
def test_titles_and_letters_after_the_name_stay_out_of_it(run, text, speaker):
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == (speaker, "PERSON")


@pytest.mark.parametrize("text", [
    "Councillor Bethan Pryce-Jones said the road would close. Cllr Pryce-Jones said she would meet residents.",
    # a given name the table lacks, after a personal title, is still the given name
    "Mayor Rhodri Llewellyn said the road would close. Llewellyn said it would reopen.",
])
def test_a_titled_person_and_the_surname_later_are_one_speaker(run, text):
    quotes = run(text)
    assert len(quotes) == 2 and quotes[0].speaker == quotes[1].speaker
    assert quotes[0].speaker_id == quotes[1].speaker_id


def test_an_organisation_opening_with_a_title_like_word_stays_one(run):
    (q,) = run("“We will appeal,” said Union Pacific Railroad.")
    assert q.speaker == "Union Pacific Railroad"


def test_a_surname_the_article_already_uses_alone_stays_with_its_first_bearer(run):
    # relatives of one surname: once the article calls the singer "Verity", naming her
    # grandmother in full does not take the bare surname over (news style tells the
    # second by given name)
    text = ("Pop singer Calla Verity has a new album. Verity said therapy had helped. She also "
            "credited her grandmother, Rosalind Verity, a retired jazz pianist. On Instagram, Verity "
            "posted a photo with the caption: “Still scared. Still going.”")
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["Calla Verity", "Calla Verity"]


def test_a_couple_named_together_and_the_town_of_a_name(run):
    # "Margaret and Desmond Halloran": NER may call him an organisation; "Desmond
    # Halloran, 72," is a person (news gives ages of people), and "the town of Fenwick" is
    # a place though "Fenwick" is also a given name, so "he" is never the town
    text = 'The couple who run Fenwick\'s oldest bakery\n\nFor 41 years, Margaret and Desmond Halloran have been getting up at 3 a.m. to bake bread for the town of Fenwick. Next month, they will close the doors of Halloran\'s Bakery for the last time.\n\n"We never planned to stay this long," Margaret Halloran said on a recent morning, flour on her sleeves. "We thought we\'d do five years and then go travelling."\n\nHer husband laughed at that. Desmond Halloran, 72, grew up above a butcher\'s shop two streets away. He said the bakery had survived two recessions, a fire and the arrival of three supermarkets. "Every time, people said we were finished," he said. "Every time, the queue was still there on Saturday."\n\nDesmond confirmed this. "It wouldn\'t," he said.'
    quotes = run(text)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Margaret Halloran", "PERSON")] * 2 + [
        ("Desmond Halloran", "PERSON")] * 4


@pytest.mark.parametrize("text", [
    "Jae-won Park said the association held. Park added that more work was needed.",
    "“The association held,” said Jae-won Park. Park added that more work was needed.",
])
def test_a_romanised_given_name_makes_a_person_not_a_park(run, text):
    # "Jae-won Park": a hyphenated romanised given name (the table lacks it) before a
    # surname that is also a place word; the later "Park" is the same person
    quotes = run(text)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Jae-won Park", "PERSON")] * 2
    assert quotes[0].speaker_id == quotes[1].speaker_id


@pytest.mark.parametrize("text, speaker", [
    # newcomer findings: a surname the tagger took for a plural noun at a paragraph's start
    ("“I have found the ending,” Joanne Rowlands told fans.\n\nRowlands said she had not decided what to "
     "write next.", "Joanne Rowlands"),
    # a courtesy title NER took into an organisation's name
    ("The daughter of one victim, Karen Holt, said the family was relieved. “He was proud of his work,” "
     "Ms Holt said.", "Karen Holt"),
    # the paternal surname after two given names
    ("María José Castellanos Ibarra, a farmer, said the route would split her land. “They are drawing "
     "lines on a map,” Castellanos said.", "María José Castellanos Ibarra"),
])
def test_the_short_form_is_the_person_named_in_full(run, text, speaker):
    quotes = run(text)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [(speaker, "PERSON")] * 2
    assert len({q.speaker_id for q in quotes}) == 1


def test_initials_before_a_surname_make_a_person(run):
    text = ("“I have found the ending,” J.K. Rowlands told fans at the book festival. “Every time I thought "
            "I was finished, I was not,” she said.")
    quotes = run(text)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("J.K. Rowlands", "PERSON")] * 2
    assert quotes[0].speaker_gender == "female"


def test_a_hyphenated_word_before_a_name_is_one_role(run):
    text = "Sixteen-year-old Amira Haddad said the school was cold. “We wear coats in class,” Haddad said."
    quotes = run(text)
    assert [q.speaker_role for q in quotes] == ["Sixteen-year-old"] * 2


# Kinds found by a second round of invented articles (wire, regional and sports news from
# Britain, Ireland, Australia, New Zealand, India and Nigeria; issue 10).

@pytest.mark.parametrize("text, speaker, role", [
    # police ranks as British and Australasian press offices abbreviate them, the Australian
    # "Cr" for councillor, and honorifics of Indian and Māori usage: titles, not names
    ("Detective Sergeant Maria Oyelowo spoke first. “This was a cowardly act,” Det Sgt Oyelowo said.",
     "Maria Oyelowo", "Det Sgt"),
    ("Superintendent Keri Whaanga spoke on Monday. “The road itself needs work,” Supt Whaanga said.",
     "Keri Whaanga", "Supt"),
    ("“Please stay at home,” said Insp Dafydd Rees-Owen.", "Dafydd Rees-Owen", "Insp"),
    ("Cr Helen Vu spoke first. “We have asked for years,” Cr Vu said.", "Helen Vu", "Cr"),
    ("“We have sealed twelve sites,” said Shri Anil Prakash Joshi.", "Anil Prakash Joshi", "Shri"),
    ("Treasurer Ellen Park said the case showed the need for reform.", "Ellen Park", "Treasurer"),
])
def test_a_rank_or_honorific_stays_out_of_the_name(run, text, speaker, role):
    q = run(text)[-1]
    assert q.speaker == speaker
    assert q.speaker_role == role


def test_a_double_given_name_is_kept_whole(run):
    # NER tags "Paula Costa" and leaves "Ana" out (Portuguese compound given name)
    quotes = run("Her mother, Ana Paula Costa, travelled with her. “Proud. Very proud,” she said.")
    assert [q.speaker for q in quotes] == ["Ana Paula Costa"]


def test_an_irish_surname_with_its_particle_is_linked_to_the_full_name(run):
    text = ("Council votes to close pool\n\nCllr Aoife Ní Bhriain said the decision was sad.\n\n"
            "Cllr Ní Bhriain said the roof would cost two million euro.")
    assert [q.speaker for q in run(text)] == ["Aoife Ní Bhriain"] * 2


def test_a_courtesy_title_before_a_three_word_name_makes_it_a_person(run):
    # NER tags "Dr Te Aomihia Walker" ORG (Māori names open with "Te"); the title says person
    text = ("On a grey morning, Dr Te Aomihia Walker lowers a hydrophone into the water. "
            "“Most of this job is waiting,” she says.")
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == ("Te Aomihia Walker", "PERSON")


def test_a_korean_family_name_alone_is_the_person_named_in_full_just_before(run):
    # Korean names put the family name first: "Lee" is shared by both, and the one named
    # in full last before the bare use is meant
    text = ("Defence Minister Lee Sang-hoon welcomed the deal. Lee Jae-sung, a professor at Korea "
            "University, said the agreement was fragile. “It could collapse overnight,” Lee said.")
    assert [q.speaker for q in run(text)] == ["Lee Jae-sung"] * 2


def test_a_one_word_name_only_written_after_in_is_a_place_not_a_speaker(run):
    text = ("07:25\n\nWestern Power says 38,000 homes are without power.\n\n"
            "A spokesperson told us: “Our engineers are out.”\n\n07:48\n\n"
            "Nia Howells in Tenby has sent us this photo. “Missed the car by a foot,” she writes.")
    assert "Tenby" not in [q.speaker for q in run(text)]


def test_a_hyphenated_surname_the_parser_splits_stays_whole_and_is_no_role(run):
    (q,) = run("Shadow Health Secretary-in-waiting Rachel Osei-Bonsu said the situation was a national scandal.")
    assert q.speaker == "Rachel Osei-Bonsu"
    assert q.speaker_role != "Bonsu"
    assert q.speaker_mention.endswith("Rachel Osei-Bonsu")


def test_a_nigerian_police_rank_stays_out_of_the_name(run):
    (q,) = run("The police spokesperson, SP Adekunle Hundeyin, said two suspects had been arrested.")
    assert q.speaker == "Adekunle Hundeyin"


def test_a_title_after_a_portfolio_word_stays_out_of_a_name_the_table_does_not_know(run):
    (q,) = run("Agriculture Minister Shivraj Chauhan Rathore told parliament that the government had enough grain.")
    assert (q.speaker, q.speaker_role) == ("Shivraj Chauhan Rathore", "Agriculture Minister")


def test_a_last_surname_ner_leaves_out_joins_the_name(run):
    # NER tags "Inés Navarro" and the parser makes "Ruiz" the name's head: one person,
    # and the paternal surname alone is hers, not a new "Inés Navarro"
    text = ("Party leader Inés Navarro Ruiz said the law was a failure. “We will vote against it,” "
            "Navarro said.")
    assert [q.speaker for q in run(text)] == ["Inés Navarro Ruiz"] * 2


def test_a_common_noun_capitalised_at_the_start_of_a_headline_is_no_part_of_the_name(run):
    text = ("Airline Skyvia apologises after IT failure strands 40,000 passengers\n\n"
            "Budget airline Skyvia apologised on Sunday after a system failure.\n\n"
            "Skyvia said the outage had affected check-in.")
    assert [q.speaker for q in run(text)] == ["Skyvia"]


def test_a_place_whose_first_word_is_a_given_name_stays_a_place_after_from(run):
    text = ("The Jade Garden opened in 1984.\n\nIts founder came to Leeds from Hong Kong that spring. "
            "“I still miss the harbour,” she says.")
    assert "Hong Kong" not in [q.speaker for q in run(text)]


@pytest.mark.parametrize("text, speaker, role", [
    # an occupation capitalised before a full name is a role (agent noun, not a given name)
    ("Logger Dale Pruitt, who lost his truck, said the fire moved fast.", "Dale Pruitt", "Logger"),
    ("Florist Ana Ruiz said sales had doubled.", "Ana Ruiz", "Florist"),
    # a given name with an agent ending stays the name
    ("Hunter Callaway said the roads were closed.", "Hunter Callaway", None),
])
def test_an_occupation_before_a_full_name_is_a_role(run, text, speaker, role):
    (q,) = run(text)
    assert (q.speaker, q.speaker_role) == (speaker, role)


def test_a_surname_that_is_a_title_word_is_the_person(run):
    # "Prince" alone after "Chief Donna Prince": her surname, not a title
    text = ("The Ktunaxa Nation also ordered an evacuation. Chief Ruth Prince said 600 people had left.\n\n"
            "“This is our homeland,” Prince said.")
    assert [q.speaker for q in run(text)] == ["Ruth Prince", "Ruth Prince"]


@pytest.mark.parametrize("text", [
    "Prime Minister Theresa Rowe-May met union leaders on Tuesday. May said the government would not back down.",
    "Theresa May met union leaders on Tuesday.\n\nMay told reporters the government would not back down.",
])
def test_a_surname_that_is_a_modal_verb_is_the_person(run, text):
    q = run(text)[-1]
    assert q.speaker_mention == "May"
    assert q.speaker in ("Theresa May", "Theresa Rowe-May")


def test_a_nickname_given_in_the_full_name_is_the_same_person(run):
    text = ("William “Bill” Okafor, the club's groundskeeper, said the pitch had flooded. "
            "“We had to pump it out twice,” Bill said.")
    quotes = run(text)
    assert quotes[-1].speaker_mention == "Bill"
    assert len({q.speaker_id for q in quotes}) == 1 and quotes[0].speaker_id is not None


@pytest.mark.parametrize("text, speaker", [
    # a knight or dame called by title and given name
    ("Sir Alan Pryor, a former minister, said museums had to be realistic. “It is a great deal of money,” "
     "Sir Alan said.", "Alan Pryor"),
    # Irish titles of the prime minister and the deputy, with the name in apposition
    ("The Tánaiste, Niamh Ó Ceallaigh, said she had “full confidence” in the Minister.", "Niamh Ó Ceallaigh"),
])
def test_british_and_irish_titles_name_the_holder(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text", [
    "One MP from the party's right told her: “This is a disaster for us.”",
    "One TD told The Irish Times that colleagues were “genuinely worried” about the plan.",
])
def test_one_member_of_a_body_is_unnamed(run, text):
    (q,) = run(text)
    assert q.speaker is None


@pytest.mark.parametrize("text, speaker", [
    # a Spanish second surname NER calls a place
    ("Labour Minister Paula Rojas Medina said the government had compromised. “We have listened,” "
     "Rojas said.", "Paula Rojas Medina"),
    # the first word of a name in apposition the given-name table does not know
    ("India's trade secretary, Suresh Kumar Iyengar, said rich nations had failed to deliver. "
     "“They must pay their share,” Iyengar said.", "Suresh Kumar Iyengar"),
])
def test_a_three_part_name_ner_cut_is_one_person(run, text, speaker):
    quotes = run(text)
    assert [q.speaker for q in quotes] == [speaker, speaker]


@pytest.mark.parametrize("text, speaker", [
    # a person's role or occupation noun NER swept into the name, also into an ORG span,
    # and names the given-name table does not know (Chinese, Nigerian)
    ("Striker Chidi Nwosu said the team had run out of ideas.", "Chidi Nwosu"),
    ("Hawker Goh Kian Seng, 61, said takings had halved since June.", "Goh Kian Seng"),
    ("Co-author Harriet Lindqvist said the results were clear.", "Harriet Lindqvist"),
    ("Retiree Ong Mei Ling said the bus route was her lifeline.", "Ong Mei Ling"),
    # honorifics of other conventions (Wikipedia, "Honorific" and national lists)
    ("Barrister Kunle Adeyemi said the charge sheet was defective.", "Kunle Adeyemi"),
    ("Haji Abdul Rasheed said the mosque would stay open.", "Abdul Rasheed"),
    ("Its general secretary, Comrade Tunde Bakare, said the strike would go on.", "Tunde Bakare"),
    ("Fine Gael TD Niamh Cusack said the scheme had failed renters.", "Niamh Cusack"),
    ("City Councilwoman Laura Pastor said the vote would be close.", "Laura Pastor"),
    ("Chief Minister Datuk Seri Rahman Yusof said the road would be finished by May.", "Rahman Yusof"),
])
def test_a_role_or_honorific_before_a_name_is_no_part_of_it(run, text, speaker):
    q = run(text)[0]
    assert (q.speaker, q.speaker_type) == (speaker, "PERSON")


def test_a_courtesy_title_outweighs_a_rare_given_names_gender_prior(run):
    # "Thangam" is female in the name table, from 13 people; the article says "Mr"
    quotes = run("Finance Minister Thangam Velusamy said the grant was cut. "
                 "“That promise has been broken,” Mr Velusamy said.")
    assert [q.speaker for q in quotes] == ["Thangam Velusamy"] * 2


@pytest.mark.parametrize("text, speaker", [
    ("Ramon “Monching” Dizon, the village captain, said the road flooded every year. "
     "“We are used to it,” Monching said.", "Ramon Dizon"),
    ("Public Works Secretary Ernesto “Jun” Bautista said the bridge was safe. "
     "Bautista added that repairs would start in June.", "Ernesto Bautista"),
])
def test_a_nickname_in_quotation_marks_is_no_part_of_the_name_but_names_the_person(run, text, speaker):
    # GGT writes the name without the nickname; the nickname alone still names the person
    assert {q.speaker for q in run(text)} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # a nickname with "the", in straight marks, or before a surname particle, which NER
    # splits or takes for a work's title: still one person, named without the nickname
    ("Coach Brendan “the Gaffer” Walsh was relieved. “We switched off,” Walsh said.", "Brendan Walsh"),
    ('Out-half Shane "Sparky" Lynch kicked 14 points. "I just kept swinging," Lynch said.', "Shane Lynch"),
    ("Pádraig “Podge” Ó Súilleabháin scored twice. “It was a good day,” Ó Súilleabháin said.",
     "Pádraig Ó Súilleabháin"),
])
def test_a_nickname_ner_splits_leaves_one_person(run, text, speaker):
    assert [q.speaker for q in run(text)] == [speaker]


def test_he_after_a_nicknamed_player_is_the_player(run):
    quotes = run('Out-half Shane "Sparky" Lynch kicked 14 points. Coach Brendan Walsh praised him. '
                 'Lynch, 21, laughed off the compliment. "The Gaffer says that about every kick I get," he said.')
    assert [q.speaker for q in quotes] == ["Shane Lynch"]


@pytest.mark.parametrize("text, speaker", [
    # Hong Kong order (English given name, surname, romanised Chinese given name): the
    # surname alone is the person; a lower-case syllable of the given name is no surname
    ("Secretary for Development Bernadette Linn Hon-ho said the sites would be sold later. "
     "“We have to be prudent,” Linn told lawmakers.", "Bernadette Linn Hon-ho"),
    ("Fellow lawmaker Michael Tien Puk-sun suggested a new model. "
     "“The government cannot do everything by itself,” Tien said.", "Michael Tien Puk-sun"),
    ("Secretary for Development Bernadette Linn Hon-ho said the sites would be sold later.\n"
     "Permanent Secretary Doris Ho Pui-ling said the line was on schedule. Ho said, “The works start next year.”",
     "Doris Ho Pui-ling"),
])
def test_a_hong_kong_name_is_shortened_to_its_surname(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_a_name_that_ends_a_titles_of_phrase_is_the_person(run):
    # Indian police ranks are written "Superintendent of Police <name>"; the parser makes
    # the name the object of "of"
    (q,) = run("Superintendent of Police Somnath Gharge said the suspects were arrested.")
    assert (q.speaker, q.speaker_role) == ("Somnath Gharge", "Superintendent of Police")


@pytest.mark.parametrize("text, speaker", [
    # organisations named by an imperative clause, which the parser reads as a clause
    ("Save the Children said the aid had not arrived.", "Save the Children"),
    ("The charity Save the Children said the aid had not arrived.", "Save the Children"),
    ("Stop the War Coalition said the march would go ahead.", "Stop the War Coalition"),
    ("Keep Our NHS Public said it had organised a protest.", "Keep Our NHS Public"),
])
def test_an_organisation_named_by_an_imperative_is_whole(run, text, speaker):
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == (speaker, "ORG")


def test_an_imperative_quotation_is_no_organisation(run):
    (q,) = run("Make sure you vote, the mayor said.")
    assert q.quote == "Make sure you vote" and q.speaker is None


def test_a_surname_before_a_generational_suffix_is_the_person(run):
    quotes = run("Transit president Dorval Cartwright Jr. said the cuts were painful. "
                 "Cartwright said the agency had no choice.")
    assert {q.speaker for q in quotes} == {"Dorval Cartwright Jr"}


def test_a_name_after_a_persons_role_is_a_person_whatever_ner_says(run):
    # NER calls "Helen Okafor:" a place; after "board chair" it is a person, counted as one
    (q,) = run('And from board chair Helen Okafor:\n\n'
               '“The expansion keeps the clinic open six days a week and adds a second dentist by spring"')
    assert (q.speaker, q.speaker_type) == ("Helen Okafor", "PERSON")


# Kinds found by a third round of invented articles (English-language news of Malaysia,
# Singapore, India, Kenya, Nigeria and the Philippines; issue 10).

@pytest.mark.parametrize("text, speaker", [
    # a given name NER left out between an honorific or title and the rest of the name:
    # the words between the title and the name are the name's first part
    ("Madam Rohani Abdul Rahman, 62, said the closures came at a bad time.", "Rohani Abdul Rahman"),
    ("Police director Datuk Seri Ramli Mohamed Yoosuf said 1,842 people had been arrested.",
     "Ramli Mohamed Yoosuf"),
    # the Tamil honorific "Thiru" is a title, not a name
    ("Chief Minister Thiru K. Arulmozhi Selvan said every farmer would be paid.", "K. Arulmozhi Selvan"),
])
def test_a_name_after_an_honorific_is_kept_whole(run, text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, speakers", [
    # a name after a personal title that NER missed, or cut to its last word, is one
    # person's whole name: later the surname and "he" are that person
    ("The Commissioner for Physical Planning, Dr Olumide Babatunde Olusanya, gave the ultimatum on Monday. "
     "“We have marked 47 buildings,” Olusanya said.", ["Olumide Babatunde Olusanya"]),
    ("The government will table amendments to curb online scams, says Communications Minister Datuk "
     "Fahmi Fadzil Rahman. He said the amendments would require telcos to block suspicious links.",
     ["Fahmi Fadzil Rahman", "Fahmi Fadzil Rahman"]),
])
def test_a_name_after_a_personal_title_ner_missed_is_one_person(run, text, speakers):
    quotes = run(text)
    assert [q.speaker for q in quotes] == speakers
    assert len({q.speaker_id for q in quotes}) == 1


def test_a_courtesy_title_makes_a_one_word_name_a_person_he_can_be(run):
    # NER tags "Fahmi" ORG; "Mr" shows a man, whom "he added" takes up
    quotes = run("Mr Rohaizad said banks had set up a hotline. Mr Fahmi said the ministry would meet platforms. "
                 "“They must take responsibility,” he added.")
    assert [q.speaker for q in quotes] == ["Rohaizad", "Fahmi", "Fahmi"]
    assert quotes[1].speaker_type == "PERSON"


def test_she_after_a_senator_with_a_short_given_name_in_ee_is_the_senator(run):
    # "Imee" is no agent noun, so the name is whole and its holder can be "she"
    quotes = run("Villanueva told the Inquirer the timing was wrong. Senator Imee Marcos Aquino said she would "
                 "file a resolution. “Who benefits from these imports?” she said in a statement.")
    assert [q.speaker for q in quotes][1:] == ["Imee Marcos Aquino", "Imee Marcos Aquino"]


@pytest.mark.parametrize("text, speaker", [
    # a short given name ending in "-ee" is no agent noun like "retiree" or "trainee"
    ("Senator Imee Marcos Aquino said she would file a resolution.", "Imee Marcos Aquino"),
])
def test_a_short_given_name_in_ee_is_no_occupation(run, text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


def test_a_titled_person_the_parser_hangs_inside_a_bodys_name_is_the_speaker(run):
    # "Bureau of Plant Industry director Glenn Panganiban Cruz said": the parser makes
    # "Bureau" the subject and the titled name its "of" phrase's object
    quotes = run("The Philippine Statistics Authority said rice inflation eased. Bureau of Plant Industry "
                 "director Glenn Panganiban Cruz said all imported rice would undergo inspection.")
    assert [q.speaker for q in quotes] == ["Philippine Statistics Authority", "Glenn Panganiban Cruz"]
    assert quotes[1].speaker_type == "PERSON"


def test_an_acronym_defined_in_brackets_after_a_name_ner_cut_is_its_short_form(run):
    # AP style: the name in full first, the abbreviation in parentheses; NER took only
    # "Transport Authority"
    quotes = run("The Roads and Transport Authority (RTA) will introduce new tolls from next month. "
                 "The RTA said it would add 200 new buses.")
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Roads and Transport Authority", "ORG")]


def test_a_two_word_surname_is_the_person_whose_given_name_the_table_lacks(run):
    # Arabic and Lebanese names ("Abou Khalil"): the later two-word short form is the man
    # named in full, though the table does not know "Ghassan"
    text = ("Lebanon's economy minister, Ghassan Abou Khalil, said talks would resume. "
            "“We are ready,” Abou Khalil said.")
    assert [q.speaker for q in run(text)] == ["Ghassan Abou Khalil"] * 2
    assert len({q.speaker_id for q in run(text)}) == 1


@pytest.mark.parametrize("text, speaker", [
    # Indian names with a middle "Kumar": NER leaves out a given name the table has seen
    # fewer than 1,000 times ("Sushant": 87, "Manoj": 589)
    ("Collector Sushant Kumar Nayak said relief camps had been opened. “We have enough rice,” Mr Nayak said.",
     "Sushant Kumar Nayak"),
    ("Superintendent of Police (Rural) Manoj Kumar Yadav said the victim had been identified.",
     "Manoj Kumar Yadav"),
])
def test_a_rarer_given_name_ner_left_out_opens_the_name(run, text, speaker):
    assert {q.speaker for q in run(text)} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # a nationality, a role noun or a title NER swept into the name before the given name
    ("The American Kelsey Brandt won in straight sets. “I felt good,” Brandt said. "
     "She added that the wind had been hard.", "Kelsey Brandt"),
    ("Star Jenna Kowalczyk said she loved the script.", "Jenna Kowalczyk"),
    ("Elder Thomas Sainnawap said the water had been unsafe for years.", "Thomas Sainnawap"),
    ("In sentencing, Magistrate Helen Brody said the offence was serious.", "Helen Brody"),
    ("Frontwoman Keeley Osei-Brandt said the tour would go ahead.", "Keeley Osei-Brandt"),
])
def test_a_nationality_role_or_title_before_a_given_name_is_no_part_of_the_name(run, text, speaker):
    assert {q.speaker for q in run(text)} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # a match score NER ran into the name; a given name NER typed apart from the surname
    ("Jana Novak beat Petra Lindholm 6-3, 6-4 in the second round. “I served well,” Novak said. "
     "Lindholm was upset. “I had no rhythm,” she said.", "Petra Lindholm"),
    ("Lena Marsh beat Chloe Whitmore 6-2, 6-1 on Monday. “She hits the ball very flat,” Marsh said. "
     "Whitmore was disappointed. “I was terrible,” she said.", "Chloe Whitmore"),
])
def test_a_score_after_a_name_is_no_part_of_it(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a title written as initials after the holder was named in full (Indian, Kenyan,
    # British copy)
    ("Assistant Commissioner of Police Neha Bansal said the gang had been busted. "
     "“More arrests are likely,” the ACP said.", "Neha Bansal"),
    ("Education Cabinet Secretary Julius Mwangi said schools would open. “We are ready,” the CS said.",
     "Julius Mwangi"),
    ("Prime Minister Rhona Kell visited the site. Tom Barr said it was a mess. “We will rebuild,” the PM said.",
     "Rhona Kell"),
    # no holder named: a title, no one's name
    ("Tom Barr said it was a mess. “We will rebuild,” the PM said.", None),
])
def test_a_title_written_as_initials_is_its_holder(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a portfolio between "Minister for" and the name is no part of the name
    ("Federal Minister for Indigenous Australians Joanne Pruitt said the money would be spent this year.",
     "Joanne Pruitt"),
    ("Minister for Pacific Peoples Anna Leota said the fund would open in May.", "Anna Leota"),
])
def test_a_portfolio_after_minister_for_is_the_role(run, text, speaker):
    assert run(text)[0].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # NER's spans around a surname particle, joined again ("Ramon" + "dela" + "Cruz
    # Villanueva"; "Pieter van" + "der" + "Linden-Hoekstra")
    ("Commodore Ramon dela Cruz Villanueva said two crew were hurt. “It was lawful,” dela Cruz Villanueva said.",
     "Ramon dela Cruz Villanueva"),
    ("Dutch Foreign Minister Pieter van der Linden-Hoekstra said the Netherlands would help. "
     "“It matters,” van der Linden-Hoekstra said.", "Pieter van der Linden-Hoekstra"),
])
def test_a_name_with_a_particle_ner_split_is_one_person(run, text, speaker):
    assert {q.speaker for q in run(text)} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # a Sikh name whose surname NER typed ORG apart from "Harpreet Kaur"
    ("Fire officer Harpreet Kaur Sandhu said the blaze spread fast. “There was so much smoke,” Sandhu said.",
     "Harpreet Kaur Sandhu"),
    # a French lawyer's title
    ("The lawyer, Maître François de Villeneuve, said his client denied the accusations.", "François de Villeneuve"),
    # NER stopped inside the brackets of an acronym
    ("The junta, the National Council for the Safeguard of the Homeland (CNSP), said the ambassador had "
     "ignored orders.", "National Council for the Safeguard of the Homeland"),
])
def test_a_name_is_whole_and_bare(run, text, speaker):
    assert {q.speaker for q in run(text)} == {speaker}


def test_a_headline_verb_ner_ran_into_a_name_is_no_part_of_it(nlp):
    # "Wins", written only in the title-case headline, after a surname the body uses
    from saidwhat.pipeline.context import DocContext
    doc = nlp("Marisol Echeverria Wins Best Actress\n\nEcheverria said it was a surprise.")
    people = [e.text for e in DocContext(doc).ents if e.label_ == "PERSON"]
    assert "Marisol Echeverria" in people and not any("Wins" in p for p in people)


@pytest.mark.parametrize("text, speaker", [
    # a rarer given name (the table's 85 "Naledi", 849 "Shakeel") before a surname NER
    # left untagged: the full name the short form stands for
    ("The biggest surprise came in the 400 meters, where 19-year-old South African Naledi Dlamini beat a "
     "field that included Shanice Carrington of the United States. Dlamini ran 49.31. "
     "“I came here to learn,” Dlamini said.", "Naledi Dlamini"),
    ("Inspector Mahesh Gaikwad said the driver had been detained. Local MLA Shakeel Memon visited the site "
     "in the afternoon and demanded a judicial inquiry. “This is criminal negligence,” Memon said.",
     "Shakeel Memon"),
])
def test_a_surname_is_the_full_name_a_rarer_given_name_opens(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_the_second_of_two_given_names_sharing_a_surname_is_a_person(run):
    # "August" is the month for NER; "Clementine" alone keeps the gender her name has
    text = "The duo, siblings Clementine and August Harrow, won the prize. “She cried first,” he said."
    assert run(text)[-1].speaker == "August Harrow"


def test_a_second_bearer_of_a_surname_ner_missed_is_her_own_person(run):
    # NER found only "Arnold Meekis"; "Chief Rosalind Meekis" is another person, and the
    # bare "Meekis" after her first quotation is hers
    text = ("Chief Rosalind Meekis of Kitchenuhmaykoosib Lake First Nation said the station normally has four "
            "nurses.\n\n“One nurse cannot look after all of that,” Meekis said in an interview Monday.\n\n"
            "Deputy Chief Arnold Meekis, the chief's cousin, said the community had heard similar promises before.")
    assert [q.speaker for q in run(text)] == ["Rosalind Meekis", "Rosalind Meekis", "Arnold Meekis"]


def test_a_maori_surname_with_its_particle_is_the_person_named_in_full_after_for(run):
    # "For Tama Te Rangi, ...": NER finds no one; "Mr Te Rangi" is Tama Te Rangi
    text = ("For Tama Te Rangi, Hinewai's nephew, the wait is personal. The 29-year-old lives with his parents."
            "\n\n“There's nine of us,” Mr Te Rangi said.")
    assert run(text)[-1].speaker == "Tama Te Rangi"


@pytest.mark.parametrize("text, speaker", [
    # a title word with no article inside a body sentence is a surname when no one the
    # article names holds that title ("King", "Bishop" as surnames)
    ('Cuts loom at the plant\n\n"We are ready," Whitfield told the BBC. "It is time," King told CNN on Sunday.',
     "King"),
    ("Cuts loom at the plant\n\nAnna Reyes said the plan was sound. “It is time,” said Bishop, who chairs the board.",
     "Bishop"),
])
def test_a_title_word_without_article_in_the_body_is_a_surname(run, text, speaker):
    q = run(text)[-1]
    assert (q.speaker, q.speaker_type) == (speaker, "PERSON")


def test_a_bare_title_after_its_named_holder_is_still_that_holder(run):
    # guard: "Mayor Jane Doe" holds the title, so a later bare "Mayor" is hers
    text = ("Mayor says cuts will hurt\n\nThe mayor, Jane Doe, said cuts would hurt. “It is bad,” said Mayor Doe. "
            "“We will see,” Mayor said.")
    assert [q.speaker for q in run(text)] == ["Jane Doe"] * 4


def test_a_courtesy_title_makes_a_one_word_name_a_person(run):
    # NER tags "Ms Hale" ORG before "said on BBC Radio 4"
    (q,) = run("Anna Reyes spoke first. “No,” Ms Hale said on BBC Radio 4.")
    assert (q.speaker, q.speaker_type) == ("Hale", "PERSON")


def test_a_generational_suffix_keeps_the_surname_one_person(run):
    # "Whitfield" is the surname of "Harland J. Whitfield III", not a second entity
    qs = run("Harland J. Whitfield III, the chief executive, said the plan was sound. "
             "“We are ready,” Whitfield told reporters.")
    assert [q.speaker for q in qs] == ["Harland J. Whitfield III"] * 2
    assert qs[0].speaker_id == qs[1].speaker_id


@pytest.mark.parametrize("text, speaker", [
    # a legislator's or city title before the name, after a party or a place, is no part of it
    ('Québec solidaire MNA Mathieu Bourque said the bill went too far. "It punishes the smallest shops," he said.',
     "Mathieu Bourque"),
    ('Ontario MPP Gilles Fortier said the plan was flawed. "It will not work," he said.', "Gilles Fortier"),
    ('Mayor Pro Tem Rick Dunaway said the vote was rushed. "Nobody read the contract," Dunaway said.', "Rick Dunaway"),
    ('Glendale Mayor Pro Tem Sonia Arakelian said the closing was a shame. "We can do better," Arakelian wrote.',
     "Sonia Arakelian"),
    ('San Antonio City Councilmember Ruben Lara said the closing was a shame. "We can do better," Lara wrote.',
     "Ruben Lara"),
])
def test_a_title_after_a_party_or_place_stays_out_of_the_name(run, text, speaker):
    qs = run(text)
    assert [q.speaker for q in qs] == [speaker, speaker]
    assert {q.speaker_type for q in qs} == {"PERSON"}


@pytest.mark.parametrize("text, speaker", [
    ("Parent Carmen Holt said she picked up her son early.", "Carmen Holt"),
    ("Deacon Paul Ortiz said the parish would help.", "Paul Ortiz"),
    ("Swami Ravi Anand said all were welcome.", "Ravi Anand"),
])
def test_a_role_or_clergy_title_before_a_given_name_is_no_part_of_it(run, text, speaker):
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == (speaker, "PERSON")


@pytest.mark.parametrize("text, speaker", [
    # a surname particle NER left between or inside its spans keeps the name whole
    ('"The bogs are drying," says Beatriz dos Santos Figueiredo, a geographer at the University of Porto. '
     'Figueiredo and her colleagues argue that the trend will continue.', "Beatriz dos Santos Figueiredo"),
    ('"The bogs are drying," said Dr Jan van den Berg, a geographer at Utrecht University. '
     '"We saw it in every core," van den Berg said.', "Jan van den Berg"),
    ("Deputy Governor Pieter de Wolf said rates would hold. De Wolf added that inflation was falling.",
     "Pieter de Wolf"),
    ('Governor Pieter de Wolf said rates would hold. Later, de Wolf said: "Housing is a concern, not a crisis."',
     "Pieter de Wolf"),
])
def test_a_particle_name_stays_one_person(run, text, speaker):
    qs = run(text)
    assert [q.speaker for q in qs] == [speaker, speaker]
    assert qs[0].speaker_id == qs[1].speaker_id


def test_a_double_given_name_ner_took_for_a_company_is_whole(run):
    (q,) = run("Ana Carolina Almeida, a botanist at the University of Leeds, says satellite records show the same trend.")
    assert (q.speaker, q.speaker_type) == ("Ana Carolina Almeida", "PERSON")


@pytest.mark.parametrize("text, speaker", [
    # an agent noun a person bears as well as a company ("operator") keeps a person's name a person
    ('The band\'s water operator, Wesley Keeper, said the pump fails every week. '
     '"I\'m out there at 2 a.m. with a flashlight," he said.', "Wesley Keeper"),
    ('Chief Howard Bearskin said the council would meet Friday. "We are not giving up," he said. '
     'The plant\'s operator, Robert Keesick, said the pump fails weekly. "I\'m on call all night," he said.',
     "Robert Keesick"),
])
def test_a_person_in_apposition_to_an_agent_noun_is_a_person(run, text, speaker):
    q = run(text)[-1]
    assert (q.speaker, q.speaker_type) == (speaker, "PERSON")


def test_a_company_in_apposition_to_an_organisation_noun_stays_one(run):
    # guard: "Silver" is a given name, but "Minerals" names a company
    (q,) = run("The company behind it, Silver Peak Minerals, said the mine was safe.")
    assert (q.speaker, q.speaker_type) == ("Silver Peak Minerals", "ORG")


def test_a_hyphenated_nickname_keeps_the_name_one_person(run):
    text = ('Clarence Delacroix said the band was tight. Walter "T-Bone" Branford played bass for 30 years. '
            '"I never missed a gig," he said.')
    assert run(text)[-1].speaker == "Walter Branford"


@pytest.mark.parametrize("text, speaker", [
    # titles Indian and Pakistani copy writes as initials, and the district's "Collector"
    ('Gurgaon Deputy Commissioner Nandini Rao Hegde said schools would stay shut on Friday. '
     '"Parents need not panic," the DC said.', "Nandini Rao Hegde"),
    ('Joint Commissioner of Police Harish Chandra Dubey, IPS, said the car had been seized. '
     '"We are checking the CCTV footage," the JCP added.', "Harish Chandra Dubey"),
    ('District Collector K. Meenakshi Sundaram said the work would be completed by June. '
     '"We have released the funds," the Collector said.', "K. Meenakshi Sundaram"),
    # "the First Minister" is the holder named before, not a person called "First Minister"
    ('First Minister Alasdair Drummond-Ross said he shared the frustration. '
     '"I am not going to pretend this is acceptable," the First Minister said.', "Alasdair Drummond-Ross"),
])
def test_a_title_by_its_initials_or_capitalised_is_its_holder(run, text, speaker):
    q = run(text)[-1]
    assert (q.speaker, q.speaker_type) == (speaker, "PERSON")


@pytest.mark.parametrize("text, speaker", [
    # Welsh and Kalenjin patronymic particles, Latin American titles before a name (with
    # their full stop one token: "Ing.", "Lic.")
    ('The hospital\'s chief executive, Dr Megan ferch Owain, said it had seen a sharp rise in attendances. '
     '"We are sorry," Dr ferch Owain said.', "Megan ferch Owain"),
    ('Samuel Kiprotich arap Ngeno, the governor, said roads would be built. "We are ready," Ngeno said.',
     "Samuel Kiprotich arap Ngeno"),
    ('Lic. María José Torres said the budget was approved. "It is fair," Torres said.', "María José Torres"),
    ('The agency\'s director, Ing. María Guadalupe Santiago Ruiz, said the bridge was closed. '
     '"Nobody can cross," she said.', "María Guadalupe Santiago Ruiz"),
    ('Doña Celsa Ramírez said the market was closing. "We have no choice," she said.', "Celsa Ramírez"),
])
def test_particles_and_titles_of_other_conventions_keep_the_name(run, text, speaker):
    assert {q.speaker for q in run(text)} == {speaker}


def test_an_honorific_on_a_shared_surname_goes_to_the_bearer_named_last(run):
    # "Mrs Kerr" after the neighbour Jean Kerr is her, not Detective Inspector Morag Kerr
    text = ('Detective Inspector Morag Kerr said the attack was brutal. The victim\'s neighbour, Jean Kerr, 80, '
            'said she heard shouting. "It was terrible," Mrs Kerr said.')
    assert [q.speaker for q in run(text)] == ["Morag Kerr", "Jean Kerr", "Jean Kerr"]


@pytest.mark.parametrize("text, speaker", [
    # Kenyan and South African office holders by their initials, before the name and after
    ('Kileleshwa MCA Robert Alai said the road was unsafe. "We need action now," the MCA said.', "Robert Alai"),
    ('Gauteng Health MEC Thandi Mokoena said the clinics would open. "We are ready," the MEC said.',
     "Thandi Mokoena"),
    ('Director General Amina Yusuf said the agency had acted. "We followed the law," the DG said.', "Amina Yusuf"),
    # an honorific between the title and the name
    ('Oil Minister Sheikh Fahad Al-Sabah said output would rise. "We are ready," the minister said.',
     "Fahad Al-Sabah"),
])
def test_a_title_written_before_the_name_makes_its_holder(run, text, speaker):
    assert [q.speaker for q in run(text)] == [speaker, speaker]


def test_a_dotted_degree_title_does_not_end_the_sentence(run):
    # "Lic." is one token: not a sentence end, not the speaker's name
    (q,) = run('"We will not wait," said Lic. Rodrigo Paz Ferrés, the deputy minister.')
    assert q.speaker == "Rodrigo Paz Ferrés"


def test_the_bank_ing_stays_a_name(run):
    # guard: "ING" without a full stop is no title
    (q,) = run("ING said profits rose sharply in the quarter.")
    assert (q.speaker, q.speaker_type) == ("ING", "ORG")


@pytest.mark.parametrize("text, speaker, role", [
    # a title word that is a common given name, as the name NER gives: no role
    ('"We were simply better on the day," Dean Holloway told Sky Sports.', "Dean Holloway", None),
    ('"We are ready," Earl Whitcombe said.', "Earl Whitcombe", None),
    # guard: after a capitalised title word it is the title
    ("Harvard Dean Claudine Smith said the school would reopen.", "Claudine Smith", "Harvard Dean"),
])
def test_a_given_name_that_is_also_a_title_is_no_role(run, text, speaker, role):
    (q,) = run(text)
    assert (q.speaker, q.speaker_role) == (speaker, role)


@pytest.mark.parametrize("text, speaker", [
    # a hyphenated given name with letters beyond ASCII stays whole at the later surname
    ('François-Xavier Dumont, the mayor of Laval, said the bridge would reopen. "We are ready," Dumont said.',
     "François-Xavier Dumont"),
    ('Marie-Hélène Gagnon said the clinic would close. "It is a loss," Gagnon said.', "Marie-Hélène Gagnon"),
    # a compound given name whose first part NER tagged as a name of its own
    ('Graciela Beatriz Molina Paz said the ministry would appeal. "We will fight," Molina Paz said.',
     "Graciela Beatriz Molina Paz"),
])
def test_a_compound_given_name_is_one_speaker_with_its_surname(run, text, speaker):
    qs = run(text)
    assert [q.speaker for q in qs] == [speaker, speaker]
    assert qs[0].speaker_id == qs[1].speaker_id and qs[0].speaker_role in (None, "the mayor of Laval")


@pytest.mark.parametrize("text", [
    # a nickname in quotation marks inside a titled name: neither a quotation boundary nor a cut
    "“We will not back down,” Senator Arturo “Bambi” Dimalanta told reporters. Dimalanta said the bill would pass.",
    'Senator Arturo "Bambi" Dimalanta said the bill would pass. "We will not back down," Dimalanta said.',
])
def test_a_nickname_inside_a_titled_name_keeps_the_name_whole(run, text):
    qs = run(text)
    assert [q.speaker for q in qs] == ["Arturo Dimalanta", "Arturo Dimalanta"]
    assert all(q.speaker_type == "PERSON" for q in qs)


@pytest.mark.parametrize("text, speaker", [
    # titles of Commonwealth, Malaysian, Indonesian and British forces' usage stay out of the name
    ('Flt Lt Sam Adeyemi said the crew were safe. "We train for this," Flt Lt Adeyemi said.', "Sam Adeyemi"),
    ('Sleman Regent Joko Prasetyo said the shelters were full. "We need more tents," Joko said.', "Joko Prasetyo"),
    ('Meanwhile, Puan Rohana binti Sulaiman, a trader at the market, said prices had doubled. '
     '"I cannot afford to buy chicken any more," she said.', "Rohana binti Sulaiman"),
    ('Plaid Cymru health spokesperson Llinos Wyn Parri MS said the figures were damning. '
     '"This is not a one-off," Parri said.', "Llinos Wyn Parri"),
])
def test_titles_particles_and_letters_of_more_conventions(run, text, speaker):
    assert [q.speaker for q in run(text)] == [speaker, speaker]


@pytest.mark.parametrize("text, speaker", [
    # a capitalised title after an article is no one's name; its holder in apposition is
    ('The Minister of Health visited the clinic on Monday. "We are building a new ward," the minister said.', None),
    ('The Minister of Health, the Honourable Lorna Beckles, visited the clinic on Monday. '
     '"We are building a new ward," the minister said.', "Lorna Beckles"),
])
def test_the_minister_of_a_portfolio_is_its_holder_or_no_one(run, text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a Malaysian honorific before a name NER cut in two: the whole name
    ('Penang police chief Datuk Zulkefli Che Hassan said the road would stay closed. '
     '"Do not drive through the water," he said.', "Zulkefli Che Hassan"),
    # Malay usage shortens a name to its given part
    ('MACC chief commissioner Tan Sri Azman Shah Abdul Rahim said the three were detained. '
     '"They will be charged," he said.', "Azman Shah Abdul Rahim"),
    ('Committee secretary Datuk Ahmad Kamal bin Ahmad Tarmizi said 40 centres were open. '
     'Ahmad Kamal said food was sufficient.', "Ahmad Kamal bin Ahmad Tarmizi"),
])
def test_malay_names_whole_and_shortened_to_their_given_part(run, text, speaker):
    assert [q.speaker for q in run(text)] == [speaker, speaker]


def test_a_chiefly_title_and_given_name_is_the_person_named_in_full(run):
    # "Ratu Semi" (NER's place) is Semi Nawaikula: a title only a person bears
    qs = run('Ratu Semi Nawaikula said the talks would continue. "We will sit and talk," Ratu Semi said.')
    assert [(q.speaker, q.speaker_type) for q in qs] == [("Semi Nawaikula", "PERSON")] * 2


@pytest.mark.parametrize("text, speaker", [
    # a sector word opening a body's name is no title when no title follows it
    ("Public Housing Sweden said rents would rise.", "Public Housing Sweden"),
    ("Public Safety Minister Bill Blair said the rules would change.", "Bill Blair"),
])
def test_a_sector_word_is_a_title_only_before_a_title(run, text, speaker):
    (q,) = run(text)
    assert q.speaker == speaker


def test_the_spanish_honorific_don_is_no_part_of_the_name(run):
    qs = run('Don Rodrigo Antonio Valdivieso Montt, chairman of the fishing company, said his firm had been '
             'excluded. "We have complied with every rule," Valdivieso said.')
    assert [q.speaker for q in qs] == ["Rodrigo Antonio Valdivieso Montt"] * 2


def test_the_catalan_i_joins_a_double_surname(run):
    qs = run('Barcelona president Pau Roig i Ferrer said the club was stable. "We are fine," Roig i Ferrer said.')
    assert [q.speaker for q in qs] == ["Pau Roig i Ferrer"] * 2


def test_a_baron_is_not_the_baroness(run):
    # the peerage's ranks give a gender: "Lord Thornbury" is not "Baroness Thornbury"
    (q,) = run('Baroness Thornbury tabled the amendment. Lord Thornbury, who is married to her, said he had '
               '"never had an easier decision".')
    assert (q.speaker, q.speaker_gender) == ("Thornbury", "male")


@pytest.mark.parametrize("text, speaker", [
    # an Arabic kunya (NER's nationality) and a footballer's Portuguese diminutive (NER's organisation) are people
    ('Abu Turki, a fisherman, said the harbour was empty. "Nothing is left," he said.', "Abu Turki"),
    ('Thiaguinho scored the winner. "It was a dream," the midfielder said.', "Thiaguinho"),
])
def test_a_kunya_and_a_diminutive_name_people(run, text, speaker):
    q = run(text)[-1]
    assert (q.speaker, q.speaker_type) == (speaker, "PERSON")


def test_a_peer_by_title_and_territory_is_a_person(run):
    # "The Duchess of Lindsey" (NER's organisation) is the "she"; "… Hospital" stays a body
    qs = run('The Princess of Wales Hospital said beds were full. The Duchess of Lindsey arrived at the gala. '
             '"It is a wonderful cause," she said.')
    assert qs[0].speaker_type != "PERSON" and (qs[1].speaker, qs[1].speaker_type) == ("Duchess of Lindsey", "PERSON")


@pytest.mark.parametrize("text, speaker", [
    # the given names NER left out before a patronymic are the person's, and shorten the name
    ('Siti Aminah binti Abdullah, a 52-year-old trader, said her stall was flooded. "I have nothing left," '
     'Siti Aminah said.', "Siti Aminah binti Abdullah"),
    ('Mohd Faizal bin Ismail said the road was cut. "We waited for days," said Mohd Faizal.',
     "Mohd Faizal bin Ismail"),
])
def test_given_names_before_a_patronymic_are_the_persons(run, text, speaker):
    qs = run(text)
    assert [q.speaker for q in qs] == [speaker, speaker] and qs[0].speaker_id == qs[1].speaker_id


@pytest.mark.parametrize("text, role", [
    # a role before the name is whole: modifiers of words already in it belong to it
    ('Human Rights Watch researcher Shayna Bauchner said the camps were full. "Nobody is safe," she said.',
     "Human Rights Watch researcher"),
    ("Kelantan Menteri Besar Datuk Mohd Nassuruddin Daud said the roads were closed. He said aid would arrive.",
     "Kelantan Menteri Besar Datuk"),
])
def test_a_role_before_the_name_is_whole_on_every_record(run, text, role):
    assert [q.speaker_role for q in run(text)][-1] == role


def test_a_titles_place_is_no_given_name(run):
    # "Ambassador to Brazil Fang Zhiyuan": the place the title's phrase ends in, though a
    # given name in the table, does not open the Chinese name after it
    text = ("Chinese Ambassador to Brazil Fang Zhiyuan said the two countries were natural partners. "
            "“Our trade has doubled in five years,” the ambassador told reporters.")
    assert [q.speaker for q in run(text)] == ["Fang Zhiyuan"] * 2


def test_a_name_ner_missed_after_a_titles_body_is_the_speaker(run):
    # "Governor of the Kaliningrad Region Timur Olegovich Rudakov said": state-media
    # titles run into the name; a Russian name with its patronymic NER did not tag
    text = ("Governor of the Kaliningrad Region Timur Olegovich Rudakov said the bridge would reopen on Monday. "
            "“Traffic will be restored in full,” the governor said.")
    assert [q.speaker for q in run(text)] == ["Timur Olegovich Rudakov"] * 2


@pytest.mark.parametrize("text, speaker", [
    # a Chinese family name written alone after the full name ("Liu" of "Liu Jianhong")
    # is that person's, not a namesake's introduced later
    ("Liu Jianhong, an economist at Renmin University, told the Global Times that the tariffs were unjustified. "
     "“This is a political decision,” Liu said. Liu Xiaofeng, who runs a textile factory in Ningbo, said orders "
     "had already fallen.", "Liu Jianhong"),
    ("“Prices will rise,” Sun Wenbo, an analyst with a Beijing think tank, told Xinhua. Sun said exporters would "
     "adapt. Sun Meiling, a trader in Yiwu, said she was less optimistic.", "Sun Wenbo"),
])
def test_a_chinese_family_name_alone_is_the_last_named(run, text, speaker):
    assert run(text)[1].speaker == speaker


def test_aunty_and_a_given_name_is_the_elder_named_in_full(run):
    # "Aunty"/"Uncle" with a given name: the address of respect for an Aboriginal Elder
    # (NITV usage), a title before the name, which gives the gender too
    text = ("Elder Agnes Whitehawk, 76, says the clinic has been short of nurses for years. "
            "“We wait and we wait,” Aunty Agnes said. “Nobody comes.”")
    assert [q.speaker for q in run(text)] == ["Agnes Whitehawk"] * 3


def test_a_particle_surname_alone_finds_its_given_name(run):
    # after a headline that misled NER, it tagged "van der Linde" without "Joost": the
    # given name before the particles is the person's
    text = ("Van der Linde holds off Castellano\n\n"
            "Joost van der Linde won the race on Sunday. “It was hard,” van der Linde said.")
    assert [q.speaker for q in run(text)] == ["Joost van der Linde"]


def test_a_particle_the_parser_made_the_head_keeps_the_whole_name(run):
    # NER's "João Pedro" and "Santos" either side of "dos", which the parser made the
    # subject's head
    text = ("“We had almost five months without meaningful rain,” said João Pedro dos Santos, "
            "who grows arabica on 150 hectares near Patrocínio.")
    assert [q.speaker for q in run(text)] == ["João Pedro dos Santos"]


def test_sri_of_sri_lanka_is_no_honorific(run):
    # "Sri" is an Indian and Malaysian honorific, but not in the country's name
    (q,) = run("Sri Lanka Cricket said in a statement that the crowd was the largest since 2019.")
    assert (q.speaker, q.speaker_type) == ("Sri Lanka Cricket", "ORG")


@pytest.mark.parametrize("text, speaker", [
    # Iberian usage shortens a name to its first surname, particles and all
    ("Carlos Eduardo Barbosa de Lima, a researcher at the Federal University of Pará, said the forest was "
     "drying out. “The trails appear first,” Barbosa de Lima said.", "Carlos Eduardo Barbosa de Lima"),
    ("Pedro Luis de la Vega Moreno, a shepherd in Zamora, said the wolves were back. “I lost nine sheep,” "
     "de la Vega said.", "Pedro Luis de la Vega Moreno"),
    ("Lucía del Río Prieto, a biologist in León, said the bears had woken early. “It was too warm in February,” "
     "Del Río said.", "Lucía del Río Prieto"),
])
def test_a_first_surname_with_particles_is_the_full_name(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # British and Irish clerical titles ("Canon", "Fr", "the Rt Revd", "the Ven.",
    # "Archdeacon"; Church of England and Church of Ireland usage) are no part of a name
    ("Canon Rachel Hollis, the cathedral's precentor, said the choir would return. “We have missed them,” "
     "Canon Hollis said.", "Rachel Hollis"),
    ("Fr Declan Moran said the parish would reopen. “We are ready,” Fr Moran said.", "Declan Moran"),
    ("The Rt Revd Simon Prideaux, Bishop of Ashby, said the vote was historic.", "Simon Prideaux"),
])
def test_clerical_titles_are_no_part_of_a_name(run, text, speaker):
    assert {q.speaker for q in run(text)} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # esports copy writes a player's handle in marks inside the name, often in lower case,
    # and Korean given names hyphenated after the family name
    ("Choi “Blitz” Min-jun, the jungler for Daegu Wolves, spoke after the match. “We were not ready today,” "
     "Blitz said.", "Choi Min-jun"),
    ("Rosa “pixie” Lind, who co-hosts a podcast with Morrow, said on her stream that the ban was "
     "“wildly inconsistent” with past rulings.", "Rosa Lind"),
])
def test_a_handle_inside_a_name_keeps_the_name_whole(run, text, speaker):
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("first, second, surname", [
    ("Zoë", "Andrés", "Villanueva-Pardo"),
    ("Itzíar", "Joaquín", "Ríos"),
])
def test_two_given_names_with_accents_share_the_surname(run, first, second, surname):
    # "Zoë and Andrés Villanueva-Pardo": a couple written with one surname, whose given
    # names carry accents; NER may call the pair one organisation
    text = (f"For a decade, {first} and {second} {surname} ran a tamale cart outside the station. "
            f"\"We used to hand people a tamal through a window,\" {first} said.\n\n"
            f"{second} is more cautious. \"I do the math,\" he said.")
    qs = run(text)
    assert [(q.speaker, q.speaker_type) for q in qs] == [(first, "PERSON"), (f"{second} {surname}", "PERSON")]


@pytest.mark.parametrize("text, speaker", [
    ("Chef Marco Dell'Orto runs the kitchen. \"We use no cream,\" Marco said.", "Marco Dell'Orto"),
    ("The bar is run by chef Nicoletta Dall'Ara, who trained in Turin. \"We cook what the hills give,\" "
     "Nicoletta said.", "Nicoletta Dall'Ara"),
])
def test_an_italian_surname_with_an_elided_particle(run, text, speaker):
    # "Dell'Orto", "Dall'Ara": NER leaves the surname out of the given name's span
    assert run(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a hyphenated given name (Quebec usage) that NER missed or typed an organisation:
    # the name keeps both given names
    ('Félix-Antoine Roy made 46 saves. "People can say what they want," Roy said.', "Félix-Antoine Roy"),
    ('The Saguenéens lost again. Félix-Antoine Roy made 46 saves. "People can say what they want," Roy said.',
     "Félix-Antoine Roy"),
    # after a headline without a full stop, which the parser runs into the first sentence
    ('Gagnon shines in return\n\nMarie-Ève Gagnon scored twice. "I was nervous," Gagnon said.', "Marie-Ève Gagnon"),
    # NER began the name at the second given name
    ('The premier promised a fix.\n\nJean-François Lapointe runs a clinic. "We are full," he said.',
     "Jean-François Lapointe"),
])
def test_a_hyphenated_given_name_stays_whole(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_a_bare_surname_ner_calls_an_organisation_keeps_the_person(run):
    # NER's ORG on two bare mentions of a hyphenated surname outvoted the full name's
    # PERSON, so "she" could not reach her
    text = ('Dr. Paula Grant says the wards are full. Dr. Chinwe Nwosu-Bello, an economist at Leeds, says '
            'the council is broke. "We are out of road," Nwosu-Bello says. Nwosu-Bello does not dispute that. '
            'But she says reform is slow.')
    q = run(text)[-1]
    assert (q.speaker, q.speaker_type) == ("Chinwe Nwosu-Bello", "PERSON")


@pytest.mark.parametrize("text, speaker", [
    # French and Acadian surnames with an elided particle ("d'", "d’"), which NER leaves
    # out of the name or reads as a common noun
    ("Dr. Lucie d'Amours, a surgeon in Moncton, told CBC News she had operated all weekend.", "Lucie d'Amours"),
    ("Guy d'Eon runs a fish plant in Clare. D'Eon said prices were falling. \"It's a hard year,\" he said.",
     "Guy d'Eon"),
])
def test_a_french_surname_with_an_elided_particle_is_a_name(run, text, speaker):
    assert run(text)[-1].speaker == speaker


def test_the_irish_police_rank_is_no_given_name(run):
    # "Detective Garda Sean Murphy": "Garda" is his rank, so he is "Sean Murphy", a man
    text = "Detective Garda Sean Murphy told the court the car was stolen. He said it was found burnt out."
    assert [q.speaker for q in run(text)] == ["Sean Murphy", "Sean Murphy"]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_surname_with_a_typographic_apostrophe_is_a_name(run, apostrophe):
    # "O’Neill told reporters": with the curly apostrophe the tagger read the name as an
    # adverb and the cue lost its subject
    text = (f"Sgt. Ciarán O{apostrophe}Neill spoke Monday. “We are done here,” O{apostrophe}Neill told "
            "reporters. “The scene is clear.”")
    assert [q.speaker for q in run(text)] == [f"Ciarán O{apostrophe}Neill"] * 2


def test_a_surname_with_a_lower_case_particle_that_ner_missed_is_a_name(run):
    # "Anne de Búrca" (Irish; also "van der", "de la"): NER missed the name, so "she" went
    # to the byline's reporter
    text = ("The former judge spent 30 years hearing cases. By Gráinne Cusack\n\n"
            "Anne de Búrca is tidying her kitchen. ‘I no longer iron tea towels,’ she says.")
    assert run(text)[-1].speaker == "Anne de Búrca"


def test_the_malaysian_title_datin_gives_a_womans_gender(run):
    # "Datin" is a woman's title (The Star, New Straits Times usage): "he" is not her
    text = ('"The quarter was tough," managing director Tunde Bakare told reporters.\n\n'
            "The council's chief executive, Datin Rosnah Che Mat, said output could fall.\n\n"
            '"All options are on the table," he said.')
    assert run(text)[-1].speaker == "Tunde Bakare"


def test_a_nickname_after_a_given_name_that_is_also_a_title(run):
    # "Dean" is a title word and a given name: 'Dean “Buzz” Halloran' is one man
    text = ('Longtime organiser Dean “Buzz” Halloran said the parade would go ahead. '
            '“We have never missed a year,” Halloran said.')
    assert [q.speaker for q in run(text)] == ["Dean Halloran", "Dean Halloran"]


@pytest.mark.parametrize("text, speaker", [
    # NER stopped before "O’Neill" (after a title, or with the given name typed an organisation)
    ("Mayor Helena O’Neill spoke to the council on Monday. “We will rebuild,” she said.", "Helena O’Neill"),
    ("Helena O’Neill, the mayor, spoke on Monday. “We will rebuild,” she said.", "Helena O’Neill"),
])
def test_an_irish_surname_with_an_apostrophe_after_the_given_name_is_kept(run, text, speaker):
    assert run(text)[-1].speaker == speaker
