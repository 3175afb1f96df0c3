"""Environment defaults for the test run, loaded with `-p tests.envdefaults`.

pytest-django reads the settings before any conftest.py is imported, so these
must be set by a plugin. Tests run with DEBUG off, like production, but over
plain HTTP (the test client and the live server do not speak TLS).
"""

import os
import tempfile
import uuid

os.environ.setdefault("SECRET_KEY", "tests-only-" + "k" * 50)
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
# Each run gets its own SQLite files, filesystem-broker folder and queue name,
# so worker subprocesses of the integration tests (which inherit this
# environment) never pick up another run's messages.
os.environ.setdefault("FACTCHECK_VAR_DIR", tempfile.mkdtemp(prefix="factcheck-test-"))
os.environ.setdefault("CELERY_TASK_DEFAULT_QUEUE", f"factcheck-test-{uuid.uuid4().hex[:12]}")

_RUN_DIR = os.environ["FACTCHECK_VAR_DIR"]
_CREATED_RUN_DIR = _RUN_DIR.startswith(tempfile.gettempdir()) and "factcheck-test-" in _RUN_DIR


def pytest_unconfigure(config):
    if _CREATED_RUN_DIR:
        import shutil

        shutil.rmtree(_RUN_DIR, ignore_errors=True)
