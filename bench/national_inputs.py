"""Builds national-size input files in the real published formats, from the real files.

- GIAS establishments: one row per school of the national 2018-19 census file (about 24,000),
  in the GIAS layout, each row taken from a real GIAS row with the school's URN, LA,
  establishment number, type and pupils put in.
- Ofsted MI: the real 2026 rows repeated under new URNs (and inspection numbers) to 22,000.
"""

import csv
import io
from pathlib import Path

CENSUS = "dfe_performance_tables_2018-19_census_national.csv"
GIAS = "gias_establishments_extract_20220420_hampshire_surrey.csv"
OFSTED = "ofsted_mi_state_funded_latest_2026-05_report_card_examples.csv"
OFSTED_ROWS = 22_000

CENSUS_TYPE_TO_GIAS = {
    "State-funded primary": ("Community school", "Local authority maintained schools", "Primary"),
    "State-funded secondary": ("Academy converter", "Academies", "Secondary"),
    "State-funded special school": (
        "Community special school",
        "Special schools",
        "Not applicable",
    ),
    "Non-maintained special school": (
        "Non-maintained special school",
        "Special schools",
        "Not applicable",
    ),
    "Independent school": ("Other independent school", "Independent schools", "Not applicable"),
    "State-funded nursery": (
        "Local authority nursery school",
        "Local authority maintained schools",
        "Nursery",
    ),
    "Pupil referral unit": (
        "Pupil referral unit",
        "Local authority maintained schools",
        "Not applicable",
    ),
}


def read_csv(path: Path, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def build_gias(raw: Path, out: Path) -> int:
    gias = read_csv(raw / GIAS, "cp1252")
    header, templates = gias[0], [r[: len(gias[0])] for r in gias[1:]]
    col = {name: i for i, name in enumerate(header)}
    census = read_csv(raw / CENSUS, "utf-8-sig")
    rows = []
    for n, school in enumerate(r for r in census[1:] if r[0].isdigit()):
        urn, la, estab, school_type, pupils = school[0], school[1], school[2], school[3], school[4]
        row = list(templates[n % len(templates)])
        type_name, type_group, phase = CENSUS_TYPE_TO_GIAS.get(
            school_type, CENSUS_TYPE_TO_GIAS["State-funded primary"]
        )
        row[col["URN"]] = urn
        row[col["LA (code)"]] = la
        row[col["LA (name)"]] = f"LA {la}"
        row[col["EstablishmentNumber"]] = estab
        row[col["EstablishmentName"]] = f"School {urn}"
        row[col["TypeOfEstablishment (name)"]] = type_name
        row[col["EstablishmentTypeGroup (name)"]] = type_group
        row[col["PhaseOfEducation (name)"]] = phase
        row[col["NumberOfPupils"]] = pupils if pupils.isdigit() else ""
        rows.append(row)
    with open(out, "w", encoding="cp1252", errors="replace", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def build_ofsted(raw: Path, out: Path, count: int = OFSTED_ROWS) -> int:
    mi = read_csv(raw / OFSTED, "cp1252")
    header, real = mi[0], mi[1:]
    col = {name: i for i, name in enumerate(header)}
    urn_columns = [i for i, name in enumerate(header) if name.startswith("URN")]
    number_columns = [i for i, name in enumerate(header) if "nspection number" in name]
    with open(out, "w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for n in range(count):
            row = list(real[n % len(real)])
            urn = str(900000 + n)
            old_urn = row[col["URN"]]
            for i in urn_columns:
                if row[i] == old_urn:
                    row[i] = urn
            for i in number_columns:
                if row[i].isdigit():
                    row[i] = str(20000000 + n * 3 + number_columns.index(i))
            row[col["LAESTAB"]] = row[col["LAESTAB"]][:3] + f"{n % 10000:04d}"
            writer.writerow(row)
    return count
