"""Searching the library, the same on the database fallback and on Elasticsearch: by number, by
title, by a phrase inside the file typed without diacritics or with a typo, with filters and
facets, and a highlighted passage."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.http import QueryDict

from documents.models import DocumentRelation
from search.document_indexing import rebuild
from search.document_query import parse_document_query
from search.document_search import search_documents
from tests.event_factories import issuer, legal_field, make_document, official_file
from tests.http import html_of

pytestmark = pytest.mark.django_db
D = datetime.date

FUND_TEXT = (
    "Điều 5. Quỹ hỗ trợ phát triển hợp tác xã cho vay với lãi suất ưu đãi để hợp tác xã đầu tư "
    "máy móc, nhà xưởng và mở rộng thị trường tiêu thụ nông sản."
)
LAW_TEXT = (
    "Điều 86. Tài sản không chia của hợp tác xã gồm phần vốn do Nhà nước hỗ trợ và quyền sử dụng "
    "đất được giao; không được chia cho thành viên khi hợp tác xã giải thể."
)


@pytest.fixture
def library(django_capture_on_commit_callbacks):
    field = legal_field("Hợp tác xã")
    government = issuer("Chính phủ")
    with django_capture_on_commit_callbacks(execute=True):
        old = make_document(
            "Luật Hợp tác xã 2012",
            "23/2012/QH13",
            D(2012, 11, 20),
            effective_from=D(2013, 7, 1),
            legal_field=field,
        )
        law = make_document(
            "Luật Hợp tác xã 2023",
            "17/2023/QH15",
            D(2023, 6, 20),
            effective_from=D(2024, 7, 1),
            legal_field=field,
            official_file=official_file("luat-htx.txt", LAW_TEXT),
            relations=[DocumentRelation(kind="replaces", target=old)],
        )
        decree = make_document(
            "Nghị định về Quỹ hỗ trợ phát triển hợp tác xã",
            "45/2021/NĐ-CP",
            D(2021, 3, 31),
            doc_type="nghi-dinh",
            issuer=government,
            official_file=official_file("quy-ho-tro.txt", FUND_TEXT),
        )
    return {"old": old, "law": law, "decree": decree}


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, library, settings):
    if request.param == "elasticsearch":
        es = request.getfixturevalue("elasticsearch")
        rebuild()
        es.indices.refresh(index="_all")
    else:
        settings.ELASTICSEARCH_URL = ""
    with time_machine.travel(D(2026, 3, 1), tick=False):
        yield request.param


def find(engine, **params):
    query = QueryDict(mutable=True)
    for key, value in params.items():
        query[key] = str(value)
    results = search_documents(parse_document_query(query))
    assert results.backend == engine
    return results


def titles(results):
    return [hit.title for hit in results.hits]


def test_by_number(engine):
    assert titles(find(engine, q="17/2023/QH15"))[0] == "Luật Hợp tác xã 2023"
    assert titles(find(engine, q="45/2021/nđ-cp"))[0].startswith("Nghị định về Quỹ")


def test_by_title_without_diacritics(engine):
    assert titles(find(engine, q="quy ho tro phat trien"))[0].startswith("Nghị định về Quỹ")


def test_a_phrase_inside_the_file_without_diacritics_with_a_marked_passage(engine):
    results = find(engine, q="tai san khong chia")
    assert titles(results)[0] == "Luật Hợp tác xã 2023"
    passage = results.hits[0].passage
    assert "<mark>" in passage and "Tài" in passage and "chia" in passage


def test_a_typo_is_tolerated(engine):
    assert titles(find(engine, q="lai suat uu daii"))[0].startswith("Nghị định về Quỹ")


def test_filters_and_facets(engine):
    results = find(engine, type="nghi-dinh")
    assert titles(results) == ["Nghị định về Quỹ hỗ trợ phát triển hợp tác xã"]
    everything = find(engine)
    assert everything.facets["doc_type"] == {"luat": 2, "nghi-dinh": 1}
    assert everything.facets["year"] == {"2012": 1, "2021": 1, "2023": 1}
    assert everything.facets["issuer"] == {"quoc-hoi": 2, "chinh-phu": 1}
    assert titles(find(engine, year=2012)) == ["Luật Hợp tác xã 2012"]
    assert set(titles(find(engine, field="hop-tac-xa", q="luat"))) == {
        "Luật Hợp tác xã 2023",
        "Luật Hợp tác xã 2012",
    }


def test_status_filter_follows_the_replacement(engine):
    assert titles(find(engine, status="ended")) == ["Luật Hợp tác xã 2012"]
    assert set(titles(find(engine, status="in_force"))) == {
        "Luật Hợp tác xã 2023",
        "Nghị định về Quỹ hỗ trợ phát triển hợp tác xã",
    }
    assert find(engine).facets["status"] == {"not_yet": 0, "in_force": 2, "partly": 0, "ended": 1}
    hit = next(h for h in find(engine, q="23/2012/QH13").hits if h.number == "23/2012/QH13")
    assert hit.status == "ended"


def test_the_page_shows_hits_facets_and_bad_input_messages(client, engine):
    html = html_of(client, "/van-ban/?q=tai+san+khong+chia")
    assert "<mark>" in html and "Luật Hợp tác xã 2023" in html
    assert 'name="robots" content="noindex, follow"' in html
    bad = client.get("/van-ban/?type=truyen-co-tich&year=12")
    assert bad.status_code == HTTPStatus.OK
    assert "Không có loại văn bản" in bad.content.decode()
