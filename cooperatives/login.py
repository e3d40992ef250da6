"""The admin's login form: a Vietnamese password label, and limits on wrong passwords.

Wagtail's `LoginForm` declares its password field without a label, so Django shows the field's
name, "Password", in every language (`WAGTAILADMIN_USER_LOGIN_FORM` points here).

Wrong passwords are counted per client address, per account from one address, and per account
from browsers that never logged in to it (settings.ADMIN_LOGIN_LIMITS). Past a limit the form
refuses before it checks the password, with a message saying when to try again. A browser that
has logged in to the account before carries a signed cookie and is exempt from the account-wide
limit, so strangers guessing passwords from elsewhere cannot lock the real user out.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm

from portal.clients import client_address, count, counted

DEVICE_COOKIE = "htx_admin_device"
DEVICE_SALT = "cooperatives.login.device"
DEVICE_MAX_AGE = 365 * 24 * 3600
DEVICE_ACCOUNTS = 5  # the accounts a shared office computer remembers


def account_digest(username):
    return hashlib.sha256(username.strip().lower().encode()).hexdigest()[:24]


def known_accounts(request):
    """The accounts this browser has logged in to (digests), from its signed cookie."""
    try:
        value = signing.loads(
            request.COOKIES.get(DEVICE_COOKIE, ""), salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE
        )
    except signing.BadSignature:
        return []
    return value if isinstance(value, list) else []


def remember_device(request, response, username):
    """After a login: this browser is known to the account from now on."""
    accounts = [account_digest(username)]
    accounts += [a for a in known_accounts(request) if a != accounts[0]][: DEVICE_ACCOUNTS - 1]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(accounts, salt=DEVICE_SALT),
        max_age=DEVICE_MAX_AGE,
        path=settings.SESSION_COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def note_login(sender, request, user, **kwargs):
    """`user_logged_in`: the response will carry the device cookie (cooperatives.middleware)."""
    if request is not None:
        request.portal_logged_in_as = user.get_username()


class LoginLimits:
    """The counters of one login attempt: which limit, if any, refuses it."""

    def __init__(self, request, username):
        self.address = client_address(request) if request else ""
        self.account = account_digest(username)
        self.known = request is not None and self.account in known_accounts(request)

    def _scopes(self):
        scopes = [("address", self.address), ("account_address", f"{self.account}:{self.address}")]
        if not self.known:
            scopes.append(("account", self.account))
        return scopes

    def refusal(self):
        """The window (seconds) of the first spent limit, or None."""
        for kind, value in self._scopes():
            allowed, window = settings.ADMIN_LOGIN_LIMITS[kind]
            if counted(f"login:{kind}", value) >= allowed:
                return window
        return None

    def failed(self):
        for kind, value in self._scopes():
            count(f"login:{kind}", value, settings.ADMIN_LOGIN_LIMITS[kind][1])


class PortalLoginForm(LoginForm):
    password = forms.CharField(
        label=_("Mật khẩu"),
        widget=LoginForm.base_fields["password"].widget,
        strip=False,
    )

    def clean(self):
        limits = LoginLimits(self.request, self.cleaned_data.get("username") or "")
        window = limits.refusal()
        if window:
            minutes = max(1, window // 60)
            raise ValidationError(
                ngettext(
                    "Đã nhập sai mật khẩu quá nhiều lần. Hãy thử lại sau %(minutes)d phút, "
                    "hoặc bấm “Quên mật khẩu?” để đặt lại mật khẩu.",
                    "Đã nhập sai mật khẩu quá nhiều lần. Hãy thử lại sau %(minutes)d phút, "
                    "hoặc bấm “Quên mật khẩu?” để đặt lại mật khẩu.",
                    minutes,
                )
                % {"minutes": minutes},
                code="too_many_attempts",
            )
        try:
            return super().clean()
        except ValidationError:
            limits.failed()
            raise
