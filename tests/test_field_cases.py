"""Field cases from ../shared/field-cases/README.md: failures users reported against other
quote tools. Each case must run without raising; the expected records of the kinds
saidwhat handles are checked (quote text, speaker, type, and cue where one is given).
Skips cleanly when ../shared is absent. Our own invented examples of the same kinds are
in tests/pipeline/test_pipeline_extract.py.
"""
import re
import warnings
from pathlib import Path

import pytest

import saidwhat

#: Cases whose expectation saidwhat does not meet yet (kept visible, strict).
KNOWN_FAILURES = {
    "B21": "headline quote whose speaker ('agency chief') is named only later in the body",
}


def _cases(readme):
    for m in re.finditer(r"## (B\w+):.*?```text\n(.*?)```\s*```yaml\n(.*?)```", readme, re.S):
        yield m.group(1), m.group(2).rstrip("\n"), m.group(3)


def _expected(yaml_text):
    """The 'expected' records of a case's YAML block (a tiny reader for its flat lists)."""
    block = yaml_text.split("must_not:")[0]
    out = []
    for item in re.split(r"\n  - ", "\n" + block.split("expected:", 1)[1])[1:]:
        rec = {}
        for key in ("quote", "speaker", "type", "cue"):
            m = re.search(rf"(?:^|\n)\s*{key}: (null|\"(.*?)\")", item)
            if m:
                rec[key] = None if m.group(1) == "null" else m.group(2)
        spans = re.search(r'content_spans: \["(.*?)"\]', item)
        if spans:
            rec["quote"] = spans.group(1)
        if "nested: true" in item:
            continue   # optional embedded quotes
        out.append(rec)
    return out


def _norm(s):
    return " ".join(re.sub(r"[“”\"„«»‘’']", " ", s or "").split())


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
    expected = _expected(yml)
    if not expected:
        assert quotes == []
        return
    for exp in expected:
        want = _norm(exp["quote"])
        match = [q for q in quotes if want and (want in _norm(q.quote) or _norm(q.quote) in want)
                 and len(_norm(q.quote)) >= 0.5 * len(want)]
        assert match, f"{cid}: no quote for {exp['quote']!r}"
        q = match[0]
        assert q.speaker == exp.get("speaker"), f"{cid}: speaker {q.speaker!r} for {exp['quote']!r}"
        if "type" in exp:
            assert q.type == exp["type"]
        if exp.get("cue"):
            assert q.cue == exp["cue"]
