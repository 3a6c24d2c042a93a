"""A school's contacts page: who the LA writes to, edited by its LA officers and its head."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from uplift.audit.models import Via
from uplift.core.forms import reason_field
from uplift.core.web import REFUSED, attempt
from uplift.schools.access import visible_establishments
from uplift.schools.contacts import services
from uplift.schools.models import ContactKind


class ContactForm(forms.Form):
    title = forms.CharField(label="Title (optional)", max_length=20, required=False)
    first_name = forms.CharField(label="First name", max_length=100, required=False)
    last_name = forms.CharField(label="Last name", max_length=100, required=False)
    email = forms.CharField(label="Email address", max_length=254, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReasonForm(forms.Form):
    reason = reason_field()


@login_required
def edit_contacts(request, urn: int):
    school = get_object_or_404(visible_establishments(request.user).select_related("la"), urn=urn)
    if not services.can_edit_contacts(request.user, school):
        raise PermissionDenied
    recorded = services.contacts_of(school)
    data = request.POST or None
    sections = [
        (
            ContactKind(kind).label,
            ContactForm(
                data,
                prefix=kind,
                initial={
                    **{name: getattr(contact, name) for name in services.FIELDS},
                    "version": contact.version,
                },
            ),
        )
        for kind, contact in recorded.items()
    ]
    reason = ReasonForm(data)
    if request.method == "POST" and reason.is_valid() and all(f.is_valid() for _, f in sections):
        contacts = {form.prefix: form.cleaned_data for _, form in sections}
        done = attempt(
            reason,
            services.save_contacts,
            actor=request.user,
            via=Via.WEB,
            establishment=school,
            contacts=contacts,
            reason=reason.cleaned_data["reason"],
        )
        if done is not REFUSED:
            messages.success(request, f"{school.name}'s contacts saved")
            return redirect("school_contacts", urn=school.urn)
    return render(
        request,
        "schools/contacts.html",
        {"school": school, "sections": sections, "form": reason},
    )
