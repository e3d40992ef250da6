"""The Elasticsearch backend: query bodies built with elasticsearch-dsl, responses into results.

Query bodies are plain data (`search_body()`), so tests can read what is sent.
"""

from elasticsearch_dsl import A, Q, Search

from . import engine
from .facets import build_facets
from .results import PRICE_RANGES, SearchResults, hit_from_data

# The query runs on `all_text`; require_field_match off lets its words light up title and summary.
HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "type": "unified",
    "require_field_match": False,
}
SOURCE = [
    "title", "summary_text", "url", "image", "unit", "category_label", "cooperative_name",
    "cooperative_url", "area_name", "certification_labels", "ocop_stars", "price_vnd",
]  # fmt: skip
SORTS = {
    "relevance": ["_score", "title_sort"],
    "price_asc": [{"price_vnd": {"order": "asc", "missing": "_last"}}, "title_sort"],
    "price_desc": [{"price_vnd": {"order": "desc", "missing": "_last"}}, "title_sort"],
    "newest": [{"published_at": {"order": "desc"}}, "title_sort"],
}


def text_query(q):
    """Words must be found (folded, or with a typo); exact accents and title words rank first."""
    found = Q(
        "bool",
        should=[
            Q("match", all_text__folded={"query": q, "minimum_should_match": "2<75%"}),
            Q(
                "match",
                all_text__folded={
                    "query": q,
                    "analyzer": "vi_folded_plain",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "minimum_should_match": "2<75%",
                },
            ),
        ],
        minimum_should_match=1,
    )
    # The words as typed outrank their synonyms; accents as typed outrank folded matches.
    rank = [
        Q("match", title={"query": q, "analyzer": "vi_exact", "boost": 3}),
        Q("match", title__folded={"query": q, "analyzer": "vi_folded_plain", "boost": 2}),
        Q("match", title__folded={"query": q, "boost": 1}),
        Q("match_phrase", title__folded={"query": q, "slop": 1, "boost": 3}),
        Q("match", category_name__folded={"query": q, "boost": 1}),
        Q("match", all_text={"query": q, "boost": 1}),
    ]
    return Q("bool", must=[found], should=rank)


def filter_clauses(query):
    """One list of clauses per facet, so each facet's aggregation can leave its own out."""
    price = {}
    if query.price_min is not None:
        price["gte"] = query.price_min
    if query.price_max is not None:
        price["lte"] = query.price_max
    return {
        "category": [Q("terms", category_path=list(query.category))] if query.category else [],
        "area": [Q("terms", area=list(query.area))] if query.area else [],
        "certification": (
            [Q("terms", certifications=list(query.certification))] if query.certification else []
        ),
        "ocop_stars": [Q("range", ocop_stars={"gte": query.ocop_min})] if query.ocop_min else [],
        "price": [Q("range", price_vnd=price)] if price else [],
        "cooperative": [Q("term", cooperative=query.cooperative)] if query.cooperative else [],
    }


def _all_but(clauses, name):
    return [c for facet, cs in clauses.items() if facet != name for c in cs]


FACET_AGGS = {
    "category": lambda: A("terms", field="category_path", size=100),
    "area": lambda: A("terms", field="area", size=100),
    "certification": lambda: A("terms", field="certifications", size=50),
    "ocop_stars": lambda: A("terms", field="ocop_stars", size=5),
    "price": lambda: A(
        "range",
        field="price_vnd",
        keyed=True,
        ranges=[
            {"key": key, **({"from": low} if low else {}), **({"to": high} if high else {})}
            for key, low, high in PRICE_RANGES
        ],
    ),
}


def search_body(query):
    """The request body for a query: main query, post_filter, one filter aggregation per facet."""
    s = Search()
    main = Q("term", locale=query.language)
    must = [text_query(query.q)] if query.q else []
    s = s.query(Q("bool", must=must, filter=[main]))
    clauses = filter_clauses(query)
    active = [c for cs in clauses.values() for c in cs]
    if active:
        s = s.post_filter(Q("bool", filter=active))
    for name, make in FACET_AGGS.items():
        s.aggs.bucket(name, "filter", Q("bool", filter=_all_but(clauses, name))).bucket(
            "values", make()
        )
    s = s.sort(*SORTS[query.sort if query.q or query.sort != "relevance" else "relevance"])
    s = s.source(SOURCE).extra(from_=query.offset, size=query.page_size, track_total_hits=True)
    s = s.highlight_options(**HIGHLIGHT).highlight("title.folded", number_of_fragments=0)
    s = s.highlight("summary.folded", number_of_fragments=0)
    return s.to_dict()


def _raw_facets(aggs):
    raw = {}
    for name in ("category", "area", "certification", "ocop_stars"):
        buckets = aggs[name]["values"]["buckets"]
        raw[name] = {b["key"]: b["doc_count"] for b in buckets if b["doc_count"]}
    buckets = aggs["price"]["values"]["buckets"]
    raw["price"] = {key: b["doc_count"] for key, b in buckets.items() if b["doc_count"]}
    return raw


def _highlight(hit):
    marks = hit.get("highlight", {})
    fields = (("title", "title.folded"), ("summary", "summary.folded"))
    return {name: marks[field][0] for name, field in fields if field in marks}


def parse_response(response, query):
    hits = []
    for hit in response["hits"]["hits"]:
        data = {"id": hit["_id"], **hit["_source"]}
        hits.append(hit_from_data(data, _highlight(hit)))
    total = response["hits"]["total"]["value"]
    return SearchResults(
        query=query,
        hits=hits,
        total=total,
        facets=build_facets(_raw_facets(response["aggregations"]), query),
        backend="elasticsearch",
    )


def search(query):
    response = engine.client().search(index=engine.alias_name(), body=search_body(query))
    return parse_response(response, query)


def autocomplete_body(q, language, size):
    return {
        "query": {
            "bool": {
                "must": [{"match": {"title.prefix": {"query": q, "operator": "and"}}}],
                "should": [{"match": {"title.folded": {"query": q, "boost": 2}}}],
                "filter": [{"term": {"locale": language}}],
            }
        },
        "_source": ["title", "url", "category_label"],
        "size": size,
    }


def autocomplete(q, language, size):
    response = engine.client().search(
        index=engine.alias_name(), body=autocomplete_body(q, language, size)
    )
    return [
        {"id": int(h["_id"]), "title": h["_source"]["title"], "url": h["_source"]["url"],
         "category": h["_source"].get("category_label", "")}
        for h in response["hits"]["hits"]
    ]  # fmt: skip
