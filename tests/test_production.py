"""The production settings: `check --deploy` clean, nothing left to a local default, and the
security headers on every kind of answer (public pages, the admin, the API)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-secret-for-the-check-only-6d1f0c9e3b7a45e1b2c8d7f4a9e0",
    "WAGTAILADMIN_BASE_URL": "https://htx.example.vn",
    "ALLOWED_HOSTS": "htx.example.vn",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, **env):
    environment = {**os.environ, **PRODUCTION, **env}
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a server never has it.
    environment["DJANGO_ALLOW_ASYNC_UNSAFE"] = None
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(  # noqa: S603  our own manage.py, our own arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_the_admins_public_address():
    result = manage("check", WAGTAILADMIN_BASE_URL=None)
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be set in production" in result.stderr


def test_production_compresses_html_and_keeps_https_only_for_a_year():
    code = (
        "from django.conf import settings as s; "
        "print(s.MIDDLEWARE[0], s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.STORAGES['staticfiles']['BACKEND'])"
    )
    result = manage("shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.middleware.gzip.GZipMiddleware",
        "31536000",
        "True",
        "True",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/en/", "/admin/login/", "/api/products/search/?q=gao"])
def test_security_headers_on_pages_the_admin_and_the_api(url):
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    assert response["X-Frame-Options"] == "DENY"
