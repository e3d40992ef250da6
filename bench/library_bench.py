"""The documents library: text extraction speed and search latency on both backends.

    .venv/bin/python bench/library_bench.py [--documents 1000] [--no-es] \\
        [--out bench/library_results.json]

Extraction: generated PDFs (text in Helvetica, `tests/pdf.py`), DOCX files (python-docx) and
the city plan as text go through `documents.extraction.extract_bytes`, the code the background
task runs; the figure is PDF pages per second (DOCX and text have no pages: characters per
second).

Search: a fresh SQLite database gets N document pages whose files' text is made of the city
plan's paragraphs in a different order (about ten pages each, so the words of real Vietnamese
administrative prose), indexed into the fallback table and, unless --no-es, into the local
OpenSearch node (`searchnode/`). A fixed mix of searches (numbers, title words, phrases from
inside the files typed without diacritics, a typo, filters alone and with words) is requested
from the library page through Django's test client, after a warm-up pass, on each backend;
p50 and p95 are of the whole page view. The load average is recorded: the machine is shared.
"""

import argparse
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PLAN = (ROOT / "demo" / "data" / "seed-plan.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p.strip() for p in PLAN.split("\n") if len(p.strip()) > 80]


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--pdfs", type=int, default=60, help="PDF files of 20 pages each")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-es", action="store_true")
    parser.add_argument("--out", default="bench/library_results.json")
    return parser.parse_args()


# --- extraction ------------------------------------------------------------------------------


def ascii_lines(rng, count):
    from portal.text import fold

    words = fold(PLAN).split()
    return [" ".join(rng.choice(words) for _ in range(14)) for _ in range(count)]


def bench_extraction(pdfs, rng):
    import docx

    from documents.extraction import extract_bytes
    from tests.pdf import make_pdf

    files = [make_pdf([ascii_lines(rng, 45) for _ in range(20)]) for _ in range(pdfs)]
    began = time.perf_counter()
    pages = sum(extract_bytes(f"f{i}.pdf", data).pages for i, data in enumerate(files))
    pdf_seconds = time.perf_counter() - began

    word_files = []
    for _ in range(20):
        document = docx.Document()
        for paragraph in rng.sample(PARAGRAPHS, min(60, len(PARAGRAPHS))):
            document.add_paragraph(paragraph)
        buffer = io.BytesIO()
        document.save(buffer)
        word_files.append(buffer.getvalue())
    began = time.perf_counter()
    docx_chars = sum(len(extract_bytes(f"d{i}.docx", d).text) for i, d in enumerate(word_files))
    docx_seconds = time.perf_counter() - began

    plan = PLAN.encode("utf-8")
    began = time.perf_counter()
    for _ in range(50):
        extract_bytes("plan.txt", plan)
    txt_seconds = time.perf_counter() - began
    return {
        "pdf_files": pdfs,
        "pdf_pages": pages,
        "pdf_pages_per_second": round(pages / pdf_seconds, 1),
        "docx_files": len(word_files),
        "docx_chars_per_second": round(docx_chars / docx_seconds),
        "txt_chars_per_second": round(50 * len(PLAN) / txt_seconds),
    }


# --- the library ----------------------------------------------------------------------------

TYPES = ["luat", "nghi-dinh", "thong-tu", "quyet-dinh", "ke-hoach", "huong-dan"]
SUFFIX = {"luat": "QH15", "nghi-dinh": "NĐ-CP", "thong-tu": "TT-BKHĐT", "quyet-dinh": "QĐ-TTg",
          "ke-hoach": "KH-UBND", "huong-dan": "HD-LMHTX"}  # fmt: skip


