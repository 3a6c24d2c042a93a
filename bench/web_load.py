"""Web load benchmark: gunicorn and PostgreSQL on loopback. Prints figures; asserts nothing.

    uv run python bench/web_load.py [--requests 400] [--clients 20] [--port 8731]
        [--workers N] [--threads N] [--reuse]

It creates a PostgreSQL database (UPLIFT_BENCH_WEB_POSTGRES_URL, default
postgres://postgres@127.0.0.1:5432/uplift_web_load), migrates it and loads `uplift demo`,
makes an API token for the LA officer persona with `uplift create-token`, and starts gunicorn
on 127.0.0.1 at a fixed port, with gunicorn.conf.py (its worker model and count unless
--workers or --threads say otherwise). Then, for each page an LA officer opens daily (home,
school list, school page, round page, profiles list, case list, case page, my work, reports)
and the API, a fixed number of requests from the client threads (each request on a new
connection, as gunicorn's sync workers close them): p50 and p95 latency and requests per
second, each also as a ratio to the trivial /healthz on the same server, and the goal each
page's throughput share is held to (issue 17). The pages are read signed in as the LA officer
with a session cookie, the API with the bearer token. Every loop is bounded in count and
time, and the script stops the server it started.
"""

import argparse
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the project's virtualenv: uplift and gunicorn live here
HOST = "127.0.0.1"  # loopback only
POSTGRES_URL = os.environ.get(
    "UPLIFT_BENCH_WEB_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/uplift_web_load"
)
PERSONA, PASSWORD = "la.officer", "uplift-demo-2026"
MAX_SECONDS_PER_ENDPOINT = 120  # a slow endpoint stops early and says how many it sent
MAX_CLIENTS = 64
# Throughput as a share of /healthz that each page is held to: the pages an officer opens
# all day 0.5, every other page 0.3.
ALL_DAY = {"school list", "school page"}
GOAL_ALL_DAY, GOAL_PAGE = 0.5, 0.3


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    headers: dict[str, str]
    goal: float | None = None  # share of /healthz throughput


@dataclass(frozen=True)
class Figures:
    sent: int
    failed: int
    p50_ms: float
    p95_ms: float
    per_second: float


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=400, help="per endpoint (max 5000)")
    parser.add_argument(
        "--clients", type=int, default=20, help=f"concurrent threads (max {MAX_CLIENTS})"
    )
    parser.add_argument("--port", type=int, default=8731, help="fixed port on 127.0.0.1")
    parser.add_argument("--workers", type=int, help="gunicorn workers (gunicorn.conf.py)")
    parser.add_argument("--threads", type=int, help="threads per worker (gthread if > 1)")
    parser.add_argument("--reuse", action="store_true", help="keep an already loaded database")
    parser.add_argument("--only", help="comma-separated endpoint names (and always /healthz)")
    args = parser.parse_args()
    requests, clients = min(args.requests, 5000), min(args.clients, MAX_CLIENTS)

    env = {
        **os.environ,
        "DATABASE_URL": POSTGRES_URL,
        "DJANGO_SETTINGS_MODULE": "uplift.settings",
        "DJANGO_DEBUG": "0",
        "DATABASE_CONN_MAX_AGE": "60",  # persistent connections, as in production
        "UPLIFT_LOG_LEVEL": "ERROR",
    }
    env.pop("DJANGO_SECURE", None)  # plain HTTP on loopback
    prepare_database(env, reuse=args.reuse)
    token = uplift(env, "create-token", PERSONA, "--name", "web load benchmark").strip()

    pages = officer_pages(env)
    urn = pages.pop("urn")
    port = args.port
    port_is_free(port)
    server = start_gunicorn(env, port, args.workers, args.threads)
    try:
        wait_until_up(port)
        session = sign_in(port)
        cookie, bearer = {"Cookie": session}, {"Authorization": f"Bearer {token}"}
        endpoints = [
            Endpoint("healthz", "/healthz", {}),
            *(
                Endpoint(name, path, cookie, GOAL_ALL_DAY if name in ALL_DAY else GOAL_PAGE)
                for name, path in pages.items()
            ),
            Endpoint("school list, filtered", "/schools/?phase_group=primary", cookie, GOAL_PAGE),
            Endpoint("API schools", "/api/v1/schools", bearer),
            Endpoint("API school", f"/api/v1/schools/{urn}", bearer),
        ]
        if args.only:
            wanted = {"healthz", *(name.strip() for name in args.only.split(","))}
            endpoints = [e for e in endpoints if e.name in wanted]
        workers = args.workers or "gunicorn.conf.py's"
        model = f"gthread x{args.threads}" if (args.threads or 1) > 1 else "sync"
        print(
            f"gunicorn {workers} {model} workers on {HOST}:{port}, PostgreSQL, "
            f"{requests} requests per endpoint from {clients} client threads, as {PERSONA}"
        )
        results = {e.name: measure(port, e, requests=requests, clients=clients) for e in endpoints}
    finally:
        stop(server)
    report(results, {e.name: e.goal for e in endpoints})


def uplift(env: dict, *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "uplift"), *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"uplift {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def prepare_database(env: dict, *, reuse: bool) -> None:
    import psycopg

    subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh")], check=True)
    base, name = POSTGRES_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reuse:
            print(f"reusing database {name} as it is (migrated, demo loaded)")
            return
        else:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    uplift(env, "migrate", "--verbosity", "0")
    uplift(env, "demo", "--no-progress")  # idempotent: fast when reused
    print(f"database {name}: migrated and demo loaded in {time.perf_counter() - started:.0f} s")


