"""The editors' report: what buyers search for most, and what finds nothing."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Max
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import SearchRecord, Synonym

PERIODS = {
    7: gettext_lazy("7 ngày qua"),
    30: gettext_lazy("30 ngày qua"),
    90: gettext_lazy("90 ngày qua"),
}
ROWS = 50


class SynonymForm(forms.Form):
    query = forms.CharField(max_length=100)
    means = forms.CharField(
        label=gettext_lazy("nghĩa là"),
        max_length=100,
        help_text=gettext_lazy("Từ có trong sản phẩm mà người mua muốn tìm, ví dụ: chè."),
    )


def _period(request):
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    return days if days in PERIODS else 30


def frequent_queries(since, limit=ROWS):
    return (
        SearchRecord.objects.filter(created_at__gte=since)
        .exclude(folded_query="")
        .values("folded_query")
        .annotate(searches=Count("id"), results=Avg("result_count"), query=Max("query"))
        .order_by("-searches", "folded_query")[:limit]
    )


def zero_result_queries(since, limit=ROWS):
    return (
        SearchRecord.objects.filter(created_at__gte=since, result_count=0)
        .exclude(folded_query="")
        .values("folded_query")
        .annotate(searches=Count("id"), query=Max("query"))
        .order_by("-searches", "folded_query")[:limit]
    )


def _add_synonym(request):
    if not request.user.has_perm("search.add_synonym"):
        raise PermissionDenied
    form = SynonymForm(request.POST)
    if form.is_valid():
        terms = f"{form.cleaned_data['query'].strip()}, {form.cleaned_data['means'].strip()}"
        Synonym.objects.create(terms=terms)
        messages.success(
            request,
            _("Đã thêm từ đồng nghĩa “%(terms)s”. Dựng lại chỉ mục tìm kiếm để áp dụng.")
            % {"terms": terms},
        )
    else:
        messages.error(request, _("Cần nhập cả từ người mua gõ và từ nó mang nghĩa."))
    return redirect(request.get_full_path())


def search_report(request):
    if not request.user.has_perm("search.view_searchrecord"):
        raise PermissionDenied
    if request.method == "POST":
        return _add_synonym(request)
    days = _period(request)
    since = timezone.now() - datetime.timedelta(days=days)
    return TemplateResponse(
        request,
        "search/admin/report.html",
        {
            "page_title": _("Người mua tìm gì"),
            "header_icon": "search",
            "days": days,
            "periods": PERIODS.items(),
            "frequent": frequent_queries(since),
            "zero": zero_result_queries(since),
            "total": SearchRecord.objects.filter(created_at__gte=since).count(),
            "can_add_synonym": request.user.has_perm("search.add_synonym"),
        },
    )
