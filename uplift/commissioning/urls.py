"""/commissioning/...: providers and commissions, grants and bursaries, traded services."""

from django.urls import path

from uplift.commissioning import views
from uplift.commissioning.accountability import views as accountability
from uplift.commissioning.commissions import views as commissions
from uplift.commissioning.grants import claim_views as claims
from uplift.commissioning.grants import views as grants
from uplift.commissioning.setup import views as setup
from uplift.commissioning.spend import views as spend
from uplift.commissioning.traded import views as traded

app_name = "commissioning"
urlpatterns = [
    path("", views.index, name="index"),
    path("providers/", commissions.providers, name="providers"),
    path("providers/new/", setup.provider_new, name="provider_new"),
    path("providers/<int:pk>/edit/", setup.provider_edit, name="provider_edit"),
    path("commissions/", commissions.commission_list, name="commission_list"),
    path("commissions/<int:pk>/", commissions.commission_detail, name="commission_detail"),
    path("commissions/<int:pk>/report/<slug:part>/", commissions.report_part, name="report_part"),
    path("commissions/<int:pk>/report.pdf", commissions.report_pdf_view, name="report_pdf"),
    path("commissions/<int:pk>/report.csv", accountability.report_csv, name="report_csv"),
    path("commissions/<int:pk>/feedback/", accountability.ask_for_feedback, name="ask_feedback"),
    path("grants/", grants.scheme_list, name="scheme_list"),
    path("grants/new/", setup.scheme_new, name="scheme_new"),
    path("grants/<int:pk>/edit/", setup.scheme_edit, name="scheme_edit"),
    path("grants/<int:pk>/", grants.scheme_detail, name="scheme_detail"),
    path("grants/<int:pk>/apply/", grants.apply, name="apply"),
    path("applications/<int:pk>/", grants.application_detail, name="application_detail"),
    path("applications/<int:pk>/letter.pdf", grants.application_letter, name="application_letter"),
    path("applications/<int:pk>/claim/", claims.claim_new, name="claim_new"),
    path("applications/<int:pk>/condition/", claims.condition_new, name="condition_new"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim_detail"),
    path("spend/", spend.spend_report, name="spend"),
    path("spend.csv", spend.spend_csv, name="spend_csv"),
    path("spend/pay/<slug:kind>/<int:pk>/", spend.draw, name="spend_draw"),
    path("traded/", traded.service_list, name="service_list"),
    path("traded/new/", setup.service_new, name="service_new"),
    path("traded/<int:pk>/edit/", setup.service_edit, name="service_edit"),
    path("traded/<int:pk>/packages/new/", setup.package_new, name="package_new"),
    path("packages/<int:pk>/edit/", setup.package_edit, name="package_edit"),
    path("traded/<int:pk>/", traded.service_report, name="service_report"),
    path("traded/<int:pk>/subscribe/", traded.subscription_new, name="subscription_new"),
    path("traded/<int:pk>/training/", traded.training_new, name="training_new"),
    path("traded/<int:pk>/invoices.csv", traded.invoices_csv, name="invoices_csv"),
]
