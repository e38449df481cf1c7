"""Personal data is found in the shapes young people write it, and only personal data is."""

import pytest

from nlp.pipeline.pii import find_pii, redact


def _labels(text):
    return {(text[s:e], label) for s, e, label in find_pii(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("text me on 07700 900461", ("07700 900461", "PHONE")),
        ("ring 0161-496-0123 after 5", ("0161-496-0123", "PHONE")),
        ("my mums number is +44 7700 900 123", ("+44 7700 900 123", "PHONE")),
        ("email jaydenb2011@example.com", ("jaydenb2011@example.com", "EMAIL")),
        ("we live near LS1 1AB", ("LS1 1AB", "POSTCODE")),
        ("postcode m14 5tq", ("m14 5tq", "POSTCODE")),
        ("add me on snap jay_b09", ("jay_b09", "HANDLE")),
        ("my insta is @lilyrose.x", ("@lilyrose.x", "HANDLE")),
        ("born 12/03/2012", ("12/03/2012", "DOB")),
        ("my birthday is 14th of june", ("14th of june", "DOB")),
        ("my bday is 25/11 lol", ("25/11", "DOB")),
        ("date of birth 2011-10-09", ("2011-10-09", "DOB")),
        ("my birthday is the 2nd of january", ("the 2nd of january", "DOB")),
        ("im on discord as glitchwolf#4471", ("glitchwolf#4471", "HANDLE")),
        ("i live at 14 Elm Road", ("14 Elm Road", "ADDRESS")),
        ("i go to Hollybrook Academy", ("Hollybrook Academy", "SCHOOL")),
        ("st mary's primary is ok", ("st mary's primary", "SCHOOL")),
        ("my friend jayden is funny", ("jayden", "PERSON")),
        ("Mr Patel is the best teacher", ("Patel", "PERSON")),
    ],
)
def test_finds_each_kind(text, expected):
    assert expected in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "call childline on 0800 1111 or 999 in an emergency",
        "im 12 and in year 8, form 8C",
        "harry potter is my favourite book",
        "my nan lives in Leeds",
        "its 2 minutes up the road from my house",
        "i love my school and want to go to college",
        "it costs £15 and starts at 3:30",
        "exams start on the 12th of may and half of 12/5 is easy",
    ],
)
def test_leaves_what_is_not_personal_data(text):
    assert find_pii(text) == []


def test_redaction_replaces_each_span_with_its_label():
    text = "my name is jayden, email jay@example.com"
    assert redact(text, find_pii(text)) == "my name is [NAME], email [EMAIL]"


def test_offsets_are_python_string_indices():
    text = "héllo 😀 my friend zainab said hi"
    spans = find_pii(text)
    assert [text[s:e] for s, e, _ in spans] == ["zainab"]
