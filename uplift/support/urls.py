"""/support/...: adviser visits and notes of visit, action plans and support cycles."""

from uplift.support.plans import urls as plans_urls
from uplift.support.visits import urls as visits_urls

app_name = "support"
urlpatterns = [*visits_urls.urlpatterns, *plans_urls.urlpatterns]
