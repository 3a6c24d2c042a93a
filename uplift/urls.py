from django.contrib import admin
from django.urls import include, path

from uplift.core import views as core_views
from uplift.directory.urls import la_urlpatterns
from uplift.home import views as home_views
from uplift.schools.contacts import views as contact_views

urlpatterns = [
    path("", home_views.home, name="home"),
    path("", include("uplift.home.urls")),
    path("healthz", core_views.healthz, name="healthz"),
    path("accessibility/", core_views.accessibility, name="accessibility"),
    path("cookies/", core_views.cookies, name="cookies"),
    path("accounts/", include("uplift.accounts.urls")),
    path("people/", include("uplift.people.urls")),
    path("schools/<int:urn>/contacts/", contact_views.edit_contacts, name="school_contacts"),
    path("schools/", include("uplift.directory.urls")),
    path("la/", include((la_urlpatterns, "la"))),
    path("groups/", include("uplift.schools.groups.urls")),
    path("imports/", include("uplift.imports.urls")),
    path("history/", include("uplift.directory.history.urls")),
    path("categorisation/", include("uplift.categorisation.urls")),
    path("reports/", include("uplift.reports.urls")),
    path("early-warning/", include("uplift.earlywarning.urls")),
    path("profiles/", include("uplift.profiles.urls")),
    path("partnerships/", include("uplift.partnerships.urls")),
    path("governors/", include("uplift.governors.urls")),
    path("casework/", include("uplift.casework.urls")),
    path("support/", include("uplift.support.urls")),
    path("brokerage/", include("uplift.brokerage.urls")),
    path("funds/", include("uplift.funds.urls")),
    path("commissioning/", include("uplift.commissioning.urls")),
    path("impact/", include("uplift.impact.urls")),
    path("feedback/", include("uplift.feedback.urls")),
    path("", include("uplift.workload.urls")),
    path("api/", include("uplift.api.urls")),
    path("admin/", admin.site.urls),
]
