"""Speed, measured: lacs-ld side by side with Oxigraph and with a bare Flask ceiling.

One run publishes the data, starts lacs-ld under gunicorn (2 workers), an in-memory
`oxigraph serve` loaded from the service's own N-Triples download, and a ceiling app (a bare
Flask app under the same gunicorn settings answering constant bytes of the size of the
response under test), then drives each with wrk on loopback: 8 connections, a fixed
duration. It prints req/s, p50, p99 and the ratios, plus cold start (with and without SHACL
validation), publish time, the dumps' time and the resident memory of the whole service;
then the same at 4x and 16x the data (`benchmarks/replicate.py`). Results are written to
`benchmarks/results/` as JSON.

Run: python benchmarks/run.py [--duration 10] [--scales 1,4,16] [--skip-scaling]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from replicate import replicate  # noqa: E402

BIN = Path(sys.executable).parent
BASE_PORT = 5077
CONNECTIONS = 8
WORKERS = 2
ENTITY = "authority/E08000025"
PREFIXES = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
)
TTL = "text/turtle"
SRJ = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def base_uri(port: int) -> str:
    return f"http://127.0.0.1:{port}/"


# ---------------------------------------------------------------- queries under test


def entity_construct(base: str) -> str:
    """Oxigraph's side of an entity document: the same description as one CONSTRUCT."""
    this = f"<{base}id/{ENTITY}>"
    return (
        PREFIXES
        + f"""CONSTRUCT {{
  {this} ?p ?o . ?o ?op ?ov . ?p rdfs:label ?pl .
  ?s ?ip {this} . ?s ?sp ?sv .
}} WHERE {{
  {{ {this} ?p ?o .
    OPTIONAL {{ ?o ?op ?ov . FILTER (?op IN (rdfs:label, skos:prefLabel, dcterms:title,
                                             skos:notation)) }}
    OPTIONAL {{ ?p rdfs:label ?pl }} }}
  UNION
  {{ ?s ?ip {this} .
    ?s ?sp ?sv . FILTER (?sp IN (rdfs:label, skos:notation, dcterms:issued)) }}
}}"""
    )


def lacs_prefix(base: str) -> str:
    return f"PREFIX lacs: <{base}def/lacs#>\n" + PREFIXES


def join_query(base: str) -> str:
    """A three-way join: inspections, their authority and its region, with labels."""
    return (
        lacs_prefix(base)
        + """SELECT ?inspection ?date ?authority ?name ?region WHERE {
  ?inspection lacs:inspectedAuthority ?authority ; dcterms:issued ?date .
  ?authority rdfs:label ?name ; lacs:region ?r .
  ?r skos:prefLabel ?region .
  FILTER (?date >= "2018-01-01"^^<http://www.w3.org/2001/XMLSchema#date>)
} ORDER BY ?date ?inspection LIMIT 100"""
    )


def ask_query(base: str) -> str:
    return (
        lacs_prefix(base)
        + f"ASK {{ ?q lacs:quotedFrom ?i . ?i lacs:inspectedAuthority <{base}id/{ENTITY}> }}"
    )


# ---------------------------------------------------------------- processes


