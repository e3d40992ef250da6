"""Template tags of the home and editorial pages: the directory's bar charts, news tags."""

from dataclasses import dataclass

from django import template
from taggit.models import Tag

from home.models import NewsPage

register = template.Library()

CHART_WIDTH = 400
CHART_ROW = 46
CHART_BAR_SPACE = 330  # room for the bar; the count sits after it


@dataclass
class ChartRow:
    label: str
    value: int
    label_y: int
    bar_y: int
    bar_width: float
    value_x: float


@dataclass
class Chart:
    width: int
    height: int
    rows: list


@register.filter
def bar_chart(bars):
    """Coordinates for a horizontal bar chart of Figures bars (label above each bar)."""
    rows = []
    for index, bar in enumerate(bars):
        top = index * CHART_ROW
        width = max(round(bar.share * CHART_BAR_SPACE, 1), 2)
        rows.append(ChartRow(bar.label, bar.cooperatives, top + 16, top + 23, width, width + 8))
    return Chart(CHART_WIDTH, max(len(rows) * CHART_ROW, CHART_ROW), rows)


@register.simple_tag
def news_tags(index_page):
    """Tags used by the live news under `index_page`, by name: one query."""
    news = NewsPage.objects.child_of(index_page).live().values("pk")
    return list(
        Tag.objects.filter(home_newspagetag_items__content_object__in=news)
        .distinct()
        .order_by("name")
    )
