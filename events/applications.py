"""A cooperative's application for a stand at an event, and the Alliance's review of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã gửi, chờ xét")
    ACCEPTED = "accepted", _("Được nhận gian hàng")
    WAITING = "waiting", _("Trong danh sách chờ")
    DECLINED = "declined", _("Không được nhận")


class StandApplicationQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=ApplicationStatus.ACCEPTED)

    def for_cooperative(self, page):
        return self.filter(cooperative=page)


class StandApplication(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("sự kiện"),
        on_delete=models.CASCADE,
        related_name="stand_applications",
    )
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage",
        verbose_name=_("hợp tác xã"),
        on_delete=models.CASCADE,
        related_name="stand_applications",
    )
    products = models.ManyToManyField(
        "products.ProductPage",
        verbose_name=_("sản phẩm trưng bày"),
        blank=True,
        related_name="+",
    )
    support_needed = models.TextField(
        _("hỗ trợ cần có"), blank=True, help_text=_("Ví dụ: điện, tủ lạnh, hỗ trợ chi phí đi lại.")
    )
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=20)
    status = models.CharField(
        _("kết quả xét"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    review_note = models.TextField(_("ghi chú của Liên minh"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("ngày gửi"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("ngày xét"), null=True, blank=True)

    objects = StandApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký gian hàng")
        verbose_name_plural = _("đăng ký gian hàng")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "cooperative"], name="one_stand_application_per_event"
            )
        ]

    def __str__(self):
        return f"{self.cooperative} – {self.event}"
