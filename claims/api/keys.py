"""API keys: creation (shown once), lookup by prefix, hash comparison, revocation.

A key looks like `fck_<prefix>_<secret>`: the 8-character prefix is stored in
clear to find the row, the whole key only as its SHA-256 (the key carries 256
random bits, so a fast hash is enough; there is nothing to brute-force).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import ApiKey, ApiScope, Integration

KEY_PREFIX = "fck_"


@dataclass(frozen=True)
class NewKey:
    api_key: ApiKey
    key: str  # the secret: show it once, it is not stored


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_key_generate() -> tuple[str, str, str]:
    """Return (key, prefix, key_hash) for a new random key."""
    prefix = secrets.token_hex(4)
    key = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    return key, prefix, _hash(key)


def api_key_validate_scopes(scopes: list[str]) -> list[str]:
    unknown = sorted(set(scopes) - set(ApiScope.values))
    if unknown:
        raise ValidationError(
            {
                "scopes": [
                    f"Unknown scope {s!r}; choose from {', '.join(ApiScope.values)}."
                    for s in unknown
                ]
            }
        )
    return sorted(set(scopes))


def api_key_validate_acting_user(user) -> None:
    if user is not None and not user.has_perm("claims.add_verdict"):
        raise ValidationError(
            {"acting_user": ["The acting user must be a reviewer (may record verdicts)."]}
        )


def api_key_create(
    *,
    integration: Integration,
    scopes: list[str],
    name: str = "",
    acting_user=None,
    created_by=None,
) -> NewKey:
    """Create a key; the returned NewKey.key is the only copy of the secret."""
    scopes = api_key_validate_scopes(scopes)
    api_key_validate_acting_user(acting_user)
    key, prefix, key_hash = api_key_generate()
    api_key = ApiKey.objects.create(
        integration=integration,
        name=name[:100],
        prefix=prefix,
        key_hash=key_hash,
        scopes=scopes,
        acting_user=acting_user,
        created_by=created_by if created_by is not None and created_by.is_authenticated else None,
    )
    return NewKey(api_key, key)


# Active keys are cached in the shared cache for a few seconds so a request
# costs no key query, and in the process for one second so most cost no
# cache round trip either. Anything that changes whether a key is usable
# (revoking or editing it, switching its integration off or deleting it)
# goes through a function below that drops the shared entries at once; other
# processes follow within LOCAL_SECONDS. With the cache down, lookups read
# the database (factcheck.cache answers as a miss).
CACHE_SECONDS = 10
LOCAL_SECONDS = 1.0
_local: dict[str, tuple[float, ApiKey]] = {}


def _cache_key(prefix: str) -> str:
    return f"api-key:{prefix}"


def api_key_lookup(key: str) -> ApiKey | None:
    """The active key `key` is, with its integration and acting user, or None
    (malformed, unknown, revoked, or its integration is switched off)."""
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    prefix = key[len(KEY_PREFIX) :].split("_", 1)[0]
    if len(prefix) != 8 or not prefix.isalnum():
        return None
    now = time.monotonic()
    hit = _local.get(prefix)
    api_key = hit[1] if hit is not None and now - hit[0] < LOCAL_SECONDS else None
    if api_key is None:
        api_key = cache.get(_cache_key(prefix))
    if api_key is None:
        api_key = (
            ApiKey.objects.select_related("integration", "acting_user")
            .filter(prefix=prefix, revoked_at__isnull=True, integration__is_active=True)
            .first()
        )
        if api_key is None:
            return None
        api_key_touch(api_key=api_key)
        cache.set(_cache_key(prefix), api_key, CACHE_SECONDS)
    if not hmac.compare_digest(api_key.key_hash, _hash(key)):
        return None
    if hit is None or hit[1] is not api_key:
        if len(_local) > 1000:
            _local.clear()
        _local[prefix] = (now, api_key)
    return api_key


def api_key_forget(*, api_key: ApiKey) -> None:
    """Drop the cached copies (after a change to the key)."""
    _forget_after_commit([api_key.prefix])


def _forget(*, prefixes: list[str]) -> None:
    if not prefixes:
        return
    cache.delete_many([_cache_key(prefix) for prefix in prefixes])
    for prefix in prefixes:
        _local.pop(prefix, None)


def _forget_after_commit(prefixes: list[str]) -> None:
    # Once the change is visible: dropped earlier, a concurrent lookup could
    # cache the old row again from the database for CACHE_SECONDS. Dropped
    # now as well, so this process never serves the old copy meanwhile.
    _forget(prefixes=prefixes)
    transaction.on_commit(lambda: _forget(prefixes=prefixes))


def _prefixes(integration: Integration) -> list[str]:
    return list(ApiKey.objects.filter(integration=integration).values_list("prefix", flat=True))


def integration_save(*, integration: Integration) -> None:
    """Create or change an integration. Its keys' cached copies are dropped
    when the change commits: switched off, its keys are refused from the
    next request on (in other web processes within LOCAL_SECONDS)."""
    with transaction.atomic():
        integration.save()
        _forget_after_commit(_prefixes(integration))


def integration_delete(*, integration: Integration) -> None:
    """Delete an integration with its keys and webhooks; the keys' cached
    copies are dropped as for switching it off."""
    with transaction.atomic():
        prefixes = _prefixes(integration)
        integration.delete()
        _forget_after_commit(prefixes)


def api_key_revoke(*, api_key: ApiKey) -> None:
    ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    api_key.refresh_from_db(fields=["revoked_at"])
    api_key_forget(api_key=api_key)


def api_key_touch(*, api_key: ApiKey) -> None:
    """Record use, at most once a minute per key (called on a cache miss, so
    not on every request: last_used_at is accurate to about a minute)."""
    now = timezone.now()
    if api_key.last_used_at is None or (now - api_key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
