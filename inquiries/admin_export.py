"""The inquiry list as CSV: exactly what the user may see, with the list's filters applied."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .admin_access import inquiries_user
from .admin_views import listed_inquiries

# A cell starting with one of these is a formula to a spreadsheet: buyers write these fields.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value):
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def header():
    return [
        _("Mã"),
        _("Ngày gửi"),
        _("Hợp tác xã"),
        _("Sản phẩm"),
        _("Trạng thái"),
        _("Họ và tên"),
        _("Tổ chức"),
        _("Nước"),
        _("Thư điện tử"),
        _("Điện thoại"),
        _("Số lượng"),
        _("Đơn vị"),
        _("Nơi nhận hàng"),
        _("Trả lời lần đầu"),
        _("Chuyển bộ phận xúc tiến"),
    ]


def row(inquiry):
    return [
        inquiry.reference,
        _when(inquiry.created_at),
        inquiry.cooperative.title,
        inquiry.product.title if inquiry.product_id else "",
        inquiry.get_status_display(),
        inquiry.name,
        inquiry.organisation,
        inquiry.country.code,
        inquiry.email,
        inquiry.phone,
        inquiry.quantity if inquiry.quantity is not None else "",
        inquiry.unit,
        inquiry.destination,
        _when(inquiry.first_answered_at),
        _when(inquiry.escalated_at),
    ]


@inquiries_user
def export_csv(request):
    _form, queryset = listed_inquiries(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="hoi-mua.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # so that spreadsheet programs read the Vietnamese as UTF-8
    writer = csv.writer(response)
    writer.writerow(header())
    for inquiry in queryset.iterator(chunk_size=2000):
        writer.writerow([safe(value) for value in row(inquiry)])
    return response
