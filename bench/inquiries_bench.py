"""Inquiries benchmark: posting an inquiry, the cooperative page's figures, the chase command.

    .venv/bin/python bench/inquiries_bench.py                      # fresh SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:55601/htx \\
        .venv/bin/python bench/inquiries_bench.py --fresh-db         # throwaway PostgreSQL

It migrates a scratch database (a new SQLite file under a temporary folder, or the database in
DATABASE_URL, whose `public` schema is dropped with --fresh-db: never point it at data you keep),
loads the demo (`load_demo_data`) and tops the directory up to --cooperatives with test
factories. The developer's db.sqlite3 is never opened. Then, with Django's test client:

- posts --posts inquiries through the view (`inquiries:send`), each with a freshly solved ALTCHA
  proof (solving is not timed) and its own e-mail address and message, the rate limits raised
  for the run; p50 / p95 of the view. It checks that no mail went out on the request path
  (every `Delivery` pending, the outbox empty), then times the mail worker draining the queue
  (`db_worker --backend=mail --batch`) with the in-memory or the file e-mail backend;
- renders the busiest cooperative's page (and one of its products) with 0, 100 and 10,000
  inquiries to it: SQL queries of a warm render (they must not move) and p50 / p95;
- runs `inquiries.chasing.chase()` over --inquiries inquiries (bulk-created: mostly answered,
  some waiting past 48 hours, some past 72 hours, over every cooperative and the last 120
  days), then a second time (nothing left to do), then `responsiveness.refresh()` alone, in
  seconds and SQL queries; --profile prints where the first chase spends its time.

The load average is recorded beside every phase: the machine may be shared. Results are printed
and written as JSON (--out, default bench/inquiries_results.json).
"""

import argparse
import contextlib
import datetime
import functools
import io
import json
import logging
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200, help="inquiries posted through the view")
    parser.add_argument("--page-sizes", type=int, nargs="+", default=[0, 100, 10_000])
    parser.add_argument("--page-repeat", type=int, default=30, help="timed renders per size")
    parser.add_argument("--inquiries", type=int, default=100_000, help="inquiries for chase()")
    parser.add_argument("--cooperatives", type=int, default=200, help="cooperatives for chase()")
    parser.add_argument("--email-backend", choices=["locmem", "file"], default="locmem")
    parser.add_argument("--profile", action="store_true", help="cProfile the first chase()")
    parser.add_argument(
        "--one-transaction",
        action="store_true",
        help="then, on fresh data, time chase() inside one outer transaction (an experiment: "
        "what batching its per-inquiry commits would save)",
    )
    parser.add_argument("--fresh-db", action="store_true", help="reset the DATABASE_URL schema")
    parser.add_argument("--reuse-db", action="store_true", help=argparse.SUPPRESS)  # iterating
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", default=str(ROOT / "bench" / "inquiries_results.json"))
    return parser.parse_args()


def setup(args, workdir):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["DEBUG"] = "false"
    os.environ["MEDIA_ROOT"] = str(Path(workdir) / "media")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"
    elif not (args.fresh_db or args.reuse_db):
        sys.exit("DATABASE_URL is set: add --fresh-db to drop and rebuild its tables.")
    elif args.fresh_db and os.environ["DATABASE_URL"].startswith("sqlite:///"):
        Path(os.environ["DATABASE_URL"].removeprefix("sqlite://")).unlink(missing_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client outside tests; the in-memory mail outbox
    settings.ALLOWED_HOSTS = ["*"]
    settings.INQUIRY_RATE_LIMITS = {"address": (10**9, 3600), "email": (10**9, 3600)}
    if args.email_backend == "file":
        settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
        settings.EMAIL_FILE_PATH = str(Path(workdir) / "mail")


def reset_postgres():
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")


# --- measuring ---------------------------------------------------------------------------------


def load_average():
    return [round(x, 2) for x in os.getloadavg()]


def uptime():
    try:
        return subprocess.run(
            ["uptime"], capture_output=True, text=True, check=False, env={**os.environ, "TZ": "UTC"}
        ).stdout.strip()
    except OSError:
        return ""


def percentile(values, pct):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(seconds):
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "max_ms": round(max(ms), 1),
    }


