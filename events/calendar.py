"""iCalendar files: one per event, and subscribable feeds of all events or one kind.

Times are written with TZID=Asia/Ho_Chi_Minh and a VTIMEZONE, never as floating times (which
calendar apps read in the subscriber's own zone: the seven-hour shift users complain of). UID is
stable for the life of the event, SEQUENCE rises on each published change, and a cancelled event
stays in the feed with STATUS:CANCELLED so calendars remove it rather than keep a stale copy.
"""

import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .choices import ICAL_STATUS, EventKind

PRODID = "-//Lien minh HTX Ha Noi//Cong thong tin HTX//VI"
# Past events older than this drop out of the feeds; a feed of a decade helps no one.
FEED_DAYS_BACK = 365


def _event_component(event, request):
    location = ", ".join(part for part in (event.venue_name, event.address) if part)
    component = Event.new(
        uid=event.ical_uid,
        start=event.local_start(),
        end=event.local_end(),
        summary=event.title,
        description=event.summary,
        location=location or event.online_url or None,
        sequence=event.sequence,
        status=ICAL_STATUS[event.status],
        url=request.build_absolute_uri(event.get_url(request)),
        stamp=timezone.now(),
        last_modified=event.last_published_at or timezone.now(),
        categories=[str(EventKind(event.kind).label)],
    )
    return component


def build_calendar(events, request, name):
    calendar = Calendar.new(prodid=PRODID, name=name, method="PUBLISH")
    for event in events:
        calendar.add_component(_event_component(event, request))
    calendar.add_missing_timezones()
    return calendar


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_response(event, request):
    return ics_response(build_calendar([event], request, event.title), f"{event.slug}.ics")


def feed_response(index, request, kind=None):
    from .models import EventPage

    if kind is not None and kind not in EventKind.values:
        raise Http404
    since = timezone.now() - datetime.timedelta(days=FEED_DAYS_BACK)
    events = EventPage.objects.live().public().child_of(index).filter(end__gte=since)
    name = _("Sự kiện của Liên minh HTX Hà Nội")
    if kind:
        events = events.filter(kind=kind)
        name = f"{name}: {EventKind(kind).label}"
    events = events.order_by("start")
    return ics_response(build_calendar(events, request, name), f"{kind or 'su-kien'}.ics")
