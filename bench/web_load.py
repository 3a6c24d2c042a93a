"""Web load benchmark: gunicorn and PostgreSQL on loopback. Prints figures; asserts nothing.

    uv run python bench/web_load.py [--requests 400] [--clients 4] [--workers 2] [--reuse]

It creates a PostgreSQL database (UPLIFT_BENCH_WEB_POSTGRES_URL, default
postgres://postgres@127.0.0.1:5432/uplift_web_load), migrates it and loads `uplift demo`,
makes an API token for the LA officer persona with `uplift create-token`, and starts gunicorn
on 127.0.0.1. Then, for each endpoint, a fixed number of requests from a few client threads
(each request on a new connection, as gunicorn's sync workers close them): p50 and p95 latency
and requests per second, each also as a ratio to the trivial /healthz on the same server. The
pages are read signed in with a session cookie, the API with the bearer token. Every loop is
bounded in count and time, and the script stops the server it started.
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


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    headers: dict[str, str]


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
    parser.add_argument("--clients", type=int, default=4, help="concurrent threads (max 16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--reuse", action="store_true", help="keep an already loaded database")
    args = parser.parse_args()
    requests, clients = min(args.requests, 5000), min(args.clients, 16)

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

    port = free_port()
    server = start_gunicorn(env, port, args.workers)
    try:
        wait_until_up(port)
        session = sign_in(port)
        urn = first_school_urn(port, token)
        endpoints = [
            Endpoint("healthz", "/healthz", {}),
            Endpoint("school list", "/schools/", {"Cookie": session}),
            Endpoint("school list, filtered", "/schools/?phase_group=primary", {"Cookie": session}),
            Endpoint("school page", f"/schools/{urn}/", {"Cookie": session}),
            Endpoint("API schools", "/api/v1/schools", {"Authorization": f"Bearer {token}"}),
            Endpoint("API school", f"/api/v1/schools/{urn}", {"Authorization": f"Bearer {token}"}),
        ]
        print(
            f"gunicorn {args.workers} sync workers on {HOST}:{port}, PostgreSQL, "
            f"{requests} requests per endpoint from {clients} client threads, as {PERSONA}"
        )
        results = {e.name: measure(port, e, requests=requests, clients=clients) for e in endpoints}
    finally:
        stop(server)
    report(results)


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
            print(f"reusing database {name}")
        else:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    uplift(env, "migrate", "--verbosity", "0")
    uplift(env, "demo", "--no-progress")  # idempotent: fast when reused
    print(f"database {name}: migrated and demo loaded in {time.perf_counter() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_gunicorn(env: dict, port: int, workers: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "uplift.wsgi:application",
            f"--bind={HOST}:{port}",
            f"--workers={workers}",
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


def wait_until_up(port: int, seconds: float = 30) -> None:
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


def first_school_urn(port: int, token: str) -> int:
    status, _, body = request(
        port, "GET", "/api/v1/schools?limit=1", {"Authorization": f"Bearer {token}"}
    )
    if status != 200:
        sys.exit(f"the API answered {status} for the school list")
    return json.loads(body)["results"][0]["urn"]


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


def report(results: dict[str, Figures]) -> None:
    floor = results["healthz"]
    print(
        f"\n{'endpoint':<24} {'sent':>5} {'failed':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'req/s':>7} {'p50 x':>7} {'p95 x':>7} {'req/s x':>8}"
    )
    for name, f in results.items():
        print(
            f"{name:<24} {f.sent:>5} {f.failed:>6} {f.p50_ms:>8.1f} {f.p95_ms:>8.1f} "
            f"{f.per_second:>7.1f} {f.p50_ms / floor.p50_ms:>7.1f} "
            f"{f.p95_ms / floor.p95_ms:>7.1f} {f.per_second / floor.per_second:>8.2f}"
        )
    print("\nx: the ratio to /healthz on the same server (latency: times slower; req/s: share).")


if __name__ == "__main__":
    main()
