"""Outbound requests to addresses that users give us (article URLs, webhook
endpoints) must not reach the private network the app runs in (SSRF)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError


def public_url_check(url: str, *, allow_private: bool = False, field: str = "url") -> None:
    """Raise ValidationError (on `field`) unless `url` is http(s) and every
    address its host resolves to is public. `allow_private` lifts the address
    check (tests, closed intranets). Resolution is repeated before each
    request; a host re-resolving to a private address between the check and
    the connection (DNS rebinding) is the remaining gap."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError({field: ["Give an http:// or https:// address."]})
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise ValidationError({field: ["The host name does not resolve."]}) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise ValidationError(
                {field: [f"The address {address} is private, loopback or reserved."]}
            )
