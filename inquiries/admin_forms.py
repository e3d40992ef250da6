"""Forms of the inquiry screens in the admin: filters, the answer, passing on, the quotation."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cooperatives.models import CooperativePage

from .forms import lazy_percent
from .models import WAITING, Quotation, Status
from .quoting import cooperatives_of

ANSWER_MAX = 2000


class QueueFilter:
    HELD = "held"
    ESCALATED = "escalated"
    CHOICES = [
        ("", _("Tất cả")),
        (HELD, _("Chờ kiểm tra (bị giữ lại)")),
        (ESCALATED, _("Đã chuyển bộ phận xúc tiến thương mại, chưa trả lời")),
    ]


def directory_cooperatives():
    """The directory's cooperatives, as inquiries name them (the Vietnamese source pages)."""
    return CooperativePage.objects.filter(locale=Locale.get_default()).order_by("title")


class InquiryFilterForm(forms.Form):
    """Plain GET filters; the Alliance gets the queue and the cooperative as well."""

    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *Status.choices]
    )
    queue = forms.ChoiceField(label=_("Hàng chờ"), required=False, choices=QueueFilter.CHOICES)
    cooperative = forms.ModelChoiceField(
        label=_("Hợp tác xã"),
        required=False,
        queryset=CooperativePage.objects.none(),
        empty_label=_("Tất cả"),
    )

    def __init__(self, data, alliance):
        super().__init__(data)
        if alliance:
            self.fields["cooperative"].queryset = directory_cooperatives()
        else:
            del self.fields["queue"], self.fields["cooperative"]

    def apply(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("queue") == QueueFilter.HELD:
            queryset = queryset.filter(status=Status.HELD)
        elif data.get("queue") == QueueFilter.ESCALATED:
            queryset = queryset.exclude(escalated_at=None).filter(status__in=WAITING)
        if data.get("cooperative"):
            queryset = queryset.filter(cooperative=data["cooperative"])
        return queryset


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Trả lời người mua"),
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=lazy_percent(
            _("Tối đa %(max)s ký tự. Người mua nhận câu trả lời qua thư điện tử."),
            {"max": ANSWER_MAX},
        ),
    )


def pass_candidates(inquiry):
    """Other live cooperatives of the product's category, else of the same sector."""
    others = CooperativePage.objects.exclude(pk=inquiry.cooperative_id)
    if inquiry.product_id and inquiry.product.category_id:
        same_category = cooperatives_of(inquiry.product.category).exclude(pk=inquiry.cooperative_id)
        if same_category.exists():
            return same_category
    return (
        others.live()
        .public()
        .filter(locale=Locale.get_default(), sector_id=inquiry.cooperative.sector_id)
        .order_by("title")
    )


class PassForm(forms.Form):
    cooperative = forms.ModelChoiceField(
        label=_("Chuyển cho hợp tác xã"),
        queryset=CooperativePage.objects.none(),
        empty_label=_("Chọn hợp tác xã"),
    )

    def __init__(self, data, inquiry):
        super().__init__(data)
        self.fields["cooperative"].queryset = pass_candidates(inquiry)


class QuotationForm(forms.ModelForm):
    class Meta:
        model = Quotation
        fields = [
            "price",
            "currency",
            "unit",
            "minimum_order",
            "lead_time_days",
            "valid_until",
            "note",
        ]
        widgets = {
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_valid_until(self):
        valid_until = self.cleaned_data["valid_until"]
        if valid_until < timezone.localdate():
            raise forms.ValidationError(_("Ngày hiệu lực phải từ hôm nay trở đi."))
        return valid_until
