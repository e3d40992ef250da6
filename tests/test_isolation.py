"""A cooperative's user against another cooperative's pages, images and documents, URL by URL.

Cooperative A's user asks for every admin URL naming cooperative B's objects, and for every
listing, chooser, report and API that could show them. Object URLs must answer 403 or 404, or
send the user away (Wagtail redirects to the dashboard with a "permission denied" message), and
state-changing requests must change nothing. No response may contain a title of B's.
"""

import json
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, WorkflowState

from tests.factories import make_product
from tests.onboarding import alliance_editor, onboarded

pytestmark = pytest.mark.django_db

# B's titles, each unique so that a leak anywhere shows.
B_COOP = "HTX Miến dong Minh Hồng"
B_LIVE = "Miến dong đặc sản Minh Hồng"
B_DRAFT = "Bánh đa kê chưa công bố"
B_IMAGE = "Ảnh xưởng phơi miến"
B_DOC = "Hồ sơ chứng nhận VietGAP nội bộ"
SECRETS = (B_COOP, B_LIVE, B_DRAFT, B_IMAGE, B_DOC)

# (id, method, URL). Placeholders name B's objects: {coop} B's cooperative page, {live} its
# published product, {draft} its draft product in moderation, {rev} a revision of {live},
# {ws}/{ts}/{task} the draft's workflow state, task state and task, {image}, {doc}; {own} is A's
# cooperative page and {index} the directory.
OBJECT_URLS = [
    ("explore-coop", "get", "/admin/pages/{coop}/"),
    ("explore-coop-results", "get", "/admin/pages/{coop}/results/"),
    ("edit-coop", "get", "/admin/pages/{coop}/edit/"),
    ("edit-coop-post", "post", "/admin/pages/{coop}/edit/"),
    ("edit-live", "get", "/admin/pages/{live}/edit/"),
    ("edit-live-post", "post", "/admin/pages/{live}/edit/"),
    ("edit-draft", "get", "/admin/pages/{draft}/edit/"),
    ("preview-live", "get", "/admin/pages/{live}/edit/preview/"),
    ("preview-live-post", "post", "/admin/pages/{live}/edit/preview/"),
    ("view-draft", "get", "/admin/pages/{draft}/view_draft/"),
    ("add-subpage", "get", "/admin/pages/{coop}/add_subpage/"),
    ("add-product", "get", "/admin/pages/add/products/productpage/{coop}/"),
    ("add-product-post", "post", "/admin/pages/add/products/productpage/{coop}/"),
    ("preview-on-add", "post", "/admin/pages/add/products/productpage/{coop}/preview/"),
    ("delete-live", "get", "/admin/pages/{live}/delete/"),
    ("delete-draft-post", "post", "/admin/pages/{draft}/delete/"),
    ("unpublish", "get", "/admin/pages/{live}/unpublish/"),
    ("unpublish-post", "post", "/admin/pages/{live}/unpublish/"),
    ("move", "get", "/admin/pages/{live}/move/"),
    ("move-into-own", "get", "/admin/pages/{live}/move/{own}/confirm/"),
    ("move-into-own-post", "post", "/admin/pages/{live}/move/{own}/confirm/"),
    ("set-position", "post", "/admin/pages/{live}/set_position/?position=0"),
    ("copy", "get", "/admin/pages/{live}/copy/"),
    ("copy-post", "post", "/admin/pages/{live}/copy/"),
    ("lock", "post", "/admin/pages/{live}/lock/"),
    ("unlock", "post", "/admin/pages/{live}/unlock/"),
    ("privacy", "get", "/admin/pages/{live}/privacy/"),
    ("convert-alias", "get", "/admin/pages/{live}/convert_alias/"),
    ("usage", "get", "/admin/pages/{live}/usage/"),
    ("history", "get", "/admin/pages/{live}/history/"),
    ("history-results", "get", "/admin/pages/{live}/history/results/"),
    ("revisions", "get", "/admin/pages/{live}/revisions/"),
    ("revision-view", "get", "/admin/pages/{live}/revisions/{rev}/view/"),
    ("revision-revert", "get", "/admin/pages/{live}/revisions/{rev}/revert/"),
    ("revisions-compare", "get", "/admin/pages/{live}/revisions/compare/earliest...{rev}/"),
    ("revision-unschedule", "post", "/admin/pages/{live}/revisions/{rev}/unschedule/"),
    ("workflow-history", "get", "/admin/pages/{draft}/workflow_history/"),
    ("workflow-history-detail", "get", "/admin/pages/{draft}/workflow_history/detail/{ws}/"),
    ("workflow-approve", "post", "/admin/pages/workflow/action/{draft}/approve/{ts}/"),
    ("workflow-reject", "post", "/admin/pages/workflow/action/{draft}/reject/{ts}/"),
    (
        "workflow-collect-data",
        "get",
        "/admin/pages/workflow/collect_action_data/{draft}/reject/{ts}/",
    ),
    ("workflow-preview", "get", "/admin/pages/workflow/preview/{draft}/{task}/"),
    ("workflow-cancel", "get", "/admin/pages/workflow/confirm_cancellation/{draft}/"),
    ("choose-page-child", "get", "/admin/choose-page/{coop}/"),
    ("api-page-detail", "get", "/admin/api/main/pages/{draft}/"),
    ("api-page-move", "post", "/admin/api/main/pages/{live}/action/move/"),
    ("api-page-copy", "post", "/admin/api/main/pages/{live}/action/copy/"),
    ("api-page-delete", "post", "/admin/api/main/pages/{draft}/action/delete/"),
    ("api-page-publish", "post", "/admin/api/main/pages/{draft}/action/publish/"),
    ("api-page-unpublish", "post", "/admin/api/main/pages/{live}/action/unpublish/"),
    ("bulk-delete-page", "get", "/admin/bulk/wagtailcore/page/delete/?id={live}"),
    ("bulk-delete-page-post", "post", "/admin/bulk/wagtailcore/page/delete/?id={draft}"),
    ("bulk-unpublish-page", "post", "/admin/bulk/wagtailcore/page/unpublish/?id={live}"),
    ("bulk-publish-page", "post", "/admin/bulk/wagtailcore/page/publish/?id={draft}"),
    ("bulk-move-page", "post", "/admin/bulk/wagtailcore/page/move/?id={live}"),
    ("image-edit", "get", "/admin/images/{image}/"),
    ("image-edit-post", "post", "/admin/images/{image}/"),
    ("image-delete", "get", "/admin/images/{image}/delete/"),
    ("image-delete-post", "post", "/admin/images/{image}/delete/"),
    ("image-url-generator", "get", "/admin/images/{image}/generate_url/"),
    ("image-preview", "get", "/admin/images/{image}/preview/original/"),
    ("image-usage", "get", "/admin/images/usage/{image}/"),
    ("image-chosen", "get", "/admin/images/chooser/chosen/{image}/"),
    ("image-edit-multiple", "post", "/admin/images/multiple/{image}/"),
    ("image-delete-multiple", "post", "/admin/images/multiple/{image}/delete/"),
    ("image-api-detail", "get", "/admin/api/main/images/{image}/"),
    ("bulk-delete-image", "post", "/admin/bulk/portal/portalimage/delete/?id={image}"),
    ("doc-edit", "get", "/admin/documents/edit/{doc}/"),
    ("doc-edit-post", "post", "/admin/documents/edit/{doc}/"),
    ("doc-delete", "get", "/admin/documents/delete/{doc}/"),
    ("doc-delete-post", "post", "/admin/documents/delete/{doc}/"),
    ("doc-usage", "get", "/admin/documents/usage/{doc}/"),
    ("doc-chosen", "get", "/admin/documents/chooser/chosen/{doc}/"),
    ("doc-edit-multiple", "post", "/admin/documents/multiple/{doc}/"),
    ("doc-delete-multiple", "post", "/admin/documents/multiple/{doc}/delete/"),
    ("doc-api-detail", "get", "/admin/api/main/documents/{doc}/"),
    ("bulk-delete-doc", "post", "/admin/bulk/wagtaildocs/document/delete/?id={doc}"),
    ("account-action", "get", "/admin/cooperatives/{coop}/account/"),
    ("account-onboard-post", "post", "/admin/cooperatives/{coop}/account/"),
    ("account-offboard-post", "post", "/admin/cooperatives/{coop}/account/offboard/"),
]

# Listings, choosers, search, reports, snippets and APIs: may answer, must not show B.
LISTING_URLS = [
    ("dashboard", "/admin/"),
    ("explore-root", "/admin/pages/"),
    ("explore-index", "/admin/pages/{index}/"),
    ("explore-index-results", "/admin/pages/{index}/results/"),
    ("page-search", "/admin/pages/search/?q=mi%E1%BA%BFn"),
    ("page-search-draft", "/admin/pages/search/results/?q=b%C3%A1nh"),
    ("choose-page", "/admin/choose-page/"),
    ("choose-page-index", "/admin/choose-page/{index}/"),
    ("choose-page-search", "/admin/choose-page/search/?q=mi%E1%BA%BFn"),
    ("api-pages", "/admin/api/main/pages/?child_of={index}&for_explorer=1"),
    ("api-pages-search", "/admin/api/main/pages/?search=mi%E1%BA%BFn"),
    ("api-pages-descendants", "/admin/api/main/pages/?descendant_of={index}"),
    ("api-images", "/admin/api/main/images/"),
    ("api-documents", "/admin/api/main/documents/"),
    ("images", "/admin/images/"),
    ("images-search", "/admin/images/results/?q=x%C6%B0%E1%BB%9Fng"),
    ("image-chooser", "/admin/images/chooser/"),
    ("image-chooser-search", "/admin/images/chooser/results/?q=x%C6%B0%E1%BB%9Fng"),
    ("documents", "/admin/documents/"),
    ("document-chooser", "/admin/documents/chooser/"),
    ("document-chooser-search", "/admin/documents/chooser/results/?q=VietGAP"),
    ("report-locked", "/admin/reports/locked/"),
    ("report-workflow", "/admin/reports/workflow/"),
    ("report-workflow-tasks", "/admin/reports/workflow_tasks/"),
    ("report-site-history", "/admin/reports/site-history/"),
    ("report-aging", "/admin/reports/aging-pages/"),
    ("report-page-types", "/admin/reports/page-types-usage/"),
    ("report-page-types-results", "/admin/reports/page-types-usage/results/"),
    ("type-use", "/admin/pages/usage/products/productpage/"),
    ("choose-parent", "/admin/pages/create/products/productpage"),
    ("snippets", "/admin/snippets/"),
    ("sector-snippets", "/admin/snippets/cooperatives/sector/"),
    ("certification-snippets", "/admin/snippets/products/certification/"),
    ("collections", "/admin/collections/"),
    ("users", "/admin/users/"),
    ("groups", "/admin/groups/"),
    ("workflows", "/admin/workflows/list/"),
    ("workflow-tasks", "/admin/workflows/tasks/index/"),
]


@pytest.fixture
def world():
    a = onboarded("HTX Rau an toàn Văn Đức", "htx.vanduc@example.vn", "Rau cải Văn Đức")
    b = onboarded(B_COOP, "htx.minhhong@example.vn", B_LIVE)
    b.image.title = B_IMAGE
    b.image.save()
    doc = get_document_model().objects.create(
        title=B_DOC,
        file=ContentFile(b"%PDF-1.4 noi bo", name="chung-nhan.pdf"),
        collection=b.account.collection,
    )
    draft = make_product(b.page, title=B_DRAFT, publish=False)
    revision = draft.save_revision(user=b.user)
    workflow_state = draft.get_workflow().start(draft, b.user)
    task_state = workflow_state.current_task_state
    return {
        "a": a,
        "b": b,
        "ids": {
            "coop": b.page.pk,
            "live": b.product.pk,
            "draft": draft.pk,
            "rev": b.product.latest_revision_id,
            "draft_rev": revision.pk,
            "ws": workflow_state.pk,
            "ts": task_state.pk,
            "task": task_state.task_id,
            "image": b.image.pk,
            "doc": doc.pk,
            "own": a.page.pk,
            "index": b.page.get_parent().pk,
        },
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def snapshot(ids):
    """What B owns, as the database holds it, to prove a refused request changed nothing."""
    pages = Page.objects.filter(pk__in=[ids["coop"], ids["live"], ids["draft"]]).order_by("pk")
    return (
        list(pages.values_list("pk", "title", "path", "live", "locked", "latest_revision_id")),
        Page.objects.count(),
        Revision.objects.count(),
        list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        sorted(
            get_document_model().objects.values_list("pk", "title", "collection_id"),
        ),
    )


def assert_refused(response, url):
    if response.status_code == HTTPStatus.FOUND:
        assert response["Location"] != url, "redirected to itself"
        assert "/admin/login/" not in response["Location"], "logged-in user sent to login"
        return
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND), (
        f"{url} answered {response.status_code}"
    )


def text(response):
    body = response.content.decode("utf-8", "replace")
    if response.get("Content-Type", "").startswith("application/json"):
        # Chooser responses escape non-ASCII characters; undo that before looking.
        body = json.dumps(json.loads(body), ensure_ascii=False)
    return body


def assert_no_secret(response, url):
    body = text(response)
    for secret in SECRETS:
        assert secret not in body, f"{url} shows “{secret}”"


@pytest.mark.parametrize(
    ("method", "template"), [u[1:] for u in OBJECT_URLS], ids=[u[0] for u in OBJECT_URLS]
)
def test_another_cooperatives_object_urls_are_refused(world, method, template):
    ids = world["ids"]
    url = template.format(**ids)
    client = client_for(world["a"].user)
    before = snapshot(ids)
    data = {"title": "Đã bị sửa", "slug": "da-bi-sua", "new_title": "Bản sao", "new_slug": "x"}

    response = getattr(client, method)(url, data) if method == "post" else client.get(url)

    assert_refused(response, url)
    assert_no_secret(response, url)
    assert snapshot(ids) == before


@pytest.mark.parametrize("template", [u[1] for u in LISTING_URLS], ids=[u[0] for u in LISTING_URLS])
def test_listings_choosers_reports_and_apis_show_nothing_of_another_cooperative(world, template):
    url = template.format(**world["ids"])
    response = client_for(world["a"].user).get(url, follow=True)
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
    assert_no_secret(response, url)


def test_the_matrix_covers_enough_urls():
    assert len(OBJECT_URLS) + len(LISTING_URLS) >= 100


# Positive controls: the same user reaches its own objects, so the refusals above mean something.
OWN_URLS = [
    "/admin/pages/{own}/",
    "/admin/pages/{own}/edit/",
    "/admin/pages/{own_product}/edit/",
    "/admin/pages/{own_product}/history/",
    "/admin/pages/{own_product}/revisions/{own_rev}/view/",
    "/admin/pages/add/products/productpage/{own}/",
    "/admin/images/{own_image}/",
    "/admin/images/chooser/chosen/{own_image}/",
]


@pytest.mark.parametrize("template", OWN_URLS)
def test_a_cooperative_reaches_its_own_objects(world, template):
    a = world["a"]
    url = template.format(
        own=a.page.pk,
        own_product=a.product.pk,
        own_rev=a.product.latest_revision_id,
        own_image=a.image.pk,
    )
    assert client_for(a.user).get(url).status_code == HTTPStatus.OK


def test_own_listings_show_own_objects(world):
    a = world["a"]
    client = client_for(a.user)
    index = world["ids"]["index"]
    assert a.product.title in text(client.get(f"/admin/pages/{a.page.pk}/"))
    assert a.image.title in text(client.get("/admin/images/chooser/"))
    assert a.image.title in text(client.get("/admin/api/main/images/"))
    assert a.page.title in text(client.get(f"/admin/choose-page/{index}/"))


def test_an_alliance_editor_sees_both_cooperatives(world):
    client = client_for(alliance_editor())
    ids = world["ids"]
    assert client.get(f"/admin/pages/{ids['live']}/edit/").status_code == HTTPStatus.OK
    assert client.get(f"/admin/images/{ids['image']}/").status_code == HTTPStatus.OK
    body = client.get(f"/admin/pages/{ids['index']}/").content.decode()
    assert B_COOP in body and world["a"].page.title in body
    assert client.get("/admin/reports/page-types-usage/").status_code == HTTPStatus.OK


def test_a_cooperative_cannot_create_other_page_types_in_its_subtree(world):
    a = world["a"]
    client = client_for(a.user)
    for model in ("cooperatives/cooperativepage", "home/newspage", "home/standardpage"):
        response = client.get(f"/admin/pages/add/{model}/{a.page.pk}/")
        assert_refused(response, "")


def test_a_cooperative_cannot_delete_its_own_cooperative_page(world):
    a = world["a"]
    unpublished = Page.objects.get(pk=a.page.pk)
    unpublished.specific.get_children().delete()
    unpublished.refresh_from_db()
    unpublished.specific.unpublish()
    response = client_for(a.user).post(f"/admin/pages/{a.page.pk}/delete/")
    assert_refused(response, "")
    assert Page.objects.filter(pk=a.page.pk).exists()
