"""The LA's note-of-visit templates: created with the standard headings, kept by its
officers, each change audited and checked."""

import pytest

from tests.support.visits_world import vw_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused
from uplift.support.models import NoteTemplate
from uplift.support.visits import services


@pytest.fixture
def template(vw):
    return services.ensure_default_note_template(la=vw.herts)


def _save(vw, template, who="la.officer", **changes):
    arguments = {
        "actor": vw[who],
        "via": Via.WEB,
        "template": template,
        "name": template.name,
        "sections": template.sections,
        "version": template.version,
        "reason": "Shorter notes",
    }
    return services.save_note_template(**{**arguments, **changes})


def test_the_default_has_the_standard_headings(template):
    assert [s["heading"] for s in template.sections] == [
        "Purpose of the visit",
        "Evidence seen",
        "Strengths",
        "Areas for development",
        "Agreed actions",
        "Next visit",
    ]
    assert all(s["prompt"] for s in template.sections)
    assert AuditEvent.objects.filter(action="note_template.created").count() == 1


def test_an_officer_changes_the_template(vw, template):
    saved = _save(
        vw,
        template,
        name="Focus visit",
        sections=[
            {"heading": " Focus ", "prompt": "What the visit looked at"},
            {"heading": "", "prompt": ""},
            {"heading": "Next steps", "prompt": ""},
        ],
    )
    assert saved.name == "Focus visit" and saved.version == template.version + 1
    assert saved.sections == [
        {"heading": "Focus", "prompt": "What the visit looked at"},
        {"heading": "Next steps", "prompt": ""},
    ]
    event = AuditEvent.objects.get(action="note_template.changed")
    assert event.reason == "Shorter notes" and event.la == vw.herts
    assert event.changes["name"] == ["Note of visit", "Focus visit"]
    assert saved.history.count() == 2


@pytest.mark.parametrize("who", ["adviser", "headteacher", "data.officer", "dfe.viewer"])
def test_only_officers_change_templates(vw, template, who):
    with pytest.raises(NotAllowed):
        _save(vw, template, who=who)


def test_another_las_officer_cannot(vw):
    essex = services.ensure_default_note_template(la=vw.essex)
    with pytest.raises(NotAllowed):
        _save(vw, essex)


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        ([], "A template needs at least one section"),
        (
            [{"heading": "", "prompt": "Orphan prompt"}],
            "Give every section of the template a heading",
        ),
        ([{"heading": "A"}, {"heading": "a"}], "The heading 'a' is given more than once"),
        ([{"heading": "x" * 121}], "A heading must be 120 characters or fewer"),
    ],
)
def test_sections_are_checked(vw, template, sections, message):
    with pytest.raises(Refused, match=message):
        _save(vw, template, sections=sections)


def test_a_stale_edit_is_refused(vw, template):
    _save(vw, template, name="First")
    with pytest.raises(Refused, match="while you were editing it"):
        _save(vw, template, name="Second")
    assert NoteTemplate.objects.get().name == "First"


def test_a_reason_is_required(vw, template):
    with pytest.raises(Refused, match="Enter the reason for the change"):
        _save(vw, template, reason=" ")


def test_the_pages(vw, template, client):
    client.force_login(vw["la.officer"])
    listing = client.get("/support/note-templates/").content.decode()
    assert "Note of visit" in listing and "Agreed actions" in listing
    edit = f"/support/note-templates/{template.pk}/edit/"
    form = client.get(edit).content.decode()
    assert 'value="Purpose of the visit"' in form and 'name="heading_8"' in form
    data = {"version": template.version, "name": "Note of visit", "reason": "Adding one"}
    for index, section in enumerate(template.sections):
        data[f"heading_{index}"] = section["heading"]
        data[f"prompt_{index}"] = section["prompt"]
    data["heading_6"] = "Safeguarding"
    answer = client.post(edit, data)
    assert answer.status_code == 302
    template.refresh_from_db()
    assert template.sections[-1] == {"heading": "Safeguarding", "prompt": ""}
    data["heading_7"] = "Strengths"
    refused = client.post(edit, {**data, "version": template.version})
    assert "The heading &#x27;Strengths&#x27; is given more than once" in refused.content.decode()


def test_a_get_never_makes_a_template_a_post_sets_up_the_standard_one(vw, client):
    client.force_login(vw["la.officer"])
    events = AuditEvent.objects.count()
    listing = client.get("/support/note-templates/")
    assert "Set up the standard template" in listing.content.decode()
    assert not NoteTemplate.objects.exists() and AuditEvent.objects.count() == events
    response = client.post("/support/note-templates/", {"la": vw.herts.code})
    template = NoteTemplate.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/{template.pk}/edit/")
    event = AuditEvent.objects.get(action="note_template.created")
    assert (event.actor, event.via) == (vw["la.officer"], Via.WEB)
    assert "Set up the standard" not in client.get("/support/note-templates/").content.decode()
