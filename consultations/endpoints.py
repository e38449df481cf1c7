"""The address answers are posted to, /answer/<page id>/: it finds the live consultation
without routing through the page tree (docs/adr/0006-submission-endpoint.md) and hands the
post to the same submission view as the page's own address."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt

from consultations import views
from consultations.selectors import consultation_taking_answers
from core.requests import sent_from_another_site


# No CSRF cookie: a young person whose browser refuses cookies can still answer. The signed
# token in the form and the browser's own word on where the post came from stand in for it
# (docs/adr/0018-a-fast-journey-without-cookies.md); a post carries nobody's login.
@csrf_exempt
def submit(request: HttpRequest, page_id: int) -> HttpResponse:
    """Take answers for one consultation: the same checks as posting to the page itself."""
    live = consultation_taking_answers(request=request, page_id=page_id)
    if live is None:
        raise Http404("No such consultation")
    if request.method != "POST":
        return redirect(live.url)
    for restriction in live.restrictions:
        if not restriction.accept_request(request):
            return redirect(live.url)
    if sent_from_another_site(request):
        return views.refuse_other_site(request, live.page)
    return views.submission(request, live.page, page_url=live.url)
