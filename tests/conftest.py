import pytest
from django.core.cache import caches

from tests.factories.pages import consultation_create


@pytest.fixture(autouse=True)
def _clear_cache():
    # The submission limiter counts in the cache, and each process keeps what it read about
    # consultations taking answers for a few seconds; each test starts from nothing.
    from cms.context_processors import menus_forget
    from cms.page_cache import pages_forget
    from consultations.selectors import live_consultations_forget

    for cache in caches.all():
        cache.clear()
    live_consultations_forget()
    menus_forget()
    pages_forget()
    yield
    for cache in caches.all():
        cache.clear()
    live_consultations_forget()
    menus_forget()
    pages_forget()


@pytest.fixture(autouse=True)
def _test_logins_include_the_code(monkeypatch):
    """`client.force_login` (and `client.login`) stand for a whole login: the password and,
    for anyone with a second factor, the code step too. Tests of the code step log in through
    the login pages instead, which this leaves alone."""
    from django.test import Client

    from tests.factories.accounts import session_verify

    password_only = Client._login

    def _login(self, user, backend=None):
        password_only(self, user, backend)
        session_verify(self, user)

    monkeypatch.setattr(Client, "_login", _login)


@pytest.fixture(autouse=True)
def _casework_files(settings, tmp_path):
    """Casework documents go to each test's own private folder, never the project's."""
    settings.CASEWORK_ROOT = str(tmp_path / "casework")
    return tmp_path / "casework"


@pytest.fixture
def consultation(db):
    return consultation_create(title="Your school day")


def valid_answers(page, **overrides) -> dict:
    """A complete, valid POST body for `page` (without CSRF), as the browser would send it."""
    from consultations.tokens import token_issue

    names = {q.label: q.clean_name for q in page.form_fields.all()}
    data = {
        "submission-token": token_issue(consultation_id=page.pk),
        names["How happy are you at school?"]: "4",
        names["Your favourite lesson"]: "Art",
        names["What would you change?"]: "Longer break times",
        "about-age-band": "10_12",
        "about-region": "london",
    }
    data.update(overrides)
    return data


@pytest.fixture
def site_tree(transactional_db):
    """The home page and site that migrations make, again after an earlier test's flush.

    The live server needs committed data, so these tests use a transactional database, which
    is emptied after each test.
    """
    from wagtail.models import Collection, Locale, Page, Site

    from cms.models import HomePage
    from cms.roles import roles_sync

    if not HomePage.objects.exists():
        Locale.objects.get_or_create(language_code="en-gb")
        if not Collection.get_first_root_node():
            Collection.add_root(name="Root")
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
        home = root.add_child(instance=HomePage(title="Your voice matters", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
    roles_sync()
