"""The admin speaks Vietnamese on every screen a cooperative or an Alliance editor uses.

Each screen is fetched as its user would see it and fails on any of Wagtail's own English
(`tests/admin_english.py`). A Wagtail upgrade that adds strings fails here until
`admin_locale/vi` supplies them. Another room's screens join by adding to the lists below.
"""

import datetime
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.users.models import UserProfile

from inquiries import lifecycle, quoting
from inquiries.models import Inquiry, QuoteRequest
from inquiries.spam import Verdict
from tests.admin_english import english_on, normalise, untranslated_script_strings
from tests.onboarding import alliance_editor, onboarded

pytestmark = pytest.mark.django_db

# "{coop}", "{product}", "{image}", "{document}", "{index}" are filled from the fixture.
COOPERATIVE_SCREENS = [
    "/admin/",
    "/admin/pages/{coop}/",
    "/admin/pages/{coop}/edit/",
    "/admin/pages/{coop}/history/",
    "/admin/pages/add/products/productpage/{coop}/",
    "/admin/pages/{product}/edit/",
    "/admin/pages/{product}/history/",
    "/admin/pages/search/?q=m%E1%BA%ADt",
    "/admin/images/",
    "/admin/images/add/",
    "/admin/images/multiple/add/",
    "/admin/images/{image}/",
    "/admin/images/chooser/",
    "/admin/documents/",
    "/admin/documents/multiple/add/",
    "/admin/documents/edit/{document}/",
    "/admin/documents/chooser/",
    "/admin/choose-page/",
    "/admin/choose-page/{coop}/",
    "/admin/account/",
    "/admin/collections/",
    "/admin/huong-dan/",
    # Buyers' inquiries (inquiries/): the lists, an inquiry with its answer form, an invitation.
    "/admin/inquiries/",
    "/admin/inquiries/{inquiry}/",
    "/admin/quote-requests/",
    "/admin/quote-requests/{invitation}/",
]
EDITOR_SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{index}/",
    "/admin/pages/{coop}/edit/",
    "/admin/pages/{product}/edit/",
    "/admin/pages/{product}/history/",
    "/admin/cooperatives/{coop}/account/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/account/",
    "/admin/inquiries/",
    "/admin/inquiries/{inquiry}/",
    "/admin/quote-requests/",
    "/admin/quote-requests/request/{quote_request}/",
    "/admin/inquiries/report/",
    "/admin/inquiries/deliveries/",
]
ANONYMOUS_SCREENS = ["/admin/login/", "/admin/password_reset/"]


@pytest.fixture
def tenant():
    coop = onboarded("HTX Ong mật Đông Anh", "htx.ongmat@example.vn", "Mật ong hoa nhãn")
    coop.document = get_document_model().objects.create(
        title="Bảng giá 2026",
        file=ContentFile(b"Bang gia", name="bang-gia.txt"),
        collection=coop.account.collection,
    )
    # The product waits for review: the moderation screens show their buttons and status.
    product = coop.product.specific
    product.save_revision(user=coop.user, log_action=True)  # "your most recent edits"
    product.get_workflow().start(product, coop.user)
    # Another was sent back with a comment: the dashboard shows "needs changes".
    other = product.copy(update_attrs={"title": "Nến sáp ong", "slug": "nen-sap-ong"})
    other.save_revision(user=coop.user)
    state = other.get_workflow().start(other, coop.user)
    state.current_task_state.specific.reject(user=alliance_editor("duyet"), comment="Thêm ảnh.")
    coop.inquiry, coop.invitation = buyer_questions(coop)
    return coop


def buyer_questions(coop):
    """An inquiry to the cooperative and a request for quotation it is invited to."""
    inquiry = lifecycle.submit(
        Inquiry(
            cooperative=coop.page,
            product=coop.product,
            name="Lê Thu Hà",
            country="VN",
            email="thuha@example.vn",
            message="Xin báo giá sỉ 300 hộp mật ong mỗi tháng.",
        ),
        Verdict(),
    )
    request = quoting.submit(
        QuoteRequest(
            category=coop.product.specific.category,
            product="Mật ong hoa nhãn",
            quantity=300,
            unit="hộp",
            destination="Hà Nội",
            deadline=timezone.localdate() + datetime.timedelta(days=10),
            name="Lê Thu Hà",
            country="VN",
            email="thuha@example.vn",
        ),
        Verdict(),
    )
    return inquiry, request.invitations.get(cooperative=coop.page)


