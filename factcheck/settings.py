"""One settings module, read from the environment (see .env.example).

With nothing set, the app runs on SQLite and a filesystem Celery broker under
./var, so a fresh checkout works without any server. DATABASE_URL and
CELERY_BROKER_URL switch it to PostgreSQL and Redis (or RabbitMQ).
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from kombu import Queue

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("FACTCHECK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-not-secret-" + "x" * 40

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # full-text search when on PostgreSQL
    "rest_framework",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
_sqlite_default = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or _sqlite_default,
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite creates the file, not its folder
    # A file (not :memory:) so the worker subprocess of the integration tests
    # sees the same test database as the test process.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
else:
    DATABASES["default"].setdefault("OPTIONS", {}).update({"connect_timeout": 5})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "claims:queue"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- I18N / time ----------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", default=not DEBUG)
if not STATIC_MANIFEST:
    # Serve straight from static/ without collectstatic (development, tests).
    WHITENOISE_USE_FINDERS = True
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files need `collectstatic`; production images run it.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Request limits -------------------------------------------------------
# The largest legitimate article (text + HTML) plus a margin.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FACTCHECK_MAX_ARTICLE_CHARS = env_int("FACTCHECK_MAX_ARTICLE_CHARS", 200_000)
# More figures than this is a table or a data dump, not an article a reviewer
# can check: extraction fails it with that reason instead of storing them all.
FACTCHECK_MAX_FIGURES = env_int("FACTCHECK_MAX_FIGURES", 3_000)
# Article URLs are fetched by a worker; private addresses are refused (SSRF)
# unless this is on (tests serve pages from 127.0.0.1).
FETCH_ALLOW_PRIVATE_URLS = env_bool("FETCH_ALLOW_PRIVATE_URLS", default=False)

# --- Security (production values when DEBUG is off) -----------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Container health checks speak plain HTTP. The API is not redirected
    # (ASVS 4.1.2): an integration sending its key over plain HTTP gets a 401
    # (claims.api.auth) and notices, instead of being quietly forwarded.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^api/"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp 4): scripts only from our own origin,
# so text that slips past escaping or sanitizing still cannot run. Inline
# style attributes are allowed (progress bars); inline scripts are not.
CONTENT_SECURITY_POLICY = {
    # Swagger UI boots with an inline script; it shows only the API schema.
    "EXCLUDE_URL_PREFIXES": ["/api/v1/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# --- Cache ----------------------------------------------------------------
_cache_url = env_str("CACHE_URL")
CACHES = {
    "default": (
        {
            # Answers as a cache miss while Redis is unreachable instead of
            # raising (factcheck/cache.py); short timeouts so a dead or hung
            # Redis costs a request milliseconds, not the 5 s redis-py default.
            "BACKEND": "factcheck.cache.DegradingRedisCache",
            "LOCATION": _cache_url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Celery ---------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or "filesystem://"
CELERY_BROKER_FOLDER = VAR_DIR / "broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER / "queue"),
        "data_folder_out": str(CELERY_BROKER_FOLDER / "queue"),
        "processed_folder": str(CELERY_BROKER_FOLDER / "processed"),
        "control_folder": str(CELERY_BROKER_FOLDER / "control"),
        "store_processed": False,
        # The folder is polled; the default second between polls is felt by
        # a reviewer waiting for a pasted article, and by webhook retries.
        "polling_interval": 0.2,
    }
else:
    if CELERY_BROKER_URL.startswith("redis://"):
        CELERY_BROKER_TRANSPORT = "factcheck.broker:Transport"  # see factcheck/broker.py
    # Redis redelivers unacked messages after this long; it must exceed the
    # longest task (time limit below) and any retry countdown.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
    }
    if CELERY_BROKER_URL.startswith("redis://"):
        # A hung Redis (connection open, nothing answered) would hold a
        # publishing request forever: kombu waits without a timeout unless
        # told. Bounded, a submit stores its article and the sweeper publishes.
        CELERY_BROKER_TRANSPORT_OPTIONS.update(socket_connect_timeout=1, socket_timeout=2)
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "factcheck")
# Webhook deliveries wait on other newsrooms' servers (up to the read timeout),
# so they have their own queue: in production a separate worker serves it
# (docker-compose.yml), and a slow or dead CMS cannot starve extraction. A
# worker started without -Q (make run) serves both.
WEBHOOK_QUEUE = env_str("WEBHOOK_QUEUE", f"{CELERY_TASK_DEFAULT_QUEUE}-webhooks")
# Cross-checks re-read a whole story and can run long: their own queue too,
# so a worker busy checking never holds up extraction (docker-compose.yml runs
# a `checks` worker; a worker without -Q serves all three queues).
CHECK_QUEUE = env_str("CHECK_QUEUE", f"{CELERY_TASK_DEFAULT_QUEUE}-checks")
CELERY_TASK_QUEUES = (Queue(CELERY_TASK_DEFAULT_QUEUE), Queue(WEBHOOK_QUEUE), Queue(CHECK_QUEUE))
CELERY_TASK_ROUTES = {
    "claims.tasks.deliver_webhook": {"queue": WEBHOOK_QUEUE},
    "claims.tasks.crosscheck_article": {"queue": CHECK_QUEUE},
    "claims.tasks.crosscheck_story": {"queue": CHECK_QUEUE},
}
# A check's time budget in seconds (the soft time limit of check tasks). One
# that runs out is tried again, CROSSCHECK_MAX_ATTEMPTS times in all, after
# CROSSCHECK_RETRY_BACKOFF seconds, doubling; then the story is recorded as
# not checked, with the reason.
CROSSCHECK_TIME_LIMIT = env_int("CROSSCHECK_TIME_LIMIT", 90)
CROSSCHECK_MAX_ATTEMPTS = env_int("CROSSCHECK_MAX_ATTEMPTS", 3)
CROSSCHECK_RETRY_BACKOFF = env_int("CROSSCHECK_RETRY_BACKOFF", 30)
# A story of up to this many articles is checked whole even when articles only
# joined it: cheap (28 pairs at 8), and in a small story one more article moves
# the IDF weights most, so its other pairs are scored again too. Larger stories
# check only the joining articles' pairs (engine.check_added).
CROSSCHECK_FULL_UP_TO = env_int("CROSSCHECK_FULL_UP_TO", 8)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True  # run status lives in ExtractionRun rows
CELERY_TASK_ACKS_LATE = True  # tasks are idempotent; a killed worker's task is redelivered
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 90
# A run still marked running after this long belongs to a dead worker and may
# be taken over; longer than any task can live (the hard time limit).
EXTRACTION_LEASE_SECONDS = env_int("EXTRACTION_LEASE_SECONDS", CELERY_TASK_TIME_LIMIT + 60)
# The stuck-work sweeper publishes an article's fetch or extraction again at
# most this many times per state (after 5, 10, 20, 40, 80 minutes); then the
# article fails with the reason instead of being retried forever.
STUCK_WORK_MAX_ATTEMPTS = env_int("STUCK_WORK_MAX_ATTEMPTS", 5)
# Celery's Django fixup would close the database connection around every
# task: a new PostgreSQL connection per task, which halved the backlog drain
# rate (bench/load.py L3). factcheck/celery.py handles connections as Django
# does per request instead: kept DB_CONN_MAX_AGE, health-checked before reuse.
CELERY_DB_REUSE_MAX = 10**9
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
# Articles whose message was lost (broker down at submit, a worker killed)
# are published again by this periodic sweep.
CELERY_BEAT_SCHEDULE = {
    "sweep-stuck-work": {"task": "claims.tasks.sweep_stuck_work", "schedule": 60.0},
    "sweep-webhooks": {"task": "claims.tasks.sweep_webhooks", "schedule": 120.0},
    "purge-idempotency-records": {
        "task": "claims.api.tasks.purge_idempotency_records",
        "schedule": 3600.0,
    },
}
# Task modules outside claims.tasks (which autodiscovery finds).
CELERY_IMPORTS = ["claims.api.tasks"]
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 3,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 2,
}

# --- Logging --------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- REST API (claims/api) and webhooks -----------------------------------
INSTALLED_APPS += ["drf_spectacular", "drf_spectacular_sidecar"]
REST_FRAMEWORK = {
    # Each view names its own authentication (CMS write endpoints take only
    # API keys); these are the defaults for the read endpoints.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.auth.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only; the browsable API (with its XSS history) only when DEBUG.
    "DEFAULT_PARSER_CLASSES": ["claims.api.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "claims.api.renderers.JSONRenderer",  # names its charset (ASVS 4.1.1)
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "DEFAULT_THROTTLE_CLASSES": ["claims.api.throttling.ClientRateThrottle"],
    "EXCEPTION_HANDLER": "claims.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "STRICT_JSON": True,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Requests per minute per API key (or per logged-in user), counted in the
# shared cache: set CACHE_URL so all web workers share one counter.
API_RATE_PER_MINUTE = env_int("API_RATE_PER_MINUTE", 600)
# Deepest JSON nesting the API parses (a request deeper than this is a 400).
API_MAX_JSON_DEPTH = env_int("API_MAX_JSON_DEPTH", 32)
# An Idempotency-Key answer is replayed for this long; then the key is new
# again (celery beat purges expired records hourly).
API_IDEMPOTENCY_SECONDS = env_int("API_IDEMPOTENCY_SECONDS", 24 * 3600)
SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": (
        "Submit articles from a CMS, read their figures and verdicts, record verdicts, "
        "and export ClaimReview markup. Authenticate with `Authorization: Bearer <key>`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "claims.models.ArticleStatus",
        "FigureStatusEnum": "claims.models.FigureStatus",
        "VerdictDecisionEnum": "claims.models.VerdictDecision",
        # the decisions that need no reason (the schema's "a dispute needs a reason")
        "VerdictDecisionWithoutReasonEnum": ["approve", "undo"],
        "FindingDismissReasonEnum": "claims.models.checks.FindingDismissReason",
        "FindingReviewDecisionEnum": "claims.models.checks.FindingReviewDecision",
        "FindingStatusEnum": "claims.models.checks.FindingStatus",
    },
}
# Absolute links in webhook payloads and ClaimReview markup.
FACTCHECK_PUBLIC_URL = env_str("FACTCHECK_PUBLIC_URL", "http://localhost:8000").rstrip("/")
CLAIMREVIEW_PUBLISHER_NAME = env_str("CLAIMREVIEW_PUBLISHER_NAME", "Verification desk")
CLAIMREVIEW_PUBLISHER_URL = env_str("CLAIMREVIEW_PUBLISHER_URL", FACTCHECK_PUBLIC_URL)
# Webhook endpoints on private, loopback or link-local addresses are refused
# (SSRF) unless this is on (tests and local development).
WEBHOOKS_ALLOW_PRIVATE_URLS = env_bool("WEBHOOKS_ALLOW_PRIVATE_URLS", default=False)
WEBHOOK_CONNECT_TIMEOUT = env_int("WEBHOOK_CONNECT_TIMEOUT", 5)
WEBHOOK_READ_TIMEOUT = env_int("WEBHOOK_READ_TIMEOUT", 10)
# Retries back off exponentially (with full jitter) from BASE up to MAX
# seconds, for at most WINDOW seconds after the event; then the delivery fails.
# MAX stays under the Redis visibility timeout so a countdown is not redelivered.
WEBHOOK_BACKOFF_BASE = env_int("WEBHOOK_BACKOFF_BASE", 10)
WEBHOOK_BACKOFF_MAX = env_int("WEBHOOK_BACKOFF_MAX", 1800)
WEBHOOK_RETRY_WINDOW = env_int("WEBHOOK_RETRY_WINDOW", 24 * 3600)
