"""The events index: filters by kind, area, month and year, the upcoming list, the archive by
year, and a month calendar built on the server so it works without JavaScript."""

import calendar
import datetime
import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives.models import Area

from .choices import EventKind

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^\d{4}$")


@dataclass
class EventFilters:
    kind: str = ""
    area: str = ""
    month: datetime.date | None = None
    year: int | None = None
    view: str = "list"
    errors: list = field(default_factory=list)

    def params(self, **changes):
        """Query parameters of these filters with `changes` applied, for links."""
        values = {
            "kind": self.kind,
            "area": self.area,
            "month": self.month.strftime("%Y-%m") if self.month else "",
            "year": str(self.year or ""),
            "view": "" if self.view == "list" else self.view,
        }
        values.update(changes)
        return "&".join(f"{k}={v}" for k, v in values.items() if v)


def parse_filters(params, area_slugs):
    filters = EventFilters()
    kind = params.get("kind", "")
    if kind and kind not in EventKind.values:
        filters.errors.append(_("Không có loại sự kiện “%(value)s”.") % {"value": kind[:40]})
    else:
        filters.kind = kind
    area = params.get("area", "")
    if area and area not in area_slugs:
        filters.errors.append(_("Không có địa bàn “%(value)s”.") % {"value": area[:40]})
    else:
        filters.area = area
    filters.month = _parse_month(params.get("month", ""), filters.errors)
    year = params.get("year", "")
    if year and not (YEAR.match(year) and 2000 <= int(year) <= 2100):
        filters.errors.append(_("Năm phải là bốn chữ số, ví dụ 2026."))
    elif year:
        filters.year = int(year)
    filters.view = "calendar" if params.get("view") == "calendar" else "list"
    return filters


def _parse_month(value, errors):
    if not value:
        return None
    match = MONTH.match(value)
    if match and 2000 <= int(match[1]) <= 2100 and 1 <= int(match[2]) <= 12:
        return datetime.date(int(match[1]), int(match[2]), 1)
    errors.append(_("Tháng phải có dạng năm-tháng, ví dụ 2026-09."))
    return None


def _month_bounds(first):
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, zone)
    end = datetime.datetime.combine(last, datetime.time.max, zone)
    return start, end


def filtered_events(index, filters):
    from .models import EventPage

    events = EventPage.objects.live().public().child_of(index).select_related("area", "image")
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.area:
        events = events.filter(area__slug=filters.area)
    if filters.month:
        start, end = _month_bounds(filters.month)
        events = events.filter(start__lte=end, end__gte=start)
    if filters.year:
        events = events.filter(start__year=filters.year)
    return events


def month_grid(first, events):
    """Weeks of (date, in this month, [events that day]), Monday first, as printed calendars."""
    by_day = {}
    for event in events:
        for day in event.days():
            by_day.setdefault(day, []).append(event)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    return [
        [(day, day.month == first.month, by_day.get(day, [])) for day in week] for week in weeks
    ]


def _shift_month(first, months):
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _archive_years(index):
    from .models import EventPage

    now = timezone.now()
    dates = (
        EventPage.objects.live().public().child_of(index).filter(end__lt=now).dates("start", "year")
    )
    return sorted({d.year for d in dates}, reverse=True)


def feed_urls(index, request):
    base = index.get_url(request)
    return {
        "feed_url": base + index.reverse_subpage("feed"),
        "kind_feeds": [
            (label, base + index.reverse_subpage("kind_feed", kwargs={"kind": value}))
            for value, label in EventKind.choices
        ],
    }


def listing_context(index, request):
    areas = list(Area.objects.filter(locale=index.locale).order_by("name"))
    filters = parse_filters(request.GET, {a.slug for a in areas})
    events = filtered_events(index, filters)
    now = timezone.now()
    context = {
        "filters": filters,
        "kinds": EventKind.choices,
        "areas": areas,
        "archive_years": _archive_years(index),
        **feed_urls(index, request),
    }
    if filters.view == "calendar":
        first = filters.month or timezone.localdate().replace(day=1)
        filters.month = first
        month_events = list(filtered_events(index, filters).order_by("start"))
        context.update(
            month=first,
            weeks=month_grid(first, month_events),
            previous_month=_shift_month(first, -1),
            next_month=_shift_month(first, 1),
        )
        return context
    if filters.year or filters.month:
        listed = events.order_by("start")
    else:
        listed = events.filter(end__gte=now).order_by("start")
    context["page_obj"] = Paginator(listed, index.page_size).get_page(request.GET.get("page"))
    context["showing_archive"] = bool(filters.year) and filters.year < timezone.localdate().year
    return context


def next_events(locale, limit=3):
    """The next events of the locale's index, for the home page (one query)."""
    from .models import EventPage

    return list(
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=timezone.now())
        .exclude(status="cancelled")
        .select_related("image", "area")
        .order_by("start")[:limit]
    )
