"""The buyer's forms: an inquiry to one cooperative, a request for quotation, a reply."""

import phonenumbers
from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Inquiry, Message, QuoteRequest
from .spam import HONEYPOT_FIELD, PROOF_FIELD

MESSAGE_MIN = 20
MESSAGE_MAX = 2000

BUYER_FIELDS = ["name", "organisation", "country", "email", "phone"]


class BuyerForm(forms.ModelForm):
    """What every buyer's form asks: who they are, how to reach them, and their consent."""

    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để cổng chuyển họ tên, thư điện tử và điện thoại của tôi cho hợp tác xã "
            "được hỏi và Liên minh HTX Hà Nội, chỉ để trả lời yêu cầu này."
        ),
        error_messages={"required": _("Xin đánh dấu ô đồng ý để chúng tôi chuyển yêu cầu.")},
    )
    # Hidden from people (CSS and aria-hidden); bots that fill every field fill it.
    ho_so_web = forms.CharField(required=False, label=_("Để trống ô này"))
    altcha = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        fields = BUYER_FIELDS
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.Select(attrs={"autocomplete": "country"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "phone": _("Ghi cả mã nước nếu ở ngoài Việt Nam, ví dụ +81 3 1234 5678."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].initial = "VN" if get_language() == "vi" else None
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        # The honeypot and proof are spam checks, not data a person enters or corrects.
        self.spam_fields = (HONEYPOT_FIELD, PROOF_FIELD)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Xin ghi họ và tên."))
        return name

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "").strip()
        if not value:
            return ""
        region = str(self.cleaned_data.get("country") or "VN")
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _("Số điện thoại không đúng. Ghi cả mã nước, ví dụ +84 24 3825 1234.")
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def visible_fields(self):
        return [f for f in super().visible_fields() if f.name not in self.spam_fields]


def lazy_percent(text, values):
    """`text % values` in the language of the page that shows it: fields are built at import."""
    return lazy(lambda: str(text) % values, str)()


def _message_field(required=True, label=None):
    if required:
        help_text = _("Từ %(min)s đến %(max)s ký tự: sản phẩm, số lượng, cách đóng gói, thời gian.")
    else:
        help_text = _("Tối đa %(max)s ký tự.")
    return forms.CharField(
        label=label or _("Nội dung"),
        required=required,
        min_length=MESSAGE_MIN if required else None,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=lazy_percent(help_text, {"min": MESSAGE_MIN, "max": MESSAGE_MAX}),
    )


class InquiryForm(BuyerForm):
    message = _message_field()

    class Meta(BuyerForm.Meta):
        model = Inquiry
        fields = [
            *BUYER_FIELDS,
            "quantity",
            "unit",
            "wanted_by",
            "destination",
            "incoterm",
            "target_price",
            "target_currency",
            "message",
        ]
        widgets = {
            **BuyerForm.Meta.widgets,
            "quantity": forms.NumberInput(
                attrs={"min": "0", "step": "any", "inputmode": "decimal"}
            ),
            "wanted_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "target_price": forms.NumberInput(attrs={"min": "0", "step": "any"}),
        }
        help_texts = {
            **BuyerForm.Meta.help_texts,
            "incoterm": _("Cho hàng xuất khẩu."),
            "target_price": _("Giá cho một đơn vị tính."),
        }

    def __init__(self, *args, unit="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].initial = unit
        self.fields["target_currency"].required = False
        self.fields["incoterm"].choices = [
            ("", _("Không chọn")),
            *self.fields["incoterm"].choices[1:],
        ]

    def clean_quantity(self):
        quantity = self.cleaned_data.get("quantity")
        if quantity is not None and quantity <= 0:
            raise forms.ValidationError(_("Số lượng phải lớn hơn 0."))
        return quantity

    def clean_target_price(self):
        price = self.cleaned_data.get("target_price")
        if price is not None and price <= 0:
            raise forms.ValidationError(_("Giá phải lớn hơn 0."))
        return price

    def clean_target_currency(self):
        return self.cleaned_data.get("target_currency") or "VND"

    def clean_wanted_by(self):
        wanted_by = self.cleaned_data.get("wanted_by")
        if wanted_by and wanted_by < timezone.localdate():
            raise forms.ValidationError(_("Ngày cần hàng đã qua."))
        return wanted_by


class QuoteRequestForm(BuyerForm):
    message = _message_field(required=False, label=_("Yêu cầu thêm"))

    class Meta(BuyerForm.Meta):
        model = QuoteRequest
        fields = [
            *BUYER_FIELDS,
            "category",
            "product",
            "quantity",
            "unit",
            "destination",
            "incoterm",
            "deadline",
            "message",
        ]
        widgets = {
            **BuyerForm.Meta.widgets,
            "quantity": forms.NumberInput(
                attrs={"min": "0", "step": "any", "inputmode": "decimal"}
            ),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            **BuyerForm.Meta.help_texts,
            "deadline": _("Các hợp tác xã gửi báo giá đến hết ngày này."),
        }

    def __init__(self, *args, categories=None, **kwargs):
        super().__init__(*args, **kwargs)
        if categories is not None:
            self.fields["category"].queryset = categories
        self.fields["incoterm"].choices = [
            ("", _("Không chọn")),
            *self.fields["incoterm"].choices[1:],
        ]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        today = timezone.localdate()
        if deadline < today:
            raise forms.ValidationError(_("Hạn nhận báo giá đã qua."))
        if (deadline - today).days > 120:
            raise forms.ValidationError(_("Hạn nhận báo giá tối đa là 120 ngày."))
        return deadline


class ReplyForm(forms.ModelForm):
    body = forms.CharField(
        label=_("Trả lời"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=lazy_percent(_("Tối đa %(max)s ký tự."), {"max": MESSAGE_MAX}),
    )

    class Meta:
        model = Message
        fields = ["body"]
