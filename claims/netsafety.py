"""Outbound requests to addresses that users give us (article URLs, webhook
endpoints) must not reach the private network the app runs in (SSRF)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_URL_SHAPE = URLValidator(schemes=["http", "https"])
# IPv6 prefixes whose low 32 bits are an IPv4 address a packet ends up at:
# IPv4-compatible (deprecated, RFC 4291) and the NAT64 well-known prefix (RFC 6052).
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@deconstructible
class WebAddressValidator:
    """An absolute http(s) URL with a valid host and, if it names one, a port
    in 1-65535. The one check every entry point (the add-article form, the
    API, webhook endpoints, each redirect hop of a fetch) applies to a URL,
    so a malformed one is a form or field error, never a 500."""

    message = "Enter a full http:// or https:// address."
    port_message = "The port must be between 1 and 65535."

    def __call__(self, url: str) -> None:
        try:
            _URL_SHAPE(url)  # scheme, host and a port of up to five digits
            parts = urlsplit(url)
        except (ValidationError, ValueError):
            raise ValidationError(self.message, code="invalid") from None
        if not parts.hostname:
            raise ValidationError(self.message, code="invalid")
        try:
            port = parts.port  # ValueError above 65535
        except ValueError:
            port = 0
        if port is not None and not 1 <= port <= 65535:
            raise ValidationError(self.port_message, code="invalid_port")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WebAddressValidator)


web_address_validate = WebAddressValidator()


def _destinations(address: IPAddress) -> list[IPAddress]:
    """The address, and for an IPv6 address that carries an IPv4 one, that
    IPv4 address too: a packet to it ends up there (IPv4-mapped on a
    dual-stack socket, IPv4-compatible and 6to4 through tunnels, NAT64 through
    a translator, Teredo through a relay). A mapped or NAT64 address is judged
    by its IPv4 address alone, as the IPv4 network reaches it."""
    if isinstance(address, ipaddress.IPv4Address):
        return [address]
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.ipv4_mapped is not None:
        return [address.ipv4_mapped]
    if address in _NAT64:
        return [low32]
    if address in _IPV4_COMPATIBLE:
        return [address, low32]
    if address.sixtofour is not None:
        return [address, address.sixtofour]
    if address.teredo is not None:
        return [address, *address.teredo]
    return [address]


def _is_public(address: IPAddress) -> bool:
    # is_global alone has gaps in some Python versions (IPv4-compatible ::/96,
    # NAT64 and 6to4 count as global): the explicit checks close them.
    return not (
        not address.is_global
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
    )


def address_refusal(address: IPAddress) -> str | None:
    """Why a connection to `address` is refused, or None if it is public."""
    for reached in _destinations(address):
        if not _is_public(reached):
            via = "" if reached == address else f" (IPv4 {reached})"
            return f"The address {address}{via} is private, loopback or reserved."
    return None


def public_url_check(url: str, *, allow_private: bool = False, field: str = "url") -> None:
    """Raise ValidationError (on `field`) unless `url` is a well-formed http(s)
    address (web_address_validate) and every address its host resolves to
    is public. `allow_private` lifts the address check (tests, closed
    intranets), not the shape check. Resolution is repeated before each
    request; a host re-resolving to a private address between the check and
    the connection (DNS rebinding) is the remaining gap."""
    try:
        web_address_validate(url)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None
    if allow_private:
        return
    parts = urlsplit(url)
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise ValidationError({field: ["The host name does not resolve."]}) from None
    for info in infos:
        refusal = address_refusal(ipaddress.ip_address(info[4][0].split("%", 1)[0]))
        if refusal:
            raise ValidationError({field: [refusal]})
