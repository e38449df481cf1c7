"""The admin's search takes whatever people type: quotes and FTS syntax are words, not errors."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

pytestmark = pytest.mark.django_db

TYPED = ['"', '"abc', '"a:b"', "a:b", "x'y", "(", "*", "-x", "AND", "NEAR(a b)", "%", "\\"]


@pytest.mark.parametrize("query", TYPED)
def test_the_page_chooser_search_answers_anything_typed(site_tree, query):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "pw"))
    response = client.get("/admin/choose-page/search/", {"q": query})
    assert response.status_code == 200


def test_quoted_words_and_phrases_still_find_the_page(site_tree):
    page = Page.objects.get(depth=2)
    page.title = "Water fountains"
    page.save()
    get_search_backend().add(page)
    found = {
        # A set: PostgreSQL's backend may return a page once for each index entry it matched.
        query: set(Page.objects.search(query).get_queryset().values_list("pk", flat=True))
        for query in ["fountains", '"Water fountains"', 'fountains"']
    }
    assert found == {query: {page.pk} for query in found}
