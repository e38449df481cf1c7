"""The parliament's page: its home on the public site, under which every public route lives.

The routes only hand the request and the page to `parliament.views`; the views never import
this module, so the page sits at the top of the parliament's imports.
"""

from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

import core.converters  # noqa: F401 (registers <id:...> before the routes below are built)
from parliament import views


class ParliamentPage(RoutablePageMixin, Page):
    """The parliament's home on the public site: sittings, motions, results and members live
    under it as routes. Edited as a page in the Wagtail admin."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    how_it_works = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("how_it_works")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    @path("")
    def route_home(self, request):
        return views.home(request, self)

    @path("sittings/", name="sittings")
    def route_sittings(self, request):
        return views.sittings(request, self)

    @path("sittings/<id:pk>/", name="sitting")
    def route_sitting(self, request, pk):
        return views.sitting_detail(request, self, pk)

    @path("motions/", name="motions")
    def route_motions(self, request):
        return views.motions(request, self)

    @path("motions/new/", name="motion_new")
    def route_motion_new(self, request):
        return views.motion_propose(request, self)

    @path("motions/<id:pk>/", name="motion")
    def route_motion(self, request, pk):
        return views.motion_detail(request, self, pk)

    @path("motions/<id:pk>/amend/", name="amend")
    def route_amend(self, request, pk):
        return views.amendment_propose(request, self, pk)

    @path("motions/<id:pk>/comment/", name="comment")
    def route_comment(self, request, pk):
        return views.comment_post(request, self, pk)

    @path("<str:kind>/<id:pk>/second/", name="second")
    def route_second(self, request, kind, pk):
        if kind not in ("motion", "amendment"):
            raise Http404
        return views.proposal_second(request, self, kind, pk)

    @path("comments/<id:pk>/report/", name="report")
    def route_report(self, request, pk):
        return views.comment_report(request, self, pk)

    @path("divisions/<id:pk>/vote/", name="vote")
    def route_vote(self, request, pk):
        return views.vote(request, self, pk)

    @path("members/", name="members")
    def route_members(self, request):
        return views.members(request, self)

    @path("login/", name="login")
    def route_login(self, request):
        return views.login_view(request, self)

    @path("password/", name="password")
    def route_password(self, request):
        return views.password_change(request, self)

    @path("logout/", name="logout")
    def route_logout(self, request):
        return views.logout_view(request, self)
