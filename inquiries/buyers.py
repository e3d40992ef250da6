"""The buyer's details every inquiry and request for quotation carries.

They are personal data: shown only to the cooperative addressed and the Alliance, never logged,
and blanked by `erase_inquiries` after the retention period (`erased_at` is then set).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class BuyerDetails(models.Model):
    name = models.CharField(_("họ và tên"), max_length=120)
    organisation = models.CharField(_("tổ chức, doanh nghiệp"), max_length=200, blank=True)
    country = CountryField(_("nước"))
    email = models.EmailField(_("thư điện tử"), max_length=254)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    language = models.CharField(_("ngôn ngữ của người mua"), max_length=10, default="vi")
    consent_at = models.DateTimeField(_("lúc đồng ý chuyển thông tin"), null=True)
    erased_at = models.DateTimeField(_("lúc xóa dữ liệu cá nhân"), null=True, blank=True)

    # Fields blanked on erasure; what stays (country, dates, quantities) feeds the statistics.
    PERSONAL_FIELDS = ("name", "organisation", "email", "phone")

    class Meta:
        abstract = True

    def erase_personal_data(self, now):
        for field in self.PERSONAL_FIELDS:
            setattr(self, field, "")
        self.erased_at = now
