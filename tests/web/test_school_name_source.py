"""The school page says, in plain words, which source named a school."""

import pytest
from django.urls import reverse

from uplift.schools.models import RegisterSource


@pytest.mark.django_db
def test_the_school_page_says_which_source_named_the_school(officer_client, herts, make_school):
    make_school(
        117083,
        herts,
        "Abbots Langley School",
        name_source=RegisterSource.SCHOOL_INFORMATION,
        name_edition="2017/18",
    )
    make_school(117084, herts, "Unrecorded Source School")
    page = officer_client.get(reverse("schools:detail", args=[117083])).content.decode()
    assert "Name from DfE school information 2017/18" in page
    assert "school_info" not in page
    other = officer_client.get(reverse("schools:detail", args=[117084])).content.decode()
    assert "Name from" not in other
