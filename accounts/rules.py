"""Who must give a second factor, and who may use which login page.

The second factor follows what a person can read, not the name of their group: anyone who can
read children's own words (unredacted answers, safeguarding flags) or casework must give a
code. Today that is the safeguarding lead, caseworkers, the commissioner and superusers
(cms/roles.py); a permission granted to one person directly counts the same.
"""

from cms.roles import Role

# Each of these opens children's words or casework (cms/roles.py, ROLE_PERMISSIONS).
SENSITIVE_PERMISSIONS = (
    "analysis.view_raw_text",
    "safeguarding.view_safeguardingflag",
    "commissioner.run_inquiry",
    "commissioner.oversee_inquiries",
)


def second_factor_required(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(user.has_perm(permission) for permission in SENSITIVE_PERMISSIONS)


def is_parliament_member(user) -> bool:
    """Members log in on the parliament's pages only, never on the staff login pages."""
    return user.groups.filter(name=Role.PARLIAMENT_MEMBER).exists()
