import pytest

from cms.roles import Role
from reports.services import submission_seal
from tests.factories.accounts import user_with_role

# Team-written stand-in for a sealed report: not-ASCII characters and both kinds of line end,
# so a download or a check that changed a single byte would show.
REPORT = (
    "<!doctype html>\n<h1>Annual report 2026–27</h1>\r\n<p>Children’s views on being healthy.</p>\n"
)


@pytest.fixture
def commissioner(db):
    return user_with_role(Role.COMMISSIONER, username="commissioner")


@pytest.fixture
def sealed(commissioner):
    return submission_seal(year="2026-27", html=REPORT, by=commissioner)
