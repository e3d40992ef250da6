"""Helpers every page type uses to describe itself as schema.org JSON-LD.

Each page type builds its own objects in `get_structured_data(request)`; this module holds only
what they share: the JSON encoding, dropping empty values, absolute image URLs and the Alliance
as publisher.
"""

import json

from django.templatetags.static import static

from .models import PortalSettings

SCHEMA = "https://schema.org"
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def to_json_ld(data):
    """JSON text safe inside a <script> element (no "</script>", no "<!--")."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.translate(_ESCAPES)


def compact(data):
    """Drop empty values so the output carries only what is known."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def image_url(image, spec="width-1200"):
    if image is None:
        return None
    return image.get_rendition(spec).full_url


def absolute_url(request, url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request is not None else url


def portal_settings(request):
    if request is None:
        return None
    return PortalSettings.for_request(request)


def alliance_organization(request):
    """The Cooperative Alliance, publisher of the portal."""
    portal = portal_settings(request)
    if portal is None:
        return {"@type": "Organization", "name": "Liên minh Hợp tác xã thành phố Hà Nội"}
    return compact(
        {
            "@type": "Organization",
            "name": portal.alliance_name,
            "logo": absolute_url(request, static("portal/img/logo.svg")),
            "telephone": portal.alliance_phone,
            "email": portal.alliance_email,
            "address": portal.alliance_address,
        }
    )
