"""Matching sectors, areas, categories and certifications by name, creating the new ones.

Names match ignoring case and diacritics ("nong nghiep" is "Nông nghiệp"), then by slug, so
"Rau-quả" is "Rau quả" too. Everything is looked up in the Vietnamese locale, loaded once.
"""

from collections import Counter

from cooperatives.models import Area, Sector
from portal.text import fold, vi_slugify
from products.models import Certification, ProductCategory

AREA_KINDS = [  # the name's first words tell the kind of place
    ("thi xa ", Area.Kind.TOWN),
    ("quan ", Area.Kind.URBAN),
    ("huyen ", Area.Kind.RURAL),
    ("phuong ", Area.Kind.WARD),
    ("xa ", Area.Kind.COMMUNE),
]


def is_ocop_name(name: str) -> bool:
    return fold(name) == "ocop" or fold(name).startswith("ocop ")


class Taxonomies:
    def __init__(self, locale):
        self.locale = locale
        self.created = Counter()  # verbose name -> count
        self.new_items = []  # created by this run, for Wagtail's indexes
        self._items = {}  # model -> list of objects in the locale

    def _all(self, model):
        if model not in self._items:
            self._items[model] = list(model.objects.filter(locale=self.locale))
        return self._items[model]

    def _find(self, model, name, candidates=None):
        candidates = self._all(model) if candidates is None else candidates
        folded, slug = fold(name), vi_slugify(name)
        return next((o for o in candidates if o.folded_name == folded), None) or next(
            (o for o in candidates if o.slug == slug), None
        )

    def _create(self, model, name, slug_source=None, **extra):
        taken = {o.slug for o in self._all(model)}
        base = vi_slugify(slug_source or name) or "muc"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        item = model(name=name, slug=slug, locale=self.locale, **extra)
        item.save()
        self._all(model).append(item)
        self.new_items.append(item)
        self.created[str(model._meta.verbose_name)] += 1
        return item

    def _named(self, model, name, **extra):
        return self._find(model, name) or self._create(model, name, **extra)

    def sector(self, name) -> Sector:
        return self._named(Sector, name)

    def area(self, name) -> Area:
        folded = fold(name) + " "
        kind = next((k for prefix, k in AREA_KINDS if folded.startswith(prefix)), Area.Kind.RURAL)
        return self._named(Area, name, kind=kind)

    def certification(self, name) -> Certification:
        return self._named(Certification, name, is_ocop=is_ocop_name(name))

    def is_ocop(self, name) -> bool:
        """An existing certification says itself; a new one is OCOP when named so."""
        known = self._find(Certification, name)
        return known.is_ocop if known else is_ocop_name(name)

    def category(self, path: tuple[str, ...]) -> ProductCategory:
        """ "Gạo" matches any category so named (top level first); "Nông sản > Gạo" matches
        "Gạo" under "Nông sản"; missing ones are created."""
        categories = sorted(self._all(ProductCategory), key=lambda c: c.parent_id is not None)
        parent = self._find(ProductCategory, path[0], categories)
        parent = parent or self._create(ProductCategory, path[0])
        if len(path) == 1:
            return parent
        children = [c for c in self._all(ProductCategory) if c.parent_id == parent.pk]
        child = self._find(ProductCategory, path[1], children)
        if child is None:
            taken = {c.slug for c in self._all(ProductCategory)}
            source = path[1] if vi_slugify(path[1]) not in taken else f"{parent.name} {path[1]}"
            child = self._create(ProductCategory, path[1], slug_source=source, parent=parent)
        return child
