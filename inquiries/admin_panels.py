"""Dashboard panels: a cooperative's unanswered inquiries and open invitations come first;
the Alliance sees what waits for it (held, escalated, mail that failed).

Each panel costs a fixed number of queries: a count and a capped list per section.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from . import quoting
from .admin_deliveries import stuck_deliveries
from .admin_forms import QueueFilter
from .models import Inquiry, QuoteRequest, Status

ROWS = 5


@dataclass
class Section:
    heading: str
    total: int
    rows: list  # (label, url)
    all_url: str
    empty: str


def inquiry_url(inquiry):
    return reverse("inquiries_admin:detail", args=[inquiry.pk])


class CooperativeInquiriesPanel(Component):
    name = "cooperative_inquiries"
    order = 10  # before the cooperative's pages: a buyer waiting matters most
    template_name = "inquiries/admin/cooperative_panel.html"

    def __init__(self, user, cooperative):
        self.user, self.cooperative = user, cooperative

    def waiting(self):
        inquiries = Inquiry.objects.for_cooperative(self.cooperative).waiting()
        first = inquiries.select_related("product").order_by("delivered_at", "pk")[:ROWS]
        return Section(
            _("Hỏi mua chưa trả lời"),
            inquiries.count(),
            [(f"{i.reference} · {i.name} · {i.subject}", inquiry_url(i)) for i in first],
            reverse("inquiries_admin:list"),
            _("Không có yêu cầu nào đang chờ trả lời."),
        )

    def invitations(self):
        invitations = quoting.invitations_for(self.user).filter(
            request__status=QuoteRequest.Status.OPEN,
            request__deadline__gte=timezone.localdate(),
            quotation__isnull=True,
        )
        first = invitations.select_related("request").order_by("request__deadline", "pk")[:ROWS]
        return Section(
            _("Được mời báo giá, chưa gửi báo giá"),
            invitations.count(),
            [
                (
                    f"{i.request.reference} · {i.request.product}",
                    reverse("inquiries_admin:invitation", args=[i.pk]),
                )
                for i in first
            ],
            reverse("inquiries_admin:quotes"),
            _("Không có lời mời báo giá nào đang mở."),
        )

    def get_context_data(self, parent_context):
        return {"sections": [self.waiting(), self.invitations()]}


class AllianceInquiriesPanel(Component):
    name = "alliance_inquiries"
    order = 30
    template_name = "inquiries/admin/alliance_panel.html"

    def get_context_data(self, parent_context):
        inquiries = reverse("inquiries_admin:list")
        escalated = Inquiry.objects.exclude(escalated_at=None).filter(
            status__in=(Status.NEW, Status.READ)
        )
        return {
            "counts": [
                (
                    _("Hỏi mua chờ kiểm tra"),
                    Inquiry.objects.filter(status=Status.HELD).count(),
                    f"{inquiries}?queue={QueueFilter.HELD}",
                ),
                (
                    _("Yêu cầu báo giá chờ kiểm tra"),
                    QuoteRequest.objects.filter(status=QuoteRequest.Status.HELD).count(),
                    reverse("inquiries_admin:quotes") + "?status=held",
                ),
                (
                    _("Đã chuyển bộ phận xúc tiến, chưa trả lời"),
                    escalated.count(),
                    f"{inquiries}?queue={QueueFilter.ESCALATED}",
                ),
                (
                    _("Thư gửi không được"),
                    stuck_deliveries().count(),
                    reverse("inquiries_admin:deliveries"),
                ),
            ]
        }
