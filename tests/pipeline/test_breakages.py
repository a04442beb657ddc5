"""The four breakages the audit of issue 14 found no test for, each pinned on invented
text: every test here fails when the named rule of the pipeline is taken out."""
import pytest

pytestmark = pytest.mark.slow

BRANDT = "“We did not take this decision lightly,” Mayor Helena Brandt said.\n\n"
WORKERS = "\n\n“The quay is not safe for workers, and nobody asked us.”"


# (a) a negated cue is a denial, not reported speech (quote_detector: the "neg" child)

@pytest.mark.parametrize("text", [
    "Councillor Ada Pike did not say that the ferry depot would close next year.",
    "Ada Pike didn't say the ferry depot would close, and the council declined to comment.",
])
def test_negated_cue_gives_no_quotation(run, text):
    assert run(text) == []


def test_the_same_sentence_without_the_negation_is_a_quotation(run):
    (q,) = run("Councillor Ada Pike said that the ferry depot would close next year.")
    assert (q.type, q.speaker, q.cue) == ("indirect", "Ada Pike", "said")
    assert q.quote == "that the ferry depot would close next year"


# (b) a trailing time phrase is cut from the channel (cue_detector.find_channel)

@pytest.mark.parametrize("text", [
    "Deputy Minister Olena Tarasenko said in a statement to Reuters on Sunday: “Repairs to the grid will take weeks.”",
    "“Repairs to the grid will take weeks,” Deputy Minister Olena Tarasenko said in a statement to Reuters on Sunday.",
])
def test_channel_drops_the_trailing_time_phrase(run, text):
    (q,) = run(text)
    assert q.speaker == "Olena Tarasenko"
    assert q.channel == "in a statement to Reuters"


# (c) a continuation is not carried across a person named in between (speaker_resolver._continuation)

@pytest.mark.parametrize("between", [
    "The decision followed a long meeting with union leader Tomas Reed on Tuesday.",
    "A report by engineer Tomas Reed found cracks in the quay wall.",
])
def test_continuation_is_not_carried_across_a_newly_named_person(run, between):
    first, second = run(BRANDT + between + WORKERS)
    assert first.speaker == "Helena Brandt"
    assert second.quote == "The quay is not safe for workers, and nobody asked us."
    assert (second.speaker, second.flags) == (None, ())


def test_continuation_without_a_new_name_carries_over(run):
    first, second = run(BRANDT + "A report found cracks in the quay wall." + WORKERS)
    assert (second.speaker, second.cue, second.flags) == ("Helena Brandt", None, ("continuation",))


# (d) a phrase in marks inside narration, with no cue, is no quotation (quote_detector: _embedded)

@pytest.mark.parametrize("text", [
    "The council's plan to “make the harbour work for everyone again” was shelved on Tuesday after a long debate.",
    "Their pledge of “clean water for every home by the end of the decade” has not been kept.",
])
def test_scare_quoted_phrase_in_narration_is_not_a_quotation(run, text):
    assert run(text) == []
