"""The clerks' screens: every role against every screen, the download, and the check of a
copy against the submitted versions."""

import json
import re
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cms.roles import Role
from reports import rules
from reports.models import Submission
from reports.services import submission_seal
from tests.factories.accounts import user_with_role
from tests.reports.conftest import REPORT

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *[r for r in Role.ALL if r != Role.YOUNG_PERSON], "superuser"]
READERS = {Role.CLERK, Role.COMMISSIONER, "superuser"}
OUTSIDE_THE_ADMIN = {ANONYMOUS, Role.PARLIAMENT_MEMBER}
SCREENS = ["index", "detail", "download", "verify"]


def _log_in(client, role):
    if role != ANONYMOUS:
        client.force_login(user_with_role(role, username=f"u-{role}"))


def _urls(submission) -> dict[str, str]:
    return {
        "index": "/admin/submissions/",
        "detail": f"/admin/submissions/{submission.pk}/",
        "download": f"/admin/submissions/{submission.pk}/download/",
        "verify": "/admin/submissions/verify/",
    }


def _refusal(role, url) -> tuple[int, str]:
    if role in OUTSIDE_THE_ADMIN:
        return 302, f"/admin/login/?next={quote(url, safe='/')}"
    return 302, "/admin/"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("screen", SCREENS)
def test_each_role_against_each_screen(client, sealed, role, screen):
    _log_in(client, role)
    url = _urls(sealed)[screen]
    response = client.get(url)
    if role in READERS:
        assert response.status_code == 200
    else:
        assert (response.status_code, response["Location"]) == _refusal(role, url)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_posting_a_copy_to_check(client, sealed, role):
    _log_in(client, role)
    url = _urls(sealed)["verify"]
    response = client.post(url, {"file": SimpleUploadedFile("copy.html", REPORT.encode())})
    if role in READERS:
        assert response.status_code == 200
        assert "matches a submitted version byte for byte" in response.content.decode()
    else:
        assert (response.status_code, response["Location"]) == _refusal(role, url)


def test_the_listing_shows_each_version_with_its_signatory_digest_and_laying(client, sealed):
    later = submission_seal(year="2026-27", html=REPORT + "<p>v2</p>", by=sealed.signed_off_by)
    client.force_login(user_with_role(Role.CLERK))
    page = client.get("/admin/submissions/").content.decode()
    for submission in (sealed, later):
        assert submission.digest in page
        assert f"/admin/submissions/{submission.pk}/" in page
    assert "commissioner" in page
    assert page.count("Not yet laid") == 2
    assert REPORT not in page  # the listing never carries the text


def test_the_download_is_exactly_the_sealed_bytes_with_a_filename(client, sealed):
    client.force_login(user_with_role(Role.CLERK))
    response = client.get(f"/admin/submissions/{sealed.pk}/download/")
    assert response.content == REPORT.encode("utf-8")
    assert rules.digest_of(response.content) == sealed.digest
    assert response["Content-Disposition"] == (
        'attachment; filename="annual-report-2026-27-v1.html"'
    )
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_an_unknown_version_is_not_found(client, sealed):
    client.force_login(user_with_role(Role.CLERK))
    missing = "/admin/submissions/00000000-0000-0000-0000-000000000000/"
    assert client.get(missing).status_code == 404
    assert client.get(missing + "download/").status_code == 404


def _check(client, content: bytes, name="copy.html"):
    client.force_login(user_with_role(Role.CLERK))
    return client.post("/admin/submissions/verify/", {"file": SimpleUploadedFile(name, content)})


