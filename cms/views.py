from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A plain-words page for a form sent without its security token (403)."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
