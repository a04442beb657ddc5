"""Field cases from ../shared/field-cases/README.md: failures users reported against other
quote tools. Each case must run without raising; its records must be exactly the
expected ones (one record per expected record, none left over; an expected record marked
``nested: true`` is optional), each with the quote text, speaker, type, cue, mention,
descriptor and flags the case gives; and no record may show an output the case's
``must_not`` block lists. Skips cleanly when ../shared is absent. Our own invented
examples of the same kinds are in tests/pipeline/test_pipeline_extract.py.
"""
import re
import warnings
from pathlib import Path

import pytest

import saidwhat

#: Cases whose expectation saidwhat does not meet yet (kept visible, strict).
KNOWN_FAILURES: dict[str, str] = {}

MARKS = "“”\"„«»‘’'‚‹›"


def _cases(readme):
    for m in re.finditer(r"## (B\w+):.*?```text\n(.*?)```\s*```yaml\n(.*?)```", readme, re.S):
        yield m.group(1), m.group(2).rstrip("\n"), m.group(3)


def _expected(yaml_text):
    """The 'expected' records of a case's YAML block (a tiny reader for its flat lists)."""
    block = yaml_text.split("must_not:")[0]
    out = []
    for item in re.split(r"\n  - ", "\n" + block.split("expected:", 1)[1])[1:]:
        rec = {}
        for key in ("quote", "speaker", "type", "cue", "speaker_mention", "speaker_descriptor"):
            m = re.search(rf"(?:^|\n)\s*{key}: (null|\"(.*?)\"|(\w+))(.*)", item)
            if m:
                rec[key] = None if m.group(1) == "null" else m.group(2) if m.group(2) is not None else m.group(3)
                if key == "cue":   # a comment may accept other cues: # "added" ... either is accepted
                    rec["cue_also"] = re.findall(r'"(.*?)"', m.group(4)) if "accept" in m.group(4) else []
        spans = re.search(r'content_spans: \["(.*?)"\]', item)
        if spans:
            rec["quote"] = spans.group(1)
        flags = re.search(r"flags: \[(.*?)\]", item)
        rec["flags"] = [f.strip() for f in flags.group(1).split(",")] if flags else []
        rec["optional"] = "nested: true" in item   # optional embedded quotes
        out.append(rec)
    return out


def _must_not(yaml_text):
    part = yaml_text.split("must_not:", 1)
    return re.findall(r'\n  - "(.*)"', "\n" + part[1]) if len(part) == 2 else []


def _norm(s):
    return " ".join(re.sub(rf"[{MARKS}]", " ", s or "").split())


def _matches(q, exp):
    """Whether record ``q`` is the expected record ``exp`` (every field the case gives)."""
    want = _norm(exp["quote"])
    if exp.get("type") == "mixed":   # the record spans the frame; the marked words must be inside
        ok = want in _norm(q.quote)
    else:
        ok = _norm(q.quote) == want
    if not ok or q.speaker != exp.get("speaker"):
        return False
    if "type" in exp and q.type != exp["type"]:
        return False
    if "cue" in exp:
        if exp["cue"] is None:   # no reporting verb: none, a punctuation cue (":", "—"), or taken over
            if q.cue is not None and re.search(r"\w", q.cue) and "continuation" not in q.flags:
                return False
        elif q.cue not in [exp["cue"], *exp["cue_also"]]:
            return False
    if "speaker_mention" in exp and q.speaker_mention != exp["speaker_mention"]:
        return False
    if "speaker_descriptor" in exp and q.speaker_role != exp["speaker_descriptor"]:
        return False
    return all(f in q.flags for f in exp["flags"])


def _pos_apostrophe(text, word):
    i = text.find(word)
    assert i >= 0, word
    return i + word.index("’")


