"""The given-name prior (saidwhat.pipeline.given_names), derived from nomquamgender."""
from __future__ import annotations

import gzip
from importlib import resources

import pytest

from saidwhat.pipeline import given_names as gn
from saidwhat.pipeline.speaker_detector import first_name_gender, guess_name_type, is_known_first_name


def test_table_ships_with_the_package_and_has_a_header():
    with resources.files("saidwhat").joinpath("data", "given_names.tsv.gz").open("rb") as raw, \
            gzip.open(raw, "rt", encoding="utf-8") as fh:
        assert next(fh) == "name\tp_female\tcount\n"
        name, p, count = next(fh).rstrip("\n").split("\t")
    assert 0.0 <= float(p) <= 1.0 and int(count) >= 10


@pytest.mark.parametrize("word, gender", [("Julie", "F"), ("Mary", "F"), ("Jake", "M"), ("John", "M"),
                                          ("Kim", None), ("Jean", None), ("Xqzvw", None)])
def test_name_gender_abstains_between_the_thresholds(word, gender):
    assert gn.name_gender(word) == gender
    assert first_name_gender(word) == gender


def test_abstain_rule_is_nomquamgenders(monkeypatch):
    monkeypatch.setattr(gn, "_names", {"ann": (0.9, 5000), "bo": (0.1, 5000), "cy": (0.11, 5000),
                                       "di": (0.89, 5000)})
    assert [gn.name_gender(w) for w in ("Ann", "Bo", "Cy", "Di")] == ["F", "M", None, None]


def test_diacritics_do_not_count():
    assert gn.lookup("Zoë") == gn.lookup("Zoe") is not None


def test_known_given_name_needs_enough_people_and_a_capital(monkeypatch):
    monkeypatch.setattr(gn, "_names", {"ann": (0.99, gn.KNOWN_MIN_COUNT), "rare": (0.5, gn.KNOWN_MIN_COUNT - 1),
                                       "tuesday": (0.86, 2672)})
    assert gn.is_given_name("Ann") and is_known_first_name("Ann")
    assert not gn.is_given_name("ann")
    assert not gn.is_given_name("Rare")
    assert not gn.is_given_name("Tuesday")          # a calendar word, however many people bear it
    assert gn.name_gender("Tuesday") is None        # 0.86: undecided anyway


def test_undecided_but_known_names_still_make_a_person():
    assert is_known_first_name("Kim") and first_name_gender("Kim") is None
    assert guess_name_type("Kim Ortolan", None) == "PERSON"


def test_hotel_and_resort_names_are_organisations():
    # "Diamond" is a given name the table knows; "Resorts" makes it a business
    assert is_known_first_name("Diamond")
    assert guess_name_type("Diamond Resorts", None) == "ORG"
    assert guess_name_type("Birchwood Hotel", None) == "ORG"


@pytest.mark.parametrize("name, label", [("General Motors", "ORG"), ("Roman Catholic Diocese", "ORG")])
def test_a_given_name_first_does_not_make_a_company_or_a_diocese_a_person(name, label):
    assert is_known_first_name(name.split()[0])
    assert guess_name_type(name, label) == "ORG"
