"""Onboarding and offboarding a cooperative's account, by command and by service."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from cooperatives.accounts import OnboardingError, offboard, onboard
from cooperatives.models import CooperativeAccount
from cooperatives.permissions import SHARED_COLLECTION
from tests.factories import make_cooperative, make_product

pytestmark = pytest.mark.django_db

EMAIL = "htx.thanhtri@example.vn"


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def state():
    """Everything onboarding may create, to compare before and after a second run."""
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")),
        sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection_id", "permission_id"
            )
        ),
        sorted(get_user_model().objects.values_list("username", "is_active", "password")),
        sorted(Collection.objects.values_list("name", flat=True)),
        sorted(CooperativeAccount.objects.values_list("page_id", "group_id", "collection_id")),
    )


def test_onboarding_grants_the_cooperative_its_own_subtree_and_collection():
    page = make_cooperative("HTX Thanh Trì")
    output = run("onboard_cooperative", page.slug, EMAIL)

    account = CooperativeAccount.objects.get(page=page)
    user = get_user_model().objects.get(email=EMAIL)
    assert list(user.groups.all()) == [account.group]
    assert not user.has_usable_password()
    page_perms = GroupPagePermission.objects.filter(group=account.group)
    assert {p.page_id for p in page_perms} == {page.pk}
    assert {p.permission.codename for p in page_perms} == {"add_page", "change_page"}
    media_perms = GroupCollectionPermission.objects.filter(group=account.group)
    own = media_perms.filter(collection=account.collection)
    assert {p.permission.codename for p in own} >= {"add_image", "choose_document"}
    # The Alliance's shared pictures: chosen, never changed.
    shared = media_perms.exclude(collection=account.collection)
    assert {p.collection.name for p in shared} == {SHARED_COLLECTION}
    assert {p.permission.codename for p in shared} == {"choose_image", "choose_document"}
    assert account.group.permissions.filter(codename="access_admin").exists()
    # The link is printed and e-mailed.
    assert "/admin/password_reset/confirm/" in output
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert "HTX Thanh Trì" in mail.outbox[0].subject
    assert output.split("Liên kết đặt mật khẩu: ")[1].strip() in mail.outbox[0].body


def test_onboarding_twice_changes_nothing():
    page = make_cooperative("HTX Thanh Trì")
    run("onboard_cooperative", page.slug, EMAIL)
    before = state()

    output = run("onboard_cooperative", page.slug, EMAIL.upper())

    assert state() == before
    assert "không có gì thay đổi" in output
    assert len(mail.outbox) == 1


def test_the_password_link_sets_a_password_the_user_can_log_in_with(client):
    page = make_cooperative("HTX Thanh Trì")
    link = onboard(page, EMAIL).password_url.removeprefix("http://testserver")

    response = client.get(link)
    assert response.status_code == 302  # Django swaps the token for a session marker
    form_url = response["Location"]
    assert client.get(form_url).status_code == 200
    new_password = "lua-nep-cai-hoa-vang-2026"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302

    assert client.login(username=EMAIL, password=new_password)
    assert client.get("/admin/").status_code == 200
    # The link is single-use.
    client.logout()
    assert client.get(link, follow=True).context["validlink"] is False


def test_offboarding_removes_access_and_keeps_the_pages():
    page = make_cooperative("HTX Thanh Trì")
    product = make_product(page)
    result = onboard(page, EMAIL)
    group_id = result.account.group_id

    output = run("offboard_cooperative", page.slug)

    user = get_user_model().objects.get(email=EMAIL)
    assert not user.is_active
    assert not Group.objects.filter(pk=group_id).exists()
    assert not GroupPagePermission.objects.filter(group_id=group_id).exists()
    assert page.__class__.objects.filter(pk=page.pk, live=True).exists()
    assert product.__class__.objects.filter(pk=product.pk, live=True).exists()
    account = CooperativeAccount.objects.get(page=page)
    assert account.collection_id == result.account.collection_id
    assert account.offboarded_at is not None
    assert "Đã thu hồi quyền" in output

    before = state()
    assert "không có gì thay đổi" in run("offboard_cooperative", page.slug)
    assert state() == before


def test_onboarding_again_after_offboarding_restores_the_same_user_and_collection():
    page = make_cooperative("HTX Thanh Trì")
    first = onboard(page, EMAIL)
    offboard(page)

    again = onboard(page, EMAIL)

    assert again.changed
    assert again.user.pk == first.user.pk and again.user.is_active
    assert again.account.collection_id == first.account.collection_id
    assert again.account.group is not None


def test_one_user_cannot_belong_to_two_cooperatives():
    onboard(make_cooperative("HTX Thanh Trì"), EMAIL)
    other = make_cooperative("HTX Đông Anh")
    with pytest.raises(OnboardingError, match="HTX Thanh Trì"):
        onboard(other, EMAIL)
    # Nothing half-made stays behind.
    assert not CooperativeAccount.objects.filter(page=other).exists()
    assert not Group.objects.filter(name__contains="HTX Đông Anh").exists()


def test_a_staff_account_is_never_turned_into_a_cooperative_account():
    get_user_model().objects.create_superuser("admin", "admin@lienminhhtx.vn", "x")
    page = make_cooperative("HTX Thanh Trì")
    with pytest.raises(CommandError, match="Liên minh HTX"):
        run("onboard_cooperative", page.slug, "admin@lienminhhtx.vn")


def test_unknown_slug_and_bad_email_are_refused():
    with pytest.raises(CommandError, match="khong-co"):
        run("onboard_cooperative", "khong-co", EMAIL)
    page = make_cooperative("HTX Thanh Trì")
    with pytest.raises(CommandError, match="không phải địa chỉ"):
        run("onboard_cooperative", page.slug, "not-an-email")
    assert not CooperativeAccount.objects.exists()
