"""Buyers' personal data is erased after the retention period (`erase_inquiries`).

What identifies a buyer (name, organisation, e-mail, phone, what they and the cooperative wrote,
the addresses mail went to) is blanked; the country, dates, quantities and outcomes stay, so the
Alliance's report still counts them. Counted from the record's last change.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Delivery, Inquiry, Message, QuoteRequest

BLANK = {"name": "", "organisation": "", "email": "", "phone": ""}


@transaction.atomic
def erase_expired(now=None):
    """Erase what is past the retention period; returns (inquiries, requests) erased."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.INQUIRY_RETENTION_DAYS)
    inquiries = Inquiry.objects.filter(erased_at=None, status_changed_at__lt=cutoff)
    Message.objects.filter(inquiry__in=inquiries).update(body="")
    requests = QuoteRequest.objects.filter(erased_at=None).filter(
        Q(closed_at__lt=cutoff) | Q(closed_at=None, created_at__lt=cutoff)
    )
    Delivery.objects.filter(Q(inquiry__in=inquiries) | Q(quote_request__in=requests)).update(
        to=[], last_error=""
    )
    erased_inquiries = inquiries.update(**BLANK, message="", erased_at=now)
    erased_requests = requests.update(**BLANK, message="", erased_at=now)
    return erased_inquiries, erased_requests
