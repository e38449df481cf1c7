from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bench.baseline.models import BenchRow


# No CSRF, form or template: this is the floor a single insert sets for the same server.
@csrf_exempt
@require_POST
def baseline_insert(request: HttpRequest) -> HttpResponse:
    BenchRow.objects.create(text=request.POST.get("text", ""))
    return HttpResponse(status=201)
