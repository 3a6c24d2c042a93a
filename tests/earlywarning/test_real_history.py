"""The backtest on a subset of the real graded-inspection history (file 18 of SOURCES.md):
the first 3,000 schools of the file, in one LA made for them."""

import csv
from datetime import date

import pytest

from uplift.earlywarning import backtest
from uplift.imports.services import run_import
from uplift.schools.models import Establishment, LocalAuthority

HISTORY = "ofsted_inspection_history_scraped_2005-09_to_2017-08.csv"
SCHOOLS = 3000


@pytest.mark.real_data
@pytest.mark.django_db
def test_backtest_on_real_history_finds_declines_better_than_chance(raw_file, tmp_path):
    rows, urns = [], []
    with raw_file(HISTORY).open(newline="", encoding="utf-8-sig") as source:
        reader = csv.DictReader(source)
        for row in reader:
            if row["URN"] not in urns:
                if len(urns) == SCHOOLS:
                    break
                urns.append(row["URN"])
            rows.append(row)
        fields = reader.fieldnames
    subset = tmp_path / HISTORY
    with subset.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    la = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    Establishment.objects.bulk_create(
        Establishment(urn=int(urn), la=la, name=f"School {urn}", status="Open") for urn in urns
    )
    run_import(importer_name="inspection-history", path=subset, actor="test")
    result = backtest.run_backtest(as_at=date(2013, 9, 1), until=date(2015, 8, 31))
    assert result.scored > 1000 and result.declines > 50
    at_20 = {r["ranking"]: r for r in result.rows if r["share"] == 0.2}
    assert at_20[backtest.MODEL]["recall_declines"] > 0.3  # chance finds 20%
    assert "Recall declines" in backtest.table_text(result)
