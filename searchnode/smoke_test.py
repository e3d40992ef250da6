#!/usr/bin/env python3
"""Smoke test of searchnode with the official Python `elasticsearch` 8.x client, unchanged.

    python searchnode/smoke_test.py http://127.0.0.1:9200

Exercises what the portal's search uses (custom Vietnamese analyzers, bulk indexing, match /
multi_match, facets with post_filter, highlights, alias swaps, ...) plus the reindex and
mapper-extras modules. Prints one line per check, then "N passed, N failed"; exits 1 on any
failure. Checks marked "differs" document known differences from Elasticsearch 8 and do not fail.
"""

import sys
import time
import traceback
import uuid
import warnings

from elasticsearch import BadRequestError, Elasticsearch, ElasticsearchWarning, helpers

warnings.simplefilter("ignore", ElasticsearchWarning)

PREFIX = f"smoke-{uuid.uuid4().hex[:6]}"
V1, V2, ALIAS = f"{PREFIX}-v1", f"{PREFIX}-v2", f"{PREFIX}-live"

es = None  # the client, set by main()
CHECKS = []  # (name, differs, function), in the order they are declared and run


def check(name, differs=False):
    """Decorator: register a check; main() runs them all in order."""

    def register(fn):
        CHECKS.append((name, differs, fn))
        return fn

    return register


def run_checks():
    results = {"passed": 0, "failed": 0, "differs": 0}
    for name, differs, fn in CHECKS:
        start = time.monotonic()
        try:
            detail = fn()
        except Exception as exc:  # a smoke test reports every failure and goes on
            kind = "differs" if differs else "failed"
            results[kind] += 1
            print(f"{kind.upper():7} {name}: {type(exc).__name__}: {str(exc)[:300]}")
            if not differs:
                traceback.print_exc(limit=2, file=sys.stdout)
            continue
        results["passed"] += 1
        ms = (time.monotonic() - start) * 1000
        print(f"PASS    {name} ({ms:.0f} ms){': ' + str(detail) if detail else ''}")
    return results


def ok(condition, message):
    if not condition:
        raise AssertionError(message)


# -- data --------------------------------------------------------------------------------------

PRODUCTS = [
    "Cà phê",
    "Trà sen",
    "Gạo tám",
    "Mật ong",
    "Nước mắm",
    "Bánh cuốn",
    "Miến dong",
    "Đậu phụ",
]
PLACES = ["Tây Hồ", "Ba Vì", "Sóc Sơn", "Đông Anh", "Gia Lâm", "Mỹ Đức", "Thạch Thất", "Đan Phượng"]
CATEGORIES = ["do-uong", "luong-thuc", "gia-vi", "banh-keo"]


