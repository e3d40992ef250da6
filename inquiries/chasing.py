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


# Inquiries handled per transaction: commits, not queries, dominate a big first run.
BATCH = 200


def _overdue(hours, now):
    unanswered = Inquiry.objects.waiting().filter(first_answered_at=None, escalated_at=None)
    return unanswered.filter(delivered_at__lte=now - datetime.timedelta(hours=hours))


def _each_in_batches(queryset, step):
    """Apply `step` to every inquiry of `queryset`, a batch per transaction; returns how many.

    Each batch re-reads its rows locked (FOR UPDATE SKIP LOCKED where the database has it) and
    still matching, so two runs at once, or a run after a crash, never act twice on one.
    """
    ids = list(queryset.values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            batch = queryset.filter(pk__in=ids[start : start + BATCH])
            for inquiry in batch.select_for_update(skip_locked=True, of=("self",)).select_related(
                "cooperative"
            ):
                step(inquiry)
                done += 1
    return done


def chase(now=None):
    now = now or timezone.now()
    done = Chased()
    # Escalate first: an inquiry already past 72 hours goes to the desk without a late reminder.
    done.escalated = _each_in_batches(
        _overdue(settings.INQUIRY_ESCALATE_AFTER_HOURS, now),
        lambda inquiry: lifecycle.escalate(inquiry, now),
    )
    done.reminded = _each_in_batches(
        _overdue(settings.INQUIRY_REMIND_AFTER_HOURS, now).filter(reminded_at=None),
        lambda inquiry: lifecycle.remind(inquiry, now),
    )
    done.requests_closed = quoting.close_expired(timezone.localdate(now))
    done.figures_changed = refresh(now=now)
    return done
