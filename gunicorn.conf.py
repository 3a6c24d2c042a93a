"""gunicorn settings, read from the working directory (`gunicorn uplift.wsgi`).

Worker model: sync workers, one process per request at a time. The pages are CPU-bound
Python (templates, the ORM) with short database waits on loopback, so threads would mostly
wait on the GIL; processes use every core. Count: the cores plus one, measured with
bench/web_load.py on a 2-core machine (README, Benchmarks). WEB_CONCURRENCY overrides it.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) + 1))
worker_class = "sync"


def post_worker_init(worker):
    """Before a worker takes its first request: import every view (the URL patterns) and
    start the chart renderer (about 4 s), so that no visitor waits for either."""
    from django.urls import get_resolver

    from uplift.core.charts import warm_up

    get_resolver().url_patterns  # noqa: B018 - imports the URL modules and their views
    warm_up()
