"""Event lists other pages show: the next events on the home page, a cooperative's fairs."""

from django import template
from django.utils import timezone

from ..applications import StandApplication
from ..listing import next_events as _next_events

register = template.Library()


@register.simple_tag(takes_context=True)
def next_events(context, limit=3):
    page = context.get("page")
    locale = getattr(page, "locale", None)
    return _next_events(locale, limit) if locale else []


@register.simple_tag
def cooperative_events(cooperative):
    """Events the cooperative has an accepted stand at, once the Alliance published the list;
    shown in the cooperative page's language (one query)."""
    from ..models import EventPage

    keys = (
        StandApplication.objects.accepted()
        .filter(cooperative=cooperative, event__participants_published=True)
        .values("event__translation_key")
    )
    return list(
        EventPage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale_id=cooperative.locale_id)
        .order_by("-start")
    )


@register.filter
def local_time(value):
    return timezone.localtime(value) if value else value
