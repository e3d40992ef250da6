"""Who sees which inquiries, and who is told about them.

Buyers' details are seen by the cooperative addressed and by the Alliance (its editors and the
trade desk group), nobody else: every admin view starts from `visible_inquiries(user)`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cooperatives.permissions import ADMIN_ACCESS, account_for, is_alliance_editor, permission

TRADE_DESK = "Bộ phận xúc tiến thương mại Liên minh HTX"


def ensure_trade_desk():
    group, _ = Group.objects.get_or_create(name=TRADE_DESK)
    group.permissions.add(permission(*ADMIN_ACCESS))
    return group


def is_trade_desk(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_is_trade_desk"):
        user._is_trade_desk = user.groups.filter(name=TRADE_DESK).exists()
    return user._is_trade_desk


def is_alliance(user):
    """The Alliance's staff: superusers, editors and the trade desk see every inquiry."""
    return is_alliance_editor(user) or is_trade_desk(user)


def own_cooperative(user):
    """The cooperative page a cooperative's user answers for, or None."""
    account = account_for(user)
    return account.page if account and account.is_active else None


def visible_inquiries(user, queryset):
    """The part of `queryset` (inquiries) the user may see."""
    if is_alliance(user):
        return queryset
    cooperative = own_cooperative(user)
    if cooperative is None:
        return queryset.none()
    return queryset.filter(cooperative=cooperative)


def cooperative_addresses(cooperative):
    """The cooperative's public address and its account users' addresses."""
    users = get_user_model().objects.filter(
        groups__cooperative_account__page=cooperative, is_active=True
    )
    addresses = [cooperative.email, *users.exclude(email="").values_list("email", flat=True)]
    return [address for address in addresses if address]


def trade_desk_addresses():
    users = get_user_model().objects.filter(groups__name=TRADE_DESK, is_active=True)
    addresses = list(users.exclude(email="").values_list("email", flat=True))
    return [settings.INQUIRY_TRADE_DESK_EMAIL, *addresses]
