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
def _empty_cache():
    # Throttle counters and cached API keys must not leak between tests.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Tests create many users; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    broker = settings.CELERY_BROKER_URL.split("@")[-1]
    return [f"factcheck: database {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}, broker {broker}"]


@pytest.fixture
def page_server():
    """A local web server for pages a worker fetches: page_server.add(path,
    body, status=200, headers=None) -> URL."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    routes: dict[str, tuple[int, bytes, dict[str, str]]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, body, headers = routes.get(self.path, (404, b"not found", {}))
            self.send_response(status)
            self.send_header(
                "Content-Type", headers.get("Content-Type", "text/html; charset=utf-8")
            )
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    class Pages:
        base = f"http://127.0.0.1:{server.server_port}"

        def add(self, path, body, status=200, headers=None):
            data = body.encode() if isinstance(body, str) else body
            routes[path] = (status, data, headers or {})
            return self.base + path

    yield Pages()
    server.shutdown()
    server.server_close()
