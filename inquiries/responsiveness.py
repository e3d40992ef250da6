"""Each cooperative's responsiveness over the last 90 days, shown honestly.

Counted: inquiries delivered to the cooperative in the window. Not counted: spam, inquiries held
for review, and unanswered ones younger than 48 hours (the cooperative still has time).
Answered means the cooperative's own first answer, by message, "answered outside the portal"
or "declined", before any escalation: an escalated inquiry is unanswered for the cooperative.
The median is over the answered ones; the share within 48 hours tells about the rest.
"""

import datetime
import statistics
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Inquiry, Responsiveness

HOURS_48 = datetime.timedelta(hours=48)
# "Responds within 48 hours" in the directory filter: at least this share, with enough data.
FAST_SHARE = 80


def _delays(rows, now):
    """The delay to the first answer of each counted inquiry, None for an unanswered one."""
    for delivered, answered, escalated in rows:
        if answered is not None and (escalated is None or answered <= escalated):
            yield answered - delivered
        elif escalated is not None or now - delivered >= HOURS_48:
            yield None


def figures(rows, now):
    delays = list(_delays(rows, now))
    answered = sorted(delay for delay in delays if delay is not None)
    median = statistics.median(answered).total_seconds() / 3600 if answered else None
    within = sum(1 for delay in answered if delay <= HOURS_48)
    return {"inquiries": len(delays), "answered_within_48h": within, "median_hours": median}


def _rows(cooperative_ids, now):
    since = now - datetime.timedelta(days=settings.INQUIRY_RESPONSIVENESS_DAYS)
    inquiries = Inquiry.objects.delivered().filter(delivered_at__gte=since)
    if cooperative_ids is not None:
        inquiries = inquiries.filter(cooperative_id__in=cooperative_ids)
    rows = defaultdict(list)
    values = inquiries.values_list(
        "cooperative_id", "delivered_at", "first_answered_at", "escalated_at"
    )
    for cooperative_id, *row in values.iterator(chunk_size=5000):
        rows[cooperative_id].append(row)
    return rows


def _store(cooperative_id, values, now, existing):
    enough = values["inquiries"] >= settings.INQUIRY_RESPONSIVENESS_MIN
    share = 100 * values["answered_within_48h"] / values["inquiries"] if enough else 0
    values["responds_within_48h"] = enough and share >= FAST_SHARE
    current = existing.get(cooperative_id)
    if current is not None and all(getattr(current, k) == v for k, v in values.items()):
        return False  # unchanged: nothing for listeners (search) to redo
    Responsiveness.objects.update_or_create(
        cooperative_id=cooperative_id, defaults={**values, "computed_at": now}
    )
    return True


@transaction.atomic  # one commit for every cooperative's row, not one each
def refresh(cooperative_id=None, now=None):
    """Recompute one cooperative's figures, or everyone's (nightly); returns how many changed."""
    now = now or timezone.now()
    ids = None if cooperative_id is None else [cooperative_id]
    rows = _rows(ids, now)
    existing = Responsiveness.objects.all()
    if ids is not None:
        existing = existing.filter(cooperative_id__in=ids)
    existing = {r.cooperative_id: r for r in existing}
    targets = set(rows) | set(existing) if ids is None else set(ids)
    return sum(_store(pk, figures(rows.get(pk, []), now), now, existing) for pk in targets)
