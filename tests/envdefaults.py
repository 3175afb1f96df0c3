"""Environment defaults for the test run, loaded with `-p tests.envdefaults`.

pytest-django reads the settings before any conftest.py is imported, so these
must be set by a plugin. Tests run with DEBUG off, like production, but over
plain HTTP (the test client and the live server do not speak TLS).
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-" + "k" * 50)
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
