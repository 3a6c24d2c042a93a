"""A real OpenID Connect provider for the SSO tests: django-oauth-toolkit's OIDC server in
a tiny Django project of its own, run in a second process on loopback.

    python serve.py DATA_DIR REDIRECT_URI CLIENT_ID CLIENT_SECRET EMAIL[:PASSWORD] ...

It makes a SQLite database in DATA_DIR, a fresh RSA signing key, one confidential client
(authorization code, RS256, PKCE) and a user per email address (username = the part
before @), then serves on 127.0.0.1 at a free port and prints "READY <port>"."""

import os
import sys
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

HERE = Path(__file__).resolve().parent


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def rsa_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def configure(data_dir: Path) -> None:
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="oidc-provider-for-tests-only",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF="urls",
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "oauth2_provider",
        ],
        MIDDLEWARE=[
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(data_dir / "provider.sqlite3"),
            }
        },
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [str(HERE / "templates")],
                "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
            }
        ],
        LOGIN_URL="/accounts/login/",
        # Uplift signs in on the same machine: keep the provider's cookies apart from its.
        SESSION_COOKIE_NAME="op_sessionid",
        CSRF_COOKIE_NAME="op_csrftoken",
        USE_TZ=True,
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        OAUTH2_PROVIDER={
            "OIDC_ENABLED": True,
            "OIDC_RSA_PRIVATE_KEY": rsa_key_pem(),
            "PKCE_REQUIRED": True,
            "SCOPES": {"openid": "OpenID Connect", "email": "Email", "profile": "Profile"},
            "OAUTH2_VALIDATOR_CLASS": "claims.EmailClaims",
        },
    )


def seed(redirect_uri: str, client_id: str, secret: str, accounts: list[str]) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    Application.objects.create(
        name="Uplift",
        client_id=client_id,
        client_secret=secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=redirect_uri,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    for account in accounts:
        email, _, password = account.partition(":")
        get_user_model().objects.create_user(
            username=email.split("@")[0], email=email, password=password or "provider-pw"
        )


def main() -> None:
    data_dir, redirect_uri, client_id, secret, *accounts = sys.argv[1:]
    sys.path.insert(0, str(HERE))
    configure(Path(data_dir))
    import django

    django.setup()
    seed(redirect_uri, client_id, secret, accounts)
    from django.core.wsgi import get_wsgi_application

    server = make_server(
        "127.0.0.1",
        0,
        get_wsgi_application(),
        server_class=ThreadingServer,
        handler_class=QuietHandler,
    )
    print(f"READY {server.server_port}", flush=True)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    server.serve_forever()


def _exit_with_parent() -> None:
    sys.stdin.read()  # the test closes our stdin (or dies): stop serving
    os._exit(0)


if __name__ == "__main__":
    main()
