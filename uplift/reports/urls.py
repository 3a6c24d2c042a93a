from django.urls import path

from uplift.reports import target_views, views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.la_reports, name="la"),
    path("<str:code>/ofsted/", views.ofsted, name="ofsted"),
    path("<str:code>/ofsted.csv", views.ofsted_csv, name="ofsted_csv"),
    path("<str:code>/report-cards/", views.report_cards, name="report_cards"),
    path("<str:code>/report-cards.csv", views.report_cards_csv, name="report_cards_csv"),
    path("<str:code>/targets/", views.targets, name="targets"),
    path("<str:code>/targets.csv", views.targets_csv, name="targets_csv"),
    path("<str:code>/targets/new/", target_views.target_new, name="target_new"),
    path("<str:code>/targets/<int:pk>/delete/", target_views.target_delete, name="target_delete"),
    path("<str:code>/attainment/", views.attainment_page, name="attainment"),
    path("<str:code>/attainment.csv", views.attainment_csv, name="attainment_csv"),
    path("<str:code>/categories/", views.categories, name="categories"),
    path("<str:code>/categories.csv", views.categories_csv, name="categories_csv"),
    path("<str:code>/priority-schools/", views.priority, name="priority"),
    path("<str:code>/priority-schools.csv", views.priority_csv, name="priority_csv"),
    path("<str:code>/record/", views.la_record_page, name="la_record"),
    path("<str:code>/record.csv", views.la_record_csv, name="la_record_csv"),
]
