"""Production settings: the base settings served over HTTPS only, with a real secret key.

DJANGO_SETTINGS_MODULE=uplift.settings_production, with DJANGO_SECRET_KEY (50 or more random
characters), DJANGO_ALLOWED_HOSTS and DATABASE_URL set; `uplift check --deploy` is clean.
Set DJANGO_BEHIND_TLS_PROXY=1 when a proxy ends TLS and sends X-Forwarded-Proto.
"""

import os

from django.core.exceptions import ImproperlyConfigured

if len(os.environ.get("DJANGO_SECRET_KEY", "")) < 50:
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY to a random string of 50 or more characters, for instance "
        "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
os.environ.setdefault("DJANGO_SECURE", "1")

from uplift.settings import *  # noqa: E402,F403
from uplift.settings import DEBUG  # noqa: E402

if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off in production")
