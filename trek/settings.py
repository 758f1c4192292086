"""Settings for TREK photos.

Every value comes from the environment through django-environ and is read here
only. With nothing set the app runs on embedded defaults: SQLite and uploads in
DATA_DIR, tasks in-process, and a secret key and an encryption key generated
once into DATA_DIR.
"""

import logging
import os
import secrets
import sys
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

logger = logging.getLogger(__name__)


def _secret(name, default=None):
    """A secret from NAME, or from the file named by NAME_FILE."""
    path = env.str(f"{name}_FILE", default="")
    if path:
        return Path(path).read_text().strip()
    return env.str(name, default=default)


def _generated_secret(path: Path, make) -> str:
    """Read a secret kept in the data folder, creating it (mode 0600) once."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = make()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    logger.warning("Generated %s; keep it with your data and back it up.", path)
    return value


DEBUG = env.bool("DEBUG", default=False)
DATA_DIR = Path(env.str("DATA_DIR", default=str(BASE_DIR / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

# Known sample values that must never run a real server.
SAMPLE_SECRET_KEYS = {"", "change-me", "changeme", "secret", "please-change-me"}
SECRET_KEY = _secret("SECRET_KEY")
if SECRET_KEY is None:
    SECRET_KEY = _generated_secret(
        DATA_DIR / "secret_key", lambda: secrets.token_urlsafe(50)
    )
if not DEBUG and (
    SECRET_KEY.strip().lower() in SAMPLE_SECRET_KEYS
    or SECRET_KEY.startswith(("django-insecure", "replace-with", "change-me"))
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "SECRET_KEY is empty, too short or a sample value. Set SECRET_KEY to a "
        "random string of at least 50 characters, or unset it to have one generated "
        "into DATA_DIR."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Set HTTPS=true when the app is served over TLS (usually behind a reverse proxy).
HTTPS = env.bool("HTTPS", default=False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
        "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
    )
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=[])
if HTTPS and not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_htmx",
    "trek",
    "trek.trips",
    "addons",
    "integrations",
    "integrations.providers.immich",
    "integrations.providers.synology",
    "photos",
    "trek.journeys",
]
if "pytest" in sys.modules:  # models that exist only for the tests
    INSTALLED_APPS.append("tests.testapp")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "trek.urls"
WSGI_APPLICATION = "trek.wsgi.application"

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
                "addons.context_processors.addons",
            ],
        },
    },
]

# An empty DATABASE_URL means the embedded default, as an unset one does.
DATABASE_URL = env.str("DATABASE_URL", default="") or (
    f"sqlite:///{DATA_DIR / 'trek.sqlite3'}"
)
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Threaded workers share one SQLite file: wait for locks instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Thumbnails outlive restarts: on disk in the data folder, bounded in count.
    "thumbnails": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "thumbnails"),
        "TIMEOUT": env.int("THUMBNAIL_CACHE_SECONDS", default=7 * 24 * 3600),
        "OPTIONS": {"MAX_ENTRIES": env.int("THUMBNAIL_CACHE_ENTRIES", default=5000)},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "trips:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "uploads")))
MEDIA_URL = "media/"

REST_FRAMEWORK = {
    # Token first, so an anonymous call is answered 401 with a WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "trek.api.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "TREK photos API",
    "DESCRIPTION": "Photo providers, trip photos and journeys.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Background work: with REDIS_URL a Celery worker runs tasks; without it they run
# in-process, after the transaction that queued them commits.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# Redis hands a killed worker's task to another only after this many seconds;
# it must outlast the longest upload to a photo server.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}

# Album links are synced on demand and, by Celery beat, every ALBUM_SYNC_MINUTES.
ALBUM_SYNC_MINUTES = env.int("ALBUM_SYNC_MINUTES", default=60)
CELERY_BEAT_SCHEDULE = {
    "sync-album-links": {
        "task": "photos.tasks.sync_all_album_links",
        "schedule": ALBUM_SYNC_MINUTES * 60,
    },
}

# Journey uploads and their mirroring to Immich (see photos/mirroring.py).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
MIRROR_MAX_RETRIES = env.int("MIRROR_MAX_RETRIES", default=6)
MIRROR_RETRY_BASE_SECONDS = env.int("MIRROR_RETRY_BASE_SECONDS", default=30)
MIRROR_RETRY_CAP_SECONDS = env.int("MIRROR_RETRY_CAP_SECONDS", default=3600)
MIRROR_CLAIM_SECONDS = env.int("MIRROR_CLAIM_SECONDS", default=900)

# Outbound requests to photo servers (see integrations/net.py).
ALLOW_INTERNAL_NETWORK = env.bool("ALLOW_INTERNAL_NETWORK", default=False)
OUTBOUND_ALLOWLIST = env.list("OUTBOUND_ALLOWLIST", default=[])
OUTBOUND_CONNECT_TIMEOUT = env.float("OUTBOUND_CONNECT_TIMEOUT", default=5.0)
OUTBOUND_READ_TIMEOUT = env.float("OUTBOUND_READ_TIMEOUT", default=30.0)
# A whole JSON answer (not an image stream) must arrive within this, and fit.
OUTBOUND_TOTAL_TIMEOUT = env.float("OUTBOUND_TOTAL_TIMEOUT", default=60.0)
OUTBOUND_MAX_BODY_BYTES = env.int("OUTBOUND_MAX_BODY_BYTES", default=50 * 1024 * 1024)

# Encryption of stored credentials (see integrations/crypto.py).
ENCRYPTION_KEY = _secret("ENCRYPTION_KEY")
if ENCRYPTION_KEY is None:
    ENCRYPTION_KEY = _generated_secret(
        DATA_DIR / "encryption_key", lambda: secrets.token_urlsafe(32)
    )
ENCRYPTION_KEY_PREVIOUS = env.list("ENCRYPTION_KEY_PREVIOUS", default=[])

LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django": {"level": "INFO"}},
}
