"""The consultation journey over HTTP, including every kind of bad input the issue names."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.test import Client

from consultations.models import Answer, Response
from consultations.tokens import token_issue
from tests.conftest import valid_answers
from tests.factories.pages import consultation_create

pytestmark = pytest.mark.django_db
URLENCODED = "application/x-www-form-urlencoded"


def _post(client, page, data, **kwargs):
    # As a browser sends a plain form: URL-encoded, repeated keys for ticked boxes.
    body = urlencode(data, doseq=True)
    return client.post(page.url, body, content_type=URLENCODED, **kwargs)


def _nothing_stored():
    return Response.objects.count() == 0 and Answer.objects.count() == 0


def test_page_shows_everything_a_young_person_needs(client, consultation):
    response = client.get(consultation.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in ["Your school day", "Easy read", "Ages 8 to 17", "What we do with your answers"]:
        assert text in html
    for question in consultation.form_fields.all():
        assert question.label in html
    assert 'name="submission-token"' in html
    assert "(optional)" in html


def test_first_visit_sets_no_cookie(client, consultation):
    response = client.get(consultation.url)
    assert set(response.cookies) == set()


def test_page_sends_security_headers(client, consultation):
    response = client.get(consultation.url)
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


def test_valid_answers_are_stored_and_thanked(client, consultation, settings):
    response = _post(client, consultation, valid_answers(consultation))
    assert response.status_code == 303
    assert response["Location"].endswith("/thank-you/")
    stored = Response.objects.get()
    assert stored.age_band == "10_12"
    assert stored.region == "london"
    assert stored.consent_to_quote is False
    thanks = client.get(response["Location"])
    assert "What happens next" in thanks.content.decode()
    assert "0800 1111" in thanks.content.decode()
    assert "999" in thanks.content.decode()


def test_consent_to_quote_is_recorded_only_when_ticked(client, consultation):
    _post(client, consultation, valid_answers(consultation, **{"consent-to-quote": "on"}))
    assert Response.objects.get().consent_to_quote is True


def test_double_tap_stores_one_response(client, consultation):
    data = valid_answers(consultation)
    first = _post(client, consultation, data)
    second = _post(client, consultation, data)
    assert first.status_code == second.status_code == 303
    assert Response.objects.count() == 1


def test_validation_error_shows_summary_linking_to_field_and_keeps_answers(client, consultation):
    scale = consultation.form_fields.get(label="How happy are you at school?").clean_name
    data = valid_answers(consultation, **{"what_would_you_change": "Keep this text"})
    del data[scale]
    response = _post(client, consultation, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert f'href="#id_{scale}_0"' in html
    assert "Please answer this question." in html
    assert "Keep this text" in html
    assert _nothing_stored()


def test_over_long_answer_is_refused_with_a_clear_message(client, consultation):
    lesson = consultation.form_fields.get(label="Your favourite lesson").clean_name
    response = _post(client, consultation, valid_answers(consultation, **{lesson: "a" * 501}))
    assert response.status_code == 400
    assert "Your answer is too long" in response.content.decode()
    assert _nothing_stored()


@pytest.mark.parametrize(
    ("label", "value"),
    [("How happy are you at school?", "9"), ("How do you travel?", "Rocket")],
)
def test_invalid_choice_is_refused(client, consultation, label, value):
    name = consultation.form_fields.get(label=label).clean_name
    response = _post(client, consultation, valid_answers(consultation, **{name: value}))
    assert response.status_code == 400
    assert "Please choose" in response.content.decode()
    assert _nothing_stored()


def test_invalid_age_band_is_refused(client, consultation):
    response = _post(client, consultation, valid_answers(consultation, **{"about-age-band": "99"}))
    assert response.status_code == 400
    assert _nothing_stored()


def test_unknown_field_is_refused(client, consultation):
    response = _post(client, consultation, valid_answers(consultation, is_admin="yes"))
    assert response.status_code == 400
    assert "field we do not know" in response.content.decode()
    assert _nothing_stored()


def test_duplicated_single_answer_field_is_refused(client, consultation):
    lesson = consultation.form_fields.get(label="Your favourite lesson").clean_name
    data = valid_answers(consultation)
    data[lesson] = ["Art", "Maths"]
    response = _post(client, consultation, data)
    assert response.status_code == 400
    assert "same answer twice" in response.content.decode()
    assert _nothing_stored()


def test_multiple_choice_may_repeat_its_field(client, consultation):
    clubs = consultation.form_fields.get(label="Clubs you go to").clean_name
    response = _post(client, consultation, valid_answers(consultation, **{clubs: ["Sport", "Art"]}))
    assert response.status_code == 303
    assert Answer.objects.get(question_label="Clubs you go to").choices == ["Sport", "Art"]


def test_missing_csrf_token_is_refused_with_a_clear_page(consultation):
    client = Client(enforce_csrf_checks=True)
    response = client.post(consultation.url, valid_answers(consultation))
    assert response.status_code == 403
    assert "This form was not sent" in response.content.decode()
    assert _nothing_stored()


def test_bytes_that_are_not_utf8_are_refused(client, consultation):
    body = b"submission-token=x&your_favourite_lesson=%FF%FEArt"
    response = client.post(consultation.url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
    assert _nothing_stored()


def test_multipart_form_is_accepted_too(client, consultation):
    response = client.post(consultation.url, valid_answers(consultation))
    assert response.status_code == 303
    assert Response.objects.count() == 1


def test_multipart_with_bytes_that_are_not_utf8_is_refused(client, consultation):
    boundary = "BoUnDaRy"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="your_favourite_lesson"\r\n\r\n'
        ).encode()
        + b"\xff\xfeArt\r\n"
        + f"--{boundary}--\r\n".encode()
    )
    response = client.post(
        consultation.url, body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 400
    assert _nothing_stored()


def test_answers_not_sent_as_a_form_are_refused(client, consultation):
    response = client.post(consultation.url, {"a": "b"}, content_type="application/json")
    assert response.status_code == 415
    assert _nothing_stored()


def test_closed_consultation_refuses_answers(client):
    page = consultation_create(opens_in=timedelta(days=-30), closes_in=timedelta(days=-1))
    get = client.get(page.url)
    assert "has closed" in get.content.decode()
    assert "submission-token" not in get.content.decode()
    response = _post(client, page, valid_answers(page))
    assert response.status_code == 403
    assert "has closed" in response.content.decode()
    assert _nothing_stored()


def test_upcoming_consultation_refuses_answers(client):
    page = consultation_create(opens_in=timedelta(days=3), closes_in=timedelta(days=30))
    response = _post(client, page, valid_answers(page))
    assert response.status_code == 403
    assert "not opened yet" in response.content.decode()
    assert _nothing_stored()


def _token_issued(page, *, at):
    from django.core import signing

    from consultations.tokens import SALT

    return signing.dumps(
        {"k": f"key-{at.timestamp()}", "c": page.pk, "t": int(at.timestamp())}, salt=SALT
    )


def _close(page, *, ago: timedelta):
    from django.utils import timezone

    page.closes_at = timezone.now() - ago
    page.save()


def test_answers_started_before_closing_are_taken_in_the_grace_period(client, settings):
    from django.utils import timezone

    settings.SUBMISSION_GRACE_SECONDS = 3600
    page = consultation_create(opens_in=timedelta(days=-10))
    started = timezone.now() - timedelta(minutes=30)
    _close(page, ago=timedelta(minutes=10))
    data = valid_answers(page, **{"submission-token": _token_issued(page, at=started)})
    assert _post(client, page, data).status_code == 303
    assert Response.objects.count() == 1


def test_answers_started_after_closing_are_refused(client, settings):
    from django.utils import timezone

    settings.SUBMISSION_GRACE_SECONDS = 3600
    page = consultation_create(opens_in=timedelta(days=-10))
    _close(page, ago=timedelta(minutes=10))
    started = timezone.now() - timedelta(minutes=5)
    data = valid_answers(page, **{"submission-token": _token_issued(page, at=started)})
    assert _post(client, page, data).status_code == 403
    assert _nothing_stored()


def test_filled_honeypot_is_refused(client, consultation):
    response = _post(client, consultation, valid_answers(consultation, **{"your-website": "x"}))
    assert response.status_code == 400
    assert "could not accept" in response.content.decode()
    assert _nothing_stored()


def test_altered_token_keeps_the_answers_and_asks_to_send_again(client, consultation):
    data = valid_answers(consultation, **{"submission-token": "tampered"})
    response = _post(client, consultation, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "press Send again" in html
    assert "Longer break times" in html
    assert _nothing_stored()
    fresh = html.split('name="submission-token" value="')[1].split('"')[0]
    assert _post(client, consultation, {**data, "submission-token": fresh}).status_code == 303


def test_token_for_another_consultation_is_not_accepted(client, consultation):
    other = consultation_create()
    data = valid_answers(
        consultation, **{"submission-token": token_issue(consultation_id=other.pk)}
    )
    assert _post(client, consultation, data).status_code == 400
    assert _nothing_stored()


def test_flood_from_one_client_is_refused(client, consultation, settings):
    settings.SUBMISSION_RATE_LIMIT = "3/m"
    codes = [_post(client, consultation, valid_answers(consultation)).status_code for _ in range(5)]
    assert codes == [303, 303, 303, 429, 429]
    assert Response.objects.count() == 3
    refused = _post(client, consultation, valid_answers(consultation))
    assert "Please wait a few minutes" in refused.content.decode()


def test_five_classes_of_thirty_behind_one_school_address_all_get_through(consultation):
    # More than the old limit (120 in 10 minutes) allowed from one address.
    pupils = [Client(REMOTE_ADDR="203.0.113.7") for _ in range(5 * 30)]
    codes = {
        _post(pupil, consultation, valid_answers(consultation)).status_code for pupil in pupils
    }
    assert codes == {303}
    assert Response.objects.count() == 150


def test_flood_limit_is_per_client(consultation, settings):
    settings.SUBMISSION_RATE_LIMIT = "1/m"
    one, two = Client(REMOTE_ADDR="10.0.0.1"), Client(REMOTE_ADDR="10.0.0.2")
    assert _post(one, consultation, valid_answers(consultation)).status_code == 303
    assert _post(two, consultation, valid_answers(consultation)).status_code == 303
    assert _post(one, consultation, valid_answers(consultation)).status_code == 429


def test_forwarded_address_is_used_only_behind_a_trusted_proxy(consultation, settings):
    settings.SUBMISSION_RATE_LIMIT = "1/m"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="192.0.2.1")
    first = _post(proxy, consultation, valid_answers(consultation), HTTP_X_FORWARDED_FOR="10.1.1.1")
    second = _post(
        proxy, consultation, valid_answers(consultation), HTTP_X_FORWARDED_FOR="10.1.1.2"
    )
    assert (first.status_code, second.status_code) == (303, 303)


def test_oversized_request_is_refused_not_crashed(client, consultation, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    lesson = consultation.form_fields.get(label="What would you change?").clean_name
    response = _post(client, consultation, valid_answers(consultation, **{lesson: "b" * 20_000}))
    assert response.status_code == 400
    assert _nothing_stored()


def test_other_methods_are_not_allowed(client, consultation):
    assert client.put(consultation.url).status_code == 405


def test_the_form_posts_to_the_submission_address(client, consultation):
    html = client.get(consultation.url).content.decode()
    assert f'action="/answer/{consultation.pk}/"' in html
    body = urlencode(valid_answers(consultation), doseq=True)
    response = client.post(f"/answer/{consultation.pk}/", body, content_type=URLENCODED)
    assert response.status_code == 303
    assert Response.objects.count() == 1


def test_the_submission_address_sends_visitors_to_the_page(client, consultation):
    response = client.get(f"/answer/{consultation.pk}/")
    assert response.status_code == 302
    assert response["Location"] == consultation.url


def test_unknown_or_unpublished_consultation_cannot_take_answers(client, consultation):
    body = urlencode(valid_answers(consultation), doseq=True)
    assert client.post("/answer/999999/", body, content_type=URLENCODED).status_code == 404
    consultation.unpublish()
    response = client.post(f"/answer/{consultation.pk}/", body, content_type=URLENCODED)
    assert response.status_code == 404
    assert _nothing_stored()


def test_a_consultation_read_for_answers_is_reread_after_a_few_seconds(client, consultation):
    from consultations import selectors

    body = lambda: urlencode(valid_answers(consultation), doseq=True)  # noqa: E731
    assert (
        client.post(f"/answer/{consultation.pk}/", body(), content_type=URLENCODED).status_code
        == 303
    )
    consultation.unpublish()
    for live in selectors._live.values():
        live.expires = 0  # as if LIVE_SECONDS had passed
    response = client.post(f"/answer/{consultation.pk}/", body(), content_type=URLENCODED)
    assert response.status_code == 404


def test_a_forged_forwarded_address_does_not_get_round_the_flood_limit(consultation, settings):
    # No proxy is trusted (the default): X-Forwarded-For is whatever the client typed.
    settings.SUBMISSION_RATE_LIMIT = "1/m"
    client = Client(REMOTE_ADDR="10.0.0.9")
    first = _post(client, consultation, valid_answers(consultation), HTTP_X_FORWARDED_FOR="1.1.1.1")
    second = _post(
        client, consultation, valid_answers(consultation), HTTP_X_FORWARDED_FOR="2.2.2.2"
    )
    assert (first.status_code, second.status_code) == (303, 429)
    assert Response.objects.count() == 1


def test_behind_a_proxy_only_the_address_the_proxy_saw_counts(consultation, settings):
    # The client prepends a forged address; the proxy appends the real one, which is used.
    settings.SUBMISSION_RATE_LIMIT = "1/m"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="192.0.2.1")
    first = _post(
        proxy, consultation, valid_answers(consultation), HTTP_X_FORWARDED_FOR="1.1.1.1, 10.1.1.1"
    )
    second = _post(
        proxy, consultation, valid_answers(consultation), HTTP_X_FORWARDED_FOR="2.2.2.2, 10.1.1.1"
    )
    assert (first.status_code, second.status_code) == (303, 429)


def test_the_submission_address_honours_the_pages_password(client, consultation):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=consultation, restriction_type=PageViewRestriction.PASSWORD, password="school-code"
    )
    body = urlencode(valid_answers(consultation), doseq=True)
    response = client.post(f"/answer/{consultation.pk}/", body, content_type=URLENCODED)
    assert (response.status_code, response["Location"]) == (302, consultation.url)
    assert _nothing_stored()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_id_too_large_for_the_database_is_not_found(client, consultation, method):
    response = getattr(client, method)("/answer/99999999999999999999999/")
    assert response.status_code == 404
