"""Silence is chased: a reminder after 48 hours, the trade desk after 72 (`chase_inquiries`).

Idempotent: `reminded_at` and `escalated_at` mark what was done, so running it twice, or from
two cron hosts, does each step once per inquiry. It also closes requests for quotation past
their deadline and refreshes every cooperative's responsiveness for the moving 90-day window.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import lifecycle, quoting
from .models import Inquiry
from .responsiveness import refresh


@dataclass
class Chased:
    reminded: int = 0
    escalated: int = 0
    requests_closed: int = 0
    figures_changed: int = 0


def _overdue(hours, now):
    unanswered = Inquiry.objects.waiting().filter(first_answered_at=None, escalated_at=None)
    before = now - datetime.timedelta(hours=hours)
    return unanswered.filter(delivered_at__lte=before).select_related("cooperative")


def chase(now=None):
    now = now or timezone.now()
    done = Chased()
    # Escalate first: an inquiry already past 72 hours goes to the desk without a late reminder.
    for inquiry in _overdue(settings.INQUIRY_ESCALATE_AFTER_HOURS, now).iterator(chunk_size=500):
        with transaction.atomic():
            lifecycle.escalate(inquiry, now)
        done.escalated += 1
    reminders = _overdue(settings.INQUIRY_REMIND_AFTER_HOURS, now).filter(reminded_at=None)
    for inquiry in reminders.iterator(chunk_size=500):
        with transaction.atomic():
            lifecycle.remind(inquiry, now)
        done.reminded += 1
    done.requests_closed = quoting.close_expired(timezone.localdate(now))
    done.figures_changed = refresh(now=now)
    return done