@dataclass
class Service:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_for(url: str, timeout: float, process: subprocess.Popen[bytes] | None = None) -> float:
    """Seconds until `url` answers 200."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process serving {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.02)
    raise RuntimeError(f"{url} did not answer 200 within {timeout:.0f} s")


def lacs_env(data_dir: Path, state_dir: Path, port: int, *, validate: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        LACS_LD_BASE_URI=base_uri(port),
        LACS_LD_PORT=str(port),
        LACS_LD_HOST="127.0.0.1",
        LACS_LD_WORKERS=str(WORKERS),
        LACS_LD_DATA_DIR=str(data_dir),
        LACS_LD_STATE_DIR=str(state_dir),
        LACS_LD_SKIP_VALIDATION_CACHE="true" if validate else "false",
    )
    return env


def start_lacs(
    data_dir: Path, state_dir: Path, port: int, logs: Path, *, validate: bool
) -> tuple[Service, float]:
    """lacs-ld under gunicorn; the seconds until both workers serve the entity document."""
    log = logs / f"lacs-{port}-{'validate' if validate else 'cached'}.log"
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(BIN / "lacs-ld"), "serve"],
        cwd=REPO,
        env=lacs_env(data_dir, state_dir, port, validate=validate),
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    service = Service("lacs-ld", process, port, log)
    try:
        url = f"{service.url}/doc/{ENTITY}.ttl"
        wait_for(url, 1800, process)
        wait_for(url, 60, process)  # the other worker, most likely
    except BaseException:
        service.stop()
        raise
    return service, time.perf_counter() - started


def start_ceiling(port: int, logs: Path) -> Service:
    log = logs / "ceiling.log"
    process = subprocess.Popen(
        [sys.executable, str(REPO / "benchmarks" / "ceiling.py"), str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    service = Service("ceiling", process, port, log)
    wait_for(f"{service.url}/bytes/1", 60, process)
    return service


def start_oxigraph(port: int, ntriples_gz: Path, logs: Path) -> tuple[Service, float]:
    """`oxigraph serve` in memory, loaded over its Graph Store endpoint; the seconds it took."""
    log = logs / "oxigraph.log"
    process = subprocess.Popen(
        [str(BIN / "oxigraph"), "serve", "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    service = Service("oxigraph", process, port, log)
    started = time.perf_counter()
    body = gzip.decompress(ntriples_gz.read_bytes())
    deadline = time.time() + 30
    while True:
        try:
            request = urllib.request.Request(
                f"{service.url}/store?default",
                data=body,
                method="POST",
                headers={"Content-Type": "application/n-triples"},
            )
            with urllib.request.urlopen(request, timeout=600) as answer:
                assert answer.status in (200, 201, 204), answer.status
            break
        except (urllib.error.URLError, ConnectionError):
            if time.time() > deadline:
                service.stop()
                raise
            time.sleep(0.05)
    return service, time.perf_counter() - started


def memory(pid: int) -> dict[str, Any]:
    """RSS and PSS (MiB) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    todo, seen = [pid], []
    while todo:
        current = todo.pop()
        seen.append(current)
        todo.extend(children.get(current, []))
    rss = pss = 0
    each_process = []
    for each in seen:
        try:
            rollup = (Path("/proc") / str(each) / "smaps_rollup").read_text()
            command = (Path("/proc") / str(each) / "cmdline").read_bytes()
        except OSError:
            continue
        one_rss = int(re.search(r"^Rss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
        one_pss = int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
        rss, pss = rss + one_rss, pss + one_pss
        name = command.replace(b"\0", b" ").decode(errors="replace")[:100]
        each_process.append({"command": name, "rss_mb": one_rss / 1024, "pss_mb": one_pss / 1024})
    return {
        "processes": len(seen),
        "rss_mb": rss / 1024,
        "pss_mb": pss / 1024,
        "each": each_process,
    }


# ---------------------------------------------------------------- load


@dataclass
class Load:
    url: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    assert match, text
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, duration: float, headers: dict[str, str] | None = None) -> Load:
    """wrk, one thread (the server needs the other cores), CONNECTIONS connections."""
    command = [
        "wrk",
        "-t1",
        f"-c{CONNECTIONS}",
        f"-d{int(duration)}s",
        "--latency",
        "--timeout",
        "30s",
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    # A warm-up first: caches fill, connections open and each server process starts its
    # SPARQL worker (on its first query) as they would in service.
    subprocess.run([*command[:3], "-d3s", *command[4:], url], capture_output=True, check=True)
    text = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", text).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", text).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", text).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    failed = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    errors = int(bad.group(1)) if bad else 0
    if failed:
        errors += sum(int(g) for g in failed.groups())
    return Load(url, rate, p50, p99, total, errors)


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), dict(exc.headers)


@dataclass
class Case:
    name: str
    path: str  # on lacs-ld
    headers: dict[str, str] = field(default_factory=dict)
    oxigraph_query: str | None = None
    oxigraph_accept: str = SRJ


