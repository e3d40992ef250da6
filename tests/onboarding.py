"""Two onboarded cooperatives and an Alliance editor, shared by the account tests."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cooperatives.accounts import onboard
from cooperatives.permissions import ALLIANCE_EDITORS
from tests.factories import ImageFactory, make_cooperative, make_product

PASSWORD = "mat-khau-thu-nghiem-2026"


@dataclass
class Tenant:
    page: object
    user: object
    account: object
    product: object
    image: object


def onboarded(title, email, product_title):
    page = make_cooperative(title)
    result = onboard(page, email)
    user = result.user
    user.set_password(PASSWORD)
    user.save()
    image = ImageFactory(title=f"Ảnh của {title}", collection=result.account.collection)
    product = make_product(page, title=product_title, image=image)
    return Tenant(page, user, result.account, product, image)


def alliance_editor(username="bien-tap-vien"):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@lienminhhtx.vn", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=ALLIANCE_EDITORS))
    return user
