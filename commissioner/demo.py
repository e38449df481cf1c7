"""A demo inquiry for `demo_data`: an invented child, agencies and deadlines."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from commissioner.models import Inquiry
from commissioner.rules import State
from commissioner.services import agencies, deadlines, directions, team

# The smallest file that is a PDF by its bytes: a stand-in for the scanned letter.
DEMO_LETTER = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def casework_demo_load(*, caseworker, commissioner) -> None:
    """Idempotent: adds the demo inquiry once."""
    if Inquiry.objects.filter(direction__reference="DEMO/2026/001").exists():
        return
    today = timezone.localdate()
    inquiry = directions.direction_record(
        reference="DEMO/2026/001",
        given_on=today - timedelta(days=20),
        signatory_name="A. Demo-Minister",
        signatory_office="minister_acting",
        child={
            "name": "Alex Example",
            "date_of_birth": today.replace(year=today.year - 9),
            "local_authority": "Exampleshire County Council",
            "school": "Example Primary School",
        },
        reasons="Agencies held information about the child that was not shared in time.",
        national_significance="The same failures to share information are reported across "
        "England; what is learned applies to many children.",
        terms_of_reference="How agencies shared information about the child between 2024 and "
        "2026, and what should change.",
        letter=SimpleUploadedFile("letter.pdf", DEMO_LETTER),
        by=caseworker,
    )
    team.team_set(inquiry=inquiry, members=[caseworker], by=commissioner)
    directions.inquiry_move(
        inquiry=inquiry, to_state=State.SCOPING, reason="Terms agreed.", by=caseworker
    )
    agency = agencies.agency_add(
        inquiry=inquiry,
        kind="childrens_services",
        name="Exampleshire children's services",
        contact_name="Director of children's services",
        contact_email="dcs@example.org",
        by=caseworker,
    )
    agencies.request_send(
        agency=agency,
        asked_for="Case records from 2024",
        sent_on=today - timedelta(days=35),
        by=caseworker,
    )
    deadlines.deadline_set(inquiry=inquiry, name="Scoping report", working_days=15, by=caseworker)


def demo_load(*, home, users: dict) -> None:
    """For `demo_data`: the demo inquiry."""
    casework_demo_load(caseworker=users["caseworker"], commissioner=users["commissioner"])
