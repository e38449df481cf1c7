"""The parliament's records: members, sittings, motions and amendments, debate, divisions.

Members, sittings and moderation are managed by staff in the Wagtail admin; members take part
on the public site, through the routes of `ParliamentPage` (in `pages.py`). Whatever these
models decide (who needs consent, what is public, what carries) is asked of `parliament.rules`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.taxonomy import Outcome
from nlp.pipeline.pii import find_pii, redact
from parliament import rules
from parliament.choices import CONSTITUENCIES, PUBLIC_STATUSES, ProposalStatus

__all__ = [
    "CONSTITUENCIES",
    "PUBLIC_STATUSES",
    "Amendment",
    "Comment",
    "CommentReport",
    "Division",
    "Member",
    "Motion",
    "ParliamentSettings",
    "ProposalStatus",
    "Sitting",
    "Vote",
]


class Member(models.Model):
    """A member of the children's parliament, created by staff (no public sign-up) in the
    Wagtail admin. Only the display name and region are ever shown on the site."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="parliament_member"
    )
    display_name = models.CharField(
        max_length=30,
        unique=True,
        validators=[
            # One word, or one word and an initial ("Sam", "Sam J"): room for a surname invites one.
            RegexValidator(
                r"^[^\s]+( [^\s]\.?)?$",
                "Use a first name or nickname, with one initial at most: never a surname.",
            )
        ],
        help_text="The name shown on the site: a first name or a nickname the member chose, "
        "never a surname.",
    )
    region = models.CharField("constituency", max_length=32, choices=CONSTITUENCIES)
    term_starts = models.DateField()
    term_ends = models.DateField()
    date_of_birth = models.DateField(help_text="Private: used to check age, never shown.")
    guardian_consent_at = models.DateTimeField(null=True, blank=True)
    guardian_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    guardian_consent_note = models.CharField(max_length=200, blank=True)
    suspended_at = models.DateTimeField(null=True, blank=True)
    suspended_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["region", "display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_ends__gt=models.F("term_starts")),
                name="member_term_ends_after_start",
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    @property
    def needs_consent(self) -> bool:
        """Young enough to need a parent or carer's consent, whether or not it is recorded."""
        return rules.consent_required(self.date_of_birth, timezone.localdate())

    @property
    def waiting_for_consent(self) -> bool:
        return rules.member_waiting_for_consent(self, timezone.localdate())


class Proposal(models.Model):
    """What motions and amendments share: proposed, seconded, moderated, then decided."""

    text = models.TextField(max_length=2000)
    status = models.CharField(
        max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    seconded_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.TextField(blank=True)

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return rules.proposal_is_public(self.status)


class Sitting(models.Model):
    """A meeting of the parliament with an agenda of motions, scheduled by staff in the
    Wagtail admin."""

    title = models.CharField(max_length=120)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=120, help_text='Where it meets, or "Online".')
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="sitting_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%-d %B %Y})"


class Motion(Proposal):
    """A motion a member proposes and another seconds; public once a moderator approves it."""

    title = models.CharField(max_length=120)
    outcomes = models.JSONField(
        default=list, blank=True, help_text="The outcomes this motion concerns."
    )
    proposer = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="motions")
    seconder = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="seconded_motions"
    )
    # The words as first proposed; `text` changes only if an amendment is carried.
    original_text = models.TextField(blank=True)
    sitting = models.ForeignKey(
        Sitting, null=True, blank=True, on_delete=models.SET_NULL, related_name="motions"
    )
    agenda_order = models.PositiveSmallIntegerField(default=0)
    # Once carried: what the commissioner's office did about it, shown on the motion's page.
    next_steps = models.TextField(blank=True, max_length=2000)
    next_steps_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at"]
        permissions = [("moderate_motion", "Can moderate motions, amendments and comments")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(seconder=models.F("proposer")), name="motion_seconder_not_proposer"
            )
        ]

    def __str__(self):
        return self.title

    def outcome_labels(self) -> list[str]:
        return [Outcome(o).label for o in self.outcomes if o in Outcome.values]


class Amendment(Proposal):
    """A change to a motion's words, proposed and seconded like a motion and decided first."""

    motion = models.ForeignKey(Motion, on_delete=models.PROTECT, related_name="amendments")
    proposer = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="amendments")
    seconder = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="seconded_amendments"
    )

    class Meta:
        ordering = ["proposed_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(seconder=models.F("proposer")), name="amendment_seconder_not_proposer"
            )
        ]

    def __str__(self):
        return f"Amendment to {self.motion}"


