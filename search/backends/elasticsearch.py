"""The Elasticsearch backend: query bodies built with elasticsearch-dsl, responses into results.

Query bodies are plain data (`search_body()`), so tests can read what is sent.
"""

from elasticsearch_dsl import Q, Search

from ..facets import FACETS, FILTERS, SORTS, build_facets
from ..results import SearchResults, hit_from_data
from .elasticsearch_client import alias_name, client

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
                    # Vietnamese syllables are short: one edit turns "tra sen" into "tre san",
                    # so words under four letters must match as typed (or folded).
                    "fuzziness": "AUTO:4,7",
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
    """One list of clauses per filter, so each facet's aggregation can leave its own out."""
    return {f.name: f.es_clauses(query) for f in FILTERS}


def _all_but(clauses, name):
    return [c for facet, cs in clauses.items() if facet != name for c in cs]


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
    for facet in FACETS:
        others = Q("bool", filter=_all_but(clauses, facet.name))
        s.aggs.bucket(facet.name, "filter", others).bucket("values", facet.es_aggregation())
    s = s.sort(*SORTS[query.sort].es())
    s = s.source(SOURCE).extra(from_=query.offset, size=query.page_size, track_total_hits=True)
    s = s.highlight_options(**HIGHLIGHT).highlight("title.folded", number_of_fragments=0)
    s = s.highlight("summary.folded", number_of_fragments=0)
    return s.to_dict()


def _raw_facets(aggs):
    return {f.name: f.es_counts(aggs[f.name]["values"]) for f in FACETS}


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
    response = client().search(index=alias_name(), body=search_body(query))
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
    response = client().search(index=alias_name(), body=autocomplete_body(q, language, size))
    return [
        {"id": int(h["_id"]), "title": h["_source"]["title"], "url": h["_source"]["url"],
         "category": h["_source"].get("category_label", "")}
        for h in response["hits"]["hits"]
    ]  # fmt: skip