def build_library(count, rng):
    import datetime

    from wagtail.models import Locale

    from documents.models import Issuer, LegalDocumentIndexPage, LegalDocumentPage, LegalField
    from search.document_data import folded_words
    from search.document_indexing import write_table

    vi = Locale.objects.get(language_code="vi")
    issuer_names = ("Quốc hội", "Chính phủ", "Thủ tướng Chính phủ", "Ủy ban nhân dân Hà Nội")
    issuers = [Issuer.objects.create(name=n, locale=vi) for n in issuer_names]
    field_names = ("Hợp tác xã", "Kinh tế tập thể", "Nông nghiệp")
    fields = [LegalField.objects.create(name=n, locale=vi) for n in field_names]
    index = LegalDocumentIndexPage.objects.get(locale=vi)
    datas = []
    for n in range(count):
        kind = rng.choice(TYPES)
        issued = datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randrange(7000))
        number = f"{n + 1}/{issued.year}/{SUFFIX[kind]}"
        body = "\n".join(rng.sample(PARAGRAPHS, min(45, len(PARAGRAPHS))))
        title = f"{kind.replace('-', ' ').title()} {number}: " + rng.choice(PARAGRAPHS)[:90]
        page = index.add_child(
            instance=LegalDocumentPage(
                title=title[:250], number=number, doc_type=kind, issuer=rng.choice(issuers),
                legal_field=rng.choice(fields), issued_on=issued, effective_from=issued,
                summary=rng.choice(PARAGRAPHS)[:300],
            )
        )  # fmt: skip
        ended = issued + datetime.timedelta(days=3000) if rng.random() < 0.3 else None
        datas.append(
            {
                "id": page.pk, "language": "vi", "title": page.title, "number": number,
                "url": page.url or "", "summary": page.summary, "body": body,
                "folded": folded_words(page.title, number, page.summary, body),
                "folded_title": folded_words(page.title, number), "doc_type": kind,
                "issuer": page.issuer.slug, "legal_field": page.legal_field.slug,
                "year": issued.year, "issued_on": issued, "effective_from": issued,
                "ends_on": ended, "partly_from": None, "status_override": "",
            }
        )  # fmt: skip
    write_table(datas, [])
    return datas


def query_mix(datas, rng):
    from portal.text import fold

    queries = []
    for data in rng.sample(datas, 10):
        queries.append({"q": data["number"]})
    for _ in range(10):
        words = fold(rng.choice(PARAGRAPHS)).split()
        start = rng.randrange(max(1, len(words) - 4))
        queries.append({"q": " ".join(words[start : start + 4])})
    for _ in range(5):
        words = [w for w in fold(rng.choice(PARAGRAPHS)).split() if len(w) >= 6]
        if words:
            word = rng.choice(words)
            queries.append({"q": word[:2] + word[3:]})  # one letter dropped
    queries += [{"type": "nghi-dinh"}, {"year": "2019"}, {"status": "ended"}, {}]
    queries += [
        {"q": "hop tac xa", "type": "ke-hoach"},
        {"q": "xuc tien thuong mai", "status": "in_force"},
    ]
    return queries


def measure(client, queries, repeat):
    from urllib.parse import urlencode

    for query in queries:  # warm-up
        client.get("/van-ban/?" + urlencode(query))
    times = []
    for _ in range(repeat):
        for query in queries:
            began = time.perf_counter()
            response = client.get("/van-ban/?" + urlencode(query))
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200
    times.sort()
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "load_average": os.getloadavg(),
    }


def main():
    args = parse()
    workdir = Path(tempfile.mkdtemp(prefix="htx-library-bench-"))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        MEDIA_ROOT=str(workdir / "media"),
        ALLOWED_HOSTS="testserver,localhost",
        DEBUG="0",
    )
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    rng = random.Random(2026)
    result = {"load_average_at_start": os.getloadavg(), "documents": args.documents}
    print("extraction…", flush=True)
    result["extraction"] = bench_extraction(args.pdfs, rng)
    print(result["extraction"], flush=True)
    call_command("migrate", verbosity=0)
    print(f"building {args.documents} documents…", flush=True)
    datas = build_library(args.documents, rng)
    queries = query_mix(datas, rng)
    client = Client()
    settings.ELASTICSEARCH_URL = ""
    result["database"] = measure(client, queries, args.repeat)
    print("database", result["database"], flush=True)
    if not args.no_es:
        from search import document_engine
        from search.backends import elasticsearch_client
        from searchnode.launcher import SearchNode

        node = SearchNode.start(workdir / "searchnode")
        try:
            settings.ELASTICSEARCH_URL = node.url
            settings.ELASTICSEARCH_INDEX = "bench"
            elasticsearch_client.breaker.reset()
            index = document_engine.create_index()
            document_engine.write(datas, [], index=index, refresh=True)
            document_engine.swap_alias(index)
            result["elasticsearch"] = measure(client, queries, args.repeat)
            print("elasticsearch", result["elasticsearch"], flush=True)
        finally:
            node.stop()
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
