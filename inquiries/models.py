"""Inquiries from buyers, their threads and deliveries, and each cooperative's responsiveness.

Requests for quotation are in `quotes.py`; both share the buyer's details (`BuyerDetails`).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .buyers import BuyerDetails
from .choices import Currency, HeldReason, Incoterm
from .quotes import Quotation, QuoteInvitation, QuoteRequest


class Status(models.TextChoices):
    HELD = "held", _("Chờ kiểm tra")
    NEW = "new", _("Mới")
    READ = "read", _("Đã xem")
    ANSWERED = "answered", _("Đã trả lời")
    ANSWERED_OUTSIDE = "answered_outside", _("Đã trả lời ngoài cổng (điện thoại, Zalo)")
    DECLINED = "declined", _("Từ chối")
    SPAM = "spam", _("Thư rác")
    CLOSED = "closed", _("Đã đóng")


# Statuses in which the inquiry waits for the cooperative (chased, then escalated).
WAITING = (Status.NEW, Status.READ)
# What the cooperative may set itself, beside answering by message.
COOPERATIVE_STATUSES = (
    Status.ANSWERED_OUTSIDE,
    Status.DECLINED,
    Status.SPAM,
    Status.CLOSED,
)


class InquiryQuerySet(models.QuerySet):
    def delivered(self):
        """Inquiries that reached a cooperative: not held for review, not spam."""
        return self.exclude(delivered_at=None).exclude(status=Status.SPAM)

    def for_cooperative(self, cooperative):
        return self.filter(cooperative=cooperative)

    def waiting(self):
        return self.delivered().filter(status__in=WAITING)


class Inquiry(BuyerDetails):
    """A buyer's question to one cooperative, about one product or the cooperative itself."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage",
        verbose_name=_("hợp tác xã"),
        on_delete=models.CASCADE,
        related_name="inquiries",
    )
    product = models.ForeignKey(
        "products.ProductPage",
        verbose_name=_("sản phẩm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    quantity = models.DecimalField(
        _("số lượng"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("đơn vị"), max_length=30, blank=True)
    wanted_by = models.DateField(_("cần trước ngày"), null=True, blank=True)
    destination = models.CharField(
        _("nơi nhận hàng"),
        max_length=100,
        blank=True,
        help_text=_("Tỉnh, thành phố hoặc nước nhận hàng."),
    )
    incoterm = models.CharField(
        _("điều kiện giao hàng (Incoterms 2020)"),
        max_length=3,
        choices=Incoterm.choices,
        blank=True,
    )
    target_price = models.DecimalField(
        _("giá mong muốn"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_currency = models.CharField(
        _("đơn vị tiền"), max_length=3, choices=Currency.choices, default=Currency.VND
    )
    message = models.TextField(_("nội dung"))

    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    held_reason = models.CharField(
        _("lý do giữ lại"), max_length=20, choices=HeldReason.choices, blank=True
    )
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now, db_index=True)
    # The cooperative's clock starts when the inquiry reaches it (after review if it was held).
    delivered_at = models.DateTimeField(_("ngày chuyển đến HTX"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("ngày đổi trạng thái"), default=timezone.now)
    first_answered_at = models.DateTimeField(_("ngày HTX trả lời lần đầu"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("ngày nhắc HTX"), null=True, blank=True)
    escalated_at = models.DateTimeField(
        _("ngày chuyển bộ phận xúc tiến thương mại"), null=True, blank=True
    )
    passed_from = models.ForeignKey(
        "self",
        verbose_name=_("chuyển từ yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="passed_to",
    )

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("yêu cầu hỏi mua")
        verbose_name_plural = _("yêu cầu hỏi mua")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["cooperative", "status"]),
            models.Index(fields=["status", "delivered_at"]),
        ]

    def __str__(self):
        return _("Hỏi mua số %(number)s") % {"number": self.pk}

    @property
    def reference(self):
        return f"HM-{self.pk:06d}"

    @property
    def is_waiting(self):
        return self.delivered_at is not None and self.status in WAITING

    @property
    def is_open(self):
        return self.status not in (Status.CLOSED, Status.SPAM)

    @property
    def subject(self):
        return self.product.title if self.product_id else self.cooperative.title


class InquiryEvent(models.Model):
    """One change in an inquiry's life, with its time: the trade desk's audit trail."""

    class Action(models.TextChoices):
        STATUS = "status", _("Đổi trạng thái")
        REMINDED = "reminded", _("Nhắc hợp tác xã")
        ESCALATED = "escalated", _("Chuyển bộ phận xúc tiến thương mại")
        PASSED = "passed", _("Chuyển cho hợp tác xã khác")
        RELEASED = "released", _("Đã kiểm tra, chuyển đến hợp tác xã")
        ERASED = "erased", _("Xóa dữ liệu cá nhân")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("việc"), max_length=20, choices=Action.choices)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, blank=True)
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class Message(models.Model):
    """One message of an inquiry's thread: the buyer's first one is `Inquiry.message`."""

    class Sender(models.TextChoices):
        BUYER = "buyer", _("Người mua")
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        ALLIANCE = "alliance", _("Liên minh HTX")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(_("người gửi"), max_length=20, choices=Sender.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(_("lúc gửi"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_sender_display()} {self.created_at:%Y-%m-%d %H:%M}"


class Delivery(models.Model):
    """One e-mail to send, kept until it is sent: failures are retried and shown to the desk."""

    class Kind(models.TextChoices):
        NEW_INQUIRY = "new_inquiry", _("Yêu cầu mới cho hợp tác xã")
        ACKNOWLEDGEMENT = "acknowledgement", _("Xác nhận cho người mua")
        ANSWER = "answer", _("Trả lời cho người mua")
        BUYER_REPLY = "buyer_reply", _("Người mua trả lời")
        REMINDER = "reminder", _("Nhắc hợp tác xã")
        ESCALATION = "escalation", _("Chuyển bộ phận xúc tiến thương mại")
        BUYER_ESCALATED = "buyer_escalated", _("Báo người mua: đã chuyển Liên minh")
        BUYER_PASSED = "buyer_passed", _("Báo người mua: đã chuyển hợp tác xã khác")
        HELD = "held", _("Yêu cầu chờ kiểm tra")
        QUOTE_INVITATION = "quote_invitation", _("Mời báo giá")
        QUOTE_ACKNOWLEDGEMENT = "quote_acknowledgement", _("Xác nhận yêu cầu báo giá")
        QUOTATION = "quotation", _("Báo giá mới cho người mua")

    class State(models.TextChoices):
        PENDING = "pending", _("Đang chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không được")

    kind = models.CharField(_("loại thư"), max_length=30, choices=Kind.choices)
    to = models.JSONField(_("người nhận"), default=list)
    language = models.CharField(_("ngôn ngữ"), max_length=10, default="vi")
    inquiry = models.ForeignKey(
        Inquiry, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    quote_request = models.ForeignKey(
        QuoteRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    # Which message or quotation the mail carries, when it carries one.
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    state = models.CharField(
        _("tình trạng"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("lúc tạo"), default=timezone.now)
    sent_at = models.DateTimeField(_("lúc gửi"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư gửi đi")
        verbose_name_plural = _("thư gửi đi")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_state_display()})"


class Responsiveness(models.Model):
    """How fast a cooperative answered over the last 90 days, kept for pages and filters.

    Refreshed when an inquiry is answered or its status changes, and on every run of
    `chase_inquiries` (the 90-day window moves), so a page reads one row and the directory
    filters on a column.
    """

    cooperative = models.OneToOneField(
        "cooperatives.CooperativePage",
        on_delete=models.CASCADE,
        related_name="responsiveness",
    )
    inquiries = models.PositiveIntegerField(_("số yêu cầu tính"), default=0)
    answered_within_48h = models.PositiveIntegerField(_("trả lời trong 48 giờ"), default=0)
    median_hours = models.FloatField(_("trung vị số giờ đến lần trả lời đầu"), null=True)
    responds_within_48h = models.BooleanField(_("thường trả lời trong 48 giờ"), default=False)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mức độ phản hồi")

    def __str__(self):
        return f"{self.cooperative_id}: {self.answered_within_48h}/{self.inquiries}"

    @property
    def enough_data(self):
        return self.inquiries >= settings.INQUIRY_RESPONSIVENESS_MIN

    @property
    def share_within_48h(self):
        return round(100 * self.answered_within_48h / self.inquiries) if self.inquiries else None


__all__ = [
    "BuyerDetails",
    "Delivery",
    "Inquiry",
    "InquiryEvent",
    "Message",
    "Quotation",
    "QuoteInvitation",
    "QuoteRequest",
    "Responsiveness",
    "Status",
]
