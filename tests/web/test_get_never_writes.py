"""A GET never writes: every page and API address an LA officer (and a system administrator)
can reach, read with GET, leaves every table as it was, except the logs of reading itself."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from tests.web.test_permission_matrix import ROLES, build_world, expected_table

# Reading logs: who downloaded a profile, who opened a letter (an audit event "letter.viewed");
# and the stored copy of a profile's PDF, made when first asked for (or found missing).
READING_LOGS = {"profiles_profiledownload", "profiles_profiledocument"}
READING_EVENTS = {"letter.viewed"}


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def audit_count() -> int:
    from uplift.audit.models import AuditEvent

    return AuditEvent.objects.exclude(action__in=READING_EVENTS).count()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["la.officer", "admin"])
def test_reading_every_reachable_address_writes_nothing(username):
    world = build_world()
    column = ROLES.index(username)
    urls = sorted(
        {url for _, url, expected in expected_table(world) if expected.split()[column] == "ok"}
    )
    assert len(urls) > 50
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    before, events = row_counts(), audit_count()
    for url in urls:
        assert client.get(url).status_code == 200, url
    after = row_counts()
    written = {
        table: (before[table], after[table])
        for table in after
        if after[table] != before.get(table)
        and table not in READING_LOGS
        and table != "audit_auditevent"
    }
    assert written == {}
    assert audit_count() == events
