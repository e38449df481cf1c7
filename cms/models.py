from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import BodyBlock, HelplineBlock

DEFAULT_HELPLINES = [
    (
        "helpline",
        {
            "name": "Childline",
            "phone": "0800 1111",
            "description": "Free, private and open all day and night. Talk about anything.",
            "url": "https://www.childline.org.uk/",
        },
    ),
    (
        "helpline",
        {
            "name": "In an emergency",
            "phone": "999",
            "description": "If you or someone else is in danger right now, call 999.",
            "url": "",
        },
    ),
]


class HomePage(Page):
    """The site's front page: an introduction and the consultations open now. Edited in Pages."""

    introduction = models.TextField(blank=True, max_length=400)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "consultations.ConsultationIndexPage",
        "parliament.ParliamentPage",
        "cms.StandardPage",
    ]
    max_count = 1


class StandardPage(Page):
    """An ordinary content page (about us, privacy, accessibility). Edited in Pages."""

    introduction = models.TextField(blank=True, max_length=400)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]


DEFAULT_URGENT_HELP = (
    "<p>Something you wrote makes us worried that you, or someone you know, might not be "
    "safe. A trained person here will read your answers.</p>"
    "<p>We do not know who you are, so we cannot reply to you. Please talk to someone now: "
    "a teacher, an adult you trust, or Childline.</p>"
)


@register_setting(icon="help")
class SiteSettings(BaseSiteSetting):
    """Site-wide words editors can change: helplines and the footer. Edited in Settings."""

    helplines = StreamField(
        [("helpline", HelplineBlock())],
        default=DEFAULT_HELPLINES,
        help_text="Shown after every answer and in the footer. Keep Childline and 999.",
    )
    urgent_help_text = RichTextField(
        features=["bold", "link", "ul"],
        default=DEFAULT_URGENT_HELP,
        help_text="Shown after answers that may mean a young person is not safe.",
    )
    footer_text = RichTextField(
        blank=True,
        features=["bold", "link"],
        help_text="A short line at the bottom of every page.",
    )

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice for children, linked from the bottom of every page.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from the bottom of every page.",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who we are and how to contact us, linked from the bottom of every page.",
    )

    panels = [
        FieldPanel("helplines"),
        FieldPanel("urgent_help_text"),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("contact_page"),
            ],
            heading="Linked from every page",
        ),
    ]

    def footer_links(self, request=None) -> list[tuple[str, str]]:
        """(words, address) of each page linked from every page's footer, if set and live."""
        links = []
        for words, page in (
            ("Privacy", self.privacy_page),
            ("Accessibility", self.accessibility_page),
            ("Who we are and how to contact us", self.contact_page),
        ):
            if page is not None and page.live:
                links.append((words, page.get_url(request)))
        return links

    class Meta:
        verbose_name = "site settings"
