"""Demo content of the site itself, and the helpers other apps' demo modules share.

`manage.py demo_data` calls `demo_load(home=..., users=...)` in every installed app that has
a `demo` module, in the order of INSTALLED_APPS. Every word was written by the team.
"""

from wagtail.models import Page

from cms.models import StandardPage


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
