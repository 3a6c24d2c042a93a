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
    """Start the chart renderer once in each worker, before it takes its first request."""
    from uplift.core.charts import warm_up

    warm_up()
