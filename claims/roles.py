"""The two roles of the newsroom, as Django groups with model permissions.

Reviewers read everything, add articles, and decide pending figures (and
change their own verdicts). Editors also overrule other reviewers' verdicts,
mark articles reviewed, and manage stories and integrations.
Admins are Django superusers. Re-run after every migrate, so it is idempotent.
"""

from django.contrib.auth.models import Group, Permission

REVIEWERS = "Reviewers"
EDITORS = "Editors"

_REVIEWER_PERMS = [
    "view_article",
    "view_figure",
    "view_verdict",
    "view_story",
    "view_outlet",
    "view_extractionrun",
    "add_article",
    "add_verdict",
    "view_finding",
    "add_findingreview",
]
_EDITOR_PERMS = [
    *_REVIEWER_PERMS,
    "overrule_verdict",
    "change_article",
    "change_story",
    "add_story",
    "view_integration",
    "add_integration",
    "change_integration",
    "view_auditevent",
    "view_apikey",
    "add_apikey",
    "change_apikey",
    "view_webhookendpoint",
    "add_webhookendpoint",
    "change_webhookendpoint",
    "view_webhookdelivery",
]


def ensure_roles(**_: object) -> None:
    for name, codenames in ((REVIEWERS, _REVIEWER_PERMS), (EDITORS, _EDITOR_PERMS)):
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        group.permissions.set(perms)
