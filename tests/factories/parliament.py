"""Members, motions and votes made through the parliament's own services, as staff and members
would make them."""

from datetime import date, timedelta
from itertools import count

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from cms.models import HomePage
from cms.roles import Role
from parliament import services
from parliament.models import Division, Motion, ParliamentPage

_names = count(1)


def moderator():
    user, _ = get_user_model().objects.get_or_create(username="moderator-editor")
    user.groups.add(Group.objects.get(name=Role.EDITOR))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def born(age: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - age) - timedelta(days=40)


def member_make(*, age: int = 14, region: str = "london", name: str = "", consent: bool = True):
    today = timezone.localdate()
    access = services.member_create(
        display_name=name or f"Member{next(_names)}",
        region=region,
        term_starts=today - timedelta(days=30),
        term_ends=today + timedelta(days=300),
        date_of_birth=born(age),
        by=None,
    )
    if consent and access.member.needs_consent:
        services.member_consent_record(member=access.member, note="Form signed", by=None)
    access.member.refresh_from_db()
    return access


def motion_approved(proposer=None, seconder=None, title: str = "Free buses") -> Motion:
    proposer = proposer or member_make().member
    seconder = seconder or member_make().member
    motion = services.motion_propose(
        member=proposer,
        title=title,
        text="This parliament believes buses should be free.",
        outcomes=["economic_wellbeing"],
    )
    services.proposal_second(member=seconder, proposal=motion)
    return services.proposal_moderate(proposal=motion, approve=True, by=moderator())


def division_open(question, *, hours: int = 24) -> Division:
    now = timezone.now()
    return services.division_schedule(
        question=question,
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=hours),
        by=moderator(),
    )


def parliament_page() -> ParliamentPage:
    page = ParliamentPage.objects.first()
    if page is None:
        home = HomePage.objects.first()
        page = home.add_child(
            instance=ParliamentPage(title="Children's parliament", slug="parliament")
        )
    return page
