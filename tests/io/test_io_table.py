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
