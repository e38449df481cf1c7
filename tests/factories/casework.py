"""Directions and inquiries made the way a caseworker makes them, with invented children."""

from datetime import timedelta
from itertools import count

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from cms.roles import Role
from commissioner.services.directions import direction_record

_refs = count(1)
# The smallest thing that is, by its bytes, a PDF.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name: str = "letter.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def staff(role: str, username: str = ""):
    user = get_user_model().objects.create_user(username=username or f"{role}-{next(_refs)}")
    user.groups.add(Group.objects.get(name=role))
    return get_user_model().objects.get(pk=user.pk)


def client_for(user) -> Client:
    """A test client logged in as `user`, or anonymous for None."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def direction_facts(**overrides) -> dict:
    facts = dict(
        reference=f"SoS/2026/{next(_refs):03d}",
        given_on=timezone.localdate() - timedelta(days=3),
        signatory_name="A. Minister",
        signatory_office="secretary_of_state",
        child={"name": "Robin Example", "local_authority": "Exampleshire"},
        reasons="Repeated failures to share information between agencies.",
        national_significance="The failures reflect practice in many areas of England.",
        terms_of_reference="How agencies shared information about the child from 2024.",
        letter=pdf(),
    )
    facts.update(overrides)
    return facts


def inquiry_make(*, by=None, **overrides):
    by = by or staff(Role.CASEWORKER)
    return direction_record(**direction_facts(**overrides), by=by)
