"""Settings for bench/api_load.py: the app's settings plus a bare DRF create
endpoint (the reference) mounted next to the real API."""

from factcheck.settings import *  # noqa: F403

ROOT_URLCONF = "bench.api_urls"
