"""Page forms: what a cooperative may change on its own pages, and checks a small shop can follow.

The Alliance's records on a page (the yearly classification, the certificates and their
validity, the survey code) are shown to a cooperative but cannot be changed by it: the fields
are disabled, and whatever is posted for them is thrown away on save.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .permissions import is_alliance_editor

MIN_PRICE_VND = 1_000


class AllianceRecordsPageForm(WagtailAdminPageForm):
    alliance_fields: tuple[str, ...] = ()
    alliance_formsets: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = not is_alliance_editor(self.for_user)
        # Snapshot of the Alliance's inline records as they stand, restored on save.
        self.kept_records = {}
        if self.locked:
            self.lock_alliance_records()

    def lock_alliance_records(self):
        for name in self.alliance_fields:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Do Liên minh HTX cập nhật.")
        for name in self.alliance_formsets:
            formset = self.formsets.get(name)
            if formset is None:
                continue
            self.kept_records[name] = list(getattr(self.instance, name).all())
            for form in formset.forms:
                for field in form.fields.values():
                    field.disabled = True

    def save(self, commit=True):
        page = super().save(commit=False)
        for name, records in self.kept_records.items():
            setattr(page, name, records)
        if commit:
            page.save()
        return page


class CooperativePageForm(AllianceRecordsPageForm):
    alliance_fields = ("code",)
    alliance_formsets = ("classifications",)


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
