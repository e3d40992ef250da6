"""Settings shared by every environment. Everything that differs comes from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The reverse proxies in front (nginx: "127.0.0.1"), whose X-Forwarded-For names the client for
# rate limits (portal/clients.py). Empty: the connection's own address is the client's.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "portal",
    "home",
    "cooperatives",
    "products",
    "inquiries",
    "events",
    "documents",
    "search",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "django_countries",
    "django_tasks_db",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cooperatives.middleware.CooperativeAdminScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English at /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
# `locale/` is the English of the portal's Vietnamese strings (`makemessages -l en`, first, so it
# receives them); `admin_locale/vi` supplies the Vietnamese Wagtail's own catalogue lacks. Both
# outrank the apps' catalogues (docs/cooperative-guide.md, "Bản dịch trang quản trị").
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "admin_locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Django's Vietnamese formats name "." as the thousand separator but do not group digits.
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Serve media through Django only where no web server sits in front (dev, demo).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

WAGTAIL_SITE_NAME = "Cổng thông tin HTX Hà Nội"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's login form leaves its password field unlabelled: "Password" in every language.
WAGTAILADMIN_USER_LOGIN_FORM = "cooperatives.login.PortalLoginForm"
# Failed admin logins allowed per window (seconds), per client address, per account from one
# address, and per account from browsers it never logged in from (cooperatives/login.py).
ADMIN_LOGIN_LIMITS = {"address": (30, 900), "account_address": (10, 900), "account": (100, 3600)}
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.images.PortalImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "odt", "ods"]
# Wagtail's own admin search stays on the database; the public product index is ours.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Elasticsearch: unset means the database search fallback answers.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX = env_str("ELASTICSEARCH_INDEX", "htx-products")
ELASTICSEARCH_TIMEOUT = env_float("ELASTICSEARCH_TIMEOUT", 2.0)

# Wagtail's tasks run inline ("default"); "background" runs on a thread of the app process, off
# the request path (the record of searches). Test settings run everything inline.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "portal.tasks.ThreadBackend"},
    # Mail waits in the database until `manage.py db_worker --backend mail` sends it: it
    # survives a restart, serves several app servers, and is never dropped.
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

CACHES = {
    "default": {
        "BACKEND": env_str("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": env_str("CACHE_LOCATION", "htx-portal"),
    }
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cổng HTX Hà Nội <no-reply@htx.hanoi.gov.vn>")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_float("EMAIL_TIMEOUT", 10.0)

# Inquiries (docs/inquiries.md). The trade desk is a group; this address gets its mail too.
INQUIRY_TRADE_DESK_EMAIL = env_str("INQUIRY_TRADE_DESK_EMAIL", "xuctien@lienminhhtx.hanoi.gov.vn")
INQUIRY_REMIND_AFTER_HOURS = 48
INQUIRY_ESCALATE_AFTER_HOURS = 72
INQUIRY_RESPONSIVENESS_DAYS = 90
INQUIRY_RESPONSIVENESS_MIN = 5  # fewer inquiries than this: "not enough data"
# Buyers' personal data is blanked this many days after the inquiry's last change.
INQUIRY_RETENTION_DAYS = env_int("INQUIRY_RETENTION_DAYS", 730)
# Sends per window (seconds), per client address and per buyer's e-mail address.
INQUIRY_RATE_LIMITS = {"address": (10, 3600), "email": (5, 3600)}
INQUIRY_MAX_LINKS = 2  # more links than this in a message: held for the trade desk
# The proof-of-work challenge (ALTCHA): signed with its own key, derived from SECRET_KEY if unset.
ALTCHA_HMAC_KEY = env_str("ALTCHA_HMAC_KEY", "")
ALTCHA_MAX_NUMBER = 50_000
ALTCHA_EXPIRES_MINUTES = 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Every background task logs its start and end at INFO: noise in a console.
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs every page created, edited and published at INFO (a screenful during
        # `migrate` and the demo load); the same events are in its audit log in the database.
        "wagtail": {"level": "WARNING"},
    },
}

# Browser features no page of the portal uses, refused to every frame (Permissions-Policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# The browsing context is the portal's alone (no window.opener games), in every environment.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

PORTAL_LANGUAGE_NAMES = {"vi": _("Tiếng Việt"), "en": _("English")}
