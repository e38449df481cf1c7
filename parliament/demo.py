"""Demo content for the children's parliament, loaded by `demo_data`. Every name is invented."""

from datetime import date, timedelta

from django.utils import timezone
from wagtail.models import Page

from core.taxonomy import Outcome
from parliament import services
from parliament.models import (
    Division,
    Member,
    Motion,
    ParliamentPage,
    Sitting,
    Vote,
)

MEMBERS = [
    ("Ayo", "london", 15),
    ("Jess", "north_west", 14),
    ("Kai", "south_west", 12),
    ("Priya", "west_midlands", 16),
    ("Leon", "north_east", 13),
    ("Maddie", "yorkshire_humber", 17),
]


def _born(age: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - age) - timedelta(days=30)


def parliament_demo_load(*, home: Page, member_user, staff_user) -> None:
    """Idempotent: does nothing to content that is already there."""
    if not ParliamentPage.objects.exists():
        home.add_child(
            instance=ParliamentPage(
                title="Children's parliament",
                slug="parliament",
                show_in_menus=True,
                intro="<p>Young people from every region of England debate and vote on the "
                "issues they choose. What the parliament decides becomes the commissioner's "
                "priorities.</p>",
                how_it_works="<ol><li>A member proposes a motion and another seconds it.</li>"
                "<li>A moderator checks it, then members debate it.</li>"
                "<li>Amendments are voted on first, then the motion.</li>"
                "<li>The result is published when voting closes.</li></ol>",
            )
        )
    today = timezone.localdate()
    term = {"term_starts": today - timedelta(days=60), "term_ends": today + timedelta(days=300)}
    you, _ = Member.objects.get_or_create(
        user=member_user,
        defaults={"display_name": "Sam", "region": "london", "date_of_birth": _born(14), **term},
    )
    if Motion.objects.exists():
        return
    members = [you]
    for name, region, age in MEMBERS:
        access = services.member_create(
            display_name=name, region=region, date_of_birth=_born(age), by=staff_user, **term
        )
        if access.member.needs_consent:
            services.member_consent_record(
                member=access.member, note="Signed form received", by=staff_user
            )
        members.append(access.member)

    now = timezone.now()
    sitting = Sitting.objects.create(
        title="Spring sitting",
        starts_at=now + timedelta(days=10),
        ends_at=now + timedelta(days=10, hours=2),
        place="Online",
        summary="Travel, mental health support and school meals.",
    )

    def approved(proposer, seconder, title, text, outcomes):
        motion = services.motion_propose(member=proposer, title=title, text=text, outcomes=outcomes)
        services.proposal_second(member=seconder, proposal=motion)
        return services.proposal_moderate(proposal=motion, approve=True, by=staff_user)

    carried = approved(
        members[1],
        members[2],
        "Free bus travel for under 18s",
        "This parliament believes every young person should travel free on buses, so that "
        "getting to school, college, clubs and work never depends on money.",
        [Outcome.ECONOMIC_WELLBEING, Outcome.ENJOYING_AND_ACHIEVING],
    )
    division = Division.objects.create(
        motion=carried, opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=2)
    )
    choices = ["aye", "aye", "aye", "no", "aye", "abstain", "aye"]
    for member, choice in zip(members, choices, strict=True):
        Vote.objects.create(division=division, member=member, choice=choice)
    services.division_count(division=division, now=now)
    carried.refresh_from_db()
    services.motion_next_steps_record(
        motion=carried,
        text=(
            "The Commissioner wrote to the Secretary of State for Transport with this motion and "
            "what 1,200 young people told us about getting to school. The Department has agreed "
            "to look at free travel for under 18s in its next bus plan, and we will tell you "
            "what it decides."
        ),
        by=staff_user,
    )

    voting = approved(
        members[3],
        members[4],
        "A counsellor in every school",
        "This parliament believes every school should have a counsellor pupils can see "
        "within a week.",
        [Outcome.BEING_HEALTHY],
    )
    services.motion_schedule(motion=voting, sitting=sitting, order=1, by=staff_user)
    Division.objects.create(
        motion=voting, opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=5)
    )

    debated = approved(
        members[5],
        members[6],
        "Hot school meals for everyone",
        "This parliament believes every pupil should get a free hot meal at school.",
        [Outcome.BEING_HEALTHY, Outcome.ECONOMIC_WELLBEING],
    )
    services.motion_schedule(motion=debated, sitting=sitting, order=2, by=staff_user)
    services.comment_post(
        member=members[2],
        motion=debated,
        text="Lots of people in my class skip lunch because it costs too much.",
    )

    services.motion_propose(
        member=members[6],
        title="Parks open later in summer",
        text="This parliament believes parks should stay open until 9pm in the summer.",
        outcomes=[Outcome.ENJOYING_AND_ACHIEVING],
    )


def demo_load(*, home: Page, users: dict) -> None:
    """For `demo_data`: the parliament page, members, a sitting and its motions."""
    parliament_demo_load(
        home=home, member_user=users["parliament_member"], staff_user=users["admin"]
    )
