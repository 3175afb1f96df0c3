"""drf-spectacular extensions: the rules the input serializers enforce that
the generated schema cannot see on its own, so that the schema describes
exactly what the API accepts (schemathesis checks both directions).

Registered on import; claims/api/urls.py imports this module.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

from django.core.validators import DomainNameValidator
from drf_spectacular.extensions import (
    OpenApiSerializerExtension,
    OpenApiSerializerFieldExtension,
)

from claims.models import Verdict


def _char_class(code_points: list[int]) -> str:
    """The code points of the BMP as a regex class body of ranges, escaped for
    Python's `re`, Rust's regex and ECMA-262 alike. Astral code points are left
    out: schemathesis refuses patterns that name them (ECMA-262 without the
    `u` flag cannot), so an astral format character (U+E0001) counts as
    visible in the schema though the service does not count it."""
    code_points = [cp for cp in code_points if cp <= 0xFFFF]

    def char(cp: int) -> str:
        return f"\\u{cp:04x}"

    parts, start = [], None
    for i, cp in enumerate(code_points):
        if start is None:
            start = cp
        if i + 1 < len(code_points) and code_points[i + 1] == cp + 1:
            continue
        parts.append(char(start) if start == cp else f"{char(start)}-{char(cp)}")
        start = None
    return "".join(parts)


# Refused in every string: NUL (DRF, and PostgreSQL cannot store it). Lone
# surrogates (JSON can carry them as \ud800 escapes) are refused too, but
# Rust's regex engine, which schemathesis checks schemas with, cannot name them.
_NEVER = [0]


@cache
def _patterns() -> dict[str, str]:
    never = set(_NEVER)
    space = sorted(never | {cp for cp in range(sys.maxunicode + 1) if chr(cp).isspace()})
    # What claims.services.articles._visible does not count as showing.
    invisible = sorted(
        set(space)
        | {cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) in ("Cc", "Cf")}
    )
    allowed = f"[^{_char_class(_NEVER)}]"
    return {
        # Not blank: drf-spectacular offers "" as a oneOf branch of its own for
        # fields that allow it, and "" must not match both.
        "any": f"^{allowed}+$",
        "not_blank": f"^{allowed}*[^{_char_class(space)}]{allowed}*$",
        "visible": f"^{allowed}*[^{_char_class(invisible)}]{allowed}*$",
    }


def _ignore_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


@cache
def url_pattern() -> str:
    """What Django's URLValidator(schemes=["http", "https"]) accepts, as one
    regex built from its own parts: spelled out case-insensitively (JSON
    Schema has no flags), without NUL and lone surrogates, hosts of at most
    253 characters, and ports 1 to 65535. Bracketed IPv6 hosts are left out:
    no regex of reasonable size says which of them are valid. The parts are
    bounded so that a match is under the fields' 2,000 characters: the schema
    then needs no maxLength, whose boundary values schemathesis would spend
    minutes searching this pattern for."""
    names = DomainNameValidator
    letters = "\\u00a1-\\uffff"
    host = (names.hostname_re + names.domain_re + names.tld_re).replace(names.ul, letters)
    host = host.replace("a-z", "a-zA-Z").replace("xn--", _ignore_case("xn--"))
    octet = r"(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)"
    port = (
        r"(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
    )
    # Python's whitespace (\s differs between regex engines), and NUL.
    space = _char_class([cp for cp in range(sys.maxunicode + 1) if chr(cp).isspace() or cp == 0])
    end = r"(?![\s\S])"  # `$` also matches before a final newline in Python
    return (
        f"^{_ignore_case('http')}[sS]?://"
        f"(?:[^{space}:@/\\[\\]]{{1,64}}(?::[^{space}:@/\\[\\]]{{0,64}})?@)?"
        f"(?=[^:/?#]{{1,253}}(?:[:/?#]|{end}))"
        f"(?:{octet}(?:\\.{octet}){{3}}|{host}|{_ignore_case('localhost')})"
        f"(?::{port})?"
        f"(?:[/?#][^{space}]{{0,1500}})?{end}"
    )


def text_pattern(kind: str) -> str:
    """`any` (no NUL, no lone surrogate; not empty), `not_blank` (also some character
    that is not whitespace: DRF trims, then refuses the empty string) or
    `visible` (also some character that shows, as titles and texts need)."""
    return _patterns()[kind]


class StrictCharFieldSchema(OpenApiSerializerFieldExtension):
    """Input strings: the characters they may hold and whether they may be blank."""

    target_class = "claims.api.serializers.StrictCharField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        field = self.target
        if field.allow_blank:
            kind = "any"
        elif getattr(field, "visible", False):
            kind = "visible"
        else:
            kind = "not_blank"
        if "format" in schema:  # a URL
            # Django accepts internationalized hosts and paths: an IRI, not a URI.
            schema["format"] = "iri"
            schema["pattern"] = url_pattern()
            schema.pop("maxLength", None)  # the pattern bounds the length (url_pattern)
        else:
            schema["pattern"] = text_pattern(kind)
        return schema


class ArticleSubmitSchema(OpenApiSerializerExtension):
    """`text` or `html` must be given with something that shows."""

    target_class = "claims.api.serializers.ArticleSubmitSerializer"

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        schema["additionalProperties"] = False  # StrictSerializer refuses unknown fields
        visible = {"type": "string", "pattern": text_pattern("visible")}
        # ArticleSubmitSerializer.validate_published_at takes the years 1800
        # to 2200; the years written 1801 to 2199 are inside it whatever the offset.
        schema["properties"]["published_at"]["pattern"] = (
            "^(?:18(?:0[1-9]|[1-9][0-9])|19[0-9]{2}|2[01][0-9]{2})-"
        )
        schema["anyOf"] = [
            {"required": ["text"], "properties": {"text": visible}},
            {"required": ["html"], "properties": {"html": visible}},
        ]
        schema["description"] = (
            "Give `text` or `html` (or both) with some visible text; without, the answer "
            "is a 400 naming `text`."
        )
        return schema


class VerdictInputSchema(OpenApiSerializerExtension):
    """A dispute must say why."""

    target_class = "claims.api.serializers.VerdictInputSerializer"

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        schema["additionalProperties"] = False  # StrictSerializer refuses unknown fields
        others = [d for d in Verdict.Decision.values if d != Verdict.Decision.DISPUTE]
        schema["anyOf"] = [
            {"properties": {"decision": {"enum": others}}},
            {"required": ["reason"], "properties": {"reason": {"enum": Verdict.Reason.values}}},
        ]
        schema["description"] = "A `dispute` needs a `reason`; without one the answer is a 400."
        return schema
