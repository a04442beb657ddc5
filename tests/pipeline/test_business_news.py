"""Companies in business news: named once, often only as an object or after a trade noun
("Dutch bank X", "budget airline X"), then called "the company", "the lender" or "it"
(invented text; the Reuters/AP habit of a trade noun for a company named before). Each
test failed before its change."""
import pytest

pytestmark = pytest.mark.slow


def test_the_company_is_the_business_named_as_an_object(run):
    # the company is named only inside "Shares of X", never as a subject
    text = ("Shares of Halvorsen Foods fell 7% on Wednesday after the frozen-meal maker cut its "
            "forecast.\n\nThe company said it now expects sales to shrink this year.")
    (q,) = run(text)
    assert q.speaker_mention == "The company"
    assert (q.speaker, q.speaker_type) == ("Halvorsen Foods", "ORG")


def test_a_trade_noun_before_a_name_makes_it_an_organisation(run):
    # "Belgian bank Maertens Groep": NER's PERSON on an unknown company name
    text = ("Belgian bank Maertens Groep said on Monday it would close 30 branches. The "
            "Antwerp-based lender, which has 6,000 staff, said the closures would finish by June.")
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["Maertens Groep", "Maertens Groep"]
    assert {q.speaker_type for q in quotes} == {"ORG"}
    assert quotes[1].speaker_mention == "The Antwerp-based lender"


def test_it_after_a_company_introduced_by_its_trade(run):
    text = "Budget airline Zephora said its booking systems had been restored. It said the outage was caused by a faulty update."
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["Zephora", "Zephora"]
    assert quotes[1].speaker_mention == "It"
    assert quotes[0].speaker_type == "ORG"


def test_a_person_after_a_trade_noun_with_a_given_name_stays_a_person(run):
    # "airline pilot": the trade noun is not the last word before the name
    text = "Airline pilot Maria Lindgren said the runway lights had failed twice that week."
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == ("Maria Lindgren", "PERSON")


@pytest.mark.parametrize("text, speaker", [
    # a trade or sector noun before a country's name is a national body ("Water UK",
    # "Energy UK", "Hockey Canada"), not the country, which NER tags alone
    ("Water UK said bills would rise by 8% next year.", "Water UK"),
    # a transport authority named "Transport for <place>", which the parser reads as a
    # common noun with a place after it
    ("Transport for Cumbria said no buses would run before noon.", "Transport for Cumbria"),
])
def test_a_body_named_after_a_place_is_an_organisation(run, text, speaker):
    (q,) = run(text)
    assert (q.speaker, q.speaker_type) == (speaker, "ORG")
