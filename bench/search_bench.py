"""Product search benchmark: rebuild throughput and search latency on every backend, one run.

    .venv/bin/python bench/search_bench.py --sizes 10000 100000 \\
        --pg-url postgres://postgres@%2Ftmp:55433/htxbench

For each catalogue size it loads the demo catalogue (`load_demo_data --products N`) into a fresh
SQLite file and, with --pg-url, into that PostgreSQL database (its tables are dropped: use a
throwaway database), then in a child process per database:

- rebuilds the indexes (`indexing.rebuild`: the fallback table and, on the SQLite run, the
  Elasticsearch index) and reports products per second end to end;
- runs a fixed mix of faceted searches through the Django views (JSON API and HTML page) with
  Django's test client, on the database fallback and on Elasticsearch, and reports p50 / p95;
- on the Elasticsearch path, times every call to the engine and reports the application's own
  time (view time minus engine time) apart from the engine's;
- times autocomplete.

Elasticsearch is the server at --es-url, or a local `noida-db` started for the run. The
stand-in's own search time grows with the index (seconds at 100,000 documents): it is reported
apart as "engine" and says nothing about a real cluster.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


# --- the orchestrating process -------------------------------------------------------------


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--pg-url", help="a throwaway PostgreSQL database (tables are dropped)")
    parser.add_argument("--es-url", help="Elasticsearch URL; default: start noida-db")
    parser.add_argument("--no-es", action="store_true", help="database fallbacks only")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the query mix (fallback)")
    parser.add_argument("--es-repeat", type=int, default=1, help="runs of the mix on Elasticsearch")
    parser.add_argument(
        "--es-queries", type=int, default=15, help="first N queries of the mix on Elasticsearch"
    )
    parser.add_argument("--rebuild-only", action="store_true", help="measure the rebuild alone")
    parser.add_argument("--out", default="bench/search_results.json")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # child process
    parser.add_argument("--label", help=argparse.SUPPRESS)
    return parser.parse_args()


def machine():
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]  # fmt: skip
        cpu = f"{names[0]} x {len(names)}" if names else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    return {
        "cpu": cpu or platform.processor(),
        "cores_available": os.cpu_count(),
        "memory": memory,
        "load_average_at_start": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run(command, env, label):
    started = time.perf_counter()
    print(f"  {label}…", flush=True)
    subprocess.run(command, env=env, check=True, cwd=ROOT)  # noqa: S603
    seconds = time.perf_counter() - started
    print(f"  {label}: {seconds:.1f} s", flush=True)
    return seconds


def reset_postgres(url):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    code = (
        "import django;django.setup();from django.db import connection;"
        "connection.cursor().execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')"
    )
    subprocess.run([PYTHON, "-c", code], env=env, check=True, cwd=ROOT)  # noqa: S603


def start_standin(workdir):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sys.path.insert(0, str(ROOT))
    from tests.search_server import _binary, _wait_until_up

    command = [_binary(), "start", "--only", "elasticsearch", "--elasticsearch-port", str(port),
               "--host", "127.0.0.1", "--data-dir", str(Path(workdir) / "es")]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    _wait_until_up(url, process)
    return process, url, port


def load(size, env):
    commands = [
        ([PYTHON, "manage.py", "migrate", "-v0"], "migrate"),
        ([PYTHON, "manage.py", "load_demo_data", "-v0", "--products", str(size)], "load demo"),
    ]
    return sum(run(command, env, label) for command, label in commands)


def orchestrate(args):
    report = {"machine": machine(), "runs": []}
    with tempfile.TemporaryDirectory(prefix="htx-search-bench-") as workdir:
        process = None
        es_url = "" if args.no_es else args.es_url
        if not args.no_es and not es_url:
            process, es_url, port = start_standin(workdir)
        try:
            for size in args.sizes:
                databases = [("sqlite", f"sqlite:///{Path(workdir) / f'bench-{size}.sqlite3'}")]
                if args.pg_url:
                    databases.append(("postgresql", args.pg_url))
                for name, url in databases:
                    print(f"{size} products on {name}", flush=True)
                    if name == "postgresql":
                        reset_postgres(url)
                    env = {
                        **os.environ,
                        "DATABASE_URL": url,
                        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
                        "DEBUG": "false",
                        "MEDIA_ROOT": str(Path(workdir) / "media"),
                        "ELASTICSEARCH_URL": es_url if name == "sqlite" else "",
                        "ELASTICSEARCH_INDEX": f"bench-{size}",
                        "LOG_LEVEL": "WARNING",
                    }
                    load_seconds = load(size, env)
                    out = Path(workdir) / f"{name}-{size}.json"
                    command = [PYTHON, __file__, "--measure", str(size), "--label", name,
                               "--repeat", str(args.repeat), "--es-repeat", str(args.es_repeat),
                               "--es-queries", str(args.es_queries),
                               *(["--rebuild-only"] if args.rebuild_only else []),
                               "--out", str(out)]  # fmt: skip
                    run(command, env, "measure")
                    result = json.loads(out.read_text())
                    result["load_seconds"] = round(load_seconds, 1)
                    report["runs"].append(result)
                    print(json.dumps(result, indent=2, ensure_ascii=False), flush=True)
                    if name == "sqlite":
                        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=10)
            shutil.rmtree(Path(workdir) / "media", ignore_errors=True)
    Path(args.out).write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"written to {args.out}")


# --- the measuring child process -----------------------------------------------------------


class EngineClock:
    """Times every search request sent to Elasticsearch, to tell the engine's time apart."""

    def __init__(self):
        self.spent = 0.0

    def install(self):
        from elasticsearch import Elasticsearch

        original = Elasticsearch.search
        clock = self

        def timed_search(client, *args, **kwargs):
            started = time.perf_counter()
            try:
                return original(client, *args, **kwargs)
            finally:
                clock.spent += time.perf_counter() - started

        Elasticsearch.search = timed_search


