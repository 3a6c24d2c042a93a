"""`uplift import gias-links`: predecessor and successor links, national size and broken."""

import io
import time
from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from uplift.schools.models import EstablishmentLink

REAL_FILE = "gias_links_edubasealldata20250422.csv"
HEADER = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\r\n"
LINKS = (
    "100006,134643,CCfL Key Stage 3 PRU,Predecessor - merged,01-01-2022\r\n"
    "100016,132245,Kingsgate Primary School,Successor,\r\n"
    '108299,138950,"St Thomas à Becket Catholic Secondary School, A Voluntary Academy",'
    "Successor,31-10-2012\r\n"
)


def import_links(path) -> str:
    out = io.StringIO()
    call_command("import", "gias-links", str(path), "--no-progress", stdout=out)
    return out.getvalue()


def rejected(path) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import", "gias-links", str(path), "--no-progress", stderr=err)
    assert caught.value.returncode == 1
    return err.getvalue()


@pytest.mark.real_data
@pytest.mark.django_db
def test_real_national_file_imports_fast_and_again_changes_nothing(raw_file, db_snapshot):
    start = time.perf_counter()
    output = import_links(raw_file(REAL_FILE))
    seconds = time.perf_counter() - start
    assert "33801 rows read, 33801 added" in output
    assert seconds < 30, f"{seconds:.1f}s for 33,801 rows: not bulk"
    assert EstablishmentLink.objects.count() == 33801
    types = Counter(EstablishmentLink.objects.values_list("link_type", flat=True))
    assert (types["Successor"], types["Predecessor"], types["Predecessor - merged"]) == (
        16451,
        16264,
        230,
    )
    long_type = "Merged - expansion in school capacity and changer in age range"
    assert EstablishmentLink.objects.filter(urn=102200, link_type=long_type).exists()
    link = EstablishmentLink.objects.get(urn=108299, linked_urn=138950)
    assert link.linked_name.startswith("St Thomas à Becket")  # latin-1 kept
    assert (link.established_on, link.is_successor) == (date(2012, 10, 31), True)
    undated = EstablishmentLink.objects.get(urn=100016, linked_urn=132245)
    assert undated.established_on is None

    before = db_snapshot()
    assert "0 added, 0 updated, 33801 unchanged" in import_links(raw_file(REAL_FILE))
    assert db_snapshot() == before


@pytest.mark.django_db
def test_small_file_adds_then_updates(write_file):
    assert "3 added" in import_links(write_file("links.csv", HEADER + LINKS, "latin-1"))
    renamed = LINKS.replace("Kingsgate Primary School", "Kingsgate Primary")
    output = import_links(write_file("links2.csv", HEADER + renamed, "latin-1"))
    assert "0 added, 1 updated, 2 unchanged" in output
    assert EstablishmentLink.objects.get(urn=100016).linked_name == "Kingsgate Primary"


@pytest.mark.django_db
def test_queries_do_not_grow_with_rows(write_file):
    def queries_for(count: int, offset: int) -> int:
        rows = "".join(
            f"{100000 + offset + n},{200000 + n},School {n},Successor,01-09-2020\r\n"
            for n in range(count)
        )
        with CaptureQueriesContext(connection) as queries:
            import_links(write_file(f"links{count}.csv", HEADER + rows))
        return len(queries)

    assert queries_for(3, 0) == queries_for(150, 1000)


BROKEN = {
    "duplicated_link": (
        HEADER + LINKS + "100006,134643,CCfL KS3 PRU,Predecessor - merged,01-01-2022\r\n",
        "latin-1",
        "row 5, column 'URN, LinkURN, LinkType', value '100006, 134643, Predecessor - merged': "
        "the same link is on row 2 and row 5",
    ),
    "bad_date": (
        HEADER + LINKS.replace("01-01-2022", "2022-13-01"),
        "latin-1",
        "row 2, column 'LinkEstablishedDate', value '2022-13-01': not a date",
    ),
    "text_in_urn": (
        HEADER + LINKS.replace("100016,", "URN100016,"),
        "latin-1",
        "row 3, column 'URN', value 'URN100016': not a URN (six digits, 100000 to 999999)",
    ),
    "missing_link_type": (
        HEADER + LINKS.replace(",Successor,", ",,", 1),
        "latin-1",
        "row 3, column 'LinkType': a value is required",
    ),
    "utf16": (HEADER + LINKS, "utf-16", "UTF-16"),
    "missing_column": (
        HEADER.replace("LinkURN,", "") + "100006,CCfL,Predecessor,01-01-2022\r\n",
        "utf-8",
        "column 'LinkURN': missing column(s)",
    ),
    "empty": ("", "utf-8", "the file is empty"),
    "header_only": (HEADER, "utf-8", "the file has a header but no data rows"),
    "gias_establishments_file": (
        '"URN","LA (code)","EstablishmentName"\r\n115850,"850","Alton Infant School"\r\n',
        "cp1252",
        "missing column(s) that a GIAS establishment links file has",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_files_are_rejected_and_change_nothing(case, write_file, db_snapshot):
    import_links(write_file("good.csv", HEADER + LINKS, "latin-1"))
    before = db_snapshot()
    content, encoding, message = BROKEN[case]
    assert message in rejected(write_file(f"{case}.csv", content, encoding))
    assert db_snapshot() == before
