"""Makes up the extra products of `load_demo_data --products N`, deterministically.

The base demo's products are data (`data/products.csv`); the thousands a benchmark asks for are
composed here from each category's common traits in `data/categories.json`. The same
cooperative and seed always give the same product.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import escape

from portal.text import vi_slugify

from . import data
from .images import MOTIF_ALT


@dataclass
class CertSpec:
    name: str
    number: str
    issuer: str
    valid_until: datetime.date | None
    ocop_stars: int | None = None


@dataclass
class ProductSpec:
    title: str
    slug: str
    category: data.Category
    fields: dict
    images: list = field(default_factory=list)  # (picture index in its category, alt text)
    certs: list = field(default_factory=list)


def _price(rng, base_price):
    if base_price is None or rng.random() < 0.08:
        return None  # "liên hệ": the price is agreed with the buyer
    return max(1000, round(base_price * rng.uniform(0.85, 1.25) / 1000) * 1000)


def _availability(rng, category):
    roll = rng.random()
    if category.season and roll < 0.5:
        return "theo_mua"
    return "dat_truoc" if roll < 0.6 else ("tam_het" if roll > 0.95 else "san_hang")


def _certs(rng, category, today):
    kinds = data.certifications()
    keys = category.certifications
    chosen = rng.sample(keys, k=min(len(keys), rng.choice((0, 1, 1, 2))))
    certs = []
    for key in chosen:
        kind = kinds[key]
        issued = 2019 + rng.randrange(6)
        # About a quarter of the certificates have lapsed: buyers must see which ones.
        valid_until = today + datetime.timedelta(days=rng.randint(-500, 1100))
        stars = rng.choice((3, 3, 4, 4, 5)) if kind["is_ocop"] else None
        number = f"{kind['prefix']}-{issued}-{rng.randrange(1, 10000):04d}"
        certs.append(CertSpec(kind["name"], number, kind["issuer"], valid_until, stars))
    return certs


def _description(title, coop, category, fields):
    items = [
        f"Quy cách đóng gói: {fields['packaging']}",
        f"Nơi sản xuất: {coop.address}",
    ]
    if fields["shelf_life"]:
        items.append(f"Hạn sử dụng: {fields['shelf_life']}")
    if fields["export_markets"]:
        items.append(f"Đã xuất khẩu sang: {fields['export_markets']}")
    lis = "".join(f"<li>{escape(item)}</li>" for item in items)
    return (
        f"<h3>Cách làm</h3><p>{escape(category.craft)}</p>"
        f"<h3>Thông tin sản phẩm</h3><ul>{lis}</ul>"
        f"<p>{escape(title)} do {escape(coop.name)} sản xuất; hợp tác xã {escape(coop.about)}. "
        "Liên hệ trực tiếp với hợp tác xã để đặt hàng số lượng lớn hoặc làm quà tặng.</p>"
    )


def compose(coop: data.Cooperative, category: data.Category, title, seed, today=None):
    """A full product from its cooperative, category and title; `seed` fixes the choices."""
    today = today or timezone.localdate()
    rng = random.Random(f"{coop.code}:{seed}")
    base = next((b for b in category.products if title.startswith(b["name"])), None)
    base = base or category.products[0]
    markets = ""
    if category.markets and rng.random() < 0.35:
        markets = ", ".join(rng.sample(category.markets, k=rng.randint(1, len(category.markets))))
    fields = {
        "price_vnd": _price(rng, base["price_vnd"]),
        "unit": base["unit"] or category.unit,
        "min_order": rng.choice((1, 5, 10, 20, 50, 100)),
        "monthly_capacity": rng.randrange(200, 20000, 50),
        "season_months": list(category.season),
        "packaging": rng.choice(category.packaging),
        "shelf_life": category.shelf_life,
        "export_markets": markets,
        "availability": _availability(rng, category),
    }
    fields["summary"] = f"{title} của {coop.name} ({coop.area}): {coop.about}."[:300]
    fields["description"] = _description(title, coop, category, fields)
    alt = MOTIF_ALT.get(category.motif, "hình minh họa")
    images = [(rng.randrange(3) + n, f"{title}: {alt}") for n in range(rng.randint(1, 3))]
    return ProductSpec(
        title, vi_slugify(title), category, fields, images, _certs(rng, category, today)
    )


def bulk_title(coop: data.Cooperative, n):
    """A varied product name for the n-th extra product of a cooperative."""
    category = data.categories()[coop.categories[n % len(coop.categories)]]
    rest = n // len(coop.categories)
    base = category.products[rest % len(category.products)]["name"]
    rest //= len(category.products)
    variant = category.variants[rest % len(category.variants)]
    packaging = category.packaging[(rest // len(category.variants)) % len(category.packaging)]
    return category, f"{base} {variant}, {packaging}"