def test_a_copy_byte_for_byte_names_the_version_and_its_digest(client, sealed, commissioner):
    other = submission_seal(year="2027-28", html="<p>Next year.</p>", by=commissioner)
    response = _check(client, REPORT.encode("utf-8"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "copy.html matches a submitted version byte for byte" in page
    assert "Annual report 2026-27, version 1" in page
    assert sealed.digest in page
    assert other.digest not in page


@pytest.mark.parametrize(
    "changed",
    [
        REPORT.replace("\r\n", "\n").encode("utf-8"),  # line ends changed by an editor
        REPORT.encode("utf-8") + b"\n",  # one byte more
        REPORT.encode("utf-8")[:-1],  # one byte less
        REPORT.encode("utf-16"),  # same text, other encoding
    ],
    ids=["line ends", "a byte more", "a byte less", "other encoding"],
)
def test_a_copy_that_differs_by_one_byte_matches_none(client, sealed, changed):
    response = _check(client, changed)
    page = response.content.decode()
    assert response.status_code == 200
    assert "matches no submitted version" in page
    assert rules.digest_of(changed) in page
    assert sealed.digest not in page


def test_with_nothing_sealed_a_copy_matches_none(client):
    response = _check(client, b"<p>Anything</p>")
    assert response.status_code == 200
    assert "matches no submitted version" in response.content.decode()


def test_an_empty_file_is_refused_with_a_message(client, sealed):
    response = _check(client, b"")
    assert response.status_code == 400
    assert "The file is empty" in response.content.decode()


def test_no_file_is_refused_with_a_message(client, sealed):
    client.force_login(user_with_role(Role.CLERK))
    response = client.post("/admin/submissions/verify/", {})
    assert response.status_code == 400
    assert "Choose a file to check." in response.content.decode()


def test_a_file_over_20_mb_is_refused_with_a_message(client, sealed):
    response = _check(client, b"x" * (rules.VERIFY_MAX_BYTES + 1))
    assert response.status_code == 413
    assert "the largest that can be checked is 20.0\xa0MB" in response.content.decode()


def test_a_body_far_over_20_mb_is_refused_before_it_is_read(client, sealed):
    response = _check(client, b"x" * (rules.VERIFY_MAX_BYTES + 1024 * 1024))
    assert response.status_code == 413
    assert "larger than the largest that can be checked" in response.content.decode()


def test_a_file_of_exactly_20_mb_is_checked(client, sealed):
    response = _check(client, b"x" * rules.VERIFY_MAX_BYTES)
    assert response.status_code == 200
    assert "matches no submitted version" in response.content.decode()


def _menu(client) -> list[str]:
    page = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S).group(1)
    main = json.loads(props)["modules"][1]["_args"][0]
    return [item["_args"][0]["label"] for item in main]


def test_a_clerk_sees_only_the_submitted_reports_in_the_admin(client, sealed):
    client.force_login(user_with_role(Role.CLERK))
    assert _menu(client) == ["Submitted reports"]
    for elsewhere in ["/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/inquiries/"]:
        assert (client.get(elsewhere).status_code, client.get(elsewhere)["Location"]) == (
            302,
            "/admin/",
        )


def test_the_commissioner_finds_the_submitted_reports_among_their_menus(client, sealed):
    client.force_login(user_with_role(Role.COMMISSIONER, username="c2"))
    assert "Submitted reports" in _menu(client)


def test_nothing_here_changes_a_submission(client, sealed):
    client.force_login(user_with_role(Role.CLERK))
    for url in list(_urls(sealed).values())[:3]:
        assert client.post(url).status_code == 405
    assert Submission.objects.get().html == REPORT


def test_checking_a_copy_still_needs_the_forms_csrf_token(sealed):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role(Role.CLERK))
    url = "/admin/submissions/verify/"
    token = client.get(url).context["csrf_token"]
    upload = {"file": SimpleUploadedFile("copy.html", REPORT.encode())}
    assert client.post(url, upload).status_code == 403
    upload = {"file": SimpleUploadedFile("copy.html", REPORT.encode())}
    assert client.post(url, {**upload, "csrfmiddlewaretoken": str(token)}).status_code == 200


LAYING = {"house": "commons", "laid_on": "", "paper_number": "HC 123"}


def _laying(**overrides) -> dict:
    from django.utils import timezone

    return {**LAYING, "laid_on": timezone.localdate().isoformat(), **overrides}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_recording_a_laying(client, sealed, role):
    _log_in(client, role)
    url = f"/admin/submissions/{sealed.pk}/lay/"
    response = client.post(url, _laying())
    if role in (Role.COMMISSIONER, "superuser"):
        assert (response.status_code, response["Location"]) == (302, _urls(sealed)["detail"])
        assert list(sealed.layings.values_list("house", "paper_number")) == [("commons", "HC 123")]
    else:
        assert (response.status_code, response["Location"]) == _refusal(role, url)
        assert not sealed.layings.exists()


def test_only_those_who_record_a_laying_are_offered_the_form(client, sealed):
    url = _urls(sealed)["detail"]
    _log_in(client, Role.CLERK)
    assert "Record the laying" not in client.get(url).content.decode()
    client.force_login(user_with_role(Role.COMMISSIONER, username="another-commissioner"))
    assert "Record the laying" in client.get(url).content.decode()


def test_a_second_laying_before_the_same_house_is_refused_with_the_reason(client, sealed):
    _log_in(client, Role.COMMISSIONER)
    url = f"/admin/submissions/{sealed.pk}/lay/"
    client.post(url, _laying())
    again = client.post(url, _laying(paper_number="HC 124"))
    assert again.status_code == 400
    assert "already been laid before that House" in again.content.decode()
    assert list(sealed.layings.values_list("paper_number", flat=True)) == ["HC 123"]


def test_a_laying_with_no_date_is_refused_and_nothing_is_stored(client, sealed):
    _log_in(client, Role.COMMISSIONER)
    response = client.post(f"/admin/submissions/{sealed.pk}/lay/", _laying(laid_on=""))
    assert response.status_code == 400
    assert "Give the date it was laid." in response.content.decode()
    assert not sealed.layings.exists()
