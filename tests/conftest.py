"""The named cast: a reviewer, an editor, and an outsider with a login but no
access."""

import pytest

from tests import factories


@pytest.fixture
def reviewer(db):
    return factories.reviewer(username="rita")


@pytest.fixture
def editor(db):
    return factories.editor(username="eddie")


@pytest.fixture
def outsider(db):
    return factories.user(username="otto")


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture
def article(db):
    return factories.article()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Tests create many users; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    broker = settings.CELERY_BROKER_URL.split("@")[-1]
    return [f"factcheck: database {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}, broker {broker}"]
