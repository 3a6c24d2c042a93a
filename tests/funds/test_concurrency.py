"""Two officers committing from the same fund at once cannot together overspend it: the
fund's row is locked while the balance is summed (PostgreSQL only; SQLite has one writer)."""

import threading

import pytest
from django.db import close_old_connections, connection

from tests.funds.world import DAY, build_money_world
from uplift.audit.models import Via
from uplift.core.errors import Conflict
from uplift.funds import selectors, services


@pytest.mark.django_db(transaction=True)
def test_concurrent_commitments_cannot_overspend(settings):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    mw = build_money_world()
    fund = mw.fund(pence=1_500_000)  # room for one £12,000 commitment, not two
    officer = mw["la.officer"]
    barrier = threading.Barrier(4)
    outcomes = []

    def attempt():
        try:
            barrier.wait()
            services.commit(
                actor=officer,
                via=Via.WEB,
                fund=fund,
                amount_pence=1_200_000,
                dated=DAY,
                reason="Race",
                description="Race",
            )
            outcomes.append("committed")
        except Conflict as refused:
            outcomes.append(str(refused))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("committed") == 1
    assert all("£9,000.00 short" in o for o in outcomes if o != "committed")
    assert selectors.fund_balance(fund=fund).balance_pence == 300_000
