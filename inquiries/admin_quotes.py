"""Requests for quotation in the admin: a cooperative's invitations, the Alliance's overview.

A cooperative reaches an invitation only through `quoting.invitations_for(user)` (its own, once
the request is released), sees the buyer's name, organisation and country but not their
address or phone (the buyer reads quotations on their private page), and edits its own
quotation only. The Alliance sees every request, its invitations and quotations.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import quoting
from .access import is_alliance
from .admin_access import alliance_only, inquiries_user
from .admin_forms import QuotationForm
from .admin_views import paginate
from .models import Quotation, QuoteInvitation, QuoteRequest


@inquiries_user
def quote_list(request):
    if is_alliance(request.user):
        return _alliance_list(request)
    invitations = (
        quoting.invitations_for(request.user)
        .select_related("request__category", "quotation")
        .order_by("-invited_at", "-pk")
    )
    context = {
        "page_title": _("Yêu cầu báo giá"),
        "header_icon": "doc-full",
        "today": timezone.localdate(),
        **paginate(request, invitations),
    }
    return TemplateResponse(request, "inquiries/admin/invitation_list.html", context)


def _alliance_list(request):
    requests = QuoteRequest.objects.select_related("category").annotate(
        invited=Count("invitations", distinct=True),
        quoted=Count("invitations__quotation", distinct=True),
    )
    if request.GET.get("status") in QuoteRequest.Status.values:
        requests = requests.filter(status=request.GET["status"])
    context = {
        "page_title": _("Yêu cầu báo giá"),
        "header_icon": "doc-full",
        "statuses": QuoteRequest.Status.choices,
        "current_status": request.GET.get("status", ""),
        **paginate(request, requests.order_by("-created_at", "-pk")),
    }
    return TemplateResponse(request, "inquiries/admin/quote_request_list.html", context)


def _own_invitation(user, invitation_pk):
    invitations = quoting.invitations_for(user).select_related("request__category")
    return get_object_or_404(invitations, pk=invitation_pk)


@require_http_methods(["GET", "POST"])
@inquiries_user
def invitation(request, invitation_pk):
    if is_alliance(request.user):
        # The Alliance follows an invitation's link to the whole request.
        invited = get_object_or_404(QuoteInvitation, pk=invitation_pk)
        return redirect("inquiries_admin:quote_request", pk=invited.request_id)
    invited = _own_invitation(request.user, invitation_pk)
    quotation = Quotation.objects.filter(invitation=invited).first()
    open_now = invited.request.accepts_quotations()
    if request.method == "POST":
        if not open_now:
            raise PermissionDenied
        form = QuotationForm(request.POST, instance=quotation)
        if form.is_valid():
            quoting.save_quotation(invited, form)
            messages.success(request, _("Đã gửi báo giá; người mua xem được trên trang của họ."))
            return redirect("inquiries_admin:invitation", invitation_pk=invited.pk)
        messages.error(request, _("Báo giá chưa gửi được: xem lỗi bên dưới."))
    else:
        form = QuotationForm(instance=quotation, initial=_initial(invited, quotation))
        _mark_seen(invited)
    context = {
        "page_title": _("Yêu cầu báo giá %(reference)s") % {"reference": invited.request.reference},
        "header_icon": "doc-full",
        "invitation": invited,
        "quote_request": invited.request,
        "quotation": quotation,
        "form": form if open_now else None,
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "inquiries/admin/invitation.html", context, status=status)


def _initial(invited, quotation):
    return {} if quotation else {"unit": invited.request.unit}


def _mark_seen(invited):
    if invited.seen_at is None:
        invited.seen_at = timezone.now()
        invited.save(update_fields=["seen_at"])


@alliance_only
def quote_request(request, pk):
    record = get_object_or_404(QuoteRequest.objects.select_related("category"), pk=pk)
    invitations = record.invitations.select_related("cooperative", "quotation").order_by(
        "cooperative__title"
    )
    context = {
        "page_title": _("Yêu cầu báo giá %(reference)s") % {"reference": record.reference},
        "header_icon": "doc-full",
        "quote_request": record,
        "invitations": list(invitations),
    }
    return TemplateResponse(request, "inquiries/admin/quote_request.html", context)


@require_POST
@alliance_only
def release_request(request, pk):
    record = get_object_or_404(QuoteRequest, pk=pk)
    if record.status != QuoteRequest.Status.HELD:
        raise PermissionDenied
    quoting.release(record)
    messages.success(request, _("Đã kiểm tra; các hợp tác xã trong danh mục đã được mời báo giá."))
    return redirect("inquiries_admin:quote_request", pk=record.pk)
