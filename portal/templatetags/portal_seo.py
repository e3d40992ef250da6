"""Structured data (schema.org JSON-LD) built in Python, never hand-written in templates.

`{% structured_data %}` prints one `<script type="application/ld+json">` per object the page
describes: the page's own type (Organization, Product, NewsArticle, Article, WebSite) and its
BreadcrumbList. The JSON is escaped so no value can close the script element.
"""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page

from .portal_tags import breadcrumb_trail

register = template.Library()

SCHEMA = "https://schema.org"
AVAILABILITY = {
    "san_hang": f"{SCHEMA}/InStock",
    "theo_mua": f"{SCHEMA}/LimitedAvailability",
    "dat_truoc": f"{SCHEMA}/PreOrder",
    "tam_het": f"{SCHEMA}/OutOfStock",
}
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def to_json_ld(data):
    """JSON text safe inside a <script> element (no "</script>", no "<!--")."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.translate(_ESCAPES)


def _compact(data):
    """Drop empty values so the output carries only what is known."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _image_url(image, spec="width-1200"):
    if image is None:
        return None
    return image.get_rendition(spec).full_url


def _absolute(request, url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request is not None else url


def _portal_settings(request):
    from portal.models import PortalSettings

    if request is None:
        return None
    return PortalSettings.for_request(request)


def alliance_organization(request):
    portal = _portal_settings(request)
    logo = _absolute(request, static("portal/img/logo.svg"))
    if portal is None:
        return {"@type": "Organization", "name": "Liên minh Hợp tác xã thành phố Hà Nội"}
    return _compact(
        {
            "@type": "Organization",
            "name": portal.alliance_name,
            "logo": logo,
            "telephone": portal.alliance_phone,
            "email": portal.alliance_email,
            "address": portal.alliance_address,
        }
    )


def organization(cooperative, request, full=True):
    """A cooperative as a schema.org Organization."""
    data = {
        "@type": "Organization",
        "name": cooperative.title,
        "url": cooperative.get_full_url(request),
        "telephone": cooperative.phone,
        "email": cooperative.email,
    }
    if full:
        area = cooperative.area.name if cooperative.area_id else ""
        data.update(
            {
                "@context": SCHEMA,
                "description": cooperative.summary,
                "logo": _image_url(cooperative.logo, "max-600x600"),
                "address": _compact(
                    {
                        "@type": "PostalAddress",
                        "streetAddress": cooperative.address,
                        "addressLocality": area,
                        "addressRegion": "Hà Nội",
                        "addressCountry": "VN",
                    }
                ),
                "foundingDate": str(cooperative.founded_year or ""),
                "areaServed": _compact({"@type": "Place", "name": area}) if area else None,
                "sameAs": [cooperative.website] if cooperative.website else None,
                "knowsAbout": cooperative.sector.name if cooperative.sector_id else "",
            }
        )
    return _compact(data)


def certification(record):
    data = {
        "@type": "Certification",
        "name": record.certification.name,
        "certificationIdentification": record.number,
        "issuedBy": _compact({"@type": "Organization", "name": record.issuer}),
        "expires": record.valid_until.isoformat() if record.valid_until else None,
    }
    if record.certification.is_ocop and record.ocop_stars:
        data["certificationRating"] = {
            "@type": "Rating",
            "ratingValue": record.ocop_stars,
            "bestRating": 5,
        }
    return _compact(data)


def product(page, request):
    cooperative = page.cooperative
    producer = organization(cooperative, request, full=False)
    offer = {
        "@type": "Offer",
        "priceCurrency": "VND",
        "price": page.price_vnd,
        "availability": AVAILABILITY.get(page.availability),
        "url": page.get_full_url(request),
        "seller": producer,
    }
    if page.min_order:
        offer["eligibleQuantity"] = {
            "@type": "QuantitativeValue",
            "minValue": page.min_order,
            "unitText": page.unit,
        }
    images = [_image_url(item.image) for item in page.gallery_images.all()]
    return _compact(
        {
            "@context": SCHEMA,
            "@type": "Product",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "image": [url for url in images if url],
            "category": page.category.name if page.category_id else "",
            "brand": {"@type": "Brand", "name": cooperative.title},
            "manufacturer": producer,
            "offers": _compact(offer),
            "hasCertification": [certification(c) for c in page.valid_certifications()],
            "countryOfOrigin": "VN",
        }
    )


def article(page, request, kind):
    return _compact(
        {
            "@context": SCHEMA,
            "@type": kind,
            "headline": page.title[:110],
            "description": page.intro,
            "url": page.get_full_url(request),
            "mainEntityOfPage": page.get_full_url(request),
            "datePublished": page.date.isoformat() if page.date else None,
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
            "image": [_image_url(page.image)] if page.image else None,
            "inLanguage": page.locale.language_code,
            "publisher": alliance_organization(request),
            "author": alliance_organization(request),
        }
    )


def website(page, request):
    from products.models import ProductIndexPage

    data = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": getattr(_portal_settings(request), "portal_name", page.title),
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "publisher": alliance_organization(request),
    }
    catalogue = ProductIndexPage.objects.live().filter(locale=page.locale).first()
    if catalogue is not None:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{catalogue.get_full_url(request)}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        }
    return _compact(data)


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
    kind = type(page).__name__
    objects = []
    if kind == "CooperativePage":
        objects.append(organization(page, request))
    elif kind == "ProductPage":
        objects.append(product(page, request))
    elif kind == "NewsPage":
        objects.append(article(page, request, "NewsArticle"))
    elif kind == "StoryPage":
        objects.append(article(page, request, "Article"))
    elif kind == "HomePage":
        objects.append(website(page, request))
    objects.append(breadcrumb_list(page, request))
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
