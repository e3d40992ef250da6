"""The trade desk's failed mail: what could not be sent, why, and a button to send it again.

A pending delivery older than an hour is shown too: the worker is late or stopped, and the
desk should know before a buyer waits a day.
"""

import datetime

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import mail
from .admin_access import alliance_only
from .admin_views import paginate
from .models import Delivery

STALE_AFTER = datetime.timedelta(hours=1)


def stuck_deliveries(now=None):
    stale = (now or timezone.now()) - STALE_AFTER
    return Delivery.objects.filter(
        Q(state=Delivery.State.FAILED) | Q(state=Delivery.State.PENDING, created_at__lt=stale)
    )


@alliance_only
def delivery_list(request):
    deliveries = stuck_deliveries().select_related("inquiry", "quote_request")
    context = {
        "page_title": _("Thư gửi không được"),
        "header_icon": "warning",
        **paginate(request, deliveries.order_by("-created_at", "-pk")),
    }
    return TemplateResponse(request, "inquiries/admin/delivery_list.html", context)


@require_POST
@alliance_only
def retry(request, pk):
    delivery = get_object_or_404(stuck_deliveries(), pk=pk)
    mail.retry(delivery)
    messages.success(request, _("Đã xếp thư số %(number)s để gửi lại.") % {"number": delivery.pk})
    return redirect("inquiries_admin:deliveries")
