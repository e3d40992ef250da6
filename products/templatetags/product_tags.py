"""Template tags of the catalogue: prices, OCOP stars, harvest months, the category tree."""


from django import template

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


