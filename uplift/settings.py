"""Django settings for Uplift, read from the environment (see .env.example)."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("UPLIFT_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-development-key-change-me")
ALLOWED_HOSTS = [
    h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "csp",
    "ninja",
    "mozilla_django_oidc",
    "uplift.core",
    "uplift.accounts",
    "uplift.schools",
    "uplift.people",
    "uplift.inspections",
    "uplift.feedback",
    "uplift.governors",
    "uplift.performance",
    "uplift.earlywarning",
    "uplift.imports",
    "uplift.audit",
    "uplift.categorisation",
    "uplift.api",
    "uplift.reports",
    "django_tasks",
    "uplift.profiles",
    "uplift.partnerships",
    "uplift.casework",
    "uplift.support",
    "uplift.brokerage",
    "uplift.funds",
    "uplift.commissioning",
    "uplift.impact",
    "uplift.workload",
    "uplift.directory",
    "uplift.home",
    "uplift.demo",
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
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "uplift.people.sso.InvitedPeopleOnly",
]

ROOT_URLCONF = "uplift.urls"
WSGI_APPLICATION = "uplift.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "uplift" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": [
                "uplift.core.templatetags.plain_words",
                "uplift.audit.templatetags.audit_words",
                "uplift.imports.templatetags.source_words",
                "uplift.home.templatetags.crumbs",
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "uplift.accounts.context_processors.roles",
                "uplift.home.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'uplift.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 30

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "uplift" / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"  # not served: stored files go out through views that check access
MEDIA_ROOT = VAR_DIR / "media"

# Background tasks (django-tasks). The immediate backend runs a task as it is enqueued; set
# UPLIFT_TASKS_BACKEND to a queue backend (django-tasks-db, django-tasks-rq) in production.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "UPLIFT_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Email (letters sent by email, daily reminders). By default messages are written as files
# under var/mail, one per message, so a demo's mailbox can be read; set EMAIL_BACKEND to
# django.core.mail.backends.smtp.EmailBackend and the EMAIL_* variables in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "uplift@localhost")
# The address people reach Uplift at, for links in emails sent outside a request (the CLI).
UPLIFT_SITE_URL = os.environ.get("UPLIFT_SITE_URL", "http://127.0.0.1:8000/")

# Single sign-on with OpenID Connect (mozilla-django-oidc), off unless OIDC_RP_CLIENT_ID is
# set. Microsoft Entra ID: https://login.microsoftonline.com/TENANT/v2.0 endpoints. People
# are matched by email to accounts an LA administrator made; roles stay in Uplift.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_CREATE_USER = False  # strangers are refused, never given an account
OIDC_USE_NONCE = True
OIDC_USE_PKCE = env_bool("OIDC_USE_PKCE", True)
OIDC_AUTHENTICATION_CALLBACK_URL = "people:sso_callback"

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

# What an imported file may cost (uplift/imports/limits.py): its size (uploads past it are
# dropped as they arrive, and the CLI refuses it unread), its rows, columns and cells, and
# what a spreadsheet may expand to when opened. The defaults are well above the largest
# published file (LAIT: 641,070 rows; KS4: 496 columns) and keep a spreadsheet import
# under about 500 MB of memory.
UPLIFT_MAX_UPLOAD_BYTES = int(os.environ.get("UPLIFT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))
UPLIFT_PAPER_MAX_BYTES = int(os.environ.get("UPLIFT_PAPER_MAX_BYTES", 10 * 1024 * 1024))
UPLIFT_MAX_ROWS = int(os.environ.get("UPLIFT_MAX_ROWS", 1_000_000))
UPLIFT_MAX_COLUMNS = int(os.environ.get("UPLIFT_MAX_COLUMNS", 1_000))
UPLIFT_MAX_CELLS = int(os.environ.get("UPLIFT_MAX_CELLS", 10_000_000))
UPLIFT_MAX_SHEET_CELLS = int(os.environ.get("UPLIFT_MAX_SHEET_CELLS", 2_500_000))
UPLIFT_MAX_UNCOMPRESSED_BYTES = int(
    os.environ.get("UPLIFT_MAX_UNCOMPRESSED_BYTES", 100 * 1024 * 1024)
)
FILE_UPLOAD_HANDLERS = [
    "uplift.imports.uploads.UploadSizeLimit",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Where the public files beside the project live (tests and the benchmark read them).
UPLIFT_SHARED_DATA = Path(
    os.environ.get("UPLIFT_SHARED_DATA", BASE_DIR.parent / "shared" / "data" / "raw")
)
UPLIFT_DEMO_DATA = BASE_DIR / "demo_data"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forbidden_on_one_line": {"()": "uplift.core.logging.ForbiddenOnOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["forbidden_on_one_line"]}},  # 403: one line
    "root": {"handlers": ["console"], "level": os.environ.get("UPLIFT_LOG_LEVEL", "WARNING")},
}

# ---------------------------------------------------------------------------------------------
# Security (issue 3): sign-in throttling, cookies, HTTPS and the Content Security Policy.
# Production runs with DJANGO_SECURE=1 (uplift.settings_production turns it on): cookies only
# over HTTPS, a redirect to HTTPS and HSTS. Without it (development, tests) plain HTTP works.
# ---------------------------------------------------------------------------------------------
from datetime import timedelta  # noqa: E402

from csp.constants import NONE, SELF  # noqa: E402

# django-axes: five wrong passwords for one username from one address lock that pair out for
# 15 minutes, with a GOV.UK page (status 429). Tests sign in with force_login, or post the
# real form, which gives axes the request it needs.
# One address trying many accounts is locked out as well, after 20 wrong passwords in all
# (uplift.accounts.lockout makes the limit below one that axes calls).
AXES_FAILURE_LIMIT = 5
UPLIFT_SIGN_IN_LIMIT_PER_ADDRESS = 20
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

SECURE = env_bool("DJANGO_SECURE", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_HTTPONLY = True  # forms carry the token; no script reads the cookie
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = SECURE
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):  # the proxy says which scheme the visitor used
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# django-csp: everything from this site only, no inline script or style (GOV.UK Frontend's
# "js-enabled" class is set by the static uplift/init.js), no framing, forms post here only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
