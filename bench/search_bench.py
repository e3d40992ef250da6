"""Product search benchmark: rebuild throughput and search latency on every backend, one run.

    .venv/bin/python bench/search_bench.py --sizes 10000 100000 \\
        --pg-url postgres://postgres@127.0.0.1:55601/htx

It starts the local OpenSearch node (`searchnode/`, built with Maven on first use) unless
--es-url names a cluster, and records the node's start-up time and resident memory. For each
catalogue size it loads the demo catalogue (`load_demo_data --products N`) into a fresh SQLite
file and, with --pg-url, into that PostgreSQL database (its tables are dropped: use a throwaway
database), then in a child process per database:

- rebuilds the indexes twice and reports products per second: `indexing.rebuild()` (what
  `search_index --rebuild` runs: the fallback table and the Elasticsearch index), then
  `rebuild(engine_only=True)` (`--rebuild --engine-only`: the engine's index alone);
- runs a fixed mix of faceted searches through the Django views (JSON API and HTML page) with
  Django's test client, on Elasticsearch and on the database fallback, after a warm-up pass of
  the whole mix, and reports p50 / p95 of the view's total time; on Elasticsearch also the
  engine's time (the client's round trip of every search call, and the engine's own `took`)
  and the application's (total minus the round trip);
- times autocomplete the same way.

The load average is recorded beside every phase: the machine may be shared.
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
    parser.add_argument("--es-url", help="Elasticsearch URL; default: start the local node")
    parser.add_argument("--no-es", action="store_true", help="database fallbacks only")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the query mix per path")
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


def start_node(workdir):
    sys.path.insert(0, str(ROOT))
    from searchnode.launcher import SearchNode

    print("  starting the search node…", flush=True)
    node = SearchNode.start(Path(workdir) / "searchnode")
    info = {
        "engine": "local OpenSearch node (searchnode/)",
        "heap": os.environ.get("SEARCHNODE_HEAP", "512m"),
        "started_in_s": round(node.started_in, 1),
        "resident_mb_after_start": round(node.resident_mb()),
        "load_average_at_start": os.getloadavg(),
    }
    print(f"  search node at {node.url}: {info['started_in_s']} s", flush=True)
    return node, info


def load(size, env):
    commands = [
        ([PYTHON, "manage.py", "migrate", "-v0"], "migrate"),
        ([PYTHON, "manage.py", "load_demo_data", "-v0", "--products", str(size)], "load demo"),
    ]
    return sum(run(command, env, label) for command, label in commands)


def orchestrate(args):
    report = {"machine": machine(), "runs": []}
    with tempfile.TemporaryDirectory(prefix="htx-search-bench-") as workdir:
        node = None
        es_url = "" if args.no_es else args.es_url
        if not args.no_es and not es_url:
            node, report["search_node"] = start_node(workdir)
            es_url = node.url
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
                        "ELASTICSEARCH_URL": es_url,
                        "ELASTICSEARCH_INDEX": f"bench-{name}-{size}",
                        "LOG_LEVEL": "WARNING",
                    }
                    load_seconds = load(size, env)
                    out = Path(workdir) / f"{name}-{size}.json"
                    command = [PYTHON, __file__, "--measure", str(size), "--label", name,
                               "--repeat", str(args.repeat),
                               *(["--rebuild-only"] if args.rebuild_only else []),
                               "--out", str(out)]  # fmt: skip
                    run(command, env, "measure")
                    result = json.loads(out.read_text())
                    result["load_seconds"] = round(load_seconds, 1)
                    if node is not None:
                        result["search_node_resident_mb_after"] = round(node.resident_mb())
                    report["runs"].append(result)
                    print(json.dumps(result, indent=2, ensure_ascii=False), flush=True)
                    if name == "sqlite":
                        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        finally:
            if node is not None:
                report["search_node"]["resident_mb_at_end"] = round(node.resident_mb())
                node.stop()
            shutil.rmtree(Path(workdir) / "media", ignore_errors=True)
    Path(args.out).write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"written to {args.out}")


# --- the measuring child process -----------------------------------------------------------


class EngineClock:
    """Times every search request sent to Elasticsearch and adds up the engine's own `took`."""

    def __init__(self):
        self.spent = 0.0  # the client's round trip, seconds
        self.took = 0.0  # what the engine says it spent, seconds
        self.calls = 0

    def install(self):
        from elasticsearch import Elasticsearch

        original = Elasticsearch.search
        clock = self

        def timed_search(client, *args, **kwargs):
            started = time.perf_counter()
            try:
                response = original(client, *args, **kwargs)
            finally:
                clock.spent += time.perf_counter() - started
                clock.calls += 1
            clock.took += response.body.get("took", 0) / 1000
            return response

        Elasticsearch.search = timed_search

    def reading(self):
        return self.spent, self.took, self.calls


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


