"""/support/...: adviser visits and notes of visit, action plans and support cycles."""

from uplift.support import plans_urls, visits_urls

app_name = "support"
urlpatterns = [*visits_urls.urlpatterns, *plans_urls.urlpatterns]
