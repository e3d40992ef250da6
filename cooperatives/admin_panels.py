"""Admin home panels: the Alliance's to-do lists; a cooperative's profile checklist and its own
pages with their status.

Each list costs a fixed number of queries (the rows, capped, and their total), however many
cooperatives and products there are.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState

from .models import CooperativePage

ROWS = 10


@dataclass
class Row:
    title: str
    url: str
    detail: str = ""
    note: str = ""


class ListPanel(Component):
    """A titled list of rows linking to edit views, with the total when it is cut short."""

    template_name = "cooperatives/admin/list_panel.html"
    heading = ""
    empty = ""

    def __init__(self, order):
        self.order = order

    @property
    def name(self):
        return type(self).__name__

    def rows_and_total(self):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        rows, total = self.rows_and_total()
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "empty": self.empty,
            "rows": rows,
            "total": total,
            "more": max(total - len(rows), 0),
        }


def edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def default_locale(queryset):
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


def capped(queryset):
    """The first rows and the total: two queries."""
    return list(queryset[:ROWS]), queryset.count()


class CooperativesWithoutProductsPanel(ListPanel):
    heading = _("Hợp tác xã chưa có sản phẩm")
    empty = _("Hợp tác xã nào cũng đã có sản phẩm.")

    def rows_and_total(self):
        # Products are a cooperative page's only children, so no child means no product.
        pages, total = capped(
            default_locale(CooperativePage.objects.filter(numchild=0)).order_by("title")
        )
        return [Row(p.title, edit_url(p.pk)) for p in pages], total


# The directory's own to-do list; the catalogue adds its lists (`products.admin_panels`), and
# pages awaiting review are Wagtail's own "Awaiting your review" panel.
ALLIANCE_PANELS = (CooperativesWithoutProductsPanel,)


# --- The cooperative's own view ----------------------------------------------------------


def page_status(page, state):
    """The status a cooperative reads, in its own words."""
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("Đang chờ duyệt")
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _("Cần sửa theo góp ý")
    if not page.live:
        return _("Bản nháp, chưa gửi duyệt")
    if page.has_unpublished_changes:
        return _("Đã đăng; có thay đổi chưa gửi duyệt")
    return _("Đã đăng")


class CooperativePagesPanel(Component):
    """Every page of the user's cooperative with its moderation status and the last comment."""

    name = "cooperative_pages"
    order = 50
    template_name = "cooperatives/admin/cooperative_pages_panel.html"

    def __init__(self, account):
        self.account = account

    def get_context_data(self, parent_context):
        pages = list(Page.objects.descendant_of(self.account.page, inclusive=True).order_by("path"))
        states = self.latest_states([p.pk for p in pages])
        rows = []
        for page in pages:
            state = states.get(page.pk)
            comment = ""
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                comment = state.current_task_state.comment if state.current_task_state else ""
            rows.append(
                {
                    "page": page,
                    "status": page_status(page, state),
                    "comment": comment,
                    "edit_url": edit_url(page.pk),
                }
            )
        return {
            "cooperative": self.account.page,
            "rows": rows,
            "add_url": reverse(
                "wagtailadmin_pages:add", args=["products", "productpage", self.account.page_id]
            ),
        }

    @staticmethod
    def latest_states(page_ids):
        """The active workflow state of each page, in one query."""
        states = (
            WorkflowState.objects.active()
            .filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(pk) for pk in page_ids],
            )
            .select_related("current_task_state")
        )
        return {int(s.object_id): s for s in states}


# --- What makes a profile good for buyers --------------------------------------------------


@dataclass
class Check:
    label: str
    hint: str
    done: bool
    url: str


def latest_drafts(pages):
    """Each page as last saved, submitted or not: the checklist follows the cooperative's work.

    One query for the revisions; a revision is read from its JSON, its children included.
    """
    revisions = Revision.objects.in_bulk(
        [p.latest_revision_id for p in pages if p.latest_revision_id]
    )
    return [
        revisions[p.latest_revision_id].as_object()
        if p.latest_revision_id in revisions
        else p.specific
        for p in pages
    ]


def profile_checks(cooperative, products):
    """The checklist of `cooperative` (a CooperativePage) and its `products` (ProductPages)."""
    edit = edit_url(cooperative.pk)
    without_photo = [p for p in products if not list(p.gallery_images.all())]
    without_price = [p for p in products if not p.price_vnd]
    incomplete = (without_photo + without_price)[:1]
    add_product = reverse(
        "wagtailadmin_pages:add", args=["products", "productpage", cooperative.pk]
    )
    return [
        Check(
            _("Biểu trưng"),
            _("Logo của hợp tác xã, hiện trong danh bạ."),
            bool(cooperative.logo_id),
            edit,
        ),
        Check(
            _("Ảnh bìa"),
            _("Ít nhất một ảnh trong “Thư viện ảnh”: ruộng, xưởng, sản phẩm."),
            bool(list(cooperative.gallery_images.all())),
            edit,
        ),
        Check(
            _("Giới thiệu"),
            _("Một hai câu giới thiệu ngắn và phần giới thiệu chi tiết."),
            bool(cooperative.summary and cooperative.body),
            edit,
        ),
        Check(
            _("Liên hệ"),
            _("Địa chỉ và số điện thoại hoặc thư điện tử, để người mua liên hệ."),
            bool(cooperative.address and (cooperative.phone or cooperative.email)),
            edit,
        ),
        Check(
            _("Sản phẩm có ảnh và giá"),
            _("Mỗi sản phẩm có ít nhất một ảnh và giá bán."),
            bool(products) and not incomplete,
            edit_url(incomplete[0].pk) if incomplete else add_product,
        ),
        Check(
            _("Chứng nhận"),
            _(
                "OCOP, VietGAP, hữu cơ…: tải bản chụp giấy chứng nhận lên mục Tài liệu, "
                "Liên minh HTX sẽ ghi vào sản phẩm."
            ),
            any(list(p.certifications.all()) for p in products),
            reverse("wagtaildocs:add_multiple"),
        ),
    ]


class ProfileChecklistPanel(Component):
    """How complete the cooperative's profile is, each missing item a link to where it is done."""

    name = "profile_checklist"
    order = 40
    template_name = "cooperatives/admin/profile_checklist_panel.html"

    def __init__(self, account):
        self.account = account

    def get_context_data(self, parent_context):
        pages = list(Page.objects.descendant_of(self.account.page, inclusive=True).order_by("path"))
        cooperative, *products = latest_drafts(pages)
        checks = profile_checks(cooperative, products)
        done = sum(check.done for check in checks)
        return {
            "checks": checks,
            "done": done,
            "total": len(checks),
            "percent": round(100 * done / len(checks)),
        }