def cases(base: str, etag: str) -> list[Case]:
    q = urllib.parse.quote
    return [
        Case("entity document, Turtle", f"/doc/{ENTITY}.ttl", {}, entity_construct(base), TTL),
        Case("entity document, HTML", f"/doc/{ENTITY}.html", {}, entity_construct(base), TTL),
        Case("304 revalidation", f"/doc/{ENTITY}.ttl", {"If-None-Match": etag}),
        Case(
            "SPARQL SELECT join",
            f"/sparql?query={q(join_query(base))}",
            {"Accept": SRJ},
            join_query(base),
        ),
        Case("SPARQL ASK", f"/sparql?query={q(ask_query(base))}", {"Accept": SRJ}, ask_query(base)),
        Case("list page", "/authorities", {"Accept": "text/html"}),
        Case("search", "/search?q=fostering", {"Accept": "text/html"}),
    ]


def measure_cases(
    lacs: Service, ceiling: Service, oxigraph: Service, base: str, duration: float
) -> list[dict[str, Any]]:
    status, _, answer_headers = fetch(f"{lacs.url}/doc/{ENTITY}.ttl")
    assert status == 200, status
    rows: list[dict[str, Any]] = []
    for case in cases(base, answer_headers["ETag"]):
        status, body, _ = fetch(lacs.url + case.path, case.headers)
        expected = 304 if "If-None-Match" in case.headers else 200
        if status != expected:
            raise RuntimeError(f"{case.name}: {case.path} answered {status}: {body[:300]!r}")
        row: dict[str, Any] = {"case": case.name, "bytes": len(body)}
        row["lacs"] = asdict(wrk(lacs.url + case.path, duration, case.headers))
        ceiling_path = "/not-modified" if expected == 304 else f"/bytes/{len(body)}"
        row["ceiling"] = asdict(wrk(ceiling.url + ceiling_path, duration))
        row["oxigraph"] = None
        if case.oxigraph_query is not None:
            url = f"{oxigraph.url}/query?query={urllib.parse.quote(case.oxigraph_query)}"
            accept = {"Accept": case.oxigraph_accept}
            status, answer, _ = fetch(url, accept)
            assert status == 200, (status, answer[:300])
            row["oxigraph_bytes"] = len(answer)
            row["oxigraph"] = asdict(wrk(url, duration, accept))
        row["vs_ceiling"] = row["lacs"]["requests_per_s"] / row["ceiling"]["requests_per_s"]
        row["vs_oxigraph"] = (
            row["lacs"]["requests_per_s"] / row["oxigraph"]["requests_per_s"]
            if row["oxigraph"]
            else None
        )
        rows.append(row)
        print(f"  {case.name}: {row['lacs']['requests_per_s']:.0f} req/s", flush=True)
    return rows


# ---------------------------------------------------------------- publishing


def publish_times(
    data_dir: Path, state_dir: Path, port: int, *, validate: bool = True
) -> dict[str, Any]:
    """Validate and write a snapshot, then its downloads, in a fresh process.

    Without `validate`, only make sure the validated snapshot has its downloads.
    """
    script = """
import json, tempfile, time
from pathlib import Path
from lacs_ld.services import dumps
from lacs_ld.services.publish import build, promote, sources_for
from lacs_ld.settings import Settings
settings = Settings.load()
started = time.perf_counter()
snapshot = build(settings, sources_for(settings))
built = time.perf_counter()
if settings.skip_validation_cache:
    with tempfile.TemporaryDirectory() as out:
        dumps.write(snapshot, Path(out))
dumped = time.perf_counter()
dumps.ensure(snapshot)
promote(settings, snapshot)
print(json.dumps({"publish_s": built - started, "dumps_s": dumped - built,
                  "triples": snapshot.triples, "snapshot": str(snapshot.directory)}))
"""
    env = lacs_env(data_dir, state_dir, port, validate=validate)
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    found: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def cached_snapshot(data_dir: Path, state_dir: Path, port: int) -> dict[str, Any] | None:
    """The snapshot already validated for these inputs, with its downloads, if there is one."""
    script = """
import json
from lacs_ld import __version__, queries
from lacs_ld.services import dumps
from lacs_ld.services.publish import sources_for
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings
settings = Settings.load()
salt = __version__ + "".join(example.text for example in queries.examples())
key = sources_for(settings).digest(settings.base_uri, salt)
found = Snapshot.read(settings.state_dir / "snapshots" / key)
ok = found is not None and dumps.read(dumps.folder(found)) is not None
print(json.dumps({"triples": found.triples, "snapshot": str(found.directory)} if ok else None))
"""
    env = lacs_env(data_dir, state_dir, port, validate=False)
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    found: dict[str, Any] | None = json.loads(out.stdout.strip().splitlines()[-1])
    return found