OFFICER_PAGES = """
import json
from django.db.models import Count
from django.urls import reverse
from uplift.casework.models import ConcernCase
from uplift.categorisation.models import Round
from uplift.performance.models import Level, Result
from uplift.performance.trends import KEY_MEASURES
from uplift.schools.models import LocalAuthority

la = LocalAuthority.objects.get(code="919")
round_ = Round.objects.filter(la=la).order_by("-as_at", "-pk").first()
case = ConcernCase.objects.filter(establishment__la=la).order_by("pk").first()
urn = (  # the school with the most charts
    Result.objects.filter(level=Level.SCHOOL, establishment__la=la, measure__code__in=KEY_MEASURES)
    .values("establishment__urn").annotate(n=Count("measure", distinct=True))
    .order_by("-n", "establishment__urn")[0]["establishment__urn"]
)
print(json.dumps({
    "home page": reverse("home"),
    "school list": reverse("schools:list"),
    "school page": reverse("schools:detail", args=[urn]),
    "round page": reverse("categorisation:round", args=[round_.pk]),
    "profiles list": reverse("profiles:round", args=[la.code, round_.code]),
    "case list": reverse("casework:case_list"),
    "case page": reverse("casework:case_detail", args=[case.pk]),
    "my work": reverse("workload:my_work"),
    "reports": reverse("reports:la", args=[la.code]),
    "urn": urn,
}))
"""


def officer_pages(env: dict) -> dict:
    """The demo LA's pages an officer opens daily, by name (and the school's URN)."""
    return json.loads(uplift(env, "shell", "-c", OFFICER_PAGES).strip().splitlines()[-1])


def port_is_free(port: int) -> None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind((HOST, port))
        except OSError:
            sys.exit(f"port {port} on {HOST} is in use: pass --port")


def start_gunicorn(env: dict, port: int, workers: int | None, threads: int | None):
    chosen = [f"--workers={workers}"] if workers else []
    if threads and threads > 1:
        chosen += ["--worker-class=gthread", f"--threads={threads}"]
    return subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "uplift.wsgi:application",
            "--config=gunicorn.conf.py",
            f"--bind={HOST}:{port}",
            *chosen,
            "--timeout=300",  # a shared machine can make a worker's first seconds slow
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,  # its own process group, which stop() ends
    )


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def request(port: int, method: str, path: str, headers=None, body=None):
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()


def wait_until_up(port: int, seconds: float = 120) -> None:
    """Each worker warms the chart renderer before it answers (gunicorn.conf.py)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer on {HOST}:{port} within {seconds} s")


def _cookies(headers) -> dict[str, str]:
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            found[key] = rest.split(";", 1)[0]
    return found


def sign_in(port: int) -> str:
    """Sign in through the real form; the session cookie, as a Cookie header."""
    status, headers, body = request(port, "GET", "/accounts/sign-in/")
    csrf_cookie = _cookies(headers)["csrftoken"]
    form_token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = urlencode(
        {"csrfmiddlewaretoken": form_token.decode(), "username": PERSONA, "password": PASSWORD}
    )
    status, headers, _ = request(
        port,
        "POST",
        "/accounts/sign-in/",
        headers={
            "Cookie": f"csrftoken={csrf_cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{HOST}:{port}/accounts/sign-in/",
        },
        body=form,
    )
    session = _cookies(headers).get("sessionid")
    if status != 302 or not session:
        sys.exit(f"could not sign in as {PERSONA} (status {status})")
    return f"sessionid={session}"


def measure(port: int, endpoint: Endpoint, *, requests: int, clients: int) -> Figures:
    for _ in range(10):  # warm up: connections, caches, imports in each worker
        request(port, "GET", endpoint.path, endpoint.headers)
    latencies, failures = [], []
    lock = threading.Lock()
    remaining = [requests]
    deadline = time.monotonic() + MAX_SECONDS_PER_ENDPOINT

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                status = request(port, "GET", endpoint.path, endpoint.headers)[0]
            except OSError as error:
                status = repr(error)
            elapsed = time.perf_counter() - started
            with lock:
                (latencies if status == 200 else failures).append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return Figures(
        sent=len(latencies) + len(failures),
        failed=len(failures),
        p50_ms=statistics.median(latencies) * 1000 if latencies else float("nan"),
        p95_ms=cuts[94] * 1000,
        per_second=len(latencies) / wall,
    )


def report(results: dict[str, Figures], goals: dict[str, float | None]) -> None:
    floor = results["healthz"]
    print(
        f"\n{'endpoint':<24} {'sent':>5} {'failed':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'req/s':>7} {'p50 x':>7} {'p95 x':>7} {'req/s x':>8} {'goal':>6}"
    )
    for name, f in results.items():
        share = f.per_second / floor.per_second
        goal = goals.get(name)
        verdict = "" if goal is None else f"{goal:>4.2f} {'met' if share >= goal else 'MISSED'}"
        print(
            f"{name:<24} {f.sent:>5} {f.failed:>6} {f.p50_ms:>8.1f} {f.p95_ms:>8.1f} "
            f"{f.per_second:>7.1f} {f.p50_ms / floor.p50_ms:>7.1f} "
            f"{f.p95_ms / floor.p95_ms:>7.1f} {share:>8.2f}  {verdict}"
        )
    print("\nx: the ratio to /healthz on the same server (latency: times slower; req/s: share).")


if __name__ == "__main__":
    main()
