"""The settings the public portal runs with (`portal/wsgi.py`, `gunicorn.conf.py`, docs/deploy.md).

Safe by default: every relaxation (plain HTTP on a laptop, no HSTS) is an environment variable
the deployer sets on purpose, and `manage.py check --deploy` is clean.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
# Links in the admin's mails (password reset, moderation, inquiries) are built on it: the base
# settings' local default would send people to the deployer's own machine.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL")
if not WAGTAILADMIN_BASE_URL:
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set in production, e.g. https://htx.hanoi.gov.vn"
    )

DEBUG = False
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# A year of HTTPS-only, on by default. Subdomains and the preload list are the domain owner's
# choice (other services of the city may live on subdomains without HTTPS), so both are opt-in.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# X_FRAME_OPTIONS stays Django's DENY: the previews the admin frames (Wagtail's and
# wagtail-localize's) answer SAMEORIGIN on their own responses, so nothing else need be framed.

# HTML (and the API's JSON) compressed; static files are compressed once, at collectstatic, by
# WhiteNoise (gzip and, with `brotli` installed, brotli) and cached for a year under hashed
# names. Django's GZipMiddleware pads its output at random against BREACH.
MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware", *MIDDLEWARE]  # noqa: F405

SILENCED_SYSTEM_CHECKS = [
    # security.W005 / W021: HSTS for subdomains and preloading are opt-in (see above).
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
