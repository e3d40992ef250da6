"""`demo/data/english.json`, the English edition's demo texts, fits the Vietnamese demo data.

No database: the file is checked against the other data files, so a renamed product or a
reordered gallery in the Vietnamese data shows up here rather than as a silently
untranslated page.
"""

import csv
import re
from html.parser import HTMLParser

import pytest

from demo.data import COOPERATIVES_CSV, PRODUCTS_CSV, read_json

# Common Vietnamese function words: an English text holding one (in lower case, so not part
# of a capitalised proper name) was left half translated.
VIETNAMESE_WORDS = re.compile(r"\b(và|của|được|những|cho|với|các)\b")
INDEX_SLUGS = {"hop-tac-xa", "san-pham", "mo-hinh-tieu-bieu", "tin-tuc", "su-kien", "van-ban"}


@pytest.fixture(scope="module")
def english():
    return read_json("english.json")


@pytest.fixture(scope="module")
def vietnamese():
    with open(COOPERATIVES_CSV, encoding="utf-8") as f:
        coop_rows = {row["code"]: row for row in csv.DictReader(f)}
    with open(PRODUCTS_CSV, encoding="utf-8") as f:
        product_rows = {f"{r['cooperative_code']}/{r['name']}": r for r in csv.DictReader(f)}
    return {
        "coop_rows": coop_rows,
        "coop_json": {c["code"]: c for c in read_json("cooperatives.json")},
        "product_rows": product_rows,
        "product_json": {
            f"{p['cooperative_code']}/{p['name']}": p for p in read_json("products.json")
        },
        "taxonomy": read_json("taxonomy.json"),
        "categories": read_json("categories.json"),
        "stories": {s["title"]: s for s in read_json("stories.json")},
        "news": {n["title"]: n for n in read_json("news.json")},
        "events": read_json("events.json")["events"],
    }


class _TagChecker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def assert_html(text, where):
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    assert not checker.errors and not checker.stack, (where, checker.errors, checker.stack)
    assert text.startswith("<"), where


def strings(value):
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def assert_translated(english_text, vietnamese_text, where):
    assert english_text.strip(), where
    # Only a name with no Vietnamese letters at all (VietGAP, HACCP) may stay as it is.
    if english_text == vietnamese_text:
        assert vietnamese_text.isascii(), where


def test_taxonomies_name_every_term_of_the_demo(english, vietnamese):
    taxonomies = english["taxonomies"]
    sectors = {row["sector"] for row in vietnamese["coop_rows"].values()}
    for event in vietnamese["events"]:
        sectors.update(event.get("sectors", []))
    assert set(taxonomies["sectors"]) == sectors
    areas = {a["name"]: a["kind"] for a in vietnamese["taxonomy"]["areas"]}
    assert set(taxonomies["areas"]) == set(areas)
    for name, kind in areas.items():
        suffix = "Town" if kind == "thi_xa" else "District"
        assert taxonomies["areas"][name] == f"{name} {suffix}"
    categories = {c["name"] for c in vietnamese["categories"]}
    categories |= {c["parent"] for c in vietnamese["categories"]}
    assert set(taxonomies["categories"]) == categories
    certifications = {c["name"]: c for c in vietnamese["taxonomy"]["certifications"]}
    assert set(taxonomies["certifications"]) == set(certifications)
    for name, text in taxonomies["certifications"].items():
        assert set(text) == {"name", "description"}
        assert_translated(text["name"], name, name)
        assert_translated(text["description"], certifications[name]["description"], name)
    for group in ("sectors", "areas", "categories"):
        for vi, en in taxonomies[group].items():
            assert_translated(en, vi, (group, vi))


def test_cooperatives_cover_every_sector_with_their_galleries(english, vietnamese):
    cooperatives = english["cooperatives"]
    assert len(cooperatives) >= 16
    assert set(cooperatives) <= set(vietnamese["coop_rows"])
    sectors = {vietnamese["coop_rows"][code]["sector"] for code in cooperatives}
    assert sectors == {row["sector"] for row in vietnamese["coop_rows"].values()}
    for code, text in cooperatives.items():
        assert set(text) == {"title", "summary", "body", "gallery_captions"}, code
        row, extra = vietnamese["coop_rows"][code], vietnamese["coop_json"][code]
        assert_translated(text["title"], row["name"], code)
        assert_translated(text["summary"], row["description"], code)
        assert_translated(text["body"], extra["body"], code)
        assert_html(text["body"], code)
        assert len(text["gallery_captions"]) == len(extra["gallery"]), code
        for caption, picture in zip(text["gallery_captions"], extra["gallery"], strict=True):
            assert_translated(caption, picture["caption"], code)


def test_products_cover_every_leaf_category_with_their_galleries(english, vietnamese):
    products = english["products"]
    assert len(products) >= 80
    assert set(products) <= set(vietnamese["product_rows"])
    leaves = {vietnamese["product_rows"][key]["category"] for key in products}
    assert leaves == {f"{c['parent']} > {c['name']}" for c in vietnamese["categories"]}
    for key, text in products.items():
        assert set(text) == {"title", "summary", "description", "packaging", "alt_texts"}, key
        row, extra = vietnamese["product_rows"][key], vietnamese["product_json"][key]
        assert_translated(text["title"], row["name"], key)
        assert_translated(text["summary"], row["description"], key)
        assert_translated(text["description"], extra["description"], key)
        assert_translated(text["packaging"], extra["packaging"], key)
        assert_html(text["description"], key)
        # The same outline as the Vietnamese description: headings, paragraphs, list items.
        tags = re.compile(r"<(h3|p|ul|li)>")
        assert tags.findall(text["description"]) == tags.findall(extra["description"]), key
        assert len(text["alt_texts"]) == len(extra["gallery"]), key
        for alt, picture in zip(text["alt_texts"], extra["gallery"], strict=True):
            assert_translated(alt, picture["alt_text"], key)


@pytest.mark.parametrize(("group", "minimum"), [("stories", 4), ("news", 3)])
def test_stories_and_news_keep_their_blocks(english, vietnamese, group, minimum):
    articles = english[group]
    assert len(articles) >= minimum
    assert set(articles) <= set(vietnamese[group])
    for title, text in articles.items():
        source = vietnamese[group][title]
        assert set(text) == {"title", "intro", "body"}, title
        assert_translated(text["title"], title, title)
        assert_translated(text["intro"], source["intro"], title)
        assert [block for block, _ in text["body"]] == [block for block, _ in source["body"]]
        for (block, value), (_, value_vi) in zip(text["body"], source["body"], strict=True):
            if block == "quote":
                assert set(value) == set(value_vi), title
                for field in value:
                    assert_translated(value[field], value_vi[field], title)
            else:
                assert_translated(value, value_vi, title)
            if block == "paragraph":
                assert_html(value, title)


def test_home_and_index_pages(english):
    assert set(english["home"]) == {"hero_title", "hero_text"}
    assert all(english["home"].values())
    assert set(english["index_pages"]) == INDEX_SLUGS
    for slug, text in english["index_pages"].items():
        assert set(text) == {"title", "intro"} and text["title"], slug
        assert_html(text["intro"], slug)


def test_no_vietnamese_left_in_the_english_texts(english):
    left = [text for text in strings(english) if VIETNAMESE_WORDS.search(text)]
    assert not left, left[:5]
    assert not [text for text in strings(english) if "HTX" in text]
