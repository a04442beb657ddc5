"""The learned antecedent ranker (saidwhat.pipeline.antecedents), on invented text only.

In every case the right antecedent is *not* the most recently named candidate, so a
model that ranks by recency alone (e.g. zeroed weights: all scores tie and rank()
keeps recency order) fails them.
"""
import json
from importlib import resources

import pytest

from saidwhat.pipeline import antecedents as A


def _ranked(nlp, text: str, anaphor: str, occurrence: int = 1):
    doc = nlp(text)
    hits = [t for t in doc if t.text == anaphor.split()[-1]]
    head = hits[occurrence - 1]
    start = head.i - len(anaphor.split()) + 1
    span = doc[start:head.i + 1]
    info = A.doc_info(doc)
    views = A.candidates(A.entity_views(doc, before=span.start, info=info), span, info)
    return doc, span, info, views, A.rank(doc, span, views, info=info)


def test_antecedents_weights_file_matches_features():
    raw = json.loads(resources.files("saidwhat").joinpath("data", A.MODEL_RESOURCE).read_text("utf-8"))
    assert raw["features"] == list(A.FEATURES)
    assert len(raw["coef"]) == len(A.FEATURES)
    w = A.load_weights()
    assert len(w.coef) == len(A.FEATURES) and any(abs(c) > 0.1 for c in w.coef)
    assert "GUM" in w.metadata["data"] and w.metadata["split"]


def test_antecedents_pair_features_shape(nlp):
    doc, span, info, views, _ = _ranked(nlp, "Jane Smith met John Brown. She left.", "She")
    x = A.pair_features(doc, span, views[0], 0, len(views), info=info)
    assert len(x) == len(A.FEATURES) and all(isinstance(v, float) for v in x)
    assert 0.0 < A.score(x) < 1.0


def test_antecedents_she_prefers_the_woman(nlp):
    text = ("Jane Whitfield, the mayor, met John Barrow on Monday at the town hall. "
            "Later she told reporters that the budget was balanced.")
    _, _, _, views, ranked = _ranked(nlp, text, "she")
    assert {v.name for v in views} >= {"Jane Whitfield", "John Barrow"}
    assert ranked[0][0].name == "Jane Whitfield"


def test_antecedents_he_prefers_the_man(nlp):
    text = ("Peter Lindqvist praised Maria Gonzalez for the new plan on Tuesday. "
            "He said the council would vote next week.")
    _, _, _, _, ranked = _ranked(nlp, text, "He")
    assert ranked[0][0].name == "Peter Lindqvist"


def test_antecedents_it_prefers_an_organisation(nlp):
    text = ("Northwind Logistics Inc. hired Thomas Keller as its chief engineer last year. "
            "On Friday it announced that the warehouse would close.")
    _, _, _, _, ranked = _ranked(nlp, text, "it", occurrence=1)
    assert ranked[0][0].type == "ORG" and "Northwind" in ranked[0][0].name


def test_antecedents_the_agency_prefers_the_agency(nlp):
    text = ("The Federal Aviation Administration fined pilot Mark Jennings $5,000 after the incident. "
            "The agency said the fine was final.")
    _, _, _, views, ranked = _ranked(nlp, text, "The agency")
    assert any(v.type == "PERSON" for v in views)
    assert ranked[0][0].type == "ORG" and "Aviation Administration" in ranked[0][0].name


def test_antecedents_handmade_views_gender(nlp):
    """EntityViews supplied by a caller (the runtime's own entity index)."""
    doc = nlp("Laura Chen and Robert Hale spoke. Then she left.")
    she = next(t for t in doc if t.text == "she")
    laura = A.EntityView("Laura Chen", "PERSON", "F", "sg", mentions=[(0, 2, True)])
    robert = A.EntityView("Robert Hale", "PERSON", "M", "sg", mentions=[(3, 5, True)])
    ranked = A.rank(doc, doc[she.i:she.i + 1], [robert, laura])
    assert [e.name for e, _ in ranked] == ["Laura Chen", "Robert Hale"]
    assert ranked[0][1] > ranked[1][1]


def test_antecedents_zeroed_weights_fall_back_to_recency(nlp):
    """The guard for the tests above: without the learned weights, recency wins."""
    doc = nlp("Laura Chen and Robert Hale spoke. Then she left.")
    she = next(t for t in doc if t.text == "she")
    laura = A.EntityView("Laura Chen", "PERSON", "F", "sg", mentions=[(0, 2, True)])
    robert = A.EntityView("Robert Hale", "PERSON", "M", "sg", mentions=[(3, 5, True)])
    zero = A.Weights((0.0,) * len(A.FEATURES), 0.0, {})
    ranked = A.rank(doc, doc[she.i:she.i + 1], [laura, robert], weights=zero)
    assert ranked[0][0].name == "Robert Hale"


@pytest.mark.parametrize("words, kind", [("he", "he"), ("their", "they"), ("its", "it"), ("the minister", "desc")])
def test_antecedents_anaphor_kind(nlp, words, kind):
    doc = nlp(f"Yesterday {words} spoke.")
    n = len(words.split())
    assert A.anaphor_kind(doc[1:1 + n]) == kind


