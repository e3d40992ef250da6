"""What a search returns, whichever backend answered."""

import math
from dataclasses import dataclass, field


@dataclass
class Hit:
    id: int
    title: str
    url: str
    summary: str
    cooperative_name: str
    cooperative_url: str
    category: str
    area: str
    price_vnd: int | None
    unit: str
    ocop_stars: int | None
    certifications: list
    image: str
    highlight: dict = field(default_factory=dict)

    def as_json(self):
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "cooperative": {"name": self.cooperative_name, "url": self.cooperative_url},
            "category": self.category,
            "area": self.area,
            "price_vnd": self.price_vnd,
            "unit": self.unit,
            "ocop_stars": self.ocop_stars,
            "certifications": self.certifications,
            "image": self.image,
            "highlight": self.highlight,
        }


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    parent: str = ""
    price_min: int | None = None
    price_max: int | None = None

    def as_json(self):
        data = {"value": self.value, "label": str(self.label), "count": self.count}
        if self.price_min is not None or self.price_max is not None:
            data.update(price_min=self.price_min, price_max=self.price_max)
        return data


@dataclass
class SearchResults:
    query: object
    hits: list
    total: int
    facets: dict
    backend: str
    suggestion: str = ""
    fallback_reason: str = ""
    without_filters_total: int | None = None

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.query.page_size))

    def as_json(self):
        return {
            "count": self.total,
            "page": self.query.page,
            "page_size": self.query.page_size,
            "backend": self.backend,
            "suggestion": self.suggestion or None,
            "results": [hit.as_json() for hit in self.hits],
            "facets": {name: [v.as_json() for v in values] for name, values in self.facets.items()},
        }


def hit_from_data(data, highlight=None):
    """A hit from a product's data dict (the ES `_source` or `product_datas()`)."""
    return Hit(
        id=int(data["id"]),
        title=data["title"],
        url=data["url"],
        summary=data.get("summary_text") or data.get("summary", ""),
        cooperative_name=data["cooperative_name"],
        cooperative_url=data["cooperative_url"],
        category=data.get("category_label", ""),
        area=data.get("area_name", ""),
        price_vnd=data.get("price_vnd"),
        unit=data.get("unit", ""),
        ocop_stars=data.get("ocop_stars"),
        certifications=list(data.get("certification_labels", [])),
        image=data.get("image", ""),
        highlight=highlight or {},
    )
