"""Who is calling: a CMS with an API key, or a logged-in browser user.

CMS write endpoints take only API keys (no ambient cookie path); read
endpoints also take sessions; verdicts take a key with an acting reviewer or
a session user with claims.add_verdict (SessionAuthentication checks CSRF).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.permissions import BasePermission

from claims.api import keys
from claims.models import ApiKey, ApiScope


class ApiKeyAuthentication(BaseAuthentication):
    """`Authorization: Bearer fck_...`. request.auth is the ApiKey; request.user
    is the key's acting reviewer, or anonymous when it has none."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        scheme, _, key = header.partition(" ")
        if scheme.lower() != self.keyword.lower():
            return None  # another scheme: not ours (session auth may still apply)
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            # The API is not redirected to HTTPS (ASVS 4.1.2): a redirect would
            # hide that the key just crossed the network in clear.
            raise exceptions.AuthenticationFailed("Send API requests over HTTPS.")
        key = key.strip()
        api_key = keys.api_key_lookup(key) if key else None
        if api_key is None:
            raise exceptions.AuthenticationFailed("Unknown or revoked API key.")
        user = api_key.acting_user
        if user is None or not user.is_active:
            user = AnonymousUser()
        return user, api_key

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


KEY_ONLY = [ApiKeyAuthentication]
KEY_OR_SESSION = [ApiKeyAuthentication, SessionAuthentication]


def _api_key(request) -> ApiKey | None:
    return request.auth if isinstance(request.auth, ApiKey) else None


def _require_scope(api_key: ApiKey, scope: str) -> bool:
    if not api_key.has_scope(scope):
        raise exceptions.PermissionDenied(f"This API key lacks the {scope} scope.")
    return True


class CanSubmitArticles(BasePermission):
    """An API key with articles:write."""

    def has_permission(self, request, view):
        api_key = _api_key(request)
        return api_key is not None and _require_scope(api_key, ApiScope.ARTICLES_WRITE)


class CanRead(BasePermission):
    """An API key with articles:read, or a user who may view articles."""

    def has_permission(self, request, view):
        api_key = _api_key(request)
        if api_key is not None:
            return _require_scope(api_key, ApiScope.ARTICLES_READ)
        if not request.user.is_authenticated:
            return False
        if not request.user.has_perm("claims.view_article"):
            raise exceptions.PermissionDenied("You may not read articles.")
        return True


class _ReviewerAction(BasePermission):
    """An API key with verdicts:write and an acting reviewer, or a signed-in
    user; either way the user needs `perm` (the service checks it again)."""

    perm = ""
    refusal = ""

    def has_permission(self, request, view):
        api_key = _api_key(request)
        if api_key is not None:
            _require_scope(api_key, ApiScope.VERDICTS_WRITE)
            if not request.user.is_authenticated:
                raise exceptions.PermissionDenied(
                    "This API key has no acting reviewer; an editor must set one."
                )
        elif not request.user.is_authenticated:
            return False
        if not request.user.has_perm(self.perm):
            raise exceptions.PermissionDenied(self.refusal)
        return True


class CanRecordVerdicts(_ReviewerAction):
    """Recording a verdict (services.verdict_record checks the same again)."""

    perm = "claims.add_verdict"
    refusal = "Only reviewers can record verdicts."


class CanReviewFindings(_ReviewerAction):
    """Confirming or dismissing a finding (crosschecking.finding_review checks again)."""

    perm = "claims.add_findingreview"
    refusal = "Only reviewers can confirm or dismiss findings."


class ApiKeySchema(OpenApiAuthenticationExtension):
    """Documents API keys in the OpenAPI schema as an HTTP bearer scheme."""

    target_class = ApiKeyAuthentication
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key of the integration: `Authorization: Bearer fck_...`.",
        }
