"""The inquiry screens of the admin: the list, one inquiry's page and what can be done there.

Each view finds its inquiry through `admin_access.inquiry_for`, so another cooperative's
inquiry answers 404 before anything is read or written; every change goes through `lifecycle`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import lifecycle
from .access import is_alliance
from .admin_access import (
    admin_inquiries,
    alliance_only,
    inquiries_user,
    inquiry_for,
    is_cooperative_side,
    sender_for,
)
from .admin_forms import AnswerForm, InquiryFilterForm, PassForm
from .models import COOPERATIVE_STATUSES, WAITING, Status

PER_PAGE = 50


def paginate(request, queryset, per_page=PER_PAGE):
    """The requested page (`?p=`) and the page numbers Wagtail's pagination nav shows."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("p"))
    return {
        "items": page,
        "elided_page_range": paginator.get_elided_page_range(page.number),
    }


def listed_inquiries(request):
    """What the user may see, filtered by the GET form: waiting ones first, then newest first."""
    alliance = is_alliance(request.user)
    form = InquiryFilterForm(request.GET or None, alliance=alliance)
    queryset = form.apply(admin_inquiries(request.user))
    waiting = When(status__in=WAITING, delivered_at__isnull=False, then=Value(0))
    queryset = queryset.annotate(
        waiting_first=Case(waiting, default=Value(1), output_field=IntegerField())
    ).order_by("waiting_first", "-created_at", "-pk")
    return form, queryset.select_related("cooperative", "product")


@inquiries_user
def inquiry_list(request):
    form, queryset = listed_inquiries(request)
    context = {
        "page_title": _("Hỏi mua"),
        "header_icon": "mail",
        "filter_form": form,
        "alliance": is_alliance(request.user),
        "export_url": reverse("inquiries_admin:export") + _query(request),
        **paginate(request, queryset),
    }
    return TemplateResponse(request, "inquiries/admin/inquiry_list.html", context)


def _query(request):
    params = request.GET.copy()
    params.pop("p", None)
    return f"?{params.urlencode()}" if params else ""


def status_buttons(inquiry, user):
    """The one-click statuses this user may set on this inquiry now, as (value, label)."""
    if inquiry.status == Status.HELD:
        choices = (Status.SPAM,) if is_alliance(user) else ()
    elif inquiry.status == Status.SPAM:
        choices = (Status.NEW,) if is_alliance(user) else ()
    else:
        choices = tuple(s for s in COOPERATIVE_STATUSES if s != inquiry.status)
    return [(status, button_label(status)) for status in choices]


def button_label(status):
    if status == Status.NEW:
        return _("Không phải thư rác: trả về hợp tác xã")
    return _("Đánh dấu: %(status)s") % {"status": Status(status).label}


def may_answer(inquiry):
    return inquiry.status not in (Status.HELD, Status.SPAM)


def may_pass(inquiry):
    return inquiry.is_open and inquiry.status != Status.HELD


@inquiries_user
def inquiry_detail(request, pk):
    inquiry = inquiry_for(request.user, pk)
    if is_cooperative_side(request.user):
        lifecycle.mark_read(inquiry, request.user)
    return _detail(request, inquiry, AnswerForm(), None)


def _detail(request, inquiry, answer_form, pass_form, status=200):
    alliance = is_alliance(request.user)
    if alliance and pass_form is None and may_pass(inquiry):
        pass_form = PassForm(None, inquiry)
    context = {
        "page_title": _("Hỏi mua %(reference)s") % {"reference": inquiry.reference},
        "header_icon": "mail",
        "inquiry": inquiry,
        "thread": list(inquiry.messages.all()),
        "events": list(inquiry.events.select_related("user")),
        "passed_to": list(inquiry.passed_to.select_related("cooperative")),
        "answer_form": answer_form if may_answer(inquiry) else None,
        "status_buttons": status_buttons(inquiry, request.user),
        "alliance": alliance,
        "pass_form": pass_form if alliance and may_pass(inquiry) else None,
        "list_url": reverse("inquiries_admin:list"),
    }
    return TemplateResponse(request, "inquiries/admin/inquiry_detail.html", context, status=status)


def _back(inquiry):
    return redirect("inquiries_admin:detail", pk=inquiry.pk)


@require_POST
@inquiries_user
def answer(request, pk):
    inquiry = inquiry_for(request.user, pk)
    if not may_answer(inquiry):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Câu trả lời chưa gửi được: xem lỗi bên dưới."))
        return _detail(request, inquiry, form, None, status=400)
    lifecycle.answer(inquiry, form.cleaned_data["body"], request.user, sender_for(request.user))
    messages.success(request, _("Đã gửi câu trả lời cho người mua."))
    return _back(inquiry)


@require_POST
@inquiries_user
def change_status(request, pk):
    inquiry = inquiry_for(request.user, pk)
    status = request.POST.get("status", "")
    if status not in {value for value, _label in status_buttons(inquiry, request.user)}:
        raise PermissionDenied
    lifecycle.change_status(
        inquiry, status, request.user, by_cooperative=is_cooperative_side(request.user)
    )
    messages.success(
        request, _("Đã đổi trạng thái thành “%(status)s”.") % {"status": Status(status).label}
    )
    return _back(inquiry)


@require_POST
@alliance_only
def release(request, pk):
    inquiry = inquiry_for(request.user, pk)
    if inquiry.status != Status.HELD:
        raise PermissionDenied
    lifecycle.release(inquiry, request.user)
    messages.success(request, _("Đã kiểm tra và chuyển yêu cầu đến hợp tác xã."))
    return _back(inquiry)


@require_POST
@alliance_only
def pass_on(request, pk):
    inquiry = inquiry_for(request.user, pk)
    if not may_pass(inquiry):
        raise PermissionDenied
    form = PassForm(request.POST, inquiry)
    if not form.is_valid():
        messages.error(request, _("Cần chọn một hợp tác xã cùng danh mục hoặc cùng lĩnh vực."))
        return _detail(request, inquiry, AnswerForm(), form, status=400)
    copy = lifecycle.pass_to(inquiry, form.cleaned_data["cooperative"], request.user)
    messages.success(
        request,
        _("Đã chuyển cho %(cooperative)s (yêu cầu mới %(reference)s); người mua đã được báo.")
        % {"cooperative": copy.cooperative.title, "reference": copy.reference},
    )
    return redirect("inquiries_admin:detail", pk=copy.pk)