def make_doc(i):
    product, place = PRODUCTS[i % len(PRODUCTS)], PLACES[(i // 8) % len(PLACES)]
    return {
        "title": f"{product} {place} số {i}",
        "summary": f"Sản phẩm của hợp tác xã {place}, {product.lower()} đặc sản",
        "category": CATEGORIES[i % len(CATEGORIES)],
        "area": place,
        "ocop_stars": i % 5 + 1,
        "price_vnd": 10_000 + (i * 1_000) % 500_000,
        "published_at": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
    }


INDEX_BODY = {
    "settings": {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "analysis": {
            "filter": {
                "vi_folding": {"type": "asciifolding", "preserve_original": True},
                "vi_plain_folding": {"type": "asciifolding", "preserve_original": False},
                "vi_synonyms": {
                    "type": "synonym_graph",
                    "synonyms": ["htx, hợp tác xã, hop tac xa"],
                },
            },
            "tokenizer": {
                "vi_edge": {
                    "type": "edge_ngram",
                    "min_gram": 1,
                    "max_gram": 20,
                    "token_chars": ["letter", "digit"],
                }
            },
            "analyzer": {
                "vi_exact": {"tokenizer": "standard", "filter": ["lowercase"]},
                "vi_folded": {"tokenizer": "standard", "filter": ["lowercase", "vi_folding"]},
                "vi_folded_search": {
                    "tokenizer": "standard",
                    "filter": ["lowercase", "vi_synonyms", "vi_plain_folding"],
                },
                "vi_folded_plain": {
                    "tokenizer": "standard",
                    "filter": ["lowercase", "vi_plain_folding"],
                },
                "vi_prefix": {"tokenizer": "vi_edge", "filter": ["lowercase", "vi_plain_folding"]},
            },
        },
    },
    "mappings": {
        "dynamic": "strict",
        "properties": {
            "title": {
                "type": "text",
                "analyzer": "vi_exact",
                "fields": {
                    "folded": {
                        "type": "text",
                        "analyzer": "vi_folded",
                        "search_analyzer": "vi_folded_search",
                    },
                    "prefix": {
                        "type": "text",
                        "analyzer": "vi_prefix",
                        "search_analyzer": "vi_folded_plain",
                    },
                },
            },
            "summary": {
                "type": "text",
                "analyzer": "vi_exact",
                "fields": {
                    "folded": {
                        "type": "text",
                        "analyzer": "vi_folded",
                        "search_analyzer": "vi_folded_search",
                    }
                },
            },
            "category": {"type": "keyword"},
            "area": {"type": "keyword"},
            "ocop_stars": {"type": "integer"},
            "price_vnd": {"type": "long"},
            "published_at": {"type": "date"},
        },
    },
}


DOCS = [make_doc(i) for i in range(1000)]


def expected(**fields):
    return sum(all(d[k] == v for k, v in fields.items()) for d in DOCS)


def tokens(index, analyzer, text):
    return [
        t["token"] for t in es.indices.analyze(index=index, analyzer=analyzer, text=text)["tokens"]
    ]


# -- checks ------------------------------------------------------------------------------------


@check("info() and ping() (X-Elastic-Product header accepted)")
def _():
    info = es.info()
    ok(es.ping(), "ping() returned False")
    return f"{info['version'].get('distribution', 'elasticsearch')} {info['version']['number']}"


@check("cluster.health(timeout=1s)")
def _():
    return es.cluster.health(timeout="1s", wait_for_status="yellow")["status"]


@check("indices.create with asciifolding/edge_ngram/synonym_graph analyzers")
def _():
    es.indices.create(index=V1, **INDEX_BODY)
    ok(es.indices.exists(index=V1), "index missing")


@check("_analyze: asciifolding preserve_original")
def _():
    got = tokens(V1, "vi_folded", "Cà phê Đắk Lắk")
    # Lucene emits the folded token first, the original second, at the same position.
    ok(got == ["ca", "cà", "phe", "phê", "dak", "đắk", "lak", "lắk"], got)
    return got


@check("_analyze: edge_ngram prefixes")
def _():
    got = tokens(V1, "vi_prefix", "Cà phê")
    ok(got == ["c", "ca", "p", "ph", "phe"], got)
    return got


@check("_analyze: search-time synonym_graph")
def _():
    got = tokens(V1, "vi_folded_search", "htx")
    ok({"htx", "hop", "tac", "xa"} <= set(got), got)
    return got


@check("helpers.bulk 1000 docs (x-ndjson vendor media type) + refresh")
def _():
    n, errors = helpers.bulk(
        es, ({"_index": V1, "_id": str(i), "_source": d} for i, d in enumerate(DOCS))
    )
    ok(n == 1000 and not errors, (n, errors))
    es.indices.refresh(index=V1)


@check("count")
def _():
    ok(es.count(index=V1)["count"] == 1000, "count != 1000")


@check("search track_total_hits=True")
def _():
    r = es.search(index=V1, query={"match_all": {}}, size=0, track_total_hits=True)
    ok(r["hits"]["total"] == {"value": 1000, "relation": "eq"}, r["hits"]["total"])


@check("match: folded query 'ca phe' finds 'Cà phê'")
def _():
    r = es.search(
        index=V1, query={"match": {"title.folded": {"query": "ca phe", "operator": "and"}}}
    )
    ok(r["hits"]["total"]["value"] == 125, r["hits"]["total"])
    ok(r["hits"]["hits"][0]["_source"]["title"].startswith("Cà phê"), r["hits"]["hits"][0])


@check("match: synonym 'htx' finds 'hợp tác xã'")
def _():
    r = es.search(index=V1, query={"match": {"summary.folded": "htx"}}, size=1)
    ok(r["hits"]["total"]["value"] == 1000, r["hits"]["total"])


@check("multi_match best_fields over title/summary subfields")
def _():
    r = es.search(
        index=V1,
        query={
            "multi_match": {
                "query": "tra sen tay ho",
                "fields": ["title.folded^3", "summary.folded"],
                "operator": "and",
            }
        },
    )
    top = r["hits"]["hits"][0]["_source"]
    ok(top["title"].startswith("Trà sen") and top["area"] == "Tây Hồ", top)
    return f"{r['hits']['total']['value']} hits"


@check("autocomplete: match on edge_ngram subfield")
def _():
    r = es.search(
        index=V1, query={"match": {"title.prefix": {"query": "mat on", "operator": "and"}}}, size=3
    )
    ok(
        r["hits"]["total"]["value"] > 0
        and r["hits"]["hits"][0]["_source"]["title"].startswith("Mật ong"),
        r["hits"],
    )


@check("terms aggregation + filter aggregation + post_filter")
def _():
    r = es.search(
        index=V1,
        query={"match": {"title.folded": "gao"}},
        post_filter={"term": {"area": "Ba Vì"}},
        aggs={
            "cats": {"terms": {"field": "category", "size": 10}},
            "areas": {
                "filter": {"match_all": {}},
                "aggs": {"values": {"terms": {"field": "area", "size": 20}}},
            },
        },
        size=50,
    )
    total, areas = r["hits"]["total"]["value"], r["aggregations"]["areas"]["values"]["buckets"]
    ok(all(h["_source"]["area"] == "Ba Vì" for h in r["hits"]["hits"]), "post_filter not applied")
    ok(total == sum(d["area"] == "Ba Vì" and d["title"].startswith("Gạo") for d in DOCS), total)
    ok(sum(b["doc_count"] for b in areas) == 125, "aggs should ignore post_filter")
    cats = [(b["key"], b["doc_count"]) for b in r["aggregations"]["cats"]["buckets"]]
    return f"post-filtered hits={total}, cats={cats}"


@check("range aggregation keyed")
def _():
    r = es.search(
        index=V1,
        size=0,
        aggs={
            "price": {
                "range": {
                    "field": "price_vnd",
                    "keyed": True,
                    "ranges": [
                        {"key": "cheap", "to": 100_000},
                        {"key": "mid", "from": 100_000, "to": 300_000},
                        {"key": "high", "from": 300_000},
                    ],
                }
            }
        },
    )
    b = r["aggregations"]["price"]["buckets"]
    ok(sum(v["doc_count"] for v in b.values()) == 1000, b)


@check("unified highlight (number_of_fragments=0)")
def _():
    r = es.search(
        index=V1,
        query={"match": {"title.folded": "nuoc mam"}},
        highlight={
            "type": "unified",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {"title.folded": {"number_of_fragments": 0}},
        },
        size=1,
    )
    hl = r["hits"]["hits"][0]["highlight"]["title.folded"][0]
    ok("<mark>Nước</mark> <mark>mắm</mark>" in hl, hl)
    return hl


@check("function_score with field_value_factor")
def _():
    r = es.search(
        index=V1,
        size=5,
        query={
            "function_score": {
                "query": {"match": {"title.folded": "banh cuon"}},
                "field_value_factor": {
                    "field": "ocop_stars",
                    "modifier": "log1p",
                    "factor": 2,
                    "missing": 1,
                },
                "boost_mode": "multiply",
            }
        },
    )
    stars = [h["_source"]["ocop_stars"] for h in r["hits"]["hits"]]
    ok(stars == sorted(stars, reverse=True) and stars[0] == 5, stars)
    return f"top ocop_stars={stars}"


@check("sort + search_after + _source filtering")
def _():
    body = {
        "index": V1,
        "query": {"match_all": {}},
        "sort": [{"price_vnd": "desc"}, {"_id": "asc"}],
        "size": 10,
        "source": ["title"],
    }
    first = es.search(**body)["hits"]["hits"]
    second = es.search(**body, search_after=first[-1]["sort"])["hits"]["hits"]
    ok(
        set(first[0]["_source"]) == {"title"} and first[-1]["_id"] != second[0]["_id"],
        "paging broken",
    )


@check("painless: script_fields and script_score")
def _():
    r = es.search(
        index=V1,
        size=1,
        query={
            "script_score": {
                "query": {"match_all": {}},
                "script": {"source": "doc['ocop_stars'].value * params.f", "params": {"f": 2}},
            }
        },
        script_fields={"double_price": {"script": "doc['price_vnd'].value * 2"}},
    )
    h = r["hits"]["hits"][0]
    ok(h["_score"] == 10.0 and h["fields"]["double_price"][0] > 0, h)


@check("get / exists / update / mget / msearch")
def _():
    ok(es.get(index=V1, id="7")["_source"]["title"].startswith("Đậu phụ"), "get")
    ok(es.exists(index=V1, id="7"), "exists")
    es.update(index=V1, id="7", doc={"ocop_stars": 5}, refresh=True)
    ok(es.get(index=V1, id="7")["_source"]["ocop_stars"] == 5, "update")
    ok(len(es.mget(index=V1, ids=["1", "2", "nope"])["docs"]) == 3, "mget")
    r = es.msearch(
        searches=[
            {"index": V1},
            {"query": {"match_all": {}}, "size": 0},
            {"index": V1},
            {"query": {"term": {"area": "Ba Vì"}}, "size": 0},
        ]
    )
    ok([x["hits"]["total"]["value"] for x in r["responses"]] == [1000, expected(area="Ba Vì")], r)


@check("helpers.scan (scroll + clear_scroll)")
def _():
    n = sum(1 for _ in helpers.scan(es, index=V1, query={"query": {"match_all": {}}}, size=300))
    ok(n == 1000, n)


@check("indices.put_settings refresh_interval -1 / 1s")
def _():
    es.indices.put_settings(index=V1, settings={"index": {"refresh_interval": "-1"}})
    es.indices.put_settings(index=V1, settings={"index": {"refresh_interval": "1s"}})


@check("indices.update_aliases atomic swap + exists_alias/get_alias")
def _():
    es.indices.create(index=V2, **INDEX_BODY)
    es.indices.update_aliases(actions=[{"add": {"index": V1, "alias": ALIAS}}])
    ok(es.indices.exists_alias(name=ALIAS), "alias missing")
    es.indices.update_aliases(
        actions=[{"remove": {"index": V1, "alias": ALIAS}}, {"add": {"index": V2, "alias": ALIAS}}]
    )
    ok(list(es.indices.get_alias(name=ALIAS)) == [V2], es.indices.get_alias(name=ALIAS))


@check("indices.get(index='prefix-*')")
def _():
    names = sorted(es.indices.get(index=f"{PREFIX}-*", ignore_unavailable=True))
    ok(names == [V1, V2], names)


@check("reindex (V1 -> V2, painless script)")
def _():
    r = es.reindex(
        source={"index": V1, "query": {"term": {"category": "gia-vi"}}},
        dest={"index": V2},
        script={"source": "ctx._source.ocop_stars = 1"},
        refresh=True,
    )
    ok(r["created"] == expected(category="gia-vi"), r)
    ok(es.count(index=ALIAS, query={"term": {"ocop_stars": 1}})["count"] == 250, "via alias")


@check("update_by_query with painless")
def _():
    r = es.update_by_query(
        index=V1,
        query={"term": {"area": "Gia Lâm"}},
        script={"source": "ctx._source.price_vnd += params.d", "params": {"d": 1}},
        refresh=True,
    )
    ok(r["updated"] == expected(area="Gia Lâm"), r)


@check("delete one document")
def _():
    es.delete(index=V1, id="0", refresh=True)
    ok(es.count(index=V1)["count"] == 999, "count after delete")


@check("delete_by_query")
def _():
    r = es.delete_by_query(index=V1, query={"term": {"category": "banh-keo"}}, refresh=True)
    ok(r["deleted"] == expected(category="banh-keo"), r)  # doc 0 (deleted above) is "do-uong"
    ok(
        es.count(index=V1)["count"] == 999 - expected(category="banh-keo"),
        "count after delete_by_query",
    )


@check("mapper-extras: scaled_float, rank_feature, search_as_you_type")
def _():
    idx = f"{PREFIX}-extras"
    es.indices.create(
        index=idx,
        mappings={
            "properties": {
                "price": {"type": "scaled_float", "scaling_factor": 100},
                "popularity": {"type": "rank_feature"},
                "name": {"type": "search_as_you_type"},
            }
        },
    )
    es.index(
        index=idx,
        id="1",
        document={"price": 12.345, "popularity": 8, "name": "mật ong rừng"},
        refresh=True,
    )
    r = es.search(
        index=idx,
        query={
            "bool": {
                "must": {
                    "multi_match": {
                        "query": "mật o",
                        "type": "bool_prefix",
                        "fields": ["name", "name._2gram", "name._3gram"],
                    }
                },
                "should": {"rank_feature": {"field": "popularity"}},
            }
        },
    )
    ok(r["hits"]["total"]["value"] == 1, r["hits"])
    es.indices.delete(index=idx)


@check("elasticsearch-dsl: Document.init / save / Search with aggs")
def _():
    from elasticsearch_dsl import Document, Keyword, Search, Text

    idx = f"{PREFIX}-dsl"

    class Item(Document):
        title = Text(analyzer="standard")
        kind = Keyword()

        class Index:
            name = idx
            settings = {"number_of_shards": 1, "number_of_replicas": 0}

    Item.init(using=es)
    for i in range(5):
        Item(title=f"nước mắm {i}", kind="a" if i % 2 else "b").save(using=es)
    es.indices.refresh(index=idx)
    s = Search(using=es, index=idx).query("match", title="mắm")
    s.aggs.bucket("kinds", "terms", field="kind")
    r = s.execute()
    ok(r.hits.total.value == 5 and len(r.aggregations.kinds.buckets) == 2, r.to_dict())
    es.indices.delete(index=idx)


@check("action.destructive_requires_name: wildcard delete refused (as in ES 8)")
def _():
    try:
        es.indices.delete(index=f"{PREFIX}-*")
    except BadRequestError as exc:
        ok("Wildcard expressions" in str(exc), exc)
        return f"refused: {exc.message}"
    raise AssertionError("wildcard delete was allowed")


@check("open_point_in_time (ES 8: POST /{index}/_pit)", differs=True)
def _():
    pit = es.open_point_in_time(index=V1, keep_alive="1m")
    es.close_point_in_time(id=pit["id"])


@check("point in time via OpenSearch's own path (POST /{index}/_search/point_in_time)")
def _():
    r = es.perform_request(
        "POST",
        f"/{V1}/_search/point_in_time",
        params={"keep_alive": "1m"},
        headers={"accept": "application/json"},
    )
    pit = r["pit_id"]
    s = es.search(
        pit={"id": pit, "keep_alive": "1m"},
        size=1,
        sort=[{"price_vnd": "asc"}],
        query={"match_all": {}},
    )
    ok(s["hits"]["total"]["value"] == 749, s["hits"]["total"])
    es.perform_request(
        "DELETE",
        "/_search/point_in_time",
        body={"pit_id": [pit]},
        headers={"accept": "application/json", "content-type": "application/json"},
    )
    return "search(pit=...) with the OpenSearch pit_id works"


@check("search(pit=..., sort=_shard_doc) (ES 8's PIT tiebreaker)", differs=True)
def _():
    r = es.perform_request(
        "POST",
        f"/{V1}/_search/point_in_time",
        params={"keep_alive": "1m"},
        headers={"accept": "application/json"},
    )
    try:
        es.search(pit={"id": r["pit_id"], "keep_alive": "1m"}, size=1, sort=[{"_shard_doc": "asc"}])
    finally:
        es.perform_request(
            "DELETE",
            "/_search/point_in_time",
            body={"pit_id": [r["pit_id"]]},
            headers={"accept": "application/json", "content-type": "application/json"},
        )


@check("cleanup: delete test indices by name")
def _():
    for name in (V1, V2):
        es.indices.delete(index=name, ignore_unavailable=True)
    ok(not es.indices.get(index=f"{PREFIX}-*", ignore_unavailable=True), "left over")


def main():
    global es
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:9200"
    es = Elasticsearch(url, request_timeout=30, max_retries=0)
    results = run_checks()
    differs = results["differs"]
    print(
        f"{results['passed']} passed, {results['failed']} failed"
        + (f" ({differs} known differences from Elasticsearch 8)" if differs else "")
    )
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
