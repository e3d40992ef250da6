"""Structured data (schema.org JSON-LD) built in Python, never hand-written in templates.

`{% structured_data %}` prints one `<script type="application/ld+json">` per object the page
describes: what its page type says of itself (`get_structured_data`) and its BreadcrumbList.
The JSON is escaped so no value can close the script element.
"""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page

from portal.structured_data import SCHEMA, to_json_ld

from .portal_tags import breadcrumb_trail

register = template.Library()


def breadcrumb_list(page, request):
    trail = breadcrumb_trail(request, page)
    if not trail:
        return None
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": title, "item": full_url}
            for position, (title, _url, full_url) in enumerate(trail, start=1)
        ],
    }


def page_objects(page, request):
    """Every JSON-LD object describing `page`."""
    describe = getattr(page, "get_structured_data", None)
    objects = [*(describe(request) if describe else []), breadcrumb_list(page, request)]
    return [o for o in objects if o]


@register.simple_tag(takes_context=True)
def structured_data(context):
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    request = context.get("request")
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((mark_safe(to_json_ld(obj)),) for obj in page_objects(page, request)),  # noqa: S308
    )