def _violations(rule, text, quotes):
    """The records that show the output a ``must_not`` line describes (every line must be
    understood: an unknown phrasing fails the test rather than being dropped)."""
    lits = re.findall(r"'([^']+)'", rule)
    bad = []
    handled = False
    if re.search(r"\bexception\b", rule):
        handled = True   # extraction ran without raising
    if re.search(r"zero quotes|no quote", rule):
        handled = True
        if not quotes:
            bad.append("no quotes")
    if "paragraph-opening mark" in rule:
        handled = True   # a reopening mark may sit inside the quote (dropped by the convention), never at an edge
        bad += [q for q in quotes if re.search(rf"\n\s*[{MARKS}]\s*$", q.quote) or q.quote[:1] in MARKS]
    m = re.match(r"a quote that starts at the mark before '(.+)' and ends at the mark before '(.+)'", rule)
    if m:
        handled = True
        bad += [q for q in quotes if q.quote.lstrip(MARKS + " \n").startswith(m.group(1)) and m.group(2) not in q.quote]
    m = re.match(r"speaker equal to '(\w+)' or null", rule)
    if m:
        handled = True
        bad += [q for q in quotes if q.speaker is None or q.speaker.lower() == m.group(1).lower()]
    if rule.startswith("speaker containing the appositive"):
        handled = True
        bad += [q for q in quotes if q.speaker and "," in q.speaker]
    if rule == "speaker null for the direct quote":
        handled = True
        bad += [q for q in quotes if q.type == "direct" and q.speaker is None]
    if re.match(r"speaker '", rule):
        handled = True
        name = lits[0]
        flagged_ok = "without a flag" in rule
        bad += [q for q in quotes if q.speaker and q.speaker.lower() == name.lower() and not (flagged_ok and q.flags)]
    if "attributed to '" in rule:
        handled = True
        bad += [q for q in quotes if lits[0].lower() in ((q.speaker or "").lower(), (q.speaker_mention or "").lower())]
    if rule.endswith("extracted as a quote"):
        handled = True
        bad += [q for q in quotes if _norm(lits[0]) in _norm(q.quote)]
    m = re.match(r"any quote span that starts at the mark before '(.+)'", rule)
    if m:
        handled = True
        i = text.find(m.group(1))
        bad += [q for q in quotes if q.quote_start in (i - 1, i)]
    if rule.endswith("inside any quote"):
        handled = True
        bad += [q for q in quotes if _norm(lits[0]) in _norm(q.quote)]
    if rule.startswith("either quote attributed to any speaker"):
        handled = True
        bad += [q for q in quotes if q.speaker is not None]
    m = re.match(r"a quote ending at '(.+)'$", rule)
    if m:
        handled = True
        bad += [q for q in quotes if q.quote.rstrip().endswith(m.group(1))]
    m = re.match(r"(?:a|any) quote that (?:begins or ends|ending) at the apostrophe (?:of|in) (.+)", rule) or \
        re.match(r"a quote ending at the apostrophe of (.+)", rule)
    if m:
        handled = True
        begins = "begins" in rule
        for word in re.split(r",\s*|\s+or\s+", m.group(1)):
            a = _pos_apostrophe(text, word.strip())
            bad += [q for q in quotes if q.quote_end == a or (begins and q.quote_start == a + 1)]
    if rule == "the outer quote cut off at the first ’":
        handled = True
        first = text.find("’")
        bad += [q for q in quotes if q.quote_start <= 1 and q.quote_end == first]
    if rule.startswith("the closing “ (U+201C) treated as the opening"):
        handled = True   # a “ that closes a „ quote
        closers = [m.end() for m in re.finditer(r"„[^“”]*“", text)]
        bad += [q for q in quotes if any(c <= q.quote_start <= c + 1 for c in closers)]
    m = re.match(r"the second quote split into '(.+)' and '(.+)'", rule)
    if m:
        handled = True
        bad += [q for q in quotes if _norm(q.quote) in (_norm(m.group(1)), _norm(m.group(2)))]
    if rule.endswith("returned as an attributed quote"):
        handled = True
        bad += [q for q in quotes if q.speaker is not None and any(_norm(x) in _norm(q.quote) for x in lits)]
    if rule.startswith("speaker equal to the string 'Unknown'"):
        handled = True
        bad += [q for q in quotes if q.speaker is not None and q.speaker.strip().lower() in ("unknown", "none", "n/a", "")]
    assert handled, f"must_not line not understood by the test: {rule!r}"
    return bad


def _case_params():
    readme = Path(__file__).resolve().parents[1] / ".." / "shared" / "field-cases" / "README.md"
    if not readme.exists():
        return [pytest.param(None, None, None, marks=pytest.mark.skip(reason="../shared absent"))]
    params = []
    for cid, text, yml in _cases(readme.read_text(encoding="utf-8")):
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[cid])] if cid in KNOWN_FAILURES else []
        params.append(pytest.param(cid, text, yml, id=cid, marks=marks))
    return params


@pytest.mark.slow
@pytest.mark.parametrize("cid, text, yml", _case_params())
def test_field_case(nlp, cid, text, yml):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quotes = saidwhat.extract(text, nlp=nlp)   # must not raise
    for q in quotes:
        assert text[q.quote_start:q.quote_end] == q.quote
        assert q.speaker is None or q.speaker.lower() not in ("unknown", "none", "")
    rules = _must_not(yml)
    assert rules, f"{cid}: no must_not block read"
    for rule in rules:
        bad = _violations(rule, text, quotes)
        assert not bad, f"{cid}: must_not {rule!r}: {bad}"
    left = list(quotes)
    for exp in _expected(yml):
        match = [q for q in left if _matches(q, exp)]
        assert match or exp["optional"], f"{cid}: no record {exp} among {left}"
        if match:
            left.remove(match[0])
    assert left == [], f"{cid}: records not in the expected block: {left}"
