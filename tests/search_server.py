"""A pytest plugin: a real Elasticsearch-API server for the search tests.

Uses `ELASTICSEARCH_URL` when it is set (CI with a real cluster); otherwise starts the local
stand-in `noida-db` once per session on a free port, and stops the binary itself at the end
(the `noida-db` script is only a wrapper), then checks the port is free again.
Every test session uses its own index names, so runs never see each other's documents.
"""

import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import urllib3

STANDIN = "noida_db"


def _free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_in_use(port):
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _binary():
    import importlib.util

    spec = importlib.util.find_spec(STANDIN)
    if spec is None or not spec.origin:
        pytest.skip("noida-db is not installed and ELASTICSEARCH_URL is not set")
    binary = Path(spec.origin).parent / "noida-db"
    return str(binary) if binary.exists() else shutil.which("noida-db")


def _wait_until_up(url, process, timeout=20.0):
    http = urllib3.PoolManager()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"noida-db exited with {process.returncode}")
        try:
            if http.request("GET", url, timeout=1.0, retries=False).status == 200:
                return
        except urllib3.exceptions.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("noida-db did not answer in time")


def _stop(process, port):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
    deadline = time.monotonic() + 5
    while _port_in_use(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _port_in_use(port), f"port {port} still answers after stopping noida-db"


@pytest.fixture(scope="session")
def search_server_url():
    """The URL of an Elasticsearch-API server for this session."""
    import os

    if os.environ.get("ELASTICSEARCH_URL"):
        yield os.environ["ELASTICSEARCH_URL"]
        return
    port = _free_port()
    data_dir = tempfile.mkdtemp(prefix="noida-es-")
    command = [
        _binary(), "start", "--only", "elasticsearch", "--elasticsearch-port", str(port),
        "--host", "127.0.0.1", "--data-dir", data_dir,
    ]  # fmt: skip
    # The binary itself, not the wrapper script: its PID is the server's PID.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        _stop(process, port)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def search_index_prefix():
    return f"test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def elasticsearch(settings, search_server_url, search_index_prefix):
    """Point search at the test server, with an alias of its own; clean it up afterwards."""
    from search.backends import elasticsearch_client as engine

    settings.ELASTICSEARCH_URL = search_server_url
    settings.ELASTICSEARCH_INDEX = f"{search_index_prefix}-{uuid.uuid4().hex[:6]}"
    engine.breaker.reset()
    es = engine.client()
    yield es
    # By name: Elasticsearch refuses wildcard deletes (action.destructive_requires_name).
    names = list(es.indices.get(index=f"{settings.ELASTICSEARCH_INDEX}-*", ignore_unavailable=True))
    for name in names:
        es.indices.delete(index=name, ignore_unavailable=True)
    engine.breaker.reset()


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker, search_server_url, search_index_prefix):
    """The demo-like catalogue of `tests.search_catalogue`, indexed, for one test module."""
    from django.db import transaction
    from elasticsearch import Elasticsearch

    from tests import search_catalogue

    alias = search_catalogue.new_alias(search_index_prefix)
    with django_db_blocker.unblock(), transaction.atomic():
        data = search_catalogue.build()
        search_catalogue.index_everything(search_server_url, alias)
        data.alias = alias
        yield data
        transaction.set_rollback(True)
    search_catalogue.drop_indices(Elasticsearch(search_server_url), alias)


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, catalogue, settings, search_server_url):
    """Each test using it runs twice: on the database fallback and on Elasticsearch."""
    from search.backends import elasticsearch_client as engine

    if request.param == "elasticsearch":
        settings.ELASTICSEARCH_URL = search_server_url
        settings.ELASTICSEARCH_INDEX = catalogue.alias
    else:
        settings.ELASTICSEARCH_URL = ""
    engine.breaker.reset()
    return request.param


@pytest.fixture
def database_backend(catalogue, settings):
    """The catalogue searched through the database fallback only (Elasticsearch unset)."""
    settings.ELASTICSEARCH_URL = ""
    return "database"
