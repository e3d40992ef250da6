"""The documents library: status from dates and relations, relations both ways, the replaced
banner, extraction off the request path, and bad input refused with a message."""

import datetime
import io
from http import HTTPStatus

import docx
import pytest
import time_machine
from django.core.exceptions import ValidationError

from documents.extraction import ExtractionError, extract_bytes
from documents.models import DocumentRelation, ExtractedText
from tests.event_factories import legal_field, make_document, official_file
from tests.http import html_of, text_of
from tests.pdf import make_pdf

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def laws():
    old = make_document(
        "Luật Hợp tác xã 2012", "23/2012/QH13", D(2012, 11, 20), effective_from=D(2013, 7, 1)
    )
    new = make_document(
        "Luật Hợp tác xã 2023",
        "17/2023/QH15",
        D(2023, 6, 20),
        effective_from=D(2024, 7, 1),
        relations=[DocumentRelation(kind="replaces", target=old)],
    )
    return old, new


def test_status_comes_from_the_dates_and_the_replacing_document(laws):
    old, new = laws
    assert old.status(D(2024, 6, 30)) == "in_force"
    assert old.status(D(2024, 7, 1)) == "ended"
    assert new.status(D(2024, 1, 1)) == "not_yet"
    assert new.status(D(2024, 7, 1)) == "in_force"


def test_partial_amendment_is_not_all_or_nothing():
    decree = make_document("Nghị định 193", "193/2013/NĐ-CP", D(2013, 11, 21), doc_type="nghi-dinh")
    make_document(
        "Nghị định 107",
        "107/2017/NĐ-CP",
        D(2017, 9, 15),
        doc_type="nghi-dinh",
        relations=[DocumentRelation(kind="amends", target=decree, note="Điều 23, 24")],
    )
    assert decree.status(D(2018, 1, 1)) == "partly"


def test_an_editors_override_wins_and_shows_when_it_was_checked(client, laws):
    old, _new = laws
    old.status_override = "in_force"
    old.checked_on = D(2026, 1, 5)
    old.save_revision().publish()
    old.refresh_from_db()
    assert old.status() == "in_force"
    assert "kiểm tra ngày 05/01/2026" in text_of(html_of(client, old.url))


def test_a_replaced_document_says_so_at_its_top_and_relations_read_both_ways(client, laws):
    old, new = laws
    with time_machine.travel(D(2026, 3, 1), tick=False):
        html = html_of(client, old.url)
    text = text_of(html)
    assert "Văn bản này đã hết hiệu lực từ 01/07/2024" in text
    assert "được thay thế bởi" in text and "Luật Hợp tác xã 2023 (17/2023/QH15)" in text
    assert html.index("đã hết hiệu lực từ") < html.index("<h1")
    assert "Bị thay thế bởi" in text
    assert "Thay thế" in text_of(html_of(client, new.url))


def test_dates_in_the_wrong_order_are_refused():
    page = make_document("Kế hoạch", "01/KH-UBND", D(2024, 5, 10))
    page.effective_from = D(2024, 5, 1)
    page.effective_until = D(2024, 4, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "không thể trước ngày ban hành" in error.value.message_dict["effective_from"][0]
    assert "phải sau ngày có hiệu lực" in error.value.message_dict["effective_until"][0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("luat.pdf", b"<html>not a pdf</html>", "không phải tệp PDF"),
        ("luat.docx", b"plain text, not a zip", "không phải tệp Word"),
        ("luat.txt", "Luật".encode("utf-16"), "không phải văn bản UTF-8"),
        ("luat.xlsx", b"PK", "phải là PDF, DOCX hoặc TXT"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused(name, content, message):
    page = make_document("Luật", "01/2024/QH15", D(2024, 1, 1))
    page.official_file = official_file(name, content)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert message in error.value.message_dict["official_file"][0]


def docx_bytes(paragraphs):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_extraction_reads_pdf_docx_and_text():
    pdf = extract_bytes("a.pdf", make_pdf([["Quy dinh ve von gop"], ["Trang hai"]]))
    assert pdf.pages == 2 and "von gop" in pdf.text
    word = extract_bytes("a.docx", docx_bytes(["Tài sản không chia của hợp tác xã"]))
    assert "Tài sản không chia" in word.text
    assert "Điều 1" in extract_bytes("a.txt", "Điều 1. Phạm vi".encode()).text
    with pytest.raises(ExtractionError):
        extract_bytes("a.pdf", b"%PDF-1.4 broken")


def test_publishing_queues_extraction_after_commit(django_capture_on_commit_callbacks):
    file = official_file("ke-hoach.docx", docx_bytes(["Quỹ hỗ trợ phát triển hợp tác xã"]))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_document(
            "Kế hoạch", "02/KH-UBND", D(2024, 1, 1), official_file=file, legal_field=legal_field()
        )
    # Nothing read during the request: the extraction waits for the commit.
    assert not ExtractedText.objects.exists() and callbacks
    for callback in callbacks:
        callback()
    row = ExtractedText.objects.get(document=file)
    assert row.state == "done" and "Quỹ hỗ trợ" in row.text


def test_a_broken_file_is_recorded_not_raised(django_capture_on_commit_callbacks):
    file = official_file("hong.pdf", b"%PDF-1.4 not really")
    page = make_document("Văn bản hỏng", "03/KH-UBND", D(2024, 1, 1))
    page.official_file = file
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    row = ExtractedText.objects.get(document=file)
    assert row.state == "failed" and row.error


def test_the_sections_exist_in_both_languages(client):
    assert client.get("/van-ban/").status_code == HTTPStatus.OK
    assert client.get("/en/documents/").status_code == HTTPStatus.OK


def test_the_library_lists_in_a_constant_number_of_queries(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.ELASTICSEARCH_URL = ""

    def count(url):
        client.get(url)  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == HTTPStatus.OK
        return len(queries)

    make_document("Luật 1", "01/2020/QH14", D(2020, 1, 1))
    before = count("/van-ban/"), count("/van-ban/?q=luat")
    for n in range(6):
        make_document(
            f"Luật thêm {n}", f"0{n}/2021/QH14", D(2021, 1, 1 + n), legal_field=legal_field()
        )
    assert (count("/van-ban/"), count("/van-ban/?q=luat")) == before


def test_the_admin_refuses_dates_in_the_wrong_order_and_writes_nothing(client):
    from django.contrib.auth import get_user_model

    from documents.models import LegalDocumentPage
    from tests.event_factories import issuer, library_index

    admin = get_user_model().objects.create_superuser("quan-tri", "qt@example.vn", "x")
    client.force_login(admin)
    url = f"/admin/pages/add/documents/legaldocumentpage/{library_index().pk}/"
    assert client.get(url).status_code == HTTPStatus.OK
    data = {
        "title": "Luật sai ngày",
        "slug": "luat-sai-ngay",
        "number": "99/2024/QH15",
        "doc_type": "luat",
        "issuer": issuer().pk,
        "issued_on": "2024-06-01",
        "effective_from": "2024-01-01",
        "summary": "Thử",
        "relations-TOTAL_FORMS": "0",
        "relations-INITIAL_FORMS": "0",
        "relations-MIN_NUM_FORMS": "0",
        "relations-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.OK
    assert "Ngày có hiệu lực không thể trước ngày ban hành." in response.content.decode()
    assert not LegalDocumentPage.objects.filter(slug="luat-sai-ngay").exists()
