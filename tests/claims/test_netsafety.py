"""The shared URL checks: the shape of a web address (every entry point) and
the SSRF check of where it leads (article fetches, webhook deliveries)."""

import ipaddress

import pytest
from django.core.exceptions import ValidationError

from claims import services, webhooks
from claims.models import Article, Integration, WebhookDelivery, WebhookEndpoint, WebhookEvent
from claims.netsafety import address_refusal, public_url_check, web_address_validate
from tests.claims.api.receiver import Receiver

# IPv6 addresses that carry a private IPv4 address, one of each form.
EMBEDDED_PRIVATE = {
    "IPv4-compatible loopback": "::7f00:1",
    "IPv4-compatible private": "::a00:1",
    "IPv4-mapped loopback": "::ffff:127.0.0.1",
    "6to4 loopback": "2002:7f00:1::",
    "6to4 metadata service": "2002:a9fe:a9fe::1",
    "NAT64 loopback": "64:ff9b::7f00:1",
    "NAT64 metadata service": "64:ff9b::a9fe:a9fe",
    "Teredo to a loopback client": "2001:0:4136:e378:8000:63bf:80ff:fffe",
}
EMBEDDED_LOOPBACK = ["::7f00:1", "::ffff:127.0.0.1", "2002:7f00:1::", "64:ff9b::7f00:1"]


@pytest.mark.parametrize("address", EMBEDDED_PRIVATE.values(), ids=EMBEDDED_PRIVATE.keys())
def test_an_ipv6_address_carrying_a_private_ipv4_one_is_refused(address):
    with pytest.raises(ValidationError) as exc:
        public_url_check(f"http://[{address}]:8000/")
    assert "private, loopback or reserved" in exc.value.message_dict["url"][0]


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"],
)
def test_public_addresses_pass_in_every_form(address):
    # NAT64 (DNS64 networks) and 6to4 of a public address lead to a public one.
    assert address_refusal(ipaddress.ip_address(address)) is None


@pytest.mark.django_db
@pytest.mark.parametrize("address", EMBEDDED_PRIVATE.values(), ids=EMBEDDED_PRIVATE.keys())
def test_an_article_url_on_an_embedded_private_address_is_refused_and_not_stored(address):
    with pytest.raises(ValidationError):
        services.article_submit_url(url=f"http://[{address}]:8000/story")
    assert not Article.objects.exists()


@pytest.fixture
def listener():
    r = Receiver()
    r.secret = webhooks.endpoint_secret_generate()
    r.start()
    yield r
    r.stop()


@pytest.mark.django_db
@pytest.mark.parametrize("address", EMBEDDED_LOOPBACK)
def test_a_webhook_to_an_embedded_loopback_address_is_refused_at_delivery(
    address, listener, settings
):
    """An endpoint stored before this check (or whose host now resolves
    there) is refused at send time; the listener behind it gets nothing."""
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = False
    port = listener.server.server_address[1]
    integration = Integration.objects.create(name="CMS")
    WebhookEndpoint.objects.create(
        integration=integration,
        url=f"http://[{address}]:{port}/hooks",
        events=WebhookEvent.values,
        secret=listener.secret,
    )
    webhooks.event_emit(
        event_type=WebhookEvent.ARTICLE_READY, integration_id=integration.pk, data={"x": 1}
    )
    delivery = WebhookDelivery.objects.get()
    assert webhooks.delivery_attempt(delivery_id=delivery.pk).outcome == "failed"
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert "private, loopback or reserved" in delivery.last_error
    assert listener.received == []


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com:99999/x",
        "http://example.com:0/x",
        "http://example.com:-1/x",
        "http://example.com:8o/x",
        "http://[::1/x",
        "http:///x",
        "http://exa mple.com/",
        "ftp://example.com/",
        "example.com/x",
    ],
)
def test_malformed_addresses_are_a_validation_error(url):
    with pytest.raises(ValidationError):
        web_address_validate(url)
    with pytest.raises(ValidationError) as exc:
        public_url_check(url, allow_private=True)  # the shape is checked even then
    assert exc.value.message_dict["url"]


@pytest.mark.parametrize(
    "url", ["http://example.com/", "https://example.com:65535/a?b=c", "http://[2001:db8::1]:1/"]
)
def test_well_formed_addresses_pass_the_shape_check(url):
    web_address_validate(url)
