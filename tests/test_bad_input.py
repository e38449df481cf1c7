"""Whatever arrives at a public address gets an answer a browser can show, never a 500.

Hypothesis posts random fields, bodies, charsets and ids at every public endpoint, as a
visitor and as a member of the children's parliament.
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories.pages import consultation_create
from tests.factories.parliament import member_make, motion_approved, parliament_page

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Each address with {id} where a row id goes.
PUBLIC = [
    "/",
    "/consultations/",
    "{consultation}",
    "{consultation}thank-you/",
    "/answer/{id}/",
    "{parliament}",
    "{parliament}sittings/",
    "{parliament}sittings/{id}/",
    "{parliament}motions/",
    "{parliament}motions/new/",
    "{parliament}motions/{id}/",
    "{parliament}motions/{id}/amend/",
    "{parliament}motions/{id}/comment/",
    "{parliament}motion/{id}/second/",
    "{parliament}amendment/{id}/second/",
    "{parliament}{text}/{id}/second/",
    "{parliament}comments/{id}/report/",
    "{parliament}divisions/{id}/vote/",
    "{parliament}members/",
    "{parliament}login/",
    "{parliament}password/",
    "{parliament}logout/",
    "/{text}/",
]

ids = st.one_of(
    st.integers(min_value=0, max_value=2**80),
    st.sampled_from(["0", "007", "-1", "1e9", "", "%00", "9" * 40]),
)
words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40
).filter(lambda t: "/" not in t and "?" not in t and "#" not in t)
field_names = st.one_of(
    st.sampled_from(
        [
            "submission-token",
            "about-age-band",
            "about-region",
            "username",
            "password",
            "choice",
            "text",
            "title",
            "outcomes",
            "reason",
            "old_password",
            "new_password1",
            "new_password2",
        ]
    ),
    words,
)
field_values = st.one_of(words, st.integers().map(str), st.sampled_from(["\x00", "on", "aye"]))
fields = st.dictionaries(field_names, st.one_of(field_values, st.lists(field_values)), max_size=8)
charsets = st.sampled_from(
    [
        "",
        "; charset=utf-8",
        "; charset=latin-1",
        "; charset=utf-16",
        "; charset=nonsense",
        "; charset=base64",
        "; charset=idna",
        "; charset=utf-32",
        "; charset=",
    ]
)
raw_bodies = st.binary(max_size=300)


@pytest.fixture
def places():
    consultation = consultation_create()
    motion = motion_approved()
    return {
        "consultation": consultation.url,
        "parliament": parliament_page().url,
        "ids": [consultation.pk, motion.pk],
    }


@pytest.fixture
def member_client():
    client = Client(raise_request_exception=False)
    client.force_login(member_make().member.user)
    return client


def _address(template: str, places: dict, row_id, text: str) -> str:
    return template.format(
        consultation=places["consultation"],
        parliament=places["parliament"],
        id=row_id,
        text=text or "x",
    )


def _assert_no_server_error(response, what):
    assert response.status_code < 500, what


@EXAMPLES
@given(
    template=st.sampled_from(PUBLIC),
    row_id=ids,
    text=words,
    data=fields,
    as_member=st.booleans(),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "OPTIONS"]),
)
def test_random_forms_and_ids_never_give_a_server_error(
    places, member_client, template, row_id, text, data, as_member, method
):
    client = member_client if as_member else Client(raise_request_exception=False)
    address = _address(template, places, row_id, text)
    if method == "GET":
        response = client.get(address, data)
    elif method == "POST":
        response = client.post(address, data)
    else:
        response = client.generic(method, address)
    _assert_no_server_error(response, (method, address, data))


@EXAMPLES
@given(
    template=st.sampled_from(PUBLIC),
    row_id=st.sampled_from([0, 1, 2]),
    body=st.one_of(raw_bodies, words.map(lambda t: t.encode("utf-8"))),
    kind=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            "application/json",
            "text/plain",
            "",
        ]
    ),
    charset=charsets,
    as_member=st.booleans(),
)
def test_random_bodies_and_charsets_never_give_a_server_error(
    places, member_client, template, row_id, body, kind, charset, as_member
):
    client = member_client if as_member else Client(raise_request_exception=False)
    address = _address(template, places, places["ids"][row_id % 2] if row_id else 0, "motion")
    response = client.generic("POST", address, body, content_type=kind + charset)
    _assert_no_server_error(response, (address, body, kind + charset))


@EXAMPLES
@given(host=st.one_of(words, st.sampled_from(["bad host!!", "evil.example.com", "[::1", ""])))
def test_any_host_header_gets_a_page_not_a_server_error(host):
    response = Client(raise_request_exception=False).get("/", HTTP_HOST=host)
    _assert_no_server_error(response, host)
