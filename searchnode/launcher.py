"""Build and start the local OpenSearch node (this folder's Java module) from Python.

Used by the test suite (`tests/search_server.py`), the search benchmark and `make search-node`:

    node = SearchNode.start(data_dir)   # builds with Maven first when the jar is missing or stale
    node.url                            # http://127.0.0.1:PORT
    node.stop()                         # SIGTERM, then checks the port is free again

Run as a script it builds, starts a node on a given port and serves until Ctrl-C.
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
JAR = HERE / "target" / "searchnode.jar"
HEAP = os.environ.get("SEARCHNODE_HEAP", "512m")
READY = "searchnode ready "
START_TIMEOUT = float(os.environ.get("SEARCHNODE_START_TIMEOUT", "180"))


class NodeUnavailable(RuntimeError):
    """Java or Maven is missing, the build failed, or the node did not start."""


def _sources():
    return [HERE / "pom.xml", *(HERE / "src").rglob("*")]


def is_built():
    if not JAR.exists() or not (HERE / "target" / "lib").is_dir():
        return False
    built = JAR.stat().st_mtime
    return all(path.stat().st_mtime <= built for path in _sources() if path.is_file())


def build(quiet=True):
    """`mvn package` when the jar is missing or older than its sources; Maven caches in ~/.m2."""
    if is_built():
        return
    maven = shutil.which("mvn")
    if maven is None or shutil.which("java") is None:
        raise NodeUnavailable("the search node needs Java 17 and Maven (apt-get install maven)")
    command = [maven, "-B", "-f", str(HERE / "pom.xml"), "-DskipTests", "package"]
    if quiet:
        command.insert(2, "-q")
    result = subprocess.run(command, capture_output=quiet, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        tail = (result.stdout or "")[-2000:] + (result.stderr or "")[-2000:]
        raise NodeUnavailable(f"building the search node failed:\n{tail}")


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_in_use(port):
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class SearchNode:
    process: subprocess.Popen
    url: str
    port: int
    data_dir: Path
    started_in: float

    @classmethod
    def start(cls, data_dir, http_port=0, stderr=None):
        """Start a node on `http_port` (0: any free port) and wait for its ready line.

        The node's log goes to `stderr`, by default to `searchnode.log` in the data folder.
        """
        build()
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        log = stderr or (Path(data_dir) / "searchnode.log").open("w")
        began = time.monotonic()
        command = [
            shutil.which("java") or "java", f"-Xms{HEAP}", f"-Xmx{HEAP}", "-jar", str(JAR),
            "--http-port", str(http_port), "--transport-port", "0", "--data", str(data_dir),
        ]  # fmt: skip
        process = subprocess.Popen(  # noqa: S603
            command, stdout=subprocess.PIPE, stderr=log, text=True
        )
        url = _await_ready(process, log)
        port = int(url.rsplit(":", 1)[1])
        return cls(process, url, port, Path(data_dir), time.monotonic() - began)

    def resident_mb(self):
        """The node's resident memory (VmRSS), in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(row for row in status.splitlines() if row.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024

    def kill(self):
        """SIGKILL, as a crash would: the fault tests' way of taking the engine away."""
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self, timeout=20):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        deadline = time.monotonic() + 5
        while port_in_use(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)
        if port_in_use(self.port):
            raise NodeUnavailable(f"port {self.port} still answers after stopping the node")


def _await_ready(process, log):
    """The URL from the node's ready line; the node's own words if it exits or hangs instead."""
    found = {}

    def read():
        for line in process.stdout:
            if line.startswith(READY):
                found["url"] = line[len(READY) :].split()[0]
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(START_TIMEOUT)
    if "url" not in found:
        process.kill()
        process.wait(timeout=10)
        raise NodeUnavailable(
            f"the search node did not start within {START_TIMEOUT:.0f} s "
            f"(exit code {process.returncode}); its log: {getattr(log, 'name', 'stderr')}"
        )
    return found["url"]


def main():
    parser = argparse.ArgumentParser(description="Run a local OpenSearch node for the portal.")
    parser.add_argument("--port", type=int, default=9200, help="HTTP port (default 9200)")
    parser.add_argument("--data", help="data folder (default: a new temporary folder)")
    args = parser.parse_args()
    print("Building the search node (Maven, first time about a minute)…", file=sys.stderr)
    build(quiet=False)
    data_dir = args.data or tempfile.mkdtemp(prefix="htx-searchnode-")
    node = SearchNode.start(data_dir, args.port, stderr=sys.stderr)
    print(
        f"Search node ready at {node.url} ({node.started_in:.1f} s, data in {data_dir}).\n"
        f"Use it: ELASTICSEARCH_URL={node.url} python manage.py search_index --rebuild\n"
        "Ctrl-C stops it.",
        file=sys.stderr,
    )
    try:
        node.process.wait()
    except KeyboardInterrupt:
        node.stop()


if __name__ == "__main__":
    main()