def _runtime_views(nlp, text: str, anaphor: str, occurrence: int = 1):
    """The anaphor's span and the runtime's entities (ArticleEntities) as views."""
    from saidwhat.pipeline.context import DocContext
    from saidwhat.pipeline.entities import ArticleEntities

    doc = nlp(text)
    ctx = DocContext(doc)
    index = ArticleEntities(ctx)
    hits = [t for t in doc if t.text == anaphor.split()[-1]]
    head = hits[occurrence - 1]
    span = doc[head.i - len(anaphor.split()) + 1:head.i + 1]
    info = A.doc_info(doc, ctx=ctx)
    _runtime_views.index = index
    return doc, span, info, A.views_from_entities(doc, index, span.start_char)


def test_antecedents_views_from_entities(nlp):
    text = ("Mayor Helena Brandt met Samuel Okoye, a dock worker, on Monday. "
            "Later she said the quay would close.")
    doc, span, info, views = _runtime_views(nlp, text, "she")
    by_name = {v.name: v for v in views}
    assert {"Helena Brandt", "Samuel Okoye"} <= set(by_name)
    helena, samuel = by_name["Helena Brandt"], by_name["Samuel Okoye"]
    assert helena.type == "PERSON" and helena.gender == "F" and "Mayor" in helena.roles
    assert any("dock worker" in r for r in samuel.roles)
    assert all(e <= span.start for v in views for _, e, _ in v.mentions)
    assert helena.entity is not None and helena.entity.name == "Helena Brandt"
    assert doc[helena.mentions[0][0]:helena.mentions[0][1]].text.endswith("Helena Brandt")
    # nothing is named before the article's first character
    assert A.views_from_entities(doc, _runtime_views.index, 0) == []


def test_antecedents_choose_with_runtime_entities(nlp):
    text = ("Ingrid Solberg, the harbour master, criticised Thomas Keller on Tuesday. "
            "Later she said the port would reopen in spring.")
    doc, span, info, views = _runtime_views(nlp, text, "she")
    best = A.choose(doc, span, views, min_prob=0.0, info=info)
    assert best is not None and best.name == "Ingrid Solberg"
    assert A.choose(doc, span, views, min_prob=1.01, info=info) is None


def test_antecedents_choose_the_agency_with_runtime_entities(nlp):
    text = ("The Federal Aviation Administration fined pilot Mark Jennings $5,000 after the incident. "
            "The agency said the fine was final.")
    doc, span, info, views = _runtime_views(nlp, text, "The agency")
    best = A.choose(doc, span, views, min_prob=0.0, info=info)
    assert best is not None and "Aviation Administration" in best.name


def test_antecedents_rule_choice_matches_resolver_compatible(nlp):
    """compatible() on a view agrees with speaker_resolver._compatible on its Entity."""
    from saidwhat.pipeline.speaker_resolver import _compatible

    text = ("Laura Chen and the Northwind Company met Robert Hale and the Danes in Oslo. "
            "Then they left.")
    doc, span, info, views = _runtime_views(nlp, text, "they")
    assert views
    for v in views:
        for pron, kind in (("he", "he"), ("she", "she"), ("it", "it"), ("they", "they"), ("their", "they")):
            assert A.compatible(kind, v) == _compatible(v.entity, pron), (v.name, pron)


def test_antecedents_pair_feature_values(nlp):
    # the features that say a he/she candidate is a person and of the pronoun's gender
    doc, span, info, views, _ = _ranked(nlp, "Mrs Jane Smith met Northwind Logistics Inc. on Monday. She left.", "She")
    by_name = {v.name: v for v in views}
    names = list(A.FEATURES)

    def feats(view):
        x = A.pair_features(doc, span, view, views.index(view), len(views), info=info)
        return dict(zip(names, x))
    jane = feats(by_name["Jane Smith"])
    assert (jane["hs_person"], jane["hs_nonperson"]) == (1.0, 0.0)
    assert (jane["gender_match"], jane["gender_conflict"]) == (1.0, 0.0)
    org = feats(next(v for v in views if v.type == "ORG"))
    assert (org["hs_person"], org["hs_nonperson"]) == (0.0, 1.0)


def test_antecedents_choose_default_threshold_is_one_half(nlp):
    text = ("Ingrid Solberg, the harbour master, criticised Thomas Keller on Tuesday. "
            "Later she said the port would reopen in spring.")
    doc, span, info, views = _runtime_views(nlp, text, "she")
    best = A.choose(doc, span, views, min_prob=0.0, info=info)
    p = dict((v.name, prob) for v, prob in A.rank(doc, span, views, info=info))[best.name]
    assert A.choose(doc, span, views, info=info) is (best if p >= 0.5 else None)
    assert p >= 0.5   # the clear case clears the default threshold


def test_antecedents_pair_feature_values_for_it(nlp):
    doc, span, info, views, _ = _ranked(nlp, "Northwind Logistics Inc. hired Thomas Keller last year. "
                                             "On Friday it closed the warehouse.", "it")
    names = list(A.FEATURES)

    def feats(view):
        return dict(zip(names, A.pair_features(doc, span, view, views.index(view), len(views), info=info)))
    person = feats(next(v for v in views if v.type == "PERSON"))
    org = feats(next(v for v in views if v.type == "ORG"))
    assert person["kind_it"] == org["kind_it"] == 1.0 and person["kind_she"] == 0.0
    assert (person["it_person"], person["it_org"]) == (1.0, 0.0)
    assert (org["it_person"], org["it_org"]) == (0.0, 1.0)