def percentile(values, pct):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(values):
    ms = [v * 1000 for v in values]
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p95_ms": round(percentile(ms, 95), 1) if ms else None,
        "max_ms": round(max(ms), 1) if ms else None,
    }


def query_mix():
    """Typical buyers' requests on the demo catalogue, with facets in every answer."""
    from cooperatives.models import Area
    from products.models import Certification, ProductCategory

    category = ProductCategory.objects.filter(parent__isnull=False).order_by("pk").first().slug
    group = ProductCategory.objects.filter(parent__isnull=True).order_by("pk").first().slug
    areas = list(Area.objects.order_by("pk").values_list("slug", flat=True)[:2])
    cert = Certification.objects.filter(is_ocop=False).order_by("pk").first().slug
    return [
        {"q": "tra sen"},
        {"q": "che"},
        {"q": "gạo nếp"},
        {"q": "mat ong rung"},
        {"q": "tra sen tay ho"},
        {"q": "gom su bat trang"},
        {"q": "mat onng"},  # typo
        {"q": "trà xanh"},  # synonym of chè
        {"q": "lua van phuc", "sort": "price_asc"},
        {"category": category},
        {"category": group, "area": areas, "sort": "price_desc"},
        {"q": "che", "certification": cert, "ocop_min": 3},
        {"q": "gao", "price_min": 20000, "price_max": 100000},
        {"page": 5},
        {"q": "xyzzy khong co"},  # nothing found: suggestion and no-filter probe
    ]


def timed_requests(client, path, mix, repeat, clock=None, warm=None):
    total, engine = [], []
    for params in mix if warm is None else warm:
        client.get(path, params)  # warm-up: caches (labels, vocabulary), connections
    for _ in range(repeat):
        for params in mix:
            before = clock.spent if clock else 0.0
            started = time.perf_counter()
            response = client.get(path, params)
            total.append(time.perf_counter() - started)
            engine.append((clock.spent - before) if clock else 0.0)
            assert response.status_code == 200, (path, params, response.status_code)
    return total, engine


def autocomplete_times(client, repeat, limit=None):
    prefixes = ["tr", "tra s", "gao n", "mat o", "gom", "lua v", "che b", "banh"][:limit]
    times = []
    for _ in range(repeat):
        for q in prefixes:
            started = time.perf_counter()
            assert client.get("/api/products/autocomplete/", {"q": q}).status_code == 200
            times.append(time.perf_counter() - started)
    return times


def measure(args):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from search import indexing
    from search.backends import elasticsearch_client
    from search.models import ProductSearchText

    setup_test_environment()  # lets the test client run outside tests; ALLOWED_HOSTS += testserver
    settings.ALLOWED_HOSTS = ["*"]
    result = {"size": args.measure, "database": args.label, "vendor": connection.vendor}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            result["postgresql"] = cursor.fetchone()[0]

    progress_marks = []
    report = indexing.rebuild(progress=lambda done, total, s: progress_marks.append(done))
    result["products"] = report.count
    result["rebuild"] = {
        "target": "elasticsearch + fallback table" if report.index else "fallback table",
        "seconds": round(report.seconds, 1),
        "products_per_s": round(report.rate),
        "waiting_for_engine_s": round(report.engine_wait, 1),
    }
    result["fallback_rows"] = ProductSearchText.objects.count()
    if args.rebuild_only:
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False))
        return
    mix = query_mix()
    client = Client()
    es_url = settings.ELASTICSEARCH_URL

    settings.ELASTICSEARCH_URL = ""
    api, _ = timed_requests(client, "/api/products/search/", mix, args.repeat)
    page, _ = timed_requests(client, "/san-pham/", mix, max(1, args.repeat // 2))
    result["fallback"] = {
        "api": summary(api),
        "page": summary(page),
        "autocomplete": summary(autocomplete_times(client, args.repeat)),
    }
    if es_url:
        settings.ELASTICSEARCH_URL = es_url
        settings.ELASTICSEARCH_TIMEOUT = 60.0  # the stand-in is slow at scale; never fall back
        elasticsearch_client.breaker.reset()
        clock = EngineClock()
        clock.install()
        # The stand-in takes seconds per search at scale: a shorter mix, warmed by one query.
        es_mix = mix[: args.es_queries] + mix[-1:] if args.es_queries < len(mix) else mix
        total, spent = timed_requests(
            client, "/api/products/search/", es_mix, args.es_repeat, clock, warm=mix[:1]
        )
        app = [t - e for t, e in zip(total, spent, strict=True)]
        before = clock.spent
        auto = autocomplete_times(client, args.es_repeat, limit=args.es_queries)
        result["elasticsearch"] = {
            "api_total": summary(total),
            "engine": summary(spent),
            "application": summary(app),
            "autocomplete_total": summary(auto),
            "autocomplete_engine_total_s": round(clock.spent - before, 2),
        }
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    arguments = parse()
    if arguments.measure:
        measure(arguments)
    else:
        orchestrate(arguments)
