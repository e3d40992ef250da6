"""The demo's data files (`demo/data/`), read into small records.

`cooperatives.csv` and `products.csv` are in the import format of `docs/import.md` and go
through the importer; the JSON files hold what that format does not carry.
"""

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
COOPERATIVES_CSV = DATA / "cooperatives.csv"
PRODUCTS_CSV = DATA / "products.csv"


def read_json(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Category:
    """A leaf category: its pictures' colours and motif, and what its products have in common
    (used to make up the extra products of `--products N`)."""

    key: str
    name: str
    parent: str
    colours: tuple
    motif: str
    unit: str
    packaging: tuple
    shelf_life: str
    craft: str
    products: tuple  # {"name", "price_vnd", "unit"}
    season: tuple
    certifications: tuple  # keys of taxonomy.json's certifications
    markets: tuple
    variants: tuple

    @property
    def path(self):
        return (self.parent, self.name)


@dataclass(frozen=True)
class Cooperative:
    """A row of cooperatives.csv with its extras from cooperatives.json."""

    code: str
    name: str
    area: str
    address: str
    about: str
    categories: tuple  # category keys, the main one first
    logo: dict  # {"initials", "colours": a category key}
    gallery: tuple  # {"picture", "caption"}
    classifications: tuple  # {"year", "rating"}
    body: str


@cache
def categories() -> dict[str, Category]:
    return {
        c["key"]: Category(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in c.items() if k != "colours"},
            colours=tuple(tuple(rgb) for rgb in c["colours"]),
        )
        for c in read_json("categories.json")
    }


@cache
def certifications() -> dict[str, dict]:
    return {c["key"]: c for c in read_json("taxonomy.json")["certifications"]}


@cache
def cooperatives() -> list[Cooperative]:
    extras = {c["code"]: c for c in read_json("cooperatives.json")}
    with COOPERATIVES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Cooperative(
            code=row["code"],
            name=row["name"],
            area=row["area"],
            address=row["address"],
            **{
                k: tuple(v) if isinstance(v, list) else v
                for k, v in extras[row["code"]].items()
                if k != "code"
            },
        )
        for row in rows
    ]


@cache
def product_details() -> dict[tuple[str, str], dict]:
    """(cooperative code, product name) -> fields, gallery and certificates of products.csv's
    rows that the import format does not carry."""
    return {(p["cooperative_code"], p["name"]): p for p in read_json("products.json")}
