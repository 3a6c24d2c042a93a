"""A school's contacts: edited by its LA officers and its own head (audited, versioned),
greeting the head and chair in letters and receiving the school's notifications."""

from uplift.audit.models import AuditEvent
from uplift.casework.letters.placeholders import school_contacts
from uplift.schools.models import ContactKind, SchoolContact


def _form(**people) -> dict:
    data = {"reason": "New chair elected"}
    for kind in ContactKind.values:
        given = people.get(kind, {})
        for name in ("title", "first_name", "last_name", "email"):
            data[f"{kind}-{name}"] = given.get(name, "")
        data[f"{kind}-version"] = given.get("version", 0)
    return data


HEAD = {"title": "Mrs", "first_name": "Meera", "last_name": "Patel", "email": "head@oak.sch.uk"}
CHAIR = {"title": "Mr", "first_name": "Gareth", "last_name": "Jones", "email": "chair@oak.sch.uk"}
CLERK = {"first_name": "Lin", "last_name": "Wu", "email": "clerk@oak.sch.uk"}


def test_letters_greet_the_recorded_head_and_chair(world, client):
    school = world.schools[0]
    before = school_contacts(school)
    assert before.salutation == "Dear Hana Head and Carl Chair"  # their accounts' names
    bare = world.schools[1]
    assert school_contacts(bare).salutation == "Dear Headteacher and Chair of Governors"
    assert school_contacts(bare).chair_salutation == "Dear Chair of Governors"

    client.force_login(world.users["officer"])
    url = f"/schools/{school.urn}/contacts/"
    assert client.get(url).status_code == 200
    saved = client.post(url, _form(head=HEAD, chair=CHAIR, clerk=CLERK))
    assert saved.status_code == 302, saved.content.decode()
    contacts = school_contacts(school)
    assert contacts.salutation == "Dear Mrs Patel and Mr Jones"
    assert contacts.chair_salutation == "Dear Mr Jones"
    assert contacts.headteacher == "Meera Patel"
    assert contacts.emails[:3] == ["head@oak.sch.uk", "chair@oak.sch.uk", "clerk@oak.sch.uk"]
    assert "hana.head@example.org" in contacts.emails  # the head's account too
    event = AuditEvent.objects.get(action="school.contacts_changed")
    assert event.actor == world.users["officer"] and event.reason == "New chair elected"
    assert event.changes["chair.last_name"] == [None, "Jones"]


def test_a_stale_page_changes_nothing(world, client):
    school = world.schools[0]
    client.force_login(world.users["head"])  # the school's own head may edit
    url = f"/schools/{school.urn}/contacts/"
    client.post(url, _form(head=HEAD))
    mine = client.post(url, _form(head={**HEAD, "version": 1, "last_name": "Patel-Shah"}))
    assert mine.status_code == 302
    stale = client.post(url, _form(head={**HEAD, "version": 1, "title": "Dr"}))
    assert stale.status_code == 200 and "Someone else changed this" in stale.content.decode()
    head = SchoolContact.objects.get(establishment=school, kind=ContactKind.HEAD)
    assert (head.title, head.last_name, head.version) == ("Mrs", "Patel-Shah", 2)


def test_who_may_edit(world, client):
    school = world.schools[0]
    url = f"/schools/{school.urn}/contacts/"
    for who in ("chair", "adviser", "data", "board"):
        client.force_login(world.users[who])
        assert client.get(url).status_code in (403, 404), who
        assert client.post(url, _form(head=HEAD)).status_code in (403, 404), who
    client.force_login(world.essex_admin)
    assert client.get(url).status_code == 404
    assert not SchoolContact.objects.exists()
    bad = _form(head={**HEAD, "email": "not an address"})
    client.force_login(world.admin)
    answer = client.post(url, bad)
    assert "email address like name@example.org" in answer.content.decode()
    assert not SchoolContact.objects.exists()
