"""Template tags of the catalogue: prices, OCOP stars, harvest months, the producer's contact."""

from urllib.parse import quote

from django import template
from django.utils.translation import gettext_lazy as _

from portal.templatetags.portal_tags import tel_href

register = template.Library()


@register.filter
def vnd(value):
    """45000 -> "45.000 ₫" in every language, as prices in đồng are written; None -> ""."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", ".") + " ₫"


@register.filter
def season_calendar(months):
    """[(month, in_season)] for all twelve months; no months at all means all year round."""
    chosen = set(months or [])
    return [(month, not chosen or month in chosen) for month in range(1, 13)]


@register.filter
def stars(count):
    """3 -> "★★★"."""
    try:
        return "★" * int(count)
    except (TypeError, ValueError):
        return ""


@register.simple_tag(takes_context=True)
def contact_url(context, cooperative, product=None):
    """Where "Contact the producer" leads: an e-mail about the product, a call, or the profile."""
    if cooperative.email:
        subject = _("Hỏi mua: %(product)s") % {"product": product.title} if product else ""
        query = f"?subject={quote(str(subject))}" if subject else ""
        return f"mailto:{cooperative.email}{query}"
    if cooperative.phone:
        return tel_href(cooperative.phone)
    url = cooperative.get_url(context.get("request")) or ""
    return f"{url}#lien-he"
