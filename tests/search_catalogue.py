"""A small catalogue like the demo's, for the search tests (built once per test module)."""

import uuid
from types import SimpleNamespace

from django.core.cache import cache
from django.test import override_settings

from search import indexing
from tests.factories import (
    AreaFactory,
    CategoryFactory,
    CertificationFactory,
    SectorFactory,
    days_from_today,
    make_cooperative,
    make_product,
)

# title, category, cooperative, price, certifications [(cert, stars, valid days)], summary
PRODUCTS = [
    (
        "Trà sen Tây Hồ",
        "che",
        "sen",
        1_200_000,
        [("ocop", 5, None)],
        "Trà ướp hoa sen Bách Diệp hồ Tây.",
    ),
    ("Chè xanh Ba Vì", "che", "bavi", 180_000, [("vietgap", None, 300)], "Chè búp tươi sao khô."),
    ("Chè Shan tuyết cổ thụ", "che", "socson", 350_000, [], "Chè từ cây cổ thụ trên núi."),
    (
        "Cà phê Robusta rang mộc",
        "caphe",
        "bavi",
        220_000,
        [("ocop", 3, None)],
        "Rang mộc, xay theo yêu cầu.",
    ),
    ("Cà phê sữa hòa tan", "caphe", "gialam", 95_000, [], "Gói 20 g tiện lợi."),
    ("Cá rô đồng kho tộ", "thuysan", "donganh", 120_000, [], "Cá rô đồng kho với riềng."),
    ("Gạo nếp cái hoa vàng", "gao", "donganh", 45_000, [("ocop", 4, None)], "Gạo nếp thơm dẻo."),
    ("Gạo tám thơm", "gao", "socson", 30_000, [("vietgap", None, -10)], "Gạo tẻ hạt nhỏ thơm."),
    ("Mật ong hoa nhãn", "nongsan", "socson", 250_000, [("ocop", 3, None)], "Mật ong nguyên chất."),
    (
        "Bưởi Diễn",
        "rauqua",
        "gialam",
        None,
        [("vietgap", None, None)],
        "Bưởi ngọt thanh, giá liên hệ.",
    ),
    (
        "Rau cải hữu cơ",
        "rauqua",
        "gialam",
        25_000,
        [("huuco", None, None)],
        "Rau sạch trồng hữu cơ.",
    ),
    ("Nón lá Chuông", "thucong", "donganh", 60_000, [], "Nón lá làng Chuông."),
    ("Giỏ mây tre đan", "thucong", "bavi", 450_000, [("ocop", 4, None)], "Đan tay từ mây rừng."),
]


def build():
    cache.clear()
    areas = {
        key: AreaFactory(name=name)
        for key, name in [("tayho", "Tây Hồ"), ("bavi", "Ba Vì"), ("donganh", "Đông Anh"),
                          ("socson", "Sóc Sơn"), ("gialam", "Gia Lâm")]
    }  # fmt: skip
    sector = SectorFactory(name="Nông nghiệp")
    coops = {
        "sen": make_cooperative("HTX Sen Quảng An", sector=sector, area=areas["tayho"]),
        "bavi": make_cooperative("HTX Nông sản Ba Vì", sector=sector, area=areas["bavi"]),
        "donganh": make_cooperative("HTX Đông Anh Xanh", sector=sector, area=areas["donganh"]),
        "socson": make_cooperative("HTX Sóc Sơn", sector=sector, area=areas["socson"]),
        "gialam": make_cooperative("HTX Gia Lâm", sector=sector, area=areas["gialam"]),
    }
    nongsan = CategoryFactory(name="Nông sản")
    categories = {
        "nongsan": nongsan,
        "che": CategoryFactory(name="Chè", parent=nongsan),
        "caphe": CategoryFactory(name="Cà phê", parent=nongsan),
        "gao": CategoryFactory(name="Gạo", parent=nongsan),
        "rauqua": CategoryFactory(name="Rau quả", parent=nongsan),
        "thuysan": CategoryFactory(name="Thủy sản"),
        "thucong": CategoryFactory(name="Thủ công mỹ nghệ"),
    }
    certs = {
        "ocop": CertificationFactory(name="OCOP", is_ocop=True),
        "vietgap": CertificationFactory(name="VietGAP"),
        "huuco": CertificationFactory(name="Hữu cơ"),
    }
    products = {}
    for title, category, coop, price, cert_rows, summary in PRODUCTS:
        certifications = [
            {
                "certification": certs[key],
                "ocop_stars": stars,
                "valid_until": days_from_today(days) if days is not None else None,
            }
            for key, stars, days in cert_rows
        ]
        products[title] = make_product(
            coops[coop], title=title, category=categories[category], price_vnd=price,
            summary=summary, certifications=certifications,
        )  # fmt: skip
    draft = make_product(coops["sen"], title="Chè bản nháp bí mật", publish=False, live=False,
                         category=categories["che"])  # fmt: skip
    return SimpleNamespace(
        areas=areas, coops=coops, categories=categories, certs=certs, products=products, draft=draft
    )


def index_everything(url, alias):
    with override_settings(ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX=alias):
        return indexing.rebuild()


def new_alias(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:6]}"


def drop_indices(es, alias):
    for name in list(es.indices.get(index=f"{alias}-*", ignore_unavailable=True)):
        es.indices.delete(index=name, ignore_unavailable=True)
