"""The shipped pipeline, run as the site and the command line run it (no database)."""

import pytest

from nlp.pipeline import analyse, load, screen, version
from nlp.pipeline.corpus import OUTCOMES


@pytest.fixture(scope="module")
def pipeline():
    return load()


def _one(pipeline, text):
    return next(analyse(pipeline, [text]))


def test_every_answer_gets_five_scores_and_a_version(pipeline):
    result = _one(pipeline, "the buses are too dear so i cant get to football")
    assert set(result.scores) == set(OUTCOMES)
    assert all(0.0 <= s <= 1.0 for s in result.scores.values())
    assert set(result.outcomes) <= set(OUTCOMES)
    assert version(pipeline).startswith("voice-")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("my mum has to choose between the electric and food", "economic_wellbeing"),
        ("nobody ever asks us what we think, adults just decide", "positive_contribution"),
        ("the year 11s push us on the stairs and nobody stops them", "staying_safe"),
        ("the waiting list for camhs is over a year and my anxiety is bad", "being_healthy"),
        (
            "i love art club and my teacher says my drawings are getting better",
            "enjoying_and_achieving",
        ),
    ],
)
def test_tags_indirect_wording(pipeline, text, label):
    result = _one(pipeline, text)
    assert label in result.outcomes
    assert result.evidence[label], "each tag comes with the words that explain it"
    assert all(word in text.lower() for word in result.evidence[label])


def test_a_clear_disclosure_is_flagged_with_kind_and_evidence(pipeline):
    text = (
        "the bus is always late. my step dad hits me when he gets drunk. also the seats are dirty"
    )
    result = _one(pipeline, text)
    assert result.safeguarding["flag"] is True
    assert result.safeguarding["kind"] in ("physical_abuse", "domestic_violence")
    assert any(piece in text for piece in result.safeguarding["evidence"])
    assert any("hits me" in piece for piece in result.safeguarding["evidence"])


@pytest.mark.parametrize(
    "text",
    [
        "i want to kms",
        "i cut myself again last night",
        "a man on roblox keeps asking me for pics and said not to tell my mum",
        "im sleeping on my mates sofa cuz i got kicked out",
    ],
)
def test_disclosures_in_young_peoples_words_are_flagged(pipeline, text):
    assert _one(pipeline, text).safeguarding["flag"] is True


@pytest.mark.parametrize(
    "text",
    [
        "I agree.",
        "yes",
        "dunno",
        "good idea",
        "me and my friends like the park",
        "the new library is good",
    ],
)
def test_everyday_short_answers_are_not_sent_to_the_queue(pipeline, text):
    # A child who writes "I agree." must not be asked "Are you safe?".
    assert screen(pipeline, text)["flag"] is False


def test_the_request_screen_agrees_with_the_full_pipeline(pipeline):
    text = "they are taking me to pakistan in the summer to marry my cousin and i dont want to"
    assert screen(pipeline, text)["flag"] is True
    assert (
        screen(pipeline, "i like the new library")["flag"]
        == _one(pipeline, "i like the new library").safeguarding["flag"]
    )


def test_redacted_text_and_spans_hide_personal_data(pipeline):
    text = "my friend jayden at Oakfield High School has snap jay_b09"
    result = _one(pipeline, text)
    assert "jayden" not in result.redacted
    assert "jay_b09" not in result.redacted
    assert "[NAME]" in result.redacted and "[SCHOOL]" in result.redacted
    labels = {(text[p["start"] : p["end"]], p["label"]) for p in result.pii}
    assert ("jay_b09", "HANDLE") in labels


def test_key_phrases_never_include_personal_data(pipeline):
    text = "tyler says the youth club closing down means kids hang around the shops"
    result = _one(pipeline, text)
    assert result.keyphrases
    assert not any("tyler" in phrase for phrase in result.keyphrases)
    assert any("youth club" in phrase for phrase in result.keyphrases)


def test_many_answers_in_one_batch_keep_their_order(pipeline):
    texts = ["i love swimming", "my email is a@example.com", "dunno"]
    results = list(analyse(pipeline, texts))
    assert len(results) == 3
    assert "[EMAIL]" in results[1].redacted
    assert results[0].redacted == "i love swimming"