def screens(urls, tenant):
    ids = {
        "coop": tenant.page.pk,
        "product": tenant.product.pk,
        "image": tenant.image.pk,
        "document": tenant.document.pk,
        "index": tenant.page.get_parent().pk,
        "inquiry": tenant.inquiry.pk,
        "invitation": tenant.invitation.pk,
        "quote_request": tenant.invitation.request_id,
    }
    return [url.format(**ids) for url in urls]


def content_titles():
    """Titles people gave pages, pictures and folders: the English tree's are English."""
    return frozenset(
        normalise(title)
        for model in (Page, get_image_model(), get_document_model(), Collection)
        for title in model.objects.values_list(
            "name" if model is Collection else "title", flat=True
        )
    )


def english_on_screens(client, urls):
    found = {}
    content = content_titles()
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == HTTPStatus.OK, url
        if english := english_on(response.content.decode(), content=content):
            found[url] = english
    return found


def logged_in(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(user)
    return client


def english_in_mail(messages):
    """[(subject, English found)] over every message's subject, text and HTML parts."""
    found = []
    for message in messages:
        parts = [f"<p>{line}</p>" for line in [message.subject, *message.body.splitlines()]]
        parts += [
            html for html, kind in getattr(message, "alternatives", []) if kind == "text/html"
        ]
        if english := [text for part in parts for text, _msgid in english_on(part)]:
            found.append((message.subject, english))
    return found


def test_a_cooperative_sees_no_wagtail_english(tenant):
    client = logged_in(tenant.user)
    assert english_on_screens(client, screens(COOPERATIVE_SCREENS, tenant)) == {}
    html = client.get(f"/admin/pages/{tenant.page.pk}/edit/").content.decode()
    assert "Lưu nháp" in html
    assert "Gửi duyệt" in html


def test_an_alliance_editor_sees_no_wagtail_english(tenant):
    client = logged_in(alliance_editor())
    assert english_on_screens(client, screens(EDITOR_SCREENS, tenant)) == {}


def test_login_and_password_reset_speak_vietnamese(tenant):
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    assert english_on_screens(client, ANONYMOUS_SCREENS) == {}
    login = BeautifulSoup(client.get("/admin/login/").content, "html.parser")
    assert login.find("label", attrs={"for": "id_password"}).get_text(strip=True) == "Mật khẩu*"
    mail.outbox.clear()
    client.post("/admin/password_reset/", {"email": tenant.user.email})
    assert english_in_mail(mail.outbox) == []


def test_every_string_of_wagtails_scripts_speaks_vietnamese():
    """The admin's scripts (comments, the minimap, "Collapse all") read the JS catalogue."""
    assert untranslated_script_strings("vi") == []


def test_the_moderation_emails_speak_vietnamese(tenant):
    """Submitted (to the editors), changes requested and approved (to the cooperative)."""
    editor = alliance_editor()
    product = tenant.product.specific
    other = product.copy(update_attrs={"title": "Sáp ong", "slug": "sap-ong"}, user=tenant.user)
    mail.outbox.clear()
    product.current_workflow_task_state.specific.reject(user=editor, comment="Thêm ảnh rõ hơn.")
    other.save_revision(user=tenant.user)
    state = other.get_workflow().start(other, tenant.user)
    state.current_task_state.specific.approve(user=editor, comment="Tốt.")
    subjects = [message.subject for message in mail.outbox]
    # Changes requested and approved to the cooperative; the submission to both editors.
    assert len(subjects) == 4, subjects
    assert english_in_mail(mail.outbox) == []


def test_an_editor_who_chose_english_keeps_english(tenant):
    editor = alliance_editor()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = logged_in(editor).get(f"/admin/pages/{tenant.product.pk}/edit/").content.decode()
    assert "Save draft" in html
    assert "Lưu nháp" not in html
