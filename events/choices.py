"""The event's closed lists: kinds and statuses, each with its schema.org and iCalendar names."""

from django.db import models
from django.utils.translation import gettext_lazy as _

SCHEMA_EVENT_STATUS = "https://schema.org/Event"


class EventKind(models.TextChoices):
    TRADE_FAIR = "hoi-cho", _("Hội chợ thương mại")
    EXHIBITION = "trien-lam", _("Triển lãm")
    TRAINING = "tap-huan", _("Tập huấn")
    CONFERENCE = "hoi-nghi", _("Hội nghị, hội thảo")
    LIVESTREAM = "livestream", _("Phiên chợ trực tuyến")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Theo kế hoạch")
    POSTPONED = "postponed", _("Hoãn")
    MOVED_ONLINE = "moved_online", _("Chuyển sang trực tuyến")
    CANCELLED = "cancelled", _("Đã hủy")


# schema.org eventStatus for each status.
SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}
# iCalendar STATUS (RFC 5545 has no "postponed": a postponed event is tentative until re-dated).
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
}
