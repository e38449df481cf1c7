"""Demo content of the site itself, and the helpers other apps' demo modules share.

`manage.py demo_data` calls `demo_load(home=..., users=...)` in every installed app that has
a `demo` module, in the order of INSTALLED_APPS. Every word was written by the team.
"""

from wagtail.models import Page, Site

from cms import site_pages_text
from cms.models import SiteSettings, StandardPage


def rich_text(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def page_add_once(parent: Page, page: Page) -> Page:
    """Add and publish `page` under `parent` unless a page with its slug is already there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def demo_load(*, home, users) -> None:
    page_add_once(
        home,
        StandardPage(
            title="About us",
            slug="about",
            show_in_menus=True,
            introduction=(
                "The Children's Commissioner stands up for the rights of children and "
                "young people in England."
            ),
        ),
    )
    _trust_pages_load(home)


def _body(blocks: list[tuple[str, str]]) -> list[tuple[str, object]]:
    return [
        ("heading", {"text": value, "level": "h2"}) if kind == "heading" else (kind, value)
        for kind, value in blocks
    ]


def _trust_pages_load(home) -> None:
    """The privacy notice, the accessibility statement and who we are, linked from every
    page's footer through the site's settings."""
    made = {}
    for key, text in [
        ("privacy_page", site_pages_text.PRIVACY),
        ("accessibility_page", site_pages_text.ACCESSIBILITY),
        ("contact_page", site_pages_text.ABOUT),
    ]:
        made[key] = page_add_once(
            home,
            StandardPage(
                title=text["title"],
                slug=text["slug"],
                introduction=text["introduction"],
                search_description=text["search_description"],
                body=_body(text["body"]),
            ),
        )
    settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    for key, page in made.items():
        if getattr(settings, key) is None:
            setattr(settings, key, page)
    settings.save()
