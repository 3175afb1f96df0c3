"""Query parameters of the API's list endpoints, parsed at the edge.

Each filter has a parser that returns the value to filter on or raises
ValueError with a message for people; `filters_from_query` runs them all and
refuses the request with one 400 naming every bad parameter. Nothing
unparsed reaches the database, where a bad value would be a 500.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from rest_framework import exceptions
from rest_framework.exceptions import NotFound
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.request import Request

Parser = Callable[[str], Any]

_DATE_TIME = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    # RFC 3339 allows `t` and a space for `T`; DRF writes cursor positions with a space.
    r"(?:[Tt ](?P<hour>\d{2}):(?P<minute>\d{2}):(?P<second>\d{2})(?P<fraction>\.\d+)?"
    r"(?P<offset>[Zz]|(?P<sign>[+-])(?P<off_hour>\d{2}):(?P<off_minute>\d{2}))?)?",
    re.ASCII,
)
DATE_TIME_EXAMPLE = "2026-01-01T00:00:00Z"
_UTC_MIN = dt.datetime.min.replace(tzinfo=dt.UTC)
_UTC_MAX = dt.datetime.max.replace(tzinfo=dt.UTC)


def instant_from_text(value: str) -> dt.datetime:
    """The instant an RFC 3339 date-time names, in UTC (aware).

    Only a full date-time with its UTC offset is accepted (`Z` or `±HH:MM`,
    offsets up to 23:59 either way, any number of fractional digits, of which
    microseconds are kept): a date alone or a time without an offset is
    ambiguous, and a CMS in another time zone would silently skip changes.
    The value is converted to UTC here, because PostgreSQL refuses offsets
    beyond ±15:59 that Python and RFC 3339 accept. An instant beyond Python's
    range in UTC (`9999-12-31T23:59:59-23:59`) is clamped to its end, which
    is exact for the at-or-after and before comparisons it is used in.

    Raises ValueError with a message saying what to send instead.
    """
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        if " " in value and _DATE_TIME.fullmatch(value.replace(" ", "+")):
            raise ValueError(
                "Send a `+` of the UTC offset as %2B: in a URL query a bare `+` means a space."
            )
        raise ValueError(
            f"Give a date-time with its UTC offset (RFC 3339), e.g. {DATE_TIME_EXAMPLE}."
        )
    if match["hour"] is None:
        raise ValueError(f"Give a time and a UTC offset too, e.g. {value}T00:00:00Z.")
    if match["offset"] is None:
        raise ValueError(
            f"Give the UTC offset (Z or ±HH:MM), e.g. {value}Z: a time without one is ambiguous."
        )
    offset = dt.timedelta(0)
    if match["sign"]:
        hours, minutes = int(match["off_hour"]), int(match["off_minute"])
        if hours > 23 or minutes > 59:
            raise ValueError("The UTC offset must be between -23:59 and +23:59.")
        offset = dt.timedelta(hours=hours, minutes=minutes)
        if match["sign"] == "-":
            offset = -offset
    fraction = match["fraction"] or ""
    try:
        local = dt.datetime(
            int(match["year"]),
            int(match["month"]),
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"]),
            int(fraction[1:7].ljust(6, "0")) if fraction else 0,
            tzinfo=dt.timezone(offset),
        )
    except ValueError as exc:  # month 13, 25 o'clock, a leap second, year 0
        raise ValueError(f"Not a valid date-time: {exc}.") from None
    try:
        return local.astimezone(dt.UTC)
    except OverflowError:
        return _UTC_MAX if offset < dt.timedelta(0) else _UTC_MIN


def uuid_from_text(what: str) -> Parser:
    def parse(value: str) -> uuid.UUID:
        try:
            return uuid.UUID(value)
        except ValueError:
            raise ValueError(f"Give {what} id (a UUID).") from None

    return parse


def choice_from(values: Iterable[str]) -> Parser:
    allowed = list(values)

    def parse(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"Choose one of {', '.join(allowed)}.")
        return value

    return parse


def text(value: str) -> str:
    return value


def filters_from_query(request: Request, parsers: dict[str, Parser]) -> dict[str, Any]:
    """The filters given in the query, each parsed by its parser.

    A free-text filter given empty is no filter (`text` parsers return "" and
    callers skip it); any other parameter given empty is refused like any
    other bad value, as its schema says. Raises a DRF ValidationError (400)
    naming each bad parameter, and refuses NUL characters anywhere in the
    query (PostgreSQL cannot compare with them).
    """
    params = request.query_params
    nul = sorted({k for k, values in params.lists() for v in values if "\x00" in v or "\x00" in k})
    if nul:
        raise exceptions.ValidationError(
            {k.replace("\x00", ""): ["Contains a NUL character."] for k in nul}
        )
    found: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name, parse in parsers.items():
        value = params.get(name)
        if value is None or (value == "" and parse is text):
            continue
        try:
            found[name] = parse(value)
        except ValueError as exc:
            errors[name] = [str(exc)]
    if errors:
        raise exceptions.ValidationError(errors)
    return found


class Pagination(CursorPagination):
    """Cursor pagination whose `limit` and `cursor` are checked like filters:
    DRF ignores a bad `limit` and answers a bad cursor with a 404."""

    page_size = 50
    page_size_query_param = "limit"
    max_page_size = 100
    ordering = "-created_at"
    invalid_cursor_message = "Invalid cursor: send the `next` or `previous` link as given."

    def get_page_size(self, request) -> int:
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= self.max_page_size):
            message = f"Give a whole number from 1 to {self.max_page_size}."
            raise exceptions.ValidationError({self.page_size_query_param: [message]})
        return int(value)

    def decode_cursor(self, request) -> Cursor | None:
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            if not encoded:
                raise NotFound()
            cursor = super().decode_cursor(request)
            # The position is a created_at (both orderings sort on it) that the
            # database would otherwise parse: normalize it like a filter.
            position = cursor.position
            if position is not None:
                position = instant_from_text(position).isoformat()
        except (NotFound, ValueError):
            raise exceptions.ValidationError(
                {self.cursor_query_param: [self.invalid_cursor_message]}
            ) from None
        return Cursor(offset=cursor.offset, reverse=cursor.reverse, position=position)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.cursor_query_param,
                "in": "query",
                "required": False,
                "description": "The page to read: the cursor of a `next` or `previous` link, as "
                "given. Any other value is a 400.",
                "schema": {"type": "string", "minLength": 1},
            },
            {
                "name": self.page_size_query_param,
                "in": "query",
                "required": False,
                "description": f"Page size, 1 to {self.max_page_size} "
                f"(default {self.page_size}); anything else is a 400.",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
