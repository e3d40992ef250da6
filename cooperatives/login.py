"""The admin's login form with a Vietnamese password label.

Wagtail's `LoginForm` declares its password field without a label, so Django shows the field's
name, "Password", in every language (`WAGTAILADMIN_USER_LOGIN_FORM` points here).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class PortalLoginForm(LoginForm):
    password = forms.CharField(
        label=_("Mật khẩu"),
        widget=LoginForm.base_fields["password"].widget,
        strip=False,
    )
