"""Places and bodies that NER or the resolver took for people, and people NER took for
bodies (invented text). Each test names the linguistic pattern it covers; each failed
before its change.
"""
import pytest

import saidwhat

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("dateline", [
    "Jember, East Java (Antara) — ",
    "Jember (Antara) - ",
    "Jember, Dec 4 (Antara) -- ",
])
def test_a_title_case_dateline_names_no_one(run, dateline):
    # Asian wire copy writes the dateline's place in title case with the agency in
    # brackets ("Kuala Lumpur, Dec 4 (Bernama) --"): the place is no "she"
    text = ("Ash forces thousands from slopes\n\n"
            + dateline + "Thousands of villagers left their homes on Sunday after Mount Raung spewed ash.\n\n"
            "Three people were treated for burns at a clinic in Jember.\n\n"
            "Relief coordinator Retno Kusumawati said the evacuation centres were full.\n\n"
            "“We need tents and clean water before the rain comes,” she said.")
    qs = run(text)
    assert [q.speaker for q in qs] == ["Retno Kusumawati", "Retno Kusumawati"]


@pytest.mark.parametrize("role, name", [
    ("BPBD head", "Retno Kusumawati"),
    ("Agency head", "Wahyu Setiawati"),
])
def test_a_body_head_before_a_name_makes_it_a_person(run, role, name):
    # "<body> head <Given Surname>": NER's ORG on a name it does not know; the head of a
    # body is a person, and "she" is hers, not the dateline's town
    text = ("Ash forces thousands from slopes\n\n"
            "Thousands of villagers left their homes on Sunday after Mount Raung spewed ash.\n\n"
            f"{role} {name} said the evacuation centres were full.\n\n"
            "“We need tents and clean water before the rain comes,” she said.")
    qs = run(text)
    assert [(q.speaker, q.speaker_type) for q in qs] == [(name, "PERSON")] * 2


def test_a_place_after_the_is_no_new_speaker(run):
    # "the Arctic is a proving ground": a proper noun after an article is a place or a
    # thing, never the person a following "he said" introduces
    text = ("Marines return to Arctic for winter drills\n\n"
            "Hundreds of marines are training in the Arctic this winter, said Lt Col Hamish "
            "Tredway-Pole, who commands the battalion.\n\n"
            "Cold injuries remained the biggest risk to marines in the Arctic, he said.\n\n"
            "For Lt Col Tredway-Pole, the Arctic is a proving ground that the unit cannot do without.\n\n"
            "“If you can fight here, you can fight anywhere,” he said.")
    qs = run(text)
    assert [q.speaker for q in qs] == ["Hamish Tredway-Pole"] * 3


@pytest.mark.parametrize("text, name", [
    # the parser hangs the role and the name on the body's name as appositions
    ("National Disaster Mitigation Agency (BNPB) head Sutopo said no one had died.", "Sutopo"),
    ("National Disaster Mitigation Agency (BNPB) chief Kuswanto said no one had died.", "Kuswanto"),
    ("UC Office of the President spokesperson Dana Whitlow said the budget was final.", "Dana Whitlow"),
])
def test_a_one_word_name_after_a_body_and_its_head_speaks(run, text, name):
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == (name, "PERSON")


@pytest.mark.parametrize("text, place, kind", [
    # a one-word name written only after prepositions of place, or after "to" of going
    # there, is a place, whatever NER said
    ("Shops close in Tenby\n\nThree shops near Tenby shut on Monday. Traders across Tenby were angry.",
     "Tenby", "GPE"),
    ("Families head home\n\nHundreds of families began the journey back to Maracaibo on Monday. Buses heading to Maracaibo "
     "were delayed.", "Maracaibo", "GPE"),
])
def test_a_name_written_as_a_place_is_no_person(nlp, text, place, kind):
    import saidwhat
    (e,) = [e for e in saidwhat.extract_entities(text, nlp=nlp) if e.name == place]
    assert e.type == kind


@pytest.mark.parametrize("text, speaker", [
    # a nationality or city noun is a description of the person named before, never a
    # name of its own, even after the article used it once outside a cue
    ("Baptiste Renaud won the stage. The Frenchman jumped with 250 metres to go. “I will try,” said the Frenchman.",
     "Baptiste Renaud"),
    ("Callum Reid's caddie, Davy Rennie, has been on the bag for seven years. The Glaswegian admitted he had "
     "nearly walked away last autumn.", "Davy Rennie"),
])
def test_a_nationality_noun_is_a_description(run, text, speaker):
    assert [q.speaker for q in run(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # words NER sweeps into the name before the given name: a nationality and what
    # goes before one
    ("The winner's teammate, the New Zealander Liam Carver, was emotional. “We had it in our hands,” Carver said.",
     "Liam Carver"),
    ("Linnea Svensson lost the title. Fellow Swede Elsa Svensson called it a disgrace.", "Elsa Svensson"),
])
def test_a_nationality_before_a_name_is_no_part_of_it(run, text, speaker):
    assert [q.speaker for q in run(text)] == [speaker]


@pytest.mark.parametrize("text, speakers", [
    # a person noun before a name NER called an organisation or a place makes it a person
    ("Ranger Nyomba Dhurrkay has spent six years monitoring water levels. “We have the data,” she said.",
     ["Nyomba Dhurrkay"]),
    ("Land council chair Yalmay Marrkula told NITV News the water belonged to the land.\n\n"
     "“You cannot take one out,” Mr Marrkula said.\n\n"
     "Ranger coordinator Miliwanga Marrkula, his cousin, has spent six years monitoring water levels.\n\n"
     "“We have the data,” she said.", ["Yalmay Marrkula", "Yalmay Marrkula", "Miliwanga Marrkula"]),
])
def test_a_person_noun_before_a_name_ner_called_a_place(run, text, speakers):
    assert [q.speaker for q in run(text)] == speakers


def test_a_name_before_an_office_of_a_body_is_a_person(run):
    # NER's organisation on "Heru Widodo": the holder of an office "of" a body is a person
    (q,) = run("“We have evacuated 450 residents,” said Heru Widodo, head of the Jember Disaster Mitigation Agency.")
    assert (q.speaker, q.speaker_type) == ("Heru Widodo", "PERSON")


def test_a_place_before_a_person_noun_says_where_someone_is_from(nlp):
    # "A 34-year-old Moncton man" (NER's person): the town, not a man named Moncton, so
    # "he" cannot be it
    ents = {e.name: e for e in saidwhat.extract_entities(
        "A 34-year-old Moncton man has been charged with impaired driving, RCMP said.", nlp=nlp)}
    assert ents["Moncton"].type == "GPE"
