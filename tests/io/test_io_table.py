"""The table printed by ``saidwhat extract --format table`` (saidwhat.io.table)."""
import io

from saidwhat.io.table import print_article


def _rows(quotes):
    out = io.StringIO()
    print_article({"id": "story", "quotes": quotes}, stream=out)
    return out.getvalue().splitlines()


def test_table_speaker_cell_shows_name_mention_or_unknown():
    lines = _rows([
        {"speaker": "Ana Ruiz", "speaker_mention": "she", "type": "direct", "cue": "said", "quote": "We will."},
        {"speaker": None, "speaker_mention": "one of them", "type": "direct", "cue": "shouted", "quote": "Where?"},
        {"speaker": None, "speaker_mention": None, "type": "direct", "cue": None, "quote": "Not here."},
    ])
    assert lines[0] == "story: 3 quotations"
    body = lines[3:6]
    assert body[0].startswith("Ana Ruiz ")
    assert body[1].startswith("(one of them) ")
    assert body[2].startswith("(unknown) ") and body[2].endswith("Not here.")


def test_a_continuation_of_an_unnamed_speaker_shows_the_mention_it_continues():
    # the README's example: the port authority's floating quotation after "the authority said"
    lines = _rows([
        {"speaker": None, "speaker_mention": "the authority", "type": "direct", "cue": "said", "quote": "A."},
        {"speaker": None, "speaker_mention": None, "type": "direct", "cue": None, "quote": "B.",
         "flags": ["continuation"]},
        {"speaker": "Ana Ruiz", "speaker_mention": "she", "type": "direct", "cue": "said", "quote": "C."},
        {"speaker": None, "speaker_mention": None, "type": "direct", "cue": None, "quote": "D.",
         "flags": ["continuation"]},
    ])
    body = lines[3:7]
    assert body[1].startswith("(the authority) ") and body[1].endswith("B.")
    assert body[3].startswith("(unknown) ")   # a continuation the record gives no one stays unknown
