"""schema.org Event JSON-LD for an event page."""

from portal.structured_data import SCHEMA, absolute_url, compact, image_url

from .choices import SCHEMA_STATUS

OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
ONLINE = "https://schema.org/OnlineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"


def attendance_mode(event):
    if event.is_online:
        return ONLINE
    return MIXED if event.online_url else OFFLINE


def _location(event):
    places = []
    if not event.is_online:
        places.append(
            compact(
                {
                    "@type": "Place",
                    "name": event.venue_name,
                    "address": compact(
                        {
                            "@type": "PostalAddress",
                            "streetAddress": event.address,
                            "addressLocality": "Hà Nội",
                            "addressCountry": "VN",
                        }
                    ),
                }
            )
        )
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    return places[0] if len(places) == 1 else places


def event_structured_data(event, request):
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "name": event.title,
            "description": event.summary,
            "startDate": event.local_start().isoformat(),
            "endDate": event.local_end().isoformat(),
            "eventStatus": SCHEMA_STATUS[event.status],
            "eventAttendanceMode": attendance_mode(event),
            "location": _location(event),
            "image": image_url(event.image),
            "organizer": {"@type": "Organization", "name": event.organiser},
            "url": absolute_url(request, event.get_url(request)),
            "inLanguage": event.locale.language_code,
        }
    )
