"""The data officers' pages: history, a run's errors, and uploading a file."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from uplift.accounts.models import Role
from uplift.imports import registry
from uplift.imports.base import Importer, Option
from uplift.imports.models import ImportRun, RunStatus
from uplift.schools.models import Establishment

UPLOAD = reverse("imports:upload")

GIAS_CSV = (
    '"URN","LA (code)","LA (name)","EstablishmentNumber","EstablishmentName",'
    '"TypeOfEstablishment (name)","EstablishmentTypeGroup (name)","EstablishmentStatus (name)",'
    '"OpenDate","PhaseOfEducation (name)","StatutoryLowAge","StatutoryHighAge","NumberOfPupils",'
    '"PercentageFSM"\n'
    '"117001","919","Hertfordshire","2001","Abbots Langley Primary","Community school",'
    '"Local authority maintained schools","Open","01-09-1990","Primary","4","11","420","12.4"\n'
    '"117002","919","Hertfordshire","4001","Bishop\'s High","Academy converter","Academies",'
    '"Open","01-04-2012","Secondary","11","18","1500","SUPP"\n'
)


def upload(client, content: str, name="edubase extract.csv", **fields):
    file = SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")
    return client.post(
        f"{UPLOAD}?importer={fields.get('importer', 'gias')}",
        {"importer": "gias", "file": file, **fields},
    )


def a_run(**values) -> ImportRun:
    now = timezone.now()
    defaults = {
        "importer": "gias",
        "file_name": "edubasealldata20250422.csv",
        "sha256": "ab" * 32,
        "actor": "data.officer",
        "started_at": now,
        "finished_at": now + timedelta(seconds=3),
        "status": RunStatus.APPLIED,
        "rows_read": 1234,
        "rows_added": 1200,
        "rows_updated": 30,
        "rows_unchanged": 4,
    }
    return ImportRun.objects.create(**{**defaults, **values})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "scope"),
    [(Role.LA_OFFICER, "la"), (Role.ADVISER, "la"), (Role.HEADTEACHER, ""), (None, "")],
)
def test_others_get_403_and_no_imports_link(client, make_user, herts, role, scope):
    run = a_run()
    client.force_login(make_user("someone", role, **({"la": herts} if scope else {})))
    for url in (reverse("imports:list"), UPLOAD, reverse("imports:detail", args=[run.pk])):
        response = client.get(url)
        assert response.status_code == 403
        assert "You do not have access to this page" in response.content.decode()
    assert 'href="/imports/"' not in client.get(reverse("schools:list")).content.decode()
    response = upload(client, GIAS_CSV)
    assert response.status_code == 403
    assert not Establishment.objects.exists()


@pytest.mark.django_db
def test_superuser_and_system_admin_may_import(client, make_user):
    boss = make_user("boss")
    boss.is_superuser = True
    boss.save()
    client.force_login(boss)
    assert client.get(reverse("imports:list")).status_code == 200
    client.force_login(make_user("admin", Role.SYSTEM_ADMIN))
    assert client.get(UPLOAD).status_code == 200


@pytest.mark.django_db
def test_history_lists_runs_with_short_sha(officer_client):
    a_run()
    a_run(status=RunStatus.REJECTED, rows_rejected=2, file_name="broken.csv", sha256="cd" * 32)
    html = officer_client.get(reverse("imports:list")).content.decode()
    assert f'<code title="{"ab" * 32}">{"abababa"}…</code>' in html
    assert "edubasealldata20250422.csv" in html and "broken.csv" in html
    assert "GIAS establishments" in html  # the importer's label
    assert "1,234" in html and "govuk-tag--red" in html and "govuk-tag--green" in html
    assert html.index("broken.csv") < html.index("edubasealldata")  # newest first


@pytest.mark.django_db
def test_rejected_run_lists_each_error(officer_client):
    errors = [
        {
            "file": "x.csv",
            "row": 7,
            "column": "OpenDate",
            "value": "31-02-2020",
            "reason": "not a date",
        },
        {"file": "x.csv", "row": None, "column": "URN", "value": "", "reason": "missing column(s)"},
    ]
    run = a_run(status=RunStatus.REJECTED, errors=errors, rows_rejected=1)
    html = officer_client.get(reverse("imports:detail", args=[run.pk])).content.decode()
    assert "govuk-error-summary" in html and "nothing was saved" in html
    assert '<a href="#error-1">Row 7, OpenDate: not a date</a>' in html
    assert 'id="error-1"' in html and "<code>31-02-2020</code>" in html
    assert "Whole file" in html and "missing column(s)" in html
    assert "ab" * 32 in html.replace("<wbr>", "")


@pytest.mark.django_db
def test_choose_page_offers_every_importer(officer_client):
    html = officer_client.get(UPLOAD).content.decode()
    for importer in registry.all_importers():
        assert f"?importer={importer.name}" in html
        assert escape(importer.label) in html


@pytest.mark.django_db
def test_upload_a_gias_file_through_the_page(officer_client, data_officer):
    response = upload(officer_client, GIAS_CSV)
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:detail", args=[run.pk])
    assert (run.status, run.via, run.user, run.file_name) == (
        RunStatus.APPLIED,
        "web",
        data_officer,
        "edubase extract.csv",
    )
    assert (run.rows_read, run.rows_added) == (2, 2)
    school = Establishment.objects.get(urn=117002)
    assert school.la.code == "919" and school.percent_fsm is None  # SUPP is not zero
    page = officer_client.get(response["Location"]).content.decode()
    assert "Import of edubase extract.csv" in page and "Applied" in page

    again = upload(officer_client, GIAS_CSV)
    assert again.status_code == 302
    assert ImportRun.objects.first().rows_unchanged == 2  # the same file changes nothing


@pytest.mark.django_db
def test_dry_run_saves_nothing(officer_client):
    response = upload(officer_client, GIAS_CSV, dry_run="on")
    run = ImportRun.objects.get()
    assert run.status == RunStatus.DRY_RUN and run.rows_added == 2
    assert not Establishment.objects.exists()
    assert "This was a dry run" in officer_client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_a_bad_row_rejects_the_file_and_shows_why(officer_client, db_snapshot):
    before = db_snapshot()
    response = upload(officer_client, GIAS_CSV.replace("01-04-2012", "31-02-2012"))
    run = ImportRun.objects.get()
    assert run.status == RunStatus.REJECTED
    assert db_snapshot() == before
    html = officer_client.get(response["Location"]).content.decode()
    assert "The file was rejected and nothing was saved" in html
    assert "OpenDate" in html and "31-02-2012" in html


@pytest.mark.django_db
def test_missing_file_is_a_form_error(officer_client):
    response = officer_client.post(f"{UPLOAD}?importer=gias", {"importer": "gias"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_file">Select a file</a>' in html
    assert "govuk-file-upload--error" in html
    assert not ImportRun.objects.exists()


class OptionsImporter(Importer):
    """A test importer with a choice option and a patterned option; it writes nothing."""

    name = "with-options"
    label = "Importer with options"
    required_columns = ("URN",)
    options = (
        Option("dataset", "which download it is", choices=("ks2", "ks4"), required=True),
        Option(
            "year", "the academic year", required=True, pattern=r"\d{4}-\d{2}", example="2023-24"
        ),
    )

    def parse_row(self, cells):
        return cells.integer("URN", required=True)

    def write(self, parsed, tally):
        return f"{len(parsed)} rows, options {sorted(self.options.items())}"


@pytest.fixture
def options_importer(monkeypatch):
    registry.all_importers()  # load the real ones first
    monkeypatch.setitem(registry._IMPORTERS, OptionsImporter.name, OptionsImporter)
    return OptionsImporter


@pytest.mark.django_db
def test_options_render_as_select_and_text(officer_client, options_importer):
    html = officer_client.get(UPLOAD, {"importer": "with-options"}).content.decode()
    assert '<select class="govuk-select" id="id_option_dataset" name="option_dataset"' in html
    assert '<option value="ks4">ks4</option>' in html
    assert 'name="option_year" type="text"' in html and "For example, 2023-24." in html


@pytest.mark.django_db
def test_options_are_validated_then_passed_to_the_import(officer_client, options_importer):
    def post(**fields):
        file = SimpleUploadedFile("f.csv", b"URN\n1\n2\n")
        return officer_client.post(
            f"{UPLOAD}?importer=with-options",
            {"importer": "with-options", "file": file, **fields},
        )

    refused = post(option_dataset="ks3", option_year="2023")
    html = refused.content.decode()
    assert refused.status_code == 200 and not ImportRun.objects.exists()
    assert "Select a valid choice" in html
    assert "Enter the year like 2023-24" in html

    accepted = post(option_dataset="ks2", option_year="2023-24")
    run = ImportRun.objects.get()
    assert accepted.status_code == 302
    assert run.options == {"dataset": "ks2", "year": "2023-24"}
    assert run.summary == "2 rows, options [('dataset', 'ks2'), ('year', '2023-24')]"