class Division(models.Model):
    """A recorded vote on one motion or amendment, open between two times set by staff."""

    motion = models.ForeignKey(
        Motion, null=True, blank=True, on_delete=models.PROTECT, related_name="divisions"
    )
    amendment = models.OneToOneField(
        Amendment, null=True, blank=True, on_delete=models.PROTECT, related_name="division"
    )
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    # Filled in once, when the division closes; nothing is counted while it is open.
    counted_at = models.DateTimeField(null=True, blank=True)
    ayes = models.PositiveIntegerField(default=0)
    noes = models.PositiveIntegerField(default=0)
    abstentions = models.PositiveIntegerField(default=0)
    by_region = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-closes_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="division_closes_after_open"
            ),
            models.CheckConstraint(
                condition=(Q(motion__isnull=False) & Q(amendment__isnull=True))
                | (Q(motion__isnull=True) & Q(amendment__isnull=False)),
                name="division_on_one_question",
            ),
            models.UniqueConstraint(
                fields=["motion"],
                condition=Q(motion__isnull=False),
                name="one_division_per_motion",
            ),
        ]

    def __str__(self):
        return f"Division on {self.question}"

    @property
    def question(self) -> Motion | Amendment:
        return self.motion or self.amendment

    @property
    def about_motion(self) -> Motion:
        """The motion this vote is about, itself or through the amendment to it."""
        return self.motion or self.amendment.motion

    def stage_at(self, now) -> rules.DivisionStage:
        return rules.division_stage(
            opens_at=self.opens_at, closes_at=self.closes_at, counted_at=self.counted_at, now=now
        )

    @property
    def stage(self) -> rules.DivisionStage:
        """Scheduled, open, being counted or counted: what a page may show of it now."""
        return self.stage_at(timezone.now())

    @property
    def carried(self) -> bool:
        return rules.division_carries(ayes=self.ayes, noes=self.noes)


class Vote(models.Model):
    """One member's vote in one division: secret while the division is open."""

    class Choice(models.TextChoices):
        AYE = "aye", "Aye (for)"
        NO = "no", "No (against)"
        ABSTAIN = "abstain", "Abstain"

    division = models.ForeignKey(Division, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(max_length=8, choices=Choice.choices)
    cast_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["division", "member"], name="one_vote_per_member")
        ]

    def __str__(self):
        return f"{self.member} in {self.division_id}"


class Comment(models.Model):
    """A member's contribution to the debate on a motion."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a moderator"
        PUBLISHED = "published", "Published"
        HIDDEN = "hidden", "Hidden by a moderator"

    motion = models.ForeignKey(Motion, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="comments")
    text = models.TextField(max_length=2000)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    posted_at = models.DateTimeField(default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.TextField(blank=True)
    # Set when the screen found a possible disclosure: the comment is with the safeguarding
    # lead and cannot be published until they close its flag.
    held_for_safeguarding = models.BooleanField(default=False)

    class Meta:
        ordering = ["posted_at"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(status="published") & Q(held_for_safeguarding=True)),
                name="held_comment_is_never_published",
            )
        ]

    def __str__(self):
        return f"Comment by {self.author} on {self.motion}"

    @property
    def text_for_staff(self) -> str:
        """What moderators and editors read: while the comment is with the safeguarding lead,
        its words with personal data removed (the named adult, the child's phone number)."""
        if not self.held_for_safeguarding:
            return self.text
        return redact(self.text, find_pii(self.text))

    text_for_staff.fget.short_description = "Comment"

    def clean(self):
        super().clean()
        decision = rules.comment_can_publish(
            publishing=self.status == self.Status.PUBLISHED, held=self.held_for_safeguarding
        )
        if not decision:
            raise ValidationError({"status": decision.reason})


class CommentReport(models.Model):
    """A member's report of a comment, on the moderation queue until a moderator decides."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="reports_made")
    reason = models.TextField(max_length=1000)
    reported_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["reported_at"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_member")
        ]

    def __str__(self):
        return f"Report on comment {self.comment_id}"


@register_setting(icon="group")
class ParliamentSettings(BaseGenericSetting):
    """How the parliament's debate is moderated; edited under Settings in the Wagtail admin."""

    class Moderation(models.TextChoices):
        BEFORE = "before", "Before: a moderator approves each comment before it appears"
        AFTER = "after", "After: comments appear at once; moderators review reports"

    comment_moderation = models.CharField(
        max_length=8, choices=Moderation.choices, default=Moderation.BEFORE
    )

    panels = [FieldPanel("comment_moderation")]

    class Meta:
        verbose_name = "children's parliament"