@contextmanager
def running(*services: Service) -> Iterator[None]:
    try:
        yield
    finally:
        for service in services:
            service.stop()


def one_scale(factor: int, args: argparse.Namespace, work: Path, logs: Path) -> dict[str, Any]:
    data_dir = REPO / "data" if factor == 1 else replicate(factor, work / f"data-x{factor}")
    state_dir = work / "state"
    port = args.port
    base = base_uri(port)
    result: dict[str, Any] = {"factor": factor, "data_dir": str(data_dir)}
    print(f"[{factor}x] publishing {data_dir}", flush=True)
    cached = cached_snapshot(data_dir, state_dir, port) if args.reuse else None
    timings_file = work / "timings.json"
    timings = json.loads(timings_file.read_text()) if timings_file.is_file() else {}
    if cached is None:
        published = publish_times(data_dir, state_dir, port)
        result.update(published)
        timings[published["snapshot"]] = {k: published[k] for k in ("publish_s", "dumps_s")}
        timings_file.write_text(json.dumps(timings, indent=1) + "\n")
    else:
        # Reused: the times measured when an earlier run published it, if one did.
        earlier = timings.get(cached["snapshot"], {})
        result.update(cached, publish_s=earlier.get("publish_s"), dumps_s=earlier.get("dumps_s"))
    if not (args.reuse and cached is not None) and not args.skip_validated_start:
        print(f"[{factor}x] cold start, validating", flush=True)
        lacs, seconds = start_lacs(data_dir, state_dir, port, logs, validate=True)
        lacs.stop()
        result["cold_start_validating_s"] = seconds
        # Serving with validation rewrote the snapshot folder: write its downloads again.
        publish_times(data_dir, state_dir, port, validate=False)
    else:
        result["cold_start_validating_s"] = None
    print(f"[{factor}x] cold start, validated", flush=True)
    lacs, seconds = start_lacs(data_dir, state_dir, port, logs, validate=False)
    result["cold_start_s"] = seconds
    ceiling = start_ceiling(free_port(), logs)
    dump = Path(result["snapshot"]) / "dumps" / "lacs-ld.nt.gz"
    oxigraph, load_s = start_oxigraph(free_port(), dump, logs)
    result["oxigraph_load_s"] = load_s
    with running(lacs, ceiling, oxigraph):
        result["memory_idle"] = memory(lacs.process.pid)
        result["cases"] = measure_cases(lacs, ceiling, oxigraph, base, args.duration)
        result["memory"] = memory(lacs.process.pid)
        result["oxigraph_memory"] = memory(oxigraph.process.pid)
    return result


# ---------------------------------------------------------------- report


def _f(value: float | None, spec: str = ".2f") -> str:
    return "—" if value is None else format(value, spec)


