"""The roles of the design, as Django groups with their permissions, kept in one place.

`roles_sync` is idempotent: it runs after every migrate and from `demo_data`, creating
missing groups and setting each group's model permissions to exactly what is listed here.
Page permissions for editors are granted on the root page so they cover the whole tree.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction


class Role:
    YOUNG_PERSON = "young_person"
    PARLIAMENT_MEMBER = "parliament_member"
    ANALYST = "analyst"
    SAFEGUARDING_LEAD = "safeguarding_lead"
    CASEWORKER = "caseworker"
    COMMISSIONER = "commissioner"
    EDITOR = "editor"
    CLERK = "clerk"

    ALL = (
        YOUNG_PERSON,
        PARLIAMENT_MEMBER,
        ANALYST,
        SAFEGUARDING_LEAD,
        CASEWORKER,
        COMMISSIONER,
        EDITOR,
        CLERK,
    )
    # Roles whose members work in the Wagtail admin; the others use the public site only.
    STAFF = (ANALYST, SAFEGUARDING_LEAD, CASEWORKER, COMMISSIONER, EDITOR, CLERK)


ADMIN_ACCESS = "wagtailadmin.access_admin"

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.YOUNG_PERSON: [],
    Role.PARLIAMENT_MEMBER: [],
    Role.ANALYST: [
        ADMIN_ACCESS,
        "consultations.view_response",
        "consultations.export_response",
        # Analysts type in answers given on paper or at workshops and school visits.
        "consultations.enter_response",
        # They also keep the evidence behind the commissioner's advice and research areas.
        "reports.add_advice",
        "reports.change_advice",
        "reports.view_advice",
        "reports.add_researcharea",
        "reports.change_researcharea",
        "reports.view_researcharea",
        "analysis.change_outcometag",
        "parliament.view_motion",
    ],
    Role.SAFEGUARDING_LEAD: [
        ADMIN_ACCESS,
        "consultations.view_response",
        "safeguarding.view_safeguardingflag",
        "safeguarding.change_safeguardingflag",
        "analysis.view_raw_text",
    ],
    # Casework access is per inquiry as well (commissioner/rules.py): these only open the door.
    Role.CASEWORKER: [ADMIN_ACCESS, "commissioner.run_inquiry"],
    Role.COMMISSIONER: [
        ADMIN_ACCESS,
        "consultations.view_response",
        "consultations.export_response",
        "parliament.view_motion",
        "parliament.view_sitting",
        "commissioner.run_inquiry",
        "commissioner.oversee_inquiries",
        # The commissioner signs the annual report off (reports/rules.py) and records its
        # laying before each House.
        "reports.view_submission",
        "reports.lay_submission",
        # The advice given and the areas for research, for the report's chapters.
        "reports.add_advice",
        "reports.change_advice",
        "reports.delete_advice",
        "reports.view_advice",
        "reports.add_researcharea",
        "reports.change_researcharea",
        "reports.delete_researcharea",
        "reports.view_researcharea",
    ],
    Role.EDITOR: [
        ADMIN_ACCESS,
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "cms.change_sitesettings",
        # Editors run the children's parliament: members, sittings and moderation.
        "parliament.add_member",
        "parliament.change_member",
        "parliament.view_member",
        "parliament.add_sitting",
        "parliament.change_sitting",
        "parliament.delete_sitting",
        "parliament.view_sitting",
        "parliament.view_motion",
        "parliament.change_motion",
        "parliament.moderate_motion",
        "parliament.view_comment",
        "parliament.change_comment",
        "parliament.change_parliamentsettings",
    ],
    # Clerks receive the sealed annual report: they read, download and check the submitted
    # versions in the admin, and nothing else there (reports/rules.py).
    Role.CLERK: [ADMIN_ACCESS, "reports.view_submission"],
}

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def _permissions(codes: list[str], using: str) -> list[Permission]:
    found = []
    for code in codes:
        app_label, codename = code.split(".")
        perm = (
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, codename=codename)
            .first()
        )
        if perm is not None:
            found.append(perm)
    return found


@transaction.atomic
def roles_sync(*, using: str = "default") -> list[Group]:
    from wagtail.models import GroupPagePermission, Page

    groups = []
    for name in Role.ALL:
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(_permissions(ROLE_PERMISSIONS[name], using))
        groups.append(group)

    root = Page.objects.using(using).filter(depth=1).first()
    if root is not None:
        editor = Group.objects.using(using).get(name=Role.EDITOR)
        for perm in _permissions([f"wagtailcore.{p}" for p in EDITOR_PAGE_PERMISSIONS], using):
            GroupPagePermission.objects.using(using).get_or_create(
                group=editor, page=root, permission=perm
            )
    return groups
