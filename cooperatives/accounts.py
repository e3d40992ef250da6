"""Onboarding and offboarding of a cooperative's admin account.

Onboarding gives a cooperative a group (page permissions on its own subtree), a collection for
its images and documents (made earlier if the import or the demo needed it), and a user who
sets a password through a one-time link. Both
operations are idempotent: running them again changes nothing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.models import Collection, Page
from wagtail.users.models import UserProfile

from .models import CooperativeAccount, CooperativePage
from .permissions import (
    ADMIN_ACCESS,
    ALLIANCE_EDITORS,
    COOPERATIVE_PAGE_PERMISSIONS,
    grant_collection_permissions,
    grant_page_permissions,
    grant_shared_choice,
    permission,
    root_collection,
)
from .workflow import ensure_alliance_setup

MEDIA_PARENT_NAME = "Hợp tác xã"


class OnboardingError(Exception):
    """The request cannot be carried out safely; the message says why, in Vietnamese."""


@dataclass
class Onboarding:
    account: CooperativeAccount
    user: object
    changed: bool
    password_url: str


@dataclass
class Offboarding:
    account: CooperativeAccount | None
    users: list
    changed: bool


def find_cooperative(slug):
    """The Vietnamese (default-locale) cooperative page with this slug."""
    pages = CooperativePage.objects.filter(slug=slug).order_by("pk")
    page = pages.filter(locale__language_code=settings.LANGUAGE_CODE).first() or pages.first()
    if page is None:
        message = _("Không có hợp tác xã nào có đường dẫn “%(slug)s”.")
        raise OnboardingError(message % {"slug": slug})
    return page


def password_setup_url(user):
    """A link to the admin's password-reset confirm view; valid until the password is set."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def onboard(page, email):
    """Give the cooperative `page` an account for `email`; safe to run again."""
    email = _clean_email(email)
    ensure_alliance_setup()
    account, changed = _ensure_account(page)
    changed |= _ensure_group(account)
    grant_shared_choice(account.group)  # also for groups made before the shared collection
    user, user_changed = _ensure_user(account, email)
    changed |= user_changed
    return Onboarding(account, user, changed, password_setup_url(user))


def media_collection(page):
    """The cooperative's own collection of images and documents, made the first time anything
    needs it (the CSV import, the demo, onboarding) and kept on its account record, whether or
    not it has a login yet; onboarding later gives its group the permissions on it."""
    return _ensure_account(page)[0].collection


def send_welcome_email(onboarding):
    context = {
        "cooperative": onboarding.account.page,
        "user": onboarding.user,
        "password_url": onboarding.password_url,
        "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_login"),
        "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    send_mail(
        subject=_("Tài khoản quản trị trang %(name)s trên Cổng thông tin HTX Hà Nội")
        % {"name": onboarding.account.page.title},
        message=render_to_string("cooperatives/admin/welcome_email.txt", context),
        from_email=None,
        recipient_list=[onboarding.user.email],
    )


@transaction.atomic
def offboard(page):
    """Remove the cooperative's access: its group goes, its users are deactivated.

    Pages, images and documents stay, in the cooperative's collection, for the Alliance.
    """
    account = CooperativeAccount.objects.select_related("group").filter(page=page).first()
    if account is None or account.group is None:
        return Offboarding(account, [], changed=False)
    group = account.group
    users = list(group.user_set.all())
    for user in users:
        _release_user(user, group)
    group.delete()  # takes its page and collection permissions with it
    account.group = None
    account.offboarded_at = timezone.now()
    account.save(update_fields=["group", "offboarded_at"])
    return Offboarding(account, users, changed=True)


def _clean_email(email):
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise OnboardingError(
            _("“%(email)s” không phải địa chỉ thư điện tử hợp lệ.") % {"email": email}
        ) from error
    return email


def _ensure_account(page):
    account = CooperativeAccount.objects.select_related("group").filter(page=page).first()
    if account is not None:
        return account, False
    collection = _media_parent().add_child(instance=Collection(name=_collection_name(page)))
    return CooperativeAccount.objects.create(page=page, collection=collection), True


def _media_parent():
    """One folder grouping the cooperatives' collections keeps the collection list tidy."""
    root = root_collection()
    parent = root.get_children().filter(name=MEDIA_PARENT_NAME).first()
    return parent or root.add_child(instance=Collection(name=MEDIA_PARENT_NAME))


def _collection_name(page):
    return f"{page.title[:230]} (#{page.pk})"


def _group_name(page):
    return f"HTX: {page.title[:120]} (#{page.pk})"


def _ensure_group(account):
    if account.group is not None:
        return False
    group, _created = Group.objects.get_or_create(name=_group_name(account.page))
    group.permissions.add(permission(*ADMIN_ACCESS))
    subtree_root = Page.objects.get(pk=account.page_id)
    grant_page_permissions(group, subtree_root, COOPERATIVE_PAGE_PERMISSIONS)
    grant_collection_permissions(group, account.collection)
    account.group = group
    account.offboarded_at = None
    account.save(update_fields=["group", "offboarded_at"])
    return True


def _ensure_user(account, email):
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email[:150], email=email, is_active=True)
        user.set_unusable_password()
        user.save()
        user.groups.add(account.group)
        # The admin speaks Vietnamese to a cooperative whatever its phone's language is; the
        # user can still choose English in its account settings.
        UserProfile.objects.update_or_create(
            user=user, defaults={"preferred_language": settings.LANGUAGE_CODE}
        )
        return user, True
    _check_user_may_join(user, account)
    changed = not user.is_active or not user.groups.filter(pk=account.group_id).exists()
    if changed:
        user.is_active = True
        user.save(update_fields=["is_active"])
        user.groups.add(account.group)
    return user, changed


def _check_user_may_join(user, account):
    """One user, one cooperative; staff accounts are never turned into cooperative accounts."""
    if user.is_superuser or user.groups.filter(name=ALLIANCE_EDITORS).exists():
        raise OnboardingError(
            _("%(email)s là tài khoản của Liên minh HTX, không thể gán cho hợp tác xã.")
            % {"email": user.email}
        )
    other = (
        CooperativeAccount.objects.filter(group__user=user)
        .exclude(pk=account.pk)
        .select_related("page")
        .first()
    )
    if other is not None:
        raise OnboardingError(
            _("%(email)s đã là tài khoản của %(name)s.")
            % {"email": user.email, "name": other.page.title}
        )


def _release_user(user, group):
    user.groups.remove(group)
    # Someone with other roles keeps their login; a cooperative-only account is closed.
    if not user.is_superuser and not user.groups.exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)