def table(result: dict[str, Any]) -> str:
    lines = [
        "| case | bytes | lacs-ld req/s | p50 ms | p99 ms | ceiling req/s | ÷ ceiling "
        "| Oxigraph req/s | ÷ Oxigraph |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in result["cases"]:
        lacs, ceiling, oxigraph = row["lacs"], row["ceiling"], row["oxigraph"]
        lines.append(
            f"| {row['case']} | {row['bytes']} | {lacs['requests_per_s']:.0f} "
            f"| {lacs['p50_ms']:.2f} | {lacs['p99_ms']:.2f} | {ceiling['requests_per_s']:.0f} "
            f"| {row['vs_ceiling']:.2f} | {_f(oxigraph and oxigraph['requests_per_s'], '.0f')} "
            f"| {_f(row['vs_oxigraph'])} |"
        )
    memory_now = result["memory"]
    lines += [
        "",
        "| measure | value |",
        "|---|--:|",
        f"| triples | {result['triples']} |",
        f"| publish (parse, SHACL validation, write the snapshot) | {_f(result['publish_s'])} s |",
        f"| dumps (every download of the release) | {_f(result['dumps_s'])} s |",
        f"| cold start, validated snapshot reused | {_f(result['cold_start_s'])} s |",
        f"| cold start, validating | {_f(result['cold_start_validating_s'])} s |",
        f"| memory after the load, {memory_now['processes']} processes: RSS / PSS "
        f"| {memory_now['rss_mb']:.0f} / {memory_now['pss_mb']:.0f} MiB |",
        f"| Oxigraph: load the N-Triples dump over HTTP | {result['oxigraph_load_s']:.2f} s |",
        f"| Oxigraph: RSS | {result['oxigraph_memory']['rss_mb']:.0f} MiB |",
    ]
    return "\n".join(lines)


def scaling_table(results: list[dict[str, Any]]) -> str:
    names = [row["case"] for row in results[0]["cases"]]
    head = "| measure | " + " | ".join(f"{r['factor']}x" for r in results) + " |"
    lines = [head, "|---|" + "--:|" * len(results)]
    lines.append("| triples | " + " | ".join(str(r["triples"]) for r in results) + " |")
    for name in names:
        cells = []
        for r in results:
            row = next(c for c in r["cases"] if c["case"] == name)
            cells.append(
                f"{row['lacs']['requests_per_s']:.0f} /s, p50 {row['lacs']['p50_ms']:.2f} ms"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for key, label in (
        ("publish_s", "publish, s"),
        ("dumps_s", "dumps, s"),
        ("cold_start_s", "cold start (validated), s"),
        ("cold_start_validating_s", "cold start (validating), s"),
    ):
        lines.append(f"| {label} | " + " | ".join(_f(r[key]) for r in results) + " |")
    lines.append(
        "| service RSS / PSS, MiB | "
        + " | ".join(f"{r['memory']['rss_mb']:.0f} / {r['memory']['pss_mb']:.0f}" for r in results)
        + " |"
    )
    return "\n".join(lines)


def install_wrk() -> None:
    """wrk, the load generator, from Debian's packages (needs root, or sudo)."""
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
        subprocess.run(sudo + command, check=False, stdout=subprocess.DEVNULL)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing and could not be installed: apt-get install -y wrk")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10.0, help="seconds of load per case")
    parser.add_argument("--scales", default="1,4,16", help="data factors, comma-separated")
    parser.add_argument("--skip-scaling", action="store_true", help="measure 1x only")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse snapshots validated by an earlier run (no publish or validating start)",
    )
    parser.add_argument(
        "--skip-validated-start",
        action="store_true",
        help="do not time a cold start that validates (slow on large data)",
    )
    parser.add_argument("--work-dir", type=Path, default=REPO / "var" / "bench")
    parser.add_argument(
        "--port",
        type=int,
        default=BASE_PORT,
        help="lacs-ld's port; part of the base URI, so of the snapshot cache key",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        install_wrk()
    factors = [1] if args.skip_scaling else [int(f) for f in args.scales.split(",")]
    args.work_dir.mkdir(parents=True, exist_ok=True)
    logs = Path(tempfile.mkdtemp(prefix="logs-", dir=args.work_dir))
    results = []
    for factor in factors:
        result = one_scale(factor, args, args.work_dir, logs)
        results.append(result)
        print(f"\n## {factor}x the bundled data\n\n{table(result)}\n", flush=True)
    if len(results) > 1:
        print("## Scaling\n\n" + scaling_table(results) + "\n")
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    document = {
        "when": stamp,
        "commit": commit,
        "cpus": os.cpu_count(),
        "workers": WORKERS,
        "connections": CONNECTIONS,
        "duration_s": args.duration,
        "entity": ENTITY,
        "results": results,
    }
    target = out / f"{stamp}.json"
    target.write_text(json.dumps(document, indent=1) + "\n")
    shutil.copyfile(target, out / "latest.json")
    print(f"results: {target}")


if __name__ == "__main__":
    main()
