"""Names that a title-case headline runs on into its verb and object (invented text).
Each failed before its change.
"""
import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, speakers", [
    # a person's name, then the headline's capitalised verb and object
    ("Dara Okonkwo-Reid Wants Diners to Slow Down\n\n"
     "Dara Okonkwo-Reid opened her tasting counter in March. \"Sit for two hours,\" she said.\n\n"
     "Dara, 41, trained in Lagos. \"Nobody rushes here,\" Dara said.",
     ["Dara Okonkwo-Reid", "Dara Okonkwo-Reid"]),
    # an organisation's name, then "Is Opening a …"
    ("Lantern & Oak Group Is Opening a Bakery in Leith\n\n"
     "Lantern & Oak Group will open a bakery on Constitution Street in May. "
     "\"We bake for the street,\" the company said.",
     ["Lantern & Oak Group"]),
])
def test_a_headline_name_stops_where_the_body_name_stops(run, text, speakers):
    # NER runs a name in a title-case headline on over the capitalised words after it;
    # the body writes the name again without them, and that is the name
    assert [q.speaker for q in run(text)] == speakers


def test_a_headline_name_stops_at_the_surname_the_body_writes(run):
    # the body gives only the hyphenated surname ("Okonkwo-Reid said")
    text = ("Dara Okonkwo-Reid Wants Diners to Slow Down\n\n"
            "The chef thinks a tasting menu deserves two hours.\n\n"
            "\"Sit, eat, talk,\" Okonkwo-Reid said.")
    assert [q.speaker for q in run(text)] == ["Dara Okonkwo-Reid"]


def test_a_headline_quotation_with_a_label_after_the_colon_has_no_place_for_speaker(run):
    # "‘…’: life on the edge of Cork’s rental market" is a label; the place in it does not speak
    text = ("‘We pay on time and we still can’t stay’: life on the edge of Cork’s rental market\n\n"
            "Rents in Cork rose again this year.")
    assert run(text)[0].speaker is None


@pytest.mark.parametrize("title, name, speaker", [("minister", "Transport Minister Elise Varga", "Elise Varga"),
                                                  ("premier", "Premier Doug Harlan", "Doug Harlan")])
def test_a_headlines_bare_title_is_its_holder_named_in_the_lede(run, title, name, speaker):
    # "…, minister says" (Canadian Press and CBC headline style), then the lede names the
    # holder of the title
    text = (f"Ottawa will tighten rail safety rules, {title} says\n\n"
            f"{name} says the government will require new brake inspections on all freight trains by June.")
    assert [q.speaker for q in run(text)] == [speaker, speaker]
