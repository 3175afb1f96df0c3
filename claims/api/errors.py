"""The API's one error shape, for every 4xx:

    {"error": {"code": "invalid", "message": "...", "fields": {"title": ["..."]}}}

`code` is stable and machine-readable; `message` is for people; `fields`
maps input fields to their messages (empty when the error is not about a
field). Some errors add a sibling key (a stale verdict adds "figure").
"""

from __future__ import annotations

import logging

from django.core import exceptions as django_exceptions
from django.http import Http404, JsonResponse
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from claims.api.renderers import JSONRenderer

security_log = logging.getLogger("claims.api.security")


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than the server accepts."
    default_code = "payload_too_large"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "Send If-Match with the figure's ETag (its version)."
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The figure changed since you read it."
    default_code = "stale_figure"

    def __init__(self, detail=None, code=None, *, extra=None):
        super().__init__(detail, code)
        self.extra = extra or {}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."
    default_code = "conflict"


class UnprocessableEntity(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "The request cannot be processed."
    default_code = "unprocessable"


def validation_error_from_django(
    exc: django_exceptions.ValidationError,
) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {
            ("non_field_errors" if field == "__all__" else field): messages
            for field, messages in exc.message_dict.items()
        }
        return exceptions.ValidationError(detail)
    return exceptions.ValidationError({"non_field_errors": exc.messages})


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for k, v in _flatten(value, name).items():
                fields.setdefault(k, []).extend(v)
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            fields[prefix] = [str(item) for item in detail]
        else:
            for i, item in enumerate(detail):
                for k, v in _flatten(item, f"{prefix}.{i}" if prefix else str(i)).items():
                    fields.setdefault(k, []).extend(v)
    else:
        fields[prefix] = [str(detail)]
    return fields


def _translate(exc: Exception) -> Exception:
    if isinstance(exc, Http404):
        return exceptions.NotFound(*exc.args)
    if isinstance(exc, django_exceptions.PermissionDenied):
        return exceptions.PermissionDenied(*exc.args)
    if isinstance(exc, django_exceptions.RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, django_exceptions.TooManyFieldsSent | django_exceptions.TooManyFilesSent):
        return exceptions.ParseError("Too many fields in the request.")
    if isinstance(exc, RecursionError):
        return exceptions.ParseError("JSON parse error - nested too deeply.")
    if isinstance(exc, UnicodeDecodeError):
        return exceptions.ParseError("The request body is not valid UTF-8.")
    if isinstance(exc, django_exceptions.ValidationError):
        return validation_error_from_django(exc)
    return exc


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def exception_handler(exc, context):
    exc = _translate(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a server error: Django's 500 handling and logging
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        general = fields.pop("non_field_errors", [])
        message = " ".join(general) or "Some fields are invalid; see `fields`."
        response.data = error_body("invalid", message, fields)
    else:
        detail = exc.detail
        message = str(detail) if not isinstance(detail, dict | list) else "Request refused."
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
        if isinstance(exc, exceptions.Throttled):
            message = "Too many requests; retry after the number of seconds in Retry-After."
        response.data = error_body(code, message)
        response.data.update(getattr(exc, "extra", {}))
    request = context.get("request")
    if response.status_code in (401, 403):
        security_log.info(
            "api access refused: %s %s -> %s",
            getattr(request, "method", "?"),
            getattr(request, "path", "?"),
            response.status_code,
        )
    elif isinstance(exc, exceptions.ParseError):
        # Undecodable or hostile bodies (bad UTF-8, deep nesting, 1e400) are
        # worth seeing next to refused access.
        security_log.info(
            "api malformed input: %s %s -> %s",
            getattr(request, "method", "?"),
            getattr(request, "path", "?"),
            response.status_code,
        )
    return response


@csrf_exempt  # an unknown path has nothing to protect: every method gets the 404
def api_not_found(request, *args, **kwargs):
    """JSON 404 for unknown paths under /api/, whatever the method."""
    return JsonResponse(
        error_body("not_found", "There is no API endpoint at this address."),
        status=404,
        content_type="application/json; charset=utf-8",
    )


def server_error(request, *args, **kwargs):
    """handler500: the one error shape under /api/ (an API client cannot read
    Django's HTML page), the HTML page elsewhere. Django has logged the error."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            error_body("server_error", "The server failed to answer; the error is logged."),
            status=500,
            content_type="application/json; charset=utf-8",
        )
    return defaults.server_error(request, *args, **kwargs)


class JSONErrorsMixin:
    """For API views that render something other than JSON (the schema as
    YAML, the docs as HTML): their errors (405, 406, ...) still come in the
    one JSON error shape."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(response, "exception", False):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = "application/json"
        return response
