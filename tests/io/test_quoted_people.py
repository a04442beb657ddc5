"""The article summary ``quoted_people`` of saidwhat extract's JSONL lines."""
from __future__ import annotations

import json

import pytest

from saidwhat.io.base import Article
from saidwhat.io.jsonl import article_record, quoted_people


def rec(speaker, stype="PERSON", sid=None, gender=None, source=None):
    return {"quote": "q", "quote_start": 0, "quote_end": 1, "type": "direct", "speaker": speaker,
            "speaker_type": stype, "speaker_id": sid, "speaker_gender": gender,
            "speaker_gender_source": source}


def test_distinct_people_with_their_number_of_quotes():
    quotes = [rec("Marta Quill", sid="E1", gender="female", source="honorific"),
              rec("Civic Action", "ORG", "E2"),
              rec(None, "OTHER"),
              rec("Idris Fenwick", sid="E3"),
              rec("Marta Quill", sid="E1", gender="female", source="honorific")]
    assert quoted_people(quotes) == [
        {"speaker_id": "E1", "name": "Marta Quill", "gender": "female", "gender_source": "honorific", "quotes": 2},
        {"speaker_id": "E3", "name": "Idris Fenwick", "gender": None, "gender_source": None, "quotes": 1},
    ]


def test_article_record_carries_the_summary_after_the_quotes():
    out = article_record(Article("a1", "text", {"title": "T"}), [rec("Oleg Brant", sid="E1", gender="male",
                                                                     source="pronoun")], people=True)
    assert list(out) == ["id", "title", "quotes", "quoted_people"]
    assert out["quoted_people"][0]["quotes"] == 1
    assert article_record(Article("a2", "text", {}), [], people=True)["quoted_people"] == []
    assert "quoted_people" not in article_record(Article("a3", "text", {}), [], people=False)


def test_store_does_not_copy_the_summary_into_meta():
    pytest.importorskip("pyarrow")
    from saidwhat.store.duckdb import _article_table

    out = article_record(Article("a1", "text", {"lang": "en"}), [rec("Oleg Brant", sid="E1")], people=True)
    table = _article_table([out], None)
    meta = table.column("meta").to_pylist()[0]
    assert json.loads(meta) == {"lang": "en"}
