"""Admin home panels: the Alliance's to-do lists, and a cooperative's own pages with their status.

Each list costs a fixed number of queries (the rows, capped, and their total), however many
cooperatives and products there are.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

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
