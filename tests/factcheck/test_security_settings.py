"""S6/S7: production settings pass Django's deployment checks with nothing
silenced, and every page carries the security headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_check_deploy_with_nothing_silenced(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        # Start from production defaults, not the test run's relaxations (nor
        # the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, which Playwright needs).
        if not key.startswith(
            ("SECURE_", "SESSION_COOKIE", "CSRF_COOKIE", "STATIC_", "DEBUG", "DJANGO_ALLOW_ASYNC")
        )
    }
    env.update(
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="factcheck.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        FACTCHECK_VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_a_weak_secret_key_fails_the_deploy_check(tmp_path):
    env = dict(os.environ, SECRET_KEY="short", DEBUG="false", FACTCHECK_VAR_DIR=str(tmp_path))
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'deploy.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy_and_security_headers(reviewer_client):
    response = reviewer_client.get(reverse("claims:queue"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_logging_in_cycles_the_session_key(client, reviewer, settings):
    # A session planted before login (fixation) must not survive it.
    session = client.session
    session["planted"] = True
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    before = session.session_key
    assert client.session.session_key == before
    client.post(reverse("login"), {"username": "rita", "password": "a-long-test-password"})
    assert client.session.session_key not in (None, before)
    assert client.session.get("_auth_user_id") == str(reviewer.pk)


@pytest.mark.django_db
def test_login_is_refused_after_five_failures_even_with_the_right_password(client, reviewer):
    from django.core.cache import cache

    for _ in range(5):
        response = client.post(reverse("login"), {"username": "rita", "password": "wrong"})
        assert response.status_code == 200
    locked = client.post(reverse("login"), {"username": "rita", "password": "a-long-test-password"})
    assert locked.status_code == 429
    assert "Too many failed attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    cache.clear()  # the window has passed
    ok = client.post(reverse("login"), {"username": "rita", "password": "a-long-test-password"})
    assert ok.status_code == 302


@pytest.mark.django_db
def test_one_users_typos_do_not_lock_out_colleagues_behind_the_same_proxy(client, reviewer):
    from tests import factories

    factories.reviewer(username="carla")
    for _ in range(6):
        client.post(reverse("login"), {"username": "carla", "password": "wrong"})
    ok = client.post(reverse("login"), {"username": "rita", "password": "a-long-test-password"})
    assert ok.status_code == 302