def timed_requests(client, path, mix, repeat, clock=None, backend=None):
    """View total, engine round trip, engine `took` and engine calls of each request.

    One pass of the whole mix warms caches (labels, vocabulary), connections and the engine first.
    """
    for params in mix:
        client.get(path, params)
    times = {"total": [], "engine": [], "took": [], "calls": []}
    for _ in range(repeat):
        for params in mix:
            before = clock.reading() if clock else (0.0, 0.0, 0)
            started = time.perf_counter()
            response = client.get(path, params)
            times["total"].append(time.perf_counter() - started)
            after = clock.reading() if clock else (0.0, 0.0, 0)
            spent, took, calls = (b - a for a, b in zip(before, after, strict=True))
            times["engine"].append(spent)
            times["took"].append(took)
            times["calls"].append(calls)
            assert response.status_code == 200, (path, params, response.status_code)
            if backend and path.startswith("/api/products/search/"):
                answered = response.json()["backend"]
                assert answered == backend, (params, answered)  # never a silent fallback
            elif backend == "elasticsearch":
                assert calls, (path, params, "the engine was not asked")
    return times


def split(times):
    """p50/p95 of the view total, the engine (round trip and `took`) and the application."""
    app = [t - e for t, e in zip(times["total"], times["engine"], strict=True)]
    return {
        "total": summary(times["total"]),
        "engine_round_trip": summary(times["engine"]),
        "engine_took": summary(times["took"]),
        "application": summary(app),
        "engine_calls": sum(times["calls"]),
    }


AUTOCOMPLETE = ["tr", "tra s", "gao n", "mat o", "gom", "lua v", "che b", "banh"]


def autocomplete_times(client, repeat, clock=None):
    mix = [{"q": q} for q in AUTOCOMPLETE]
    return timed_requests(client, "/api/products/autocomplete/", mix, repeat, clock)


def load_average():
    return [round(x, 2) for x in os.getloadavg()]


def timed_rebuild(indexing, **options):
    load = load_average()
    report = indexing.rebuild(**options)
    return {
        "target": "elasticsearch" if options.get("engine_only") else (
            "elasticsearch + fallback table" if report.index else "fallback table"),
        "seconds": round(report.seconds, 2),
        "products_per_s": round(report.rate),
        "fallback_table_s": round(report.table_seconds, 2),
        "waiting_for_engine_s": round(report.engine_wait, 2),
        "load_average": load,
    }  # fmt: skip


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

    es_url = settings.ELASTICSEARCH_URL
    result["rebuild"] = [timed_rebuild(indexing)]
    if es_url:
        result["rebuild"].append(timed_rebuild(indexing, engine_only=True))
    result["products"] = indexing.indexable_count()
    result["fallback_rows"] = ProductSearchText.objects.count()
    if args.rebuild_only:
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False))
        return
    mix = query_mix()
    client = Client()

    if es_url:
        elasticsearch_client.breaker.reset()
        clock = EngineClock()
        clock.install()
        paths = (("api", "/api/products/search/", args.repeat), ("page", "/san-pham/", args.repeat))
        result["elasticsearch"] = {}
        for name, path, repeat in paths:
            load = load_average()
            times = timed_requests(client, path, mix, repeat, clock, backend="elasticsearch")
            result["elasticsearch"][name] = {**split(times), "load_average": load}
        load = load_average()
        times = autocomplete_times(client, args.repeat, clock)
        result["elasticsearch"]["autocomplete"] = {**split(times), "load_average": load}

    settings.ELASTICSEARCH_URL = ""
    result["fallback"] = {}
    paths = (("api", "/api/products/search/", args.repeat), ("page", "/san-pham/", args.repeat))
    for name, path, repeat in paths:
        load = load_average()
        times = timed_requests(client, path, mix, repeat, backend="database")
        result["fallback"][name] = {"total": summary(times["total"]), "load_average": load}
    load = load_average()
    times = autocomplete_times(client, args.repeat)
    result["fallback"]["autocomplete"] = {"total": summary(times["total"]), "load_average": load}
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    arguments = parse()
    if arguments.measure:
        measure(arguments)
    else:
        orchestrate(arguments)
