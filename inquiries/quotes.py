"""Requests for quotation: a buyer asks a whole category, the invited cooperatives quote."""

import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .buyers import BuyerDetails
from .choices import Currency, HeldReason, Incoterm


class QuoteRequest(BuyerDetails):
    class Status(models.TextChoices):
        HELD = "held", _("Chờ kiểm tra")
        OPEN = "open", _("Đang nhận báo giá")
        CLOSED = "closed", _("Đã đóng")
        SPAM = "spam", _("Thư rác")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    category = models.ForeignKey(
        "products.ProductCategory",
        verbose_name=_("danh mục"),
        on_delete=models.PROTECT,
        related_name="quote_requests",
    )
    product = models.CharField(
        _("sản phẩm cần mua"),
        max_length=200,
        help_text=_("Ví dụ: gạo ST25 đóng túi 5 kg."),
    )
    quantity = models.DecimalField(
        _("số lượng"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0.01)]
    )
    unit = models.CharField(_("đơn vị"), max_length=30)
    destination = models.CharField(_("nơi nhận hàng"), max_length=100)
    incoterm = models.CharField(
        _("điều kiện giao hàng (Incoterms 2020)"),
        max_length=3,
        choices=Incoterm.choices,
        blank=True,
    )
    deadline = models.DateField(_("hạn nhận báo giá"))
    message = models.TextField(_("yêu cầu thêm"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    held_reason = models.CharField(
        _("lý do giữ lại"), max_length=20, choices=HeldReason.choices, blank=True
    )
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now)
    closed_at = models.DateTimeField(_("ngày đóng"), null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu báo giá")
        verbose_name_plural = _("yêu cầu báo giá")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.reference}: {self.product}"

    @property
    def reference(self):
        return f"BG-{self.pk:06d}"

    def accepts_quotations(self, today=None):
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and today <= self.deadline


class QuoteInvitation(models.Model):
    """A cooperative of the category invited to quote; it sees only requests it was invited to."""

    request = models.ForeignKey(QuoteRequest, on_delete=models.CASCADE, related_name="invitations")
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage",
        verbose_name=_("hợp tác xã"),
        on_delete=models.CASCADE,
        related_name="quote_invitations",
    )
    invited_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "cooperative"], name="one_invitation")
        ]
        ordering = ["-invited_at", "-pk"]

    def __str__(self):
        return f"{self.request.reference} → {self.cooperative.title}"


class Quotation(models.Model):
    invitation = models.OneToOneField(
        QuoteInvitation, on_delete=models.CASCADE, related_name="quotation"
    )
    price = models.DecimalField(
        _("giá mỗi đơn vị"), max_digits=16, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(
        _("đơn vị tiền"), max_length=3, choices=Currency.choices, default=Currency.VND
    )
    unit = models.CharField(_("đơn vị tính"), max_length=30)
    minimum_order = models.DecimalField(
        _("đơn hàng tối thiểu"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    lead_time_days = models.PositiveIntegerField(_("thời gian giao hàng (ngày)"))
    valid_until = models.DateField(_("báo giá có hiệu lực đến"))
    note = models.TextField(_("ghi chú"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("báo giá")
        verbose_name_plural = _("báo giá")

    def __str__(self):
        return f"{self.price} {self.currency}/{self.unit}"
