"""The product page form: checks a small shop can follow, and the Alliance's certificate records.

Certificates are the Alliance's records: a cooperative sees them on its product but cannot change
them (see `cooperatives.forms.AllianceRecordsPageForm`).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperatives.forms import AllianceRecordsPageForm

MIN_PRICE_VND = 1_000


class ProductPageForm(AllianceRecordsPageForm):
    alliance_formsets = ("certifications",)

    def clean_price_vnd(self):
        price = self.cleaned_data.get("price_vnd")
        if price is not None and price < MIN_PRICE_VND:
            raise forms.ValidationError(
                _(
                    "Giá tính bằng đồng, tối thiểu %(min)s đồng. Ví dụ: gõ 45000 cho "
                    "45.000 đồng, không gõ 45."
                ),
                params={"min": f"{MIN_PRICE_VND:,}".replace(",", ".")},
            )
        return price

    def clean_unit(self):
        unit = " ".join(self.cleaned_data.get("unit", "").split())
        if not any(char.isalpha() for char in unit):
            raise forms.ValidationError(
                _("Đơn vị tính cần có chữ, ví dụ: kg, hộp 500 g, chai 500 ml.")
            )
        return unit

    def clean(self):
        cleaned = super().clean()
        min_order, capacity = cleaned.get("min_order"), cleaned.get("monthly_capacity")
        if min_order and capacity and min_order > capacity:
            self.add_error(
                "min_order",
                _("Đơn hàng tối thiểu không thể lớn hơn sản lượng mỗi tháng."),
            )
        self.ask_for_alt_text()
        return cleaned

    def ask_for_alt_text(self):
        """Each product photo needs words for buyers who cannot see it."""
        for form in getattr(self.formsets.get("gallery_images"), "forms", []):
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            image = form.cleaned_data.get("image")
            if image and not form.cleaned_data.get("alt_text") and not image.description:
                form.add_error(
                    "alt_text",
                    _("Hãy tả ngắn điều ảnh cho thấy, cho người không xem được ảnh."),
                )
