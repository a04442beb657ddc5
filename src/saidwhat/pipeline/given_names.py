"""saidwhat.pipeline.given_names: the given-name prior (gender and "is a given name").

The table ``saidwhat/data/given_names.tsv.gz`` (``name<TAB>p_female<TAB>count``, about
141,000 names, 0.8 MB) is derived by ``scripts/build_given_names.py`` from the data of
nomquamgender 0.1.4 (MIT, Copyright (c) 2022 Ian Van Buskirk; Van Buskirk, Clauset &
Larremore 2023): the consensus probability that a person with the name is gendered
female, and the number of people the name was observed for, over 36 name-gender data
sources. It is read once, on first use (about 20 MB in memory).
"""
from __future__ import annotations

import gzip
import unicodedata
from importlib import resources

#: nomquamgender's own rule (``NBGC(threshold=.1)``): a name whose p(female) lies in
#: (0.1, 0.9) is not classified. So a name is female at p >= 1 - this, male at p <= this.
ABSTAIN_BELOW = 0.1
#: A capitalised word is taken for a given name when the table saw at least this many
#: people with it. Checked on the dev sets (docs/accuracy.md, "Gender"): 100 and 1000
#: give the same GGT and PolNeAR records; 1000 leaves out more words that a few records
#: list as names ("The": 852, "North": 334, "Premier": 54). Rare given names
#: ("Ngozi": 701) are then left to NER.
KNOWN_MIN_COUNT = 1000

#: Calendar words that the name records list as given names (a few thousand people are
#: named "Tuesday" or "January") but that news capitalises as dates: the weekdays, and
#: the months that are not also common given names (April, May, June, August are).
#: Never taken for a given name by :func:`is_given_name`; their gender is still looked up.
CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday
january february march july september october november december""".split())

_TABLE = "given_names.tsv.gz"
_names: dict[str, tuple[float, int]] | None = None


def _load() -> dict[str, tuple[float, int]]:
    global _names
    if _names is None:
        out: dict[str, tuple[float, int]] = {}
        with resources.files("saidwhat").joinpath("data", _TABLE).open("rb") as raw, \
                gzip.open(raw, "rt", encoding="utf-8") as fh:
            next(fh)  # header
            for line in fh:
                name, p, count = line.rstrip("\n").split("\t")
                out[name] = (float(p), int(count))
        _names = out
    return _names


def _key(word: str) -> str:
    """Lowercase, without diacritics (the table's keys are transliterated): "Zoë" -> "zoe"."""
    s = unicodedata.normalize("NFKD", word.strip().lower())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'")


def lookup(word: str) -> tuple[float, int] | None:
    """``(p_female, count)`` of a given name (0–1; people observed), or ``None`` when
    the table does not have it."""
    return _load().get(_key(word))


def name_gender(word: str) -> str | None:
    """'F' when p(female) >= 0.9, 'M' when <= 0.1 (:data:`ABSTAIN_BELOW`), else ``None``
    (names the table does not decide, such as "Kim" or "Jean", and unknown words)."""
    info = lookup(word)
    if info is None:
        return None
    p = info[0]
    if p >= 1 - ABSTAIN_BELOW:
        return "F"
    if p <= ABSTAIN_BELOW:
        return "M"
    return None


#: A given name whose people the table counts at most this share of the other gender
#: ("Gareth": 0.1 % women of 14,845; "Jonah": 0.4 % of 82,111) is taken for that gender
#: with near certainty: never against it as a last resort, and not overridden by the
#: pronouns near it (which are often someone else's). Set by hand at a fifth of the
#: table's own abstention bound (:data:`ABSTAIN_BELOW`).
GENDER_SURE = 0.02
#: Fewest people with a given name for :func:`gender_sure`: the table's sources are
#: mostly American and British, so South Asian and African given names are rare in it
#: ("Ramesh": 832 people, 0.4 % women); at 200 people a share of 2 % or less is still
#: at most four of the other gender. The name is already known to be a person's here,
#: so :data:`KNOWN_MIN_COUNT` (whether a capitalised word is a name at all) is not the bar.
SURE_MIN_COUNT = 200


def gender_sure(word: str) -> bool:
    """True if the table gives ``word`` one gender with near certainty
    (:data:`GENDER_SURE`) from well-attested records (:data:`SURE_MIN_COUNT` people)."""
    info = lookup(word)
    return info is not None and info[1] >= SURE_MIN_COUNT and min(info[0], 1 - info[0]) <= GENDER_SURE


#: A capitalised word NER left out right before a person's name of two words or more
#: ("Sushant" + "Kumar Nayak", "Manoj" + "Kumar Yadav") is taken for its first given
#: name when the table saw at least this many people with it: Indian, Arab and African
#: given names are rare in the table's sources ("Sushant": 87, "Manoj": 589), while the
#: position already speaks for a name. Not low enough for "Coach" (36).
LEFT_OUT_MIN_COUNT = 50


def is_attested_given_name(word: str) -> bool:
    """Whether a capitalised word, lower-case after its first letter, is a given name the
    table saw :data:`LEFT_OUT_MIN_COUNT` people with (the evidence for a first name NER
    left out of a longer name; not a calendar word)."""
    if not word[:1].isupper() or not word[1:].islower() or _key(word) in CALENDAR_WORDS:
        return False
    info = lookup(word)
    return info is not None and info[1] >= LEFT_OUT_MIN_COUNT


def is_given_name(word: str) -> bool:
    """Whether a capitalised word is a given name the table knows well
    (:data:`KNOWN_MIN_COUNT` people or more), whatever its gender."""
    if not word[:1].isupper() or _key(word) in CALENDAR_WORDS:
        return False
    info = lookup(word)
    return info is not None and info[1] >= KNOWN_MIN_COUNT