class QueryCounter:
    """Counts every SQL statement (CaptureQueriesContext keeps only the last 9,000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(func):
    from django.db import connection

    counter = QueryCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        value = func()
    return value, time.perf_counter() - started, counter.count


# --- the data ----------------------------------------------------------------------------------


def load_data(args):
    from django.core.management import call_command

    from cooperatives.models import CooperativePage
    from cooperatives.taxonomy import Area, Sector

    started = time.perf_counter()
    if args.reuse_db:
        return {"reused": True}
    reset_postgres()
    quiet = io.StringIO()  # the demo's progress bar and page log
    logging.disable(logging.INFO)
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        call_command("migrate", verbosity=0, stdout=quiet)
        call_command("load_demo_data", verbosity=0, stdout=quiet, stderr=quiet)
    logging.disable(logging.NOTSET)
    demo = CooperativePage.objects.live().filter(locale__language_code="vi").count()
    from tests.factories import make_cooperative

    sectors, areas = list(Sector.objects.all()), list(Area.objects.all())
    for n in range(demo, args.cooperatives):
        make_cooperative(
            f"HTX Đo tải {n + 1:03d}",
            email=f"htx{n + 1:03d}@bench.example",
            sector=sectors[n % len(sectors)],
            area=areas[n % len(areas)],
        )
    total = CooperativePage.objects.live().filter(locale__language_code="vi").count()
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "demo_cooperatives": demo,
        "cooperatives": total,
    }


def solved_proof():
    """What the form's script sends: a fresh challenge of ours, solved, as base64 JSON."""
    import altcha

    from inquiries import spam

    challenge = spam.new_challenge()
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"], 0
    )
    return altcha.PayloadV1(
        challenge["algorithm"],
        challenge["challenge"],
        solution.number,
        challenge["salt"],
        challenge["signature"],
    ).to_base64()


def form_data(product, n):
    return {
        "product": product.pk,
        "name": f"Người mua số {n}",
        "organisation": "Công ty Thực phẩm Sạch Hà Đông",
        "country": "VN",
        "email": f"buyer{n}@bench.example",
        "phone": "0987 654 321",
        "quantity": str(100 + n),
        "unit": product.unit or "kg",
        "destination": "Hà Nội",
        "message": f"Chúng tôi cần {100 + n} {product.unit or 'kg'} mỗi tháng, giao tại Hà Đông "
        f"(yêu cầu số {n}).",
        "consent": "on",
        "altcha": solved_proof(),
    }


def bulk_inquiries(cooperative_ids, count, now, rng, *, days=120, mix=None):
    """`count` inquiries, bulk-created: answered, waiting past 48 h or 72 h, fresh, escalated..."""
    from inquiries.models import Inquiry, Status

    mix = mix or {
        "answered": 0.86,
        "answered_outside": 0.02,
        "declined": 0.01,
        "spam": 0.02,
        "escalated": 0.03,  # escalated by an earlier run: nothing to do
        "past_72h": 0.04,  # unanswered, never escalated: chase() escalates them
        "past_48h": 0.01,  # unanswered 48–72 h: chase() reminds the cooperative
        "fresh": 0.01,  # unanswered, under 48 h: nothing yet
    }
    kinds = list(mix)
    weights = [mix[k] for k in kinds]
    hour = datetime.timedelta(hours=1)
    rows, counts = [], dict.fromkeys(kinds, 0)
    for n, kind in enumerate(rng.choices(kinds, weights, k=count)):
        counts[kind] += 1
        if kind == "past_48h":
            delivered = now - rng.uniform(48.5, 71.5) * hour
        elif kind == "fresh":
            delivered = now - rng.uniform(0.5, 47.5) * hour
        else:
            delivered = now - rng.uniform(73, days * 24) * hour
        row = Inquiry(
            cooperative_id=cooperative_ids[n % len(cooperative_ids)],
            name=f"Người mua {n}",
            country="VN" if n % 3 else "JP",
            email=f"bulk{n}@bench.example",
            message=f"Hỏi mua số {n}: xin báo giá và thời gian giao hàng.",
            language="vi" if n % 3 else "en",
            created_at=delivered,
            delivered_at=delivered,
            status_changed_at=delivered,
            consent_at=delivered,
            status=Status.NEW,
        )
        if kind in ("answered", "answered_outside", "declined"):
            answered = delivered + rng.expovariate(1 / 20) * hour  # mean 20 h, some past 48 h
            row.status = Status.ANSWERED if kind == "answered" else kind
            row.first_answered_at = row.status_changed_at = answered
        elif kind == "spam":
            row.status = Status.SPAM
        elif kind == "escalated":
            row.reminded_at = delivered + 48 * hour
            row.escalated_at = delivered + 72 * hour
        rows.append(row)
    Inquiry.objects.bulk_create(rows, batch_size=2000)
    return counts


