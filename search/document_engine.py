"""The documents library in Elasticsearch: its mapping (the products' Vietnamese analyzers),
indexing, and the query with filters, facets and a highlighted passage.

The alias is `<ELASTICSEARCH_INDEX>-library`; concrete indices `<alias>-<timestamp>`, swapped
in one request on rebuild, as for products."""

import datetime

from django.utils import timezone
from elasticsearch.helpers import bulk
from elasticsearch_dsl import Date, Document, Integer, Keyword, MetaField, Text, normalizer

from documents.choices import Status

from .backends import elasticsearch_client
from .document_query import PAGE_SIZE, DocumentHit, DocumentResults
from .document_status import status_es
from .documents import search_analyzers, text_field, vi_exact, vi_folded
from .models import Synonym

BULK_TIMEOUT = 60
FACETS = {"doc_type": "doc_type", "issuer": "issuer", "legal_field": "legal_field", "year": "year"}
HIGHLIGHT = {
    "encoder": "html",
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "type": "unified",
}


lowercase = normalizer("vi_lowercase", filter=["lowercase"])


def alias_name():
    return f"{elasticsearch_client.alias_name()}-library"


def document_class(index_name):
    exact, folded = search_analyzers(Synonym.rules())

    class LibraryDocument(Document):
        title = text_field(exact, folded, autocomplete=True)
        summary = text_field(exact, folded)
        # Term vectors with offsets: the fast vector highlighter cuts the passage from a long
        # file without re-analysing it (the unified highlighter took ~0.5 s for 20 long files).
        body = Text(
            analyzer=vi_exact,
            search_analyzer=exact,
            fields={
                "folded": Text(
                    analyzer=vi_folded, search_analyzer=folded, term_vector="with_positions_offsets"
                )
            },
        )
        number = Keyword(normalizer=lowercase)
        number_text = text_field(exact, folded)
        url = Keyword(index=False)
        language = Keyword()
        doc_type = Keyword()
        issuer = Keyword()
        legal_field = Keyword()
        year = Integer()
        issued_on = Date()
        effective_from = Date()
        ends_on = Date()
        partly_from = Date()
        status_override = Keyword()

        class Index:
            name = index_name
            settings = {"number_of_shards": 1, "number_of_replicas": 0}

        class Meta:
            dynamic = MetaField("strict")

    LibraryDocument._index._name = index_name
    return LibraryDocument


def es_source(data):
    keep = ("title", "summary", "body", "number", "url", "language", "doc_type", "issuer", "year")
    source = {key: data[key] for key in keep}
    source.update(
        number_text=data["number"],
        legal_field=data["legal_field"] or None,
        status_override=data["status_override"] or None,
    )
    for key in ("issued_on", "effective_from", "ends_on", "partly_from"):
        source[key] = data[key].isoformat() if data[key] else None
    return source


def create_index():
    name = f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"
    document_class(name).init(using=elasticsearch_client.client(BULK_TIMEOUT))
    return name


def ensure_alias():
    es = elasticsearch_client.client()
    if not es.indices.exists_alias(name=alias_name()):
        es.indices.update_aliases(
            actions=[{"add": {"index": create_index(), "alias": alias_name()}}]
        )


def write(datas, gone_ids, index=None, refresh=False):
    es = elasticsearch_client.client(BULK_TIMEOUT)
    target = index or alias_name()
    actions = [{"_index": target, "_id": d["id"], "_source": es_source(d)} for d in datas]
    actions += [{"_op_type": "delete", "_index": target, "_id": pk} for pk in gone_ids]
    bulk(es, actions, raise_on_error=False, refresh=refresh)


def swap_alias(new_index):
    es = elasticsearch_client.client(BULK_TIMEOUT)
    alias = alias_name()
    old = list(es.indices.get_alias(name=alias)) if es.indices.exists_alias(name=alias) else []
    actions = [{"remove": {"index": name, "alias": alias}} for name in old]
    es.indices.update_aliases(actions=[*actions, {"add": {"index": new_index, "alias": alias}}])
    for name in old:
        es.indices.delete(index=name, ignore_unavailable=True)


# --- the query --------------------------------------------------------------------------


def _text_clause(q):
    fields = ["title.folded^4", "number_text.folded^6", "summary.folded^2", "body.folded"]
    return {
        "bool": {
            "should": [
                {"term": {"number": {"value": q.lower(), "boost": 20}}},
                {"multi_match": {"query": q, "fields": fields, "minimum_should_match": "2<75%"}},
                {
                    "multi_match": {
                        "query": q,
                        "fields": fields,
                        "fuzziness": "AUTO:4,7",
                        "analyzer": "vi_folded_plain",
                        "minimum_should_match": "2<75%",
                    }
                },
                {"match_phrase": {"body.folded": {"query": q, "boost": 3, "slop": 1}}},
                {"match_phrase": {"title.folded": {"query": q, "boost": 5}}},
            ],
            "minimum_should_match": 1,
        }
    }


def _filter_clauses(query, today):
    clauses = [{"term": {"language": query.language}}]
    for name in ("doc_type", "issuer", "legal_field", "year"):
        if value := getattr(query, name):
            clauses.append({"term": {name: value}})
    if query.status:
        clauses.append(status_es(query.status, today))
    return clauses


def search_body(query, today):
    must = [_text_clause(query.q)] if query.q else []
    aggs = {name: {"terms": {"field": field, "size": 50}} for name, field in FACETS.items()}
    aggs["status"] = {"filters": {"filters": {s: status_es(s, today) for s in Status.values}}}
    body = {
        "query": {"bool": {"must": must, "filter": _filter_clauses(query, today)}},
        "aggs": aggs,
        "from": (query.page - 1) * PAGE_SIZE,
        "size": PAGE_SIZE,
        "_source": [
            "title",
            "number",
            "url",
            "summary",
            "doc_type",
            "issued_on",
            "effective_from",
            "ends_on",
            "partly_from",
            "status_override",
        ],
        "track_total_hits": True,
    }
    if query.q:
        body["highlight"] = {
            **HIGHLIGHT,
            "fields": {
                "body.folded": {"type": "fvh", "fragment_size": 200, "number_of_fragments": 1},
                "summary.folded": {"number_of_fragments": 0},
            },
        }
    else:
        body["sort"] = [{"issued_on": "desc"}]
    return body


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _hit(hit, today):
    from documents.status import StatusDates

    source = hit["_source"]
    dates = StatusDates(
        _date(source.get("effective_from")),
        _date(source.get("ends_on")),
        _date(source.get("partly_from")),
        source.get("status_override") or "",
    )
    marks = hit.get("highlight", {})
    passage = (marks.get("body.folded") or marks.get("summary.folded") or [""])[0]
    return DocumentHit(
        id=int(hit["_id"]),
        title=source["title"],
        number=source["number"],
        url=source["url"],
        summary=source["summary"],
        doc_type=source["doc_type"],
        issued_on=_date(source["issued_on"]),
        status=dates.status_on(today),
        passage=passage,
    )


def search(query):
    today = timezone.localdate()
    response = elasticsearch_client.client().search(
        index=alias_name(), body=search_body(query, today)
    )
    aggs = response["aggregations"]
    facets = {
        name: {str(b["key"]): b["doc_count"] for b in aggs[name]["buckets"]} for name in FACETS
    }
    facets["status"] = {k: v["doc_count"] for k, v in aggs["status"]["buckets"].items()}
    return DocumentResults(
        hits=[_hit(hit, today) for hit in response["hits"]["hits"]],
        total=response["hits"]["total"]["value"],
        facets=facets,
        backend="elasticsearch",
    )
