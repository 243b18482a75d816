"""Settings for every environment.

One file reads the environment; production differs from a laptop only by
environment variables (see README, "Configuration"). Local defaults are safe:
DEBUG is off unless asked for, and the development secret key is refused
when DJANGO_ENV=production.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}.")


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"
DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random string of 50 characters or more "
            "when DJANGO_ENV=production."
        )
elif not SECRET_KEY:
    SECRET_KEY = "django-insecure-local-development-only-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# Moving the admin away from /admin/ takes it out of the path of most scripted guessing.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured(
        "DJANGO_ADMIN_URL must look like 'editors/': no leading slash, one trailing."
    )

INSTALLED_APPS = [
    # Before the admin, so translated fields get its tabbed widgets.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "csp",
    "axes",
    "simple_history",
    "import_export",
    "relations",
]

# The page cache is split like Django's own: StorePageMiddleware sits outside everything that
# may set a cookie, so it sees the final response; ServeCachedPageMiddleware sits last, so a
# cached page skips only the view.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "relations.cache.StorePageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The cookie that lets a signed-in editor past Varnish (relations/front_pass.py).
    "relations.front_pass.FrontPassMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records which signed-in user made each change, for the content history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "relations.cache.ServeCachedPageMiddleware",
]

ROOT_URLCONF = "config.urls"

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
                "relations.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Search's typo tolerance on PostgreSQL (relations/search.py) is pg_trgm's `%>>`, strict
# word similarity at its default threshold (pg_trgm.strict_word_similarity_threshold, 0.5):
# nothing to set per connection.

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every worker and machine when REDIS_URL is set (redis://host:6379/0, or
# unix:///run/redis.sock); otherwise each process keeps its own, which is right for one process.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cooperation"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a visitor's page may be served from the cache. Editors' changes empty it at once
# (relations/cache.py); this only bounds how long a forgotten entry lives. 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# A shared HTTP cache in front (Varnish, a CDN; docs/production.md): how long it may keep an
# anonymous page (s-maxage; 0 sends no-cache as without one), how long browsers may
# (max-age), and where to send the PURGE requests that ban a changed entry's pages at once.
SHARED_CACHE_SECONDS = int(os.environ.get("SHARED_CACHE_SECONDS", "3600"))
BROWSER_CACHE_SECONDS = int(os.environ.get("BROWSER_CACHE_SECONDS", "0"))
VARNISH_URLS = env_list("VARNISH_URLS", "")
PURGE_TIMEOUT = float(os.environ.get("PURGE_TIMEOUT", "2"))

AUTHENTICATION_BACKENDS = [
    # Refuses a login once django-axes has locked the user or address out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("tr", "Türkçe")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content falls back to English where a translation is missing.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The admin's language tabs need jQuery UI: served from our static files, not a CDN (CSP, offline).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
# The site's time zone: "publish at" and "unpublish at" are entered and shown in it.
TIME_ZONE = os.environ.get("SITE_TIME_ZONE") or os.environ.get("TIME_ZONE") or "Europe/Moscow"
USE_I18N = True
USE_TZ = True
# Our own date formats ("2 June 1920") win over Django's defaults ("June 2, 1920").
FORMAT_MODULE_PATH = ["config.formats"]

# A CDN in front of the site is named here (https://cdn.example.org/static/); it fetches from
# the app, which serves hashed, compressed files with far-future cache headers (whitenoise).
STATIC_URL = os.environ.get("DJANGO_STATIC_URL", "static/")
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# An import is all or nothing: one bad row and no row is saved.
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Request bodies have a ceiling (Django's defaults, stated here so they are not lost): a
# form body over 2.5 MB or with more than 1,000 fields is a 400, before any view. Files
# go to disk past 2.5 MB; an import file is refused past 5 MB (relations/resources.py)
# and nginx refuses any body past 10 MB (deploy/nginx.conf).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Empty means the translated default, "Bilateral Cooperation".
SITE_NAME = os.environ.get("SITE_NAME", "")
# Who publishes the site, named on the home and About pages ("the Ministry of ..."); empty
# means the translated default, "its editorial team".
SITE_PUBLISHER = os.environ.get("SITE_PUBLISHER", "")

# ---------------------------------------------------------------------------
# Security. Production turns everything on; each switch has its own variable for the odd
# deployment (see README, "Production"). Behind a load balancer that ends TLS, set
# DJANGO_BEHIND_PROXY=1 so Django trusts its X-Forwarded-Proto and X-Forwarded-For.

BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=PRODUCTION)
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000 if PRODUCTION else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The site's pages and the admin need no inline script or style, so the policy allows none.
# A CDN in DJANGO_STATIC_URL is the one other origin allowed.
_static_host = urlsplit(STATIC_URL)
_static = [f"{_static_host.scheme}://{_static_host.netloc}"] if _static_host.netloc else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *_static],
        "style-src": [SELF, *_static],
        "img-src": [SELF, *_static],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login guessing: after AXES_FAILURE_LIMIT failures for one username from one address, or
# from one address whatever the usernames, that address is refused for AXES_COOLOFF_HOURS.
# A username alone is never locked, so guessing from elsewhere cannot lock a real editor
# out. Each failure and lockout is logged.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.proxy.client_ip"
# Log the address of each failure; usernames stay masked (a password is often typed there).
AXES_SENSITIVE_PARAMETERS = ["username"]
# No start-up banner on every manage.py command's stdout.
AXES_VERBOSE = False

# ---------------------------------------------------------------------------
# Logs: JSON lines on stdout, one per request (gunicorn's access log, or Django's under
# runserver) and one per error, with its traceback, for any collector to parse.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logging.JSONFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