def clear_inquiries():
    from django_tasks_db.models import DBTaskResult

    from inquiries.models import Delivery, Inquiry, InquiryEvent, Message, Responsiveness

    for model in (Delivery, InquiryEvent, Message, Responsiveness):
        model.objects.all()._raw_delete(model.objects.db)
    Inquiry.objects.update(passed_from=None)
    Inquiry.objects.all()._raw_delete(Inquiry.objects.db)
    DBTaskResult.objects.all()._raw_delete(DBTaskResult.objects.db)


# --- the phases --------------------------------------------------------------------------------


def bench_page(args, client, rng):
    """The busiest cooperative's page (and a product of it) with more and more inquiries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from cooperatives.models import CooperativePage
    from inquiries.models import Inquiry
    from inquiries.responsiveness import refresh

    clear_inquiries()  # the demo's own inquiries: "0 inquiries" means none
    cooperative = max(
        CooperativePage.objects.live().filter(locale__language_code="vi"),
        key=lambda page: page.get_children_count(),
    )
    product = cooperative.get_children().live().first().specific
    rows = []
    for size in args.page_sizes:
        have = Inquiry.objects.filter(cooperative=cooperative).count()
        if size > have:
            bulk_inquiries([cooperative.pk], size - have, timezone.now(), rng, days=90)
        refresh(cooperative.pk)
        figures = getattr(type(cooperative).objects.get(pk=cooperative.pk), "responsiveness", None)
        row = {"inquiries": size, "load_average": load_average()}
        for name, url in (("cooperative", cooperative.url), ("product", product.url)):
            client.get(url)  # warm caches (site root, renditions) once
            counter = QueryCounter()
            with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(counter):
                response = client.get(url)
            count = len(queries)  # now: the next request clears the log (reset_queries)
            assert count == counter.count, (count, counter.count)
            assert response.status_code == 200, (url, response.status_code)
            times = []
            for _ in range(args.page_repeat):
                started = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - started)
            row[name] = {"url": url, "queries": count, **summary(times)}
        if figures is not None:
            row["figures"] = {
                "counted": figures.inquiries,
                "share_within_48h": figures.share_within_48h,
                "median_hours": round(figures.median_hours, 1) if figures.median_hours else None,
            }
        rows.append(row)
        print(
            f"  page, {size:>6,} inquiries: cooperative {row['cooperative']['queries']} queries "
            f"p50 {row['cooperative']['p50_ms']} ms; product {row['product']['queries']} "
            f"queries p50 {row['product']['p50_ms']} ms (load {row['load_average'][0]})",
            flush=True,
        )
    counts = {(r["cooperative"]["queries"], r["product"]["queries"]) for r in rows}
    return {"cooperative": cooperative.title, "sizes": rows, "queries_constant": len(counts) == 1}


def bench_posts(args, client):
    from django.core import mail
    from django.db.models import Count, Max
    from django.urls import reverse
    from django_tasks_db.models import DBTaskResult

    from inquiries.mail import drain_queue
    from inquiries.models import Delivery, Inquiry
    from products.models import ProductPage

    products = list(
        ProductPage.objects.live().filter(locale__language_code="vi").order_by("pk")[:50]
    )
    url = reverse("inquiries:send")
    # Two warm-up posts (first template loads, first cache entries), not counted.
    for n in range(2):
        client.post(url, form_data(products[n], -1 - n))
    last = Inquiry.objects.aggregate(pk=Max("pk"))["pk"] or 0
    last_delivery = Delivery.objects.aggregate(pk=Max("pk"))["pk"] or 0
    mail.outbox = []
    load = load_average()
    times, statuses = [], {}
    for n in range(args.posts):
        data = form_data(products[n % len(products)], n)  # solving the proof is not timed
        started = time.perf_counter()
        response = client.post(url, data)
        times.append(time.perf_counter() - started)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    new = Inquiry.objects.filter(pk__gt=last)
    queued = Delivery.objects.filter(pk__gt=last_delivery)
    result = {
        "load_average": load,
        "view": summary(times),
        "statuses": statuses,
        "inquiries_stored": new.count(),
        "by_status": dict(new.values_list("status").annotate(n=Count("pk")).order_by("status")),
        "deliveries_queued": queued.count(),
        "deliveries_pending_after_posts": queued.filter(state="pending").count(),
        "outbox_after_posts": len(mail.outbox),
        "tasks_waiting": DBTaskResult.objects.filter(status="READY").count(),
    }
    print(
        f"  post: p50 {result['view']['p50_ms']} ms, p95 {result['view']['p95_ms']} ms over "
        f"{args.posts} posts {statuses}; {result['deliveries_queued']} mails queued, "
        f"{result['deliveries_pending_after_posts']} pending, outbox "
        f"{result['outbox_after_posts']} (load {load[0]})",
        flush=True,
    )
    load = load_average()
    _, seconds, queries = timed(drain_queue)
    sent = Delivery.objects.filter(state="sent").count()
    result["worker"] = {
        "load_average": load,
        "email_backend": args.email_backend,
        "seconds": round(seconds, 2),
        "queries": queries,
        "sent": sent,
        "pending": Delivery.objects.filter(state="pending").count(),
        "failed": Delivery.objects.filter(state="failed").count(),
        "outbox": len(mail.outbox) if args.email_backend == "locmem" else None,
        "mails_per_second": round(sent / seconds, 1) if seconds else None,
    }
    print(
        f"  mail worker: {sent} sent in {seconds:.2f} s ({result['worker']['mails_per_second']}/s, "
        f"{queries} queries), pending {result['worker']['pending']}, failed "
        f"{result['worker']['failed']} (load {load[0]})",
        flush=True,
    )
    return result


def bench_chase(args):
    from django.utils import timezone

    from cooperatives.models import CooperativePage
    from inquiries import chasing
    from inquiries.models import Delivery, Inquiry
    from inquiries.responsiveness import refresh

    clear_inquiries()
    ids = list(
        CooperativePage.objects.live()
        .filter(locale__language_code="vi")
        .order_by("pk")
        .values_list("pk", flat=True)[: args.cooperatives]
    )
    now = timezone.now()
    load = load_average()
    # Its own generator: the experiment below rebuilds exactly the same inquiries.
    counts, seconds, _ = timed(
        lambda: bulk_inquiries(ids, args.inquiries, now, random.Random(args.seed))
    )
    result = {
        "inquiries": Inquiry.objects.count(),
        "cooperatives": len(ids),
        "mix": counts,
        "bulk_create": {"seconds": round(seconds, 1), "load_average": load},
    }
    print(
        f"  bulk_create {result['inquiries']:,} inquiries in {seconds:.1f} s {counts}", flush=True
    )

    def chase():
        return chasing.chase(now=now)

    runs = []
    for label in ("first", "second"):
        load = load_average()
        if label == "first" and args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            done, seconds, queries = timed(functools.partial(profiler.runcall, chase))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        else:
            done, seconds, queries = timed(chase)
        run = {
            "run": label,
            "seconds": round(seconds, 2),
            "queries": queries,
            "reminded": done.reminded,
            "escalated": done.escalated,
            "requests_closed": done.requests_closed,
            "figures_changed": done.figures_changed,
            "load_average": load,
        }
        runs.append(run)
        print(
            f"  chase() {label}: {seconds:.2f} s, {queries:,} queries; reminded {done.reminded}, "
            f"escalated {done.escalated}, figures changed {done.figures_changed} "
            f"(load {load[0]})",
            flush=True,
        )
    result["chase"] = runs
    result["deliveries_queued"] = Delivery.objects.count()
    load = load_average()
    changed, seconds, queries = timed(lambda: refresh(now=now))
    result["refresh"] = {
        "seconds": round(seconds, 2),
        "queries": queries,
        "changed": changed,
        "load_average": load,
    }
    print(f"  refresh() alone: {seconds:.2f} s, {queries} queries (load {load[0]})", flush=True)
    if args.one_transaction:
        from django.db import transaction

        clear_inquiries()
        bulk_inquiries(ids, args.inquiries, now, random.Random(args.seed))
        load = load_average()

        def chase_in_one_transaction():
            with transaction.atomic():
                return chasing.chase(now=now)

        done, seconds, queries = timed(chase_in_one_transaction)
        result["chase_one_transaction"] = {
            "seconds": round(seconds, 2),
            "queries": queries,
            "reminded": done.reminded,
            "escalated": done.escalated,
            "load_average": load,
        }
        print(
            f"  chase() in one outer transaction, same data: {seconds:.2f} s, {queries:,} "
            f"queries; reminded {done.reminded}, escalated {done.escalated} (load {load[0]})",
            flush=True,
        )
    return result


# --- the report --------------------------------------------------------------------------------


def table(report):
    lines = ["", "| measure | figure | load |", "| --- | --- | --- |"]
    posts = report["posts"]
    view, worker = posts["view"], posts["worker"]
    lines.append(
        f"| post an inquiry (view), {view['n']} posts | p50 {view['p50_ms']} ms, "
        f"p95 {view['p95_ms']} ms | {posts['load_average'][0]} |"
    )
    lines.append(
        f"| mail on the request path | {posts['deliveries_pending_after_posts']} of "
        f"{posts['deliveries_queued']} deliveries pending, outbox {posts['outbox_after_posts']} "
        f"| |"
    )
    lines.append(
        f"| mail worker drains the queue ({worker['email_backend']}) | {worker['sent']} mails in "
        f"{worker['seconds']} s ({worker['mails_per_second']}/s) | {worker['load_average'][0]} |"
    )
    for row in report["page"]["sizes"]:
        for name in ("cooperative", "product"):
            page = row[name]
            lines.append(
                f"| {name} page, {row['inquiries']:,} inquiries | {page['queries']} queries, "
                f"p50 {page['p50_ms']} ms, p95 {page['p95_ms']} ms | {row['load_average'][0]} |"
            )
    chase = report["chase"]
    for run in chase["chase"]:
        lines.append(
            f"| chase(), {chase['inquiries']:,} inquiries, {run['run']} run | {run['seconds']} s "
            f"({run['queries']:,} queries; {run['escalated']} escalated, {run['reminded']} "
            f"reminded) | {run['load_average'][0]} |"
        )
    if "chase_one_transaction" in chase:
        one = chase["chase_one_transaction"]
        lines.append(
            f"| chase(), same data, in one outer transaction (experiment) | {one['seconds']} s "
            f"({one['queries']:,} queries) | {one['load_average'][0]} |"
        )
    refresh = chase["refresh"]
    lines.append(
        f"| responsiveness.refresh() alone | {refresh['seconds']} s ({refresh['queries']} queries)"
        f" | {refresh['load_average'][0]} |"
    )
    return "\n".join(lines)


def main():
    args = parse()
    rng = random.Random(args.seed)
    report = {
        "machine": {
            "uptime_at_start": uptime(),
            "cores_available": os.cpu_count(),
            "python": platform.python_version(),
        }
    }
    with tempfile.TemporaryDirectory(prefix="htx-inquiries-bench-") as workdir:
        setup(args, workdir)
        from django.db import connection
        from django.test import Client

        report["machine"]["database"] = connection.vendor
        print(f"{report['machine']['uptime_at_start']}\nloading the data...", flush=True)
        report["data"] = load_data(args)
        print(f"  {report['data']}", flush=True)
        client = Client(HTTP_HOST="127.0.0.1")
        print("cooperative page:", flush=True)
        report["page"] = bench_page(args, client, rng)
        print("posting inquiries:", flush=True)
        report["posts"] = bench_posts(args, client)
        print("chasing:", flush=True)
        report["chase"] = bench_chase(args)
    report["machine"]["uptime_at_end"] = uptime()
    print(table(report))
    print(f"\n{report['machine']['uptime_at_end']}")
    Path(args.out).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
