"""The Alliance's report: inquiries by month, sector, area and buyer's country, by outcome.

Each table is one aggregate query (`values(key, outcome).annotate(Count)`), so the report costs
the same five queries whatever the number of inquiries; the CSV carries the same tables.
"""

import csv

from django.db import models
from django.db.models import Case, Count, Q, Value, When
from django.db.models.functions import TruncMonth
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from .admin_access import alliance_only
from .models import Inquiry, Status


class Outcome(models.TextChoices):
    ANSWERED = "answered", gettext_lazy("HTX trả lời")
    ANSWERED_OUTSIDE = "answered_outside", gettext_lazy("Trả lời ngoài cổng")
    DECLINED = "declined", gettext_lazy("HTX từ chối")
    ESCALATED = "escalated", gettext_lazy("Liên minh xử lý")
    UNANSWERED = "unanswered", gettext_lazy("Chưa trả lời")
    HELD = "held", gettext_lazy("Chờ kiểm tra")
    SPAM = "spam", gettext_lazy("Thư rác")


# First match wins: spam and held ones never reached the cooperative; one the cooperative did not
# answer before the desk stepped in (escalated, or answered by the Alliance) is the desk's, even
# if the cooperative answered later, as in `responsiveness`.
OUTCOME = Case(
    When(status=Status.SPAM, then=Value(Outcome.SPAM)),
    When(status=Status.HELD, then=Value(Outcome.HELD)),
    When(
        Q(first_answered_at__isnull=True)
        & (Q(escalated_at__isnull=False) | Q(status=Status.ANSWERED)),
        then=Value(Outcome.ESCALATED),
    ),
    When(status=Status.ANSWERED_OUTSIDE, then=Value(Outcome.ANSWERED_OUTSIDE)),
    When(status=Status.DECLINED, then=Value(Outcome.DECLINED)),
    When(first_answered_at__isnull=False, then=Value(Outcome.ANSWERED)),
    default=Value(Outcome.UNANSWERED),
    output_field=models.CharField(),
)


def _month(value):
    # TruncMonth already answers in the portal's time zone.
    return value.strftime("%m/%Y")


def _country(code):
    return countries.name(code) or code


# (slug, heading, the expression grouped on, how a value is shown, rows sorted by key?)
DIMENSIONS = (
    ("month", gettext_lazy("Theo tháng"), TruncMonth("created_at"), _month, True),
    ("sector", gettext_lazy("Theo lĩnh vực"), models.F("cooperative__sector__name"), str, False),
    ("area", gettext_lazy("Theo địa bàn"), models.F("cooperative__area__name"), str, False),
    ("country", gettext_lazy("Theo nước của người mua"), models.F("country"), _country, False),
)


def table(key_expression, show, by_key):
    """Rows of (label, counts per outcome in `Outcome` order, total)."""
    counts = (
        Inquiry.objects.annotate(key=key_expression, outcome=OUTCOME)
        .values("key", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    grouped = {}
    for row in counts:
        grouped.setdefault(row["key"], dict.fromkeys(Outcome.values, 0))[row["outcome"]] = row["n"]
    rows = [
        (_("(không rõ)") if key is None else show(key), list(cells.values()), sum(cells.values()))
        for key, cells in (
            sorted(grouped.items(), key=_chronological) if by_key else grouped.items()
        )
    ]
    return rows if by_key else sorted(rows, key=lambda r: (-r[2], r[0]))


def _chronological(item):
    return (item[0] is None, item[0] or 0)


def report_tables():
    tables = [
        {"slug": slug, "heading": heading, "rows": table(expression, show, by_key)}
        for slug, heading, expression, show, by_key in DIMENSIONS
    ]
    overall = [0] * len(Outcome.values)
    for _label, cells, _total in tables[0]["rows"]:
        overall = [a + b for a, b in zip(overall, cells, strict=True)]
    return tables, overall


def as_csv(tables):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bao-cao-hoi-mua.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Bảng"), _("Nhóm"), *Outcome.labels, _("Tổng")])
    for each in tables:
        for label, cells, total in each["rows"]:
            writer.writerow([each["heading"], label, *cells, total])
    return response


@alliance_only
def inquiry_report(request):
    tables, overall = report_tables()
    if request.GET.get("format") == "csv":
        return as_csv(tables)
    context = {
        "page_title": _("Báo cáo hỏi mua"),
        "header_icon": "table",
        "outcomes": Outcome.labels,
        "tables": tables,
        "overall": overall,
        "overall_total": sum(overall),
    }
    return TemplateResponse(request, "inquiries/admin/report.html", context)
