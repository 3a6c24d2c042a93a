"""Running requests at the same moment, each thread on its own database connection: for the
lost-update and double-submit tests, which need a real server database (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writes need PostgreSQL's row locks (SQLite locks the whole file)",
)


def at_once(work, count: int) -> list:
    """Call work(i) for i in range(count) on `count` threads released together; each answer,
    or the exception it raised, in order."""
    barrier = threading.Barrier(count)
    answers: list = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            answers[i] = work(i)
        except Exception as error:  # the caller asserts on what each thread met
            answers[i] = error
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers
