"""The audit trail: who did what to which object, with the state before and after."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from claims.models import AuditEvent

User = AbstractBaseUser | AnonymousUser


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(getattr(obj, "public_id", obj.pk)),
        before=before,
        after=after,
    )
